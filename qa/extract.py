"""The verbatim extract: which evidence sentences, copied as they stand, answer a question.

It is the answer of the extractive generator and the fallback of every other one. Sentences are
chosen by what the question asks (:mod:`qa.intent`):

* a question about several sections (``all``, ``compare``) gets the best sentence of each
  section, and a second one from a section when nearly as relevant;
* a question asking for figures gets, for each figure asked (``…多少起？抓了多少人？`` asks two),
  the sentence holding the figure whose clause matches it best (:func:`qa.claims.rank_figures`);
* any other question gets the best sentence, and a second one of the same section when nearly
  as relevant (one section answers a question of scope ``single``; an English question may take
  it from another section).
"""

from __future__ import annotations

import difflib
import math
import re

from .claims import clause_match, confirms_figure, figures_in, rank_figures, same_unit
from .scope import asking_clauses, question_years, section_years
from .sections import AGENCIES_ONLY
from .retrieval import PER_SIDE
from .intent import COMPARED, GENERIC_WORDS, OVERVIEW_ASKED, REQUEST_NOUNS, Attribute, Intent, Scope, read_intent
from .text import (ASKING_WORDS, content_words, normalize_for_match, normalize_query, split_clauses, tagged_words, tokenize,
                   without_set_aside)

# A further sentence is quoted only when it scores at least this share of the best one.
# Precision first: an extract of two sentences where one answers reads as noise.
KEEP_RATIO = 0.9
# …and a comparison's side keeps up to three sentences of its section at this share: what a side
# did or plans is often written over several sentences of its item (see qa.retrieval.PER_SIDE).
COMPARE_KEEP_RATIO = 0.8
# Sub-questions: a quantity question may ask two figures (…多少起？抓了多少嫌疑人？).
_SUB_QUESTIONS = re.compile(r"[^？?；;]+[？?；;]?")
# Figures asked as a list after a colon (要几个数：A、B、C; 查一下以下数据：…): the request, then the items.
# (…three of them named, 要三个“成绩单”数字：A、B、C，各是多少？ — the closing ask is no item)
_FIGURES_LISTED = re.compile(r"(?P<request>(?:(?:几|[两三四五六七八九十\d])(?:个|项)|一些|这些|这几个|以下|下面的?|如下)(?:几个|几项)?"
                             r"(?:[“\"「][^”\"」]{1,8}[”\"」])?(?:数|数字|数据|指标)[^：:？?]{0,8})[：:]"
                             r"(?P<items>[^：:？?]{4,}?)(?:[，,]?(?:各|分别|都|各自)(?:是|为)?(?:多少|几)|[？?])?\s*[？?]?\s*$")


# A follow-up's own word names what it turns to when it is this rare: in at most one evidence
# sentence in 20 (IDF log(1 + n/df) ≥ log 21; 认证, 报告 — not 推进, 打算). Fitted on tune: with
# every word of the documents, 2 gains and 3 losses (今年这个奖怎么推进 → any 推进 sentence).
FOLLOW_UP_OWN_WEIGHT = math.log(21)


def _best(evidence: list, n: int = 2, one_section: bool = True, keep: float = KEEP_RATIO) -> list:
    """The best sentence, and up to ``n - 1`` more scoring at least ``keep`` × its score — of
    the same section unless ``one_section`` is false."""
    ranked = sorted(evidence, key=lambda e: -e.score)
    if not ranked:
        return []
    top = ranked[0]
    return [e for e in ranked if (e.section.section_id == top.section.section_id or not one_section)
            and e.score >= keep * top.score][:n]


def sub_questions(question: str) -> list[str]:
    """The parts of ``question`` that ask something of their own, split at question marks
    and at 、 between two quantity words.

    >>> sub_questions("破了多少起？抓了多少嫌疑人？")
    ['破了多少起？', '抓了多少嫌疑人？']
    >>> sub_questions("去年受理了多少件、多少人？")
    ['去年受理了多少件', '多少人？']
    >>> sub_questions("写材料要几个数：制造业产品质量合格率、绿色食品认证率")
    ['制造业产品质量合格率是多少？', '绿色食品认证率是多少？']
    >>> sub_questions("要两个“成绩单”数字：制造业产品质量合格率、绿色食品认证率，各是多少？")
    ['制造业产品质量合格率是多少？', '绿色食品认证率是多少？']
    >>> sub_questions("两个数据：药品抽检合格率，以及检查药品生产经营及使用单位的家次，分别是多少？")
    ['药品抽检合格率是多少？', '检查药品生产经营及使用单位的家次是多少？']
    """
    listed = _FIGURES_LISTED.search(question)
    if listed:
        # 写材料要几个数：A、B、C — each figure listed after the request for them is asked
        # (at 和 or 以及 between items — not at 及 inside a name: 药品生产经营及使用单位)
        items = [i.strip() for i in re.split(r"[、，,；;]\s*(?:以及|还有|和)?|(?<=[\u4e00-\u9fff])(?:和|以及)(?=[\u4e00-\u9fff]{2})",
                                             listed.group("items").rstrip("？?。.！! ")) if i.strip()]
        if len(items) >= 2:
            return [f"{i}是多少？" for i in items]
    parts = [p for p in _SUB_QUESTIONS.findall(question) if p.strip()]
    out = []
    for part in parts:
        pieces = re.split(r"、(?=多少|几)", part)
        out.extend(p for p in pieces if p.strip())
    return out or [question]


# The subjects joined before it named as a group (这两块, 这几个方面, 两项): each is asked of.
_YEARS_NAMED = re.compile(r"(?:19|20)\d{2}|今年|去年|明年")
_GROUP_NAMED = re.compile(r"(?:这|那)?(?:两|几|三|四)(?:块|个方面|方面|项工作|件事|部分|类)")
# Asked of each subject: 分别, 各…, a group (这两块); a difference between them (A和B营收差了多少) needs each figure.
_EACH = re.compile(rf"分别|{_GROUP_NAMED.pattern}|{COMPARED}(高|低|多|少|大|小)|(?:比|对比|比较)一?(?:比|下)(?=[？?，,。！!]|$)|"
                   r"各(是|为|有|自|多少|几)|各[\u4e00-\u9fff]{1,4}(多少|几)|(相)?差(了|距|额)?(多少|几)|差距|相差")


