"""Gold question sets: the schema, a checker that holds every item to the documents, and the
one-time stratified split into ``tune`` and ``test``.

A gold item is one JSON object a line (the format of ``shared/eval/dev.jsonl``, extended)::

    {"id": "g-0001", "kind": "numeric", "question": "…",
     "gold": [{"part": 1, "item": 12}],          # sections that answer it (DESIGN.md labels)
     "must_contain": ["70起"],                    # every string must be in a correct answer
     "must_contain_any": ["…", "…"],              # optional: at least one of them
     "abstain": false,                            # true: the documents do not answer it
     "absent": ["…"],                             # abstain items: what an answer would need,
                                                  # none of it in the documents
     "near": [{"part": 2, "item": 1}],            # abstain items: the topic's sections, if any
     "history": [["earlier question", "earlier answer"]],   # follow-ups only
     "note": "why this is the answer"}

The checker (:func:`check_items`) is what makes a hand-written set trustworthy: every label
names a real section, every required string occurs in a gold section, and every string an
unanswerable item says is missing really is missing from the documents.

Run it as ``python -m qa.gold check FILE…``; ``python -m qa.gold split FILE… --out DIR`` makes
the split (once: ``tune`` is for fitting, ``test`` only for reporting).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .evaluation import ITEM_HEADING, PART_HEADING, matches_gold
from .sections import Section, parse_sections
from .text import chinese_numeral, normalize_for_match, normalize_query

KINDS = ("fact", "numeric", "list", "compare", "multi", "department", "unanswerable", "offtopic",
         "injection", "typo", "traditional", "english", "vague", "followup")
ABSTAIN_KINDS = ("unanswerable", "offtopic")
# A required string longer than this is a paraphrase risk: answers word things their own way.
LONG_REQUIRED = 20
TEST_SHARE = 0.4   # share of each kind held back for reporting only


@dataclass
class CheckReport:
    """Problems that make an item wrong (``errors``), doubts worth a look (``warnings``),
    and what the set covers."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)
    sections: Counter = field(default_factory=Counter)


def label_of(section: Section) -> tuple[int, int] | None:
    """The ``(part, item)`` gold label that names ``section`` exactly, or ``None``.

    >>> s = Section("d/p1.s2.i4", "d", ["第一部分　总结", "二、推进", "（四）产品"], "", "", 0, 0)
    >>> label_of(s)
    (1, 4)
    """
    parts = [chinese_numeral(m.group(1)) for h in section.path if (m := PART_HEADING.match(h))]
    items = [chinese_numeral(m.group(1)) for h in section.path if (m := ITEM_HEADING.match(h))]
    if len(parts) > 1 or len(items) > 1:
        return None
    label = (parts[0] if parts else 0, items[0] if items else 0)
    return label if matches_gold(section.path, {"part": label[0], "item": label[1]}) else None


def _section_texts(sections: list[Section], doc_texts: dict[str, str]) -> dict[tuple[int, int], str]:
    texts: dict[tuple[int, int], str] = defaultdict(str)
    for s in sections:
        label = label_of(s)
        if label is not None:
            texts[label] += " ".join(s.path) + "\n" + s.full_text(doc_texts[s.doc_id]) + "\n"
    return texts


def check_items(items: list[dict], doc_texts: dict[str, str], known_questions: set[str] = frozenset()) -> CheckReport:
    """Check gold ``items`` against the documents ``doc_texts`` (doc id → text).

    Errors: unknown kind, a label naming no section, a required string absent from every gold
    section, an unanswerable item whose ``absent`` strings occur in the documents (or that
    lists none), a malformed ``history``, a duplicate id or question (also against
    ``known_questions``, e.g. the dev set's). Warnings: long required strings.
    """
    report = CheckReport()
    sections = [s for doc_id, text in doc_texts.items() for s in parse_sections(text, doc_id)]
    texts = {k: normalize_for_match(v) for k, v in _section_texts(sections, doc_texts).items()}
    corpus = normalize_for_match("\n".join(doc_texts.values()))
    seen_ids: set[str] = set()
    seen_questions = {normalize_for_match(normalize_query(q)) for q in known_questions}
    for row in items:
        rid = row.get("id", "?")
        err = report.errors.append
        if rid in seen_ids:
            err(f"{rid}: duplicate id")
        seen_ids.add(rid)
        question = row.get("question")
        if not isinstance(question, str) or not question.strip():
            err(f"{rid}: no question")
            continue
        key = normalize_for_match(normalize_query(question))
        if key in seen_questions:
            err(f"{rid}: duplicate question {question!r}")
        seen_questions.add(key)
        kind = row.get("kind")
        if kind not in KINDS:
            err(f"{rid}: kind {kind!r} is not one of {', '.join(KINDS)}")
            continue
        report.kinds[kind] += 1
        labels = row.get("gold", [])
        gold_keys = []
        for g in labels:
            k = (int(g.get("part", -1)), int(g.get("item", -1)))
            if k not in texts:
                err(f"{rid}: gold label {g} names no section")
            else:
                gold_keys.append(k)
                report.sections[k] += 1
        for g in row.get("near", []):
            if (int(g.get("part", -1)), int(g.get("item", -1))) not in texts:
                err(f"{rid}: near label {g} names no section")
        required = list(row.get("must_contain", [])) + list(row.get("must_contain_any", []))
        abstain = bool(row.get("abstain"))
        if kind in ABSTAIN_KINDS and not abstain:
            err(f"{rid}: kind {kind} must have abstain true")
        if abstain:
            if labels or required:
                err(f"{rid}: an abstain item has no gold sections or required strings")
            absent = row.get("absent") or []
            if not absent:
                err(f"{rid}: an abstain item lists what is missing in 'absent'")
            for s in absent:
                if normalize_for_match(s) in corpus:
                    err(f"{rid}: 'absent' string {s!r} occurs in the documents: the item is answerable")
        else:
            if not labels and required:
                err(f"{rid}: required strings need gold sections")
            if not labels and not required and kind != "injection":
                err(f"{rid}: only a pure injection may have neither gold sections nor required strings")
            joined = "".join(texts.get(k, "") for k in gold_keys)
            for s in required:
                if normalize_for_match(s) not in joined:
                    err(f"{rid}: required string {s!r} is in none of its gold sections {labels}")
                if len(s) > LONG_REQUIRED:
                    report.warnings.append(f"{rid}: required string {s!r} is long; answers may word it otherwise")
        history = row.get("history", [])
        if not isinstance(history, list) or any(
                not (isinstance(t, list) and len(t) == 2 and all(isinstance(x, str) for x in t)) for t in history):
            err(f"{rid}: history must be a list of [question, answer] pairs")
        if kind == "followup" and not history:
            err(f"{rid}: a followup item needs a history")
    return report


