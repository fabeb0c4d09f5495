"""The verification stage: check an answer (the model's, or a verbatim extract) against its
evidence and against what the question asks.

Checks, in order:
  1. **grounding** (:func:`qa.citations.ground`): every sentence is supported by the evidence it
     cites — its figures, quoted names, comparison words and most of its wording are there;
  2. **the figure asked**: a question asking for figures (``…多少起？抓了多少人？``) is answered
     only when each figure it asks for — the figure whose clause matches it best
     (:func:`qa.claims.rank_figures`) — is stated; a neighbour from the same sentence (受理 for
     审结, 起 for 件) is not the answer;
  3. **qualifiers**: a figure keeps the qualifier its evidence writes (300多名, 近640万件);
     a dropped one is restored from the evidence;
  4. **the attribute asked**: a question asking *when* needs a date, *how much money* an amount
     in 元, *who* (a person) a name, *where* a place, *how to apply* a procedure, *why* a cause
     (or the correction of a wrong premise: 为啥只占三成 answered by 65％) — stated in the
     answer and in the sentences it cites (a heading's year does not date a task), beyond what
     the question already says;
  5. **both sides of a comparison**: a 2023-vs-2024 question cites a section of each year when
     the evidence has both;
  6. **figures with their own words**: a sentence may not join a figure to a word that its
     source attaches to another figure (审查起诉案件359件 when the source reads 审查逮捕案件359件，
     审查起诉案件819件);
  7. **the members asked for**: a question asking which members make up a group it names
     (五大新城是哪五个？ 四大功能分别指什么？) is not answered by a sentence that only repeats the
     group's name — with no list (A、B、C等…) before it — and one asking which X (哪些行业) is not
     answered by "部分行业" or "一批行业", or by a count of them (成员单位由30个增加至36个);
  8. **the question's subject**: the verbatim extract of a one-section question holds a fair
     share of what the question names (:data:`MIN_QUESTION_COVERAGE`) — 长者食堂的红烧肉怎么做 is
     not answered by a sentence about 长者食堂;
  9. **the place asked**: a district or city the question names with its suffix (青浦区的合格率)
     is named by a cited sentence, its headings or its document's title — a city-wide figure
     does not answer for one district;
  10. **the one that stands out**: a question asking which member is the most or the least
     (哪类产品召回最多？ 哪个区合格率最高？) is answered only by a sentence that ranks or compares
     (最, 第一, 居首, 领先…) — not by a total (召回70起);
  11. **a joint figure**: a figure the cited sentence gives two things together (放心消费单位和无理由
     退换货企业约2万家) is not stated for one of them alone (新增放心消费单位约2万家);
  12. **names**: a proper name a model's answer states (a person, place or organisation, by
     jieba's tags) is written in a cited sentence, its headings, its document's title or the
     question — 国家医学中心是北京天坛医院 citing 推进6个国家医学中心建设 is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .citations import MARKER, GroundedAnswer, ground, polarity_ok
from .claims import (compared_with, confirms_figure, cumulative_as_yearly, figures_in, hedges_dropped, level_as_gap,
                     rank_figures, restore_qualifiers, scales_wrong, points_as_percent, reversed_comparison, same_unit,
                     sibling_kind_only, states_change, swapped_counts)
from .extract import figure_parts, part_units, quoted_for
from .guard import CONFIRMATION
from .intent import FIGURE_ATTRIBUTES, HOME_FIELD_WORDS, OVERVIEW_ASKED, Attribute, Scope, overview_topic, read_intent
from .scope import about_the_question, asking_clauses, names_place, places_named, section_years
from .text import (COUNTED, QUESTION_WORDS, SERIES_MEMBER, chinese_numeral, content_words, normalize_for_match, normalize_query,
                   noun_words, numbers_in, split_clauses, tagged_words)

# A figure within this score of the best-ranked one is as good an answer (a near tie between
# two clauses that match the question equally is not the checker's to break).
FIGURE_TIE = 0.05

DATE = re.compile(r"(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{1,2}\s*月\s*\d{1,2}\s*日|"
                  r"(?:19|20)\d{2}\s*[—–-]\s*(?:19|20)\d{2}|\d{1,2}\s*月(?:底|份|前)|年底|年内|上半年|下半年|"
                  r"第[一二三四]季度|(?:19|20)\d{2}")
# A cause stated: what a why-question needs.
CAUSE = re.compile(r"因为|由于|得益于|归功于|源于|在于|原因|之所以|因此|所以|为了|旨在|以便|依托|通过.{1,20}(实现|推动|提升|带动)|"
                   r"because|due to|thanks to|owing to", re.IGNORECASE)
DISTRICT = re.compile(r"[\u4e00-\u9fff]{2,4}(?<![社园小景])区(?![\u4e00-\u9fff]{0,2}(?:中心|委|局))")
EDITION = re.compile(r"(?:19|20)\d{2}\s*[—–-]\s*(?:19|20)\d{2}\s*年度|(?:19|20)\d{2}\s*年度(?=[\u4e00-\u9fff“《])")
# An edition asked (哪个年度的质量奖, which year's award).
EDITION_ASKED = re.compile(r"哪(?:个|一个|一)?年度|哪一?届|which year's|what year's", re.IGNORECASE)
DAY = re.compile(r"\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*日|月底|月初|年底|年初|上半年|下半年|第[一二三四]季度")
# 多久 / how long asks for a span of time: "8年", "三个月", "15个工作日" answer it as well as a date
# (a year — 2025年 — is no span)
DURATION = re.compile(r"(?<![\d.])(?!(?:19|20)\d{2}\s*年)\d+(?:\.\d+)?\s*(?:个)?\s*(?:工作日|年|月|周|星期|天|日|小时|分钟)|"
                      r"[一二两三四五六七八九十半]+\s*(?:个)?\s*(?:工作日|年|月|周|星期|天|小时)")
DURATION_ASKED = re.compile(r"多久|多长时间|多长的时间|周期|有效期|how long", re.IGNORECASE)
DAY_ASKED = re.compile(r"哪天|哪一天|几号|几月|哪个月|日期|截止|截至|期限|(?:what|which|on what) (?:date|day)|deadline|which month", re.IGNORECASE)
MONEY = re.compile(r"\d(?:[.,]\d+)*\s*(?:[万亿千百]*)\s*(?:余|多)?\s*元")
PLACE = re.compile(r"[\u4e00-\u9fff]{1,8}(?:(?<![社小])区(?!域)|县|镇|乡|村|路|街|号|街道|园区|谷|港|岛|新城)(?![\u4e00-\u9fff]{0,2}(?:中心|委|局))|"
                   r"(?:落户|位于|落地|设在|建在|赴)[\u4e00-\u9fff、]{2,8}")
# A platform named (“沪检云”检验检测一站式系统平台): where a thing is seen or used online.
_NAMED_PLATFORM = re.compile(r"“[^”]{1,12}”[\u4e00-\u9fff]{0,12}?(?:平台|系统|网站|App|APP|小程序)")
# before a place that says where something is; a place in brackets names the host city of an
# event or a centre (中国质量（成都）大会, 国家碳计量中心（上海）)
_LOCATIVE = re.compile(r"(?:在|于|赴|到|至|落户|落地|设在|建在|位于|（|\()$")
PROCEDURE = re.compile(r"流程|程序|手续|材料|条件|须|应当|提交|办理|(申请|申报|报名)(方式|渠道|时间|截止|入口|网址|条件|材料)")
CONTACT = re.compile(r"\d{3,4}-?\d{7,8}|\b\d{5,}\b|@|https?://|www\.")
# A grade as the documents would state one: A级, 五星, 优秀等次, 评为一等.
GRADE_STATED = re.compile(r"[A-EＡ-Ｅ]{1,3}级|[一二三四五1-5]星级?|(优秀|良好|合格)(等次|等级|档)|特等|[一二三]等(奖)?|(评为|评定为|定为)[^，。；]{0,6}(级|等|档)")
# What a question asks to be recommended (推荐几家上海本帮菜老字号餐厅 → 上海本帮菜老字号餐厅).
_RECOMMENDED = re.compile(r"推荐(?:一下|下)?(?:[一几]?[个家款条所种些])?([^，。？！,?!吧吗呢]{2,16})")
MEMBERS_ASKED = re.compile(r"哪些|哪几|哪[类种]|哪[一二两三四五六七八九十\d]+[个家项类种条大品所座]|分别(是|指|有)|具体(是|指)|包括(哪|什么)|"
                           r"叫(什么|啥)(名字)?|(什么|啥)名字|名单|名称(是|有)|(?:列|说|报|给)[^，,。？?]{0,4}(?:名字|名称)")
GROUP = re.compile(r"[一二两三四五六七八九十\d]+(?:大|个|家|项|类|种)[\u4e00-\u9fff]{1,6}")
WHICH_KIND = re.compile(r"哪(?:些|几[个家项类种]?|类|种)([\u4e00-\u9fff]{1,4})")
CLAUSE_END = ",，。；;"       # what ends a clause, in normalised text (qa.text.normalize_query) or not
VAGUE = "部分|一批|若干|一些|有关|相关|某些|各类"
# Asking which member stands out (哪类…最多, 哪个区最高) and what states it (最, 第一, 居首…).
SUPERLATIVE_ASKED = re.compile(r"哪(?:个|种|类|家|些|一[个种类家项]?|几)?[^，。？！,?!]{0,12}(?:最(?:多|少|大|小|高|低|快|慢|好|差|强|严重)|"
                               # …or which one ranks first (哪个区排第一, 哪家名列前茅)
                               r"(?:排|排名|位居|名列|位列)(?:在)?(?:第一|首位|前[一二三四五\d]|前列|前茅|靠前|末位|最后|倒数))|"
                               r"最(?:多|少|大|小|高|低|久|早|晚|严重)的(?:那|这)?[一1]?[个家起件项批名位次]|"
                               r"最(?:多|少|大|小|高|低|久|早|晚|严重)的[\u4e00-\u9fff]{0,6}?(?:是|为|属于?)哪|"
                               r"(?:which|what) [\w ]{0,30}(?:most|least|highest|lowest|largest|biggest)", re.IGNORECASE)
# A rank asked by its place (排第几名, 第几位): answered by an ordinal (第一, 第3名, 首位), not by
# 位居全国前列; an ordinal of a subset the clause names (其中政务服务…居全国第一) is not the rank asked.
RANK_ASKED = re.compile(r"第几(?:名|位)|排(?:名)?(?:在)?(?:全国)?(?:第几|多少名|几名)")
_RANK_VERB = re.compile(r"位居|居|排名|排|列|名列")
RANK_STATED = re.compile(r"第[一二三四五六七八九十\d]+(?:名|位)?|首位|居首|之首")
STANDS_OUT = re.compile(r"最|第一|首位|居首|之首|领先|前列|排名|位居|名列|most|highest|largest", re.IGNORECASE)
# A unit or organisation's name: what a question asking which unit (哪家单位, 哪些部门) needs.
ORGANISATION = re.compile(r"[\u4e00-\u9fff]{1,12}?(局|委员会|委|办公室|办|院|集团|公司|大学|学院|协会|海关|总部|"
                          r"领导小组|部|厅|中心|联盟|平台|机构)")
CHINESE_COUNT = re.compile(r"[一二两三四五六七八九十百千万]+(?:个|家|项|级|批|届|期|类|种|名|人|次|起|件|年)|首(?:届|批|个)|第[一二三四五六七八九十]+[批届期个]")


# The verbatim extract of a one-section question must hold at least this share of the question's
# content (IDF-weighted, qa.claims.clause_match; a word the documents never use weighs most):
# an extract sharing one word with the question (长者食堂 of 长者食堂的红烧肉怎么做) is about
# something else. Fitted on tune and the third gold batch (0.15–0.25 tried: 0.2 kept the
# accuracy and cut the wrong answers 0.061 → 0.054 on tune); English questions (read through a
# translation) and follow-ups (their own words are elliptic) are not held to it.
MIN_QUESTION_COVERAGE = 0.2
# What an English question names in words a Chinese sentence can hold: Chinese runs, figures, and
# words of two or more capitals (LNG, BIM, MaaS).
_NAMED_IN_ENGLISH = re.compile(r"[\u4e00-\u9fff\d]+|(?<![A-Za-z])(?=[A-Za-z]*[A-Z][A-Za-z]*[A-Z])[A-Za-z]{2,}(?![A-Za-z])")
ATTRIBUTE_NAMES = {Attribute.QUANTITY: "数字", Attribute.MONEY: "金额", Attribute.DATE: "时间",
                   Attribute.PERSON: "人员", Attribute.ORGANISATION: "机构名称", Attribute.PLACE: "地点",
                   Attribute.PROCEDURE: "办理流程或条件",
                   Attribute.CONTACT: "联系方式", Attribute.REASON: "原因", Attribute.ADVICE: "推荐",
                   Attribute.GRADE: "等级"}


@dataclass
class Verdict:
    """The checked answer: ``grounded`` (text with renumbered markers, citations, dropped
    sentences, whether it says the documents do not answer), ``problems`` — why it cannot be
    shown as it is (empty when it can) — and the qualifiers restored."""

    grounded: GroundedAnswer
    problems: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the answer may be shown: it cites something and no check failed."""
        return not self.problems and bool(self.grounded.citations)

    @property
    def text(self) -> str:
        return self.grounded.text


