"""Everyday words for the documents' terms, for reading questions put in the asker's own words.

Staff ask as they speak: 煤气罐 for 液化石油气, 知产 for 知识产权, 案子 for 案件. A question in
words the documents never use retrieves by meaning alone, and the checks that read its words
against the documents' (the share of its words they hold, the subject of a figure) find nothing
of it there: a question the documents answer is refused. Query expansion with a thesaurus is
the standard remedy in information retrieval (Manning, Raghavan and Schütze, *Introduction to
Information Retrieval*, 2008, ch. 9.2.2 "Query expansion"); here, as the English glossary does
for English questions (:mod:`qa.terms`), each everyday word is replaced by the documents' term
before retrieval and the checks read the question.

The thesaurus (``qa/data/colloquial_zh.tsv``, one term a line: everyday variants separated by
`` | ``, a tab, the term as the documents write it) was written by reading the notice, not from
any question set. Only entries whose term the indexed documents contain are used, and only
variants they never write: a word the documents use keeps their meaning of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .terms import Terminology, longest_first
from .text import normalize_for_match

THESAURUS = Path(__file__).resolve().parent / "data" / "colloquial_zh.tsv"


@dataclass(frozen=True)
class Colloquial(Terminology):
    """Everyday variants and the documents' term for each, longest variant first (``entries``,
    as :class:`qa.terms.Terminology` holds English phrases; read whole, without its English
    phrase keys)."""

    @classmethod
    def load(cls, documents_text: str, path: Path = THESAURUS) -> "Colloquial":
        """The thesaurus at ``path`` restricted to terms that occur in ``documents_text`` and
        to variants that do not. A missing file gives an empty thesaurus; a line without a tab
        is skipped; a variant listed twice keeps its first term.

        >>> import tempfile, os
        >>> with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as f:
        ...     _ = f.write("煤气罐 | 液化气罐\\t液化石油气\\n潜水艇\\t潜艇\\n抽检\\t抽查\\n")
        >>> Colloquial.load("瓶装液化石油气调压器；监督抽查、抽检", Path(f.name)).entries
        (('液化气罐', '液化石油气'), ('煤气罐', '液化石油气'))
        >>> os.unlink(f.name)
        """
        if not path.is_file():
            return cls(())
        flat = normalize_for_match(documents_text)
        entries: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            variants, tab, term = line.partition("\t")
            term = term.strip()
            if not tab or not term or normalize_for_match(term) not in flat:
                continue
            for variant in variants.split("|"):
                variant = variant.strip()
                if len(variant) >= 2 and normalize_for_match(variant) not in flat:
                    entries.setdefault(variant, term)
        return cls(longest_first(entries))

    @cached_property
    def _pattern(self) -> re.Pattern | None:
        if not self.entries:
            return None
        return re.compile("|".join(re.escape(v) for v, _ in self.entries))

    def apply(self, question: str) -> tuple[str, list[tuple[str, str]]]:
        """``question`` with each everyday variant (longest first, not overlapping) replaced by
        the documents' term, and the ``(variant, term)`` pairs replaced. A variant whose term the
        question already names is left as it is (知产，也就是知识产权…).

        >>> c = Colloquial((("煤气罐", "液化石油气"), ("知产", "知识产权"), ("案子", "案件")))
        >>> c.apply("法院去年判了多少知产案子？")
        ('法院去年判了多少知识产权案件？', [('知产', '知识产权'), ('案子', '案件')])
        >>> c.apply("知产就是知识产权吧")
        ('知产就是知识产权吧', [])
        """
        pattern = self._pattern
        if pattern is None:
            return question, []
        found: list[tuple[str, str]] = []

        def replace(m: re.Match) -> str:
            term = self._lookup[m.group(0)]
            if term in question:
                return m.group(0)
            found.append((m.group(0), term))
            return term

        return pattern.sub(replace, question), found
