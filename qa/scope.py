"""What a question is about, checked against what the documents cover, before any model runs.

* **Years.** A work report's parts are scoped by year (``第一部分　2023年…总结``, ``第二部分　2024年…
  要点``). A question about 2023 (or 去年, relative to the document's date) is answered from the
  2023 sections; a question about a year that no section covers and no sentence mentions is not
  answered by the documents.
* **Named places and organisations** (jieba's part-of-speech tags ``ns``/``nt``) that occur
  nowhere in the documents: the documents cannot answer a question about them.
* **Restating answers**: an answer made of the question's own words says nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .sections import Section
from .text import (han_bigrams, normalize_for_match, normalize_query, numbers_in, ordinal_value, split_clauses,
                   tagged_words, to_chinese_numeral, to_halfwidth, without_parts_named)

# (a number counted in a measure word — 2000起, 1999家 — is no year)
_YEAR = re.compile(r"(?<![\d.])(19\d{2}|20\d{2})(?![\d.])(?!\s*(?:起|件|家|个|名|人|项|例|批|台|户|份|条|次|万|亿|元|%|％|多|余|几))")
_RELATIVE = {"今年": 0, "本年": 0, "this year": 0, "去年": -1, "上年": -1, "last year": -1,
             "前年": -2, "明年": 1, "next year": 1}
# A time word of a question: a written year (2024年) or one named relative to the document's date.
TIME_WORDS = re.compile(r"(?:19|20)\d{2}\s*年?|" + "|".join(_RELATIVE), re.IGNORECASE)
# Periods named relative to the document's date: before it (之前, 上一轮 → the year before; not
# 写之前, 回答之前: before the assistant writes; nor 之前搞了多少年: a span up to now) and from it on (接下来, 新一年 → its year; 这一年
# right after a year is that year: 2023年这一年). A
# work report looks back a year (its 总结) and plans the next (its 要点).
_PERIODS = re.compile(r"(?P<past>(?<![写答说讲问笔复])(?:之前|以前)(?![^，,。？?]{0,6}?(?:多少年|几年|多久|多长时间))|此前|前面|上一年|前一年|上一轮|上一届|上回|上次|过去一年|已经|"
                      # the summary, not 总结 as a verb (总结…30年来工作经验 is the plan's; 总结一下, 总结成一句话
                      # ask to summarise)
                      r"总结(?![^，,。？?]{0,16}(?:经验|做法|教训))(?!一下|下(?!半)|成)|so far|previously|before)|"
                      r"(?P<next>新一年|(?<!年)这一年|接下来|下一步|后面|往后|后续|今后|下一阶段|下阶段|新的一年|要点|"
                      r"going forward|from now on|upcoming|next step)|"
                      # both: the two years or the two parts (前后两年的工作有什么不同, 在两部分里分别怎么写的,
                      # 两年对比一下: the two years compared)
                      r"(?P<both>(?:前后|这|近|最近)两年|两年(?:来|间|里|中|分别|各|都|的(?!时间|工夫|功夫|周期|期限))|"
                      r"两年(?=对比|比较|比一比|比比|相比|有啥|有什么|有何|变化|区别|不同|差别|差异)|(?:两|上下两)个?部分|"
                      r"both (?:years|parts)|the two (?:years|parts))", re.IGNORECASE)
_DATE = re.compile(r"(20\d{2})年\d{1,2}月\d{1,2}日")


def path_years(path: list[str]) -> set[int]:
    """Years named in a heading path (a section's or a citation's ``path``), e.g. ``{2023}``."""
    return {int(y) for heading in path for y in _YEAR.findall(heading)}


def section_years(section: Section) -> set[int]:
    """Years named in a section's heading path (the scope of a part), e.g. ``{2023}``."""
    return path_years(section.path)


def reference_year(doc_text: str, sections: list[Section]) -> int | None:
    """The year 今年 refers to: the year of the document's date (the last 年月日 date in its
    header section), else the latest year any section is scoped to."""
    header = next((s for s in sections if not s.path), None)
    if header is not None:
        dates = _DATE.findall(header.text)
        if dates:
            return int(dates[-1])
    years = set().union(*(section_years(s) for s in sections)) if sections else set()
    return max(years) if years else None


_YEAR_SPAN = re.compile(r"(19|20)\d{2}\s*年?\s*[—–\-~～至到]+\s*(19|20)\d{2}\s*年?度?|"
                        # …and one written with two digits (23-24年度, 23-25年的行动方案)
                        r"(?<![\d.])\d{2}\s*[—–\-~～至到]+\s*\d{2}\s*年度?")
_CN_YEAR = re.compile(r"([〇零一二三四五六七八九]{4})年")
# A year written with two digits (23年完成了多少项，24年推进…), not a number of years (用了23年,
# 30年来, 近10年) — read only near the documents' own year.
_SHORT_YEAR = re.compile(r"(?<![\d.第了近过多余满共约每逾超达])(\d{2})\s*年(?!来|代|前|后|间|内|以来|左右|多|半)")
SHORT_YEAR_WINDOW = (-10, 5)
_CN_DIGIT = {c: str(i) for i, c in enumerate("零一二三四五六七八九")} | {"〇": "0"}


_BASELINE = re.compile(r"(?:比|较|比起|相比|对比|与|跟|同)(?:于)?\s*(?:(?:19|20)\d{2}\s*年|\d{2}年|前年|去年|上一年|上年|前一年)"
                       r"(?:相比|比)?")