def asked_figures(question: str, evidence, weights: dict, unit: str | None,
                  required: tuple[str, ...] = (), earlier: str = "") -> list[set[str]]:
    """For each part of ``question`` that asks for a figure (:func:`qa.extract.figure_parts`:
    …公路的呢？ and A和B的X分别是多少 ask one figure each): the values that answer it (the
    best-ranked figure and any within :data:`FIGURE_TIE` of it). Empty when no figure of the
    evidence matches the question at all. ``earlier`` is a follow-up read with the turn it
    completes (抓了多少人？ after …“双打”侦破了多少刑事案件？): its words name the subject."""
    wanted = []
    parts = figure_parts(question)
    for (part, _, context), part_unit in zip(parts, part_units(parts, unit)):
        if earlier:
            context = f"{earlier} {context or part}"
        ranked = rank_figures(part, evidence, part_unit, weights,
                              quoted_for(part, tuple(required), parts), context=context)
        if ranked and ranked[0].score > 0:
            wanted.append({a.figure.value for a in ranked if a.score >= ranked[0].score - FIGURE_TIE})
    return wanted


def states_attribute(text: str, attribute: Attribute, question: str) -> bool:
    """True when ``text`` (markers removed) states something of the kind ``attribute`` that
    ``question`` does not already state.

    >>> states_attribute("推动各区建立健全孵化工作机制。", Attribute.DATE, "孵化机制什么时候建成？")
    False
    >>> states_attribute("全市共计支付质量发展专项资金2.1亿元。", Attribute.MONEY, "专项资金花了多少钱？")
    True
    """
    body = MARKER.sub("", text)
    q = normalize_query(question)
    if attribute in FIGURE_ATTRIBUTES and confirms_figure(q):
        q = re.sub(r"\d", "", q)       # 是99.7％吗？ — the figure confirmed is what is asked
    if attribute == Attribute.DATE:
        # a question asking for a day (哪天, 截止, 几号) is not answered by a year (2023—2024年度)
        pattern = DAY if DAY_ASKED.search(q) else DATE
        if DURATION_ASKED.search(q) and any(m.group(0) not in q for m in DURATION.finditer(body)):
            return True
        # a period that names an edition (2023—2024年度上海市政府质量奖) does not date an event —
        # unless the edition is what is asked (哪个年度的…, which year's…)
        edition = bool(EDITION_ASKED.search(q))
        return any(m.group(0) not in q and (edition or not EDITION.match(body, m.start())) for m in pattern.finditer(body))
    if attribute == Attribute.MONEY:
        return any(normalize_for_match(m.group(0)) not in normalize_for_match(q) for m in MONEY.finditer(body))
    if attribute == Attribute.QUANTITY:
        said = set(numbers_in(body)) - set(numbers_in(q))
        unit = read_intent(q).unit
        return bool(said) or any(m.group(0) not in q and (unit is None or m.group(0).endswith(unit))
                                 for m in CHINESE_COUNT.finditer(body))
    if attribute == Attribute.PERSON:
        import jieba.posseg as pseg

        # jieba tags some -ization words as names (时尚化, 智能化): a name does not end in 化/性/型
        return any(w.flag == "nr" and w.word not in q and len(w.word) >= 2 and w.word[-1] not in "化性型"
                   for w in pseg.cut(body))
    if attribute == Attribute.PLACE:
        if re.search(r"哪(?:个|一个|些|几个)?国家|which countr", q, re.IGNORECASE):
            from .places import country_names    # 哪些国家 asks for countries: a district is no answer

            return any(c in body and c not in q for c in country_names() if len(c) >= 2)
        if re.search(r"哪(?:个|一个|些|几个|座)?(?:省|城市|市(?![场级]))|which (?:city|province)", q):
            # 哪个省 / 哪个城市 asks for a province or a city: a division the question does not
            # name (a region — 长三角区域 — is neither), where something is (在X, 赴X, 落户X): a
            # name that only qualifies another (上海旅游节) says where nothing is
            from .places import is_place
            from .text import _jieba

            return any(is_place(w) and w.rstrip("省市区县") not in q and _LOCATIVE.search(body[max(0, at - 2):at])
                       for w, at, _ in _jieba().tokenize(body))
        if re.search(r"哪(?:个|些|一个)(?:平台|渠道|网站|媒体|系统|App|APP|app)", q):
            # 在哪个平台能看 asks for a platform: one named (打造“沪检云”…系统平台) answers
            return any(m.group(0) not in q for m in _NAMED_PLATFORM.finditer(body))
        # 哪个区 asks for a district: a 园区 or 社区 is no answer
        pattern = DISTRICT if re.search(r"哪(?:个|些|几个)?区", q) else PLACE
        return any(m.group(0) not in q for m in pattern.finditer(body))
    if attribute == Attribute.PROCEDURE:
        return bool(PROCEDURE.search(body))
    if attribute == Attribute.REASON:
        # a cause stated (由于, 得益于…) — or the question's premise corrected: it states a share or
        # a member of a series (只占三成, 只有89.7%, 第四届) that the text gives otherwise
        return bool(CAUSE.search(body)) or corrects_premise(q, body)
    if attribute == Attribute.CONTACT:
        return bool(CONTACT.search(body))
    if attribute == Attribute.GRADE:
        return any(m.group(0) not in q for m in GRADE_STATED.finditer(body))
    if attribute == Attribute.ADVICE:
        # the documents' own recommending (向商务部推荐新一轮“中华老字号”), of a thing the question names
        # — the very thing asked for: the head of what the question asks to be recommended
        # (推荐几家…老字号餐厅 → 餐厅) is what the documents recommend, not only a word beside it
        asked = _RECOMMENDED.search(q)
        heads = content_words(asked.group(1))[-1:] if asked else []
        words = heads or content_words(q)
        return any(any(w in m.group(1) for w in words) for m in re.finditer(r"推荐([^，。；;]{1,16})", body))
    if attribute in (Attribute.AGENCY, Attribute.ORGANISATION):   # a unit or organisation the question does not name
        if attribute == Attribute.ORGANISATION:     # a document's title (《…农业机构…准则》) names none
            body = re.sub(r"《[^《》]*》", "", body)
        # …nor one whose name ends as a name in the question does (市、区两级质量工作领导小组 for
        # 领导小组办公室设在哪个单位？): that is the subject asked about, not an organisation named
        return any(m.group(0) not in q and (attribute == Attribute.AGENCY or m.group(0)[-4:] not in q)
                   for m in organisations_in(body))
    return True


