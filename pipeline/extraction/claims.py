"""From an annotated `Doc` to records: the pure step after `nlp.pipe`.

A statement is a claim (guide section 1) when it is not a caption, credit, byline, heading
or question and has attribution, a figure, a forward-looking modality or a date.
"""

from __future__ import annotations

import bisect
from collections import Counter

from spacy.tokens import Doc

from newsclaims.extraction.doctext import doc_text
from newsclaims.models import Article, Claim
from newsclaims.models.ids import claim_id


def article_record(article: Article, doc: Doc) -> Article:
    """The article with every figure and date of its body."""
    return article.model_copy(
        update={"figures": list(doc._.figures or []), "dates": list(doc._.dates or [])}
    )


def claims_of(doc: Doc, article: Article, *, repeats: Counter[str] | None = None) -> list[Claim]:
    """The claims of one article, in text order. `repeats` counts sentences already seen in
    earlier sections of the same article (`newsclaims.run.sections`)."""
    figures = _ByStart(doc._.figures or [])
    dates = _ByStart(doc._.dates or [])
    repeats = Counter() if repeats is None else repeats
    out: list[Claim] = []
    for stmt in doc._.statements or []:
        if stmt.non_claim or stmt.question:
            continue
        text = doc_text(doc)[stmt.start : stmt.end]
        if not any(ch.isalnum() for ch in text):
            continue  # a claim is never punctuation only (a stray mark, `...`)
        in_figures = figures.starting_in(stmt.start, stmt.end)
        in_dates = dates.starting_in(stmt.start, stmt.end)
        checkable = (
            stmt.attribution != "none"
            or in_figures
            or in_dates
            or stmt.modality in ("goal", "forecast")
        )
        if not checkable:
            continue
        if stmt.part == 0:
            repeats[text] += 1
        out.append(
            Claim(
                id=claim_id(article.id, text, repeats[text], stmt.part),
                article_id=article.id,
                source=article.source,
                text=text,
                start=stmt.start,
                end=stmt.end,
                attribution=stmt.attribution,
                modality=stmt.modality,
                speaker=stmt.speaker,
                cue=stmt.cue,
                target=stmt.target,
                figures=in_figures,
                dates=in_dates,
            )
        )
    return out


class _ByStart:
    """Mentions found by start offset in O(log n) (a long article has thousands of them)."""

    def __init__(self, mentions) -> None:
        self._items = list(mentions)
        self._order = sorted(range(len(self._items)), key=lambda i: self._items[i].start)
        self._starts = [self._items[i].start for i in self._order]

    def starting_in(self, start: int, end: int) -> list:
        """The mentions with `start <= m.start < end`, in their original order."""
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        return [self._items[i] for i in sorted(self._order[lo:hi])]
