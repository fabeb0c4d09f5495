"""End to end: ``Assistant.ask`` latency (retrieval, first token, total) and answer scores
over the dev set with the configured generator; the app's cold start to its first answer; the
app's peak RSS while it answers.

    python -m bench.end_to_end                 # default settings (llama.cpp, 1.5B)
    python -m bench.end_to_end --n 10 --skip-app
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import json  # noqa: E402

from bench.common import RESULTS, App, RssSampler, dev_questions, machine_line, save  # noqa: E402


def ask_latency(n: int | None = None, **overrides) -> dict:
    """The eval harness over the dev set (first ``n`` questions); returns its summary."""
    from qa.config import load_settings
    from qa.engine import Assistant
    from qa.evaluation import evaluate

    rows = dev_questions()[:n] if n else dev_questions()
    assistant = Assistant(load_settings(**overrides))
    summary = evaluate(assistant, rows, progress=False).summary
    summary.pop("by_kind", None)
    return summary


def app_cold_start(questions: list[str], env: dict | None = None) -> dict:
    """Start the app, ask ``questions`` through the API; seconds to the page, to the first
    answer, and the peak RSS (MiB) over the whole run."""
    from gradio_client import Client

    app = App(env)
    t0 = time.perf_counter()
    try:
        page_s = app.start()
        sampler = RssSampler(app.proc.pid, every_s=0.5)
        sampler.start()
        client = Client(app.url, verbose=False, download_files=False)
        first = None
        for q in questions:
            client.predict(q, api_name="/answer")
            first = first or time.perf_counter() - t0
        sampler.stop()
        return {"page_s": round(page_s, 1), "first_answer_s": round(first, 1), "questions": len(questions),
                "peak_rss_mib": round(sampler.peak)}
    finally:
        app.stop()


def table(r: dict) -> str:
    s = r["ask"]
    lat = s["latency_ms"]
    rows = ["| | p50 | p90 |", "|---|---|---|"]
    for key, name in (("retrieve", "retrieval (sources shown)"), ("first_token", "first token"), ("total", "full answer")):
        if key in lat and lat[key]:
            rows.append(f"| {name} | {lat[key]['p50'] / 1000:.2f} s | {lat[key]['p90'] / 1000:.2f} s |")
    rows += ["", f"`ask` over {s['n']} dev questions with {s['model']['generator']}: answer accuracy "
             f"{s['answer_accuracy']:.3f}, abstain accuracy {s['abstain_accuracy']:.3f}, citation precision "
             f"{s['citation_precision']:.3f}."]
    if r.get("app"):
        a = r["app"]
        rows.append(f"App: page served {a['page_s']} s after start, first answer {a['first_answer_s']} s after start; "
                    f"peak RSS {a['peak_rss_mib']:,} MiB over {a['questions']} questions.")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, help="first N dev questions (default: all)")
    parser.add_argument("--skip-app", action="store_true")
    parser.add_argument("--app-only", action="store_true", help="re-measure the app; keep the stored ask figures")
    args = parser.parse_args()
    stored = RESULTS / "end_to_end.json"
    if args.app_only and stored.exists():
        result = {"ask": json.loads(stored.read_text(encoding="utf-8"))["ask"]}
    else:
        result = {"ask": ask_latency(args.n)}
    if not args.skip_app:
        result["app"] = app_cold_start([r["question"] for r in dev_questions()[:5]])
    save("end_to_end", result)
    print(machine_line())
    print(table(result))


if __name__ == "__main__":
    main()
