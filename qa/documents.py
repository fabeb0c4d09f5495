"""Load the policy documents from the source folder, in the formats they arrive in
(:mod:`qa.extraction`). A file that cannot be read is skipped with a warning that names it;
every other document stays answerable."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from .extraction import SUPPORTED_SUFFIXES, ExtractionError, extract_text

log = logging.getLogger(__name__)


class DocumentError(Exception):
    """A document cannot be read (missing folder, unreadable, undecodable or empty file)."""


@dataclass(frozen=True)
class Document:
    """A source document. ``doc_id`` is the file name without its suffix, ``title`` the first
    《…》 title in it (else the first line, else the ``doc_id``), ``number`` its 文号 (e.g.
    沪质〔2024〕1号) and ``date`` its date of issue (e.g. 2024年4月10日) when it has them,
    ``sha256`` the hex digest of the file's bytes, ``text`` the extracted text with ``\\n`` line
    ends (offsets of sections and citations refer to it) and ``format`` the file's suffix."""

    doc_id: str
    title: str
    text: str
    sha256: str
    path: Path
    number: str = ""
    date: str = ""
    format: str = ".txt"


@dataclass(frozen=True)
class Skipped:
    """A file of the source folder that was not loaded, and why (one line)."""

    file: str
    reason: str


# A 文号: issuer's short name, year in brackets, serial number (沪质〔2024〕1号).
DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号")
_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)")


def _title(text: str, fallback: str) -> str:
    match = re.search(r"《([^》]{4,80})》", text[:2000])
    if match:
        return re.sub(r"\s+", "", match.group(1))      # a title may wrap over two lines
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first[:80] if 4 <= len(first) <= 80 else fallback


def _header(text: str) -> tuple[str, str]:
    """文号 and date of issue, looked for in the head and the tail of the document."""
    head, tail = text[:1500], text[-600:]
    number = DOCUMENT_NUMBER.search(head) or DOCUMENT_NUMBER.search(tail)
    date = _DATE.search(head) or _DATE.search(tail)
    return (number.group(0) if number else "", date.group(1) if date else "")


def load_document(path: Path) -> Document:
    """Read one document (any supported format). Raises :class:`DocumentError` when it cannot
    be read, decoded or holds no text."""
    try:
        data = path.read_bytes()
        text = extract_text(path, data)
    except ExtractionError as exc:
        raise DocumentError(str(exc)) from exc
    except OSError as exc:
        raise DocumentError(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
    number, date = _header(text)
    return Document(doc_id=path.stem, title=_title(text, path.stem), text=text,
                    sha256=hashlib.sha256(data).hexdigest(), path=path, number=number, date=date,
                    format=path.suffix.lower())


def document_paths(source_dir: Path) -> list[Path]:
    """The supported files of ``source_dir`` (hidden and temporary files aside), by name."""
    return sorted(p for p in source_dir.iterdir()
                  if p.suffix.lower() in SUPPORTED_SUFFIXES and p.is_file() and not p.name.startswith((".", "~$")))


def _outside(path: Path, folder: Path) -> bool:
    """True for a link that leads out of ``folder`` (/etc/passwd named p.txt is not a document)."""
    try:
        return path.is_symlink() and not path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return True


def scan_documents(source_dir: Path) -> tuple[list[Document], list[Skipped]]:
    """Every readable document of ``source_dir`` and the files skipped, with the reason (a
    warning is logged for each). Two files with the same name but another suffix: the first
    by name is kept. Raises :class:`DocumentError` when the folder is missing."""
    if not source_dir.is_dir():
        raise DocumentError(f"source folder not found: {source_dir}")
    documents: list[Document] = []
    skipped: list[Skipped] = []
    for path in document_paths(source_dir):
        if _outside(path, source_dir):
            skipped.append(Skipped(path.name, f"{path.name}: a link to a file outside {source_dir.name}/, not read"))
            log.warning("skipped %s", skipped[-1].reason)
            continue
        try:
            document = load_document(path)
        except DocumentError as exc:
            skipped.append(Skipped(path.name, str(exc)))
            log.warning("skipped %s", exc)
            continue
        if any(d.doc_id == document.doc_id for d in documents):
            skipped.append(Skipped(path.name, f"{path.name}: another file is already document {document.doc_id!r}"))
            log.warning("skipped %s: duplicate document id %s", path.name, document.doc_id)
            continue
        documents.append(document)
    return documents, skipped


def readable_documents(source_dir: Path) -> tuple[list[Document], list[Skipped]]:
    """:func:`scan_documents`, when at least one document is readable. Raises
    :class:`DocumentError` when the folder is missing or holds no readable document (the
    message names the files skipped and why)."""
    documents, skipped = scan_documents(source_dir)
    if not documents:
        why = "; ".join(s.reason for s in skipped[:3])
        raise DocumentError(f"no readable document ({', '.join(SUPPORTED_SUFFIXES)}) in {source_dir}"
                            + (f": {why}" if why else ""))
    return documents, skipped


def load_documents(source_dir: Path) -> list[Document]:
    """All readable documents in ``source_dir`` (:func:`readable_documents`), sorted by file
    name. Raises :class:`DocumentError` as that does."""
    return readable_documents(source_dir)[0]
