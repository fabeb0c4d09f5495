"""The answer record: what the assistant told a user, written down as Markdown for the office's
files — the question, the answer, each citation with its label and verbatim quote, the models,
the index build time and the date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .render import escape_markdown

MODE_NAMES = {"generated": "模型生成（引用已核对）", "extractive": "原文摘录", "fallback": "原文摘录（模型回答未通过核对）",
              "structured": "按条款整理", "abstained": "通知中未提及", "refused": "已拒绝"}


@dataclass(frozen=True)
class Turn:
    """One answered question: ``answer`` is :meth:`qa.engine.Answer.to_json`; ``asked_at`` an
    ISO 8601 time with its offset."""

    question: str
    answer: dict
    asked_at: str


def md_text(text: str) -> str:
    r"""Text written into the record so that a Markdown viewer shows it as it is: characters
    that would make images, links, HTML or emphasis are backslash-escaped.

    >>> print(md_text("![x](http://e.x/p.png) <b>粗</b> 96%[1]"))
    \!\[x\]\(http://e.x/p.png\) \<b\>粗\</b\> 96%[1]
    """
    # citation markers [n] stay as they are: without a (url) after them they are plain text
    parts = re.split(r"(\[\d{1,3}\](?!\())", text)
    return "".join(p if i % 2 else escape_markdown(p) for i, p in enumerate(parts))


def now_iso() -> str:
    """The local time as ISO 8601 with its UTC offset, to the second."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _quote_block(text: str) -> str:
    return "\n".join("> " + md_text(line) for line in (text.strip() or "（空）").splitlines())


def _turn_markdown(number: int, turn: Turn, base_url: str) -> list[str]:
    answer = turn.answer
    lines = [f"## 问题 {number}", "", _quote_block(turn.question), "",
             f"提问时间：{turn.asked_at}  ", f"回答方式：{MODE_NAMES.get(answer.get('mode'), answer.get('mode', ''))}", "",
             "### 回答", "", md_text(answer["answer"].strip()) or "（无）", ""]
    for note in answer.get("notes", []):
        lines.append(f"*{md_text(note)}*  ")
    if answer.get("notes"):
        lines.append("")
    if answer["citations"]:
        lines += ["### 出处", ""]
        for c in answer["citations"]:
            lines += [f"[{c['n']}] **{md_text(c['label'])}**  ",
                      *([f"文件：《{md_text(c['document'])}》  "] if c.get("document") else []),
                      f"位置：{md_text(' › '.join(c['path'])) or '通知文头'}（第 {c['start']}–{c['end']} 字）  ",
                      f"链接：{base_url}{c['address']}", "", _quote_block(c["quote"]), ""]
    elif answer.get("retrieved"):
        lines += ["### 最接近的条款", ""]
        lines += [f"- {md_text(r['label'])}（{base_url}{r['address']}）" for r in answer["retrieved"]]
        lines.append("")
    return lines


def to_markdown(turns: list[Turn], context: dict, base_url: str = "") -> str:
    """The record of ``turns`` as Markdown. ``context`` gives ``documents`` (list of
    ``{"file", "sha256"}``), ``embedder``, ``generator`` and ``index_built_at``;
    ``base_url`` is put before each section address (``?section=…``) so that links open the
    app. Raises ``ValueError`` when there is no turn to record.
    """
    if not turns:
        raise ValueError("no answer to export yet")
    title = "政策问答记录" if len(turns) == 1 else f"政策问答记录（{len(turns)} 个问题）"
    docs = "、".join(f"{d['file']}（SHA-256 {d['sha256'][:12]}…）" for d in context["documents"])
    lines = [f"# {title}", "",
             f"- 导出时间：{now_iso()}",
             f"- 依据文件：{docs}",
             f"- 嵌入模型：{context['embedder']}",
             f"- 生成模型：{context['generator']}",
             f"- 索引建立时间：{context['index_built_at']}", ""]
    for number, turn in enumerate(turns, 1):
        lines += _turn_markdown(number, turn, base_url)
    return "\n".join(lines).rstrip() + "\n"
