"""Generator backends behind one interface.

* ``extractive`` — no model: the best evidence sentences, verbatim, each with its marker.
* ``llama.cpp``  — a GGUF model run by llama-cpp-python (default: the official Qwen2.5-Coder
  1.5B Instruct Q4_K_M, fetched and SHA-256-verified by :mod:`qa.models`).
* ``transformers`` — a hub id, a local model folder, or a ``.gguf`` file loaded by transformers.
* ``openai``     — any OpenAI-compatible chat-completions server (llama.cpp's ``llama-server`` or
  ``python -m llama_cpp.server``, vLLM, Ollama), through the official ``openai`` client.

``Generator.generate(request)`` returns a :class:`Generation`: iterate it for the text as it is
written, then read ``text``, ``stop`` (a :class:`StopReason`), ``error`` and ``new_tokens`` — a response
object in the manner of simonw/llm's ``Response``. Generation stops at ``max_new_tokens``, at
``timeout_s`` seconds, or when the text starts looping (a repeated line or 8-gram).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Protocol

from .extract import quote, verbatim_extract
from .prompts import SYSTEM_PROMPT, SYSTEM_PROMPT_EN, TRANSLATE_PROMPT, user_prompt
from .text import first_line

log = logging.getLogger(__name__)


class StopReason(str, Enum):
    """Why a generation ended."""

    STOP = "stop"          # the model finished
    LENGTH = "length"      # the token limit
    TIMEOUT = "timeout"    # the time limit
    LOOP = "loop"          # the text started repeating itself
    ERROR = "error"        # the backend failed (a generation server down, refusing or stalled)


@dataclass(frozen=True)
class Request:
    """What a generator answers: the ``question`` (as the model is asked it), the numbered
    ``evidence`` (``qa.retrieval.Evidence``), whether to answer in English, the query's
    ``intent`` (``qa.intent.Intent``; the verbatim extract follows its scope and figures) and
    ``subject``, the question in the documents' language (the extract matches its words;
    defaults to ``question``), ``weights``, the IDF weights of words, and ``quoted``, the
    spans the question quotes (a figure's sentence must hold those of its part), and
    ``topic``, for a follow-up, the question completed from the earlier turn (审结了多少件？ after
    a question on 二审 cases: its words tell which sentence's figure is meant), and ``ref_year``,
    the documents' own year, which 今年 and 去年 count from (``None``: relative years unread)."""

    question: str
    evidence: list
    english: bool = False
    intent: object = None
    subject: str = ""
    weights: dict = field(default_factory=dict)
    quoted: tuple = ()
    topic: str = ""
    ref_year: int | None = None


class Generation:
    """A response being written. Iterate it for text pieces (once); afterwards ``text`` holds
    the whole text, ``stop`` why it ended and ``new_tokens`` how many tokens were written.
    ``run`` is a generator function that yields pieces and reports through ``finish``."""

    def __init__(self, run: Callable[["Generation"], Iterator[str]]):
        self._run = run
        self._pieces: list[str] = []
        self.stop: StopReason = StopReason.STOP
        self.error: str | None = None      # with StopReason.ERROR: what failed, one line
        self.new_tokens = 0
        self.done = False

    def finish(self, stop: StopReason, new_tokens: int | None = None, error: str | None = None) -> None:
        """Record why generation ended (called by the backend)."""
        self.stop = stop
        if new_tokens is not None:
            self.new_tokens = new_tokens
        if error is not None:
            self.error = error

    def __iter__(self) -> Iterator[str]:
        for piece in self._run(self):
            self._pieces.append(piece)
            yield piece
        self.done = True

    @property
    def text(self) -> str:
        """The text written so far (all of it once iteration has ended)."""
        return "".join(self._pieces)

    def consume(self) -> "Generation":
        """Run to the end without looking at the pieces; returns ``self``."""
        for _ in self:
            pass
        return self


class Generator(Protocol):
    """Writes an answer from numbered evidence. ``name`` identifies backend and model;
    ``verbatim`` is true when the text is evidence copied as it stands (no model), so that
    answers say so."""

    name: str
    verbatim: bool

    def generate(self, request: Request) -> Generation:
        """Start answering ``request``; the returned :class:`Generation` writes as it is
        iterated. Each call has its own Generation (concurrent calls do not share state)."""

    def translate(self, question: str) -> str | None:
        """``question`` (English) as a Chinese question, so that retrieval and the checks read
        it in the documents' language; ``None`` when the backend cannot translate. Raises
        :class:`GeneratorUnavailable` when it could but its server failed."""


class GeneratorUnavailable(RuntimeError):
    """The generator could not be reached (a generation server down, refusing or stalled);
    the message is one line naming the server and the reason."""


class LoopGuard:
    """Watches streamed text and says when to stop: a line or an 8-character run repeated three
    times (small models loop without a repeat penalty, and a penalty > 1 makes them avoid the
    evidence's own figures — MODELS.md), or the time limit.
    """

    def __init__(self, timeout_s: float):
        self.deadline = time.monotonic() + timeout_s
        self.text = ""
        self.reason: StopReason | None = None

    def feed(self, piece: str) -> bool:
        """Add ``piece``; return True when generation should stop."""
        self.text += piece
        if time.monotonic() > self.deadline:
            self.reason = StopReason.TIMEOUT
            return True
        lines = [l.strip() for l in self.text.splitlines() if l.strip()]
        if len(lines) >= 3 and lines[-1] == lines[-2] == lines[-3]:
            self.reason = StopReason.LOOP
            return True
        tail = self.text[-8:]
        if len(self.text) > 64 and len(tail.strip()) == 8 and self.text.count(tail) >= 3:
            self.reason = StopReason.LOOP
            return True
        return False


class ExtractiveGenerator:
    """No model: the verbatim extract (:func:`qa.extract.verbatim_extract`), each sentence with
    its marker."""

    name = "extractive"
    verbatim = True

    def generate(self, request: Request) -> Generation:
        def run(generation: Generation) -> Iterator[str]:
            yield quote(verbatim_extract(request))
            generation.finish(StopReason.STOP, 0)

        return Generation(run)

    def translate(self, question: str) -> str | None:
        return None                       # no model, no translation


def messages_for(question: str, evidence: list, english: bool = False) -> list[dict]:
    """The chat messages sent to a model: system rules (in English for an English question),
    then evidence and question."""
    return [{"role": "system", "content": SYSTEM_PROMPT_EN if english else SYSTEM_PROMPT},
            {"role": "user", "content": user_prompt(question, evidence, english)}]


# A translated question is short; a longer output is the model talking, not translating.
TRANSLATION_TOKENS = 96
# Seconds a generation server gets to translate a question (optional help for retrieval).
TRANSLATION_TIMEOUT_S = 10.0


def translation_messages(question: str) -> list[dict]:
    """The chat messages that ask a model to translate an English question into Chinese."""
    return [{"role": "system", "content": TRANSLATE_PROMPT}, {"role": "user", "content": question}]


class LlamaCppGenerator:
    """A GGUF model run by llama-cpp-python with the chat template stored in the GGUF.

    Greedy decoding (temperature 0), repeat penalty 1.0 with :class:`LoopGuard` instead.
    ``prompt_lookup_tokens`` > 0 turns on prompt-lookup decoding (draft tokens copied from the
    prompt's n-grams, verified in one batch; A. Saxena, "Prompt Lookup Decoding", 2023).
    The system prompt's tokens stay in the KV cache between questions (llama-cpp-python reuses
    the longest common prefix of consecutive prompts), so only evidence and question are
    prefilled. Raises ``ValueError`` from llama.cpp when the file is not a loadable GGUF.
    """

    def __init__(self, model_path: Path, n_ctx: int = 4096, n_threads: int = 2,
                 max_new_tokens: int = 256, timeout_s: float = 90.0, label: str | None = None,
                 prompt_lookup_tokens: int = 0):
        from llama_cpp import Llama

        draft = None
        if prompt_lookup_tokens:    # prompt-lookup decoding (Saxena 2023): drafts copied from the prompt
            from llama_cpp.llama_speculative import LlamaPromptLookupDecoding

            draft = LlamaPromptLookupDecoding(num_pred_tokens=prompt_lookup_tokens)
        # Read, not mapped: llama.cpp repacks most Q4_K tensors into an interleaved copy for its
        # CPU kernels (597 MiB of the 1,060 MiB file); with a mapping the original pages stayed
        # resident beside that copy, +590 MiB of RSS for nothing (measured, docs/BENCHMARKS.md).
        self.llm = Llama(model_path=str(model_path), n_ctx=n_ctx, n_threads=n_threads,
                         n_threads_batch=n_threads, draft_model=draft, use_mmap=False, verbose=False)
        self.max_new_tokens = max_new_tokens
        self.timeout_s = timeout_s
        self.name = f"llama.cpp:{label or Path(model_path).name}"
        self._lock = threading.Lock()  # one llama context: one generation at a time

    verbatim = False

    def translate(self, question: str) -> str | None:
        with self._lock:
            out = self.llm.create_chat_completion(messages=translation_messages(question), temperature=0.0,
                                                  top_k=1, repeat_penalty=1.0, max_tokens=TRANSLATION_TOKENS)
        return out["choices"][0]["message"]["content"].strip() or None

    def generate(self, request: Request) -> Generation:
        def run(generation: Generation) -> Iterator[str]:
            guard = LoopGuard(self.timeout_s)
            with self._lock:
                chunks = self.llm.create_chat_completion(
                    messages=messages_for(request.question, request.evidence, request.english), stream=True, temperature=0.0,
                    top_k=1, repeat_penalty=1.0, max_tokens=self.max_new_tokens)
                generation.finish(StopReason.LENGTH, 0)
                for chunk in chunks:
                    delta = chunk["choices"][0].get("delta", {}).get("content") or ""
                    finish = chunk["choices"][0].get("finish_reason")
                    if delta:
                        generation.new_tokens += 1      # llama-cpp-python streams one token a chunk
                        yield delta
                        if guard.feed(delta):
                            generation.finish(guard.reason)
                            break
                    if finish:
                        generation.finish(StopReason.LENGTH if finish == "length" else StopReason.STOP)
                        break

        return Generation(run)


class TransformersGenerator:
    """A causal LM loaded by transformers from a hub id, a local folder, or a GGUF file
    (``gguf_file=``; transformers dequantises it). Streams through ``TextIteratorStreamer``.

    Raises ``OSError`` when the model cannot be found locally and the hub is unreachable, and
    ``ValueError`` for a GGUF file when accelerate is missing. A registry GGUF (the default
    1.5B) loads in ≈ 50 s and takes ≈ 9 GB dequantised to float32, and answers in ≈ 18 s on
    2 cores (measured 2026-11-30): it works, llama.cpp is the fast way to run the same file.
    """

    def __init__(self, model: str, max_new_tokens: int = 256, timeout_s: float = 90.0,
                 n_threads: int | None = None, allow_downloads: bool = False, label: str | None = None):
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        from .hub import hub_reachable

        if n_threads:
            torch.set_num_threads(n_threads)
        path = Path(model).expanduser()
        kwargs: dict = {}
        if path.suffix == ".gguf":
            import importlib.util

            if importlib.util.find_spec("accelerate") is None:    # transformers needs it for GGUF files
                raise ValueError("transformers reads a .gguf file only with accelerate installed "
                                 "(pip install accelerate; requirements.txt has it)")
            kwargs["gguf_file"] = path.name
            source = str(path.parent)
        else:
            source = str(path) if path.exists() else model
            if not path.exists():
                kwargs["local_files_only"] = not (allow_downloads and hub_reachable())
        self.tokenizer = AutoTokenizer.from_pretrained(source, **kwargs)
        self.model = AutoModelForCausalLM.from_pretrained(source, dtype=torch.float32, **kwargs)
        self.model.eval()
        self.max_new_tokens = max_new_tokens
        self.timeout_s = timeout_s
        self.name = f"transformers:{label or model}"

    verbatim = False

    def generate(self, request: Request) -> Generation:
        return Generation(lambda generation: self._stream(request, generation))

    def translate(self, question: str) -> str | None:
        import torch

        inputs = self.tokenizer.apply_chat_template(translation_messages(question), add_generation_prompt=True,
                                                    return_tensors="pt", return_dict=True)
        with torch.no_grad():
            output = self.model.generate(**inputs, max_new_tokens=TRANSLATION_TOKENS, do_sample=False)
        text = self.tokenizer.decode(output[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
        return text.strip() or None

    def _stream(self, request: Request, generation: Generation) -> Iterator[str]:
        import torch
        from transformers import StoppingCriteria, StoppingCriteriaList, TextIteratorStreamer

        inputs = self.tokenizer.apply_chat_template(
            messages_for(request.question, request.evidence, request.english), add_generation_prompt=True, return_tensors="pt",
            return_dict=True)
        streamer = TextIteratorStreamer(self.tokenizer, skip_prompt=True, skip_special_tokens=True,
                                        timeout=self.timeout_s + 30)
        guard = LoopGuard(self.timeout_s)
        stop_flag = threading.Event()

        class _Stop(StoppingCriteria):
            def __call__(self, input_ids, scores, **kwargs):
                return stop_flag.is_set()

        pad = self.tokenizer.pad_token_id
        if pad is None:
            pad = self.tokenizer.eos_token_id
        worker = threading.Thread(target=lambda: self._generate(torch, inputs, streamer, pad,
                                                                 StoppingCriteriaList([_Stop()]), generation))
        worker.start()
        generation.finish(StopReason.STOP)
        try:
            for piece in streamer:
                if piece:
                    yield piece
                    if guard.feed(piece):
                        generation.finish(guard.reason)
                        stop_flag.set()
                        break
        finally:
            stop_flag.set()
            worker.join()
        if generation.stop == StopReason.STOP and generation.new_tokens >= self.max_new_tokens:
            generation.finish(StopReason.LENGTH)

    def _generate(self, torch, inputs, streamer, pad, stopping, generation: Generation) -> None:
        with torch.no_grad():
            output = self.model.generate(**inputs, streamer=streamer, max_new_tokens=self.max_new_tokens,
                                         do_sample=False, repetition_penalty=1.0, pad_token_id=pad,
                                         stopping_criteria=stopping)
        generation.new_tokens = int(output.shape[1] - inputs["input_ids"].shape[1])


class OpenAIGenerator:
    """A model behind an OpenAI-compatible chat-completions server, streamed through the
    official ``openai`` client (the API: https://platform.openai.com/docs/api-reference/chat).

    Greedy decoding (temperature 0; ``top_k`` 1 and repeat penalty 1.0 are sent as extra fields,
    which llama.cpp's servers read and others ignore). ``timeout_s`` bounds connecting and each
    wait between streamed tokens, the client retries ``max_retries`` times (connection errors,
    429, 5xx), and :class:`LoopGuard` bounds the whole answer by ``total_timeout_s``. A server
    that is down, refuses or stops mid-answer ends the :class:`Generation` with
    ``StopReason.ERROR`` and a one-line ``error`` (never an exception), so that the assistant
    answers from verbatim extracts meanwhile. Many of these may generate at once: the server
    schedules them (parallel slots, continuous batching).
    """

    verbatim = False

    def __init__(self, base_url: str, model: str, api_key: str = "none", timeout_s: float = 20.0,
                 max_retries: int = 1, max_new_tokens: int = 256, total_timeout_s: float = 90.0):
        import openai

        self.client = openai.OpenAI(base_url=base_url, api_key=api_key or "none", timeout=timeout_s,
                                    max_retries=max_retries)
        self.model = model
        self.base_url = base_url
        self.timeout_between_s = timeout_s
        self.max_new_tokens = max_new_tokens
        self.timeout_s = total_timeout_s
        self.name = f"openai:{model}@{base_url}"

    _EXTRA = {"top_k": 1, "repeat_penalty": 1.0}

    def check(self, timeout_s: float = 3.0) -> str | None:
        """Ask the server which models it serves; a one-line warning when it cannot be reached
        or does not list ``model`` (some servers, like llama_cpp.server, answer any name), else
        ``None``. Never raises: a server may come up after the app."""
        import openai

        try:
            served = [m.id for m in self.client.with_options(timeout=timeout_s, max_retries=0).models.list()]
        except openai.OpenAIError as exc:
            return (f"generation server {self.base_url} not reachable now ({_one_line(exc)}); "
                    "answers are verbatim extracts until it is")
        if served and self.model not in served:
            return (f"generation server {self.base_url} serves {', '.join(served[:5])}, not {self.model!r} "
                    "(QA_GENERATOR_MODEL)")
        return None

    def translate(self, question: str) -> str | None:
        import openai

        try:        # optional help for retrieval: a short wait, no retries
            out = self.client.with_options(timeout=min(self.timeout_between_s, TRANSLATION_TIMEOUT_S),
                                           max_retries=0).chat.completions.create(
                model=self.model, messages=translation_messages(question), temperature=0.0,
                max_tokens=TRANSLATION_TOKENS, extra_body=self._EXTRA)
        except openai.OpenAIError as exc:
            log.warning("translation by %s failed: %s", self.name, _one_line(exc))
            raise GeneratorUnavailable(f"{self.base_url}: {_one_line(exc)}") from exc
        return ((out.choices[0].message.content if out.choices else "") or "").strip() or None

    def generate(self, request: Request) -> Generation:
        return Generation(lambda generation: self._stream(request, generation))

    def _stream(self, request: Request, generation: Generation) -> Iterator[str]:
        import openai

        guard = LoopGuard(self.timeout_s)
        stream = None
        try:
            stream = self.client.chat.completions.create(
                model=self.model, messages=messages_for(request.question, request.evidence, request.english),
                stream=True, temperature=0.0, max_tokens=self.max_new_tokens, extra_body=self._EXTRA)
            for chunk in stream:
                if not chunk.choices:
                    continue
                choice = chunk.choices[0]
                delta = (choice.delta.content if choice.delta else None) or ""
                if delta:
                    generation.new_tokens += 1
                    yield delta
                    if guard.feed(delta):
                        generation.finish(guard.reason)
                        break
                if choice.finish_reason:
                    generation.finish(StopReason.LENGTH if choice.finish_reason == "length" else StopReason.STOP)
                    break
            else:           # the stream closed without saying why: the server stopped mid-answer
                generation.finish(StopReason.ERROR, error=f"{self.base_url}: the server ended the answer early")
        except openai.OpenAIError as exc:
            log.warning("generation by %s failed: %s", self.name, _one_line(exc))
            generation.finish(StopReason.ERROR, error=f"{self.base_url}: {_one_line(exc)}")
        finally:
            if stream is not None:
                stream.close()


def _one_line(exc: BaseException) -> str:
    """The exception as one short line; a 404 says what is usually wrong."""
    line = f"{type(exc).__name__}: {first_line(exc, 200)}" if str(exc).strip() else type(exc).__name__
    if getattr(exc, "status_code", None) == 404:
        line += " — does QA_OPENAI_BASE_URL end in /v1, and does the server know QA_GENERATOR_MODEL?"
    return line


def load_generator(settings) -> Generator:
    """The generator named by ``settings.generator``.

    Raises :class:`qa.models.ModelUnavailable` when the model cannot be obtained or verified,
    and ``ValueError``/``OSError`` when it cannot be loaded.
    """
    if settings.generator == "extractive":
        return ExtractiveGenerator()
    if settings.generator == "llama.cpp":
        from .models import ensure_model

        path = ensure_model(settings.generator_model, settings.model_cache, allow_downloads=settings.allow_downloads)
        return LlamaCppGenerator(path, n_ctx=settings.n_ctx, n_threads=settings.n_threads,
                                 max_new_tokens=settings.max_new_tokens,
                                 timeout_s=settings.generation_timeout_s, label=settings.generator_model,
                                 prompt_lookup_tokens=settings.prompt_lookup_tokens)
    if settings.generator == "transformers":
        model = settings.generator_model
        from .models import REGISTRY, ensure_model

        if model in REGISTRY:  # a registry GGUF, dequantised by transformers
            model = str(ensure_model(model, settings.model_cache, allow_downloads=settings.allow_downloads))
        return TransformersGenerator(model, max_new_tokens=settings.max_new_tokens,
                                     timeout_s=settings.generation_timeout_s, n_threads=settings.n_threads,
                                     allow_downloads=settings.allow_downloads, label=settings.generator_model)
    if settings.generator == "openai":
        generator = OpenAIGenerator(settings.openai_base_url, settings.generator_model,
                               api_key=settings.openai_api_key.get_secret_value(), timeout_s=settings.openai_timeout_s,
                               max_retries=settings.openai_max_retries, max_new_tokens=settings.max_new_tokens,
                               total_timeout_s=settings.generation_timeout_s)
        problem = generator.check()
        if problem:
            log.warning("%s", problem)
        return generator
    raise ValueError(f"unknown generator {settings.generator!r}")
