"""The decision stage: which answer the user sees — the model's checked text, the verbatim
extract, or "not in the documents" with the nearest sections.

Before any model runs (:func:`unanswerable`), a question is not answered when
  * it asks about a year no section covers and no sentence names, or a place or organisation the
    documents never mention;
  * it asks what a term is that the documents never use (什么是质数？), or what a law or titled
    document says that they never name (《产品质量法》对召回有什么规定？);
  * its words are mostly absent from the documents and no sentence is close in meaning
    (off-topic: 红烧肉怎么做？ — but not 小孩用的东西, a paraphrase of 儿童用品);
  * it asks about part of a total it quotes, and the documents give only the total (70起召回里，
    汽车类的占几起？);
  * it asks for a kind of fact (a date, an amount of money, a person, a place, a procedure, a
    contact, a figure) that no evidence sentence about its subject states — the documents discuss
    the topic but do not give what is asked (孵化机制什么时候建成？).

After retrieval (:func:`decide`), the verbatim extract — the evidence sentences that answer,
chosen by :mod:`qa.extract` — decides whether the documents answer: when it fails a check of
:mod:`qa.verify`, or only restates the question, the question is not answered. Otherwise
  * a model's answer, written from the extract's sentences alone, is shown with those sentences
    when it passes every check (the model phrases, and answers English questions in English;
    the verbatim text carries the figures);
  * else the extract alone is shown, and the user is told why (no model, the model's text
    failed a check, or the model said the documents do not answer — on 226 tune questions the
    1.5B model said so of answers its extract held more often than it was right).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import prompts
from .citations import MARKER, Citation
from .claims import confirms_figure, counts_an_act, head_unwritten, part_given, rank_figures, stock_asked, uncounted
from .extract import FOLLOW_UP_OWN_WEIGHT, figure_parts, part_units, quoted_for
from .generation import StopReason
from .intent import GENERIC_WORDS, OVERVIEW_ASKED, REQUEST_NOUNS, SPAN_WORDS, Attribute, Scope
from .scope import TIME_WORDS, asking_clauses, restates_question
from .text import (ASKING_WORDS, NAMED_TERM, content_words, mostly_written, normalize_for_match, normalize_query,
                   split_clauses, tagged_words)
from .verify import Verdict, states_attribute, subject_match
from .answer import Mode

# A question is about something else when both the documents' words and their meaning miss it:
# under this share of its content (IDF-weighted) occurs in the documents, and no sentence of
# theirs comes this close in meaning (cosine of e5 embeddings). Fitted on tests/data/gold/
# tune.jsonl: its off-topic questions cover 0–0.18 with a nearest sentence at 0.840–0.859;
# answerable questions under 0.2 are paraphrases (小孩用的东西 for 儿童用品) at 0.862 and up.
MIN_TOPIC_COVERAGE = 0.2
MIN_TOPIC_SIMILARITY = 0.86
# How much of the question an evidence sentence stating the asked kind of fact must contain to
# count as being about its subject. Fitted on tune.
MIN_ATTRIBUTE_SUBJECT = 0.3
# Best word match of a figure (qa.claims.rank_figures, unit bonus aside) below which no figure
# of the evidence is about what the question asks. Fitted on tune.
MIN_FIGURE_SCORE = 0.3


@dataclass
class Decision:
    """What the user sees: ``mode``, ``text`` with markers, ``citations``, ``abstained``, the
    ``notes`` shown with it, and the model's ``dropped`` sentences."""

    mode: Mode
    text: str
    citations: list[Citation]
    abstained: bool = False
    notes: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def topic_coverage(question: str, corpus_flat: str, weights: dict, max_weight: float,
                   known=lambda word: False) -> float:
    """IDF-weighted share of ``question``'s content words that occur in the documents
    (``corpus_flat``: normalised for matching, lower-cased), that ``known`` accepts (a short
    form of a listed agency), or most of whose character bigrams do (segmentation slips such as
    奖要); a word the documents never use weighs ``max_weight``. 1.0 for a question without
    content words."""
    words = list(dict.fromkeys(content_words(question)))
    if not words:
        return 1.0
    total = got = 0.0
    for w in words:
        present = mostly_written(w, corpus_flat) or known(w)
        weight = weights.get(w, max_weight) if present else max_weight
        total += weight
        got += weight if present else 0.0
    return got / total


