"""Where does the document mention X? Answered by exact lookup over the evidence sentences:
every sentence that contains the term, verbatim, each cited."""

from __future__ import annotations

import re

from .index import Index
from .retrieval import Evidence
from .text import normalize_for_match, normalize_query

MENTION_QUESTION = re.compile(
    r"(?:哪些地方|哪里|哪儿|哪些条款|哪几处|哪些内容|什么地方)(?:提到|提及|说到|涉及|出现)(?:了|过)?(?P<a>[^？?。，,]{1,16})|"
    r"(?:提到|提及|涉及)(?:了|过)?(?P<b>[^？?。，,]{1,16}?)的(?:地方|条款|内容)|"
    r"where does the notice mention (?P<c>[^?]{1,40})", re.IGNORECASE)
MAX_MENTIONS = 8


def answer_mention_question(question: str, index: Index, english: bool = False):
    """``(text, evidence)`` listing every sentence that contains the asked-for term, or
    ``None`` when the question is not of that kind or nothing contains the term."""
    match = MENTION_QUESTION.search(normalize_query(question))
    if not match:
        return None
    term = next(g for g in match.groups() if g).strip(" “”\"'")
    key = normalize_for_match(term)
    if not key:
        return None
    evidence = []
    for sentence in index.sentences:
        if key in normalize_for_match(sentence.text):
            evidence.append(Evidence(len(evidence) + 1, sentence, index.section(sentence.section_id), 1.0))
            if len(evidence) == MAX_MENTIONS:
                break
    if not evidence:
        return None
    listed = "；".join(f"{e.section.label}：{e.sentence.text.rstrip('。；')}[{e.n}]" for e in evidence)
    if english:
        return f"The notice mentions “{term}” here: {listed}.", evidence
    return f"通知中提到“{term}”的地方：{listed}。", evidence
