"""HTML and Markdown of the chat app: the sources panel, the verify view of one section, the
document tree, in-document search results, and the chat text of an answer.

Everything a user typed, a model wrote or a document contains is escaped here, so nothing from
them is rendered as Markdown or run as HTML. Links that open a section carry its address
(``?section=…``, see :func:`qa.browse.section_address`) and the class ``qa-open``; the app's
script opens them in place, and they still work when opened in a new tab.
"""

from __future__ import annotations

import html
import re

from .browse import (SearchHit, Target, TreeNode, document_tree, search_sections, search_terms,
                     section_address)
from .index import Index
from .sections import Section

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")
_ESCAPED_MARKER = re.compile(r"\\\[(\d{1,3})\\\]")

MODE_BADGES = {"generated": "〔模型回答·已核对〕", "extractive": "〔原文摘录〕", "fallback": "〔原文摘录〕",
               "structured": "〔按条款整理〕", "abstained": "〔通知中未提及〕", "refused": "〔已拒绝〕"}


def escape_markdown(text: str) -> str:
    """Text shown as typed: Markdown and HTML characters escaped, so a pasted image or link
    is neither rendered nor fetched.

    >>> escape_markdown("![x](http://e.x/p.png)")
    '\\\\!\\\\[x\\\\]\\\\(http://e.x/p.png\\\\)'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def format_answer(answer) -> str:
    """The chat text (Markdown) of a final :class:`qa.engine.Answer`: the text escaped, each
    ``[n]`` a link to its citation's address, a visible marker for extractive, abstained and
    refused answers, and the notes below."""
    addresses = {c.n: c.address for c in answer.citations}

    def link(match: re.Match) -> str:
        n = int(match[1])
        if n not in addresses:
            return match[0]
        return f'[\\[{n}\\]]({addresses[n]} "核对出处 [{n}]")'

    text = _ESCAPED_MARKER.sub(link, escape_markdown(answer.text))
    lines = [f"{MODE_BADGES.get(answer.mode, '')} {text}".strip()]
    lines += [f"*{escape_markdown(note)}*" for note in answer.notes]
    return "\n\n".join(lines)


def highlight(doc_text: str, section: Section, marks: list[tuple[int, int, dict]]) -> str:
    """The section's text (all its spans) as HTML with ``marks`` — ``(start, end, attributes)``
    in document offsets — wrapped in ``<mark>``. Marks outside the section or overlapping an
    earlier one are left out; spans are joined by a line break."""
    parts = []
    for s, e in section.spans():
        out, pos = [], s
        for start, end, attrs in sorted(marks, key=lambda m: (m[0], m[1])):
            if start < pos or end > e or start >= end:
                continue
            attr = "".join(f' {k}="{html.escape(str(v))}"' for k, v in attrs.items())
            out += [html.escape(doc_text[pos:start]), f"<mark{attr}>{html.escape(doc_text[start:end])}</mark>"]
            pos = end
        out.append(html.escape(doc_text[pos:e]))
        parts.append("".join(out))
    return "\n".join(parts)


def _crumbs(section: Section) -> str:
    return " › ".join(html.escape(p) for p in section.path) or "通知文头"


def _open_link(section_id: str, text: str, start: int | None = None, end: int | None = None) -> str:
    return (f'<a class="qa-open" href="{html.escape(section_address(section_id, start, end))}" '
            f'data-section="{html.escape(section_id)}">{text}</a>')


def _card(section: Section, title: str, body_html: str, link_quote: tuple[int, int] | None = None) -> str:
    link = _open_link(section.section_id, "核对 ›", *(link_quote or (None, None)))
    return (f'<div class="qa-source" data-section="{html.escape(section.section_id)}">'
            f'<h4>{html.escape(title)} <span class="qa-link">{link}</span></h4>'
            f'<div class="qa-path">{_crumbs(section)}</div><div class="qa-text">{body_html}</div></div>')


def render_sources(index: Index, answer=None, result=None, top_k: int = 3) -> str:
    """The sources panel: one card per cited section (label, path, full text with the quoted
    sentences highlighted, a link to verify it); while the answer is written, the retrieved
    sections with their evidence; for an answer without citations, the nearest sections."""
    cards = []
    if answer is not None and answer.citations:
        by_section: dict[str, list] = {}
        for c in answer.citations:
            by_section.setdefault(c.section_id, []).append(c)
        for section_id, cites in by_section.items():
            try:
                section = index.section(section_id)
            except KeyError:  # the document changed since: never show a stale section
                continue
            marks = [(c.start, c.end, {"data-n": c.n}) for c in cites]
            title = " ".join(f"[{c.n}]" for c in cites) + " " + index.label(section)
            body = highlight(index.doc_text(section.doc_id), section, marks)
            cards.append(_card(section, title, body, (cites[0].start, cites[0].end)))
        heading = "出处（引用的原文已高亮，点“核对”或回答中的 [n] 打开条款）"
    elif answer is not None or result is not None:
        hits = answer.retrieved if answer is not None else result.hits[:top_k]
        evidence = result.evidence if result is not None else []
        for hit in hits:
            section = hit.section
            marks = [(e.sentence.start, e.sentence.end, {"data-n": e.n}) for e in evidence
                     if e.section.section_id == section.section_id]
            cards.append(_card(section, index.label(section), highlight(index.doc_text(section.doc_id), section, marks)))
        heading = "最接近的条款" if answer is not None else "检索到的条款（正在生成回答…）"
        if not cards:
            return '<div class="qa-status">这个回答没有引用通知条款。</div>'
    else:
        return '<div class="qa-status">提问后，这里显示回答引用的条款原文。</div>'
    return f"<h3>{heading}</h3>" + "".join(cards)


def render_section_view(index: Index, target: Target | None) -> str:
    """The verify view of one section: label, path, address, and the full text with the quote
    of ``target`` highlighted (``class="qa-focus"``, scrolled into view by the app). An unknown
    id gets a message, never an error."""
    if target is None:
        return '<div class="qa-status">点回答里的 [n]、出处卡片上的“核对”或“通知原文”中的任一条款，在这里查看原文。</div>'
    try:
        section = index.section(target.section_id)
    except KeyError:
        return (f'<div class="qa-status qa-missing">找不到条款 “{html.escape(target.section_id)}”：'
                '文件可能已更新，请在“通知原文”中重新查找。</div>')
    marks = []
    if target.quote and section.contains(*target.quote):
        marks.append((*target.quote, {"class": "qa-focus"}))
    address = section_address(section.section_id, *(target.quote or (None, None)))
    quote_note = ("引用的原文已高亮。" if marks else
                  "（链接中的引用位置不在本条款内，未高亮。）" if target.quote else "")
    agencies = (f'<div class="qa-agencies">责任单位：{html.escape("、".join(section.agencies))}</div>'
                if section.agencies else "")
    return (f'<div class="qa-verify" data-section="{html.escape(section.section_id)}">'
            f'<h3 class="qa-label">{html.escape(index.label(section))}</h3>'
            f'<div class="qa-path">{_crumbs(section)}</div>'
            f'<div class="qa-address">本条地址：<a class="qa-open qa-permalink" href="{html.escape(address)}" '
            f'data-section="{html.escape(section.section_id)}">{html.escape(address)}</a> {quote_note}</div>'
            f'{agencies}<div class="qa-text">{highlight(index.doc_text(section.doc_id), section, marks)}</div></div>')


def _tree_html(node: TreeNode, depth: int) -> str:
    heading = (_open_link(node.section_id, html.escape(node.heading)) if node.section_id
               else f"<span>{html.escape(node.heading)}</span>")
    if not node.children:
        return f'<li class="qa-leaf">{heading}</li>'
    children = "".join(_tree_html(child, depth + 1) for child in node.children)
    opened = " open" if depth < 2 else ""
    return f"<li><details{opened}><summary>{heading}</summary><ul>{children}</ul></details></li>"


def render_tree(index: Index) -> str:
    """The heading tree of each indexed document as nested, collapsible lists; every heading
    that has a section opens it."""
    if len(index.documents) <= 1:
        roots = document_tree(index.sections)
        return '<ul class="qa-tree">' + "".join(_tree_html(root, 0) for root in roots) + "</ul>"
    items = []
    for doc_id, document in index.documents.items():     # several: each under its title
        roots = document_tree([s for s in index.sections if s.doc_id == doc_id])
        items.append(f'<li class="qa-doc"><strong>《{html.escape(document.title)}》</strong> '
                     f'<span class="qa-path">{html.escape(doc_id)}{document.format}</span>'
                     f'<ul>{"".join(_tree_html(root, 1) for root in roots)}</ul></li>')
    return '<ul class="qa-tree">' + "".join(items) + "</ul>"


def render_search(index: Index, query: str) -> str:
    """Search results inside the documents (:func:`qa.browse.search_sections`): each section's
    label, path and the passages around the hits, the hits highlighted."""
    terms = search_terms(query)
    if not terms:
        return '<div class="qa-status">输入词语（可用空格分开多个词），在通知全文中查找。</div>'
    texts = {doc_id: index.doc_text(doc_id) for doc_id in index.documents}
    hits = search_sections(index.sections, texts, query)
    shown = html.escape(" ".join(terms))
    if not hits:
        return f'<div class="qa-status">通知中没有同时包含“{shown}”的条款。</div>'
    items = [f'<div class="qa-status">{len(hits)} 个条款包含“{shown}”：</div>']
    for hit in hits:
        items.append(f'<div class="qa-hit"><h4>{_open_link(hit.section.section_id, html.escape(index.label(hit.section)))}</h4>'
                     f'<div class="qa-path">{_crumbs(hit.section)}</div>'
                     f'<div class="qa-text">{_snippets(texts[hit.section.doc_id], hit)}</div></div>')
    return "".join(items)


def _snippets(doc_text: str, hit: SearchHit, context: int = 30, most: int = 3) -> str:
    """Up to ``most`` passages around the hits, hits marked, ``…`` where text is left out."""
    windows: list[list] = []
    for s, e in hit.spans:
        lo, hi = max(s - context, 0), e + context
        lo = max(lo, next((a for a, b in hit.section.spans() if a <= s < b), lo))
        hi = min(hi, next((b for a, b in hit.section.spans() if a <= s < b), hi))
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
            windows[-1][2].append((s, e))
        else:
            windows.append([lo, hi, [(s, e)]])
    out = []
    for lo, hi, spans in windows[:most]:
        pos, piece = lo, []
        for s, e in spans:
            piece += [html.escape(doc_text[pos:s]), f"<mark>{html.escape(doc_text[s:e])}</mark>"]
            pos = e
        piece.append(html.escape(doc_text[pos:hi]))
        out.append("…" + "".join(piece) + "…")
    more = f"（另有 {len(windows) - most} 处）" if len(windows) > most else ""
    return "<br>".join(out) + more


def status_line(index: Index, embedder: str, generator: str, skipped=()) -> str:
    """The status line: embedder, generator, documents, section count, index build time, and
    the files of the source folder that were skipped (``qa.documents.Skipped``), with why."""
    m = index.manifest
    docs = "、".join(d["file"] for d in m["documents"])
    line = (f'<div class="qa-status">嵌入模型 {html.escape(embedder)} · 生成模型 {html.escape(generator)} · '
            f'文件 {html.escape(docs)} · {m["counts"]["sections"]} 个条款 · 索引建于 {html.escape(m["built_at"])}')
    if skipped:
        reasons = "；".join(s.reason for s in skipped)
        line += f' · <span class="qa-skipped">未能读取 {len(skipped)} 个文件：{html.escape(reasons)}</span>'
    return line + "</div>"
