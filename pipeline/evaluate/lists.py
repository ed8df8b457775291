"""The scorer's word lists from `pipeline/patterns/evaluation/`, loaded once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

FOLDER = Path(str(resources.files("pipeline") / "patterns" / "evaluation"))


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The non-comment rows of a data file, lowercased and split on tabs."""
    out = []
    for line in (FOLDER / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        out.append(tuple(part.strip().lower() for part in line.split("\t")))
    return tuple(out)


@cache
def phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """The first column of a data file as token tuples, longest first (for greedy stripping)."""
    found = {tuple(row[0].split()) for row in rows(name)}
    return tuple(sorted(found, key=lambda tokens: (-len(tokens), tokens)))


@cache
def table(name: str) -> dict[str, str]:
    """A two-column data file as a dict from its first column to its second."""
    return {row[0]: row[1] for row in rows(name) if len(row) >= 2}
