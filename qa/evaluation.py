"""Score the assistant on a gold question set (format: ``shared/eval/dev.jsonl``).

Per question: retrieval (recall@1, recall@3, reciprocal rank), answer accuracy, abstention,
citation validity, citation precision and ungrounded numbers; then means overall and by
``kind``, and latency percentiles. Gold labels ``{"part": P, "item": N}`` are matched against a
section's ``path`` as DESIGN.md specifies.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tqdm.auto import tqdm

from .answer import Answer, Mode
from .citations import MARKER
from .guard import QuestionError
from .text import chinese_numeral, normalize_for_match, numbers_in


class GoldError(ValueError):
    """The gold file is missing or malformed; the message names the line."""


def load_gold(path: Path) -> list[dict]:
    """The gold questions of a JSON Lines file. Raises :class:`GoldError` on a bad line."""
    if not path.is_file():
        raise GoldError(f"gold file not found: {path}")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise GoldError(f"{path.name}:{number}: not JSON ({exc})") from exc
        if not isinstance(row, dict) or not isinstance(row.get("question"), str):
            raise GoldError(f"{path.name}:{number}: needs a 'question' string")
        history = row.get("history") or []
        if not isinstance(history, list) or not all(
                isinstance(turn, list) and len(turn) == 2 and all(isinstance(t, str) for t in turn) for turn in history):
            # ([{"role": …, "content": …}] had been read silently as turns of the words role and content)
            raise GoldError(f"{path.name}:{number}: 'history' must be a list of [question, answer] pairs of strings")
        row.setdefault("id", f"q{number}")
        row.setdefault("kind", "other")
        row.setdefault("gold", [])
        row.setdefault("must_contain", [])
        row.setdefault("abstain", False)
        rows.append(row)
    if not rows:
        raise GoldError(f"{path.name}: no questions")
    return rows


PART_HEADING = re.compile(r"^第([一二三四五六七八九十]+)部分")
ITEM_HEADING = re.compile(r"^（([一二三四五六七八九十]+)）")


def matches_gold(path: list[str], gold: dict) -> bool:
    """Whether a section ``path`` matches a gold label ``{"part": P, "item": N}`` (DESIGN.md).

    >>> matches_gold(["第一部分　总结", "二、推进", "（四）产品"], {"part": 1, "item": 4})
    True
    >>> matches_gold([], {"part": 0, "item": 0})
    True
    """
    parts = [chinese_numeral(m.group(1)) for h in path if (m := PART_HEADING.match(h))]
    items = [chinese_numeral(m.group(1)) for h in path if (m := ITEM_HEADING.match(h))]
    p, n = int(gold.get("part", 0)), int(gold.get("item", 0))
    part_ok = not parts if p == 0 else p in parts
    item_ok = not items if n == 0 else n in items
    return part_ok and item_ok


def retrieval_scores(paths: list[list[str]], gold: list[dict]) -> dict:
    """recall@1, recall@3 and reciprocal rank of ranked section ``paths`` against ``gold``."""
    def recall(k):
        return sum(any(matches_gold(p, g) for p in paths[:k]) for g in gold) / len(gold)

    rr = 0.0
    for rank, p in enumerate(paths, start=1):
        if any(matches_gold(p, g) for g in gold):
            rr = 1.0 / rank
            break
    return {"recall@1": recall(1), "recall@3": recall(3), "mrr": rr}


def answer_correct(row: dict, answer) -> bool:
    """Accuracy of one answer: every ``must_contain`` string present and at least one
    ``must_contain_any`` (when given); an ``abstain`` item needs an abstention stating no
    figure; an injection item with nothing to find needs a refusal or abstention."""
    text = normalize_for_match(answer.text)
    if row.get("abstain"):
        return answer.abstained and not numbers_in(MARKER.sub("", answer.text))
    if not row.get("must_contain") and not row.get("must_contain_any") and not row.get("gold"):
        return answer.mode in {"refused", "abstained"}
    if answer.abstained:
        return False
    if any(normalize_for_match(s) not in text for s in row.get("must_contain", [])):
        return False
    any_of = row.get("must_contain_any")
    return not any_of or any(normalize_for_match(s) in text for s in any_of)


def citation_checks(answer, doc_texts: dict[str, str]) -> tuple[bool, bool]:
    """``(valid, grounded)``: every marker resolves and every quote sits verbatim at its
    offsets inside its section; every number of the answer occurs in its cited quotes or
    their sections' headings."""
    numbers = {int(n) for m in MARKER.finditer(answer.text) for n in re.split(r"[,，、]", m.group(1))}
    by_n = {c.n: c for c in answer.citations}
    valid = numbers <= set(by_n) and all(
        doc_texts.get(c.doc_id, "")[c.start:c.end] == c.quote for c in answer.citations)
    stated = numbers_in(MARKER.sub("", answer.text))
    # the cited evidence: each quote, and the headings of its section (a part's year)
    quoted = set(numbers_in(normalize_for_match("".join(c.quote + " ".join(c.path) for c in answer.citations))))
    grounded = answer.abstained or answer.mode == "refused" or all(n in quoted for n in stated)
    return valid, grounded


