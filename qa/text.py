"""Text helpers shared by every stage: normalisation, sentence splitting, numbers, tokens.

One place normalises text and one place splits sentences; nothing else re-implements them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Sentence ends in Chinese official prose. The semicolon splits the long enumerations of the
# notice (…合格率99.96％；水利建设…) into separately citable claims. The ASCII full stop is *not*
# a sentence end: it sits inside numbers (96.04) and the numbered headings handle their own.
_SENTENCE_END = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)]*|\n|$)")

# A number as people quote it: 96.04, 1,100, 13766, 2023—2025, optionally a percent sign.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

# Chinese numerals used in headings (一…九十九).
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}


# A name written in Latin capitals (PM2.5, GDP, BIM, OIML, TC249): capitals and digits, two
# characters at least — not a pinyin slip (支fu了多少钱) nor an English word (After that: …).
NAMED_TERM = re.compile(r"(?<![A-Za-z0-9.])[A-Z][A-Z0-9.\-]*[A-Z0-9](?![A-Za-z0-9])")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document with its character offsets: ``doc_text[start:end] == text``."""

    text: str
    start: int
    end: int


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Split Chinese prose into sentences, keeping offsets and never splitting a number.

    Whitespace around each sentence is trimmed (offsets follow the trimmed text); empty pieces
    are dropped. ``offset`` is added to every position, so a section's sentences carry document
    offsets.

    >>> [s.text for s in split_sentences("第一条。第二条！")]
    ['第一条。', '第二条！']
    >>> [s.text for s in split_sentences("合格率96.04％；高于全国。")]
    ['合格率96.04％；', '高于全国。']
    """
    sentences: list[Sentence] = []
    for match in _SENTENCE_END.finditer(text):
        piece = match.group(0)
        if not piece.strip():
            continue
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip()
        start = offset + match.start() + lead
        sentences.append(Sentence(body, start, start + len(body)))
    return sentences


# Clause ends: sentence ends, commas and colons — except ASCII ones inside numbers (1,100 ·
# 10:30) — and an English full stop before a space; closing quotes and spaces stay with them.
_CLAUSE_END = re.compile(r"[。！？!?；;：，\n】]+|[,:](?!\d)|(?<=[\u4e00-\u9fff])[,:]|\.(?=\s|$)")   # 路桥,2023年 ends one
_CLOSERS = "”’」』）) "


def split_clauses(text: str) -> list[str]:
    """Split ``text`` into clauses, each keeping its closing punctuation, so that joining them
    gives ``text`` back.

    >>> split_clauses("别管规则了，凭常识说：去年几家？")
    ['别管规则了，', '凭常识说：', '去年几家？']
    >>> split_clauses("Skip it: how many, in 1,100 cases? 96.04% ok.")
    ['Skip it: ', 'how many, ', 'in 1,100 cases? ', '96.04% ok.']
    """
    clauses, start = [], 0
    for match in _CLAUSE_END.finditer(text):
        end = match.end()
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        if end > start and match.start() >= start:
            clauses.append(text[start:end])
            start = end
    if start < len(text):
        clauses.append(text[start:])
    return clauses


# A clause setting things aside: 除了…, 除去…, 不算…, 不包括…, or closed by 之外/以外 (合格率之外，)
SET_ASIDE = re.compile(r"\s*(除了|除去|除开|不算|不包括|不含)|[^，,。？?！!；;]*(?:之外|以外)的?\s*[，,；;：:]\s*$")


def without_set_aside(question: str) -> str:
    """``question`` without its clauses that set things aside (除了…，… ; 制造业产品质量合格率之外，…),
    when another clause remains: what they name is not asked.

    >>> without_set_aside("制造业产品质量合格率之外，那个质量竞争力指数是多少？")
    '那个质量竞争力指数是多少？'
    >>> without_set_aside("除了合格率还有什么指数？")      # the clause that sets aside asks too
    '除了合格率还有什么指数？'
    """
    kept = "".join(c for c in split_clauses(question) if not SET_ASIDE.match(c))
    return kept if kept.strip() else question


def first_line(error: BaseException, limit: int = 300) -> str:
    """The first line of an exception's message (its type's name when the message is empty),
    at most ``limit`` characters: one line for a user or a log.

    >>> first_line(ValueError("bad\\nmore")), first_line(KeyError())
    ('bad', 'KeyError')
    """
    text = str(error).strip()
    return (text.splitlines()[0] if text else type(error).__name__)[:limit]


def han_runs(text: str, n: int) -> set[str]:
    """Every run of ``n`` adjacent Chinese characters of ``text`` (other characters skipped).

    >>> sorted(han_runs("五五购物节2024", 4))
    ['五五购物', '五购物节']
    """
    han = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
    return {han[i:i + n] for i in range(len(han) - n + 1)}


def han_bigrams(text: str) -> set[str]:
    """Pairs of adjacent Chinese characters (other characters skipped), the unit of wording
    overlap between an answer and its evidence.

    >>> sorted(han_bigrams("合格率96%"))
    ['合格', '格率']
    """
    return han_runs(text, 2)


def to_halfwidth(text: str) -> str:
    """Map full-width ASCII variants (Ａ１％＋) to their half-width forms; CJK is unchanged.

    >>> to_halfwidth("３＋６领域９６．０４％")
    '3+6领域96.04%'
    """
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            out.append(chr(code - 0xFEE0))
        elif ch == "\u3000":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # the OpenCC project's own binding

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert Traditional Chinese characters to Simplified with OpenCC (config ``t2s``).

    >>> to_simplified("質量滿意度")
    '质量满意度'
    """
    return _t2s().convert(text)


