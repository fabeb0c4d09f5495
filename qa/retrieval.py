"""Hybrid retrieval: dense (FAISS inner product) + BM25, fused by reciprocal rank fusion, and
the sentence-level evidence drawn from the retrieved sections."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np

from .embedding import Embedder
from .index import EvidenceSentence, Index
from .sections import AGENCIES_ONLY, Section
from .intent import GENERIC_WORDS, LIST_VERBS, OVERVIEW_ASKED, REQUEST_NOUNS, Attribute, overview_topic, read_intent
from .text import common_word, content_words, han_bigrams, han_runs, in_dictionary, normalize_for_match, normalize_query, numbers_in, split_clauses, tokenize


# Sentence score = cosine + LEXICAL_WEIGHT × IDF share of the query's words it holds
# (+ NUMBER_BONUS when it states a figure and one is asked) + RANK_PRIOR / its section's rank.
# Set earlier on the dev set and kept after a check on tune (extractive answer accuracy: 0.888
# at 0.5 and at 0.3, 0.883 at 0.7; 0.883 without the rank prior).
LEXICAL_WEIGHT = 0.5
NUMBER_BONUS = 0.05
RANK_PRIOR = 0.02
# A query word a sentence lacks but its own section's heading holds counts this share of a word
# the sentence holds: a sentence is read in the context of its heading ((十三)“双打”工作力度不断
# 加大 → 共侦破刑事案件…), as retrieval systems prefix chunks with their section titles.
HEADING_SHARE = 0.5
# A sentence that is only an item's heading, "（四）产品质量保持全国领先。": no evidence in it.
HEADING_ONLY = re.compile(r"^[（(][一二三四五六七八九十]+[）)][^。；]{0,40}。?$")


def listable(sentence: EvidenceSentence) -> bool:
    """True when ``sentence`` says something a listing can quote: not a bare item heading
    (（三）推动绿色发展。) and not only a list of responsible units (（市市场监管局、市交通委）)."""
    return not HEADING_ONLY.match(sentence.text) and not AGENCIES_ONLY.match(sentence.text)


@dataclass(frozen=True)
class Retrieved:
    """A retrieved section. ``score`` is the fused RRF score, ``rank`` 1-based; ``dense`` the
    cosine similarity to the query, ``bm25`` the raw BM25 score."""

    section: Section
    score: float
    rank: int
    dense: float
    bm25: float


@dataclass(frozen=True)
class Evidence:
    """A numbered evidence sentence given to the generator; ``n`` is its ``[n]`` marker."""

    n: int
    sentence: EvidenceSentence
    section: Section
    score: float


@dataclass
class RetrievalResult:
    """What retrieval found for one query: the normalised query, its vector ``(dim,)``, the
    ranked sections and the numbered evidence sentences; ``scoped`` is true when the evidence
    follows the query's scope (both sides of a comparison, the sections of a topic) rather than
    the best sections alone."""

    query: str
    normalized: str
    query_vector: np.ndarray
    hits: list[Retrieved]
    evidence: list[Evidence] = field(default_factory=list)
    scoped: bool = False
    # quoted spans written only under years other than those asked, each with its years
    # (:func:`quoted_in_other_years`): searched without the years, and told to the user
    quoted_elsewhere: dict[str, list[int]] = field(default_factory=dict)


def reciprocal_rank_fusion(rankings: list[list[int]], k: int = 60) -> dict[int, float]:
    """Fuse ranked lists of ids: ``score(d) = Σ 1 / (k + rank_i(d))`` with 1-based ranks.

    Cormack, Clarke & Büttcher, "Reciprocal Rank Fusion outperforms Condorcet and individual
    Rank Learning Methods", SIGIR 2009.

    >>> reciprocal_rank_fusion([[1, 2], [2, 3]], k=60)[2] > reciprocal_rank_fusion([[1, 2], [2, 3]], k=60)[1]
    True
    """
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            fused[item] = fused.get(item, 0.0) + 1.0 / (k + rank)
    return fused


RANKERS = ("section", "sentence", "bm25", "rare")   # the rankings fused; fewer = an ablation (bench/compare.py)
# A query word is rare when at most this share of the sections contain it (and at least one
# does); sections holding rare words get a ranking of their own in the fusion.
RARE_SHARE = 0.05
RARE_MIN_SECTIONS = 2
_CODE = re.compile(r"[A-Za-z]{2,}|\d{3,}")     # DCMM, LNG, 20035: a code names exactly one thing
SENTENCE_SCAN_LIMIT = 50_000   # sentences scored exhaustively per query (≈ 75 MB of vectors)
SENTENCE_POOL = 300            # sections whose sentences are scored past that limit


@lru_cache(maxsize=1)
def _thread_pools():
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def _single_threaded():
    """Context in which BLAS and OpenMP (numpy, FAISS) run one thread. For one query vector
    their worker threads only spin afterwards and take both cores from the next query's
    embedding: on 2 cores, retrieval at 10k sections went from 102 to 45 ms p50
    (bench/index_scale.py, profile in docs/BENCHMARKS.md)."""
    return _thread_pools().limit(limits=1)


def _top(scores: np.ndarray, k: int) -> list[int]:
    """Indices of the ``k`` highest ``scores``, best first; ties keep index order (as a stable
    sort would) — ``argpartition`` first, so it costs O(n), not O(n log n).

    >>> _top(np.array([0.1, 0.9, 0.5, 0.9]), 3)
    [1, 3, 2]
    """
    n = len(scores)
    k = min(k, n)
    if k <= 0:
        return []
    part = np.argpartition(-scores, k - 1)[:k] if k < n else np.arange(n)
    # the k-th score may tie with items argpartition left out: take every item at that score
    threshold = scores[part].min()
    chosen = np.flatnonzero(scores >= threshold)
    order = chosen[np.lexsort((chosen, -scores[chosen]))]
    return [int(i) for i in order[:k]]


class HybridRetriever:
    """Dense + BM25 retrieval over an :class:`~qa.index.Index`.

    ``search`` normalises the query (Traditional → Simplified, full → half width, trimmed) and
    ranks sections three ways — section embedding, best sentence embedding, BM25 (Chinese
    queries only) — then fuses the rankings by RRF and selects evidence.
    """

    def __init__(self, index: Index, embedder: Embedder, rrf_k: int = 60, candidates: int = 50,
                 rankers: tuple[str, ...] = RANKERS):
        unknown = set(rankers) - set(RANKERS)
        if unknown or not rankers:
            raise ValueError(f"rankers must be a non-empty subset of {RANKERS}, got {rankers}")
        self.index = index
        self.embedder = embedder
        self.rrf_k = rrf_k
        self.candidates = candidates
        self.rankers = rankers

    @cached_property
    def sentence_idf(self) -> dict[str, float]:
        """Inverse document frequency of each token over the evidence sentences (from the
        tokens stored at build time): token → ``log(1 + n / df)``, n the number of sentences.
        These are the word weights of every check (``qa.engine.Corpus.weights``)."""
        df: Counter[str] = Counter()
        for sentence in self.index.sentences:
            df.update(set(sentence.tokens))
        n = max(1, len(self.index.sentences))
        return {t: math.log(1 + n / c) for t, c in df.items()}

    @cached_property
    def _heading_tokens(self) -> dict[str, frozenset[str]]:
        """The tokens of each section's own heading (the last of its path), by section id; none
        for a document's top level."""
        return {sec.section_id: frozenset(tokenize(sec.path[-1])) if len(sec.path) >= 2 else frozenset()
                for sec in self.index.sections}

    @cached_property
    def _section_texts(self) -> list[str]:
        """Each section's headings and text, in the form used for exact matching."""
        return [normalize_for_match(" ".join(sec.path) + sec.full_text(self.index.doc_text(sec.doc_id))).lower()
                for sec in self.index.sections]

    @cached_property
    def sentence_texts(self) -> list[str]:
        """Each evidence sentence in the form used for exact matching (width, case and spaces
        ignored), in index order."""
        return [normalize_for_match(s.text).lower() for s in self.index.sentences]

    def containing(self, term: str) -> list[int]:
        """Rows of the sections whose headings or text contain ``term`` verbatim (width, case
        and spaces ignored)."""
        key = normalize_for_match(term).lower()
        if re.fullmatch(r"[a-z]+", key):
            # a Latin word is a whole word: 'is' of an English question is not in ISO, nor 'maas' in a longer name
            whole = re.compile(rf"(?<![a-z]){key}(?![a-z])")
            return [i for i, text in enumerate(self._section_texts) if whole.search(text)]
        return [i for i, text in enumerate(self._section_texts) if key and key in text]

    def exact_terms(self, normalized: str, quoted: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
        """``(must, rare)``: the spans an answer's section must contain — quoted spans and codes
        (20035, DCMM) found in the documents — and the rare words of the query (in at most
        ``max(RARE_MIN_SECTIONS, RARE_SHARE × sections)`` sections) that are not common words
        of the language (:func:`qa.text.common_word`)."""
        limit = max(RARE_MIN_SECTIONS, int(RARE_SHARE * len(self.index.sections)))
        must = [t for t in dict.fromkeys([*quoted, *_CODE.findall(normalized)]) if self.containing(t)]
        must = [t for t in must if len(self.containing(t)) <= limit or t in quoted]
        words = list(dict.fromkeys(content_words(normalized)))
        # a word common in the language (成立, 公司) is rare here by chance: it names no one thing
        rare = [w for w in words if w not in must and not common_word(w)
                and 1 <= len(self.containing(w)) <= limit]
        # two adjacent words the documents use as one phrase (质量+标杆 → 质量标杆): a phrase
        # match, like a search engine's phrase query, is rarer than either word
        flat = normalize_for_match(normalized).lower()
        for a, b in zip(words, words[1:]):
            phrase = a + b
            if phrase in flat and phrase not in rare and 1 <= len(self.containing(phrase)) <= limit:
                rare.append(phrase)
        return must, rare

    @cached_property
    def _sentence_rows(self) -> tuple[np.ndarray, np.ndarray]:
        """``(first, count)``: int ``(n_sections,)`` arrays locating each section's sentences,
        which the index keeps contiguous and in section order."""
        row = {s.section_id: i for i, s in enumerate(self.index.sections)}
        owner = np.array([row[s.section_id] for s in self.index.sentences], dtype=np.int64)
        if len(owner) and np.any(np.diff(owner) < 0):
            raise ValueError("index sentences are not grouped by section")
        count = np.bincount(owner, minlength=len(self.index.sections))
        first = np.concatenate([[0], np.cumsum(count)[:-1]]).astype(np.int64)
        return first, count

    def _best_sentence(self, qvec: np.ndarray, candidates: np.ndarray | None) -> np.ndarray:
        """Each section's best sentence similarity to ``qvec``, float ``(n_sections,)``; -1 for
        sections not scored (no sentence, or not among ``candidates`` when given)."""
        first, count = self._sentence_rows
        best = np.full(len(first), -1.0, dtype=np.float32)
        if candidates is None:
            sims = self.index.sentence_vectors @ qvec                       # (n_sentences,)
            has = count > 0
            if len(sims):
                best[has] = np.maximum.reduceat(sims, first[has])
            return best
        candidates = candidates[count[candidates] > 0]
        n_rows = count[candidates]                                          # (n_candidates,)
        out_first = np.cumsum(n_rows) - n_rows
        rows = np.arange(int(n_rows.sum())) + np.repeat(first[candidates] - out_first, n_rows)
        if not len(rows):
            return best
        sims = self.index.sentence_vectors[rows] @ qvec                     # (n_rows,)
        best[candidates] = np.maximum.reduceat(sims, out_first)
        return best

    def search(self, query: str, top_k: int = 3, n_evidence: int = 8,
               allow: Callable[[Section], bool] | None = None,
               evidence_query: str | None = None, quoted: tuple[str, ...] = (),
               n_hits: int | None = None) -> RetrievalResult:
        """Rank the sections for ``query`` and pick ``n_evidence`` numbered sentences from the
        top ``top_k`` sections. ``allow`` keeps only the sections it accepts (e.g. those in the
        year the question asks about); when it accepts none, it is ignored.
        ``evidence_query``, when given, ranks the sentences instead of ``query`` (the question
        without the words that only chose the sections). ``hits`` holds the ``n_hits`` best
        sections (default ``3 × top_k``). Sections that contain the query's
        quoted spans or codes (:meth:`exact_terms`) come first, however the other rankings
        place them: an exact match of a rare token beats dense similarity. Raises
        ``ValueError`` for an empty query."""
        normalized = normalize_query(query)
        if not normalized:
            raise ValueError("empty query")
        qvec = self.embedder.embed_queries([normalized])[0]                 # (dim,)
        n_sections = len(self.index.sections)
        depth = min(n_sections, max(self.candidates, top_k))
        with _single_threaded():   # one query: thread pools cost more than they save (bench/)
            large = len(self.index.sentences) > SENTENCE_SCAN_LIMIT
            # one FAISS search serves the dense ranking and, for a large index, the sentence pool
            searched = min(n_sections, max(depth, SENTENCE_POOL)) if large else depth
            all_scores, all_ids = self.index.section_vectors.search(qvec[None, :], searched)
            dense_scores, dense_ids = all_scores[:, :depth], all_ids[:, :depth]
            dense_ranking = [int(i) for i in dense_ids[0] if i >= 0]
            dense_by_id = {int(i): float(s) for i, s in zip(dense_ids[0], dense_scores[0]) if i >= 0}
            bm25_all = self.index.bm25.scores(normalized)                      # (n_sections,)
            bm25_ranking = [int(i) for i in _top(bm25_all, depth) if bm25_all[i] > 0]
            # best-sentence similarity: a section is as relevant as its most relevant sentence.
            # Up to SENTENCE_SCAN_LIMIT sentences every one is scored; past it, only those of the
            # sections the other two rankings put in their top SENTENCE_POOL.
            candidates = None
            if large:
                pool_ids = all_ids[0][:SENTENCE_POOL]
                candidates = np.unique(np.concatenate([pool_ids[pool_ids >= 0],
                                                       np.array(_top(bm25_all, SENTENCE_POOL), dtype=np.int64)]))
            best_sentence = self._best_sentence(qvec, candidates)
            sentence_ranking = [int(i) for i in _top(best_sentence, depth) if best_sentence[i] > -1.0]
            rankings = []
            if "section" in self.rankers:
                rankings.append(dense_ranking)
            if "sentence" in self.rankers:
                rankings.append(sentence_ranking)
            if "bm25" in self.rankers and re.search(r"[\u4e00-\u9fff]", normalized):
                rankings.append(bm25_ranking)     # BM25 over Chinese words says nothing about English
            must, rare = self.exact_terms(normalized, quoted)
            if "rare" in self.rankers and rare:
                held = Counter(i for w in rare for i in self.containing(w))
                rankings.append(sorted(held, key=lambda i: (-held[i], i)))
            fused = reciprocal_rank_fusion(rankings, k=self.rrf_k)
            matched = Counter(i for t in must for i in self.containing(t))
            for i in matched:             # a section holding a quoted span ranks, whatever else
                fused.setdefault(i, 0.0)
            order = sorted(fused, key=lambda i: -fused[i])
            if matched:
                order = sorted(order, key=lambda i: -matched.get(i, 0))      # stable: fused order within
            if allow is not None:
                kept = [i for i in order if allow(self.index.sections[i])]
                order = kept or order
        hits = []
        for rank, i in enumerate(order[:n_hits or max(top_k, 1) * 3], start=1):
            section = self.index.sections[i]
            dense = dense_by_id.get(i)
            if dense is None:
                dense = float(self.index.section_vectors.reconstruct(i) @ qvec)
            hits.append(Retrieved(section, fused[i], rank, dense, float(bm25_all[i])))
        result = RetrievalResult(query, normalized, qvec, hits)
        if evidence_query:
            focus = normalize_query(evidence_query)
            result.evidence = self.select_evidence(
                RetrievalResult(evidence_query, focus, self.embedder.embed_queries([focus])[0], hits),
                hits[:top_k], n_evidence)
        else:
            result.evidence = self.select_evidence(result, hits[:top_k], n_evidence)
        return result

    def sentence_scores(self, normalized: str, qvec: np.ndarray,
                        sentences: list[EvidenceSentence]) -> np.ndarray:
        """Relevance of each sentence to the query, float ``(len(sentences),)``: cosine
        similarity plus the IDF-weighted share of the query's words it contains, plus a bonus
        when it holds a number and the question asks for one."""
        if not sentences:
            return np.zeros(0)
        ids = np.array([s.sentence_id for s in sentences])
        with _single_threaded():
            dense = self.index.sentence_vectors[ids] @ qvec                # (n,)
        q_tokens = set(tokenize(normalized))
        idf = self.sentence_idf
        total = sum(idf.get(t, 1.0) for t in q_tokens) or 1.0
        headings = self._heading_tokens
        lexical = []
        for s in sentences:
            own = q_tokens & set(s.tokens)
            context = (q_tokens & headings.get(s.section_id, frozenset())) - own
            lexical.append((sum(idf.get(t, 1.0) for t in own)
                            + HEADING_SHARE * sum(idf.get(t, 1.0) for t in context)) / total)
        lexical = np.array(lexical)
        wants_number = read_intent(normalized).wants_figure
        numeric = np.array([1.0 if numbers_in(s.text) else 0.0 for s in sentences])
        return dense + LEXICAL_WEIGHT * lexical + (NUMBER_BONUS * numeric if wants_number else 0.0)

    def select_evidence(self, result: RetrievalResult, hits: list[Retrieved], n: int) -> list[Evidence]:
        """The ``n`` best sentences of the ``hits`` sections, numbered 1..n in reading order
        (section rank, then position in the document)."""
        pool: list[tuple[EvidenceSentence, Retrieved]] = []
        for hit in hits:
            for sentence in self.index.sentences_of(hit.section.section_id):
                if not HEADING_ONLY.match(sentence.text):
                    pool.append((sentence, hit))
        if not pool:
            return []
        scores = self.sentence_scores(result.normalized, result.query_vector, [s for s, _ in pool])
        # a small prior for the better-ranked section: ties go to the section retrieval preferred
        scores = scores + np.array([RANK_PRIOR / h.rank for _, h in pool])
        best = sorted(np.argsort(-scores)[:n], key=lambda i: (pool[i][1].rank, pool[i][0].start))
        return [Evidence(k, pool[i][0], pool[i][1].section, float(scores[i]))
                for k, i in enumerate(best, start=1)]


# What a comparison asks of each side (2023的数据, 今年的计划, 去年成绩和今年安排, 有啥新动作): a
# request, not a topic. Taken only where it follows a year, 的, 和 or a question word, so that a
# name ending in one (领航计划, 伙伴计划, 上海数据) keeps it. Not qa.intent.REQUEST_NOUNS, which
# judges whether a part names a topic: 部署 is the plan's own verb (部署“铁拳”…) and stays searched,
# and 工作/内容/重点 are left to the ranking.
_SIDE_REQUEST = re.compile(r"(?<=[年的和与跟及、啥么\s])(?:具体)?(?:数据|数字|计划|打算|安排|成绩|成果|战果|成效|"
                           r"情况|进展|新动作|动作|新举措|举措|对比|比较)"
                           r"(?=$|[\s，,。？?！!、：:；;和与跟及呢吗啊分各都是有怎如咋对比])")   # not 数据认证
# A year written in digits (2023, 2024年): a comparison's sections are limited to its years
# already; searched for, it finds the “（2023—2025年）” of action plans' titles.
_DIGIT_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?:年度?)?(?!\d)")


