"""The Gradio app in a real Chromium (Debian package, driven by Playwright) with the default
model: ask and watch the answer stream, click [n] to verify, reload a section's address, export
the record, give feedback, browse and search the notice, two users at once, a phone screen.
Screenshots go to test-artifacts/."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ARTIFACTS, ROOT

pytestmark = pytest.mark.slow
CHROMIUM = Path("/usr/bin/chromium")
QUESTION = "上海市制造业产品质量合格率是多少？"
BOT = "#chat .message.bot, #chat [data-testid='bot']"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def feedback_path(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("feedback") / "feedback.jsonl"


@pytest.fixture(scope="module")
def app_url(settings, feedback_path, tmp_path_factory):
    port = _free_port()
    log = tmp_path_factory.mktemp("app") / "app.log"
    env = {**os.environ, "QA_SOURCE_DIR": str(settings.source_dir), "QA_INDEX_DIR": str(settings.index_dir),
           "QA_PORT": str(port), "QA_FEEDBACK_LOG": str(feedback_path), "HF_HUB_OFFLINE": "1",
           "GRADIO_ANALYTICS_ENABLED": "False"}
    with log.open("w") as handle:
        proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 240
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"app exited: {log.read_text()[-2000:]}")
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            time.sleep(1)
    else:
        proc.kill()
        pytest.fail(f"app did not start: {log.read_text()[-2000:]}")
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    assert "Traceback" not in log.read_text(), log.read_text()[-3000:]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Chromium is not installed: ./run.sh test installs it from Debian")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost"])
        yield browser
        browser.close()


class Loopback:
    """Routes a page's requests: loopback ones pass, any other is recorded and aborted."""

    def __init__(self, page):
        self.outside: list[str] = []
        page.route("**/*", self)

    def __call__(self, route):
        url = route.request.url
        host = url.split("/")[2].split(":")[0] if "://" in url else ""
        if host in ("127.0.0.1", "localhost", "") or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


def _open(browser, url, viewport=(1280, 800)):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, accept_downloads=True)
    page = context.new_page()
    guard = Loopback(page)
    page.goto(url, wait_until="domcontentloaded")
    page.locator("#question textarea").wait_for(timeout=60_000)
    return page, guard


def _ask(page, question: str, expect: str, timeout_s: float = 240) -> list[str]:
    """Ask and wait for the final answer (sources titled 出处 or 最接近, and ``expect`` in the
    answer); returns the texts seen while it streamed."""
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()
    page.locator("#sources .qa-source").first.wait_for(timeout=120_000)
    bot = page.locator(BOT).last
    seen = []
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        text = bot.inner_text() if bot.count() else ""
        seen.append(text)
        if page.locator("#sources h3", has_text="出处").count() and expect in text:
            return seen
        page.wait_for_timeout(200)
    pytest.fail(f"no final answer with {expect!r}; last text: {seen[-1]!r}")


@pytest.fixture(scope="module")
def answered(browser, app_url):
    """One page that has asked the first example and got its answer."""
    page, guard = _open(browser, app_url)
    seen = _ask(page, QUESTION, "96.04")
    yield page, guard, seen
    page.context.close()


def test_answer_streams_and_its_source_is_highlighted(answered):
    page, guard, seen = answered
    ARTIFACTS.mkdir(exist_ok=True)
    final = page.locator(BOT).last.inner_text()
    assert "96.04" in final and "[1]" in final
    # the model's own checked answer, not a verbatim fallback that happens to hold the figure
    assert "〔模型回答·已核对〕" in final and "〔原文摘录〕" not in final
    assert len(set(seen)) >= 2, "the answer should appear in steps, not all at once"
    assert "96.04" in page.locator("#sources mark").first.inner_text()
    card = page.locator("#sources .qa-source").first
    assert "第一部分" in card.inner_text() and "（四）产品质量保持全国领先" in card.inner_text()
    page.screenshot(path=str(ARTIFACTS / "answer-with-citation.png"), full_page=True)
    assert not guard.outside, f"requests left loopback: {guard.outside}"


def test_clicking_a_citation_opens_its_section_with_the_quote_in_view(answered):
    page, guard, _ = answered
    page.locator(BOT).last.locator("a", has_text="[1]").first.click()
    focus = page.locator("#verify .qa-focus")
    focus.wait_for(timeout=20_000)
    assert "96.04" in focus.inner_text()
    assert page.locator("#verify .qa-label").inner_text() == "第一部分 二、（四）产品质量保持全国领先"
    assert "（四）产品质量保持全国领先" in page.locator("#verify .qa-path").inner_text()
    assert "市级药品抽检合格率99.7％" in page.locator("#verify .qa-text").inner_text()   # the full section
    page.wait_for_timeout(500)
    assert focus.is_visible() and focus.evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    assert "section=shanghai-quality-notice-2024%2Fp1.s2.i4" in page.url or "section=shanghai-quality-notice-2024/p1.s2.i4" in page.url
    page.screenshot(path=str(ARTIFACTS / "verify-view.png"))
    assert not guard.outside


def test_exported_record_has_question_answer_quotes_and_models(answered):
    page, _, _ = answered
    with page.expect_download(timeout=30_000) as download:
        page.locator("#export-answer").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert f"> {QUESTION}" in text and "96.04" in text
    assert "[1] **第一部分 二、（四）产品质量保持全国领先**" in text
    assert "> 上海市制造业产品质量合格率96.04％" in text                        # the verbatim quote
    assert "生成模型：llama.cpp:qwen2.5-coder-1.5b-instruct" in text and "嵌入模型：" in text
    assert "索引建立时间：20" in text and "导出时间：20" in text
    assert "/?section=shanghai-quality-notice-2024/p1.s2.i4&quote=" in text
    with page.expect_download(timeout=30_000) as download:
        page.locator("#export-conversation").click()
    assert "## 问题 1" in Path(download.value.path()).read_text(encoding="utf-8")


