"""Measure ingestion speed on a synthetic corpus: `python benchmarks/bench_ingest.py [N]`.

Writes N hard-wrapped .txt articles, N/2 Markdown files, N/10 copies of each sample HTML
page and one JSON Lines file of N articles to a temporary folder, then times `read_inputs`
per format. Speed is measured here, not in the tests.
"""

from __future__ import annotations

import json
import sys
import tempfile
import textwrap
import time
from collections import Counter
from pathlib import Path

from newsclaims.ingest import read_inputs
from newsclaims.models import Article

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "tests" / "data" / "seed-article.txt").read_text(encoding="utf-8")
PAGES = sorted((ROOT / "tests" / "data").glob("*_page.html"))


def build(folder: Path, count: int) -> None:
    paragraphs = SEED.split("\n\n")
    wrapped = "\n\n".join(textwrap.fill(p, width=72) for p in paragraphs)
    for n in range(count):
        (folder / "txt").mkdir(exist_ok=True)
        (folder / "txt" / f"{n:05d}.txt").write_text(f"Headline number {n}\n\n{wrapped}\n")
    for n in range(count // 2):
        (folder / "md").mkdir(exist_ok=True)
        body = "\n\n".join(f"**{p[:20]}**{p[20:]}" for p in paragraphs)
        (folder / "md" / f"{n:05d}.md").write_text(
            f"---\ndate: 2022-11-08\n---\n# Title {n}\n\n{body}\n"
        )
    for n in range(max(1, count // 10)):
        (folder / "html").mkdir(exist_ok=True)
        for page in PAGES:
            (folder / "html" / f"{n:04d}-{page.name}").write_text(page.read_text())
    with (folder / "feed.jsonl").open("w") as stream:
        for n in range(count):
            stream.write(json.dumps({"title": f"T{n}", "body": SEED, "date": "2022-11-08"}) + "\n")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build(folder, count)
        for sub in ("txt", "md", "html", "feed.jsonl"):
            start = time.perf_counter()
            kinds = Counter(type(item).__name__ for item in read_inputs([folder / sub]))
            seconds = time.perf_counter() - start
            done = kinds[Article.__name__]
            print(f"{sub:10} {dict(kinds)}  {seconds:.2f}s  {done / seconds:.0f} articles/s")


if __name__ == "__main__":
    main()
