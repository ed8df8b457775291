"""Claim records built by hand for the linking tests (no spaCy): a sentence, its figures
and dates, and the article it sits in."""

from __future__ import annotations

import datetime as dt

from newsclaims.link.facts import Origin
from newsclaims.models import Claim, DateMention, Figure, Speaker, Target
from newsclaims.models.ids import article_id, claim_id


def figure(text: str, value: float, *, unit=None, currency=None, comparator="=", per=None):
    return Figure(
        text=text, start=0, end=len(text), value=value, unit=unit, currency=currency,
        comparator=comparator, per=per,
    )  # fmt: skip


def month(year: int, number: int, text: str = "in the month") -> DateMention:
    first = dt.date(year, number, 1)
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return DateMention(text=text, start=0, end=len(text), earliest=first, latest=last,
                       granularity="month")  # fmt: skip


def until(day: dt.date, text: str = "by the end of the year") -> DateMention:
    return DateMention(text=text, start=0, end=len(text), latest=day, granularity="range")


def claim(
    source: str,
    text: str,
    *,
    figures=(),
    dates=(),
    speaker: str | None = None,
    target: str | None = None,
    modality="asserted",
    position: int = 0,
) -> Claim:
    article = article_id(source)
    return Claim(
        id=claim_id(article, text, position),
        article_id=article,
        source=source,
        text=text,
        start=0,
        end=len(text),
        attribution="indirect" if speaker else "none",
        modality=modality,
        speaker=Speaker(name=speaker, kind="organization") if speaker else None,
        target=Target(name=target, label="ORG") if target else None,
        figures=list(figures),
        dates=list(dates),
    )


def origin(published: str, publisher: str, url: str | None = None) -> Origin:
    return Origin(dt.date.fromisoformat(published), publisher, url)


def origins(claims, table: dict[str, Origin]) -> dict[str, Origin]:
    """Article id -> origin, from a table keyed by source."""
    return {c.article_id: table[c.source] for c in claims if c.source in table}
