"""Gradio chat app: ask about the notice, read the answer as it streams, check every citation in
its section, browse and search the notice, export answers and give feedback.

Run ``python app.py`` (or ``python -m qa serve``); it listens on 127.0.0.1:7860 by default.
A section opens at its address, e.g. ``http://127.0.0.1:7860/?section=<section_id>``.
"""

from __future__ import annotations

import html
import logging
import os
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import gradio as gr  # noqa: E402

from qa.browse import parse_address  # noqa: E402
from qa.cli import configure_logging  # noqa: E402
from qa.config import Settings, load_settings  # noqa: E402
from qa.engine import Assistant, QuestionError, SourcesUnavailable  # noqa: E402
from qa.feedback import FeedbackLog, feedback_record  # noqa: E402
from qa.record import Turn, now_iso, to_markdown  # noqa: E402
from qa.render import (escape_markdown, format_answer, render_search, render_section_view,  # noqa: E402
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

CSS = """
#sources, #verify, #document-tree, #search-results { max-height: 70vh; overflow-y: auto; }
.qa-source, .qa-hit { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 10px; margin-bottom: 10px; }
.qa-source h4, .qa-hit h4 { margin: 0 0 4px 0; font-size: 0.95em; }
.qa-link { float: right; font-weight: normal; font-size: 0.85em; }
.qa-path, .qa-address, .qa-agencies { color: var(--body-text-color-subdued); font-size: 0.8em; margin-bottom: 6px; word-break: break-all; }
.qa-text { font-size: 0.9em; line-height: 1.7; white-space: pre-wrap; overflow-wrap: anywhere; }
.qa-text mark { background: #ffe58a; color: #000; padding: 0 1px; }
.qa-text mark.qa-focus { background: #ffb347; outline: 2px solid #d46b08; }
.qa-status { font-size: 0.85em; color: var(--body-text-color-subdued); overflow-wrap: anywhere; }
.qa-tree { padding-left: 0; list-style: none; font-size: 0.9em; }
.qa-tree ul { padding-left: 1.1em; list-style: none; }
.qa-tree li { margin: 2px 0; }
a.qa-open { cursor: pointer; }
@media (max-width: 640px) { #sources, #verify, #document-tree, #search-results { max-height: none; } }
"""

# Links to a section (class qa-open, or [n] in an answer) open it in the verify tab without a
# reload; the address goes into the location bar so that a reload or a shared link opens it too.
JS = """
() => {
  const open = (search) => {
    const box = document.querySelector('#open-target textarea, #open-target input');
    const button = document.querySelector('#open-button');
    if (!box || !button) return false;
    box.value = search;
    box.dispatchEvent(new Event('input', {bubbles: true}));
    history.replaceState(null, '', location.pathname + search);
    setTimeout(() => button.click(), 50);
    return true;
  };
  document.addEventListener('click', (event) => {
    // a modified click (new tab, new window) is the browser's: the address opens there
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest && event.target.closest('a[href*="section="]');
    if (!link) return;
    const url = new URL(link.getAttribute('href'), location.href);
    if (url.origin !== location.origin) return;
    if (open(url.search)) { event.preventDefault(); event.stopPropagation(); }
  }, true);
  const focus = () => {
    const target = document.querySelector('#verify .qa-focus') || document.querySelector('#verify .qa-verify');
    if (target) target.scrollIntoView({block: 'center'});
  };
  const watch = setInterval(() => {
    const view = document.querySelector('#verify');
    if (!view) return;
    clearInterval(watch);
    new MutationObserver(() => setTimeout(focus, 30)).observe(view, {childList: true, subtree: true});
    focus();
  }, 200);
}
"""


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


def write_exports(turns: list[dict], context: dict, base_url: str, session: str) -> tuple[Path, Path]:
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
    records = [Turn(t["question"], t["answer"], t["asked_at"]) for t in turns]
    stamp = time.strftime("%Y%m%d-%H%M%S")
    answer_path = folder / f"answer-{stamp}-{len(turns)}.md"
    answer_path.write_text(to_markdown(records[-1:], context, base_url), encoding="utf-8")
    conversation_path = folder / f"conversation-{stamp}-{len(turns)}.md"
    conversation_path.write_text(to_markdown(records, context, base_url), encoding="utf-8")
    return answer_path, conversation_path


def build_app(assistant: Assistant) -> gr.Blocks:
    """The Gradio Blocks app around ``assistant``."""
    max_turns = assistant.settings.max_history_turns
    feedback = FeedbackLog(assistant.settings.feedback_log)
    no_change = gr.update()

    def respond(message: str, chat: list, history: list, turns: list, request: gr.Request):
        chat, history, turns = list(chat or []), list(history or []), list(turns or [])
        chat.append({"role": "user", "content": escape_markdown(message or "")})
        chat.append({"role": "assistant", "content": "…"})
        yield chat, no_change, history, "", turns, no_change, no_change
        try:
            text = ""
            for event in assistant.stream(message or "", history):
                if event.kind == "retrieved":
                    sources = render_sources(assistant.index, result=event.result, top_k=assistant.settings.top_k)
                    yield chat, sources, history, "", turns, no_change, no_change
                elif event.kind == "delta":
                    text += event.text
                    chat[-1] = {"role": "assistant", "content": escape_markdown(text)}
                    yield chat, no_change, history, "", turns, no_change, no_change
                else:
                    answer = event.answer
                    chat[-1] = {"role": "assistant", "content": format_answer(answer)}
                    if max_turns and len(history) >= max_turns:
                        chat[-1]["content"] += f"\n\n*对话已超过 {max_turns} 轮：追问只参考最近 {max_turns} 轮。*"
                    history = (history + [(answer.query, answer.text)])[-max_turns:] if max_turns else []
                    turns.append({"question": message, "answer": answer.to_json(), "asked_at": now_iso(),
                                  "chat_index": len(chat) - 1, "answer_id": uuid.uuid4().hex[:16]})
                    exports = (no_change, no_change)
                    try:
                        paths = write_exports(turns, _context(assistant), _base_url(request),
                                              getattr(request, "session_hash", "") or "")
                        exports = tuple(gr.update(value=str(p), interactive=True) for p in paths)
                    except OSError:
                        log.exception("could not write the answer record")
                    yield (chat, render_sources(assistant.index, answer=answer), history, "", turns, *exports)
        except (QuestionError, SourcesUnavailable) as exc:
            chat[-1] = {"role": "assistant", "content": escape_markdown(str(exc))}
            yield chat, no_change, history, "", turns, no_change, no_change
        except Exception:  # never a traceback in the page
            log.exception("answering failed")
            chat[-1] = {"role": "assistant", "content": "抱歉，处理这个问题时出错了，请稍后再试。"}
            yield chat, no_change, history, "", turns, no_change, no_change

    def new_conversation():
        idle = gr.update(value=None, interactive=False)
        return [], render_sources(assistant.index), [], "", [], idle, idle, ""

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
        turn = next((t for t in turns or [] if t["chat_index"] == data.index), None)
        if turn is None:
            return no_change, "只能对助手的回答给出反馈。"
        verdict = {True: "up", False: "down"}.get(data.liked, str(data.liked or "withdrawn"))
        record = feedback_record(verdict, turn["question"], turn["answer"], comment or "", turn["asked_at"],
                                 now_iso(), getattr(request, "session_hash", "") or "", turn.get("answer_id", ""))
        try:
            feedback.append(record)
        except Exception:
            log.exception("could not write feedback")
            return no_change, "反馈没有保存成功，请稍后再试。"
        if verdict == "withdrawn":
            return no_change, "已撤回对这条回答的反馈。"
        shown = {"up": "👍", "down": "👎"}.get(verdict, verdict)
        return "", f"已记录 {shown} 反馈{'和意见' if record['comment'] else ''}，谢谢。"

    def answer_json(question: str) -> dict:
        """API only: one question (no history) → the ``ask --json`` object of DESIGN.md, with
        an ``address`` per citation; a question that cannot be asked → ``{"error": message}``."""
        if not isinstance(question, str):
            return {"question": None, "error": "请输入一个关于通知内容的问题（文字）。"}
        try:
            return assistant.ask(question).to_json()
        except (QuestionError, SourcesUnavailable) as exc:
            return {"question": question, "error": str(exc)}

    def refresh_status():
        return (status_line(assistant.index, assistant.embedder.name, assistant.generator.name),
                render_tree(assistant.index))

    with gr.Blocks(title="政策问答助手", delete_cache=(3600, EXPORT_MAX_AGE_S)) as demo:
        gr.Markdown("## 政策问答助手 · 《2023年上海市质量工作总结和2024年上海市质量工作要点》")
        status = gr.HTML(status_line(assistant.index, assistant.embedder.name, assistant.generator.name),
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

        outputs = [chatbot, sources, history, question, turns, export_answer, export_conversation]
        send.click(respond, [question, chatbot, history, turns], outputs, api_name="ask")
        question.submit(respond, [question, chatbot, history, turns], outputs, api_name=False)
        clear.click(new_conversation, None, [*outputs, feedback_status], api_name=False)
        chatbot.clear(new_conversation, None, [*outputs, feedback_status], api_name=False)
        chatbot.like(on_feedback, [turns, comment], [comment, feedback_status], api_name=False)
        open_button.click(open_section, open_target, [verify, tabs], api_name="open_section")
        find.click(search, query, results, api_name="search")
        query.submit(search, query, results, api_name=False)
        gr.api(answer_json, api_name="answer")
        demo.load(on_load, None, [verify, tabs], api_name=False)
        demo.load(refresh_status, None, [status, tree], api_name=False)
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
    assistant = Assistant(settings, progress=True)
    demo = build_app(assistant)
    # Gradio shows each waiting user their place in the queue; past queue_size it turns them away
    demo.queue(default_concurrency_limit=settings.concurrency, max_size=settings.queue_size)
    auth = None
    if settings.auth_username and settings.auth_password:
        auth = (settings.auth_username, settings.auth_password.get_secret_value())
    print(f"serving on http://{settings.host}:{settings.port}", flush=True)
    demo.launch(server_name=settings.host, server_port=settings.port, share=False, auth=auth,
                auth_message="政策问答助手：请登录。" if auth else None,
                show_error=False, css=CSS, js=JS, footer_links=[])


if __name__ == "__main__":
    import sys

    from qa.cli import main as cli_main

    sys.exit(cli_main(["serve", *sys.argv[1:]]))
