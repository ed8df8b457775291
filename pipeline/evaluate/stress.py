"""`newsclaims bench --pathological`: inputs built to be hard, each timed in a fresh process.

A benchmark, not a test: it says how long each input takes and how much memory, so that a
quadratic step shows as minutes and gigabytes. The inputs:

- `one-line-5mb.txt`: 5 MB of news text on a single line (no paragraph break at all);
- `numbers-100k.txt`: an article of 100,000 numbers, percentages and amounts;
- `quotes-10k.txt`: 10,000 quotation marks, straight and curly, mostly unbalanced;
- `html-50k-elements.html`: a page of 50,000 elements (25,000 paragraphs in divs);
- `html-nested-50k.html`: 50,000 nested `div`s around one paragraph.
"""

from __future__ import annotations

import random
import resource
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

SENTENCES = (
    "Sales rose 4.5% to $2.1 billion in the third quarter, the company said on Tuesday.",
    '"We expect demand to stay strong next year," chief executive Jane Doe told analysts.',
    "Prices fell by a third in 2023, according to the statistics office.",
    "The bank will cut 1,200 jobs by March 2025, it said in a statement.",
)


def _one_line(size: int) -> str:
    rng = random.Random(1)
    words = []
    length = 0
    while length < size:
        sentence = rng.choice(SENTENCES)
        words.append(sentence)
        length += len(sentence) + 1
    return " ".join(words)[:size] + "\n"


def _numbers(count: int) -> str:
    rng = random.Random(2)
    forms = (
        lambda: str(rng.randint(0, 10**9)),
        lambda: f"{rng.random() * 100:.1f}%",
        lambda: f"${rng.randint(1, 999)}.{rng.randint(0, 9)} billion",
        lambda: f"{rng.randint(1, 10**6):,}",
    )
    return "Figures: " + " ".join(rng.choice(forms)() for _ in range(count)) + "\n"


def _quotes(count: int) -> str:
    rng = random.Random(3)
    marks = ('"', "\u201c", "\u201d", "'", "\u2018", "\u2019")
    verbs = ("said", "rose 5%", "fell")
    parts = [f"{rng.choice(marks)}word {rng.choice(verbs)}" for _ in range(count)]
    return "Officials said " + " ".join(parts) + ".\n"


def _html_flat(elements: int) -> str:
    body = "".join(
        f"<div><p>Sales rose {i % 97}% in March, the company said on Tuesday.</p></div>"
        for i in range(elements // 2)
    )
    return f"<html><head><title>Results</title></head><body><article>{body}</article></body></html>"


def _html_nested(depth: int) -> str:
    return (
        "<html><head><title>Nested</title></head><body>"
        + "<div>" * depth
        + "<p>Exports fell 3% in October, the ministry said on Tuesday.</p>"
        + "</div>" * depth
        + "</body></html>"
    )


INPUTS: dict[str, Callable[[], str]] = {
    "one-line-5mb.txt": lambda: _one_line(5_000_000),
    "numbers-100k.txt": lambda: _numbers(100_000),
    "quotes-10k.txt": lambda: _quotes(10_000),
    "html-50k-elements.html": lambda: _html_flat(50_000),
    "html-nested-50k.html": lambda: _html_nested(50_000),
}


@dataclass
class Run:
    """One pathological input through the whole `extract` job."""

    name: str
    model: str
    megabytes: float
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    articles: int = 0
    claims: int = 0
    errors: int = 0


def _measure(path: str, name: str, model: str) -> Run:
    from newsclaims.extraction.nlp import shared_nlp
    from newsclaims.run.api import extract

    run = Run(name=name, model=model, megabytes=Path(path).stat().st_size / 1_048_576)
    shared_nlp(model)
    with tempfile.TemporaryDirectory(prefix="newsclaims-stress-") as out:
        started = time.perf_counter()
        summary = extract([path], out=Path(out), model=model)
        run.seconds = time.perf_counter() - started
    run.articles, run.claims, run.errors = summary.articles, summary.claims, summary.failed
    run.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return run


def run(models: Sequence[str], names: Sequence[str] | None = None) -> list[Run]:
    """Every input with every model, each in its own spawned process."""
    from newsclaims.evaluate.bench import in_fresh_process

    results = []
    with tempfile.TemporaryDirectory(prefix="newsclaims-stress-in-") as tmp:
        for name in names or INPUTS:
            path = Path(tmp) / name
            path.write_text(INPUTS[name](), encoding="utf-8")
            for model in models:
                results.append(in_fresh_process(_measure, str(path), name, model))
    return results


def format_report(results: list[Run]) -> str:
    lines = [
        "input                     model                         MB   seconds  peak MB"
        "  articles  claims  errors"
    ]
    for r in results:
        lines.append(
            f"{r.name:<24}  {r.model:<26}  {r.megabytes:>5.1f}  {r.seconds:>8.1f}"
            f"  {r.peak_rss_mb:>7.0f}  {r.articles:>8}  {r.claims:>6}  {r.errors:>6}"
        )
    return "\n".join(lines)


def to_dicts(results: list[Run]) -> list[dict]:
    return [asdict(r) for r in results]
