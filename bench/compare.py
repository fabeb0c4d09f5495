"""Comparisons in one run: the retrieval rankings alone and fused (recall@1/3, MRR over the
dev set's gold sections), and the generators side by side (answer accuracy, abstain accuracy,
citation precision, latency) — extractive, llama.cpp with the 1.5B and 0.5B models, and
transformers (the 0.5B GGUF dequantised; slow on CPU, so on fewer questions).

    python -m bench.compare
    python -m bench.compare --skip-generators
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import json  # noqa: E402

from bench.common import RESULTS, dev_questions, machine_line, save  # noqa: E402

VARIANTS = {"dense (section embedding)": ("section",), "dense (section + best sentence)": ("section", "sentence"),
            "BM25 only": ("bm25",), "hybrid (RRF of all three)": ("section", "sentence", "bm25")}
GENERATORS = [("extractive", {"generator": "extractive"}, None),
              ("llama.cpp 1.5B (default)", {}, None),
              ("llama.cpp 0.5B", {"generator_model": "qwen2.5-coder-0.5b-instruct"}, None),
              ("transformers 0.5B", {"generator": "transformers", "generator_model": "qwen2.5-coder-0.5b-instruct"}, 8)]


def retrieval() -> list[dict]:
    from qa.config import load_settings
    from qa.documents import load_documents
    from qa.embedding import load_embedder
    from qa.evaluation import retrieval_scores
    from qa.index import ensure_index
    from qa.retrieval import HybridRetriever

    settings = load_settings()
    embedder = load_embedder(settings.embedder)
    index = ensure_index(settings.index_dir, load_documents(settings.source_dir), embedder, progress=False)
    rows = [r for r in dev_questions() if r.get("gold")]
    out = []
    for name, rankers in VARIANTS.items():
        retriever = HybridRetriever(index, embedder, rrf_k=settings.rrf_k, rankers=rankers)
        scores = [retrieval_scores([h.section.path for h in retriever.search(r["question"]).hits], r["gold"]) for r in rows]
        out.append({"variant": name, "n": len(rows),
                    **{k: round(sum(s[k] for s in scores) / len(scores), 3) for k in ("recall@1", "recall@3", "mrr")}})
    return out


def generators(names: list[str] | None = None) -> list[dict]:
    from bench.end_to_end import ask_latency
    from qa.models import ensure_model, REGISTRY
    from qa.config import load_settings

    out = []
    for name, overrides, n in GENERATORS:
        if names and not any(x in name for x in names):
            continue
        e2e = RESULTS / "end_to_end.json"
        if not overrides and e2e.exists():           # the default was just measured end to end
            s = json.loads(e2e.read_text(encoding="utf-8"))["ask"]
            out.append({"generator": name + " ¹", "n": s["n"], "answer_accuracy": s["answer_accuracy"],
                        "abstain_accuracy": s["abstain_accuracy"], "citation_precision": s["citation_precision"],
                        "first_token_p50_s": round(s["latency_ms"]["first_token"]["p50"] / 1000, 2),
                        "total_p50_s": round(s["latency_ms"]["total"]["p50"] / 1000, 2), "model": s["model"]["generator"]})
            continue
        model = overrides.get("generator_model")
        if model in REGISTRY:                        # setup step, as ./run.sh does for the default
            ensure_model(model, load_settings().model_cache, progress=False)
        s = ask_latency(n, **overrides)
        out.append({"generator": name, "n": s["n"], "answer_accuracy": s["answer_accuracy"],
                    "abstain_accuracy": s["abstain_accuracy"], "citation_precision": s["citation_precision"],
                    "first_token_p50_s": round(s["latency_ms"]["first_token"]["p50"] / 1000, 2),
                    "total_p50_s": round(s["latency_ms"]["total"]["p50"] / 1000, 2),
                    "model": s["model"]["generator"]})
    return out


def table(r: dict) -> str:
    rows = ["| retrieval | recall@1 | recall@3 | MRR |", "|---|---|---|---|"]
    rows += [f"| {v['variant']} | {v['recall@1']:.3f} | {v['recall@3']:.3f} | {v['mrr']:.3f} |" for v in r["retrieval"]]
    if r.get("generators"):
        rows += ["", "| generator | questions | answer accuracy | abstain accuracy | citation precision | first token p50 | total p50 |",
                 "|---|---|---|---|---|---|---|"]
        for g in r["generators"]:
            name = g["generator"] if g["model"] != "extractive" or "extractive" in g["generator"] else \
                f"{g['generator']} (**model not loaded: extractive**)"
            rows.append(f"| {name} | {g['n']} | {g['answer_accuracy']:.3f} | {g['abstain_accuracy']:.3f} | "
                        f"{g['citation_precision']:.3f} | {g['first_token_p50_s']} s | {g['total_p50_s']} s |")
        if any("¹" in g["generator"] for g in r["generators"]):
            rows += ["", "¹ from `bench.end_to_end` (same dev set, same code), not run twice."]
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-generators", action="store_true")
    parser.add_argument("--generators", nargs="*", help="only these (substring of the names)")
    args = parser.parse_args()
    result = {"retrieval": retrieval()}
    if not args.skip_generators:
        result["generators"] = generators(args.generators)
    save("compare", result)
    print(machine_line())
    print(table(result))


if __name__ == "__main__":
    main()
