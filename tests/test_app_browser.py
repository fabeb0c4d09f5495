"""The Gradio app in a real Chromium (Debian package, driven by Playwright): ask, watch the
answer stream, and find the cited sentence highlighted in its section."""

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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(settings, tmp_path_factory):
    port = _free_port()
    log = tmp_path_factory.mktemp("app") / "app.log"
    env = {**os.environ, "QA_SOURCE_DIR": str(settings.source_dir), "QA_INDEX_DIR": str(settings.index_dir),
           "QA_PORT": str(port), "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False"}
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


def test_ask_see_streamed_answer_and_highlighted_citation(app_url, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    outside = []

    def guard(route):
        host = route.request.url.split("/")[2].split(":")[0] if "://" in route.request.url else ""
        if host in ("127.0.0.1", "localhost", ""):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.goto(app_url, wait_until="domcontentloaded")
    page.locator("#question textarea").wait_for(timeout=60_000)
    page.locator("#question textarea").fill("上海市制造业产品质量合格率是多少？")
    page.locator("#send").click()
    # sources appear as soon as retrieval is done, before the answer is final
    page.locator("#sources .qa-source").first.wait_for(timeout=60_000)
    bot = page.locator("#chat .message.bot, #chat [data-testid='bot']").last
    bot.wait_for(timeout=60_000)
    seen = set()
    deadline = time.time() + 180
    while time.time() < deadline:
        seen.add(bot.inner_text())
        if page.locator("#sources h3", has_text="出处").count() and "96.04" in bot.inner_text():
            break
        page.wait_for_timeout(200)
    final = bot.inner_text()
    assert "96.04" in final and "[1]" in final
    assert len(seen) >= 2, "the answer should appear in steps, not all at once"
    mark = page.locator("#sources mark").first
    assert "96.04" in mark.inner_text()
    card = page.locator("#sources .qa-source").first
    assert "第一部分" in card.inner_text() and "（四）产品质量保持全国领先" in card.inner_text()
    page.screenshot(path=str(ARTIFACTS / "answer-with-citation.png"), full_page=True)
    assert not outside, f"requests left loopback: {outside}"
