"""The Markdown answer record and the feedback log."""

import json
import multiprocessing

import pytest

from qa.feedback import FeedbackLog, feedback_record
from qa.record import Turn, to_markdown


def _context(assistant):
    m = assistant.index.manifest
    return {"documents": m["documents"], "embedder": assistant.embedder.name,
            "generator": assistant.generator.name, "index_built_at": m["built_at"]}


def test_record_holds_question_answer_quotes_models_and_dates(extractive_assistant):
    answer = extractive_assistant.ask("上海市制造业产品质量合格率是多少？").to_json()
    turn = Turn("上海市制造业产品质量合格率是多少？", answer, "2026-11-30T12:00:00+08:00")
    text = to_markdown([turn], _context(extractive_assistant), "http://127.0.0.1:7860/")
    assert "> 上海市制造业产品质量合格率是多少？" in text and answer["answer"] in text
    for c in answer["citations"]:
        assert c["label"] in text and f"> {c['quote']}" in text
        assert f"http://127.0.0.1:7860/{c['address']}" in text
    m = extractive_assistant.index.manifest
    assert m["built_at"] in text and extractive_assistant.embedder.name in text and "生成模型：extractive" in text
    assert "导出时间：20" in text and "提问时间：2026-11-30T12:00:00+08:00" in text


def test_record_shows_pasted_markup_as_text(extractive_assistant):
    question = "![x](http://evil.example/p.png) <b>粗</b> 合格率是多少？"
    answer = extractive_assistant.ask(question).to_json()
    text = to_markdown([Turn(question, answer, "t")], _context(extractive_assistant))
    assert "![x]" not in text and "<b>" not in text and "\\!\\[x\\]" in text


def test_conversation_record_numbers_every_turn_and_empty_is_refused(extractive_assistant):
    a = extractive_assistant.ask("上海市制造业产品质量合格率是多少？").to_json()
    b = extractive_assistant.ask("2019年北京市的质量工作有哪些成绩？").to_json()
    text = to_markdown([Turn("q1", a, "t1"), Turn("q2", b, "t2")], _context(extractive_assistant))
    assert "## 问题 1" in text and "## 问题 2" in text and "（2 个问题）" in text
    assert "通知中未提及" in text                                   # the abstention's mode is stated
    with pytest.raises(ValueError):
        to_markdown([], _context(extractive_assistant))


def _write_many(path, worker, count):
    log = FeedbackLog(path)
    for i in range(count):
        log.append({"worker": worker, "i": i, "comment": f"{worker}-{i}-" + "长" * 3000})


def test_concurrent_feedback_writers_never_interleave(tmp_path):
    path = tmp_path / "fb" / "feedback.jsonl"
    workers = [multiprocessing.Process(target=_write_many, args=(path, w, 60)) for w in range(4)]
    for p in workers:
        p.start()
    for p in workers:
        p.join(60)
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]          # every line is one whole record
    assert len(records) == 240
    assert {(r["worker"], r["i"]) for r in records} == {(w, i) for w in range(4) for i in range(60)}
    assert all(r["comment"].startswith(f"{r['worker']}-{r['i']}-") for r in records)


def test_feedback_record_keeps_what_the_office_needs(extractive_assistant):
    answer = extractive_assistant.ask("上海市制造业产品质量合格率是多少？").to_json()
    record = feedback_record("down", "q", answer, "  数字不对 " + "x" * 5000, "t0", "t1", "s")
    assert record["verdict"] == "down" and record["answer"] == answer["answer"]
    assert record["citations"][0]["quote"] == answer["citations"][0]["quote"]
    assert record["comment"].startswith("数字不对") and len(record["comment"]) == 2000
    assert record["time"] == "t1" and record["asked_at"] == "t0"