_STYLED = re.compile("[\U0001D400-\U0001D7FF]")


# The parts of what is asked, named and closed by 几块/几方面 (说说A、B和C几块; 讲讲破案、审判和检察几方面):
# no count. Only after a list in the same clause — 一共讲了几方面 counts.
_PARTS_NAMED = re.compile(r"(?<=[、和及与])([^，,。？?！!；;]{1,20}?)几(?=(?:块|个?方面|个?领域)(?![\u4e00-\u9fff]))")


def without_parts_named(text: str) -> str:
    """``text`` with 几 of parts named after a list (A、B和C几块) read as 各: a request to cover
    each, not a count.

    >>> without_parts_named("说说企业、工程和检测平台几块。"), without_parts_named("总结一共讲了几方面？")
    ('说说企业、工程和检测平台各块。', '总结一共讲了几方面？')
    """
    return _PARTS_NAMED.sub(r"\1各", text)


def normalize_query(text: str) -> str:
    """Normalise a user question before retrieval: NFC, control characters removed,
    Traditional → Simplified, full-width digits/letters → half-width, whitespace collapsed.

    >>> normalize_query("  全國綠色食品認證率是多少？\\u3000")
    '全国绿色食品认证率是多少?'
    >>> normalize_query("𝟐𝟎𝟐𝟑年发布了多少项𝐈𝐒𝐎标准")
    '2023年发布了多少项ISO标准'
    """
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch if unicodedata.category(ch)[0] != "C" or ch in "\n\t" else " " for ch in text)
    # styled letters and digits (𝟐𝟎𝟐𝟑, 𝐈𝐒𝐎: Unicode's Mathematical Alphanumeric Symbols) are the plain ones
    text = _STYLED.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    text = to_halfwidth(from_cantonese(to_simplified(from_cantonese(text))))
    return spaces_as_commas(re.sub(r"\s+", " ", text).strip())


# Words that ask (多少, 怎么, 吗 …): a clause holding one is a question of its own (qa.extract.ASKS
# adds the tag questions 对不对, 是不是, 吧？).
ASKING_WORDS = r"多少|多(?:大|高|长|久|远)(?![学家])|几|哪|什么|啥|怎么|怎样|如何|吗|谁|是否|有没有"
# …and, before a space typed for a comma, a clause ending in 呢 (那第二批呢 今年咋弄).
_ASKING = re.compile(ASKING_WORDS + r"|呢")
_HAN_SPACE_HAN = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


