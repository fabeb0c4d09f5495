"""Claim checks on figures: which figure of the evidence a question asks for, and whether an
answer states it the way the evidence does.

A sentence of the notice often holds several figures (推动企业实施消费品召回70起，涉及产品数量近
640万件，占全国召回总量65％). Each figure belongs to its *clause* — the stretch between commas
and semicolons — and a clause names what its figure counts. So the figure a question asks for is
the one whose clause shares most of the question's words and whose measure word is the one
asked (几件产品 → 件), not any figure of the sentence. And a figure is stated with its qualifier
(近, 约, 余, 多, 超过, 以上, 左右): 300多名 is not 300名.
"""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Iterable
from dataclasses import dataclass

from .intent import GENERIC_WORDS, SPAN_WORDS
from .scope import asking_clauses, figure_put_to_confirm
from .spelling import reading
from .text import (NOUN_TAGS, SERIES_MEMBER, SET_ASIDE, content_words, han_bigrams, in_dictionary, member_number, normalize_for_match,
                   normalize_query, noun_words, split_clauses, tagged_words, to_halfwidth)

# Measure words, longest first (台套 before 台). Units that count the same things are grouped.
_UNITS = ("个百分点", "台套", "批次", "家次", "人次", "项次", "万人", "万元", "亿元", "万件", "万家", "%",
          "家", "个", "项", "人", "名", "件", "起", "次", "批", "台", "户", "条", "所", "座", "处", "例", "份",
          "元", "年", "天", "月", "届", "期", "种", "类", "款", "部", "篇", "场", "轮", "支", "级", "倍", "星", "位",
          "分", "亩", "吨", "只", "张", "间", "套", "本", "艘", "架")
_SAME = [{"人", "名", "人次", "位"}, {"家", "家次", "个", "所", "间"}, {"件", "起", "例"}, {"台", "台套"}, {"批", "批次"},
         {"项", "项次", "个"}, {"元", "万元", "亿元"}, {"次", "人次", "家次", "项次"}, {"次", "起"},
         {"%", "个百分点"}]
_FIGURE = re.compile(
    r"(?P<pre>近|约|超过|逾|达到|达|不足|不到|累计|共计|共|全年)?"
    r"(?P<num>\d+(?:[.,]\d+)*)\s*(?P<mag>[万亿千百]*)(?P<suf1>余|多)?"
    r"(?P<unit>" + "|".join(map(re.escape, _UNITS)) + r")?(?P<suf2>以上|左右|余|多)?")
# Qualifiers that change a figure's meaning (累计/共 only frame it).
QUALIFIERS = ("近", "约", "超过", "逾", "不足", "不到", "余", "多", "以上", "左右")
_CLAUSE = re.compile(r"[^，,；;。！？!?（）()]+")
_QUOTED_SPAN = re.compile(r"“[^”]{0,30}”|《[^》]{0,60}》|\"[^\"]{0,30}\"")
# A count in Chinese numerals (两级, 首批, 第五届): a figure too, valued as written.
_CHINESE_FIGURE = re.compile(r"(?P<num>[一二两三四五六七八九十百]+|首)(?P<unit>级|批|届|期|类|种|大|个|家|项|条|年)")


@dataclass(frozen=True)
class Figure:
    """A figure as written: ``value`` the number (half width, no thousands separators),
    ``phrase`` the text from its qualifier to its unit (``近640万件``), ``unit`` the measure
    word (``件``; ``%`` for percentages), ``qualifiers`` the meaning-changing words around it,
    ``clause`` the clause it sits in, ``context`` its own part of the clause: from the previous
    figure to the next 、 or figure (绿色园区3家 in 创建市级绿色工厂102家、…、绿色园区3家);
    ``scope`` the text it is read with: the sentence up to the end of its clause, since a
    clause without a subject of its own takes it from the clauses before (受理A案件359件，B案件
    819件: the 819 were 受理 too)."""

    value: str
    phrase: str
    unit: str | None
    qualifiers: tuple[str, ...]
    clause: str
    context: str = ""
    scope: str = ""


# A name written in Latin letters with a number run on to it (ISO/TC249, GB2760, PM2.5).
_CODE = re.compile(r"[A-Za-z]+[/-]?[A-Za-z]*\d+(?:\.\d+)?")


def figures_in(text: str) -> list[Figure]:
    """The figures of ``text``, in order, each with its clause.

    >>> [(f.value, f.phrase, f.unit, f.qualifiers) for f in figures_in("召回70起，涉及产品数量近640万件")]
    [('70', '70起', '起', ()), ('640', '近640万件', '件', ('近',))]
    >>> [f.context for f in figures_in("创建绿色工厂102家、绿色园区3家")]
    ['创建绿色工厂102家', '绿色园区3家']
    >>> figures_in("培育企业首席质量官5600余名")[0].qualifiers
    ('余',)
    >>> [f.value for f in figures_in("ISO/TC249第十三次年会、GB2760标准")]
    []
    """
    out = []
    half = to_halfwidth(text)
    for clause_match_ in _CLAUSE.finditer(half):
        clause = clause_match_.group(0)
        # a number inside quotation marks names something (“20035”工程, “3+6”领域): not a count
        masked = _QUOTED_SPAN.sub(lambda m: "_" * len(m.group(0)), clause)
        # …and so does a number written on to Latin letters (ISO/TC249, GB2760, PM2.5): a code
        masked = _CODE.sub(lambda m: "_" * len(m.group(0)), masked)
        matches = [m for m in _FIGURE.finditer(masked) if m.group("num")]
        for i, m in enumerate(matches):
            begin = matches[i - 1].end() if i else 0
            stop = matches[i + 1].start() if i + 1 < len(matches) else len(clause)
            pause = clause.find("、", m.end(), stop)
            context = clause[begin:pause if pause >= 0 else stop].strip("、 ")
            value = m.group("num")
            if re.fullmatch(r"\d{1,3}(,\d{3})+", value):
                value = value.replace(",", "")
            unit = m.group("unit")
            if unit in ("万件", "万家", "万人") and not m.group("mag"):
                unit = unit[1:]
            quals = tuple(q for q in (m.group("pre"), m.group("suf1"), m.group("suf2")) if q in QUALIFIERS)
            phrase = m.group(0).strip()
            if m.group("pre") and m.group("pre") not in QUALIFIERS:
                phrase = phrase[len(m.group("pre")):]
            scope = half[:clause_match_.end()]
            out.append(Figure(value, phrase, unit, quals, clause.strip(), context, scope))
        for m in _CHINESE_FIGURE.finditer(masked):
            if m.group(0) in ("一个", "一批", "一类", "一种", "一项", "一年"):    # "a", not a count
                continue
            out.append(Figure(m.group(0), m.group(0), m.group("unit"), (), clause.strip(), clause.strip(),
                              half[:clause_match_.end()]))
    return out


def same_unit(a: str | None, b: str | None) -> bool:
    """True when measure words ``a`` and ``b`` count the same things (人/名, 件/起, 台/台套, 万人/人),
    or one is the other mistyped: a single character that reads the same (多少分 for 份).

    >>> same_unit("名", "人"), same_unit("件", "起"), same_unit("件", "项"), same_unit("分", "份"), same_unit("万人", "人")
    (True, True, False, True, True)
    """
    if a is None or b is None:
        return False
    # a scaled measure word asks the base one: 多少万人 is answered by 1100万人 (unit 人)
    a, b = (re.sub(r"^[万亿千百](?=.)", "", u) for u in (a, b))
    return a == b or any(a in group and b in group for group in _SAME) or \
        (len(a) == len(b) == 1 and "\u4e00" <= a <= "\u9fff" and "\u4e00" <= b <= "\u9fff" and reading(a) == reading(b))


def clause_match(clause: str, terms: Iterable[str], weights: dict[str, float]) -> float:
    """The weighted share of the question's ``terms`` that ``clause`` contains (a term counts
    when it occurs verbatim, half when most of its character bigrams do). ``weights`` gives
    each term's weight (IDF); a term the weights do not know — one the documents never use,
    the most specific kind — weighs as much as the rarest known term."""
    terms = list(dict.fromkeys(terms))
    if not terms:
        return 0.0
    unknown = max(weights.values(), default=1.0)
    flat = normalize_for_match(clause).lower()
    grams = han_bigrams(flat)
    total = got = 0.0
    for term in terms:
        w = weights.get(term, unknown)
        total += w
        key = normalize_for_match(term).lower()
        if key in flat:
            got += w
        else:
            tg = han_bigrams(key)
            if tg and len(tg & grams) / len(tg) >= 0.5:
                got += 0.5 * w
    return got / total if total else 0.0


@dataclass(frozen=True)
class AskedFigure:
    """A figure of the evidence and how well it answers the question: ``match`` is how well its
    words do (scope and own context, 0–1.25), ``score`` adds :data:`UNIT_BONUS` when its measure
    word is the one asked."""

    figure: Figure
    score: float
    evidence_n: int
    match: float = 0.0


# A figure in the unit the question asks for (几家 → 家) outranks one that merely shares words;
# a unit of the same group (人 for 名, 件 for 起) counts as much, less :data:`SYNONYM_UNIT_GAP`.
UNIT_BONUS = 0.5
# How much less a measure word counting the same things (1824人 for 多少名) counts than the one
# asked: enough to break a tie of word matches, not to outweigh a better one.
SYNONYM_UNIT_GAP = 0.05
# Weight of how well a figure's own context matches what is counted, beside its scope: breaks
# ties between figures whose scope holds the same words (a sentence's later clauses inherit
# the earlier ones') in favour of the one that names the counted thing itself.
OWN_WEIGHT = 0.25
# What a count counts: the words after 多少/几 (几家国家级示范工厂), or before them (部督案件有几起).
_COUNTED_AFTER = re.compile(r"(?:多少|(?<!好)几)(?:" + "|".join(map(re.escape, _UNITS)) + r")?(?P<head>[^？?，,。；;！!、\s]{2,16})")
_COUNTED_BEFORE = re.compile(r"(?P<head>[^？?，,。；;！!、]{2,16}?)(?:一共|共|总共|累计)?(?:有|是|为|达到|达)?(?:多少|几)")
# …X呢？ with no 多少 or 几 (那医疗器械的抽检合格率呢？): what it asks of is all that comes before 呢
_COUNTED_ELLIPTIC = re.compile(r"(?:^|(?<=[，,。；;！!？?]))\s*(?:那么|那)?(?P<head>[^？?，,。；;！!、]{2,16}?)呢\s*[？?]?\s*$")


# Words saying how a figure is stated or asked (实际写的是多少名, 到底有几家): nothing counted.
_HOW_STATED = frozenset("实际 实际上 具体 到底 究竟 总共 一共 大概 大约 确切 准确 真实".split())


def _predicate(text: str) -> bool:
    """True when ``text`` (what follows 多少家…) opens with a preposition or a verb not written
    into a noun after it (通过高新技术企业认定, 通过了…, 获评…), i.e. says what the things counted
    did rather than naming them (认证机构: 认证 is a verb of the dictionary, but 机构 follows it;
    侵权假冒的刑事案子: the verbs close with 的 before the noun they describe).

    >>> _predicate("通过了高企认定？"), _predicate("侵权假冒的刑事案子？"), _predicate("认证机构")
    (True, False, False)
    """
    words = tagged_words(text)
    if len(words) < 2:
        return False
    (first, tag), (_, after) = words[0], words[1]
    if tag == "v" and text[len(first):len(first) + 1] not in ("了", "过", "着"):
        # a verb phrase closed by 的 before a noun (侵权假冒的刑事案子, 通过认定的企业) modifies that
        # noun: it names the things counted
        for (word, _), (_, then) in zip(words[1:6], words[2:7]):
            if word == "的":
                if then[:1] in ("n", "b"):
                    return False
                break
            if not re.fullmatch(r"[\u4e00-\u9fff]+", word):
                break
    return tag == "p" or tag == "v" and (text[len(first):len(first) + 1] in ("了", "过", "着") or not after.startswith("n"))


