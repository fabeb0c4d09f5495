"""Load: N users asking different questions through the Gradio API at once, for a while; the
in-process model and a generation server (OpenAI-compatible) side by side in one run.

Each user has its own slice of the dev questions and asks them in turn, each through a fresh
client session. Half the users go through the chat event ``/ask`` (the streamed path of the
page), half through ``/answer`` (the JSON API). Every reply is checked to belong to the
question that was sent (no crossed streams); errors are counted; the app's memory is sampled
throughout (the RSS curve).

    python -m bench.load                                      # 1, 4, 8 users × in-process, server
    python -m bench.load --users 8 --duration 120 --backends in-process
    python -m bench.load --users 4 --duration 60 --generator extractive

The server backend is ``python -m llama_cpp.server`` (:mod:`qa.model_server`) with the same
GGUF; ``llama-server`` is llama.cpp's own server with 4 parallel slots (built by the opt-in
``./run.sh llama-server``; measured when ``--backends`` names it); ``--server-url`` measures
another running server instead, and its memory is then not sampled.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import threading
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.common import App, RssSampler, dev_questions, free_port, machine_line, percentile, save  # noqa: E402


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


def run_load(users: int = 8, duration_s: float = 120, env: dict | None = None, log=None,
             app: App | None = None, server_pid: int | None = None) -> dict:
    """Run ``users`` concurrent users for ``duration_s`` seconds against ``app`` (started here
    with ``env`` when not given, and stopped afterwards) and return the figures: answers,
    errors, crossed answers, latency percentiles (s), the app's RSS curve (MiB) and, with
    ``server_pid``, the generation server's peak RSS (MiB)."""
    rows = dev_questions()
    questions = [r["question"] for r in rows]
    own = app is None
    app = app or App(env, log)
    try:
        cold_start_s = app.start() if own else 0.0
        sampler = RssSampler(app.proc.pid, every_s=2.0)
        sampler.start()
        server = RssSampler(server_pid, every_s=2.0) if server_pid else None
        if server:
            server.start()
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
        if server:
            server.stop()
    finally:
        if own:
            app.stop()
    latencies = [x for u in per_user for x in u["latency_s"]]
    steady = [m for s, m in curve if s >= curve[0][0] + 10] or [m for _, m in curve]
    quarter = max(1, len(steady) // 4)
    answers = sum(u["answers"] for u in per_user)
    return {
        "users": users, "duration_s": duration_s, "wall_s": round(wall_s, 1), "cold_start_s": round(cold_start_s, 1),
        "answers": answers, "answers_per_min": round(answers / wall_s * 60, 1),
        "errors": [e for u in per_user for e in u["errors"]],
        "mismatched": [m for u in per_user for m in u["mismatched"]],
        "answers_per_user": [u["answers"] for u in per_user],
        "latency_s": {"p50": round(percentile(latencies, 50), 2), "p90": round(percentile(latencies, 90), 2),
                      "max": round(max(latencies, default=float("nan")), 2)},
        "rss_mib": {"peak": round(sampler.peak, 1),
                    "first_quarter_mean": round(sum(steady[:quarter]) / quarter, 1),
                    "last_quarter_mean": round(sum(steady[-quarter:]) / quarter, 1),
                    "curve": curve},
        "server_rss_mib": round(server.peak, 1) if server else None,
    }


def run_compare(levels=(1, 4, 8), duration_s: float = 60, backends=("in-process", "server"),
                server_url: str | None = None, base_env: dict | None = None) -> list[dict]:
    """The load at each number of users in ``levels`` for each backend, in one run: the app
    with its in-process llama.cpp model, and the app asking a generation server (started here
    unless ``server_url`` names a running one). Returns one row per (backend, users)."""
    from qa.config import load_settings
    from qa.model_server import start_server, stop_server, wait_ready
    from qa.models import ensure_model

    rows = []
    for backend in backends:
        process = None
        env = dict(base_env or {})
        if backend == "llama-server":
            settings = load_settings()
            path = ensure_model(settings.generator_model, settings.model_cache)
            port = free_port()
            process = subprocess.Popen([str(LLAMA_SERVER), "-m", str(path), "--alias", settings.generator_model,
                                        "--host", "127.0.0.1", "--port", str(port), "--parallel", "4", "-c", "8192",
                                        "-t", str(settings.n_threads), "--load-mode", "none"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            url = f"http://127.0.0.1:{port}/v1"
            wait_ready(url, process)
            env.update({"QA_GENERATOR": "openai", "QA_OPENAI_BASE_URL": url})
        elif backend != "in-process":
            url = server_url
            if url is None:
                settings = load_settings()
                path = ensure_model(settings.generator_model, settings.model_cache)
                port = free_port()
                process = start_server(path, port=port, alias=settings.generator_model, n_ctx=settings.n_ctx,
                                       n_threads=settings.n_threads)
                url = f"http://127.0.0.1:{port}/v1"
            env.update({"QA_GENERATOR": "openai", "QA_OPENAI_BASE_URL": url})
        app = App(env)
        try:
            cold = app.start()
            for users in levels:
                row = run_load(users, duration_s, app=app, server_pid=process.pid if process else None)
                rows.append({"backend": backend, "cold_start_s": round(cold, 1), **row})
                print(row_line(rows[-1]), flush=True)
        finally:
            app.stop()
            if process is not None:
                stop_server(process)
    return rows


# where ./run.sh llama-server puts the binary it builds
LLAMA_SERVER = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "policy-qa" / "llama-server" / "bin" / "llama-server"

COMPARE_HEAD = ["| backend | users | answers / min | latency p50 / p90 s | errors | crossed | app RSS peak | server RSS peak |",
                "|---|---|---|---|---|---|---|---|"]


def row_line(r: dict) -> str:
    """One row of the side-by-side load table."""
    server = f"{r['server_rss_mib']:.0f} MiB" if r.get("server_rss_mib") else "–"
    return (f"| {r['backend']} | {r['users']} | {r['answers_per_min']} | {r['latency_s']['p50']} / "
            f"{r['latency_s']['p90']} | {len(r['errors'])} | {len(r['mismatched'])} | {r['rss_mib']['peak']:.0f} MiB | "
            f"{server} |")


def compare_table(rows: list[dict]) -> str:
    """The side-by-side load figures as Markdown."""
    return "\n".join([*COMPARE_HEAD, *map(row_line, rows)])


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
    parser.add_argument("--users", default="1,4,8", help="numbers of concurrent users, comma-separated")
    parser.add_argument("--duration", type=float, default=60, help="seconds at each number of users")
    parser.add_argument("--backends", default="in-process,server" + (",llama-server" if LLAMA_SERVER.exists() else ""),
                        help="in-process, server, llama-server (comma-separated; llama-server once ./run.sh llama-server built it)")
    parser.add_argument("--server-url", help="measure this running OpenAI-compatible server instead of starting one")
    parser.add_argument("--generator", default=None, help="the in-process generator (default: the setting)")
    parser.add_argument("--add", action="store_true",
                        help="keep the stored rows of the other backends (docs/bench/load.json) beside these")
    args = parser.parse_args()
    levels = tuple(int(x) for x in args.users.split(","))
    backends = tuple(x.strip() for x in args.backends.split(","))
    env = {"QA_GENERATOR": args.generator} if args.generator else {}
    rows = run_compare(levels, args.duration, backends, args.server_url, env)
    if args.add:         # rows of other backends from the stored run stay beside these
        import json

        from bench.common import RESULTS

        stored = json.loads((RESULTS / "load.json").read_text(encoding="utf-8"))
        rows = [r for r in stored.get("rows", []) if r["backend"] not in backends] + rows
    save("load", {"levels": list(levels), "duration_s": args.duration, "rows": rows})
    print(machine_line())
    print(compare_table(rows))
    for r in rows:
        if r["errors"]:
            print(f"errors ({r['backend']}, {r['users']} users):", *r["errors"][:5], sep="\n  ")


if __name__ == "__main__":
    main()
