"""Split a Chinese official document into sections by its own heading structure.

Heading levels, outermost first (GB/T 9704 practice for 公文 bodies):

    第X部分 → 第X章 → 第X节 → 一、 → （一） → 1. → （1）

A heading must begin a line (leading spaces and U+3000 allowed); nothing relies on blank lines.
An item whose title is written inline before its body, ``（一）质量工作机制不断健全。进一步…``,
takes the words before the first 。 as its title.

Sections are the retrievable units:
  * every heading with no sub-heading (a leaf item) — its text runs from the heading to the
    next heading of any level;
  * the text between a heading and its first sub-heading (a part's opening paragraph) — its
    path ends at that heading;
  * the header: everything before the first heading, together with the closing 版记 block
    (抄送/印发 lines after the last item), whose offsets are kept in ``extra_spans``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import chinese_numeral

_CN = "一二三四五六七八九十百零〇两"

# (kind, id prefix, pattern). The order is the nesting rank: a heading closes every open
# heading of the same or a deeper rank.
_HEADING_KINDS: list[tuple[str, str, re.Pattern[str]]] = [
    ("part", "p", re.compile(rf"第([{_CN}]+)部分")),
    ("chapter", "ch", re.compile(rf"第([{_CN}]+)章")),
    ("subchapter", "se", re.compile(rf"第([{_CN}]+)节")),
    ("cn", "s", re.compile(rf"([{_CN}]+)、")),
    ("paren_cn", "i", re.compile(rf"[（(]([{_CN}]+)[）)]")),
    ("arabic", "n", re.compile(r"(\d{1,2})[.．、](?!\d)")),
    ("paren_arabic", "m", re.compile(r"[（(](\d{1,2})[）)]")),
]
_RANK = {kind: rank for rank, (kind, _, _) in enumerate(_HEADING_KINDS)}
# Kinds whose marker is followed by a title on the same line ("第一部分　总结").
_TITLED_KINDS = {"part", "chapter", "subchapter"}
# An inline title ends at the first 。 if it comes within this many characters.
_MAX_INLINE_TITLE = 40
# Lines that open the closing 版记 block of a 公文.
_TAIL_LINE = re.compile(r"^[\s\u3000]*(抄送|印发|主题词|抄报)[:：]")
# A sentence that only names responsible units: （市市场监管局、市经济信息化委）.
AGENCIES_ONLY = re.compile(r"^[（(][^（）()]*[）)][。；]?$")
# The agencies list closing a 要点 item: "…。（市市场监管局、市经济信息化委）".
_AGENCIES = re.compile(r"[。；;]\s*[（(]([^（）()]+)[）)]\s*$")
_DEFAULT_MARK = re.compile(r"[，,]\s*下同\s*$")
_DUTY_SUFFIX = re.compile(r"(按照|按)?职责分工(负责|实施|落实)?$")


@dataclass
class Section:
    """One retrievable section of a document.

    ``doc_text[start:end] == text``. ``path`` lists the headings as written, outermost first
    (empty for the header). ``label`` is what a person quotes, e.g.
    ``第二部分 二、（五）强化产业基础质量攻关``. ``agencies`` lists the responsible units of a
    要点 item (empty when the document names none). ``extra_spans`` holds further
    ``(start, end)`` ranges that belong to the section (the header's 抄送 block).
    """

    section_id: str
    doc_id: str
    path: list[str]
    label: str
    text: str
    start: int
    end: int
    agencies: list[str] = field(default_factory=list)
    extra_spans: list[tuple[int, int]] = field(default_factory=list)

    def spans(self) -> list[tuple[int, int]]:
        """All ``(start, end)`` ranges of the section in document order."""
        return [(self.start, self.end), *self.extra_spans]

    def full_text(self, doc_text: str) -> str:
        """The section's text including its extra spans, joined by newlines."""
        return "\n".join(doc_text[s:e] for s, e in self.spans())

    def contains(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside one of the section's spans."""
        return any(s <= start and end <= e for s, e in self.spans())


@dataclass
class _Heading:
    kind: str
    number: int
    marker: str          # "第二部分", "二、", "（五）"
    title: str           # words after the marker, without a closing 。
    line_start: int      # offset of the heading's first character
    body_start: int      # offset where the heading's own text (after the title) begins
    children: int = 0


def _match_heading(line: str) -> tuple[str, int, str, str, int] | None:
    """Recognise a heading at the start of ``line`` (already stripped on the left).

    Returns ``(kind, number, marker, title, body_offset)`` where ``body_offset`` is where the
    body starts inside ``line`` (``len(line)`` when the whole line is the heading).
    """
    for kind, _, pattern in _HEADING_KINDS:
        match = pattern.match(line)
        if not match:
            continue
        raw = match.group(1)
        try:
            number = int(raw) if raw.isdigit() else chinese_numeral(raw)
        except ValueError:
            continue
        rest = line[match.end():]
        if kind in _TITLED_KINDS:
            title = rest.strip(" \u3000")
            return kind, number, line[: match.end()], title, len(line)
        stop = rest.find("。")
        if 0 <= stop <= _MAX_INLINE_TITLE:
            title = rest[:stop]
            body = match.end() + stop + 1
        elif stop < 0 and len(rest) <= _MAX_INLINE_TITLE:
            title, body = rest, len(line)
        else:  # a long numbered paragraph with no short title
            title, body = "", match.end()
        return kind, number, match.group(0), title.strip(" \u3000"), body
    return None


def _trim(doc: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so that it neither starts nor ends with whitespace."""
    while start < end and doc[start].isspace():
        start += 1
    while end > start and doc[end - 1].isspace():
        end -= 1
    return start, end


def parse_agencies(item_text: str) -> tuple[list[str], bool]:
    """The responsible units named in the closing parentheses of an item, and whether the item
    declares them the default for later items (``下同``).

    >>> parse_agencies("…加强研究。（市市场监管局、市经济信息化委）")
    (['市市场监管局', '市经济信息化委'], False)
    >>> parse_agencies("…报告。（市质量办、各区质量工作领导小组按照职责分工实施，下同）")
    (['市质量办', '各区质量工作领导小组'], True)
    >>> parse_agencies("没有括号。")
    ([], False)
    """
    match = _AGENCIES.search(item_text.strip())
    if not match:
        return [], False
    inner = match.group(1).strip()
    is_default = bool(_DEFAULT_MARK.search(inner))
    inner = _DEFAULT_MARK.sub("", inner)
    names = []
    for name in re.split(r"[、，,]", inner):
        name = _DUTY_SUFFIX.sub("", name.strip())
        if name:
            names.append(name)
    return names, is_default


def _title_of_header(doc: str, end: int) -> str:
    """The notice's own title (the line(s) ending in 通知/意见/办法…) from its header, or
    ``"文件头"`` when none is found."""
    lines = [line.strip(" \u3000") for line in doc[:end].splitlines()]
    lines = [line for line in lines if line]
    for i, line in enumerate(lines):
        if re.search(r"(通知|意见|办法|方案|决定|规定|要点|公告|通报|批复)$", line):
            # join the title lines written above it (a long title is broken over lines)
            first = i
            while first > 0 and not re.search(r"[〔\[]\d{4}[〕\]]|号$|文件$|[：:]$", lines[first - 1]):
                first -= 1
            return "".join(lines[first: i + 1])
    return "文件头"


def parse_sections(doc_text: str, doc_id: str) -> list[Section]:
    """Split ``doc_text`` into :class:`Section` objects in document order.

    Raises ``ValueError`` when the text is empty. A document without any heading becomes one
    header section.

    >>> [s.label for s in parse_sections("通知\\n第一部分　总结\\n开头。\\n一、甲\\n（一）乙。正文。", "d")]
    ['通知', '第一部分 总结', '第一部分 一、（一）乙']
    """
    if not doc_text.strip():
        raise ValueError(f"document {doc_id!r} is empty")

    # The closing 版记 block: from the first tail line after which only tail-ish lines follow.
    tail_start = len(doc_text)
    pos = 0
    for line in doc_text.splitlines(keepends=True):
        if _TAIL_LINE.match(line) and tail_start == len(doc_text):
            tail_start = pos
        pos += len(line)

    headings: list[_Heading] = []
    stack: list[_Heading] = []
    parents: dict[int, list[_Heading]] = {}
    pos = 0
    for line in doc_text[:tail_start].splitlines(keepends=True):
        stripped = line.lstrip(" \t\u3000")
        lead = len(line) - len(stripped)
        found = _match_heading(stripped.rstrip("\r\n"))
        if found:
            kind, number, marker, title, body = found
            while stack and _RANK[stack[-1].kind] >= _RANK[kind]:
                stack.pop()
            heading = _Heading(kind, number, marker, title, pos + lead, pos + lead + body)
            if stack:
                stack[-1].children += 1
            parents[id(heading)] = list(stack)
            stack.append(heading)
            headings.append(heading)
        pos += len(line)

    sections: list[Section] = []
    first = headings[0].line_start if headings else tail_start
    h_start, h_end = _trim(doc_text, 0, first)
    tail = _trim(doc_text, tail_start, len(doc_text))
    header = Section(
        section_id=f"{doc_id}/header", doc_id=doc_id, path=[], label=_title_of_header(doc_text, first),
        text=doc_text[h_start:h_end], start=h_start, end=h_end,
        extra_spans=[tail] if tail[1] > tail[0] else [],
    )
    if h_end > h_start or header.extra_spans:
        sections.append(header)

    defaults: dict[int, list[str]] = {}  # id(top-level heading) -> default agencies (下同)
    for i, heading in enumerate(headings):
        next_start = headings[i + 1].line_start if i + 1 < len(headings) else tail_start
        chain = parents[id(heading)] + [heading]
        path = [_path_entry(doc_text, h) for h in chain]
        section_id = f"{doc_id}/" + ".".join(f"{_prefix(h.kind)}{h.number}" for h in chain)
        if heading.children:
            # Only the text between the heading line and its first sub-heading is its own.
            start, end = _trim(doc_text, heading.body_start, next_start)
            if end <= start:
                continue
            label = _label(chain, full_last=True)
            sections.append(Section(section_id, doc_id, path, label, doc_text[start:end], start, end))
            continue
        start, end = _trim(doc_text, heading.line_start, next_start)
        text = doc_text[start:end]
        agencies, is_default = parse_agencies(text)
        top = id(chain[0])
        if is_default:
            defaults[top] = agencies
        elif not agencies and top in defaults:
            agencies = list(defaults[top])
        sections.append(Section(section_id, doc_id, path, _label(chain, full_last=True), text,
                                start, end, agencies))
    return sections


def _prefix(kind: str) -> str:
    return next(prefix for k, prefix, _ in _HEADING_KINDS if k == kind)


def _path_entry(doc_text: str, heading: _Heading) -> str:
    """The heading as written: marker and title (for inline titles, without the body)."""
    if heading.kind in _TITLED_KINDS:
        line_end = doc_text.find("\n", heading.line_start)
        line_end = len(doc_text) if line_end < 0 else line_end
        return doc_text[heading.line_start:line_end].strip(" \t\r")
    return heading.marker + heading.title


def _label(chain: list[_Heading], full_last: bool) -> str:
    """``第二部分 二、（五）强化产业基础质量攻关``: outer markers, then the innermost heading in
    full. Part/chapter markers are followed by a space, list markers are joined directly."""
    pieces = []
    for heading in chain[:-1]:
        pieces.append(heading.marker + (" " if heading.kind in _TITLED_KINDS else ""))
    last = chain[-1]
    if full_last:
        sep = " " if last.kind in _TITLED_KINDS and last.title else ""
        pieces.append(last.marker + sep + last.title)
    return "".join(pieces).strip()