def counted_words(question: str) -> list[str]:
    """The content words of what a quantity question counts.

    >>> counted_words("上海累计建成了几家国家级示范工厂？")
    ['国家级', '示范', '工厂']
    >>> counted_words("去年侦破的案件里，部督案件有几起？")
    ['部督', '案件']
    >>> counted_words("药品抽检一共抽了多少批次？")
    ['药品', '抽检']
    >>> counted_words("那医疗器械的抽检合格率呢？")
    ['医疗器械', '抽检', '合格率']
    >>> counted_words("认证机构有多少家通过了高企认定？")
    ['认证', '机构']
    """
    text = to_halfwidth(question)
    for pattern in (_COUNTED_AFTER, _COUNTED_BEFORE, _COUNTED_ELLIPTIC):
        for m in pattern.finditer(text):
            if pattern is _COUNTED_AFTER and _predicate(m.group("head")):
                continue          # 认证机构有多少家通过了…认定: what follows says what they did
            # a measure word alone (多少批次？) names no kind: what it counts stands before it
            words = [w for w in content_words(m.group("head")) if w not in _HOW_STATED and w not in _UNITS]
            if words:
                return words
    return []


# Measure words the tagger joins to a one-character noun after them (个区, 家店).
_STUCK_MEASURES = "个家条项名所座"


def uncounted(question: str, corpus_flat: str, known=lambda word: False) -> list[str]:
    """What ``question`` counts (the noun phrase after 多少/几 and its measure word: 多少家三甲医院
    → 三甲医院) when the documents write its head but never a word before it (``corpus_flat``,
    normalised and lower-cased; ``known`` accepts their words in another form): no figure of
    theirs counts a kind they never name, whatever figure stands beside its neighbours
    (5个疫情救治重点医院). An unknown head is left to the figure checks: it may be a spoken word
    for one of theirs (案子 for 案件).

    >>> uncounted("上海一共有多少家三甲医院？", "启动5个疫情救治重点医院建设")
    ['三甲医院']
    >>> uncounted("上海有几个区？", "推进闵行区试点"), uncounted("建了几家医院？", "5个疫情救治重点医院")
    (['区'], [])
    >>> uncounted("破了多少个案子？", "侦破刑事案件1169起")
    []
    """
    def written(w: str) -> bool:
        return normalize_for_match(w).lower() in corpus_flat or known(w)

    out = []
    runs = [_noun_run(m.group("head")) for m in _COUNTED_AFTER.finditer(to_halfwidth(normalize_query(question)))
            if not _predicate(m.group("head"))]     # 多少家通过了…认定: what follows says what they did
    for run in runs:
        words = list(tagged_words(run))
        # a modifier they never write of a head they do write (三甲 of 医院, 地铁 of 线路) — not an
        # unknown head, which may be a spoken word for theirs (多少个案子, 几个犯人) — or a
        # one-character noun the measure word sticks to (个区), written nowhere as N个区
        if any(len(w) >= 2 and tag[:1] in ("n", "b") and not written(w) and
               (any(written(h) for h, _ in words[i + 1:]) or (len(w) == 2 and w[0] in _STUCK_MEASURES))
               for i, (w, tag) in enumerate(words)):
            out.append(run[1:] if run[:1] in _STUCK_MEASURES and len(run) == 2 else run)
    return list(dict.fromkeys(out))


# A count of what the city has, asked with 有 alone (全上海有多少名医生？ 上海一共有多少所中小学？):
# a stock, not what was done in a year.
_STOCK_ASKED = re.compile(r"(?:全上海|全市|上海市?|本市)(?:现在|目前|如今)?(?:一共|总共|总计|共)?(?:有|拥有)(?:多少|几)")
# Verbs that state a level rather than an act (累计签约超过: 签约 is the act).
_LEVEL_VERBS = frozenset("有 共有 拥有 达 达到 超过 超 约 为 是 累计 共计 合计 位居 居 占".split())


def stock_asked(question: str) -> bool:
    """True when ``question`` asks how many of a thing the city has, with no act named.

    >>> stock_asked("全上海有多少名医生？"), stock_asked("上海一共有多少所中小学？")
    (True, True)
    >>> stock_asked("全市新增了多少家综合为老服务中心？"), stock_asked("全市有多少企业开展了DCMM贯标？")
    (False, False)
    """
    text = normalize_query(question)
    m = _STOCK_ASKED.search(text)
    if not m:
        return False
    # (…有多少企业开展了DCMM贯标？ names what they did: no stock)
    rest = re.split(r"[，,。？?；;！!]", text[m.end():])[0]
    return not any(tag == "v" and w not in _LEVEL_VERBS for w, tag in tagged_words(rest))


def counts_an_act(figure: "Figure") -> bool:
    """True when ``figure`` counts what an act did — a verb stands before it in its clause
    (家庭医生累计签约超过1100万人, 筹建…首批5个市级质检中心, 共服务中小企业7.7万余家次) — not what
    there is: no such figure is a stock of the noun beside it."""
    at = figure.clause.find(figure.phrase)
    before = figure.clause[:at] if at >= 0 else ""
    return any(tag == "v" and len(w) >= 2 and w not in _LEVEL_VERBS for w, tag in tagged_words(before))


# Suffixes of spoken nouns that carry no meaning of their own (案子, 点儿, 码头 is not one: 头 is
# left to its word).
_NOUN_SUFFIX = ("子", "儿")


def head_unwritten(question: str, figure: "Figure", corpus_flat: str) -> str | None:
    """The counted noun of ``question`` (after 多少/几) when the documents never write it and
    its head — a Chinese noun's last character, a spoken suffix (子, 儿) set aside — is not in
    ``figure``'s clause: a spoken word for the documents' (案子 for 案件: 案) shares its head; a
    noun sharing only a modifier (中小学 beside 中小企业) counts something else. A noun the
    documents do write counts something else when neither it nor its head is in the figure's
    sentence up to its clause (``figure.scope``), unless it is a broad noun (单位, 机构) that any
    figure's own noun may be. ``None`` otherwise; a rough number said (十几台) is not asked.

    >>> f = figures_in("全市78个质量基础设施服务项目共服务中小企业7.7万余家次")[-1]
    >>> head_unwritten("上海一共有多少所中小学？", f, "服务中小企业")
    '中小学'
    >>> head_unwritten("破了多少个案子？", figures_in("侦破刑事案件1169起")[0], "侦破刑事案件")
    >>> head_unwritten("检查了多少台电梯？", figures_in("共计检查设备48898台套")[0], "检查设备；电梯安全")
    '电梯'
    """
    text = to_halfwidth(normalize_query(question))
    for m in _COUNTED_AFTER.finditer(text):
        if text[m.start() - 1:m.start()] in ("十", "百", "千", "万"):
            continue            # 十几台电梯: a rough number said, not one asked
        run = _noun_run(m.group("head"))
        words = [(w, tag) for w, tag in tagged_words(run) if tag[:1] in ("n", "j") and len(w) >= 2]
        if not words:
            continue
        noun, tag = words[-1]
        if tag == "ns":
            return None         # 几家上海组织: a place says whose, not what is counted
        head = noun[:-1] if noun.endswith(_NOUN_SUFFIX) else noun
        if normalize_for_match(noun).lower() in corpus_flat:
            # written elsewhere: the figure must be read with it — its sentence names it
            # (多少台电梯？ — 检查设备48898台套 counts special equipment of every kind)
            # (a broad noun — 单位, 机构 — counts whatever the figure's own noun names)
            return noun if noun not in _BROAD_HEADS and noun not in figure.scope and \
                head[-1] not in figure.scope else None
        return noun if head[-1] not in figure.clause else None
    return None


_ORDINAL_ASKED = re.compile(r"第几|哪一?(届|批|次|期|个)|首(个|批|届|次|家|项|期)|第[一二三四五六七八九十\d]")
def _ordinals(text: str) -> dict[str, int]:
    """The series members ``text`` names, by measure word: 第二批 → ``{"批": 2}`` (首 → 1); a
    figure counted in the 首批 is not the 第二批's.

    >>> _ordinals("推动第二批长三角质量提升示范项目建设"), _ordinals("首届大赛")
    ({'批': 2}, {'届': 1})
    """
    found = {}
    for m in SERIES_MEMBER.finditer(text):
        number = member_number(m)
        if number is not None:
            found[m.group(3)] = number
    return found


# The measure a rate or index question names (签约率, 合格率, 竞争力指数): a figure of another
# measure does not answer it, however close the rest of its clause (高于全国7.14个百分点 is the
# 合格率's lead, not the 签约率's).
# A demonstrative or particle before it names none (那个指数: any index).
# A figure named by a word of its own (得分, 营收, 人数), in no rate of the words around it.
OWN_FIGURE_WORD = re.compile(r"得分|分数|营收|收入|人数|金额|数量|总量|规模")
_MEASURE = re.compile(r"不?(?:(?![那这个的该其此之各])[\u4e00-\u9fff]){1,2}(?:率|指数)")     # 不合格率 is not 合格率
# What a question compares against (比全国高几个点, 比上年提高, 跟全国比, 同比): the words after 比/较
# up to the verb of comparison, or between 跟/与 and 比.
_VERBS = "高低多少快慢好差提增减涨降"
_BI = r"(?<![同对相比])(?<!比一)比(?![例重率较]|一比|一下|比)"   # 比 comparing, not 比例, 同比, 对比, 比一比
_YEAR_BASE = r"(?:19|20)\d{2}年度?"     # 比2022年: an earlier year, whose figure is a change on it
_COMPARED = re.compile(rf"(?:{_BI}|(?<!比)较(?!为|一下)|高于|低于)(?P<base>{_YEAR_BASE}|(?![{_VERBS}])[\u4e00-\u9fff]{{1,10}}?)"
                       rf"(?:的)?(?:平均水平|平均)?(?=[{_VERBS}]|下降|上升)")
_COMPARED_BEFORE = re.compile(rf"(?:跟|与|和|同)(?P<base>{_YEAR_BASE}|[\u4e00-\u9fff]{{1,10}}?)(?:的)?(?:平均水平|平均)?(?:相比|{_BI})")
# A difference asked after the comparison (高多少, 低几个点, 涨了, 差距): without one, two things
# "compared" (A和B比一比) are set side by side.
_DIFFERENCE = re.compile(r"多少|几|高|低|多|少|大|小|增|降|涨|跌|升|差|快|慢|好|强|弱|优|领先|落后|超|相当|一样|持平")
# Where what is compared ends (合格率|比全国…, 产值|同比…).
_COMPARISON_START = re.compile(rf"同比|跟|与|{_BI}|较|高于|低于")
_ASKING = re.compile(r"多少|几|哪|什么|啥|怎么|怎样|如何|吗")
_HOW_MUCH = re.compile(r"多少|几")
_NATIONAL = ("全国",)
_PREVIOUS = ("上年", "去年", "前年", "上一年", "前一年", "同期", "以前", "原来", "之前")
# What states a change on the year before (同比增加12.8％, 由30个增加至36个).
_CHANGE = re.compile(r"同比|上年|去年|前年|比上|较上|增加|增长|提高|提升|下降|减少|由\d")