def claims_place(question: str) -> bool:
    """True when ``question`` states something and asks whether it is so (…在浦东新区搞，对吧？):
    its last clause a bare confirmation (:data:`qa.guard.CONFIRMATION`) after one naming a place.

    >>> claims_place("碳计量重点实践工程今年在浦东新区和宝钢搞，对吧？"), claims_place("浦东新区有几家？")
    (True, False)
    """
    clauses = [c for c in split_clauses(normalize_query(question)) if c.strip()]
    return len(clauses) >= 2 and bool(CONFIRMATION.fullmatch(clauses[-1])) and bool(places_named("".join(clauses[:-1])))


def organisations_in(text: str) -> list[re.Match]:
    """The names of units and organisations in ``text``: :data:`ORGANISATION` matches whose
    suffix ends a word of jieba's segmentation (:func:`qa.text.tagged_words`) that is no verb —
    举办 and 深化部市 name none, 上海市标准化战略咨询委员会 does.

    >>> [m.group(0) for m in organisations_in("举办市政府质量奖颁奖活动，由市市场监管局牵头")]
    ['由市市场监管局']
    """
    ends, at = {}, 0
    for word, tag in tagged_words(text):
        at += len(word)
        ends[at] = tag
    return [m for m in ORGANISATION.finditer(text) if m.end() in ends and not ends[m.end()].startswith("v")]


