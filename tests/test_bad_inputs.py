"""Every bad input in tests/data/bad_inputs.jsonl, through the engine: a clear answer or
message, never a traceback, never a citation that is not real."""

import json
from pathlib import Path

import pytest

from qa.engine import QuestionError

ROWS = [json.loads(l) for l in (Path(__file__).parent / "data" / "bad_inputs.jsonl").read_text("utf-8").splitlines() if l.strip()]


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_bad_input_through_the_engine(extractive_assistant, notice_text, row):
    if row["expect"] == "message":
        with pytest.raises(QuestionError):
            extractive_assistant.ask(row["question"])
        return
    answer = extractive_assistant.ask(row["question"])
    assert answer.text.strip()
    for c in answer.citations:  # every citation is real: verbatim at its offsets
        assert notice_text[c.start:c.end] == c.quote
        assert c.label.startswith(("第一部分", "第二部分")) or not c.path
    assert "<script" not in answer.text and "onerror" not in answer.text and "evil.example" not in answer.text
    assert "第三部分" not in answer.text
    if row["expect"] == "refused":
        assert answer.mode == "refused" and not answer.citations
    if row["expect"] == "abstained":
        assert answer.abstained and not answer.citations
    if row["expect"] == "answer":
        assert answer.citations or answer.abstained
