"""Gradio chat app: ask about the notice, read the answer as it streams, and check every
citation against the highlighted section text beside the chat.

Run ``python app.py`` (or ``python -m qa serve``); it listens on 127.0.0.1:7860 by default.
"""

from __future__ import annotations

import html
import logging
import os
import re

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import gradio as gr  # noqa: E402

from qa.cli import configure_logging  # noqa: E402
from qa.config import Settings, load_settings  # noqa: E402
from qa.engine import Answer, Assistant, QuestionError  # noqa: E402

log = logging.getLogger("qa.app")

EXAMPLES = [
    "上海市制造业产品质量合格率是多少？",
    "2024年哪些部门负责加强侵权假冒打击力度？",
    "长三角质量提升示范项目2023年完成了多少？",
    "What was Shanghai's quality competitiveness index in 2023?",
]

CSS = """
#sources { max-height: 78vh; overflow-y: auto; }
.qa-source { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 10px; margin-bottom: 10px; }
.qa-source h4 { margin: 0 0 4px 0; font-size: 0.95em; }
.qa-path { color: var(--body-text-color-subdued); font-size: 0.8em; margin-bottom: 6px; }
.qa-text { font-size: 0.9em; line-height: 1.6; white-space: pre-wrap; }
.qa-text mark { background: #ffe58a; color: #000; padding: 0 1px; }
.qa-status { font-size: 0.85em; color: var(--body-text-color-subdued); }
"""


def _highlight(text: str, section_start: int, spans: list[tuple[int, int, int]]) -> str:
    """Section text as HTML with the cited ``(start, end, n)`` spans (document offsets) marked."""
    out, pos = [], 0
    for start, end, n in sorted(spans):
        s, e = start - section_start, end - section_start
        if s < pos or e > len(text):
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f'<mark data-n="{n}">{html.escape(text[s:e])}</mark>')
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


def render_sources(assistant: Assistant, answer: Answer | None = None, result=None) -> str:
    """HTML of the sources panel: one card per cited section (label, path, full text with the
    quoted sentences highlighted); before the answer is final, the retrieved evidence; for an
    abstention, the nearest sections."""
    index = assistant.index
    cards = []
    if answer is not None and answer.citations:
        by_section: dict[str, list] = {}
        for c in answer.citations:
            by_section.setdefault(c.section_id, []).append(c)
        for section_id, cites in by_section.items():
            section = index.section(section_id)
            marks = " ".join(f"[{c.n}]" for c in cites)
            body = _highlight(section.text, section.start, [(c.start, c.end, c.n) for c in cites])
            cards.append(_card(f"{marks} {section.label}", section.path, body, section_id))
        title = "出处（引用的原文已高亮）"
    elif answer is not None or result is not None:
        hits = answer.retrieved if answer is not None else result.hits[: assistant.settings.top_k]
        evidence = result.evidence if result is not None else []
        for hit in hits:
            spans = [(e.sentence.start, e.sentence.end, e.n) for e in evidence
                     if e.section.section_id == hit.section.section_id]
            cards.append(_card(hit.section.label, hit.section.path,
                               _highlight(hit.section.text, hit.section.start, spans), hit.section.section_id))
        title = "最接近的条款" if answer is not None else "检索到的条款（正在生成回答…）"
        if not cards:
            return '<div class="qa-status">这个回答没有引用通知条款。</div>'
    else:
        return '<div class="qa-status">提问后，这里显示回答引用的条款原文。</div>'
    return f"<h3>{title}</h3>" + "".join(cards)


