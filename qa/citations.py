"""Turn ``[n]`` markers into checked citations, and drop what the evidence does not support.

A sentence of an answer is *supported* by the evidence sentences it cites when
  * every number it states occurs among the numbers of that evidence,
  * every span it quotes (“…”, 《…》) occurs in that evidence, and
  * (Chinese sentences) at least half of its character bigrams occur in that evidence — this
    catches general-knowledge sentences decorated with a real citation.
An uncited sentence gets the evidence sentence that supports it best, if one does; a marker
that points to no evidence is removed; an unsupported sentence is dropped. Markers are then
renumbered 1..m in order of appearance, and each citation carries the verbatim quote and its
document offsets.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from .browse import section_address
from .claims import COMPARED_WITH_BI, HEDGES_EN, HIGHER_WORDS, LOWER_WORDS, figures_in
from .prompts import NOT_IN_NOTICE_ZH
from .text import han_bigrams, normalize_for_match, numbers_in, split_sentences, strip_markup

MARKER = re.compile(r"[\[【［]\s*(\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)\s*[\]】］]")
_QUOTED = re.compile(r"[“\"《]([^”\"》]{2,60})[”\"》]")
_ABSTAIN = re.compile(r"(未提及|没有提及|未涉及|没有涉及|没有相关|未说明|does not (say|mention|state)|not (mentioned|stated))",
                      re.IGNORECASE)
MIN_BIGRAM_SUPPORT = 0.5
# A clause of at least this many bigrams needs at least this share in the evidence, whatever
# the rest of its sentence: a model appends advice or opinion to a quoted fact in a clause of
# its own (…工程，可以尝试骑车游览), which the sentence's overall share hides.
MIN_CLAUSE_BIGRAMS = 4
MIN_CLAUSE_SUPPORT = 0.25


@dataclass(frozen=True)
class Citation:
    """One source of an answer: ``[n]`` in the answer text points here. ``quote`` is the
    verbatim evidence sentence and ``doc_text[start:end] == quote``; ``document`` the title of
    the document it is in (section labels repeat across documents of one structure)."""

    n: int
    doc_id: str
    section_id: str
    label: str
    path: list[str]
    quote: str
    start: int
    end: int
    document: str = ""       # the document's title (filled in by the assistant)

    @property
    def qualified_label(self) -> str:
        """The label with the document's title before it (``《title》label``) when known."""
        return f"《{self.document}》{self.label}" if self.document else self.label

    @property
    def address(self) -> str:
        """The stable address that opens the cited section with the quote highlighted."""
        return section_address(self.section_id, self.start, self.end)

    def to_json(self) -> dict:
        """DESIGN.md's citation fields, plus ``address``."""
        return {**asdict(self), "address": self.address}


@dataclass
class GroundedAnswer:
    """The checked answer: its text with renumbered markers, the citations, the sentences that
    were dropped as unsupported, and whether the model said the notice does not answer."""

    text: str
    citations: list[Citation] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    says_not_in_notice: bool = False


def make_citation(n: int, evidence) -> Citation:
    """The citation ``[n]`` for one :class:`qa.retrieval.Evidence` sentence."""
    section, sentence = evidence.section, evidence.sentence
    return Citation(n, section.doc_id, section.section_id, section.label, list(section.path),
                    sentence.text, sentence.start, sentence.end)


def parse_markers(text: str) -> list[int]:
    """The evidence numbers in ``text``'s markers, in order, without repeats.

    >>> parse_markers("甲[1]。乙[2,3]【1】")
    [1, 2, 3]
    """
    seen: list[int] = []
    for match in MARKER.finditer(text):
        for raw in re.split(r"[,，、]", match.group(1)):
            n = int(raw)
            if n not in seen:
                seen.append(n)
    return seen


# Words that flip or rank a claim. Each one an answer sentence uses must occur in the evidence
# it cites (in Chinese, or as the Chinese of the English word): a number check alone lets
# "低于全国7.14个百分点" cite "高于全国7.14个百分点".
_POLARITY_ZH = ("高于", "低于", "超过", "不足", "增加", "减少", "增长", "下降", "上升", "提高", "降低", "领先",
                "落后", "第一", "倒数", "最后", "末位", "没有", "未", "不", "无", "非")
