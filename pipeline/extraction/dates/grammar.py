"""The grammar of date expressions as regular expressions built from the word lists.

One master pattern finds every candidate expression in a text in a single pass (detection) and,
matched against a whole expression, tells its parts apart (parsing in `parse.py`). Its top level is

    range | [prefix or lead] [part modifiers] core

where each kind of core is a named group (`date`, `month`, `quarter`, ...), so `match.lastgroup`
names the kind. Month and weekday names are matched in Title case, and full names also in
lower case except `may` and `march` (the modal, the noun: `lowercase_excluded.txt`); function
words match in any case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from newsclaims.extraction.dates.lexicon import lexicon
from newsclaims.extraction.regexcache import compile_cached
from newsclaims.extraction.tries import first_lookahead, keeps_order, trie_pattern

CORE_KINDS = (
    "period_to",
    "season_span",
    "fiscal",
    "date",
    "month_year",
    "holiday",
    "rel_day",
    "earlier_later",
    "shift",
    "ago",
    "in_n",
    "within_n",
    "next_n",
    "past_n",
    "first_n",
    "deictic",
    "year_end",
    "decade",
    "century",
    "quarter",
    "half",
    "season",
    "season_bare",
    "weekend",
    "week_num",
    "the_unit",
    "month",
    "wd_day",
    "weekday",
    "year",
)


def alt(words: Iterable[str], *, ci: bool = False) -> str:
    """An alternation of literal phrases, longest first; spaces match any run of whitespace.

    Shaped as a trie, which matches the same and fails sooner, unless the trie could try two
    phrases in another order (`newsclaims.extraction.tries.keeps_order`)."""
    if ci:  # read without case, `Christmas` and `christmas` are one phrase
        words = [w.lower() if w.isascii() else w for w in words]
    uniq = sorted(set(words), key=lambda w: (-len(w), w))
    atoms = [tuple(_ATOMS.get(ch) or re.escape(ch) for ch in w) for w in uniq]
    if keeps_order(atoms):
        body = trie_pattern(atoms)
    else:
        body = "|".join("".join(a) for a in atoms)
    return f"(?i:{body})" if ci else f"(?:{body})"


_ATOMS = {" ": r"\s+", "'": "['’]"}


def year_words(numbers: Mapping[str, int], *, bare: bool = False) -> str:
    """A year in words: `nineteen ninety-six`, `nineteen hundred ninety three`, `seventeen
    hundred`, `two thousand and fifteen` (the number words of `numbers.tsv`).

    `bare` is the form for a year standing alone: `two thousand ...` counts things as often as
    it names a year (`two thousand people`), so alone it needs `the year` before it, or a
    preposition before it and no noun after it; a century form (`nineteen ...`) stands alone."""
    units = alt([w for w, v in numbers.items() if 1 <= v <= 9], ci=True)
    teens = alt([w for w, v in numbers.items() if 10 <= v <= 19], ci=True)
    tens = alt([w for w, v in numbers.items() if v in range(20, 100, 10)], ci=True)
    # `seventeen` to `nineteen`: earlier centuries would read clock times (`twelve fifteen`)
    cent = alt([w for w, v in numbers.items() if 17 <= v <= 19], ci=True)
    j = r"(?:\s+|-)"
    two = f"(?:{tens}(?:{j}{units})?|{teens}|(?i:oh|o){j}{units})(?!\\w)"
    end = r"(?!\w)(?![\s-]+(?i:hundred|thousand|million|billion)(?!\w))"
    tail = f"(?:{j}(?:(?i:and){j})?(?:{two}|{units}))"
    decades = f"{cent}{j}{two}{end}"  # `nineteen ninety-six`
    hundreds = f"{cent}{j}(?i:hundred){tail}?{end}"  # `nineteen hundred (ninety three)`
    millennium = f"(?i:two){j}(?i:thousand){tail}?{end}"
    if not bare:
        return f"(?<![\\w-])(?:{decades}|{hundreds}|{millennium})"
    after = r"(?:(?<=in )|(?<=since )|(?<=by )|(?<=until )|(?<=before )|(?<=after ))"
    no_noun = r"(?![ \t]+(?!(?i:and|or|but|to|when|until|through)(?!\w))[a-z])"
    return (
        f"(?<![\\w-])(?:{decades}|(?<=(?i:year) ){millennium}"
        f"|(?:{hundreds}|{after}{millennium}){no_noun})"
    )


def day_words(ordinals: Mapping[str, int]) -> str:
    """An ordinal day in words, `first` to `thirty-first` (`twenty first` too)."""
    units = [w for w, v in ordinals.items() if 1 <= v <= 9]
    tens = [("twenty", units), ("thirty", ["first"])]
    joined = [f"{t}{sep}{u}" for t, us in tens for u in us for sep in (" ", "-")]
    return alt([*(w for w, v in ordinals.items() if 1 <= v <= 31), *joined], ci=True)


@dataclass(frozen=True)
class Grammar:
    """Pattern strings of each piece of the grammar, and the compiled master pattern."""

    pieces: dict[str, str]
    master: re.Pattern[str]
    parts: re.Pattern[str]


@cache
def grammar() -> Grammar:
    """Build the grammar once per process."""
    lx = lexicon()
    p: dict[str, str] = {}
    sp = r"(?:\s+|\s*[-‐‑–]\s*)"  # a space or a hyphen between words (`third-quarter`)
    p["NUMW"] = f"{alt(lx.numbers, ci=True)}(?:-{alt(lx.numbers, ci=True)})?(?!\\w)"
    p["NUM"] = rf"(?:(?<![\d.,])\d{{1,3}}(?![\d]|[.,]\d)|{p['NUMW']})"
    p["A_NUM"] = rf"(?:{p['NUM']}|(?i:an?)(?!\w))"
    p["UNIT"] = f"{alt(lx.units, ci=True)}(?!\\w)"
    p["MONTH_FULL"] = f"{alt([*lx.month_full, *lx.month_lower])}(?!\\w)"
    p["MONTH_ABBR"] = f"{alt(lx.month_abbr)}(?:\\.|(?!\\w))"
    p["MONTH"] = f"(?:{p['MONTH_FULL']}|{p['MONTH_ABBR']})"
    p["DAY"] = r"(?<![\d.,])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)(?![.,]\d)"
    year_t = r"(?:1\d{3}|20\d\d|2100)(?!\w)(?![.,/]\d)(?![-–]\d)"
    p["YEAR_T"] = year_t
    p["YEAR"] = rf"(?<![\w.,$€£¥#/])(?<!\d[-/–]){year_t}"
    p["YEAR_W"] = year_words(lx.numbers)
    # A spelled-out year after a month or a day (`October two thousand and five`,
    # `13 Sept nineteen seventy two`), or the year as said in transcripts
    year_tw = f"(?:{year_t}|{p['YEAR_W']})"
    p["YY"] = r"['’]\d\d(?!\w)"
    p["WD_FULL"] = f"{alt([*lx.weekday_full, *lx.weekday_lower])}(?!\\w)"
    p["WD_ANY"] = f"(?:{p['WD_FULL']}|{alt(lx.weekday_abbr)}(?:\\.|(?!\\w)))"
    p["DAYPART"] = f"(?:\\s+{alt(lx.day_parts, ci=True)}(?!\\w))?"
    wd_head = f"(?:{p['WD_ANY']},?\\s+)"
    day_year = f"(?:\\s*,\\s*|\\s+(?:(?i:of|in)\\s+)?){year_tw}"  # `July 4th of 1995`
    # `January first`, `the fourth of July`: a day in words, not `in June first-half sales`
    day_w = (
        f"{day_words(lx.ordinals)}(?![\\w-])"
        r"(?!\s+(?i:quarter|half|week|time|place|round|day)(?!\w))"
    )
    p["DAY_W"] = day_w
    # after a month, a day in words ends the phrase (`which in June first reported` is an adverb)
    day_w_end = (
        r"(?=\s*(?:[,.;:!?)\"'’”]|$)|\s+(?i:and|or|to|through|until|at|of|when)(?!\w)"
        f"|{day_year})"
    )
    p["DATE_MDY"] = (
        f"{wd_head}?{p['MONTH']}(?:\\s*{p['DAY']}|\\s+(?:(?i:the)\\s+)?{day_w}{day_w_end})"
        f"(?:{day_year})?"
    )
    p["DATE_DMY"] = (
        f"{wd_head}?(?:(?i:the)\\s+)?(?:{p['DAY']}\\s+(?:(?i:of)\\s+)?|{day_w}\\s+(?i:of)\\s+)"
        f"{p['MONTH']}(?:{day_year})?"
    )
    p["DATE_ISO"] = (
        r"(?<![\w./-])(?:1\d{3}|20\d\d)(?:-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
        r"|/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))(?![\w/]|[.-]\d)"
    )
    p["DATE_NUM"] = (
        r"(?<![\w./-])(?:\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{1,2}\.\d{1,2}\.\d{4}"
        r"|\d{1,2}-\d{1,2}-\d{4})(?![\w/]|[.-]\d)"
    )
    # A month name between numbers, in any case: `23-Sep-2020`, `22/Jan/2019`, `Sep-23-2020`,
    # `2019/aug/01`
    mon = alt(lx.months, ci=True)
    p["DATE_DMONY"] = (
        r"(?<![\w./-])(?:"
        + "|".join(
            f"\\d{{1,2}}{s}{mon}{s}(?:\\d{{4}}|\\d{{2}})|{mon}{s}\\d{{1,2}}{s}\\d{{4}}"
            f"|(?:1\\d|20)\\d\\d{s}{mon}{s}\\d{{1,2}}"
            for s in ("-", "/")
        )
        + r")(?![\w/]|[.-]\d)"
    )
    p["DATE"] = (
        f"(?:{p['DATE_MDY']}|{p['DATE_DMY']}|{p['DATE_ISO']}|{p['DATE_NUM']}|{p['DATE_DMONY']})"
    )
    p["MONTH_YEAR"] = (
        # `October 2005`, `October two thousand and five`, `Dec '18`, `Dec-2018`
        f"{p['MONTH']}(?:,?\\s+(?:(?i:of|in)\\s+)?{year_tw}|\\s*{p['YY']}|[-/]{year_t}"
        r"|,?\s+(?:(?i:of)\s+)?(?i:last|next|this)\s+(?i:year)(?!\w))"  # `June last year`
    )
    holiday_names = [h[4:] if h.startswith("the ") else h for h in lx.holidays]
    holiday = f"{alt(holiday_names, ci=True)}(?!\\w)"  # `Christmas`, `black friday`
    p["HOLIDAY"] = f"(?:(?i:the)\\s+)?{holiday}(?:,?\\s+{year_t})?"
    rel = [w for w in lx.relative_days if " " in w or w not in ("today", "yesterday", "tomorrow")]
    p["REL_DAY"] = (
        f"(?:{alt(rel, ci=True)}(?!\\w)|(?i:today|yesterday|tomorrow)(?!\\w){p['DAYPART']})"
    )
    p["EARLIER_LATER"] = (
        r"(?i:earlier|later|so\s+far)\s+(?i:this|in\s+the)\s+(?i:week|month|year|quarter|decade)"
        r"(?!\w)"
    )
    p["AGO"] = f"{p['A_NUM']}\\s+{p['UNIT']}\\s+(?i:ago)(?!\\w)"
    p["IN_N"] = (
        f"(?:(?i:in)\\s+{p['A_NUM']}\\s+{p['UNIT']}(?:['’]s?\\s+(?i:time)(?!\\w))?"
        f"|{p['A_NUM']}\\s+{p['UNIT']}\\s+(?i:from\\s+now|hence)(?!\\w))"
    )
    p["WITHIN_N"] = (
        f"(?i:within)\\s+(?:(?:(?i:the)\\s+)?(?i:next|coming)\\s+)?{p['A_NUM']}\\s+{p['UNIT']}"
        r"|(?i:within\s+(?:the|this)\s+(?:year|month|week|quarter|decade))(?!\w)"
    )
    # `the next 7 quarters`, `the 3 next weeks`; `the last 3 months`, `the 5 past years` (not
    # `the last two years of his term`: a part, or anaphoric)
    # (number first only before a plural: `only 3 next week` is a count and a week)
    nxt, past = r"(?i:next|coming|upcoming)", r"(?i:last|past|previous)"
    plurals = f"{alt([u for u in lx.units if u.endswith('s')], ci=True)}(?!\\w)"
    n_unit, num = f"{p['NUM']}\\s+{p['UNIT']}", p["NUM"]
    p["NEXT_N"] = f"(?:(?i:the)\\s+)?(?:{nxt}\\s+{n_unit}|{num}\\s+{nxt}\\s+{plurals})"
    p["PAST_N"] = (
        f"(?:(?i:the)\\s+)?(?:{past}\\s+{n_unit}|{num}\\s+{past}\\s+{plurals})"
        r"(?!\s+(?i:of)(?!\w))"
    )
    p["FIRST_N"] = (
        f"(?i:the)\\s+(?i:first)\\s+{p['NUM']}\\s+(?i:months)(?!\\w)"
        r"(?!\s+(?i:of|after|since|following|from|in\s+office|as)(?!\w))"
    )
    season = r"(?i:spring|summer|autumn|fall|winter)(?!\w)"
    p["SEASON"] = season
    deic_w = r"(?i:this\s+past|(?:this\s+|the\s+)?(?:up)?coming|this|last|next)"
    deic_unit = r"(?i:week|weekend|month|quarter|(?:calendar\s+)?year|decade|century)(?!\w)"
    p["DEICTIC"] = (
        # `next week on Tuesday`, `this week Monday`: that day of that week
        f"(?:(?i:this|next|last)\\s+(?i:week)(?:\\s+(?:(?i:on)\\s+)?|\\s*-\\s*){p['WD_FULL']}"
        r"(?!['’]s)"
        f"|{deic_w}\\s+(?:{deic_unit}|{p['WD_FULL']}{p['DAYPART']}|{p['MONTH_FULL']}|{season}"
        f"|{holiday})"
        f"|(?i:the\\s+current)\\s+{deic_unit})"
    )
    p["YEAR_END"] = (
        f"(?:(?:(?i:the)\\s+)?(?i:year|month|quarter)[-‐\\s](?i:end)(?!\\w)(?:\\s+{year_t})?"
        r"|(?i:mid-?year)(?!\w))"
    )
    p["DECADE"] = (
        r"(?:(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?(?<![\w.,$])(?:1\d|20)\d0['’]?s(?!\w)"
        r"|(?i:the)\s+(?:(?i:early|mid|late)[\s-]+)?['’]?\d0['’]?s(?!\w))"
    )
    p["CENTURY"] = (
        r"(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?(?:(?:1\d|2[01]|[1-9])(?:st|nd|rd|th)"
        r"|(?i:fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first"
        r"|twenty-second))[\s-]+(?i:century)(?!\w)"
    )
    ordq = r"(?i:first|second|third|fourth|1st|2nd|3rd|4th)"
    ordh = r"(?i:first|second|1st|2nd)"
    yy_or_year = rf"(?:{year_t}|['’]?\d\d(?!\w))"
    p["QUARTER"] = (
        f"(?:(?<![\\w])Q[1-4](?!\\w)(?:(?:\\s+|\\s*-\\s*){year_t}|\\s*{p['YY']}"
        f"|\\s+(?i:of)\\s+{year_t})?"
        r"|(?<![\w.,])(?:1\d|20)\d\d\s*-?\s*[Qq][1-4](?!\w)"
        f"|(?<![\\w])q[1-4](?:\\s+|\\s*-\\s*){year_t}"
        f"|(?<![\\w.,])[1-4]Q(?:\\s*{yy_or_year})?(?!\\w)"
        f"|(?:(?i:the)\\s+)?(?:(?<![\\w.,$])(?:1\\d|20)\\d\\d\\s+)?{ordq}{sp}(?i:quarter)(?!\\w))"
    )  # `the 1988 second quarter`: a year before the ordinal
    p["HALF"] = (
        f"(?:(?<![\\w])H[12](?![\\w‐-])(?:(?:\\s+|\\s*-\\s*){year_t}|\\s*{p['YY']})?"
        f"|(?<![\\w.,])[12]H(?:\\s*{yy_or_year})?(?!\\w)"
        r"|(?<![\w.,])(?:1\d|20)\d\d\s*-?\s*H[12](?!\w)"
        f"|(?:(?i:the)\\s+)?(?:(?<![\\w.,$])(?:1\\d|20)\\d\\d\\s+)?{ordh}{sp}(?i:half)(?!\\w))"
    )
    season_year = r"(?:1\d|20)\d\d(?:[/-]\d{2}(?:\d{2})?)?(?!\w)"
    p["SEASON_YEAR"] = (
        f"(?:(?i:the)\\s+)?(?:(?i:early|late|mid)[\\s-]+)?{season}(?:\\s+(?i:of))?"
        f"\\s+(?:{season_year}|{p['YY']}|{p['YEAR_W']})"
    )
    p["SEASON_BARE"] = f"(?:(?i:the)\\s+)?(?:(?i:early|late|mid)[\\s-]+)?{season}"
    p["WEEKEND"] = r"(?i:the\s+weekend)(?!\w)"
    # `week 31`, `week 3 of 2027`: an ISO week, in lower case (`Week 3` of a sports season is
    # not one), and not `week 2 of the trial`
    p["WEEK_NUM"] = (
        r"(?<![\w-])week\s+(?:5[0-3]|[1-4]\d|0?[1-9])(?![\w/-]|[.,:]\d)"
        f"(?!\\s+{p['UNIT']})"  # `a week 5 days long`
        f"(?:\\s+(?i:of)\\s+(?:{year_t}|(?i:last|this|next)\\s+(?i:year)(?!\\w)))?"
        r"(?!\s+(?i:of)(?!\w))"
    )
    fw = alt(lx.fiscal_words, ci=True)
    p["FW"] = fw
    fy_code = (
        r"(?<![\w])(?:FY|F\.Y\.)\s*['’]?(?:\d{4}|\d{2})(?:\s*[-/–]\s*['’]?(?:\d{4}|\d{2}))?(?!\w)"
    )
    fiscal_num = (
        r"(?i:fiscal|financial|budget)(?:\s+(?i:year))?\s+(?:(?:1\d|20)\d\d|['’]\d\d)"
        r"(?:\s*[-/–]\s*(?:\d{4}|\d{2}))?(?!\w)"
    )
    fiscal_num2 = (
        r"(?:(?i:the|its|their)\s+)?(?:1\d|20)\d\d(?:\s*[-/–]\s*(?:\d{4}|\d{2}))?"
        f"\\s+{fw}\\s+(?i:year)(?!\\w)"
    )
    fiscal_notation = r"(?<![\w./-])(?:1\d|20)\d\d(?:/(?:\d{4}|\d{2})|[-–]\d{2})(?![\w/]|[.-]\d)"
    fiscal_deic = r"(?i:this|last|next|the\s+current|its\s+current)\s+" f"{fw}\\s+(?i:year)(?!\\w)"
    fiscal_year_ref = f"(?:(?i:of\\s+)?(?:{fiscal_num}|{fy_code}|(?:1\\d|20)\\d\\d(?!\\w)))"
    fiscal_q = (
        r"(?:(?:(?i:the|its|their)\s+)?(?:"
        f"{fw}[\\s-]+(?:{ordq}{sp}(?i:quarter)|{ordh}{sp}(?i:half))"
        f"|(?:{ordq}{sp}{fw}[\\s-]+(?i:quarter)|{ordh}{sp}{fw}[\\s-]+(?i:half))"
        r"|(?i:fiscal)\s+(?:Q[1-4]|H[12]))(?!\w)"
        f"(?:\\s+{fiscal_year_ref})?"
        f"|(?<![\\w])(?:Q[1-4]|H[12])\\s*(?:{fy_code}|{fiscal_num})"
        f"|{fy_code}\\s*(?:Q[1-4]|H[12])(?!\\w))"
    )
    p["FISCAL"] = (
        f"(?:{fiscal_q}|{fy_code}|{fiscal_num}|{fiscal_num2}|{fiscal_deic}|{fiscal_notation})"
    )
    p["PERIOD_TO"] = (
        f"(?:(?i:the|its|their)\\s+)?(?:{p['NUM']}\\s+(?i:months|weeks|days|years|quarters)"
        f"|(?:{fw}\\s+)?(?i:year)|(?i:quarter|half|half-year|six-month\\s+period|week|month))"
        r"\s+(?i:to|ended|ending|through|until|that\s+ended|which\s+ended|that\s+ends"
        r"|which\s+ends)\s+(?:(?i:on)\s+)?"
        f"(?:{p['DATE_MDY']}|{p['DATE_DMY']}|{p['MONTH_YEAR']}|{p['MONTH']}|{p['DATE_ISO']}"
        f"|{p['WD_FULL']})"
    )
    p["THE_UNIT"] = (
        # bare after a part: `by end of year`, `at start of month`
        f"(?:(?:(?i:the)\\s+)?(?i:year|month|week|quarter)(?![\\w‐-])(?!\\s+(?:\\d|{p['YEAR_W']}))"
        f"|(?i:the\\s+(?:decade|century))(?!\\w)"
        f"|(?i:the|its|their)\\s+{fw}\\s+(?i:year)(?!\\w))"
    )
    p["MONTH_BARE"] = f"(?:{p['MONTH_FULL']}|{alt(lx.month_abbr)}\\.)"
    # `three days after Christmas`, `two weeks from tomorrow`: a day moved by a count of units
    p["SHIFT"] = (
        f"{p['A_NUM']}\\s+{p['UNIT']}\\s+(?i:before|after|from)\\s+"
        f"(?:{p['DATE']}|{p['HOLIDAY']}|{p['REL_DAY']}|{p['DEICTIC']}|{p['WD_FULL']})"
    )
    # `Mon 13th`, `Friday the 13th`: a weekday and a day without a month (the day has its
    # ordinal ending or `the`: `Monday 13 people died` is no date)
    p["WD_DAY"] = (
        f"{p['WD_ANY']},?\\s+(?:(?i:the)\\s+(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?"
        r"|(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))(?![\w.,]\d|\w)"
    )
    p["WEEKDAY"] = (
        f"{p['WD_FULL']}{p['DAYPART']}"
        r"(?:\s+(?i:of)\s+(?i:this|next|last)\s+(?i:week)(?!\w))?"  # `Tuesday of next week`
    )
    # Part modifiers (`early`, `the end of`, `the first quarter of`, ...), one or more.
    ordl = r"(?i:first|second|third|fourth|1st|2nd|3rd|4th|last|final|latter)"
    word_parts = [w for w in lx.parts if not w.endswith("-")]
    hyphen_parts = [w[:-1] for w in lx.parts if w.endswith("-")]
    of_parts = [w for w in word_parts if w.endswith(" of")]  # `end of year`: the unit follows
    other_parts = [w for w in word_parts if not w.endswith(" of")]
    p["PART_ONE"] = (
        # `the` may be dropped (`1st quarter of 2013`, `first week of 2015`); before `last
        # week`, a date of its own, only when a time follows (`last week of 2016`, not `last
        # week of trading`)
        f"(?:(?:(?P<pq>(?:(?i:the)\\s+)?{ordl}{sp}(?i:quarter)\\s+(?i:of))"
        f"|(?P<ph>(?:(?i:the)\\s+)?(?:{ordl}|(?i:back))\\s+(?i:half)\\s+(?i:of))"
        f"|(?P<pw>(?:(?i:the)\\s+{ordl}|(?!(?i:last)\\s){ordl})\\s+(?i:week)\\s+(?i:of)"
        f"|(?i:last)\\s+(?i:week)\\s+(?i:of)"
        f"(?=\\s+(?:{year_t}|{p['MONTH']}|(?i:this|next|last)\\s)|\\s*$))"
        f"|(?P<pn>(?i:the)\\s+(?i:first|last)\\s+{p['NUM']}\\s+"
        r"(?i:days|weeks|months|quarters|years)\s+(?i:of)))\s+"
        f"|(?P<pword>{alt(of_parts, ci=True)}\\s+"
        f"|{alt(other_parts, ci=True)}(?:\\s+|\\s*[-‐]\\s*)(?!(?i:year)(?!\\w)))"
        f"|(?P<phyph>{alt(hyphen_parts, ci=True)})\\s*[-‐]\\s*(?!(?i:year)(?!\\w))"
        r")"
    )
    parts_unnamed = re.sub(r"\(\?P<\w+>", "(?:", p["PART_ONE"])
    p["PARTS"] = f"(?:{parts_unnamed})+"
    cues = list(lx.interval_cues) + list(lx.leads)
    p["PRE"] = alt(cues, ci=True)
    range_item = (
        f"(?:{p['PARTS']})?(?:{p['DATE']}|{p['MONTH_YEAR']}|{p['HOLIDAY']}|{p['QUARTER']}"
        f"|{p['HALF']}|{p['SEASON_YEAR']}|{p['DEICTIC']}|{p['DECADE']}|{p['YEAR']}"
        f"|{p['MONTH']}|{p['WEEKDAY']}|{p['THE_UNIT']})"  # `from Sep to Nov`: abbreviations too
    )
    p["RANGE_ITEM"] = range_item
    p["SEASON_SPAN"] = (
        r"(?:(?i:the|its|their)\s+)?(?<![\w.,$])(?:1\d|20)\d\d\s*[-/–]\s*(?:\d{2}|\d{4})\s+"
        r"(?i:seasons?|campaign)(?!\w)"
    )
    # A range can end now (`between Jan 2019 and now`, `from March to date`, `to today`).
    now_end = r"(?i:now|today|tomorrow|yesterday)(?!\w)"
    # `between X and Y` and `from X to Y` share one copy of the two range items (the
    # biggest pieces of the grammar: a copy each made it 80 KB and its compile most of a
    # process's start), told apart by a conditional on the `rb` group; `from 3 to 12
    # September` is tried before `from X to Y` and `between 3 and 12 September` after
    # `between X and Y`, the order of the three separate forms this replaces.
    day_dmy = f"\\s+{p['DAY']}\\s+(?i:and|to|through|thru|until|till)\\s+{p['DATE_DMY']}"
    p["RANGE_WORDS"] = (
        f"(?:(?i:from){day_dmy}"
        f"|(?:(?P<rb>(?i:between))|(?i:from))\\s+(?:(?i:now|today)(?!\\w)|{range_item})\\s+"
        r"(?(rb)(?i:and|to|through|thru)|(?i:to|through|thru|until|till|into))\s+"
        f"(?:{range_item}|{now_end}|(?(rb)(?!)|(?i:date)(?!\\w))|{p['DAY']})"
        f"|(?i:between){day_dmy})"
    )
    # around a dash, numeric dates may touch (`10/1/2018-10/7/2018`)
    date_num_left = p["DATE_NUM"].replace(r"(?![\w/]|[.-]\d)", r"(?![\w/]|\.\d)")
    date_num_right = p["DATE_NUM"].replace(r"(?<![\w./-])", r"(?<![\w./])")
    assert date_num_left != p["DATE_NUM"] != date_num_right
    num_range = f"{date_num_left}[-–]{date_num_right}"
    full_date = (
        f"(?:{p['DATE_ISO']}|{p['DATE_NUM']}|{p['MONTH']}\\s*{p['DAY']}(?:,\\s*|\\s+){year_t}"
        f"|{p['DAY']}\\s+{p['MONTH']},?\\s+{year_t})"
    )
    p["RANGE"] = (
        f"(?:{p['MONTH']}\\s*{p['DAY']}\\s*[-–]\\s*(?:{p['MONTH']}\\s*)?{p['DAY']}(?:,?\\s+{year_t})?"
        f"|{p['DAY']}(?:\\s+{p['MONTH']})?\\s*[-–]\\s*{p['DAY']}\\s+{p['MONTH']}(?:,?\\s+{year_t})?"
        f"|{p['MONTH']}\\s*[-–]\\s*{p['MONTH']}(?:,?\\s+{year_t})?"
        f"|{p['MONTH_FULL']}\\s+(?i:to|through|until|till)\\s+{p['MONTH_FULL']}(?:,?\\s+{year_t})?"
        r"|(?<![\w.,$])(?<!\d[-–])(?:1\d|20)\d\d\s*[-–~]\s*(?:1\d|20)\d\d(?!\w)(?![.,]\d|[-–]\d)"
        # `2014 to 2018`, `2014 through May 2018`: a year to a later time that names its year
        f"|{p['YEAR']}\\s+(?i:to|through|thru|until|till)\\s+"
        f"(?:{full_date}|{p['MONTH_YEAR']}|{p['YEAR']})"
        # `10/1/2018 - 10/7/2018`, `Nov 18 2014-Dec 19 2015`: two full dates
        f"|{full_date}\\s*[-–]\\s*{full_date}|{num_range})"
    )
    cores = {
        "period_to": p["PERIOD_TO"],
        "season_span": p["SEASON_SPAN"],
        "fiscal": p["FISCAL"],
        "date": p["DATE"],
        "month_year": p["MONTH_YEAR"],
        "holiday": p["HOLIDAY"],
        "rel_day": p["REL_DAY"],
        "earlier_later": p["EARLIER_LATER"],
        "shift": p["SHIFT"],
        "ago": p["AGO"],
        "in_n": p["IN_N"],
        "within_n": p["WITHIN_N"],
        "next_n": p["NEXT_N"],
        "past_n": p["PAST_N"],
        "first_n": p["FIRST_N"],
        "deictic": p["DEICTIC"],
        "year_end": p["YEAR_END"],
        "decade": p["DECADE"],
        "century": p["CENTURY"],
        "quarter": p["QUARTER"],
        "half": p["HALF"],
        "season": p["SEASON_YEAR"],
        "season_bare": p["SEASON_BARE"],
        "weekend": p["WEEKEND"],
        "week_num": p["WEEK_NUM"],
        "the_unit": p["THE_UNIT"],
        "month": p["MONTH_BARE"],
        "wd_day": p["WD_DAY"],
        "weekday": p["WEEKDAY"],
        # `by the year 2030`, `in nineteen ninety-six`
        "year": f"(?:(?i:the\\s+year)\\s+)?(?:{p['YEAR']}|{year_words(lx.numbers, bare=True)})",
    }
    assert tuple(cores) == CORE_KINDS
    filler = r"(?i:at\s+least|at\s+the\s+(?:earliest|latest)|as\s+early\s+as|as\s+late\s+as)"
    core_union = "|".join(f"(?P<{k}>{_gated(v)})" for k, v in cores.items() if k != "in_n")
    # The prefix and the part modifiers are atomic: once `in` or `the end of` is read, the
    # pattern does not retry the same place without them (a failed try costs half as much).
    # `in three years` is the one core that starts with a prefix word, so it comes first.
    master = (
        f"(?<!\\w)(?:(?P<range>{_gated(p['RANGE_WORDS'])})|(?P<in_n>{_gated(p['IN_N'])})"
        f"|(?>(?:(?P<pre>{_gated(p['PRE'])})\\s+(?:{filler}\\s+)?)?)"
        f"(?:(?P<hrange>{_gated(p['RANGE'])})|(?>(?P<part>{_gated(p['PARTS'])})?)(?:{core_union})))"
    )
    return Grammar(
        pieces=p,
        master=compile_cached(master),  # about 0.3 s to compile, kept across processes
        parts=re.compile(p["PART_ONE"]),
    )


def _gated(pattern: str) -> str:
    """`pattern` behind a lookahead on its first characters, when they can be told: in the
    master alternation, a core that cannot begin here fails on one test instead of being
    entered (`newsclaims.extraction.tries.first_lookahead`)."""
    return (first_lookahead(pattern) or "") + pattern
