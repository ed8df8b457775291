"""Parse one date expression into a `Spec` (its meaning), with the grammar of `grammar.py`.

The whole text must be one expression: `[prefix] [parts] core` or a range. The kind of core is
the named group that matched; its fields are then read with a small pattern per kind.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from newsclaims.extraction.dates import spec as S
from newsclaims.extraction.dates.grammar import alt, day_words, grammar, year_words
from newsclaims.extraction.dates.lexicon import lexicon

_TRANS = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "’": "'", "‘": "'", "\xa0": " "})
_WS = re.compile(r"\s+")


@cache
def _names() -> tuple[re.Pattern[str], dict[str, str]]:
    lx = lexicon()
    canon = {w.lower(): w for w in (*lx.months, *lx.weekdays)}
    return re.compile(
        r"\b(?:" + "|".join(sorted(canon, key=len, reverse=True)) + r")\b", re.I
    ), canon


@cache
def _year_words() -> re.Pattern[str]:
    return re.compile(year_words(lexicon().numbers))


@cache
def _day_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An ordinal day in words after a month (`January the first`) and before `of` a month
    (`the fourth of July`), the day as group `d`."""
    lx = lexicon()
    d = f"(?P<d>{day_words(lx.ordinals)})(?![\\w-])"
    mon = alt(lx.months, ci=True)
    return (
        re.compile(rf"(?P<m>\b{mon}\.?\s+)(?:the\s+)?{d}", re.I),
        re.compile(rf"{d}(?P<m>\s+of\s+{mon}(?!\w))", re.I),
    )


def _day_number(words: str) -> int:
    ordinals = lexicon().ordinals
    w = re.split(r"[\s-]+", words.lower())
    return ordinals[w[-1]] + (20 if w[0] == "twenty" else 30 if w[0] == "thirty" else 0)


def spelled_year(words: str) -> int:
    """`nineteen ninety-six` -> 1996, `nineteen hundred ninety three` -> 1993, `two thousand
    and fifteen` -> 2015 (a text `year_words` matched)."""
    numbers = lexicon().numbers
    w = [x for x in re.split(r"[\s-]+", words.lower()) if x not in ("and", "oh", "o")]
    if w[1] == "thousand":
        return 2000 + sum(numbers[x] for x in w[2:])
    return numbers[w[0]] * 100 + sum(numbers[x] for x in w[1:] if x != "hundred")


def normalize(text: str) -> str:
    """One spacing, ASCII dashes and apostrophes, month and weekday names in Title case, years
    in digits."""
    t = _WS.sub(" ", text.translate(_TRANS)).strip().strip(",;:")
    t = _year_words().sub(lambda m: str(spelled_year(m.group())), t)
    after_month, before_of = _day_words()
    t = after_month.sub(lambda m: f"{m['m']}{_day_number(m['d'])}", t)
    t = before_of.sub(lambda m: f"{_day_number(m['d'])}{m['m']}", t)
    if t.endswith("'s"):
        t = t[:-2]  # `2023's results`, `last year's`
    pattern, canon = _names()
    return pattern.sub(lambda m: canon[m.group().lower()], t)


def _num(word: str) -> int | None:
    """`12` -> 12, `twenty-five` -> 25, `a` -> 1."""
    w = word.lower().strip()
    if w.isdigit():
        return int(w)
    if w in ("a", "an"):
        return 1
    numbers = lexicon().numbers
    total = 0
    for piece in w.split("-"):
        if piece not in numbers:
            return None
        total += numbers[piece]
    return total


def _year(text: str) -> int:
    """A four-digit year, or a two-digit one (`'23`, `23`) read as 20xx below 70, else 19xx."""
    digits = text.strip("' ")
    y = int(digits)
    if len(digits) == 2:
        y += 2000 if y < 70 else 1900
    return y


def _month(name: str) -> int:
    return lexicon().months[name.rstrip(".")]


def _ordinal(word: str) -> int:
    w = word.lower()
    if w[0].isdigit():
        return int(re.match(r"\d+", w).group())
    return lexicon().ordinals[w]


