"""Find the figures of a Doc: every cardinal quantity, amount of money, percentage or rate.

One compiled regex over `doc.text` finds candidate numbers (digits, word numbers, and
`by a third` after a change verb). Each candidate then reads its neighbourhood (context.py),
is dropped if it is a year, date, time, code, label, score, ... (exclude.py), is merged with
the next one when they form a range, and gets its counted noun from the parse when the Doc
has one, else from the words after it (nouns.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from spacy.tokens import Doc

from newsclaims.extraction.doctext import doc_text
from newsclaims.extraction.figures import context as ctx
from newsclaims.extraction.figures import exclude
from newsclaims.extraction.figures.lexicon import ONE_POINT_UNIT, SP, Lexicon, lexicon
from newsclaims.extraction.figures.money import MoneyContext
from newsclaims.extraction.figures.nouns import (
    annotations,
    is_plural,
    noun_from_doc,
    noun_from_text,
    singularize,
    token_at,
)
from newsclaims.extraction.figures.numbers import as_number, parse_digits, parse_words
from newsclaims.extraction.intervals import Intervals
from newsclaims.models.records import Figure

_NUM_PART = re.compile(r"[\d,.\u00a0\u202f\u2009]+")
_GAP_COMPACT = re.compile(rf"{SP}?[-–—]{SP}?|-to-|~")  # "20~100" (East Asian usage)
_GAP_TO = re.compile(rf"-?{SP}+(?:to|through|thru){SP}+")  # "16- to 24-year-olds"
_GAP_OR = re.compile(rf"-?{SP}+or{SP}+")
_GAP_AND = re.compile(rf"-?{SP}+and{SP}+")
_BETWEEN = re.compile(rf"(?i:\bbetween){SP}+$")
_FROM = re.compile(rf"(?i:\bfrom){SP}+$")
_FRACTION_SPLIT = re.compile(rf"(?:{SP}|-)+")
_FRACTION_HYPHEN = re.compile(r"\w-\w")
_POINT_AFTER = re.compile(rf"(?:{SP}*-{SP}*|{SP}+)(?i:(?:percentage{SP}*-?{SP}*)?points?)\b")
_OF_NEXT = re.compile(rf"{SP}+of{SP}+(?P<w>[A-Za-z]+)")
_OF_A_SCALE = re.compile(
    rf"{SP}+of{SP}+an?{SP}+(?P<scale>(?i:thousand|million|billion|trillion))\b"
)
_SCALE_NEXT = re.compile(rf"{SP}+(?P<scale>(?i:thousand|million|billion|trillion))\b")
_MINUS = re.compile(rf"(?<![\w-])(?i:minus|negative)(?:{SP}+|-)$")  # minus 5, minus-20
_ONE_POINT = re.compile(rf"{SP}+{ONE_POINT_UNIT}\b")
# a capitalised name, then a comma: "Kieran Walsh, 19," "Sue Barraclough, 67," (not after
# a sentence start: "In 2020, 40 ...")
_AGE_APPOSITION = re.compile(r"\b[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)*, $")
_AGE_AFTER = re.compile(rf"(?:{SP}|-)+(?i:old|of{SP}+age)\b")
# an apposition after a noun: "one widow, then 88, had paid"
_THEN_AGE = re.compile(rf"\w,{SP}+then{SP}+$")
_AGE_BANDS = frozenset({"under", "over", "above", "below"})
_SUBUNITS = ("CENT", "GBX", "USX")
_SUBUNIT_GAP = re.compile(rf",?{SP}+(?:and{SP}+)?")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|$)")
_SIGNED_CHANGE_UNITS = frozenset({"%", "percentage point", "basis point"})
_SYMBOL_CHARS = frozenset("~≈<>≤≥=")
_SUB = re.compile(r"(?<![\w-])(?i:sub)-$")
_MAX_GLUED_DEGREES = 200  # "40C", "350F" (an oven); "777F" is a model name
_THINK = frozenset({"think", "thinks", "thought", "thinking"})
_RATIO_GAP = re.compile(rf"{SP}+(?:in|out{SP}+of){SP}+(?:every{SP}+)?")
_CLAUSE_WINDOW = 50
_CLAUSE_BREAK = re.compile(
    r"[.,;:!?\n—–]|\b(?i:after|before|when|while|because|since|although|though|but|whereas)\b"
)
_PARTITIVE = re.compile(
    rf"{SP}+of{SP}+(?:(?i:the|those|these|its|their|our|his|her|your|my|all){SP}+"
    rf"(?:[A-Za-z][\w.&-]*['’]s{SP}+)?|[A-Z][\w.&-]*['’]s{SP}+)"  # of the firm's, of Tesco's
    rf"(?:(?i:last|first|next|past|previous|final|remaining|top){SP}+)?"  # nine of its last 10
    rf"(?:(?i:more{SP}+than|about|nearly|almost|some|roughly|around){SP}+)?"
    rf"(?:\d[\d,.]*{SP}+(?:(?i:thousand|million|billion|trillion){SP}+)?)?(?=[A-Za-z])"
)  # "4 million of its 4.9 million shares", "275 of its more than 21,000 jobs"
_BRACKETED = re.compile(rf"{SP}*[(\[]{SP}*")
_RESTATED = re.compile(rf",?{SP}+or{SP}+|{SP}*\({SP}*")
_DIGIT_PARTS = re.compile(
    r"(?P<num>[\d,.\u00a0\u202f\u2009]*)(?P<exp>[eE][-+]?\d+)?(?P<vf>[½¼¾⅓⅔⅛⅜⅝⅞⅕])?(?P<rest>.*)$"
)
_POWER_OF_TEN = re.compile(
    rf"{SP}?[×x*·⋅]{SP}?10(?:\^|\*\*)?(?P<e>(?:[-−+]|(?<=\^)|(?<=\*\*))\d{{1,3}})\b"
)
_SLASH_MEASURE = re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/])")
_HYPHEN_UNIT = re.compile(r"-[a-z]")
_WHOLE_BEFORE = re.compile(r"(?<![\d.,/])\d{1,4} $")  # "112 5/8": a price in eighths
_SLASH_FRACTION = re.compile(rf"(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?P<of>{SP}+of{SP})")
_SYMBOL_CMP = {"~": "~", "≈": "~", "<": "<", ">": ">", "≤": "<=", "≥": ">="}
# a comparator symbol before a number, with a space or none: "~5%", ">= 30", "< = 100", "=<3"
_SYMBOL_BEFORE = re.compile(rf"(?<!\d)(?P<s>[<>]{SP}?=|=[<>]|[~≈<>≤≥]){SP}?$")
_SPACES = " \u00a0\u202f"
_POSSESSIVE = ("'s", "’s")
_RANGE_RATIO = 3  # `by 2% to 3%` is a range, `by 0.25% to 5.25%` a move and a level
_SIGN_SPACE = " \t\n([{\u00a0<>=~≈≤≥"
_CHANGE_VERBS = ("strong", "weak", "adverbs", "particle", "closing")
# comparators that place a level ("fell below $70") rather than size a move ("rose about 5%")
_POSITION = re.compile(
    r"above|below|under|over|north|south|shy|short|top|surpass|exceed|higher|lower|greater|larger"
)


@dataclass
class _Q:
    """A figure being built: offsets into the text and what has been read so far."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: Decimal
    kind: str  # "dig", "word" or "frac"
    plain_int: bool = False  # digits only: no separators, no decimals
    has_sep: bool = False
    max: Decimal | None = None
    scale: int = 1
    currency: str | None = None
    unit: str | None = None
    per: str | None = None
    comparator: str = "="
    cmp_phrase: str | None = None
    change: str | None = None
    change_how: str | None = None
    unit_from_core: bool = False
    sign: str | None = None  # a "+" or "-" written before the digits
    phrase: str | None = None  # the counted noun with its modifiers ("regional airport")
    noun: bool = False
    age: bool = False  # an age in years: its comparator is kept (`children under 16`)
    drop: bool = False

    @property
    def bare(self) -> bool:
        return self.currency is None and self.unit is None and self.scale == 1


