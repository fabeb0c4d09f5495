"""Rendering helpers of the Gradio app: what users typed, the model wrote or a document holds
is never run as Markdown or HTML; links open sections at their addresses."""

from qa.browse import Target
from qa.render import escape_markdown, format_answer, highlight, render_search, render_section_view, render_tree
from qa.sections import Section


def test_escape_markdown_neutralises_images_links_and_html():
    shown = escape_markdown("![x](http://evil.example/p.png) <script>alert(1)</script> [1]")
    assert "![" not in shown and "<script>" not in shown and "](" not in shown


def test_highlight_escapes_section_text_and_marks_the_quote():
    section = Section("d/s", "d", [], "l", "甲<b>乙</b>丙。", 100, 112)
    doc = "x" * 100 + "甲<b>乙</b>丙。"
    html = highlight(doc, section, [(103, 105, {"data-n": 1})])
    assert "<b>" not in html and "&lt;b" in html and '<mark data-n="1">' in html


def test_answer_markers_link_to_their_citation_addresses(extractive_assistant):
    answer = extractive_assistant.ask("上海市制造业产品质量合格率是多少？")
    text = format_answer(answer)
    first = answer.citations[0]
    assert f"]({first.address} " in text
    assert first.address.startswith(f"?section={first.section_id}&quote={first.start}-{first.end}")


def test_section_view_highlights_the_quote_and_survives_unknown_ids(extractive_assistant):
    index = extractive_assistant.index
    answer = extractive_assistant.ask("上海市制造业产品质量合格率是多少？")
    c = answer.citations[0]
    view = render_section_view(index, Target(c.section_id, (c.start, c.end)))
    assert c.label in view and 'class="qa-focus"' in view and "96.04" in view
    missing = render_section_view(index, Target("<script>alert(1)</script>"))
    assert "找不到条款" in missing and "<script>" not in missing
    outside = render_section_view(index, Target(c.section_id, (0, 5)))
    assert "qa-focus" not in outside and "未高亮" in outside


def test_tree_lists_every_section_and_search_marks_hits(extractive_assistant):
    index = extractive_assistant.index
    tree = render_tree(index)
    assert all(f'data-section="{s.section_id}"' in tree for s in index.sections)
    found = render_search(index, "質量品牌")   # Traditional input
    assert "<mark>质量品牌</mark>" in found and "（九）质量品牌培育力度不断加大" in found
    assert "没有同时包含" in render_search(index, "火星基地")
    assert "&lt;img" in render_search(index, "<img src=x onerror=alert(1)>")


def test_listening_beyond_loopback_needs_a_real_password_or_warns():
    import pytest
    from pydantic import ValidationError

    from qa import serve as app
    from qa.config import load_settings

    assert app.exposure_warning(load_settings(host="127.0.0.1")) is None
    assert "without a password" in app.exposure_warning(load_settings(host="0.0.0.0"))
    assert app.exposure_warning(load_settings(host="0.0.0.0", auth_username="u", auth_password="p")) is None
    with pytest.raises(ValidationError, match="must not be empty"):
        load_settings(host="0.0.0.0", auth_username="admin", auth_password="")
    with pytest.raises(ValidationError, match="both"):
        load_settings(auth_username="admin")
