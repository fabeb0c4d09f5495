"""Agency questions answered from the structured lists, with verbatim citations."""

import re


def test_forward_agency_question_lists_all_units_and_cites_the_parentheses(extractive_assistant, notice_text):
    answer = extractive_assistant.ask("今年行刑衔接、知识产权司法保护那条归哪几个单位管？")
    assert answer.mode == "structured"
    for name in ("市市场监管局", "市公安局", "市高法院", "市检察院"):
        assert name in answer.text
    (c,) = answer.citations
    assert "（十四）" in c.label and notice_text[c.start:c.end] == c.quote
    assert all(name in c.quote for name in ("市公安局", "市高法院", "市检察院"))


def test_default_agencies_of_item_one_xiatong(extractive_assistant):
    answer = extractive_assistant.ask("统筹协调那一条今年谁来落实？")
    assert "市质量工作领导小组办公室" in answer.text and "各区质量工作领导小组" in answer.text
    assert "下同" in answer.citations[0].quote


def test_reverse_lookup_across_items(extractive_assistant):
    answer = extractive_assistant.ask("今年的要点里，市交通委负责哪几项？")
    assert answer.mode == "structured"
    labels = [c.label for c in answer.citations]
    assert {re.search(r"（[一二三四五六七八九十]+）", l).group(0) for l in labels} == {"（三）", "（四）", "（十）"}
    # one citation per item names the unit (its agency list); the others quote what the item says
    assert len([c for c in answer.citations if "市交通委" in c.quote]) == 3
    markers = [int(n) for n in re.findall(r"\[(\d+)\]", answer.text)]
    assert markers == sorted(markers) == list(range(1, len(answer.citations) + 1))


def test_non_agency_questions_take_the_normal_path(extractive_assistant):
    answer = extractive_assistant.ask("去年质量监督抽查一共部署了多少批次？")
    assert answer.mode != "structured" and "13766" in answer.text


def test_units_are_answered_in_the_order_the_question_names_them(extractive_assistant):
    """Two units of equal name length were ordered by the hash seed of the process."""
    first = extractive_assistant.ask("市高法院和市检察院在今年要点里负责的是哪一块？").text
    second = extractive_assistant.ask("市检察院和市高法院在今年要点里负责的是哪一块？").text
    assert first.index("市高法院") < first.index("市检察院")
    assert second.index("市检察院") < second.index("市高法院")