def find_figures(doc: Doc, *, skip: Sequence[tuple[int, int]] = ()) -> list[Figure]:
    """Every figure of `doc`, sorted by start, with character offsets into `doc.text`.

    `skip` holds character spans (e.g. date expressions) whose numbers are not figures.
    Works on `spacy.blank("en")` Docs; a parsed Doc gives better counted nouns.
    """
    text = doc_text(doc)
    lex = lexicon()
    spans = Intervals([*skip, *exclude.url_spans(text)])
    quantities: list[_Q] = []
    for m in lex.prefilter.finditer(text):
        if spans.overlaps(m.start(), m.end()):
            continue
        if quantities and m.start() < quantities[-1].end:
            continue  # read with the one before ("a quarter of a million")
        if m.lastgroup == "frac":
            q = _fraction(text, m, lex)
            if q is not None:
                quantities.append(q)
        elif m.lastgroup == "dig":
            q = _digits(text, m, lex)
            if q is None:
                continue
            prev = quantities[-1] if quantities else None
            if (
                prev is not None
                and prev.plain_int
                and "/" in text[q.num_start : q.num_end]
                and q.unit != "%"
                and text[prev.end : q.start] == " "
            ):  # "10 1/2 miles": a whole number and a fraction
                prev.value += q.value
                prev.end = prev.num_end = q.end
                prev.plain_int = False
                continue
            quantities.append(q)
        else:
            quantities.extend(_words(text, m, lex))
    if not quantities:
        return []
    floor = 0
    for q in quantities:
        if q.kind != "frac":
            _read_left(text, q, lex, floor=floor)
            _drop_non_figure(text, q, lex)
        floor = q.end
    _merge_ratios(text, quantities, lex)
    _merge_ranges(text, quantities, lex)
    _merge_subunits(text, quantities)
    money = MoneyContext(text, lex)
    parse = _Parse(doc)
    figures = []
    prev: _Q | None = None
    live = [q for q in quantities if not q.drop]
    for i, q in enumerate(live):
        limit = live[i + 1].start if i + 1 < len(live) else len(text)
        _read_right(doc, text, q, lex, parse, limit=limit)
        nxt = live[i + 1] if i + 1 < len(live) else None
        if (
            (q.change_how or "").startswith("weak")
            and q.currency
            and nxt is not None
            and nxt.currency
            and _GAP_TO.fullmatch(text, q.end, nxt.start)
        ):
            q.change_how = "strong"  # "added 9 sen to RM3.10": the move, then the level
        _finish(text, q, lex)
        if q.drop or spans.overlaps(q.start, q.end):
            continue
        if prev is not None and q.start < prev.end:
            continue  # "$4.82 a dozen": read as the rate of the figure before
        if prev is not None and prev.change and q.change is None:
            if _RESTATED.fullmatch(text, prev.end, q.start):
                q.change = prev.change  # "lost 350 points, or 1%": the same move
        if prev is not None and prev.comparator != "=" and q.comparator == "=":
            # "more than 50 km (31 miles)": a measure restated in another unit keeps its
            # bound (a currency conversion, "about 5.2 billion crowns ($470 million)", is
            # stated as it is: corpus gold)
            if prev.unit_from_core and q.unit_from_core and prev.currency is None:
                if _BRACKETED.fullmatch(text, prev.end, q.start):
                    q.comparator = prev.comparator
        if prev is not None:
            _share_counted(text, prev, q, lex, figures, money)
        figures.append(_to_figure(text, q, money))
        prev = q
    figures.sort(key=lambda f: f.start)
    return figures


# --- candidates ----------------------------------------------------------------------


