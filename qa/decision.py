"""The decision stage: which answer the user sees — the model's checked text, the verbatim
extract, or "not in the documents" with the nearest sections.

Before any model runs (:func:`unanswerable`), a question is not answered when
  * it asks about a year no section covers and no sentence names, or a place or organisation the
    documents never mention;
  * its words are mostly absent from the documents (off-topic: 红烧肉怎么做？);
  * it asks for a kind of fact (a date, an amount of money, a person, a place, a procedure, a
    contact, a figure) that no evidence sentence about its subject states — the documents discuss
    the topic but do not give what is asked (孵化机制什么时候建成？).

After generation (:func:`decide`):
  * the model's answer is shown when it passes every check of :mod:`qa.verify`;
  * otherwise the verbatim extract is shown when it passes them (the user is told why);
  * a model that says the documents do not answer is believed unless the extract matches the
    question closely (then the extract is shown, marked);
  * an answer that only restates the question says nothing: not answered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import prompts
from .citations import MARKER, Citation
from .claims import rank_figures
from .generation import StopReason
from .intent import Attribute
from .scope import restates_question
from .text import content_words, han_bigrams, normalize_for_match
from .verify import Verdict, states_attribute, subject_match
from .answer import Mode

# Share of a question's content (IDF-weighted) that must occur somewhere in the documents;
# below it the question is about something else. Fitted on tests/data/gold/tune.jsonl: its
# off-topic questions cover 0–0.18, its answerable ones (header questions aside, which are
# routed first) 0.25 and up, but for one segmentation slip.
MIN_TOPIC_COVERAGE = 0.2
# How much of the question an evidence sentence stating the asked kind of fact must contain to
# count as being about its subject. Fitted on tune.
MIN_ATTRIBUTE_SUBJECT = 0.3
# Best word match of a figure (qa.claims.rank_figures, unit bonus aside) below which no figure
# of the evidence is about what the question asks. Fitted on tune.
MIN_FIGURE_SCORE = 0.3
# How much of the question the extract must contain for it to be shown when the model says the
# documents do not answer. Fitted on tune.
MIN_DECLINE_OVERRIDE = 0.6


@dataclass
class Decision:
    """What the user sees: ``mode``, ``text`` with markers, ``citations``, ``abstained``, the
    ``notes`` shown with it, and the model's ``dropped`` sentences."""

    mode: Mode
    text: str
    citations: list[Citation]
    abstained: bool = False
    notes: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def topic_coverage(question: str, corpus_flat: str, weights: dict, max_weight: float,
                   known=lambda word: False) -> float:
    """IDF-weighted share of ``question``'s content words that occur in the documents
    (``corpus_flat``: normalised for matching, lower-cased), that ``known`` accepts (a short
    form of a listed agency), or most of whose character bigrams do (segmentation slips such as
    奖要); a word the documents never use weighs ``max_weight``. 1.0 for a question without
    content words."""
    words = list(dict.fromkeys(content_words(question)))
    if not words:
        return 1.0
    total = got = 0.0
    for w in words:
        key = normalize_for_match(w).lower()
        grams = han_bigrams(key)
        present = key in corpus_flat or known(w) or (len(grams) >= 2 and
                                                      sum(g in corpus_flat for g in grams) / len(grams) >= 0.5)
        weight = weights.get(w, max_weight) if present else max_weight
        total += weight
        got += weight if present else 0.0
    return got / total


