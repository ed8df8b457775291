"""A synthetic corpus of any size made from real articles, for benchmarks and crash tests.

Article N is built from a real article of the corpus (taken in turn): its paragraphs in a
shuffled order after the first, one paragraph borrowed from another article, every number
replaced by another of the same shape (so `3.5%`, `$2.1 billion` and `2023` stay figures
and dates) and a publication date moved within two years. Texts differ, lengths and the
mix of claims stay those of real news. Deterministic: the same N gives the same files.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Sequence
from pathlib import Path

from newsclaims.ingest import read_inputs
from newsclaims.models import Article

_DIGITS = re.compile(r"\d+")
PER_FOLDER = 1000


def base_articles(inputs: Sequence[str | Path]) -> list[Article]:
    """The real articles the synthetic ones are made from."""
    articles = [a for a in read_inputs(list(inputs)) if isinstance(a, Article)]
    if not articles:
        raise ValueError("no article to build a synthetic corpus from")
    return articles


def _vary_number(match: re.Match[str], rng: random.Random) -> str:
    digits = match.group()
    if len(digits) == 4 and digits[:2] in ("19", "20"):  # a year: stay near it
        return str(int(digits) + rng.randint(-2, 2))
    low = 10 ** (len(digits) - 1) if len(digits) > 1 else 0
    return str(rng.randint(low, 10 ** len(digits) - 1))


def synthetic_text(n: int, articles: Sequence[Article]) -> tuple[str, str, dt.date]:
    """Title, body and publication date of synthetic article `n`."""
    rng = random.Random(n)
    base = articles[n % len(articles)]
    paragraphs = [p for p in base.text.split("\n\n") if p.strip()]
    head, rest = paragraphs[:1], paragraphs[1:]
    rng.shuffle(rest)
    other = articles[rng.randrange(len(articles))]
    borrowed = [p for p in other.text.split("\n\n") if p.strip()]
    if borrowed:
        rest.insert(rng.randint(0, len(rest)), rng.choice(borrowed))
    body = "\n\n".join(head + rest)
    body = _DIGITS.sub(lambda m: _vary_number(m, rng), body)
    published = (base.published or dt.date(2024, 1, 1)) + dt.timedelta(days=rng.randint(-365, 365))
    title = f"{base.title or 'Untitled'} ({n})"
    return title, body, published


def write_corpus(inputs: Sequence[str | Path], size: int, into: Path) -> Path:
    """`size` synthetic Markdown articles under `into` (1,000 per folder); returns `into`."""
    articles = base_articles(inputs)
    for n in range(size):
        title, body, published = synthetic_text(n, articles)
        folder = into / f"part{n // PER_FOLDER:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        title_line = json.dumps(title, ensure_ascii=False)
        front = f"---\ntitle: {title_line}\ndate: {published.isoformat()}\n---\n\n"
        (folder / f"article{n:06d}.md").write_text(front + body + "\n", encoding="utf-8")
    return into
