"""The scorer's word lists from `pipeline/patterns/evaluation/`, lowercased, loaded once."""

from __future__ import annotations

from functools import cache

from newsclaims.patterns import lexicon


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The non-comment rows of a data file, lowercased and split on tabs."""
    return tuple(tuple(p.lower() for p in row) for row in lexicon.rows(f"evaluation/{name}"))


@cache
def phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """The first column of a data file as token tuples, longest first (for greedy stripping)."""
    found = {tuple(row[0].split()) for row in rows(name)}
    return tuple(sorted(found, key=lambda tokens: (-len(tokens), tokens)))


@cache
def table(name: str) -> dict[str, str]:
    """A two-column data file as a dict from its first column to its second."""
    return {row[0]: row[1] for row in rows(name) if len(row) >= 2}
