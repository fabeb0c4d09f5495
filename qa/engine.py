"""The assistant: a short pipeline of explicit stages, each a module with one job and a typed
result —

    guard (qa.guard) → query (qa.query) → retrieval (qa.retrieval) → routing (qa.routing)
    → generation (qa.generation) → verification (qa.verify) → decision (qa.decision)

``Assistant.stream`` yields events so that a UI can show the sources as soon as retrieval is
done and the answer as it is written; ``Assistant.ask`` returns the final :class:`Answer`. The
CLI and the Gradio app only call these two.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from functools import cached_property

from . import prompts
from .agencies import UNIT_NAME, agencies_named_in
from .answer import Answer, Mode, StreamEvent
from .asks import listed_asks, members_named, pointed_answered, separate_asks
from .citations import MARKER, Citation, make_citation
from .colloquial import Colloquial
from .claims import figure_said_of_other, figures_in, opposite_direction, same_unit
from .config import Settings
from .decision import Decision, decide, unanswerable
from .documents import DocumentError, Skipped, readable_documents
from .library import from_named, named_documents, parallels, unknown_numbers, without_numbers
from .embedding import load_embedder
from .extract import quote, verbatim_extract
from .generation import (ExtractiveGenerator, Generator, GeneratorUnavailable, Request, StopReason,
                         load_generator)
from .guard import QuestionError, guard, keep_end
from .index import Index, IndexProblem, ensure_index
from .intent import (ASKING_TERMS, FIGURE_ATTRIBUTES, GENERIC_WORDS, LIST_VERBS, WHOLE_WORDS, Attribute, asks_done_or_planned,
                     read_intent)
from .query import Query, build_query
from .retrieval import WHAT_ELSE, HybridRetriever, RetrievalResult, beyond_said, retrieve
from .routing import LISTING_LEAD_EN, LISTING_LEAD_ZH, listing_text, route_structure, route_topic
from .sections import AGENCIES_ONLY
from .scope import (about_the_question, asked_about, asked_years, claimed_ranks, path_years, members_outside, misnumbered_members,
                    missing_sections, names_place, places_named, question_years, ranks_outside, reference_year,
                    series_members, strip_years, unknown_entities, years_outside)
from .spelling import Speller
from .terms import Terminology
from .text import content_words, first_line, han_bigrams, normalize_for_match, normalize_query, noun_words, numbers_in
from .verify import claims_place, verify

log = logging.getLogger(__name__)

__all__ = ["Answer", "Assistant", "Mode", "QuestionError", "SourcesUnavailable", "StreamEvent"]


class SourcesUnavailable(RuntimeError):
    """The documents changed on disk and could not be re-indexed (unreadable, removed); the
    old index is not used meanwhile. The message is one line meant for the user."""


@dataclass
class Corpus:
    """One consistent view of the indexed documents: the index, its retriever, the reference
    year (今年), the text for exact matching, word weights, the typo corrector and the thesauri."""

    index: Index
    retriever: HybridRetriever
    text: str
    ref_year: int | None

    @property
    def flat(self) -> str:
        """The documents' text normalised for matching, lower-cased (the index's, computed once)."""
        return self.index.flat

    @cached_property
    def weights(self) -> dict[str, float]:
        """IDF of each word over the evidence sentences (the retriever's, computed once)."""
        return self.retriever.sentence_idf

    @cached_property
    def max_weight(self) -> float:
        return max(self.weights.values(), default=1.0)

    @cached_property
    def speller(self) -> Speller:
        """Typo correction toward the documents' wording and the words asking who is responsible."""
        return Speller(self.text + "\n" + "\n".join(ASKING_TERMS))

    @cached_property
    def colloquial(self) -> Colloquial:
        """The thesaurus's everyday words for the documents' terms (qa.colloquial)."""
        return Colloquial.load(self.text)

    @cached_property
    def terminology(self) -> Terminology:
        """The glossary's English names of the documents' terms (qa.terms)."""
        return Terminology.load(self.text)

    def known(self, word: str) -> bool:
        """True when ``word`` names a listed agency in a short form (卫健委), or is an English
        name the glossary gives for a term of theirs (IP for 知识产权): the documents use it,
        though not as written."""
        return bool(agencies_named_in(word, self.index)) or self.terminology.term_for(word) is not None


def _replaces_extract(lead, chosen: list) -> bool:
    """True when a model's checked answer (``lead``, a ``qa.verify.Verdict``) rests on none of
    the extract's sentences (``chosen``, ``qa.retrieval.Evidence``), or cites a section of the
    extract only by sentences the extract left out."""
    cited = {c.start for c in lead.grounded.citations}
    extract = {e.sentence.start for e in chosen}
    if not cited & extract:
        return True
    by_section: dict[str, set[int]] = {}
    for e in chosen:
        by_section.setdefault(e.section.section_id, set()).add(e.sentence.start)
    cited_sections = {c.section_id for c in lead.grounded.citations}
    return any(section in cited_sections and not cited & starts for section, starts in by_section.items())


class Assistant:
    """Answers questions about the documents in ``settings.source_dir``.

    Thread-safe for concurrent ``stream`` calls (the generator serialises model access).
    Raises :class:`qa.documents.DocumentError` or ``OSError`` at construction when the
    documents cannot be read or the index cannot be written.
    """

    def __init__(self, settings: Settings, generator: Generator | None = None, progress: bool = False,
                 background: bool = False):
        self.settings = settings
        self.progress = progress
        self.embedder = load_embedder(settings.embedder, settings.allow_downloads)
        self._lock = threading.Lock()
        self._source_state: dict = {}
        self._build: threading.Thread | None = None     # a re-index running beside the answers
        self._build_error: Exception | None = None
        self.skipped: list[Skipped] = []    # files of the source folder that could not be read
        self.corpus: Corpus
        self._load_index()
        self.generator_error: str | None = None
        self._generator: Generator | None = generator
        self._generator_ready = threading.Event()
        if generator is not None:
            self._generator_ready.set()
        elif background:     # the app serves its page meanwhile; a question waits for the model
            threading.Thread(target=self._load_generator, name="load-generator", daemon=True).start()
        else:
            self._load_generator()

    def _load_generator(self) -> None:
        try:
            generator = load_generator(self.settings)
        except Exception as exc:  # a missing or refused model must not stop the assistant
            self.generator_error = first_line(exc)
            log.warning("generator unavailable, answering extractively: %s", self.generator_error)
            generator = ExtractiveGenerator()
        self._generator = generator
        self._generator_ready.set()

    @property
    def generator(self) -> Generator:
        """The generator (waits while it is still loading, see ``background``)."""
        self._generator_ready.wait()
        return self._generator

    @generator.setter
    def generator(self, generator: Generator) -> None:
        self._generator = generator
        self._generator_ready.set()

    @property
    def generator_ready(self) -> bool:
        """True once the generator is loaded (or failed to load and extracts serve)."""
        return self._generator_ready.is_set()

    @property
    def generator_name(self) -> str:
        """The generator's name, without waiting: 正在加载 while it loads."""
        return self._generator.name if self._generator_ready.is_set() else "（正在加载）"

    # --- index ---------------------------------------------------------------------------
    def _scan_sources(self) -> dict:
        folder = self.settings.source_dir
        if not folder.is_dir():
            return {}
        state = {}
        for path in sorted(folder.iterdir()):
            try:
                st = path.stat()
            except OSError:            # removed while we looked
                continue
            if path.is_file():
                # ctime too: an edit that keeps the size and restores the mtime still changes it
                state[path.name] = (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)
        return state

    def _load_index(self) -> None:
        state = self._scan_sources()
        self.corpus, self.skipped = self._build_corpus()
        self._source_state = state

    def _build_corpus(self) -> tuple[Corpus, list[Skipped]]:
        documents, skipped = readable_documents(self.settings.source_dir)
        index = ensure_index(self.settings.index_dir, documents, self.embedder, progress=self.progress)
        text = "\n".join(d.text for d in documents)
        corpus = Corpus(index, HybridRetriever(index, self.embedder, rrf_k=self.settings.rrf_k), text,
                        reference_year(text, index.sections))
        return corpus, skipped

    def _reindex(self, state: dict) -> None:
        """Build the index of the documents as they are now, beside the answers; swap it in
        whole when it is complete (``state``: the files it was started for)."""
        try:
            corpus, skipped = self._build_corpus()
        except (DocumentError, IndexProblem, OSError) as exc:
            log.error("re-indexing failed: %s", exc)
            with self._lock:
                self._build_error, self._build = exc, None
            return
        with self._lock:
            self.corpus, self.skipped, self._source_state = corpus, skipped, state
            self._build_error, self._build = None, None
        log.info("re-indexed: %d document(s)", len(corpus.index.documents))

    @property
    def index(self) -> Index:
        """The current index (replaced whole when the documents change)."""
        return self.corpus.index

    @property
    def retriever(self) -> HybridRetriever:
        """The current retriever."""
        return self.corpus.retriever

    def refresh_if_changed(self, wait: bool = True) -> bool:
        """Start re-indexing when a source file changed on disk (in a thread beside the
        answers; the previous complete index serves meanwhile) and, with ``wait``, wait for it;
        True when the files changed. Raises :class:`SourcesUnavailable` when the waited-for
        index cannot be built (the old index is then never used: the next question tries
        again)."""
        with self._lock:
            build = self._start_reindex()
        if build is None:
            return False
        if wait:
            self._wait(build)
        return True

    def _start_reindex(self) -> threading.Thread | None:
        """The running re-index, started here when the files differ from the loaded index's;
        ``None`` when they do not. Call with the lock held."""
        if self._build is not None:
            return self._build
        state = self._scan_sources()
        if state == self._source_state:
            return None
        log.info("source documents changed; re-indexing beside the answers")
        self._build_error = None
        self._build = threading.Thread(target=self._reindex, args=(state,), name="reindex", daemon=True)
        self._build.start()
        return self._build

    def _wait(self, build: threading.Thread) -> None:
        build.join()
        with self._lock:
            error = self._build_error
        if error is not None:
            raise SourcesUnavailable(f"通知文件已更改，但无法重新建立索引（{first_line(error, 200)}），"
                                     "请联系管理员。") from error

    def _stale(self, corpus: Corpus) -> frozenset:
        """Ids of the loaded documents whose files changed or went away since they were indexed."""
        now = self._scan_sources()
        names = {n for n in set(now) | set(self._source_state) if now.get(n) != self._source_state.get(n)}
        stems = {Path(n).stem for n in names}
        return frozenset(d for d in corpus.index.documents if d in stems)

    def _being_added(self, corpus: Corpus) -> list[str]:
        """Ids of documents whose files arrived after the loaded index was built, while the new
        index is being built: not searchable yet."""
        if self._build is None:
            return []
        now = self._scan_sources()
        arrived = {Path(n).stem for n in now if now[n] != self._source_state.get(n)}
        return sorted(arrived - corpus.index.documents.keys())

    # --- answering -------------------------------------------------------------------------
    def model_info(self) -> dict:
        return {"embedder": self.embedder.name, "generator": self.generator.name}

    def stream(self, question: str, history: list[tuple[str, str]] | None = None,
               documents: set[str] | None = None) -> Iterator[StreamEvent]:
        """Answer ``question`` stage by stage. ``history`` holds earlier ``(question, answer)``
        turns, oldest first (each question as :attr:`Answer.query` gave it); ``documents``, when
        given, limits the answer to those document ids (else a document the question names
        does, see :func:`qa.library.named_documents`). Raises
        :class:`QuestionError` for an empty question and :class:`SourcesUnavailable` when
        changed documents cannot be indexed.

        A question asking several things in clauses of their own (…有几个，投资多少钱？ qa.asks) gets
        the parts the documents answer — asked together when the whole cannot be answered — and a
        note naming each part they do not."""
        start = time.perf_counter()
        final = None
        for event in self._stages(question, history, documents):
            if event.kind == "final":
                final = event
            else:
                yield event
        assert final is not None
        # (the question as read — instructions set aside — lists what it asks)
        if final.answer.mode != Mode.REFUSED and listed_asks(normalize_query(final.answer.query)):
            parted = self._each_listed(final, history, documents)
        elif final.answer.mode == Mode.ABSTAINED:
            parted = self._in_parts(final, history, documents)
        elif not final.answer.abstained and final.answer.mode != Mode.REFUSED:
            parted = self._unanswered_parts(final, history, documents)
        else:
            parted = final
        if parted is not final:      # the parts' time is the answer's too
            timings = {**parted.answer.timings_ms, "total": round((time.perf_counter() - start) * 1000)}
            parted = StreamEvent("final", answer=replace(parted.answer, timings_ms=timings))
        yield parted

    def _checked_parts(self, asks: list, history, documents) -> list[Answer] | None:
        """Each part's answer as the verbatim extract would give it: whether the documents answer
        it, without a model's time; ``None`` when a part cannot be asked alone (nothing
        searchable in it, the documents being re-indexed) — the whole answer then stands."""
        checker = ExtractiveGenerator()
        try:
            return [next(e.answer for e in self._stages(ask.question, history, documents, checker)
                         if e.kind == "final") for ask in asks]
        except (QuestionError, SourcesUnavailable):
            return None

    @staticmethod
    def _missing_notes(asks: list, answers: list[Answer]) -> list[str]:
        return [prompts.PART_MISSING_NOTE_ZH.format(part=ask.clause.rstrip(" ,，?？;；。!！"),
                                                    reason="".join(a.notes[-1:]).rstrip("。"))
                for ask, a in zip(asks, answers) if a.abstained]

    def _in_parts(self, whole: StreamEvent, history, documents) -> StreamEvent:
        """``whole`` (an abstention) replaced by the answer to the parts of its question the
        documents answer, asked together, when its question asks several kinds of thing
        (qa.asks.separate_asks) and another part is not answered; else ``whole``."""
        earlier = history[-1][0] if history else ""
        corpus, _ = self._current_corpus()
        asks = separate_asks(whole.answer.question, earlier=earlier, corpus_flat=corpus.flat)
        if not asks:
            return whole
        checked = self._checked_parts(asks, history, documents)
        if checked is None:
            return whole
        # a part is given only when what it asks is a kind of fact its answer is checked to hold
        # (a figure, a date, a name): 评价标准是什么？ is "answered" by any sentence naming 星级评价
        # — and names its own subject (各拿了多少 leans on the clause before: alone, any figure fits),
        # or, asking a figure with the subject of the clause before, is answered by a sentence
        # holding every word of that subject the documents hold (…审结数怎么比受理数还多？分别是多少件
        # — 共受理二审知识产权刑事案件55件，共审结…59件); an open part, when it asks the members of
        # a group its answer names (哪些安全筑底三年行动) — and a subject pointed at (那综合为老服务中心呢？)
        # named with what was asked before
        quotes = [[c.quote for c in a.citations] for a in checked]
        given = [ask for ask, a, quoted in zip(asks, checked, quotes)
                 if not a.abstained and pointed_answered(ask, earlier, quoted) and
                 (ask.own_subject or ask.attribute in FIGURE_ATTRIBUTES and _names_own_words(ask.question, a, corpus.flat)) and
                 (ask.attribute != Attribute.OPEN or members_named(ask.clause, quoted) or
                  _quotes_named(ask.clause, quoted))]
        if len(given) == len(asks) >= 2:
            # every part answered alone, each checked (上海品牌认证了多少项，今年“上品”出海怎么打造？ —
            # together, the one's quoted “上品” had been required of the other's figure): each part's
            answer = _with_parts(checked[0], checked[1:], tuple(read_intent(ask.question).wants_figure for ask in asks[1:]))
            return StreamEvent("final", answer=replace(answer, question=whole.answer.question, query=whole.answer.query,
                                                       notes=checked[0].notes))
        if not given or not any(a.abstained for a in checked):
            return whole         # none given, or none missing: the whole's reason holds
        # the parts given asked together, as the message asks them (召回涉及多少件产品？占全国的比例是
        # 多少？ without its 为什么这么高？): the first with its context, the others' own clauses
        question = given[0].question + "".join(ask.clause for ask in given[1:])
        try:
            answer = next(e.answer for e in self._stages(question, history, documents) if e.kind == "final")
        except (QuestionError, SourcesUnavailable):
            return whole
        if answer.abstained:
            return whole
        return StreamEvent("final", answer=replace(answer, question=whole.answer.question,
                                                   notes=self._missing_notes(asks, checked) + answer.notes))

    def _each_listed(self, whole: StreamEvent, history, documents) -> StreamEvent:
        """``whole`` replaced by the answers to each item of a message that lists what it asks
        (qa.asks.listed_asks: 问三个：1 … 2 … 3 …), one after another, with a note for each item
        the documents do not answer; ``whole`` when none is answered. Asked as one question, a
        list is read as one topic (a listing of everything it names) or one figure."""
        asks = separate_asks(whole.answer.query, kinds=False)
        checked = self._checked_parts(asks, history, documents) if asks else None
        if not checked or all(a.abstained for a in checked):
            return whole
        given = [a for a in checked if not a.abstained]
        answer = _with_parts(given[0], given[1:], tuple(True for _ in given[1:]), listings=True)
        notes = self._missing_notes(asks, checked) + given[0].notes
        return StreamEvent("final", answer=replace(answer, question=whole.answer.question, notes=notes,
                                                   query=whole.answer.query, retrieved=whole.answer.retrieved,
                                                   model=whole.answer.model))

    def _unanswered_parts(self, whole: StreamEvent, history, documents) -> StreamEvent:
        """``whole`` (an answer) with a note naming each part of its question the documents do not
        answer (侦破了多少起，罚没多少钱？ — the cited sentence's 涉案金额 is no 罚没), when its
        question asks several things (qa.asks.separate_asks) and some part is answered."""
        corpus, _ = self._current_corpus()
        asks = separate_asks(whole.answer.question, kinds=False, earlier=history[-1][0] if history else "",
                             corpus_flat=corpus.flat)
        if not asks:
            return whole
        checked = self._checked_parts(asks, history, documents)
        if checked is None or all(a.abstained for a in checked):
            return whole
        # each other part the answer does not cover (…例行监测合格率多少，今年农产品追溯怎么安排的？ —
        # the 2023 sentence answers the first part only) is answered after it: after a route's
        # answer (这文件谁发的？) every part, the document being each one's subject; after an
        # extract's or a model's, a part naming its own subject whose answer holds every word of
        # the documents its clause does (今年老字号怎么保护 is not answered by 知识产权 actions)
        structured = whole.answer.mode == Mode.STRUCTURED
        own = [(ask, a) for ask, a in zip(asks, checked)
               if structured or ask.own_subject and _names_own_words(ask.clause, a, corpus.flat)]
        # (a part asking a figure or an item's units is covered by the sentence that states it: 药品
        # 生产数字化追溯归哪个部门？ is not answered by the tasks of 上海海关 quoting its item)
        answer = _with_parts(whole.answer, [a for _, a in own],
                             tuple(read_intent(ask.question).wants_figure or
                                   ask.attribute == Attribute.AGENCY and a.mode == Mode.STRUCTURED for ask, a in own),
                             contents=tuple(not _asks_units(ask.clause, corpus.index) for ask, _ in own))
        if not any(a.abstained for a in checked) and answer is whole.answer:
            return whole
        # a part asking openly what one year did or plans (qa.intent.asks_done_or_planned) is not
        # missing when the answer quotes that year's part (抓假货那块，去年战果咋样，今年还有啥行动 —
        # alone, 去年战果咋样 names nothing the summary writes, yet the comparison quotes its （十三））;
        # a figure, a date or a name asked stays missing unless its own answer gives it
        quoted_years = {y for c in answer.citations for y in path_years(c.path)}

        def quoted_for(ask) -> bool:
            years = asked_years(ask.question, corpus.ref_year)
            return ask.attribute == Attribute.OPEN and asks_done_or_planned(ask.clause) and \
                len(years) == 1 and years <= quoted_years

        missing = [(ask, a) for ask, a in zip(asks, checked) if not quoted_for(ask)]
        notes = self._missing_notes([ask for ask, _ in missing], [a for _, a in missing])
        if not notes and answer is whole.answer:
            return whole
        return StreamEvent("final", answer=replace(answer, notes=notes + answer.notes))

    def _stages(self, question: str, history: list[tuple[str, str]] | None = None,
                documents: set[str] | None = None, generator: Generator | None = None) -> Iterator[StreamEvent]:
        """The pipeline of :meth:`stream` for one question as asked, written by ``generator``
        (the assistant's when ``None``)."""
        clock = _Clock()
        guarded = guard(question, self.settings.max_question_chars)
        corpus, stale = self._current_corpus()
        notes = self._input_notes(guarded)
        added = self._being_added(corpus)
        if added:           # a new document is indexed meanwhile: say so, not a silent 未提及
            notes.append(prompts.ADDING_NOTE_ZH.format(documents="、".join(added)))
        if stale:           # answered from the unchanged documents while the new index is built
            allowed = set(documents or corpus.index.documents) - stale
            if allowed:
                notes.append(prompts.REINDEX_NOTE_ZH.format(documents="、".join(sorted(stale))))
                documents = allowed
            else:           # what was asked about is being re-indexed: wait for it
                self.refresh_if_changed(wait=True)
                corpus, stale = self._current_corpus()
        if guarded.instruction_only:      # nothing asked: no query a follow-up could lean on
            yield self._final(self._refusal(guarded), guarded, "", [], clock, notes)
            return
        named = frozenset(documents or ()) & corpus.index.documents.keys() \
            or frozenset(named_documents(guarded.text, corpus.index.documents))
        for number in unknown_numbers(guarded.text, corpus.index.documents):
            notes.append(prompts.UNKNOWN_NUMBER_NOTE_ZH.format(number=number))
        if named:           # the 文号 names the document; it is not a figure asked about
            guarded = replace(guarded, text=without_numbers(guarded.text, corpus.index.documents))
        query = build_query(guarded, self._recent(history), corpus.ref_year, corpus.speller,
                            self._translator(notes), corpus.terminology, corpus.colloquial)
        query = replace(query, documents=named, limited=bool(documents))
        query = self._renumbered(query, corpus, notes)
        result = self._retrieve(query, corpus)
        for span, years in result.quoted_elsewhere.items():
            note = prompts.QUOTED_YEAR_NOTE_EN if query.english else prompts.QUOTED_YEAR_NOTE_ZH
            notes.append(note.format(span=span, years="、".join(map(str, years)),
                                     asked="、".join(map(str, sorted(query.years)))))
        if history and query.follow_up and WHAT_ELSE.search(query.question):
            # 除了这几样还有别的吗？ — what the earlier answer did not say, not the same sentences again
            rest = beyond_said(corpus.retriever, result, history[-1][1], query.question,
                               self.settings.top_k, self.settings.evidence_sentences)
            if rest:
                result.evidence = rest
        clock.retrieved()
        yield StreamEvent("retrieved", result=result)
        decision = self._before_generation(query, result, corpus)
        if decision is not None and decision.abstained and not query.english:
            # 为什么比全国低7.14个百分点？ — no reason given, and the premise the documents contradict
            notes += direction_notes(query.question, stating_sentences(query.question, result.evidence))
        if decision is None:
            decision = yield from self._generate(query, result, corpus, clock, generator or self.generator)
        elif decision.text:
            clock.first_token()
            yield StreamEvent("delta", text=decision.text)
        yield self._final(decision, guarded, query.text, result.hits[: self.settings.top_k], clock, notes)

    # --- stages the pipeline calls ----------------------------------------------------------
    def _current_corpus(self) -> tuple[Corpus, frozenset]:
        """The index to answer from and the ids of its documents that changed since (re-indexing
        runs meanwhile; their old text must not be cited). When every document changed there is
        nothing current to answer from: the question waits for the new index."""
        with self._lock:
            build = self._start_reindex()
            corpus = self.corpus
            stale = self._stale(corpus) if build is not None else frozenset()
        if build is not None and not (corpus.index.documents.keys() - stale):
            self._wait(build)
            with self._lock:
                return self.corpus, frozenset()
        return corpus, stale

    def _input_notes(self, guarded) -> list[str]:
        limit = self.settings.max_question_chars
        notes = [] if not guarded.cut else \
            [prompts.CUT_AFTER_NOTE_ZH.format(limit=limit, after=guarded.dropped_after)] if guarded.dropped_after else \
            [prompts.CUT_NOTE_ZH.format(limit=limit)]
        if guarded.instruction and not guarded.instruction_only:
            # (写首诗，要把X写进去: the writing is declined, what it was to hold is answered)
            notes.append(prompts.TASK_ASIDE_NOTE_ZH if guarded.task_content else prompts.INSTRUCTION_NOTE_ZH)
        return notes

    def _translator(self, notes: list[str]):
        """The generator's translation, with a failure (a generation server down) told in
        ``notes``: the English question is then searched as it stands."""
        def translate(question: str) -> str | None:
            try:
                return self.generator.translate(question)
            except GeneratorUnavailable as exc:
                notes.append(prompts.UNTRANSLATED_NOTE_ZH.format(error=exc))
                return None
        return translate

    def _recent(self, history) -> list[tuple[str, str]]:
        """The last turns that count: well-formed ``(question, answer)`` pairs of strings with a
        question (a refused message leaves none), each question cut to its last
        ``max_question_chars`` characters as a question itself is, and each answer to four times
        that (a history of pasted pages took minutes to read)."""
        turns = self.settings.max_history_turns
        limit = self.settings.max_question_chars
        pairs = [(keep_end(t[0], limit), t[1][: 4 * limit]) for t in (history or [])
                 if isinstance(t, (list, tuple)) and len(t) == 2
                 and isinstance(t[0], str) and isinstance(t[1], str) and t[0].strip()]
        return pairs[-turns:] if turns else []

    def _before_generation(self, query: Query, result: RetrievalResult, corpus: Corpus) -> Decision | None:
        """An abstention or a structured answer decided before any generator runs, else
        ``None``: the year, place or topic is not in the documents; the structure answers
        (header, agencies); the evidence lacks what is asked; every section on a topic."""
        reason = self._outside(query, corpus)
        if reason is None:
            routed = route_structure(query, result, corpus.index, self.settings.top_k, corpus.retriever)
            if routed is not None:
                return _structured(routed)
            reason = self._unanswerable(query, result, corpus)
        if reason is not None:
            return Decision(Mode.ABSTAINED, "", [], abstained=True, notes=[reason])
        routed = route_topic(query, result)
        if routed is None:
            return None
        # a topic the documents never write (粮食安全, 网络安全) is listed by what is near it in
        # meaning: the user is told so, not left to read the listing as the documents' word on it
        nouns = set(noun_words(query.focus))
        # (not a request to list — 汇总 — nor the documents named with a measure word: 整份文件 cut as 份文件)
        unwritten = [w for w in content_words(query.focus) if len(w) >= 2 and w in nouns and w not in GENERIC_WORDS
                     and w not in WHOLE_WORDS and not re.fullmatch(LIST_VERBS, w)
                     and not (w[0] in "份个条项本篇" and w[1:] in GENERIC_WORDS)
                     and normalize_for_match(w).lower() not in corpus.flat and not corpus.known(w)]
        if unwritten and not query.english:
            routed.notes.append(prompts.UNWRITTEN_TOPIC_NOTE_ZH.format(words="、".join(unwritten)))
        return _structured(routed)

    def _generate(self, query: Query, result: RetrievalResult, corpus: Corpus, clock: "_Clock", generator: Generator):
        """Generation, verification and decision; yields the answer's text as it is written and
        returns the :class:`Decision`. The verbatim extract decides whether the documents
        answer; a model phrases it, and may bring in one of the next-best sentences the extract
        left out."""
        question = query.asked if query.english else query.text
        documents = corpus.index.documents
        request = Request(question, from_named(result.evidence, query.documents, strict=query.limited), query.english,
                          query.intent, query.question, corpus.weights, query.quoted,
                          query.text if query.follow_up else "", query.ref_year)
        if len(query.documents) >= 2:       # several documents named: each answers for itself
            chosen = sorted((e for d in sorted(query.documents)
                             for e in verbatim_extract(replace(request, evidence=[x for x in request.evidence
                                                                                  if x.section.doc_id == d]))),
                            key=lambda e: e.n)
        else:
            chosen = verbatim_extract(request)
        others = parallels(chosen, result.evidence, query.documents, documents, query.question)
        if others:          # another document states it with other figures: both, each cited
            chosen = sorted(chosen + others, key=lambda e: e.n)
            request = replace(request, evidence=sorted({e.n: e for e in request.evidence + others}.values(),
                                                       key=lambda e: e.n))
        quoted = quote(chosen)
        extract = verify(quoted, result.evidence, query, corpus.weights, written=False)
        notes = premise_notes(query, corpus.flat, quoted if extract.ok else "",
                              " ".join(e.sentence.text for e in result.evidence))
        if not query.english:
            notes += direction_notes(query.question, [e.sentence.text for e in chosen] if extract.ok else
                                     stating_sentences(query.question, result.evidence))
        if others:
            titles = "、".join(f"《{documents[d].title}》" for d in dict.fromkeys(e.section.doc_id for e in chosen))
            notes.append(prompts.PARALLEL_NOTE_ZH.format(documents=titles))
        generation = lead = shown = None
        if extract.ok:
            # an English question: the model's part is to say the extract in English — it sees the
            # sentences that answer and no others (with the next-best ones beside them the 1.5B
            # model more often said the notice does not answer: tune English, 19 → 29 of 91 written)
            seen = request.evidence if generator.verbatim else list(chosen) if query.english else \
                model_evidence(chosen, result.evidence)
            generation = generator.generate(replace(request, evidence=seen))
            for piece in generation:
                clock.first_token()
                yield StreamEvent("delta", text=piece)
            notes += self._limit_notes(generation)
            if generation.stop == StopReason.ERROR:     # a server down or gone mid-answer: extracts meanwhile
                return decide(query, extract, generation, None, None, generator.verbatim,
                              generation.error or "unknown error", notes)
            if not generator.verbatim:
                written = complete_sentences(generation.text) if generation.stop in (StopReason.TIMEOUT,
                                                                                     StopReason.LENGTH) else generation.text
                lead = verify(written, seen, query, corpus.weights)
                if lead.ok and _replaces_extract(lead, chosen):
                    # the extract is what answers; a text resting only on other sentences answers
                    # something else (the model may add a sentence, not replace the answer) — nor
                    # replace one side's: a section the extract quotes is cited by its own sentence
                    # (召回 2024: 加强消费品召回管理…, not the section's 探索开展消费品质量调查工作)
                    lead.problems.append("没有用到回答问题的原文")
                shown = self._with_basis(written, lead, chosen, seen, query, corpus) if lead.ok else None
        model_error = self.generator_error if generator is self._generator else None
        return decide(query, extract, generation, lead, shown, generator.verbatim, model_error, notes)

    @staticmethod
    def _with_basis(text: str, lead, chosen: list, seen: list, query: Query, corpus: Corpus):
        """The model's answer followed by the verbatim sentences it rests on (those it cites; the
        extract's when it cites none of them), checked; ``None`` when the answer already carries
        them. An extract sentence the answer does not use is not shown as its source."""
        cited = {c.start for c in lead.grounded.citations}
        keep = {e.n for e in seen if e.sentence.start in cited} or {e.n for e in chosen}
        basis = quote([e for e in seen if e.n in keep])
        if _copies(lead.text, basis):
            return None
        lead_in = prompts.BASIS_EN if query.english else prompts.BASIS_ZH
        return verify(f"{text.rstrip()}\n{lead_in}{basis}", seen, query, corpus.weights)

    @staticmethod
    def _renumbered(query: Query, corpus: Corpus, notes: list[str]) -> Query:
        """``query`` with each series member it places in a year whose part names an earlier one
        (去年办的第二届… where the 2023 part reports the 首届) read as the documents number it,
        and each rank it claims that they never write read as theirs (qa.scope.claimed_ranks),
        and the user told (qa.scope.misnumbered_members)."""
        if query.english:
            return query
        def read_as(query: Query, asked: str, written: str) -> Query:
            return replace(query, **{name: getattr(query, name).replace(asked, written)
                                     for name in ("asked", "question", "text", "focus")})

        years = question_years(query.text, query.ref_year)
        for asked, written in misnumbered_members(query.text, years, corpus.index.sections):
            notes.append(prompts.MEMBER_NOTE_ZH.format(asked=asked, written=written))
            query = read_as(query, asked, written)
        # a rank claimed that the documents never write (上海是不是排第二？ where they write 排名第一)
        for asked, written in claimed_ranks(query.text, corpus.text):
            notes.append(prompts.RANK_NOTE_ZH.format(asked=asked, written=written))
            query = read_as(query, asked, written)
        return query

    def _retrieve(self, query: Query, corpus: Corpus) -> RetrievalResult:
        try:
            return retrieve(corpus.retriever, query, self.settings.top_k, self.settings.evidence_sentences)
        except ValueError as exc:        # nothing searchable left (only symbols or control characters)
            raise QuestionError("请输入一个关于通知内容的问题。") from exc

    @staticmethod
    def _outside(query: Query, corpus: Corpus) -> str | None:
        """The year, the place or organisation, the section or the member of a series (第二批)
        asked about is not in the documents."""
        outside = years_outside(set(query.years), corpus.index.sections, corpus.text)
        if outside:
            return f"通知没有涉及{'、'.join(map(str, sorted(outside)))}年的内容。"
        unknown = unknown_entities(asked_about(about_the_question(query.text)), corpus.text, corpus.known)
        if query.intent.attribute == Attribute.AGENCY:
            # a unit asked about as responsible (…里有没有市财政局？ 财政局负责哪些？): the units' lists
            # answer — the item's, the unit said to be out of them, or none of them (qa.routing)
            unknown = [u for u in unknown if not UNIT_NAME.match(u)]
        if unknown:
            return f"通知没有提到“{'、'.join(unknown)}”。"
        missing = missing_sections(query.question, corpus.index.sections)
        if missing:
            return f"通知中没有{'、'.join(missing)}。"
        ranks = ranks_outside(query.question, corpus.text)
        if ranks:           # 排第二的是哪个省？ where the documents write only 排名第一
            return f"通知没有提到排{'、'.join(ranks)}的是谁。"
        # (every year the question names: 2024年第二届…活动，哪些人能参加？ places the member in 2024)
        later = members_outside(query.text, corpus.text, question_years(query.text, query.ref_year),
                                corpus.index.sections)
        if later:           # 第二批… where the documents name only the 首批
            written = [w for _, w in later if w]
            told = f"（通知写的是“{'、'.join(dict.fromkeys(written))}”）" if written else ""
            return f"通知中没有“{'、'.join(m for m, _ in later)}”的内容，只提到更早的一批（届）{told}。"
        return None

    @staticmethod
    def _unanswerable(query: Query, result: RetrievalResult, corpus: Corpus) -> str | None:
        """The question is off-topic, or its evidence lacks the kind of fact it asks for."""
        nearest = float((corpus.index.sentence_vectors @ result.query_vector).max(initial=-1.0))
        return unanswerable(query, result.evidence, corpus.flat, corpus.weights, corpus.max_weight, corpus.known,
                            nearest)

    def _refusal(self, guarded) -> Decision:
        """A message that is only an instruction: refused; a request to make something up, or to
        write something (an essay, code), is refused as such and counts as not answered."""
        if guarded.fabricate:
            text = prompts.NO_FABRICATION_EN if guarded.english else prompts.NO_FABRICATION_ZH
            return Decision(Mode.REFUSED, text, [], abstained=True)
        if guarded.task:     # 写一篇作文, 用Python写个排序: not a question the documents answer
            return Decision(Mode.REFUSED, prompts.NO_TASK_EN if guarded.english else prompts.NO_TASK_ZH, [],
                            abstained=True)
        return Decision(Mode.REFUSED, prompts.REFUSE_EN if guarded.english else prompts.REFUSE_ZH, [])

    def _limit_notes(self, generation) -> list[str]:
        if generation.stop == StopReason.TIMEOUT:
            limit = getattr(self.generator, "timeout_s", self.settings.generation_timeout_s)
            return [prompts.TIMEOUT_NOTE_ZH.format(limit=limit)]
        if generation.stop == StopReason.LENGTH:
            limit = getattr(self.generator, "max_new_tokens", self.settings.max_new_tokens)
            return [prompts.LENGTH_NOTE_ZH.format(limit=limit)]
        return []

    def _final(self, decision: Decision, guarded, query_text: str, hits: list, clock: "_Clock",
               notes: list[str]) -> StreamEvent:
        text = decision.text
        if decision.abstained and not text:
            text = prompts.ABSTAIN_EN if guarded.english else prompts.ABSTAIN_ZH
        if decision.mode == Mode.REFUSED and decision.abstained and not hits:
            hits = self._nearest(guarded.original)
        titles = {doc_id: d.title for doc_id, d in self.index.documents.items()}
        citations = [replace(c, document=titles.get(c.doc_id, "")) for c in decision.citations]
        answer = Answer(question=guarded.original, text=text, citations=citations,
                        abstained=decision.abstained, mode=decision.mode, query=query_text, retrieved=hits,
                        timings_ms=clock.timings(), model=self.model_info(), notes=notes + decision.notes,
                        dropped=list(decision.dropped))
        return StreamEvent("final", answer=answer)

    def _nearest(self, text: str) -> list:
        try:
            return self.retriever.search(text, top_k=self.settings.top_k).hits[: self.settings.top_k]
        except ValueError:
            return []

    def ask(self, question: str, history: list[tuple[str, str]] | None = None,
            documents: set[str] | None = None) -> Answer:
        """The final :class:`Answer` of :meth:`stream`."""
        final = None
        for event in self.stream(question, history, documents):
            if event.kind == "final":
                final = event.answer
        assert final is not None
        return final


def complete_sentences(text: str) -> str:
    """``text`` without a last sentence that was cut off (no closing punctuation or marker):
    a generation stopped by its limits ends mid-phrase.

    >>> complete_sentences("召回70起[1]。涉及产品近640")
    '召回70起[1]。'
    """
    ends = [m.end() for m in re.finditer(r"(?:[。！？!?；;]|\.(?!\d))(?:\s*\[\d{1,3}\])*|\[\d{1,3}\]", text)]
    return text[: ends[-1]] if ends else ""


# Asking to confirm what the question states (是99.52%吗？ 高8个百分点，对吗？).
_CONFIRM = re.compile(r"吗|对不对|对吧|是吧|是不是|是否|没错|确认|核实|真的")


def premise_notes(query: Query, corpus_flat: str, quoted: str = "", nearby: str = "") -> list[str]:
    """A note for each figure the question states that the documents do not (为什么合格率只有
    89.7%？ when they say 99.7%), for each member of a series they name otherwise (第四届
    where they report the 第五届), and — when it asks to confirm what it states — for each figure
    it states that the ``quoted`` sentences, the answer's, give otherwise in the same measure
    (比全国高8个百分点，对吗？ answered by 高于全国7.14个百分点): the premise is not accepted in
    silence."""
    # a count is read with its measure word (20家: the 20 of 2020 or of 20035 is no count of 家)
    stated = re.findall(r"\d+(?:\.\d+)?\s*[%％]|\d+\.\d+|\d{2,}[万亿]?(?:余|多)?[家个项件人名次起批]", query.question)
    missing = [f for f in dict.fromkeys(stated)
               if not re.search(rf"(?<![\d.]){re.escape(normalize_for_match(f))}", corpus_flat)
               and not re.fullmatch(r"(19|20)\d{2}", f)]
    # a member of a series the documents name otherwise (第四届 where they report the 第五届)
    missing += [words for words, asked, named in series_members(query.text, corpus_flat) if asked not in named]
    differs: list[str] = []
    superseded: set[str] = set()     # missing figures told below with what the answer gives instead
    if quoted and not query.english and _CONFIRM.search(query.question):
        answered = figures_in(quoted)
        # a figure the retrieved sentences (``nearby``) hold may be the answer's, chosen amiss:
        # telling the user theirs is wrong would be worse than saying nothing
        around = set(numbers_in(nearby))
        for f in figures_in(query.question):
            # a figure already told as missing is told again only with what the answer gives
            # instead (2000起 → 原文为1169起), in place of the plainer note
            told = [m for m in missing if normalize_for_match(f.phrase).startswith(normalize_for_match(m))]
            if f.unit in (None, "年") or not re.match(r"\d", f.value) or any(g.value == f.value for g in answered) or \
                    f.value in around and not told:
                continue
            others = list(dict.fromkeys(g.phrase for g in answered if g.unit == f.unit)) or \
                list(dict.fromkeys(g.phrase for g in answered if same_unit(g.unit, f.unit)))
            if others:
                superseded.update(told)
                differs.append(prompts.PREMISE_DIFFERS_NOTE_ZH.format(figure=f.phrase, stated="、".join(others[:2])))
    if quoted and not query.english:
        # a figure the answer gives beside other words (一审受理576件 — 576 is the 审结 count)
        differs += [prompts.PREMISE_OTHER_NOTE_ZH.format(figure=figure, words="、".join(words), stated=stated)
                    for figure, words, stated in figure_said_of_other(query.question, quoted)]
    if quoted and not query.english and claims_place(query.question):
        # a place claimed (…在浦东新区搞，对吧？) that the answer's sentences do not name
        differs += [prompts.PREMISE_PLACE_NOTE_ZH.format(place=p) for p in places_named(query.question)
                    if not names_place(p, quoted)]
    return [prompts.PREMISE_NOTE_ZH.format(figure=f) for f in missing if f not in superseded] + differs


def direction_notes(question: str, sentences: list[str]) -> list[str]:
    """A note when ``question`` gives its subject a direction (比全国低, 减少了) that the first
    of ``sentences`` stating the opposite contradicts (高于全国7.14个百分点): the premise is
    not accepted in silence (:func:`qa.claims.opposite_direction`)."""
    for sentence in sentences:
        found = opposite_direction(question, sentence)
        if found:
            return [prompts.PREMISE_DIRECTION_NOTE_ZH.format(asked=found[0], stated=found[1])]
    return []


def stating_sentences(question: str, evidence: list) -> list[str]:
    """The texts of the ``evidence`` sentences that hold a figure ``question`` states (为什么
    比全国低7.14个百分点 → the sentence with 7.14个百分点): those its premise is about."""
    stated = {f.value for f in figures_in(question) if f.unit not in (None, "年")}
    return [e.sentence.text for e in evidence if stated & {f.value for f in figures_in(e.sentence.text)}]


# Sentences a model sees: the extract's, then the best of the rest up to this many. A model may
# choose a sentence the extract left out; more than this and its choice gets worse (1.5B, tune).
MODEL_EVIDENCE = 4


def model_evidence(chosen: list, evidence: list) -> list:
    """The extract's sentences and the next best ones, up to :data:`MODEL_EVIDENCE`, in
    reading order."""
    picked = {e.n for e in chosen}
    for e in sorted(evidence, key=lambda e: -e.score):
        if len(picked) >= max(MODEL_EVIDENCE, len(chosen)):
            break
        picked.add(e.n)
    return [e for e in evidence if e.n in picked]


# A model's answer that holds this share of the extract's wording says all the extract says.
COPY_SHARE = 0.9


def _copies(answer: str, extract: str) -> bool:
    """True when ``answer`` already carries the extract (share of the extract's character
    bigrams found in it): the verbatim sentences need not follow."""
    grams = han_bigrams(MARKER.sub("", extract))
    return bool(grams) and len(grams & han_bigrams(answer)) / len(grams) >= COPY_SHARE


def _quotes_named(clause: str, quotes: list[str]) -> bool:
    """True when ``clause`` quotes a span (“上品”) and one of ``quotes`` (the sentences its answer
    cites) holds it: the sentence naming what the part names in quotation marks answers it."""
    spans = re.findall(r"[“\"]([^”\"]{2,20})[”\"]", normalize_query(clause))
    return bool(spans) and any(all(normalize_for_match(sp) in normalize_for_match(q) for sp in spans) for q in quotes)


def _names_own_words(clause: str, answer: Answer, corpus_flat: str) -> bool:
    """True when the sentences ``answer`` cites (with their sections' headings) hold every word of
    ``clause`` (a part of a message) that the documents hold (``corpus_flat``, normalised): the
    part's answer is about what the part names, not a neighbour of it."""
    cited = normalize_for_match("".join(c.quote + "".join(c.path) for c in answer.citations)).lower()
    words = [normalize_for_match(w).lower() for w in content_words(strip_years(clause))]
    return all(w in cited for w in words if len(w) >= 2 and w in corpus_flat)


# A part's answer citing more sections than this is a listing of its topic, not its answer.
MAX_PART_SECTIONS = 2


def _with_parts(whole: Answer, parts: list[Answer], figures: tuple[bool, ...] = (), listings: bool = False,
                contents: tuple[bool, ...] = ()) -> Answer:
    """An answer to one part of a message (这文件谁发的？ — a route's; 例行监测合格率多少 — an
    extract's or a model's) followed by the answers of the message's other parts (…今年工作的总体
    思路怎么概括？ …今年农产品追溯怎么安排的？) that cite a section it does not — or, for a part
    asking a figure (``figures[i]`` true), a sentence it does not (公路工程抽检合格率 beside 高标准农田
    of the same section; likewise for a part asking an item's units) — each cited in turn (markers renumbered after ``whole``'s). ``whole``
    itself when every part answered is covered already. A part citing more than
    :data:`MAX_PART_SECTIONS` sections (a listing of its topic) is added only after a route's
    answer or, with ``listings``, to the items of a listed message. A part asking what a section
    says (``contents[i]`` true) is added when ``whole`` cites that section only by its list of
    responsible units."""
    text, citations = whole.text, list(whole.citations)
    cited = {c.section_id for c in whole.citations}
    # (a section cited only by its list of responsible units — 哪个部门负责？ — is not answered for
    # what it says: a part asking that, ``contents[i]`` true — 质量融资增信是干嘛的？ — is added)
    stated = {c.section_id for c in whole.citations if not AGENCIES_ONLY.match(c.quote)}
    quoted = {(c.doc_id, c.start) for c in whole.citations}
    for i, part in enumerate(parts):
        if part.abstained or part.mode == Mode.REFUSED or not part.citations:
            continue
        if not listings and whole.mode != Mode.STRUCTURED and len({c.section_id for c in part.citations}) > MAX_PART_SECTIONS:
            continue        # a listing of a topic across the documents answers no one part of an answer
        # (a sentence is said when the answer quotes it and writes it: a structured answer may cite
        # an item's list of units only to point at the item — 上海海关列为责任单位的任务：（十二）…)
        written = normalize_for_match(MARKER.sub("", text))
        said = all((c.doc_id, c.start) in quoted for c in part.citations) and (
            normalize_for_match(MARKER.sub("", part.text)) in written or
            all(normalize_for_match(c.quote).strip("（）()。；;，, ") in written for c in part.citations))
        if said:
            continue        # saying nothing the answer does not
        if {c.section_id for c in part.citations} <= (stated if i < len(contents) and contents[i] else cited) and \
                (i >= len(figures) or not figures[i] or said):
            continue
        offset = len(citations)
        own, part_text = part.citations, part.text
        fresh = [c for c in part.citations if (c.doc_id, c.start) not in quoted]
        if part.mode == Mode.EXTRACTIVE and part.text == _quoted_text(part.citations):
            # an extract's sentences quoted already are not quoted again (合格率96.04％… for
            # 合格率和竞争力指数分别多少 after the part on it)
            own, part_text = fresh, _quoted_text(fresh)
        elif part.mode == Mode.STRUCTURED and part.text.startswith((LISTING_LEAD_ZH, LISTING_LEAD_EN)) and \
                len(fresh) < len(part.citations):
            # …nor a listing's (跟五个中心有关系吗 after the part quoting the summary's opening)
            lead = LISTING_LEAD_EN if part.text.startswith(LISTING_LEAD_EN) else LISTING_LEAD_ZH
            own, part_text = fresh, listing_text(lead, [(c.section_id, c.label, c.quote, c.n) for c in fresh])
        renumbered = {c.n: offset + k for k, c in enumerate(own, 1)}
        text += re.sub(r"\[(\d+)\]", lambda m: f"[{renumbered.get(int(m.group(1)), int(m.group(1)) + offset)}]", part_text)
        citations += [replace(c, n=renumbered[c.n]) for c in own]
        cited |= {c.section_id for c in part.citations}
        stated |= {c.section_id for c in part.citations}
        quoted |= {(c.doc_id, c.start) for c in part.citations}
    if len(citations) == len(whole.citations):
        return whole
    return replace(whole, text=text, citations=citations)


# Words of a clause asking about responsible units (有没有海关, 教育文化口的部门也参与吗？).
_UNIT_ASKED = re.compile(r"部门|单位|参与|负责|牵头|配合|主管|委办局|谁")


def _asks_units(clause: str, index) -> bool:
    """True when ``clause`` (one ask of a message) asks about responsible units — naming one
    (有没有海关) or asking who takes part (…部门也参与吗？) — not what a section says."""
    return bool(_UNIT_ASKED.search(clause)) or read_intent(clause).attribute == Attribute.AGENCY or \
        bool(agencies_named_in(clause, index))


def _quoted_text(citations: list) -> str:
    """The text of a verbatim extract citing ``citations``: each quote followed by its marker."""
    return "".join(f"{c.quote}[{c.n}]" for c in citations)


def _structured(routed) -> Decision:
    """The decision for a structured answer (:mod:`qa.routing`); one with no evidence says
    what the documents lack: an abstention with that note."""
    if not routed.evidence:
        return Decision(Mode.ABSTAINED, "", [], abstained=True, notes=[routed.text])
    return Decision(Mode.STRUCTURED, routed.text, [make_citation(e.n, e) for e in routed.evidence],
                    notes=list(routed.notes))


class _Clock:
    """Stage times of one answer, in milliseconds since the question arrived."""

    def __init__(self):
        self.t0 = time.perf_counter()
        self.t_retrieved: float | None = None
        self.t_first: float | None = None

    def retrieved(self) -> None:
        self.t_retrieved = time.perf_counter()

    def first_token(self) -> None:
        if self.t_first is None:
            self.t_first = time.perf_counter()

    def timings(self) -> dict:
        now = time.perf_counter()
        retrieved = self.t_retrieved or now
        return {"retrieve": round((retrieved - self.t0) * 1000),
                "first_token": round(((self.t_first or now) - self.t0) * 1000),
                "generate": round((now - retrieved) * 1000), "total": round((now - self.t0) * 1000)}
