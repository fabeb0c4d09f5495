"""Responsible agencies, from the structured ``agencies`` lists of the sections: which
sentence names an item's agencies, and which agencies a question names (in full or shortened).

:mod:`qa.routing` answers both kinds of agency question with them:
  * forward — "哪些部门负责加强侵权假冒打击力度？": the agencies of the best-retrieved item that
    names any;
  * reverse — "市交通委参与了哪些任务？": every item whose list holds that agency.
Each listed item is cited with the verbatim sentence that names its agencies (the closing
parentheses, or the 下同 sentence it inherits from).
"""

from __future__ import annotations

import re

from .index import EvidenceSentence, Index
from .intent import UNIT_KINDS
from .sections import Section
from .text import normalize_query

# A question naming an agency asks which items it has (reverse) when it asks for tasks.
REVERSE_QUESTION = re.compile(r"(哪|啥|什么|几)[些几个项条件块一]{0,3}(任务|工作|事|活|条|项|块|方面|内容|要点)|"
                              r"挂了|挂名|参与|承担|牵扯|摊上|负责(哪|什么|了哪|啥)|管(哪|什么|啥)|"
                              # what the unit is to do (市卫健委2024年要做什么, …的任务？)
                              r"(?<!打算|准备)(要|需要)做(些)?(什么|啥|哪些)|的任务\s*[？?]?\s*$|"
                              # …or put colloquially, asking nothing narrower (市交通委今年要干啥; not
                              # 旅游方面要办什么节庆活动, which asks a kind of event)
                              r"(?<!打算|准备)(要|需要)(干|办|搞)(些)?(什么|啥|哪些)(事|工作|活)?\s*[？?。]?\s*$|"
                              r"what tasks|which tasks|which items|involved|responsible for (what|which)",
                              re.IGNORECASE)


# A question about who does an item's work (forward): the agency lists answer only this — not
# which units were added to a group, or which organisation a centre is built on. 由 names the
# doer of the verb after it: of an act with a doer of its own (由哪家单位承建, 谁举办的) the
# responsible units are not the answer.
_OWN_DOER = r"承建|承办|主办|举办|建设|建成|依托|获|入选|申报|评选|研发|生产"
RESPONSIBILITY = re.compile(r"负责|牵头|推动|开展|组织|由(?![^，。；？?]{0,10}?(?:" + _OWN_DOER + r"))|列了|列出|列的|在列|列入|列进|列名|写了|标了|" + UNIT_KINDS + r"[^，。；？?]{0,6}(?:哪|谁)|"
                            r"参与|承担|落实|实施|主管|管|抓|配合|分工|责任|干|做|搞|推进|执行|掺和|(?<![举承主])办|涉及|牵扯|牵涉|相关|对应|对口|归口|(?<!回)归(?!纳|类|档|还)|挂(?!牌)|括号|写的|分给|分配|交给|派给|落到|弄|推|的活|探索|(?:找|问|咨询|联系|对接|靠|依靠|指望)(?=哪|谁)|(?<=部门|单位|机构)(?:去|来)?(?:对接|联系|沟通|打交道)|有份|有没有份|还有谁|的事|谁来|由谁|一起上|联手|合力|"
                            r"(?:部门|单位|机构|机关|委办局)的?(?:任务|职责|事情?|活儿?)[吗呢啊]?(?=[？?。！!]*$)|"
                            r"responsib|in charge|lead|involved|handle|\bdo(es)? (the |this |that )?(job|work|task)|\bwork(s|ing)? on|"
                            r"take care|carr(y|ies) out|\bshar(e|es|ed|ing) (in )?(the |this |that )?[\w ]{0,30}\b(task|work|job|dut(y|ies))", re.IGNORECASE)


def agency_sentence(index: Index, section: Section) -> EvidenceSentence | None:
    """The sentence that names ``section``'s agencies: its own closing parentheses, or — for an
    item that inherits them (下同) — the declaring item's."""
    if not section.agencies:
        return None
    first = section.agencies[0]
    candidates = index.sentences_of(section.section_id)
    for sentence in reversed(candidates):
        if first in sentence.text and re.search(r"[（(]", sentence.text):
            return sentence
    for sentence in index.sentences:  # 下同 holds within the same part (top-level heading)
        if "下同" in sentence.text and first in sentence.text and \
                index.section(sentence.section_id).path[:1] == section.path[:1]:
            return sentence
    return None


_AGENCY_END = "委局办院部关会组署厅"
_CITY = re.compile(r"^(上海市|上海|市)")


def without_city(name: str) -> str:
    """An agency name without its leading 上海市/上海/市 (市民政局 → 民政局): how people say it."""
    return _CITY.sub("", name)


def abbreviates(short: str, name: str) -> bool:
    """True when ``short`` is how people shorten the agency ``name``: the name itself without
    its leading 市/上海/国家, a tail of it (海关 for 上海海关), or its characters in order with the
    same first and last one (住建委 for 市住房城乡建设管理委, 卫健委 for 市卫生健康委).

    >>> abbreviates("住建委", "市住房城乡建设管理委"), abbreviates("海关", "上海海关"), abbreviates("市委", "市委金融办")
    (True, True, False)
    >>> abbreviates("金融监管总局上海监管局", "国家金融监督管理总局上海监管局")
    True
    """
    core = re.sub(r"^(国家|上海市|上海|市)", "", name)
    short = without_city(short)
    if len(short) < 2 or not core:
        return False
    if short == core or (core.endswith(short) and short[-1] in _AGENCY_END):
        return True
    if len(short) < 3 or short[0] != core[0] or short[-1] != core[-1]:
        return False
    rest = iter(core)
    return all(ch in rest for ch in short)


