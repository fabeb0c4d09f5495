"""Several documents in one library: which document a question names, and the same statement
in another document with other figures (a district notice that repeats the city's wording).

When the question names no document and another document states the chosen sentence's fact
differently, the answer gives both, each cited, so that the reader sees which document says
what; when the question names one document (where its title differs from the others', e.g.
上海市 or 示范区, a year, or its 文号), only that document's sentences answer.
"""

from __future__ import annotations

import re

from .documents import DOCUMENT_NUMBER
from .text import han_bigrams, numbers_in

# Two sentences this alike (share of character bigrams) state the same thing.
PARALLEL_SIMILARITY = 0.6
# Titles this alike (difflib ratio) need telling apart: a question names one by what differs.
SIMILAR_TITLES = 0.5
def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' Chinese character bigrams (:func:`qa.text.han_bigrams`:
    figures and punctuation aside), 0–1."""
    x, y = han_bigrams(a), han_bigrams(b)
    return len(x & y) / len(x | y) if x and y else 0.0


def _expand(title: str, i: int, j: int) -> str:
    """``title[i:j]`` widened to whole numbers (a differing digit names its year)."""
    while i > 0 and title[i - 1].isdigit() and title[i:j][:1].isdigit():
        i -= 1
    while j < len(title) and title[j].isdigit() and title[j - 1:j].isdigit():
        j += 1
    return title[i:j]


def distinctive(title: str, other: str) -> set[str]:
    """The parts of ``title`` where it differs from ``other`` (2 characters or more), e.g.
    上海市 against 示范区 in two titles that are otherwise the same; 2024 against 2025."""
    from difflib import SequenceMatcher

    parts = set()
    for op, i1, i2, _, _ in SequenceMatcher(None, title, other, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            part = _expand(title, i1, i2).strip()
            if len(part) >= 2:
                parts.add(part)
    return parts


def named_documents(question: str, documents: dict) -> set[str]:
    """Ids of the documents ``question`` names: its 文号, or, against every document with a
    similar title, a part of its title where the titles differ (上海市 / 示范区, a year, 燃气 /
    电能). Empty when it names none."""
    from difflib import SequenceMatcher

    named = {doc_id for doc_id, d in documents.items() if d.number and d.number in question}
    if not named and len(documents) > 1:
        for doc_id, d in documents.items():
            alike = [o for i, o in documents.items() if i != doc_id
                     and SequenceMatcher(None, d.title, o.title, autojunk=False).ratio() >= SIMILAR_TITLES]
            if alike and all(any(part in question for part in distinctive(d.title, o.title)) for o in alike):
                named.add(doc_id)
    return named


# Words a question puts before a 文号 that are no part of its issuer's abbreviation (这个沪质〔2024〕1号文,
# 根据沪府发〔2023〕5号): the pattern's issuer run would take them in.
_BEFORE_NUMBER = re.compile(r"^(?:这个|那个|这份|那份|这一|此|该|本|按照|按|根据|依据|据|关于|对照|看看?|查查?|查一下|问问?|是|的|个|份)+")


def unknown_numbers(question: str, documents: dict) -> list[str]:
    """The 文号 in ``question`` that no document has, as written without the words before the
    issuer (这个沪质〔2024〕1号 is the document's 沪质〔2024〕1号)."""
    known = {d.number for d in documents.values() if d.number}
    found = (_BEFORE_NUMBER.sub("", m.group(0)) for m in DOCUMENT_NUMBER.finditer(question))
    return [n for n in found if n not in known and not any(n.endswith(k) for k in known)]


def without_numbers(question: str, documents: dict) -> str:
    """``question`` without the documents' 文号 it quotes (a reference, not a figure asked)."""
    for d in documents.values():
        if d.number:
            question = question.replace(d.number, "")
    return question


def parallels(chosen: list, evidence: list, named: set, documents: dict, question: str = "") -> list:
    """Evidence sentences (``qa.retrieval.Evidence``) of other documents that state a chosen
    sentence's fact with other figures, and differ from it in nothing ``question`` names;
    empty when the question names a document (``named``, see :func:`named_documents`) or the
    library holds one."""
    if len(documents) < 2 or not chosen or named:
        return []
    picked = {e.n for e in chosen}
    found = []
    for c in chosen:
        for e in evidence:
            if (e.n in picked or e.section.doc_id == c.section.doc_id
                    or numbers_in(e.sentence.text) == numbers_in(c.sentence.text)):
                continue
            # a sentence that differs in what the question names (燃气表, not 电能表) is another fact
            own = {p for p in distinctive(c.sentence.text, e.sentence.text) if not p.isdigit()}
            if any(p in question for p in own):
                continue
            if similarity(e.sentence.text, c.sentence.text) >= PARALLEL_SIMILARITY:
                found.append(e)
                picked.add(e.n)
    return found


def from_named(evidence: list, named: set, strict: bool = False) -> list:
    """The evidence from the documents the question names (``named``; all of it when it names
    none, or — unless ``strict``, as when the user limited the question — when the named
    document has none of it)."""
    if not named:
        return evidence
    own = [e for e in evidence if e.section.doc_id in named]
    return own if own or strict else evidence
