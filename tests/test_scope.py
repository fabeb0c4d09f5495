"""Deciding before generation what the documents cannot answer: years, places, topics."""

from qa.scope import question_years, unknown_entities


def test_relative_years_resolve_against_the_document_date():
    assert question_years("去年绿色工厂建了多少家？", 2024) == {2023}
    assert question_years("今年要建设啥？", 2024) == {2024}
    assert question_years("没有年份", 2024) == set()


def test_unknown_place_is_detected(notice_text):
    assert unknown_entities("嘉定区今年有哪些质量任务？", notice_text) == ["嘉定区"]
    assert unknown_entities("通知里哪些地方提到了闵行区？", notice_text) == []


def test_year_outside_the_notice_abstains(extractive_assistant):
    answer = extractive_assistant.ask("2022年全市家庭医生签约率是多少？")
    assert answer.abstained and not answer.citations
    assert answer.retrieved, "an abstention still shows the nearest sections"


def test_year_scope_picks_the_right_part(extractive_assistant):
    answer = extractive_assistant.ask("今年质量工作的总体思路以什么为统领？")
    assert answer.retrieved[0].section.path[0].startswith("第二部分")


def test_unknown_place_abstains(extractive_assistant):
    answer = extractive_assistant.ask("深圳今年有没有出台质量强市的企业补贴政策？")
    assert answer.abstained and any("深圳" in n for n in answer.notes)


def test_an_answer_that_only_restates_the_question_is_not_an_answer():
    from qa.scope import restates_question

    assert restates_question("筹建首批市级质检中心。", "首批市级质检中心筹建了哪些？")
    assert not restates_question("上海市制造业产品质量合格率96.04％", "上海市制造业产品质量合格率是多少？")


def test_compare_question_extract_covers_both_years(extractive_assistant):
    answer = extractive_assistant.ask("特种设备这块，去年检查了多少家次单位？今年又准备搞什么专项整治？")
    parts = {c.path[0][:4] for c in answer.citations}
    assert parts == {"第一部分", "第二部分"}
    assert "34296" in answer.text


def test_years_written_with_two_digits_are_read_as_years(extractive_assistant):
    from qa.scope import question_years

    assert question_years("23年完成了几个示范项目，24年推进第几批？", 2024) == {2023, 2024}
    assert question_years("重点产品质量攻关30年来新增了多少利润？", 2024) == set()
    answer = extractive_assistant.ask("23年新认定了多少家品牌引领示范企业？")
    assert "46家" in answer.text and all(c.path[0].startswith("第一部分") for c in answer.citations)


def test_the_year_before_is_a_year_asked():
    from qa.scope import question_years

    assert question_years("前一年的成效和今年的打算对比一下", 2024) == {2023, 2024}


def test_a_clause_asking_with_a_colloquial_word_asks_about_its_own_year():
    """去年申报情况咋样，今年要做啥 asks about both years (a comparison), not only the second's."""
    from qa.scope import asked_years

    assert asked_years("市政府质量奖去年申报情况咋样，今年要做啥", 2024) == {2023, 2024}
    assert asked_years("去年工程质量怎样，今年准备怎么提升", 2024) == {2023, 2024}
