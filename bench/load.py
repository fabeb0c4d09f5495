"""Load: N users asking different questions through the Gradio API at once, for a while.

Each user has its own slice of the dev questions and asks them in turn, each through a fresh
client session. Half the users go through the chat event ``/ask`` (the streamed path of the
page), half through ``/answer`` (the JSON API). Every reply is checked to belong to the
question that was sent (no crossed streams); errors are counted; the app's memory is sampled
throughout (the RSS curve).

    python -m bench.load --users 8 --duration 120            # default model
    python -m bench.load --users 8 --duration 60 --generator extractive
"""

from __future__ import annotations

import argparse
import os
import threading
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.common import App, RssSampler, dev_questions, machine_line, percentile, save  # noqa: E402


def _user(number: int, url: str, questions: list[str], deadline: float, out: dict) -> None:
    from gradio_client import Client

    from qa.render import escape_markdown

    endpoint = "/ask" if number % 2 == 0 else "/answer"
    i = 0
    while time.time() < deadline:
        question = questions[i % len(questions)]
        i += 1
        t0 = time.perf_counter()
        try:
            client = Client(url, verbose=False, download_files=False)
            if endpoint == "/answer":
                result = client.predict(question, api_name="/answer")
                ok = result.get("question") == question and bool(result.get("answer"))
            else:
                chat = client.predict(question, api_name="/ask")[0]
                user = chat[0]["content"]
                user_text = user if isinstance(user, str) else "".join(p.get("text", "") for p in user)
                ok = len(chat) == 2 and user_text == escape_markdown(question) and chat[1]["role"] == "assistant"
            out["latency_s"].append(time.perf_counter() - t0)
            out["answers"] += 1
            if not ok:
                out["mismatched"].append(question)
        except Exception as exc:  # counted, and the user goes on
            out["errors"].append(f"{type(exc).__name__}: {str(exc)[:200]}")


def run_load(users: int = 8, duration_s: float = 120, env: dict | None = None, log=None) -> dict:
    """Start the app with ``env``, run ``users`` concurrent users for ``duration_s`` seconds and
    return the figures: answers, errors, mismatches, latency percentiles and the RSS curve."""
    rows = dev_questions()
    questions = [r["question"] for r in rows]
    app = App(env, log)
    try:
        cold_start_s = app.start()
        sampler = RssSampler(app.proc.pid, every_s=2.0)
        sampler.start()
        per_user = [{"answers": 0, "errors": [], "mismatched": [], "latency_s": []} for _ in range(users)]
        deadline = time.time() + duration_s
        threads = [threading.Thread(target=_user, args=(n, app.url, questions[n::users], deadline, per_user[n]))
                   for n in range(users)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall_s = time.perf_counter() - t0
        curve = sampler.stop()
    finally:
        app.stop()
    latencies = [x for u in per_user for x in u["latency_s"]]
    steady = [m for s, m in curve if s >= curve[0][0] + 10] or [m for _, m in curve]
    quarter = max(1, len(steady) // 4)
    return {
        "users": users, "duration_s": duration_s, "wall_s": round(wall_s, 1), "cold_start_s": round(cold_start_s, 1),
        "answers": sum(u["answers"] for u in per_user),
        "errors": [e for u in per_user for e in u["errors"]],
        "mismatched": [m for u in per_user for m in u["mismatched"]],
        "answers_per_user": [u["answers"] for u in per_user],
        "latency_s": {"p50": round(percentile(latencies, 50), 2), "p90": round(percentile(latencies, 90), 2),
                      "max": round(max(latencies, default=float("nan")), 2)},
        "rss_mib": {"peak": round(sampler.peak, 1),
                    "first_quarter_mean": round(sum(steady[:quarter]) / quarter, 1),
                    "last_quarter_mean": round(sum(steady[-quarter:]) / quarter, 1),
                    "curve": curve},
    }


def table(result: dict, generator: str) -> str:
    """The load figures as Markdown."""
    r = result
    rss = r["rss_mib"]
    curve = " ".join(f"{m:.0f}" for _, m in r["rss_mib"]["curve"][:: max(1, len(r["rss_mib"]["curve"]) // 20)])
    return "\n".join([
        f"| users | duration | generator | answers | errors | crossed | latency p50 / p90 / max | RSS peak | RSS first → last quarter |",
        "|---|---|---|---|---|---|---|---|---|",
        f"| {r['users']} | {r['duration_s']:.0f} s | {generator} | {r['answers']} | {len(r['errors'])} | "
        f"{len(r['mismatched'])} | {r['latency_s']['p50']} / {r['latency_s']['p90']} / {r['latency_s']['max']} s | "
        f"{rss['peak']:.0f} MiB | {rss['first_quarter_mean']:.0f} → {rss['last_quarter_mean']:.0f} MiB |",
        "", f"RSS curve (MiB, every ~{max(1, len(r['rss_mib']['curve']) // 20) * 2} s): {curve}",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--duration", type=float, default=120, help="seconds")
    parser.add_argument("--generator", default=None, help="llama.cpp (default setting) | extractive | transformers")
    args = parser.parse_args()
    env = {"QA_GENERATOR": args.generator} if args.generator else {}
    result = run_load(args.users, args.duration, env)
    generator = args.generator or "default (llama.cpp)"
    save("load", {"generator": generator, **result})
    print(machine_line())
    print(table(result, generator))
    if result["errors"]:
        print("errors:", *result["errors"][:10], sep="\n  ")


if __name__ == "__main__":
    main()