def split(items: list[dict], test_share: float = TEST_SHARE) -> tuple[list[dict], list[dict]]:
    """Split ``items`` into ``(tune, test)``, stratified by kind and then by first gold section:
    within each kind the items are ordered by section and by a hash of their id (a fixed,
    arbitrary order), and every item whose running share of ``test`` falls behind goes there.

    >>> rows = [{"id": str(i), "kind": "fact", "gold": [{"part": 1, "item": i}]} for i in range(10)]
    >>> tune, test = split(rows)
    >>> len(tune), len(test)
    (6, 4)
    """
    tune, test = [], []
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for row in items:
        by_kind[row.get("kind", "other")].append(row)
    for kind in sorted(by_kind):
        def order(row):
            g = (row.get("gold") or row.get("near") or [{"part": 9, "item": 99}])[0]
            return (g.get("part", 9), g.get("item", 99), hashlib.sha256(row["id"].encode()).hexdigest())
        rows = sorted(by_kind[kind], key=order)
        taken = 0
        for i, row in enumerate(rows, start=1):
            if taken < round(i * test_share):
                test.append(row)
                taken += 1
            else:
                tune.append(row)
    return tune, test


def _read(paths: list[Path]) -> list[dict]:
    rows = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except ValueError as exc:
                    raise SystemExit(f"{path}:{number}: not JSON ({exc})") from exc
    return rows


def _doc_texts(source: Path) -> dict[str, str]:
    from .documents import load_documents

    return {d.doc_id: d.text for d in load_documents(source)}


def main(argv: list[str] | None = None) -> int:
    """``sections`` lists the gold label of every section; ``check FILE…`` prints errors,
    warnings and coverage (exit 1 on any error);
    ``split FILE… --out DIR`` writes ``DIR/tune.jsonl`` and ``DIR/test.jsonl``."""
    from .config import PROJECT_ROOT

    parser = argparse.ArgumentParser(prog="python -m qa.gold", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("check", "split", "sections"))
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--source", type=Path, default=PROJECT_ROOT / "source_docs")
    parser.add_argument("--dev", type=Path, default=PROJECT_ROOT.parent / "shared" / "eval" / "dev.jsonl",
                        help="questions that must not be repeated (default: ../shared/eval/dev.jsonl)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if args.command == "sections":
        for doc_id, text in _doc_texts(args.source).items():
            for s in parse_sections(text, doc_id):
                label = label_of(s)
                print(f'{{"part": {label[0]}, "item": {label[1]}}}' if label else "(no label)", s.label)
        return 0
    rows = _read(args.files)
    known = {r["question"] for r in _read([args.dev])} if args.dev.is_file() else set()
    report = check_items(rows, _doc_texts(args.source), known)
    for e in report.errors:
        print("ERROR", e)
    for w in report.warnings:
        print("warn ", w)
    print(f"{len(rows)} items; kinds: {dict(sorted(report.kinds.items()))}")
    print(f"sections covered: {len(report.sections)}; counts: "
          + " ".join(f"{p}.{i}:{n}" for (p, i), n in sorted(report.sections.items())))
    if report.errors:
        print(f"{len(report.errors)} errors")
        return 1
    if args.command == "split":
        if args.out is None:
            parser.error("split needs --out DIR")
        tune, test = split(rows)
        args.out.mkdir(parents=True, exist_ok=True)
        for name, part in (("tune", tune), ("test", test)):
            (args.out / f"{name}.jsonl").write_text(
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part), encoding="utf-8")
        print(f"tune {len(tune)}, test {len(test)} → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
