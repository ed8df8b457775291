"""Screenshot of the review page for the README (not a test).

    newsclaims extract corpus/ --out OUT
    python -m scripts.screenshot_review OUT docs/review-page.png

Loads OUT into a throwaway SQLite database, takes a few decisions (one plain accept, one
edit, one reject), serves the review page on a free loopback port and photographs it in
Debian's headless chromium through Playwright.
"""

from __future__ import annotations

import socket
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright
from sqlalchemy import text

from newsclaims.store import ClaimEdit, FigureEdit, decide, load_output, open_store
from tests.db.test_review_browser import ARGS, CHROMIUM, Server


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main(outdir: Path, png: Path, source: str = "business/coffee-chain.txt") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "claims.db"))
        load_output(store, outdir)
        with store.engine.connect() as conn:
            ids = list(
                conn.execute(
                    text("SELECT id FROM claims WHERE source = :s ORDER BY position"),
                    {"s": source},
                ).scalars()
            )
        decide(store, ids[0], status="accepted", reviewer="Ana")
        decide(
            store,
            ids[1],
            status="accepted",
            reviewer="Ana",
            edit=ClaimEdit(figures={0: FigureEdit(value=2340, unit="cafe", comparator="~")}),
        )
        decide(store, ids[3], status="rejected", reviewer="Ana")
        with Server(store, _free_port()) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 860})
            page.goto(f"{server.url}/?status=all&claim={ids[2]}")
            page.fill("#reviewer", "Ana")
            page.screenshot(path=str(png))
            browser.close()
        store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