def question_years(question: str, ref_year: int | None) -> set[int]:
    """Years a question asks about: written ones, and relative ones (今年, 去年, 之前, 接下来…)
    resolved against ``ref_year``.

    >>> sorted(question_years("去年和2024年", 2024)), sorted(question_years("二零二二年的合格率", 2024))
    ([2023, 2024], [2022])
    >>> question_years("2023—2024年度市政府质量奖哪天颁奖？", 2024)
    set()
    >>> sorted(question_years("23年完成了多少项，24年推进第几批？", 2024)), question_years("攻关30年来，用了23年", 2024)
    ([2023, 2024], set())
    >>> sorted(question_years("去年报告有多少例？比前年多了多少？", 2024))
    [2023]
    >>> sorted(question_years("“秋风”行动在两部分里分别怎么写的？", 2024))
    [2023, 2024]
    >>> question_years("通知说共侦破刑事案件2000起，对吗？", 2024)
    set()
    >>> sorted(question_years("今年要培育的新型标准化组织，比去年成立的多还是少", 2024))
    [2023, 2024]
    """
    # a span of years names one period (2023—2024年度市政府质量奖, 2023—2025年行动方案), not two
    # years to choose or compare
    normalized = _YEAR_SPAN.sub(" ", normalize_query(question).lower())
    # a year a figure is compared against (比前年多了多少, 较2022年增长) is its baseline, not a
    # year asked about: the documents state the change (同比增加12.8%) — unless it is the year of
    # the other part of a work report, beside the year asked (今年要培育的…比去年成立的多还是少？
    # 23年跟24年比有啥变化？): the summary's year and the plan's are compared, each from its part
    bases = [m.group(0) for m in _BASELINE.finditer(normalized)]
    normalized = _BASELINE.sub(" ", normalized)
    years = _years_written(normalized, ref_year)
    if ref_year is not None and years and years <= {ref_year - 1, ref_year}:
        years |= {y for b in bases for y in _years_written(b, ref_year) if y in (ref_year - 1, ref_year)}
    return years


def _years_written(normalized: str, ref_year: int | None) -> set[int]:
    """:func:`question_years` of ``normalized`` text whose baselines are taken out."""
    years = {int(y) for y in _YEAR.findall(normalized)}
    years |= {int("".join(_CN_DIGIT[c] for c in y)) for y in _CN_YEAR.findall(normalized)}   # 二零二二年
    if ref_year is not None:
        years |= {2000 + int(y) for y in _SHORT_YEAR.findall(normalized)
                  if SHORT_YEAR_WINDOW[0] <= 2000 + int(y) - ref_year <= SHORT_YEAR_WINDOW[1]}
        for word, delta in _RELATIVE.items():
            if word in normalized:
                years.add(ref_year + delta)
        for m in _PERIODS.finditer(normalized):
            if m.group("both"):
                years |= {ref_year - 1, ref_year}
            else:
                years.add(ref_year - 1 if m.group("past") else ref_year)
    return years


# A clause asks something when it holds a question word or mark — or ends in a verb and 不, the
# spoken yes-no question (今年还接着建不).
_ASKS = re.compile(r"多少|多(?:大|高|长|久|远)(?![学家])|(?<![好这十])几(?![乎十百千万])|什么|哪|吗|呢|啥|咋|干嘛|干吗|([\u4e00-\u9fff])不\1|"
                   r"(?<=[\u4e00-\u9fff])不[，,。！!\s]*$|怎么|怎样|如何|是否|有没有|谁|[？?]|\b(what|which|how|when|who|where|is|are|does|did)\b",
                   re.IGNORECASE)
# Nouns that name a measure of something, not a topic (…，数量是几个？ 金额多少？).
_MEASURE_NOUNS = frozenset({"数量", "数目", "总数", "个数", "件数", "人数", "次数", "金额", "总额", "规模", "比例",
                            "占比", "比重", "时间", "日期", "情况", "目标", "目标值", "数值", "数字",
                            "具体数字", "指标", "指标值"})
# A clause opening with a word that points back at the subjects before it (…A和B，各自开展了哪些…？).
_BACK_TO = re.compile(r"^\s*(各自|分别|它们|二者|两者|两个|两项|这两|那两)")
# A clause this short without a question word only fronts a time or topic (今年，…).
_FRONTING = 8
# A clause that frames a topic (…方面，…这块，…领域里，) — its time is the time of what follows.
_FRAME = re.compile(r"(方面|这块|那块|这一块|领域|这边|方面的?工作)(里|上|中)?\s*[，,:：]?\s*$")


def asking_clauses(question: str) -> str:
    """The clauses of ``question`` that ask something (a question word or mark), joined: the
    question without the chatter or instructions around it.

    >>> asking_clauses("咱俩唠嗑，别列出处。对了，去年新开了几家为老服务中心？")
    '去年新开了几家为老服务中心?'
    """
    return "".join(c for c in split_clauses(normalize_query(question)) if _ASKS.search(c))


# A figure the asker states (营收325.64亿元, 合格率96.9％, 300名): a number in a unit, not a year.
_STATED_UNIT = r"\s*(?:[％%‰亿万元个家项件起名人批次户台套倍分]|个百分点)"
_STATED_NUMBER = r"(?<![\d.])\d+(?:\.\d+)?"
_STATED_FIGURE = re.compile(_STATED_NUMBER + _STATED_UNIT)
# A clause ending in 呢, its question mark optional (那水运工程呢).
_ONLY_ELLIPTIC = re.compile(r"呢\s*[？?]?\s*$")


# A tag asking whether what was said holds (对吧？ 是不是？ 没错吧).
_CONFIRMING = re.compile(r"(?:那|这|是|对|没错|没问题|准确|属实|真的|正确)?(?:吗|吧|嘛|么|不|是不是|对不对|对吗|对吧|没错吧)?[？?。!！]*$")


def figure_put_to_confirm(question: str) -> bool:
    """True when ``question`` states a figure and asks nothing but whether it holds, by a question
    mark or 吧 alone (认证率到31.8%了？ 合格率有96％了吧): a figure is asked, to be checked.

    >>> figure_put_to_confirm("绿色食品认证率到31.8%了？"), figure_put_to_confirm("营收325.64亿元，其中有多少家？")
    (True, False)
    """
    plain = to_halfwidth(question)
    return bool(_STATED_FIGURE.search(plain)) and bool(re.search(r"(?:[？?]|吧[？?。!！]?)\s*$", plain)) and \
        not _ASKS.search(re.sub(r"[？?]", "", plain))