def conjuncts(part: str) -> list[str]:
    """``part`` asked of each subject it joins (A和B的X分别是多少？ → A的X…, B的X…; A和B X分别…
    → A X…, B X…), or ``[part]``. A difference in percentage points asked of two subjects asks
    each one's rate (A和B的签约率相差几个百分点 → A的签约率相差多少…: neither states the points).

    >>> conjuncts("全市整体签约率和老年人、慢病这些重点人群的签约率相差几个百分点？")
    ['全市整体签约率的签约率相差多少？', '老年人、慢病这些重点人群的签约率相差多少？']

    >>> conjuncts("公路工程和水运工程的抽检合格率分别是多少")
    ['公路工程的抽检合格率分别是多少', '水运工程的抽检合格率分别是多少']
    >>> conjuncts("公路工程、水运工程抽检合格率各是多少")
    ['公路工程抽检合格率各是多少', '水运工程抽检合格率各是多少']
    >>> conjuncts("审查起诉这块，侵犯知识产权的和卖伪劣商品的，各涉及多少人？")
    ['审查起诉这块，侵犯知识产权的，各涉及多少人？', '审查起诉这块，卖伪劣商品的，各涉及多少人？']
    >>> conjuncts("二审案件里，受理数和审结数哪个多？")
    ['二审案件里，受理数哪个多？', '二审案件里，审结数哪个多？']
    >>> conjuncts("长三角平台发布的国际标准数，跟全市牵头制定的标准数比差多少？")
    ['长三角平台发布的国际标准数，差多少？', '全市牵头制定的标准数，差多少？']
    >>> conjuncts("发布的国际标准数，和牵头制定的ISO、IEC标准数，分别是多少？")
    ['发布的国际标准数，分别是多少？', '牵头制定的ISO、IEC标准数，分别是多少？']
    >>> conjuncts("消费投诉公示率跟家庭医生签约率比哪个高？")
    ['消费投诉公示率，哪个高？', '家庭医生签约率，哪个高？']
    >>> conjuncts("公路工程比水运工程合格率高多少？")
    ['公路工程合格率是多少？', '水运工程合格率是多少？']
    >>> conjuncts("制造业产品质量合格率比全国高几个百分点？")      # 全国 is what it is measured against
    ['制造业产品质量合格率比全国高几个百分点？']
    >>> conjuncts("全年部署的质量监督抽查批次和开展的风险监测批次各是多少？")
    ['全年部署的质量监督抽查批次各是多少？', '开展的风险监测批次各是多少？']
    >>> conjuncts("检验检测和认证两个行业营收比一比？")     # set side by side: each asked
    ['检验检测行业营收比一比？', '认证两个行业营收比一比？']
    >>> conjuncts("二审知识产权刑事案件受理和审结各多少")
    ['二审知识产权刑事案件受理各多少', '二审知识产权刑事案件审结各多少']
    >>> conjuncts("二审知识产权刑事案件审结数是不是比受理数还多？各是多少？")
    ['二审知识产权刑事案件审结数，各是多少？', '二审知识产权刑事案件受理数，各是多少？']
    """
    parts = _subjects_asked(part)
    if len(parts) >= 2 and _DIFFERENCE.search(part):
        parts = [_POINTS_ASKED.sub("多少", p) for p in parts]
    return parts


# A difference asked (the 差 of 相差, 差了, 差距) and how many percentage points (几个百分点).
_DIFFERENCE = re.compile(r"差")
_POINTS_ASKED = re.compile(r"(几|多少)个?百分点")


def _shared_head(a: str, b: str) -> str:
    """The head ``b`` (the second of two subjects compared) shares with ``a`` when it names only
    what sets it apart (二审知识产权刑事案件审结数 / 受理数 → 二审知识产权刑事案件): ``a`` less ``b``'s
    length, ending at a word boundary of ``a``; empty otherwise."""
    head = a[: len(a) - len(b)] if len(b) < len(a) and not a.endswith(b) else ""
    return head if head and any(len(head) == n for n in _word_ends(a)) else ""


def _with_shared_measure(a: str, b: str) -> tuple[str, str]:
    """``a`` and ``b`` each ending in the measure one of them names (:data:`_SHARED_MEASURE`):
    水运工程抽检合格率 / 公路工程 → …, 公路工程合格率."""
    measure = _SHARED_MEASURE.search(a) or _SHARED_MEASURE.search(b)
    if measure:
        a += "" if measure.group(0) in a else measure.group(0)
        b += "" if measure.group(0) in b else measure.group(0)
    return a, b


def _subjects_asked(part: str) -> list[str]:
    """:func:`conjuncts` before the difference in points is read as each rate."""
    pair = _THAN_OTHER.search(part)
    if pair and not _BASELINE_SUBJECT.match(pair.group("b")):
        # A比B高多少？ with B a subject of its own (水运工程, not 全国 or 上年): each side's figure
        a, b, lead, ask = pair.group("a"), pair.group("b"), pair.group("lead") or "", pair.group("ask")
        ask = "多少" if "百分点" in part[pair.end():pair.end() + 4] else ask     # 高几个百分点: each rate
        a, b = _with_shared_measure(a, b)
        return [f"{lead}{a}是{ask}？", f"{lead}{b}是{ask}？"]
    pair = _THAN_YES_NO.search(part)
    if pair and not _BASELINE_SUBJECT.match(pair.group("b") or pair.group("b2")):
        # A是不是比B高？ — whether one exceeds the other: each side's figure answers it
        a, b, lead = pair.group("a"), pair.group("b") or pair.group("b2"), pair.group("lead") or ""
        a, b = _with_shared_measure(a, _shared_head(a, b) + b)   # (二审…案件审结数是不是比受理数多？)
        return [f"{lead}{a}是多少？", f"{lead}{b}是多少？"]
    if not _EACH.search(part):
        return [part]
    # A，跟B比差多少？ — the second subject in a clause of its own, compared with the first
    pair = _WITH_CLAUSE.search(part)
    if pair:
        return [f"{pair.group('a')}，{pair.group('rest')}", f"{pair.group('b')}，{pair.group('rest')}"]
    # A是不是比B还多？各是多少？ — each of the two compared; B shares A's head (二审…审结数 / 受理数)
    pair = _THAN_EACH.search(part) if re.search(r"各|分别", part) else None
    if pair:
        a, b = pair.group("a"), pair.group("b")
        head = _shared_head(a, b)
        lead = pair.group("lead") or ""
        if head:
            return [f"{lead}{a}，{pair.group('each')}", f"{lead}{head}{b}，{pair.group('each')}"]
        if len(b) >= 4:      # B names its own subject (药品抽检合格率 / 农产品例行监测合格率)
            return [f"{lead}{a}，{pair.group('each')}", f"{lead}{b}，{pair.group('each')}"]
    clauses = re.split(r"(?<=[，,])", part)
    for i in range(len(clauses) - 2, -1, -1):
        # the subjects joined in a clause of their own (审查起诉这块，A的和B的，各涉及多少人？): each
        # subject with the clauses around it
        clause, after = clauses[i], "".join(clauses[i + 1:])
        if _EACH.search(after) and not _EACH.search(clause) and not _HOW_MANY.search(clause):
            lead = re.match(r"\s*(以及|和|与|及|跟|同)", clause)
            if lead and i > 0 and not _HOW_MANY.search(clauses[i - 1]) and "比" not in clause:
                # A，和B，哪个多？ — a clause opening with 和 joins its subject to the clause before
                before = "".join(clauses[:i - 1])
                return [f"{before}{x}，{after}" for x in (clauses[i - 1].rstrip("，,"), clause[lead.end():].rstrip("，,"))]
            # 和 joins the subjects where it is written; 、 then lists inside one (ISO、IEC标准)
            items = [x for x in re.split(r"[和与及跟]", clause.rstrip("，,")) if x.strip()]
            if len(items) < 2:
                items = [x for x in clause.rstrip("，,").split("、") if x.strip()]
            if len(items) >= 2:
                before = "".join(clauses[:i])
                return [f"{before}{x}，{after}" for x in items]
            break
    # the subjects are joined in the last clause; the clauses before it name what they are of,
    # for each (二审案件里，受理数和审结数哪个多？), or only lead in (我开检测公司的，想对比一下：…)
    at = max((i for i, c in enumerate(clauses) if re.search(r"[和与及、跟]", c)), default=len(clauses) - 1)
    before, last, rest = "".join(clauses[:at]), clauses[at], "".join(clauses[at + 1:])
    head, sep, tail = last.partition("的")
    # 和 joins the subjects where it is written; 、 then lists inside one (老年人、慢病这些重点人群)
    items = [x for x in re.split(r"[和与及跟]", head) if x.strip()] if sep else []
    if sep and len(items) < 2:
        items = [x for x in head.split("、") if x.strip()]
    if len(items) >= 2:
        return [f"{before}{x}的{tail}{rest}" for x in items]
    # A和B这两块…: the group word ends the subjects; what follows it is asked of each
    group = _GROUP_NAMED.search(last)
    if group:
        items = [x for x in re.split(r"和|与|及|以及|跟|、", last[:group.start()]) if x.strip()]
        if len(items) >= 2:
            when = re.match(r"(?:(?:19|20)\d{2}年?|今年|去年|明年)", items[0])   # (2024年A和B: both 2024's)
            items = [items[0]] + [x if not when or _YEARS_NAMED.search(x) else when.group(0) + x for x in items[1:]]
            return [f"{before}{x}{last[group.end():]}{rest}" for x in items]
    # A和B X分别…, A、B X各…: the last conjunct carries the shared X; the subjects are parallel,
    # so the last one ends at the word boundary nearest the first one's length (公路工程和水运工程
    # 抽检合格率 → 水运工程 | 抽检合格率)
    items, current = [], ""
    for word in _words(last):
        if word in _CONJUNCTIONS:
            items.append(current)
            current = ""
        else:
            current += word
    items = [x for x in items + [current] if x.strip()]
    if len(items) < 2:
        return [part]
    # A受理和审结各多少: nothing shared follows the last subject but the question; the first
    # carries the words before all of them, cut at the word boundary that leaves it as long as
    # the last (二审案件受理 → 二审案件 | 受理)
    alone = _LAST_THEN_ASK.match(items[-1])
    if alone and len(items[0]) > len(alone.group("member")) + 1:
        ends = [e for e in _word_ends(items[0])[:-1] if e > 0]
        if ends:
            cut = min(ends, key=lambda e: (abs(len(items[0]) - e - len(alone.group("member"))), -e))
            lead, members = items[0][:cut], [items[0][cut:], *items[1:-1], alone.group("member")]
            return [f"{before}{lead}{x}{alone.group('ask')}{rest}" for x in members]
    ends = _word_ends(items[-1])
    cut = min(ends[:-1], key=lambda e: (abs(e - len(items[0])), e), default=None)
    if cut is None:
        return [part]
    ask = _EACH_ASKED.search(items[-1])
    if ask and cut > ask.start():
        cut = ask.start()       # …抽查批次和开展的风险监测批次各是多少: 各是多少 is asked of each, however long
    shared = items[-1][cut:]
    return [f"{before}{x}{shared}{rest}" for x in items[:-1]] + [f"{before}{items[-1]}{rest}"]


