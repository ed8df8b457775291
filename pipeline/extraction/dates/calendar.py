"""Calendar arithmetic on `datetime.date`: month and year steps, period bounds, movable feasts.

Pure functions; an `Interval` is an inclusive pair of dates with a granularity label.
"""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Interval:
    """An inclusive calendar interval; `None` ends are open."""

    start: date | None
    end: date | None
    gran: str


def month_end(year: int, month: int) -> date:
    """Last day of a month."""
    return date(year, month, _cal.monthrange(year, month)[1])


def add_months(d: date, n: int) -> date:
    """`d` moved by `n` calendar months, the day clamped to the target month's length."""
    index = d.year * 12 + d.month - 1 + n
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(d.day, _cal.monthrange(year, month)[1]))


def add_years(d: date, n: int) -> date:
    """`d` moved by `n` years (29 February becomes 28 February in a common year)."""
    return add_months(d, 12 * n)


def add_units(d: date, n: int, unit: str) -> date:
    """`d` moved by `n` units of `day`, `week`, `month` or `year`."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    return add_years(d, n)


def month_span(year: int, month: int) -> Interval:
    return Interval(date(year, month, 1), month_end(year, month), "month")


def months_span(year: int, month: int, count: int, gran: str) -> Interval:
    """`count` whole months starting at `year`-`month`."""
    first = date(year, month, 1)
    last = add_months(first, count - 1)
    return Interval(first, month_end(last.year, last.month), gran)


def year_span(year: int) -> Interval:
    return Interval(date(year, 1, 1), date(year, 12, 31), "year")


def quarter_span(year: int, quarter: int) -> Interval:
    return months_span(year, 3 * quarter - 2, 3, "quarter")


def half_span(year: int, half: int) -> Interval:
    return months_span(year, 6 * half - 5, 6, "half")


def season_span(year: int, first_month: int) -> Interval:
    """The season that starts in `first_month` of `year` (winter 2024 runs into 2025)."""
    return months_span(year, first_month, 3, "season")


def day_span(d: date) -> Interval:
    return Interval(d, d, "day")


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def week_span(d: date) -> Interval:
    """The Monday-Sunday week of `d`."""
    first = monday(d)
    return Interval(first, first + timedelta(days=6), "week")


def weekend_span(d: date) -> Interval:
    """Saturday and Sunday of the Monday-Sunday week of `d`."""
    sat = monday(d) + timedelta(days=5)
    return Interval(sat, sat + ONE_DAY, "week")


def unit_span(d: date, unit: str) -> Interval:
    """The calendar `unit` (week, weekend, month, quarter, year, decade, century) holding `d`."""
    if unit == "day":
        return day_span(d)
    if unit == "week":
        return week_span(d)
    if unit == "weekend":
        return weekend_span(d)
    if unit == "month":
        return month_span(d.year, d.month)
    if unit == "quarter":
        return quarter_span(d.year, (d.month - 1) // 3 + 1)
    if unit == "year":
        return year_span(d.year)
    if unit == "decade":
        first = d.year - d.year % 10
        return Interval(date(first, 1, 1), date(first + 9, 12, 31), "decade")
    if unit == "century":
        first = d.year - d.year % 100
        return Interval(date(first, 1, 1), date(first + 99, 12, 31), "range")
    raise ValueError(f"unknown unit {unit!r}")


def shift_unit(d: date, unit: str, n: int) -> date:
    """`d` moved by `n` whole `unit`s (a weekend moves by weeks)."""
    if unit in ("day",):
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    if unit == "quarter":
        return add_months(d, 3 * n)
    if unit == "year":
        return add_years(d, n)
    if unit == "decade":
        return add_years(d, 10 * n)
    if unit == "century":
        return add_years(d, 100 * n)
    raise ValueError(f"unknown unit {unit!r}")


def easter(year: int) -> date:
    """Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The `n`-th `weekday` (Monday = 0) of a month; `n` = -1 for the last one."""
    if n > 0:
        first = date(year, month, 1)
        offset = (weekday - first.weekday()) % 7
        return first + timedelta(days=offset + 7 * (n - 1))
    last = month_end(year, month)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def holiday_date(rule: str, year: int) -> date | None:
    """The date of a holiday rule from `holidays.tsv` in `year`, or None if it does not exist."""
    kind, _, arg = rule.partition(":")
    try:
        if kind == "easter":
            return easter(year) + timedelta(days=int(arg))
        if kind == "thanksgiving":
            return nth_weekday(year, 11, 3, 4) + timedelta(days=int(arg))
        if kind == "nth":
            month, weekday, n = (int(x) for x in arg.split(":"))
            return nth_weekday(year, month, weekday, n)
        month, day = (int(x) for x in rule.split("-"))
        return date(year, month, day)
    except ValueError:
        return None
