"""Find date expression candidates in a text and drop the ones their context rules out.

Speed: the master pattern of `grammar.py` is only tried where an expression can start (a
"starter" word: `in`, `the`, `last`, a month, a digit, ...) and only when an "anchor" (a word
every expression contains: a digit, a month, `year`, `today`, ...) follows within `GATE`
characters. Both are found with one trie-shaped regex each, so the heavy pattern runs on a few
positions per sentence instead of every character.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from newsclaims.extraction.dates.grammar import alt, grammar
from newsclaims.extraction.dates.lexicon import Lexicon, lexicon
from newsclaims.extraction.tries import trie_pattern

GATE = 48  # characters from an expression's start to the first anchor inside it, at most


@dataclass(frozen=True)
class Candidate:
    """A date expression found in a text: character offsets, the kind of its core, and the
    prefix (`by`, `since`, `in`, ...) and part modifiers (`the end of`) it opens with."""

    start: int
    end: int
    kind: str
    core_start: int
    pre: str | None = None
    part: str | None = None


def trie_regex(words: Iterable[str]) -> str:
    """A regex alternation of `words` shaped as a trie: sre fails fast on the first letter."""
    return trie_pattern([re.escape(ch) for ch in word] for word in words)


@dataclass(frozen=True)
class _Scanner:
    kinds: dict[str, int]  # lower-case word -> ANCHOR | STARTER bits
    names: frozenset[str]  # month and weekday names, case as written (anchors)
    link: re.Pattern[str]  # words that continue an expression (`as of`, `at least`)
    seen: dict[str, tuple[int, int] | None]  # `_read_word` of each word met so far


ANCHOR, STARTER = 1, 2
# Words (letters, apostrophes, points: `Oct.`, `Year's`, `F.Y.`) and runs of digits. A plain
# word regex and dict lookups beat one big alternation of all the words by a factor of two.
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.]*|\d+")


@cache
def _scanner() -> _Scanner:
    lx = lexicon()
    names = frozenset([*lx.months, *lx.weekdays, *lx.month_lower, *lx.weekday_lower])
    starters = {
        *lx.starters,
        *(w.split()[0] for w in lx.interval_cues),
        *(w.split()[0] for w in lx.leads),
        *(w.split()[0].rstrip("-") for w in lx.parts),
        *lx.numbers,
        *lx.ordinals,
        *lx.seasons,
        *lx.fiscal_words,
        *(w.lower() for w in names),
        *(h.split()[0].lower() for h in lx.holidays),
    }
    kinds: dict[str, int] = {}
    for w in lx.anchors:
        kinds[w] = kinds.get(w, 0) | ANCHOR
    for w in starters:
        kinds[w] = kinds.get(w, 0) | STARTER
    link = re.compile(r"(?i:" + trie_regex(lx.links) + r")(?!\w)")
    return _Scanner(kinds, names, link, {})


_UNSEEN = object()
_SEEN_MAX = 200_000  # words remembered by the scanner; rarer ones are read each time


def _read_word(w: str, kinds: dict[str, int], names: frozenset[str]) -> tuple[int, int] | None:
    """What a word (as `_WORD` cuts it, not a digit run) is to the scan: its ANCHOR and
    STARTER bits and the length of the word read (without trailing points, apostrophes
    and a possessive `'s`), or None for a word no expression contains. It depends on the
    word alone, so the scan remembers it: running text repeats its words."""
    if w[-1] in ".'’":
        w = w.rstrip(".'’")
    low = w.lower()
    bits = kinds.get(low)
    if bits is None:
        if not low.endswith(("'s", "’s")):
            return None
        w, low = w[:-2], low[:-2]  # `Friday's`, `New Year's Day`
        bits = kinds.get(low)
        if bits is None:
            return None
    if w in names:
        bits |= ANCHOR | STARTER
    return bits, len(w)


# Digits that start an amount, not a date: `12,018`, `3.5`, `20%` (but `31.10.2021` is a date).
_AMOUNT = re.compile(r"\d+,\d{3}(?!\d)|\d+\.\d+(?!\.\d)|\d+\s?%")
_JOINERS = " \t\n\r-‐–'’"
# `Q3`, `H1`, `FY24`; `q3` in lower case only before a year (`q3 2019`)
_CODE = re.compile(r"[QH][1-4](?!\d)|q[1-4](?:\s+|\s*-\s*)(?:1\d|20)\d\d|F\.?Y\.?\s*['’]?\d")


def scan(text: str) -> tuple[list[int], list[int]]:
    """Positions of anchors (words every expression contains) and of starters (words an
    expression can begin with), in one pass.

    A starter that is not an anchor itself (`the`, `in`, `early`) only counts when the next
    word is a starter, an anchor or a link word (`the end of the year`, `in October`, `as of`):
    most `the` and `in` of running text lead nowhere, and each try of the grammar costs."""
    sc = _scanner()
    kinds, names, seen = sc.kinds, sc.names, sc.seen
    anchors: list[int] = []
    starts: list[int] = []
    weak: list[tuple[int, int]] = []  # starters to confirm: (start, end)
    marks: set[int] = set()
    amount = _AMOUNT.match
    for m in _WORD.finditer(text):
        p = m.start()
        w = m.group()
        c = w[0]
        if c.isdigit():
            prev = text[p - 1] if p else " "
            if prev in ".,":
                if p > 1 and text[p - 2].isdigit():
                    continue  # `12,018`: the digits after the comma
            elif prev.isalpha() and prev not in "QHY":
                continue  # `M5`, `ES6`: a code
            anchors.append(p)
            marks.add(p)
            if not amount(text, p) and prev not in "$€£¥":
                starts.append(p)
            continue
        if c in "QHFq" and _CODE.match(text, p):
            anchors.append(p)
            starts.append(p)
            marks.add(p)
            continue
        read = seen.get(w, _UNSEEN)
        if read is _UNSEEN:
            read = _read_word(w, kinds, names)
            if len(seen) < _SEEN_MAX:
                seen[w] = read
        if read is None:
            continue
        if p and (text[p - 1].isalnum() or text[p - 1] in "'’"):
            continue  # inside a word (`3Q23` is read at its digit)
        bits, length = read
        marks.add(p)
        if bits & ANCHOR:
            anchors.append(p)
            if bits & STARTER:
                starts.append(p)
        else:
            weak.append((p, p + length))
    if weak:
        n = len(text)
        for p, e in weak:
            q = e
            while q < n and text[q] in _JOINERS:
                q += 1
            if q in marks or sc.link.match(text, q):
                starts.append(p)
        starts.sort()
    return anchors, starts


@cache
def _context() -> dict[str, re.Pattern[str]]:
    lx = lexicon()
    return {
        "year_before": re.compile(
            r"(?:^|[^\w])(?:" + alt(lx.year_blockers_before, ci=True) + r")\s*$"
        ),
        "year_after": re.compile(r"\s*(?:" + alt(lx.year_blockers_after, ci=True) + r")(?![\w])"),
        "not_dates": re.compile(r"(?<!\w)" + alt(lx.not_dates) + r"(?!\w)"),
        "address": re.compile(
            r"(?:\s+[A-Z][\w'’.-]*){1,3}\s+" + alt(lx.address_words) + r"(?![\w])"
        ),
    }


_PREV_WORD = re.compile(r"(?:^|[^\w'’])([\w'’]+)[ \t]+$")
_PREV_TOKEN = re.compile(r"(\S+)\s*$")
_NEXT_WORD = re.compile(r"^[ \t]+([\w'’-]+)")
_NEXT_OF = re.compile(r"\s+of\s+(?!(?:1\d|20)\d\d\b)", re.I)
_SUPERLATIVE = re.compile(
    r"\b(?:\w{3,}est|best|worst|most|least|first|time|times|record|once|never)\b[^.;]*$", re.I
)
_NOT_SUPERLATIVE = {"interest", "request", "suggest", "invest", "protest", "harvest", "forest"}


# A yearly habit: a month in the same sentence is any such month.
_HABIT = re.compile(r"(?i)\b(?:every|each)\s+(?:year|winter|summer|spring|autumn)\b")
_CLAUSE_END = re.compile(r"[.,;:!?\n]")


def _in_habitual_sentence(text: str, start: int, end: int) -> bool:
    """The clause around `start`..`end` (up to a comma or a sentence end) says it happens
    every year (`every year`, `each winter`); not another clause of the sentence (`in every
    year since 2020, the bureau said in its report, published in April`)."""
    left = max(0, start - 200)
    ends = [m.end() for m in _CLAUSE_END.finditer(text, left, start)]
    after = _CLAUSE_END.search(text, end, min(len(text), end + 200))
    return (
        _HABIT.search(text, ends[-1] if ends else left, after.start() if after else len(text))
        is not None
    )


# An indefinite article, perhaps with a word that makes the day a kind of day, right
# before a weekday (`a Saturday`, `a summer Saturday`, `a normal Friday`); not any word
# (`said in a statement Tuesday` is a date).
_GENERIC_DAY = re.compile(
    r"(?<![\w'\u2019])(?:[Aa]n?|[Aa]ny)\s+(?:(?:normal|typical|usual|ordinary|average|busy|"
    r"quiet|good|bad|rainy|sunny|wet|summer|winter|spring|autumn|single|given)\s+)?$"
)


# A content word right after a weekday: the weekday modifies a noun (`a Tuesday meeting`).
_ATTRIBUTIVE = re.compile(
    r"\s+(?!(?:in|of|or|and|at|on|to|for|when|that|with|the|a|an|is|was|this|last|next|"
    r"morning|afternoon|"
    r"evening|night)\b)[a-z]+\b"
)


def _prev_word(text: str, pos: int) -> str | None:
    m = _PREV_WORD.search(text, max(0, pos - 40), pos)
    return m.group(1) if m else None


def _next_word(text: str, pos: int) -> str | None:
    m = _NEXT_WORD.match(text[pos : pos + 40])
    return m.group(1) if m else None


def _sentence_initial(text: str, pos: int) -> bool:
    m = _PREV_TOKEN.search(text, max(0, pos - 30), pos)
    if not m or "\n" in text[m.end(1) : pos]:
        return True
    return m.group(1)[-1] in '.!?"“”:;(—'


def _licensed(lx: Lexicon, text: str, c: Candidate) -> bool:
    """A lone month is a date after a date word, or between a determiner and a noun."""
    if c.pre or c.part:
        return True
    prev = _prev_word(text, c.core_start)
    if prev is None:
        # `May sales rose 4%` at the start of a sentence: a month before a lower-case noun
        nxt = _next_word(text, c.end)
        return bool(
            _sentence_initial(text, c.core_start)
            and nxt
            and nxt.islower()
            and nxt not in _NOT_ATTRIBUTIVE
            and nxt not in lexicon().tense_past
            and not nxt.endswith(("ly", "ed"))
            and nxt not in ("be", "have", "not", "also", "well", "still", "yet", "even", "soon")
        )
    low = prev.lower()
    if low in lx.licensors:
        return True
    if low in lx.determiners or low.endswith(("'s", "’s")):
        nxt = _next_word(text, c.end)
        return bool(nxt and nxt.islower() and nxt not in _NOT_ATTRIBUTIVE)
    return False


_NOT_ATTRIBUTIVE = frozenset(
    "on of in to and or is was were has had will would said says at by for with".split()
)


def _plural_after(lx: Lexicon, text: str, end: int) -> bool:
    """Whether a lower-case plural noun follows (`2024 vehicles`: a count, not a year)."""
    nxt = _next_word(text, end)
    return bool(
        nxt
        and nxt.isalpha()
        and nxt.islower()
        and nxt.endswith("s")
        and len(nxt) > 2
        and nxt not in lx.not_plural_nouns
    )


def _accept_year(lx: Lexicon, text: str, c: Candidate, value: int, end: int) -> bool:
    ctx = _context()
    before = text[max(0, c.core_start - 30) : c.core_start]
    if ctx["year_before"].search(before):
        return False
    if ctx["year_after"].match(text, end, min(len(text), end + 20)):
        return False
    if re.search(r"\d[ \t]+$", before) and not c.pre:
        return False  # `+44 20 7946 2019`: part of a phone number or a list of numbers
    if ctx["address"].match(text, end):
        return False  # `2000 Market Street`
    prev = _prev_word(text, c.core_start)
    low = prev.lower() if prev else ""
    if (
        not c.pre
        and prev
        and prev[0].isupper()
        and low not in lx.licensors
        and low not in lx.determiners
        and prev not in lx.months
        and not low.endswith(("'s", "’s"))
    ):
        return False  # `Vision 2025`, `Euro 2024`, `Windows 2000`: a name
    licensed = bool(c.pre) or low in lx.licensors or low in lx.determiners or low.endswith("'s")
    plural = _plural_after(lx, text, end)
    if value < 1900:
        return bool(c.pre) and not plural  # `in 1865`, `since 1836`; not `a value of 1000`
    return not (plural and not licensed)


def _accept(lx: Lexicon, text: str, c: Candidate, fiscal_known: bool) -> bool:
    """Context rules that tell a date from a look-alike (see `pipeline/patterns/README.md`)."""
    kind, core = c.kind, text[c.core_start : c.end]
    if re.search(r"\n[ \t]*\n", text[c.start : c.end]) or _in_url(text, c.start):
        return False
    ctx = _context()
    for m in ctx["not_dates"].finditer(text, max(0, c.start - 25), min(len(text), c.end + 25)):
        if m.start() < c.end and m.end() > c.core_start:
            return False
    if kind == "shift" and _INDEFINITE.match(core):
        # `once a week from February 16`, `three days a week from March`: a rate, then the
        # date it starts; not a date a week later (`a week from Tuesday`)
        if (_prev_word(text, c.core_start) or "").lower() in _RATE_COUNTS:
            return False
    if kind == "fiscal":
        if fiscal_known:
            return True
        # `2024/25`, `1998-99`: two years, when the first would pass as a year of its own
        return bool(_YEAR_SPAN.fullmatch(core)) and _accept_year(lx, text, c, int(core[:4]), c.end)
    if kind == "month":
        name = core.rstrip(".").title()
        prev = _prev_word(text, c.core_start)
        if prev and (prev.lower() in ("every", "each", "per", "any") or _is_superlative(prev)):
            return False
        if _in_habitual_sentence(text, c.start, c.end):
            return False  # `every year we see operations cancelled in January`: any January
        if name in lx.ambiguous_months and core.islower():
            # `in june`, not `an august body`: lower case, only after a date word
            return bool(c.pre or c.part) or (prev or "").lower() in lx.licensors
        if name in lx.ambiguous_months or core.endswith("."):
            return _licensed(lx, text, c)
        return True
    if kind == "holiday":
        prev = (_prev_word(text, c.core_start) or "").lower()
        if c.pre or c.part or prev in ("last", "next", "this"):
            return True
        if core.islower():  # `on black friday`, not `easter eggs`
            return False
        # `Christmas parties`, `Easter eggs`: a holiday before a plural noun modifies it; its
        # sales and results are still of the day (`Valentine's Day sales rose 5%`)
        nxt = (_next_word(text, c.end) or "").lower()
        return (
            core.lower().startswith("the ")
            or nxt in lx.results_nouns
            or not _plural_after(lx, text, c.end)
        )
    if kind == "weekday":
        prev = _prev_word(text, c.core_start)
        if prev and prev.lower() in ("every", "each", "per"):
            return False
        if _GENERIC_DAY.search(text, max(0, c.core_start - 30), c.core_start) and not (
            _ATTRIBUTIVE.match(text, c.end)
        ):
            # `on a summer Saturday`, `a Monday in May`: any such day, not a date; but `at a
            # Tuesday news conference` is that Tuesday's
            return False
        if _weekday_span(text, c.core_start, c.end):
            return False  # `9am to 5pm, Monday to Friday`: opening hours, not a date
        nxt = _next_word(text, c.end)
        return not (nxt and nxt[0].isupper() and nxt not in lx.months)
    if kind == "year":
        if not core[0].isdigit():  # `the year 2030`: the words say it is a year
            return not _context()["year_after"].match(text, c.end, min(len(text), c.end + 20))
        return _accept_year(lx, text, c, int(core), c.end)
    if kind in ("range", "hrange"):
        tail = re.search(r"(\d{4})$", core)
        if tail:  # judge the last year by its own neighbours: `between 1990 and 2000 people`
            if _plural_after(lx, text, c.end):
                return False
            last = Candidate(c.end - 4, c.end, "year", c.end - 4, c.pre or "range", None)
            return _accept_year(lx, text, last, int(tail.group(1)), c.end)
        return True
    if kind in ("quarter", "half"):
        if _NEXT_OF.match(text, c.end):
            return False  # `the second half of the match`
        if kind == "half" and re.fullmatch(r"H[12]|[12]H", core):
            nxt = _next_word(text, c.end)
            if "ydrogen" in text or text[c.end : c.end + 1] == "-":
                return False
            return not (nxt and nxt.islower() and nxt not in lx.half_code_followers)
        return True
    if kind in ("season_bare", "weekend"):
        if not c.pre:
            return False
        nxt = _next_word(text, c.end)
        if nxt and (nxt[0].isupper() or nxt.lower() in ("in", "of", "from", "to", "back")):
            return False
        return True
    if kind == "season":
        return True
    if kind == "the_unit":
        return bool(c.part)
    if kind == "deictic":
        if text[c.start - 1 : c.start] in ('"', "“") and core.istitle():
            return False  # ABC's `"This Week"`: a title in quotes, every word capitalised
        prev = (_prev_word(text, c.start) or "").lower()
        if prev == "the":
            # `the last quarter`: a quarter is only a calendar unit; `the last year` may be
            # the twelve months before P, a duration
            # `the last quarter are in places where ...`, `the last quarter of them`: a
            # fraction of a group
            return core.lower().endswith("quarter") and not _FRACTION_AFTER.match(text, c.end)
        return prev not in ("every", "each", "per", "a")
    if kind == "rel_day":
        if core[0].isupper() and not _sentence_initial(text, c.core_start):
            return False  # `USA Today`, `the Today programme`
        # `the people of tomorrow`, `the leaders of today`: a generic time (not `as of today`)
        return c.pre is not None or (_prev_word(text, c.core_start) or "").lower() != "of"
    if kind == "in_n":
        if _NEXT_OF.match(text, c.end):
            return False
        if _DESCRIBED.match(text, c.end) and re.match(r"(?i)in\s+an?\s", core):
            return False  # `in a quarter that produced such a loss`: a period described
        before = text[max(0, c.start - 60) : c.start]
        m = _SUPERLATIVE.search(before)
        return not (m and m.group(0).split()[0].lower() not in _NOT_SUPERLATIVE)
    if kind == "within_n":
        if re.match(r"\s+of\b", text[c.end : c.end + 6]):
            return False
        # `cut 600 jobs in 2009 and rehired them within three years`: counted from that year
        # (not when a forward word comes between: `in 2019, and expects to double within`)
        m = _EARLIER_YEAR.search(text, max(0, c.start - 200), c.start)
        return not m or any(
            w in lx.tense_future or w in lx.tense_future_heads
            for w in re.findall(r"[a-z']+", m.group().lower())
        )
    return True


_INDEFINITE = re.compile(r"(?i)an?\s")  # `a week`, `an hour`
# Words before `a week`, `a month` that make it a rate (`once a week`, `two days a week`).
_RATE_COUNTS = frozenset({"once", "twice", "thrice", "times", "day", "days", "nights", "shifts"})
_DESCRIBED = re.compile(r"\s+(?:that|which|when|where|in\s+which)\b", re.I)
_FRACTION_AFTER = re.compile(
    r"\s+(?:are|were|have|had|do|did|say|said|live|work|of\s+(?:them|those|these|us|the))\b",
    re.I,
)
_EARLIER_YEAR = re.compile(r"(?<![\w.,$])(?:1[89]|20)\d\d(?![\w.,]\d|\w)[^.;!?]*$")
_YEAR_SPAN = re.compile(r"(?:1\d|20)\d\d\s*[-/–]\s*(?:\d{4}|\d{2})")


@cache
def _weekday_span_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    wd = alt([*lexicon().weekday_full, *lexicon().weekday_lower])
    link = r"\s*(?:[-–]|\s(?i:to|through|thru)\s)\s*"
    return re.compile(link + wd + r"\b"), re.compile(wd + link + r"$")


def _weekday_span(text: str, start: int, end: int) -> bool:
    after, before = _weekday_span_res()
    return bool(after.match(text, end) or before.search(text, max(0, start - 25), start))


def _in_url(text: str, pos: int) -> bool:
    """`(https://carwise.example/reports/june-2021)`: a web address, not prose."""
    start = pos
    while start > 0 and not text[start - 1].isspace() and pos - start < 300:
        start -= 1
    if start == pos:
        return False
    word = text[start:pos]
    return "://" in word or "www." in word or "@" in word


def _is_superlative(word: str) -> bool:
    w = word.lower()
    return (w.endswith("est") and len(w) > 4 and w not in _NOT_SUPERLATIVE) or w in (
        "best",
        "worst",
    )


def find_candidates(text: str, *, fiscal_known: bool = False) -> list[Candidate]:
    """Every date expression candidate of `text` that its context allows, sorted by start."""
    anchors, starts = scan(text)
    if not anchors:
        return []
    lx = lexicon()
    master = grammar().master
    out: list[Candidate] = []
    covered = 0
    n_anchors = len(anchors)
    for s in starts:
        if s < covered:
            continue
        i = bisect_left(anchors, s)
        if i == n_anchors or anchors[i] - s > GATE:
            continue
        m = master.match(text, s)
        if m is None:
            continue
        kind = m.lastgroup
        core_start = m.start(kind)
        c = Candidate(m.start(), m.end(), kind, core_start, m["pre"], m["part"])
        if not _accept(lx, text, c, fiscal_known):
            if kind in ("fiscal", "range", "hrange"):
                # `fiscal 2024` without a stated fiscal year, `between 1990 and 2000 people`:
                # no part of it is a date either
                covered = m.end()
            continue
        if (
            c.pre
            and c.pre.lower() in ("before", "after")
            and text[c.end : c.end + 2]
            in (
                "'s",
                "’s",
            )
        ):
            # `after Friday's meeting`: the date names the meeting, not the start of a period
            start = m.start("part") if m["part"] else core_start
            c = Candidate(start, c.end, kind, core_start, None, m["part"])
        out.append(c)
        covered = c.end
    return out
