"""What a date expression means, independent of when it was written, and its evaluation.

`parse.py` turns text into a `Spec`; `select(spec, ctx)` resolves it against the publication date
`P`, the tense of its clause and the fiscal year. A spec that names a recurring time (a month, a
weekday or a quarter without a year) has a `cycle`: `at(ctx, shift)` gives its occurrence `shift`
cycles away from the one around P, and `select` picks one by the tense rule of the guide
(past: the latest such one not after P; future: the next one not before P; no clear tense: the
one nearest P).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from newsclaims.extraction.dates import calendar as cal
from newsclaims.extraction.dates.calendar import ONE_DAY, Interval


class Unanchored(Exception):
    """The expression is relative and there is no publication date."""


class NotADate(Exception):
    """The expression is not a date in this context (fiscal period without a fiscal year,
    `in three years` in the past tense, ...)."""


@dataclass(frozen=True)
class Ctx:
    """What an expression is resolved against."""

    published: date | None
    # past | present | future | schedule (present of a schedule verb); None: no clear tense
    tense: str | None = None
    fy_end: tuple[int, int] | None = None
    dayfirst: bool | None = None

    def p(self) -> date:
        if self.published is None:
            raise Unanchored
        return self.published

    def with_tense(self, tense: str | None) -> Ctx:
        return Ctx(self.published, tense, self.fy_end, self.dayfirst)


class Spec:
    """Base of all meanings. Fixed specs ignore `shift`."""

    gran: str = "range"
    cycle: str | None = None  # unit that `shift` steps by, or None for a fixed time
    rule: str = "start"  # past tense: latest with start <= P ("start") or end <= P ("end")

    def at(self, ctx: Ctx, shift: int) -> Interval | None:
        raise NotImplementedError


def select(spec: Spec, ctx: Ctx) -> Interval | None:
    """Resolve `spec`: its only occurrence, or the one the tense rule picks (the one nearest P
    when the clause has no clear tense: `agreed to sell it in November`, a headline)."""
    if spec.cycle is None:
        return spec.at(ctx, 0)
    p = ctx.p()
    candidates = [iv for s in range(-3, 4) if (iv := spec.at(ctx, s)) is not None]
    if not candidates:
        return None
    if ctx.tense in ("future", "schedule"):
        return _next(candidates, p) or candidates[-1]
    if ctx.tense is None:
        return _nearest(candidates, p, spec.rule)
    return _latest(candidates, p, spec.rule) or candidates[0]


def _nearest(candidates: list[Interval], p: date, rule: str) -> Interval:
    """The occurrence nearest `p`: one that holds it, else the closest; a window that ends on a
    date (`the nine months ended Sept. 30`, rule `end`) is as near as its last day. A tie goes
    to the later one."""

    def distance(iv: Interval) -> int:
        if rule == "end":
            return abs((iv.end - p).days)
        if iv.start <= p <= iv.end:
            return 0
        return (iv.start - p).days if iv.start > p else (p - iv.end).days

    return min(reversed(candidates), key=distance)


def _next(candidates: list[Interval], p: date) -> Interval | None:
    ahead = [iv for iv in candidates if iv.end >= p]
    return min(ahead, key=lambda iv: iv.start) if ahead else None


def _latest(candidates: list[Interval], p: date, rule: str) -> Interval | None:
    if rule == "end":
        done = [iv for iv in candidates if iv.end <= p]
        if done:
            return max(done, key=lambda iv: iv.end)
    begun = [iv for iv in candidates if iv.start <= p]
    return max(begun, key=lambda iv: iv.start) if begun else None


def classify(start: date, end: date) -> str:
    """Granularity of an interval from its shape."""
    if start == end:
        return "day"
    if start.day == 1 and end == cal.month_end(end.year, end.month):
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        if months == 1:
            return "month"
        if months == 3 and start.month % 3 == 1:
            return "quarter"
        if months == 6 and start.month in (1, 7):
            return "half"
        if months == 12 and start.month == 1:
            return "year"
    if (end - start).days == 6 and start.weekday() == 0:
        return "week"
    return "range"


# ---------------------------------------------------------------- fixed times


@dataclass(frozen=True)
class Fixed(Spec):
    start: date
    end: date
    gran: str = "day"

    def at(self, ctx: Ctx, shift: int) -> Interval:
        return Interval(self.start, self.end, self.gran)


def day(y: int, m: int, d: int) -> Fixed | None:
    try:
        x = date(y, m, d)
    except ValueError:
        return None
    return Fixed(x, x, "day")


def month(y: int, m: int) -> Fixed:
    iv = cal.month_span(y, m)
    return Fixed(iv.start, iv.end, "month")


def year(y: int) -> Fixed:
    return Fixed(date(y, 1, 1), date(y, 12, 31), "year")


def quarter(y: int, q: int) -> Fixed:
    iv = cal.quarter_span(y, q)
    return Fixed(iv.start, iv.end, "quarter")


def half(y: int, h: int) -> Fixed:
    iv = cal.half_span(y, h)
    return Fixed(iv.start, iv.end, "half")


def season(y: int, first_month: int) -> Fixed:
    iv = cal.season_span(y, first_month)
    return Fixed(iv.start, iv.end, "season")


def years(first: int, last: int, gran: str) -> Fixed:
    return Fixed(date(first, 1, 1), date(last, 12, 31), gran)


@dataclass(frozen=True)
class NumericDate(Spec):
    """`05/03/2021`: which number is the day depends on the document's convention."""

    a: int
    b: int
    y: int
    sep: str
    gran: str = "day"

    def at(self, ctx: Ctx, shift: int) -> Interval | None:
        if self.a > 12:
            d, m = self.a, self.b
        elif self.b > 12:
            m, d = self.a, self.b
        else:
            dayfirst = ctx.dayfirst if ctx.dayfirst is not None else self.sep != "/"
            d, m = (self.a, self.b) if dayfirst else (self.b, self.a)
        spec = day(self.y, m, d)
        if spec is None:
            raise NotADate
        return spec.at(ctx, 0)