# A part of a year (上半年, 一季度, 12月), down to a day (今天, 明天中午, 这周末): the documents may
# give only whole years.
_SUBPERIOD = re.compile(r"上半年|下半年|前三季度|[一二三四1-4]季度|\d{1,2}\s*月份?|[一二三四五六七八九十]{1,2}月份?|"
                        r"(?:这个|下个|上个|本)月|(?:今天|明天)?(?:中午|晚上|早上)|今天|明天|后天|昨天|今晚|今早|"
                        r"(?:这|下|本|上)(?:周|星期)末?|周末")


def missing_subperiod(question: str, corpus_flat: str) -> str | None:
    """The part of a year ``question`` asks about when the documents never name it (2023年上半年
    合格率？ when they give the year's), else ``None``.

    >>> missing_subperiod("2023年上半年合格率是多少？", "合格率96.04%"), missing_subperiod("合格率？", "")
    ('上半年', None)
    >>> missing_subperiod("长者食堂今天中午吃什么？", "新增41家社区长者食堂")
    '今天中午'

    Only the clauses that ask are read, with a time fronted in a clause of its own before them
    (2023年上半年，合格率多少？): a time of the user's own errand (下周要给领导做个简报。去年合格率
    多少？) is not asked about.

    >>> missing_subperiod("下周要给领导做个简报。去年合格率多少？", "合格率96.04%")
    """
    clauses = split_clauses(normalize_query(question))
    asked = "".join(c for c in clauses if asking_clauses(c) or
                    not re.sub(r"[\s，,。；;：:的]", "", TIME_WORDS.sub("", _SUBPERIOD.sub("", c))))
    for m in _SUBPERIOD.finditer(asked or normalize_query(question)):
        if normalize_for_match(m.group(0)) not in corpus_flat:
            return m.group(0)
    return None


# A question asking what a term is (什么是X？ X是什么意思？ what is X?).
_DEFINITION = re.compile(r"^(?:请问)?(?:什么是|啥是|何为|何谓)(?P<a>[^？?，,。]{1,20})[？?]?$|"
                         r"^(?:请问)?(?P<b>[^？?，,。]{1,20}?)(?:分别|各自|具体|都|又|到底|究竟)?(?:是什么意思|是啥意思|啥意思|是什么|是啥|指什么|指的是什么)[？?]?$|"
                         r"^what (?:is|are) (?P<c>[^?]{1,40}?)\??$|^what does (?P<d>[^?]{1,40}?) mean\??$", re.IGNORECASE)


# What is said or written (讲的, 说的, 写的, 提到的): a clause of saying, not a term.
_SAID = re.compile(r"(?:讲|说|写|提|提到|谈|讲到|说到|写到)的$")


