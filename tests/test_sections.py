import pytest

from qa.sections import parse_agencies, parse_sections


def test_empty_document_is_an_error():
    with pytest.raises(ValueError):
        parse_sections("  \n\u3000", "empty")


def test_document_without_headings_is_one_header_section():
    sections = parse_sections("关于某事的通知\n正文。", "d")
    assert len(sections) == 1 and sections[0].path == [] and sections[0].label == "关于某事的通知"


def test_headings_without_blank_lines_inline_titles_and_u3000():
    doc = ("某某文件\n第一部分\u3000总结\n开头一段。\n一、大项\n（一）小项甲。正文甲。\n"
           "二、第二大项\n（二）小项乙。正文乙。（市甲局、市乙委按照职责分工实施，下同）\n"
           "（三）小项丙。正文丙。\n1.细目。细目正文。\n（1）更细。内容。\n抄送：各区。\n")
    sections = parse_sections(doc, "d")
    labels = [s.label for s in sections]
    assert labels == ["文件头", "第一部分 总结", "第一部分 一、（一）小项甲", "第一部分 二、（二）小项乙",
                      "第一部分 二、（三）小项丙", "第一部分 二、（三）1.细目", "第一部分 二、（三）1.（1）更细"]
    for s in sections:
        assert doc[s.start:s.end] == s.text
    assert sections[2].path == ["第一部分\u3000总结", "一、大项", "（一）小项甲"]
    assert sections[3].agencies == ["市甲局", "市乙委"]
    # 下同: an item naming no agencies inherits the default
    assert sections[6].agencies == ["市甲局", "市乙委"]
    # the closing 抄送 line belongs to the header, not to the last item
    assert "抄送" not in sections[-1].text and "抄送：各区。" in sections[0].full_text(doc)


def test_notice_has_38_sections_with_offsets(notice_text):
    sections = parse_sections(notice_text, "notice")
    assert len(sections) == 38
    for s in sections:
        assert notice_text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
    header, part1, *rest = sections
    assert header.path == [] and "沪质〔2024〕1号" in header.text and "2024年4月10日" in header.text
    assert any("抄送" in notice_text[a:b] for a, b in header.extra_spans)
    assert part1.path == ["第一部分\u30002023年上海市质量工作总结"]
    assert part1.text.startswith("2023年，上海市坚持")
    items1 = [s for s in rest if s.path[0].startswith("第一部分")]
    assert len(items1) == 17
    opening2 = [s for s in rest if len(s.path) == 1]
    assert len(opening2) == 1 and opening2[0].text.startswith("2024年上海市质量工作的总体思路")
    items2 = [s for s in rest if s.path[0].startswith("第二部分") and len(s.path) == 3]
    assert len(items2) == 18


def test_notice_labels_and_paths(notice_text):
    by_label = {s.label: s for s in parse_sections(notice_text, "notice")}
    s = by_label["第二部分 二、（五）强化产业基础质量攻关"]
    assert s.path == ["第二部分\u30002024年上海市质量工作要点", "二、开展联动提升，助力产业补链强链",
                      "（五）强化产业基础质量攻关"]
    # a heading written straight after the previous paragraph (no blank line)
    assert "第一部分 四、（十二）质量安全监管不断强化" in by_label
    assert "第二部分 三、（九）加快推动消费升级" in by_label
    assert by_label["第一部分 二、（四）产品质量保持全国领先"].text.count("96.04") == 1


def test_notice_agencies(notice_text):
    sections = parse_sections(notice_text, "notice")
    part2 = [s for s in sections if s.path and s.path[0].startswith("第二部分") and len(s.path) == 3]
    assert all(s.agencies for s in part2)
    assert part2[0].agencies == ["市质量工作领导小组办公室", "市质量工作领导小组各成员单位", "各区质量工作领导小组"]
    assert part2[1].agencies == ["市市场监管局", "国家金融监督管理总局上海监管局", "市委金融办",
                                 "人民银行上海总部", "市住房城乡建设管理委"]
    assert "市交通委" in part2[9].agencies
    part1 = [s for s in sections if s.path and s.path[0].startswith("第一部分")]
    assert not any(s.agencies for s in part1)


def test_parse_agencies_ignores_ordinary_parentheses():
    assert parse_agencies("印发《指南（试行）》，构建机制。") == ([], False)