_CONJUNCTIONS = {"和", "与", "及", "以及", "跟", "、"}
# What a sentence asks of each subject joined before it (各是多少, 分别有几).
_EACH_ASKED = re.compile(r"(?:各|分别)自?(?:是|为|有)?(?:多少|几)")
# The last of the joined subjects followed by the question alone (…和审结各多少, …和审结分别是多少件).
_LAST_THEN_ASK = re.compile(r"^(?P<member>[\u4e00-\u9fff]{1,6}?)(?P<ask>(?:的)?(?:数量?)?(?:各|分别)自?(?:是|为|有)?(?:多少|几).*)$")
# A是不是比B还多？各是多少？: the two compared, and the question asked of each.
_THAN_EACH = re.compile(r"^(?P<lead>[^？?]*[，,：:])?(?P<a>[^，,：:？?]+?)(?:是不是|是否|有没有)?比(?P<b>[^，,？?]{1,16}?)(?:还|更|要)?(?:多|少|高|低|大|小)"
                        r"[^？?]*[？?]?\s*(?P<each>(?:那|那么)?(?:各|分别)[^，,]*)$")


# A比B高多少？ — two subjects compared, the difference asked (each figure answers it).
_THAN_OTHER = re.compile(r"^(?P<lead>[^？?]*[，,：:])?(?P<a>[^，,：:？?]{2,24}?)比(?P<b>[^，,？?]{2,16}?)(?:还|更|要)?"
                         r"(?:高|低|多|少|大|小)(?:了|出|出了)?(?P<ask>(?:多少|几)[个家项名人件起批次台套亿万元%％]*)")
# A是不是比B高？ A比B多吗？ — whether one of two subjects exceeds the other (a yes or no).
_THAN_YES_NO = re.compile(r"^(?P<lead>[^？?]*[，,：:])?(?P<a>[^，,：:？?]{2,24}?)(?:(?:是不是|是否|有没有)比(?P<b>[^，,？?]{2,16}?)"
                          r"(?:还|更|要)?(?:高|低|多|少|大|小)(?:吗|呢|么)?|比(?P<b2>[^，,？?]{2,16}?)(?:还|更|要)?"
                          r"(?:高|低|多|少|大|小)(?:吗|么))\s*[？?]?\s*$")
# What a comparison is made against rather than with another subject (比全国高, 比上年多, 比2022年).
_BASELINE_SUBJECT = re.compile(r"(全国|上年|去年|前年|同期|往年|以往|平均|(19|20)\d{2}年?|之前|以前|上一|其他|外地|别的|国家)")
# The measure two compared subjects share (合格率, 营收, 数量).
_SHARED_MEASURE = re.compile(r"[\u4e00-\u9fff]{1,2}率|指数|营收|收入|金额|数量|人数")


def _word_ends(text: str) -> list[int]:
    """The character offsets at which ``text``'s words end (jieba)."""
    ends, at = [], 0
    for word in _words(text):
        at += len(word)
        ends.append(at)
    return ends


# A，跟B比差多少？ / A，和B相比高多少？: the first subject, the second, and what is asked of both.
_WITH_CLAUSE = re.compile(r"^(?P<a>[^，,]+?)[，,]?\s*(?:跟|和|与|同)(?P<b>(?:(?!比一)[^，,？?])+?)(?:相比|比)(?:起来|较)?[，,]?"
                          r"(?P<rest>(?:相?差|多|少|高|低|哪(?:个|一个|项)|谁)[^，,]*)$")


def _words(text: str) -> list[str]:
    """``text`` cut into words (jieba, default mode), punctuation kept."""
    from .text import _jieba

    return [w for w in _jieba().cut(text) if w]


_HOW_MANY = re.compile(r"多少|几")
# A figure asked by its size as well (涉案金额有多大, 合格率多高).
_SIZE_ASKED = re.compile(r"多少|几|多大|多高|多长|多久")


_GAP_ALONE = re.compile(r"^\s*(那|那么)?(两者|二者|两个|两项|它们|之间)*(相)?差(了|距|额)?(是)?(多少|几)|"
                        r"^\s*(那|那么)?(哪个|哪项|谁)(更)?(多|少|高|低|大|小)")


def _without_gap(part: str) -> str:
    """``part`` without a last clause asking only how far apart the figures are (…各是多少，差几倍？):
    its measure (倍, 个百分点) is not the figures' own; a subject asked nothing else of
    (总体签约率，差了多少个百分点？) is asked its figure.

    >>> _without_gap("总体签约率，差了多少个百分点？")
    '总体签约率是多少？'
    """
    m = re.match(r"(.*[，,])([^，,]+)$", part.rstrip())
    if not m or not _GAP_ALONE.match(m.group(2)):
        return part
    return m.group(1) if _HOW_MANY.search(m.group(1)) else f"{m.group(1).rstrip('，,')}是多少？"


