"""What a run gives back: one processed article (`Result`) and the run's `Summary`."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsclaims.ingest.walk import FileEntry
from newsclaims.models import Article, Claim, InputError

BATCH_SIZE = 32
"""Articles per `nlp.pipe` batch (`--batch-size`)."""


@dataclass(frozen=True)
class FileTask:
    """An input file for the engine to read as well as parse (a local worker reads its own
    files, so the main process only walks, hashes and writes): its items after the first
    `skip` (those a killed run committed)."""

    entry: FileEntry
    reference_date: dt.date | None = None
    skip: int = 0


@dataclass
class Summary:
    """What a run did, for the one-screen summary and the exit status."""

    model: str
    out: Path | None = None
    articles: int = 0
    claims: int = 0
    failed: int = 0
    warnings: int = 0
    """Warning lines of `errors.jsonl` (`level` warning): articles written, with a doubt."""
    skipped: int = 0
    skipped_kinds: Counter[str] = field(default_factory=Counter)
    words: int = 0
    parsed: int = 0
    parsed_words: int = 0
    seconds: float = 0.0
    reused: int = 0
    retained: int = 0
    pruned: int = 0
    load_seconds: float = 0.0

    @property
    def words_per_second(self) -> float:
        """Throughput of the articles parsed in this run, once the spaCy pipeline is loaded
        (0 when every input was carried over)."""
        work = self.seconds - self.load_seconds
        return self.parsed_words / work if work > 0 and self.parsed else 0.0

    @property
    def ok(self) -> bool:
        return self.failed == 0


@dataclass(frozen=True)
class Result:
    """One processed article and its claims."""

    article: Article
    claims: list[Claim]


def unprocessed(article: Article, problems: list[str]) -> InputError:
    """The error line of an article a component failed on (`failures(doc)`)."""
    return InputError(
        source=article.source,
        error=f"could not be processed ({'; '.join(problems)}); "
        "please report this article with the error.",
    )