# ---------------------------------------------------------------- recurring times


@dataclass(frozen=True)
class YearlessDay(Spec):
    """`March 22`; with a weekday (`Tuesday, March 5`) only years where it falls on that day."""

    m: int
    d: int
    wd: int | None = None
    gran: str = "day"
    cycle: str = "year"

    def at(self, ctx: Ctx, shift: int) -> Interval | None:
        spec = day(ctx.p().year + shift, self.m, self.d)
        if spec is None or (self.wd is not None and spec.start.weekday() != self.wd):
            return None
        return spec.at(ctx, 0)


@dataclass(frozen=True)
class WeekdayDay(Spec):
    """`Mon 13th`, `Friday the 13th`: a day of the month that falls on that weekday. Shift 0 is
    the first such day not before P, shift -1 the last one before it, and so on."""

    wd: int
    d: int
    gran: str = "day"
    cycle: str = "month"

    def at(self, ctx: Ctx, shift: int) -> Interval | None:
        p = ctx.p()
        step = 1 if shift >= 0 else -1
        y, m = p.year, p.month
        seen = -1 if shift >= 0 else 0
        for _ in range(120):  # the same weekday and day come back within 14 months
            d = day(y, m, self.d)
            if d is not None and d.start.weekday() == self.wd and (d.start >= p) == (step > 0):
                seen += step
                if seen == shift:
                    return d.at(ctx, 0)
            m += step
            if m in (0, 13):
                y, m = y + step, 1 if step > 0 else 12
        return None


@dataclass(frozen=True)
class YearlessMonth(Spec):
    m: int
    gran: str = "month"
    cycle: str = "year"

    def at(self, ctx: Ctx, shift: int) -> Interval:
        return cal.month_span(ctx.p().year + shift, self.m)


@dataclass(frozen=True)
class MonthOfYear(Spec):
    """`June last year`, `January next year`: a month of the year P's year moved by offset."""

    m: int
    offset: int
    gran: str = "month"

    def at(self, ctx: Ctx, shift: int) -> Interval:
        return cal.month_span(ctx.p().year + self.offset, self.m)


@dataclass(frozen=True)
class YearlessQuarter(Spec):
    q: int
    gran: str = "quarter"
    cycle: str = "year"

    def at(self, ctx: Ctx, shift: int) -> Interval:
        return cal.quarter_span(ctx.p().year + shift, self.q)


