"""A local OpenAI-compatible generation server for the default model.

``python -m qa serve-model`` runs llama-cpp-python's own server (``python -m llama_cpp.server``,
installed with ``llama-cpp-python[server]``) on the registry GGUF, SHA-256-verified first, so
that ``QA_GENERATOR=openai`` has something to talk to on a machine without other servers. Any
other OpenAI-compatible server (llama.cpp's ``llama-server``, vLLM, Ollama) serves as well; see
the README.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


class ServerError(RuntimeError):
    """The generation server did not start or answer in time."""


def server_command(model_path: Path, host: str, port: int, alias: str, n_ctx: int, n_threads: int) -> list[str]:
    """The command line of ``llama_cpp.server`` serving ``model_path`` as ``alias``."""
    return [sys.executable, "-m", "llama_cpp.server", "--model", str(model_path), "--model_alias", alias,
            "--host", host, "--port", str(port), "--n_ctx", str(n_ctx), "--n_threads", str(n_threads),
            "--n_threads_batch", str(n_threads),
            "--use_mmap", "false",             # read, not mapped: see qa.generation.LlamaCppGenerator
            "--interrupt_requests", "false"]   # a new request waits; by default it cuts off the one streaming


def wait_ready(base_url: str, process: subprocess.Popen | None = None, timeout_s: float = 120.0) -> list[str]:
    """Wait until ``base_url``'s ``/models`` answers; returns the model ids it serves.

    Raises :class:`ServerError` when ``process`` exits first or ``timeout_s`` seconds pass.
    """
    deadline = time.monotonic() + timeout_s
    last = "no answer"
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise ServerError(f"the generation server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(base_url.rstrip("/") + "/models", timeout=2) as response:
                return [m["id"] for m in json.load(response).get("data", [])]
        except (OSError, ValueError, urllib.error.URLError) as exc:
            last = str(exc)
            time.sleep(0.5)
    raise ServerError(f"the generation server at {base_url} did not answer within {timeout_s:g} s ({last})")


def start_server(model_path: Path, host: str = "127.0.0.1", port: int = 8000, alias: str = "qwen2.5-coder-1.5b-instruct",
                 n_ctx: int = 2048, n_threads: int = 2, log_path: Path | None = None,
                 timeout_s: float = 120.0) -> subprocess.Popen:
    """Start ``llama_cpp.server`` in the background and wait until it answers; returns the
    process (stop it with ``terminate()``). Its output goes to ``log_path`` (default: discarded).

    Raises :class:`ServerError` when it does not come up within ``timeout_s`` seconds (the
    process is then stopped).
    """
    out = open(log_path, "w") if log_path else subprocess.DEVNULL
    try:
        process = subprocess.Popen(server_command(model_path, host, port, alias, n_ctx, n_threads),
                                   stdout=out, stderr=subprocess.STDOUT)
    finally:
        if log_path:
            out.close()
    try:
        wait_ready(f"http://{host}:{port}/v1", process, timeout_s)
    except ServerError:
        stop_server(process)
        raise
    return process


def stop_server(process: subprocess.Popen, timeout_s: float = 20.0) -> None:
    """Stop a server started by :func:`start_server` (terminate, then kill)."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