def compare_topic(text: str) -> str:
    """``text`` without what a comparison asks of each side (:data:`_SIDE_REQUEST`): the words
    left name the topic both sides are searched for. Unchanged when nothing would be left.

    >>> compare_topic("工程质量 2023的数据和2024的计划")
    '工程质量 2023的 和2024的 '
    >>> compare_topic("智能工厂领航计划 去年和今年"), compare_topic("去年搞的数据认证和今年的有啥区别")
    ('智能工厂领航计划 去年和今年', '去年搞的数据认证和今年的有啥区别')
    """
    stripped = _SIDE_REQUEST.sub(" ", text)
    return stripped if content_words(stripped) else text


# Words pointing at the topic named right before them (放心消费这事, 召回这块, 绿色低碳这方面): a
# frame, not the topic — searched for, they rank sections by their own sense (这事 found 监管
# items before 放心消费's own).
_FRAME = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z0-9”》）)])(?:这事儿?|这件事|这块儿?|这一块|那块|那一块|这方面|这一?行(?![动为政驶李])|"
                    r"这个事情?|那件事|那个事情?|这些事)")


def without_frame(text: str) -> str:
    """``text`` without the words that point at a topic named before them (:data:`_FRAME`);
    unchanged when nothing would be left.

    >>> without_frame("放心消费这事，两年对比"), without_frame("这事谁牵头？")
    ('放心消费 ，两年对比', '这事谁牵头？')
    >>> without_frame("检测机构给这行办啥比赛"), without_frame("“铁拳”这行动今年还搞吗")
    ('检测机构给 办啥比赛', '“铁拳”这行动今年还搞吗')
    """
    stripped = _FRAME.sub(" ", text)
    return stripped if content_words(stripped) else text