def _figure_clauses(piece: str) -> list[str]:
    """``piece`` cut after each clause that asks for a figure (多少, 几), when two or more do (质量监督抽查
    部署了多少批次，风险监测又做了多少批次？ asks two figures, each of its own subject); clauses
    that ask none stay with the next figure clause (the last one, at the end). ``[piece]`` when
    fewer than two clauses ask for a figure.

    >>> _figure_clauses("去年药品：市级抽检合格率多少，检查了多少家次？")
    ['去年药品：市级抽检合格率多少，', '检查了多少家次？']
    >>> _figure_clauses("特种设备这块，去年检查了多少家次单位？")
    ['特种设备这块，去年检查了多少家次单位？']
    >>> _figure_clauses("检验检测和认证机构的营收各是多少，差几倍？")
    ['检验检测和认证机构的营收各是多少，差几倍？']

    A clause after the one figure asked that asks something else of its own (风险监测做了多少批次，
    进出口风险今年怎么管？) is a question of its own, as it would be after a question mark.

    >>> _figure_clauses("风险监测去年做了多少批次，进出口风险今年怎么管")
    ['风险监测去年做了多少批次，', '进出口风险今年怎么管']
    """
    # clauses end at a comma, at 、 and before 和/及/与 that join another figure asked (立项了多少个X、
    # 发布了几项Y和几项Z)
    # (and at a space between words, a comma typed as one: 侦破了多少刑事案件 涉案金额有多大)
    clauses = [c for c in re.split(r"(?<=[，,、])|(?<=[\u4e00-\u9fff]\s)|(?=(?:和|及|以及|与)(?:多少|几))", piece) if c]
    # …各是多少，差几倍？ — how far apart the figures before it are: no figure of its own
    asking = [bool(_SIZE_ASKED.search(c)) and read_intent(c).wants_figure and not _GAP_ALONE.match(c) for c in clauses]
    if sum(asking) == 1:
        at = asking.index(True)
        later = next((i for i in range(at + 1, len(clauses))
                      if asks_something(clauses[i]) and not _GAP_ALONE.match(clauses[i])), None)
        return [piece] if later is None else ["".join(clauses[:later]), "".join(clauses[later:])]
    if sum(asking) < 2:
        return [piece]
    out, current = [], ""
    for clause, asks in zip(clauses, asking):
        current += clause
        if asks:
            out.append(current)
            current = ""
    if current:
        out[-1] += current
    return out


def quoted_for(part: str, quoted: tuple[str, ...], parts: list[tuple]) -> tuple[str, ...]:
    """The spans of ``quoted`` (those the question quotes) that the figure's sentence must hold
    for ``part``, one of the figure ``parts`` of a question (:func:`figure_parts`: ``(part,
    intent, context)`` each): those it quotes itself, else those no part quotes (a shared
    topic: “双打”工作，破了多少起？抓了多少人？). A span another part quotes names that part's
    subject, not this one's (“质量标杆”多少家？“上海品牌”多少家？).

    >>> parts = figure_parts("“质量标杆”多少家？“上海品牌”认证的企业多少家？")
    >>> quoted_for(parts[1][0], ("质量标杆", "上海品牌"), parts)
    ('上海品牌',)
    """
    def holds(text: str, span: str) -> bool:     # spans are read half-width (“3＋6” → 3+6)
        return normalize_for_match(span) in normalize_for_match(text)

    own = tuple(q for q in quoted if holds(part, q))
    # (a span in the request of figures listed after it — 要三个“成绩单”数字：A、B — labels them:
    # no topic of theirs)
    # (the parts mostly share one context, the whole question: each is searched once)
    requests = [m.group("request") for context in {c for _, _, c in parts} if (m := _FIGURES_LISTED.search(context))]
    return own or tuple(q for q in quoted if not any(holds(p, q) for p, _, _ in parts)
                        and not any(holds(r, q) for r in requests))


# A sub-question that only asks each subject's figure (各多少？ 分别是多少？), of the subjects before it.
_EACH_ALONE = re.compile(r"^\s*(那|那么)?(各|分别)(自)?(是|为|有)?(多少|几)[^\u4e00-\u9fff]*$")
_ELLIPTIC_PART = re.compile(r"呢[？?]?$|^(那|还有)")


def figure_parts(question: str, asked: Intent | None = None) -> list[tuple[str, Intent, str]]:
    """The parts of ``question`` that ask for a figure (:func:`sub_questions`), each with its
    :class:`~qa.intent.Intent` and the words that name its subject: the whole question (a part
    such as 抓了多少嫌疑人？ takes its subject from it), or the part alone when it was split off
    from subjects asked each (A和B的X分别是多少: B's words are not A's subject). A part that
    only points at another subject (…合格率是多少？公路的呢？) asks what the part before it asked.
    When no part asks a figure by its own words but ``asked`` (the intent the question was read
    with, e.g. a follow-up's, taken from the turn before: 那标准化总监呢？) wants one, the whole
    question is the one part, with ``asked``.

    >>> [(p, i.unit) for p, i, _ in figure_parts("水运工程抽检合格率是多少？公路的呢？")]
    [('水运工程抽检合格率是多少？', '%'), ('公路的呢？', '%')]
    >>> [p for p, _, _ in figure_parts("一审案件受理了？二审的呢？受理和审结各多少")]
    ['二审的呢？受理各多少', '二审的呢？审结各多少']
    >>> [c for _, _, c in figure_parts("检验检测和认证机构的营收分别是多少")]
    ['检验检测的营收分别是多少', '认证机构的营收分别是多少']
    """
    out: list[tuple[str, Intent, str]] = []
    previous = None
    pieces: list[list[str]] = []
    question = without_set_aside(question)      # (合格率之外，指数是多少？ asks no rate)
    for p in sub_questions(question):
        if pieces and _EACH_ALONE.match(p):     # …合格率哪个高？各多少 — asked of the subjects before
            pieces[-1] = ["".join(pieces[-1]) + p]
        else:
            pieces.append(_figure_clauses(p))
    # several figures asked in one part: its 分别 is theirs, not two subjects' (分别新增了多少项X、
    # 成立了多少家Y)
    pointer = ""       # a part only pointing at a subject, asking nothing (二审的呢？受理和审结各多少)
    for piece, alone in ((clause, len(clauses) == 1) for clauses in pieces for clause in clauses):
        parts = conjuncts(piece) if alone else [piece]
        if len(parts) > 1:      # A和B各是多少，差几倍？ — each subject's figure; the gap is theirs
            parts = [_without_gap(p) for p in parts]
        for part in parts:
            intent = read_intent(part)
            if not intent.wants_figure and previous is not None and _ELLIPTIC_PART.search(part) and \
                    intent.attribute == Attribute.OPEN:
                intent = previous
            if intent.wants_figure:
                # the subject pointed at names what the parts after it ask of
                part = f"{pointer}{part}" if len(parts) > 1 else part
                out.append((part, intent, part if len(parts) > 1 else question))
            elif _ELLIPTIC_PART.search(part) and intent.attribute == Attribute.OPEN:
                pointer = part
            previous = intent
    if not out and asked is not None and asked.wants_figure:
        return [(question, asked, question)]
    return out


