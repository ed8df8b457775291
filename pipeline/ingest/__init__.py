"""Ingestion: files and folders on disk to `models.Article` records, one at a time.

`read_inputs` is a generator: it walks folders lazily, reads one file at a time (JSON
Lines line by line) and never raises for a bad input; each one gives an `InputError` and
reading goes on. Formats: Markdown and text (with YAML front matter), HTML pages, JSON
objects or lists, JSON Lines.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

from newsclaims.ingest.errors import Skipped
from newsclaims.ingest.reader import FORMATS, read_file
from newsclaims.ingest.walk import FileEntry, walk_inputs
from newsclaims.models import Article, InputError

__all__ = [
    "FORMATS",
    "FileEntry",
    "Skipped",
    "estimate_articles",
    "read_entry",
    "read_inputs",
    "walk_inputs",
]

logger = logging.getLogger("newsclaims.ingest")


def read_inputs(
    inputs: Sequence[str | Path], *, reference_date: dt.date | None = None
) -> Iterator[Article | InputError | Skipped]:
    """Every article of `inputs` (files or folders), in a stable order, errors included.

    `source` is the path relative to the INPUT folder (posix), or the file name for a file
    INPUT, plus `#N` for the N-th article of a JSON list or the article on physical line N
    of a JSON Lines file. `reference_date` fills `published` only where the article has none.
    """
    if isinstance(inputs, str | Path):  # one path given bare, not in a list
        inputs = [inputs]
    for entry in walk_inputs(inputs):
        if not isinstance(entry, FileEntry):
            if isinstance(entry, InputError):
                logger.warning("%s: %s", entry.source, entry.error)
            yield entry
            continue
        yield from read_entry(entry, reference_date=reference_date)


def read_entry(
    entry: FileEntry, *, reference_date: dt.date | None = None
) -> Iterator[Article | InputError | Skipped]:
    """The articles of one walked file, errors included; never raises for a bad file."""
    logger.debug("reading %s", entry.source)
    try:
        yield from read_file(entry.path, entry.source, reference_date=reference_date)
    except Exception as err:  # a bug must not stop the batch: report the file, go on
        logger.exception("%s: unexpected error while reading", entry.source)
        yield InputError(
            source=entry.source,
            error=f"Unexpected error while reading this file ({type(err).__name__}: "
            f"{err}). Please report it with the file attached.",
        )


def estimate_articles(inputs: Sequence[str | Path]) -> int:
    """About how many articles (and error lines) `inputs` give, from a walk of the folders
    and a count of JSON Lines lines, without parsing anything: a progress bar's total."""
    total = 0
    for entry in walk_inputs(inputs):
        if isinstance(entry, InputError):
            total += 1
        elif isinstance(entry, FileEntry):
            fmt = FORMATS.get(entry.path.suffix.lower())
            if fmt == "jsonl":
                total += max(1, _count_lines(entry.path))
            elif fmt is not None:
                total += 1
    return total


def _count_lines(path: Path) -> int:
    """Non-empty lines of a file, read in blocks."""
    lines, last = 0, b"\n"
    try:
        with path.open("rb") as handle:
            while block := handle.read(1 << 20):
                lines += block.count(b"\n") - block.count(b"\n\n")
                last = block[-1:]
    except OSError:
        return 1
    return lines + (last != b"\n")
