"""A message asking several kinds of thing in clauses of their own: the part the notice answers is
answered, the part it does not is named in a note — not the whole declined for its missing half,
and not a part "answered" by a sentence that only names its topic."""

import pytest

from qa.asks import separate_asks
from qa.intent import Attribute
from qa.scope import claimed_ranks, ranks_outside


def test_separate_asks_keeps_context_and_subject():
    asks = separate_asks("我是记者。去年新建了几个市级质检中心，投资多少钱？")
    assert [a.attribute for a in asks] == [Attribute.QUANTITY, Attribute.MONEY]
    assert all(a.question.startswith("我是记者。") for a in asks)     # the context stays with each
    assert "市级质检中心" in asks[1].question                          # the subject is carried
    assert separate_asks("破了多少起？抓了多少嫌疑人？") == []          # one kind: a question's figures


@pytest.mark.parametrize("question, given, missing", [
    ("首批市级质检中心有几个，投资多少钱", "5个", "投资多少钱"),
    ("2023年消费品召回了多少起？罚款多少", "70起", "罚款多少"),
    ("知识产权一审刑事案件审结了多少件，负责人是谁？", "576件", "负责人是谁"),
    # two parts given, asked together; the reason beside them is not in the notice (new user)
    ("召回涉及多少件产品？占全国的比例是多少？为什么这么高？", "近640万件", "为什么这么高"),
])
def test_the_part_answered_is_given_and_the_other_named(extractive_assistant, question, given, missing):
    answer = extractive_assistant.ask(question)
    assert not answer.abstained and given in answer.text, answer.text
    assert any(missing in note and "没有答案" in note for note in answer.notes), answer.notes
    assert answer.question == question
    if "比例" in question:
        assert "65％" in answer.text


@pytest.mark.parametrize("question", [
    "首席质量官星级评价分几个星级，评价标准是什么？",     # 是什么 of a topic: any sentence naming it "answers"
    "今年新一批市级质检中心要建几个，负责人是谁",          # neither part is in the notice
    "首届检验检测行业创新大赛怎么报名，奖金多少",
])
def test_no_part_is_given_by_a_topic_sentence(extractive_assistant, question):
    answer = extractive_assistant.ask(question)
    assert answer.abstained and not answer.citations, answer.text


def test_a_rank_the_notice_never_writes_is_not_answered(extractive_assistant):
    assert ranks_outside("那排第二的是哪个省？", "保持全国排名第一。") == ["第二"]
    assert ranks_outside("上海是不是全国排第二？", "保持全国排名第一。") == []     # claimed, not asked
    answer = extractive_assistant.ask("制造业质量竞争力指数上海全国第一，排第二的是哪个省，多少分？")
    assert answer.abstained and not answer.citations, answer.text
    corrected = extractive_assistant.ask("上海制造业质量竞争力指数全国排第二吧？")
    assert not corrected.abstained and "排名第一" in corrected.text


def test_an_organisation_asked_for_is_not_the_subject_named_again(extractive_assistant):
    # 市、区两级质量工作领导小组 names the subject asked about, not the unit that houses its office
    answer = extractive_assistant.ask("市质量工作领导小组办公室设在哪个单位？")
    assert answer.abstained and not answer.citations, answer.text
    host = extractive_assistant.ask("标准化工程本科专业是哪所大学获批的？")
    assert not host.abstained and "上海第二工业大学" in host.text


@pytest.mark.parametrize("question, missing", [
    ("侦破刑事案件多少起，罚没多少钱？", "罚没多少钱"),        # 涉案金额48.4亿 is no 罚没
    ("抽查了多少批次产品，不合格多少批？", "不合格多少批"),
])
def test_an_answer_names_the_parts_it_leaves_unanswered(extractive_assistant, question, missing):
    answer = extractive_assistant.ask(question)
    assert not answer.abstained and answer.citations, answer.text
    assert any(missing in note and "没有答案" in note for note in answer.notes), answer.notes


def test_an_answer_to_every_part_has_no_missing_note(extractive_assistant):
    answer = extractive_assistant.ask("2023年市级绿色工厂创建了多少家，绿色园区几家？")
    assert "102家" in answer.text and "3家" in answer.text
    assert not any("没有答案" in note for note in answer.notes), answer.notes


@pytest.mark.parametrize("question", ["上海是不是排第二？", "上海制造业质量竞争力排全国第三吧？"])
def test_a_rank_claimed_wrongly_is_read_as_the_notice_writes_it(extractive_assistant, question):
    assert claimed_ranks(question, "保持全国排名第一。")
    answer = extractive_assistant.ask(question)
    assert not answer.abstained and "排名第一" in answer.text, answer.text
    assert "上海第二工业大学" not in answer.text
    assert any("排名第一" in note for note in answer.notes), answer.notes


def test_a_salary_is_money_not_a_headcount(extractive_assistant):
    # 首席质量官工资多少 had got 累计培育企业首席质量官5600余名
    answer = extractive_assistant.ask("首席质量官工资多少？")
    assert answer.abstained and not answer.citations, answer.text


def test_a_later_part_naming_its_own_year_is_asked_of_that_year(extractive_assistant):
    # new user: 今年预算多少 had been checked as 去年…今年预算多少 and went unnoted
    answer = extractive_assistant.ask("去年质量发展专项资金花了多少钱？今年预算多少？")
    assert "2.1亿元" in answer.text
    assert any("今年预算多少" in note and "没有答案" in note for note in answer.notes), answer.notes


def test_a_part_answered_reports_the_time_of_its_parts(extractive_assistant):
    answer = extractive_assistant.ask("首批市级质检中心有几个，投资多少钱")
    assert answer.timings_ms["total"] >= answer.timings_ms["retrieve"]