def undefined_term(question: str, corpus_flat: str, known=lambda word: False) -> str | None:
    """The term ``question`` asks to define when the documents never use it (什么是质数？), else
    ``None``: they cannot say what it is. A request noun (:data:`qa.intent.REQUEST_NOUNS`:
    成绩和安排分别是啥, whose second part alone reads 安排是啥) is no term.

    >>> undefined_term("什么是质数？", "质量工作要点"), undefined_term("MaaS是啥意思？", "提升出行maas服务")
    ('质数', None)
    >>> undefined_term("安排分别是啥", "质量工作要点")
    >>> undefined_term("普通话等级考试标准是啥", "自学考试；上海标准")
    '普通话等级考试标准'
    """
    m = _DEFINITION.match(normalize_query(question))
    if not m or OVERVIEW_ASKED.search(m.group(0)):
        return None             # 今年的指导思想是什么 asks for a passage, not a term's meaning
    term = next(g for g in m.groups() if g).strip(" “”\"'「」《》")
    key = normalize_for_match(term).lower()
    if len(key) < 2 or key in corpus_flat or known(term) or _SAID.search(term):
        return None             # (文件里碳讲的是什么 asks what is said of 碳, no term's meaning)
    words = content_words(term)
    if term in REQUEST_NOUNS or (words and all(w in REQUEST_NOUNS for w in words)):
        return None
    if not any(normalize_for_match(w).lower() in corpus_flat for w in words):
        return term
    # a compound whose first noun they never write names another thing, though its last words
    # are theirs (普通话等级考试标准 — 考试, 标准 theirs, 普通话 not) — unless the rest is a phrase
    # of theirs that the noun only words in its own way (小孩用品安全守护 for 儿童和学生用品安全守护,
    # 老人食堂 for 长者食堂)
    tagged = [(w, t) for w, t in tagged_words(term) if w.strip()]
    first, tag = tagged[0] if tagged else ("", "")
    rest = normalize_for_match(term[len(first):].lstrip("的")).lower()
    if tag in ("n", "nz", "l") and len(first) >= 2 and first not in GENERIC_WORDS and rest not in corpus_flat and \
            normalize_for_match(first).lower() not in corpus_flat and not known(first):
        return term
    return None


# A law or regulation named without title marks: a word ending in 法 (产品质量法, 计量法) or 条例
# — not one of the common words that end so (方法, 执法, 依法…).
_LAW_NAME = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:法|条例)(?![律人院官治定庭学务典制]|规(?!定))")
_NOT_LAWS = frozenset("办法 方法 做法 说法 想法 看法 执法 违法 依法 合法 非法 不法 犯法 司法 立法 守法 "
                      "手法 用法 算法 疗法 写法 书法 无法 设法 提法 叫法 讲法 玩法 打法 语法 技法 章法 "
                      "普法 懂法 知法 有法 没法 加法 减法 乘法 除法 解法 读法 画法 笔法 效法 取法".split())


# A clause asking in Chinese (qa.text's asking words, 咋) or with a question mark.
_ASKS_IN_CHINESE = re.compile(ASKING_WORDS + r"|咋|[?？]")


def _close_title(key: str, title: str) -> bool:
    """True when the title ``key`` names ``title`` loosely: similar as a whole (difflib ratio at
    least 0.6), or nine tenths of its characters in order in it (《2024年质量工作要点》 in the
    notice's own title)."""
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, key, title)
    return matcher.ratio() >= 0.6 or sum(b.size for b in matcher.get_matching_blocks()) >= 0.9 * len(key)


def unwritten_law(question: str, corpus_flat: str) -> str | None:
    """A law, regulation or titled document that the asking clauses of ``question`` name and the
    documents never write (《产品质量法》对召回有什么规定？ 计量法里怎么说？), else ``None``: what it
    says is not theirs to tell. A title in 《》 close to one the documents give (《质量强国纲要》
    for 《质量强国建设纲要》: most of its characters in order) is theirs, named loosely.

    >>> flat = "《质量强国建设纲要》；依法打击；管理办法"
    >>> unwritten_law("《产品质量法》对召回有什么规定？", flat), unwritten_law("食品安全法对农产品有什么要求", flat)
    ('产品质量法', '食品安全法')
    >>> unwritten_law("《质量强国纲要》提了啥？", flat), unwritten_law("有什么好方法？依法怎么管？", flat)
    (None, None)
    """
    # (the clauses asking in Chinese or with a question mark: a title stated in English before
    # them — it says the standard is called 《…》. …叫什么？ — is a premise, not what is asked)
    text = normalize_query(question)
    asking = "".join(c for c in split_clauses(text) if _ASKS_IN_CHINESE.search(c)) or text
    titles = re.findall(r"《([^》]{2,60})》", corpus_flat)
    for name in re.findall(r"《([^》]{2,60})》", asking):
        key = normalize_for_match(name).lower()
        if key not in corpus_flat and not any(_close_title(key, t) for t in titles):
            return name
    bare = re.sub(r"《[^》]*》", "", asking)
    for m in _LAW_NAME.finditer(bare):
        # the name: the nouns right before 法/条例 (食品 安全法 → 食品安全法; 按照 标准化 法 → 标准化法)
        name = ""
        for w, tag in reversed(tagged_words(bare[:m.end()])):
            if name and tag[:1] not in ("n", "j", "v", "l"):
                break
            name = w + name
        name = re.sub(r"^(?:按照|根据|依据|依照|按|照|在|从|对|关于|那个|这个)", "", name)
        if len(name) < 3 or name[-2:] in _NOT_LAWS or normalize_for_match(name).lower() in corpus_flat:
            continue
        return name
    return None