def _unit(word: str) -> tuple[str, int]:
    return lexicon().units[word.lower()]


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    g = grammar().pieces
    lx = lexicon()
    month = r"(?P<mon>" + alt(lx.months) + r")\.?"
    wd = alt([*lx.weekday_full, *lx.weekday_abbr])
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    yr = r"(?P<yr>\d{4})"
    num = r"(?P<n>\d+|an?|[a-z]+(?:-[a-z]+)?)"
    num2 = num.replace("?P<n>", "?P<n2>")
    unit = r"(?P<unit>[a-z]+)"
    fw = g["FW"]
    ords = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last|final|latter|back)"
    pats = {
        "iso": r"(?P<yr>\d{4})[-/](?P<m>\d{1,2})[-/](?P<day>\d{1,2})",
        "num": r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<yr>\d{4}|\d{2})",
        "dmony": rf"(?P<day>\d{{1,2}})(?P<s>[-/]){month}(?P=s)(?P<yr>\d{{4}}|\d{{2}})",
        "mdny": rf"{month}(?P<s>[-/])(?P<day>\d{{1,2}})(?P=s)(?P<yr>\d{{4}})",
        "ymond": rf"(?P<yr>\d{{4}})(?P<s>[-/]){month}(?P=s)(?P<day>\d{{1,2}})",
        "mdy": rf"(?:(?P<wd>{wd})\.?,?\s+)?{month}\s*{day}(?:\s*,?\s*(?:(?:of|in)\s+)?{yr})?",
        "dmy": rf"(?:(?P<wd>{wd})\.?,?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?{month}"
        rf"(?:,?\s+(?:(?:of|in)\s+)?{yr})?",
        "month_year": rf"{month}(?:(?:,?\s+(?:(?:of|in)\s+)?|[-/])(?P<yr>\d{{4}})|\s*(?P<yy>'\d\d)"
        r"|,?\s+(?:of\s+)?(?P<rel>last|next|this)\s+year)",
        "month": rf"{month}",
        "holiday": r"(?:the\s+)?(?P<name>.+?)(?:,?\s+(?P<yr>\d{4}))?",
        "rel_day": r"(?P<phrase>.+?)(?:\s+(?:morning|afternoon|evening|night))?",
        "earlier_later": r"(?P<which>earlier|later|so\s+far)\s+(?:this|in\s+the)\s+"
        r"(?P<unit>[a-z]+)",
        "ago": rf"{num}\s+{unit}\s+ago",
        "shift": rf"{num}\s+{unit}\s+(?P<dir>before|after|from)\s+(?P<rest>.+)",
        "in_n": rf"in\s+{num}\s+{unit}(?:'s?\s+time)?",
        "n_from_now": rf"{num}\s+{unit}\s+(?:from\s+now|hence)",
        "within_n": rf"within\s+(?:(?:the\s+)?(?:next|coming)\s+)?{num}\s+{unit}",
        "within_unit": r"within\s+(?:the|this)\s+(?P<unit>[a-z]+)",
        "next_n": rf"(?:the\s+)?(?:(?:next|coming|upcoming)\s+{num}|{num2}\s+"
        rf"(?:next|coming|upcoming))\s+{unit}",
        "past_n": rf"(?:the\s+)?(?:(?:last|past|previous)\s+{num}|{num2}\s+"
        rf"(?:last|past|previous))\s+{unit}",
        "first_n": rf"the\s+first\s+{num}\s+months",
        "week_weekday": rf"(?P<which>this|next|last)\s+week(?:\s+(?:on\s+)?|\s*-\s*)(?P<wd>{wd})",
        "deictic": r"(?P<which>this\s+past|(?:this\s+|the\s+)?(?:up)?coming|this|last|next"
        r"|the\s+current)\s+"
        r"(?P<what>.+?)(?:\s+(?:morning|afternoon|evening|night))?",
        "year_end": r"(?:the\s+)?(?P<unit>year|month|quarter)[- ]end(?:\s+(?P<yr>\d{4}))?",
        "decade": r"(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]*)?'?(?P<dd>\d|\d{3})0'?s",
        "century": r"(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?P<ord>[\w-]+?)[\s-]+century",
        "q_code": r"Q(?P<k>[1-4])(?:(?:\s+|\s*-\s*)(?:of\s+)?(?P<yr>\d{4})|\s*(?P<yy>'\d\d))?",
        "yq_code": r"(?P<yr>\d{4})\s*-?\s*Q(?P<k>[1-4])",
        "nq_code": r"(?P<k>[1-4])Q(?:\s*(?P<yy>'?\d\d|\d{4}))?",
        "h_code": r"H(?P<k>[12])(?:(?:\s+|\s*-\s*)(?P<yr>\d{4})|\s*(?P<yy>'\d\d))?",
        "nh_code": r"(?P<k>[12])H(?:\s*(?P<yy>'?\d\d|\d{4}))?",
        "yh_code": r"(?P<yr>\d{4})\s*-?\s*H(?P<k>[12])",
        "ord_part": rf"(?:the\s+)?(?:(?P<yr>\d{{4}})\s+)?{ords}[\s-]+(?P<what>quarter|half)",
        "season": r"(?:the\s+)?(?:(?P<part>early|late|mid)[\s-]+)?(?P<season>[a-z]+)(?:\s+of)?"
        r"\s+(?P<yr>\d{4}|'\d\d)(?:[/-](?P<yr2>\d{2}(?:\d{2})?))?",
        "season_bare": r"(?:the\s+)?(?:(?P<part>early|late|mid)[\s-]+)?(?P<season>[a-z]+)",
        "wd_day": rf"(?P<wd>{wd})\.?,?\s+(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?",
        "weekday": rf"(?P<wd>{wd})(?:\s+(?:morning|afternoon|evening|night))?"
        r"(?:\s+of\s+(?P<week>this|next|last)\s+week)?",
        "fy_code": r"(?:FY|F\.Y\.)\s*'?(?P<a>\d{4}|\d{2})(?:\s*[-/]\s*'?(?P<b>\d{4}|\d{2}))?",
        "fiscal_num": rf"(?:the\s+|its\s+|their\s+)?(?:{fw}(?:\s+year)?\s+)?'?"
        rf"(?P<a>\d{{4}}|\d{{2}})(?:\s*[-/]\s*(?P<b>\d{{4}}|\d{{2}}))?(?:\s+{fw}\s+year)?",
        "fiscal_deic": rf"(?P<which>this|last|next|the\s+current|its\s+current)\s+{fw}\s+year",
        "fiscal_part": r"(?:(?:the|its|their)\s+)?(?:fiscal\s+|financial\s+|budget\s+)?"
        r"(?:Q(?P<q>[1-4])|H(?P<h>[12])|(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
        rf"[\s-]+(?:{fw}[\s-]+)?(?P<what>quarter|half))"
        r"(?:\s+(?:of\s+)?(?P<ref>.+))?",
        "fiscal_code_part": r"(?P<ref>(?:FY|F\.Y\.)\s*'?\d{2,4}(?:\s*[-/]\s*'?\d{2,4})?)\s*"
        r"(?:Q(?P<q>[1-4])|H(?P<h>[12]))",
        "period_to": rf"(?:(?:the|its|their)\s+)?"
        rf"(?:{num}\s+(?P<unit>months|weeks|days|years|quarters)|(?P<fy>(?:{fw}\s+)?year)"
        r"|(?P<span>quarter|half|half-year|six-month\s+period|week|month))\s+"
        r"(?:(?P<ended>(?:that\s+|which\s+)?ended)|to|ending|through|until|that\s+ends"
        r"|which\s+ends)\s+(?:on\s+)?(?P<rest>.+)",
        "week_num": r"week\s+(?P<n>\d+)"
        r"(?:\s+of\s+(?:(?P<yr>\d{4})|(?P<rel>last|this|next)\s+year))?",
        "the_unit": r"(?:the\s+)?(?P<unit>year|month|week|quarter|decade|century)",
        "the_fiscal": rf"(?:the|its|their)\s+{fw}\s+year",
        "range_words": r"(?P<kw>between|from)\s+(?P<body>.+)",
        "range_mdy": rf"{month}\s*{day}\s*-\s*(?:(?P<mon2>{alt(lx.months)})\.?\s*)?"
        r"(?P<day2>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<yr>\d{4}))?",
        "range_dmy": rf"{day}(?:\s+(?P<mon1>{alt(lx.months)})\.?)?\s*-\s*(?P<day2>\d{{1,2}})"
        rf"(?:st|nd|rd|th)?\s+{month}(?:,?\s+(?P<yr>\d{{4}}))?",
        "range_month": rf"{month}(?:\s*-\s*|\s+(?:to|through|until|till)\s+)"
        rf"(?P<mon2>{alt(lx.months)})\.?(?:,?\s+(?P<yr>\d{{4}}))?",
        "season_span": r"(?:(?:the|its|their)\s+)?(?P<a>\d{4})\s*[-/]\s*(?P<b>\d{2}|\d{4})\s+\w+",
        "range_year": r"(?P<a>\d{4})\s*[-~]\s*(?P<b>\d{4})",
        "range_year_to": r"(?P<a>\d{4})\s+(?:to|through|thru|until|till)\s+(?P<rest>.+)",
    }
    return {k: re.compile(v, re.I) for k, v in pats.items()}