def _figure_unconfirmed(question: str, quotes: list[str]) -> bool:
    """True when a count ``question`` states (有159项吗？ 新增了31家社区长者食堂吗？) is not
    in ``quotes`` as stated: no figure of that value in that measure, or it counts another thing
    there (:func:`qa.claims.swapped_counts`) — a yes would affirm what they do not say.

    >>> _figure_unconfirmed("上海品牌认证的产品有159项吗？", ["159家企业209项产品获得认证"])
    True
    >>> _figure_unconfirmed("有209项产品吗？", ["159家企业209项产品获得认证"])
    False
    """
    given = [f for q in quotes for f in figures_in(q)]
    for f in figures_in(question):
        if f.unit in (None, "年") or not re.match(r"\d", f.value):
            continue
        if not any(g.value == f.value and same_unit(g.unit, f.unit) for g in given):
            return True
    return bool(swapped_counts(question, quotes))


def corrects_premise(question: str, text: str) -> bool:
    """True when ``question`` states a share, a rate, a count or a member of a series (三成, 89.7%,
    40个, 第四届) that ``text`` does not, and ``text`` states one of the same kind (a count: of the
    same measure word): the answer corrects the question's premise.

    >>> corrects_premise("为啥召回只占全国三成左右？", "占全国召回总量65%。")
    True
    >>> corrects_premise("签约率只有44%的原因是什么", "签约率44%。"), corrects_premise("为啥第一？", "保持全国排名第一。")
    (False, False)
    >>> corrects_premise("成员单位从30个增加到了40个，为什么？", "成员单位由30个增加至36个。")
    True
    >>> corrects_premise("成员单位为什么增加到36个？", "成员单位由30个增加至36个。")
    False
    """
    shares = re.findall(r"\d+(?:\.\d+)?\s*[%％]|[一二三四五六七八九]成|百分之[一二三四五六七八九十]+", question)
    members = [m.group(0) for m in SERIES_MEMBER.finditer(question)]
    body = normalize_query(text)
    if shares and not all(normalize_query(s) in body for s in shares) and re.search(r"\d\s*[%％]", body):
        return True
    # …or a count (增加到了40个 where the text says 由30个增加至36个): a count of the same measure
    # word the question does not state
    stated = [f for f in figures_in(question) if f.unit not in (None, "年") and re.match(r"\d", f.value)]
    given = figures_in(text)
    if any(all(g.value != f.value for g in given) and
           any(g.unit == f.unit and g.value not in {h.value for h in stated} for g in given) for f in stated):
        return True
    return bool(members) and not all(m in body for m in members) and bool(SERIES_MEMBER.search(body))


def misattributed(sentence: str, quotes: list[str]) -> list[str]:
    """The words that ``sentence`` (markers removed) joins to one of its figures although the
    cited ``quotes`` attach them to a different figure of the same sentence.

    >>> misattributed("去年受理审查起诉案件359件", ["受理审查逮捕案件359件615人，审查起诉案件819件1824人。"])
    ['审查起诉']
    >>> misattributed("受理审查起诉案件819件", ["受理审查逮捕案件359件615人，审查起诉案件819件1824人。"])
    []
    """
    wrong: list[str] = []
    for figure in figures_in(sentence):
        words = [normalize_for_match(w) for w in content_words(figure.clause)]
        for quote in quotes:
            figures = figures_in(quote)
            source = next((f for f in figures if f.value == figure.value), None)
            if source is None:
                continue
            # the source's own scope (its clause and the clauses before it, whose subject it
            # shares) may lend words; another figure's clause may not
            scope = normalize_for_match(source.scope)
            others = [normalize_for_match(f.clause) for f in figures if f.clause != source.clause]
            wrong += [w for w in words if w not in scope and any(w in o for o in others)]
    return list(dict.fromkeys(wrong))


def _listed_near(flat: str, at: int, before: int, after: int = 0) -> bool:
    """True when the text around ``flat[at]`` enumerates members: A、B within ``before``
    characters before or ``after`` after it, or 《A》《B》 within 80 before (《…》《…》等3项).
    A list of counted groups (绿色工厂102家、绿色园区3家) names no members: an enumeration
    counts when one of its items holds no figure.

    >>> _listed_near("筹建生物制品、芯片等首批5个市级质检中心", 10, 40)
    True
    >>> _listed_near("创建市级绿色工厂102家、绿色供应链管理企业12家、绿色园区3家", 30, 40)
    False
    """
    # members are enumerated in the clause that counts them, or in one before it that closes its
    # list with 等 (在小卫星、医疗器械临床等领域，培育5家…); 收集、研判，推动…召回70起 lists no recalls
    start = max(flat.rfind(p, 0, at) for p in CLAUSE_END) + 1
    ends = [e for e in (flat.find(p, at) for p in CLAUSE_END) if e >= 0]
    end = min(ends, default=len(flat))
    if "》《" in flat[max(0, at - 80):at]:
        return True
    head = flat[max(0, at - before):max(start, at - before)]
    if "等" not in head.rpartition("、")[2]:
        head = ""
    # the items beside the one that holds the group itself
    items = (head + flat[max(start, at - before):at]).split("、")[:-1] + flat[at:min(end, at + after)].split("、")[1:]
    return any(not re.search(r"\d", item) for item in items)


