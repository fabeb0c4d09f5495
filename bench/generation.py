"""Generation: time to first token, decode speed and total per answer for the default model,
beside the same prompts run by llama-cpp-python directly (our overhead), and beside the
memory-bandwidth bound of this machine.

For each dev question the assistant (with extracts only) runs once and the request its
generator would get — the evidence chosen by the verification stage, as the default path sends
it — is recorded; then (1) our ``LlamaCppGenerator.generate``, (2) ``Llama.create_chat_completion``
on the same loaded model, same messages and sampling, and (3) our generator with prompt-lookup
decoding run alternately, each from an empty KV cache (``Llama.reset``), so that none gains from
another's prompt (real use also reuses the system prompt's prefix: see the end-to-end figures). The bound: decoding one token reads
every weight once, so tokens/s ≤ memory bandwidth / model bytes; the bandwidth is measured
with a large numpy copy (read + write counted).

    python -m bench.generation --n 15
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.common import dev_questions, machine_line, percentile, save  # noqa: E402


def memory_bandwidth_gbs(mib: int = 1024, repeats: int = 5) -> float:
    """Copy bandwidth in GB/s (10^9 bytes/s), counting the bytes read and written."""
    src = np.ones(mib * 2**20 // 8, dtype=np.float64)
    dst = np.empty_like(src)
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        np.copyto(dst, src)
        best = min(best, time.perf_counter() - t)
    return 2 * src.nbytes / best / 1e9


def _timed(pieces) -> dict:
    """Consume a stream of text pieces (one token each); returns first-token and total seconds
    and the token count."""
    t0 = time.perf_counter()
    first, n = None, 0
    for _ in pieces:
        n += 1
        if first is None:
            first = time.perf_counter() - t0
    total = time.perf_counter() - t0
    return {"first_s": first or total, "total_s": total, "tokens": n}


def _raw(llm, messages, max_tokens):
    for chunk in llm.create_chat_completion(messages=messages, stream=True, temperature=0.0, top_k=1,
                                            repeat_penalty=1.0, max_tokens=max_tokens):
        if chunk["choices"][0].get("delta", {}).get("content"):
            yield 1


class _Recorder:
    """An extractive generator that keeps the requests it is given."""

    def __init__(self):
        from qa.generation import ExtractiveGenerator

        self.inner = ExtractiveGenerator()
        self.name, self.verbatim, self.requests = "recorder", False, []

    def generate(self, request):
        self.requests.append(request)
        return self.inner.generate(request)

    def translate(self, question):
        return None


def run(n: int, settings=None) -> dict:
    """Measure over the first ``n`` dev questions; returns the figures."""
    from dataclasses import replace

    from qa.config import load_settings
    from qa.engine import Assistant, model_evidence
    from qa.extract import verbatim_extract
    from qa.generation import LlamaCppGenerator, load_generator, messages_for

    settings = settings or load_settings()
    recorder = _Recorder()
    assistant = Assistant(settings.model_copy(update={"generator": "extractive"}), generator=recorder)
    for row in dev_questions()[:n]:
        assistant.ask(row["question"])
    requests = [replace(r, evidence=model_evidence(verbatim_extract(r), r.evidence)) for r in recorder.requests]
    generator = load_generator(settings)
    llm = generator.llm
    lookup = LlamaCppGenerator(llm.model_path, n_ctx=settings.n_ctx, n_threads=settings.n_threads,
                               max_new_tokens=settings.max_new_tokens, prompt_lookup_tokens=10)

    def prompt_tokens(request) -> int:
        """Tokens of the messages' text, plus ~10 of the chat template."""
        messages = messages_for(request.question, request.evidence, request.english)
        return len(llm.tokenize("".join(m["content"] for m in messages).encode("utf-8"))) + 10

    tokens = [prompt_tokens(r) for r in requests]
    system = len(llm.tokenize(messages_for("", [], False)[0]["content"].encode("utf-8")))
    _timed(generator.generate(requests[0]))              # warm up (first call loads pages)
    _timed(lookup.generate(requests[0]))
    ours, raw, looked = [], [], []
    for r in requests:     # interleaved, each from an empty KV cache: same conditions for all
        llm.reset()
        ours.append(_timed(generator.generate(r)))
        llm.reset()
        raw.append(_timed(_raw(llm, messages_for(r.question, r.evidence, r.english), settings.max_new_tokens)))
        lookup.llm.reset()
        looked.append(_timed(lookup.generate(r)))
    bandwidth = memory_bandwidth_gbs()
    model_bytes = os.path.getsize(llm.model_path)

    def summary(runs):
        decode = [(r["tokens"] - 1) / (r["total_s"] - r["first_s"]) for r in runs if r["tokens"] > 1 and r["total_s"] > r["first_s"]]
        return {"first_token_s": {"p50": round(percentile([r["first_s"] for r in runs], 50), 2),
                                  "p90": round(percentile([r["first_s"] for r in runs], 90), 2)},
                "decode_tok_s": round(percentile(decode, 50), 1),
                "total_s": {"p50": round(percentile([r["total_s"] for r in runs], 50), 2),
                            "p90": round(percentile([r["total_s"] for r in runs], 90), 2)},
                "tokens_p50": round(percentile([r["tokens"] for r in runs], 50))}

    s_ours, s_raw = summary(ours), summary(raw)
    bound = bandwidth * 1e9 / model_bytes
    return {"n": len(requests), "generator": generator.name, "n_threads": settings.n_threads,
            "prompt_tokens_p50": round(percentile(tokens, 50)), "system_prompt_tokens": system,
            "prefill_tok_s": round(percentile(tokens, 50) / s_ours["first_token_s"]["p50"], 1),
            "ours": s_ours, "raw": s_raw, "prompt_lookup": summary(looked),
            "overhead_total": round(sum(r["total_s"] for r in ours) / sum(r["total_s"] for r in raw) - 1, 3),
            "bandwidth_gbs": round(bandwidth, 1), "model_gib": round(model_bytes / 2**30, 2),
            "bound_tok_s": round(bound, 1), "decode_vs_bound": round(s_ours["decode_tok_s"] / bound, 2)}