def _m(name: str, text: str) -> re.Match[str] | None:
    return _patterns()[name].fullmatch(text)


# ---------------------------------------------------------------- cores


def _parse_date(t: str) -> S.Spec | None:
    if m := _m("iso", t):
        return S.day(int(m["yr"]), int(m["m"]), int(m["day"]))
    if m := _m("num", t):
        return S.NumericDate(int(m["a"]), int(m["b"]), _year(m["yr"]), m["sep"])
    if m := (_m("dmony", t) or _m("mdny", t) or _m("ymond", t)):
        return S.day(_year(m["yr"]), _month(m["mon"]), int(m["day"]))
    m = _m("mdy", t) or _m("dmy", t)
    if not m:
        return None
    mon, d = _month(m["mon"]), int(m["day"])
    if m["yr"]:
        return S.day(int(m["yr"]), mon, d)
    if not 1 <= d <= (29 if mon == 2 else 30 if mon in (4, 6, 9, 11) else 31):
        return None
    wd = lexicon().weekdays.get(m["wd"].rstrip(".")) if m["wd"] else None
    return S.YearlessDay(mon, d, wd)


def _parse_month_year(t: str) -> S.Spec | None:
    m = _m("month_year", t)
    if not m:
        return None
    if m["rel"]:  # `June last year`: the month of the year before P's
        return S.MonthOfYear(_month(m["mon"]), {"last": -1, "this": 0, "next": 1}[m["rel"]])
    return S.month(_year(m["yr"] or m["yy"]), _month(m["mon"]))