def _overview_match(question: str, quotes: str, weights: dict) -> float:
    """:func:`subject_match` of the topic an overview question asks of
    (:func:`qa.intent.overview_topic`: 总体定位, 基调 say which kind of passage answers); 1.0 when
    it asks of the year's work itself, 0.0 when it asks no overview."""
    if not OVERVIEW_ASKED.search(normalize_query(question)):
        return 0.0
    topic = overview_topic(question)
    return subject_match(" ".join(topic), quotes, weights) if topic else 1.0


# A group of named things whose members are asked (成员单位有哪些, 参与的企业都是哪些): its name ends
# in a word for units, organisations or places.
_MEMBERS_OF = re.compile(r"(?P<group>[\u4e00-\u9fff]{0,8}(?:成员单位|单位|部门|企业|机构|组织|城市|国家|省份))"
                         r"(?:都|具体|分别)?(?:有|是|包括|包含)(?:哪些|哪几)")


def expands_abbreviation(name: str, text: str) -> bool:
    """True when ``name`` is a numbered abbreviation (三同: a count and the character its members
    share) and ``text`` quotes a phrase with that character as often as the count says (“同线同标
    同质”): the phrase is what the name stands for.

    >>> expands_abbreviation("三同", "推进“同线同标同质”工作，在照明灯具领域开展“三同”产品认证。")
    True
    >>> expands_abbreviation("三同", "开展“三同”产品认证。"), expands_abbreviation("时尚八品", "“时尚八品”")
    (False, False)
    """
    if len(name) != 2:
        return False
    try:
        count = chinese_numeral(name[0])
    except ValueError:
        return False
    return count >= 1 and any(span.count(name[1]) >= count and span != name for span in re.findall(r"“([^”]{2,24})”", text))


def lists_members(question: str, quotes: str) -> bool:
    """False when ``question`` asks for the members of a group and ``quotes`` (the cited
    sentences) only name the group (see the module docstring, check 6).

    >>> lists_members("五大新城是哪五个？", "持续推进BIM应用情况抽查和五大新城重点区域项目检查工作。")
    False
    >>> lists_members("首批5个质检中心是哪几个？", "筹建生物制品、芯片等首批5个市级质检中心。")
    True
    >>> lists_members("试点选了哪些行业？", "在部分行业和重点领域探索推进试点。")
    False
    >>> lists_members("新增的是哪些单位？", "成员单位由30个增加至36个。")
    False
    >>> lists_members("市质量工作领导小组成员单位有哪些？", "市质量工作领导小组成员单位由30个增加至36个。")
    False
    >>> lists_members("分级试点选了哪些产品？", "进一步探索开展产品质量分级试点。")
    False
    >>> lists_members("“3＋6”领域是指哪些？", "在“3＋6”领域，新增10项“上海标准”。")
    False
    >>> lists_members("那8家组织能列一下名字吗？", "8家组织进入第五届中国质量奖提名奖公示。")
    False
    >>> lists_members("那5家组织叫什么名字？", "在小卫星、医疗器械临床等领域，培育5家新型标准化组织。")
    False
    """
    q = normalize_query(question)
    if not MEMBERS_ASKED.search(q):
        return True
    flat = normalize_query(quotes)
    # the quoted name itself asked about (“3＋6”领域是指哪些？), not another thing beside it
    for name in re.findall(r"“([^”]{2,12})”[\u4e00-\u9fff]{0,3}(?:是指|指的是|指|是|包括|包含|有)(?:哪|什么|啥)", q):
        # a group the question quotes by its name (“时尚八品”是哪八品？): named in the quotes, but
        # with none of its members listed in the clause that names it
        at = flat.find(f"“{name}”")
        if at >= 0 and not _listed_near(flat, at, 30, 30) and not re.match(r"[：:（(]", flat[at + len(name) + 2:]) \
                and not expands_abbreviation(name, flat):
            return False
    kinds = [k[:2] for k in WHICH_KIND.findall(q)]
    for match in GROUP.finditer(q):
        if kinds and not any(k in match.group(0) for k in kinds):
            continue      # 11家企业去哪些国家…: the countries are asked, not the 11 companies
        # the longest start of the group phrase that the quotes repeat (五大新城 of 五大新城是哪五)
        group = next((match.group(0)[:n] for n in range(len(match.group(0)), 2, -1)
                      if match.group(0)[:n] in flat), None)
        if group is None:
            continue
        at = flat.find(group)
        if not _listed_near(flat, at, 30) and not re.match(r"[“”]?[：:（(]", flat[at + len(group):]):
            return False
    asked = _MEMBERS_OF.search(q)
    if asked:
        # the members of a group of named things (领导小组成员单位有哪些？): where the quotes name the
        # group, some of its members must be listed beside it (成员单位由30个增加至36个 lists none)
        # (the longest ending of the asked phrase the quotes write, four characters at least)
        group = asked.group("group")
        name = next((group[-n:] for n in range(len(group), 3, -1) if group[-n:] in flat), None)
        if name is not None and not _listed_near(flat, flat.find(name), 30, 30):
            return False
    names_asked = re.search(r"名字|名称|名单|叫(什么|啥)", q)
    for counted in re.finditer(COUNTED, q):
        # the group the question counts (5家…是哪几家？), written with its count and no list
        at = flat.find(counted.group(0))
        if at >= 0 and not _listed_near(flat, at, 40, 40):
            return False
        # …or listed by the fields it is in (在小卫星、医疗器械临床等领域，培育5家…) when its
        # members' names are asked (那5家具体叫什么名字？): a field is not a name
        if at >= 0 and names_asked and re.search(r"等(领域|方面|行业|产业)", flat[max(0, at - 40):at]):
            return False
    for kind in WHICH_KIND.findall(q):
        kind = kind[:2]
        # named only vaguely (部分行业) or only counted (成员单位由30个增加至36个), with no list
        # (A、B) in the clause that names or counts them
        for m in re.finditer(rf"(?:{VAGUE})[\u4e00-\u9fff]{{0,6}}?{kind}|{kind}[^,，。；;、\d]{{0,3}}\d+(?:\.\d+)?[万亿]?"
                             rf"[个家项类种名件起]|\d+[个家项类种名]{kind}", flat):
            start = max(flat.rfind(p, 0, m.start()) for p in CLAUSE_END)
            ends = [e for e in (flat.find(p, m.end()) for p in CLAUSE_END) if e >= 0]
            clause = flat[start + 1:min(ends, default=len(flat))]
            if "、" not in clause and "》《" not in clause:      # 《A》《B》等3项 lists them too
                return False
        # named only as what qualifies another thing (哪些产品 → 产品质量分级试点): no member of
        # the kind is named where no clause that writes it lists anything
        clauses = [c for c in re.split(f"[{CLAUSE_END}]", flat) if kind in c]
        if clauses and all(re.search(rf"{kind}(?:质量|安全|标准|认证|监管|工作|体系|领域)", c)
                           and not re.search(r"[、：:]|等", c) for c in clauses):
            return False
    return True


