"""The routing stage: questions the documents' structure answers better than any generator.

* **The catalogue** — which documents the library holds (列出知识库里的所有文件): each by its
  title and 文号, cited by its header.
* **Header facts** — the question is about the document itself (这份通知是哪天印发的？ 文号？
  抄送给谁？): the header lines that state them (:mod:`qa.header`); a date the question states
  of the document that its header does not give is corrected beside them.
* **The outline** — the document asked about as a whole (这份通知主要讲了什么？ 分几部分？): its
  parts and the headings under them, each cited by the first sentence of its section.
* **A section named** — by its label (第二部分（十八）写了什么？) or by its heading and a pointer
  to an item (加强质量文化建设这一条的原文？): that section's sentences, each cited, or its heading.
* **Responsible units** — who is responsible for a task (forward), or which tasks a unit has
  (reverse, 市交通委挂了哪些任务？): the agency lists of the sections (:mod:`qa.agencies`).
* **Every section about a topic** — where the documents mention X, what they say about X
  (scope ``all``): each section's sentences on it, listed under the section's label.

Each route answers only when it is sure of its reading; otherwise the question goes on to the
generator. Every listed sentence is cited verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .agencies import (RESPONSIBILITY, REVERSE_QUESTION, agencies_named_in, agency_sentence, unlisted_unit,
                       unwritten_task, without_city)
from .claims import sibling_kind_only
from .extract import asks_something
from .header import ALL_ASKED, ISSUER_CLAIMED, SELF, dates_another_act, header_facts, header_fields
from .intent import GENERIC_WORDS, HOME_FIELD_WORDS, UNIT_CONFIRMED, WHOLE_WORDS, Attribute, Scope, read_intent
from .retrieval import HEADING_ONLY, Evidence, RetrievalResult
from .sections import AGENCIES_ONLY
from .scope import question_years, section_years, strip_years
from .text import ITEM_POINTER, content_words, normalize_for_match, normalize_query, split_clauses, tagged_words

# Words of a question about the document itself (beyond the header facts' own cue words).
_HEADER_WORDS = {"通知", "文件", "发文", "印发", "下发", "发布", "发的", "发给", "下发给", "印发给", "送给", "发到",
                 "文号", "字号", "日期", "时间", "单位", "机构", "名义", "小组", "部门", "机关", "签发",
                 "抄送", "主送", "公开", "标题", "全称", "名称", "哪天", "落款", "什么", "哪些", "notice", "document",
                 "issued", "date", "number", "title", "copied", "public", "publicly", "sent", "addressed",
                 "recipients", "reference", "was", "what", "this", "who", "whom", "the",
                 # how the request is put (直接告诉我这份通知的文号), not a topic in the document
                 "直接", "告诉", "输出", "给出", "说下", "一下", "帮忙", "麻烦", "查下", "看看", "对外", "不能", "可以"}


# Words naming the documents' own field and span (上海, 质量, 今年, 所有): no task of their own.
_FIELD_WORDS = GENERIC_WORDS | HOME_FIELD_WORDS | WHOLE_WORDS


def retriever_knows(index, word: str) -> bool:
    """True when ``word`` occurs in the documents' text (a topic they could be asked about)."""
    key = normalize_for_match(word)
    return any(key in d.text for d in index.documents.values())


@dataclass
class Routed:
    """A structured answer: ``text`` with ``[n]`` markers over ``evidence``, and ``notes`` for
    the user beside it (a premise of the question the documents correct)."""

    text: str
    evidence: list[Evidence]
    route: str
    notes: list[str] = field(default_factory=list)


def route_structure(query, result: RetrievalResult, index, top_k: int, retriever=None) -> Routed | None:
    """The answer from the document's structure — its header, its agency lists — when
    ``query`` (``qa.query.Query``) asks for it, else ``None``. With a ``retriever``
    (:class:`qa.retrieval.HybridRetriever`), a unit's items are shown with their content."""
    numbered = numbered_items(query, index)
    return _catalogue(query, index) or _header(query, index) or _outline(query, index) or \
        _named_group(query, index) or _named_section(query, index, numbered) or _rest_of_item(query, result, index) or \
        _agencies(query, result, index, top_k, retriever, numbered)


# Asking which documents the assistant holds (列出你知识库里的所有文件名, 你能回答哪些文件？ Which
# documents do you have?): the library's titles answer, not a sentence about a 知识库 in them.
_CATALOGUE_ASKED = re.compile(
    r"(?:知识库|资料库|文件库|文档库|数据库|系统|库)里?(?:面)?(?:都|一共|总共)?(?:有|收录了?|存了?|收了?|包括|包含)?(?:哪些|什么|多少|几份|几个)(?:文件|文档|资料|政策)|"
    r"(?:所有|全部)的?(?:文件|文档)的?(?:名|名称|标题|清单|列表|目录)|"
    r"(?:知识库|资料库|文件库|文档库|库)里?的?(?:文件|文档)(?:全部|都|一共)?(?:列|列出|列举)(?:出来)?|"
    r"(?:列出|列举|列一下|给我列)(?:一下)?(?:你的?)?(?:知识库|资料库|文件库|文档库|库)里?(?:面)?的?(?:所有|全部)的?(?:文件|文档)|"
    r"\blist of (?:the |all )?(?:documents|files)\b|"
    r"(?:你|您)(?:这里|这儿)?(?:都|一共)?(?:有|收录了?|存了?|读过|看过|学过|能查|可以查|能回答|可以回答|知道)(?:哪些|什么|几份|多少)(?:文件|文档|政策文件)|"
    r"\b(?:which|what) (?:documents|files) (?:do you (?:have|hold|know|cover)|can you (?:answer|search)|are (?:in|on) your)|"
    r"\blist (?:all )?(?:the |your )?(?:documents|files)\b", re.IGNORECASE)
# …of the documents a notice itself names (通知中提到的所有文件名): a topic inside it, not the library.
_NAMED_INSIDE = re.compile(r"(?:提到|提及|涉及|出现|引用|列出|写到)(?:了|过)?的?(?:所有|全部)?的?(?:文件|文档)|"
                           r"(?:通知|要点|总结|文中|原文)(?:中|里|里面|上)")


_CATALOGUE_WORDS = frozenset("告诉 列出 所有 全部 文件 文档 通知 名称 标题 清单 目录 知道 回答".split())


