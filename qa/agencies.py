"""Answers about responsible agencies, from the structured ``agencies`` lists of the sections.

Two kinds of question:
  * forward — "哪些部门负责加强侵权假冒打击力度？": the agencies of the best-retrieved item that
    names any;
  * reverse — "市交通委参与了哪些任务？": every item whose list holds that agency.
Each listed item is cited with the verbatim sentence that names its agencies (the closing
parentheses, or the 下同 sentence it inherits from), so the citation shows exactly what the
answer states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .index import EvidenceSentence, Index
from .retrieval import Evidence, Retrieved
from .sections import Section
from .text import normalize_query

# The question asks who is responsible, or what an agency takes part in.
AGENCY_QUESTION = re.compile(
    r"负责|责任单位|责任部门|牵头|由谁|谁来|谁负责|哪些部门|哪几个部门|哪些单位|哪几家单位|哪家单位|"
    r"落实单位|实施单位|参与了哪些|参与哪些|承担了哪些|承担哪些|分工|"
    r"who is responsible|responsible (agencies|units|departments)|which (agencies|departments|units)",
    re.IGNORECASE)
REVERSE_QUESTION = re.compile(r"哪些任务|哪几项|哪些工作|哪些事|参与|承担|what tasks|which tasks|involved", re.IGNORECASE)


@dataclass
class AgencyAnswer:
    """A structured answer: its text (with ``[n]`` markers over ``evidence``)."""

    text: str
    evidence: list[Evidence]


def agency_sentence(index: Index, section: Section) -> EvidenceSentence | None:
    """The sentence that names ``section``'s agencies: its own closing parentheses, or — for an
    item that inherits them (下同) — the declaring item's."""
    if not section.agencies:
        return None
    first = section.agencies[0]
    candidates = index.sentences_of(section.section_id)
    for sentence in reversed(candidates):
        if first in sentence.text and re.search(r"[（(]", sentence.text):
            return sentence
    for sentence in index.sentences:  # 下同 holds within the same part (top-level heading)
        if "下同" in sentence.text and first in sentence.text and \
                index.section(sentence.section_id).path[:1] == section.path[:1]:
            return sentence
    return None


def agencies_named_in(question: str, index: Index) -> list[str]:
    """Agencies of the index that the question names (exactly, or without the leading 市),
    longest first."""
    normalized = normalize_query(question)
    names = sorted({a for s in index.sections for a in s.agencies}, key=len, reverse=True)
    found = []
    for name in names:
        short = name[1:] if name.startswith("市") and len(name) > 3 else name
        if (name in normalized or short in normalized) and not any(name in f for f in found):
            found.append(name)
    return found


def answer_agency_question(question: str, hits: list[Retrieved], index: Index, english: bool = False) -> AgencyAnswer | None:
    """A structured answer when ``question`` asks about responsible agencies and the index
    can answer it; ``None`` otherwise (the normal path then answers)."""
    normalized = normalize_query(question)
    if not AGENCY_QUESTION.search(normalized):
        return None
    named = agencies_named_in(normalized, index)
    if named and REVERSE_QUESTION.search(normalized):
        agency = named[0]
        sections = [s for s in index.sections if agency in s.agencies]
        evidence = []
        for section in sections:
            sentence = agency_sentence(index, section)
            if sentence is not None:
                evidence.append(Evidence(len(evidence) + 1, sentence, section, 1.0))
        if not evidence:
            return None
        items = "；".join(f"{e.section.label}[{e.n}]" for e in evidence)
        if english:
            text = f"{agency} is listed as a responsible unit in these items: {items}."
        else:
            text = f"{agency}列为责任单位的任务：{items}。"
        return AgencyAnswer(text, evidence)
    for hit in hits:
        sentence = agency_sentence(index, hit.section)
        if sentence is None:
            continue
        names = "、".join(hit.section.agencies)
        evidence = [Evidence(1, sentence, hit.section, 1.0)]
        if english:
            text = f"Responsible units for {hit.section.label}: {names}[1]."
        else:
            text = f"{hit.section.label}的责任单位：{names}[1]。"
        return AgencyAnswer(text, evidence)
    return None
