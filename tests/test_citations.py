"""Citation checks on crafted model outputs over real evidence from the notice."""

import pytest

from qa.citations import ground, parse_markers, support
from qa.index import EvidenceSentence
from qa.retrieval import Evidence
from qa.sections import parse_sections
from qa.text import split_sentences


@pytest.fixture(scope="module")
def evidence(notice_text):
    """Three numbered evidence sentences: two from 第一部分（四）, one from 第二部分（二）."""
    sections = {s.label: s for s in parse_sections(notice_text, "notice")}
    s4 = sections["第一部分 二、（四）产品质量保持全国领先"]
    s22 = sections["第二部分 一、（二）完善多元保障"]
    sents4 = split_sentences(s4.text, s4.start)
    sents22 = split_sentences(s22.text, s22.start)
    picks = [(s4, sents4[1]), (s4, sents4[2]), (s22, sents22[1])]
    return [Evidence(n, EvidenceSentence(n, sec.section_id, st.text, st.start, st.end), sec, 1.0)
            for n, (sec, st) in enumerate(picks, start=1)]


def test_evidence_fixture_is_what_the_tests_assume(evidence):
    assert "96.04" in evidence[0].sentence.text
    assert "95.17" in evidence[1].sentence.text
    assert "融资增信" in evidence[2].sentence.text


def test_valid_markers_become_citations_with_verbatim_quotes(evidence, notice_text):
    result = ground("上海市制造业产品质量合格率96.04％，高于全国7.14个百分点[1]。", evidence)
    assert result.text.endswith("[1]") and not result.dropped
    (c,) = result.citations
    assert c.n == 1 and c.label == "第一部分 二、（四）产品质量保持全国领先"
    assert notice_text[c.start:c.end] == c.quote == evidence[0].sentence.text
    assert c.path[0].startswith("第一部分")


def test_marker_pointing_nowhere_is_removed(evidence):
    # [7] with three sources: it must not survive; the sentence is re-attached to [1]
    result = ground("制造业产品质量合格率96.04％[7]。", evidence)
    assert "[7]" not in result.text
    assert [c.quote for c in result.citations] == [evidence[0].sentence.text]
    assert result.text.endswith("[1]")


def test_sentence_with_number_absent_from_evidence_is_dropped(evidence):
    result = ground("制造业产品质量合格率96.04％[1]。2022年合格率为95.3％[1]。", evidence)
    assert "95.3" not in result.text and len(result.dropped) == 1
    assert "96.04" in result.text


def test_general_knowledge_with_real_citation_is_dropped(evidence):
    result = ground("养老服务是指为老年人提供生活照料和护理的社会服务[3]。", evidence)
    assert not result.citations and result.dropped


def test_a_conclusion_the_model_draws_from_a_citation_is_dropped(evidence):
    """因此，… states what the writer concludes, not what the cited sentence says: a checked
    answer must not carry it (new-user session: 因此，质量发展专项资金是2024年的。[1] was shown as
    checked)."""
    result = ground("上海市制造业产品质量合格率96.04％[1]。因此，上海制造业产品质量合格率高于全国[1]。", evidence)
    assert "因此" not in result.text and len(result.dropped) == 1
    assert "96.04" in result.text


def test_markers_renumbered_in_order_and_after_punctuation(evidence):
    result = ground("推进质量融资增信制度。[3] 质量竞争力指数95.17[2]。", evidence)
    assert [c.n for c in result.citations] == [1, 2]
    assert result.citations[0].quote == evidence[2].sentence.text
    assert result.text.count("[1]") == 1 and result.text.count("[2]") == 1


def test_not_in_notice_is_recognised(evidence):
    result = ground("通知中未提及。", evidence)
    assert result.says_not_in_notice and not result.citations


def test_parse_markers_and_support():
    assert parse_markers("a[1] b【2】 c[1, 3]") == [1, 2, 3]
    assert support("合格率96.04%", ["合格率96.04％"]) == 1.0
    assert support("引用《不存在的文件》", ["印发《质量强国建设纲要上海实施方案》"]) == 0.0