def _catalogue(query, index) -> Routed | None:
    """The documents the library holds, each by its title and its 文号 (cited by its header
    line), when ``query`` asks which documents there are; else ``None``."""
    text = normalize_query(query.asked if query.english else query.text)
    if not _CATALOGUE_ASKED.search(text) or _NAMED_INSIDE.search(text):
        return None
    # (…文件名列出来，然后告诉我X叫什么: a topic of theirs is asked too; in English, another sentence)
    others = [c for c in re.split(r"(?<=[?.!;])\s+|\balso\b|\band (?=what|which|how|who|when)", text)
              if c.strip() and not _CATALOGUE_ASKED.search(c) and len(re.findall(r"[a-z]{3,}", c)) >= 2] \
        if query.english else \
        [c for c in split_clauses(text) if not _CATALOGUE_ASKED.search(c) and
         any(w not in _CATALOGUE_WORDS and retriever_knows(index, w) for w in content_words(c))]
    if others:
        return None
    evidence, parts = [], []
    headers = [s for s in index.sections if not s.path]
    for header in headers:
        sentences = index.sentences_of(header.section_id)
        title = index.documents[header.doc_id].title
        # the title cited by the header line that writes it whole, the 文号 by its own line
        naming = next((t for t in sentences if title in t.text), None)
        numbered = [t for f in header_facts(sentences, ["number"]) for t in f.sentences]
        entry = f"《{title}》"
        for sentence, shown in ((naming, ""), *((t, t.text.strip().rstrip("。；;")) for t in numbered)):
            if sentence is None:
                continue
            evidence.append(Evidence(len(evidence) + 1, sentence, header, 1.0))
            entry += f"（{shown}）[{len(evidence)}]" if shown else f"[{len(evidence)}]"
        parts.append(entry)
    if not parts:
        return None
    lead = f"The library holds {len(parts)} document(s): " if query.english else f"已收录的文件共{len(parts)}份："
    return Routed(lead + ("; " if query.english else "；").join(parts) + ("." if query.english else "。"),
                  evidence, "catalogue")


# Asking what a document is about as a whole (这份通知主要讲了什么？ 文件主要内容是什么 分几部分？
# What is this notice about?): its outline answers — the parts and their headings.
_WHOLE_ASKED = re.compile(r"(?:主要|核心|重点)内容|核心|主旨|精神|章节|总结一下|(?:用|以)[一两三几]句话(?:总结|概括|说)|(?:主要|大概|大致|大体|都|一共|总共|主要是)?(?:讲|说|写|包括|包含|涉及|介绍)(?:了|的是|的)?(?:些|点)?(?:什么|啥|哪些)(?:内容|东西|事|方面)?|"
                          r"概括|概要|概述|大意|梗概|框架|结构|(?:分|有|包括)(?:几|哪几|哪些)(?:个)?(?:部分|块|板块|方面)|目录|提纲|"
                          # the year's work as a whole (今年质量工作主要抓啥？ 2024年的重点是什么？)
                          r"(?:主要|重点|着重|首先)(?:要)?(?:抓|干|做|搞|忙)(?:了|些)?(?:什么|啥|哪些)|(?:工作)?(?:重点|要点|任务)(?:是|有)(?:什么|啥|哪些)|"
                          r"(?:有|做了|干了)(?:什么|啥|哪些)(?:措施|安排|工作|任务|打算|计划|举措)|"
                          # …and what was done or is planned, nothing named (今年打算干点啥？ 去年干了些啥？)
                          r"(?:打算|准备|计划|要)(?:干|做|搞|弄)(?:点|些)?(?:什么|啥|哪些)|(?:干|做|搞)了(?:些|点)?(?:什么|啥|哪些)|"
                          r"\b(?:what\s+(?:is|does)\s+(?:this|the)\s+(?:notice|document)\s+(?:about|say|cover)|summar(?:y|ise|ize)|"
                          r"overview|outline|main\s+(?:points|contents?|sections|parts)|how many (?:parts|sections|chapters))\b",
                          re.IGNORECASE)
# Words of such a question that name no topic inside the document.
_OUTLINE_WORDS = frozenset("通知 文件 文档 全文 本文 主要 内容 讲 说 写 包括 包含 涉及 介绍 概括 概要 概述 大意 梗概 框架 结构 部分 一共 总共 共 "
                           "核心 重点 主旨 精神 章节 总结 用 以 句话 一句话 两句话 三句话 几句话 "
                           "抓 干 做 搞 忙 要 着重 首先 要点 任务 工作 有 措施 安排 打算 计划 举措 "
                           "sections parts are "
                           "几块 板块 方面 目录 提纲 大概 大致 大体 一下 简单 简要 帮忙 帮 整个 整体 东西 事情 哪些 什么 "
                           "到底 究竟 给我 捋 捋一捋 理 理一理 梳理 准备 干点 做点 搞点 "
                           "notice document about say cover summary summarise summarize overview outline main points "
                           "contents content this the what does is".split())


