"""Resolve a date expression to an inclusive calendar interval against a publication date.

`resolve_date` is the public entry point; the grammar, not dateparser, handles relative,
deadline, interval and partial expressions. dateparser only reads absolute dates in formats the
grammar does not know (`2021.10.31`, `31st October, 2021 at 10am`), with settings that never
look at the clock.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Literal

from newsclaims.extraction.dates.parse import normalize, parse
from newsclaims.extraction.dates.spec import Ctx, NotADate, Unanchored, select

log = logging.getLogger(__name__)
Tense = Literal["past", "present", "future"]
_TENSES = (None, "past", "present", "future")
_RELATIVE_WORDS = re.compile(
    r"(?i)\b(?:ago|next|last|this|today|tonight|yesterday|tomorrow|since|until|by|within|week"
    r"|weeks|month|months|quarter|years?|now|later|earlier|coming|past)\b"
)


@dataclass(frozen=True)
class Resolution:
    """An inclusive calendar interval; None ends are open (or unknown without a date)."""

    earliest: date | None
    latest: date | None
    granularity: str


def as_date(value: date | datetime | None) -> date | None:
    """A `date` from a date or datetime (datetimes do not compare with dates)."""
    if isinstance(value, datetime):
        return value.date()
    return value


def resolve_date(
    text: str,
    *,
    published: date | None,
    tense: Tense | None = None,
    fiscal_year_end: tuple[int, int] | None = None,
) -> Resolution | None:
    """Resolve one date expression (`last December`, `by the end of this year`, ...).

    `tense` is the tense of the verb governing the expression; it picks which `March` or
    `Friday` is meant: `present` reads as past, None (no clear tense) as the one nearest
    `published`; after `by`/`until` both read as future. `fiscal_year_end` is the (month, day)
    the article's fiscal year ends on; without it `fiscal 2024` is not a date.
    Returns None when the text is not a date.
    """
    if tense not in _TENSES:
        raise ValueError(f"tense must be one of {_TENSES}, not {tense!r}")
    return resolve(text, as_date(published), tense, fiscal_year_end, None)


@lru_cache(maxsize=65536)
def resolve(
    text: str,
    published: date | None,
    tense: str | None,
    fy_end: tuple[int, int] | None,
    dayfirst: bool | None,
) -> Resolution | None:
    """Cached resolution; `tense` may also be `schedule` and `dayfirst` settles `05/03/2021`."""
    spec = parse(text)
    if spec is None:
        return _absolute_fallback(normalize(text), published, tense, dayfirst)
    ctx = Ctx(published, tense, fy_end, dayfirst)
    try:
        iv = select(spec, ctx)
    except Unanchored:
        return Resolution(None, None, spec.gran)
    except NotADate:
        return None
    except (ValueError, OverflowError) as err:  # `999 decades ago`: before year 1
        log.debug("cannot resolve %r against %s: %s", text, published, err)
        return None
    if iv is None:
        return None
    return Resolution(iv.start, iv.end, iv.gran)


def _absolute_fallback(
    text: str, published: date | None, tense: str | None, dayfirst: bool | None
) -> Resolution | None:
    if not re.search(r"\d", text) or _RELATIVE_WORDS.search(text):
        return None
    prefer = {"future": "future", "schedule": "future", "present": "current_period"}
    found = parse_absolute(text, published, prefer.get(tense or "", "past"), bool(dayfirst))
    return Resolution(found, found, "day") if found else None


@lru_cache(maxsize=4096)
def parse_absolute(text: str, reference: date | None, prefer: str, dayfirst: bool) -> date | None:
    """A full absolute date (day, month and year all written) read by dateparser, or None."""
    import dateparser  # slow to import: only when needed

    base = (
        datetime(reference.year, reference.month, reference.day)
        if reference
        else datetime(2000, 1, 1)
    )
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": prefer,
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PARSERS": ["custom-formats", "absolute-time"],
        "DATE_ORDER": "DMY" if dayfirst else "MDY",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        found = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    return found.date() if found else None