def test_feedback_with_a_comment_is_written_to_the_log(answered, feedback_path):
    page, _, _ = answered
    page.locator("#feedback-comment textarea").fill("引用准确")
    page.locator("#chat button[aria-label='Like']").last.click()
    page.locator("#feedback-status", has_text="已记录").wait_for(timeout=20_000)
    records = [json.loads(line) for line in feedback_path.read_text(encoding="utf-8").splitlines()]
    assert records[-1]["verdict"] == "up" and records[-1]["comment"] == "引用准确"
    assert records[-1]["question"] == QUESTION and "96.04" in records[-1]["answer"] and records[-1]["answer_id"]
    assert records[-1]["citations"][0]["quote"].startswith("上海市制造业产品质量合格率96.04")


def test_markup_in_questions_is_shown_as_text_and_never_run(browser, app_url):
    page, guard = _open(browser, app_url)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.locator("#question textarea").fill("<img src=x onerror=alert(1)>")
    page.locator("#send").click()
    page.locator(BOT, has_text="请输入").last.wait_for(timeout=60_000)
    _ask(page, "![x](http://evil.example/p.png) <script>alert(2)</script>制造业产品质量合格率是多少？", "96.04")
    chat = page.locator("#chat")
    assert "<img src=x onerror=alert(1)>" in chat.inner_text()            # shown as typed
    assert chat.locator("img[src='x'], img[src*='evil'], script").count() == 0
    page.wait_for_timeout(500)
    assert not dialogs and not guard.outside, (dialogs, guard.outside)
    page.context.close()


def test_a_section_address_opens_after_a_reload(browser, app_url):
    page, guard = _open(browser, app_url + "?section=shanghai-quality-notice-2024/p2.s2.i8")
    page.locator("#verify .qa-label").wait_for(timeout=30_000)
    assert page.locator("#verify .qa-label").inner_text() == "第二部分 二、（八）深化质量品牌建设"
    assert "市场监管局" in page.locator("#verify .qa-agencies").inner_text()
    page.reload(wait_until="domcontentloaded")
    page.locator("#verify .qa-label", has_text="（八）深化质量品牌建设").wait_for(timeout=30_000)
    page.goto(app_url + "?section=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", wait_until="domcontentloaded")
    page.locator("#verify .qa-missing").wait_for(timeout=30_000)
    assert page.locator("#verify img").count() == 0
    assert not guard.outside
    page.context.close()


def test_document_tab_opens_any_section_and_search_highlights_hits(browser, app_url):
    page, guard = _open(browser, app_url)
    page.get_by_role("tab", name="通知原文").click()
    page.locator("#search-query textarea, #search-query input").first.fill("質量品牌")   # Traditional
    page.locator("#search-button").click()
    page.locator("#search-results mark").first.wait_for(timeout=20_000)
    assert page.locator("#search-results .qa-hit").count() == 2
    assert page.locator("#search-results mark").first.inner_text() == "质量品牌"
    page.screenshot(path=str(ARTIFACTS / "document-search.png"))
    tree = page.locator("#document-tree")
    tree.locator("summary", has_text="四、恪守底线").click()
    tree.locator("a", has_text="（十三）").first.click()
    page.locator("#verify .qa-label", has_text="（十三）“双打”工作力度不断加大").wait_for(timeout=20_000)
    assert "section=" in page.url
    assert not guard.outside
    page.context.close()


def test_two_users_at_once_see_only_their_own_answers(browser, app_url):
    questions = [(QUESTION, "96.04", "（四）产品质量保持全国领先"),
                 ("长三角质量提升示范项目2023年完成了多少？", "19", "（七）长三角质量工作一体化持续深入")]
    pages = [_open(browser, app_url)[0] for _ in questions]
    # Playwright's sync API is bound to one thread: type into both, send both, then wait.
    for page, (question, _, _) in zip(pages, questions):
        page.locator("#question textarea").fill(question)
    for page in pages:
        page.locator("#send").click()
    deadline = time.time() + 300
    done = [False, False]
    while time.time() < deadline and not all(done):
        for i, page in enumerate(pages):
            text = page.locator(BOT).last.inner_text() if page.locator(BOT).count() else ""
            done[i] = bool(page.locator("#sources h3", has_text="出处").count()) and questions[i][1] in text
        pages[0].wait_for_timeout(300)
    assert all(done), done
    for i, page in enumerate(pages):
        own, other = questions[i], questions[1 - i]
        chat = page.locator("#chat").inner_text()
        assert own[0] in chat and other[0] not in chat
        sources = page.locator("#sources").inner_text()
        assert own[2] in sources and other[2] not in sources
        page.screenshot(path=str(ARTIFACTS / f"user-{i + 1}.png"))
        page.context.close()


def test_phone_viewport_shows_chat_and_verify_view_readably(browser, app_url):
    page, guard = _open(browser, app_url + "?section=shanghai-quality-notice-2024/p1.s2.i4&quote=1030-1063",
                        viewport=(390, 844))
    focus = page.locator("#verify .qa-focus")
    focus.wait_for(timeout=30_000)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"page scrolls sideways on a phone: {width}px"
    box = page.locator("#verify .qa-text").bounding_box()
    assert box and box["width"] >= 300
    assert page.locator("#question textarea").bounding_box()["width"] >= 300
    page.screenshot(path=str(ARTIFACTS / "phone-verify.png"))
    assert not guard.outside
    page.context.close()
