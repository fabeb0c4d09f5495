"""Text out of the formats documents arrive in: ``.txt``/``.md`` (UTF-8, or GB18030/GBK and
other encodings detected by charset-normalizer), ``.docx`` (python-docx), ``.pdf`` with a text
layer (pypdf) and ``.html`` (BeautifulSoup).

Every extractor returns plain text with ``\\n`` line ends, one paragraph or heading a line, in
reading order, full-width punctuation and figures exactly as written: the section parser runs
on it, and citations' offsets refer to it. What each format loses:

* ``.docx`` — headers, footers, footnotes, text boxes and images (body paragraphs and tables
  are kept; a table row becomes one line, its cells joined by `` | ``).
* ``.pdf`` — running headers and footers and page numbers (removed on purpose), images, and the
  line breaks inside a paragraph (lines filled to the right margin are joined); columns and
  tables come out in pypdf's reading order.
* ``.html`` — scripts, styles, navigation, headers, footers, forms and markup.

Raises :class:`ExtractionError` (one line naming the file) when a file cannot be read.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")

# A line that ends a sentence or a heading: a PDF line ending so is not joined to the next.
_ENDS = tuple("。！？；：…”」』）)!?;:")
_PAGE_NUMBER = re.compile(r"^\s*(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|[-—–－]?\s*\d{1,4}\s*[-—–－]?"
                          r"|\d{1,4}\s*/\s*\d{1,4}|(?:page|Page|PAGE)\s*\d+(?:\s*of\s*\d+)?)\s*$")
_HEADING_START = re.compile(r"^\s*(?:第[一二三四五六七八九十百]+[部分章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]"
                            r"|\d+[.、．]|附件)")


class ExtractionError(Exception):
    """A file whose text cannot be extracted: the message is one line that names it."""


def extract_text(path: Path, data: bytes | None = None) -> str:
    """The text of the document at ``path`` (``data``: its bytes, when already read), by
    suffix. Raises :class:`ExtractionError` for an unsupported suffix or a file that cannot be
    read, is undecodable, or holds no text."""
    data = path.read_bytes() if data is None else data
    suffix = path.suffix.lower()
    try:
        if suffix in (".txt", ".md"):
            text = decode_text(data, path.name)
        elif suffix == ".docx":
            text = docx_text(data)
        elif suffix == ".pdf":
            text = pdf_text(data, path.name)
        elif suffix in (".html", ".htm"):
            text = html_text(data)
        else:
            raise ExtractionError(f"{path.name}: unsupported format (supported: {', '.join(SUPPORTED_SUFFIXES)})")
    except ExtractionError:
        raise
    except Exception as exc:     # a damaged file: the library's reason, in one line
        reason = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        raise ExtractionError(f"{path.name}: cannot be read as {suffix} ({reason})") from exc
    # text files keep their characters and lines exactly (only line ends and a BOM change);
    # extracted formats are tidied (trailing spaces, runs of blank lines)
    text = line_ends(text) if suffix in (".txt", ".md") else normalise(text)
    if not text.strip():
        raise ExtractionError(f"{path.name} is empty" if suffix in (".txt", ".md")
                              else f"{path.name} holds no text")
    return text


def line_ends(text: str) -> str:
    """CRLF and CR line ends as ``\n``, a leading BOM removed; nothing else changed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def normalise(text: str) -> str:
    """Line ends to ``\\n`` (CRLF, CR), no BOM, no trailing spaces, at most one blank line in a
    row; characters themselves (full-width punctuation, figures) unchanged."""
    lines = [line.rstrip() for line in line_ends(text).split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip("\n") + "\n"


def decode_text(data: bytes, name: str = "file") -> str:
    """Bytes of a text file as text: UTF-8 (with or without BOM) when valid, else the encoding
    charset-normalizer finds (GB18030/GBK, Big5, UTF-16 …). Raises :class:`ExtractionError`
    when none fits."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "gbk", "big5", "utf_16", "utf_32"]).best() \
        or from_bytes(data).best()
    if best is None:
        raise ExtractionError(f"{name}: not text in any known encoding")
    text = str(best)
    if best.encoding in ("gbk", "gb2312"):      # GB18030 is their superset: decode with it
        text = data.decode("gb18030")
    return text


def docx_text(data: bytes) -> str:
    """The body of a .docx in reading order: paragraphs, and table rows as ``cell | cell``."""
    from docx import Document as DocxDocument
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = DocxDocument(io.BytesIO(data))
    lines: list[str] = []
    for element in doc.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(element, doc).text)
        elif tag == "tbl":
            for row in Table(element, doc).rows:
                cells: list[str] = []
                for cell in row.cells:       # merged cells repeat: keep each once
                    text = cell.text.strip()
                    if not cells or cells[-1] != text:
                        cells.append(text)
                lines.append(" | ".join(cells))
    return "\n".join(lines)


def pdf_text(data: bytes, name: str = "file.pdf") -> str:
    """The text layer of a PDF, pages in order, without running headers/footers and page
    numbers, lines that wrap inside a paragraph joined. Raises :class:`ExtractionError` for a
    PDF without text (scanned)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            reader.decrypt("")
        except Exception as exc:
            raise ExtractionError(f"{name}: encrypted PDF") from exc
    pages = [[line.strip() for line in (page.extract_text() or "").splitlines()] for page in reader.pages]
    pages = [[line for line in page if line] for page in pages]
    if not any(pages):
        raise ExtractionError(f"{name}: no text layer (a scanned PDF?) — run OCR on it first")
    pages = _without_page_furniture(pages)
    return "\n".join(_join_wrapped(page) for page in pages)


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line)