# A clause saying the asker knows something already (检验检测的营收我知道了).
_KNOWN_ALREADY = re.compile(r"(?:我|我们)(?:已经|都|早就|也)?(?:知道|清楚|了解|看到|看过|查到|查过|晓得)(?:了|过)?[。，,！!；;]?\s*$")


def without_known(question: str) -> str:
    """``question`` without the clauses that say what the asker knows already and ask nothing
    (检验检测的营收我知道了，那认证机构的营收是多少？ asks only of 认证机构), when a clause left
    asks in words of its own; otherwise ``question`` unchanged — 合格率我知道了，那药品的呢？
    asks the 合格率 of 药品, its ask an ellipsis of the known clause.

    >>> without_known("检验检测的营收我知道了，那认证机构全年行业营收是多少")
    '那认证机构全年行业营收是多少'
    >>> without_known("合格率我知道了，那药品的呢？"), without_known("我们工会想知道，去年培育了多少人？")
    ('合格率我知道了，那药品的呢？', '我们工会想知道，去年培育了多少人？')
    """
    clauses = split_clauses(question)
    # (a figure it states is kept: the asker's own, no answer — 认证率31.8％我看到了，那有机…呢)
    kept = [c for c in clauses if _ASKS.search(c) or not _KNOWN_ALREADY.search(c)
            or _STATED_FIGURE.search(to_halfwidth(c))]
    if len(kept) == len(clauses) or not kept or \
            not any(_ASKS.search(c) and not _ONLY_ELLIPTIC.search(c) for c in kept):
        return question
    return "".join(kept)


def without_stated_figures(question: str) -> str:
    """``question`` without the clauses that state a figure and ask nothing (营收325.64亿元，其中
    有多少家…？ — the amount is the asker's premise, not what is asked), when a clause of it asks
    something; otherwise ``question`` unchanged.

    >>> without_stated_figures("全市检验检测机构年行业营收325.64亿元，其中有多少家通过了认定？")
    '其中有多少家通过了认定？'
    >>> without_stated_figures("2023年合格率96.04％"), without_stated_figures("合格率是96.04％吗？")
    ('2023年合格率96.04％', '合格率是96.04％吗？')
    >>> without_stated_figures("营收是325.64亿元，对吧？")
    '营收是325.64亿元，对吧？'
    """
    clauses = split_clauses(question)
    kept = [c for c in clauses if _ASKS.search(c) or not _STATED_FIGURE.search(to_halfwidth(c))]
    # (…是325.64亿元，对吧？ — a tag asking whether the statement holds asks the statement)
    asks = [c for c in kept if _ASKS.search(c) and not _CONFIRMING.match(c.strip())]
    return "".join(kept) if asks else question


def stated_figure_asked(question: str) -> str | None:
    """``question`` with its stated figures' numbers put as 多少, when all it asks after them is
    an ellipsis (公路工程合格率96.9％，那水运工程的呢？ asks 水运工程's 合格率, in ％: the kind of
    figure stated is the kind asked); ``None`` when it states none or asks in words of its own.

    >>> stated_figure_asked("公路工程抽检总体合格率96.9％，那水运工程的抽检合格率呢？")
    '公路工程抽检总体合格率多少％，那水运工程的抽检合格率呢？'
    >>> stated_figure_asked("营收325.64亿元，其中有多少家通过认定？") is None
    True
    """
    clauses = split_clauses(question)
    stated = [c for c in clauses if not _ASKS.search(c) and _STATED_FIGURE.search(to_halfwidth(c))]
    asking = [c for c in clauses if _ASKS.search(c)]
    if not stated or not asking or not all(_ONLY_ELLIPTIC.search(c) and not _ASKS.search(_ONLY_ELLIPTIC.sub("", c))
                                           for c in asking):
        return None
    return "".join(re.sub(_STATED_NUMBER + f"(?={_STATED_UNIT})", "多少", c) if c in stated else c for c in clauses)


def asked_years(question: str, ref_year: int | None) -> set[int]:
    """The years the *asking* clauses of ``question`` are about: a question restricted to its
    years only when every clause that asks something names one (fronted times like 今年，…
    belong to the clause after them). ``今年说要启动新一轮攻关，那个攻关新增了多少利润？``
    asks about no year of its own; ``…，那之前的攻关…？`` asks about the year before.

    >>> sorted(asked_years("去年特种设备检查了多少台套？", 2024)), sorted(asked_years("今年，要搞什么整治？", 2024))
    ([2023], [2024])
    >>> asked_years("今年说要启动新一轮产业质量攻关，那个攻关新增了多少利润？", 2024)
    set()
    >>> sorted(asked_years("燃气安全方面去年干了啥，今年呢", 2024))
    [2023, 2024]
    >>> sorted(asked_years("市政府质量奖去年申报情况咋样，今年要做啥", 2024))
    [2023, 2024]
    >>> asked_years("今年说要启动新一轮产业质量攻关，那之前的攻关新增了多少利润？", 2024)
    {2023}
    >>> sorted(asked_years("分论坛2023年办过吗？2024年还办不办，有没有配套活动？", 2024))
    [2023, 2024]
    >>> asked_years("2024年准备新布局的那批市级质检中心，数量是几个？", 2024)
    {2024}
    >>> asked_years("今年进出口商品质量安全方面，要在哪些领域探索联合监管？", 2024)
    {2024}
    >>> asked_years("2023年质量安全监管和双打，各自开展了哪些专项行动？", 2024)
    {2023}
    >>> asked_years("2024年新型标准化组织这块怎么安排的？要达到几家？", 2024)
    {2024}
    >>> sorted(asked_years("领导小组是怎么运转的？这两年有什么变化？", 2024))
    [2023, 2024]
    """
    from .text import content_words, split_clauses, tagged_words

    years: set[int] = set()
    carried = plain = ""
    joined: set[int] = set()      # the years of the asking clause before, when a comma joins them
    # (…？说说A、B和C几块。 names the parts of what the sentence before asks, and asks nothing of its own)
    for clause in split_clauses(without_parts_named(normalize_query(question))):
        if not _ASKS.search(clause):
            # a short fronted time (今年，) or a topic framed by one (今年进出口商品质量安全方面，)
            carried = carried + clause if len(re.sub(r"\W", "", clause)) <= _FRONTING or \
                _FRAME.search(clause) else ""
            plain = clause
            continue
        if not carried and (not [w for w in content_words(clause) if w not in _MEASURE_NOUNS] or
                            _BACK_TO.search(clause)):
            carried = plain       # …从去年的做法到今年的安排，分别是什么？ asks of the clause before;
                                  # so does one asking only a measure of it (…质检中心，数量是几个？)
                                  # or one pointing back at its subjects (2023年A和B，各自开展了…)
        # (2024年还办不办，有没有配套活动？ — a clause joined by a comma asks of the same time)
        own = question_years(carried + clause, ref_year) or joined
        joined = own if re.search(r"[，,]\s*$", clause) else set()
        carried = ""
        # (…质检中心？数量有吗？ — a clause asking only a measure asks of the clause before's time)
        # (a clause of verbs and a measure — 要达到几家？ 能建成多少个？ — names no topic: it asks a
        # figure of the clause before, in its time)
        verbs = {w for w, tag in tagged_words(clause) if tag.startswith("v") and tag != "vn"}
        if not own and not _BASELINE.search(clause) and \
                (not years or [w for w in content_words(clause) if w not in _MEASURE_NOUNS and w not in verbs]):
            # a clause with a topic of its own and no year (有啥新动作 has none) — unless another
            # asks of both years (领导小组怎么运转的？这两年有什么变化？): the topic, in each
            both = ref_year is not None and any(m.group("both") for m in _PERIODS.finditer(normalize_query(question).lower()))
            return {ref_year - 1, ref_year} if both else set()
        years |= own
    return years or question_years(question, ref_year)