@dataclass(frozen=True)
class YearlessHalf(Spec):
    h: int
    gran: str = "half"
    cycle: str = "year"

    def at(self, ctx: Ctx, shift: int) -> Interval:
        return cal.half_span(ctx.p().year + shift, self.h)


@dataclass(frozen=True)
class YearlessSeason(Spec):
    first_month: int
    gran: str = "season"
    cycle: str = "year"

    def at(self, ctx: Ctx, shift: int) -> Interval:
        p = ctx.p()
        base = p.year - 1 if self.first_month == 12 and p.month <= 2 else p.year
        return cal.season_span(base + shift, self.first_month)


@dataclass(frozen=True)
class FirstMonths(Spec):
    """`the first nine months` (of the year around P)."""

    n: int
    gran: str = "range"
    cycle: str = "year"
    rule: str = "end"

    def at(self, ctx: Ctx, shift: int) -> Interval:
        iv = cal.months_span(ctx.p().year + shift, 1, self.n, "range")
        return Interval(iv.start, iv.end, classify(iv.start, iv.end))


@dataclass(frozen=True)
class Weekday(Spec):
    wd: int
    gran: str = "day"
    cycle: str = "week"

    def at(self, ctx: Ctx, shift: int) -> Interval:
        d = cal.monday(ctx.p()) + timedelta(days=self.wd + 7 * shift)
        return Interval(d, d, "day")


@dataclass(frozen=True)
class WeekdayOf(Spec):
    """`Tuesday of next week`: that day of the Monday-Sunday week `offset` weeks from P's."""

    wd: int
    offset: int
    gran: str = "day"

    def at(self, ctx: Ctx, shift: int) -> Interval:
        d = cal.monday(ctx.p()) + timedelta(days=self.wd + 7 * self.offset)
        return Interval(d, d, "day")


@dataclass(frozen=True)
class Weekend(Spec):
    gran: str = "week"
    cycle: str = "week"

    def at(self, ctx: Ctx, shift: int) -> Interval:
        return cal.weekend_span(ctx.p() + timedelta(weeks=shift))


@dataclass(frozen=True)
class IsoWeek(Spec):
    """`week 31`, `week 3 of 2027`, `week 27 of last year`: ISO week N (Monday to Sunday) of
    the year named, else of P's year (`rel` years from it)."""

    n: int
    y: int | None = None
    rel: int = 0
    gran: str = "week"

    def at(self, ctx: Ctx, shift: int) -> Interval | None:
        y = self.y if self.y is not None else ctx.p().year + self.rel
        try:
            monday = date.fromisocalendar(y, self.n, 1)
        except ValueError:
            return None  # no week 53 that year
        return Interval(monday, monday + timedelta(days=6), "week")


@dataclass(frozen=True)
class Holiday(Spec):
    rule: str
    y: int | None = None
    gran: str = "day"

    @property
    def cycle(self) -> str | None:  # type: ignore[override]
        return None if self.y is not None else "year"

    def at(self, ctx: Ctx, shift: int) -> Interval | None:
        y = self.y if self.y is not None else ctx.p().year + shift
        d = cal.holiday_date(self.rule, y)
        return Interval(d, d, "day") if d else None


@dataclass(frozen=True)
class TheUnit(Spec):
    """`the year` inside `the end of the year`: the period around P, moved by tense."""

    unit: str
    rule: str = "start"

    @property
    def gran(self) -> str:  # type: ignore[override]
        return {"century": "range", "weekend": "week"}.get(self.unit, self.unit)

    @property
    def cycle(self) -> str:  # type: ignore[override]
        return self.unit

    def at(self, ctx: Ctx, shift: int) -> Interval:
        return cal.unit_span(cal.shift_unit(ctx.p(), self.unit, shift), self.unit)


# ---------------------------------------------------------------- relative to P


@dataclass(frozen=True)
class RelDay(Spec):
    offset: int
    gran: str = "day"

    def at(self, ctx: Ctx, shift: int) -> Interval:
        d = ctx.p() + timedelta(days=self.offset)
        return Interval(d, d, "day")