def _named_before(tokens: list[tuple[str, str]], corpus_flat: str) -> list[str]:
    """The words naming a thing at the end of ``tokens`` (jieba's ``(word, tag)`` of a clause
    before a how-word): the nouns that end it. A verb of the documents' (``corpus_flat``) right
    after a noun ends the thing as a noun does (充电器认证, 产品召回) — not one the asker means to do
    (方案要, 方面打算); a word jieba tags ``l`` is a part of it before one of its nouns (电动牙刷认证),
    not alone (接下来怎么安排).

    >>> _named_before([("手机", "n"), ("充电器", "n"), ("认证", "v")], "数字化认证试点")
    ['手机', '充电器', '认证']
    >>> _named_before([("接下来", "l")], "")
    []
    """
    before, run = list(tokens), []
    while before:
        word, tag = before[-1]
        noun_verb = not run and tag == "v" and len(word) >= 2 and len(before) >= 2 and \
            before[-2][1] in ("n", "nz", "l") and normalize_for_match(word).lower() in corpus_flat
        if not (tag in ("n", "nz", "vn") or tag == "l" and run or noun_verb):
            break
        run.insert(0, before.pop()[0])
    return run


# How something is done (怎么保养, 如何申请, 咋样才能开通): the verb right after the how-word.
_HOW_TO = re.compile(r"(?:怎么|怎样|如何|咋)(?:样)?(?:才能|才可以|能|可以|去|来)?")
# A clause pointing into the documents (文件里…, 通知中…): how they word something is asked.
_IN_DOCUMENTS = re.compile(r"(文件|通知|要点|总结|原文|文中|文里)(里|中|上|对)")
# Verbs of saying after the how-word (碳的事情怎么说？ 老字号这块咋讲的): what the documents say is asked.
_SAYING = frozenset({"说", "讲", "写", "提", "表述", "描述", "说明", "讲述"})