def strip_years(question: str) -> str:
    """The question without its year words (2023年, 去年, in 2023): years choose the part of the
    document; they should not also rank its sentences.

    >>> strip_years("去年建成了几家示范工厂？")
    '建成了几家示范工厂?'

    A year the question compares with is no part of the documents to search but the base of
    a change, and stays as one (比2021年提升 → 同比提升):

    >>> strip_years("2023年合格率比2021年提升了几个百分点？")
    '合格率同比提升了几个百分点?'
    """
    text = _BASELINE.sub("同比", normalize_query(question))
    text = re.sub(r"(?:in |of )?(19|20)\d{2}\s*年?", "", text)
    text = _CN_YEAR.sub("", text)
    text = _SHORT_YEAR.sub("", text)
    for word in _RELATIVE:
        text = text.replace(word, "")
    text = _PERIODS.sub("", text)
    return re.sub(r"\s+", " ", text).strip() or normalize_query(question)


# An organisation's name ends like one (jieba's ``nt`` also tags phrases that are not names).
_ORGANISATION = ("局", "委", "办", "厅", "院", "会", "集团", "公司", "大学", "学院", "协会")
# The last character of a division's name with its suffix (闵行区, 上海市, 浙江省).
_DIVISION_END = "区县市省镇"
_DIVISION_SUFFIXES = ("省", "市", "区", "县", "州", "镇", "盟", "旗")


# The asker describing themselves (我们是松江的一家制造企业，…; 我在苏州开厂，…): who asks, not what
# is asked about — unless the question points back at it (我们区, 本县, 当地).
_BY_ME = r"(?:^|(?<=[，,。！!？?；;：:]))\s*(?:我们|我|本人|咱们|咱)"     # a clause the asker begins
_TO_CLAUSE_END = r"[^，,。！!？?；;：:]{%s}(?:[，,。！!；;：:]|$)"
_SELF = re.compile(# in the role they ask from (作为企业的质量经理，)
                   r"(?:^|(?<=[，,。！!；;]))\s*作为[^，,。！!？?；;：:]{2,20}[，,]|"
                   # who asks, in their own words before the question (做生成式AI的创业者问一句：)
                   r"(?:^|(?<=[，,。！!；;]))[^，,。！!？?；;：:]{2,20}(?:问一句|问一下|问下|想问|请教一下|咨询一下|打听一下)[：:，,]|"
                   # …someone asking through them (招生办这边有家长问：), or their unit before the ask
                   # (街道办的，想问一下…)
                   r"(?:^|(?<=[，,。！!；;]))[^，,。！!？?；;：:]{2,20}问[：:]|"
                   r"(?:^|(?<=[，,。！!；;]))[\u4e00-\u9fff]{2,10}的[，,](?=\s*我?(?:想问|请问|问一下|问下|想了解|咨询))|"
                   + _BY_ME + r"(?:公司|厂|单位|企业|家|医院|学校|店|门店|工厂|协会|律所|[\u4e00-\u9fff]{2}(?:公司|厂|店))?(?:是|系|係|在|位于|属于|来自|做|开|有)" + _TO_CLAUSE_END % "1,30" + "|"
                   # …or where they are (我们香港这边投资方想了解下)
                   + _BY_ME + r"[\u4e00-\u9fff]{2,6}(?:这边|那边|这里)" + _TO_CLAUSE_END % "0,20" + "|"
                   # …or by where they are and their trade, without a pronoun (嘉定这边做食品的，)
                   r"(?:^|(?<=[，,。！!；;：:]))\s*[\u4e00-\u9fff]{2,8}(?:这边|这里|那边|这儿)(?:是|有家|的)?(?:做|开|搞|干|经营|生产)"
                   r"[^，,。！!？?；;：:]{1,20}[，,。！!；;：:]" + "|"
                   # …or by their trade alone, opening the message (做直播带货的，)
                   r"^\s*(?:做|开|搞|干|跑|卖|从事|经营)[\u4e00-\u9fff]{1,10}的[，,]|"
                   # …or why they ask, before a colon that introduces the question (我们厂想对标一下：)
                   + _BY_ME + r"[^，,。！!？?；;：:]{1,20}[：:]" + "|"
                   # …or what they care about, before such a colon (关心不良反应监测：)
                   r"(?:^|(?<=[，,。！!；;]))\s*(?:比较|特别|主要|很|最)?(?:关心|关注|想了解|想问|想知道|想查)"
                   r"[^，,。！!？?；;：:]{1,20}[：:]")
