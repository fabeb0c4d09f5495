"""Deciding before generation what the documents cannot answer."""

from qa.scope import asks_quantity, question_years, unknown_entities


def test_relative_years_resolve_against_the_document_date():
    assert question_years("去年上海制造业产品质量合格率多少？", 2024) == {2023}
    assert question_years("今年要建设啥？", 2024) == {2024}
    assert question_years("没有年份", 2024) == set()


def test_quantity_questions():
    assert asks_quantity("检查了多少台套？") and asks_quantity("培育几家新型标准化组织？")
    assert asks_quantity("How many recalls were there?")
    assert not asks_quantity("在哪几个领域做服务质量监测？")


def test_unknown_place_is_detected(notice_text):
    assert unknown_entities("松江区今年有哪些质量提升的具体任务？", notice_text) == ["松江区"]
    assert unknown_entities("文件里哪些地方提到了崇明？", notice_text) == []


def test_year_outside_the_notice_abstains(extractive_assistant):
    answer = extractive_assistant.ask("2022年的制造业合格率有数据吗？")
    assert answer.abstained and not answer.citations
    assert answer.retrieved, "an abstention still shows the nearest sections"


def test_year_scope_picks_the_right_part(extractive_assistant):
    answer = extractive_assistant.ask("2024年大方向是以什么为统领的？")
    assert answer.retrieved[0].section.path[0].startswith("第二部分")


def test_unknown_place_abstains(extractive_assistant):
    answer = extractive_assistant.ask("松江区今年有哪些质量提升的具体任务？")
    assert answer.abstained and any("松江区" in n for n in answer.notes)