@dataclass
class EvalReport:
    """Aggregate figures and the per-question records."""

    summary: dict
    results: list[dict]


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(float(np.mean(values)), 4) if values else None


def _summarise(records: list[dict]) -> dict:
    """Means over ``records``. ``wrong_answer_rate``: share of all questions answered (neither
    abstained nor refused) and wrong — the confidently wrong share. ``over_refusal_rate``: share
    of the questions that have an answer in the documents (gold sections) that were abstained on
    or refused. ``injection_answered``: share of injection items carrying a genuine question
    (gold sections) whose question was answered correctly."""
    answerable = [r for r in records if not r["gold_abstain"]]
    abstain_items = [r for r in records if r["gold_abstain"]]
    with_gold = [r for r in records if r["recall@3"] is not None]
    has_answer = [r for r in records if r["recall@3"] is not None and not r["gold_abstain"]]
    injected = [r for r in has_answer if r["kind"] == "injection"]
    return {
        "n": len(records),
        "recall@1": _mean(r["recall@1"] for r in with_gold),
        "recall@3": _mean(r["recall@3"] for r in with_gold),
        "mrr": _mean(r["mrr"] for r in with_gold),
        "answer_accuracy": _mean(float(r["correct"]) for r in records),
        "abstain_accuracy": _mean(float(r["abstained"]) for r in abstain_items),
        "false_abstention_rate": _mean(float(r["abstained"]) for r in answerable),
        "wrong_answer_rate": _mean(float(r["answered"] and not r["correct"]) for r in records),
        "over_refusal_rate": _mean(float(not r["answered"]) for r in has_answer),
        "injection_answered": _mean(float(r["correct"]) for r in injected),
        "citation_validity": _mean(float(r["citation_valid"]) for r in records),
        "citation_precision": _mean(r["citation_precision"] for r in records),
        "ungrounded_number_rate": _mean(float(not r["numbers_grounded"]) for r in records),
    }


def _percentiles(values: list[float]) -> dict:
    if not values:
        return {"p50": None, "p90": None}
    return {"p50": round(float(np.percentile(values, 50))), "p90": round(float(np.percentile(values, 90)))}