_POINTS_BACK = re.compile(r"(?:我们|咱们|我|咱)(?:这|那|区|县|镇|市|当地|本地)|本(?:区|县|镇|地)|当地")


def about_the_question(question: str, keeps=lambda rest: True) -> str:
    """``question`` without the clauses in which the asker describes themselves — their place
    or trade names who asks, not what the documents are asked about — unless the question
    refers back to them (我们区的…, 当地…), or nothing would be left; normalised
    (:func:`qa.text.normalize_query`) when such a clause is found. Each clause is removed
    only when what is left satisfies ``keeps`` (e.g. still names a topic: 我关心首席质量官：
    去年培育了多少？ keeps its topic clause).

    >>> about_the_question("我们是松江的一家制造企业，老板让我了解：去年有多少企业做了DCMM贯标？")
    '老板让我了解:去年有多少企业做了DCMM贯标?'
    >>> about_the_question("嘉定这边做食品的，去年制造业产品质量合格率是多少？")
    '去年制造业产品质量合格率是多少?'
    >>> about_the_question("我们厂想对标一下：制造业产品合格率比全国高多少？")
    '制造业产品合格率比全国高多少?'
    >>> about_the_question("做直播带货的，市里要搞的质量小视频叫什么名字？")
    '市里要搞的质量小视频叫什么名字?'
    >>> about_the_question("我在浦东新区，我们区的合格率是多少？")
    '我在浦东新区，我们区的合格率是多少？'
    """
    normalized = normalize_query(question)       # 我喺香港做投資， is 我在香港做投资，
    if _POINTS_BACK.search(normalized):
        return question
    clauses = [m.group(0) for m in _SELF.finditer(normalized)]
    kept = normalized if clauses else question
    for clause in clauses:
        rest = kept.replace(clause, "", 1).strip()
        if re.search(r"[\u4e00-\u9fffA-Za-z]", rest) and keeps(rest):
            kept = rest
    return kept


def asked_about(question: str) -> str:
    """What ``question`` asks about, for checking the places and organisations it names: the
    clauses that ask (:func:`asking_clauses`) — the context before them (船厂也做港工和路桥，
    法学院学生写论文：) names who asks — unless the question points back at it (我们区, 当地) or no
    clause asks.

    >>> asked_about("法学院学生写论文：浦东新区出台了哪部规定？"), asked_about("我在杭州，当地质量奖有多少奖金？")
    ('浦东新区出台了哪部规定?', '我在杭州，当地质量奖有多少奖金？')
    """
    if _POINTS_BACK.search(normalize_query(question)):
        return question
    return asking_clauses(question) or question


def unknown_entities(question: str, corpus: str, known=lambda word: False) -> list[str]:
    """Places (divisions of :mod:`qa.places`) and organisations (jieba ``nt`` words ending like a
    name: 局, 委, 公司…) that ``question`` names and ``corpus`` (the documents' text) never
    does, and that ``known`` does not accept (e.g. a short form of a listed agency: 卫健委).

    >>> unknown_entities("杭州的质量奖有多少奖金？", "上海市质量奖")
    ['杭州']
    >>> unknown_entities("跟小孩用的东西有关的", "上海市质量奖"), unknown_entities("比如预拌混凝土，谁负责", "")
    ([], [])
    >>> unknown_entities("苏州的合格率是多少", "苏州河达标改造工程")
    ['苏州']
    >>> unknown_entities("上海市委出了什么文件？", "上海市质量工作。市委、市政府印发"), unknown_entities("杭州市委出了什么文件？", "上海市委")
    ([], ['杭州市委'])
    """
    from .places import is_place

    normalized = normalize_query(question)
    flat = normalize_for_match(corpus)
    out = []
    at = 0
    for word, flag in tagged_words(normalized):
        at += len(word)
        if len(word) < 2 or known(word) or _country_cut_from(word, normalized[at:at + 1]):
            continue
        key = normalize_for_match(word)
        if key in flat and (not is_place(word) or _named_alone(key, flat)):
            continue            # named in the documents (a place by itself, not inside 苏州河)
        # a division's bare name is often a word too (比如县 → 比如, 公安县 → 公安): a place only
        # when the tagger reads it as one or it carries its suffix
        if is_place(word) and (flag.startswith("ns") or word.endswith(_DIVISION_SUFFIXES)) or \
                (flag == "nt" and word.endswith(_ORGANISATION)):
            # a place the documents name without its suffix (上海市 for 上海) is covered
            if word[-1] in _DIVISION_END and _named_alone(normalize_for_match(word[:-1]), flat):
                continue
            # …and an organisation the documents name without the place they are about (上海市委
            # for 市委, 上海市政府 for 市政府): a place they name, then a name they write
            if flag == "nt" and any(is_place(key[:k]) and _named_alone(key[:k], flat) and key[k:] in flat
                                    for k in range(2, len(key) - 1)):
                continue
            out.append(word)
    return out + [a for a in _awards_named(normalized)
                  if not _award_written(normalize_for_match(a), flat) and not known(a)]


def _award_written(award: str, flat: str) -> bool:
    """True when ``flat`` (the documents, normalised) names ``award``: as written, by its name
    alone (（大禹）奖 for 大禹奖), or with one character otherwise (李纯奖, a slip for 李春奖).

    >>> _award_written("大禹奖", "获中国水利工程优质(大禹)奖"), _award_written("李纯奖", "获李春奖"), _award_written("鲁班奖", "获李春奖")
    (True, True, False)
    """
    if award in flat or award[:-1] in flat:
        return True
    n = len(award)
    return any(sum(a != b for a, b in zip(award, flat[i - n + 1:i + 1])) <= 1
               for i in (m.start() for m in re.finditer("奖", flat)) if i >= n - 1)