def unknown_how_to(question: str, corpus_flat: str, known=lambda word: False) -> str | None:
    """What ``question`` asks how to do when the documents never write the action nor any thing
    its clause names (锂电池怎么保养？ — 保养 and 锂电池 are not theirs; they write 锂离子电池), else
    ``None``: documents that never name an action cannot say how it is done. A thing they name
    (首届…大赛怎么报名？) is left to the other checks, and so is an action they write.

    >>> unknown_how_to("锂电池怎么保养？", "开展锂离子电池容量测试")
    '锂电池怎么保养'
    >>> unknown_how_to("锂离子电池怎么保养？", "开展锂离子电池容量测试"), unknown_how_to("锂电池怎么测试？", "锂离子电池容量测试")
    (None, None)
    >>> unknown_how_to("标准体重怎么算的", "企业标准")
    '体重怎么算'
    >>> unknown_how_to("ISO 9001 内审员证书怎么考？", "多国证书")
    '内审员证书怎么考'
    >>> unknown_how_to("手机充电器认证怎么查真假", "开展数字化认证试点")
    '手机充电器认证怎么查'
    >>> unknown_how_to("碳的事情怎么说？", "碳计量")      # what the documents say is asked
    """
    text = normalize_query(question)
    for m in _HOW_TO.finditer(text):
        words = list(tagged_words(text[m.end():]))
        if not words:
            continue
        verb, tag = words[0]
        clause = re.split(r"[，,。；;！!？?]", text[:m.start()])[-1]
        if verb in _SAYING or _IN_DOCUMENTS.search(clause):
            continue          # 文件里…是怎么解释的？ asks what the documents say
        # what is done, named right before the how-word (标准体重怎么算 — its head 体重): the documents
        # cannot tell how to do something to a thing they never name
        # (the last word of two characters or more in the nouns that end the clause: 食品安全员证 → 安全员)
        run = _named_before([(w, t) for w, t in tagged_words(clause) if w.strip()], corpus_flat)
        # (a thing named by a compound with a word they never write — 内审员证书 — is not theirs
        # either, though its last word, 证书, is: from that word on)
        unknown = [i for i, w in enumerate(run) if len(w) >= 2 and w not in GENERIC_WORDS and
                   normalize_for_match(w).lower() not in corpus_flat and not known(w)]
        head = "".join(run[unknown[0]:]) if unknown else ""
        # (an action the documents write — 锂电池怎么测试, 测试 theirs — is left to the other checks)
        written = len(verb) >= 2 and (normalize_for_match(verb).lower() in corpus_flat or known(verb))
        if tag.startswith("v") and not written and head:
            return f"{head}怎么{verb}"
        if not tag.startswith("v") or len(verb) < 2 or written:
            continue
        things = [w for w, t in tagged_words(clause) if t in ("n", "nz", "j") and len(w) >= 2
                  and w not in GENERIC_WORDS and w not in SPAN_WORDS]
        # …every thing the clause names unknown to them (五五购物节的优惠券: the 购物节 is theirs)
        if things and not any(normalize_for_match(w).lower() in corpus_flat or known(w) for w in things):
            return things[-1] + verb
    return None


# Whether something may or can be done (X能Y吗？ X可以Y吗？): the subject before the modal verb, the
# predicate after it. 能 of a word (能力, 智能, 能效, 可能) is no modal verb.
_CAN_ASKED = re.compile(r"(?P<subject>[^，,。；;？?！!]{2,}?)(?:能不能|可不可以|能否|可否|(?<![智功性职动赋节用可产效体技才氢热核电风光势储])能(?![力效源级耗])|(?<![\u4e00-\u9fff]可)可以)"
                        r"(?P<predicate>[^，,。；;？?！!]{2,24}?)(?:吗|(?<!什)么|嘛)[？?]?\s*$")
# The subject of a yes-or-no question naming an actor (企业能…吗？ 我们公司可以…吗？ 居民能…吗？).
_ACTOR = re.compile(r"(企业|公司|单位|个人|居民|市民|百姓|群众|我|我们|咱们|人|厂|工厂|商家|商户|机构|组织|老人|孕妇|学生|家长|消费者)$")
# A request put as a question (能不能告诉我…吗？ 可以帮我列一下吗？): asks for an answer, claims nothing.
_REQUEST = re.compile(r"^(?:给|帮|替|告诉|说|讲|介绍|列|查|找|解释|总结|概括|翻译|简单|详细|具体|再|一下)")


