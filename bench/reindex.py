"""Re-indexing: the seconds after a one-section edit of the notice (embeddings reused by text,
only the changed passage and sentence embedded), after adding and removing a document, and a
20-document library indexed from scratch beside the embedder's own throughput.

    python -m bench.reindex
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.common import ROOT, machine_line, save  # noqa: E402

NOTICE = ROOT / "source_docs" / "shanghai-quality-notice-2024.txt"


def _build(source: Path, folder: Path, embedder) -> tuple[float, dict]:
    from qa.documents import load_documents
    from qa.index import build_index

    timings: dict = {}
    t0 = time.perf_counter()
    build_index(load_documents(source), embedder, folder, progress=False, timings=timings)
    return time.perf_counter() - t0, timings


def _library(source: Path, n: int) -> None:
    """``n`` documents: the notice with its figures and district names varied (all sections
    differ from the notice's, so each is embedded)."""
    text = NOTICE.read_text(encoding="utf-8")
    for i in range(n):
        variant = text.replace("上海市", f"第{i + 1}示范区").replace("2023年", f"{2000 + i}年")
        (source / f"district-{i + 1:02d}.txt").write_text(variant, encoding="utf-8")


def run() -> dict:
    """Time each re-index step (seconds; texts embedded) and a 20-document build beside the
    embedder's own rate (texts/s) on the same unique texts; returns ``{"embedder", "rows"}``."""
    from qa.config import load_settings
    from qa.embedding import load_embedder

    embedder = load_embedder(load_settings().embedder)
    embedder.embed_passages(["预热"])
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        source, folder = Path(tmp) / "docs", Path(tmp) / "index"
        source.mkdir()
        shutil.copy(NOTICE, source / NOTICE.name)
        seconds, t = _build(source, folder, embedder)
        rows.append({"step": "first build (the notice)", "seconds": round(seconds, 2), "embedded": t["embedded"]})
        doc = source / NOTICE.name
        doc.write_text(doc.read_text(encoding="utf-8").replace("96.04％", "97.55％"), encoding="utf-8")
        seconds, t = _build(source, folder, embedder)
        rows.append({"step": "one-section edit of the notice", "seconds": round(seconds, 2), "embedded": t["embedded"],
                     "parse_s": round(t["parse"], 2), "embed_s": round(t["embed"], 2), "index_s": round(t["index"], 2)})
        extra = source / "extra.txt"
        extra.write_text("《会议费管理办法》\n一、标准\n（一）会议费每人每天不超过550元。\n", encoding="utf-8")
        seconds, t = _build(source, folder, embedder)
        rows.append({"step": "a short document added", "seconds": round(seconds, 2), "embedded": t["embedded"]})
        extra.unlink()
        seconds, t = _build(source, folder, embedder)
        rows.append({"step": "that document removed", "seconds": round(seconds, 2), "embedded": t["embedded"]})
    with tempfile.TemporaryDirectory() as tmp:
        source, folder = Path(tmp) / "docs", Path(tmp) / "index"
        source.mkdir()
        _library(source, 20)
        seconds, t = _build(source, folder, embedder)
        # the embedder alone on the same texts (the library's passages and sentences, a sample)
        from qa.index import load_index
        from qa.documents import load_documents

        index = load_index(folder, load_documents(source), embedder)
        texts = [" ".join(s.path) + "\n" + s.full_text(index.doc_text(s.doc_id)) for s in index.sections]
        texts = list(dict.fromkeys(texts + [s.text for s in index.sentences]))[::4]   # unique, as the build embeds
        t0 = time.perf_counter()
        for i in range(0, len(texts), 16):
            embedder.embed_passages(texts[i:i + 16])
        raw = len(texts) / (time.perf_counter() - t0)
        rows.append({"step": "20-document library, from scratch", "seconds": round(seconds, 1), "embedded": t["embedded"],
                     "texts_per_s": round(t["embedded"] / t["embed"], 1), "embedder_texts_per_s": round(raw, 1)})
    return {"embedder": embedder.name, "rows": rows}


def table(r: dict) -> str:
    """The re-index figures as Markdown."""
    out = ["| step | seconds | texts embedded | note |", "|---|---|---|---|"]
    for x in r["rows"]:
        note = ""
        if "parse_s" in x:
            note = f"parse {x['parse_s']} s, embed {x['embed_s']} s, index + write {x['index_s']} s"
        if "texts_per_s" in x:
            note = f"{x['texts_per_s']} texts/s while indexing; the embedder alone {x['embedder_texts_per_s']} texts/s"
        out.append(f"| {x['step']} | {x['seconds']} | {x['embedded']} | {note} |")
    out += ["", f"Embedder {r['embedder']}; target: ≤ 2 s after a one-section edit."]
    return "\n".join(out)


def main() -> None:
    result = run()
    save("reindex", result)
    print(machine_line())
    print(table(result))


if __name__ == "__main__":
    main()