def _awards_named(question: str) -> list[str]:
    """The awards ``question`` names by their own name (鲁班奖, 白玉兰奖 — a name word and 奖, as
    jieba cuts them), not a kind of award (质量奖, 一等奖, 什么奖).

    >>> _awards_named("去年拿了鲁班奖的工程有哪些？"), _awards_named("白玉兰奖的工程"), _awards_named("获了什么奖？")
    (['鲁班奖'], ['白玉兰奖'], [])
    """
    words = list(tagged_words(question))
    out = []
    for i, (word, flag) in enumerate(words):
        if word.endswith("奖") and len(word) >= 3 and flag in ("nz", "nr", "nrfg", "nrt", "ns", "nt"):
            out.append(word)
        elif word == "奖" and i and words[i - 1][1] in ("nz", "nr", "nrfg", "nrt", "ns") and len(words[i - 1][0]) >= 2:
            out.append(words[i - 1][0] + word)
    return out


# What turns a place's name into another one's (苏州河, 黄浦江, 佘山): a river, a road…
_FEATURE = re.compile(r"[河江湖山路街桥湾港岛塘泾浦]")


def _named_alone(place: str, flat: str) -> bool:
    """True when ``flat`` names ``place`` itself somewhere, not only as the start of a river's,
    road's or hill's name (苏州 in 苏州河 is not the city)."""
    return any(not _FEATURE.match(flat, m.end()) for m in re.finditer(re.escape(place), flat))


def places_named(question: str) -> list[str]:
    """The administrative divisions (:mod:`qa.places`) that ``question`` names with a division's
    suffix (浦东新区, 闵行区): without it a name is too often a word (新建, 公安 are counties too);
    and the countries it names (泰国 — not 中国, the documents' own, nor 日本 cut from 品牌日本市).

    >>> places_named("上海浦东新区去年的合格率是多少？"), places_named("去年上海新建了几家？公安那边呢？")
    (['浦东新区'], [])
    >>> places_named("崇明区有几家绿色工厂？"), places_named("全市和本市的城市管理")
    (['崇明区'], [])
    """
    from .places import country_names, is_place

    text = normalize_query(question)
    found = []
    for end, ch in enumerate(text, start=1):
        if ch not in _DIVISION_END:
            continue
        # the longest division name ending here (上海浦东新区 → 浦东新区; 崇明区 whatever jieba makes of it)
        name = next((text[start:end] for start in range(max(0, end - 7), end - 2) if is_place(text[start:end])), None)
        if name:
            found.append(name)
    # countries, which take no suffix (泰国的合格率 is not Shanghai's); not China, the documents' own
    for country in country_names():
        at = text.find(country)
        if country != "中国" and at >= 0 and not _country_cut_from(country, text[at + len(country):at + len(country) + 1]):
            found.append(country)
    return list(dict.fromkeys(found))


def _country_cut_from(word: str, following: str) -> bool:
    """True when ``word`` is a country's name cut from the words around it: 日本 of 品牌日本市
    (品牌日 + 本市) is followed by a division's suffix, which no country takes."""
    from .places import country_names

    return bool(following) and following in "市省区县" and word in country_names()


def names_place(place: str, text: str) -> bool:
    """True when ``text`` names ``place``, with or without its suffix (浦东新区 or 浦东)."""
    flat = normalize_for_match(text)
    key = normalize_for_match(place)
    short = re.sub(rf"(新区|[{_DIVISION_END}])$", "", key)
    return key in flat or (len(short) >= 2 and short in flat)


# A year the documents name on its own, not as the end of a period (2023—2025年 plans to 2025;
# it says nothing of 2025's work).
_NAMED_YEAR = re.compile(r"(?<![—–\-~至到])(?<!\d)((?:19|20)\d{2})(?!\d)")


def years_outside(years: set[int], sections: list[Section], corpus: str) -> set[int]:
    """The asked ``years`` that no section is scoped to and no sentence of ``corpus`` names."""
    covered = set().union(*(section_years(s) for s in sections)) if sections else set()
    named = {int(y) for y in _NAMED_YEAR.findall(corpus)}
    return {y for y in years if y not in covered and y not in named}


# An answer whose Chinese wording is at least this much the question's own (share of its
# character bigrams not in the question below it) and that states no new number says nothing
# the asker did not know. Refitted on tests/data/gold/tune.jsonl: the correct extracts without
# a new figure start at 0.47, one true answer that restates most of its question
# (…建设质量知识图谱，形成…知识库) scores 0.27.
MIN_NOVELTY = 0.25


def restates_question(answer: str, question: str) -> bool:
    """True when ``answer`` (markers removed) only restates ``question``: no number and no quoted
    name that the question lacks, and under :data:`MIN_NOVELTY` of its bigrams new.

    >>> restates_question("筹建首批市级质检中心。", "筹建的首批市级质检中心是哪几个？")
    True
    >>> restates_question("国家智能网联汽车产业计量测试中心通过验收", "哪个产业计量测试中心通过了验收？")
    False

    A quoted name is what a question asking which one is answered with, however short beside
    the words it repeats:

    >>> restates_question("推动“张江机器人谷”产业园区开展质量管理体系认证提升行动区域试点。",
    ...                   "要推动哪个产业园区开展质量管理体系认证提升行动区域试点？")
    False
    """
    question = normalize_query(question)
    if set(numbers_in(answer)) - set(numbers_in(question)):
        return False
    flat_question = normalize_for_match(question)
    if any(len(name) >= 2 and normalize_for_match(name) not in flat_question
           for name in re.findall(r"[“\"「]([^”\"」]{2,20})[”\"」]", answer)):
        return False
    grams = han_bigrams(answer)
    if not grams:
        return False
    return len(grams - han_bigrams(question)) / len(grams) < MIN_NOVELTY


