"""Rendering helpers of the Gradio app: what users typed or the model wrote is never run as
Markdown or HTML."""

import app


def test_escape_markdown_neutralises_images_links_and_html():
    shown = app.escape_markdown("![x](http://evil.example/p.png) <script>alert(1)</script> [1]")
    assert "![" not in shown and "<script>" not in shown and "](" not in shown


def test_highlight_escapes_section_text_and_marks_the_quote():
    html = app._highlight("甲<b>乙</b>丙。", 100, [(103, 105, 1)])
    assert "<b>" not in html and "&lt;b" in html and "<mark data-n=\"1\">" in html