@dataclass(frozen=True)
class Deictic(Spec):
    """`this week`, `last year`, `next quarter`: the calendar unit around P, moved by offset."""

    unit: str
    offset: int

    @property
    def gran(self) -> str:  # type: ignore[override]
        return {"century": "range", "weekend": "week"}.get(self.unit, self.unit)

    def at(self, ctx: Ctx, shift: int) -> Interval:
        return cal.unit_span(cal.shift_unit(ctx.p(), self.unit, self.offset), self.unit)


@dataclass(frozen=True)
class NamedDeictic(Spec):
    """`last Friday`, `next March`, `this summer`: an occurrence of a recurring time."""

    which: str  # last | next | this
    base: Spec

    @property
    def gran(self) -> str:  # type: ignore[override]
        return self.base.gran

    def at(self, ctx: Ctx, shift: int) -> Interval | None:
        p = ctx.p()
        cands = [iv for s in range(-3, 4) if (iv := self.base.at(ctx, s)) is not None]
        if self.which == "last":
            before = [iv for iv in cands if iv.end < p]
            return max(before, key=lambda iv: iv.end) if before else None
        if self.which == "next":
            after = [iv for iv in cands if iv.start > p]
            return min(after, key=lambda iv: iv.start) if after else None
        around = [iv for iv in cands if iv.start <= p <= iv.end]
        if around:
            return around[0]
        if isinstance(self.base, Weekday):
            return select(self.base, ctx)
        return self.base.at(ctx, 0)


@dataclass(frozen=True)
class EarlierLater(Spec):
    which: str  # earlier | later
    unit: str

    def at(self, ctx: Ctx, shift: int) -> Interval:
        p = ctx.p()
        iv = cal.unit_span(p, self.unit)
        if self.which == "earlier":
            return Interval(iv.start, p, "range")
        return Interval(p, iv.end, "range")


def _point(p: date, n: int, base: str, mult: int) -> Interval:
    """The calendar unit `n` x `mult` `base` units from `p` (`two years ago`, `in three months`)."""
    k = n * mult
    if base == "day":
        d = p + timedelta(days=k)
        return Interval(d, d, "day")
    if base == "week":
        d = p + timedelta(weeks=k)
        return Interval(d, d, "week")
    if base == "month":
        d = cal.add_months(p, k)
        if mult == 3:
            return cal.unit_span(d, "quarter")
        return cal.month_span(d.year, d.month)
    return cal.year_span(p.year + k)


@dataclass(frozen=True)
class Shift(Spec):
    """`three days after Christmas`, `two weeks before May 13 1999`: a day moved by `k` units."""

    inner: Spec
    k: int
    base: str
    gran: str = "day"

    @property
    def cycle(self) -> str | None:  # type: ignore[override]
        return self.inner.cycle

    def at(self, ctx: Ctx, shift: int) -> Interval | None:
        iv = self.inner.at(ctx, shift)
        if iv is None or iv.start is None or iv.start != iv.end:
            return None
        d = cal.add_units(iv.start, self.k, self.base)
        return Interval(d, d, "day")


@dataclass(frozen=True)
class Ago(Spec):
    n: int
    base: str
    mult: int

    @property
    def gran(self) -> str:  # type: ignore[override]
        return {"month": "quarter" if self.mult == 3 else "month"}.get(self.base, self.base)

    def at(self, ctx: Ctx, shift: int) -> Interval:
        return _point(ctx.p(), -self.n, self.base, self.mult)


@dataclass(frozen=True)
class InN(Spec):
    """`in three years`: a future point; in a past-tense clause it is a duration, not a date."""

    n: int
    base: str
    mult: int

    @property
    def gran(self) -> str:  # type: ignore[override]
        return {"month": "quarter" if self.mult == 3 else "month"}.get(self.base, self.base)

    def at(self, ctx: Ctx, shift: int) -> Interval:
        if ctx.tense == "past":
            raise NotADate
        return _point(ctx.p(), self.n, self.base, self.mult)