def _outline(query, index) -> Routed | None:
    """The outline of the document(s) asked about as a whole: each part and the headings under
    it, each heading cited by the first sentence of its first section. ``None`` when the
    question names a topic inside them (这份文件里养老相关的都说了啥) or asks anything else."""
    text = normalize_query(query.asked if query.english else query.text)
    counted = re.search(r"(?:分|有|包括|包含)(?:几|哪几|多少)(?:个)?(?:部分|块|板块)|how many (?:parts|sections|chapters)",
                        text, re.IGNORECASE)
    if not _WHOLE_ASKED.search(text) or query.follow_up or \
            query.intent.attribute not in ((Attribute.OPEN, Attribute.QUANTITY) if counted else (Attribute.OPEN,)):
        return None
    titles = "".join(d.title for d in index.documents.values())
    # (2024年要点…: a word of a title names the document, or the part it is)
    named = [w for w, _ in tagged_words(text) if len(w) >= 2 and w in titles and not w.isdigit()]
    if not (SELF.search(text) or query.documents or named or query.years):
        # the document is not named (碳这块说了啥？ asks of a topic) — nor a year, whose part it has
        # (今年的重点是什么？)
        return None
    # what is left beside the words asking for the whole and naming the document is a topic in
    # it — a single character too (这份通知里碳说了啥)
    rest = _WHOLE_ASKED.sub(" ", SELF.sub(" ", text.replace(counted.group(0), " ") if counted else text))
    for w in sorted({*_OUTLINE_WORDS, *named}, key=len, reverse=True):
        rest = rest.replace(w, " ")
    latin = [w for w in re.findall(r"[A-Za-z]{3,}", rest) if w.lower() not in _OUTLINE_WORDS and w.lower() not in
             ("has", "have", "there", "how", "many", "chapters", "give", "tell", "please", "its")]
    if latin or re.sub(r"[^\u4e00-\u9fff]|[的了吗呢啊呀吧这那个份块里中在是都么些一下请问我想和与及年今去整本该就]", "", rest):
        return None                       # a topic inside the document (… say about special equipment?)
    wanted = [d for d in (query.documents or index.documents) if d in index.documents][:3]
    years = set(query.years)
    evidence, parts = [], []
    for doc_id in wanted:
        outline: dict[str, dict[str, object]] = {}
        for section in index.sections:
            if section.doc_id != doc_id or not section.path or not index.sentences_of(section.section_id):
                continue
            if years and section_years(section) and not years & section_years(section):
                continue                  # 2024年要点讲了什么: that year's part only
            below = outline.setdefault(section.path[0], {})
            below.setdefault(section.path[1] if len(section.path) >= 3 else "", section)
        lines = []
        for top, below in outline.items():
            marks = []
            for heading, section in below.items():
                sentence = next((t for t in index.sentences_of(section.section_id)
                                 if not HEADING_ONLY.match(t.text)), index.sentences_of(section.section_id)[0])
                evidence.append(Evidence(len(evidence) + 1, sentence, section, 1.0))
                # (one part asked — 今年质量工作主要抓啥？ — its opening sentence says it: 总体思路是…)
                if not heading and years and len(outline) == 1:
                    marks.append(f"{top}：{sentence.text.rstrip('。；;')}[{len(evidence)}]；主要有")
                else:
                    marks.append(f"{heading or top}[{len(evidence)}]")
            # (the part's own opening paragraph, under no heading, is cited for the part itself)
            own = marks.pop(0) if "" in below and list(below).index("") == 0 else top
            lines.append(f"{own}：" + "；".join(marks) if marks else own)
        if lines:
            # (one year's part of the one document: the part's heading names it — the title's other
            # year would be a figure no cited sentence holds)
            lead = (f"《{index.documents[doc_id].title}》 has {len(lines)} parts: " if query.english
                    else f"《{index.documents[doc_id].title}》共{len(lines)}部分。" if len(lines) > 1
                    else "" if years and len(wanted) == 1 else f"《{index.documents[doc_id].title}》：")
            parts.append(lead + "。".join(lines) + "。")
    if not evidence:
        return None
    return Routed("".join(parts), evidence, "outline")


# An item named by its number — （十八）, 第（十八）条, 第十八条/项/点 (items are numbered through a
# part) — and the part it is in: 第二部分, or the part's year or the word its heading names it by
# (要点, 总结).
_ITEM_LABEL = re.compile(r"(?:第\s*)?[（(]([一二三四五六七八九十\d]{1,3})[)）](?:条|项|点)?|"
                         r"第([一二三四五六七八九十\d]{1,3})(?:条|项|点|小节)")
_PART_LABEL = re.compile(r"第([一二三四五六七八九十\d]{1,3})部分")
_PART_WORDS = ("要点", "总结")
# Asking what a section says, or its heading.
_CONTENT_ASKED = re.compile(r"(写|讲|说|提|列)(了|的)?(什么|啥|哪些|些什么)|(做|干|搞|办)(哪些|什么|啥)(事|工作)?|原文|全文|内容|具体(是|有)|是什么|有哪些|标题|叫什么|"
                            r"列出|一条条|逐条|逐项|(要|需要|得)(做|干|办)的(事|工作)")
# What an item named by its number says, asked in spoken words (是啥, 说了些啥, 咋说的).
_NUMBERED_ASKED = re.compile(r"是啥|些啥|咋说|怎么说|说的啥|讲的啥|写的啥")
# Characters of an item's heading (without its number) that name the item when written whole
# in a question without pointing at it (推动工程品质提升: 8); shorter ones (加强统筹协调: 6) are
# phrases a question uses of its own (on tune, 6 took …里面提到每年要编制的报告叫什么？ after a
# turn on 加强统筹协调 for a question about that item's heading; 8 and 10 changed no answer).
HEADING_NAMES = 8
_TITLE_ASKED = re.compile(r"标题|题目|叫什么")


def _number(value: str) -> int | None:
    """The number a label writes (十八 or 18); ``None`` for what is neither (十八0, 1八)."""
    from .text import chinese_numeral

    try:
        return int(value) if value.isdigit() else chinese_numeral(value)
    except ValueError:
        return None


_ITEM_OF_PART = re.compile(r"/p(\d+)\.(?:s\d+\.)?i(\d+)$")


def numbered_items(query, index) -> tuple[list, str] | None:
    """The items ``query`` (``qa.query.Query``) names by their number — （二）, 第二条, 第（十五）条 —
    as ``(sections, "")`` in the order named; ``([], why)`` when the part named has no such item
    (第一部分（十八）: 第一部分 ends at （十七）); ``None`` when no item is named by number. Items are
    numbered through a part, so the part is told by 第N部分, by the years asked (2024年要点第二条,
    今年第五条: the part whose heading names the year), by a word of the part's heading (要点,
    总结), or by asking who is responsible (only a plan's items list units); when nothing tells
    it (第二条讲了什么？), the item of that number in each part. A follow-up (这条谁管？) names the
    items of the turn before."""
    asked = normalize_query(query.question)
    text = asked if _ITEM_LABEL.search(asked) else normalize_query(query.text)
    labels = list(_ITEM_LABEL.finditer(text))
    if not labels:
        return None
    numbers = [_number(m.group(1) or m.group(2)) for m in labels]
    if any(n is None for n in numbers):
        return None
    items = [(s, int(m.group(1)), int(m.group(2))) for s in index.sections
             if (m := _ITEM_OF_PART.search(s.section_id)) and (not query.documents or s.doc_id in query.documents)]
    named = _PART_LABEL.search(text[: labels[0].start()]) or _PART_LABEL.search(text)
    if named is not None:
        part = _number(named.group(1))
        in_part = [s for s, p, _ in items if p == part]
        sections = [s for n in numbers for s, p, i in items if p == part and i == n]
        if in_part and len(sections) < len(numbers):
            count = sum(1 for s in in_part if s.doc_id == in_part[0].doc_id)
            return [], f"通知的{named.group(0)}没有这一条（{named.group(0)}共{count}条）。"
        return (sections, "") if sections else None
    candidates = [(s, p, i) for s, p, i in items if i in numbers]
    years = query.years or question_years(text, query.ref_year)     # (今年第五条讲啥？ → 里面…是啥？)
    for narrow in (lambda s: bool(years & section_years(s)),
                   lambda s: any(w in text and s.path and w in s.path[0] for w in _PART_WORDS),
                   lambda s: query.intent.attribute == Attribute.AGENCY and bool(s.agencies)):
        kept = [c for c in candidates if narrow(c[0])]
        if kept:
            candidates = kept
    if not candidates:
        return None
    return [s for s, _, _ in sorted(candidates, key=lambda c: (c[1], numbers.index(c[2])))], ""