# An answer that opens by saying yes to the question (是的，… / 对，… / Yes, …): it asserts the
# question's own claim, whose ranking and comparison words the cited text must hold too.
# The asking forms of a yes-no question (是不是, 有没有): their 不/没 negate nothing asserted.
_YES_NO_FORMS = re.compile(r"是不是|是否|对不对|有没有|能不能|会不会|可不可以|算不算|是不")
_AFFIRMED = re.compile(r"\s*(是的|对的|对[，,]|没错|确实如此|正确|是[，,]|yes\b)", re.IGNORECASE)


def verify(text: str, evidence, query, weights: dict, written: bool = True) -> Verdict:
    """Check ``text`` (with ``[n]`` markers over ``evidence``) for ``query``
    (``qa.query.Query``); see the module docstring. ``weights`` are IDF weights of words.
    ``written`` is true for a model's text: its dropped qualifiers are restored from the cited
    evidence and its figures must keep their own words (check 6); a verbatim extract is the
    source itself."""
    grounded = ground(text, evidence)
    verdict = Verdict(grounded)
    if grounded.says_not_in_notice or not grounded.citations:
        return verdict
    intent = query.intent
    stated = MARKER.sub("", grounded.text)
    cited_quotes = [c.quote for c in grounded.citations]
    if written and not query.english:
        fixed, restored = restore_qualifiers(grounded.text, cited_quotes)
        if restored:
            grounded.text, verdict.restored = fixed, restored
            stated = MARKER.sub("", fixed)
    if intent.wants_figure and re.search(r"[\u4e00-\u9fff]", query.question):
        said = set(numbers_in(stated)) | {f.value for f in figures_in(stated)}    # 36, and 两级 too
        if query.english:
            # a machine translation's words are not the documents' (familys renovated for old
            # people → 房子改造为适合老年人, the notice: 适老化改造…户): its clauses may not pick
            # the figure asked; a figure must be stated — and, in a model's answer, the one the
            # translation ranks first when it ranks one (300 of 300多名标准化总监 is no count of
            # 首席质量官): a figure that only sits beside the answer's is refused, and the
            # notice's own sentence shown instead
            if not said:
                verdict.problems.append("没有给出所问的数字")
        if not query.english or (written and said):
            earlier = query.text if query.follow_up and query.text != query.question else ""
            for values in asked_figures(query.question, evidence, weights, intent.unit, query.quoted, earlier):
                if not values & said:
                    verdict.problems.append("没有给出所问的数字")
    if written and not query.english:
        swapped = swapped_counts(stated, cited_quotes)
        if swapped:         # 31家社区长者食堂 where the cited sentence says 31家综合为老服务中心、41家社区长者食堂
            verdict.problems.append(f"数字与所数的对象不符（{'、'.join(swapped)}）")
        reversed_ = reversed_comparison(stated)
        if reversed_:       # 99.52% and 99.7% stated, then 农产品合格率更高
            verdict.problems.append(f"结论与所引数字相反（{reversed_}）")
    percent = points_as_percent(stated, cited_quotes) if written else []
    if percent:             # 比全国高7.14% / "7.14% higher" where the cited sentence says 高于全国7.14个百分点
        verdict.problems.append(f"百分点说成了百分比（{'、'.join(percent)}）")
    if written and _AFFIRMED.match(stated) and \
            (not polarity_ok(_YES_NO_FORMS.sub("", query.question), " ".join(cited_quotes)) or
             _figure_unconfirmed(query.question, cited_quotes)):
        # 是的 to 全国第一吗？ affirms the question's 第一 — which the cited 全国领先水平 does not say;
        # 是的 to 有159项吗？ affirms a count the cited text gives another thing (159家, 209项)
        verdict.problems.append("肯定了原文没有的说法")
    if written and query.english:
        dropped = hedges_dropped(stated, cited_quotes)
        if dropped:         # 9000余个 said as "9000": the figure's qualifier is part of it
            verdict.problems.append(f"数字丢了限定词（{'、'.join(dropped)}）")
        gaps = level_as_gap(stated, cited_quotes)
        if gaps:            # "96.04% higher than the national level": the rate, not the gap
            verdict.problems.append(f"把水平说成了差距（{'、'.join(gaps)}）")
        scaled = scales_wrong(stated, cited_quotes)
        if scaled:          # 2.1亿元 said as "2.1 billion": 亿 is a hundred million
            verdict.problems.append(f"数量级与原文不符（{'、'.join(scaled)}）")
    quotes = "".join(cited_quotes)
    joined = misattributed(stated, cited_quotes) if written else []
    if joined:
        verdict.problems.append(f"把“{'、'.join(joined)}”与原文中另一个数字连在一起")
    if intent.attribute not in (Attribute.OPEN, Attribute.MENTIONS) and \
            intent.scope != Scope.COMPARE and not (
            (query.english or states_attribute(stated, intent.attribute, query.question))
            and states_attribute(_about_clauses(cited_quotes, query.question, weights) if intent.attribute == Attribute.PLACE
                                 else quotes, intent.attribute, query.question)):
        verdict.problems.append(f"没有给出所问的{ATTRIBUTE_NAMES.get(intent.attribute, '内容')}")
    if not query.english and not intent.wants_figure and intent.scope == Scope.SINGLE and \
            compared_with(query.question) == "上年" and not any(states_change(q) for q in cited_quotes):
        # 专项资金比2022年多了还是少了？ — 2.1亿元 is this year's level; the documents give no earlier
        # year's, so only a change they state (同比增加…) compares
        verdict.problems.append("没有给出与上一年相比的变化")
    # a sentence is about what its own section's heading names (（十三）“双打”工作力度不断加大 →
    # 共侦破刑事案件…); a document's top-level heading (第一部分 …总结) names no topic
    in_context = quotes + "".join(dict.fromkeys(c.path[-1] for c in grounded.citations if len(c.path) >= 2))
    translated = query.english and bool(re.search(r"[\u4e00-\u9fff]", query.question))
    # (an English question is measured by its Chinese words and the acronyms it keeps (LNG, BIM):
    # its English words are in no quote — …what does the plan say about 质量融资增信? names
    # 质量融资增信 alone)
    asked = "，".join(_NAMED_IN_ENGLISH.findall(query.question)) if query.english else query.question
    if not written and (not query.english or translated) and not query.follow_up and \
            (intent.scope == Scope.SINGLE or not content_words(asked)) and \
            max(subject_match(asked, in_context, weights),
                _overview_match(asked, quotes, weights),
                subject_match(asking_clauses(asked), in_context, weights)) < MIN_QUESTION_COVERAGE:
        verdict.problems.append("没有涉及问题所问的内容")     # 长者食堂…红烧肉怎么做 → 长者食堂 only
    if not query.english:
        # a place the question names narrows its subject (浦东新区的合格率): the cited sentences, their
        # headings or their document's title (the city of the whole document) must name it
        sources = [c.quote + " ".join(c.path) + (c.document or "") for c in grounded.citations]
        missing = [p for p in places_named(about_the_question(query.question)) if not any(names_place(p, s) for s in sources)]
        if missing and claims_place(query.question) and \
                {p[-1] for p in places_named("".join(cited_quotes))} & {p[-1] for p in missing}:
            # …今年在浦东新区和宝钢搞，对吧？ answered by 在崇明区、宝钢和上海电力公司实施…: the place
            # claimed is a premise that the cited sentence, naming another of its kind (区), corrects
            # (qa.engine.premise_notes tells it); the city's figure is no answer for a district's
            missing = []
        if missing:
            verdict.problems.append(f"没有涉及问题所问的地方（{'、'.join(missing)}）")
    if written and not query.english:
        split = joint_figure_split(stated, cited_quotes)
        if split:           # 新增放心消费单位约2万家 where the source counts 放心消费单位和无理由退换货企业 together
            verdict.problems.append(f"把合计的数字说成了其中一项（{'、'.join(split)}）")
        sources = normalize_for_match("".join(c.quote + "".join(c.path) + (c.document or "") for c in grounded.citations)
                                      + query.question + query.text)
        yearly = cumulative_as_yearly(stated, cited_quotes)
        if yearly:          # 去年培育了5600余名 where the source counts 累计培育…5600余名
            verdict.problems.append(f"把累计的数字说成了一年的（{'、'.join(yearly)}）")
        acting = place_made_actor(stated, cited_quotes)
        if acting:          # 崇明区要筹建… where the source only works 在崇明区
            verdict.problems.append(f"把地点说成了做事的一方（{'、'.join(acting)}）")
        invented = unsupported_names(stated, sources)
        if invented:        # 国家医学中心是北京天坛医院: a name nothing cited writes
            verdict.problems.append(f"原文没有这个名称（{'、'.join(invented)}）")
    if not query.english and sibling_kind_only(query.question, cited_quotes):
        verdict.problems.append("说的是同类中的另一种")      # 建筑业…指数 → 制造业质量竞争力指数95.17
    if SUPERLATIVE_ASKED.search(normalize_query(query.question)) and not STANDS_OUT.search(quotes):
        verdict.problems.append("没有给出所问的比较结果")      # 哪类产品召回最多？ → only the total
    asked_text = normalize_query(query.text)
    if RANK_ASKED.search(asked_text) and not any(RANK_STATED.search(clause) and _ranks_subject_asked(clause, asked_text)
                                                 for clause in re.split(r"[，,。；;]", quotes)):
        verdict.problems.append("没有给出所问的名次")          # 排第几名？ → 位居全国前列
    if intent.attribute in (Attribute.OPEN, Attribute.AGENCY, Attribute.ORGANISATION) and \
            not lists_members(query.question, quotes):
        verdict.problems.append("没有列出所问的各项")
    if intent.scope == Scope.COMPARE:
        have = {y for e in evidence for y in section_years(e.section)}
        cited = {y for c in grounded.citations for e in evidence if e.sentence.start == c.start
                 for y in section_years(e.section)}
        if len(have) >= 2 and len(cited) < 2:
            verdict.problems.append("只涉及比较的一方")
    return verdict


