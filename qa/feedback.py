"""The feedback log: one JSON object per line for each 👍/👎 a user gives an answer.

Several app workers (and several apps) may write at once: each record is appended whole under
an exclusive file lock (``filelock``), flushed and fsynced, so records never interleave and a
crash loses at most the record being written.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from filelock import FileLock

MAX_COMMENT_CHARS = 2000


class FeedbackLog:
    """Appends feedback records to ``path`` (JSON Lines, UTF-8), creating its folder."""

    def __init__(self, path: Path, lock_timeout_s: float = 10.0):
        self.path = Path(path)
        self._lock = FileLock(str(self.path) + ".lock", timeout=lock_timeout_s)

    def append(self, record: dict) -> None:
        """Write ``record`` as one line. Raises ``OSError`` when the file cannot be written and
        ``filelock.Timeout`` when another writer holds the lock longer than the timeout."""
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock, self.path.open("a", encoding="utf-8") as handle:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())

    def read(self) -> list[dict]:
        """All records, oldest first (a torn last line, from a crash, is skipped)."""
        if not self.path.exists():
            return []
        records = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                continue
        return records


def feedback_record(verdict: str, question: str, answer: dict, comment: str, asked_at: str,
                    given_at: str, session: str, answer_id: str = "") -> dict:
    """The logged record: the verdict (``up``/``down``/``withdrawn``), the question, the
    answer text and mode, its citations (label, quote, address), the optional comment (cut to
    :data:`MAX_COMMENT_CHARS`), when the question was asked and the verdict given, an anonymous
    session id, and ``answer_id``: records are events, and the latest one for an answer id is
    the user's final verdict on it."""
    return {
        "answer_id": answer_id,
        "verdict": verdict,
        "question": question,
        "answer": answer["answer"],
        "mode": answer.get("mode"),
        "citations": [{k: c[k] for k in ("n", "section_id", "label", "quote", "start", "end", "address")}
                      for c in answer["citations"]],
        "comment": comment.strip()[:MAX_COMMENT_CHARS],
        "asked_at": asked_at,
        "time": given_at,
        "session": session,
        "model": answer.get("model", {}),
    }
