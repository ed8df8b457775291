"""Dates: find temporal expressions in a doc and resolve them to calendar intervals.

    from newsclaims.extraction.dates import find_dates, resolve_date, Resolution

`find_dates(doc, published=...)` returns `models.DateMention` records for a whole doc;
`resolve_date(text, published=..., tense=...)` resolves one expression. Rules follow section 5
of the annotation guide and corpus/CONVENTIONS.md; word lists live in pipeline/patterns/dates/.
"""

from newsclaims.extraction.dates.extract import find_dates
from newsclaims.extraction.dates.resolve import Resolution, resolve_date

__all__ = ["Resolution", "find_dates", "resolve_date"]