def _fraction(text: str, m: re.Match[str], lex: Lexicon) -> _Q | None:
    """A fraction of a whole as a percentage (`a fifth of revenue` -> 20 %, `fell by a third`
    -> 33.33 % down, `more than half` -> > 50 %, `two-thirds` -> 66.67 %), or a quarter/half
    point (`a quarter-point cut` -> 0.25 percentage point). An ordinal use (`the third
    quarter`, `a third term`) or a part of a period (`half-year`) is not a figure."""
    raw = m.group()
    words = _FRACTION_SPLIT.split(raw.lower())
    frac = words[-1]
    if frac in lex.times_words:
        return _times_word(text, m, lex)
    mult = 1 if len(words) == 1 else lex.word_values.get(words[0], 1)
    if mult == 1 and frac.endswith("s") or mult > 1 and frac == "half":
        return None  # "a thirds", "two half"
    share = Decimal(str(mult)) * Decimal(str(lex.fractions[frac]))
    start, end = m.start(), m.end()
    prev = ctx.prev_word(text, start)
    if prev is not None and prev.lower() in lex.fraction_blockers:
        return None
    point = _POINT_AFTER.match(text, end)
    if point is None and text[end : end + 1] == "-":
        return None  # half-year, a quarter-century
    cmp = ctx.comparator_before(text, start, lex)
    left = cmp.start if cmp is not None else start
    change = ctx.change_before(text, left, lex)
    by = change is not None and (change.extra or "").endswith("+by")
    nxt = ctx.next_word(text, end) if text[end : end + 1] in _SPACES else None
    low = nxt.value.lower() if nxt is not None else None
    of = _OF_NEXT.match(text, end)
    scaled = _OF_A_SCALE.match(text, end)
    if scaled is None and point is None:
        scaled = _SCALE_NEXT.match(text, end)  # "a quarter million", "half million"
    if of is not None and of.group("w").lower() in ("a", "an") and point is None and scaled is None:
        unit = ctx.unit_after(text, of.end(), lex)
        if unit is not None and unit[0].scale == 1:
            # "a quarter of a percentage point", "a third of a mile": a part of one unit
            q = _Q(start, unit[2], start, end, round(share, 4), "frac", unit=unit[0].unit)
            q.unit_from_core = True
            return q
    if scaled is not None and point is None:
        # "a quarter of a million people", "three-quarters of a billion dollars"
        q = _Q(start, scaled.end(), start, scaled.end(), round(share, 4), "word")
        q.scale = lex.scale_words[scaled.group("scale").lower()]
        return q
    if not (
        point
        or by
        or (of is not None and of.group("w").lower() not in ("a", "an"))
        or (frac == "half" and low in lex.half_before)
        or (_FRACTION_HYPHEN.search(raw) and words[0] not in ("a", "an"))
        or (cmp is not None and (low is None or low in lex.stopwords))
    ):
        return None
    if point is not None:
        q = _Q(start, point.end(), start, end, round(share, 4), "frac", unit="percentage point")
    else:
        q = _Q(start, end, start, end, round(100 * share, 2), "frac", unit="%")
    if cmp is not None:
        q.comparator, q.cmp_phrase, q.start = cmp.value, cmp.extra, cmp.start
    if change is not None:
        q.change, q.change_how = change.value, change.extra
    return q


def _times_word(text: str, m: re.Match[str], lex: Lexicon) -> _Q | None:
    """`twice as long` -> 2 times, `more than twice` -> > 2 times; not `think twice`."""
    prev = ctx.prev_word(text, m.start())
    if prev is not None and prev.lower() in _THINK:
        return None
    value = Decimal(lex.times_words[m.group().lower()])
    q = _Q(m.start(), m.end(), m.start(), m.end(), value, "frac", unit="times")
    cmp = ctx.comparator_before(text, m.start(), lex)
    if cmp is not None:
        q.comparator, q.cmp_phrase, q.start = cmp.value, cmp.extra, cmp.start
    return q


def _digits(text: str, m: re.Match[str], lex: Lexicon) -> _Q | None:
    """A number written in digits, with what is glued to it (`1.2bn`, `164p`, `75kWh`), a
    power of ten (`1.2e6`, `3×10−5`) or a vulgar fraction (`2½`, `½`)."""
    raw = m.group()
    parts = _DIGIT_PARTS.match(raw)
    num, exp, vulgar, glued = parts.group("num", "exp", "vf", "rest")
    if num.endswith((".", ",")) and exp is None and vulgar is None:
        glued = num[len(num.rstrip(".,")) :] + glued
        num = num.rstrip(".,")
    start = m.start()
    num_end = start + len(num) + len(exp or "") + len(vulgar or "")
    if exclude.glued_to_next_number(text, num_end) and not glued and not vulgar:
        return _slash_fraction(text, start, num_end, lex)
    value = parse_digits(num) if num else Decimal(0)
    if exp is not None:
        value *= Decimal(10) ** int(exp[1:])
    if vulgar is not None:
        value += Decimal(str(lex.vulgar_fractions[vulgar]))
    end = m.end()
    if not glued and (power := _POWER_OF_TEN.match(text, end)) is not None:
        value *= Decimal(10) ** int(power.group("e").replace("−", "-"))  # "3×10−5", "2 x 10^6"
        end = num_end = power.end()
    q = _Q(start, end, start, num_end, value, "dig")
    q.plain_int = num.isdigit() and exp is None and vulgar is None and end == m.end()
    q.has_sep = not num.replace(".", "").isdigit()
    if glued:
        q.unit = "?" + glued  # resolved in _read_left once the currency prefix is known
    return q


def _slash_fraction(text: str, start: int, num_end: int, lex: Lexicon) -> _Q | None:
    """A written fraction: `1/3 of the budget` -> 33.33 % (a share of a whole); `1/4 mile`,
    `1/2 cup` -> 0.25, 0.5 of the unit of measure after it, or the part of a mixed number
    (`surged 4 5/8 to 112 5/8`: stock prices in eighths); not a date, not 24/7."""
    m = _SLASH_FRACTION.match(text, start)
    if m is not None:
        a, b = int(m.group("a")), int(m.group("b"))
        if not 0 < a < b <= 10:
            return None
        value = Decimal(str(round(100 * a / b, 2)))
        return _Q(start, m.end("b"), start, m.end("b"), value, "dig", unit="%")
    m = _SLASH_MEASURE.match(text, start)
    if m is None:
        return None
    a, b = int(m.group("a")), int(m.group("b"))
    if not 0 < a < b or b not in lex.slash_denominators:
        return None
    whole = _WHOLE_BEFORE.search(text, max(0, start - 6), start) is not None
    if (
        not whole
        and ctx.unit_after(text, m.end(), lex) is None
        and not _HYPHEN_UNIT.match(text, m.end())
    ):
        return None
    return _Q(start, m.end(), start, m.end(), Decimal(a) / Decimal(b), "dig")


