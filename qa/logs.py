"""Logging set-up shared by the command line and the app."""

from __future__ import annotations

import logging


def configure_logging(level: int) -> None:
    """Log our messages at ``level``; keep the libraries' chatter (bm25s, jieba, httpx) out."""
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("bm25s", "jieba", "httpx", "openai", "sentence_transformers", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