@dataclass(frozen=True)
class NextN(Spec):
    """`within three years`, `over the next 12 months`: P .. P + N units; `the next 7
    quarters`, `the next two decades` (`aligned`): the N whole calendar ones after P's."""

    n: int
    base: str
    mult: int
    aligned: bool = False

    def at(self, ctx: Ctx, shift: int) -> Interval:
        p = ctx.p()
        if self.aligned and (unit := _calendar_unit(self.base, self.mult)):
            first = cal.unit_span(p, unit).end + ONE_DAY
            last = cal.unit_span(cal.shift_unit(first, unit, self.n - 1), unit).end
            return Interval(first, last, "range")
        return Interval(p, cal.add_units(p, self.n * self.mult, self.base), "range")


@dataclass(frozen=True)
class PastN(Spec):
    """`the last 3 months`, `the past five years`: P - N units .. P, as the guide ends
    `since X` and starts `within N years` on P (the claims dev set's annotator, writing from
    the guide alone, ended both of its cases on P; Recognizers-Text ends them the day
    before); `the last 2 quarters`: the N whole calendar quarters (decades) before P's."""

    n: int
    base: str
    mult: int

    def at(self, ctx: Ctx, shift: int) -> Interval:
        p = ctx.p()
        if unit := _calendar_unit(self.base, self.mult):
            current = cal.unit_span(p, unit).start
            first = cal.unit_span(cal.shift_unit(current, unit, -self.n), unit).start
            return Interval(first, current - ONE_DAY, "range")
        return Interval(cal.add_units(p, -self.n * self.mult, self.base), p, "range")


def _calendar_unit(base: str, mult: int) -> str | None:
    """The calendar unit a count of quarters or decades steps by, else None."""
    return {("month", 3): "quarter", ("year", 10): "decade"}.get((base, mult))


@dataclass(frozen=True)
class WithinUnit(Spec):
    """`within the year`: P .. the end of the unit around P."""

    unit: str

    def at(self, ctx: Ctx, shift: int) -> Interval:
        p = ctx.p()
        return Interval(p, cal.unit_span(p, self.unit).end, "range")


# ---------------------------------------------------------------- fiscal periods


def _fy_bounds(ctx: Ctx, label: int) -> tuple[date, date]:
    """First and last day of fiscal year `label` (the calendar year it ends in)."""
    if ctx.fy_end is None:
        raise NotADate
    m, d = ctx.fy_end
    end = date(label, m, min(d, cal.month_end(label, m).day))
    start = cal.add_years(end, -1) + ONE_DAY
    return start, end


@dataclass(frozen=True)
class FiscalYear(Spec):
    label: int
    gran: str = "year"

    def at(self, ctx: Ctx, shift: int) -> Interval:
        start, end = _fy_bounds(ctx, self.label)
        return Interval(start, end, "year")


@dataclass(frozen=True)
class YearSpan(Spec):
    """`2024/25`, `the 1998-99 season`: the fiscal year b when the article says when its fiscal
    year runs and the years are consecutive, else the calendar years a to b."""

    a: int
    b: int
    gran: str = "range"

    def at(self, ctx: Ctx, shift: int) -> Interval:
        if ctx.fy_end is not None and self.b == self.a + 1:
            return FiscalYear(self.b).at(ctx, 0)
        return Interval(date(self.a, 1, 1), date(self.b, 12, 31), "range")


def _fy_label_of(ctx: Ctx, d: date) -> int:
    start, end = _fy_bounds(ctx, d.year)
    return d.year if d <= end else d.year + 1


@dataclass(frozen=True)
class FiscalDeictic(Spec):
    """`this fiscal year` (offset 0), `last fiscal year` (-1), `next fiscal year` (+1)."""

    offset: int
    gran: str = "year"

    def at(self, ctx: Ctx, shift: int) -> Interval:
        label = _fy_label_of(ctx, ctx.p()) + self.offset
        return FiscalYear(label).at(ctx, 0)


@dataclass(frozen=True)
class FiscalTheYear(Spec):
    """`the fiscal year` inside `the third quarter of the fiscal year`: moved by tense."""

    gran: str = "year"
    cycle: str = "year"

    def at(self, ctx: Ctx, shift: int) -> Interval:
        return FiscalYear(_fy_label_of(ctx, ctx.p()) + shift).at(ctx, 0)