def _parse_holiday(t: str) -> S.Spec | None:
    m = _m("holiday", t)
    holidays = {k.lower().replace("'", "'"): v for k, v in lexicon().holidays.items()}
    name = m["name"].lower()
    rule = holidays.get(name) or holidays.get("the " + name)
    if rule is None:
        return None
    return S.Holiday(rule, int(m["yr"]) if m["yr"] else None)


def _parse_rel_day(t: str) -> S.Spec | None:
    rel = lexicon().relative_days
    low = t.lower()
    if low in rel:
        return S.RelDay(rel[low])
    m = _m("rel_day", t)
    phrase = m["phrase"].lower()
    return S.RelDay(rel[phrase]) if phrase in rel else None


def _unit_spec(n: str, unit: str) -> tuple[int, str, int] | None:
    count = _num(n)
    if count is None or unit.lower() not in lexicon().units:
        return None
    base, mult = _unit(unit)
    if base == "day" and mult == 14:
        return count * 14, "day", 1
    return count, base, mult


def _parse_ago(t: str) -> S.Spec | None:
    m = _m("ago", t)
    u = m and _unit_spec(m["n"], m["unit"])
    return S.Ago(*u) if u else None


def _parse_shift(t: str) -> S.Spec | None:
    m = _m("shift", t)
    u = m and _unit_spec(m["n"], m["unit"])
    if not u:
        return None
    inner = _parse_text(m["rest"], allow_prefix=False)
    if inner is None or inner.gran != "day":
        return None
    n, base, mult = u
    return S.Shift(inner, -n * mult if m["dir"].lower() == "before" else n * mult, base)


def _parse_in_n(t: str) -> S.Spec | None:
    m = _m("in_n", t) or _m("n_from_now", t)
    u = m and _unit_spec(m["n"], m["unit"])
    return S.InN(*u) if u else None


def _parse_within(t: str) -> S.Spec | None:
    if (m := _m("within_n", t)) and (u := _unit_spec(m["n"], m["unit"])):
        return S.NextN(*u)
    if m := _m("within_unit", t):
        return S.WithinUnit(m["unit"].lower())
    return None


def _parse_next_n(t: str, kind: str = "next_n") -> S.Spec | None:
    m = _m(kind, t)
    u = m and _unit_spec(m["n"] or m["n2"], m["unit"])
    if not u:
        return None
    return S.NextN(*u, aligned=True) if kind == "next_n" else S.PastN(*u)


def _parse_first_n(t: str) -> S.Spec | None:
    m = _m("first_n", t)
    n = m and _num(m["n"])
    return S.FirstMonths(n) if n and 2 <= n <= 11 else None


_DEICTIC_UNITS = ("week", "weekend", "month", "quarter", "year", "decade", "century")


def _parse_deictic(t: str) -> S.Spec | None:
    if m := _m("week_weekday", t):
        offset = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
        return S.WeekdayOf(lexicon().weekdays[m["wd"]], offset)
    m = _m("deictic", t)
    if not m:
        return None
    which = _WS.sub(" ", m["which"].lower())
    which = re.sub(r"^(?:this |the )?(?:up)?coming$", "next", which)
    which = {"this past": "last", "the current": "this"}.get(which, which)
    what = re.sub(r"(?i)^calendar\s+(?=year$)", "", m["what"])  # `this calendar year`
    low = what.lower()
    offset = {"last": -1, "this": 0, "next": 1}[which]
    if low in _DEICTIC_UNITS:
        return S.Deictic(low, offset)
    lx = lexicon()
    if what in lx.weekdays:
        return S.NamedDeictic(which, S.Weekday(lx.weekdays[what]))
    if what in lx.months:
        return S.NamedDeictic(which, S.YearlessMonth(lx.months[what]))
    if low in lx.seasons:
        return S.NamedDeictic(which, S.YearlessSeason(lx.seasons[low]))
    holiday = _parse_holiday(what)  # `last Christmas`, `next Easter`
    if isinstance(holiday, S.Holiday) and holiday.y is None:
        return S.NamedDeictic(which, holiday)
    return None


