"""The Gradio chat app: ask about the documents, read the answer as it streams, check every
citation in its section, browse and search the documents, export answers and give feedback.

``python app.py`` (or ``python -m qa serve``) runs :func:`main`; it listens on 127.0.0.1:7860 by
default. A section opens at its address, e.g. ``http://127.0.0.1:7860/?section=<section_id>``.
Styles and the page script (a click on ``[n]`` opens the cited section in the verify tab without
a reload, and puts its address in the location bar) are the files in ``qa/static/``.
"""

from __future__ import annotations

import html
import logging
import os
import re
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import gradio as gr  # noqa: E402

from .browse import parse_address  # noqa: E402
from .config import Settings, load_settings  # noqa: E402
from .engine import Assistant, QuestionError, SourcesUnavailable  # noqa: E402
from .feedback import FeedbackLog, feedback_record  # noqa: E402
from .logs import configure_logging  # noqa: E402
from .record import Turn, now_iso, to_markdown  # noqa: E402
from .render import (escape_markdown, format_answer, render_search, render_section_view,  # noqa: E402
                     render_sources, render_tree, status_line)

log = logging.getLogger("qa.app")

EXAMPLES = [
    "上海市制造业产品质量合格率是多少？",
    "2024年哪些部门负责加强侵权假冒打击力度？",
    "长三角质量提升示范项目2023年完成了多少？",
    "How many consumer product recalls did Shanghai carry out in 2023?",
]
EXPORT_DIR = Path(tempfile.gettempdir()) / "policy-qa-exports"
EXPORT_MAX_AGE_S = 24 * 3600
STATIC = Path(__file__).resolve().parent / "static"


@dataclass
class ChatTurn:
    """One answered question of a conversation, as the page keeps it: the question as typed,
    the answer's JSON object (``Answer.to_json()``), when it was asked (ISO 8601), the answer's
    position in the chat (``chat_index``, what a 👍/👎 refers to) and an id for feedback."""

    question: str
    answer: dict
    asked_at: str
    chat_index: int
    answer_id: str


class ChatUpdate(NamedTuple):
    """What the chat handlers update, by name, in the order of their outputs; a field left out
    keeps its component as it is (``gr.skip()``)."""

    chat: Any
    sources: Any
    history: Any
    question: Any
    turns: Any
    export_answer: Any
    export_conversation: Any

    @classmethod
    def of(cls, **changed) -> "ChatUpdate":
        """An update of the named fields only."""
        return cls(**{name: changed.get(name, gr.skip()) for name in cls._fields})


def _context(assistant: Assistant) -> dict:
    m = assistant.index.manifest
    return {"documents": m["documents"], "embedder": assistant.embedder.name,
            "generator": assistant.generator.name, "index_built_at": m["built_at"]}


def _base_url(request: gr.Request | None) -> str:
    """The app's own URL (scheme, host, path) as the browser sees it, for links in exports."""
    if request is None:
        return ""
    referer = request.headers.get("referer") or ""
    parts = urlsplit(referer)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}{parts.path}"
    host = request.headers.get("host")
    return f"http://{host}/" if host else ""


def write_exports(turns: list[ChatTurn], context: dict, base_url: str, session: str) -> tuple[Path, Path]:
    """Write the Markdown records of the last answer and of the whole conversation; returns
    their paths. Exports older than a day are removed as new ones are written."""
    folder = EXPORT_DIR / ("".join(ch for ch in session if ch.isalnum())[:64] or "anonymous")
    folder.mkdir(parents=True, exist_ok=True)
    cutoff = time.time() - EXPORT_MAX_AGE_S
    for old in EXPORT_DIR.glob("*/*.md"):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass
    records = [Turn(t.question, t.answer, t.asked_at) for t in turns]
    stamp = time.strftime("%Y%m%d-%H%M%S")
    answer_path = folder / f"answer-{stamp}-{len(turns)}.md"
    answer_path.write_text(to_markdown(records[-1:], context, base_url), encoding="utf-8")
    conversation_path = folder / f"conversation-{stamp}-{len(turns)}.md"
    conversation_path.write_text(to_markdown(records, context, base_url), encoding="utf-8")
    return answer_path, conversation_path