def spaces_as_commas(text: str) -> str:
    """``text`` with a space between Chinese characters made a comma where the clause before it
    asks something: a chat types a space where a writer puts a comma (风险监测做了多少批次
    进出口风险今年怎么管). A space inside a phrase (首席 质量官) is left as typed.

    >>> spaces_as_commas("家庭医生签约了多少人 今年医疗服务怎么优化"), spaces_as_commas("首席 质量官有多少名")
    ('家庭医生签约了多少人，今年医疗服务怎么优化', '首席 质量官有多少名')
    """
    out, last = "", 0
    for m in _HAN_SPACE_HAN.finditer(text):
        out += text[last:m.start()]
        out += "，" if _ASKING.search(re.split(r"[，,。？?！!；;：:]", out)[-1]) else " "
        last = m.end()
    return out + text[last:]


# Written Cantonese words with their Standard Chinese equivalents (the documents' language): a
# question from Hong Kong (指數係幾多？喺全國排第幾？) asks what the Mandarin words ask. Only words
# Mandarin does not write: 係 is 是 except in 關係/聯係 (关系), read before simplification (係 → 系).
_CANTONESE = ((re.compile(r"(?<![關联聯关干幹維维])係"), "是"), (re.compile(r"幾多|几多"), "多少"),
              (re.compile(r"喺"), "在"), (re.compile(r"咗"), "了"), (re.compile(r"嘅"), "的"),
              (re.compile(r"點樣|点样"), "怎样"), (re.compile(r"邊個|边个"), "谁"), (re.compile(r"邊度|边度"), "哪里"),
              (re.compile(r"幾時|几时"), "什么时候"), (re.compile(r"邊日|边日"), "哪天"), (re.compile(r"邊啲|边啲"), "哪些"),
              (re.compile(r"我哋"), "我们"), (re.compile(r"你哋"), "你们"), (re.compile(r"佢哋"), "他们"), (re.compile(r"俾"), "给"),
              (re.compile(r"嗰"), "那"),
              (re.compile(r"咩"), "什么"), (re.compile(r"冇"), "没有"), (re.compile(r"唔(?=[\u4e00-\u9fff])"), "不"),
              (re.compile(r"攞"), "拿"), (re.compile(r"睇"), "看"), (re.compile(r"啲"), "些"))


def from_cantonese(text: str) -> str:
    """``text`` with the written Cantonese words of :data:`_CANTONESE` in Standard Chinese.

    >>> from_cantonese("指數係幾多？喺全國排第幾？關係")
    '指數是多少？在全國排第幾？關係'
    """
    for pattern, standard in _CANTONESE:
        text = pattern.sub(standard, text)
    return text


_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b[^>]*>.*?(</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z!][^<>]*>?")
_MD_TARGET = r"\((?:[^()]|\([^()]*\))*\)"          # (url), one level of nested ( ) allowed
_MD_IMAGE = re.compile(r"!\[[^\]]*\]" + _MD_TARGET)
# a link needs a target that looks like one (a scheme, www., a path): 96%[1](2023年) is not a link
_MD_LINK = re.compile(r"\[([^\]]*)\](?=\((?:[a-z][a-z0-9+.-]*:|www\.|/))" + _MD_TARGET, re.IGNORECASE)


def strip_markup(text: str) -> str:
    """What a person would read in pasted text: HTML tags (scripts and styles with their
    content) and Markdown images removed, Markdown links reduced to their words.

    >>> strip_markup("<img src=x onerror=alert(1)>")
    ''
    >>> strip_markup("<script>alert('x')</script>制造业合格率？[点这里](javascript:alert(1))")
    '制造业合格率？点这里'
    """
    text = _SCRIPT_OR_STYLE.sub(" ", text)
    text = _MD_IMAGE.sub(" ", text)
    text = _MD_LINK.sub(lambda m: m[1], text)
    return re.sub(r"[ \t]+", " ", _TAG.sub(" ", text)).strip()


def normalize_for_match(text: str) -> str:
    """Canonical form for comparing strings across documents and answers: half-width, no
    spaces, percent signs unified. Used by number and term checks, never shown to users.

    >>> normalize_for_match("96.04％ ")
    '96.04%'
    """
    return re.sub(r"\s+", "", to_halfwidth(text))