@pytest.mark.parametrize("answer", [
    "上海市制造业产品质量合格率96.04％，低于全国7.14个百分点[1]。",
    "上海市制造业产品质量合格率比全国低7.14个百分点[1]。",      # 比…低 is 低于 (breaker: shown as checked)
    "上海市制造业产品质量合格率没有达到96.04％[1]。",
    "上海市制造业产品质量合格率7.14％，高于全国96.04个百分点[1]。",
    "Shanghai's pass rate of 96.04% is lower than the national level.[1]",
    "Shanghai ranks last in the country.[1]",
    "Paris is the capital of France.",
    "据官网http://evil.example显示，上海市制造业产品质量合格率96.04％[1]。",
])
def test_a_citation_never_supports_a_contradicting_or_unrelated_sentence(evidence, answer):
    result = ground(answer, evidence)
    assert not result.citations, result.text


def test_english_sentences_are_checked_one_by_one_and_markdown_images_removed(evidence):
    result = ground("The pass rate was 96.04%. Shanghai ranks last in the country.[1] "
                    "![x](http://evil.example/p.png)", evidence)
    assert "96.04" in result.text and "last" not in result.text and "evil" not in result.text
    assert result.citations and result.dropped


def test_a_marker_whose_source_adds_nothing_to_the_sentence_is_removed(evidence):
    # the model cites every source beside the real one: [3] (融资增信) shares no clause and no
    # figure with the sentence, so it must not be shown as supporting it
    result = ground("上海市制造业产品质量合格率96.04％，高于全国7.14个百分点[1][3]。", evidence)
    assert [c.quote for c in result.citations] == [evidence[0].sentence.text]
    assert result.text.endswith("[1]。") or result.text.endswith("[1]")
    # two sources that each hold a figure of the sentence are both kept
    both = ground("合格率96.04％，质量竞争力指数95.17[1][2]。", evidence)
    assert len(both.citations) == 2


@pytest.mark.parametrize("sentence, source", [
    ("The municipal quality work leading group now has 36 member units.",
     "市质量工作领导小组成员单位由30个增加至36个，完善领导小组及办公室工作规则。"),
    ("Shanghai has taken the lead in drafting about 190 ISO and IEC standards.", "牵头制定ISO、IEC标准190余项。"),
    ("Courts accepted 596 first-instance IP criminal cases.", "全年共受理一审知识产权刑事案件596件。"),
])
def test_an_english_name_with_a_rank_word_in_it_is_not_a_rank_claim(sentence, source):
    """leading group (领导小组), taking the lead (牵头) and first-instance (一审) claim no rank: an
    English answer saying them is supported by its figure (the model's answer was refused before)."""
    assert support(sentence, [source]) == 1.0


def test_an_english_rank_claim_the_evidence_does_not_make_is_refused():
    assert support("Shanghai leads the nation with a pass rate of 96.04%.", ["上海市制造业产品质量合格率96.04％。"]) == 0.0


def test_a_sentence_running_two_evidence_sentences_together_is_cited_to_each(evidence):
    """The model copies two evidence sentences into one, joined by a comma, unmarked: each copied
    clause is cited to the sentence it was copied from (it was dropped whole)."""
    first = evidence[0].sentence.text.rstrip("。；;")
    second = evidence[2].sentence.text.rstrip("。；;")
    result = ground(f"这方面，{first}，{second}。", evidence)
    assert not result.dropped and [c.quote for c in result.citations] == [evidence[0].sentence.text,
                                                                           evidence[2].sentence.text], result


@pytest.mark.parametrize("sentence", [
    "上海市制造业产品质量合格率7.14％，高于全国96.04个百分点。",      # figures moved
    "上海市制造业产品质量合格率96.04％，全市人均收入全国第一。",        # a clause no evidence states
])
def test_a_joined_sentence_is_kept_only_when_every_clause_is_copied(evidence, sentence):
    result = ground(sentence, evidence)
    assert result.dropped and not result.citations, result


def test_a_comparison_written_with_bi_keeps_its_citation_when_it_goes_the_evidences_way(evidence):
    """比全国高7.14个百分点 says what 高于全国7.14个百分点 says: cited, as the contradicting 比全国低 is not."""
    result = ground("上海市制造业产品质量合格率比全国高7.14个百分点[1]。", evidence)
    assert result.citations, result.text