def _named_section(query, index, label: tuple[list, str] | None) -> Routed | None:
    """What a section named by its label (``label``: :func:`numbered_items` of ``query``) or its
    heading says (or its heading, when that is asked): every sentence of it, cited. ``None`` when
    no section is named or something other than its content is asked (its units, a figure)."""
    text = normalize_query(query.text)
    if query.english:
        return None
    # (an item named by its number is asked about whatever the words: 今年第一条是啥？ 第五项说了些啥？)
    asks_content = query.intent.attribute in (Attribute.OPEN, Attribute.MENTIONS) and bool(
        _CONTENT_ASKED.search(text) or label is not None and _NUMBERED_ASKED.search(text))
    if not asks_content and label is None:
        return None
    sections = []
    if label is not None:
        sections, missing = label
        if missing:                      # 第一部分（十八） where 第一部分 ends at （十七）
            return Routed(missing, [], "section")
        if not asks_content:
            return None                  # the item exists; its units or a figure are asked
        if _beyond_heading(_ITEM_LABEL.sub("", _PART_LABEL.sub("", normalize_query(query.question))), sections):
            return None                  # 第五条里揭榜挂帅具体是啥？ — a topic inside the item
    else:
        # a heading pointed at (…这一条) names its item; so does an item's whole heading written
        # without pointing (推动工程品质提升要做哪些事？), when it is long enough to be no phrase of its own
        shortest = 4 if ITEM_POINTER.search(text) else HEADING_NAMES
        sections = [s for s in index.sections if len(s.path) >= 2 and len(_heading(s)) >= shortest
                    and _heading(s) in text]
    if sections and not label and _beyond_heading(text, sections):
        return None                       # 这一项里碳普惠方面要做什么: a topic inside the item
    if query.documents:
        sections = [s for s in sections if s.doc_id in query.documents]
    if not sections or label is None and len({s.doc_id for s in sections}) < len(sections):
        return None                       # none, or two sections of one document: not sure which
    evidence, parts = [], []
    for section in sections:
        named = f"《{index.documents[section.doc_id].title}》" if len({s.doc_id for s in sections}) > 1 else ""
        sentences = index.sentences_of(section.section_id)
        if _TITLE_ASKED.search(text) and sentences:
            evidence.append(Evidence(len(evidence) + 1, sentences[0], section, 1.0))
            number = section.label[: -len(_heading(section))] if section.label.endswith(_heading(section)) else section.label
            parts.append(f"{named}{number}的标题是“{_heading(section)}”[{len(evidence)}]")
            continue
        marks = _marked(sentences, section, evidence, query.english)
        if marks:
            parts.append(f"{named}{section.label}：" + "；".join(marks))
    if not evidence:
        return None
    return Routed("；".join(parts) + "。", evidence, "section")


# A group of items pointed at by its place (总结第一大块, 要点第四块): its number under 一、二、….
_GROUP_ORDINAL = re.compile(r"第([一二三四五六七八九十\d])(?:大)?(?:块|板块|大项|大部分|大方面)|"
                            r"(最后)(?:那|这|一)?(?:一)?(?:大)?(?:块|部分|板块|大项)")
# Characters of a group heading (四、聚焦重点领域，牢守城市安全底线) that, written nowhere else in
# the documents, name the group (牢守城市安全底线, 社会共治, 顶层设计).
GROUP_NAMES = 4
# Asking something of each item (每条挑一个, 各说一个, 分别): the words of the ask are no topic inside.
_EACH_ITEM = re.compile(r"每(?:一)?(?:条|项|个|块)|各|分别|逐条|逐项")


def _groups(index) -> dict[tuple[str, str, str], list]:
    """The items (sections) under each group heading — the 一、二、… of a part — keyed by
    ``(doc_id, part heading, group heading)``, in document order."""
    groups: dict[tuple[str, str, str], list] = {}
    for section in index.sections:
        if len(section.path) >= 3:
            groups.setdefault((section.doc_id, section.path[0], section.path[1]), []).append(section)
    return groups


def _group_named(text: str, key: tuple[str, str, str], flat: str) -> bool:
    """True when ``text`` (a question, normalised) holds a span of the group heading ``key[2]`` of
    :data:`GROUP_NAMES` characters or more that the documents (``flat``, normalised) write only
    once — in that heading."""
    title = normalize_for_match(re.sub(r"^[一二三四五六七八九十]+、", "", key[2]))
    for clause in re.split(r"[,，]", title):
        for size in range(len(clause), GROUP_NAMES - 1, -1):
            for start in range(len(clause) - size + 1):
                span = clause[start:start + size]
                if span in text and flat.count(span) == 1:
                    return True
    return False


def _named_group(query, index) -> Routed | None:
    """The items of a group of a part — the （一）（二）… under a heading such as 四、聚焦重点领域，
    牢守城市安全底线 — each with what it says, when ``query`` names the group by words of its
    heading written nowhere else (“牢守城市安全底线”那一块有三条…, 社会共治那部分的四条…) or by its
    place (总结第一大块, 24年要点第一大块, 总结最后那部分); ``None`` when no group is named, a
    topic inside it is asked (着眼美好生活那部分里养老怎么说), or something other than its content
    (a unit, a figure)."""
    if query.english or query.follow_up:
        return None
    text = normalize_for_match(normalize_query(query.text))
    attribute = query.intent.attribute
    if attribute not in (Attribute.OPEN, Attribute.MENTIONS, Attribute.ADVICE) and \
            not (attribute == Attribute.QUANTITY and query.intent.unit in ("条", "项")):
        return None
    groups = _groups(index)
    flat = "".join(normalize_for_match(d.text) for d in index.documents.values())
    named = [key for key in groups if _group_named(text, key, flat)]
    ordinal = _GROUP_ORDINAL.search(text)
    if not named and ordinal:
        years = query.years or question_years(text, query.ref_year)
        of_part = {key: items for key, items in groups.items()
                   if years & section_years(items[0]) or any(w in text and w in key[1] for w in _PART_WORDS)}

        def number(key) -> int | None:
            return _number(re.match(r"[一二三四五六七八九十]*", key[2]).group(0) or "0")

        # (最后那部分: the part's last group)
        wanted = _number(ordinal.group(1)) if ordinal.group(1) else max(map(number, of_part), default=None)
        named = [key for key in of_part if number(key) == wanted]
    if len(named) != 1:
        return None                  # none, or not sure which
    items = groups[named[0]]
    headings = normalize_for_match("".join(s.path[1] + s.path[-1] for s in items))
    if not _EACH_ITEM.search(text):
        body = normalize_for_match("".join(s.text for s in items))
        inside = [w for w in content_words(text) if len(w) >= 2 and w not in _FIELD_WORDS and w not in _ITEM_WORDS
                  and normalize_for_match(w) in body and normalize_for_match(w) not in headings]
        if inside:
            return None              # 着眼美好生活那部分里养老怎么说: a topic inside the group
    evidence, parts = [], []
    for section in items:
        marks = _marked(index.sentences_of(section.section_id), section, evidence, False)
        if marks:
            parts.append(f"{section.label}：" + "；".join(marks))
    if not evidence:
        return None
    lead = f"{items[0].path[0]} {items[0].path[1]}共{len(items)}条。"
    return Routed(lead + "；".join(parts) + "。", evidence, "section")


