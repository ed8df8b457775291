"""Where a claim sentence lies in its article: character spans for matching claims by offset.

The gold gives only a claim's text; a prediction gives `start`/`end`. Both are placed in the
article's normalised text (see `normalise.text_with_map`) so that curly quotes or spacing
that differ from the article still find their sentence.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from newsclaims.evaluate.normalise import sentence, text_with_map

Span = tuple[int, int]


@dataclass(frozen=True)
class ArticleText:
    """An article body with its normalised form and the map back to original offsets."""

    text: str
    norm: str
    origin: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> ArticleText:
        norm, origin = text_with_map(text)
        return cls(text=text, norm=norm, origin=origin)

    def occurrences(self, norm_claim: str) -> list[Span]:
        """Every place the normalised claim text occurs, as original offsets, in order."""
        found: list[Span] = []
        if not norm_claim:
            return found
        at = self.norm.find(norm_claim)
        while at >= 0:
            last = at + len(norm_claim) - 1
            found.append((self.origin[at], self.origin[last] + 1))
            at = self.norm.find(norm_claim, at + 1)
        return found

    def agrees(self, start: object, end: object, norm_claim: str) -> bool:
        """True when `text[start:end]` is the claim text (after normalisation)."""
        if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
            return False
        if not 0 <= start < end <= len(self.text):
            return False
        return sentence(self.text[start:end]) == norm_claim


def locate(
    norms: Sequence[str],
    speakers: Sequence[Hashable],
    offsets: Sequence[tuple[object, object] | None],
    article: ArticleText,
) -> tuple[list[Span | None], list[int], list[int]]:
    """Spans of an article's claims, in their listed order.

    A claim whose `offsets` agree with its text keeps them. Otherwise its text is searched:
    a claim with the same text as the claim before it and a speaker that none of the claims
    already at that span has is another claim of that sentence and takes the same span (guide
    section 1: two speakers, two claims); any other claim takes the first occurrence at or
    after the end of the last placed claim, else the first occurrence in the article
    (a repeated sentence is taken in order).
    Returns the spans (None when the text is not in the article), the indices of claims whose
    text was not found, and the indices of claims whose offsets disagreed with their text.
    """
    spans: list[Span | None] = []
    missing: list[int] = []
    bad_offsets: list[int] = []
    cursor = 0
    sharing: set[Hashable] = set()  # speakers of the claims at the previous claim's span
    for i, norm in enumerate(norms):
        span: Span | None = None
        given = offsets[i]
        if given is not None:
            if article.agrees(given[0], given[1], norm):
                span = (int(given[0]), int(given[1]))  # type: ignore[call-overload]
            else:
                bad_offsets.append(i)
        if span is None:
            same_sentence = (
                i > 0 and norms[i - 1] == norm and speakers[i] not in sharing and spans[i - 1]
            )
            if same_sentence:
                span = spans[i - 1]
            else:
                found = article.occurrences(norm)
                later = [s for s in found if s[0] >= cursor]
                span = (later or found or [None])[0]
        if span is None:
            missing.append(i)
        else:
            cursor = span[1]
        if i > 0 and span is not None and span == spans[i - 1]:
            sharing = sharing | {speakers[i]}
        else:
            sharing = {speakers[i]}
        spans.append(span)
    return spans, missing, bad_offsets
