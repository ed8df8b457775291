"""Publication dates from article metadata: YAML dates, ISO strings, `November 8, 2022`.

Only absolute dates are accepted: metadata such as `yesterday` has no reference to resolve
against, and a wrong publication date would shift every relative date of the article.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re

logger = logging.getLogger("newsclaims.ingest")

_FORMATS = (
    "%B %d %Y",  # November 8 2022 (commas are removed first)
    "%b %d %Y",  # Nov 8 2022
    "%d %B %Y",  # 8 November 2022
    "%d %b %Y",  # 8 Nov 2022
    "%Y %B %d",
    "%Y %b %d",
)
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
_ABBREVIATION_DOT = re.compile(r"\b([A-Za-z]{3,4})\.")
_TRAILING_TIME = re.compile(
    r"(?:\s*(?:at|,|-)?\s*\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2})?)$",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def parse_date(value: object) -> dt.date | None:
    """The calendar date of a metadata value, or None (logged) when it is not a clear date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_timestamp(value)
    if not isinstance(value, str):
        logger.warning("publication date %r is not a date; left empty", value)
        return None
    parsed = _parse_string(value.strip())
    if parsed is None:
        logger.warning("could not read the publication date %r; left empty", value)
    return parsed


def _from_timestamp(value: float) -> dt.date | None:
    """A Unix timestamp in seconds or milliseconds (JSON exports use both)."""
    seconds = value / 1000 if value > 1e11 else value
    if not 1e8 < seconds < 4e9:
        logger.warning("number %r is not a plausible timestamp; date left empty", value)
        return None
    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()


def _parse_string(text: str) -> dt.date | None:
    if not text:
        return None
    if _ISO_DAY.match(text):
        try:
            return dt.datetime.fromisoformat(text.replace(" ", "T", 1)).date()
        except ValueError:
            try:
                return dt.date.fromisoformat(text[:10])
            except ValueError:
                return None
    if text.isdigit() and len(text) in (10, 13):
        return _from_timestamp(int(text))
    numeric = _NUMERIC.match(text)
    if numeric:
        return _parse_numeric(*numeric.groups())
    try:  # RFC 2822, as in RSS feeds: Tue, 08 Nov 2022 09:30:00 GMT
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    cleaned = _clean(text)
    for fmt in _FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return _with_dateparser(text)


def _clean(text: str) -> str:
    """`Tuesday, Nov. 8th, 2022 at 9:30 am` -> `Nov 8 2022`."""
    text = _WEEKDAY.sub("", text)
    text = _TRAILING_TIME.sub("", text)
    text = _ORDINAL.sub("", text)
    text = _ABBREVIATION_DOT.sub(r"\1", text).replace(",", " ")
    text = re.sub(r"\bSept\b", "Sep", text, flags=re.IGNORECASE)
    return " ".join(text.split())


def _parse_numeric(first: str, second: str, third: str) -> dt.date | None:
    """`2022/11/08`, `8.11.2022`, `11/28/2022`; day and month must not be ambiguous."""
    try:
        if len(first) == 4:
            return dt.date(int(first), int(second), int(third))
        if len(third) != 4:
            return None
        day_first, month_first = int(first), int(second)
        if day_first > 12 >= month_first:
            return dt.date(int(third), month_first, day_first)
        if month_first > 12 >= day_first:
            return dt.date(int(third), day_first, month_first)
        if day_first == month_first:
            return dt.date(int(third), day_first, day_first)
    except ValueError:
        return None
    logger.warning("date %s/%s/%s is ambiguous (day/month or month/day)", first, second, third)
    return None


def _with_dateparser(text: str) -> dt.date | None:
    """Last resort for other languages and unusual layouts; imported only when needed."""
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    settings = {
        "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        parsed = dateparser.parse(text, settings=settings)
    except Exception:  # dateparser raises many kinds of error on odd input
        return None
    return parsed.date() if parsed else None