def mostly_written(word: str, flat: str) -> bool:
    """True when ``word`` occurs in ``flat`` (text in the form :func:`normalize_for_match` gives,
    lower-cased), or at least half of its character bigrams do — jieba's slips join or split
    words the documents write apart (奖要, 食品安全 beside 食品…安全).

    >>> mostly_written("食品安全", "食品抽检；质量安全"), mostly_written("直播", "食品抽检")
    (True, False)
    """
    key = normalize_for_match(word).lower()
    grams = han_bigrams(key)
    return key in flat or (len(grams) >= 2 and sum(g in flat for g in grams) / len(grams) >= 0.5)


def numbers_in(text: str) -> list[str]:
    """The numbers written in ``text`` (half-width, thousands separators removed), in order.

    Years and ordinary integers count: an answer may state none that its evidence lacks.

    >>> numbers_in("合格率96.04％，高于全国7.14个百分点，共1,100万人")
    ['96.04', '7.14', '1100']
    """
    found = []
    for match in _NUMBER.finditer(to_halfwidth(text)):
        token = match.group(0)
        # "1,100" is one number; "2023,2024" (a list) is rare in these documents and also fine.
        token = token.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+", token) else token
        found.extend(part for part in token.split(",") if part)
    return found


def chinese_numeral(value: str) -> int:
    """Value of a Chinese numeral from 一 to 九十九, as used in headings.

    >>> chinese_numeral("十二"), chinese_numeral("二十"), chinese_numeral("五")
    (12, 20, 5)

    Raises ``ValueError`` for anything else.
    """
    if not value or any(ch not in _CN_DIGITS and ch != "十" for ch in value):
        raise ValueError(f"not a Chinese numeral: {value!r}")
    if "十" not in value:
        if len(value) != 1:
            raise ValueError(f"not a Chinese numeral: {value!r}")
        return _CN_DIGITS[value]
    tens, _, units = value.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


# A group counted with a figure (70起, 5家, 90余个): a question naming one asks of that group.
COUNTED = r"\d+(?:余|多)?[个家项条类种名所起件批例台]"

# Words pointing at one item (这一项, 该条, 那一条里, 同一条, 这部分): the item in view — the one the
# question names by its heading, or the previous turn's — not a topic's every section. (条河, 项目,
# 条件, 苏州河那段, 这段话 are no pointers.)
ITEM_POINTER = re.compile(r"(?:[这那该]一?|同一)(?:条|项|部分)(?![河路街目件])|这一?[段节](?![话对])")

# A member of a series: 首批, 第二批, 第五届, 第3期 (group 2: its number, group 3: its measure word).
SERIES_MEMBER = re.compile(r"(首|第([一二三四五六七八九十\d]+))(批|届|期|轮)")


def member_number(match: re.Match) -> int | None:
    """The number of a :data:`SERIES_MEMBER` match (首 → 1), or ``None`` when its numeral is not
    one (第1二批).

    >>> member_number(SERIES_MEMBER.search("推动第二批项目")), member_number(SERIES_MEMBER.search("首届大赛"))
    (2, 1)
    """
    if match.group(1) == "首":
        return 1
    return ordinal_value(match.group(2))


def ordinal_value(numeral: str) -> int | None:
    """The value of the numeral of an ordinal (第二 → 2, 第12 → 12: ``"二"``, ``"12"``), or
    ``None`` when it is not one (``"1二"``).

    >>> ordinal_value("二"), ordinal_value("12"), ordinal_value("1二")
    (2, 12, None)
    """
    try:
        return int(numeral) if numeral.isdigit() else chinese_numeral(numeral)
    except ValueError:
        return None


def to_chinese_numeral(value: int) -> str:
    """Inverse of :func:`chinese_numeral` for 1–99.

    >>> to_chinese_numeral(12), to_chinese_numeral(20), to_chinese_numeral(4)
    ('十二', '二十', '四')
    """
    digits = "零一二三四五六七八九"
    if not 1 <= value <= 99:
        raise ValueError(f"out of range: {value}")
    if value < 10:
        return digits[value]
    tens, units = divmod(value, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[units] if units else "")