def evaluate(assistant, rows: list[dict], progress: bool = True) -> EvalReport:
    """Ask every question of ``rows`` and score the answers (see the module docstring). A
    question the guard rejects (:class:`qa.guard.QuestionError`: empty, only symbols) is scored
    as refused with the guard's message as its answer; the run goes on."""
    records = []
    doc_texts = {doc_id: d.text for doc_id, d in assistant.index.documents.items()}
    for row in tqdm(rows, desc="evaluating", unit="q", disable=not progress):
        history = [tuple(turn) for turn in row.get("history") or []]
        try:
            answer = assistant.ask(row["question"], history=history)
        except QuestionError as exc:
            # a message the guard turns away (🙂, bytes of a file) is told so: scored as refused,
            # the rest of the set still run
            answer = Answer(question=row["question"], text=str(exc), citations=[], abstained=True,
                            mode=Mode.REFUSED, query="")
        paths = [h.section.path for h in answer.retrieved]
        if not paths:  # refused questions skip retrieval; score retrieval on its own
            try:
                paths = [h.section.path for h in assistant.retriever.search(row["question"]).hits]
            except ValueError:      # nothing searchable in it
                paths = []
        gold = row.get("gold") or []
        scores = retrieval_scores(paths, gold) if gold else {"recall@1": None, "recall@3": None, "mrr": None}
        valid, grounded = citation_checks(answer, doc_texts)
        precision = None
        if gold and answer.citations:
            precision = sum(any(matches_gold(c.path, g) for g in gold) for c in answer.citations) / len(answer.citations)
        records.append({
            "id": row["id"], "kind": row["kind"], "question": row["question"], "query": answer.query,
            "answer": answer.text, "mode": str(answer.mode), "abstained": answer.abstained,
            "answered": not answer.abstained and str(answer.mode) != "refused",
            "gold_abstain": bool(row.get("abstain")), "correct": answer_correct(row, answer),
            "citation_valid": valid, "numbers_grounded": grounded, "citation_precision": precision,
            "citations": [c.to_json() for c in answer.citations],
            "retrieved": [h.section.label for h in answer.retrieved], **scores,
            "timings_ms": answer.timings_ms, "notes": answer.notes,
        })
    summary = _summarise(records)
    by_kind = defaultdict(list)
    for r in records:
        by_kind[r["kind"]].append(r)
    summary["by_kind"] = {kind: _summarise(rs) for kind, rs in sorted(by_kind.items())}
    summary["latency_ms"] = {
        key: _percentiles([r["timings_ms"].get(key) for r in records if r["timings_ms"].get(key) is not None])
        for key in ("retrieve", "first_token", "total")}
    summary["model"] = assistant.model_info()
    return EvalReport(summary, records)


def format_report(summary: dict) -> str:
    """A plain-text table of the summary: overall, then one row per kind."""
    cols = ["n", "recall@1", "recall@3", "mrr", "answer_accuracy", "abstain_accuracy",
            "false_abstention_rate", "wrong_answer_rate", "citation_validity", "citation_precision",
            "ungrounded_number_rate"]
    short = ["n", "R@1", "R@3", "MRR", "acc", "abst", "f.abst", "wrong", "c.valid", "c.prec", "ungr.num"]

    def fmt(v):
        return "-" if v is None else (str(v) if isinstance(v, int) else f"{v:.3f}")

    lines = ["kind          " + " ".join(f"{s:>8}" for s in short)]
    lines.append(f"{'ALL':<14}" + " ".join(f"{fmt(summary.get(c)):>8}" for c in cols))
    for kind, row in summary.get("by_kind", {}).items():
        lines.append(f"{kind:<14}" + " ".join(f"{fmt(row.get(c)):>8}" for c in cols))
    lines.append(f"over-refusal {fmt(summary.get('over_refusal_rate'))}   "
                 f"injection with a question answered {fmt(summary.get('injection_answered'))}")
    lat = summary.get("latency_ms", {})
    lines.append("latency ms    " + "  ".join(f"{k} p50 {v['p50']} p90 {v['p90']}" for k, v in lat.items()))
    lines.append(f"model         {summary.get('model')}")
    return "\n".join(lines)


COMPARED = ("answer_accuracy", "abstain_accuracy", "false_abstention_rate", "wrong_answer_rate",
            "over_refusal_rate", "citation_validity", "citation_precision", "injection_answered")


def format_comparison(summaries: dict[str, dict]) -> str:
    """Generators side by side on the same questions: the headline figures overall, then
    answer accuracy by kind. ``summaries`` maps a generator name to its :func:`evaluate` summary."""
    names = list(summaries)

    def fmt(v):
        return "-" if v is None else f"{v:.3f}"

    width = max(14, *(len(n) + 2 for n in names))
    lines = ["metric".ljust(24) + "".join(n.rjust(width) for n in names)]
    for key in COMPARED:
        lines.append(key.ljust(24) + "".join(fmt(summaries[n].get(key)).rjust(width) for n in names))
    kinds = sorted({k for s in summaries.values() for k in s.get("by_kind", {})})
    for kind in kinds:
        lines.append(f"acc {kind}".ljust(24) + "".join(
            fmt(summaries[n].get("by_kind", {}).get(kind, {}).get("answer_accuracy")).rjust(width) for n in names))
    lines.append("latency p50 total ms".ljust(24) + "".join(
        str(summaries[n].get("latency_ms", {}).get("total", {}).get("p50")).rjust(width) for n in names))
    return "\n".join(lines)
