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