# A figure asked by the measure that names it (得分是多少, 营收多少, 人数有几): in no unit of another part.
_OWN_MEASURE_ASKED = re.compile(r"(?:得分|分数|指数|数|数量|总量|金额|额|规模|营收|收入)(?:是|为|有|达到?)?(?:多少|几)")


def part_units(parts: list[tuple[str, Intent, str]], fallback: str | None) -> list[str | None]:
    """The measure word each of :func:`figure_parts`' ``parts`` asks in: its own, else that of
    the nearest part before it that names one (受理了多少件、审结多少？ asks 件 twice), else
    ``fallback`` (the whole question's, or an earlier turn's) — unless another part names its
    own: a unit asked after a part is that part's alone (案子有多少，涉及几个人？ asks 人 of the
    second part only; the cases are counted in 件).

    >>> [u for u in part_units(figure_parts("受理了多少件，审结多少？"), "件")]
    ['件', '件']
    >>> [u for u in part_units(figure_parts("审查逮捕的案子有多少，涉及几个人？"), "人")]
    [None, '人']
    >>> [u for u in part_units(figure_parts("产品合格率是多少？满意度得分是多少？"), "%")]
    ['%', None]
    """
    units: list[str | None] = []
    for part, intent, _ in parts:
        # (a part naming a measure of its own — 满意度得分是多少？ after …合格率是多少？ — is not in
        # the measure of the part before it)
        own = _OWN_MEASURE_ASKED.search(part)
        units.append(intent.unit or (None if own else next((u for u in reversed(units) if u), None)))
    if not any(intent.unit for _, intent, _ in parts):
        units = [fallback] * len(parts)
    return units


# Asking what something is called (年度报告叫什么？ 那个方案全称叫啥？).
_NAME_ASKED = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:的)?(?:名字|名称|全称)?(?:叫什么|叫啥|是什么名字|是啥名字|名称是什么|全称是什么)")


def _naming(question: str, evidence: list) -> list:
    """For a question asking what an X is called, the best evidence sentence that names an X
    (《…报告》, “…行动”) — a sentence that only mentions X (发布…年度报告) does not say what it is
    called. Empty when the question asks no name or no sentence names one.

    >>> from types import SimpleNamespace as N
    >>> e = [N(sentence=N(text="发布知识产权保护白皮书、年度报告。"), score=0.9),
    ...      N(sentence=N(text="编制发布年度《上海市质量状况分析报告》。"), score=0.8)]
    >>> [x.sentence.text[:6] for x in _naming("今年要编制发布的年度报告叫什么？", e)]
    ['编制发布年度']
    """
    m = _NAME_ASKED.search(question)
    if not m:
        return []
    head = m.group(1)[-2:]                      # 年度报告 → 报告: what kind of thing is named
    named = re.compile(rf"[《“][^》”]{{0,40}}{re.escape(head)}[^》”]{{0,8}}[》”]")
    ranked = sorted(evidence, key=lambda e: -e.score)
    if not ranked or re.search(r"[《“][^》”]+[》”]", ranked[0].sentence.text):
        return []                               # the best sentence names something already
    return [e for e in ranked if named.search(e.sentence.text)][:1]


# Which members of a kind the documents name by title are asked (出了哪些政策文件？ 哪几个规定？ —
# not what one of them requires: 哪些标准的内容, nor 标准化): each title is written in 《》, often
# one to a sentence.
_TITLED_KINDS = r"文件|政策|规范|标准(?!化)|方案|规定|办法|细则|指南|条例|制度|规划"
_TITLED_KIND_ASKED = re.compile(rf"(?:哪些|哪几[个份部项条]?)[\u4e00-\u9fff]{{0,8}}?(?:{_TITLED_KINDS})"
                                r"(?!的?(?:内容|要求|目标|数字|数据))")
_TITLE = re.compile(r"《[^》]+》")
# Kinds that name any document (政策文件): the others (方案, 细则) are kinds a title must be of.
_ANY_TITLE = {"文件", "政策"}


def titled_members(question: str, chosen: list, evidence: list) -> list:
    """For a question asking which members of a titled kind there are (:data:`_TITLED_KIND_ASKED`),
    the ``evidence`` sentences of the sections of ``chosen`` that title one (《…》) — when a
    chosen sentence does: the best sentence lists some of them, its neighbours the rest
    (印发《…实施方案》。出台《…若干规定》。印发《…行动方案》…等政策文件。). Empty otherwise.

    >>> from types import SimpleNamespace as N
    >>> s = N(section_id="a")
    >>> e = [N(n=1, section=s, sentence=N(text="印发《甲方案》等政策文件。")),
    ...      N(n=2, section=s, sentence=N(text="出台《乙规定》。")),
    ...      N(n=3, section=s, sentence=N(text="支付专项资金2.1亿元。"))]
    >>> [x.n for x in titled_members("去年出了哪些政策文件？", e[:1], e)]
    [1, 2]
    >>> titled_members("去年做了哪些工作？", e[:1], e)
    []
    """
    text = normalize_query(question)
    asked = _TITLED_KIND_ASKED.search(text)
    if not asked or not any(_TITLE.search(e.sentence.text) for e in chosen):
        return []
    # the kinds asked (行动方案或实施细则 → 方案, 细则): a title of another kind (《…若干规定》) is
    # not one of them — unless a word for any document is asked (政策文件)
    kinds = set(re.findall(_TITLED_KINDS, text[asked.start():]))
    sections = {e.section.section_id for e in chosen}
    return [e for e in evidence if e.section.section_id in sections and any(
        kinds & _ANY_TITLE or any(k in title for k in kinds) for title in _TITLE.findall(e.sentence.text))]


# Which members of a kind are asked (哪些工程获了奖？ 哪几个项目入选？): a list of names.
_MEMBERS_ASKED = re.compile(r"哪些|哪几[个家项条所批座部类]?")


def parallel_members(question: str, chosen: list, evidence: list) -> list:
    """For a question asking which members of a kind there are (:data:`_MEMBERS_ASKED`), the
    ``evidence`` sentences of the best ``chosen`` sentence's section that hold every word of the
    question it holds — two or more: sentences written alike, one member or pair of members
    each (…工程…获中国水利工程优质（大禹）奖；…工程获国家优质工程奖；), answer alike. Empty
    otherwise.

    >>> from types import SimpleNamespace as N
    >>> s = N(section_id="a")
    >>> e = [N(n=1, section=s, score=1.3, sentence=N(text="甲水利工程获大禹奖；")),
    ...      N(n=2, section=s, score=1.1, sentence=N(text="乙水利枢纽工程获国家优质工程奖；")),
    ...      N(n=3, section=s, score=1.0, sentence=N(text="水利建设质量考核获评A级；"))]
    >>> [x.n for x in parallel_members("去年哪些水利工程拿了大奖？", e[:1], e)]
    [2]
    >>> parallel_members("去年水利工程拿了什么奖？", e[:1], e)
    []
    """
    text = normalize_query(question)
    if not chosen or not _MEMBERS_ASKED.search(text):
        return []
    best = max(chosen, key=lambda e: e.score)
    # (each word with the words inside it — 水利工程: 水利, 工程 — and the smallest held kept:
    # 淀东水利枢纽泵闸改扩建工程 holds 水利 and 工程, not 水利工程)
    words = {p for w in content_words(text) if w not in GENERIC_WORDS and w not in REQUEST_NOUNS
             for p in tokenize(w) if len(p) >= 2}
    held = {w for w in words if w in best.sentence.text}
    held = [w for w in held if not any(o != w and o in w for o in held)]
    if len(held) < 2:
        return []
    kept = {e.n for e in chosen}
    return [e for e in evidence if e.n not in kept and e.section.section_id == best.section.section_id
            and all(w in e.sentence.text for w in held)]


