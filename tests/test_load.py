"""Load through the Gradio API (bench/load.py): 8 users for a minute with the default model —
no errors, no crossed answers, memory flat — and a bounded queue that turns the excess away
with a message instead of hanging. Figures are printed and kept in test-artifacts/load.json;
they are not asserted as timings. (A minute, not two, to shorten the suite on two cores; for
longer runs and the figures, ``python bench/load.py``.)"""

import json
import threading

import pytest

from conftest import ARTIFACTS

pytestmark = pytest.mark.slow


@pytest.fixture
def app_env(settings, tmp_path):
    return {"QA_SOURCE_DIR": str(settings.source_dir), "QA_INDEX_DIR": str(settings.index_dir),
            "QA_FEEDBACK_LOG": str(tmp_path / "feedback.jsonl"), "HF_HUB_OFFLINE": "1"}


def test_eight_users_for_a_minute(app_env, dev_rows, tmp_path):
    from bench.load import run_load, table

    result = run_load(users=8, duration_s=60, env=app_env, log=tmp_path / "app.log")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "load.json").write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print(table(result, "default"))
    assert not result["errors"], result["errors"][:5]
    assert not result["mismatched"], result["mismatched"][:5]
    assert all(n >= 1 for n in result["answers_per_user"]), result["answers_per_user"]   # nobody starved
    rss = result["rss_mib"]
    assert rss["last_quarter_mean"] <= 1.15 * rss["first_quarter_mean"], rss      # flat, not growing


def test_a_full_queue_turns_users_away_with_a_message(app_env, tmp_path):
    from gradio_client import Client

    from bench.common import App

    app = App({**app_env, "QA_GENERATOR": "extractive", "QA_CONCURRENCY": "1", "QA_QUEUE_SIZE": "1"},
              tmp_path / "app.log")
    app.start()
    outcomes: list[str] = []
    try:
        clients = [Client(app.url, verbose=False, download_files=False) for _ in range(8)]
        barrier = threading.Barrier(len(clients))

        def ask(client):
            barrier.wait()
            try:
                result = client.predict("上海市制造业产品质量合格率是多少？", api_name="/answer")
                outcomes.append("answered" if "96.04" in result["answer"] else "wrong")
            except Exception as exc:
                outcomes.append(f"{type(exc).__name__}: {exc}")

        threads = [threading.Thread(target=ask, args=(c,)) for c in clients]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        refused = [o for o in outcomes if "Queue is full" in o]
        assert len(outcomes) == 8 and refused and "answered" in outcomes, outcomes
        assert set(outcomes) <= {"answered", *refused}, outcomes
        # the app is still serving afterwards
        again = Client(app.url, verbose=False, download_files=False).predict("上海市制造业产品质量合格率是多少？",
                                                                              api_name="/answer")
        assert "96.04" in again["answer"]
    finally:
        app.stop()