def compared_with(question: str) -> str | None:
    """What ``question`` compares a figure against — ``"全国"``, ``"上年"`` (the year before, in
    any wording) or the words it names — or ``None``.

    >>> compared_with("签约率比全国平均水平高多少个点？"), compared_with("比上年提高了几个百分点？")
    ('全国', '上年')
    >>> compared_with("水运工程抽检合格率比公路工程低几个百分点？"), compared_with("合格率是多少？")
    ('公路工程', None)
    >>> compared_with("跟全国比高出多少？"), compared_with("同比涨了多少？"), compared_with("占全国的比例是多少？")
    ('全国', '上年', None)
    >>> compared_with("签约率跟2022年比涨了多少？"), compared_with("与2021年相比，合格率提升了几个百分点？")
    ('上年', '上年')
    >>> compared_with("ADR报告收集了多少例，同比涨了多少？") is None     # the first clause asks a level
    True
    >>> compared_with("除了6万多例和同比增幅，百万人口报告数是多少份？") is None
    True
    >>> compared_with("检验检测和认证两个行业营收比一比？") is None    # each asked, side by side
    True
    >>> compared_with("公路工程抽检合格率比较一下是多少？") is None
    True
    """
    # a clause setting figures aside (除了6万多例和同比增幅，…) names what is not asked
    text = normalize_for_match(normalize_query(question))
    text = "".join(c for c in split_clauses(text) if not SET_ASIDE.match(c)) or text
    # a clause asking only whether the documents say it (…提高了多少，文件里有吗？) asks nothing
    # of its own: it names no figure and nothing counted
    asking = [c for c in split_clauses(text) if _ASKING.search(c) and (_HOW_MUCH.search(c) or content_words(c))]
    if len(asking) > 1 and not all(_COMPARED_BEFORE.search(c) or _COMPARED.search(c) or "同比" in c for c in asking):
        return None         # …收集了多少例，同比涨了多少: one clause asks the level itself
    if "同比" in text:
        return "上年"
    m = _COMPARED_BEFORE.search(text) or _COMPARED.search(text)
    if not m or not _DIFFERENCE.search(text, m.end()):
        # (A和B两个行业营收比一比？ asks no difference: the two are set side by side, each asked)
        return None
    base = m.group("base")
    if any(w in base for w in _NATIONAL):
        return "全国"
    if any(w in base for w in _PREVIOUS) or re.fullmatch(_YEAR_BASE, base):
        return "上年"       # a named earlier year too: the documents state changes, not old levels
    return base


def compared_subject(question: str) -> list[str]:
    """The words naming what ``question`` compares (before 比/跟/同比…), without the measure
    (合格率): ``市级药品抽检合格率比全国高多少`` → ``['市级', '药品', '抽检']``; empty when it
    names nothing but the measure.

    The subject is written in the comparison's own clause, or else (那比全国高多少？) in the
    nearest clause before it that names one — not in the asker's introduction before that — and
    a report's frame (看到报道说…) names the source, not the subject.

    >>> compared_subject("市级药品抽检合格率比全国高多少个百分点？"), compared_subject("合格率比全国高多少？")
    (['市级', '药品', '抽检'], [])
    >>> compared_subject("我是做汽配的，看到报道说制造业产品质量合格率是96%，那比全国高出多少？")
    ['制造业', '产品质量']
    """
    clauses = split_clauses(normalize_for_match(normalize_query(question)))
    at = next((i for i, c in enumerate(clauses) if _COMPARISON_START.search(c)), None)
    if at is None:
        return []

    def subject(head: str) -> list[str]:
        head = _REPORT_FRAME.sub("", head)
        return [w.lower() for w in content_words(head) if not w.endswith(("率", "指数"))]

    words = subject(clauses[at][:_COMPARISON_START.search(clauses[at]).start()])
    if len(words) < 2:      # (…药品不良反应报告，数量同比涨了多少？): the clause before names it too
        for clause in reversed(clauses[:at]):
            before = subject(clause)
            if before:
                return before + words
    return words


# 看到报道说…, 听说…, 网上说…: the source of what follows, not its subject.
_REPORT_FRAME = re.compile(r"^[^，,]{0,12}?(?:报道|新闻|听说|听人|网上|文章|据说|有人)[^，,]{0,4}?(?:说|称|讲|提到)?(?=[^，,])")


def states_change(text: str) -> bool:
    """Whether ``text`` states a figure as a change on the year before (同比增加12.8％, 由30个
    增加至36个) — what a question comparing with an earlier year (比2022年多了还是少了) needs: the
    documents give no earlier year's level.

    >>> states_change("共收集ADR报告6万多例，同比增加12.8％。"), states_change("全市共计支付质量发展专项资金2.1亿元。")
    (True, False)
    """
    return any(_against(f, "上年") for f in figures_in(text))


def _against(figure: Figure, base: str) -> bool:
    """True when ``figure``'s clause compares against ``base`` (:func:`compared_with`), or its
    scope names it."""
    clause = normalize_for_match(figure.clause)
    if base == "全国":
        return "全国" in clause
    if base == "上年":
        return bool(_CHANGE.search(clause))
    return base in normalize_for_match(figure.scope)


# A part of a question asking several figures (…多少批次，…又做了多少批次？) is matched half by
# its own words, half by the whole question's (which may name its subject). Half, not fitted.
PART_SHARE = 0.5
# A figure compared (…同比增加多少, …比全国高多少) answers only when its scope holds this much of
# the words naming what is compared (IDF-weighted: 特种设备 outweighs 检查、单位、家次, which the
# drug inspections' sentence also holds). Half, not fitted.
SUBJECT_SHARE = 0.5


# Verbs of an outcome — being chosen, awarded, approved (评上, 获奖, 入选, 通过认证). A count of
# those who reached it is not a count of an earlier stage (95家申报, 8家进入提名奖公示): a figure
# whose clause states no outcome does not answer a question that asks one.
OUTCOME = re.compile(r"获奖|获得|获评|获批|荣获|评上|选上|评为|评选为|入选|当选|成为|认定|授予|摘得|拿到|拿了|得奖|上榜|"
                     r"通过[了过]?[^，。；？?]{0,12}(认证|评审|验收|认定|审查|审核|评估|评价)")   # 通过 as 'through' is none
# A case's later stage — decided, sentenced, prosecuted (判决, 提起公诉, 审结) — is not counted by an
# earlier one (受理…审查逮捕案件, 审查起诉案件: cases received for review): the figure's own clause
# must name a decision too.
DECIDED = re.compile(r"判决|宣判|判处|判了|定罪|提起公诉|公诉|结案|审结|批准逮捕|批捕")
# …and how the documents state a recognition they grant (创建市级绿色工厂102家, 命名, 授牌), or a
# score obtained (拿了多少分 → 满意度得分82.82).
OUTCOME_STATED = re.compile(OUTCOME.pattern + r"|创建|命名|授牌|挂牌|得分|评分")

# A count of those that failed a test (不合格的批次, 没通过认定的, 不满意的比例) is not a count of those
# tested or of those that passed: the figure's own clause must say the failure too.
NEGATED = re.compile(r"(不|没|未|没有)(合格|通过|达标|满意|完成|获批|入选|符合)")

# What a period added (新增, 一年里培育了多少) is not answered by a running total (累计培育5600余名):
# a question asking the first, and not a total itself, skips figures the documents count as the
# second.
ADDED_ASKED = re.compile(r"新增|新(培育|建|认定|评|聘|招|签|发布|增加|创建)|(一|这一?|当|那一?)年(里|内|中|间|下来)|年内|当年|全年新")
_TOTAL_ASKED = re.compile(r"累计|总计|合计|总共|至今|截至|截止|一共")
CUMULATIVE = re.compile(r"累计|截至|截止|至今|历年|总计")
# Examples listed in brackets after a group's name (重点人群（老年人、慢病人群、孕产妇等）签约率84.9％):
# the figure counts the group, not one of its examples.
_EXAMPLES = re.compile(r"(?P<group>[\u4e00-\u9fff]{2,6})[（(](?P<members>[^（）()]{2,40}?等)[）)]")


# A subset told aside in brackets (1169起（其中部督案件14起，集群战役2起）): its figures are those
# inside; the figures outside count the whole.
_SUBSET = re.compile(r"[（(]其中(?P<members>[^（）()]{2,60})[）)]")


def subset_only(sentence: str, terms: list[str], clause: str) -> bool:
    """True when ``terms`` (a question's content words) name, in ``sentence`` (normalised for
    matching), only a subset told aside in brackets (（其中部督案件14起…）) and ``clause`` (a
    figure's own clause) is outside it: that figure counts the whole, not the subset asked.

    >>> s = "共侦破刑事案件1169起(其中部督案件14起,集群战役2起),总涉案金额48.4亿余元"
    >>> subset_only(s, ["部督", "涉案", "金额"], "总涉案金额48.4亿余元"), subset_only(s, ["部督"], "其中部督案件14起")
    (True, False)
    """
    for m in _SUBSET.finditer(sentence):
        outside = sentence[:m.start()] + sentence[m.end():]
        if any(t in m.group("members") and t not in outside for t in terms) and clause not in m.group(0):
            return True
    return False


# A figure that sums what a clause before it lists (开展A、B、C行动，全年共部署抽查13766批次).
_SUMMED = re.compile(r"共|总计|合计|总共|一共")


def member_of_total(sentence: str, question: str, clause: str) -> bool:
    """True when ``clause`` (a figure's own clause) sums (共, 合计…) what an earlier clause of
    ``sentence`` lists with 、 (开展A、B、C行动，全年共部署…13766批次) and ``question`` (all three
    normalised for matching) names one member of that list alone: the figure counts them all,
    the notice gives no figure of the one asked.

    >>> s = "开展重点工业产品质量安全隐患排查治理、儿童和学生用品安全守护、燃气器具排查整治行动,全年共部署抽查13766批次产品"
    >>> member_of_total(s, "儿童和学生用品安全守护行动抽查了多少批次", "全年共部署抽查13766批次产品")
    True
    >>> member_of_total(s, "这几项行动一共抽查了多少批次", "全年共部署抽查13766批次产品")
    False
    """
    if not _SUMMED.search(clause) or clause not in sentence:
        return False
    asked = han_bigrams(question)
    for listing in split_clauses(sentence[:sentence.find(clause)]):
        members = [m for m in listing.split("、") if len(m) >= 4]
        if len(members) < 2:
            continue
        shares = [len(han_bigrams(m) & asked) / max(1, len(han_bigrams(m))) for m in members]
        named = [x for x in shares if x >= 0.6]
        if len(named) == 1 and sorted(shares)[-2] < 0.3 and not any(
                m in clause for m, x in zip(members, shares) if x >= 0.6):
            return True
    return False


# Two things counted together (放心消费单位和无理由退换货企业约2万家): a figure's subject joined by 和.
_JOINT = re.compile(r"([\u4e00-\u9fff]{3,12})(?:和|及|与|以及)([\u4e00-\u9fff]{3,12})约?(?:近|超过|共)?\d")
# Asking for one of them on its own (单独, 单算, 其中…).
_ALONE = re.compile(r"单独|单算|单拎|单列|其中|里面|这里面|当中|分别|各")


def joint_count(context: str, question: str) -> bool:
    """True when ``context`` (a figure's own words, normalised for matching) counts two things
    together (A和B约2万家) and ``question`` (normalised for matching) asks for one of them on its
    own (:data:`_ALONE`: 这里面B单独是多少家) — naming it and not the other: the documents give no
    figure of the one asked.

    >>> joint_count("新增放心消费单位和无理由退换货企业约2万家", "这里面无理由退换货企业单独是多少家")
    True
    >>> joint_count("新增放心消费单位和无理由退换货企业约2万家", "新增放心消费单位和无理由退换货企业多少家")
    False
    """
    m = _JOINT.search(context)
    if not m or not _ALONE.search(question):
        return False
    asked = han_bigrams(question)
    shares = [len(han_bigrams(x) & asked) / max(1, len(han_bigrams(x))) for x in m.groups()]
    return max(shares) >= 0.6 and min(shares) < 0.3


def kinds_asked(question: str) -> list[tuple[str, str]]:
    """``(modifier, head)`` pairs of what ``question`` counts (:func:`counted_words`): two of
    its words written together (认证 + 机构) or a noun and a word with 的 between (汽车 + 合格率),
    or a word of four or more characters read as its last two and the rest (民事案件 → 民事 +
    案件). Normalised for matching.

    >>> kinds_asked("法院受理了多少件知识产权民事案件？")
    [('知识产权', '民事案件'), ('知识', '产权'), ('民事', '案件')]
    >>> kinds_asked("全市认证机构的营业收入有多少？")[:1]
    [('认证', '机构')]
    """
    return _kind_pairs(counted_words(question), question)


