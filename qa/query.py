"""The query stage: from the guarded question (and the conversation) to what retrieval searches
for — a self-contained question, its years, its typos corrected, and its intent.

Follow-ups are read in the light of the previous turn:
  * a question that names no topic of its own (负责单位呢？ 具体有哪些措施？ 那2024年呢？) takes the
    previous question's topic — and, when it names a time, its own time replaces the previous one;
  * a question that names a topic of its own stands on its own (那标准化总监呢？ 海关那边呢？);
  * an elliptic question (…呢？, what about…) with no question word of its own asks what the
    previous turn asked (how many, who is responsible…) about its new topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .colloquial import Colloquial
from .guard import GuardedQuestion, is_role_switch
from .intent import GENERIC_WORDS, OVERVIEW_ASKED, SHARE_OF_WHOLE, Attribute, Intent, Scope, read_intent
from .scope import TIME_WORDS, about_the_question, asked_years, asking_clauses, question_years, strip_years, without_known
from .spelling import Speller
from .terms import Terminology
from .text import (ITEM_POINTER, NAMED_TERM, content_words, normalize_for_match, normalize_query, split_clauses, tagged_words,
                   without_set_aside)

# A pronoun for two things named before (两者, 这两个; not 这两年, these few years).
_PAIR_WORDS = r"两者|二者|[这那]两(?![年天])|它俩"
# Words that point back to the previous turn.
_ANAPHORA = re.compile(r"^(那|那么|那个|还有|另外|再|and\b|what about|how about)|呢[？?]?|这方面|这块|这个|这项|这条|这一|这类|这种|这样的|"
                       rf"{_PAIR_WORDS}|"
                       r"那边|这边|上述|该项|里面|其中|它们?|\b(this|that|these|it|they|those)\b(?! year)",
                       re.IGNORECASE)
# Words that point *into* the previous turn's topic (这届, 其中, 上述, and for…): a question
# using one is read with that topic even when it names something of its own.
_REFERS = re.compile(r"这届|这事|这件事|这个|这项|这条|这一|这些|这类|这种|这样的|该|上述|其中|里面|当中|此项|它们?|"
                     # …or into its field (那2024年这方面有什么试点？), or turn it to a time, asking
                     # what follows (那今年呢，有什么专项行动？)
                     # (not after a topic of its own: 工程这块 points at 工程)
                     r"(?:^(?:那|那么)?(?:今年|去年|明年|20\d{2}年)?(?:在)?|[，,])(?:这方面|这块|这一块)|"
                     r"^(?:那|那么)?(?:今年|去年|明年|20\d{2}年)呢[，,]|"
                     rf"{_PAIR_WORDS}|"
                     r"那一?(?:条|项|段|句)(?![河路街])|同一(?:条|项)|"
                     r"^and (for|the|what|how)|\b(this|that|these|those|it|they)\b(?! year)", re.IGNORECASE)
_ASKS_ITSELF = re.compile(r"多少|几|什么|啥|哪|谁|怎么|如何|是否|有没有|吗|情况|进展|现状|\b(what|which|how|who|when|where)\b",
                          re.IGNORECASE)
# Asking how a topic stands (咋样, 情况, 进展, 有啥说法, X那块？): a vague question.
_STANDING = re.compile(r"(咋|怎么)样|如何|情况|进展|动静|说法|怎么说|动作|搞到|哪一步|变化|有啥[？?]?$|呢[？?]?$|说说|"
                       r"(那|这)块[？?]?$|的事儿?[？?]?$|那摊子")
# A topic named alone (长三角的, 老字号？): how it stands is asked — all that is said of it.
# (a few characters, none asking: not 哪个工程拿了詹天佑奖？ nor 老字号生煎哪家最好吃)
_TOPIC_ALONE = re.compile(r"^(?:(?![啥么哪谁几吗呢怎咋何吧])[\u4e00-\u9fff“”]){2,8}的?[？?]?$")
# A follow-up naming a rate of its own (那公示率呢？ 那占全国多少？): its figure is a rate, whatever the previous
# question counted.
_OWN_RATE = re.compile(r"[\u4e00-\u9fff]率|比例|占比|百分之|" + SHARE_OF_WHOLE)
# …and one naming a measure of its own (那百万人口报告数呢？ after …多少例？): its figure is in
# whatever measure word the documents give it.
_OWN_MEASURE = re.compile(r"[\u4e00-\u9fff](数|数量|总量|金额|额)(呢|[？?]|$)")
# What a figure counts, written right after 多少/几 (多少隐患, 几个刑事案件 — not a measure word).
_COUNTED = re.compile(r"(?:多少|几)个?([\u4e00-\u9fff]{2,})")
_TWO_CHARACTER_MEASURES = frozenset("人次 家次 批次 台套 项次 件次 户次 台次 万人 万家 万件".split())


def counts_own_noun(question: str) -> bool:
    """True when ``question`` names the thing its figure counts right after 多少/几 (那发现多少隐患？
    多少刑事案件？): the count is of that noun, in whatever measure word the documents give it —
    not in the measure of a question asked before (查了多少家？).

    >>> counts_own_noun("那发现多少隐患 整改了没"), counts_own_noun("2024年的目标是多少？"), counts_own_noun("检查了多少家次单位")
    (True, False, False)
    """
    m = _COUNTED.search(normalize_query(question))
    if m is None:
        return False
    first, tag = next(iter(tagged_words(m.group(1))), ("", ""))
    return len(first) >= 2 and tag.startswith(("n", "vn")) and first not in _TWO_CHARACTER_MEASURES


_ELLIPTIC = re.compile(r"呢[？?]?\s*$|^(那|那么)?[^？?]{0,16}呢|what about|how about|^\s*and (for|in|of)\b", re.IGNORECASE)
# Asking for the details of what was just answered, and nothing else (具体呢？ 详细说说).
_DETAILS_ASKED = re.compile(r"^(?:那|那么)?(?:具体|详细)(?:点|些|一点|一些|说说|讲讲|内容)?(?:呢|的呢)?[？?。！!]?$")
# What about…? asks nothing itself: its 'what' is the elliptic form's own.
_ABOUT = re.compile(r"\b(what|how) about\b", re.IGNORECASE)
_EN_ELLIPTIC = re.compile(r"^\s*(and\b|(what|how) about\b)", re.IGNORECASE)
# The elliptic clause of a question (二审的呢？受理和审结各多少 — the rest asks on its own).
_ELLIPTIC_CLAUSE = re.compile(r"^(那|那么)?[^？?，,]{0,16}呢[？?，,]?|what about|how about", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"「『《]([^”\"」』》]{2,40}|[\u4e00-\u9fff])[”\"」』》]")


@dataclass(frozen=True)
class Query:
    """What retrieval searches for.

    ``asked`` is the user's question (instruction clauses removed); ``text`` the self-contained
    question retrieval reads (a follow-up completed from the previous turn, typos corrected);
    ``focus`` is ``text`` without its year words (years choose the part of a document, they
    should not also rank its sentences); ``question`` the question itself as the checks read
    it (without the previous turn; in Chinese when an English question was translated);
    ``quoted`` the spans the user quoted (“20035”工程, 《…》), which an answer's section must
    contain verbatim; ``ref_year`` the year 今年 means.
    """

    asked: str
    question: str
    text: str
    focus: str
    years: frozenset[int]
    intent: Intent
    english: bool
    follow_up: bool = False
    corrections: tuple[tuple[str, str], ...] = ()
    quoted: tuple[str, ...] = field(default=())
    ref_year: int | None = None     # the year 今年 means (the documents' date)
    documents: frozenset = frozenset()   # ids of the documents the question names (qa.library)
    limited: bool = False                # the user limited the question to ``documents`` (ask --doc)
    # a follow-up naming nothing but a time of its own (那2024年有啥安排？): the earlier turn, its
    # question and answer — what it turns to in that year
    turned_from: str = ""
    # a follow-up's earlier answer as the user saw it (展开说说: what it has said already)
    earlier_answer: str = ""

    @property
    def normalized(self) -> str:
        """``text`` normalised (Traditional → Simplified, half width)."""
        return normalize_query(self.text)


def resolve_follow_up(question: str, history: list[tuple[str, str]]) -> tuple[str, bool]:
    """``(self-contained question, whether it was a follow-up)``; see the module docstring.

    >>> resolve_follow_up("那2024年呢？", [("企业标准化总监去年聘了多少人？", "…")])
    ('企业标准化总监聘了多少人？ 那2024年呢？', True)
    >>> resolve_follow_up("负责单位呢？", [("加强统筹协调是什么？", "…")])
    ('加强统筹协调是什么？ 负责单位呢？', True)
    >>> resolve_follow_up("那标准化总监呢？", [("首席质量官去年累计培育了多少？", "…")])
    ('那标准化总监呢？', True)
    >>> resolve_follow_up("市场监管局负责哪些任务？", [("加强统筹协调是什么？", "…")])
    ('市场监管局负责哪些任务？', False)
    >>> resolve_follow_up("这届一共多少家报名？", [("今年政府质量奖要做啥？", "…")])
    ('今年政府质量奖要做？ 这届一共多少家报名？', True)
    >>> resolve_follow_up("今年这块打算怎么弄？", [("长三角计量技术规范发布了几项？ 是谁组织的？", "…")])[0]
    '长三角计量技术规范发布了？ 组织的？ 今年这块打算怎么弄？'
    >>> resolve_follow_up("二审的呢？受理和审结各多少", [("一审案件受理了多少件？", "…")])[0]
    '一审案件受理了？ 二审的呢？受理和审结各多少'
    >>> resolve_follow_up("这事谁牵头？", [("要编制什么报告？", "年度《上海市质量状况分析报告》。")])[0]
    '要编制报告？ 上海市质量状况分析报告 这事谁牵头？'
    >>> resolve_follow_up("两者差多少？", [("公路工程和水运工程抽检合格率分别是多少？", "…")])[0]
    '公路工程和水运工程抽检合格率差多少？'
    >>> resolve_follow_up("比农产品那个例行监测的高吗", [("市级药品抽检合格率是多少", "99.7％。")])[0]
    '市级药品抽检合格率比农产品那个例行监测的高吗'
    """
    if not history:
        return question, False
    previous = history[-1][0].strip()
    if _THAN_ONLY.match(normalize_query(question)):
        # 比农产品那个例行监测的高吗？ — compared with the earlier turn's subject, left unsaid
        topic = _ASKED_TAIL.sub("", _ASKED_WORDS.sub("", normalize_query(previous).rstrip("？?。 ")))
        return f"{topic}{_THAN_ONLY.sub('', normalize_query(question), count=1)}", True
    seen = normalize_for_match(normalize_query(previous))
    own = [w for w in topic_words(question) if normalize_for_match(w) not in seen]
    # a code of numbers joined by plus signs names a topic though it is no noun: 4+5那边呢？ after
    # …3+6领域新增多少上海标准 asks of the 4+5 fields, not of 3+6
    own += [c for c in _CODE_WORD.findall(normalize_for_match(normalize_query(question))) if c not in seen]
    # (那涉及多少产品？ after …召回了多少起？ — 那 and one word of its own asking a figure: of the
    # earlier turn's topic, 产品 being what its figure counts)
    figure_of_earlier = bool(_THAT_FIGURE.match(normalize_query(question))) and len(own) <= 1
    if not own and _NAMED_POINTER.search(question):
        # an item named by its words before 那一项 (那打击侵权假冒那一项呢？), words jieba tags verbs:
        # two or more of its own, none asking or standing for work in general
        acts = [w for w in content_words(question) if normalize_for_match(w) not in seen and _specific(w)
                and not _ASKS_ITSELF.search(w)]
        own = acts if len(acts) >= 2 else []
    # (那一项 right after the words naming it points at them: 打击侵权假冒那一项)
    if own and not _REFERS.search(_NAMED_POINTER.sub("", question)) and not figure_of_earlier:   # a topic of its own: on its own
        return question, bool(_ANAPHORA.search(question))
    if TIME_WORDS.search(question):                 # the previous topic, this question's time
        previous = TIME_WORDS.sub("", previous)
    if _ASKS_ITSELF.search(_ELLIPTIC_CLAUSE.sub("", question)):
        # a question asking its own thing (今年这块打算怎么弄？) takes the previous topic, not
        # what was asked of it (…发布了几项？是谁组织的？ would make it a count or a person)
        previous = _PLANS_ASKED.sub("", _ASKED_WORDS.sub("", previous))
    # what the previous answer named (要发布什么报告？ → 《上海市质量状况分析报告》) is what 这事
    # refers to: its titles go with the previous topic
    named = [t for t in dict.fromkeys(_TITLE.findall(history[-1][1])) if normalize_for_match(t) not in seen]
    if named and _REFERS.search(question):
        previous = f"{previous} {' '.join(named[:MAX_NAMED_TITLES])}"
    pair = _PAIR.search(question)
    if pair and not [w for w in own if w not in pair.group(0)]:
        # 两者差多少？ after …A和B…分别是多少？: the pair is the previous question's subjects, put
        # in its place — one question (A和B…差多少？), not a clause without a subject
        topic = _ASKED_TAIL.sub("", previous.strip().rstrip("？?。 "))
        return f"{topic}{question[pair.end():].strip()}", True
    return _without_repeats(f"{previous} {question.strip()}"), True


def _answer_measures(answer: str) -> set[str]:
    """The measure words of the figures an earlier ``answer`` gives (years aside): ``{'人', '%'}``
    for 累计签约超过1100万人，签约率44％."""
    from .claims import figures_in, same_unit

    units: list[str] = []
    for f in figures_in(answer):
        if f.unit and f.unit != "年" and not any(same_unit(f.unit, u) for u in units):
            units.append(f.unit)
    return set(units)


# An item pointer right after the words that name it (打击侵权假冒那一项): it points at them — not
# after 的 (刚才说的那一项, 去年对应的那一项: described, not named).
_NAMED_POINTER = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?<![这那哪该同的])那一?(?:条|项)")
# A code of numbers joined by plus signs (4+5, 3+6: the documents' sets of fields), not a bare
# number; words in Latin letters are nouns to jieba already.
_CODE_WORD = re.compile(r"(?<![0-9])\d+(?:\+\d+)+(?![0-9])")
# A follow-up asking a figure opening with 那 (那涉及多少产品？ 那发现多少隐患), or with a verb and no
# subject (涉及多少个品牌？ 其中多少起？): what involves, includes or covers is left unsaid.
_THAT_FIGURE = re.compile(r"^\s*(?:(?:那|那么)[^，,。？?]{0,8}?|(?:其中|涉及|包括|覆盖|惠及|带动)[^，,。？?]{0,6}?)"
                          r"(?<!哪)(?:多少|几)(?!个?部门|家单位)")
# A comparison whose first side is left unsaid (比农产品的高吗？ 那跟全国比呢？): the earlier turn's subject.
_THAN_ONLY = re.compile(r"^\s*(?:那|那么|它|这个|这|那个)?(?:是不是|是否|有没有)?(?=比[^较例重一])")
# A pronoun for the two things the previous turn named (两者差多少？).
_PAIR = re.compile(rf"^(那|那么)?({_PAIR_WORDS})(?:个|项|家|者)?(之间)?(的|相比|比较)?")
# What is left of an earlier question's asking words at its end (…分别是, …各是).
_ASKED_TAIL = re.compile(r"(分别|各自|各)?(是|为|有)?[？?]?$")


def _without_repeats(text: str) -> str:
    """``text`` (an earlier turn's question joined to a follow-up) with each earlier clause kept
    once, by what it is about (its words without the asking ones): a conversation of follow-ups
    whose turns each carry the ones before them would otherwise repeat them over and over, the
    query doubling with every turn (breaker: 3,000 characters after ten 那呢？). The last clause
    — the question as asked — is always kept.

    >>> _without_repeats("首席质量官培育了？ 首席质量官培育了多少？ 负责单位？ 负责单位呢？ 那2024年呢？")
    '首席质量官培育了？ 负责单位？ 那2024年呢？'
    """
    def about(clause: str) -> str:      # what a clause is about: its words without the asking ones
        return re.sub(r"[\s？?。，,]", "", _ASKED_WORDS.sub("", clause))

    clauses = [c for c in re.split(r"(?<=[？?])\s+", text.strip()) if c]
    kept: dict[str, str] = {}
    for clause in clauses[:-1]:
        kept.setdefault(about(clause), clause)
    kept.pop(about(clauses[-1]), None)
    return " ".join([*kept.values(), clauses[-1]])


_TITLE = re.compile(r"《([^《》\n]{2,40})》")
MAX_NAMED_TITLES = 2      # of the previous answer: more is a listing, not the thing referred to


# What a question asks, as opposed to what it is about: removed from an earlier question whose
# topic a follow-up carries over.
_ASKED_WORDS = re.compile(r"(?:多少|几)(?:个|家|项|件|起|次|名|人|批|类|种|元|亿元|万元)?|是谁|谁|什么|啥|哪(?:些|个|里|几)?|"
                          r"怎么样?|如何|是否|有没有|吗|呢")


# What an earlier question asked of its topic when it asked for its plans or contents (消费品召回
# 管理方面有什么要求？): a follow-up asking its own thing (去年做了多少起？) takes the topic without it.
_PLANS_ASKED = re.compile(r"(有|提出|提了|做了)?(要求|安排|措施|举措|部署|打算|做法|说法)")


# jieba's part-of-speech tags of nouns: n…, abbreviations (j), idioms (l), English words.
_NOUN_TAGS = ("n", "j", "l", "eng")


# What a question may ask of any topic: these name no topic of their own (合格率多少？ after a
# question on 高标准农田 asks the 农田 figure).
ATTRIBUTE_WORDS = frozenset("合格率 比例 占比 比重 数量 金额 规模 增长 增幅 同比 排名 名次 时间 日期 地点 单位 部门 "
                            "人数 家数 个数 总数 总量 情况 措施 目标 进展 效果 结果 全国 全市 "
                            "时候 印发 发布 出台 签发 "      # when it was issued (jieba tags 印发 a noun)
                            "发给 下发 主送 抄送 发文 "      # to whom (jieba tags 发给 a noun)
                            "目的 意义 作用 原因 理由 好处 成效 亮点 变化".split())   # why, to what end


def topic_words(question: str) -> list[str]:
    """The words of ``question`` that could name a topic: its content words that are nouns
    (jieba tags n…, v-n, English words), without :data:`ATTRIBUTE_WORDS` — 审结 or 增长 is a
    verb, 合格率 an attribute; 标准化总监 is a topic.

    >>> topic_words("那审结了多少？"), topic_words("合格率多少？"), topic_words("那标准化总监呢？")
    ([], [], ['标准化', '总监'])
    >>> topic_words("今年这块打算怎么弄？")
    []
    """
    words = set(content_words(question))
    return [w for w, flag in tagged_words(normalize_query(question))
            if w.lower() in words and w not in ATTRIBUTE_WORDS and not _ASKS_ITSELF.search(w)    # 怎么弄 asks
            and (flag.startswith(_NOUN_TAGS) or flag == "vn")]


def resolve_history(history: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The turns with each question made self-contained in the light of those before it (a
    client may send the questions as they were typed).

    >>> resolve_history([("首席质量官去年培育了多少？", "…"), ("今年有啥新花样？", "…")])[-1][0]
    '首席质量官培育了？ 今年有啥新花样？'
    >>> resolve_history([("水运工程抽检合格率是多少？", "96.1％"), ("那公路的呢？", "96.9％")])[-1][0]
    '水运工程抽检合格率是多少？ 那公路的呢？'
    """
    resolved: list[tuple[str, str]] = []
    for question, answer in history:
        text, _ = resolve_follow_up(question, resolved)
        if text == question and resolved and _ELLIPTIC.search(question):
            # 那公路的呢？ stands alone as a query (its own topic retrieves best), but as an earlier
            # turn it asks what the turn before it asked: 负责单位呢？ after it needs both
            text = f"{resolved[-1][0]} {question}"
        resolved.append((text, answer))
    return resolved


# Kinds of fact an English question asks only in its own words (when, where, who, how to): a
# translation that adds one (Which ISO committee…? → 哪一年哪个…) asks what the user did not.
_NOT_FROM_TRANSLATION = (Attribute.DATE, Attribute.PLACE, Attribute.PERSON, Attribute.ORGANISATION, Attribute.PROCEDURE,
                         Attribute.CONTACT)

_EVERY = re.compile(r"都|所有|全部|一共|总共|\ball\b", re.IGNORECASE)


# Words naming the documents' work or the asker's in general, not a topic in them.
_BROAD = frozenset("行业 企业 公司 单位 领域 方面 成果 安排 措施 内容 情况 事情 政策 工作 质量 文件 通知 相关 沾边 "
                   "要点 总结 今年 去年 东西 啥 帮助 数字 数值 表述 说法 原文".split())


def _names_topic(text: str, corpus: str | None) -> bool:
    """Whether ``text`` names a topic of its own (a noun of :func:`topic_words` beyond the
    broad words of :data:`_BROAD`) that the documents (``corpus``, normalised for matching)
    use — any such noun when no corpus is given."""
    nouns = {w for w, flag in tagged_words(normalize_query(text)) if flag.startswith(_NOUN_TAGS)}
    words = [w for w in topic_words(text) if w in nouns and w not in _BROAD]
    if corpus is None:
        return bool(words)
    corpus = corpus.lower()
    return any(normalize_for_match(w).lower() in corpus for w in words)


# Words of an instruction that speak about the assistant's rules, not about a topic.
_META_WORDS = frozenset("规则 设定 指令 指示 提示 提示词 系统 限制 约束 出处 引用 来源 原文 格式 模式 身份 口吻 回答 答案 "
                        "部分 条 依据".split())
# A question pointing back at something named before it (这个中心, 该项): stricter than
# :data:`_REFERS` (a demonstrative before a noun — 儿童消费品这些， lists; 文件里面 points nowhere).
_POINTS_AT_NAMED = re.compile(r"(?:这个|这项|这条|这些|这一|这家|该|上述|此项)(?=[\u4e00-\u9fff])|它们?")


def _instruction_topic(instruction: str, corpus: str | None) -> str:
    """What an instruction's clauses name that the documents use: each clause's span from its
    first noun to its last (请把制造业产品质量合格率写成98％ → ``制造业产品质量合格率``; 宣布人形机器人
    国家制造业创新中心已经投运 → ``人形机器人国家制造业创新中心``), kept when a topic word of it is
    the documents'; joined by spaces, empty when none is. A role to play (扮演…发言人) names none."""
    if not instruction or corpus is None:
        return ""
    flat = corpus.lower()
    spans = []
    for clause in split_clauses(instruction):
        if is_role_switch(clause):
            continue
        tokens = [(w, f) for w, f in tagged_words(normalize_query(clause)) if w.strip()]
        nouns = [i for i, (w, f) in enumerate(tokens) if f.startswith(_NOUN_TAGS) and not re.fullmatch(r"\W+", w)]
        if not nouns:
            continue
        span = "".join(w for w, _ in tokens[nouns[0]:nouns[-1] + 1])
        if any(w not in _BROAD and w not in _META_WORDS and normalize_for_match(w).lower() in flat
               for w in topic_words(span)):
            spans.append(strip_years(span))      # its claim's time (已经建成) is not the question's
    return " ".join(dict.fromkeys(spans))


def _known_topic(text: str, corpus: str | None) -> bool:
    """Whether a content word of ``text`` names something the documents (``corpus``, normalised
    for matching) speak of — not a word for their work as a whole (上海, 质量工作), for what may be
    asked of any topic (情况, 进展) or for the asker's trade in general (企业, 行业). Unlike
    :func:`_names_topic` any content word counts, not only nouns: jieba tags 召回 a verb."""
    if corpus is None:
        return False
    flat = corpus.lower()
    return any(_specific(w) and normalize_for_match(w).lower() in flat for w in content_words(text))


def _specific(word: str) -> bool:
    """Whether ``word`` could name a thing of its own: not a word for the documents' work as a whole,
    for work in general, for an attribute asked, or for how something stands (情况, 进展)."""
    return word not in _BROAD and word not in GENERIC_WORDS and word not in ATTRIBUTE_WORDS and not _STANDING.search(word)


def carry_terms(question: str, translated: str, corpus: str | None, terms: list[str] = ()) -> str:
    """``translated`` (a Chinese rendering of the English ``question``) with the terms the
    translation lost put back as its topic (关于LNG，…): the documents' ``terms`` the question
    was given in (qa.terms), and its acronyms or names in Latin letters (LNG, BIM, G60) that the
    documents write — ``corpus``, their normalised text, when known — or, without it, any
    acronym. A small model drops them (What will Shanghai do on LNG in 2024? → 上海将在2024年
    做些什么？), and the question loses what it is about.

    >>> carry_terms("What will Shanghai do on LNG in 2024?", "上海将在2024年做些什么？", None)
    '关于LNG，上海将在2024年做些什么？'
    >>> carry_terms("What is BIM?", "BIM是什么？", None), carry_terms("Any 特种设备 news?", "有新闻吗？", None, ["特种设备"])
    ('BIM是什么？', '关于特种设备，有新闻吗？')
    """
    have = translated.lower()
    written = corpus.lower() if corpus is not None else None
    missing = [t for t in dict.fromkeys(terms) if t.lower() not in have]
    for term in re.findall(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9+\-]*[A-Za-z0-9]", question):
        if written is not None:
            named = re.search(rf"(?<![a-z]){re.escape(term.lower())}(?![a-z])", written)
        else:
            named = sum(ch.isupper() for ch in term) >= 2
        if named and term.lower() not in have and term not in missing:
            missing.append(term)
    return f"关于{'、'.join(missing)}，{translated}" if missing else translated


# A quoted span that asks something itself.
_QUOTED_QUESTION = re.compile(r"[？?]|多少|哪些|是什么|吗\s*$")


def _corrected(span: str, typos: list[tuple[str, str]]) -> str:
    """``span`` with each ``(typed, corrected)`` typo of ``typos`` put right.

    >>> _corrected("上海老子号", [("老子号", "老字号")])
    '上海老字号'
    """
    for typed, right in typos:
        span = span.replace(typed, right)
    return span


def build_query(guarded: GuardedQuestion, history: list[tuple[str, str]], ref_year: int | None,
                speller: Speller | None = None, translate=None, terminology: Terminology | None = None,
                colloquial: Colloquial | None = None) -> Query:
    """The :class:`Query` for ``guarded`` given the earlier ``(question, answer)`` turns
    (oldest first; each question already self-contained) and the documents' reference year
    (the year 今年 means). ``translate`` (English → Chinese, e.g. the generator's
    ``translate``), when given, puts an English question into the documents' language for
    retrieval and the checks; the answer is still written in English. ``terminology`` gives
    the documents' terms for an English question's phrases (qa.terms): put in before it is
    translated, and searched with when it is not. ``colloquial`` gives them for a Chinese
    question's everyday words (qa.colloquial), put in after its typos are corrected."""
    # the asker's description of themselves (嘉定这边做食品的，…) names who asks, not what is
    # asked — when the rest names a topic of its own; otherwise their trade or concern is the
    # topic (我们是做检验检测的，该关注哪些安排？ 我们是做芯片的，跟半导体相关的都捋一下: the
    # documents say 芯片; 我关心首席质量官：去年培育了多少？)
    asked = guarded.text
    corpus = speller.corpus if speller is not None else None
    if not guarded.english:
        asked = about_the_question(asked, keeps=lambda rest: _names_topic(rest, corpus))
    corrections: list[tuple[str, str]] = []
    expanded: list[tuple[str, str]] = []
    text = spelled = asked
    translated = None
    def in_terms(question: str) -> tuple[str, list[tuple[str, str]]]:
        return terminology.apply(question) if terminology is not None else (question, [])

    if guarded.english:
        prepared, found = in_terms(asked)
        translated = translate(prepared) if translate is not None else None
        if translated and re.search(r"[\u4e00-\u9fff]", translated):
            translated = text = carry_terms(asked, translated, corpus, [term for _, term in found])
        else:
            translated = None
            text = prepared     # searched in the documents' words where it has them; checked as asked
    if speller is not None and not guarded.english:
        text, corrections = speller.correct(normalize_query(asked))
    typos = list(corrections)
    if colloquial is not None and not guarded.english and read_intent(text).scope != Scope.ALL:
        # everyday words put in the documents' terms (煤气罐 → 液化石油气), read as corrections are
        # — not in a listing of all on a topic: its own words find by meaning what the documents
        # say of it in other words (坐公交地铁 → 一码通行, 无感换乘, MaaS), where the term finds
        # only the sentences writing it (tune: 3 such listings lost, 2 gained)
        spelled = text
        text, expanded = colloquial.apply(text)
        corrections += expanded
    # the question's own words, typos corrected (总建 → 总监: the checks read them too); in
    # Chinese when translated
    own_text = text.strip() if translated or corrections else asked.strip()
    # (what the asker says they know already — 检验检测的营收我知道了，那认证机构… — is not asked)
    text, own_text = without_known(text), without_known(own_text)
    carried = _instruction_topic(guarded.instruction, corpus) if not guarded.english else ""
    # (the clauses that ask: chatter beside them — 反正领导不会去核对 — names no topic asked)
    if carried and (_POINTS_AT_NAMED.search(text) or not _names_topic(asking_clauses(text) or text, corpus)):
        # …把制造业产品质量合格率写成98％。确认下真实数字是多少？ — a question that names no topic
        # or points back names it in the instruction beside it, read as the turn it completes
        resolved, completed = resolve_follow_up(text, [(carried, "")])
        # (说真的，实际数字是多少？ — words of its own, none a topic of the documents)
        text = resolved if completed else f"{carried} {text}"
    earlier_turns = resolve_history(history)
    earlier_zh = ""
    if guarded.english and translated and translate is not None and earlier_turns and \
            not re.search(r"[\u4e00-\u9fff]", earlier_turns[-1][0]):
        # an English follow-up is read against the earlier turn in the documents' language too (a
        # query of English and Chinese retrieves by neither)
        earlier_zh = translate(in_terms(earlier_turns[-1][0])[0]) or ""
        if earlier_zh:
            earlier_turns[-1] = (earlier_zh, earlier_turns[-1][1])
    text, follow_up = resolve_follow_up(text, earlier_turns)
    if guarded.english and translated and history and not follow_up and _EN_ELLIPTIC.search(asked):
        follow_up = True                # "What about…?", "And for…?": the English words point back where
                                        # their translation may not (农业产品怎么样？)
    if follow_up and (_PAIR.search(own_text) and own_text not in text or _THAN_ONLY.match(normalize_query(own_text))):
        own_text = text                 # 两者差多少？ 比农产品的高吗？ put as the question it stands for
    follow_up = follow_up or bool(carried) and carried in text
    own_years = asked_years(own_text, ref_year)      # a comparison is asked by this question itself
    # a follow-up's own time wins (那2024年呢？); otherwise the time of the question it completes,
    # unless it names a topic of its own (这届一共多少家报名？ after 今年政府质量奖要做啥？)
    names_own = follow_up and history and any(
        normalize_for_match(w) not in normalize_for_match(normalize_query(history[-1][0])) for w in content_words(asked))
    # (an English one read in its translation too: "And for agricultural products?" → 农业产品呢？)
    elliptic = follow_up and bool(history) and any(
        _ELLIPTIC.search(t) and not _ASKS_ITSELF.search(_ABOUT.sub("", t)) for t in ((asked, own_text) if guarded.english else (asked,)))
    # …那X呢？ asks what the previous turn asked, of X: at the previous turn's time as well
    # (去年培育了多少首席质量官？ → 那标准化总监呢？ asks 2023's)
    # …那一条里还说了什么？ points into the previous turn's item: the same item, of the same year
    pointed = follow_up and bool(history) and bool(ITEM_POINTER.search(asked))
    inherited = asked_years(history[-1][0], ref_year) if elliptic or pointed else set()
    years = frozenset(own_years or inherited or (set() if names_own else asked_years(text, ref_year)))
    # (a clause setting things aside asks nothing: 合格率之外，那个指数是多少？ asks no rate)
    intent = read_intent(without_set_aside(own_text), own_years)
    if expanded and intent.attribute == Attribute.OPEN:
        # the kind of fact asked is the asker's, as for an English question below: the thesaurus puts
        # topic words in the documents' terms, and may take the asking with them (去哪送检 → 去哪检验
        # 检测机构: where to take a sample, read as no question of place or advice)
        mine = read_intent(spelled.strip(), own_years)
        if mine.attribute != Attribute.OPEN:
            intent = replace(intent, attribute=mine.attribute, attributes=mine.attributes)
    if guarded.english:               # the user's own words say what is asked; a translation may
        written = read_intent(asked, own_years)      # add a cue (几家 for "how many families")
        # …or a question the user did not ask (Which ISO committee…? → 哪一年哪个…): the kind of
        # fact asked is the user's; only a figure's measure word may come from the translation
        if written.attribute != Attribute.OPEN:
            # (how many people → 多少人: the measure word the translation gives is kept)
            intent = replace(written, unit=intent.unit) if written.unit is None and intent.wants_figure and \
                written.wants_figure else written
        elif intent.attribute in _NOT_FROM_TRANSLATION:
            intent = replace(intent, attribute=Attribute.OPEN)
    if elliptic and intent.attribute == Attribute.OPEN:
        # …呢？ asks what the previous turn asked, about its own topic or time
        earlier, own = history[-1][0], asked
        if guarded.english and translated:
            # …in the documents' language: an English question's figure is read in its translation
            # (What is…pass rate? → 合格率是多少？), the earlier turn's as well when it is English
            own, earlier = own_text, earlier_zh or earlier     # (translated once, above)
        intent = read_intent(f"{earlier} {own}", own_years)
        if intent.attribute == Attribute.AGENCY and _DETAILS_ASKED.match(normalize_query(asked)):
            # 具体呢？ after 谁负责？ — the units were the whole answer: the item's contents are asked
            intent = replace(intent, attribute=Attribute.OPEN)
        if intent.wants_figure and intent.unit and len(_answer_measures(history[-1][1])) >= 2:
            # …in whichever measure the earlier answer gave (多少人？ answered 1100万人, 签约率44％:
            # 重点人群的呢？ is answered by its 签约率84.9％ — no count of it is written)
            intent = replace(intent, unit=None)
        if len(own_years) == 1 and intent.scope == Scope.COMPARE:
            # …at its own time: 2024年那边呢？ after 2023年…完成了多少？ compares nothing — the
            # earlier turn's count beside it is not a count asked then a plan
            intent = replace(intent, scope=Scope.SINGLE)
        if own_years and ref_year is not None and min(own_years) >= ref_year and intent.wants_figure:
            # …and turning to the year the documents plan (那今年呢？ after 去年完成了多少项？)
            # asks what is planned for the topic: a plan states work to do, rarely its count
            intent = read_intent(asked, own_years)
        if intent.wants_figure and _OWN_RATE.search(normalize_query(asked)):
            intent = replace(intent, unit="%")     # 投诉公示率呢？ after 多少家…？ asks a rate, not a count
        elif intent.wants_figure and _OWN_MEASURE.search(normalize_query(asked)):
            intent = replace(intent, unit=None)    # 百万人口报告数呢？ after …多少例？: not 例 again
    if follow_up and history and not elliptic and intent.wants_figure and intent.unit is None and \
            not _OWN_MEASURE.search(normalize_query(asked)) and not _OWN_RATE.search(normalize_query(asked)) and \
            not counts_own_noun(asked):
        # a figure asked with no measure of its own (那2024年的目标是多少？ after …合格率多少？) is
        # in the earlier turn's measure: a target of a rate is a rate (30年 of 攻关30年 is none)
        earlier = read_intent(history[-1][0])
        if earlier.wants_figure and earlier.unit:
            intent = replace(intent, unit=earlier.unit)
    if follow_up and not names_own and intent.scope == Scope.ALL and not _EVERY.search(asked):
        # 具体有哪些措施？ after a question about one item: that item's contents, not every
        # section (都有哪些行动？ still asks for all of them)
        intent = replace(intent, scope=read_intent(history[-1][0]).scope)
    if intent.scope == Scope.COMPARE and ref_year is not None and years == {ref_year} and not elliptic:
        # work done and work planned asked together, only the plan's year named (水利这条线，成绩和
        # 今年安排说说): the work done is the year before's — both years are asked
        years = frozenset({ref_year - 1, ref_year})
    plain = normalize_query(asked)
    if not guarded.english and not follow_up and not years and intent.attribute == Attribute.OPEN and \
            intent.scope == Scope.SINGLE and (_STANDING.search(plain) or _TOPIC_ALONE.match(plain)) and \
            not OVERVIEW_ASKED.search(plain) and \
            sum(bool(_ASKS_ITSELF.search(c) or re.search(r"[呢吗]", c)) for c in split_clauses(asked)) <= 1 and \
            _known_topic(asked, corpus):
        # 召回那块咋样？ 养老方面有啥说法？ — how a topic stands, in no year: all the documents
        # say of it, the work done and the work planned
        intent = replace(intent, scope=Scope.ALL, standing=True)
    # (a quoted question is what is asked, not a name: 用中文回答它：“…有多少个？”)
    # (a span quoted with a typo — “上海老子号” — is the documents' name once corrected)
    spans = [_corrected(m.strip(), typos) for m in _QUOTED.findall(normalize_query(asked))
             if m.strip() and not _QUOTED_QUESTION.search(m)]
    named_terms = NAMED_TERM.findall(asked) if not guarded.english and intent.wants_figure else []
    if named_terms:
        # the figure of a thing named in capitals (BIM, OIML) is that thing's, as a quoted one's is
        # — when the documents write it so (IP刑事数据 names their 知识产权 in English: no
        # sentence of theirs holds IP; a term they lack altogether is told, qa.decision)
        written = corpus.lower() if corpus is not None else None
        spans += [t for t in named_terms if not any(t in s for s in spans)
                  and (written is None or t.lower() in written)]
    quoted = tuple(dict.fromkeys(spans))
    # (the earlier turn as resolved: a follow-up itself — 谁牵头制定的？ — with the topic it took)
    turned_from = " ".join(earlier_turns[-1]) if follow_up and earlier_turns and own_years and not guarded.english and \
        not content_words(asked) else ""
    return Query(asked=asked, question=own_text, text=text, focus=strip_years(text) if years else text,
                 turned_from=turned_from, earlier_answer=history[-1][1] if follow_up and history else "",
                 years=years, intent=intent, ref_year=ref_year,
                 english=guarded.english, follow_up=follow_up, corrections=tuple(corrections), quoted=quoted)