def can_unsupported(question: str, evidence, corpus_flat: str) -> str | None:
    """The thing a yes-or-no question asks can be done (超市买到过期食品能要求十倍赔偿吗？ 社区卫生服务中心
    能打流感疫苗吗？) when no evidence sentence names both its subject and what is asked of it —
    each by a word the documents use — as ``subject + predicate``; else ``None``. To say
    whether X can Y, a sentence must speak of X and of Y: one speaking of Y alone (知识产权侵权损害
    赔偿) or of X alone (社区卫生服务机构服务能级) does not say it.

    ``evidence`` holds objects with ``.sentence.text``; ``corpus_flat`` is the documents' text
    normalised for matching and lower-cased.

    >>> class E:
    ...     def __init__(self, text): self.sentence = type("S", (), {"text": text})
    >>> flat = "加大知识产权侵权损害赔偿力度；农村假冒伪劣食品整治行动；企业申报质量奖"
    >>> can_unsupported("超市买到过期食品能要求十倍赔偿吗？", [E("加大知识产权侵权损害赔偿力度")], flat)
    '超市买到过期食品要求十倍赔偿'
    >>> can_unsupported("企业能申报质量奖吗？", [E("企业申报质量奖")], flat) is None
    True
    >>> can_unsupported("能不能告诉我质量奖的情况吗？", [], flat) is None     # a request
    True
    >>> can_unsupported("申报质量奖今年能搞完吗？", [E("企业申报质量奖")], flat) is None   # its own words
    True
    >>> can_unsupported("公司能申报质量奖吗？", [E("企业申报质量奖")], flat) is None
    True
    """
    last = [t for t in re.split(r"(?<=[。！!？?])", normalize_query(question)) if t.strip()]
    m = _CAN_ASKED.search(last[-1]) if last else None
    if m is None or _REQUEST.match(m.group("predicate")):
        return None
    def written(w):
        return normalize_for_match(w).lower() in corpus_flat and w not in GENERIC_WORDS

    if not content_words(m.group("subject")):
        return None       # 你能…吗？ 能…吗？ — nothing but the asking
    # (who asks or who may act — 公司, 居民, 我们厂 — bounds nothing: whether Y is done is asked)
    subject = [] if _ACTOR.search(m.group("subject").strip()) else \
        [w for w in content_words(m.group("subject")) if written(w)]
    predicate = [w for w in content_words(m.group("predicate")) if written(w)]
    # a thing asked of that the documents never name (打流感疫苗), and no word of theirs beside it;
    # a doing in one's own words (评审今年能搞完吗？) is left to the subject's sentence
    if not predicate and any(len(w) >= 2 and tag.startswith(("n", "vn", "eng")) for w, tag in tagged_words(m.group("predicate"))):
        return m.group("subject").strip() + m.group("predicate").strip()
    # either side may be put in words of one's own — what is done (评审今年能搞完吗？) or who does it
    # (老百姓能签约家庭医生吗？ 公司能评质量标杆吗？): then the other side's sentence
    if not subject and not predicate:
        return None       # nothing of it in the documents' words: left to the other checks
    if any((not subject or any(w in e.sentence.text for w in subject)) and
           (not predicate or any(w in e.sentence.text for w in predicate)) for e in evidence):
        return None
    return m.group("subject").strip() + m.group("predicate").strip()


