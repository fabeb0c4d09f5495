"""Terminology: the documents' terms as English speakers name them, for reading English questions.

A small local model translating an English question renders a term its own way (municipal
quality inspection centers → 市政质量检查中心; the notice says 市级质检中心), and a question in
the wrong words retrieves the wrong sentences and fails the checks. Translation systems handle
this with a termbase whose target terms are forced into the output ("terminology constraints",
e.g. Dinu et al., "Training Neural Machine Translation To Apply Terminology Constraints", ACL
2019). Here the constraint is applied before the model sees the question: each English phrase
of the glossary is replaced by the documents' own term, so the question the model translates is
already mixed (How many 市级质检中心 did Shanghai set up?), and a term the translation still
loses is put back as its topic (关于…，, qa.query.carry_terms). Without a model to translate,
the mixed question is what retrieval searches.

The glossary (``qa/data/glossary_en_zh.tsv``, one term a line: English variants separated by
`` | ``, a tab, the term as the documents write it) was written from the notice by reading it,
not from any question set. Entries whose term the indexed documents do not contain are unused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

GLOSSARY = Path(__file__).resolve().parent / "data" / "glossary_en_zh.tsv"


# Two Latin words joined by a slash (inspection/testing), not and/or.
_SLASHED = re.compile(r"\b(?!(?:and|or)\b)([A-Za-z]+)\s*/\s*(?!(?:and|or)\b)([A-Za-z]+)\b")


def _phrase_key(phrase: str) -> str:
    """An English phrase as the glossary keys it: lower-case, hyphens and runs of spaces as one
    space (Special-Equipment → special equipment)."""
    return " ".join(re.split(r"[\s\-]+", phrase.strip().lower()))


def longest_first(entries: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """``(phrase, term)`` pairs of ``entries``, the longest phrase first (ties by phrase): an
    alternation tried in this order matches the longest phrase at a place.

    >>> longest_first({"lift": "电梯", "lifts": "电梯"})
    (('lifts', '电梯'), ('lift', '电梯'))
    """
    return tuple(sorted(entries.items(), key=lambda e: (-len(e[0]), e[0])))


@dataclass(frozen=True)
class Terminology:
    """English phrases (lower-case) and the documents' term for each, longest phrase first."""

    entries: tuple[tuple[str, str], ...]

    @classmethod
    def load(cls, documents_text: str, path: Path = GLOSSARY) -> "Terminology":
        """The glossary at ``path`` restricted to terms that occur in ``documents_text``.
        A missing file gives an empty terminology; a line without a tab is skipped.

        >>> import tempfile, os
        >>> with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as f:
        ...     _ = f.write("lift | lifts\\t电梯\\nsubmarine\\t潜艇\\n")
        >>> Terminology.load("电梯安全", Path(f.name)).entries
        (('lifts', '电梯'), ('lift', '电梯'))
        >>> os.unlink(f.name)
        """
        if not path.is_file():
            return cls(())
        entries = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            english, tab, term = line.partition("\t")
            term = term.strip()
            if not tab or not term or term not in documents_text:
                continue
            for phrase in english.split("|"):
                phrase = _phrase_key(phrase)
                if phrase:
                    entries.setdefault(phrase, term)
        return cls(longest_first(entries))

    @cached_property
    def _lookup(self) -> dict[str, str]:
        return dict(self.entries)

    @cached_property
    def _pattern(self) -> re.Pattern | None:
        if not self.entries:
            return None
        alternatives = "|".join(re.escape(p).replace(r"\ ", r"[\s\-]+") for p, _ in self.entries)
        return re.compile(rf"(?<![A-Za-z0-9])(?:{alternatives})(?![A-Za-z0-9])", re.IGNORECASE)

    def term_for(self, phrase: str) -> str | None:
        """The documents' term the glossary gives for ``phrase`` as a whole (case and hyphens
        ignored), else ``None``.

        >>> Terminology((("ip", "知识产权"),)).term_for("IP"), Terminology(()).term_for("GDP")
        ('知识产权', None)
        """
        return self._lookup.get(_phrase_key(phrase))

    def apply(self, question: str) -> tuple[str, list[tuple[str, str]]]:
        """``question`` with each glossary phrase (longest first, case and hyphens ignored)
        replaced by the documents' term, and the ``(phrase, term)`` pairs.

        Two words joined by a slash (inspection/testing) are read as joined by "and".

        >>> t = Terminology((("special equipment", "特种设备"), ("lifts", "电梯"), ("lift", "电梯")))
        >>> t.apply("How many Special-Equipment units and lifts were checked?")
        ('How many 特种设备 units and 电梯 were checked?', [('Special-Equipment', '特种设备'), ('lifts', '电梯')])
        >>> Terminology((("inspection and testing", "检验检测"),)).apply("revenue of the inspection/testing industry")
        ('revenue of the 检验检测 industry', [('inspection and testing', '检验检测')])
        """
        pattern = self._pattern
        if pattern is None:
            return question, []
        question = _SLASHED.sub(r"\1 and \2", question)
        found: list[tuple[str, str]] = []

        def replace(m: re.Match) -> str:
            term = self._lookup[_phrase_key(m.group(0))]
            found.append((m.group(0), term))
            return f" {term} "

        text = pattern.sub(replace, question)
        return re.sub(r" {2,}", " ", re.sub(r" (?=[?.,!;:])", "", text)).strip(), found
