"""Section addresses, the document tree and search inside the notice."""

from qa.browse import Target, document_tree, parse_address, search_sections, section_address


def test_address_round_trips_ids_and_quotes():
    for section_id in ["shanghai-quality-notice-2024/p2.s2.i5", "doc with space/p1", "文件/p1&x=1"]:
        assert parse_address(section_address(section_id)) == Target(section_id)
        assert parse_address(section_address(section_id, 3, 9)) == Target(section_id, (3, 9))


def test_malformed_addresses_open_nothing_or_drop_the_quote():
    assert parse_address("") is None
    assert parse_address("?quote=1-2") is None
    assert parse_address("?section=%20%20") is None
    assert parse_address("?section=a/p1&quote=9-3") == Target("a/p1")        # reversed
    assert parse_address("?section=a/p1&quote=1-2-3") == Target("a/p1")
    assert parse_address({"section": "../../etc/passwd"}) == Target("../../etc/passwd")  # only looked up
    assert len(parse_address("?section=" + "x" * 5000).section_id) == 200


def test_tree_follows_the_notice_structure(extractive_assistant):
    sections = extractive_assistant.index.sections
    (root,) = document_tree(sections)
    assert root.heading.startswith("上海市质量工作领导小组关于印发") and root.section_id.endswith("/header")
    parts = root.children
    assert [p.heading[:4] for p in parts] == ["第一部分", "第二部分"]
    assert [len(p.children) for p in parts] == [5, 5]                     # 一、…五、 in each part
    assert [c.heading[:2] for c in parts[1].children] == ["一、", "二、", "三、", "四、", "五、"]
    items = [i for p in parts for c in p.children for i in c.children]
    assert len(items) == 17 + 18 and items[0].heading == "（一）质量工作机制不断健全"
    assert all(not i.children and i.section_id for i in items)

    def ids(node):
        return ([node.section_id] if node.section_id else []) + [x for c in node.children for x in ids(c)]

    assert ids(root) == [s.section_id for s in sections]                 # every section, in order


def test_search_is_literal_conjunctive_and_accepts_traditional(extractive_assistant):
    index = extractive_assistant.index
    texts = {d: index.doc_text(d) for d in index.documents}
    hits = search_sections(index.sections, texts, "質量品牌")
    assert [h.section.label for h in hits] == ["第一部分 三、（九）质量品牌培育力度不断加大", "第二部分 二、（八）深化质量品牌建设"]
    for hit in hits:
        assert all(texts[hit.section.doc_id][s:e] == "质量品牌" and hit.section.contains(s, e) for s, e in hit.spans)
    both = search_sections(index.sections, texts, "家庭医生 签约")
    assert both and all("家庭医生" in h.section.text and "签约" in h.section.text for h in both)
    assert search_sections(index.sections, texts, "家庭医生 火星") == []
    assert search_sections(index.sections, texts, "   ") == []
    assert search_sections(index.sections, texts, "CCC") == search_sections(index.sections, texts, "ccc")


def test_search_ignores_full_and_half_width(extractive_assistant):
    index = extractive_assistant.index
    texts = {d: index.doc_text(d) for d in index.documents}
    for query, found in [("96.04%", "96.04％"), ("(九)", "（九）"), ("９６．０４", "96.04")]:
        hits = search_sections(index.sections, texts, query)
        assert hits, query
        s, e = hits[0].spans[0]
        assert texts[hits[0].section.doc_id][s:e] == found


def test_control_characters_in_an_address_are_dropped():
    assert parse_address("?section=a/p1%00%0a") == Target("a/p1")