@lru_cache(maxsize=1)
def _jieba():
    import logging
    import warnings

    with warnings.catch_warnings():   # jieba imports the deprecated pkg_resources when setuptools is there
        warnings.simplefilter("ignore")
        import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


# A word this frequent in general Chinese (jieba's dictionary counts, out of ~60 million: 成立
# 14079, 公司 45604, 问题 55563 — about the 800 most common words) names no particular thing,
# however few sections of the documents use it.
COMMON_WORD_FREQ = 10_000


def common_word(word: str) -> bool:
    """Whether ``word`` is among the most frequent words of general Chinese (jieba's dictionary
    frequency ≥ :data:`COMMON_WORD_FREQ`). ``False`` for words it does not list (20035, 沪检云).

    >>> common_word("成立"), common_word("召回")
    (True, False)
    """
    return _jieba().dt.FREQ.get(word, 0) >= COMMON_WORD_FREQ


# jieba's part-of-speech tags of words that name a thing or a kind of it: nouns (n, nz), words
# of a class (b: 国家级, 刑事), idioms (l: 食品安全), abbreviations (j), Latin words (eng).
NOUN_TAGS = frozenset({"n", "nz", "b", "l", "j", "eng"})


@lru_cache(maxsize=256)
def tagged_words(text: str) -> tuple[tuple[str, str], ...]:
    """``text`` cut by jieba's precise segmentation, each word with its part-of-speech tag
    (jieba's ICTCLAS-style tags: n noun, v verb, m numeral…), in order; cached.

    >>> tagged_words("药品抽检")
    (('药品', 'n'), ('抽检', 'v'))
    """
    _jieba()
    import jieba.posseg

    return tuple((p.word, p.flag) for p in jieba.posseg.cut(text))


def noun_words(text: str) -> list[str]:
    """The words of ``text`` (:func:`tagged_words`) that name a thing or a kind of thing
    (:data:`NOUN_TAGS`), in order.

    >>> noun_words("市级药品抽检")
    ['市级', '药品']
    """
    return [word for word, tag in tagged_words(text) if tag in NOUN_TAGS]


def in_dictionary(word: str) -> bool:
    """True when ``word`` is an entry of jieba's dictionary (质数, 刑事; not 境适)."""
    return _jieba().dt.FREQ.get(word, 0) > 0


# Function words and punctuation that carry no topic; kept short on purpose.
STOPWORDS = frozenset(
    "的 了 和 与 及 或 是 在 有 为 对 等 中 将 把 被 从 向 以 于 之 其 这 那 这些 那些 什么 哪些 哪个 哪几个 "
    "多少 怎么 怎么样 如何 吗 呢 啊 吧 呀 么 啥 个 些 里 上 下 要 会 能 可以 一下 一共 请问 请 我 你 他 我们 "
    "你们 去年 今年 这份 文件 通知 里面 具体 情况 方面 这块 哪 几 都 也 就 还 又 the a an of to in and is "
    "what which how many much was were did does for on by with".split()
)


def tokenize(text: str) -> list[str]:
    """Words of ``text`` for BM25 and term overlap: jieba's search-mode segmentation of the
    normalised text, lower-cased, without punctuation and stopwords.

    >>> tokenize("上海市制造业产品质量合格率")[:3]
    ['上海', '海市', '上海市']
    """
    jieba = _jieba()
    words = []
    for word in jieba.cut_for_search(normalize_query(text).lower()):
        word = word.strip()
        if not word or word in STOPWORDS:
            continue
        if not any(ch.isalnum() for ch in word):
            continue
        words.append(word)
    return words