@dataclass(frozen=True)
class FiscalPart(Spec):
    """`the third fiscal quarter`, `fiscal H1 2024`: a quarter or half of a fiscal year."""

    kind: str  # quarter | half
    k: int
    label: int | None = None

    @property
    def gran(self) -> str:  # type: ignore[override]
        return self.kind

    @property
    def cycle(self) -> str | None:  # type: ignore[override]
        return None if self.label is not None else "year"

    def at(self, ctx: Ctx, shift: int) -> Interval:
        label = self.label if self.label is not None else _fy_label_of(ctx, ctx.p()) + shift
        start, _ = _fy_bounds(ctx, label)
        size = 3 if self.kind == "quarter" else 6
        first = cal.add_months(start, size * (self.k - 1))
        last = cal.add_months(first, size) - ONE_DAY
        return Interval(first, last, self.kind)


# ---------------------------------------------------------------- composition


def _thirds(iv: Interval, which: int) -> Interval:
    """Early (0), mid (1) or late (2) part of an interval (CONVENTIONS.md)."""
    s, e = iv.start, iv.end
    if s == e:
        return iv
    if iv.gran == "month":
        first = date(s.year, s.month, 1 + 10 * which)
        last = e if which == 2 else date(s.year, s.month, 10 + 10 * which)
        return Interval(first, last, "range")
    if iv.gran in ("decade", "range") and s.month == 1 and s.day == 1 and e.month == 12:
        span = e.year - s.year + 1
        if span in (10, 100):
            bounds = [(0, 3), (4, 6), (7, 9)] if span == 10 else [(0, 32), (33, 65), (66, 99)]
            lo, hi = bounds[which]
            return Interval(date(s.year + lo, 1, 1), date(s.year + hi, 12, 31), "range")
    if s.day == 1 and e == cal.month_end(e.year, e.month):
        months = (e.year - s.year) * 12 + e.month - s.month + 1
        if months % 3 == 0:
            size = months // 3
            first = cal.add_months(s, size * which)
            last = cal.add_months(first, size) - ONE_DAY
            return Interval(first, last, classify(first, last))
    days = (e - s).days + 1
    lo = s + timedelta(days=days * which // 3)
    hi = s + timedelta(days=days * (which + 1) // 3 - 1)
    return Interval(lo, hi, classify(lo, hi))


def _edge(iv: Interval, which: str) -> Interval:
    """The first (`start`) or last (`end`) sub-unit of a period (CONVENTIONS.md)."""
    s, e = iv.start, iv.end
    if s == e:
        return iv
    if iv.gran == "month":
        return _thirds(iv, 0 if which == "start" else 2)
    if iv.gran in ("week",):
        return _thirds(iv, 0 if which == "start" else 2)
    span_years = e.year - s.year + 1
    if (
        iv.gran in ("decade", "range")
        and s.month == 1
        and s.day == 1
        and e.month == 12
        and (span_years in (10, 100))
    ):
        size = 1 if span_years == 10 else 10
        y = s.year if which == "start" else e.year - size + 1
        return Interval(
            date(y, 1, 1), date(y + size - 1, 12, 31), "year" if size == 1 else "decade"
        )
    if (
        s.day == 1
        and e == cal.month_end(e.year, e.month)
        and (s.year, s.month) != (e.year, e.month)
    ):
        d = s if which == "start" else e
        return cal.month_span(d.year, d.month)
    return _thirds(iv, 0 if which == "start" else 2)


def _split(iv: Interval, parts: int, k: int, gran: str) -> Interval:
    """The k-th (1-based; -1 = last) of `parts` equal parts: by months when whole months."""
    k = parts if k == -1 else k
    if not 1 <= k <= parts:
        raise NotADate
    s, e = iv.start, iv.end
    if s.day == 1 and e == cal.month_end(e.year, e.month):
        months = (e.year - s.year) * 12 + e.month - s.month + 1
        if months % parts == 0 and months >= parts:
            size = months // parts
            first = cal.add_months(s, size * (k - 1))
            last = cal.add_months(first, size) - ONE_DAY
            return Interval(first, last, gran if months == 12 else classify(first, last))
    days = (e - s).days + 1
    lo = s + timedelta(days=days * (k - 1) // parts)
    hi = s + timedelta(days=days * k // parts - 1)
    return Interval(lo, hi, classify(lo, hi))


def _weeks_of(iv: Interval) -> tuple[date, date]:
    """Mondays of the first and last Monday-Sunday weeks of a period, a week belonging to the
    period that holds its Thursday (ISO 8601: `the first week of 2015` is Dec 29 .. Jan 4)."""
    first = cal.monday(iv.start)
    if first + timedelta(days=3) < iv.start:
        first += timedelta(weeks=1)
    last = cal.monday(iv.end)
    if last + timedelta(days=3) > iv.end:
        last -= timedelta(weeks=1)
    return first, last


@dataclass(frozen=True)
class Part(Spec):
    """A part of a period: `early 2024`, `the end of the year`, `the first quarter of 2023`."""

    kind: str  # early mid late start end rest quarter half week first last
    inner: Spec
    k: int = 0
    unit: str = ""

    @property
    def cycle(self) -> str | None:  # type: ignore[override]
        return self.inner.cycle

    @property
    def rule(self) -> str:  # type: ignore[override]
        return self.inner.rule

    @property
    def gran(self) -> str:  # type: ignore[override]
        if self.kind in ("quarter", "half", "week"):
            return self.kind
        if self.kind in ("start", "end") and self.inner.gran in ("year", "quarter", "half"):
            return "month"
        return "day" if self.inner.gran == "day" else "range"

    def at(self, ctx: Ctx, shift: int) -> Interval | None:
        iv = self.inner.at(ctx, shift)
        if iv is None or iv.start is None or iv.end is None:
            return None
        kind = self.kind
        if kind in ("early", "mid", "late"):
            return _thirds(iv, ("early", "mid", "late").index(kind))
        if kind in ("start", "end"):
            return _edge(iv, kind)
        if kind == "rest":
            p = ctx.p()
            return Interval(max(p, iv.start), iv.end, "range") if p <= iv.end else None
        if kind == "quarter":
            if iv.gran != "year":
                raise NotADate
            return _split(iv, 4, self.k, "quarter")
        if kind == "half":
            return _split(iv, 2, self.k, "half")
        if kind == "week":
            first, last = _weeks_of(iv)
            k = self.k
            monday = last if k == -1 else first + timedelta(weeks=k - 1)
            if monday > last:
                raise NotADate
            return Interval(monday, monday + timedelta(days=6), "week")
        if kind in ("first", "last") and self.unit == "week":
            first, last = _weeks_of(iv)
            if kind == "first":
                return Interval(first, first + timedelta(weeks=self.k) - ONE_DAY, "range")
            return Interval(last - timedelta(weeks=self.k - 1), last + timedelta(days=6), "range")
        if kind == "first":
            last = cal.add_units(iv.start, self.k, self.unit) - ONE_DAY
            return Interval(iv.start, min(last, iv.end), classify(iv.start, min(last, iv.end)))
        if kind == "last":
            first = cal.add_units(iv.end + ONE_DAY, -self.k, self.unit)
            return Interval(max(first, iv.start), iv.end, classify(max(first, iv.start), iv.end))
        raise ValueError(kind)


@dataclass(frozen=True)
class PeriodTo(Spec):
    """`the year to March`, `the three months ended September 30`: a window ending there."""

    n: int
    base: str
    inner: Spec

    @property
    def cycle(self) -> str | None:  # type: ignore[override]
        return self.inner.cycle

    rule: str = "end"

    @property
    def gran(self) -> str:  # type: ignore[override]
        if self.base == "week" and self.n == 1:
            return "week"
        months = self.n * (12 if self.base == "year" else 1)
        if self.base in ("month", "year"):
            return {1: "month", 3: "quarter", 6: "half", 12: "year"}.get(months, "range")
        return "range"

    def at(self, ctx: Ctx, shift: int) -> Interval | None:
        iv = self.inner.at(ctx, shift)
        if iv is None:
            return None
        start = cal.add_units(iv.end + ONE_DAY, -self.n, self.base)
        gran = self.gran if self.gran != "range" else classify(start, iv.end)
        return Interval(start, iv.end, gran)


@dataclass(frozen=True)
class Tensed(Spec):
    """A recurring time whose own words fix the tense (`the quarter ended June 30`: past)."""

    inner: Spec
    tense: str

    @property
    def gran(self) -> str:  # type: ignore[override]
        return self.inner.gran

    def at(self, ctx: Ctx, shift: int) -> Interval | None:
        return select(self.inner, ctx.with_tense(self.tense))


def _on_the_unit(spec: Spec) -> bool:
    """Whether `spec` is `the year`/`the month` or a part of it (`the end of the year`)."""
    while isinstance(spec, Part):
        spec = spec.inner
    return isinstance(spec, (TheUnit, FiscalTheYear))


@dataclass(frozen=True)
class Prefix(Spec):
    """An open interval around a date: `by 2030`, `since January 2024`, `before March`."""

    kind: str  # until | since | before | after
    inner: Spec

    def at(self, ctx: Ctx, shift: int) -> Interval | None:
        kind = self.kind
        if kind == "before" and isinstance(self.inner, Part) and self.inner.kind == "end":
            kind = "until"  # `before the end of the year` = `by the end of the year`
        tense = ctx.tense
        if kind == "since":
            tense = "past"
        elif tense in (None, "present", "schedule") or _on_the_unit(self.inner):
            tense = "future"  # `signalled hikes by the end of the year`: this year's end
        iv = select(self.inner, ctx.with_tense(tense))
        if iv is None:
            return None
        if kind == "until":
            return Interval(None, iv.end, "range")
        if kind == "since":
            p = ctx.published
            # `since tomorrow`: a start after P has no end yet
            return Interval(iv.start, p if p is None or iv.start <= p else None, "range")
        if kind == "before":
            return Interval(None, iv.start - ONE_DAY, "range")
        return Interval(iv.end + ONE_DAY, None, "range")


@dataclass(frozen=True)
class Range(Spec):
    """`between February 4 and May 4`, `from 2020 to 2022`: one date from a's start to b's end.

    The end follows the start: a recurring end (`May 4`, `the end of the year`) is its first
    occurrence that ends on or after the start, except a weekday after a longer-cycle start
    (`from Sept. 14 to Thursday`), which the tense rule places; a recurring start follows the
    tense rule.
    """

    a: Spec
    b: Spec

    @property
    def cycle(self) -> str | None:  # type: ignore[override]
        if self.b.cycle is None:
            return None  # the end places the start: `from March to date`
        return self.a.cycle

    rule: str = "end"  # a past range is a finished one: `between January and November`

    def at(self, ctx: Ctx, shift: int) -> Interval | None:
        weekday_end = self.b.cycle == "week" and self.a.cycle not in (None, "week")
        if self.a.cycle is not None and (self.b.cycle is None or weekday_end):
            # the end is placed on its own (`to date`; `from Sept. 14 to Thursday`: a weekday
            # after a longer-cycle start by the tense rule from P); the start is its latest
            # occurrence before that end
            ib = select(self.b, ctx) if weekday_end else self.b.at(ctx, 0)
            if ib is None or ib.start is None:
                return None
            starts = [
                iv
                for s in range(-3, 4)
                if (iv := self.a.at(ctx, s)) is not None and iv.start <= ib.start
            ]
            if not starts:
                return None
            return Interval(max(starts, key=lambda iv: iv.start).start, ib.end, "range")
        ia = self.a.at(ctx, shift)
        if ia is None:
            return None
        if self.b.cycle is None:
            ib = self.b.at(ctx, 0)
        else:
            later = [
                iv
                for s in range(shift - 3, shift + 4)
                if (iv := self.b.at(ctx, s)) is not None and iv.end >= ia.start
            ]
            ib = min(later, key=lambda iv: iv.end) if later else None
        if ib is None or ib.end < ia.start:
            return None
        return Interval(ia.start, ib.end, "range")


def tense_sensitive(spec: Spec) -> bool:
    """Whether the tense of the clause can change what `spec` resolves to."""
    if isinstance(spec, InN):
        return True
    if isinstance(spec, Prefix):
        return tense_sensitive(spec.inner)
    if isinstance(spec, NamedDeictic):
        return spec.which == "this" and isinstance(spec.base, Weekday)
    if isinstance(spec, (Part, PeriodTo, Shift)):
        return spec.cycle is not None or tense_sensitive(spec.inner)
    if isinstance(spec, Range):
        return tense_sensitive(spec.a) or tense_sensitive(spec.b)
    return spec.cycle is not None