def _card(label: str, path: list[str], body_html: str, section_id: str) -> str:
    crumbs = " › ".join(html.escape(p) for p in path) or "通知正文"
    return (f'<div class="qa-source" id="{html.escape(section_id)}"><h4>{html.escape(label)}</h4>'
            f'<div class="qa-path">{crumbs}</div><div class="qa-text">{body_html}</div></div>')


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def escape_markdown(text: str) -> str:
    """Text shown as typed: Markdown and HTML characters escaped, so a pasted image or link
    is neither rendered nor fetched."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def format_answer(answer: Answer) -> str:
    """The chat text of a final answer: markers kept, a visible mode marker, notes below."""
    badge = {"generated": "", "extractive": "〔原文摘录〕", "fallback": "〔原文摘录〕",
             "abstained": "〔通知中未提及〕", "refused": "〔已拒绝〕"}.get(answer.mode, "")
    lines = [f"{badge} {escape_markdown(answer.text)}".strip()]
    lines += [f"*{note}*" for note in answer.notes]
    return "\n\n".join(lines)


def status_line(assistant: Assistant) -> str:
    m = assistant.index.manifest
    docs = "、".join(d["file"] for d in m["documents"])
    return (f'<div class="qa-status">嵌入模型 {html.escape(assistant.embedder.name)} · 生成模型 '
            f'{html.escape(assistant.generator.name)} · 文件 {html.escape(docs)} · '
            f'{m["counts"]["sections"]} 个条款 · 索引建于 {html.escape(m["built_at"])}</div>')


def build_app(assistant: Assistant) -> gr.Blocks:
    """The Gradio Blocks app around ``assistant``."""
    turns = assistant.settings.max_history_turns

    def respond(message: str, chat: list, history: list):
        chat = list(chat or [])
        history = list(history or [])
        chat.append({"role": "user", "content": escape_markdown(message)})
        chat.append({"role": "assistant", "content": "…"})
        yield chat, gr.update(), history, ""
        try:
            text = ""
            for event in assistant.stream(message, history):
                if event.kind == "retrieved":
                    yield chat, render_sources(assistant, result=event.result), history, ""
                elif event.kind == "delta":
                    text += event.text
                    chat[-1] = {"role": "assistant", "content": text}
                    yield chat, gr.update(), history, ""
                else:
                    answer = event.answer
                    chat[-1] = {"role": "assistant", "content": format_answer(answer)}
                    history = (history + [(answer.query, answer.text)])[-turns:] if turns else []
                    yield chat, render_sources(assistant, answer=answer), history, ""
        except QuestionError as exc:
            chat[-1] = {"role": "assistant", "content": str(exc)}
            yield chat, gr.update(), history, ""
        except Exception:  # never a traceback in the page
            log.exception("answering failed")
            chat[-1] = {"role": "assistant", "content": "抱歉，处理这个问题时出错了，请稍后再试。"}
            yield chat, gr.update(), history, ""

    def new_conversation():
        return [], render_sources(assistant), [], ""

    with gr.Blocks(title="政策问答助手") as demo:
        gr.Markdown("## 政策问答助手 · 《2023年上海市质量工作总结和2024年上海市质量工作要点》")
        gr.HTML(status_line(assistant))
        history = gr.State([])
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="对话", height=520, elem_id="chat")
                question = gr.Textbox(label="问题", placeholder="例如：上海市制造业产品质量合格率是多少？",
                                      lines=1, max_lines=4, elem_id="question")
                with gr.Row():
                    send = gr.Button("提问", variant="primary", elem_id="send")
                    clear = gr.Button("新对话", elem_id="new-conversation")
                gr.Examples(EXAMPLES, inputs=question, label="示例问题")
            with gr.Column(scale=2):
                sources = gr.HTML(render_sources(assistant), elem_id="sources")
        outputs = [chatbot, sources, history, question]
        send.click(respond, [question, chatbot, history], outputs, api_name="ask")
        question.submit(respond, [question, chatbot, history], outputs, api_name=False)
        clear.click(new_conversation, None, outputs, api_name=False)
    return demo


def main(settings: Settings | None = None) -> None:
    """Build the assistant and serve the app (blocks until stopped)."""
    configure_logging(logging.INFO)
    settings = settings or load_settings()
    assistant = Assistant(settings, progress=True)
    demo = build_app(assistant)
    demo.queue(default_concurrency_limit=4, max_size=32)
    print(f"serving on http://{settings.host}:{settings.port}", flush=True)
    demo.launch(server_name=settings.host, server_port=settings.port, share=False,
                show_error=False, css=CSS, footer_links=[])


if __name__ == "__main__":
    import sys

    from qa.cli import main as cli_main

    sys.exit(cli_main(["serve", *sys.argv[1:]]))