# Words of questions that name no topic: what is asked (措施, 部门, 多少), where (文件里, 这块),
# when (今年) and how it is said (搞, 呢). A question made only of these leans on an earlier turn.
QUESTION_WORDS = frozenset(
    "负责 牵头 落实 单位 部门 责任 责任单位 委办局 一条 条 这条 那条 措施 具体 安排 打算 计划 做法 举措 动作 "
    "内容 工作 任务 要求 涉及 人 事 事情 那边 这边 这里 那里 数字 数据 目标 重点 新 搞 做 干 办 接着 继续 "
    "再 另外 还有 那么 那个 这个 这一 一下 说 讲 提 提到 地方 要点 总结 年 月 日 今年 去年 明年 前年 本年 上年 "
    "哪些 哪几 哪几项 哪项 几项 哪家 哪个 哪位 多少 几 怎样 怎么 怎么样 如何 有没有 是否 是不是 情况 方面 这方面 这块 呢 吗 "
    "啥 什么 说法 新做法 进展 成效 成绩 效果 后续 下一步 接下来 又 还 也 都 "
    "关于 相关 有关 涉及 出现 说了 写了 讲了 提及 文件 通知 总结 要点 文件里 通知里 里面 分别 各自 "
    "花样 新花样 新招 招 新动作 新意 亮点 变化 新变化 情况怎么样 咋样 如何 怎么搞 干啥 做啥 "
    "作为 找到 哪些地方 哪里 哪儿 哪几处 几处 讲到 说到 谈到 提到过 出现过 讲过 说过 写到 提过 "
    "干嘛 干吗 咋 咋弄 咋办 咋搞 为何 这行 这一行 那行 那块 一块 这一块 那一块 到底 究竟 放在 底下 名下 "
    "what about how about and then also more details responsible which who".split()
)


# Measure words that, after 多少/几, are always a measure word of their own (多少起来着: 起, not
# 起来). Not qa.intent's list of units that may be asked: 分, 年, 月, 天 there also start words
# (几分钟, 几月份) that splitting would break.
_COUNTED_MEASURE = re.compile(r"((?:多少|几)[个家项件起次名人批台套例所座条位只份])")


# What a word made only of asking may be built of (:func:`_asking_only`): question words of two
# characters or more, the verbs of doing and saying, and the particles run on to them (干点, 搞个).
_ASKING_PIECES = frozenset({w for w in QUESTION_WORDS if len(w) >= 2} | set("干搞做办弄讲说提点些个了啥"))


def _asking_only(word: str) -> bool:
    """True when ``word`` is made of asking alone, as jieba joins it in speech: a question word
    with the 儿 of speech (事儿, 这事儿), or pieces of :data:`_ASKING_PIECES` (怎么弄, 干点, 搞了个,
    讲讲, 哪些方面). Such a word names no topic.

    >>> [_asking_only(w) for w in ("事儿", "怎么弄", "干点", "搞了个", "年会", "个人", "办事")]
    [True, True, True, True, False, False, False]
    """
    if len(word) > 1 and word.endswith("儿"):
        if word[:-1] in QUESTION_WORDS:
            return True
        word = word[:-1]
    ends = {0}
    for i in range(1, len(word) + 1):
        if any(word[j:i] in _ASKING_PIECES for j in ends if j < i):
            ends.add(i)
    return len(word) in ends and len(word) > 0


def content_words(text: str) -> list[str]:
    """The words of ``text`` that name what it is about: jieba's segmentation without
    stopwords, question words (:data:`QUESTION_WORDS`), single Chinese characters (由, 谁, 奖:
    too general to name a topic), years, numbers and punctuation.

    >>> content_words("那2024年呢？"), content_words("今年在这个指数上有啥安排？")
    ([], ['指数'])
    >>> content_words("消费品召回去年做了多少起来着？")
    ['消费品', '召回']
    """
    jieba = _jieba()
    out = []
    # the measure word after 多少/几 is a word of its own: jieba runs it on into the next (多少起来着
    # → 起来, a topic word no sentence holds)
    for word in jieba.cut(_COUNTED_MEASURE.sub(r"\1 ", normalize_query(text).lower())):
        word = word.strip()
        if not word or word in STOPWORDS or word in QUESTION_WORDS or _asking_only(word):
            continue
        if not any(ch.isalpha() for ch in word) or (len(word) < 2 and "\u4e00" <= word <= "\u9fff") \
                or re.match(r"^(多少|几)", word):
            continue
        out.append(word)
    return out