# A section the question names by its heading's marker: 第二部分, 第六章, （十九）, 第三条.
_SECTION_REF = re.compile(r"第[一二三四五六七八九十]+(?:部分|章|节)|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十\d]+条")


def missing_sections(question: str, sections: list[Section]) -> list[str]:
    """The sections ``question`` names by marker that the documents do not have (根据第（十九）条… when
    part 2 ends at （十八）). A （N） or 第N条 reference counts as present when any part has it.

    >>> from qa.sections import parse_sections
    >>> secs = parse_sections("通知\\n第一部分　总结\\n一、甲\\n（一）乙。正文。", "d")
    >>> missing_sections("第一部分（一）说什么？第二部分呢？", secs)
    ['第二部分']
    """
    headings = " ".join(h for s in sections for h in s.path)
    out = []
    for ref in _SECTION_REF.findall(normalize_query(question).replace("(", "（").replace(")", "）")):
        marker = ref
        if ref.startswith("第") and ref.endswith("条"):
            number = ref[1:-1]
            if number.isdigit():
                number = to_chinese_numeral(int(number)) if 0 < int(number) < 100 else number
            marker = f"（{number}）"               # 第三条 is how people name item （三）
        if marker not in headings:
            out.append(ref)
    return out


# A rank: 排名第二, 位居全国第三, 居第一, 第二名, 全国第二.
_RANK = (r"(?:(?:排名?|位居|位列|名列|居)(?:在)?[\u4e00-\u9fff]{0,4}?第(?P<n>[一二三四五六七八九十\d]+)(?:名|位)?|"
         r"第(?P<m>[一二三四五六七八九十\d]+)名|(?:全国|全市|全球|国内)第(?P<k>[一二三四五六七八九十\d]+))")
# …and the one holding it asked for (排第二的是哪个省？ 第三名得分多少？).
_RANK_HOLDER = re.compile(_RANK + r"的?[\u4e00-\u9fff]{0,6}?(?:是|为)?(?:哪|谁|什么|啥|多少|几)")
_RANK_WRITTEN = re.compile(_RANK)


def _rank_of(m: re.Match) -> str:
    return m.group("n") or m.group("m") or m.group("k")


@lru_cache(maxsize=8)
def _ranks_written(corpus_text: str) -> dict[int | None, str]:
    """Each rank the documents write, by value, with its first phrase (1 → 排名第一); cached, as
    every question reads it (:func:`ranks_outside`, :func:`claimed_ranks`)."""
    written: dict[int | None, str] = {}
    for m in _RANK_WRITTEN.finditer(corpus_text):
        written.setdefault(ordinal_value(_rank_of(m)), m.group(0))
    return written


def ranks_outside(question: str, corpus_text: str) -> list[str]:
    """The ranks whose holder ``question`` asks for (排第二的是哪个省？) that the documents never
    write (they write only 排名第一): whoever holds them, the documents do not say. A rank only
    claimed (上海是不是排第二？) is not asked about: the documents' own rank answers it.

    >>> ranks_outside("指数全国第一，那排第二的是哪个省，多少分？", "指数95.17，保持全国排名第一。")
    ['第二']
    >>> ranks_outside("排第一的是哪个省？", "保持全国排名第一。"), ranks_outside("上海是不是排第二？", "排名第一。")
    ([], [])
    """
    written = _ranks_written(corpus_text)
    out = []
    for m in _RANK_HOLDER.finditer(normalize_query(question)):
        rank = _rank_of(m)
        if ordinal_value(rank) not in written:
            out.append(f"第{rank}")
    return list(dict.fromkeys(out))


def claimed_ranks(question: str, corpus_text: str) -> list[tuple[str, str]]:
    """The ranks ``question`` claims (上海是不是排第二？ 竞争力排全国第三吧？) that the documents never
    write, each with the documents' own rank phrase, when they write exactly one rank (保持全国
    排名第一): ``[(as asked, as written)]``. The question is then read with the documents' rank,
    as a figure stated wrongly is corrected by the sentence stating it (qa.engine premise notes).
    A rank whose holder is asked (:func:`ranks_outside`) is not claimed.

    >>> claimed_ranks("上海是不是排第二？", "指数95.17，保持全国排名第一。政务服务得分居全国第一。")
    [('排第二', '排名第一')]
    >>> claimed_ranks("排第二的是哪个省？", "保持全国排名第一。"), claimed_ranks("上海排第一吗？", "保持全国排名第一。")
    ([], [])
    """
    written = _ranks_written(corpus_text)
    if len(written) != 1:
        return []
    text = normalize_query(question)
    held = [m.span() for m in _RANK_HOLDER.finditer(text)]
    out = []
    for m in _RANK_WRITTEN.finditer(text):
        if ordinal_value(_rank_of(m)) not in written and not any(a <= m.start() < b for a, b in held):
            out.append((m.group(0), next(iter(written.values()))))
    return list(dict.fromkeys(out))


# Characters after a member's ordinal that name its series (第五届|中国质量奖提名奖…).
_SERIES_SPAN = 16