def unanswerable(query, evidence, corpus_flat: str, weights: dict, max_weight: float,
                 known=lambda word: False) -> str | None:
    """Why the documents cannot answer ``query`` before any model runs (a note for the user),
    or ``None``. See the module docstring; ``known`` accepts words the documents use in another
    form (:func:`topic_coverage`)."""
    if not query.english and topic_coverage(query.text, corpus_flat, weights, max_weight, known) < MIN_TOPIC_COVERAGE:
        return "问题涉及的内容在通知中没有出现。"
    attribute = query.intent.attribute
    untranslated = not re.search(r"[\u4e00-\u9fff]", query.question)     # an English question read as it is
    if attribute in (Attribute.OPEN, Attribute.AGENCY, Attribute.MENTIONS) or untranslated:
        return None
    if query.intent.wants_figure:
        ranked = rank_figures(query.focus, evidence, query.intent.unit, weights, query.quoted)
        if any(a.match >= MIN_FIGURE_SCORE for a in ranked):
            return None
        return "通知中没有找到这个问题所问的数字。"
    for e in evidence:
        if states_attribute(e.sentence.text, attribute, query.question) and \
                subject_match(query.focus, e.sentence.text, weights) >= MIN_ATTRIBUTE_SUBJECT:
            return None
    return _MISSING.get(attribute, "通知中没有给出这个问题所问的内容。")


_MISSING = {Attribute.DATE: "通知没有给出这件事的时间。", Attribute.MONEY: "通知没有给出这方面的金额。",
            Attribute.PERSON: "通知没有提到具体人员。", Attribute.PLACE: "通知没有给出具体地点。",
            Attribute.PROCEDURE: "通知没有写办理流程或条件。", Attribute.CONTACT: "通知没有给出联系方式。"}


def _says_something(verdict: Verdict, query) -> bool:
    return not restates_question(MARKER.sub("", verdict.text), query.text)


def decide(query, generation, verdict: Verdict | None, extract: Verdict, verbatim: bool,
           model_error: str | None = None, notes: list[str] | None = None,
           with_basis: Verdict | None = None) -> Decision:
    """Choose the answer (see the module docstring). ``generation`` is the model's
    :class:`qa.generation.Generation`, ``verdict`` its checked text (``None`` when no model
    ran), ``with_basis`` the model's text followed by the verbatim extract (shown when the
    model's text passes), ``extract`` the checked verbatim extract, ``verbatim`` whether the
    generator itself is extractive, ``model_error`` why a configured model is unavailable;
    ``notes`` are carried into the decision."""
    notes = list(notes or [])
    declined = False
    if verdict is not None and not verbatim:
        declined = verdict.grounded.says_not_in_notice and generation.stop != StopReason.TIMEOUT
        if verdict.ok and _says_something(verdict, query):
            if verdict.grounded.dropped:
                notes.append(prompts.DROPPED_NOTE_ZH.format(count=len(verdict.grounded.dropped)))
            if verdict.restored:
                notes.append(prompts.RESTORED_NOTE_ZH.format(figures="、".join(verdict.restored)))
            shown = with_basis if with_basis is not None and with_basis.grounded.citations else verdict
            return Decision(Mode.GENERATED, shown.text, shown.grounded.citations, notes=notes,
                            dropped=verdict.grounded.dropped)
    extract_ok = extract.ok and _says_something(extract, query)
    if declined:
        quotes = "".join(c.quote for c in extract.grounded.citations)
        if extract_ok and subject_match(query.focus, quotes, {}) >= MIN_DECLINE_OVERRIDE:
            return Decision(Mode.FALLBACK, extract.text, extract.grounded.citations, notes=notes + [prompts.DECLINED_NOTE_ZH])
        return Decision(Mode.ABSTAINED, "", [], abstained=True, notes=notes)
    if extract_ok:
        if verbatim and not model_error:
            return Decision(Mode.EXTRACTIVE, extract.text, extract.grounded.citations, notes=notes + [prompts.EXTRACTIVE_NOTE_ZH])
        if model_error:
            notes.append(prompts.MODEL_UNAVAILABLE_NOTE_ZH.format(error=model_error))
        elif verdict is not None:
            notes.append(prompts.FALLBACK_NOTE_ZH)
        return Decision(Mode.FALLBACK, extract.text, extract.grounded.citations, notes=notes)
    if extract.problems:
        notes.append(f"通知中最相关的原文{extract.problems[0]}。")
    elif extract.grounded.citations:
        notes.append("通知中的相关原文只是重复了问题里的信息，没有给出所问的内容。")
    return Decision(Mode.ABSTAINED, "", [], abstained=True, notes=notes)