def _without_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Remove page numbers and running headers/footers: a first or last line of a page that is
    a page number, or that recurs (digits aside) at the top or bottom of half the pages."""
    edges = Counter()
    for page in pages:
        for line in {_shape(x) for x in page[:1] + page[-1:]}:
            edges[line] += 1
    running = {shape for shape, n in edges.items() if len(pages) >= 2 and n >= max(2, len(pages) / 2)}
    cleaned = []
    for page in pages:
        lines = list(page)
        for _ in range(2):           # a header above a page number, or a footer below one
            if lines and (_PAGE_NUMBER.match(lines[0]) or _shape(lines[0]) in running):
                lines.pop(0)
            if lines and (_PAGE_NUMBER.match(lines[-1]) or _shape(lines[-1]) in running):
                lines.pop()
        cleaned.append(lines)
    return cleaned


def _width(line: str) -> int:
    """Display width: a CJK or full-width character counts 2, others 1."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in line)


def _join_wrapped(lines: list[str]) -> str:
    """Join the lines of a page that wrap inside a paragraph: a line filled to the right margin
    (≥ 85 % of the page's widest line), not ending a sentence, followed by a line that does not
    start a heading."""
    if not lines:
        return ""
    widest = max(_width(line) for line in lines)
    out = [lines[0]]
    for line in lines[1:]:
        previous = out[-1]
        last_line = previous.split("\n")[-1]
        wrapped = (_width(last_line) >= 0.85 * widest and not last_line.endswith(_ENDS)
                   and not _HEADING_START.match(line))
        if wrapped:
            joint = " " if last_line[-1:].isascii() and last_line[-1:].isalpha() and line[:1].isascii() else ""
            out[-1] = previous + joint + line
        else:
            out.append(line)
    return "\n".join(out)


_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button", "template")
_BLOCKS = ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table",
           "blockquote", "pre", "dd", "dt", "title")


def html_text(data: bytes) -> str:
    """The readable text of a web page: the ``<main>``/``<article>`` when there is one, else
    the body, without scripts, styles, navigation, headers and footers; one block a line, a
    table row's cells joined by `` | ``. One pass over the tree (linear in the page's size)."""
    from bs4 import BeautifulSoup
    from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction

    soup = BeautifulSoup(data, "html.parser")
    root = soup.find("main") or soup.find("article") or soup.body or soup
    pieces: list[str] = []
    stack: list = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, str) and not isinstance(node, NavigableString):
            pieces.append(node)                      # a marker pushed below: a line or cell break
        elif isinstance(node, NavigableString):
            if not isinstance(node, (Comment, Declaration, Doctype, ProcessingInstruction)):
                pieces.append(str(node))
        elif node.name in _DROP:
            continue
        elif node.name == "br":
            pieces.append("\n")
        else:
            after = " | " if node.name in ("td", "th") else "\n" if node.name in _BLOCKS else ""
            if after:
                stack.append(after)
            stack.extend(reversed(list(node.children)))
            if node.name in _BLOCKS:
                pieces.append("\n")
    lines = []
    for line in "".join(pieces).split("\n"):
        line = re.sub(r"[ \t\u00a0]+", " ", line).strip().strip("|").strip()
        if line:
            lines.append(line)
    return "\n".join(lines)