_POLARITY_EN = {r"\b(higher|above|more than|exceed\w*)\b": ("高于", "超过", "以上", "领先"),
                r"\b(lower|below|less than|fewer)\b": ("低于", "不足", "以下"),
                r"\b(increas\w*|grow\w*|rose|rise)\b": ("增加", "增长", "上升", "提高", "新增", "同比增加"),
                r"\b(decreas\w*|declin\w*|fell|drop\w*)\b": ("减少", "下降", "降低"),
                r"\b(last|worst|bottom)\b": ("倒数", "最后", "末位"),
                # a rank (leads the nation, in the lead) — not a name (leading group: 领导小组), taking the
                # lead in a task (牵头), nor a court's instance (first-instance: 一审)
                r"\b(first(?![- ]instance)|top|best|leads? (the )?(nation|country|city)|leading (position|level|place)|"
                r"in the lead)\b": ("第一", "领先", "前列", "首"),
                # the top of a ranking (the highest among all cities): 位居全国前列 (among the top) or
                # 领先 (ahead) is not the top
                r"\b(highest|largest|greatest|biggest|number one|no\.\s*1|ranks? first|ranked first)\b":
                    ("第一", "最高", "最大", "最多", "首位", "居首"),
                r"\b(not|no|never|none)\b": ("没有", "未", "不", "无")}
_HEDGED_FIGURE = re.compile(rf"\b({HEDGES_EN})\s+(\d[\d,]*(?:\.\d+)?)")
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|cn|org|net|gov|example)\b", re.IGNORECASE)


def polarity_ok(sentence: str, evidence: str) -> bool:
    """Every comparison, ranking or negation word of ``sentence`` occurs in ``evidence``.

    >>> polarity_ok("绿色食品认证率全国第一吗？", "绿色食品认证率处于全国领先水平")
    False
    >>> polarity_ok("The score was 82.82, the highest among all cities.", "满意度得分82.82，位居全国前列")
    False
    """
    for word in _POLARITY_ZH:
        if word in sentence and word not in evidence:
            # single-character negations count only as words: 未提及 is handled elsewhere
            if len(word) == 1 and not re.search(rf"{word}(是|能|会|到|达|足|及|再|在|于|高|低|超|如)", sentence):
                continue
            return False
    # 比全国低7.14个百分点 says what 低于全国 says: the evidence must compare the same way
    for m in COMPARED_WITH_BI.finditer(sentence):
        if not any(w in evidence for w in (LOWER_WORDS if m.group(1) in "低少" else HIGHER_WORDS)):
            return False
    lowered = sentence.lower()
    # "more than 5,600" / "nearly 6.4" saying a qualified figure (5600余名, 近640万件) is the
    # figure as the evidence writes it, not a comparison
    if _HEDGED_FIGURE.search(lowered):
        hedged = {f.value for f in figures_in(evidence) if f.qualifiers}
        lowered = _HEDGED_FIGURE.sub(lambda m: m.group(2) if m.group(2).replace(",", "") in hedged else m.group(0),
                                     lowered)
    for pattern, chinese in _POLARITY_EN.items():
        if re.search(pattern, lowered) and not any(c in evidence for c in chinese):
            return False
    return True


def _number_order_ok(sentence: str, evidence: str) -> bool:
    """The numbers of ``sentence`` appear in the evidence in the same order (a swap of two
    figures keeps every number present but changes the claim)."""
    said = [n for n in numbers_in(sentence)]
    have = numbers_in(evidence)
    pos = -1
    for n in said:
        try:
            pos = have.index(n, pos + 1)
        except ValueError:
            return False
    return True


# A sentence opening with an inference (因此，…; Therefore, …) states what the writer concludes:
# supported only where the evidence itself draws it (writes the same connective).
_CONCLUDING = re.compile(r"^\s*(因此|所以|由此可见|可见|综上所述|综上|总之|总的来说|故而|\b(?:therefore|thus|hence|so)\b)[，,\s]",
                         re.IGNORECASE)