def _kind_pairs(words: list[str], question: str) -> list[tuple[str, str]]:
    """``(modifier, head)`` pairs of ``words`` (of ``question``): see :func:`kinds_asked`."""
    words = [normalize_for_match(w) for w in words]
    flat = normalize_for_match(normalize_query(question))
    # a word for the documents' whole field or place (全市, 上海) names no kind
    pairs = [(a, b) for a, b in zip(words, words[1:])
             if len(a) >= 2 and len(b) >= 2 and (a + b in flat or a + "的" + b in flat and noun_words(a) == [a]) and a not in GENERIC_WORDS]
    pairs += [(w[:-2], w[-2:]) for w in words if len(w) >= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", w)]
    return pairs


def other_kind(pairs: list[tuple[str, str]], scope: str, question: str = "", used=frozenset(), frame: str = "",
               area: str = "") -> bool:
    """True when the figure whose text is ``scope`` (normalised for matching) counts another
    kind of the thing ``question`` (normalised for matching) asks about — ``pairs`` are the
    question's ``(modifier, head)`` pairs (:func:`kinds_asked`):

    * a sibling of a two-character modifier (刑事案件596件 for 民事案件: the same kind word after
      another mark, both words of the dictionary), or
    * a kind the question names with a noun the documents use (``used``: their words) that the
      figure's text never writes, while it writes another noun the question does not before the
      head, or a word after it (药品抽检合格率99.7％ for 医疗器械抽检合格率, 市级绿色工厂102家
      for 国家级绿色工厂). A modifier the documents never use may be the user's synonym or slip
      (不良反应 for ADR, 资讯 for 信息): it decides nothing here. ``frame`` is the figure's
      sentence and its section's headings (normalised for matching): a kind they name is the
      figure's (“双打”工作… frames 总涉案金额), or
    * a kind the figure's section (``area``, its text normalised for matching) never names while
      it names a sibling of it before the same head (a section of 刑事案件 counts no 民事案件,
      whatever its figure's own words: 审查逮捕案件359件), or
    * a kind the figure's section writes out (认证机构) while the figure's text writes its head only
      after another word (全市检验检测机构年行业营收…，294家通过高新技术企业认定 for 认证机构), or
    * a kind (a noun the documents use, before a head they use) that the figure's section never
      names while the figure's text writes no head of the question's either (药品抽检…多少批次 →
      质量监督抽查13766批次产品: the notice gives the 药品抽检 rate, no count of batches).

    >>> other_kind([("民事", "案件")], "全年共受理一审知识产权刑事案件596件")
    True
    >>> other_kind([("刑事", "案件")], "全年共受理一审知识产权刑事案件596件")
    False
    >>> other_kind([("服务业", "质量")], "上海市制造业质量竞争力指数95.17")
    True
    >>> other_kind([("民事", "案件")], "共受理侵犯知识产权犯罪审查逮捕案件359件615人", area="…一审知识产权刑事案件596件…")
    True
    >>> other_kind([("医疗器械", "抽检"), ("抽检", "合格率")], "市级药品抽检合格率99.7%", "医疗器械抽检合格率", {"医疗器械"})
    True
    >>> other_kind([("药品", "抽检"), ("抽检", "合格率")], "市级药品抽检合格率99.7%", "药品抽检合格率", {"药品"})
    False
    >>> scope = "全市检验检测机构年行业营收325.64亿元,294家通过高新技术企业认定"
    >>> other_kind([("认证", "机构")], scope, "认证机构", area=scope + "。全年认证机构年行业营收51.30亿元")
    True
    >>> other_kind([("检测", "机构")], scope, "检测机构", area=scope + "。全年认证机构年行业营收51.30亿元")
    False
    >>> other_kind([("药品", "抽检")], "全年共部署质量监督抽查13766批次产品", "药品抽检批次", {"药品", "抽检"},
    ...            area="开展重点工业产品质量安全隐患排查治理…")
    True
    """
    for modifier, head in pairs:
        if modifier in scope:
            continue
        # the figure's section names the kind asked in its own words (认证机构) elsewhere, while the
        # figure's text writes the head only after another word (检验检测机构…294家): the section
        # tells the two kinds apart, and the figure counts the other
        if head in scope and modifier + head in area and all(
                m.start() >= 2 and not han_bigrams(scope[m.start() - 2:m.start()]) & han_bigrams(question)
                for m in re.finditer(re.escape(head), scope)):
            return True
        # …in the figure's own words, or in its section's when the section never names the kind asked
        for text in (scope, area) if modifier not in area else (scope,):
            for m in re.finditer(re.escape(head), text):
                before = text[max(0, m.start() - len(modifier)):m.start()]
                # a sibling of the modifier asked (刑事 beside 民事, 二审 beside 一审, 制造业 beside
                # 服务业): both words of the dictionary, the same kind word after another mark —
                # unless the question writes that mark too (市一级 is 市级)
                if len(modifier) in (2, 3) and re.fullmatch(r"[\u4e00-\u9fff]+", before) and len(before) == len(modifier) and \
                        before[-1] == modifier[-1] and before[0] != modifier[0] and \
                        before[0] + modifier not in question and in_dictionary(before) and in_dictionary(modifier):
                    return True
    # a noun the question puts before a head (医疗器械 … 合格率) names its kind: any head after it;
    # the figure's section may name it (（十三）“双打”工作… frames 总涉案金额)
    heads = list(dict.fromkeys(head for _, head in pairs))
    # (the head in the figure's own clause when it is written there: 学徒制培训，完成补贴性职业技能
    # 培训105.59万人次 — the figure's 培训 is the second)
    own = max(scope.rfind(","), scope.rfind(";")) + 1
    for modifier in dict.fromkeys(modifier for modifier, _ in pairs):
        if modifier in scope or modifier in frame or modifier not in used or not _names_kind(modifier, question):
            continue
        if area and modifier not in area and any(h in used for h in heads) and not any(h in scope for h in heads):
            return True       # neither the kind nor its head in the figure's section (医疗器械抽检 → 质量监督抽查13766批次)
        at = question.find(modifier)
        for head in (h for h in heads if at >= 0 and question.find(h, at + len(modifier)) >= 0):
            found = list(re.finditer(re.escape(head), scope))
            for m in [m for m in found if m.start() >= own] or found:
                sibling = _subject_before(scope[:m.start()])
                # …a noun of its own: none of its character pairs in the question (建设工程 is the
                # 工程 asked, written out)
                if sibling and modifier not in sibling and not any(g in question for g in han_bigrams(sibling)):
                    return True
                # …or the very noun the modifier is put before, with another kind word of its own
                # before it (服装产品 asked, 农产品质量安全…合格率 stated)
                if sibling and len(sibling) > 2 and question.startswith(sibling[-2:], at + len(modifier)) and \
                        sibling[:-2] not in question and not set(sibling[:-2]) & set(modifier):
                    return True
    return False


def _names_kind(modifier: str, question: str) -> bool:
    """True when ``modifier`` (a word of ``question``, both normalised for matching) names a kind
    of thing: a noun (:func:`qa.text.noun_words`), or a word the dictionary tags a verbal noun
    written directly before a noun of two characters or more that is no measure (服装产品: jieba
    tags 服装 ``vn``; 检测 in 检测合格率 names how it was measured, not what).

    >>> _names_kind("医疗器械", "医疗器械抽检合格率"), _names_kind("服装", "服装产品质量合格率")
    (True, True)
    >>> _names_kind("检测", "检测合格率是多少")
    False
    """
    if noun_words(modifier) == [modifier]:
        return True
    if [tag for _, tag in tagged_words(modifier)] != ["vn"]:
        return False
    at = question.find(modifier)
    after = list(tagged_words(question[at + len(modifier):])) if at >= 0 else []
    return bool(after) and after[0][1] in NOUN_TAGS and len(after[0][0]) >= 2 and \
        not re.search(r"(率|数|数量|总量|产量|比例|比重)$", after[0][0])     # (指数 ends in 数)


def other_middle(question: str, scope: str) -> bool:
    """True when a compound noun of ``question`` — three nouns written together, A + M + B —
    has its middle word M nowhere in the figure's own clause ``scope`` (both normalised for
    matching) while that clause writes A + X + B with another word X in the middle (企业首席数据官
    asked, 首席质量官5600余名 stated): the figure counts a sibling kind. M and X must both be words of the dictionary of
    two characters or more and share no character, so a slip inside a word (标准话 for 标准化)
    is not read as another kind.

    >>> other_middle("2023年上海企业首席数据官有多少名？", "累计培育企业首席质量官5600余名")
    True
    >>> other_middle("企业首席质量官有多少名", "累计培育企业首席质量官5600余名")
    False
    >>> other_middle("聘任了多少名企业标准话总监", "聘任企业标准化总监300多名")
    False
    >>> other_middle("数字化地方标准去年立项多少个", "立项15个数字化转型地方标准")
    False
    """
    words = list(tagged_words(question))
    for (a, ta), (m, tm), (b, tb) in zip(words, words[1:], words[2:]):
        if not all(t in NOUN_TAGS and t != "eng" for t in (ta, tm, tb)) or m in scope:
            continue
        if len(m) < 2 or not in_dictionary(m):
            continue
        for found in re.finditer(re.escape(a) + r"([\u4e00-\u9fff]{2,4}?)" + re.escape(b), scope):
            x = found.group(1)
            if x != m and not set(x) & set(m) and in_dictionary(x):
                return True
    return False


# Words for each direction a figure moves or compares in (低于全国, 由30个增加至36个), and a
# comparison the question makes (比全国低, 减少了几个): one table for the citation check
# (qa.citations: 比全国低7.14个百分点 must cite a sentence that says it lower) and for the
# premise note (qa.engine: the question says 低, the documents 高于).
LOWER_WORDS = ("低于", "不足", "下降", "减少", "降低", "以下", "少于")
HIGHER_WORDS = ("高于", "超过", "增加", "增长", "上升", "提高", "领先", "以上", "多于", "新增")
COMPARED_WITH_BI = re.compile(r"比[^，。,；;！!？?]{1,12}?(低|少|高|多)(?![少多]少|样|个|种|项|家)")
# The direction words a question gives its subject with (减少了几个, 高于全国多少) — the words of
# movement and comparison of the tables, not those of a position (以下, 以上) nor 少于/多于/新增.
_DIRECTIONS_ASKED = tuple(w for w in LOWER_WORDS + HIGHER_WORDS if w not in ("以下", "以上", "少于", "多于", "新增"))
# …and a comparison with 比 in a question, where 低多少 asks how much lower (the 多 of 多少 is no
# direction; 同比 is year on year, 比例 a share: no comparison with 比)
_DIRECTION_ASKED = re.compile(r"(?<![同对环])比(?![例重率值])([^，。,；;！!？?]{1,12}?)(低|(?<!多)少|高|多(?!少))|"
                              "(" + "|".join(_DIRECTIONS_ASKED) + ")")


def figure_said_of_other(question: str, quoted: str) -> list[tuple[str, list[str], str]]:
    """For each figure ``question`` states that ``quoted`` gives too, but beside other words:
    ``(the figure as asked, the question's words the quoted text attaches to another figure
    of its sentence, the quoted figure's own clause)`` — 一审受理576件 where the text says
    受理…596件，审结…576件: 576 is the 审结 count. The words are the verbs the question writes
    before the figure (the action it counts); only a figure's own clause counts here (not the
    clauses before it that share its subject): this is about which count is which.

    >>> s = "全年共受理一审知识产权刑事案件596件，共审结一审知识产权刑事案件576件。"
    >>> figure_said_of_other("一审受理576件对吗？", s)
    [('576件', ['受理'], '共审结一审知识产权刑事案件576件')]
    >>> figure_said_of_other("一审审结576件对吗？", s)
    []
    >>> figure_said_of_other("侵犯知识产权犯罪的审查起诉案件819件，涉及多少人？",
    ...                      "受理侵犯知识产权犯罪审查逮捕案件359件615人，审查起诉案件819件1824人。")
    []
    """
    out = []
    given = figures_in(quoted)
    for asked in figures_in(question):
        if asked.unit in (None, "年"):
            continue
        # the action the question gives the figure: the verbs written before it in its clause
        # (一审受理576件), not the words of what it goes on to ask (…70起召回一共涉及多少件产品)
        at = asked.clause.find(asked.phrase)
        before = asked.clause[:at] if at >= 0 else ""
        verbs = [w for w, tag in tagged_words(before) if tag.startswith("v") and len(w) >= 2]
        for source in (g for g in given if g.value == asked.value and same_unit(g.unit, asked.unit)):
            own = normalize_for_match(source.clause)
            others = [normalize_for_match(g.clause) for g in given if g.clause != source.clause and g.value != source.value]
            # …and the figure has an action of its own the question does not give it (审结): a
            # subject the clauses share (侵犯知识产权犯罪…，审查起诉案件819件) is no other count's
            acts = [w for w, tag in tagged_words(source.clause) if tag.startswith("v") and len(w) >= 2
                    and normalize_for_match(w) not in normalize_for_match(before)]
            words = [w for w in verbs if acts and
                     normalize_for_match(w) not in own and any(normalize_for_match(w) in o for o in others)]
            if words:
                out.append((asked.phrase, words, source.clause))
                break
    return out


def opposite_direction(question: str, sentence: str) -> tuple[str, str] | None:
    """The direction phrase of ``question`` and the clause of ``sentence`` that states the
    opposite of the direction ``question`` gives its subject (比全国低 asked, 高于全国7.14个百分点 stated; 减少了几个 asked, 由30个增加至36个
    stated), else ``None``. The clause must name the question's base of comparison (全国) or
    share two character pairs with it, and the sentence must write no word of the direction
    asked: a question whose premise the documents contradict is told so, not answered in
    silence.

    >>> opposite_direction("上海制造业产品质量合格率比全国低多少？", "上海市制造业产品质量合格率96.04％，高于全国7.14个百分点。")
    ('比全国低', '高于全国7.14个百分点')
    >>> opposite_direction("领导小组成员单位减少了几个？", "市质量工作领导小组成员单位由30个增加至36个，完善领导小组及办公室工作规则。")
    ('减少', '市质量工作领导小组成员单位由30个增加至36个')
    >>> opposite_direction("ADR报告同比增长了多少？", "收集ADR报告6.7万余例，同比增加12.8％。") is None
    True
    >>> opposite_direction("合格率比全国高多少？", "上海市制造业产品质量合格率96.04％，高于全国7.14个百分点。") is None
    True
    """
    asked = _DIRECTION_ASKED.search(question)
    if not asked:
        return None
    word = asked.group(2) or asked.group(3)
    lower = word in "低少" or word in LOWER_WORDS
    same, opposite = (LOWER_WORDS, HIGHER_WORDS) if lower else (HIGHER_WORDS, LOWER_WORDS)
    if any(w in sentence for w in same):
        return None
    base = asked.group(1) or ""
    grams = han_bigrams(question)
    for clause in split_clauses(sentence):
        if any(w in clause for w in opposite) and (base and base in clause or len(han_bigrams(clause) & grams) >= 2):
            return asked.group(0), clause.strip("，,。；; ")
    return None


# A rank or standing among others asked (排第几, 排名怎么样, 第几名, 名次) — wider than
# qa.verify.RANK_ASKED, which asks for a rank to be stated: a standing asked names its kind too.
_RANK_ASKED = re.compile(r"第几(?:名|位)|排(?:名|在|第|几|多少)|名次|位次")


def sibling_kind_only(question: str, quotes: list[str]) -> bool:
    """True when every one of ``quotes`` names, before the head word of a kind ``question``
    asks (:func:`kinds_asked`: 建筑业 + 质量), a sibling of its modifier and never the
    modifier itself (制造业质量竞争力指数 for 建筑业质量竞争力指数): the quotes speak of
    another kind of the thing asked (the first rule of :func:`other_kind`). The kinds are those
    a count asks (:func:`kinds_asked`) or, for a rank asked (排第几, 排名怎么样), the nouns of
    the question paired the same way."""
    kinds = kinds_asked(question)
    if _RANK_ASKED.search(question):
        kinds += _kind_pairs(noun_words(question), question)
    flat = normalize_for_match(normalize_query(question)).lower()
    return bool(kinds and quotes) and all(other_kind(kinds, normalize_for_match(q).lower(), flat) for q in quotes)


def _subject_before(text: str) -> str | None:
    """The word naming a kind of thing nearest the end of ``text`` (a figure's text up to a
    head word: 市级药品|抽检 → 药品, 农产品质量安全例行监测|合格率 → 农产品) within its last run
    of up to ten characters: a noun (:data:`qa.text.NOUN_TAGS`; Latin words aside — an
    abbreviation may spell what the question writes out) of two characters or more that is not
    a word of the documents' whole field or span (质量, 全市); ``None`` when there is none."""
    run = re.search(r"[\u4e00-\u9fffa-z]{1,10}$", text)
    if not run:
        return None
    nouns = [word for word, tag in tagged_words(run.group(0)) if tag in NOUN_TAGS and tag != "eng"
             and len(word) >= 2 and word not in GENERIC_WORDS | SPAN_WORDS]
    return nouns[-1] if nouns else None


def _head_noun(text: str) -> str | None:
    """The last noun of two characters or more of ``text`` (its head: 市级智能工厂 → 工厂)."""
    nouns = [w for w in noun_words(text) if len(w) >= 2]
    return nouns[-1] if nouns else None


def asked_head(question: str) -> str | None:
    """The head noun of what ``question`` counts after 多少/几 and a measure word (多少个犯罪嫌疑人 →
    嫌疑人, 几家市级智能工厂 → 工厂; a broad head with its own word before it as one: 多少家认证机构 →
    认证机构), or ``None``; what follows 多少家 saying what they did (认证机构有多少家通过了…) leaves
    the things named before it.

    >>> asked_head("认证机构有多少家通过了高企认定？"), asked_head("多少个犯罪嫌疑人？"), asked_head("有多少家机构？")
    ('认证机构', '嫌疑人', '机构')
    >>> asked_head("有多少案件被审查以起诉知识产权犯罪？")
    '案件'
    """
    text = to_halfwidth(normalize_query(question))
    m = _COUNTED_AFTER.search(text)
    if m and _predicate(m.group("head")):
        m = _COUNTED_BEFORE.search(text)      # 认证机构有多少家通过了…: the things counted come first
    if not m:
        return None
    head = (_head_noun(_noun_run(m.group("head"))) if m.re is _COUNTED_AFTER else None) or _head_noun(m.group("head"))
    if head in _BROAD_HEADS:
        # a broad head with a word of its own before it names one kind (认证机构, not any 机构)
        words = list(tagged_words(m.group("head")))
        at = max((i for i, (w, _) in enumerate(words) if w == head), default=0)
        before = words[at - 1][0] if at else ""
        if len(before) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", before) and before not in GENERIC_WORDS | SPAN_WORDS:
            return before + head
    return head


def _noun_run(text: str) -> str:
    """``text`` (what follows 多少/几) up to its first preposition, particle, adverb, conjunction
    or pronoun, or verb with an aspect mark after it (了, 过, 着): the noun phrase that opens it
    (案件被审查以起诉知识产权犯罪 → 案件, 单位进了…提名奖公示 → 单位 — what 多少 counts is the noun
    right after it, not the last noun of the question; 疫情救治重点医院 stays whole); empty when
    the phrase is a place (老人家里)."""
    kept, at = [], 0
    for word, tag in tagged_words(text):
        at += len(word)
        if tag == "f":
            return ""         # 多少户老人家里…: a place (in their homes), not what is counted
        if tag[:1] in ("p", "u", "d", "c", "r") or tag[:1] == "v" and text[at:at + 1] in ("了", "过", "着"):
            break
        kept.append(word)
    return "".join(kept)


# Nouns for a broad class of things (多少设施: 为老服务中心 and 长者食堂 are facilities): what
# they count is not told from a figure's own noun.
_BROAD_HEADS = frozenset("设施 场所 机构 单位 东西 地方 主体 载体 成果 内容 事情 工作".split())


def counts_other(question: str, figure: "Figure") -> bool:
    """True when ``question`` asks a count of one thing (多少隐患, 几家市级智能工厂 — the head
    noun after 多少/几) and ``figure`` counts another by its own words (13766批次产品, 5个市级质检中心
    — the head noun after its measure word), with no character pair of the two heads shared and
    the thing asked nowhere in the figure's clause.

    >>> f = figures_in("全年共部署质量监督抽查13766批次产品")[0]
    >>> counts_other("排查整治行动一共查出了多少隐患？", f), counts_other("抽查了多少批次产品？", f)
    (True, False)
    >>> f = figures_in("创建市级绿色工厂102家、绿色园区3家")[0]
    >>> counts_other("新创建了多少家绿色饭店？", f), counts_other("创建了几家绿色工厂？", f)
    (True, False)
    >>> counts_other("二审收了多少件案子？", figures_in("共受理二审知识产权刑事案件55件")[0])
    False
    """
    asked = asked_head(question)
    if not asked or asked in _BROAD_HEADS:
        return False
    at = figure.clause.find(figure.phrase)
    if at < 0:
        return False
    after = re.match(r"[\u4e00-\u9fff]{2,10}", figure.clause[at + len(figure.phrase):])
    # a figure that ends its phrase (市级绿色工厂102家、…) counts the noun just before it
    before = None if after or figure.unit in ("%", "个百分点") else re.search(r"[\u4e00-\u9fff]{2,10}$", figure.clause[:at])
    if after and _predicate(after.group(0)):
        return False          # 294家通过…认定: its clause says what they did, its subject comes earlier
    own = _head_noun(after.group(0)) if after else _head_noun(before.group(0)) if before else None
    # a spoken noun of one character and 子/儿 (案子) names what the written one does (案件)
    spoken = asked[0] if len(asked) == 2 and asked[1] in "子儿" else None
    return bool(own) and asked not in figure.clause and not han_bigrams(asked) & han_bigrams(own) and \
        not (spoken and spoken in own)


# What a sum of money is (奖金, 利润, 营收…), words of one kind grouped.
_MONEY_KINDS = (("奖金", "奖励金", "奖励"), ("补贴", "补助", "资助"), ("资金", "经费", "拨款"), ("预算",),
                ("投资", "投入"), ("利润",), ("营收", "收入"), ("产值",), ("涉案金额", "涉案"), ("罚款", "罚没"),
                ("保费",), ("订单",), ("销售额", "销售"), ("工资", "薪资", "薪水", "薪酬", "月薪", "年薪"))


def other_money(question: str, clause: str) -> bool:
    """True when ``question`` asks a kind of money (奖金) and the money figure's ``clause`` says
    it is another (新增利润74.3亿元): no word of the kind asked in the clause, a word of another.

    >>> other_money("上海市质量奖的奖金是多少？", "250个项目为企业新增利润74.3亿元")
    True
    >>> other_money("专项资金支付了多少？", "全市共计支付质量发展专项资金2.1亿元")
    False
    """
    asked = [k for k in _MONEY_KINDS if any(w in question for w in k)]
    own = [k for k in _MONEY_KINDS if any(w in clause for w in k)]
    return bool(asked) and bool(own) and not set(asked) & set(own)


def example_only(sentence: str, terms: list[str], question: str) -> bool:
    """True when ``terms`` (a question's content words) name, in ``sentence`` (normalised for
    matching), only an example listed in brackets after a group (重点人群（…孕产妇等）) and
    ``question`` does not name the group (its last four characters): the sentence's figures count
    the group, or more.

    >>> s = "其中重点人群(老年人、慢病人群、孕产妇等)签约率84.9%"
    >>> example_only(s, ["孕产妇", "签约率"], "孕产妇这一类人群的签约率"), example_only(s, ["孕产妇"], "孕产妇这些重点人群")
    (True, False)
    """
    for m in _EXAMPLES.finditer(sentence):
        outside = sentence[:m.start("members")] + sentence[m.end("members"):]
        if any(t in m.group("members") and t not in outside for t in terms) and m.group("group")[-4:] not in question:
            return True
    return False


# Asking to confirm what the question states (合格率是99.7％吗？): its figures are then what is asked.
CONFIRMS = re.compile(r"吗|对不对|是不是|是否|没错|对吧|还是")     # (是A还是B: which of two it states)


def confirms_figure(question: str) -> bool:
    """True when ``question`` asks to confirm a figure it states rather than for a figure.

    >>> confirms_figure("合格率是99.7％吗？"), confirms_figure("95家申报，评上了几家？")
    (True, False)
    >>> confirms_figure("到底是48.4亿元整，还是48.4亿元以上？"), confirms_figure("绿色食品认证率到31.8%了？")
    (True, True)
    """
    return bool(CONFIRMS.search(question)) and not re.search(r"多少|几", question) and bool(figures_in(question)) \
        or figure_put_to_confirm(question)


def whole_sentence(sentence: str, text: str) -> str:
    """The full-stop sentence of ``text`` that holds ``sentence`` (an evidence sentence, which
    :func:`qa.text.split_sentences` also ends at ；): the clauses before it in that sentence frame
    it. ``sentence`` itself when ``text`` does not hold it.

    >>> whole_sentence("筹建5个质检中心；", "引言。在“3＋6”领域，新增10项；筹建5个质检中心；构建机制。后文。")
    '在“3＋6”领域，新增10项；筹建5个质检中心；构建机制。'
    """
    at = text.find(sentence)
    if at < 0:
        return sentence
    start = max(text.rfind(p, 0, at) for p in "。！？\n") + 1
    ends = [i for i in (text.find(p, at + len(sentence) - 1) for p in "。！？\n") if i >= 0]
    return text[start:min(ends) + 1 if ends else len(text)]


# Verbs of one character too light to tell one act from another (是, 有, 搞, 做…).
_LIGHT_VERBS = frozenset("是 有 做 搞 干 弄 要 会 能 让 给 去 来 说 讲 问 想 看 在 到 办 用 算 上 下 出 进 过 成 为 叫 占 达 增 涨 降 少 多 比".split())


def spoken_verbs(question: str) -> list[str]:
    """The verbs of one character ``question`` asks its figure of (抓了多少人 → 抓; 破了几起 → 破),
    spoken forms of the documents' two-character verbs (抓获, 侦破): :func:`clause_match` credits
    a clause holding the character. Light verbs (:data:`_LIGHT_VERBS`) are left out.

    >>> spoken_verbs("双打抓了多少人"), spoken_verbs("去年有多少家"), spoken_verbs("不要再查原文了。到底是多少？")
    (['抓'], [], [])
    """
    words = list(tagged_words(normalize_query(question)))
    # (the verb of the count itself — 抓了多少, 破了几 — not one elsewhere in the message: 没人查)
    return [w for i, (w, tag) in enumerate(words)
            if len(w) == 1 and tag == "v" and "\u4e00" <= w <= "\u9fff" and w not in _LIGHT_VERBS
            and re.match(r"(?:了|过)?(?:多少|几)", "".join(x for x, _ in words[i + 1:i + 4]))]


# A figure asked for each one of a group (每家企业补贴多少, 人均, 平均每个项目) — and a clause stating
# one (平均合格率, 每万人, 人均): a total is no answer to it.
_PER_UNIT_ASKED = re.compile(r"(?:平均)?每(?:一)?(?:家|个|名|人|户|项|所|位|批|次|台|件|条|单位|企业|项目)|人均|户均|家均|平均(?:下来|到|给|每|一)|"
                             # …or for one alone (对单个企业最高补贴多少, 一家企业最多能拿多少)
                             r"单(?:个|家|户|笔)(?:企业|单位|项目)|一(?:家|个)(?:企业|单位|项目)?最(?:高|多)")
_PER_UNIT_STATED = re.compile(r"每|平均|人均|户均|家均|均为")


def rank_figures(question: str, evidence, unit: str | None, weights: dict[str, float],
                 required: tuple[str, ...] = (), context: str = "") -> list[AskedFigure]:
    """Every figure of the ``evidence`` sentences (``qa.retrieval.Evidence``), best match to
    ``question`` first: how well its scope matches the question's words, plus how well its own
    context matches what the question counts (:func:`counted_words`) × :data:`OWN_WEIGHT`, plus the unit bonus when
    ``unit`` (the measure word asked, or ``元``/``%`` for money and rates) is given. Years and
    figures the question itself states are left out, and so are figures in a measure word that
    does not count what ``unit`` counts, and figures whose sentence (or its section's headings) lacks a span the
    question quotes (``required``: “一次认证、多国证书”). ``context`` is the whole question when
    ``question`` is one part of it (…受理了多少件、多少人？): its words name the subject."""
    # the documents' whole place and span (全市, 全年) tell no figure from another
    terms = [w for w in content_words(f"{context} {question}" if context else question) if w not in SPAN_WORDS]
    # 抓了多少人 — 抓获犯罪嫌疑人3562名, not 审查逮捕…615人: the verb of the count, weighing half the
    # question's least specific word (a character of 收集 must not outweigh 一审 of 一审收了多少案子)
    verbs = spoken_verbs(question)
    if verbs:
        least = min((weights[w] for w in terms if w in weights), default=min(weights.values(), default=1.0))
        weights = ChainMap({v: least / 2 for v in verbs}, weights)
        terms += verbs
    own_terms = [w for w in content_words(question) if w not in SPAN_WORDS] if context and context != question else []
    keys = [normalize_for_match(r) for r in required]
    # a span quoted in the context before the question (上海“剑网”“秋风”这些行动侦破了1169起，请问
    # 保护了多少个品牌？) names the topic: the figure's section must hold it, not its own sentence
    asks = normalize_for_match(asking_clauses(question))
    aside = {k for k in keys if asks and k not in asks}
    counted = counted_words(question) or content_words(question) or terms    # the part's own words
    # the figures the question states are not its answer (95家申报，评上了几家？) — unless it asks
    # to confirm one (药品抽检合格率是99.7％吗？): then the sentence stating it is the answer
    stated = set() if confirms_figure(question) else {f.value for f in figures_in(question)}
    members = _ordinals(f"{context} {question}")
    # (the part's own measure when it names one — or names a figure by a word of its own, 满意度得分:
    # the rates of the parts around it are not its measure)
    measures = {m.group(0) for m in _MEASURE.finditer(normalize_for_match(normalize_query(question)))}
    if not measures and not OWN_FIGURE_WORD.search(question):
        measures = {m.group(0) for m in _MEASURE.finditer(normalize_for_match(normalize_query(f"{context} {question}")))}
    base = compared_with(question)        # this part's own comparison (…多少例，同比涨了多少？ asks two)
    subject = compared_subject(question)
    if not subject and context:           # 跟全国比高出多少？ after …合格率多少？: the whole question names it
        subject = compared_subject(f"{context} {question}")
        # …of an earlier turn, whose asking words are gone: what is left of its verbs (收上来 of
        # 报告收上来多少例？) names nothing the documents could hold — the words they know name it
        known = [w for w in subject if w in weights]
        subject = known if len(known) >= 2 else subject
    # 个 with no noun after it (聘了多少个？ 培养出来多少个了？) counts whatever the question names
    generic = unit == "个" and bool(re.search(r"(多少|几)个[了呢啊吧啦呀哦嘛]*(?![\u4e00-\u9fff])", to_halfwidth(question)))
    # …and 个 before a noun counts that noun in whatever measure word its figure takes (多少个犯罪嫌疑人
    # → 犯罪嫌疑人3562名)
    head = asked_head(question) if unit == "个" and not generic else None
    asked = normalize_query(question)
    outcome = bool(OUTCOME.search(asked))     # this part's own verb
    negated = bool(NEGATED.search(asked))
    decided = bool(DECIDED.search(asked))
    per_unit = bool(_PER_UNIT_ASKED.search(asked))
    # (那个数是累计的，那一年新培育了多少？ asks the added count: the total is the clause that asks)
    asking = "".join(c for c in split_clauses(asked) if re.search(r"多少|几", c)) or asked
    added = bool(ADDED_ASKED.search(asking)) and not _TOTAL_ASKED.search(asking)
    flat_terms = [normalize_for_match(t) for t in terms]
    flat_question = normalize_for_match(f"{context} {question}")
    own_flat = normalize_for_match(question)
    kinds = kinds_asked(question)
    simplified = normalize_for_match(normalize_query(f"{context} {question}")).lower()
    ranked = []
    areas: dict[str, str] = {}        # each section's text, normalised for matching
    for e in evidence:
        # a quoted span may name the sentence's section (“双打”工作 → （十三）“双打”工作力度…)
        # and a span framing a sentence of several clauses (在“3＋6”领域，新增…；筹建…5个…) each clause
        if keys:
            framed = normalize_for_match(whole_sentence(e.sentence.text, e.section.text) + " ".join(e.section.path))
            if not all(k in framed or k in aside and k in normalize_for_match(e.section.text) for k in keys):
                continue
        # a sentence naming what is asked only as an example of a group counts the group, or more
        flat_sentence = normalize_for_match(e.sentence.text)
        frame = normalize_for_match(e.sentence.text + " ".join(e.section.path)).lower()
        if e.section.section_id not in areas:
            areas[e.section.section_id] = normalize_for_match(e.section.text).lower()
        area = areas[e.section.section_id]
        examples_named = example_only(flat_sentence, flat_terms, flat_question)
        for f in figures_in(e.sentence.text):
            if f.value in stated or (f.unit == "年" and len(f.value) == 4):
                continue
            # 几星 is not answered by 5600余名, 高几个点 not by a rate
            # a change on the year before (产值同比增长了多少) may be stated as a rate
            rate_of_change = base == "上年" and f.unit in ("%", "个百分点")
            counts_head = bool(head) and head in f.clause
            if unit and not generic and not counts_head and not rate_of_change and f.unit and not same_unit(f.unit, unit) or \
                    (unit == "个百分点" and f.unit == "%"):
                continue
            if f.unit is None and re.fullmatch(r"(19|20)\d{2}", f.value):
                continue
            scope_flat = normalize_for_match(f.scope).lower()
            if f.unit in ("%", "个百分点", None) and measures and not any(m in scope_flat for m in measures):
                continue                      # the 合格率's lead does not answer a 签约率 question
            if base is not None and (not _against(f, base) or
                                     subject and clause_match(f.scope, subject, weights) < SUBJECT_SHARE):
                continue                      # 高于全国7.14个百分点 is no change on the year before,
                                              # nor the 药品 合格率's lead
            if outcome and not OUTCOME_STATED.search(f.scope):
                continue                      # 评上了几家 is not answered by 95家…申报
            if not outcome and OUTCOME.search(f.context) and not clause_match(f.context, terms, weights):
                continue                      # 多少家检验检测机构 is not answered by 294家通过…认定:
                                              # those its clause counts are the ones that passed
            if counts_other(question, f):
                continue                      # 多少隐患 is not answered by 13766批次产品
            if unit == "元" and other_money(asked, f.clause):
                continue                      # 奖金多少 is not answered by 新增利润74.3亿元
            if decided and not DECIDED.search(f.context):
                continue                      # 判决了多少件 is not answered by 受理…171件
            if per_unit and not _PER_UNIT_STATED.search(f.scope):
                continue                      # 每家企业补贴多少 is not answered by the total 2.1亿元
            if negated and not NEGATED.search(f.context):
                continue                      # 不合格的有多少批次 is not answered by 13766批次 deployed
            if added and CUMULATIVE.search(f.scope) and not ADDED_ASKED.search(f.scope):
                continue                      # 一年里新增培育了多少 is not answered by 累计培育5600余名
            if examples_named:
                continue                      # 孕产妇的签约率 is not 重点人群（…孕产妇等）的, nor all's
            if subset_only(flat_sentence, flat_terms, normalize_for_match(f.clause)):
                continue                      # 部督案件的涉案金额 is not the 总涉案金额 of all cases
            if member_of_total(flat_sentence, flat_question, normalize_for_match(f.clause)):
                continue                      # one action of those listed is not counted by their 共…批次
            if joint_count(normalize_for_match(f.context), own_flat):
                continue                      # 无理由退换货企业 alone is not counted by A和B约2万家
            if other_kind(kinds, scope_flat, simplified, weights, frame, area):
                continue                      # 民事案件 is not counted by 刑事案件596件
            if f.value[:1] in ("首", "第") and not _ORDINAL_ASKED.search(question):
                continue                      # 首个, 第二批 tell which one, not how many
            # 首批19项 does not count the 第二批 asked: a later member than the documents count is
            # not in them (an earlier one — 第四届 where they report the 第五届 — is the
            # question's slip, corrected by the figure; so is an ordinal figure itself)
            ordinal = f.value[:1] in ("首", "第") or f"第{f.value}" in f.scope
            other = not ordinal and any(
                members.get(measure, value) > value for measure, value in _ordinals(f.scope).items())
            # 首席数据官 is not counted by 首席质量官5600余名 — and when the sibling's figure is the
            # best match, the kind asked is not in the documents: the sentence's other figures
            # (标准化总监300多名) do not answer it either
            other = other or other_middle(simplified, normalize_for_match(f.clause).lower())
            counts = OWN_WEIGHT * clause_match(f.context, counted, weights)
            match = clause_match(f.scope, terms, weights) + counts
            if own_terms and own_terms != terms:      # one part of several: its own words first
                match = PART_SHARE * (clause_match(f.scope, own_terms, weights) + counts) + (1 - PART_SHARE) * match
            score = match
            if unit and f.unit == unit:
                score += UNIT_BONUS
            elif unit and same_unit(f.unit, unit):
                score += UNIT_BONUS - SYNONYM_UNIT_GAP
            ranked.append((AskedFigure(f, score, e.n, match), other))
    # figures equally matched (公路工程…96.9％；水运工程…96.1％) go by the subject the message names
    # last: the one next to what is asked (公路和水运挨着写，我只关心水运那个，是多少？)
    asker = normalize_for_match(f"{context} {question}").lower()
    term_keys = [k for k in (normalize_for_match(t).lower() for t in terms) if k]

    def last_named(a: AskedFigure) -> int:
        scope = normalize_for_match(a.figure.scope).lower()
        return max((asker.rfind(k) for k in term_keys if k in scope), default=-1)

    # figures equally matched by the question's words go first by the words of their own clause
    # that the question writes, however it splits them (二审结了多少件 reads as 二 + 审结; its
    # 二审 is 审结二审…59件's, not 审结一审…576件's)
    def written(a: AskedFigure) -> float:
        return sum(weights.get(w, 0.0) for w in set(content_words(a.figure.clause))
                   if len(w) >= 2 and normalize_for_match(w).lower() in asker)

    # (a figure of the member asked before another member's equally matched: 一审…审结576件, not
    # 二审…审结59件, for 一审…审结了多少件)
    ranked.sort(key=lambda a: (-a[0].score, a[1], -written(a[0]), -last_named(a[0])))
    if ranked and ranked[0][1]:
        return []           # the figure of the series asked about is another member's: none answers
    return [a for a, other in ranked if not other]


def restore_qualifiers(answer: str, evidence_texts: list[str]) -> tuple[str, list[str]]:
    """``answer`` with each figure given back the qualifier its evidence writes (300名 →
    300多名, 640万件 → 近640万件), and the phrases restored. A figure is matched to the
    evidence figure with the same value and a compatible unit.

    >>> restore_qualifiers("聘任企业标准化总监300名。", ["聘任企业标准化总监300多名。"])
    ('聘任企业标准化总监300多名。', ['300多名'])
    """
    have = [f for text in evidence_texts for f in figures_in(text)]
    restored: list[str] = []
    out = answer
    for f in figures_in(answer):
        source = next((h for h in have if h.value == f.value and (f.unit is None or h.unit is None or same_unit(f.unit, h.unit))
                       and h.qualifiers), None)
        if source is None or set(source.qualifiers) <= set(f.qualifiers):
            continue
        if f.phrase in out:
            out = out.replace(f.phrase, source.phrase, 1)
            restored.append(source.phrase)
    return out, restored


# A figure counted over all years so far (累计培育…5600余名, 截至目前…) and a year said of one.
_CUMULATIVE = re.compile(r"累计|历年|截至|至今|总计已")
_ONE_YEAR = re.compile(r"(?:19|20)\d{2}年|去年|今年|全年|当年|一年")


def cumulative_as_yearly(answer: str, evidence_texts: list[str]) -> list[str]:
    """The figures of ``answer`` said of one year (去年培育了5600余名) whose evidence clause counts
    them over all years (累计培育…5600余名): a running total is no year's count (new-user session).

    >>> cumulative_as_yearly("去年培育了5600余名首席质量官。", ["累计培育企业首席质量官5600余名。"])
    ['5600余名']
    >>> cumulative_as_yearly("累计培育了5600余名首席质量官。", ["累计培育企业首席质量官5600余名。"])
    []
    """
    have = [f for text in evidence_texts for f in figures_in(text)]
    out = []
    for f in figures_in(answer):
        source = next((h for h in have if h.value == f.value and _CUMULATIVE.search(h.context or h.clause)), None)
        if source is not None and _ONE_YEAR.search(f.clause) and not _CUMULATIVE.search(f.clause):
            out.append(source.phrase)
    return list(dict.fromkeys(out))


# English words that keep a Chinese figure's qualifier (余, 多, 近, 超过, 约, 不足…); before a
# figure (more than 5,600) they say it as written, not a comparison (qa.citations).
HEDGES_EN = (r"more than|over|nearly|almost|about|around|approximately|roughly|at least|some|close to|less than|"
             r"under|fewer than")
_HEDGE_EN = re.compile(rf"(?:{HEDGES_EN}|upwards of|in excess of|exceeding|above)\s*$", re.IGNORECASE)


def hedges_dropped(answer: str, evidence_texts: list[str]) -> list[str]:
    """The evidence figures (as the evidence writes them) that an English ``answer`` states
    without the qualifier they carry: 9000余个 written as "9000 teams" (no "more than"), 近640万件
    as "6.4 million" stated bare is not caught (another value). A figure counts as hedged when
    an English qualifier (:data:`_HEDGE_EN`) ends the text before it or a ``+`` follows it.

    >>> hedges_dropped("There were 9000 teams [1].", ["企业基层班组9000余个"])
    ['9000余个']
    >>> hedges_dropped("More than 9,000 teams took part [1].", ["企业基层班组9000余个"])
    []
    """
    have = [f for text in evidence_texts for f in figures_in(text) if f.qualifiers]
    dropped = []
    for m in re.finditer(r"\d+(?:,\d{3})*(?:\.\d+)?", answer):
        value = m.group(0).replace(",", "")
        source = next((h for h in have if h.value == value), None)
        if source is None or _HEDGE_EN.search(answer[max(0, m.start() - 24):m.start()]) or \
                answer[m.end():m.end() + 1] == "+":
            continue
        dropped.append(source.phrase)
    return list(dict.fromkeys(dropped))


_SCALE_EN = {"hundred million": 1e8, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALED_EN = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(hundred million|thousand|million|billion|trillion|万|亿)?",
                        re.IGNORECASE)
_SCALED_ZH = re.compile(r"(\d+(?:\.\d+)?)\s*(万|亿)")


# A count and what it counts, written together (31家综合为老服务中心): the measure word, then the
# noun's first characters (a word or two of it is enough to tell one kind from another).
_COUNT_AND_NOUN = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:余|多)?([家个项件名起批例台人次])([\u4e00-\u9fff]{2,4})")


