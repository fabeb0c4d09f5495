"""Hybrid retrieval on the real notice and the tune split of the gold set."""

import pytest

from qa.evaluation import matches_gold, retrieval_scores
from qa.retrieval import reciprocal_rank_fusion


def test_rrf_prefers_items_ranked_well_by_both():
    fused = reciprocal_rank_fusion([[1, 2, 3], [2, 3, 1]], k=60)
    assert max(fused, key=fused.get) == 2


def test_recall_at_3_on_the_tune_split(extractive_assistant, tune_rows):
    retriever = extractive_assistant.retriever
    rows = [r for r in tune_rows.values() if r.get("gold") and not r.get("history") and r["kind"] != "english"]
    rows = rows[::6]        # every sixth: ~850 questions of every batch and kind, a sixth of the time
    scores = [retrieval_scores([h.section.path for h in retriever.search(r["question"]).hits], r["gold"])
              for r in rows]
    recall3 = sum(s["recall@3"] for s in scores) / len(scores)
    mrr = sum(s["mrr"] for s in scores) / len(scores)
    print(f"tune recall@3={recall3:.3f} MRR={mrr:.3f} over {len(rows)} questions")
    assert recall3 >= 0.9 and mrr >= 0.85


def test_traditional_and_fullwidth_queries_match_simplified(extractive_assistant):
    retriever = extractive_assistant.retriever
    plain = retriever.search("本市绿色食品认证率达到多少？")
    trad = retriever.search("本市綠色食品認證率達到多少？")
    assert trad.normalized == plain.normalized
    assert trad.hits[0].section.section_id == plain.hits[0].section.section_id
    assert matches_gold(trad.hits[0].section.path, {"part": 1, "item": 10})


def test_evidence_is_numbered_and_verbatim(extractive_assistant, notice_text):
    result = extractive_assistant.retriever.search("制造业产品质量合格率是多少", n_evidence=6)
    assert [e.n for e in result.evidence] == list(range(1, 7))
    for e in result.evidence:
        assert notice_text[e.sentence.start:e.sentence.end] == e.sentence.text
    assert any("96.04" in e.sentence.text for e in result.evidence)


def test_empty_query_is_rejected(extractive_assistant):
    with pytest.raises(ValueError):
        extractive_assistant.retriever.search(" \u3000 ")


def test_best_sentence_by_section_matches_brute_force_on_all_and_candidate_paths():
    import types

    import numpy as np

    from qa.retrieval import HybridRetriever

    rng = np.random.default_rng(0)
    counts = rng.integers(0, 5, size=200)                      # some sections have no sentence
    owner = np.repeat(np.arange(200), counts)
    vectors = rng.standard_normal((len(owner), 8)).astype(np.float32)
    index = types.SimpleNamespace(sections=[types.SimpleNamespace(section_id=str(i)) for i in range(200)],
                                  sentences=[types.SimpleNamespace(section_id=str(o)) for o in owner],
                                  sentence_vectors=vectors)
    retriever = HybridRetriever.__new__(HybridRetriever)
    retriever.index = index
    q = rng.standard_normal(8).astype(np.float32)
    sims = vectors @ q
    reference = np.array([sims[owner == i].max() if counts[i] else -1.0 for i in range(200)])
    assert np.allclose(retriever._best_sentence(q, None), reference)
    subset = np.array([3, 7, 50, 199])
    part = retriever._best_sentence(q, subset)
    assert np.allclose(part[subset], reference[subset]) and (np.delete(part, subset) == -1).all()
