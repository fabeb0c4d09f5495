"""The CLI contract of DESIGN.md, run as a user runs it (a subprocess)."""

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT


def run(args, settings, **env):
    full_env = {**os.environ, "QA_SOURCE_DIR": str(settings.source_dir), "QA_INDEX_DIR": str(settings.index_dir),
                "QA_GENERATOR": "extractive", "HF_HUB_OFFLINE": "1", **env}
    return subprocess.run([sys.executable, "-m", "qa", *args], cwd=ROOT, env=full_env,
                          capture_output=True, text=True, timeout=300)


def test_help_lists_commands(settings):
    done = run(["--help"], settings)
    assert done.returncode == 0
    for command in ("index", "ask", "eval", "serve"):
        assert command in done.stdout


def test_index_then_ask_json(settings):
    done = run(["index"], settings)
    assert done.returncode == 0, done.stderr
    assert "38 sections" in done.stdout
    done = run(["ask", "上海市制造业产品质量合格率是多少？", "--json"], settings)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert set(answer) >= {"question", "answer", "abstained", "citations", "retrieved", "timings_ms", "model"}
    assert "96.04" in answer["answer"] and answer["abstained"] is False
    citation = answer["citations"][0]
    assert set(citation) >= {"n", "doc_id", "section_id", "label", "path", "quote", "start", "end"}
    text = (settings.source_dir / "shanghai-quality-notice-2024.txt").read_text(encoding="utf-8")
    assert text[citation["start"]:citation["end"]] == citation["quote"]
    assert f"[{citation['n']}]" in answer["answer"]
    assert set(answer["timings_ms"]) >= {"retrieve", "generate", "total"}


@pytest.mark.parametrize("args,code", [(["ask"], 2), (["ask", "   "], 2), (["frobnicate"], 2),
                                       (["ask", "问题", "--top-k", "0"], 2), (["eval", "/nonexistent.jsonl"], 1)])
def test_bad_usage_and_failures_give_one_line_errors(settings, args, code):
    done = run(args, settings)
    assert done.returncode == code
    assert "Traceback" not in done.stderr
    assert done.stderr.strip()


def test_a_bad_setting_names_where_it_came_from(settings):
    """A value the user passed as a flag is named by that flag; one from the environment by its
    variable (breaker: --top-k 0 was reported as QA_TOP_K)."""
    assert "(--top-k)" in run(["ask", "问题", "--top-k", "0"], settings).stderr
    assert "(QA_TOP_K)" in run(["ask", "问题"], settings, QA_TOP_K="0").stderr


def test_missing_source_folder_is_a_one_line_error(settings, tmp_path):
    done = run(["ask", "问题"], settings, QA_SOURCE_DIR=str(tmp_path / "nope"))
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "source folder not found" in done.stderr


def test_eval_json_summary(settings, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "x", "question": "去年质量监督抽查一共部署了多少批次？",
                                "kind": "numeric", "gold": [{"part": 1, "item": 12}],
                                "must_contain": ["13766"], "abstain": False}, ensure_ascii=False) + "\n")
    out = tmp_path / "results.json"
    done = run(["eval", str(gold), "--json", "--out", str(out)], settings)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    for key in ("n", "recall@1", "recall@3", "mrr", "answer_accuracy", "abstain_accuracy",
                "citation_precision", "citation_validity", "by_kind"):
        assert key in summary
    assert summary["recall@3"] == 1.0 and summary["answer_accuracy"] == 1.0
    assert json.loads(out.read_text())["results"][0]["citations"]


def test_eval_scores_a_question_the_guard_rejects_and_goes_on(settings, tmp_path):
    """An item whose question is only an emoji is scored as refused (breaker, thirteenth session:
    the whole run had stopped with no --out file)."""
    gold = tmp_path / "gold.jsonl"
    rows = [{"id": "y", "kind": "offtopic", "question": "🙂", "gold": [], "must_contain": [], "abstain": True},
            {"id": "x", "kind": "numeric", "question": "去年质量监督抽查一共部署了多少批次？",
             "gold": [{"part": 1, "item": 12}], "must_contain": ["13766"], "abstain": False}]
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "results.json"
    done = run(["eval", str(gold), "--json", "--out", str(out)], settings)
    assert done.returncode == 0, done.stderr
    results = {r["id"]: r for r in json.loads(out.read_text())["results"]}
    assert results["y"]["mode"] == "refused" and results["y"]["answer"].startswith("请输入")
    assert results["x"]["correct"]


def test_eval_history_in_another_shape_is_a_one_line_error(settings, tmp_path):
    """A follow-up's history given as chat messages ({"role", "content"}) names the shape the set
    takes; it had been read silently as turns of the words role and content (new user, fifteenth
    session: the query became “role role 负责单位呢?”)."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "f", "question": "负责单位呢？", "history": [
        {"role": "user", "content": "推动工程品质提升要做哪些事？"}, {"role": "assistant", "content": "…"}]},
        ensure_ascii=False) + "\n", encoding="utf-8")
    done = run(["eval", str(gold)], settings)
    assert done.returncode != 0 and "[question, answer] pairs" in done.stderr and done.stderr.count("\n") == 1, done.stderr


def test_an_unreadable_settings_file_is_bad_usage_naming_the_file(settings, tmp_path):
    bad = tmp_path / "qa.toml"
    bad.write_text("top_k = \n", encoding="utf-8")
    done = run(["ask", "合格率？"], settings, QA_CONFIG=str(bad))
    assert done.returncode == 2 and str(bad) in done.stderr and done.stderr.count("\n") == 1
    done = run(["ask", "合格率？"], settings, QA_AUTH_USERNAME="admin", QA_AUTH_PASSWORD="")
    assert done.returncode == 2 and "must not be empty" in done.stderr


def test_eval_scores_follow_ups_and_compares_generators(settings, tmp_path):
    gold = tmp_path / "gold.jsonl"
    rows = [{"id": "f", "kind": "followup", "question": "涉及多少人？", "gold": [{"part": 1, "item": 13}],
             "must_contain": ["1824"], "history": [["去年侵犯知识产权犯罪的审查起诉案件受理了多少件？", "819件[1]"]]},
            {"id": "u", "kind": "unanswerable", "question": "首批5个市级质检中心预计什么时候建成？", "gold": [],
             "must_contain": [], "abstain": True}]
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "compare.json"
    # the second generator's model is missing: it answers extractively and the table says so
    done = run(["eval", str(gold), "--json", "--compare", "extractive,llama.cpp", "--out", str(out)], settings,
               QA_GENERATOR_MODEL=str(tmp_path / "missing.gguf"))
    assert done.returncode == 0, done.stderr
    summaries = json.loads(done.stdout)
    assert set(summaries) == {"extractive", "llama.cpp"} and "generator_error" in summaries["llama.cpp"]
    extractive = summaries["extractive"]
    assert extractive["answer_accuracy"] == 1.0 and extractive["wrong_answer_rate"] == 0.0
    assert extractive["over_refusal_rate"] == 0.0 and extractive["abstain_accuracy"] == 1.0
    done = run(["eval", str(gold), "--compare", "extractive,frobnicate"], settings)
    assert done.returncode == 2 and "--compare" in done.stderr


@pytest.mark.parametrize("args,code", [(["ask", "   ", "--json"], 2), (["eval", "/nonexistent.jsonl", "--json"], 1)])
def test_a_json_client_gets_its_error_as_json(settings, args, code):
    done = run(args, settings)
    assert done.returncode == code and done.stderr.strip()
    error = json.loads(done.stdout)
    assert error["exit_code"] == code and error["error"] in done.stderr
