"""Find where an article says when its fiscal year runs (guide section 5: fiscal periods are
dates only then): `fiscal year ending March 31`, `financial year to June`, `the budget year
that began on October 1`, `its fiscal third quarter ended Dec. 31`."""

from __future__ import annotations

import re
from functools import cache

from newsclaims.extraction.dates.calendar import month_end
from newsclaims.extraction.dates.grammar import alt
from newsclaims.extraction.dates.lexicon import lexicon

_LEAP_SAFE_YEAR = 2001  # a common year: a fiscal year "ending February 28" keeps day 28


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lx = lexicon()
    fw = alt(lx.fiscal_words, ci=True)
    month = "(?P<mon>" + alt(lx.months) + r")\.?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    day2, month2 = day.replace("day>", "day2>"), month.replace("mon>", "mon2>")
    when = rf"(?:{month}(?:\s+{day})?|{day2}\s+(?:of\s+)?{month2})"
    gap = r"(?:\s*,)?\s+(?:(?:which|that)\s+)?"
    label = (
        rf"(?:{fw}\s+years?(?:\s+(?:\d{{4}}|'\d\d))?|(?:FY|{fw})\s*'?\d{{2,4}}(?:[-/]\d{{2,4}})?)"
    )
    end = re.compile(
        rf"{label}{gap}(?i:ends?|ending|ended|closes|closing|closed|to|through"
        rf"|runs\s+(?:to|through|until))\s+(?:(?i:on|in|at)\s+)?(?:(?i:the\s+end\s+of)\s+)?{when}"
    )
    start = re.compile(
        rf"{fw}\s+years?{gap}(?i:begins|began|starts|started|beginning|starting|runs\s+from"
        rf"|running\s+from|runs|from)\s+(?:(?i:on|in|from)\s+)?{when}"
    )
    quarter = re.compile(
        rf"{fw}[\s-]+(?P<ord>(?i:first|second|third|fourth))[\s-]+(?i:quarter)\s+"
        rf"(?i:ended|ending|that\s+ended|to)\s+(?:(?i:on)\s+)?{when}"
    )
    return end, start, quarter


def _when(m: re.Match[str]) -> tuple[int, int | None]:
    months = lexicon().months
    if m["mon"]:
        return months[m["mon"]], int(m["day"]) if m["day"] else None
    return months[m["mon2"]], int(m["day2"])


def _month_last_day(month: int) -> int:
    return month_end(_LEAP_SAFE_YEAR, month).day


def fiscal_year_end(text: str) -> tuple[int, int] | None:
    """(month, day) on which the article's fiscal year ends, or None if it does not say."""
    return fiscal_statement(text)[0]


def fiscal_statement(text: str) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The fiscal year end (month, day) and the character span of the words that state it.

    A yearless date inside that span (`whose fiscal year ends on June 30`) describes the
    calendar of the company, not a time, and is not reported as a date.
    """
    if not any(word in text for word in _FISCAL_HINTS):
        return None, None  # plain substring tests: far cheaper than any regex over the text
    end_re, start_re, quarter_re = _patterns()
    found: tuple[tuple[int, int] | None, tuple[int, int] | None] = (None, None)
    for hit in _FISCAL_WORD.finditer(text):
        pos = hit.start()
        if m := end_re.match(text, pos):
            month, day = _when(m)
            return (month, day or _month_last_day(month)), m.span()
        if m := start_re.match(text, pos):
            month, day = _when(m)
            if day in (None, 1):
                prev = 12 if month == 1 else month - 1
                return (prev, _month_last_day(prev)), m.span()
            return (month, day - 1), m.span()
        if found[0] is None and (m := quarter_re.match(text, pos)):
            month, _ = _when(m)
            k = ("first", "second", "third", "fourth").index(m["ord"].lower()) + 1
            end_month = (month - 1 + 3 * (4 - k)) % 12 + 1
            found = (end_month, _month_last_day(end_month)), None
    return found


_FISCAL_HINTS = ("iscal", "ISCAL", "inancial", "INANCIAL", "udget", "usiness", "FY")

# Where a statement can start: a fiscal word in the usual cases (a case-blind search of the
# whole text costs more than finding its dates).
_FISCAL_WORD = re.compile(
    r"(?:[Ff]iscal|FISCAL|[Ff]inancial|FINANCIAL|[Bb]udget|[Bb]usiness)\b|\bFY\s*'?\d"
)