def series_members(question: str, corpus_text: str) -> list[tuple[str, int, set[int]]]:
    """For each series member ``question`` names (第二批上海数据品牌), ``(its words, its number,
    the numbers of that series' members the documents name)``: a series is the same when most
    of the words after the question's ordinal occur right after the documents' (首批11项上海数据
    品牌). Members of a series the documents never name are left out.

    >>> text = "发布首批11项上海数据品牌。8家组织进入第五届中国质量奖提名奖公示。"
    >>> series_members("第二批上海数据品牌有几项？", text)
    [('第二批', 2, {1})]
    >>> series_members("第四届中国质量奖提名奖有几家？", text), series_members("第二批质检中心？", text)
    ([('第四届', 4, {5})], [])
    >>> text = "完成首批19项长三角质量提升示范试点项目建设。推动第二批长三角质量提升示范项目建设。"
    >>> series_members("首批长三角质量提升示范项目完成了多少？第二批打算怎么推进？", text)
    [('首批', 1, {1, 2}), ('第二批', 2, {1, 2})]
    >>> series_members("第三批打算怎么推进？", text)
    [('第三批', 3, {1, 2})]
    """
    from .text import SERIES_MEMBER, content_words, member_number

    q = normalize_query(question)
    asked_members = list(SERIES_MEMBER.finditer(q))
    if not asked_members:
        return []                   # most questions name none: the documents are not read
    flat = normalize_query(corpus_text)
    out = []
    earlier: list[str] = []
    for m in asked_members:
        asked = member_number(m)
        span = q[m.end():m.end() + _SERIES_SPAN]
        verbs = {w for w, tag in tagged_words(span) if tag == "v"}
        words = [w for w in content_words(span) if len(w) >= 2 and w not in verbs][:3]
        # a member named by its number alone (首批…示范试点项目完成了多少？那第二批怎么推进？): of the
        # series the member before it names
        words, earlier = words or earlier, words or earlier
        if asked is None:
            continue
        # (with no series named at all — 第三批打算怎么推进？ — any series counted in its measure)
        named = set()
        for d in SERIES_MEMBER.finditer(flat):
            after = flat[d.end():d.end() + _SERIES_SPAN]
            if d.group(3) == m.group(3) and (not words or sum(w in after for w in words) * 2 > len(words)):
                n = member_number(d)
                if n is not None:
                    named.add(n)
        if named:
            out.append((m.group(0), asked, named))
    return out


def members_outside(question: str, corpus_text: str, years: set[int] | frozenset = frozenset(),
                    sections: list[Section] = ()) -> list[tuple[str, str]]:
    """``(as asked, as the documents write their latest)`` for each series member ``question``
    asks about that comes after every member of that series the documents name (第二批 where they
    name only the 首批, 第六届 where the 第五届): the documents do not cover it. An earlier member
    (第四届 where they report the 第五届) is left to the answer, which corrects it.

    A member the question says the documents name (要点说要举办第二届…) is a premise to correct,
    not a topic they lack: it is left to the answer too. So is a member the question places in
    one of ``years`` (the question's) when a section scoped to that year names the series
    (:func:`misnumbered_members`).

    >>> members_outside("第二批上海数据品牌有几项？", "发布首批11项上海数据品牌。")
    [('第二批', '首批')]
    >>> members_outside("要点说要发布第二批上海数据品牌，有几项？", "发布首批11项上海数据品牌。")
    []
    >>> part = Section("d/p1", "d", ["第一部分　2023年上海市质量工作总结"], "", "发布首批11项上海数据品牌。", 0, 0)
    >>> members_outside("2023年第二批上海数据品牌有几项？", part.text, {2023}, [part])
    []
    >>> members_outside("2024年第二批上海数据品牌有几项？", part.text, {2024}, [part])
    [('第二批', '首批')]
    """
    q = normalize_query(question)
    misnumbered = {words for words, _ in misnumbered_members(question, years, sections)}
    flat = normalize_query(corpus_text)
    return [(words, _written(words[-1], max(named), flat))
            for words, asked, named in series_members(question, corpus_text)
            if asked > max(named) and not _SAID_IN_DOCUMENTS.search(q[:max(0, q.find(words))])
            and words not in misnumbered]


def _written(measure: str, number: int, text: str) -> str | None:
    """How ``text`` (normalised by :func:`qa.text.normalize_query`) writes the member ``number``
    of a series counted in ``measure`` (1, 批 → 首批; 5, 届 → 第五届), else ``None``."""
    from .text import SERIES_MEMBER, member_number

    return next((d.group(0) for d in SERIES_MEMBER.finditer(text)
                 if d.group(3) == measure and member_number(d) == number), None)


def misnumbered_members(question: str, years: set[int] | frozenset, sections: list[Section]) -> list[tuple[str, str]]:
    """``(as asked, as written)`` for each series member ``question`` places in one of ``years``
    that comes after every member a section scoped to that year names of its series (去年办的第二届
    ISO…大赛 where the 2023 part reports the 首届): the event that section reports is the one
    asked about, misnumbered — read with the documents' number, and the user told.

    >>> part = Section("d/p1", "d", ["第一部分　2023年上海市质量工作总结"], "", "举办首届ISO国际标准化青年之星大赛。", 0, 0)
    >>> misnumbered_members("2023年第二届ISO国际标准化青年之星大赛办得怎样？", {2023}, [part])
    [('第二届', '首届')]
    >>> misnumbered_members("2024年第二届ISO国际标准化青年之星大赛办得怎样？", {2024}, [part])
    []
    >>> plan = Section("d/p2", "d", ["第二部分　2024年上海市质量工作要点"], "", "举办第二届ISO国际标准化青年之星大赛。", 0, 0)
    >>> misnumbered_members("2023年第二届ISO国际标准化青年之星大赛办得怎样？", {2023}, [part, plan])
    []
    """
    out: dict[str, str] = {}
    # a member the documents name in another year's part (第二批 of the 2024 plan, asked after a
    # question on 2023's 首批) is that member, not a misnumbered one
    elsewhere = {words for words, asked, named in series_members(question, "\n".join(s.text for s in sections))
                 if asked in named}
    for section in sections:
        if not section_years(section) & set(years):
            continue
        for words, asked, named in series_members(question, section.text):
            if asked <= max(named) or words in out or words in elsewhere:
                continue
            written = _written(words[-1], max(named), normalize_query(section.text))
            if written:
                out[words] = written
    return list(out.items())


# The documents said to state what follows (要点说要…, 文件里提到…, 通知中写着…).
_SAID_IN_DOCUMENTS = re.compile(r"(?:文件|通知|要点|总结|原文|文中|文里)(?:里|中|上|里面)?(?:面)?(?:说|讲|提到|提出|写|写着|写的|要求|明确|部署)")