def support(sentence: str, evidence_texts: list[str], context: str = "") -> float:
    """How well ``evidence_texts`` support ``sentence`` (markers already removed): 0 when a
    number or quoted span of the sentence is absent from them, else the share of the
    sentence's Chinese character bigrams found in them. A sentence with no Chinese (English)
    scores 1.0 only when it states a figure the evidence has — otherwise there is nothing to
    check it by. Comparison, ranking and negation words, URLs and the order of the figures
    must match too, and a conclusion drawn (因此，…) must be the evidence's own. Numbers may also come from ``context`` (the cited sections' headings, e.g. the
    year of 第一部分　2023年…总结).

    >>> support("合格率96.04%", ["上海市制造业产品质量合格率96.04％"])
    1.0
    >>> support("合格率97%", ["上海市制造业产品质量合格率96.04％"])
    0.0
    >>> support("崇明区实施碳计量重点实践工程，可以尝试骑车游览", ["在崇明区实施碳计量重点实践工程。"])
    0.0
    >>> support("因此，质量发展专项资金是2024年的。", ["继续通过促进产业高质量发展专项资金支持检测企业。"], "2024年")
    0.0
    """
    joined = normalize_for_match("".join(evidence_texts))
    have_numbers = set(numbers_in(joined)) | set(numbers_in(context))
    stated = numbers_in(sentence)
    if any(n not in have_numbers for n in stated):
        return 0.0
    in_evidence = [n for n in stated if n in set(numbers_in(joined))]
    if not _number_order_ok(" ".join(in_evidence), joined):
        return 0.0
    for quoted in _QUOTED.findall(sentence):
        if normalize_for_match(quoted) not in joined:
            return 0.0
    if any(normalize_for_match(url) not in joined for url in _URL.findall(sentence)):
        return 0.0
    if not polarity_ok(sentence, joined):
        return 0.0
    drawn = _CONCLUDING.match(sentence)
    if drawn and normalize_for_match(drawn.group(1)).lower() not in joined.lower():
        return 0.0          # 因此，…: a conclusion drawn from the evidence, not what it says
    grams = han_bigrams(sentence)
    if not grams:
        # English: only a sentence anchored in the evidence by a figure can be checked
        return 1.0 if stated else 0.0
    have = han_bigrams(joined)
    for clause in re.split(r"[，,；;：:]", sentence):
        own = han_bigrams(clause)
        if len(own) >= MIN_CLAUSE_BIGRAMS and len(own & have) / len(own) < MIN_CLAUSE_SUPPORT:
            return 0.0      # a clause of its own words (…，可以尝试骑车游览): not from the evidence
    return len(grams & have) / len(grams)


def contributing(sentence: str, cited: list[int], texts: dict[int, str]) -> list[int]:
    """The markers of ``cited`` whose evidence (``texts[n]``) supports part of ``sentence``
    that the others kept do not: taken best first (the largest share of the sentence's bigrams),
    each further one must add a figure or quoted span the kept ones lack, or at least
    :data:`MIN_CLAUSE_BIGRAMS` of the sentence's bigrams. A marker added beside the real source
    (…化妆品生产。[1][2][3] where [2] only shares 产品质量) supports nothing and is removed,
    so that every citation shown supports the sentence it is attached to. Order kept.

    >>> contributing("对食品生产、化妆品生产等六个领域分级分类监管", [1, 2],
    ...              {1: "对食品生产、化妆品生产等六个专业领域建立企业分级分类监管机制。",
    ...               2: "进一步探索开展产品质量分级试点。"})
    [1]
    """
    grams = han_bigrams(sentence)
    numbers = set(numbers_in(sentence))
    quoted = {normalize_for_match(q) for q in _QUOTED.findall(sentence)}

    owns = {}           # each source's share of the sentence: bigrams, figures, quoted spans
    for n in dict.fromkeys(cited):
        flat = normalize_for_match(texts[n])
        owns[n] = (grams & han_bigrams(flat), numbers & set(numbers_in(flat)), {q for q in quoted if q in flat})
    covered: tuple[set, set, set] = (set(), set(), set())
    keep: set[int] = set()
    for n in sorted(owns, key=lambda n: (-len(owns[n][0]), -len(owns[n][1]))):
        g, num, q = owns[n]
        if not keep or len(g - covered[0]) >= MIN_CLAUSE_BIGRAMS or num - covered[1] or q - covered[2]:
            keep.add(n)
            covered = (covered[0] | g, covered[1] | num, covered[2] | q)
    return [n for n in dict.fromkeys(cited) if n in keep]


_LIST_MARK = re.compile(r"^\s*(?:\d{1,2}[.、)）]|[（(]\d{1,2}[)）]|[-*•·])\s*")


def _headings(evidence) -> str:
    return " ".join(evidence.section.path)


def _split_answer(text: str) -> list[str]:
    """Answer sentences, each keeping the markers written after its closing punctuation;
    list bullets and numbers ("1. ", "- ") are removed."""
    text = strip_markup(text)
    pieces = [p for s in split_sentences(text) for p in re.split(r"(?<=[A-Za-z)\]%][.!?])\s+(?=[A-Z])", s.text)]
    merged: list[str] = []
    for piece in pieces:
        lead = re.match(rf"^(?:\s*{MARKER.pattern})+", piece)
        if lead and merged:
            merged[-1] += lead.group(0).strip()
            piece = piece[lead.end():].strip()
        piece = _LIST_MARK.sub("", piece)
        if piece:
            merged.append(piece)
    return merged


# A topic fronted before what is said of it (人才这块，… 质量奖方面，…): no claim of its own.
_TOPIC_LEAD = re.compile(r"^[^，,；;。]{1,10}(这块|这方面|方面|这边|来说|而言)[，,]")