def _words(text: str, m: re.Match[str], lex: Lexicon) -> list[_Q]:
    """Numbers written in words: `twenty thousand`, `a dozen`, `half a million`."""
    tokens = list(lex.word_token.finditer(m.group()))
    words = [t.group().lower() for t in tokens]
    groups = parse_words(words, lex)
    years = _spoken_years(m.group(), tokens, words, groups, lex)
    out = []
    for first, last, value in groups:
        if first in years:
            continue
        if last - first == 1 and words[first] in ("a", "an"):
            if not _ONE_POINT.match(text, m.start() + tokens[first].end()):
                continue
        start = m.start() + tokens[first].start()
        end = m.start() + tokens[last - 1].end()
        if text[start].isupper() and not exclude.at_sentence_start(text, start):
            continue  # "the Group of Seven", "the Big Three"
        if exclude.inside_name(text, start, end, lex):
            continue  # "Erik ten Hag"
        if value >= 1000 and (ctx.prev_word(text, start) or "").lower() == "year":
            continue  # "by the year two thousand": a date
        q = _Q(start, end, start, end, value, "word")
        if words[last - 1] in lex.scale_words:  # keep the scale apart, as for "3.5 million"
            q.scale = lex.scale_words[words[last - 1]]
            q.value = value / q.scale
        out.append(q)
    return out


def _spoken_years(
    raw: str, tokens: list[re.Match[str]], words: list[str], groups: list, lex: Lexicon
) -> set[int]:
    """First words of number groups that say a year: `nineteen ninety-four`, `twenty
    twenty-two` (a teen or `twenty`, then a number from ten to ninety-nine)."""
    years: set[int] = set()
    for (f1, l1, v1), (f2, _, v2) in zip(groups, groups[1:], strict=False):
        if (
            l1 - f1 == 1
            and f2 == l1
            and 10 <= v1 <= 20
            and 10 <= v2 <= 99
            and lex.word_values.get(words[f2], 0) >= 10
            and raw[tokens[l1 - 1].end() : tokens[f2].start()] == " "
        ):
            years.update((f1, f2))
    return years


# --- left context and exclusions -------------------------------------------------------


def _read_left(text: str, q: _Q, lex: Lexicon, *, floor: int = 0) -> None:
    """Currency before, the glued suffix, scale/currency/unit after, comparator, change.
    Nothing before `floor` (the end of the figure before: `10 rmb 20 usd`) is read."""
    if q.kind == "dig":
        cur = ctx.currency_before(text, q.start, lex)
        if cur is not None and cur.start < floor:
            cur = None
        if cur is not None:
            q.currency, q.start = cur.value, cur.start
            surface = text[cur.start : cur.end].strip(" \u00a0-−+")
            q.scale *= lex.currency_scale.get(surface, 1)  # "MSEK 250"
            if cur.extra in ("-", "−"):
                q.value = -q.value
        elif (
            q.start > 0
            and text[q.start - 1] in "-−+"
            and (q.start == 1 or text[q.start - 2] in _SIGN_SPACE)
        ):
            q.start -= 1
            q.sign = "+" if text[q.start] == "+" else "-"
            if q.sign == "-":
                q.value = -q.value
        elif (minus := _minus_before(text, q.start)) is not None:
            q.start, q.value = minus, -q.value  # "minus 5 degrees"
        if q.unit is not None and q.unit.startswith("?"):
            glued, q.unit = q.unit[1:], None
            if not _read_glued(text, q, glued, lex):
                q.drop = True
                return
    elif q.kind == "word" and (minus := _minus_before(text, q.start)) is not None:
        q.start, q.value = minus, -q.value  # "minus five percent", "negative ten"
    _read_core_right(text, q, lex)
    if q.drop:
        return
    cmp = ctx.comparator_before(text, q.start, lex)
    if cmp is not None:
        q.comparator, q.cmp_phrase, q.start = cmp.value, cmp.extra, cmp.start
    elif text[q.start - 1 : q.start] == "-" and _SUB.search(text, max(0, q.start - 4), q.start):
        q.comparator, q.start = "<", q.start - 4  # "sub-5nm", "sub-$100": below
    elif _SYMBOL_CHARS.intersection(text[max(0, q.start - 4) : q.start]) and (
        sym := _SYMBOL_BEFORE.search(text, max(0, q.start - 4), q.start)
    ):
        raw = sym.group("s").replace(" ", "").replace("\u00a0", "")
        q.comparator = _SYMBOL_CMP.get(raw) or (raw[0] if raw[0] != "=" else raw[1]) + "="
        q.start = sym.start()  # "~5%", ">100", "≤ 3", ">= 30", "< = 100"
    if q.cmp_phrase is not None and _POSITION.search(q.cmp_phrase):
        if not (q.cmp_phrase == "over" and q.unit in lex.rate_units):
            return  # "fell below $70", "surged above $70,000": a level, not the size of a move
    change = ctx.change_before(text, q.start, lex)
    if change is not None:
        q.change, q.change_how = change.value, change.extra
    if q.sign is not None and q.unit in _SIGNED_CHANGE_UNITS:
        # "-0.8%", "+25bp", "shrank -0.8%": a signed share or spread is the size of a move
        q.change = q.change or ("up" if q.sign == "+" else "down")
        q.value = abs(q.value)


def _minus_before(text: str, start: int) -> int | None:
    """Where `minus`/`negative` begins right before `start` ("minus 5", "minus-20"), or None;
    the last letter is checked first because most numbers have no such word."""
    if start < 3 or text[start - 2 : start - 1] not in ("s", "e", "S", "E"):
        return None
    m = _MINUS.search(text, max(0, start - 10), start)
    return m.start() if m is not None else None


