"""Character spans asked "does this overlap / contain that" in O(log n), not O(n).

Components used to test every token or candidate against every quotation or date span, which
is quadratic on a long article with thousands of them (10,000 quotation marks took minutes).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Intervals:
    """Half-open spans `[start, end)`, merged and sorted once."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def __bool__(self) -> bool:
        return bool(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span has `s < end and start < e` (what `any(...)` over all said)."""
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self._ends[i] > start

    def contains(self, at: int) -> bool:
        """True when some span has `s <= at < e`."""
        return self.overlaps(at, at + 1)
