"""Load the policy documents from the source folder."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".md")


class DocumentError(Exception):
    """A document cannot be read (missing folder, not UTF-8, empty)."""


@dataclass(frozen=True)
class Document:
    """A source document. ``doc_id`` is the file name without its suffix, ``sha256`` the hex
    digest of the file's bytes, ``text`` its UTF-8 text with line ends normalised to ``\\n``."""

    doc_id: str
    title: str
    text: str
    sha256: str
    path: Path


def _title(text: str, fallback: str) -> str:
    match = re.search(r"《([^》]{4,80})》", text)
    return match.group(1) if match else fallback


def load_document(path: Path) -> Document:
    """Read one UTF-8 text document. Raises :class:`DocumentError` when it is not UTF-8 or
    holds no text."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"{path.name} is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DocumentError(f"{path.name} is empty")
    return Document(doc_id=path.stem, title=_title(text, path.stem), text=text,
                    sha256=hashlib.sha256(data).hexdigest(), path=path)


def load_documents(source_dir: Path) -> list[Document]:
    """All supported documents (``.txt``, ``.md``) in ``source_dir``, sorted by file name.

    Raises :class:`DocumentError` when the folder is missing or holds no document.
    """
    if not source_dir.is_dir():
        raise DocumentError(f"source folder not found: {source_dir}")
    paths = sorted(p for p in source_dir.iterdir() if p.suffix.lower() in SUPPORTED_SUFFIXES and p.is_file())
    if not paths:
        raise DocumentError(f"no .txt or .md document in {source_dir}")
    return [load_document(p) for p in paths]
