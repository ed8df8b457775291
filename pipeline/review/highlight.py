"""Article text cut into segments for highlighting: pure functions, no HTML.

Marks may overlap (a date inside a claim, a figure inside a speaker's words): the text is
cut at every mark boundary and each piece carries the kinds of all marks covering it.
The template escapes each piece, so article text can never become markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str
    claim: str | None = None


@dataclass(frozen=True)
class Segment:
    text: str
    kinds: tuple[str, ...] = ()
    claim: str | None = None


def occurrences(text: str, name: str | None) -> list[tuple[int, int]]:
    """Where a name (a claim's target) occurs in the text as whole words."""
    if not name or not name.strip():
        return []
    pattern = r"(?<!\w)" + re.escape(name.strip()) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """The text in order, cut where any mark starts or ends."""
    size = len(text)
    usable = [m for m in marks if 0 <= m.start < m.end <= size]
    cuts = sorted({0, size, *(m.start for m in usable), *(m.end for m in usable)})
    result: list[Segment] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in usable if m.start <= left and right <= m.end]
        kinds = tuple(sorted({m.kind for m in covering}))
        claim = next((m.claim for m in covering if m.claim), None)
        result.append(Segment(text[left:right], kinds, claim))
    return result