def _marked(sentences, section, evidence: list[Evidence], english: bool) -> list[str]:
    """Each of ``sentences`` (of ``section``; heading-only ones left out) appended to ``evidence``,
    numbered after what it holds, and written with its ``[n]`` marker: its text, or for a list
    of responsible units the units after 责任单位："""
    marks = []
    for sentence in sentences:
        if HEADING_ONLY.match(sentence.text):
            continue
        evidence.append(Evidence(len(evidence) + 1, sentence, section, 1.0))
        if AGENCIES_ONLY.match(sentence.text):     # （市住房城乡建设管理委、…） lists who is responsible
            units = sentence.text.strip().rstrip("。；;").strip("（）()")
            marks.append(f"{'responsible units: ' if english else '责任单位：'}{units}[{len(evidence)}]")
        else:
            marks.append(f"{sentence.text.rstrip('。；;')}[{len(evidence)}]")
    return marks


# More of what the earlier answer said asked (展开说说, 那一条里还说了什么？ 还有呢？ 详细点).
_MORE_ASKED = re.compile(r"展开(?:说说|讲讲|说|讲|一下)|(?:详细|具体|仔细)(?:说说|讲讲|说|讲|点|些|一点)|多(?:说|讲)(?:点|些|一点)?|"
                         r"细说|还(?:说|写|讲|提)了(?:什么|啥|哪些)|还有(?:呢|吗|么|别的吗|其他的吗)|还有(?:别的|其他|其它)?(?:什么|啥|哪些)(?:别的|其他)?(?:内容|要点|安排|措施)?[？?]?$")
_QUOTED_CLAUSE = 8        # characters of a sentence's clause that, found in an earlier answer, count as quoted
_QUOTED_SHARE = 0.4       # share of a sentence's characters in such clauses for the sentence to be quoted
_MORE_WORDS = frozenset("展开 详细 具体 仔细 说说 讲讲 内容 要点 安排 措施 其他 别的 这条 这一条 那条 那一条 一条 这项 里面".split())


def _quoted_share(flat: str, said: str) -> float:
    """The share of ``flat`` (a sentence normalised for matching) in clauses of at least
    :data:`_QUOTED_CLAUSE` characters that ``said`` (an earlier answer, normalised) holds."""
    return sum(len(c) for c in re.split(r"[，,；;。]", flat) if len(c) >= _QUOTED_CLAUSE and c in said) / max(len(flat), 1)


def _rest_of_item(query, result: RetrievalResult, index) -> Routed | None:
    """A follow-up asking for more of what the earlier answer said (展开说说, 那一条里还说了什么？):
    the other sentences of the item that answer quoted — the best-ranked section one of whose
    sentences the earlier answer (``query.earlier_answer``) holds — each cited. ``None`` when
    the follow-up names a topic of its own, no ranked section was quoted, or nothing is left."""
    if not query.follow_up or not query.earlier_answer or query.english or not _MORE_ASKED.search(query.asked):
        return None
    if [w for w in content_words(query.asked) if w not in _MORE_WORDS and not _MORE_ASKED.search(w)]:
        return None          # 还有哪些部门？ — a topic of its own
    said = normalize_for_match(query.earlier_answer)
    for hit in result.hits[:3]:
        sentences = [s for s in index.sentences_of(hit.section.section_id) if not HEADING_ONLY.match(s.text)]
        # (a sentence is quoted when much of it is, clause by clause — an earlier answer may give
        # part of one; one clause of three leaves the rest to show)
        quoted = [s for s in sentences if _quoted_share(normalize_for_match(s.text), said) >= _QUOTED_SHARE]
        if not quoted:
            continue
        rest = [s for s in sentences if s not in quoted]
        if not rest:
            return None
        evidence: list[Evidence] = []
        marks = _marked(rest, hit.section, evidence, english=False)
        return Routed(f"{hit.section.label}还写有：" + "；".join(marks) + "。", evidence, "section")
    return None


# Words a question about an item's content uses beside its heading.
_ITEM_WORDS = frozenset("具体 措施 工作 任务 事情 内容 方面 原文 全文 标题 要求 部署 安排 打算 今年 去年 这一项 这项 这条 一条 "
                        "一项 条款 通知 文件 要点 总结 部分 "
                        # how the content is to be listed (一条条说, 逐条列出)
                        "一条条 一条一条 逐条 逐项 挨个 一一 分条".split())


def _beyond_heading(text: str, sections) -> list[str]:
    """The content words of ``text`` that neither the ``sections``' headings hold nor a question
    about an item's content uses (:data:`_ITEM_WORDS`): a topic asked inside the item."""
    headings = "".join(_heading(s) for s in sections)
    return [w for w in content_words(text) if w not in headings and w not in _ITEM_WORDS
            and not _CONTENT_ASKED.search(w)]


def _heading(section) -> str:
    """A section's own heading without its number (（十八）加强质量文化建设 → 加强质量文化建设)."""
    return re.sub(r"^[（(][一二三四五六七八九十\d]+[)）]|^[一二三四五六七八九十]+、", "", section.path[-1]).strip() \
        if section.path else ""


def route_topic(query, result: RetrievalResult) -> Routed | None:
    """Every section about the topic, listed, for a question of scope ``all`` whose topic
    retrieval found (``result.scoped``), else ``None``."""
    if query.intent.scope != Scope.ALL or not result.scoped:
        return None
    if not query.english and sibling_kind_only(query.question, [e.sentence.text for e in result.evidence]):
        return None       # 服务业质量竞争力指数…怎么样 → only the 制造业 index: another kind, no listing
    return _topic_listing(query, result)


# This document pointed at as the object of an errand (转发这个通知, 把这份文件发给…).
_POINTED_AT = re.compile(r"(?:这个|这份|本|该|此)(?:通知|文件)(?![里中内上])")