# Scopes beyond one section (qa.intent.Scope): how much evidence they gather.
MAX_SCOPE_SECTIONS = 6   # ALL: sections drawn on at most (a list longer than this is not read)
PER_SECTION = 2          # a section's sentences taken for each document, subject or opening
# COMPARE: sentences taken from each side's section — a side's item often says several things
# (医疗服务: 国家医学中心 and 医联体 in two sentences); on tune's 552 comparisons 2 → 3 (with
# qa.extract.COMPARE_KEEP_RATIO; a side asking a count keeps its count's sentence) gained 11 and
# lost none, and its multi questions asked of both years 7, none lost; citation precision unchanged
# (the added sentences are the side's own section)
PER_SIDE = 3
PER_TOPIC_SECTION = 4    # ALL: sentences on the topic taken from each section
MAX_TOPIC_SENTENCES = 12


def retrieve(retriever: HybridRetriever, query, top_k: int, n_evidence: int) -> RetrievalResult:
    """The retrieval stage for a :class:`qa.query.Query`: sections ranked for its text (limited
    to the years it asks about), evidence chosen for its scope —

    * ``single``: the ``n_evidence`` best sentences of the ``top_k`` best sections;
    * ``compare``: the best sections of each year asked (or of each year the sections are
      scoped to), :data:`PER_SIDE` sentences each, so that both sides are there;
    * ``all``: every section that mentions the topic — the quoted spans, or else the question's
      most specific word — up to :data:`MAX_SCOPE_SECTIONS`, best first.

    Raises ``ValueError`` for a query with nothing searchable.
    """
    from .intent import Scope
    from .scope import section_years

    years = set(query.years)
    documents = query.documents
    elsewhere = quoted_in_other_years(retriever, query.quoted, years)
    if elsewhere:
        # a name quoted (《…若干规定》是不是2024年才要出台的？) that the documents write only in
        # another year's sections: the year is the asker's premise, checked against where it is
        years = set()

    def allow(s: Section) -> bool:
        """Sections of the documents the question is limited to, in the years it asks about."""
        return ((not documents or s.doc_id in documents)
                and (not years or not section_years(s) or bool(section_years(s) & years)))

    scope = query.intent.scope
    wide = scope != Scope.SINGLE
    # a translated English question is searched in both languages: the translation's wording
    # may miss what the original names (arrest-review → 审查逮捕)
    text = f"{query.text} {query.asked}" if query.english and query.text != query.asked else query.text
    text, focus = without_frame(text), without_frame(query.focus)
    if scope == Scope.COMPARE:
        # what each side is asked for (2023的数据和2024的计划, 成绩和安排) is not the topic: searched
        # for, 数据 finds the 上海数据 item and 计划 the 研发计划 one before 工程质量's own items
        # — nor are its years written in digits (:data:`_DIGIT_YEAR`)
        text, focus = compare_topic(_DIGIT_YEAR.sub(" ", text)), compare_topic(focus)
    result = retriever.search(text, top_k=top_k, n_evidence=n_evidence, allow=allow if years or documents else None,
                              evidence_query=focus if years else None, quoted=query.quoted,
                              n_hits=4 * MAX_SCOPE_SECTIONS if wide else None)
    scoped = []
    if OVERVIEW_ASKED.search(normalize_query(query.asked if query.english else query.text)):
        scoped = _opening_evidence(retriever, result, text, allow)
    if not scoped and scope == Scope.COMPARE:
        scoped = _compare_evidence(retriever, result, years, query)
    elif not scoped and scope == Scope.ALL:
        scoped = _topic_evidence(retriever, result, query)
    if not scoped and len(documents) >= 2 and scope == Scope.SINGLE:
        scoped = _per_document_evidence(retriever, text, documents)
    if not scoped and scope == Scope.SINGLE and not query.english:
        scoped = _per_subject_evidence(retriever, result, query, allow)
    if scoped:
        result.evidence, result.scoped = scoped, True
    result.quoted_elsewhere = elsewhere
    return result


def quoted_in_other_years(retriever: HybridRetriever, quoted: tuple[str, ...], years: set[int]) -> dict[str, list[int]]:
    """The spans of ``quoted`` that the documents write, but only in sections of years other than
    ``years``, each with those years in order (《…若干规定》 asked of 2024, written in the 2023
    summary → ``{'…若干规定': [2023]}``). Empty when ``years`` is."""
    from .scope import section_years

    sections = retriever.index.sections
    out = {}
    for span in quoted if years else ():
        held = [section_years(sections[i]) for i in retriever.containing(span)]
        if held and all(h and not h & years for h in held):
            out[span] = sorted(set().union(*held))
    return out


MAX_OPENINGS = 4


def _opening_evidence(retriever: HybridRetriever, result: RetrievalResult, text: str, allow) -> list[Evidence]:
    """The opening paragraphs (a part's text before its first numbered item: a section whose
    path is the part heading alone) of the documents and years ``allow`` admits, best
    sentences first, up to :data:`MAX_OPENINGS`; they become the first hits. Empty when the
    documents have none."""
    # the question's own topic, if any, must be what the opening speaks of — at least half its
    # words (质量强国建设怎么定位: yes; 工程质量总体怎么样 asks the 工程质量 item, not the year's line)
    topic = [normalize_for_match(w).lower() for w in overview_topic(text)]
    named = re.findall(r"第[一二三四五六七八九十]+部分", normalize_query(text))    # 第一部分开头那段
    openings = [s for s in retriever.index.sections if len(s.path) == 1 and allow(s)
                and (not named or any(s.path[0].startswith(p) for p in named))
                and sum(w in normalize_for_match(s.text).lower() for w in topic) >= len(topic) / 2][:MAX_OPENINGS]
    picked: list[Evidence] = []
    first: list[Retrieved] = []
    for opening in openings:
        own = retriever.search(text, top_k=1, n_evidence=PER_SECTION,
                               allow=lambda s, sid=opening.section_id: s.section_id == sid)
        if own.hits and own.hits[0].section.section_id == opening.section_id:
            picked += own.evidence
            first.append(own.hits[0])
    if not picked:
        return []
    first.sort(key=lambda h: -h.score)
    held = {h.section.section_id for h in first}
    hits = first + [h for h in result.hits if h.section.section_id not in held]
    result.hits = [Retrieved(h.section, h.score, rank, h.dense, h.bm25) for rank, h in enumerate(hits, start=1)]
    return _renumber(picked)


def _per_document_evidence(retriever: HybridRetriever, text: str, documents) -> list[Evidence]:
    """The best section of each document a question names (上海市和示范区…分别), so that each
    is there to answer for itself."""
    picked: list[Evidence] = []
    for doc_id in sorted(documents):
        own = retriever.search(text, top_k=1, n_evidence=PER_SECTION, allow=lambda s, d=doc_id: s.doc_id == d)
        picked += [e for e in own.evidence if e.section.doc_id == doc_id]
    return _renumber(picked) if len({e.section.doc_id for e in picked}) >= 2 else []


def _per_subject_evidence(retriever: HybridRetriever, result: RetrievalResult, query, allow) -> list[Evidence]:
    """For a figure asked of each of several subjects (A和B各有几家？ —
    :func:`qa.extract.figure_parts`), the best sentences of the own best section of each
    subject no figure of the question's evidence answers (:data:`qa.decision.MIN_FIGURE_SCORE`):
    one search for the whole question may leave a subject's section out. Empty when fewer than
    two subjects are asked or nothing is added."""
    from .claims import rank_figures
    from .decision import MIN_FIGURE_SCORE
    from .extract import figure_parts

    parts = [(part, intent) for part, intent, context in figure_parts(query.focus, query.intent)
             if context == part]
    if len(parts) < 2:
        return []
    held = {e.sentence.sentence_id for e in result.evidence}
    added: list[Evidence] = []
    for part, intent in parts:
        ranked = rank_figures(part, result.evidence, intent.unit, retriever.sentence_idf)
        if any(a.match >= MIN_FIGURE_SCORE for a in ranked):
            continue          # the evidence answers this subject already
        own = retriever.search(part, top_k=1, n_evidence=PER_SECTION, allow=allow)
        added += [e for e in own.evidence if e.sentence.sentence_id not in held]
        held |= {e.sentence.sentence_id for e in own.evidence}
    return _renumber(list(result.evidence) + added) if added else []


# A follow-up asking what else there is (除了这几样还有别的吗？ 除了长三角那块，还有别的安排没？), and
# what it sets aside after 除了 (those words that name a topic).
WHAT_ELSE = re.compile(r"除了|还有(?:没有)?(?:别的|其他|其它|啥别的|什么别的)|另外还有|别的还有")
_SET_ASIDE = re.compile(r"除了(?P<aside>[^，,。？?！!]{1,16}?)(?:那块|这块|那些|这些|那个|这个|那几样|这几样|以外|之外|外)?(?=[，,。？?！!]|还)")
# A sentence is said already when this share of its character pairs is in the earlier answer —
# or a run of this many Chinese characters (五五购物节, 上海旅游节: the earlier answer may be put in
# other words around the names it gives).
SAID_SHARE = 0.6
SAID_RUN = 5


def beyond_said(retriever: HybridRetriever, result: RetrievalResult, said: str, question: str,
                top_k: int, n: int) -> list[Evidence]:
    """Evidence for a follow-up asking what else there is (:data:`WHAT_ELSE`): the best ``n``
    sentences of the ``top_k`` best sections of ``result`` that the earlier answer (``said``)
    did not already say (:data:`SAID_SHARE` of a sentence's character pairs in it, or a run of
    :data:`SAID_RUN` characters — unless a clause of it the answer left out holds a word the
    follow-up asks with: 还设立了啥 after 获批…本科专业) and that do not name what the question sets
    aside after 除了 (除了这个… points at what was said, and sets no topic aside) —
    numbered 1..n in reading order; ``[]`` when none is left."""
    said = normalize_for_match(said)
    said_pairs, said_runs = han_bigrams(said), han_runs(said, SAID_RUN)
    aside = _SET_ASIDE.search(normalize_query(question))
    # (除了这个专业 points at what was said — the said check leaves it out — and names no topic)
    set_aside = [normalize_for_match(w).lower() for w in content_words(aside.group("aside"))] \
        if aside and not re.match(r"[这那]", aside.group("aside")) else []
    # the words the follow-up asks with (还设立了啥: 设立), outside what it sets aside
    asking = [normalize_for_match(w).lower() for w in content_words(_SET_ASIDE.sub("", normalize_query(question)))]

    def unsaid(flat: str) -> bool:      # (``flat``: normalised for matching)
        pairs = han_bigrams(flat)
        return not (pairs and len(pairs & said_pairs) >= SAID_SHARE * len(pairs) or han_runs(flat, SAID_RUN) & said_runs)

    def new(sentence: EvidenceSentence) -> bool:
        flat = normalize_for_match(sentence.text)
        # a sentence said in part is new by a clause the earlier answer left out that holds what
        # is asked (获批“标准化工程”本科专业 said; 除了这个还设立了啥 → …，设立国际标准化实训基地)
        if not unsaid(flat) and not any(unsaid(c) and any(w in c.lower() for w in asking)
                                        for c in split_clauses(flat)):
            return False
        return not any(w in flat.lower() for w in set_aside)

    pool = [e for e in retriever.select_evidence(result, result.hits[:top_k], 4 * n)
            if e.section.path and listable(e.sentence) and new(e.sentence)]
    best = sorted(sorted(pool, key=lambda e: -e.score)[:n], key=lambda e: e.n)
    return [Evidence(k, e.sentence, e.section, e.score) for k, e in enumerate(best, start=1)]


def _renumber(evidence: list[Evidence]) -> list[Evidence]:
    """Evidence numbered 1..n in document order."""
    ordered = sorted(evidence, key=lambda e: (e.section.doc_id, e.sentence.start))
    return [Evidence(k, e.sentence, e.section, e.score) for k, e in enumerate(ordered, start=1)]


def _figure_pieces(part: str) -> list[str]:
    """``part`` cut into the clauses that each ask a figure (:func:`qa.extract.figure_parts`),
    the clauses before the first (its topic: 药品质量这块：) kept with each; ``[part]`` when it
    asks fewer than two."""
    from .extract import figure_parts

    pieces = [p for p, _, _ in figure_parts(part)]
    if len(pieces) < 2:
        return [part]
    lead = part[: part.find(pieces[0])] if part.find(pieces[0]) > 0 else ""
    return [p if p == pieces[0] else f"{lead}{p}" for p in pieces]


def _compare_evidence(retriever: HybridRetriever, result: RetrievalResult, years: set[int], query) -> list[Evidence]:
    """The best section of each side: for a year that one part of the question asks about on
    its own (去年…多少？今年…什么？), the best section of that year for that part (a later part
    with the first part's words, where the topic is named); else the best-ranked section of
    that year for the whole question — or, when that one names none of the topic's words, the
    best-ranked whose heading does. Up to :data:`PER_SIDE` sentences each; ``[]`` when fewer
    than two sections are found."""
    from .extract import sub_questions
    from .scope import TIME_WORDS, asked_years, section_years, strip_years

    scoped = {y for h in result.hits for y in section_years(h.section)}
    sides = sorted(years & scoped) if len(years & scoped) >= 2 else sorted(scoped)
    parts = {}
    pieces = sub_questions(query.text)
    for i, part in enumerate(pieces):
        own = asked_years(part, query.ref_year)
        if len(own) == 1:      # a later part takes its topic from the first (X去年…？今年还…？)
            parts.setdefault(next(iter(own)), part if i == 0 else f"{part} {strip_years(pieces[0])}")
    if len(pieces) == 1:
        # one sentence whose clauses each ask of one year (领导小组这套机制，去年调整了啥，今年要怎么
        # 发挥作用): each year's clause with the clauses that name no year (the topic) — a later
        # one with what the first writes before its year too (“一站式”服务去年有几个项目，今年还有
        # 啥帮扶？), not what the first asks of its own year (调整了啥)
        clauses = [c for c in re.split(r"[，,；;：:。]", query.text) if c.strip()]
        dated = [(c, asked_years(c, query.ref_year)) for c in clauses]
        lead = " ".join(c for c, own in dated if not own)
        first = next((c for c, own in dated if len(own) == 1), "")
        if lead and sum(len(own) == 1 for _, own in dated) >= 2:
            for c, own in dated:
                if len(own) == 1:
                    parts.setdefault(next(iter(own)), f"{lead} {c}" if c == first else f"{lead} {c} {TIME_WORDS.split(first)[0]}")
    # (words naming a topic: not the documents' common ground — 建设, 工作 — nor what is asked of it)
    topic = [normalize_for_match(w).lower() for w in content_words(compare_topic(strip_years(query.focus)))
             if w not in GENERIC_WORDS and w not in REQUEST_NOUNS and
             0 < len(retriever.containing(w)) <= TOPIC_WORD_SHARE * len(retriever.index.sections)]

    def names(hit, heading_only: bool, words=None) -> bool:   # a topic word in the section's heading (or sentences)
        said = [] if heading_only else [s.text for s in retriever.index.sentences_of(hit.section.section_id)
                                        if listable(s)]
        flat = normalize_for_match("".join(said + hit.section.path[-1:])).lower()
        return any(w in flat for w in (topic if words is None else words))

    picked: list[Evidence] = []
    for year in sides:
        part = parts.get(year)
        found = []
        # each figure the side's part asks (去年抽检合格率多少、检查了多少家次？) may stand in a
        # section of its own
        for piece in _figure_pieces(part) if part is not None else []:
            own = retriever.search(piece, top_k=1, n_evidence=PER_SIDE, allow=lambda s, y=year: y in section_years(s))
            said = [normalize_for_match(w).lower() for w in content_words(strip_years(piece))
                    if w not in GENERIC_WORDS and w not in REQUEST_NOUNS]
            if own.hits and not names(own.hits[0], False, said):
                # a side's section that says none of the piece's words (its list of responsible units
                # may: （十八）'s 市质量工作领导小组成员单位 for 今年机制上怎么弄 领导小组成员单位) gives way
                # to the first of the piece's hits naming the topic (（一）'s 领导小组统筹协调机制)
                naming = next((h for h in own.hits if year in section_years(h.section) and names(h, False)), None)
                if naming is not None:
                    own = retriever.search(piece, top_k=1, n_evidence=PER_SIDE,
                                           allow=lambda s, sid=naming.section.section_id: s.section_id == sid)
            if own.hits and year in section_years(own.hits[0].section) and \
                    own.hits[0].section.section_id not in {e.section.section_id for e in found}:
                found += own.evidence
        if found:
            picked += found
            continue
        ranked = [h for h in result.hits if year in section_years(h.section)]
        # the year's best section, when it names the topic in what it says or in its heading (not in
        # its list of responsible units); else the best whose heading names it (工程质量 → （五）工程
        # 质量水平稳步提升, not （二）, ranked above it for its 产品、工程和服务质量行动方案, whose
        # sentences qa.extract then drops as naming nothing asked — the comparison was one-sided)
        if ranked and not names(ranked[0], False):
            ranked = [h for h in ranked if names(h, True)][:1] or [h for h in ranked if names(h, False)][:1] or ranked
        picked += retriever.select_evidence(result, ranked[:1], PER_SIDE)
    return _renumber(picked) if len({e.section.section_id for e in picked}) >= 2 else []


# The topic's words found in the documents must carry at least this share of the question's
# content (IDF-weighted; a word the documents never use weighs most) for a listing of the
# sentences that hold them; below it (半导体, 小孩用的东西: the documents say 芯片, 儿童用品) a
# word match lists the wrong sentences, and the sentences nearest in meaning are listed instead
# (:data:`TOPIC_MARGIN`).
TOPIC_LEXICAL_SHARE = 0.5


_RELATED = re.compile(r"有关|相关|涉及|关联|牵涉")
# A listing asked of everything on a topic (都帮我列出来, 所有, 凡是…): every section naming it, not
# only those whose headings do.
_EVERYTHING = re.compile(rf"都(?:给我|帮我|替我|为我)?(?:{LIST_VERBS}|捋)|所有|全部|凡是|一切")


def _topic_evidence(retriever: HybridRetriever, result: RetrievalResult, query) -> list[Evidence]:
    """Sentences about the query's topic, up to :data:`PER_TOPIC_SECTION` per section and
    :data:`MAX_SCOPE_SECTIONS` sections, in retrieval order: those holding a span it quotes, or
    all of its words found in the documents (the commonest dropped until some sentence holds the
    rest), only from the sections whose headings name it when some do (unless what relates to
    it is asked: :data:`_RELATED`); then — unless a term's own mentions are asked, or headings
    name the topic — the sentences nearest the question in meaning (:func:`_nearest_in_meaning`),
    up to :data:`MAX_TOPIC_SENTENCES`. When those words carry too little of the question
    (:data:`TOPIC_LEXICAL_SHARE`), the sentences nearest in meaning alone
    (:func:`_nearest_topic_evidence`). Numbered 1..n in document order."""
    if not query.quoted and not content_words(query.focus):
        return []          # no topic to list (文件里关于，的内容有哪些？ 🚗相关的都有啥？)
    index = retriever.index
    allowed = {h.section.section_id: h for h in result.hits if h.section.path}     # not a header
    candidates = [s for s in index.sentences if s.section_id in allowed and listable(s)]
    groups = _topic_groups(retriever, query)
    if groups is None:     # the topic is not named in the documents' words: the nearest in meaning
        nearest = _nearest_topic_evidence(retriever, result, query)
        return _renumber(_each_year_held(retriever, result, query, nearest)) if nearest else []
    pool: dict[str, list[EvidenceSentence]] = {}
    headings = {sid: normalize_for_match(index.section(sid).path[-1]).lower() for sid in allowed}
    for sentence in candidates:
        flat = normalize_for_match(sentence.text).lower()
        # a section whose own heading names the topic ((十八）加强质量文化建设) is about it throughout
        if any(all(k in flat for k in group) or all(k in headings[sentence.section_id] for k in group)
               for group in groups):
            pool.setdefault(sentence.section_id, []).append(sentence)
    named = {sid for sid in pool if any(all(k in headings[sid] for k in group) for group in groups)}
    own_sections = bool(named) and not query.quoted and query.intent.attribute != Attribute.MENTIONS \
        and not _RELATED.search(query.focus) and not _EVERYTHING.search(query.asked)
    if own_sections:
        # sections whose headings name the topic (品牌 → （九）质量品牌培育力度不断加大) are what the
        # documents say of it; its word elsewhere (上海数据品牌, 中国品牌日) is about other things,
        # unless what relates to it is asked (跟长三角有关的都有哪些？)
        pool = {sid: pool[sid] for sid in named}
    picked: list[Evidence] = []
    for sid in sorted(pool, key=lambda sid: allowed[sid].rank)[:MAX_SCOPE_SECTIONS]:
        sentences = pool[sid]
        scores = retriever.sentence_scores(result.normalized, result.query_vector, sentences)
        for i in np.argsort(-scores)[:PER_TOPIC_SECTION]:
            picked.append(Evidence(0, sentences[i], index.section(sid), float(scores[i])))
    picked = sorted(picked, key=lambda e: -e.score)[:MAX_TOPIC_SENTENCES]
    if own_sections or query.quoted or query.intent.attribute == Attribute.MENTIONS or \
            (query.intent.standing and picked):
        # where a term is written: the term itself, nothing near it; how a topic stands
        # (召回那块咋样？): what is said of it in its words — with the sentences nearest in meaning
        # added, such listings on tune grew from 1.3 to 10.6 citations, 0.40 of them in a gold section
        return _renumber(_each_year_held(retriever, result, query, picked))
    # and what is about the topic in other words (药品 → 食药环犯罪“昆仑2024”, 打假 → “铁拳”):
    # the sentences nearest in meaning to the question, those the word match did not list
    return _renumber(_each_year_held(retriever, result, query,
                                     picked + _nearest_in_meaning(retriever, result, query, picked)))


def _each_year_held(retriever: HybridRetriever, result: RetrievalResult, query,
                    picked: list[Evidence]) -> list[Evidence]:
    """``picked`` with, for each year the query asks about (two or more: 去年和今年各叫什么) that
    none of its sections is scoped to, the section of that year a search for the focus and the
    best ``picked`` sentences ranks first, with its :data:`PER_TOPIC_SECTION` best sentences
    (relevance feedback, as in Rocchio's method) — when they or its heading name a word of the
    question's topic. A listing asked of both years gives both, though only one year's heading
    names the topic (（十三）加强侵权假冒打击力度 beside （十三）“双打”工作力度不断加大). Unnumbered;
    ``picked`` itself when nothing is missing."""
    from .scope import section_years

    years = set(query.years)
    if len(years) < 2 or not picked:
        return picked
    held = set().union(*(section_years(e.section) for e in picked))
    # (searched with the sentences found beside the question — relevance feedback: the plan's
    # “剑网”专项行动 finds the summary's “剑网2023”, where the question's words alone tie with
    # another item's 专项监测…打击)
    found = " ".join(e.sentence.text for e in sorted(picked, key=lambda e: -e.score)[:PER_TOPIC_SECTION])
    topic = [w for w in content_words(query.focus) if w not in GENERIC_WORDS and w not in REQUEST_NOUNS]
    added: list[Evidence] = []
    for year in sorted(years - held):
        own = retriever.search(f"{without_frame(query.focus)} {found}", top_k=1, n_evidence=PER_TOPIC_SECTION,
                               allow=lambda s, y=year: bool(s.path) and y in section_years(s))
        listed = [e for e in own.evidence if listable(e.sentence)]
        # (a year whose best section names nothing of the topic says nothing of it: 去年和今年关于
        # 人形机器人都写了什么？ — the summary has none, and its nearest section is no answer)
        flat = normalize_for_match("".join(e.sentence.text for e in listed) +
                                   "".join(listed[0].section.path if listed else [])).lower()
        if any(normalize_for_match(w).lower() in flat for w in topic):
            added += listed
    return picked + added


# A listing by meaning (the topic not in the documents' words: 半导体 → 集成电路, 芯片) keeps the
# sentences scoring within this margin of the best (qa.retrieval sentence scores: cosine plus
# the lexical share); fitted on the tune split's multi-section questions (0.05–0.20 tried:
# wider finds more of what is asked and cites more sentences of other sections).
TOPIC_MARGIN = 0.15


def _nearest_topic_evidence(retriever: HybridRetriever, result: RetrievalResult, query) -> list[Evidence]:
    """The sentences of the allowed sections (the documents and years asked) nearest the
    question's focus: within :data:`TOPIC_MARGIN` of the best, up to :data:`PER_TOPIC_SECTION`
    per section and :data:`MAX_TOPIC_SENTENCES` in all."""
    index = retriever.index
    allowed = {h.section.section_id for h in result.hits if h.section.path}     # not a header
    sentences = [s for s in index.sentences if s.section_id in allowed and listable(s)]
    if not sentences:
        return []
    # a compound the documents never write, made of words they do (食品安全: 食品 + 安全): a
    # sentence holding its head but not its modifier is about another kind (燃气安全, 电梯安全)
    others = [m for w in content_words(query.focus) for m in [other_kind_of(retriever, w)] if m]
    sentences = [s for s in sentences if not any(
        head in (flat := normalize_for_match(s.text).lower()) and modifier not in flat for modifier, head in others)]
    if not sentences:
        return []
    focus = normalize_query(query.focus)
    qvec = retriever.embedder.embed_queries([focus])[0] if focus != result.normalized else result.query_vector
    scores = retriever.sentence_scores(focus, qvec, sentences)
    return _renumber(_within_margin(index, sentences, scores, TOPIC_MARGIN, []))


def other_kind_of(retriever: HybridRetriever, word: str) -> tuple[str, str] | None:
    """``(modifier, head)`` of ``word`` when the documents never write it but it is a compound of
    two dictionary words whose head (the last) they do write (食品安全 → ('食品', '安全')): a
    sentence with the head and not the modifier names another kind of it. ``None`` otherwise."""
    if retriever.containing(word) or len(word) < 4:
        return None
    for cut in range(2, len(word) - 1):
        modifier, head = word[:cut], word[cut:]
        if in_dictionary(modifier) and in_dictionary(head) and retriever.containing(head):
            return normalize_for_match(modifier).lower(), normalize_for_match(head).lower()
    return None


def _within_margin(index: Index, sentences: list[EvidenceSentence], scores: np.ndarray, margin: float,
                   picked: list[Evidence], bars: np.ndarray | None = None) -> list[Evidence]:
    """The ``sentences`` scoring within ``margin`` of the best of them (``scores``: float
    ``(len(sentences),)``) — or of each one's own bar, ``bars`` (float ``(len(sentences),)``) —
    best first, that fit beside ``picked``: at most :data:`PER_TOPIC_SECTION` a section and
    :data:`MAX_TOPIC_SENTENCES` in all. Unnumbered."""
    per_section = Counter(e.sentence.section_id for e in picked)
    more: list[Evidence] = []
    bars = np.full(len(scores), scores.max()) if bars is None else bars
    for i in np.argsort(-scores):
        if len(picked) + len(more) >= MAX_TOPIC_SENTENCES:
            break
        if scores[i] < bars[i] - margin:
            continue
        sentence = sentences[i]
        if per_section[sentence.section_id] >= PER_TOPIC_SECTION:
            continue
        per_section[sentence.section_id] += 1
        more.append(Evidence(0, sentence, index.section(sentence.section_id), float(scores[i])))
    return more


# Beside the sentences that hold the topic's words, a listing takes those whose cosine
# similarity to the question is within this margin of the best of the rest (e5 cosines of one
# question's sentences spread over ≈ 0.1). Fitted on the tune split (0.01–0.05 tried: 0.03 lists
# every section asked in 0.75 of multi-section questions against 0.64 without, at the cost of
# more sentences from sections not asked about).
TOPIC_DENSE_MARGIN = 0.03


def _nearest_in_meaning(retriever: HybridRetriever, result: RetrievalResult, query,
                        picked: list[Evidence]) -> list[Evidence]:
    """Sentences of the :data:`MAX_SCOPE_SECTIONS` best sections (not headers) not yet ``picked``, whose cosine
    similarity to the question's focus is within :data:`TOPIC_DENSE_MARGIN` of the best of
    them, best first, filling ``picked`` up to :data:`MAX_TOPIC_SENTENCES` with at most
    :data:`PER_TOPIC_SECTION` per section. Unnumbered."""
    index = retriever.index
    held = {e.sentence.sentence_id for e in picked}
    allowed = {h.section.section_id for h in result.hits[:MAX_SCOPE_SECTIONS] if h.section.path}
    candidates = [s for s in index.sentences if s.section_id in allowed and s.sentence_id not in held
                  and listable(s)]
    if picked:
        # beside sentences that name the topic, one near it in meaning only comes from a section
        # that names it too: a section with none of the topic's words is about something else
        # (首席质量官 → not 专家咨询委员会; 特种设备 → not 预制构件), however near its wording
        words = [w for w in dict.fromkeys(content_words(query.focus)) if w not in GENERIC_WORDS]
        sections = _naming_sections(retriever, words)
        if sections is not None:
            # …or whose sentence or heading holds the characters of one of its words in other
            # words (打假 → 侵权假冒打击: “铁拳”; 碳计量 → 碳达峰碳中和计量)
            spelled = [set(w) for w in words if len(w) >= 2]
            candidates = [c for c in candidates if c.section_id in sections or
                          _holds_characters(c.text + index.section(c.section_id).path[-1], spelled)]
    if not candidates:
        return []
    focus = normalize_query(query.focus)
    qvec = retriever.embedder.embed_queries([focus])[0] if focus != result.normalized else result.query_vector
    with _single_threaded():
        dense = index.sentence_vectors[np.array([c.sentence_id for c in candidates])] @ qvec   # (n,)
        held = index.sentence_vectors[np.array([e.sentence.sentence_id for e in picked])] @ qvec \
            if picked else np.zeros(0)
    # the bar is the best sentence of the same part of the same document, the listed ones included:
    # a sentence only near the question is not listed beside one that names the topic and is
    # nearer still (养老 → 养老服务标准化专项行动, not the insurance sentences of 完善多元保障); a part
    # with nothing listed yet (the other year asked) keeps the bar of the rest
    def part(section_id: int) -> tuple:
        section = index.section(section_id)
        return section.doc_id, section.path[0] if section.path else ""
    best_listed: dict[tuple, float] = {}
    for e, cosine in zip(picked, held):
        key = part(e.sentence.section_id)
        best_listed[key] = max(best_listed.get(key, -1.0), float(cosine))
    bars = np.array([max(float(dense.max()), best_listed.get(part(c.section_id), -1.0)) for c in candidates])
    return _within_margin(index, candidates, dense, TOPIC_DENSE_MARGIN, picked, bars=bars)


# A word in more than this share of the sections (标准, 企业, 服务) is the documents' common
# ground, not a topic's name: a section holding it is not thereby about the topic asked.
TOPIC_WORD_SHARE = 1 / 3


def _naming_sections(retriever: HybridRetriever, words: list[str]) -> set[str] | None:
    """The ids of the sections (headings, text and units) holding one of ``words`` (a question
    focus's content words, generic ones left out) that names a topic: found in at least one and
    at most :data:`TOPIC_WORD_SHARE` of the sections, and in at most twice as many as the rarest
    of them — beside 工作规则, 领导小组 and 成员单位 are the documents' common ground, not the
    topic. ``None`` when no word does. (Variants measured on `tune` listings: docs/EVALUATION.md,
    `j67` and `j69` — the rarest-word bound: accuracy unchanged, citation precision 0.965 → 0.966;
    listing sentences by the characters of only these words as well raised it to 0.969 and lost
    9–13 multi-topic listings.)"""
    index = retriever.index
    limit = TOPIC_WORD_SHARE * len(index.sections)
    found = {w: retriever.containing(w) for w in words}
    rarest = min((len(rows) for rows in found.values() if rows), default=0)
    rows = {i for w in words if found[w] and len(found[w]) <= min(limit, 2 * rarest) for i in found[w]}
    return {index.sections[i].section_id for i in rows} if rows else None


def _holds_characters(text: str, spelled: list[set[str]]) -> bool:
    """True when ``text`` holds every character of one of the ``spelled`` words (each a set of
    characters), in any order: 侵权假冒打击 holds 打假."""
    held = set(text)
    return any(chars <= held for chars in spelled)


# A request to list (都给我列一下, 帮我罗列出来, 整理个清单).
_LIST_REQUEST = re.compile(rf"都?(给我|帮我|替我|为我)?({LIST_VERBS})(一下|出来|一遍|个清单|清单)?")
# Words a question uses to ask where or what the documents say of a topic, not topics.
_LISTING_WORDS = frozenset("提到 提及 涉及 出现 地方 内容 相关 有关 方面 这块 那块 部分 讲 写 说 沾边 关于".split())


def listed_terms(question: str) -> list[list[str]]:
    """The terms a question lists with 、 (文件里提到ISO、IEC、OIML的地方 → ``[['ISO'], ['IEC'],
    ['OIML']]``), each as its words: the first clause holding a 、 list, the first member read
    as the words before its 、 back to a word that only joins or asks (提到, 关于, 跟), the last
    as the words after its 、 up to one (的, 沾边, 这些), so that 碳计量 stays whole. Empty when no
    clause lists two or more.

    >>> listed_terms("文件里关于食品、药品、特种设备的内容有哪些？")
    [['食品'], ['药品'], ['特种设备']]
    >>> listed_terms("凡是跟双碳、碳计量沾边的内容都讲了啥？"), listed_terms("质量品牌有哪些内容？")
    ([['双碳'], ['碳', '计量']], [])
    """
    from .text import _jieba

    for clause in split_clauses(normalize_query(question)):      # (、 joins a list: no clause ends there)
        chunks = clause.split("、")
        if len(chunks) < 2:
            continue
        members = []
        for i, chunk in enumerate(chunks):
            first, last = i == 0, i == len(chunks) - 1
            words = [w for w in _jieba().cut(chunk) if w.strip()]
            run = []
            for w in reversed(words) if first else words:
                if w in _LIST_STOPS or w in _LISTING_WORDS or not re.search(r"[\w\u4e00-\u9fff]", w):
                    if first or last:
                        break          # the words around the list end its first and last members
                    continue
                run.append(w)
            run = run[::-1] if first else run
            if not run:
                return []
            members.append(run)
        return members
    return []


# Words that join, point or ask: they end a listed term (跟双碳、碳计量沾边的 → 双碳, 碳计量).
_LIST_STOPS = frozenset("的 地 得 了 跟 和 与 及 同 在 里 中 上 对 把 被 是 有 都 也 还 这些 那些 这 那 等 凡是 "
                        "文件 通知 哪些 什么 啥 怎么 如何 多少".split())


# Words that frame a question's topic (国际标准方面上海做了什么): a word after them starts anew.
_FRAME_WORDS = frozenset("方面 这块 那块 这一块 领域 相关 有关 关于 沾边".split())
# What may follow a word standing apart: 的, and the verbs and particles of a question's asking
# (上海做了什么, 上海在…, 上海有哪些) — not a noun it would name a term with (上海品牌, 上海标准).
_AFTER_APART = frozenset("的地得了在有是要将把被对和与跟及都也还又做搞干抓推办弄")


def _standing_alone(word: str, text: str) -> bool:
    """True when every occurrence of ``word`` in ``text`` stands apart from the words beside it:
    after the start, a non-Han character, 的 or another word naming the documents' work
    (:data:`qa.intent.GENERIC_WORDS`, of two characters or more), and before the end, the same.

    >>> _standing_alone("质量", "长三角相关的质量工作都有哪些"), _standing_alone("质量", "首席质量官出现在哪")
    (True, False)
    >>> _standing_alone("上海", "国际标准方面上海做了什么"), _standing_alone("上海", "上海品牌有哪些")
    (True, False)
    """
    spans = [m.span() for m in re.finditer(re.escape(word), text)]
    def apart_before(i: int) -> bool:
        return i == 0 or not re.match(r"[\u4e00-\u9fff]", text[i - 1]) or text[i - 1] == "的" or \
            any(text.endswith(g, 0, i) for g in GENERIC_WORDS | _FRAME_WORDS if len(g) >= 2)
    def apart_after(j: int) -> bool:
        return j == len(text) or not re.match(r"[\u4e00-\u9fff]", text[j]) or text[j] in _AFTER_APART or \
            any(text.startswith(g, j) for g in GENERIC_WORDS if len(g) >= 2)
    return bool(spans) and all(apart_before(i) and apart_after(j) for i, j in spans)


def _topic_groups(retriever: HybridRetriever, query) -> list[list[str]] | None:
    """What a sentence must hold to be on the topic (any group, every key of it), or ``None``
    when the question's words do not name the topic in the documents' own words."""
    if query.quoted:
        return [[normalize_for_match(t).lower()] for t in query.quoted]
    # terms listed one after another are each asked of: the sentences naming any of them, when no
    # sentence names them all and they are the whole topic (文件里提到ISO、IEC、OIML的地方 — not
    # 在融资、计量这些方面对中小企业有哪些支持, whose topic is 中小企业)
    terms = listed_terms(query.focus)
    listed = [[normalize_for_match("".join(member)).lower()] for member in terms]
    flat = retriever.sentence_texts if len(listed) >= 2 else []
    found = [m for m in listed if any(all(k in f for k in m) for f in flat)]
    members = {w.lower() for m in terms for w in m}
    # what is asked of them (跟碳计量、碳信息相关的机构和平台: 机构, 平台) is the kind of answer, not
    # a topic beside them
    related = list(_RELATED.finditer(query.focus))
    kinds = set(content_words(query.focus[related[-1].end():])) if terms and related else set()
    beside = [w for w in content_words(query.focus) if w.lower() not in members and w not in GENERIC_WORDS
              and w not in _LISTING_WORDS and w not in kinds and retriever.containing(w)]
    if len(found) >= 2 and not beside and not any(all(k in f for m in found for k in m) for f in flat):
        return found
    if len(found) >= 2 and beside:
        # …the aspects of a topic named beside them (药品质量…出现了几处？抽检、检查、追溯都要;
        # 在融资、计量这些方面对中小企业有哪些支持): each aspect with the topic's words, the least
        # specific dropped until a sentence holds them
        topic = sorted(dict.fromkeys(normalize_for_match(w).lower() for w in beside),
                       key=lambda k: len(retriever.containing(k)))
        groups = []
        for member in found:
            words = list(topic)
            while words and not any(all(k in f for k in words + member) for f in flat):
                words.pop()
            if words:
                groups.append(words + member)
        if len(groups) >= 2:
            return groups
    # (the request to list — 都给我列一下, 帮我列出来 — names no topic: its pieces 我列, 列出来 are
    # words the documents never write, and would weigh as the topic's)
    words = list(dict.fromkeys(content_words(_LIST_REQUEST.sub(" ", query.focus))))
    # words that name the documents' work as a whole (质量, 工作, 文件), standing alone, name no
    # topic beside one the question names (长三角相关的质量工作: a sentence on 长三角 need not say
    # 质量) — not as a piece of a term (首席质量官, 质量基础设施)
    words = [w for w in words if not (w in GENERIC_WORDS and _standing_alone(w, query.focus))] or words
    # (what is asked of the topic — 成果, 安排, 进展 in 品牌这块去年有什么成果 — is no part of it: a
    # sentence on 品牌 need not say 成果, and one that says 成果 is not thereby on 品牌)
    words = [w for w in words if w not in REQUEST_NOUNS] or words
    idf = retriever.sentence_idf
    top = max(idf.values(), default=1.0)
    present = [w for w in words if retriever.containing(w)]
    total = sum(idf.get(w, top) if w in present else top for w in words)
    if not present or sum(idf.get(w, top) for w in present) < TOPIC_LEXICAL_SHARE * total:
        return None
    present.sort(key=lambda w: len(retriever.containing(w)))
    while len(present) > 1 and not any(all(normalize_for_match(w).lower() in flat for w in present)
                                       for flat in retriever.sentence_texts):
        present.pop()
    return [[normalize_for_match(w).lower() for w in present]]