def _parse_year_end(t: str) -> S.Spec | None:
    low = t.lower()
    if low.replace("-", "") == "midyear":
        return S.Part("mid", S.TheUnit("year"))
    m = _m("year_end", t)
    if not m:
        return None
    if m["yr"]:
        return S.Part("end", S.year(int(m["yr"])))
    return S.Part("end", S.TheUnit(m["unit"].lower()))


def _parse_decade(t: str) -> S.Spec | None:
    m = _m("decade", t)
    if not m:
        return None
    dd = m["dd"]
    if len(dd) == 1:  # `the '90s`: the latest such decade not after 2029
        first = int(dd) * 10
        first += 2000 if first <= 20 else 1900
        spec = S.years(first, first + 9, "decade")
    else:
        first = int(dd) * 10
        if first % 100 == 0 and first != 2000:  # `the 1800s`: a century
            spec = S.years(first, first + 99, "range")
        else:
            spec = S.years(first, first + 9, "decade")
    return S.Part(m["part"].lower(), spec) if m["part"] else spec


_CENTURY_WORDS = {
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty-second": 22,
}


def _parse_century(t: str) -> S.Spec | None:
    m = _m("century", t)
    if not m:
        return None
    word = m["ord"].lower()
    n = _CENTURY_WORDS.get(word) or (
        int(re.match(r"\d+", word).group()) if word[0].isdigit() else 0
    )
    if not n:
        return None
    first = (n - 1) * 100
    spec = S.years(first, first + 99, "range")
    return S.Part(m["part"].lower(), spec) if m["part"] else spec


def _parse_quarter(t: str) -> S.Spec | None:
    for name in ("q_code", "yq_code", "nq_code"):
        if m := _m(name, t):
            k = int(m["k"])
            y = m.groupdict().get("yr") or m.groupdict().get("yy")
            return S.quarter(_year(y), k) if y else S.YearlessQuarter(k)
    if (m := _m("ord_part", t)) and m["what"].lower() == "quarter":
        k = _ordinal(m["ord"])
        if not 1 <= k <= 4:
            return None
        return S.quarter(int(m["yr"]), k) if m["yr"] else S.YearlessQuarter(k)
    return None


def _parse_half(t: str) -> S.Spec | None:
    for name in ("h_code", "nh_code", "yh_code"):
        if m := _m(name, t):
            k = int(m["k"])
            y = m.groupdict().get("yr") or m.groupdict().get("yy")
            return S.half(_year(y), k) if y else S.YearlessHalf(k)
    if (m := _m("ord_part", t)) and m["what"].lower() == "half":
        k = _ordinal(m["ord"])
        if k not in (1, 2):
            return None
        return S.half(int(m["yr"]), k) if m["yr"] else S.YearlessHalf(k)
    return None


def _parse_season(t: str, *, bare: bool) -> S.Spec | None:
    m = _m("season_bare" if bare else "season", t)
    if not m:
        return None
    seasons = lexicon().seasons
    name = m["season"].lower()
    if name not in seasons:
        return None
    first = seasons[name]
    if bare:
        spec = S.YearlessSeason(first)
    elif m["yr2"] and first == 6:  # `the summer of 2025-26`: a southern summer, Dec to Feb
        spec = S.season(_year(m["yr"]), 12)
    else:
        spec = S.season(_year(m["yr"]), first)
    return S.Part(m["part"].lower(), spec) if m["part"] else spec


def _parse_fiscal(t: str) -> S.Spec | None:
    if m := _m("fiscal_deic", t):
        which = _WS.sub(" ", m["which"].lower())
        return S.FiscalDeictic({"last": -1, "next": 1}.get(which, 0))
    if m := (_m("fiscal_part", t) or _m("fiscal_code_part", t)):
        if m["q"] or m["h"]:
            kind, k = ("quarter", int(m["q"])) if m["q"] else ("half", int(m["h"]))
        else:
            kind, k = m["what"].lower(), _ordinal(m["ord"])
        label = None
        if m["ref"]:
            ref = _parse_fiscal(m["ref"])
            if ref is None:
                ref_year = re.fullmatch(r"(\d{4})", m["ref"].strip())
                if not ref_year:
                    return None
                label = int(ref_year.group(1))
            elif isinstance(ref, S.FiscalYear):
                label = ref.label
            else:
                return None
        return S.FiscalPart(kind, k, label)
    m = _m("fy_code", t) or _m("fiscal_num", t)
    if not m:
        return None
    a = _year(m["a"])
    bare = not re.search(r"[a-z]", t, re.I)
    if m["b"]:
        b = _year(m["b"]) if len(m["b"]) == 4 else a - a % 100 + int(m["b"])
        if bare and a < b <= a + 10:
            return S.YearSpan(a, b)  # `2024/25`, `1995-98`: the years, or the fiscal year
        if b != a + 1:
            return None
        return S.FiscalYear(b)
    if bare:
        return None  # a bare `2021/22` needs both years
    return S.FiscalYear(a)