def unanswerable(query, evidence, corpus_flat: str, weights: dict, max_weight: float,
                 known=lambda word: False, similarity: float = 1.0) -> str | None:
    """Why the documents cannot answer ``query`` before any model runs (a note for the user),
    or ``None``. See the module docstring; ``known`` accepts words the documents use in another
    form (:func:`topic_coverage`); ``similarity`` is the cosine of the question and its nearest
    sentence."""
    period = missing_subperiod(query.question, corpus_flat)
    if period is not None:
        return f"通知只写全年的情况，没有写到“{period}”。"
    term = undefined_term(query.question, corpus_flat, known)
    if term is not None:
        return f"通知中没有出现“{term}”。"
    law = unwritten_law(query.question, corpus_flat)
    if law is not None:
        return f"通知中没有出现“{law}”，没有写它的内容。"
    action = unknown_how_to(query.question, corpus_flat, known)
    if action is not None:
        return f"通知中没有讲到“{action}”。"
    if not query.english and not getattr(query, "follow_up", False):
        claim = can_unsupported(query.question, evidence, corpus_flat)
        if claim is not None:
            return f"通知中没有讲到“{claim}”这件事。"
    if re.search(r"[\u4e00-\u9fff]", query.question) and similarity < MIN_TOPIC_SIMILARITY and \
            topic_coverage(query.text, corpus_flat, weights, max_weight, known) < MIN_TOPIC_COVERAGE:
        return "问题涉及的内容在通知中没有出现。"
    if getattr(query, "turned_from", ""):
        # 那2024年有啥安排？ after a question on 老字号: that year's sentences must name what the
        # earlier turn was about — one of its rare words (FOLLOW_UP_OWN_WEIGHT)
        words = [w for w in content_words(query.turned_from)
                 if w not in GENERIC_WORDS and w not in SPAN_WORDS and weights.get(w, 0.0) >= FOLLOW_UP_OWN_WEIGHT]
        # (in a sentence, or in the heading of its section, which names what the section is about:
        # 长三角质量工作一体化持续深入 for 一体化)
        if words and not any(w in e.sentence.text or (e.section.path and w in e.section.path[-1])
                             for e in evidence for w in words):
            return "通知中这一年的部分没有提到前面所问的内容。"
    if re.search(r"[\u4e00-\u9fff]", query.question) and not part_given(query.question, evidence, weights, corpus_flat):
        return "通知只给出了总数，没有给出问题所问的那一部分。"
    attribute = query.intent.attribute
    # each figure asked (破了多少起？抓了多少嫌疑人？) by its own words, the whole question naming
    # the subject
    parts = figure_parts(query.focus, query.intent) if query.intent.wants_figure and not query.english else []
    for part, _, _ in parts:
        # a thing counted that the documents never name (多少家三甲医院, 几个区): none of their
        # figures counts it
        missing = uncounted(part, corpus_flat, known)
        if missing:
            return f"通知中没有“{'、'.join(missing)}”的数字。"
        for term in NAMED_TERM.findall(part):
            # a figure of a named measure the documents never use (PM2.5平均多少？ GDP增长多少？)
            # is not among theirs: another figure beside the question's other words is no
            # answer — whatever else the message asks (空气质量怎么样？PM2.5年均浓度是多少？)
            if normalize_for_match(term).lower() not in corpus_flat and not known(term):
                return f"通知中没有出现“{term}”。"
    # English questions are read through a translation whose wording is not the documents', and
    # a comparison asks each side something else (去年多少？今年怎么做？): for both the kind of
    # fact asked is checked on the answer (qa.verify), not on the evidence here
    if attribute in (Attribute.OPEN, Attribute.AGENCY, Attribute.MENTIONS) or query.english or \
            query.intent.scope == Scope.COMPARE:
        return None
    if query.intent.wants_figure:       # (not English: returned above; ``parts`` are its figures)
        for (part, _, context), unit in zip(parts, part_units(parts, query.intent.unit)):
            ranked = rank_figures(part, evidence, unit, weights,
                                  quoted_for(part, query.quoted, parts), context=context)
            best = next((a for a in ranked if a.match >= MIN_FIGURE_SCORE), None)
            noun = head_unwritten(part, best.figure, corpus_flat) if best is not None else None
            if noun:        # 多少所中小学？ — 服务中小企业7.7万余家次 shares only the modifier
                return f"通知中没有“{noun}”的数字。"
            if best is not None and stock_asked(part) and counts_an_act(best.figure):
                # 全上海有多少名医生？ — 家庭医生累计签约超过1100万人 counts the signing, not the doctors
                return "通知没有给出全市的总数，只写了当年工作做了多少。"
            if best is not None:
                return None
        return "通知中没有找到这个问题所问的数字。"
    # the sentence that asks, without the sentences of context before it (我家娃想学标准化。…是哪所学校？)
    last_sentence = [t for t in re.split(r"(?<=[。！!])", query.focus) if t.strip()][-1]
    quoted = [normalize_for_match(q).lower() for q in query.quoted]
    for e in evidence:
        # a sentence holding every span the question quotes (“标准化工程”) is about what it asks
        flat = normalize_for_match(e.sentence.text).lower()
        quotes_all = bool(quoted) and all(q in flat for q in quoted)
        if states_attribute(e.sentence.text, attribute, query.question) and \
                (quotes_all or max(subject_match(query.focus, e.sentence.text, weights),
                                   subject_match(last_sentence, e.sentence.text, weights)) >= MIN_ATTRIBUTE_SUBJECT):
            return None
    return _MISSING.get(attribute, "通知中没有给出这个问题所问的内容。")