def swapped_counts(answer: str, evidence_texts: list[str]) -> list[str]:
    """The counts of a Chinese ``answer`` bound to another thing than the evidence binds them
    to: 31家社区长者食堂 where the evidence says 新增31家综合为老服务中心、41家社区长者食堂 — the
    answer's count and noun are both in the cited sentence, each with the other's partner. A
    count the evidence writes with the noun the answer gives, or whose noun the evidence never
    binds to another count, is not reported.

    >>> swapped_counts("是的，新增了31家社区长者食堂[1]。", ["新增31家综合为老服务中心、41家社区长者食堂"])
    ['31家社区长者']
    >>> swapped_counts("新增41家社区长者食堂[1]。", ["新增31家综合为老服务中心、41家社区长者食堂"])
    []
    """
    evidence = "".join(evidence_texts)
    bound = [(m.group(1), m.group(2), m.group(3)) for m in _COUNT_AND_NOUN.finditer(evidence)]
    swapped = []
    for m in _COUNT_AND_NOUN.finditer(answer):
        value, unit, noun = m.groups()
        own = [n for v, u, n in bound if v == value and u == unit]
        others = [n for v, u, n in bound if (v, u) != (value, unit) and u == unit]
        # the evidence binds this count to another noun, and this noun to another count
        if own and not any(n[:2] == noun[:2] for n in own) and any(n[:2] == noun[:2] for n in others):
            swapped.append(m.group(0))
    return swapped


