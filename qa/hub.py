"""Is the Hugging Face Hub reachable? Asked once per process, quickly, and never when the user
has said ``HF_HUB_OFFLINE=1``."""

from __future__ import annotations

import os
import socket
from functools import lru_cache

HUB_HOST = "huggingface.co"


@lru_cache(maxsize=1)
def hub_reachable(timeout_s: float = 2.0) -> bool:
    """True when a TCP connection to the hub's HTTPS port opens within ``timeout_s`` seconds.

    ``HF_HUB_OFFLINE`` set to a true value short-cuts to False, as in huggingface_hub.
    """
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in {"1", "true", "yes", "on"}:
        return False
    try:
        with socket.create_connection((HUB_HOST, 443), timeout=timeout_s):
            return True
    except OSError:
        return False