# Two kinds of thing asked for in one list (新筹建了哪些市级质检中心和市级产业计量测试中心？)
_KINDS_LISTED = re.compile(r"^(?P<lead>.*?(?:哪些|哪几个|哪几家|哪几项|什么))(?P<a>[^，,。？?和与及、]{2,16}?)"
                           r"(?:和|与|以及|及)(?P<b>[^，,。？?和与及、]{2,16}?)(?P<end>[？?。]?)$")


def listed_kinds(part: str) -> list[str]:
    """``part`` asking which things of two kinds there are (…哪些A和B？), as one question for
    each kind — the sentence that lists the one is seldom the one that lists the other — or
    ``[part]``.

    >>> listed_kinds("2023年新筹建了哪些市级质检中心和市级产业计量测试中心？")
    ['2023年新筹建了哪些市级质检中心？', '2023年新筹建了哪些市级产业计量测试中心？']
    >>> listed_kinds("有哪些措施？")
    ['有哪些措施？']
    """
    m = _KINDS_LISTED.match(part.strip())
    if not m:
        return [part]
    return [f"{m.group('lead')}{m.group('a')}{m.group('end') or '？'}",
            f"{m.group('lead')}{m.group('b')}{m.group('end') or '？'}"]


# A part of a message is answered by its own best sentence only when that sentence holds at least
# this IDF-weighted share of the part's words (:func:`qa.claims.clause_match`): half, not fitted.
PART_MATCH = 0.5
# The words that ask something (a part of a message without them asks nothing).
# (…and a verb asked with its negation, A不A: 海关参不参与？ 要不要申报？)
ASKS = re.compile(ASKING_WORDS + r"|吧[？?]|对不对|是不是|(?P<asked_verb>[\u4e00-\u9fff])不(?P=asked_verb)")
# Spoken words that ask only of something named (张江机器人谷又要干嘛？ 第二批今年咋弄？); alone they
# are talk (干嘛不早说, 咋说呢, 我也不知道为何).
SPOKEN_ASKS = re.compile(r"咋|干嘛|干吗|为何")
# A request opening a clause (请告诉我这份文件的文号，以及…): it asks, as a question word does
# — not one closing it (…去年的成果和今年的安排都说说), which asks more of the question before.
REQUESTS = re.compile(r"^\s*(?:请|麻烦|劳烦)?(?:你)?(?:再|先)?(?:告诉我|告知|说一下|说说|讲讲|讲一下|介绍一下|列出|列一下|给我)")
# The assistant addressed only to ask it politely (请你告诉我, 麻烦你): no request of its own.
_ADDRESSED = re.compile(r"请你|麻烦你|劳烦你|你帮我|你给我|你告诉我")


def asks_something(clause: str) -> bool:
    """True when ``clause`` asks something: a word of :data:`ASKS`, or a spoken one of
    :data:`SPOKEN_ASKS` beside a noun of two characters or more naming what it asks of.

    >>> asks_something("张江机器人谷又要干嘛"), asks_something("干嘛不早说"), asks_something("咋说呢")
    (True, False, False)
    >>> asks_something("进口婴童用品联合监管那块海关参不参与？"), asks_something("不得不说")
    (True, False)
    >>> asks_something("本市绿色食品认证率呢？"), asks_something("好的呢？")
    (True, False)
    >>> asks_something("请告诉我这份文件的文号，"), asks_something("说一下吧"), asks_something("列出你知识库里的文件名")
    (True, False, False)
    """
    if ASKS.search(clause):
        return True
    # (…X呢？ after a question asks the same of X: 本市绿色食品认证率呢？; 请告诉我X asks for X —
    # not of the assistant itself: 列出你知识库里的文件名 is an instruction to it)
    requested = bool(REQUESTS.search(clause)) and "你" not in _ADDRESSED.sub("", clause)
    return bool(SPOKEN_ASKS.search(clause) or ELLIPTIC_ASK.search(clause) or requested) and any(
        len(w) >= 2 and tag.startswith("n") for w, tag in tagged_words(REQUESTS.sub("，", SPOKEN_ASKS.sub("，", clause))))


# A clause asking "and X?" — a noun and 呢 with a question mark.
ELLIPTIC_ASK = re.compile(r"呢\s*[？?]\s*$")


# A clause of a part: up to and including its comma, enumeration comma or semicolon.
_CLAUSE = re.compile(r"[^，,、；;]+[，,、；;]?")


def asked_clauses(part: str) -> list[str]:
    """``part`` split at its commas into the clauses that each ask something of their own, a
    clause that asks nothing (知识产权保护方面，) kept with the asking clause after it (or, at
    the end, before it); ``[part]`` when fewer than two clauses ask.

    >>> asked_clauses("知识产权保护方面，要发布什么文件、搞哪些执法专项、审判上深化什么改革？")
    ['知识产权保护方面，要发布什么文件、', '搞哪些执法专项、', '审判上深化什么改革？']
    >>> asked_clauses("质量奖今年要做什么，谢谢")
    ['质量奖今年要做什么，谢谢']
    """
    clauses = _CLAUSE.findall(part)
    if sum(asks_something(c) for c in clauses) < 2:
        return [part]
    out, lead = [], ""
    for clause in clauses:
        if asks_something(clause):
            out.append(lead + clause)
            lead = ""
        else:
            lead += clause
    if lead:
        out[-1] += lead
    return out


def part_answers(question: str, evidence: list, weights: dict, skip_figures: bool = False) -> list:
    """For a ``question`` that asks two or more things at question marks (追溯要推进哪个规范？
    打击食药环犯罪搞什么专项？) or at commas (:func:`asked_clauses`: 要发布什么文件、审判上深化什么
    改革？), the evidence sentence that best answers each part by the part's own
    words: the sentence with the largest share of them (ties by retrieval score), when it holds
    at least :data:`PART_MATCH` of them and two of them at least. One part asking a thing of
    each subject it joins (A和B，各自…？ :func:`conjuncts`) is a part for each subject, matched
    on the sentence and its section's headings. Parts that ask a figure are
    skipped when ``skip_figures`` (the figure ranking answered them). ``[]`` for a question
    asking one thing, or when fewer than two parts found a sentence (one, when figures were
    answered): the whole question is then answered as one. A header line is never an answer."""
    parts = [c for p in sub_questions(question) if asks_something(p) for c in asked_clauses(p)]
    # one part asking a thing of each subject it joins (2023年A和B，各自开展了哪些行动？): each
    # subject's own — its section's heading may be what names it (“双打”工作力度不断加大)
    each = len(parts) == 1 and not read_intent(parts[0]).wants_figure
    if each:
        parts = conjuncts(parts[0])
        if len(parts) == 1:
            parts = listed_kinds(parts[0])
    if len(parts) < 2:
        return []
    body = [e for e in evidence if e.section.path]

    def text(e):
        return e.sentence.text + ("".join(e.section.path) if each else "")

    found = []
    before: list[str] = []          # the words of the part before
    for part in parts:
        terms = list(dict.fromkeys(content_words(part)))
        if skip_figures and read_intent(part).wants_figure:
            before = terms
            continue
        scored = sorted(((clause_match(text(e), terms, weights), e.score, e) for e in body),
                        key=lambda t: (-t[0], -t[1]))
        # one word names no subject of its own (打算怎么拓展？ 往哪些方向？ lean on the part before)
        if scored and scored[0][0] >= PART_MATCH and \
                sum(normalize_for_match(t).lower() in normalize_for_match(text(scored[0][2])).lower()
                    for t in terms) >= 2:
            found.append(scored[0][2])
        elif before:
            # …unless that word is rare (今年推进的是第二批没错吧？ after 长三角示范…首批是19项吧？):
            # the sentence holding it that best matches the part before names the same subject
            own = [t for t in terms if weights.get(t, 0.0) >= FOLLOW_UP_OWN_WEIGHT and t not in before]
            leaning = sorted(((clause_match(text(e), before, weights), e.score, e) for e in body
                              if own and all(t in e.sentence.text for t in own)), key=lambda t: (-t[0], -t[1]))
            if leaning and leaning[0][0] >= PART_MATCH:
                found.append(leaning[0][2])
        before = terms
    if len(found) < (1 if skip_figures else 2):
        return []
    return list({e.n: e for e in found}.values())