def _header(query, index) -> Routed | None:
    # an English question is read in the user's own words: a translation may name the notice
    # otherwise (这个公告的文档号)
    text = normalize_query(query.asked if query.english else query.text)
    asked = header_fields(text)
    # an issuer named to confirm in the user's own words (这个通知是市政府发的吗？), not an earlier turn's
    claimed = ISSUER_CLAIMED.search(normalize_query(query.asked))
    if claimed and "issuer" not in asked:
        asked = [*asked, "issuer"]
    # a date the question states of the document (5月10日印发的那份…, 是5月10日印发的吗？) that its
    # header does not give is a premise to correct: the header's date is shown beside what is asked
    stated = [m.group(0) for m in _STATED_DATE.finditer(text)]
    fields = [*asked, "date"] if stated and "date" not in asked else asked
    # the document named (by its 文号, taken out of the text, or its title) or pointed at (这份通知)
    if not fields or not (SELF.search(text) or query.documents):
        return None
    if query.intent.attribute == Attribute.PERSON:
        return None       # 签发人叫什么: a person signs; the header names the issuing body only
    # the clauses that ask about the document; chatter beside them (我们领导问…) does not count,
    # nor a clause pointing at it and asking nothing (给会员企业转发这个通知，文号怎么写？) — one
    # describing a document (去年印发的那个…文件，全称叫什么？) or a thing in it names what is asked
    asking = "".join(c for c in split_clauses(text)
                     if header_fields(c) or SELF.search(c) and (asks_something(c) or not _POINTED_AT.search(c)))
    asking = ALL_ASKED.sub(" ", asking)      # (发文信息: the header's facts, no topic)
    if claimed:     # the issuer named is the claim checked against the header, not a topic
        asking = asking.replace(claimed.group("body"), "")
    if stated and not asked:
        # a date stated and nothing of the header asked (根据4月1日印发的通知，上海标准新增多少项):
        # the whole message must be about the document, else its topic is asked (and the date is
        # corrected where it is answered)
        asking = text
    if "date" in asked and dates_another_act(asking):
        return None       # 什么时候之前把落实情况报上来: when something is to be done, not when it was issued
    wanted = query.documents
    # words that name the document (its title, its header: 沪质〔2024〕1号) are not a topic in it
    names = [index.documents[d].title for d in (wanted or index.documents) if d in index.documents]
    names += [s.full_text(index.doc_text(s.doc_id)) for s in index.sections
              if not s.path and (not wanted or s.doc_id in wanted)]
    others = [w for w in content_words(asking) if w not in _HEADER_WORDS and retriever_knows(index, w)
              and not any(w in t for t in names)]
    if others:
        return None                                   # a topic inside the document, not the document
    # each document's header (of the documents the question is limited to): those that state
    # what is asked answer, each named when there are several
    found = []
    for header in (s for s in index.sections if not s.path and (not wanted or s.doc_id in wanted)):
        facts = header_facts(index.sentences_of(header.section_id), fields)
        if stated and "date" not in asked and len(fields) > 1:
            # (beside another fact asked, the date only when it corrects the one stated)
            facts = [f for f in facts if f.field != "date" or not any(
                _same_date(d, "".join(t.text for t in f.sentences)) for d in stated)]
        if facts:
            found.append((header, facts))
    if not found:
        return None
    evidence, parts, notes = [], [], []
    for header, facts in found:
        named = f"《{index.documents[header.doc_id].title}》" if len(found) > 1 else ""
        for fact in facts:
            marks = []
            for sentence in fact.sentences:
                evidence.append(Evidence(len(evidence) + 1, sentence, header, 1.0))
                marks.append(len(evidence))
            quoted = "".join(s.text.strip() for s in fact.sentences).rstrip("。；;")
            wrong = [d for d in stated if fact.field == "date" and not _same_date(d, quoted)]
            if claimed and fact.field == "issuer" and not _names_issuer(claimed.group("body"), quoted):
                notes.append(f"问题中说的“{claimed.group('body')}”与通知不符：通知的发文单位是{quoted}。")
            if wrong:
                notes.append(f"The question says {', '.join(wrong)}; the notice was issued on {quoted}."
                             if query.english else f"问题中说的“{'、'.join(wrong)}”与通知不符：通知的印发日期是{quoted}。")
            parts.append(f"{named}{_FIELD_NAMES[fact.field][query.english]}{quoted}{''.join(f'[{n}]' for n in marks)}")
    sep = "; " if query.english else "；"
    return Routed(sep.join(parts) + ("." if query.english else "。"), evidence, "header", notes)


def _names_issuer(body: str, issuer: str) -> bool:
    """True when ``body`` (a body named in a question) may be ``issuer`` (the header's) in
    short: each of its characters in ``issuer``, in order (市质量领导小组, 领导小组 for
    上海市质量工作领导小组; not 市场监管局 nor 市政府).

    >>> _names_issuer("市质量领导小组", "上海市质量工作领导小组"), _names_issuer("市政府", "上海市质量工作领导小组")
    (True, False)
    """
    rest = iter(issuer)
    return all(ch in rest for ch in body)


_STATED_DATE = re.compile(r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*(?:日|号))?(?=[^\d]|$)|"
                          r"\d{4}\s*年\s*(?:底|初|末|年底|年初|年末|上半年|下半年)")


# The months a time of a year means (年底 the last quarter, 年初 the first).
_TIME_OF_YEAR = (("上半年", range(1, 7)), ("下半年", range(7, 13)), ("底", range(10, 13)), ("末", range(10, 13)),
                 ("初", range(1, 4)))


def _same_date(stated: str, written: str) -> bool:
    """True when the date ``stated`` in a question (5月10号, 2024年4月10日) is the one
    ``written`` in a header line (its year checked only when the question gives one).

    >>> _same_date("4月10号", "2024年4月10日"), _same_date("5月10日", "2024年4月10日")
    (True, False)
    >>> _same_date("2024年4月", "2024年4月10日"), _same_date("2024年3月", "2024年4月10日")
    (True, False)
    >>> _same_date("2023年底", "2024年4月10日"), _same_date("2024年上半年", "2024年4月10日")
    (False, True)
    >>> _same_date("2024年底", "2024年4月10日")
    False
    """
    want = [int(n) for n in re.findall(r"\d+", stated)]
    have = [int(n) for n in re.findall(r"\d+", written)]
    if len(have) < 3:
        return False
    if "月" not in stated:          # a year and a time of it (2023年底): the year, and the months it means
        months = next((r for w, r in _TIME_OF_YEAR if w in stated), range(1, 13))
        return have[0] == want[0] and have[1] in months
    has_day = bool(re.search(r"[日号]", stated))
    parts = have if has_day else have[:2]          # (year, month) when no day is stated
    return parts[-len(want):] == want