def _read_glued(text: str, q: _Q, glued: str, lex: Lexicon) -> bool:
    """Letters glued to digits: a scale, a pence/cents mark or a unit; else not a figure."""
    if glued == "m" and q.currency is None and _next_word_in(text, q.end, lex.metre_after):
        q.unit, q.unit_from_core = "metre", True  # the 100m sprint, a wave 20m high
    elif glued in lex.scale_attached:
        q.scale = lex.scale_attached[glued]
    elif glued in lex.scale_after_currency and (q.currency is not None or not q.plain_int):
        q.scale = lex.scale_after_currency[glued]
    elif glued in lex.currency_attached and q.currency is None:
        q.currency = lex.currency_attached[glued]
    elif glued in lex.currency_suffix_exact and q.currency is None:
        q.currency = lex.currency_suffix_exact[glued]  # "115USD", "40MSEK"
        q.scale *= lex.currency_scale.get(glued, 1)
    else:
        entry = ctx.unit_lookup(glued, lex)
        if entry is None:
            return False  # 21st, 5G, 1990s, 9am, 4K, 777X
        if glued in ("C", "F") and (
            text[q.end : q.end + 1] == "/" or abs(q.value) > _MAX_GLUED_DEGREES
        ):
            return False  # "14.7C/share" (cents), "777F" (a model): no temperature
        q.unit, q.per, q.unit_from_core = entry.unit, entry.per, True
        q.scale = entry.scale
    return True


def _read_core_right(text: str, q: _Q, lex: Lexicon) -> None:
    """Scale, currency word, unit or `-year` compound right after the number."""
    pos = q.end
    if q.scale == 1 and q.unit is None:
        scale = ctx.scale_after(text, pos, lex)
        if scale is not None:
            q.scale = lex.scale_spaced[scale.value]
            pos = q.end = scale.end
    if q.currency is None and q.unit is None:
        cur = ctx.currency_after(text, pos, lex)
        if cur is not None:
            if cur.value == "POUND" and (
                text[pos : pos + 1] == "-"
                or ctx.pound_is_weight(text, q.start, cur.end, lex, scaled=q.scale != 1)
            ):  # "a 5-pound bag", "8.8 million pounds of thrust"
                q.unit, q.unit_from_core = "pound", True
            else:
                q.currency = cur.value
                q.scale *= lex.currency_scale.get(text[cur.start : cur.end], 1)  # "30 MUSD"
                q.unit = lex.currency_subunits.get(text[cur.start : cur.end])  # "9 sen"
            pos = q.end = cur.end
            if q.scale == 1 and (scale := ctx.scale_after(text, pos, lex)) is not None:
                q.scale = lex.scale_spaced[scale.value]  # "75 USD million"
                pos = q.end = scale.end
    if q.currency is None and q.unit is None:
        unit = ctx.unit_after(text, pos, lex)
        if unit is not None:
            entry, _, end = unit
            q.unit, q.per, q.unit_from_core = entry.unit, entry.per, True
            q.scale *= entry.scale
            pos = q.end = end
        elif text[pos : pos + 1] == "-" and (after := ctx.comparator_after(text, pos, lex)):
            q.comparator, q.cmp_phrase = after.value, after.value  # 20-odd, 10,000-plus
            pos = q.end = after.end
        else:
            hyphen = ctx.hyphen_compound(text, pos)
            if hyphen is not None:
                word = hyphen.value
                low = word.lower()
                if word[0].isupper() or low in lex.hyphen_blockers or low in lex.stopwords:
                    q.drop = True  # 7-Eleven, 3-D, two-thirds, one-off, 2-for-1
                    return
                if low in lex.hyphen_skip:
                    q.end = hyphen.end  # a 5,000-strong force: the noun comes after
                    return
                q.unit, q.noun, q.unit_from_core = singularize(low, lex), True, True
                pos = q.end = hyphen.end
                if hyphen.extra is None and q.unit in lex.period_units:
                    q.drop = True  # a 10-year high, 10-year Treasury, a three-year dispute
                    return
    if pos < len(text) and text[pos] == "+" and not text[pos + 1 : pos + 2].isdigit():
        q.comparator, q.cmp_phrase = ">", "+"
        q.end = pos + 1


def _drop_non_figure(text: str, q: _Q, lex: Lexicon) -> None:
    """Years, days of the month, times, phone numbers, markers, labels, codes, addresses."""
    if q.drop or q.kind != "dig" or not q.bare:
        if q.kind == "word" and q.bare and q.comparator == "=":
            prev = ctx.prev_word(text, q.start)
            if prev is not None and prev.lower() in lex.labels:
                q.drop = True  # "number one", "Phase Two"
        return
    raw = text[q.num_start : q.num_end]
    if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
        q.drop = True  # "incident 0412", "0800 ...": a code or a phone number, not a quantity
        return
    value = int(q.value) if q.plain_int else None
    has_left = q.start != q.num_start or q.comparator != "="
    prev = None if has_left else ctx.prev_word(text, q.num_start)
    if value is not None and len(str(abs(value))) == 4 and exclude.is_year(abs(value), prev):
        if not _counts_a_noun(text, q, prev, lex):
            q.drop = True
    elif exclude.is_time(text, q.num_end, lex) or exclude.in_phone_or_numeric_date(
        text, q.num_start, q.num_end
    ):
        q.drop = True
    elif exclude.glued_to_next_number(text, q.num_end):
        q.drop = True
    elif value is not None and exclude.is_day_of_month(
        text, q.num_start, q.num_end, value, ctx.prev_word(text, q.num_start), lex
    ):
        q.drop = True
    elif not has_left and exclude.is_marker(text, q.num_start, q.num_end):
        q.drop = True
    elif (
        not q.has_sep
        and not has_left
        and (
            exclude.is_label_or_code(prev, lex, stop=lex.not_a_name)
            or exclude.is_model_suffix(_next_word(text, q.end), lex)
            or (q.plain_int and exclude.is_address(text, q.end, lex))
        )
    ):
        q.drop = True


def _counts_a_noun(text: str, q: _Q, prev: str | None, lex: Lexicon) -> bool:
    """A four-digit number that counts the plural noun after it, not a year: after a
    comparator or `of` (`an average of 1700 fans`, `about 2000 people`); `the 2024
    elections`, `in 2020 sales rose` stay years."""
    if q.comparator == "=" and (prev is None or prev.lower() != "of"):
        return False
    after = ctx.next_word(text, q.num_end)
    if after is None or text[q.num_end : after.start].strip():
        return False
    word = after.value
    return (
        word[0].islower()
        and is_plural(word, lex)
        and singularize(word, lex) not in lex.period_units
    )


