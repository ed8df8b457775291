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
    """The text in order, cut where any mark starts or ends.

    One sweep over the cuts with the set of marks open at each: linear in the marks and
    cuts (times the marks open at once), not their product, so an article with thousands
    of claims renders at once. A piece links to the claim of the earliest mark in `marks`
    that covers it.
    """
    size = len(text)
    usable = [(i, m) for i, m in enumerate(marks) if 0 <= m.start < m.end <= size]
    cuts = sorted({0, size, *(m.start for _, m in usable), *(m.end for _, m in usable)})
    starting: dict[int, list[tuple[int, Mark]]] = {}
    for item in usable:
        starting.setdefault(item[1].start, []).append(item)
    open_marks: dict[int, Mark] = {}
    result: list[Segment] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        for index, mark in starting.get(left, ()):
            open_marks[index] = mark
        for index in [i for i, m in open_marks.items() if m.end <= left]:
            del open_marks[index]
        kinds = tuple(sorted({m.kind for m in open_marks.values()}))
        linked = [i for i, m in open_marks.items() if m.claim]
        claim = open_marks[min(linked)].claim if linked else None
        result.append(Segment(text[left:right], kinds, claim))
    return result