_FIELD_NAMES = {"number": ("文号：", "Document number: "), "date": ("印发日期：", "Issued on: "),
                "issuer": ("发文单位：", "Issued by: "), "addressees": ("主送：", "Addressed to: "),
                "copied": ("", "Copied to: "), "public": ("", "Publication: "), "title": ("标题：", "Title: ")}


# A unit with at most this many items gets each item's content beside its label (市民政局 →
# 养老服务…); a unit on more items (市市场监管局: nearly all) gets the labels only.
MAX_ITEMS_WITH_CONTENT = 4
ITEM_SENTENCES = 2       # sentences of an item's content shown, nearest the unit's work first


def _item_content(retriever, agency: str, section, index) -> list:
    """The sentences of ``section`` (an item ``agency`` is listed on) nearest in meaning to
    the unit (its name without 市/上海: 民政局 → 养老服务…), at most :data:`ITEM_SENTENCES`, in
    reading order. An item that lists several units does not say which sentence is whose: a
    sentence nearer another unit of the item than to this one is that unit's (市交通委 on
    （三）推动绿色发展: 出行, not the housing commission's 外墙外保温), and is left out unless
    the unit would have none. These are what the item says, not a split it makes."""
    import numpy as np

    from .retrieval import listable

    sentences = [s for s in index.sentences_of(section.section_id) if listable(s)]
    if not sentences:
        return []

    def scores_for(unit: str) -> np.ndarray:
        name = without_city(unit)
        return retriever.sentence_scores(normalize_query(name), retriever.embedder.embed_queries([name])[0], sentences)

    scores = scores_for(agency)
    order = list(np.argsort(-scores))
    others = [u for u in section.agencies if u != agency]
    if others:
        nearest_other = np.max([scores_for(u) for u in others], axis=0)     # (len(sentences),)
        own = [i for i in order if scores[i] >= nearest_other[i]]
        order = own or order[:1]
    return [sentences[i] for i in sorted(order[:ITEM_SENTENCES])]


MAX_UNITS = 3            # units answered for in one question (市民政局和市交通委分别负责哪些？)


def _unit_items(agency: str, query, index, retriever, evidence: list[Evidence]) -> str:
    """``agency``'s items (of the years asked) as text with ``[n]`` markers, the cited
    sentences appended to ``evidence`` (a sentence already there keeps its number); empty
    when the agency has none."""
    sections = [s for s in index.sections if agency in s.agencies and
                (not query.years or not section_years(s) or section_years(s) & query.years)]
    content = retriever is not None and len(sections) <= MAX_ITEMS_WITH_CONTENT

    def number(sentence, section) -> int:
        for e in evidence:
            if e.sentence.sentence_id == sentence.sentence_id:
                return e.n
        evidence.append(Evidence(len(evidence) + 1, sentence, section, 1.0))
        return evidence[-1].n

    items = []
    for section in sections:
        sentence = agency_sentence(index, section)
        if sentence is None:
            continue
        item = f"{section.label}[{number(sentence, section)}]"
        shown = _item_content(retriever, agency, section, index) if content else []
        if shown:
            quoted = [f"{own.text.strip().rstrip('。；;')}[{number(own, section)}]" for own in shown]
            item += (", which says: " if query.english else "，该条写有：") + "；".join(quoted)
        items.append(item)
    if not items:
        return ""
    if query.english:
        return f"{agency} is listed as a responsible unit in these items: {'; '.join(items)}"
    return f"{agency}列为责任单位的任务：{'；'.join(items)}"


_BESIDES = re.compile(r"除了?.{0,30}?(还有|以外|之外|外)|(以外|之外)还有|还有(谁|哪)")


def _agencies(query, result: RetrievalResult, index, top_k: int, retriever=None,
              numbered: tuple[list, str] | None = None) -> Routed | None:
    text = normalize_query(query.text)
    named = agencies_named_in(text, index)
    asks_tasks = bool(REVERSE_QUESTION.search(normalize_query(query.asked)))
    if not named and asks_tasks and not query.english and RESPONSIBILITY.search(text):
        unit = unlisted_unit(text, index)
        if unit is not None:      # 气象局负责哪些任务？ — not another item's list of units
            return Routed(f"通知中没有把“{unit}”列为任何任务的责任单位。", [], "agencies")
    # 除了市场监管局还有谁参与？ sets the unit aside: the other units of an item are asked
    besides = bool(named) and bool(_BESIDES.search(text))
    reverse = bool(named) and asks_tasks and not besides
    if query.intent.attribute != Attribute.AGENCY and not reverse and not besides:
        return None
    if reverse:
        evidence: list[Evidence] = []
        answers = [_unit_items(agency, query, index, retriever, evidence) for agency in named[:MAX_UNITS]]
        answers = [a for a in answers if a]
        if not evidence:
            return None
        sep = "; " if query.english else "；"
        return Routed(sep.join(answers) + ("." if query.english else "。"), evidence, "agencies")
    # …那质量基础设施数字化那条呢？ after 哪些部门负责？ asks the earlier turn's responsibility
    inherited = query.follow_up and read_intent(normalize_query(query.question)).attribute != Attribute.AGENCY
    # (an English question's own words say it: "which agencies lead…" may be translated 机构有哪些)
    responsibility = RESPONSIBILITY.search(text) or query.english and RESPONSIBILITY.search(query.asked)
    # a unit named to confirm (人社局是不是也在里面？ 是商务委一家负责吗？) asks the item's units as well
    # (…a unit no list of the documents holds, 有没有市财政局？, is said to be out of it)
    # (only when it names none they hold: a short name of theirs — 人社局, 经信委 — may read as another)
    confirming = bool(UNIT_CONFIRMED.search(text))
    unlisted = unlisted_unit(text, index) if not named and confirming and not query.english else None
    asked_units = [*named[:MAX_UNITS], *([unlisted] if unlisted else [])]
    confirmed = bool(asked_units) and confirming
    # (an item's units looked for or asked whole, no unit named — 这条都有谁？ — ask its list too)
    if not responsibility and not besides and not inherited and not confirmed and not confirming:
        return None        # which units are asked, but not who is responsible (新加的6个是哪些部门)
    listed = [(s, u) for s in (numbered[0] if numbered else []) if (u := agency_sentence(index, s)) is not None]
    if listed and not confirmed and not query.english:     # 2024年要点第二条谁负责？ — that item's units
        return _units_listed([Evidence(n, u, s, 1.0) for n, (s, u) in enumerate(listed, 1)])
    task = [] if query.english or query.quoted else unwritten_task(text, index, _FIELD_WORDS)
    if task:        # 直播带货由哪些部门负责？ — not the units of the item nearest in meaning
        named_task = "".join(task) if "".join(task) in text else "、".join(task)
        return Routed(f"通知中没有写到“{named_task}”，也就没有列出它的责任单位。", [], "agencies")
    each = _each_subject_units(query, index, retriever) if retriever is not None and not confirmed else None
    if each is not None:        # 打击侵权假冒和行刑衔接，分别是哪些部门负责？ — each item's units
        return each
    for hit in result.hits[:top_k]:
        sentence = agency_sentence(index, hit.section)
        if sentence is None:
            continue
        names = "、".join(hit.section.agencies)
        evidence = [Evidence(1, sentence, hit.section, 1.0)]
        if query.english:
            return Routed(f"Responsible units for {hit.section.label}: {names}[1].", evidence, "agencies")
        units = f"{hit.section.label}的责任单位：{names}"
        if confirmed:          # the unit asked about, said in or out of the list
            units += "".join(f"（{unit}在其中）" if unit in hit.section.agencies else f"（其中没有{unit}）"
                             for unit in asked_units)
        told = _also_asked(query, result, hit.section, sentence)
        if told is not None:     # “上品”标志出海是什么？哪些部门负责？ asks the task too
            return Routed(f"{told.sentence.text}[1]{units}[2]。", [told, Evidence(2, sentence, hit.section, 1.0)],
                          "agencies")
        return Routed(f"{units}[1]。", evidence, "agencies")
    return None


