"""Generator backends: extractive, and transformers on a tiny Qwen2 model built here.

The tiny model has random weights and a tokenizer trained in the test on the notice, saved to a
temp folder: the real ``from_pretrained`` loading and ``generate`` code runs with no download.
"""

import pytest

from qa.generation import ExtractiveGenerator, LoopGuard, Request, StopReason, TransformersGenerator, messages_for

CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


@pytest.fixture(scope="module")
def tiny_qwen2(tmp_path_factory, notice_text):
    torch = pytest.importorskip("torch")
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast, Qwen2Config, Qwen2ForCausalLM

    folder = tmp_path_factory.mktemp("tiny-qwen2")
    specials = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.train_from_iterator([notice_text, "system user assistant [1] [2] 通知中未提及"],
                            trainers.BpeTrainer(vocab_size=600, special_tokens=specials,
                                                initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<|im_end|>", pad_token="<|endoftext|>")
    fast.chat_template = CHAT_TEMPLATE
    fast.save_pretrained(folder)
    torch.manual_seed(0)
    config = Qwen2Config(vocab_size=len(fast), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=2048,
                         eos_token_id=fast.eos_token_id, pad_token_id=fast.pad_token_id)
    Qwen2ForCausalLM(config).save_pretrained(folder)
    return folder


def _evidence(extractive_assistant, question="制造业产品质量合格率是多少"):
    return extractive_assistant.retriever.search(question).evidence


def test_extractive_quotes_best_evidence_verbatim(extractive_assistant):
    evidence = _evidence(extractive_assistant)
    generation = ExtractiveGenerator().generate(Request("制造业产品质量合格率是多少", evidence)).consume()
    ranked = sorted(evidence, key=lambda e: -e.score)
    assert generation.text.count("[") == 1 + (ranked[1].score >= 0.9 * ranked[0].score)
    assert f"{ranked[0].sentence.text}[{ranked[0].n}]" in generation.text
    assert "96.04" in generation.text and generation.stop == StopReason.STOP


def test_prompt_numbers_the_evidence_and_keeps_question_apart(extractive_assistant):
    evidence = _evidence(extractive_assistant)
    messages = messages_for("合格率？", evidence)
    assert messages[0]["role"] == "system" and "[1]" in messages[1]["content"]
    assert messages[1]["content"].index("【证据】") < messages[1]["content"].index("【问题】\n合格率？")


def test_transformers_backend_loads_and_streams_a_tiny_qwen2(tiny_qwen2, extractive_assistant):
    generator = TransformersGenerator(str(tiny_qwen2), max_new_tokens=12, timeout_s=60)
    assert generator.name.startswith("transformers:")
    generation = generator.generate(Request("合格率是多少？", _evidence(extractive_assistant)))
    pieces = list(generation)
    assert pieces and generation.text.strip() and generation.text == "".join(pieces)
    assert 0 < generation.new_tokens <= 12  # the token limit holds
    assert generation.stop in (StopReason.STOP, StopReason.LENGTH, StopReason.LOOP)


def test_assistant_with_a_nonsense_model_falls_back_to_checked_extraction(tiny_qwen2, settings):
    from qa.engine import Assistant

    generator = TransformersGenerator(str(tiny_qwen2), max_new_tokens=16, timeout_s=60)
    assistant = Assistant(settings, generator=generator)
    answer = assistant.ask("上海市制造业产品质量合格率是多少？")
    # random weights cannot produce a supported, cited sentence: the user gets verbatim evidence
    assert answer.mode == "fallback" and answer.citations
    assert any("96.04" in c.quote for c in answer.citations)
    assert any("摘录" in note for note in answer.notes)
    # random weights never say they are done: the token limit applies, and the user is told
    assert any("16 个词元的长度上限" in note for note in answer.notes)


def test_a_generation_over_its_time_limit_is_stopped_with_a_message(tiny_qwen2, settings, notice_text):
    from qa.engine import Assistant

    generator = TransformersGenerator(str(tiny_qwen2), max_new_tokens=200, timeout_s=0.0)
    answer = Assistant(settings, generator=generator).ask("上海市制造业产品质量合格率是多少？")
    assert any("秒的时限，已停止" in note for note in answer.notes)
    # what was cut off is not shown: the user gets the verbatim extract, each quote where it stands
    assert answer.mode == "fallback" and "96.04" in answer.text and answer.citations
    assert all(notice_text[c.start:c.end] == c.quote and c.quote.rstrip("；;。") in answer.text for c in answer.citations)


def test_a_model_failing_its_sha256_is_refused_and_answers_are_extractive(settings, tmp_path, monkeypatch):
    from qa import models
    from qa.engine import Assistant

    cache = tmp_path / "models"
    cache.mkdir()
    (cache / "tiny.gguf").write_bytes(b"GGUF" + b"\0" * 60)              # right size, wrong bytes
    spec = models.ModelSpec("tiny-test", "none/none", "tiny.gguf", 64, "0" * 64, "none")
    monkeypatch.setitem(models.REGISTRY, "tiny-test", spec)
    monkeypatch.setattr(models, "hub_reachable", lambda: False)
    with pytest.raises(models.ModelUnavailable, match="SHA-256"):
        models.verify(cache / "tiny.gguf", spec)
    local = settings.model_copy(update={"generator": "llama.cpp", "generator_model": "tiny-test", "model_cache": cache})
    assistant = Assistant(local)
    assert "could not obtain tiny.gguf" in assistant.generator_error and "SHA-256" in assistant.generator_error
    assert not (cache / "tiny.gguf").exists()                            # the refused file is gone
    answer = assistant.ask("上海市制造业产品质量合格率是多少？")
    assert answer.mode == "fallback" and "96.04" in answer.text
    assert any("生成模型不可用" in note for note in answer.notes)


def test_a_missing_model_file_is_a_clear_message_and_extractive_answers(settings, tmp_path):
    from qa.engine import Assistant

    local = settings.model_copy(update={"generator": "llama.cpp", "generator_model": str(tmp_path / "gone.gguf")})
    assistant = Assistant(local)
    assert "unknown model" in assistant.generator_error and "gone.gguf" in assistant.generator_error
    answer = assistant.ask("上海市制造业产品质量合格率是多少？")
    assert answer.mode == "fallback" and any("生成模型不可用" in note for note in answer.notes)


def test_loop_guard_stops_repetition_and_timeouts():
    guard = LoopGuard(timeout_s=60)
    assert not guard.feed("第一句。\n")
    stopped = False
    for _ in range(10):
        stopped = guard.feed("重复的一行内容\n")
        if stopped:
            break
    assert stopped and guard.reason == StopReason.LOOP
    late = LoopGuard(timeout_s=0)
    assert late.feed("x") and late.reason == StopReason.TIMEOUT
