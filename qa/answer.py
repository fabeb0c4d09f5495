"""The assistant's results: :class:`Answer` (what the CLI prints as JSON and the app shows),
its :class:`Mode`, and the :class:`StreamEvent` a UI receives while the answer is made."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .browse import section_address
from .citations import Citation


class Mode(str, Enum):
    """How an answer was made. A ``str`` enum: it compares equal to, and serialises as, its
    value (``Mode.GENERATED == "generated"``)."""

    GENERATED = "generated"      # the model's text, every sentence checked against its citation
    EXTRACTIVE = "extractive"    # verbatim evidence, by choice (no model)
    FALLBACK = "fallback"        # verbatim evidence: the model's text failed the checks, or no model
    STRUCTURED = "structured"    # built from the documents' structure (header, agency lists, topics)
    ABSTAINED = "abstained"      # the documents do not answer; the nearest sections are shown
    REFUSED = "refused"          # an instruction to the assistant, not a question

    def __str__(self) -> str:
        return self.value

    def __hash__(self) -> int:          # look up like its value: {"generated": …}[Mode.GENERATED]
        return hash(self.value)


@dataclass
class Answer:
    """An answer with its evidence. ``text`` carries ``[n]`` markers, each a citation of
    ``citations``; ``abstained`` is true when the documents do not answer the question;
    ``query`` is the self-contained question retrieval read; ``retrieved`` the ranked sections
    (``qa.retrieval.Retrieved``); ``timings_ms`` has ``retrieve``, ``first_token``, ``generate``
    and ``total`` in milliseconds; ``notes`` are the remarks shown to the user with the answer;
    ``dropped`` the model's sentences removed as unsupported."""

    question: str
    text: str
    citations: list[Citation]
    abstained: bool
    mode: Mode
    query: str
    retrieved: list = field(default_factory=list)
    timings_ms: dict = field(default_factory=dict)
    model: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        """The object of DESIGN.md's ``ask --json`` contract (plus ``mode``, ``query``,
        ``notes``, and an ``address`` per citation and retrieved section)."""
        return {
            "question": self.question,
            "answer": self.text,
            "abstained": self.abstained,
            "citations": [c.to_json() for c in self.citations],
            "retrieved": [{"section_id": h.section.section_id, "label": h.section.label,
                           "score": round(h.score, 6), "address": section_address(h.section.section_id)}
                          for h in self.retrieved],
            "timings_ms": self.timings_ms,
            "model": self.model,
            "mode": self.mode.value,
            "query": self.query,
            "notes": self.notes,
        }


@dataclass
class StreamEvent:
    """``kind`` is ``retrieved`` (``result`` set: the sources can be shown), ``delta`` (``text``
    is new answer text) or ``final`` (``answer`` set)."""

    kind: str
    text: str = ""
    result: object = None
    answer: Answer | None = None