def _content_text(content) -> str:
    """The text of a chat message's ``content``: a string, or Gradio's list of parts
    (``[{"type": "text", "text": …}]``), the Markdown escapes the page added removed."""
    if isinstance(content, list):
        content = "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return re.sub(r"\\(.)", r"\1", content) if isinstance(content, str) else ""


def chat_pairs(chat: list) -> list[tuple[str, str]]:
    """The ``(question, answer)`` pairs of a chat as a client sends it (Gradio's messages:
    dicts with ``role`` and ``content``), in order; a user message with no answer after it
    is left out.

    >>> chat_pairs([{"role": "user", "content": "多少？"}, {"role": "assistant", "content": [{"type": "text", "text": "70起"}]}])
    [('多少？', '70起')]
    """
    pairs, asked = [], None
    for message in chat:
        role = message.get("role") if isinstance(message, dict) else None
        if role == "user":
            asked = _content_text(message.get("content"))
        elif role == "assistant" and asked is not None:
            pairs.append((asked, _content_text(message.get("content"))))
            asked = None
    return pairs


def build_app(assistant: Assistant) -> gr.Blocks:
    """The Gradio Blocks app around ``assistant``."""
    max_turns = assistant.settings.max_history_turns
    feedback = FeedbackLog(assistant.settings.feedback_log)
    no_change = gr.update()

    def respond(message: str, chat: list, history: list, turns: list, doc: str | None = None,
                request: gr.Request = None):
        chat, history, turns = list(chat or []), list(history or []), list(turns or [])
        if not chat:
            # an empty conversation starts afresh: the session's earlier turns (an API client
            # passing [] to start, as the README says) are not read into this question
            history, turns = [], []
        else:
            said = chat_pairs(chat)
            if not turns or len(said) < len(turns) or turns[-1].question not in [q for q, _ in said]:
                # a conversation the session did not hold (an API client sending its own chat):
                # follow-ups are read against the chat as sent, not the session's turns
                history = said[-max_turns:] if max_turns else []
                turns = []
        chat.append({"role": "user", "content": escape_markdown(message or "")})
        chat.append({"role": "assistant", "content": "…"})
        yield ChatUpdate.of(chat=chat, history=history, question="", turns=turns)
        try:
            text = ""
            for event in assistant.stream(message or "", history, _limit(doc)):
                if event.kind == "retrieved":
                    sources = render_sources(assistant.index, result=event.result, top_k=assistant.settings.top_k)
                    yield ChatUpdate.of(chat=chat, sources=sources)
                elif event.kind == "delta":
                    text += event.text
                    chat[-1] = {"role": "assistant", "content": escape_markdown(text)}
                    yield ChatUpdate.of(chat=chat)
                else:
                    yield finished(event.answer, message, chat, history, turns, request)
        except (QuestionError, SourcesUnavailable) as exc:
            chat[-1] = {"role": "assistant", "content": escape_markdown(str(exc))}
            yield ChatUpdate.of(chat=chat)
        except Exception:  # never a traceback in the page
            log.exception("answering failed")
            chat[-1] = {"role": "assistant", "content": "抱歉，处理这个问题时出错了，请稍后再试。"}
            yield ChatUpdate.of(chat=chat)

    def finished(answer, message: str, chat: list, history: list, turns: list, request) -> ChatUpdate:
        """The final answer shown, remembered for follow-ups and feedback, and exported."""
        chat[-1] = {"role": "assistant", "content": format_answer(answer)}
        if max_turns and len(history) >= max_turns:
            chat[-1]["content"] += f"\n\n*对话已超过 {max_turns} 轮：追问只参考最近 {max_turns} 轮。*"
        history = (history + [(answer.query, answer.text)])[-max_turns:] if max_turns else []
        turns.append(ChatTurn(message, answer.to_json(), now_iso(), len(chat) - 1, uuid.uuid4().hex[:16]))
        exports = {}
        try:
            paths = write_exports(turns, _context(assistant), _base_url(request),
                                  getattr(request, "session_hash", "") or "")
            exports = {"export_answer": gr.update(value=str(paths[0]), interactive=True),
                       "export_conversation": gr.update(value=str(paths[1]), interactive=True)}
        except OSError:
            log.exception("could not write the answer record")
        return ChatUpdate.of(chat=chat, sources=render_sources(assistant.index, answer=answer), history=history,
                             turns=turns, **exports)

    def new_conversation():
        idle = gr.update(value=None, interactive=False)
        update = ChatUpdate(chat=[], sources=render_sources(assistant.index), history=[], question="", turns=[],
                            export_answer=idle, export_conversation=idle)
        return (*update, "")          # and the feedback status, cleared

    def current_index():
        """The index of the documents as they are on disk now (re-indexed if they changed);
        raises SourcesUnavailable when they cannot be read."""
        assistant.refresh_if_changed()
        return assistant.index

    def unavailable(exc) -> str:
        return f'<div class="qa-status qa-missing">{html.escape(str(exc))}</div>'

    def open_section(address: str):
        try:
            view = render_section_view(current_index(), parse_address(address if isinstance(address, str) else ""))
        except SourcesUnavailable as exc:
            view = unavailable(exc)
        return view, gr.Tabs(selected="verify")

    def on_load(request: gr.Request):
        # the query string as the browser sent it, so a repeated parameter means what it
        # means for in-page links (the first value)
        target = parse_address("?" + str(request.query_params)) if request is not None else None
        if target is None:
            return no_change, no_change
        try:
            return render_section_view(current_index(), target), gr.Tabs(selected="verify")
        except SourcesUnavailable as exc:
            return unavailable(exc), gr.Tabs(selected="verify")

    def search(query: str):
        try:
            return render_search(current_index(), query if isinstance(query, str) else "")
        except SourcesUnavailable as exc:
            return unavailable(exc)

    def on_feedback(turns: list, comment: str, data: gr.LikeData, request: gr.Request):
        turn = next((t for t in turns or [] if t.chat_index == data.index), None)
        if turn is None:
            return no_change, "只能对助手的回答给出反馈。"
        verdict = {True: "up", False: "down"}.get(data.liked, str(data.liked or "withdrawn"))
        record = feedback_record(verdict, turn.question, turn.answer, comment or "", turn.asked_at,
                                 now_iso(), getattr(request, "session_hash", "") or "", turn.answer_id)
        try:
            feedback.append(record)
        except Exception:
            log.exception("could not write feedback")
            return no_change, "反馈没有保存成功，请稍后再试。"
        if verdict == "withdrawn":
            return no_change, "已撤回对这条回答的反馈。"
        shown = {"up": "👍", "down": "👎"}.get(verdict, verdict)
        return "", f"已记录 {shown} 反馈{'和意见' if record['comment'] else ''}，谢谢。"

    def _limit(doc) -> set[str] | None:
        """The document a question is limited to (the 限定文件 choice; empty: all of them)."""
        return {doc} if isinstance(doc, str) and doc in assistant.index.documents else None

    def _choices() -> list[tuple[str, str]]:
        return [("全部文件", "")] + [(f"{d.title}（{doc_id}）", doc_id)
                                   for doc_id, d in sorted(assistant.index.documents.items())]

    def document_choices():
        """The 限定文件 menu — all documents, or one (title and id) — as they are now; shown
        when there are several."""
        choices = _choices()
        return gr.Dropdown(choices=choices, value="", visible=len(choices) > 2)

    def answer_json(question: str, doc: str = "") -> dict:
        """API only: one question (no history; ``doc``: limit it to this document id) → the
        ``ask --json`` object of DESIGN.md, with an ``address`` per citation; a question that
        cannot be asked → ``{"error": message}``."""
        return _answer(question, doc, [])

    def _answer(question, doc, history: list[tuple[str, str]]) -> dict:
        if not isinstance(question, str):
            return {"question": None, "error": "请输入一个关于通知内容的问题（文字）。"}
        if doc is not None and not isinstance(doc, str):
            return {"question": question, "error": "doc 应是一个文件编号（文字），或留空表示全部文件。"}
        if doc and doc not in assistant.index.documents:
            return {"question": question, "error": f"没有文件 {doc}；可选：{'、'.join(sorted(assistant.index.documents))}"}
        try:
            return assistant.ask(question, history=history, documents=_limit(doc)).to_json()
        except (QuestionError, SourcesUnavailable) as exc:
            return {"question": question, "error": str(exc)}

    def chat_json(messages: list, doc: str = "") -> dict:
        """API only: a conversation as chat clients send it (OpenAI-style: a list of
        ``{"role": "user"|"assistant"|"system", "content": str | [{"type": "text", "text": …}]}``)
        → the ``ask --json`` object answering its last user message, read in the light of the
        earlier turns (the last ``QA_MAX_HISTORY_TURNS``); system messages are not read. A
        conversation that is not of that shape → ``{"error": message}``."""
        if not isinstance(messages, list) or not all(isinstance(m, dict) for m in messages):
            return {"question": None, "error": "messages 应是一个列表，每条是 {\"role\": …, \"content\": …}。"}
        if not messages or messages[-1].get("role") != "user":
            return {"question": None, "error": "最后一条消息应是用户的提问（role 为 user）。"}
        if any(not isinstance(m.get("content"), (str, list)) for m in messages):
            return {"question": None, "error": "每条消息的 content 应是文字，或 [{\"type\": \"text\", \"text\": …}] 列表。"}
        said = [m for m in messages[:-1] if m.get("role") in ("user", "assistant")]
        earlier = chat_pairs(said)
        return _answer(_content_text(messages[-1]["content"]), doc, earlier[-max_turns:] if max_turns else [])

    def status_html() -> str:
        return status_line(assistant.index, assistant.embedder.name, assistant.generator_name, assistant.skipped)

    def refresh_status():
        return status_html(), render_tree(assistant.index)

    with gr.Blocks(title="政策问答助手", delete_cache=(3600, EXPORT_MAX_AGE_S)) as demo:
        gr.Markdown("## 政策问答助手 · 《2023年上海市质量工作总结和2024年上海市质量工作要点》")
        status = gr.HTML(status_line(assistant.index, assistant.embedder.name, assistant.generator_name,
                                     assistant.skipped),
                         elem_id="status")
        history = gr.State([])
        turns = gr.State([])
        with gr.Row():
            with gr.Column(scale=3, min_width=340):
                chatbot = gr.Chatbot(label="对话", height=520, elem_id="chat",
                                     placeholder="向助手提问通知内容；回答中的 [n] 可点开核对原文。",
                                     buttons=["copy", "copy_all"])  # no "share": it posts to the Hub
                question = gr.Textbox(label="问题", placeholder="例如：上海市制造业产品质量合格率是多少？",
                                      lines=1, max_lines=4, elem_id="question")
                choices = _choices()
                limit = gr.Dropdown(choices=choices, value="", label="限定文件", elem_id="limit-document",
                                    visible=len(choices) > 2)
                with gr.Row():
                    send = gr.Button("提问", variant="primary", elem_id="send")
                    clear = gr.Button("新对话", elem_id="new-conversation")
                gr.Examples(EXAMPLES, inputs=question, label="示例问题")
                with gr.Accordion("反馈与导出", open=True):
                    comment = gr.Textbox(label="意见（可选，点回答下的 👍/👎 时一并提交）", lines=1, max_lines=3,
                                         max_length=2000, elem_id="feedback-comment")
                    feedback_status = gr.Markdown("", elem_id="feedback-status")
                    with gr.Row():
                        export_answer = gr.DownloadButton("导出本条回答（Markdown）", interactive=False,
                                                          size="sm", elem_id="export-answer")
                        export_conversation = gr.DownloadButton("导出整段对话", interactive=False, size="sm",
                                                                elem_id="export-conversation")
            with gr.Column(scale=2, min_width=340):
                with gr.Tabs(selected="sources", elem_id="side-tabs") as tabs:
                    with gr.Tab("出处", id="sources", elem_id="sources-tab"):
                        sources = gr.HTML(render_sources(assistant.index), elem_id="sources")
                    with gr.Tab("核对", id="verify", elem_id="verify-tab"):
                        verify = gr.HTML(render_section_view(assistant.index, None), elem_id="verify")
                    with gr.Tab("通知原文", id="document", elem_id="document-tab"):
                        with gr.Row():
                            query = gr.Textbox(label="在通知中搜索", placeholder="如：质量品牌", scale=4,
                                               max_length=100, elem_id="search-query")
                            find = gr.Button("搜索", scale=1, elem_id="search-button")
                        results = gr.HTML("", elem_id="search-results")
                        tree = gr.HTML(render_tree(assistant.index), elem_id="document-tree")
        open_target = gr.Textbox(visible="hidden", elem_id="open-target")
        open_button = gr.Button(visible="hidden", elem_id="open-button")

        outputs = list(ChatUpdate(chatbot, sources, history, question, turns, export_answer, export_conversation))
        send.click(respond, [question, chatbot, history, turns, limit], outputs, api_name="ask")
        question.submit(respond, [question, chatbot, history, turns, limit], outputs, api_name=False)
        clear.click(new_conversation, None, [*outputs, feedback_status], api_name=False)
        chatbot.clear(new_conversation, None, [*outputs, feedback_status], api_name=False)
        chatbot.like(on_feedback, [turns, comment], [comment, feedback_status], api_name=False)
        open_button.click(open_section, open_target, [verify, tabs], api_name="open_section")
        find.click(search, query, results, api_name="search")
        query.submit(search, query, results, api_name=False)
        gr.api(answer_json, api_name="answer")
        gr.api(chat_json, api_name="chat")
        demo.load(on_load, None, [verify, tabs], api_name=False)
        demo.load(refresh_status, None, [status, tree], api_name=False)
        demo.load(document_choices, None, limit, api_name=False)
        # while the model loads, the status line says so and is refreshed until it is ready
        loading = gr.Timer(1.0, active=not assistant.generator_ready)

        def loaded_status():
            return status_html(), gr.Timer(active=not assistant.generator_ready)

        loading.tick(loaded_status, None, [status, loading], api_name=False)
    return demo


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost).

    >>> [is_loopback(h) for h in ("127.0.0.1", "localhost", "::1", "0.0.0.0", "192.168.1.5")]
    [True, True, True, False, False]
    """
    import ipaddress

    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def exposure_warning(settings: Settings) -> str | None:
    """The warning printed when the app listens beyond loopback without a login; ``None`` when
    it listens on loopback or asks for a password."""
    if is_loopback(settings.host) or (settings.auth_username and settings.auth_password
                                      and settings.auth_password.get_secret_value()):
        return None
    return (f"warning: listening on {settings.host} without a password: anyone who can reach this "
            f"machine can use the assistant. Set QA_AUTH_USERNAME and QA_AUTH_PASSWORD, or QA_HOST=127.0.0.1.")


def main(settings: Settings | None = None) -> None:
    """Build the assistant and serve the app (blocks until stopped)."""
    import sys

    configure_logging(logging.INFO)
    settings = settings or load_settings()
    warning = exposure_warning(settings)
    if warning:
        print(warning, file=sys.stderr, flush=True)
        log.warning(warning)
    assistant = Assistant(settings, progress=True, background=True)   # the page is served while the model loads
    demo = build_app(assistant)
    # Gradio shows each waiting user their place in the queue; past queue_size it turns them away
    demo.queue(default_concurrency_limit=settings.concurrency, max_size=settings.queue_size)
    auth = None
    if settings.auth_username and settings.auth_password:
        auth = (settings.auth_username, settings.auth_password.get_secret_value())
    print(f"serving on http://{settings.host}:{settings.port}", flush=True)
    demo.launch(server_name=settings.host, server_port=settings.port, share=False, auth=auth,
                auth_message="政策问答助手：请登录。" if auth else None,
                show_error=False, css=(STATIC / "app.css").read_text(encoding="utf-8"),
                js=(STATIC / "app.js").read_text(encoding="utf-8"), footer_links=[])