def _parse_period_to(t: str) -> S.Spec | None:
    m = _m("period_to", t)
    if not m:
        return None
    inner = _parse_text(m["rest"], allow_prefix=False)
    if inner is None:
        return None
    if m["unit"]:
        u = _unit_spec(m["n"], m["unit"])
        if not u:
            return None
        n, base, mult = u
        spec = S.PeriodTo(n * mult, base, inner)
    elif m["fy"]:
        spec = S.PeriodTo(1, "year", inner)
    elif (span := m["span"].lower()) == "week":
        spec = S.PeriodTo(1, "week", inner)
    else:
        spec = S.PeriodTo({"quarter": 3, "month": 1}.get(span, 6), "month", inner)
    # `the nine months ended Sept. 30`: the verb of the expression says the window is over
    return S.Tensed(spec, "past") if m["ended"] and spec.cycle is not None else spec


_DAY_SPECS = (S.YearlessDay, S.NumericDate, S.Weekday)


@lru_cache(maxsize=4096)
def period_end_day(text: str) -> int | None:
    """Where the day that ends a window starts in `text` (`the three months that ended on
    March 31` -> the offset of `March 31`), or None when the window does not end on a named
    day. That day is a date of its own (TimeML marks it, not the window)."""
    m = _patterns()["period_to"].fullmatch(text)
    if not m or not m["rest"]:
        return None
    inner = _parse_text(normalize(m["rest"]), allow_prefix=False)
    is_day = isinstance(inner, _DAY_SPECS) or (isinstance(inner, S.Fixed) and inner.gran == "day")
    return m.start("rest") if is_day else None


def _parse_the_unit(t: str) -> S.Spec | None:
    if m := _m("the_unit", t):
        return S.TheUnit(m["unit"].lower())
    if _m("the_fiscal", t):
        return S.FiscalTheYear()
    return None


def _parse_core(kind: str, t: str) -> S.Spec | None:
    lx = lexicon()
    if kind == "date":
        return _parse_date(t)
    if kind == "month_year":
        return _parse_month_year(t)
    if kind == "month":
        return S.YearlessMonth(_month(t))
    if kind == "wd_day":
        m = _m("wd_day", t)
        return S.WeekdayDay(lx.weekdays[m["wd"].rstrip(".")], int(m["day"]))
    if kind == "weekday":
        m = _m("weekday", t)
        if not m:
            return None
        wd = lx.weekdays[m["wd"].rstrip(".")]
        if m["week"]:
            return S.WeekdayOf(wd, {"last": -1, "this": 0, "next": 1}[m["week"].lower()])
        return S.Weekday(wd)
    if kind == "year":
        return S.year(int(t[-4:]))
    if kind == "holiday":
        return _parse_holiday(t)
    if kind == "rel_day":
        return _parse_rel_day(t)
    if kind == "earlier_later":
        m = _m("earlier_later", t)
        if not m:
            return None
        which = "later" if m["which"].lower() == "later" else "earlier"
        return S.EarlierLater(which, m["unit"].lower())
    if kind == "shift":
        return _parse_shift(t)
    if kind == "ago":
        return _parse_ago(t)
    if kind == "in_n":
        return _parse_in_n(t)
    if kind == "within_n":
        return _parse_within(t)
    if kind in ("next_n", "past_n"):
        return _parse_next_n(t, kind)
    if kind == "first_n":
        return _parse_first_n(t)
    if kind == "deictic":
        return _parse_deictic(t)
    if kind == "year_end":
        return _parse_year_end(t)
    if kind == "decade":
        return _parse_decade(t)
    if kind == "century":
        return _parse_century(t)
    if kind == "quarter":
        return _parse_quarter(t)
    if kind == "half":
        return _parse_half(t)
    if kind in ("season", "season_bare"):
        return _parse_season(t, bare=kind == "season_bare")
    if kind == "weekend":
        return S.Weekend()
    if kind == "week_num":
        m = _m("week_num", t)
        rel = {"last": -1, "this": 0, "next": 1}.get((m["rel"] or "this").lower())
        return S.IsoWeek(int(m["n"]), int(m["yr"]) if m["yr"] else None, rel)
    if kind == "the_unit":
        return _parse_the_unit(t)
    if kind == "fiscal":
        return _parse_fiscal(t)
    if kind == "period_to":
        return _parse_period_to(t)
    if kind == "season_span":
        m = _m("season_span", t)
        a = int(m["a"])
        b = int(m["b"]) if len(m["b"]) == 4 else a - a % 100 + int(m["b"])
        return S.Range(S.year(a), S.year(b)) if b == a + 1 else None
    return None


