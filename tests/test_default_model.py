"""One real answer from the default generator (Qwen2.5-Coder-1.5B GGUF via llama.cpp), fetched
and SHA-256-verified by the model registry. Slow: the first run assembles 1.1 GB."""

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def llm_assistant(settings):
    from qa.engine import Assistant

    assistant = Assistant(settings.model_copy(update={"generator": "llama.cpp"}))
    assert assistant.generator_error is None, assistant.generator_error
    return assistant


def test_registry_file_is_verified(settings):
    from qa.models import REGISTRY, ensure_model, sha256_of

    spec = REGISTRY[settings.generator_model]
    path = ensure_model(spec.name, settings.model_cache, progress=False)
    assert path.stat().st_size == spec.size
    assert sha256_of(path) == spec.sha256


def test_default_model_answers_with_the_right_citation(llm_assistant, notice_text):
    answer = llm_assistant.ask("上海市制造业产品质量合格率是多少？")
    assert answer.model["generator"].startswith("llama.cpp:")
    assert "96.04" in answer.text and not answer.abstained
    assert answer.citations
    for c in answer.citations:
        assert notice_text[c.start:c.end] == c.quote
    assert any(c.label.startswith("第一部分") and "（四）" in c.label and "96.04" in c.quote
               for c in answer.citations)