# jieba's tags of proper names: a person (nr, nrfg, nrt), a place (ns), an organisation (nt) and
# other proper nouns (nz).
NAME_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nt", "nz"})


# 和, 与, 及 joining two things — not inside a word (参与, 涉及, 及时, 普及)
_JOINS = re.compile(r"以及|(?<![参涉普危])(?:和|与|及)(?![时格])")
_CLAUSE_END = re.compile(r"[，,；;。：:！!？?]")


def _clause_before(text: str, at: int) -> str:
    """The text of ``text`` from the clause punctuation before offset ``at`` up to it."""
    ends = [m.end() for m in _CLAUSE_END.finditer(text, 0, at)]
    return text[ends[-1] if ends else 0:at]


def joint_figure_split(text: str, quotes: list[str]) -> list[str]:
    """The figures of ``text`` (an answer, markers removed) that a quote gives for two things
    joined by 和/与/及 before it in its clause (新增放心消费单位和无理由退换货企业约2万家) while
    ``text``'s own clause names the things of one side only (新增放心消费单位约2万家): the joint
    count said of a part. Each figure once, in order.

    >>> joint_figure_split("新增放心消费单位约2万家。", ["新增放心消费单位和无理由退换货企业约2万家，消费投诉信息全域公示率92％。"])
    ['2']
    >>> joint_figure_split("新增放心消费单位和无理由退换货企业约2万家。", ["新增放心消费单位和无理由退换货企业约2万家。"])
    []
    """
    flat = normalize_for_match(text)
    split = []
    for number in dict.fromkeys(numbers_in(flat)):
        at = re.search(rf"(?<![\d.]){re.escape(number)}(?![\d.])", flat)
        if at is None:
            continue
        own = set(noun_words(_clause_before(flat, at.start())))
        for quote in quotes:
            q = normalize_for_match(quote)
            found = re.search(rf"(?<![\d.]){re.escape(number)}(?![\d.])", q)
            if found is None:
                continue
            clause = _clause_before(q, found.start())
            joined = _JOINS.search(clause)
            if joined is None:
                continue
            sides = [set(noun_words(clause[:joined.start()])), set(noun_words(clause[joined.end():]))]
            if not all(sides):
                continue        # 启动23个…专科和5个…医院: nothing named between 和 and the figure
            named = [bool(side & own) for side in sides]
            if any(named) and not all(named):
                split.append(number)
    return list(dict.fromkeys(split))