def points_as_percent(answer: str, evidence_texts: list[str]) -> list[str]:
    """The figures of a Chinese ``answer`` said in per cent (%) where the evidence gives the
    same number only in percentage points (个百分点), or the other way round: 高于全国7.14个百分点
    said as 比全国高7.14% is another claim (a difference of rates is no rate).

    >>> points_as_percent("是的，比全国高7.14%[1]。", ["上海市制造业产品质量合格率96.04％，高于全国7.14个百分点"])
    ['7.14%']
    >>> points_as_percent("高于全国7.14个百分点[1]。", ["合格率96.04％，高于全国7.14个百分点"])
    []
    """
    given = [(f.value, f.unit) for text in evidence_texts for f in figures_in(text)]
    wrong = []
    for f in figures_in(answer):
        if f.unit not in ("%", "个百分点"):
            continue
        other = "个百分点" if f.unit == "%" else "%"
        units = {u for v, u in given if v == f.value}
        if other in units and f.unit not in units:
            wrong.append(f"{f.value}{f.unit}")
    return wrong


# An English figure said to be a gap (96.04% higher than…, up 12.8%), and the Chinese words
# that state one (高于全国7.14个百分点, 同比增加12.8％).
_GAP_EN = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|percent(?:age points?)?|points?)\s+(?:higher|lower|more|less|above|below|over|under)\b",
                     re.IGNORECASE)
