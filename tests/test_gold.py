"""The gold-set checker (qa.gold): the shipped sets pass it, and it catches the mistakes a
hand-written item can have."""

import json

from conftest import ROOT

from qa.gold import check_items, split

GOLD = ROOT / "tests" / "data" / "gold"


def _rows(name):
    return [json.loads(l) for l in (GOLD / name).read_text(encoding="utf-8").splitlines() if l.strip()]


def test_the_shipped_gold_sets_pass_the_checker_and_cover_every_section(notice_text):
    rows = _rows("tune.jsonl") + _rows("test.jsonl")
    report = check_items(rows, {"notice": notice_text})
    assert not report.errors, report.errors[:5]
    assert len(rows) >= 300 and len(report.sections) == 38
    assert set(report.kinds) >= {"fact", "numeric", "list", "compare", "multi", "department", "unanswerable",
                                 "offtopic", "injection", "typo", "traditional", "english", "vague", "followup"}
    assert not {r["id"] for r in _rows("tune.jsonl")} & {r["id"] for r in _rows("test.jsonl")}


def test_the_checker_catches_bad_items(notice_text):
    bad = [
        {"id": "a", "kind": "numeric", "question": "合格率？", "gold": [{"part": 1, "item": 12}], "must_contain": ["96.04"]},
        {"id": "b", "kind": "unanswerable", "question": "去年合格率？", "abstain": True, "absent": ["96.04"]},
        {"id": "c", "kind": "fact", "question": "第九部分？", "gold": [{"part": 9, "item": 1}], "must_contain": []},
        {"id": "d", "kind": "followup", "question": "那呢？", "gold": [{"part": 1, "item": 4}], "must_contain": ["96.04"]},
        {"id": "a", "kind": "sarcasm", "question": "又一个？"},
    ]
    errors = " | ".join(check_items(bad, {"notice": notice_text}).errors)
    assert "'96.04' is in none of its gold sections" in errors          # required string not in the section
    assert "occurs in the documents: the item is answerable" in errors   # an "unanswerable" that is answered
    assert "names no section" in errors and "needs a history" in errors
    assert "duplicate id" in errors and "kind 'sarcasm'" in errors


def test_the_split_is_stratified_and_stable():
    rows = [{"id": f"{k}{i}", "kind": k, "gold": [{"part": 1, "item": i}]} for k in ("fact", "numeric") for i in range(10)]
    tune, test = split(rows)
    assert len(test) == 8 and sum(r["kind"] == "fact" for r in test) == 4
    # the order the items come in does not change which go to test
    assert {r["id"] for r in split(list(reversed(rows)))[1]} == {r["id"] for r in test}