# How alike two clauses must be, their figures aside, to be the same statement of two members
# (一审/二审): difflib's ratio.
PARALLEL_RATIO = 0.8
# How many of each part's best-ranked figures :func:`distinct_figures` considers.
_CANDIDATES = 3


def distinct_figures(rankings: list[list]) -> list:
    """One figure for each part of a question that asks several (``rankings``: each part's
    :func:`qa.claims.rank_figures`, best first), different figures for different parts: two
    parts ask two things (长三角发布了几项国际标准？地方标准又发布实施了几项？ — 16项 answers the
    first, so the second's near-tie goes to 5项). Greedy over each part's :data:`_CANDIDATES`
    best figures with a positive score: the best-scoring pair of part and figure is taken
    first, then the best of what is left (linear in the parts: a long message may ask dozens);
    a part whose figures all went to others keeps its best one. Returns the
    :class:`~qa.claims.AskedFigure` chosen, in part order (parts with no figure left out)."""
    options = [[a for a in ranked[:_CANDIDATES] if a.score > 0] for ranked in rankings]

    def key(a):
        return (a.evidence_n, a.figure.phrase, a.figure.clause)

    pairs = sorted(((a.score, i, key(a), a) for i, option in enumerate(options) for a in option),
                   key=lambda p: -p[0])
    chosen: dict[int, object] = {}
    taken: set = set()
    for _, i, k, a in pairs:
        if i not in chosen and k not in taken:
            chosen[i] = a
            taken.add(k)
    for i, option in enumerate(options):
        if option and i not in chosen:
            chosen[i] = option[0]
    return [chosen[i] for i in sorted(chosen)]


def parallel_figures(ranked: list, question: str) -> list:
    """The figures of ``ranked`` (:func:`qa.claims.rank_figures`, best first) that the question
    cannot tell from the best one: as well matched, in the same measure word, in a clause written
    alike but for a word the question does not say (共审结一审…576件 and 共审结二审…59件 for
    知识产权刑事案件审结了多少？ — it names neither 一审 nor 二审: both are its answer), or for words
    its asking clauses name on both sides (公路工程…96.9％ and 水运工程…96.1％ for 公路跟水运的呢？).
    The best one first; only it when nothing ties.

    >>> from qa.claims import AskedFigure
    >>> one, two = figures_in("共审结一审知识产权刑事案件576件；共审结二审知识产权刑事案件59件")
    >>> ranked = [AskedFigure(one, 1.25, 1, 1.25), AskedFigure(two, 1.25, 2, 1.25)]
    >>> [a.figure.phrase for a in parallel_figures(ranked, "知识产权刑事案件审结了多少？")]
    ['576件', '59件']
    >>> [a.figure.phrase for a in parallel_figures(ranked, "二审审结了多少？")]
    ['576件']
    """
    if not ranked:
        return []
    best = ranked[0]
    asked = normalize_for_match(question)

    def frame(a) -> str:        # the clause without its figure
        return normalize_for_match(a.figure.clause.replace(a.figure.phrase, "#"))

    asking = normalize_for_match(asking_clauses(question)) or asked
    alike = [best]
    x = frame(best)
    for a in ranked[1:]:
        if a.score < best.score - 1e-9:
            break
        if not same_unit(a.figure.unit, best.figure.unit) or a.figure.value == best.figure.value:
            continue
        y = frame(a)
        matcher = difflib.SequenceMatcher(None, x, y, autojunk=False)
        if matcher.ratio() < PARALLEL_RATIO:
            continue
        # the words that tell the two clauses apart, on each side
        ops = [op for op in matcher.get_opcodes() if op[0] != "equal"]
        left = [x[i1:i2] for _, i1, i2, _, _ in ops if x[i1:i2]]
        right = [y[j1:j2] for _, _, _, j1, j2 in ops if y[j1:j2]]
        # none of them named by the question (审结了多少？: 一审 and 二审 alike) — or, on each side, all
        # of them named where it asks (公路跟水运的呢？ names both members, not 我只关心水运那个，是多少？)
        if ops and not any(p in asked for p in left + right) or \
                left and right and all(p in asking for p in left + right):
            alike.append(a)
    return alike


def quote(evidence: list) -> str:
    """The extract as text: each sentence verbatim with its ``[n]`` marker."""
    return "".join(f"{e.sentence.text}[{e.n}]" for e in evidence)


def _figure_sentences(request, evidence: list) -> list:
    """The evidence sentences (``qa.retrieval.Evidence``) holding the figures ``request``
    (``qa.generation.Request``) asks for, each part's best (:func:`figure_parts`,
    :func:`qa.claims.rank_figures`) and those as well matched that it cannot tell apart
    (:func:`parallel_figures`); ``[]`` when none matches. A figure the message states itself is
    the user's, not an answer."""
    weights, intent = request.weights, request.intent
    subject = request.subject or request.question
    by_n = {e.n: e for e in evidence}   # figures are matched by the question's own words
    parts = figure_parts(subject, intent)
    rankings = [rank_figures(part, evidence, unit, weights, quoted_for(part, request.quoted, parts),
                             context=f"{request.topic} {context}" if request.topic else context)
                for (part, _, context), unit in zip(parts, part_units(parts, intent.unit))]
    answers = distinct_figures(rankings)
    # a figure as well matched as the best, of a member the question does not name (审结了多少？
    # — 一审 and 二审 alike), answers it too
    # (of the same document: another document's figure is another statement, given with a note
    # that they differ — qa.library.parallels)
    for (part, _, _), ranked in zip(parts, rankings):
        if len(parts) == 1 and ranked and ranked[0] in answers:
            doc = by_n[ranked[0].evidence_n].section.doc_id
            answers += [a for a in parallel_figures(ranked, part)[1:] if by_n[a.evidence_n].section.doc_id == doc]
    return [by_n[answer.evidence_n] for answer in answers
            if answer.figure.unit == "年" or answer.figure.value not in users_figures(subject)]