def table(r: dict) -> str:
    """The generation figures as Markdown."""
    rows = ["| | first token p50 / p90 | decode tok/s | total p50 / p90 | tokens p50 |", "|---|---|---|---|---|"]
    for name, key in (("qa (LlamaCppGenerator.stream)", "ours"), ("llama-cpp-python directly", "raw"),
                      ("qa with prompt-lookup decoding (10 draft tokens)", "prompt_lookup")):
        if key not in r:
            continue
        s = r[key]
        rows.append(f"| {name} | {s['first_token_s']['p50']} / {s['first_token_s']['p90']} s | {s['decode_tok_s']} | "
                    f"{s['total_s']['p50']} / {s['total_s']['p90']} s | {s['tokens_p50']} |")
    rows += ["", f"{r['n']} dev questions, {r['generator']}, {r['n_threads']} threads; prompt ≈ {r['prompt_tokens_p50']} tokens "
             f"(p50; the evidence the verification stage chose; {r.get('system_prompt_tokens', '?')} of them the system prompt, "
             f"cached between questions in real use), prefill ≈ {r['prefill_tok_s']} tok/s. Our overhead over llama-cpp-python: "
             f"{r['overhead_total'] * 100:+.1f}% of total time. Memory bandwidth {r['bandwidth_gbs']} GB/s (numpy copy), "
             f"model {r['model_gib']} GiB → bound {r['bound_tok_s']} tok/s; decode reaches {r['decode_vs_bound'] * 100:.0f}% of it."]
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=15, help="dev questions to run")
    args = parser.parse_args()
    result = run(args.n)
    save("generation", result)
    print(machine_line())
    print(table(result))


if __name__ == "__main__":
    main()
