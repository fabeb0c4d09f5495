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


def test_an_answer_that_only_restates_the_question_is_not_an_answer():
    from qa.scope import restates_question

    assert restates_question("8家组织进入第五届中国质量奖提名奖公示。", "第五届中国质量奖提名奖那8家组织具体是哪几家？")
    assert not restates_question("上海市制造业产品质量合格率96.04％", "上海市制造业产品质量合格率是多少？")


def test_compare_question_extract_covers_both_years(extractive_assistant):
    answer = extractive_assistant.ask("首席质量官去年累计培养了多少人？今年在这方面有什么新做法？")
    parts = {c.path[0][:4] for c in answer.citations}
    assert parts == {"第一部分", "第二部分"}