def _age_of_group(text: str, q: _Q, lex: Lexicon) -> bool:
    """Whether a bare number with `under`/`over`/`above`/`below` follows people counted by
    an age band (`children under 16`, `those over 65`, `people aged over 55` is read by the
    age words)."""
    if q.cmp_phrase not in _AGE_BANDS:
        return False
    prev = ctx.prev_word(text, q.start)
    if prev is not None and prev.lower() in lex.age_words:
        return True  # "aged over 70"
    return prev is not None and prev.lower() in lex.age_groups


def _age_after_name(text: str, start: int, lex: Lexicon) -> bool:
    """Whether the number opening at `start` follows a person's name and a comma: a first
    and last name (`Kieran Walsh, 19,`), or one name opening the sentence (`Teo, 52,`); not
    a place after a preposition (`In London, 40, 50 and 60 people`)."""
    m = _AGE_APPOSITION.search(text, max(0, start - 40), start)
    if m is None:
        return False
    names = m.group()[:-2].split(" ")
    name_start = m.start()
    if names[0].lower() in lex.stopwords:
        name_start += len(names[0]) + 1
        names = names[1:]
    if len(names) >= 2:
        return True
    return bool(names) and exclude.at_sentence_start(text, name_start)


def _next_word_in(text: str, pos: int, words: frozenset[str]) -> bool:
    found = ctx.next_word(text, pos)
    return found is not None and found.value.lower() in words


def _next_word(text: str, pos: int) -> str | None:
    found = ctx.next_word(text, pos)
    return found.value if found is not None else None


# --- ratios and ranges ---------------------------------------------------------------------------


def _merge_ratios(text: str, qs: list[_Q], lex: Lexicon) -> None:
    """`one in five adults`, `nine out of 10`: a share of a whole, as a percentage (20 %)."""
    for a, b in zip(qs, qs[1:], strict=False):
        if a.drop or b.drop or a.kind == "frac" or b.kind == "frac":
            continue
        if not (a.bare and b.bare and b.comparator == "=" and 0 < a.value < b.value <= 1000):
            continue
        if a.value != int(a.value) or b.value != int(b.value):
            continue  # "rated 4.5 out of 5": a score, not a share
        if _RATIO_GAP.fullmatch(text, a.end, b.start) is None:
            continue
        after = ctx.next_word(text, b.end)
        if text[b.end : b.end + 1] == "-" or (
            after is not None and singularize(after.value, lex) in lex.period_units
        ):
            continue  # "one in 100-year floods", "the first in 10 years"
        a.value = Decimal(str(round(100 * a.value / b.value, 2)))
        a.unit, a.end, a.num_end = "%", b.end, b.num_end
        b.drop = True


def _merge_ranges(text: str, qs: list[_Q], lex: Lexicon) -> None:
    """`5-7%`, `$10-12 billion`, `between 5% and 7%`, `from 10 to 12`, `three or four`.

    Digit pairs with a dash that are not increasing, or that sit next to a score word,
    are scores (`won 3-1`, `a 2-3 defeat`) and both numbers are dropped. The number after
    a year or a day of the month in such a pair is dropped with it (`2019-20`, `March 3-5`).
    """
    for a, b in zip(qs, qs[1:], strict=False):
        gap = text[a.end : b.start]
        compact = _GAP_COMPACT.fullmatch(gap) is not None
        if b.drop and not a.drop and compact and a.bare and a.plain_int:
            if exclude.is_address(text, b.end, lex):
                a.drop = True  # "12-14 Harbour Road": a street address
            continue
        if a.kind == "frac" or b.kind == "frac" or b.drop and not a.drop:
            continue
        if a.drop:
            if compact or _GAP_TO.fullmatch(gap) or _GAP_AND.fullmatch(gap):
                if b.bare and b.kind == "dig":
                    b.drop = True
            continue
        if compact and a.kind == b.kind == "dig" and a.bare and b.bare and a.plain_int:
            if a.value >= b.value or exclude.near_score_word(text, a.start, b.end, lex):
                a.drop = b.drop = True
                continue
        to = _GAP_TO.fullmatch(gap) is not None
        kind = None
        if compact:
            kind = "compact"
        elif to and _FROM.search(text, max(0, a.start - 8), a.start):
            before_from = a.start - len(_FROM.search(text, max(0, a.start - 8), a.start)[0])
            if ctx.change_before(text, before_from, lex) is None:
                kind = "from"
        elif to and (
            (a.change_how or "").split("+")[0] not in _CHANGE_VERBS
            or _range_after_change(a, b, lex)
        ):
            kind = "to"
        elif _GAP_OR.fullmatch(gap) and b.comparator == "=":
            kind = "or"
        elif _GAP_AND.fullmatch(gap) and _BETWEEN.search(text, max(0, a.start - 10), a.start):
            kind = "between"
        if kind is None or not _compatible(a, b):
            continue
        low, high = a.value * a.scale, b.value * b.scale
        if a.scale == 1 and b.scale != 1 and a.value * b.scale <= high:
            low = a.value * b.scale  # "$10-12 billion": the scale applies to both ends
        if low >= high:
            continue
        a.value, a.scale, a.max = low, 1, high
        a.end, a.num_end = b.end, b.num_end
        a.unit = a.unit or b.unit
        a.unit_from_core = a.unit_from_core or b.unit_from_core
        a.noun = a.noun or b.noun
        a.currency = a.currency or b.currency
        a.per = a.per or b.per
        if a.comparator == "=" and b.comparator != "=":
            a.comparator, a.cmp_phrase = b.comparator, b.cmp_phrase
        if kind == "between":
            a.start = a.start - len(_BETWEEN.search(text, max(0, a.start - 10), a.start)[0])
        elif kind == "from":
            a.start = a.start - len(_FROM.search(text, max(0, a.start - 8), a.start)[0])
        b.drop = True