_GAP_ZH = re.compile(r"(高于|低于|超过|增长|增加|提高|提升|下降|减少|降低|上升|同比|比[^，,。；;]{0,8}?[高低多少])[^，,。；;\d]{0,8}$")


def level_as_gap(answer: str, evidence_texts: list[str]) -> list[str]:
    """The figures an English ``answer`` says are a gap (96.04% higher than the national
    level) where the evidence gives that number only as a level (合格率96.04％; the gap is
    高于全国7.14个百分点): the answer ties the figure to the wrong claim.

    >>> ev = ["上海市制造业产品质量合格率96.04％，高于全国7.14个百分点"]
    >>> level_as_gap("The pass rate was 96.04% higher than the national level.", ev)
    ['96.04%']
    >>> level_as_gap("It was 96.04%, 7.14 percentage points higher than the national level.", ev)
    []
    """
    wrong = []
    for m in _GAP_EN.finditer(answer):
        value = m.group(1)
        at = [f for text in evidence_texts for f in figures_in(text) if f.value == value]
        if at and not any(_GAP_ZH.search(f.clause[:max(f.clause.find(f.phrase), 0)]) for f in at):
            wrong.append(f"{value}%")
    return wrong


# A conclusion naming one of two compared subjects the higher or the lower (…，农产品合格率更高).
_CONCLUDED = re.compile(r"(?P<subject>[\u4e00-\u9fff]{2,16}?)(?:的)?(?:要|更|较|稍|略)?(?P<way>高|低)(?:一些|一点|些)?[！!]?$")
# Characters every rate's clause shares (合格率, 抽检): they tell no subject from the other.
_RATE_WORDS = set("合格率抽检的")