# ---------------------------------------------------------------- parts, prefixes, ranges


def _parse_parts(text: str) -> list[tuple[str, int, str]] | None:
    """`the end of the first quarter of` -> [("end", 0, ""), ("quarter", 1, "")]."""
    lx = lexicon()
    out: list[tuple[str, int, str]] = []
    pos = 0
    pattern = grammar().parts
    while pos < len(text):
        m = pattern.match(text, pos)
        if not m or m.end() == pos:
            return None
        pos = m.end()
        if m["pq"]:
            word = re.match(r"(?:the\s+)?(\S+?)[\s-]+quarter", m["pq"], re.I).group(1)
            out.append(("quarter", _ordinal(word), ""))
        elif m["ph"]:
            word = re.match(r"(?:the\s+)?(\S+)\s+half", m["ph"], re.I).group(1).lower()
            out.append(
                ("half", 2 if word in ("back", "latter", "last", "final") else _ordinal(word), "")
            )
        elif m["pw"]:
            word = re.match(r"(?:the\s+)?(\S+)\s+week", m["pw"], re.I).group(1)
            out.append(("week", _ordinal(word), ""))
        elif m["pn"]:
            pm = re.match(r"the\s+(first|last)\s+(\S+)\s+(\w+)", m["pn"], re.I)
            n = _num(pm.group(2))
            if n is None:
                return None
            base, mult = _unit(pm.group(3))
            out.append((pm.group(1).lower(), n * mult, base))
        else:
            word = _WS.sub(" ", (m["pword"].strip(" -‐") if m["pword"] else m["phyph"] + "-"))
            word = word.lower()
            out.append((lx.parts[word], 0, ""))
    return out


def _now_end(word: str) -> S.Spec | None:
    """`now`, `date` (`to date`), `today`, `tomorrow`, `yesterday` as the end of a range."""
    low = word.lower()
    if low in ("now", "date"):
        return S.RelDay(0)
    offset = lexicon().relative_days.get(low)
    return None if offset is None else S.RelDay(offset)


def _range_month(word: str) -> S.Spec | None:
    """`Sep` in `from Sep to Nov`: an abbreviation alone is a month only at a range's end."""
    m = lexicon().months.get(word.rstrip("."))
    return None if m is None else S.YearlessMonth(m)


def _parse_range(text: str) -> S.Spec | None:
    if m := _m("range_words", text):
        body = m["body"]
        between = m["kw"].lower() == "between"
        links = "and|to|through|thru" if between else "to|through|thru|until|till|into"
        for c in re.finditer(rf"\s+(?:{links})\s+", body, re.I):
            left, right = body[: c.start()], body[c.end() :]
            if left.lower() in ("now", "today"):
                a = S.RelDay(0)
            elif re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", left):  # `between 3 and 12 September`
                b = _parse_text(right, allow_prefix=False)
                a = b and _day_before(int(re.match(r"\d+", left).group()), b)
                if a is not None:
                    return S.Range(a, b)
                continue
            else:
                a = _range_month(left) or _parse_text(left, allow_prefix=False)
            if a is None:
                continue
            if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", right):
                b = _inherit_day(a, int(re.match(r"\d+", right).group()))
            else:
                b = _now_end(right) or _range_month(right) or _parse_text(right, allow_prefix=False)
            if b is None:
                continue
            return S.Range(_inherit_year(a, b), b)
        return None
    if m := _m("range_year", text):
        a, b = int(m["a"]), int(m["b"])
        return S.Range(S.year(a), S.year(b)) if b > a else None
    if m := _m("range_year_to", text):
        b = _parse_text(m["rest"], allow_prefix=False)
        if not isinstance(b, S.Fixed) or b.start.year < int(m["a"]):
            return None
        return S.Range(S.year(int(m["a"])), b)
    if spec := _full_date_range(text):
        return spec
    if m := _m("range_mdy", text):
        mon1 = _month(m["mon"])
        mon2 = _month(m["mon2"]) if m["mon2"] else mon1
        return _day_range(mon1, int(m["day"]), mon2, int(m["day2"]), m["yr"])
    if m := _m("range_dmy", text):
        mon2 = _month(m["mon"])
        mon1 = _month(m["mon1"]) if m["mon1"] else mon2
        return _day_range(mon1, int(m["day"]), mon2, int(m["day2"]), m["yr"])
    if m := _m("range_month", text):
        a, b = _month(m["mon"]), _month(m["mon2"])
        if m["yr"]:
            y = int(m["yr"])
            return S.Range(S.month(y - 1 if a > b else y, a), S.month(y, b))
        return S.Range(S.YearlessMonth(a), S.YearlessMonth(b))
    return None