def _merge_subunits(text: str, qs: list[_Q]) -> None:
    """`3 dollars 50 cents`, `thirteen dollars and forty-five cents`, `15 dollars 50.`: an
    amount in a currency and its hundredths are one figure (3.50). A bare number counts as
    the hundredths only after a currency written as a word or code, at the end of a clause."""
    for a, b in zip(qs, qs[1:], strict=False):
        if a.drop or b.drop or a.currency in (None, *_SUBUNITS) or a.scale != 1 or a.max:
            continue
        if not (b.scale == 1 and b.max is None and 0 < b.value < 100 and b.value == int(b.value)):
            continue
        if _SUBUNIT_GAP.fullmatch(text, a.end, b.start) is None:
            continue
        if (
            b.currency in _SUBUNITS
            and b.unit is None
            or (b.bare and a.end > a.num_end and _CLAUSE_END.match(text, b.end))
        ):
            a.value += b.value / 100
            a.end, a.num_end = b.end, b.num_end
            b.drop = True


def _range_after_change(a: _Q, b: _Q, lex: Lexicon) -> bool:
    """After a change verb `X to Y` is usually the move and the level reached (`rose 6.5% to
    164p`); it is a range when the ends are close and of one kind: `grow by 2% to 3%`,
    `cut earnings by 30 to 35 cents`, `lift margins by 2 to 3 percentage points`."""
    low, high = a.value * a.scale, b.value * b.scale
    if a.scale == 1 and b.scale != 1 and a.value * b.scale <= high:
        low = a.value * b.scale  # "by 2 to 3 million"
    if b.comparator != "=" or not 0 < low < high <= _RANGE_RATIO * low:
        return False
    if a.bare and a.kind == b.kind:
        return not b.bare
    return a.unit == b.unit and a.unit in lex.rate_units and a.currency is None


def _compatible(a: _Q, b: _Q) -> bool:
    if a.unit and b.unit and a.unit != b.unit:
        return False
    if a.currency and b.currency and a.currency != b.currency:
        return False
    return not (a.unit and b.currency or a.currency and b.unit)


# --- right context --------------------------------------------------------------------


