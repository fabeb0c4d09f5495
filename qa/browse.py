"""Browsing the indexed documents as the office reads them: the heading tree of each document,
a stable address for every section, and plain search inside the text.

These work on the :class:`qa.index.Index` alone (no model) and return document offsets, so a
UI can open a section and highlight exactly what matched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, quote

from .sections import Section
from .text import to_halfwidth, to_simplified

MAX_SEARCH_CHARS = 100   # a search box, not a question: longer input is cut
MAX_SEARCH_HITS = 50     # sections listed for one search


def section_address(section_id: str, start: int | None = None, end: int | None = None) -> str:
    """The stable, shareable address of a section (a URL query the app opens after a reload);
    with ``start``/``end`` (document offsets) it also names the quoted span to highlight.

    >>> section_address("notice/p2.s2.i5")
    '?section=notice/p2.s2.i5'
    >>> section_address("notice/p1.s2.i4", 120, 151)
    '?section=notice/p1.s2.i4&quote=120-151'
    """
    address = "?section=" + quote(section_id, safe="/")
    if start is not None and end is not None:
        address += f"&quote={int(start)}-{int(end)}"
    return address


@dataclass(frozen=True)
class Target:
    """What an address asks to open: a section id and, optionally, a ``(start, end)`` quote."""

    section_id: str
    quote: tuple[int, int] | None = None


def parse_address(query: str | dict) -> Target | None:
    """The :class:`Target` of an address (``"?section=…&quote=a-b"``) or of already parsed
    query parameters; ``None`` when it names no section. A malformed quote is ignored (the
    section still opens). Nothing here touches files: the id is only looked up in the index.

    >>> parse_address("?section=notice/p1&quote=5-9")
    Target(section_id='notice/p1', quote=(5, 9))
    >>> parse_address({"section": "notice/p1", "quote": "x"})
    Target(section_id='notice/p1', quote=None)
    >>> parse_address("") is None
    True
    """
    if isinstance(query, str):
        params = {k: v[0] for k, v in parse_qs(query.lstrip("?")).items() if v}
    else:
        params = dict(query)
    section_id = re.sub(r"[\x00-\x1f\x7f]", "", params.get("section") or "").strip()[:200]
    if not section_id:
        return None
    match = re.fullmatch(r"(\d{1,9})-(\d{1,9})", (params.get("quote") or "").strip())
    span = (int(match[1]), int(match[2])) if match and int(match[1]) < int(match[2]) else None
    return Target(section_id, span)


@dataclass
class TreeNode:
    """One heading of a document's tree. ``section_id`` is set when a section's path ends at
    this heading (the section can be opened from here); ``children`` are in document order."""

    heading: str
    section_id: str | None = None
    children: list["TreeNode"] = field(default_factory=list)


def document_tree(sections: list[Section]) -> list[TreeNode]:
    """The heading trees (parts → chapters → items) of the documents of ``sections``, one root
    per document, titled by the document's header section (or its id). Sections must be in
    document order, as the index keeps them.
    """
    roots: dict[str, TreeNode] = {}
    nodes: dict[tuple[str, ...], TreeNode] = {}
    for section in sections:
        root = roots.get(section.doc_id)
        if root is None:
            root = roots[section.doc_id] = TreeNode(section.doc_id)
        if not section.path:               # the header: it titles the document
            root.heading, root.section_id = section.label, section.section_id
            continue
        parent = root
        for depth in range(1, len(section.path) + 1):
            key = (section.doc_id, *section.path[:depth])
            node = nodes.get(key)
            if node is None:
                node = nodes[key] = TreeNode(section.path[depth - 1])
                parent.children.append(node)
            parent = node
        parent.section_id = section.section_id
    return list(roots.values())


@dataclass
class SearchHit:
    """A section that contains every search term; ``spans`` are the ``(start, end)`` document
    offsets of each occurrence, in document order."""

    section: Section
    spans: list[tuple[int, int]]


def search_terms(query: str) -> list[str]:
    """The terms of a search: Traditional characters made Simplified (the documents are
    Simplified), split on spaces, duplicates dropped, cut to :data:`MAX_SEARCH_CHARS`.

    >>> search_terms("  質量 品牌  質量 ")
    ['质量', '品牌']
    """
    query = to_simplified(query[:MAX_SEARCH_CHARS])
    terms = [t for t in re.split(r"[\s\u3000]+", query) if t]
    return list(dict.fromkeys(terms))


def _fold(text: str) -> str:
    """The form both sides of a search are compared in: half-width, lower case. Length is
    kept character for character, so offsets found in it are offsets in the original."""
    folded = to_halfwidth(text).lower()
    return folded if len(folded) == len(text) else text.lower()


def search_sections(sections: list[Section], doc_texts: dict[str, str], query: str,
                    limit: int = MAX_SEARCH_HITS) -> list[SearchHit]:
    """Sections whose text contains every term of ``query`` (see :func:`search_terms`), in
    document order, at most ``limit``. Matching is literal, like a reader's find-in-page, but
    blind to letter case and to full- versus half-width forms (``96.04%`` finds ``96.04％``,
    ``(九)`` finds ``（九）``); questions go to the retriever instead.
    """
    terms = [_fold(t) for t in search_terms(query)]
    if not terms:
        return []
    hits = []
    for section in sections:
        text = doc_texts[section.doc_id]
        spans, found = [], set()
        for s, e in section.spans():
            chunk = _fold(text[s:e])
            for term in terms:
                pos = chunk.find(term)
                while pos >= 0:
                    spans.append((s + pos, s + pos + len(term)))
                    found.add(term)
                    pos = chunk.find(term, pos + len(term))
        if len(found) == len(terms):
            hits.append(SearchHit(section, _merge(spans)))
            if len(hits) >= limit:
                break
    return hits


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans joined, sorted."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged
