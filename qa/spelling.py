"""Typo correction against the documents' own wording.

Chinese typos typed with a pinyin input method are mostly homophones: 特种设被 for 特种设备, 惯标
for 贯标, 知识产全 for 知识产权. A run of characters in a question that occurs nowhere in the
documents, but becomes a phrase of the documents when *one* character is replaced by a
homophone (same pinyin, tones ignored, per pypinyin), is corrected to that phrase — and the corrected question is clearly likelier Chinese: the log-probability of its
best segmentation under jieba's unigram word model rises by at least :data:`TYPO_GAIN`
(a noisy-channel decision with a flat typo prior). A swap between two real words (医疗服务上有
→ 上游, 班组参加 → 班组成加) does not gain that much, and a typed word that is itself a word of
the dictionary (质数 is not a typo of 指数) is not changed — unless the correction makes a run
of more than :data:`LONG_PHRASE` Chinese characters of the documents' own wording (智能工场领航
→ 智能工厂领航), which needs only :data:`LONG_TYPO_GAIN`: a long phrase the documents write,
one homophone away, is what was meant. Where corrections overlap, the likeliest is made (职工参家:
参家 → 参加, not 工参 → 工厂). Nothing else is touched: words the documents never use stay as typed, so a question about something the
documents do not discuss is not "corrected" into one that they do.

A word typed in pinyin before the input method converted it (youzhizhe for 有质者) is the
documents' phrase when its letters spell exactly one of them (:meth:`Speller.from_pinyin`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from .text import normalize_for_match

MIN_RUN = 2   # 推近 → 推进: a typo inside a two-character word
MAX_RUN = 6
MIN_PINYIN = 5   # letters of a pinyin word read as Chinese: shorter ones are mostly English (code, app)

# Characters that ask (分几部分, 哪家, 是谁): in a short run, what a question asks is no typo of the
# documents' wording, which states and never asks (分几部分 had been searched as 分级部分); inside a
# long phrase of theirs it may be (中小企业几量伙伴 is 中小企业计量伙伴).
ASKING_CHARACTERS = frozenset("几哪谁啥吗呢么")

# Sounds that pinyin typists confuse (the "fuzzy pinyin" options of input methods):
# front/back nasals and retroflex/flat initials; 供因链 → 供应链 (yin/ying).
_FUZZY = ((re.compile(r"ng$"), "n"), (re.compile(r"^([zcs])h"), r"\1"))


@lru_cache(maxsize=8192)
def reading(char: str) -> str:
    """The usual toneless pinyin reading of one Chinese character (a heteronym's rare readings
    would make 立 a homophone of 委).

    >>> reading("被"), reading("立")
    ('bei', 'li')
    """
    from pypinyin import Style, pinyin

    return pinyin(char, style=Style.NORMAL, heteronym=False)[0][0]


@lru_cache(maxsize=8192)
def sound(char: str) -> str:
    """:func:`reading` with the confusable sounds merged (ying → yin, shi → si).

    >>> sound("应") == sound("因"), sound("是") == sound("四")
    (True, True)
    """
    value = reading(char)
    for pattern, repl in _FUZZY:
        value = pattern.sub(repl, value)
    return value


def _runs(text: str) -> list[tuple[int, str]]:
    """Runs of Chinese characters, Latin letters and digits (DCMM惯标 is one run)."""
    return [(m.start(), m.group(0)) for m in re.finditer(r"[\u4e00-\u9fffA-Za-z0-9]+", text)]


# Gain in log-probability (nats) that a correction must bring. Fitted on tests/data/gold/
# tune.jsonl: its typos gained 3.6–14.5 (出形→出行 lowest; 强线→强县 1.3 is left uncorrected),
# wrong candidates at most 2.9 (是想→思想).
TYPO_GAIN = 3.5
# A phrase of the documents this long, one homophone away from what was typed, is what was meant
# even when the typed character makes a word with its neighbour (工场 in 智能工场领航计划).
LONG_PHRASE = 4
# …and one of more than LONG_PHRASE characters needs only this gain: a swap between two real
# words (工场 → 工厂, 1.7) that makes a long run of the documents' own wording.
LONG_TYPO_GAIN = 1.0


def _in_word(text: str, p: int) -> bool:
    """True when ``text[p]`` and a neighbour form a word of jieba's dictionary (质数, 落石)."""
    from .text import in_dictionary

    return any(in_dictionary(text[i:i + 2]) for i in (p - 1, p) if 0 <= i and i + 2 <= len(text))


def _verb_before_word(text: str, replacement: str) -> bool:
    """True when ``text`` opens with a one-character verb of jieba's dictionary followed by a
    word of two or more characters, and ``replacement`` for the verb would only make that word
    longer: a verb and its object typed as meant (要搞质量主题的小视频: 搞 + 质量, not a typo of
    高质量), where a typo's correction joins the characters before it (总建 → 总监).

    >>> _verb_before_word("搞质量主题", "高"), _verb_before_word("建造试点", "建")
    (True, False)
    """
    import jieba.posseg

    from .text import in_dictionary

    if not jieba.posseg.dt.word_tag_tab.get(text[:1], "").startswith("v"):
        return False
    return any(in_dictionary(text[1:end]) and in_dictionary(replacement + text[1:end])
               for end in range(3, min(len(text), 6) + 1))


def log_prob(text: str) -> float:
    """Log-probability (nats) of ``text``'s best segmentation under jieba's unigram model."""
    from .text import _jieba

    tokenizer = _jieba().dt
    dag = tokenizer.get_DAG(text)
    route: dict = {}
    tokenizer.calc(text, dag, route)
    return route[0][0] if text else 0.0


class Speller:
    """Homophone typo correction over the phrases of ``corpus`` (the documents' text).

    Building indexes every run of ``MIN_RUN``…``MAX_RUN`` Chinese characters with each position
    masked in turn: about ``4 × len(corpus)`` keys, built lazily on the first correction.
    """

    def __init__(self, corpus: str):
        self.corpus = normalize_for_match(corpus)
        self._masked: dict[str, set[str]] | None = None
        self._spelled: dict[str, set[str]] | None = None

    def _pinyin_index(self) -> dict[str, set[str]]:
        """Each phrase of ``MIN_RUN``…``MAX_RUN`` Chinese characters of the documents under its
        toneless pinyin spelled without spaces (有质者 → youzhizhe)."""
        if self._spelled is None:
            spelled: dict[str, set[str]] = defaultdict(set)
            for part in re.findall(r"[\u4e00-\u9fff]+", self.corpus):
                readings = [reading(ch) for ch in part]
                for size in range(MIN_RUN, MAX_RUN + 1):
                    for i in range(len(part) - size + 1):
                        spelled["".join(readings[i:i + size])].add(part[i:i + size])
            self._spelled = spelled
        return self._spelled

    def from_pinyin(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """``text`` with each lower-case Latin word of :data:`MIN_PINYIN` letters or more that
        spells, in toneless pinyin, exactly one phrase of the documents replaced by that phrase
        (a word typed before the input method converted it: youzhizhe → 有质者), and the
        ``(typed, phrase)`` pairs. Only a question that has Chinese in it is read so: an English
        question's words are English.

        >>> Speller("探索打造“有质者”质量小视频").from_pinyin("今年那个youzhizhe小视屏是啥？")
        ('今年那个有质者小视屏是啥？', [('youzhizhe', '有质者')])
        >>> Speller("有质者").from_pinyin("what is youzhizhe")
        ('what is youzhizhe', [])
        """
        if not re.search(r"[\u4e00-\u9fff]", text):
            return text, []
        fixes: list[tuple[str, str]] = []

        def replace(m: re.Match) -> str:
            phrases = self._pinyin_index().get(m.group(0), set())
            if len(phrases) != 1:
                return m.group(0)
            phrase = next(iter(phrases))
            fixes.append((m.group(0), phrase))
            return phrase

        fixed = re.sub(r"(?<![A-Za-z])[a-z]{%d,}(?![A-Za-z])" % MIN_PINYIN, replace, text)
        return fixed, fixes

    def _index(self) -> dict[str, set[str]]:
        if self._masked is None:
            masked: dict[str, set[str]] = defaultdict(set)
            for _, run in _runs(self.corpus):
                for size in range(MIN_RUN, MAX_RUN + 1):
                    for i in range(len(run) - size + 1):
                        gram = run[i:i + size]
                        for p in range(size):
                            masked[gram[:p] + "?" + gram[p + 1:]].add(gram)
            self._masked = masked
        return self._masked

    def _fix(self, window: str, after: str = "") -> str | None:
        """The one phrase of the documents that ``window`` (followed by ``after`` in the
        question) becomes by one homophone substitution, or ``None`` (none, or several that
        disagree). A character that forms a dictionary word with a neighbour is not a typo, nor
        is a verb before its object (:func:`_verb_before_word`)."""
        found = set()
        for p, char in enumerate(window):
            # (a word inside a longer phrase may be the typo: 智能工场领航 is 智能工厂领航)
            if not "\u4e00" <= char <= "\u9fff" or \
                    (len(window) < LONG_PHRASE and (char in ASKING_CHARACTERS or _in_word(window, p))):
                continue
            for gram in self._index().get(window[:p] + "?" + window[p + 1:], ()):
                if gram != window and sound(char) == sound(gram[p]) and \
                        not _verb_before_word(window[p:] + after, gram[p]):
                    found.add(gram)
        return found.pop() if len(found) == 1 else None

    def _typed_as_written(self, run: str, start: int, window: str, fixed: str) -> bool:
        """True when the character that ``fixed`` replaces in ``window`` (at ``start`` of
        ``run``) belongs to a run of the documents' own wording, as typed, at least as long as
        ``fixed``: the character was written as the documents write it, and the correction
        would break their phrase to make another (质量强市领导小组: 强市 is the notice's own 质量强市,
        not a typo of 优势领域's 势领).

        >>> Speller("本市质量强市工作。优势领域").correct("质量强市领导小组")
        ('质量强市领导小组', [])
        """
        p = start + next(k for k, (a, b) in enumerate(zip(window, fixed)) if a != b)
        longest = max((end - begin for begin in range(max(0, p - MAX_RUN), p + 1)
                       for end in range(p + 1, min(len(run), begin + MAX_RUN) + 1)
                       if run[begin:end] in self.corpus), default=0)
        return longest >= len(fixed)

    def correct(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """``text`` with its homophone typos corrected, and the ``(typed, corrected)`` pairs.

        >>> Speller("检查设备48898台套").correct("去年特种设被检查了多少台套？")
        ('去年特种设备检查了多少台套？', [('设被', '设备')])
        >>> Speller("检查设备48898台套").correct("质数是什么？")
        ('质数是什么？', [])
        >>> Speller("全面实施智能工厂领航计划").correct("智能工场领航计划是啥？")
        ('智能工厂领航计划是啥？', [('智能工场领航', '智能工厂领航')])
        """
        text, fixes = self.from_pinyin(text)
        chars = list(text)
        done: set[int] = set()      # positions already corrected
        while True:
            # of the corrections the text admits, the likeliest first (职工参家: 参家 → 参加, not
            # 工参 → 工厂, whose gain is smaller): each one's gain is read on the text as it stands
            base = log_prob("".join(chars))
            best = None
            for start, run in _runs("".join(chars)):
                for i in range(len(run) - MIN_RUN + 1):
                    for size in range(min(MAX_RUN, len(run) - i), MIN_RUN - 1, -1):   # (of equals: the phrase)
                        window = run[i:i + size]
                        if window in self.corpus or done & set(range(start + i, start + i + size)):
                            continue
                        fixed = self._fix(window, run[i + size:])
                        if fixed is None or self._typed_as_written(run, i, window, fixed):
                            continue
                        candidate = chars[:start + i] + list(fixed) + chars[start + i + size:]
                        # (a run of Chinese characters only: 23年上海是 is a figure and a clause, no phrase)
                        long = size > LONG_PHRASE and re.fullmatch(r"[\u4e00-\u9fff]+", window)
                        gain = log_prob("".join(candidate)) - base
                        if gain >= (LONG_TYPO_GAIN if long else TYPO_GAIN) and (best is None or gain > best[0]):
                            best = (gain, start + i, window, fixed, candidate)
            if best is None:
                break
            _, at, window, fixed, chars = best
            done |= set(range(at, at + len(window)))
            fixes.append((window, fixed))
        fixes.sort(key=lambda pair: text.find(pair[0]))
        return "".join(chars), fixes
