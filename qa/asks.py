"""A message that asks several things, each in a clause of its own (首批市级质检中心有几个，投资多少钱？):
the documents may answer one of them and not the other. The engine checks the parts one by one
(:meth:`qa.engine.Assistant.stream`), so that what the documents give is given and what they do
not is said — not the whole declined for its missing half, nor the missing half passed over.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .extract import ASKS, ELLIPTIC_ASK, asks_something
from .header import SELF
from .claims import OWN_FIGURE_WORD
from .intent import FIGURE_ATTRIBUTES, REQUEST_NOUNS, Attribute, read_intent
from .scope import strip_years
from .text import content_words, normalize_for_match, normalize_query, tagged_words

# A clause ends at a comma, a question mark, a semicolon or a full stop.
_CLAUSES = re.compile(r"[^，,？?；;。！!]+[，,？?；;。！!]*")
# A year a clause names of its own (今年预算多少？).
_YEAR = re.compile(r"今年|去年|明年|前年|本年|上年|(?:19|20)\d{2}")
# A rate or index named (认证率, 合格率, 竞争力指数).
_RATE = re.compile(r"[\u4e00-\u9fff](?:率|指数)")
# A clause that only points at a subject, asking of it what was asked before (那综合为老服务中心呢？),
# and its pointing words.
_POINTING = re.compile(r"^\s*(?:那|那么|还有)?[^，,？?；;。！!]{2,20}?呢[？?]?\s*$")
_POINTER = re.compile(r"^(?:那么|那|还有)|呢$")
# What asks, for cutting it from a clause (为什么 whole, not its 什么), and the measure word after it.
_CUE = re.compile(r"为什么|为啥|为何|是不是|咋|" + ASKS.pattern)
_MEASURE = re.compile(r"^(?:个|一个|家|项|件|起|名|位|人|批|种|类|所|条|户|台|次|些|几个)")
# The words of a subject naming the figure asked of its topic (检测机构一年营收 → 检测机构: a
# figure's own word, or a rate), with the period it is counted over.
_SUBJECT_FIGURE = re.compile(r"(?:一年|全年|每年|年度?)?(?:的)?(?:行业)?(?:" + OWN_FIGURE_WORD.pattern +
                             r"|合格率|比例|占比|增长率|覆盖率)$")
# What ends a subject before the words that ask (首批市级质检中心有几个 → 首批市级质检中心).
_SUBJECT_TAIL = re.compile(r"(?:一共|总共|共计|共|都|分别|大概|大约|具体|到底|能|会|要|将|又|还|已经|有|是|了|的|给|在)+$")


# The members of a group the clause names asked (今年要搞哪些安全筑底三年行动？): the group's name,
# three characters at least — a name, not a generic noun (哪些措施).
_MEMBERS = re.compile(r"(?:哪些|哪几)(?:个|项|类|种|家|条|所|批)?([\u4e00-\u9fff]{3,16})")


# A count right before a name (86个商标品牌指导站): the name is counted, not its members listed.
_COUNT_BEFORE = re.compile(r"[\d一二三四五六七八九十百千万]+(?:余|多)?(?:个|家|项|件|批|类|种|条|所)[^、]*$")


def pointed_answered(ask: Ask, earlier: str, quotes: list[str]) -> bool:
    """True unless ``ask`` only points at a subject (那药品呢？ after 召回了多少起？) and ``quotes``
    (the sentences its answer cites) do not name both that subject and a word of the ``earlier``
    question (召回): an answer about 药品 that recalls nothing does not answer it.

    >>> a = separate_asks("那药品呢？哪些药品被召回了？", earlier="去年召回消费品多少起？")[0]
    >>> pointed_answered(a, "去年召回消费品多少起？", ["强化药品全链条质量监管。"])
    False
    """
    if not ask.points_at:
        return True
    words = [w for w in content_words(earlier) if len(w) >= 2 and not _YEAR.fullmatch(w)]
    return any(ask.points_at in q and any(w in q for w in words) for q in quotes)


def members_named(clause: str, quotes: list[str]) -> bool:
    """True when ``clause`` asks the members of a group it names and one of ``quotes`` (the
    sentences an answer cites) names that group word for word: the sentence naming it is the one
    that says which (持续开展燃气安全、电梯安全筑底三年行动 for 哪些安全筑底三年行动). A question asking
    what something is (评价标准是什么？) is not such a clause: any sentence naming its topic would do.

    >>> members_named("今年要搞哪些安全筑底三年行动？", ["持续开展燃气安全、电梯安全筑底三年行动等专项整治工作。"])
    True
    >>> members_named("评价标准是什么？", ["开展星级评价标准研究。"]), members_named("有哪些措施？", ["措施"])
    (False, False)
    >>> members_named("去年建设了哪些商标品牌指导站？", ["建设商标品牌指导站、工作站等86个商标品牌指导站。"])
    False
    """
    m = _MEMBERS.search(normalize_query(clause))
    if not m:
        return False
    for quote in quotes:
        at = quote.find(m.group(1))
        # the members listed before the name in its clause (燃气安全、电梯安全筑底三年行动), not a
        # count of them (建设86个商标品牌指导站)
        lead = re.split(r"[，,。；;：:]", quote[:at])[-1] if at >= 0 else ""
        if "、" in lead and not _COUNT_BEFORE.search(lead):
            return True
    return False


class Ask(NamedTuple):
    """One part of a message: ``question``, the part as a question of its own; ``clause``, the
    clause of the message that asks it; ``attribute``, the kind of thing it asks for;
    ``own_subject``, whether the clause names what it asks about itself (the first asking
    clause; a later one with a noun of its own: 罚款多少, not 各拿了多少 or 分别是多少, which lean
    on the clause before and are not answered alone); ``points_at``, the subject a clause only
    points at (那综合为老服务中心呢？ → 综合为老服务中心), asking of it what an earlier question asked."""

    question: str
    clause: str
    attribute: Attribute
    own_subject: bool
    points_at: str = ""


# A topic announced before a colon, opening a clause (农产品这块：…, 给中小企业讲讲政策：…).
_TOPIC_LEAD = re.compile(r"^[^：:？?，,]{2,20}[：:]")
# A word joining an ask to the one before it (以及…, 还有…, 并且…).
_JOINING = re.compile(r"^\s*(?:以及|还有|并且|而且|和|及)\s*")
# Words opening a part that turns to another topic (另外…, 此外…, 再问一下…).
_TURNS_TO = re.compile(r"^\s*(?:另外|此外|除此之外|再问一下|再问下|顺便问一下|顺便问下|顺便)")


def _subject(clause: str) -> str:
    """The words of ``clause`` without what asks (its first cue and the measure word after it):
    those before it (首批市级质检中心有几个 → 首批市级质检中心), and those after it when they name
    what is counted (去年新建了几个市级质检中心 → 去年新建了市级质检中心)."""
    m = _CUE.search(clause)
    if not m:       # (那综合为老服务中心呢？ names it alone)
        return _POINTER.sub("", clause.strip(" ，,？?；;。！!"))
    after = _MEASURE.sub("", clause[m.end():], count=1).strip(" ，,？?；;。！!")
    before = clause[: m.start()]
    return (before + after).strip(" ，,") if len(after) > 1 else _SUBJECT_TAIL.sub("", before).strip(" ，,")


# An item number opening an ask of a list (1 …, 1、…, 2. …, （3）…, ④…).
_ENUMERATOR = re.compile(r"(?:(?:^|(?<=[\s：:，,；;。？?！!]))[1-9](?:[、.．)）:：]|\s)|[（(][1-9一二三四五六七八九][)）]|[①-⑨])\s*")
# A request listing what it asks after a colon (帮我整理双打相关的数据：A、B，还有C; 问三个：1 … 2 …):
# the lead, and the items, separated by 、，；, 还有/另外/以及 or item numbers.
_LIST_LEAD = re.compile(r"^(?P<lead>[^：:？?。！!]{2,30})[：:](?P<items>.+)$")
# A lead that announces what follows as asks or a topic (问三个, 帮我整理…的数据, …相关的几个问题) —
# not an instruction on the answer (格式：…, 系统：…).
_LEAD_REQUESTS = re.compile(r"问|查|整理|汇总|列|了解|请教|数据|数字|问题|情况|几个|以下|下面|相关|有关|方面|这块|信息|指标")
_LEAD_INSTRUCTS = re.compile(r"格式|系统|输出|回答|回复|规则|模式|扮演|角色|引用|出处|要求|操作|注意|按照|json|prompt|指令",
                             re.IGNORECASE)
# Items of a list: 、 or ；between them, or a comma with 还有/另外 (a plain comma joins the clauses
# of one question: 船公司合规岗提问：针对进口儿童消费品等，去年搞了几次…？).
_ITEM_SEPARATOR = re.compile(r"[、；;]\s*(?:还有|另外|以及|再就是)?|[，,]\s*(?:还有|另外|以及|再就是)|\s+(?:还有|另外|以及)")
# How many questions or figures a lead announces (三个问题, 几个数).
_QUESTION_COUNT = r"(?:几|[两三四五六七八九]|\d)个(?:问题|数据?|数字|指标|事)"
# The words of a list's lead that request, not name a topic (问三个, 帮我整理…的数据, 几个问题).
_REQUEST = re.compile(rf"的?{_QUESTION_COUNT}?|(?:帮我|请|麻烦|想)?(?:整理|汇总|查|问|请教)"
                      r"(?:一下|下)?|的?(?:数据|数字|问题|情况)$")
# An item that names a figure without asking for it (侦破刑事案件数, 例行监测合格率).
_FIGURE_ITEM = re.compile(r"(?:数|数量|数据|率|金额|规模|营收|收入|指数|总量|比例|占比|多少)$")
# An item that names what is asked of a topic without asking (评审规范修订情况, 今年颁奖安排).
_OPEN_ITEM = re.compile(r"(?:情况|安排|进展|计划|措施|举措|做法|要求|内容|重点|目标|成效|打算|部署)$")


def _as_question(item: str) -> str:
    """A listed ``item`` as a question of its own: as written when it asks (啥进度, 多少项); a
    figure it names, asked (侦破刑事案件数 → 侦破刑事案件数是多少？); else what it names, asked
    (今年打假要开展的农资方面行动 → …有哪些？)."""
    item = item.strip(" ，,；;。")
    if _CUE.search(item):
        return item if item.endswith(("?", "？")) else f"{item}?"
    if _FIGURE_ITEM.search(item):
        return f"{item}是多少?"
    return f"{item}是什么?" if _OPEN_ITEM.search(item) else f"{item}有哪些?"


def listed_asks(text: str) -> tuple[str, list[str]] | None:
    """``(lead, items)`` of a message that lists what it asks — after a colon (帮我整理双打相关的
    数据：侦破刑事案件数、抓获嫌疑人数，还有今年打假要开展的农资方面行动) or by item numbers
    (1 高标准农田抽查合格率 2 公路工程抽检合格率 3 今年水务工程质量考核咋搞) — each item as a
    question of its own (:func:`_as_question`); ``None`` unless two items at least are found.

    >>> listed_asks("问三个：1 高标准农田抽查合格率 2 公路工程抽检合格率 3 今年水务工程质量考核咋搞")
    ('问三个', ['高标准农田抽查合格率是多少?', '公路工程抽检合格率是多少?', '今年水务工程质量考核咋搞?'])
    >>> listed_asks("帮我整理双打的数据：侦破刑事案件数、抓获嫌疑人数，还有今年打假的农资方面行动")[1]
    ['侦破刑事案件数是多少?', '抓获嫌疑人数是多少?', '今年打假的农资方面行动有哪些?']
    >>> listed_asks("去年召回了多少起？"), listed_asks("老年人、慢病这些重点人群的签约率是多少？")
    (None, None)
    >>> listed_asks("想先了解下：文件里讲上海发布的、牵头制定的国际标准都有哪些数？")
    >>> listed_asks("药品质量这块：去年抽检合格率多少、检查了多少家次，今年在追溯上有什么要求？")
    """
    lead, body = "", text
    m = _LIST_LEAD.match(text)
    # (one sentence of items: a body of several questions is read clause by clause; a lead that
    # requests, asks nothing itself but how many questions follow, and instructs nothing)
    if m and not re.search(r"[？?。！!].", m.group("items").strip()) and _LEAD_REQUESTS.search(m.group("lead")) \
            and not _LEAD_INSTRUCTS.search(m.group("lead")) and not _CUE.search(re.sub(_QUESTION_COUNT, "", m.group("lead"))):
        lead, body = m.group("lead").strip(), m.group("items")
    numbers = list(_ENUMERATOR.finditer(body))
    if len(numbers) >= 2:
        items = [body[a.end():b.start() if b else len(body)] for a, b in zip(numbers, numbers[1:] + [None])]
    elif lead:
        # each item asks (啥进度, 多少项), names a figure (侦破刑事案件数) or is added (还有…), and
        # holds no clauses of its own: 、 inside a phrase (上海发布的、牵头制定的国际标准) or a comma
        # joining two questions (检查了多少家次，今年在追溯上有什么要求？) is no list of asks
        pieces = _ITEM_SEPARATOR.split(body)
        added = [bool(re.search(r"还有|另外|以及|再就是", m.group(0))) for m in _ITEM_SEPARATOR.finditer(body)]
        for n, piece in enumerate(pieces):
            item = piece.strip(" ，,；;。？?")
            if re.search(r"[，,]", item) or not (_CUE.search(item) or _FIGURE_ITEM.search(item) or
                                                 _OPEN_ITEM.search(item) or (n and added[n - 1])):
                return None
        items = pieces
    else:
        return None
    items = [i.strip(" ，,；;。？?") for i in items]
    items = [i for i in items if len(i) >= 3]
    if len(items) < 2:
        return None
    return lead, [_as_question(i) for i in items]


# What asks a thing of each subject named before it: 分别, 各(自), or a group word (这两块).
_EACH_TAIL = re.compile(r"(?:(?:这|那)?(?:两|几|三|四)(?:块|个方面|方面|项工作|件事|部分|类))?(?:都)?(?:分别|各自|各)|"
                        r"(?:这|那)(?:两|几|三|四)(?:块|个方面|方面|项工作|件事|部分|类)")
_YEAR_ONLY = re.compile(r"^(?:(?:19|20)\d{2}年?|今年|去年|明年|前年)$")


# A year as written (2023年, 去年), its 年 with it.
_YEAR_WRITTEN = re.compile(r"今年|去年|明年|前年|本年|上年|(?:19|20)\d{2}(?:年度?)?")
# A request noun ending a clause (质量标杆这块 成绩): what is asked of the topic before it.
_REQUEST_TAIL = re.compile(r"(?:的|这块|方面)?(?:" + "|".join(sorted(REQUEST_NOUNS, key=len, reverse=True)) + r")$")


def _names_no_topic(item: str) -> bool:
    """Whether ``item`` names only years and what is asked (安排, 2024年的工作), no topic."""
    words = content_words(_YEAR_WRITTEN.sub("", item))
    return all(w in REQUEST_NOUNS for w in words)


def each_subject(text: str) -> list[tuple[str, str]]:
    """``(question, subject)`` for each subject a question joins before asking one thing of each
    (产业计量测试中心的建设情况和下一步计划分别是什么？ → …的建设情况…, …的下一步计划…; 三同和两张网分别是什么
    → 三同…, 两张网…), in the clause right before 分别/各/这两块 or, when that clause names only years
    (…，2023跟2024各有什么亮点), the clause before it; ``[]`` when fewer than two subjects, more than
    four, or only years are joined.

    >>> [q for q, _ in each_subject("三同和两张网分别是什么？")]
    ['三同分别是什么?', '两张网分别是什么?']
    >>> [s for _, s in each_subject("产业计量测试中心的建设情况和下一步计划分别是什么？")]
    ['产业计量测试中心的建设情况', '产业计量测试中心的下一步计划']
    >>> [s for _, s in each_subject("群众性质量活动和质量宣传，2023跟2024各有什么亮点")]
    ['群众性质量活动', '质量宣传']
    >>> each_subject("2023年和2024年各有什么说法？"), each_subject("去年召回了多少起？")
    ([], [])
    >>> [s for _, s in each_subject("中小企业在融资和计量上各有什么支持")]
    ['中小企业在融资', '中小企业在计量上']
    >>> [s for _, s in each_subject("质量标杆这块 成绩和安排分别是啥")]
    ['质量标杆这块 成绩', '质量标杆这块 安排']
    """
    text = normalize_query(text)
    tail = _EACH_TAIL.search(text)
    if not tail:
        return []
    before, after = text[:tail.start()], text[tail.start():]
    clauses = re.split(r"(?<=[，,：:；;])", before)

    def joined(clause: str) -> list[str]:
        return [x.strip(" ，,：:；;") for x in re.split(r"和|与|及|跟|、", clause)]

    at = len(clauses) - 1
    items = joined(clauses[at])
    if all(_YEAR_ONLY.match(x) for x in items if x) and at > 0:
        at -= 1                      # (…，2023跟2024各有…: the subjects are the clause before)
        items = joined(clauses[at])
        after = "".join(clauses[at + 1:]) + after
    items = [x for x in items if x]
    if not 2 <= len(items) <= 4 or any(len(x) < 2 or _YEAR_ONLY.match(x) for x in items):
        return []
    setting = re.match(r"(.{2,12}?)在(?!哪)(?=.)", items[0])
    if setting and not any("在" in x for x in items[1:]):
        # (中小企业在融资、计量、孵化上各有什么支持: each is 中小企业's)
        items = [items[0]] + [f"{setting.group(0)}{x}" for x in items[1:]]
    when = re.match(r"(?:(?:19|20)\d{2}年?|今年|去年|明年)", items[0])    # (2024年A和B: both 2024's)
    if when:
        items = [items[0]] + [x if _YEAR.search(x) else when.group(0) + x for x in items[1:]]
    owner = items[0].rpartition("的")[0]        # (…中心的建设情况和下一步计划: 下一步计划 is the 中心's)
    if owner:
        items = [items[0]] + [x if "的" in x else f"{owner}的{x}" for x in items[1:]]
    if all(_names_no_topic(x) for x in items[1:]):
        # only a request of the first's topic, or a year of it (质量标杆这块 成绩和安排分别是啥,
        # 质量奖2023年和2024年的工作各是什么): each later part asks it of the first's topic
        topic = _REQUEST_TAIL.sub("", _YEAR_WRITTEN.sub("", items[0])).strip()
        if not topic or _names_no_topic(topic):
            return []
        items = [items[0]] + [f"{topic} {x}" for x in items[1:]]
    lead = "".join(clauses[:at])
    return [(f"{lead}{x}{after}", x) for x in items]


# The shortest span of the documents' text that names a subject of its own (满意度 is too short
# to tell a subject from a measure asked of the first: 质量满意度).
OWN_SPAN = 5


def _names_written_subject(own: str, first: str, corpus_flat: str) -> bool:
    """True when ``own`` (a later ask's subject) holds a span of ``corpus_flat`` of
    :data:`OWN_SPAN` characters or more that ``first`` (the first ask's subject) does not hold.

    >>> _names_written_subject("全国公共服务质量满意度上海得了", "建材检测平均合格率去年", "公共服务质量满意度得分")
    True
    >>> _names_written_subject("涉及产品数量", "消费品召回", "召回70起，涉及产品数量近640万件")
    True
    >>> _names_written_subject("投资", "首批市级质检中心", "首批市级质检中心")
    False
    """
    own, first = (normalize_for_match(t).lower() for t in (own, first))
    for size in range(len(own), OWN_SPAN - 1, -1):
        for start in range(len(own) - size + 1):
            span = own[start:start + size]
            if re.fullmatch(r"[\u4e00-\u9fff]+", span) and span in corpus_flat and span not in first:
                return True
    return False


def separate_asks(question: str, kinds: bool = True, earlier: str = "", corpus_flat: str = "") -> list[Ask]:
    """The parts of ``question`` that each ask a different kind of thing in a clause of their
    own, each as a question that stands alone (in :func:`qa.text.normalize_query`'s form);
    ``[]`` when it asks one kind of thing.

    A part keeps the clauses of context before the first asking clause (我是食品厂的。…), and a
    later part takes the subject of the first asking clause (:func:`_subject`), which it
    seldom repeats. With ``kinds``, two clauses asking the same kind of thing (破了多少起？抓了多少
    人？) are one question's figures (:func:`qa.extract.figure_parts`), not separate asks: alone, a
    part such as 中小企业最多能贷多少？ loses what the whole says of it (…利率有没有优惠？) and any
    figure fits. Without, every asking clause is a part (to tell which of them go unanswered).

    >>> [a.question for a in separate_asks("首批市级质检中心有几个，投资多少钱？")]
    ['首批市级质检中心有几个,', '首批市级质检中心投资多少钱?']
    >>> [a.question for a in separate_asks("这份通知哪天印发的？去年召回了多少起？")]
    ['这份通知哪天印发的?', '这份通知去年召回了多少起?']
    >>> [a.question for a in separate_asks("我是记者。2023年消费品召回了多少起？负责人是谁？")]
    ['我是记者。2023年消费品召回了多少起?', '我是记者。2023年消费品召回负责人是谁?']
    >>> separate_asks("破了多少起？抓了多少人？"), separate_asks("我们厂有锅炉，去年查了多少台设备？")
    ([], [])
    >>> [a.question for a in separate_asks("首批质检中心有几个 谁负责")]
    ['首批质检中心有几个，', '首批质检中心谁负责']

    With ``corpus_flat`` (the documents' text, normalised for matching), a later part whose own
    subject holds a span of the documents (:data:`OWN_SPAN` characters at least) that the first
    subject does not names its subject itself and takes none (建材检测平均合格率去年多少？全国公共服务
    质量满意度上海得了多少分？ asks the second of 满意度, not of 建材检测).

    >>> flat = "上海市全国公共服务质量满意度得分82.82，建设工程建材检测平均合格率99.96％"
    >>> [a.question for a in separate_asks("建材检测合格率多少？公共服务质量满意度得了多少分？", kinds=False, corpus_flat=flat)]
    ['建材检测合格率多少?', '公共服务质量满意度得了多少分?']

    After an ``earlier`` question, a clause only pointing at a subject (那综合为老服务中心呢？) asks
    what the earlier one asked, of it.

    >>> [(a.question, a.attribute.value) for a in separate_asks("那综合为老服务中心呢？这些都建在哪几个区？",
    ...                                                         earlier="新增了多少家社区长者食堂？")]
    [('那综合为老服务中心呢?', 'quantity'), ('综合为老服务中心这些都建在哪几个区?', 'place')]
    """
    text = normalize_query(question)
    listed = listed_asks(text)
    if listed is not None:
        # a list of what is asked (…的数据：A、B，还有C): each item, under the lead that names its topic
        lead, items = listed
        attributes = [read_intent(item).attribute for item in items]
        if kinds and len(set(attributes)) < 2:
            return []
        # (the lead's topic, not its request: 质量基础设施相关的几个问题 → 质量基础设施相关)
        topic = _REQUEST.sub("", lead)
        return [Ask(f"{topic}:{item}" if topic else item, item, attribute, True)
                for item, attribute in zip(items, attributes)]
    if not kinds and not read_intent(text).wants_figure:
        # one thing asked of each of two subjects (A和B这两块分别要干啥？ A和B分别是什么？): each
        # subject's own part (figures asked of each are the answer's own parts: qa.extract.figure_parts)
        each = each_subject(text)
        if each:
            return [Ask(q, subject, read_intent(q).attribute, True) for q, subject in each]
    clauses = [c for c in _CLAUSES.findall(text) if c.strip(" ，,？?；;。！!")]
    pointing = {i for i, c in enumerate(clauses) if earlier and _POINTING.search(c) and not ASKS.search(c)}
    asking = [i for i, c in enumerate(clauses) if asks_something(c) or i in pointing]
    attributes = {i: read_intent(earlier if i in pointing else clauses[i]).attribute for i in asking}
    # …X呢？ after an asking clause asks of X what that clause asked (…多少项团体标准？本市绿色食品认证率呢？)
    elliptic = {i for i in asking[1:] if i not in pointing and ELLIPTIC_ASK.search(clauses[i]) and not ASKS.search(clauses[i])}
    for i in elliptic:
        if attributes[i] == Attribute.OPEN:
            attributes[i] = attributes[asking[0]]
    if len(asking) < 2 or kinds and len(set(attributes.values())) < 2:
        return []
    context = "".join(clauses[: asking[0]])
    # (a first clause about the document itself — 这份通知哪天印发的？ — lends a later one the document
    # alone, not its words: 什么时候发的？ asks the document's date, 去年召回了多少起？ what it says)
    subject = "这份通知" if SELF.search(clauses[asking[0]]) else _subject(clauses[asking[0]])
    # (a topic announced before a colon — 农产品这块：去年普及率多少？今年长三角要搞什么行动？ — is what
    # every ask is of: the first ask's own words are not the later ones' subject)
    announced = _TOPIC_LEAD.match(clauses[asking[0]]) if subject != "这份通知" else None
    if announced:
        subject = announced.group(0)
    parts = []
    for n, i in enumerate(asking):
        # (each ask under an announced topic is of it: 融资有什么？ after 给中小企业讲讲政策：…？)
        own = not n or bool(announced) or any(len(w) >= 2 and tag.startswith("n") for w, tag in tagged_words(clauses[i]))
        # (a part naming its own year takes the subject without the first clause's: 去年…花了多少？
        # 今年预算多少？ asks of this year)
        # (nor one that names the subject again in its own words: 检验检测行业营收多少？今年检验检测方面
        # 有没有新平台要搞 — the second asks of 检验检测, not of its 营收)
        again = bool(set(content_words(clauses[i])) & set(content_words(subject)))
        # (nor one turning to a topic of its own: 另外产品碳足迹是搞什么试点 — not of the first's)
        # (…a verbal noun names one too: 另外去年还召开了什么标准化的会)
        turns = bool(_TURNS_TO.match(clauses[i])) and (own or any(len(w) >= 2 and tag == "vn"
                                                                 for w, tag in tagged_words(clauses[i])))
        own = own or turns
        # (nor one naming a subject the documents write, which the first does not: 全国公共服务质量
        # 满意度上海得了多少分？ after 建材检测平均合格率去年多少？)
        turns = turns or own and bool(corpus_flat) and _names_written_subject(_subject(clauses[i]), subject, corpus_flat)
        lead = "" if not n or subject in clauses[i] or again or turns else \
            strip_years(subject) if _YEAR.search(clauses[i]) else subject
        if i in elliptic and own and (OWN_FIGURE_WORD.search(clauses[i]) or _RATE.search(clauses[i])):
            # (naming its own subject and measure, it takes only the first clause's time: 去年 — 农产品呢？
            # names no measure, and keeps the subject it is put in place of)
            lead = "" if _YEAR.search(clauses[i]) else "".join(_YEAR_WRITTEN.findall(subject))
        if n and attributes[i] == Attribute.OPEN and attributes[asking[0]] in FIGURE_ATTRIBUTES:
            # an open part takes the first's topic, not the figure it asked of it (检测机构一年营收
            # 多少？今年给这行办啥比赛 asks of 检测机构, not of its 营收 — with it, a figure is wanted;
            # a subject that is only the figure — 检验检测行业，营收有多少？2024年要搭个什么平台？ — lends
            # nothing: the topic is in the context before it)
            lead = _SUBJECT_FIGURE.sub("", lead)
        # (the first ask's clause without the topic announced before it: its own words)
        clause = clauses[i][announced.end():] if announced and not n else clauses[i]
        # (a later ask's joining word — 以及文号是多少？ — is no part of what it asks)
        own_clause = _JOINING.sub("", clauses[i]) if n and lead else clauses[i]
        parts.append(Ask(context + lead + own_clause, clause, attributes[i], own,
                         _subject(clauses[i]) if i in pointing else ""))
    return parts