def reversed_comparison(answer: str) -> str | None:
    """The conclusion of a Chinese ``answer`` that calls the subject of the smaller of two rates
    it states the higher (or of the larger the lower): ``A合格率99.52%，B合格率99.7%，A合格率
    更高`` concludes against its own figures. The subject is matched to the clause of each figure
    by the characters they share; ``None`` when the answer concludes nothing of two rates or its
    conclusion holds.

    >>> reversed_comparison("农产品例行监测合格率99.52%[1]，药品抽检合格率99.7%[2]，农产品合格率更高。")
    '农产品合格率更高'
    >>> reversed_comparison("农产品例行监测合格率99.52%[1]，药品抽检合格率99.7%[2]，药品抽检合格率更高。")
    >>> reversed_comparison("公路工程抽检合格率96.9%[1]，水运工程96.1%[2]。")
    """
    text = re.sub(r"\[\d+\]", "", answer.strip())
    rates = [f for f in figures_in(text) if f.unit == "%"]
    clauses = [c.strip() for c in re.split(r"[，,。；;]", text) if c.strip()]
    if len(rates) != 2 or not clauses:
        return None
    last = clauses[-1]
    m = _CONCLUDED.search(last)
    if m is None or re.search(r"\d", last):
        return None
    subject = set(m.group("subject")) - _RATE_WORDS
    shared = [len(subject & (set(f.clause) - _RATE_WORDS)) for f in rates]
    if shared[0] == shared[1]:
        return None
    named, other = (rates[0], rates[1]) if shared[0] > shared[1] else (rates[1], rates[0])
    if float(named.value) == float(other.value) or (float(named.value) > float(other.value)) == (m.group("way") == "高"):
        return None
    return last.rstrip("！!")


def scales_wrong(answer: str, evidence_texts: list[str]) -> list[str]:
    """The numbers of an English ``answer`` whose scale is not the evidence's: 2.1亿元 said as
    "2.1 billion" (亿 is a hundred million) or as a bare "2.1 yuan". A number followed by an
    English scale word must equal, scale included, an amount of the evidence; one whose digits
    the evidence writes only with 万 or 亿 must carry a scale (or keep 万/亿).

    >>> scales_wrong("The city paid 2.1 billion yuan [1].", ["全市共计支付质量发展专项资金2.1亿元。"])
    ['2.1 billion']
    >>> scales_wrong("The city paid 2.1亿 yuan (210 million) [1].", ["全市共计支付质量发展专项资金2.1亿元。"])
    []
    >>> scales_wrong("Revenue was 325.64 hundred million yuan [1].", ["营收325.64亿元"])
    []
    """
    joined = to_halfwidth("".join(evidence_texts))
    amounts = {float(v) * (1e4 if u == "万" else 1e8) for v, u in _SCALED_ZH.findall(joined)}
    plain = {m.group(0) for m in re.finditer(r"\d+(?:\.\d+)?(?!\s*[\d.]*\s*[万亿])", joined)}
    scaled_only = {v for v, _ in _SCALED_ZH.findall(joined)} - plain
    wrong = []
    for m in _SCALED_EN.finditer(answer):
        digits, scale = m.group(1).replace(",", ""), (m.group(2) or "").lower()
        if scale in ("万", "亿"):
            continue
        if scale:
            value = float(digits) * _SCALE_EN[scale]
            if not any(abs(value - a) <= 1e-6 * a for a in amounts):
                wrong.append(m.group(0).strip())
        elif digits in scaled_only and not re.match(r"\s*\(", answer[m.end():]):
            wrong.append(m.group(0).strip())
    return wrong


# A question about part of a total it quotes: 70起召回里，汽车类的占了几起？ 2.1亿资金中，有多少…？
_PART_OF = re.compile(r"(?P<total>(?<![\d.—–-])(?!(?:19|20)\d{2}\s*[年—–-])\d+(?:[.,]\d+)*\s*[万亿千百]*(?:余|多)?\s*(?:个亿|[^\d\s，,。？?]{0,3}))"
                      r"[^。？?]{0,16}?(?:里面|里头|里|当中|之中|其中|中间|(?<![集高初空途])中(?![心国华央小型期部])|分到|"
                      # …or broken down (按区分, 各区各有多少, 每个行业)
                      r"按(?=[\u4e00-\u9fff]{1,4}(?:分|划分|拆分|统计))|(?=各区|每个区|各个区|各行业|每个行业|各领域|每个领域))")


# A count asked for each district (各个区分别有几家, 每个区多少): only a figure of a named district
# (崇明区…) answers it.
_BY_DISTRICT = re.compile(r"(?:各|各个|每个|每一个)区[^，,。？?]{0,8}(?:多少|几)")
_DISTRICT = re.compile(r"[\u4e00-\u9fff]{1,3}(?<![各地社园小校学分])区(?![域块间])")

# A name in quotes (“上海设计100+”的名单): its figure names, it does not count.
_QUOTED_NAME = re.compile(r"[“\"《「『][^”\"》」』]{1,40}[”\"》」』]")
# 文件里, 通知中: where in the documents, not a part of a total.
_IN_DOCUMENT = re.compile(r"(文件|通知|原文|文中|要点|总结|材料)(里面|里头|里|当中|之中|中)$")


# A group pointed at (那些侦破的案件里，食品类的有多少起？): a part of it is asked, with no total quoted.
_PART_OF_GROUP = re.compile(r"(?:那些|这些|那批|这批)(?P<group>[^，,。？?]{2,24}?)(?:里面|里头|里|当中|之中|(?<![集高初空途])中(?![心国华央小型期部]))"
                            r"[，,]?(?P<part>[^，,。？?]{1,12}?)(?:类|方面|领域|行业)?的?(?:有|占|是)?(?:了)?(?:多少|几)")


# …or named where the message opens (2023年上海的消费品召回中，汽车产品召回有多少起？): the part is
# what its words add to the group's (汽车, 产品), not the group's own (召回).
_PART_OF_NAMED = re.compile(r"^(?:(?:19|20)\d{2}年|去年|今年|上年)?(?:上海市?|本市|全市)?的?(?P<group>[^，,。？?]{2,16}?)"
                            r"(?:里面|里头|里|当中|之中|(?<![集高初空途])中(?![心国华央小型期部]))[，,]"
                            r"(?P<part>[^，,。？?]{2,12}?)(?:类|方面|领域|行业)?的?(?:有|占|是)?(?:了)?(?:多少|几)")


def part_given(question: str, evidence, weights: dict[str, float], corpus_flat: str) -> bool:
    """False when ``question`` asks about part of a total it quotes (:func:`part_asked`) and no
    evidence sentence gives that part's own figure beside the total (受理596件，其中审结…: 审结576件
    is there; 70起召回里汽车类的: nothing says) — or about part of a group it points at
    (那些案件里，食品类的有多少起？) and no figure of the evidence is that part's — or for each
    district (各个区分别有几家) and no figure's clause names a district (崇明区).

    >>> from types import SimpleNamespace as S
    >>> e = [S(sentence=S(text="新增31家综合为老服务中心、41家社区长者食堂"))]
    >>> part_given("那些综合为老服务中心，分到各个区分别有几家？", e, {}, ""), part_given("新增了几家综合为老服务中心？", e, {}, "")
    (False, True)
    """
    text = normalize_query(question)      # the patterns are Simplified (中國 is 中国)
    if _BY_DISTRICT.search(text):
        return any(_DISTRICT.search(f.clause.replace("各区", "")) for e in evidence for f in figures_in(e.sentence.text))

    def figure_of(part: list[str]) -> bool:      # a figure of the evidence whose clause names the part
        return any(not re.fullmatch(r"(19|20)\d{2}", f.value) and clause_match(f.scope, part, weights) >= 0.5
                   for e in evidence for f in figures_in(e.sentence.text))

    pointed = _PART_OF_GROUP.search(text)
    if pointed and not _IN_DOCUMENT.search(text, 0, pointed.end("group") + 2):
        part = [w for w in content_words(pointed.group("part")) if w not in _UNITS]
        if part:
            return figure_of(part)
    part = part_asked(question, corpus_flat)
    named = _PART_OF_NAMED.search(text)
    if named and not pointed and not _IN_DOCUMENT.search(named.group("group") + "里") and part is None:
        group = set(content_words(named.group("group")))
        counted = re.split(r"[，,。？?！!]", text[named.end():])[0]     # what follows 多少: 个品牌的合法权益
        named_part = [w for w in content_words(named.group("part") + " " + counted) if w not in _UNITS and w not in group]
        if named_part:
            return figure_of(named_part)
    if part is None:
        return True
    total = figures_in(_PART_OF.search(text).group("total"))[0].value
    # the part with a figure of its own beside the total (95家组织和个人申报 names both, counts neither)
    return any(total in normalize_for_match(e.sentence.text) and
               any(f.value != total and not re.fullmatch(r"(19|20)\d{2}", f.value) and
                   clause_match(f.scope, part, weights) >= 0.5 for f in figures_in(e.sentence.text))
               for e in evidence)


def part_asked(question: str, corpus_flat: str) -> list[str] | None:
    """The words naming the part that ``question`` asks about, when it quotes a total the
    documents state and asks about a part of it (…70起召回里，汽车类的占了几起？ → ['汽车类']);
    ``None`` when it does not.

    >>> part_asked("去年那70起召回里，汽车类的占了几起？", "推动企业实施消费品召回70起")
    ['汽车']
    >>> part_asked("那70起消费品召回里，汽车召回占了几起？", "推动企业实施消费品召回70起")
    ['汽车']
    >>> part_asked("2023年消费品召回的70起里，儿童用品召回占了几起？", "推动企业实施消费品召回70起")
    ['儿童用品', '召回']
    >>> "各区" in part_asked("5600余名首席质量官，按区分的话各区各有多少名？", "首席质量官5600余名")
    True
    >>> part_asked("召回了多少起？", "推动企业实施消费品召回70起") is None
    True
    >>> part_asked("员工不到50人，老板让我查查市里对中小企业有哪些支持？", "检验检测机构150家") is None
    True
    >>> part_asked("今年要培育的5家新型标准化组织集中在哪些领域？", "培育5家新型标准化组织") is None
    True
    """
    text = normalize_query(question)
    quoted = [q.span() for q in _QUOTED_NAME.finditer(text)]
    for m in _PART_OF.finditer(text):
        if any(a <= m.start() < b for a, b in quoted) or _IN_DOCUMENT.search(text, 0, m.end()):
            continue        # a name's figure (“上海设计100+”), or 文件里: in the documents, not in a total
        figures = figures_in(m.group("total"))
        # a total the documents state: the number itself, not the digits of a longer one (50 of 150)
        if figures and re.search(rf"(?<![\d.]){re.escape(figures[0].value)}(?![\d])", corpus_flat) and not (figures[0].unit == "年" or
                                                               re.fullmatch(r"(19|20)\d{2}", figures[0].value)):
            after = text[m.end():]
            total_words = set(content_words(m.group(0)))   # 召回 in 70起召回里，汽车召回…: the total's own
            words = [w for w in content_words(after) if not w.isdigit() and w not in _UNITS and w not in total_words]
            return words or None
    return None