# Units asked of each of several subjects (A和B分别由哪些部门负责？ A、B各有哪些责任单位？).
_EACH_ASKED = re.compile(r"分别|各自|各由|各是|各有|各归")
_JOINED = re.compile(r"和|与|及|以及|跟|、")
_ITEM_NUMBER = re.compile(r"第[一二三四五六七八九十\d]+[条项部]|[（(][一二三四五六七八九十\d]+[)）]")


def _each_subject_units(query, index, retriever) -> Routed | None:
    """The responsible units of each subject a question joins before 分别/各 (打击侵权假冒和行刑衔接，
    分别是哪些部门负责？): for each, the best-ranked section with a list of units found by a
    search for that subject alone, each cited by its list. ``None`` unless two or more subjects
    are joined and they find two or more different sections."""
    text = normalize_query(query.text)
    m = _EACH_ASKED.search(text)
    if m is None or query.english:
        return None
    before = [c for c in split_clauses(text[: m.start()]) if c.strip(" ，,")]
    if not before:
        return None
    subjects = [x.strip(" ，,的") for x in _JOINED.split(strip_years(before[-1])) if len(x.strip(" ，,的")) >= 2]
    if len(subjects) < 2 or any(_ITEM_NUMBER.search(x) for x in subjects):
        return None           # (第三条和第五条 name items by number, not by what they are about)
    evidence: list[Evidence] = []
    for subject in subjects:
        found = retriever.search(subject, top_k=3)
        listed = next(((h.section, u) for h in found.hits if (u := agency_sentence(index, h.section)) is not None), None)
        if listed is None or any(e.section.section_id == listed[0].section_id for e in evidence) or \
                query.years and not query.years & section_years(listed[0]):
            return None       # (2023年…分别由哪些部门负责: the summary's items list no units)
        evidence.append(Evidence(len(evidence) + 1, listed[1], listed[0], 1.0))
    return _units_listed(evidence)


def _units_listed(evidence: list[Evidence]) -> Routed:
    """Each evidence item's responsible units, cited by its units sentence (``evidence``: one
    :class:`~qa.retrieval.Evidence` per item, numbered 1..n)."""
    items = [f"{e.section.label}的责任单位：{'、'.join(e.section.agencies)}[{e.n}]" for e in evidence]
    return Routed("；".join(items) + "。", evidence, "agencies")


def _also_asked(query, result: RetrievalResult, section, units_sentence) -> Evidence | None:
    """The evidence sentence of ``section`` that answers the other question of a message that
    also asks who is responsible (X是什么？哪些部门负责？ — X's sentence), renumbered ``[1]``;
    ``None`` when every question of the message asks for the units."""
    clauses = [c for c in split_clauses(normalize_query(query.asked)) if c.strip()]
    others = [c for c in clauses if read_intent(c).attribute != Attribute.AGENCY and
              re.search(r"什么|啥|哪些|哪个|怎么|如何|多少|几", c)]
    if len(clauses) < 2 or not others:
        return None
    words = [w for c in others for w in content_words(c)]
    best = max((e for e in result.evidence if e.section.section_id == section.section_id
                and e.sentence.text != units_sentence.text),
               key=lambda e: (sum(w in e.sentence.text for w in words), e.score), default=None)
    # the item's own words, or what it does (具体有哪些措施？): its best sentence
    if best is None or not (any(w in best.sentence.text for w in words) or _WHAT_DONE.search("".join(others))):
        return None
    return Evidence(1, best.sentence, best.section, best.score)


_WHAT_DONE = re.compile(r"措施|举措|干啥|干什么|做什么|做啥|要做|内容|是什么|是啥|啥意思|提法|说法|安排|打算|部署")


# How a listing of sections opens (:func:`listing_text`).
LISTING_LEAD_ZH, LISTING_LEAD_EN = "通知中的相关内容：", "The notice says, section by section: "


def _topic_listing(query, result: RetrievalResult) -> Routed | None:
    """Each section's evidence sentences under its label: 《label》：s1；s2[1][2]。"""
    evidence = result.evidence
    if len({e.section.section_id for e in evidence}) < 1:
        return None
    items = [(section_id, e.section.label, e.sentence.text, e.n)
             for section_id in dict.fromkeys(e.section.section_id for e in evidence)
             for e in evidence if e.section.section_id == section_id]
    return Routed(listing_text(LISTING_LEAD_EN if query.english else LISTING_LEAD_ZH, items), list(evidence), "topic")


def listing_text(lead: str, items: list[tuple[str, str, str, int]]) -> str:
    """A listing of sentences under their sections' labels, as :func:`route_topic` writes it:
    ``lead`` then label：s1[n1]；s2[n2]；label2：…。 — ``items`` are ``(section id, label,
    sentence, marker)`` in order; consecutive items of one section go under its label once."""
    parts: list[tuple[str, str, list[str]]] = []
    for section_id, label, sentence, n in items:
        if not parts or parts[-1][0] != section_id:
            parts.append((section_id, label, []))
        parts[-1][2].append(f"{sentence.rstrip('。；;')}[{n}]")
    return lead + "；".join(f"{label}：{'；'.join(said)}" for _, label, said in parts) + "。"