def verbatim_extract(request) -> list:
    """The evidence sentences (``qa.retrieval.Evidence``) that answer ``request``
    (``qa.generation.Request``, whose ``weights`` are the IDF weights of words), in document
    order; see the module docstring."""
    weights = request.weights
    evidence = request.evidence
    if not evidence:
        return []
    intent = request.intent
    if intent is None or intent.attribute != Attribute.AGENCY:
        # a list of responsible units alone — （市市场监管局、市经济信息化委）— answers only
        # who is responsible
        evidence = [e for e in evidence if not AGENCIES_ONLY.match(e.sentence.text)] or evidence
    if intent is not None and intent.scope in (Scope.ALL, Scope.COMPARE):
        # a comparison's side asking what was done or planned keeps more of its item; one asking a
        # count (2023年完成了多少？) is answered by the count's sentence
        counted = _years_counted(request.question, request.ref_year) if intent.scope == Scope.COMPARE else None
        groups = []
        for section_id in dict.fromkeys(e.section.section_id for e in evidence):
            own = [e for e in evidence if e.section.section_id == section_id]
            wide = counted is not None and not section_years(own[0].section) & counted
            groups.append(_best(own, n=PER_SIDE, keep=COMPARE_KEEP_RATIO) if wide else _best(own))
        if intent.scope == Scope.COMPARE and not OVERVIEW_ASKED.search(normalize_query(request.question)):
            # (each year's opening answers an overall line asked: 指导思想 and 总体思路 compared)
            # a side (a year's best section) that names nothing of what is asked is not its answer:
            # 去年人形机器人进展怎样？ — the summary has none; its best section is about something else
            words = [normalize_for_match(w).lower() for w in content_words(request.question) if w in weights]

            def names(text: str) -> bool:
                return any(w in normalize_for_match(text).lower() for w in words)

            about = []
            for g in groups:
                if not g or names("".join(e.sentence.text for e in g) + "".join(g[0].section.path)):
                    about.append(g)
                elif not intent.wants_figure and names(g[0].section.text):
                    # what was done or planned: the section names it in a sentence the best ones
                    # are not (抓假货…去年战果 → （十三）“双打”: its 专项行动, not its case counts);
                    # that sentence, when retrieved. (A figure asked is its own sentence's: 2024年的
                    # 合格率是多少 is not answered by a section naming 制造业 elsewhere.)
                    own = [e for e in evidence if e.section.section_id == g[0].section.section_id
                           and names(e.sentence.text)]
                    about.append(_best(own) if own else g)
            groups = [g for g in about if g] or groups
        chosen = [e for g in groups for e in g]
        if intent.scope == Scope.COMPARE and intent.wants_figure and not request.english:
            # a figure asked of one side (风险监测去年做了多少批次，进出口风险今年怎么管？): the
            # sentence holding it, whichever sentence of its section matches the whole message best
            chosen += _figure_sentences(request, evidence)
        return sorted({e.n: e for e in chosen}.values(), key=lambda e: e.n)
    chosen = []
    subject = request.subject or request.question
    if intent is not None and intent.wants_figure and not request.english:
        chosen = _figure_sentences(request, evidence)
    if not request.english:
        # a message asking several things (…规范？…专项？): each part that no figure answered
        # gets the sentence that best matches its own words
        answered = intent is not None and intent.wants_figure and bool(chosen)
        chosen += [e for e in part_answers(subject, evidence, weights, skip_figures=answered)
                   if e.n not in {c.n for c in chosen}]
    if not chosen:
        chosen = _naming(request.question, [e for e in evidence if e.section.path])
    if not chosen:
        # the header's lines are pieces of a title, not sentences that answer: never quoted (its
        # facts are routed; with nothing else, 上海今年空气质量怎么样 got title fragments); an
        # English question, read as written or through a machine translation, scores Chinese
        # sentences too flatly to tell sections apart: the two best may come from two sections
        body = [e for e in evidence if e.section.path]
        if request.topic and not request.english:
            # a follow-up's own words (认证方面呢？ after a question on 论坛) name what it turns to:
            # the sentences holding one of them, when any does
            own = [w for w in content_words(request.subject) if weights.get(w, 0.0) >= FOLLOW_UP_OWN_WEIGHT
                   and w not in GENERIC_WORDS]
            body = [e for e in body if any(w in e.sentence.text for w in own)] or body
        chosen = _best(body, one_section=not request.english)
        if intent is not None and intent.wants_figure and not request.english and \
                only_stated(subject, chosen, intent.unit):
            return []       # …多少家？我只看到有294家是高企: the documents say no more than the user
    if not request.english and not (intent is not None and intent.wants_figure):
        # which documents, rules or standards: every sentence of the answer's section titling one
        chosen += [e for e in titled_members(subject, chosen, evidence) if e.n not in {c.n for c in chosen}]
        if intent is not None and intent.attribute == Attribute.OPEN:
            # which members: the sentences written alike beside the best one
            chosen += parallel_members(subject, chosen, evidence)
    return sorted({e.n: e for e in chosen}.values(), key=lambda e: e.n)


def _years_counted(question: str, ref_year: int | None) -> set[int]:
    """The years whose own clause of ``question`` asks a figure (2023年完成了多少，2024年接着干
    什么？ → {2023}), relative ones (去年) counted from ``ref_year``.

    >>> sorted(_years_counted("去年完成了多少项，今年接着干什么？", 2024))
    [2023]
    """
    counted: set[int] = set()
    for clause in split_clauses(normalize_query(question)):
        if read_intent(clause).wants_figure:
            counted |= question_years(clause, ref_year)
    return counted


def users_figures(question: str) -> set[str]:
    """The values of the figures ``question`` states of its own (years aside) — none when it
    asks to confirm them (合格率是99.7％吗？: then they are what is asked).

    >>> users_figures("一共有多少家？我只看到有294家是高企。"), users_figures("合格率是99.7％吗？")
    ({'294'}, set())

    A clause of its own that confirms its figure (认证率到31.8%了？ 是31.8%吗？ beside a question
    asking another figure) states none of the user's own.

    >>> users_figures("绿色食品认证率到31.8%了？绿色工厂创建了几家"), users_figures("营收325.64亿元，其中有多少家？")
    (set(), {'325.64'})
    """
    if confirms_figure(question):
        return set()
    return {f.value for clause in split_clauses(question) if not confirms_figure(clause)
            for f in figures_in(clause) if f.unit != "年"}


def only_stated(question: str, chosen: list, unit: str | None) -> bool:
    """True when ``question`` states figures of its own (not to confirm them: 我只看到有294家是高企)
    and every figure the ``chosen`` sentences give in the measure asked (``unit``; any, when
    none) is one of them: quoting the user's own figure back does not answer what they ask.

    >>> from types import SimpleNamespace as N
    >>> s = [N(sentence=N(text="全市检验检测机构年行业营收325.64亿元，294家通过高新技术企业认定。"))]
    >>> only_stated("一共有多少家检验检测机构？我只看到有294家是高企。", s, "家")
    True
    >>> only_stated("一共有多少家检验检测机构？", s, "家")
    False
    """
    stated = users_figures(question)
    given = [f for e in chosen for f in figures_in(e.sentence.text)
             if f.unit != "年" and (unit is None or same_unit(f.unit, unit))]
    return bool(stated) and bool(given) and all(f.value in stated for f in given)
