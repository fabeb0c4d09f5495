"""Facts of a 公文's header and 版记: 文号, date, issuing body, addressees (主送), 抄送, whether it
is published, and its title — each the verbatim line it is written on (GB/T 9704 layout).

Questions about the document itself (这份通知是哪天印发的？ 文号是多少？ 抄送给谁？) are answered
from these lines, not from whichever sentence happens to be most similar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import tagged_words

# "when" asking a time — before its verb (when was…, when will…) or alone (by when?) — not
# joining two clauses (…trained when the notice was written; When the notice was issued, how many…).
WHEN_ASKED = (r"\bwhen (?:will|is|was|did|does|do|are|were|should|can|would|has|have|must)\b|\bwhen\s*\?|"
              r"\b(?:by|since|until) when\b")
# An issuer named to confirm (这个通知是市政府发的吗？): the body named is the claim, not a topic.
# (a body: no question word, no date — 是1月10号印发的吧？ states a date)
ISSUER_CLAIMED = re.compile(r"是(?:不是)?(?:由)?(?P<body>(?:(?!谁|哪|什么|啥|时候)[^，,。？?\d月日号年]){1,14}?"
                            # (a body's name ends in what bodies are: 局, 委, 政府, 小组… — 公开发布 names none)
                            r"(?:局|委|委员会|政府|小组|办|办公室|办公厅|厅|部|院|中心|协会|单位|部门|机关))"
                            # (…with the time said beside it: 是市场监管局2023年底发的吧？ 在2024年4月10日)
                            r"(?:在|于)?(?:(?:19|20)\d{2}年|今年|去年|前年)?(?:\d{1,2}月)?(?:\d{1,2}[日号])?"
                            r"(?:年?底|年?初|年?末|年中|上半年|下半年)?"
                            r"(?:印发|发布|下发|发)的(?:吗|吧|么|呢|？|\?|$)")
# Which header fact a question asks for: its cue words, and the line that states the fact.
_DOC_NUMBER = r"〔\d{4}〕\s*\d+\s*号"     # 沪质〔2024〕1号's number part
FIELDS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "number": (re.compile(r"文号|字号|发文号|编号|doc(?:ument)?\.? (?:number|no\b)|(?:file|reference) (?:number|no\b)", re.I),
               re.compile(_DOC_NUMBER)),
    "date": (re.compile(r"哪天|哪一天|什么时候|啥时候|何时|日期|几月几号|几号|时间|哪一?年|哪个月|" + WHEN_ASKED + r"|what date|date", re.I),
             re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")),
    "issuer": (re.compile(r"谁(印发|发布|发的|发出|下发|制定)|(哪个|哪家)(单位|部门|机构|机关)(印发|发布|发的|发出|下发|出的)|发文(单位|机关)|"
                          r"印发单位|落款|名义|签发|签署|谁签|发文机关|issued by|who issued|who signed|signed by|"
                          r"which [\w ]{0,24}(body|agency|office|department|authority|unit|organi[sz]ation) (issued|signed|published|released)", re.I),
               re.compile(r"文件$|^\s*[\u4e00-\u9fff]{4,30}(领导小组|人民政府|委员会|办公厅|办公室|局)\s*$")),
    # (哪些单位 — not of those doing a task: 那一项，文件写的是哪些单位负责？ asks an item's units)
    "addressees": (re.compile(r"主送|发给|下发给|印发给|(?<!转)发到|哪些单位(?![^，,。？?]{0,4}(负责|牵头|落实|承担|参与|实施|配合|主管|管|抓))|"
                              r"addressed|sent to|recipients", re.I),
                   re.compile(r"[：:]\s*$")),
    "copied": (re.compile(r"抄送|copied|cc\b", re.I), re.compile(r"^\s*抄送[：:]")),
    "public": (re.compile(r"公开|publicly|public", re.I), re.compile(r"公开发布|不予公开|依申请公开")),
    "title": (re.compile(r"标题|题目|全称|名称|叫什么|印发的是什么|title|name of", re.I),
              re.compile(r"关于|的通知|《")),
}
# The document named as where something is (文件里, 通知中): a name asked there
# (文件里管这个叫什么) is of a thing inside it — unless the title itself is named (文件上的标题).
_INSIDE = re.compile(r"(?:通知|文件|文中|原文)(?:里|中|内|上)")
_TITLE_NAMED = re.compile(r"标题|题目|全称|title", re.I)
# The header's facts asked as a whole (发文信息, 文件的基本信息).
ALL_ASKED = re.compile(r"发文信息|文件信息|基本信息|文头信息|发文情况|版头")
# An end asked (有效期到什么时候, 哪天失效): the header's date is when it was issued, not that.
_END_ASKED = re.compile(r"有效期|失效|到期|过期|废止|截止|期限|valid|expire", re.I)
# Verbs of a document's own issuing (and copulas): a date asked with another verb (要求…报上来,
# 开始实施) is when something is to be done, which the header's date is not.
_ISSUING = frozenset("通知 是 有 发 出 发出 印发 发布 下发 签发 成文 出台 下来 来 颁布 公布 印 定 写 落款".split())
# The question is about the document itself, not a topic inside it: it names the document, or
# a part only a document's header has (落款, 文号, 抄送, 主送).
SELF = re.compile(r"(这份|这个|这|本|该)?(通知|文件|发文)|(这|本|此|这个|这篇|该)文(?![化明字学艺])|这份|落款|文号|发文字号|抄送|主送|"
                  # acts only a document undergoes (发给哪些单位的？ 谁发的？ — of the documents asked about)
                  r"(?:下|印)?发给|谁(?:印发|下发|发布)?发?的|" + _DOC_NUMBER + "|"
                  # …asked with no subject at all (是哪个部门发的？ 什么时候印发的？): of the document
                  r"(?:^|(?<=[？?。！!，,；;]))(?:这是|它是|是)?(?:由)?(?:哪个(?:部门|单位|机构|机关)|哪家(?:单位|机构)|"
                  r"什么时候|啥时候|哪天|哪一天|何时|几号|几月几[号日])(?:印发|发布|下发|发出|发)的|"
                  r"\b(?:the|this)(?:\s+[a-z]+){0,3}?\s+(?:notice|document)\b", re.I)


@dataclass(frozen=True)
class HeaderFact:
    """One header fact: its ``field`` name and the sentences (``qa.index.EvidenceSentence``)
    that state it."""

    field: str
    sentences: tuple


def header_fields(question: str) -> list[str]:
    """The header facts ``question`` asks for, in :data:`FIELDS` order.

    >>> header_fields("通知的文号和印发日期？")
    ['number', 'date']
    >>> header_fields("这份通知的有效期到什么时候？")      # an end the header does not give
    []
    >>> header_fields("随申码跟乘车码合并了，文件里管这个叫什么？")     # a name inside it, not its title
    []
    >>> header_fields("这份通知发给哪些单位？"), header_fields("那一项，文件写的是哪些单位负责？")
    (['addressees'], [])
    """
    if ALL_ASKED.search(question):     # 发文信息给一下: what a header says, all of it
        return ["number", "date", "issuer"]
    return [name for name, (cue, _) in FIELDS.items() if cue.search(question)
            and not (name == "date" and _END_ASKED.search(question))
            and not (name == "title" and _INSIDE.search(question) and not _TITLE_NAMED.search(question))]


def dates_another_act(text: str) -> bool:
    """True when the act a date is asked of in ``text`` — the verbs after the date words, up to
    the end of their clause — is not the document's issuing (:data:`_ISSUING`): 什么时候之前把落实
    情况报上来, 什么时候开始实施 ask when something is to be done, which no header gives.

    >>> dates_another_act("文件要求各区什么时候之前把落实情况报上来"), dates_another_act("告诉我它是哪天印发的")
    (True, False)
    """
    cue = FIELDS["date"][0].search(text)
    if cue is None:
        return False
    after = re.split(r"[，,。？?！!；;、]", text[cue.end():])[0]
    return any(tag == "v" and word not in _ISSUING for word, tag in tagged_words(after))


def header_facts(sentences, fields: list[str]) -> list[HeaderFact]:
    """The lines of a header section (its ``sentences`` in document order) that state each of
    ``fields``. The issuing body is the signature line before the date (else the ``…文件``
    line); the title, the lines from ``…关于`` to ``…的通知``."""
    lines = list(sentences)
    facts = []
    for name in fields:
        _, pattern = FIELDS[name]
        if name == "title":
            start = next((i for i, s in enumerate(lines) if "关于" in s.text), None)
            end = next((i for i, s in enumerate(lines) if s.text.rstrip("。").endswith(("通知", "意见", "方案", "办法"))), None)
            found = lines[start:end + 1] if start is not None and end is not None and end >= start else []
        elif name == "issuer":
            dates = [i for i, s in enumerate(lines) if FIELDS["date"][1].search(s.text)]
            found = [lines[dates[-1] - 1]] if dates and dates[-1] > 0 else [s for s in lines if pattern.search(s.text)][:1]
        else:
            found = [s for s in lines if pattern.search(s.text)][:1]
        if found:
            facts.append(HeaderFact(name, tuple(found)))
    return facts