_MISSING = {Attribute.DATE: "通知没有给出这件事的时间。", Attribute.MONEY: "通知没有给出这方面的金额。",
            Attribute.PERSON: "通知没有提到具体人员。", Attribute.ORGANISATION: "通知没有给出具体机构的名称。",
            Attribute.PLACE: "通知没有给出具体地点。",
            Attribute.PROCEDURE: "通知没有写办理流程或条件。", Attribute.CONTACT: "通知没有给出联系方式或网址。",
            Attribute.REASON: "通知没有说明原因。", Attribute.GRADE: "通知没有给出这方面的等级或评级。",
            Attribute.ADVICE: "通知是政府工作的总结和安排，不给个人建议（推荐产品、品牌、去处，或遇事该怎么办）。"}


def _says_something(verdict: Verdict, query) -> bool:
    # a sentence restating what the question asks to confirm (…合格率是99.7％吗？) confirms it
    return confirms_figure(query.question) or not restates_question(MARKER.sub("", verdict.text), query.text)


def decide(query, extract: Verdict, generation=None, lead: Verdict | None = None, shown: Verdict | None = None,
           verbatim: bool = False, model_error: str | None = None, notes: list[str] | None = None) -> Decision:
    """Choose the answer (see the module docstring). ``extract`` is the checked verbatim
    extract; ``generation`` the model's :class:`qa.generation.Generation` (``None`` when none
    ran), ``lead`` its checked text, ``shown`` that text followed by the verbatim sentences it
    rests on; ``verbatim`` whether the generator itself is extractive, ``model_error`` why a
    configured model is unavailable; ``notes`` are carried into the decision."""
    notes = list(notes or [])
    if not extract.ok or not _says_something(extract, query):
        if extract.problems:
            notes.append(f"通知中最相关的原文{extract.problems[0]}。")
        elif extract.grounded.citations:
            notes.append("通知中的相关原文只是重复了问题里的信息，没有给出所问的内容。")
        return Decision(Mode.ABSTAINED, "", [], abstained=True, notes=notes)
    if lead is not None and lead.ok and _says_something(lead, query):
        if lead.grounded.dropped:
            notes.append(prompts.DROPPED_NOTE_ZH.format(count=len(lead.grounded.dropped)))
        if lead.restored:
            notes.append(prompts.RESTORED_NOTE_ZH.format(figures="、".join(lead.restored)))
        answer = shown if shown is not None and shown.grounded.citations else lead
        return Decision(Mode.GENERATED, answer.text, answer.grounded.citations, notes=notes,
                        dropped=lead.grounded.dropped)
    english = getattr(query, "english", False)
    if verbatim and not model_error:
        return Decision(Mode.EXTRACTIVE, extract.text, extract.grounded.citations,
                        notes=notes + [prompts.EXTRACTIVE_NOTE_EN if english else prompts.EXTRACTIVE_NOTE_ZH])
    if model_error:
        notes.append(prompts.MODEL_UNAVAILABLE_NOTE_ZH.format(error=model_error))
    elif lead is not None and lead.grounded.says_not_in_notice and generation.stop != StopReason.TIMEOUT:
        notes.append(prompts.DECLINED_NOTE_EN if english else prompts.DECLINED_NOTE_ZH)
    elif lead is not None:
        notes.append(prompts.FALLBACK_NOTE_EN if english else prompts.FALLBACK_NOTE_ZH)
    return Decision(Mode.FALLBACK, extract.text, extract.grounded.citations, notes=notes)
