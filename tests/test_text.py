from qa.text import (chinese_numeral, normalize_query, numbers_in, split_sentences, to_chinese_numeral,
                     to_halfwidth, tokenize)


def test_split_sentences_edge_cases_first():
    assert split_sentences("") == []
    assert split_sentences("\u3000\n ") == []
    text = "甲。乙！丙？丁；戊"
    sents = split_sentences(text, offset=10)
    assert [s.text for s in sents] == ["甲。", "乙！", "丙？", "丁；", "戊"]
    assert all(text[s.start - 10:s.end - 10] == s.text for s in sents)


def test_split_sentences_never_splits_numbers(notice_text):
    sents = split_sentences(notice_text)
    assert any("96.04％" in s.text for s in sents)
    assert all(notice_text[s.start:s.end] == s.text for s in sents)


def test_normalize_query_traditional_fullwidth_and_whitespace():
    assert normalize_query("  本市綠色食品認證率達到多少？\u3000") == "本市绿色食品认证率达到多少?"
    assert normalize_query("ＤＣＭＭ贯标２００家") == "DCMM贯标200家"
    assert normalize_query("a\x00b\n\nc") == "a b c"


def test_numbers_and_numerals():
    assert numbers_in("合格率96.04％，高于全国7.14个百分点") == ["96.04", "7.14"]
    assert numbers_in("１３７６６批次") == ["13766"]
    assert [chinese_numeral(x) for x in ("一", "十", "十七", "二十", "三十五")] == [1, 10, 17, 20, 35]
    assert all(chinese_numeral(to_chinese_numeral(i)) == i for i in range(1, 100))
    assert to_halfwidth("３＋６") == "3+6"


def test_tokenize_drops_stopwords_and_punctuation():
    tokens = tokenize("请问去年制造业产品质量合格率是多少？")
    assert "合格率" in tokens and "多少" not in tokens and "？" not in tokens


def test_the_shipped_glossary_names_terms_of_the_notice(notice_text):
    """Every line of qa/data/glossary_en_zh.tsv maps English phrases to a term the notice writes,
    and no phrase is given two terms (the first would silently win)."""
    from qa.terms import GLOSSARY, Terminology

    lines = [line.split("\t") for line in GLOSSARY.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) > 300 and all(len(parts) == 2 and parts[1].strip() in notice_text for parts in lines)
    phrases = [" ".join(p.replace("-", " ").lower().split()) for english, _ in lines for p in english.split("|")]
    assert len(phrases) == len(set(phrases))
    assert len(Terminology.load(notice_text).entries) == len(phrases)


def test_the_shipped_thesaurus_maps_everyday_words_the_notice_never_writes_to_its_terms(notice_text):
    """Every line of qa/data/colloquial_zh.tsv maps everyday words the notice never writes to a
    term it writes, and no word is given two terms: all of them are used."""
    from qa.colloquial import THESAURUS, Colloquial
    from qa.text import normalize_for_match

    flat = normalize_for_match(notice_text)
    lines = [line.split("\t") for line in THESAURUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) > 150 and all(len(parts) == 2 and normalize_for_match(parts[1].strip()) in flat
                                    for parts in lines)
    variants = [v.strip() for words, _ in lines for v in words.split("|")]
    assert len(variants) == len(set(variants)) and not [v for v in variants if normalize_for_match(v) in flat]
    assert len(Colloquial.load(notice_text).entries) == len(variants)


def test_the_glossary_leaves_everyday_senses_of_words_alone(notice_text):
    """An English word whose everyday sense is not the notice's (lift my mood) is not in the
    glossary (breaker, fifteenth session: Can you lift my mood? had been searched as 电梯)."""
    from qa.terms import Terminology

    terms = Terminology.load(notice_text)
    assert terms.apply("Can you lift my mood?")[1] == []
    assert terms.apply("What about elevators?")[1] == [("elevators", "电梯")]