def copied_clauses(sentence: str, evidence: list) -> list[tuple[str, list[int]]]:
    """A model sentence that runs several evidence sentences together (…实训基地，累计培育…), as
    ``(clause, [n])`` claims: every clause (cut at commas and semicolons) copied word for word
    from one evidence sentence and cited to it, a fronted topic (人才这块，) going with the clause
    after it. ``[]`` unless every clause is such a copy — a clause reworded, or with its figures
    moved, leaves the sentence to be dropped.

    >>> from types import SimpleNamespace as N
    >>> ev = [N(n=1, sentence=N(text="设立国际标准化实训基地。")), N(n=2, sentence=N(text="聘任总监300多名。"))]
    >>> copied_clauses("人才这块，设立国际标准化实训基地，聘任总监300多名。", ev)
    [('人才这块，设立国际标准化实训基地，', [1]), ('聘任总监300多名。', [2])]
    >>> copied_clauses("设立国际标准化实训基地，聘任总监400多名。", ev)
    []
    """
    lead = _TOPIC_LEAD.match(sentence)
    head = lead.group(0) if lead else ""
    clauses = [c for c in re.findall(r"[^，,；;]+[，,；;]?", sentence[len(head):]) if re.search(r"\w", c)]
    if len(clauses) < 2:
        return []
    texts = {e.n: normalize_for_match(e.sentence.text) for e in evidence}
    out = []
    for i, clause in enumerate(clauses):
        key = normalize_for_match(re.sub(r"[，,；;。.！!？?]+$", "", clause))
        source = next((n for n, text in texts.items() if len(key) >= 4 and key in text), None)
        if source is None:
            return []
        if out and out[-1][1] == [source]:          # clauses of one sentence stay one claim
            out[-1] = (out[-1][0] + clause, [source])
        else:
            out.append(((head if i == 0 else "") + clause, [source]))
    return out


def ground(answer: str, evidence: list) -> GroundedAnswer:
    """Check ``answer`` (model text with ``[n]`` markers over ``evidence``, a list of
    :class:`qa.retrieval.Evidence`) and build its citations. See the module docstring."""
    by_n = {e.n: e for e in evidence}
    kept: list[tuple[str, list[int]]] = []
    dropped: list[str] = []
    says_not = False
    for sentence in _split_answer(answer):
        body = MARKER.sub("", sentence).strip()
        if not body or not re.search(r"\w", body):
            continue
        if _ABSTAIN.search(body) and not numbers_in(body):
            says_not = True
            kept.append((body, []))
            continue
        cited = [n for n in parse_markers(sentence) if n in by_n]
        if cited and support(body, [by_n[n].sentence.text for n in cited],
                             " ".join(_headings(by_n[n]) for n in cited)) >= MIN_BIGRAM_SUPPORT:
            kept.append((body, contributing(body, cited, {n: by_n[n].sentence.text for n in cited})))
            continue
        # Re-attach: the single evidence sentence that supports it best, if any does.
        best = max(evidence, key=lambda e: support(body, [e.sentence.text], _headings(e)), default=None)
        if best is not None and support(body, [best.sentence.text], _headings(best)) >= MIN_BIGRAM_SUPPORT:
            kept.append((body, [best.n]))
            continue
        copied = copied_clauses(body, evidence)
        if copied:
            kept.extend(copied)
        else:
            dropped.append(body)

    # a run of sentences citing the same evidence carries the marker once, at its end
    for i in range(len(kept) - 1):
        if kept[i][1] and kept[i][1] == kept[i + 1][1]:
            kept[i] = (kept[i][0], [])
    renumber: dict[int, int] = {}
    citations: list[Citation] = []
    parts = []
    for body, cited in kept:
        marks = []
        for n in cited:
            if n not in renumber:
                renumber[n] = len(renumber) + 1
                citations.append(make_citation(renumber[n], by_n[n]))
            marks.append(f"[{renumber[n]}]")
        parts.append((body, "".join(marks)))
    pieces = []
    for i, (body, marks) in enumerate(parts):
        # a piece with no Latin words (44%) takes the punctuation of the Chinese around it
        chinese = bool(re.search(r"[\u4e00-\u9fff]", body) or not re.search(r"[A-Za-z]{2,}", body))
        if i + 1 < len(parts) and not re.search(r"[。！？；;.!?：:]$", body):
            body = re.sub(r"[，,、]$", "", body) + ("；" if chinese else ";")
        if i + 1 == len(parts):
            body = re.sub(r"[；;，,：:]$", "", body)
            body += "" if re.search(r"[。！？.!?]$", body) else ("。" if chinese else ".")
        if not chinese and marks and body.endswith((".", "!", "?")):
            body, end = body[:-1], body[-1]  # "… 96.04%[1]." rather than "… 96.04%.[1]"
            marks += end
        pieces.append(body + marks + ("" if chinese else " "))
    text = "".join(pieces).strip()
    if says_not and not citations:
        text = text or NOT_IN_NOTICE_ZH
    return GroundedAnswer(text, citations, dropped, says_not and not citations)