def unsupported_names(text: str, sources: str) -> list[str]:
    """The proper names of ``text`` (words of two characters or more tagged :data:`NAME_TAGS`)
    that ``sources`` (text normalised by :func:`qa.text.normalize_for_match`) does not write, in
    order, each once.

    >>> unsupported_names("国家医学中心是北京天坛医院。", "推进6个国家医学中心建设")
    ['北京天坛医院']
    >>> unsupported_names("上海海关负责。", "（市市场监管局、上海海关）")
    []
    >>> unsupported_names("报告是上海市质量局的活儿。", "编制发布年度《上海市质量状况分析报告》")
    ['上海市质量局']
    >>> unsupported_names("由市场监管局、市科委负责。", "（市市场监管局、市科委、市发展改革委）")
    []
    """
    names = [w for w, tag in tagged_words(text) if tag in NAME_TAGS and len(w) >= 2]
    # a unit named in full (…是上海市质量局的活儿): jieba cuts it into words none of which is a name
    names += [m.group(1) for m in _UNIT_NAMED.finditer(normalize_query(text))]
    return list(dict.fromkeys(w for w in names if normalize_for_match(w) not in sources))


# A government unit's name where a sentence names who acts (由X负责, 是X的, X、Y牵头): the run of
# characters between such a boundary and the unit's suffix.
_UNIT_NAMED = re.compile(r"(?:^|(?<=[是由为、，,和及与：:（(])|(?<=负责|牵头|交给))"
                         r"((?:(?![是由为的和及与在])[\u4e00-\u9fff]){2,14}?(?:局|委员会|委|厅|署|办公室|领导小组))"
                         r"(?=[的、，,。；;和及与）)]|负责|牵头|主管|承担|$)")


# A place opening a sentence as the one that acts (崇明区要…, 浦东新区将…), after a time word.
_PLACE_ACTING = re.compile(r"(?:^|[。！？!?；;\n])\s*(?:(?:19|20)\d{2}年|今年|去年|明年)?[，,]?\s*"
                           r"([\u4e00-\u9fff]{1,6}?(?:新区|区|县|市|镇|街道|省))"
                           r"(?=要|将|会|已|正在|计划|负责|积极|持续|开展|实施|推进|推动|建设|筹建|培育|打造|组织)")


def place_made_actor(text: str, quotes: list[str]) -> list[str]:
    """The places ``text`` makes the ones that act (崇明区要积极筹建…) where every mention of them
    in ``quotes`` says only where something is done (在崇明区…实施): who does the work is not
    written there (new-user session: the city's work in 崇明区 said to be 崇明区's).

    >>> place_made_actor("崇明区要积极筹建国家碳计量中心。", ["积极筹建国家碳计量中心（上海），在崇明区、宝钢实施碳计量重点实践工程。"])
    ['崇明区']
    >>> place_made_actor("浦东新区要开展试点。", ["浦东新区要开展试点。"])
    []
    """
    from .places import is_place

    out = []
    joined = "".join(quotes)
    for m in _PLACE_ACTING.finditer(text):
        name = m.group(1)
        if not (is_place(name) or is_place(re.sub(r"(?:新区|区|县|市|镇|街道|省)$", "", name))):
            continue
        spots = [a.start() for a in re.finditer(re.escape(name), joined)]
        if spots and all(_LOCATIVE.search(joined[max(0, at - 3):at]) for at in spots):
            out.append(name)
    return list(dict.fromkeys(out))


def _ranks_subject_asked(clause: str, question: str) -> bool:
    """False when ``clause`` ranks a subset it names (其中政务服务和公共教育得分居全国第一) that
    ``question`` does not ask about: most of the subset's words must be the question's."""
    clause = clause.strip()
    if not clause.startswith("其中"):
        return True
    words = content_words(_RANK_VERB.split(clause[2:])[0])
    return not words or sum(w in question for w in words) >= 0.6 * len(words)


def _about_clauses(quotes: list[str], question: str, weights: dict) -> str:
    """The clauses of ``quotes`` (the cited sentences) that name the question's subject best —
    in each sentence, those of the highest :func:`subject_match`: where a thing is must be said
    in a clause about it (积极培育、筹建国家碳计量中心（上海），在崇明区…实施碳计量重点实践工程 puts
    the 实践工程 in 崇明区, not the 中心)."""
    kept = []
    for quote in quotes:
        clauses = [c for c in re.split(r"[，,；;。]", quote) if c.strip()]
        if not clauses:
            continue
        scores = [subject_match(question, c, weights) for c in clauses]
        kept += [c for c, s in zip(clauses, scores) if s >= max(scores)]
    return "，".join(kept)


def subject_match(question: str, text: str, weights: dict) -> float:
    """How much of ``question``'s content (IDF-weighted share of its content words) ``text``
    contains — the evidence's coverage of what is asked about. A question whose only topic is
    one character (碳的事呢？ 药这一块…) is read by its characters that the documents use as words
    or that name a thing (a noun: 药, which they write only inside 药品).

    >>> subject_match("碳的事呢？", "制定碳足迹标准。", {"碳": 3.8})
    1.0
    >>> subject_match("药这一块呢？", "药品抽检", {}), subject_match("药这一块呢？", "食品抽检", {})
    (1.0, 0.0)
    """
    from .claims import clause_match

    words = content_words(question) or [w for w, tag in tagged_words(normalize_query(question))
                                        if len(w) == 1 and "\u4e00" <= w <= "\u9fff" and w not in QUESTION_WORDS
                                        and (w in weights or tag == "n")]
    # the documents' own place and field (上海, 质量工作) cover nothing a question asks beside a
    # topic of its own (上海今年空气质量怎么样？ — 空气质量 is the topic)
    words = [w for w in words if w not in HOME_FIELD_WORDS] or words
    return clause_match(text, words, weights)

