"""The review page end to end in a real headless browser: Debian's chromium driven by
Playwright (never `playwright install`: the browser is the system's /usr/bin/chromium).

Missing chromium or Playwright skips these tests on a developer machine and FAILS them
in CI (CI=true); `.ci/run` installs chromium with apt when it is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

try:
    from playwright.sync_api import expect
except ImportError:  # reported by the browser fixture
    expect = None

from newsclaims.review import create_app
from newsclaims.store import load_output, open_store
from newsclaims.store.links import load_links
from tests.db.links_support import linked_output
from tests.db.test_store import ACME_FIRST, JANE, RIVALS

CHROMIUM = os.environ.get("NEWSCLAIMS_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _missing(message: str):
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    """One headless chromium for the whole session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright for Python is not installed (pip install '.[dev]')")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _missing(f"no chromium at {CHROMIUM} (apt-get install -y chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`newsclaims review` in a thread, on a free loopback port."""

    def __init__(self, store, port: int | None = None) -> None:
        port = _free_port() if port is None else port
        config = uvicorn.Config(
            create_app(store, reviewer=""), host="127.0.0.1", port=port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.url = f"http://127.0.0.1:{port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the review server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *_exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def db_file(tmp_path, out_v1):
    path = tmp_path / "claims.db"
    store = open_store(str(path))
    load_output(store, out_v1)
    store.close()
    return path


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    opened.errors = errors
    requests: list[str] = []
    opened.on("request", lambda r: requests.append(r.url))
    opened.requests = requests
    yield opened
    context.close()


def test_review_browser_accept_edit_reload_export(page, db_file, tmp_path):
    store = open_store(str(db_file))
    with Server(store, _free_port()) as server:
        page.goto(f"{server.url}/?status=all")
        assert page.locator("body").get_attribute("data-claim") == ACME_FIRST
        assert page.locator("#count-pending").inner_text() == "4"

        # The reviewer's name; then accept the first claim with the keyboard.
        page.fill("#reviewer", "Ana Reviewer")
        page.locator("#reviewer").press("Enter")
        page.locator("body").click(position={"x": 5, "y": 5})
        with page.expect_navigation():
            page.keyboard.press("a")
        assert page.locator("body").get_attribute("data-claim") == JANE

        # The article text holds a <script>: shown as text, never run.
        assert "<script>window.__pwned = 1</script>" in page.inner_text("#article-text")
        assert page.evaluate("window.__pwned === undefined")
        for kind in ("current", "speaker", "figure", "date", "target"):
            assert page.locator(f"#article-text .{kind}").count() >= 1, kind

        # Edit the second claim: e opens the form, Enter saves and accepts.
        page.keyboard.press("e")
        assert page.locator("#edit").is_visible()
        page.fill("#edit [name='speaker.name']", "Janet Roe")
        page.select_option("#edit [name='modality']", "asserted")
        with page.expect_navigation():
            page.locator("#edit [name='speaker.name']").press("Enter")

        # Nothing may still be loading from this server when it stops (a stylesheet or
        # the favicon of the page just reached would fail with ERR_CONNECTION_REFUSED).
        page.wait_for_load_state("networkidle")
        assert page.errors == []
        page.goto("about:blank")

    # A restarted server on the same database: both decisions are kept, with who and what.
    with Server(store, _free_port()) as server:
        page.goto(f"{server.url}/?status=all&claim={ACME_FIRST}")
        page.reload()
        assert page.text_content("#status") == "accepted"
        assert page.inner_text("#decided-by") == "Ana Reviewer"
        page.keyboard.press("j")
        page.wait_for_url(f"**claim={JANE}")
        assert page.text_content("#status") == "accepted"
        assert page.inner_text("#field-speaker").startswith("Janet Roe")
        assert page.inner_text("#field-modality") == "asserted"
        assert "speaker.name" in page.inner_text("#edited-fields")
        assert page.inner_text("#count-accepted") == "2"
        assert page.inner_text("#count-edited") == "1"

        # Export them from the page.
        with page.expect_download() as download:
            page.click("#export-jsonl")
        records = [
            json.loads(line)
            for line in Path(download.value.path()).read_text(encoding="utf-8").splitlines()
        ]
        assert [r["id"] for r in records] == [ACME_FIRST, JANE]
        assert records[1]["speaker"]["name"] == "Janet Roe"
        assert records[1]["modality"] == "asserted"

        # Undo takes back Ana's last decision (a new port is a new origin: the page
        # asks for her name again); everything came from the tool itself.
        page.fill("#reviewer", "Ana Reviewer")
        page.locator("body").click(position={"x": 5, "y": 5})
        page.keyboard.press("u")
        expect(page.locator("#status")).to_have_text("pending")
        assert all(url.startswith("http://127.0.0.1:") for url in page.requests)
        assert page.errors == []
    store.close()


def test_review_browser_filters_and_rejects(page, db_file):
    store = open_store(str(db_file))
    with Server(store, _free_port()) as server:
        page.goto(server.url)
        page.fill("#reviewer", "Ben")
        page.fill("#filter-speaker", "Sam")
        with page.expect_navigation():
            page.locator("#filter-speaker").press("Enter")
        assert page.locator("#claim-list .item").count() == 1
        page.locator("body").click(position={"x": 5, "y": 5})
        with page.expect_navigation():
            page.keyboard.press("r")
        assert page.locator("#empty").is_visible()
        assert page.inner_text("#count-rejected") == "1"
        assert page.inner_text("#count-pending") == "0"
        assert page.errors == []
    store.close()


def test_review_browser_undo_last_ignore_skip_search(page, db_file):
    store = open_store(str(db_file))
    with Server(store, _free_port()) as server:
        page.goto(server.url)  # pending claims, in order
        page.fill("#reviewer", "Cy")
        page.locator("body").click(position={"x": 5, "y": 5})
        # The list names each claim's article.
        assert "Acme <b>sales</b>" in page.locator("#claim-list .item .ttl").first.inner_text()
        with page.expect_navigation():
            page.keyboard.press("a")
        with page.expect_navigation():
            page.keyboard.press("a")
        assert page.locator("body").get_attribute("data-claim") == RIVALS
        # u takes back the last decision (JANE's), though the view has moved on to RIVALS.
        with page.expect_navigation():
            page.keyboard.press("u")
        assert page.locator("body").get_attribute("data-claim") == JANE
        expect(page.locator("#status")).to_have_text("pending")
        with page.expect_navigation():
            page.keyboard.press("u")
        assert page.locator("body").get_attribute("data-claim") == ACME_FIRST
        expect(page.locator("#status")).to_have_text("pending")
        page.keyboard.press("u")
        expect(page.locator("#message")).to_contain_text("Nothing to undo")

        # s skips (the claim stays pending), i ignores (it leaves the queue).
        with page.expect_navigation():
            page.keyboard.press("s")
        assert page.locator("body").get_attribute("data-claim") == JANE
        with page.expect_navigation():
            page.keyboard.press("i")
        assert page.inner_text("#count-ignored") == "1"
        assert page.inner_text("#count-pending") == "3"

        # / jumps to the search box; the claim text is searched.
        page.locator("body").click(position={"x": 5, "y": 5})
        page.keyboard.press("/")
        page.keyboard.type("drop NEXT year")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator("#claim-list .item").count() == 1
        assert page.locator("body").get_attribute("data-claim") == RIVALS
        assert page.errors == []
    store.close()


# Claim linking (issue 14): a claim's conflicts, its other appearances, the conflicts queue.
def test_review_browser_shows_a_conflict_and_the_other_appearances(page, tmp_path):
    ids = linked_output(tmp_path / "out")
    store = open_store(str(tmp_path / "claims.db"))
    load_output(store, tmp_path / "out")
    load_links(store, tmp_path / "out")
    with Server(store, _free_port()) as server:
        # The herald's figure disagrees with the wire and the daily.
        page.goto(f"{server.url}/?status=all&claim={ids['cars/herald.md']}")
        conflicts = page.locator("#conflicts li.conflict")
        assert conflicts.count() == 2
        first = conflicts.first.inner_text().lower()
        assert "disagreement" in first and "12,108 vehicles" in first and "12,018 vehicles" in first
        assert page.locator("#appearances").count() == 0  # its figure is its own

        # The queue lists both pairs; a side leads to its claim, with its appearances.
        page.click("#conflicts-link")
        page.wait_for_url("**/conflicts")
        assert page.locator("#conflict-queue tr.conflict").count() == 2
        with page.expect_navigation():
            page.locator("#conflict-queue tr.conflict a").first.click()
        assert page.locator("body").get_attribute("data-claim") in (
            ids["cars/wire.md"], ids["cars/daily.md"],
        )  # fmt: skip
        shown = page.inner_text("#appearances")
        assert "Also reported by 1 other" in shown and "first appearance" in shown
        assert page.locator("#conflicts li.conflict").count() == 1
        page.wait_for_load_state("networkidle")
        assert page.errors == []
        page.goto("about:blank")
    store.close()