def agencies_named_in(question: str, index: Index) -> list[str]:
    """Agencies of the index that the question names, in full or shortened
    (:func:`abbreviates`), in the order the question names them (an agency it names only
    shortened comes after those it names in full; equal ones by name)."""
    normalized = normalize_query(question)
    names = sorted({a for s in index.sections for a in s.agencies}, key=len, reverse=True)
    # candidate mentions: runs of up to 12 characters ending in an agency's last character
    mentions = {normalized[i:j] for j in range(1, len(normalized) + 1) if normalized[j - 1] in _AGENCY_END
                for i in range(max(0, j - 12), j - 1)}
    # (a national body's Shanghai branch named by the body alone: 人民银行 for 人民银行上海总部)
    exact = [n for n in names if n in normalized or without_city(n) in normalized or
             len(body := n.split("上海")[0]) >= 4 and body != n and body in normalized]
    found: list[str] = []
    shortened = [n for n in names if n not in exact and any(abbreviates(m, n) for m in mentions if _starts_word(normalized, m))]
    for name in exact + shortened:
        if not any(name in f for f in found):       # longest first: 市市场监管局 before 市场监管局
            found.append(name)

    def position(name: str) -> int:
        at = [i for i in (normalized.find(name), normalized.find(without_city(name))) if i >= 0]
        return min(at) if at else len(normalized)

    return sorted(found, key=lambda name: (position(name), name))


# A unit a question names: a word ending as agency names do (气象局, 商务部, 市体育局).
UNIT_NAME = re.compile(r"^[\u4e00-\u9fff]{1,10}(局|委|委员会|部|办|厅|署|法院|检察院)$")
_NOT_A_NAME_START = frozenset("上下里在和与及了的是就都也又还要去来")
_GENERIC_UNITS = {"部门", "单位", "委办局", "全部", "内部", "干部", "总部", "局部", "外部", "各部", "本部", "部署",
                  "布局", "格局", "大局", "结局", "开局", "当局", "俱乐部",
                  # verbs of doing ending in 办 (举办或承办了哪些活动: what was held, not a unit)
                  "举办", "承办", "主办", "协办", "创办", "开办", "督办", "包办", "代办", "查办", "操办", "筹办",
                  "兴办", "经办", "申办", "合办", "联办", "试办", "交办", "怎么办", "咋办", "好办", "难办"}


def unlisted_unit(question: str, index: Index) -> str | None:
    """A unit ``question`` names that no agency list of the documents holds — not in full, not
    shortened, not mostly by its characters (金融监管总局上海监管局 for 国家金融监督管理总局上海监管局
    is held) — else ``None``: 气象局负责哪些任务？ has no answer in the lists."""
    import jieba

    from .text import han_bigrams

    names = {a for s in index.sections for a in s.agencies}
    if not names:
        return None
    grams = set().union(*(han_bigrams(n) for n in names))
    for word in jieba.cut(normalize_query(question)):
        # a locative or a particle before a verb (交流上办了哪些事: 上 + 办) begins no unit's name
        if word in _GENERIC_UNITS or not UNIT_NAME.match(word) or word[0] in _NOT_A_NAME_START:
            continue
        own = han_bigrams(without_city(word))
        if own and len(own & grams) / len(own) <= 0.5:
            return word
    return None


def _starts_word(text: str, mention: str) -> bool:
    """True when ``mention`` occurs in ``text`` at the start of a word: not right after a
    character that would make it part of a longer name (药品监管局 is not 上海监管局's 监管局)."""
    at = text.find(mention)
    return at <= 0 or not ("\u4e00" <= text[at - 1] <= "\u9fff") or text[at - 1] in "市的在和及与由是、"


# Words of asking who is responsible, and names of units (部门, 负责, 牵头, 监管, 市场监管局, 人社局):
# they say who is asked about, not what the task is.
_ASKING_UNITS = re.compile(r"部门|单位|机构|机关|委办局|责任|负责|牵头|监管|管理|主管|谁|^管|管$|[局委办厅署]$|海关|药监|法院|检察院")


def unwritten_task(question: str, index: Index, skip=frozenset()) -> list[str]:
    """The words naming the task of a question asking who is responsible (直播带货由哪些部门负责？
    → ``['直播', '带货']``) when the documents write none of them, else ``[]``: documents that
    never name a task list no unit for it, and the nearest item's units would answer another
    task. A word counts as written as :func:`qa.text.mostly_written` reads it, against the
    documents' text (``index.flat``). Words of asking (部门, 负责), unit names (人社局) and
    ``skip`` (words naming the documents' own field: 上海, 质量) are not the task.

    >>> from types import SimpleNamespace as NS
    >>> index = NS(flat="提升质量安全监管效能,开展食品抽检", sections=[])
    >>> unwritten_task("直播带货由哪些部门负责？", index), unwritten_task("食品安全归谁管？", index)
    (['直播', '带货'], [])
    >>> unwritten_task("哪些部门负责？", index)
    []
    """
    from .text import content_words, mostly_written

    # (a unit named is cut by jieba into words of its name: 市场 + 监管局, 人社 + 局)
    units = agencies_named_in(question, index)
    words = [w for w in content_words(normalize_query(question)) if len(w) >= 2 and w not in skip
             and not _ASKING_UNITS.search(w) and not RESPONSIBILITY.fullmatch(w)
             and not any(w in unit for unit in units) and not re.search(re.escape(w) + "[局委]", question)]
    return [] if not words or any(mostly_written(w, index.flat) for w in words) else list(dict.fromkeys(words))