def _full_date_range(text: str) -> S.Spec | None:
    """`10/1/2018 - 10/7/2018`, `Nov 18 2014-Dec 19 2015`: the dash that splits two dates."""
    for dash in re.finditer(r"\s*[-–]\s*", text):
        a = _parse_text(text[: dash.start()], allow_prefix=False)
        b = a and _parse_text(text[dash.end() :], allow_prefix=False)
        if a is not None and b is not None and a.gran == "day" == b.gran:
            return S.Range(a, b)
    return None


def _day_range(m1: int, d1: int, m2: int, d2: int, yr: str | None) -> S.Spec | None:
    if yr:
        y = int(yr)
        a = S.day(y - 1 if (m1, d1) > (m2, d2) else y, m1, d1)
        b = S.day(y, m2, d2)
        return S.Range(a, b) if a and b else None
    if (m1, d1) == (m2, d2) or not (1 <= d1 <= 31 and 1 <= d2 <= 31):
        return None
    return S.Range(S.YearlessDay(m1, d1), S.YearlessDay(m2, d2))


def _inherit_day(a: S.Spec, d: int) -> S.Spec | None:
    """`from March 5 to 7`: the bare day takes the month (and year) of the start."""
    if isinstance(a, S.YearlessDay):
        return S.YearlessDay(a.m, d) if d > a.d else None
    if isinstance(a, S.Fixed) and a.gran == "day" and d > a.start.day:
        return S.day(a.start.year, a.start.month, d)
    return None


def _day_before(d: int, b: S.Spec) -> S.Spec | None:
    """`3` in `between 3 and 12 September`: the bare day takes the month (and year) of the end."""
    if isinstance(b, S.YearlessDay):
        return S.YearlessDay(b.m, d) if d < b.d else None
    if isinstance(b, S.Fixed) and b.gran == "day" and d < b.start.day:
        return S.day(b.start.year, b.start.month, d)
    return None


def _inherit_year(a: S.Spec, b: S.Spec) -> S.Spec:
    """`from January to March 2023`: the start takes the year of the end."""
    if isinstance(b, S.Fixed):
        y = b.start.year
        if isinstance(a, S.YearlessMonth):
            return S.month(y - 1 if a.m > b.start.month else y, a.m)
        if isinstance(a, S.YearlessDay):
            before = (a.m, a.d) > (b.start.month, b.start.day)
            return S.day(y - 1 if before else y, a.m, a.d) or a
        if isinstance(a, S.YearlessQuarter) and b.gran == "quarter":
            return S.quarter(y, a.q)
    return a


_NEEDS_PART = ("the_unit",)
_NEEDS_PRE = ("season_bare", "weekend")


def _parse_text(text: str, *, allow_prefix: bool = True) -> S.Spec | None:
    m = grammar().master.fullmatch(text)
    if not m:
        return None
    kind = m.lastgroup
    pre, part = m["pre"], m["part"]
    if kind in ("range", "hrange"):
        core = _parse_range(m[kind])
        cue = _cue(pre) if pre else None
        return S.Prefix(cue, core) if core is not None and cue else core
    if pre and not allow_prefix and _cue(pre):
        return None
    if kind in _NEEDS_PART and not part:
        return None
    if kind in _NEEDS_PRE and not (pre or part):
        return None
    core = _parse_core(kind, m[kind])
    if core is None:
        return None
    if part:
        parts = _parse_parts(part)
        if parts is None:
            return None
        for kind_, k, unit in reversed(parts):
            core = S.Part(kind_, core, k, unit)
    if pre and (cue := _cue(pre)):
        core = S.Prefix(cue, core)
    return core


def _cue(pre: str) -> str | None:
    return lexicon().interval_cues.get(_WS.sub(" ", pre.lower()).replace("'", "'"))


@lru_cache(maxsize=16384)
def parse(text: str) -> S.Spec | None:
    """The meaning of one date expression, or None when the text is not one."""
    return _parse_text(normalize(text))


@lru_cache(maxsize=16384)
def needs_tense(text: str) -> bool:
    """Whether resolving `text` depends on the tense of its clause (`in March`: yes;
    `last year`: no), so callers can skip finding the tense."""
    spec = parse(text)
    return spec is not None and S.tense_sensitive(spec)