class _Parse:
    """What the Doc's parse offers (DEP, TAG, LEMMA), looked up once per Doc, when needed."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._has: frozenset[str] | None = None

    @property
    def has(self) -> frozenset[str]:
        if self._has is None:
            self._has = annotations(self.doc)
        return self._has


def _read_right(doc: Doc, text: str, q: _Q, lex: Lexicon, parse: _Parse, *, limit: int) -> None:
    """Trailing comparator, counted noun, rate and change noun after the figure; the noun
    lies before `limit`, the next figure (`two 30-year-olds` gives `two` no noun)."""
    after = ctx.comparator_after(text, q.end, lex)
    if after is not None:
        if q.comparator in ("=", "~"):
            q.comparator = after.value  # "about 500 or more": the bound says more than "about"
        q.end = after.end
    elif q.comparator in (">", "<") and (same := lex.or_equal_re.match(text, q.end)):
        q.comparator += "="  # "more than 5000 or equal to"
        q.end = same.end()
    pos = q.end
    if q.bare and q.plain_int and 0 < q.value < 120 and _age_of_group(text, q, lex):
        nxt = ctx.next_word(text, q.end)
        if nxt is None or singularize(nxt.value, lex) not in lex.period_units:
            q.unit, q.age = "year", True  # "those aged over 70 get home visits": the age
    if q.unit is None and q.currency is None:
        noun = _counted_noun(doc, text, q, lex, parse)
        if noun is not None and (noun[1] < limit or _PARTITIVE.match(text, q.end)):
            unit, n_start, n_end = noun
            if _model_number(doc, text, q, unit, n_start, lex, parse):
                q.drop = True
                return
            q.unit, q.noun = unit, True
            q.phrase = _unit_phrase(text[q.end : n_start], unit, lex)
            between = text[q.end : n_start]
            words = between.split()
            if not any(c in ',;:()"' for c in between) and len(words) <= 4 and "of" not in words:
                q.end = n_end
            pos = n_end
    if q.unit is None and q.currency is None and q.scale == 1:
        before = ctx.prev_word(text, q.start)
        if before is not None and before.lower() in lex.age_words:
            q.unit, q.age = "year", True  # "at age 87", "aged 43": an age in years
        elif q.plain_int and 0 < q.value < 120:
            comma = text[q.end : q.end + 1] == ","
            if comma and _age_after_name(text, q.start, lex):
                q.unit = "year"  # "Teo, 52, pleaded guilty": an age after a name (guide 8)
            elif comma and _THEN_AGE.search(text, max(0, q.start - 12), q.start):
                q.unit, q.age = "year", True  # "one widow, then 88, had paid": an age
    per = ctx.per_after(text, pos, lex)
    if per is not None and q.per is None and per.value != q.unit:
        q.per = per.value
        if pos == q.end:
            q.end = per.end
        pos = per.end
    if pos == q.end:
        after = ctx.comparator_after(text, q.end, lex)
        if after is not None and q.comparator == "=":
            q.comparator, q.end = after.value, after.end
            pos = q.end
    change = ctx.change_after(text, pos, lex, gap=not q.noun)
    if (
        change is not None
        and q.change is None
        and q.unit not in lex.period_units  # "a two day rally": how long, not how much
        and text[change.end : change.end + 2] not in _POSSESSIVE  # "three Rally's directors"
    ):
        if not (q.currency and change.extra in ("loss", "losses")):
            q.change, q.change_how = change.value, "noun"


def _model_number(
    doc: Doc, text: str, q: _Q, unit: str, n_start: int, lex: Lexicon, parse: _Parse
) -> bool:
    """A number of three or more digits that names a model, read from the parse: after a
    determiner or possessive, right before a singular noun that ends the noun phrase (`the
    486 chip will ship`, `Intel's 80486 chip`, `an 80486 machine`); not a count (`the 300
    staff`, plural or invariant) nor a measure noun before a noun (`a 3000 word essay`)."""
    if (
        "TAG" not in parse.has
        or not q.plain_int
        or q.value < 100
        or q.scale != 1
        or q.start != q.num_start
        or text[q.num_end : n_start] != " "
        or unit in lex.invariant_plurals
        or unit in lex.period_units
    ):
        return False
    prev = ctx.prev_word(text, q.num_start)
    if prev is None or not (prev.lower() in lex.model_determiners or prev.endswith(_POSSESSIVE)):
        return False
    tok = token_at(doc, n_start)
    if tok.tag_ != "NN":
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "NUM")


_PHRASE_WORD = re.compile(r"[A-Za-z][\w'’.&-]*")


def _unit_phrase(between: str, unit: str, lex: Lexicon) -> str | None:
    """The counted noun with the words that modify it, singular: `nine regional airports` ->
    `regional airport`, `1,000 AITO experience stores` -> `AITO experience store`; None when
    nothing modifies it (`12,018 vehicles`: the unit says it all). Function words, number
    words and the pass words of a count (`40 more showrooms`) are left out."""
    words = [
        w
        for w in _PHRASE_WORD.findall(between)
        if w.lower() not in lex.stopwords
        and w.lower() not in lex.word_values
        and w.lower() not in lex.scale_words
    ]
    return " ".join([*words, unit]) if words else None


def _counted_noun(
    doc: Doc, text: str, q: _Q, lex: Lexicon, parse: _Parse
) -> tuple[str, int, int] | None:
    singular = q.value == 1 and q.max is None and q.scale == 1
    part = _PARTITIVE.match(text, q.end)
    if part is not None and not singular:
        # "Six of the nine members", "Two of those people": the noun of the whole
        return noun_from_text(text, part.end(), singular=False, lex=lex)
    if parse.has & {"DEP", "TAG"}:
        last = token_at(doc, q.end - 1)  # "1.2m people": the "m" token
        found = noun_from_doc(doc, last, after=q.end, has=parse.has, lex=lex)
        if found is not None and found[1] >= q.end:
            return found
        if "DEP" in parse.has:
            return None
    return noun_from_text(text, q.end, singular=singular, lex=lex)


# --- final checks -----------------------------------------------------------------------


def _finish(text: str, q: _Q, lex: Lexicon) -> None:
    """Rules that need the unit: `one` as a pronoun, periods placed in time, change kinds."""
    if q.kind == "word" and q.value == 1 and q.max is None and q.scale == 1:
        low = text[q.num_start : q.num_end].lower()
        prev = ctx.prev_word(text, q.num_start)
        nxt = _next_word(text, q.num_end)
        if low == "one" and (
            (q.unit is None and q.currency is None)
            or (prev is not None and prev.lower() in lex.one_before)
            or (nxt is not None and nxt.lower() in lex.one_after)
        ):
            q.drop = True
            return
    if q.bare and q.kind == "dig" and q.comparator == "=" and q.start == q.num_start:
        prev = ctx.prev_word(text, q.num_start)
        if prev is not None and prev.lower() in lex.phone_verbs:
            q.drop = True  # "call 101", "dial 999": a phone number
            return
    if q.unit in lex.period_units and q.currency is None and not q.age:
        if _placed_in_time(text, q, lex):
            q.drop = True  # within three years, two years ago: a date, not a figure
            return
        if q.cmp_phrase in lex.period_neutral and not _AGE_AFTER.match(text, q.end):
            q.comparator = "="  # "over three years" means during; "over 30 years old" is an age
    if q.change_how:
        how, _, by = q.change_how.partition("+")
        rate = q.unit in lex.rate_units
        if how == "weak" and not (rate or by or q.unit in lex.headcount_nouns):
            q.change = None
        elif how == "adverbs" and q.noun and not rate:
            q.change = None
        elif how == "particle" and not rate:
            q.change = None
        elif how == "closing" and not (rate or q.currency):
            q.change = None  # "closed down 3 plants"; "closed down 50 cents" is a fall


def _placed_in_time(text: str, q: _Q, lex: Lexicon) -> bool:
    """Whether a count of periods is part of a date (`within three years`, `two years ago`,
    `will open in three years`) rather than a duration (`in less than 10 years`, `to last
    25 days`, `dropped in three months`)."""
    if lex.period_after_re.match(text, q.end):
        return True
    m = lex.period_before_re.search(text, max(0, q.start - 40), q.start)
    if m is None:
        return False
    phrase = m.group("p").lower()
    if phrase == "last":
        prev = ctx.prev_word(text, m.start("p"))
        return prev is None or prev.lower() not in lex.last_verb_before
    if phrase == "in":
        if q.comparator != "=":
            return False
        # the cue must be in the clause of "in": not "would cut jobs after orders fell in
        # three months"
        lo = max(0, m.start() - _CLAUSE_WINDOW)
        for b in _CLAUSE_BREAK.finditer(text, lo, m.start()):
            lo = b.end()
        return lex.future_cue_re.search(text, lo, m.start()) is not None
    return True


def _share_counted(
    text: str, a: _Q, b: _Q, lex: Lexicon, figures: list[Figure], money: MoneyContext
) -> None:
    """Compared figures count the same thing: `5m units, up from 3.2m` (3.2m units), `$5bn,
    compared with 4.2bn` (USD), `from 95 to 120 stores` (95 stores), `13 facilities in
    operation, up from seven` (7 facilities)."""
    if a.unit in lex.period_units or b.unit in lex.period_units:
        return  # "210,000 visitors over four days, up from 180,000": not the days
    if b.unit is None and b.currency is None and (a.noun or a.currency):
        if lex.comparison_link_re.fullmatch(text, a.end, b.start) or (
            a.noun and lex.comparison_gap_re.fullmatch(text, a.end, b.start)
        ):
            b.unit, b.noun, b.phrase, b.currency = a.unit, a.noun, a.phrase, a.currency
            b.per = b.per or a.per
    elif a.unit is None and a.currency is None and (b.noun or b.currency) and figures:
        if _GAP_TO.fullmatch(text, a.end, b.start) and _FROM.search(
            text, max(0, a.start - 8), a.start
        ):
            a.unit, a.noun, a.phrase, a.currency = b.unit, b.noun, b.phrase, b.currency
            figures[-1] = _to_figure(text, a, money)


def _to_figure(text: str, q: _Q, money: MoneyContext) -> Figure:
    currency, unit = money.resolve(q.currency, q.unit)
    value = q.value * q.scale
    return Figure(
        text=text[q.start : q.end],
        start=q.start,
        end=q.end,
        value=as_number(value),
        max=as_number(q.max * q.scale) if q.max is not None else None,
        unit=unit,
        unit_phrase=q.phrase if q.noun and q.unit == unit else None,
        comparator=q.comparator,
        change=q.change,
        currency=currency,
        per=q.per,
    )
