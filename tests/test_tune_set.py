"""The answer pipeline on the tune split of the gold set, extractive (no model): the figures the
thresholds were fitted to, held as a regression guard. The test split is never scored here."""

from conftest import TUNE_SET


def test_tune_split_figures_hold(extractive_assistant):
    from qa.evaluation import evaluate, load_gold

    summary = evaluate(extractive_assistant, load_gold(TUNE_SET), progress=False).summary
    print({k: summary[k] for k in ("answer_accuracy", "abstain_accuracy", "wrong_answer_rate", "citation_precision")})
    assert summary["citation_validity"] == 1.0
    # (eighteenth session, 6820 items: 0.951 / 0.945 / 0.042 / 0.966 — bounds a little below)
    assert summary["answer_accuracy"] >= 0.93 and summary["abstain_accuracy"] >= 0.92
    assert summary["wrong_answer_rate"] <= 0.06 and summary["over_refusal_rate"] <= 0.05
    assert summary["citation_precision"] >= 0.94
