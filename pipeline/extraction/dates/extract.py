"""`find_dates`: every date mention of a doc, resolved against its publication date."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from spacy.tokens import Doc

from newsclaims.extraction.dates.calendar import add_years
from newsclaims.extraction.dates.detect import Candidate, find_candidates
from newsclaims.extraction.dates.fiscal import fiscal_statement
from newsclaims.extraction.dates.lexicon import lexicon
from newsclaims.extraction.dates.parse import needs_tense, period_end_day
from newsclaims.extraction.dates.resolve import Resolution, as_date, resolve
from newsclaims.extraction.dates.tense import clause_tense, is_parsed
from newsclaims.extraction.doctext import doc_text
from newsclaims.models.records import DateMention

_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d{2})")
_TEXT_DMY = re.compile(
    r"(?<![\w.,])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+"
)
_TEXT_MDY = re.compile(r"\b[A-Z][a-z]+\.?\s+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w])")


def find_dates(doc: Doc, *, published: date | None) -> list[DateMention]:
    """Every temporal expression of `doc` that names a calendar time, sorted by start (a window
    that ends on a day, `the quarter ended June 30`, is followed by that day).

    Offsets are character offsets into `doc.text`. Each expression is resolved with the tense
    of its clause (from the parse when `doc` has one, else from the words around it) and with
    the fiscal year the article states, if any. Without `published`, relative expressions are
    kept with both ends None.
    """
    text = doc_text(doc)
    published = as_date(published)
    fy_end, fy_span = fiscal_statement(text)
    candidates = find_candidates(text, fiscal_known=fy_end is not None)
    if not candidates:
        return []
    n = len(doc)
    tagged = n > 0 and any(doc[i].tag != 0 for i in {0, n // 2, n - 1})
    parsed = is_parsed(doc)
    dayfirst: bool | None = None
    order_known = False
    out: list[DateMention] = []
    owned = -1  # the index of a period read with the year that owns it
    for k, c in enumerate(candidates):
        if k == owned:
            continue
        if tagged and c.kind == "month" and _vetoed_by_tags(doc, c):
            continue
        if (
            fy_span
            and fy_span[0] <= c.start < fy_span[1]
            and c.kind in ("date", "month")
            and not re.search(r"\d{4}", text[c.start : c.end])
        ):
            continue  # `whose fiscal year ends on June 30`: the company's calendar, not a time
        expr = text[c.start : c.end]
        key = expr
        if k + 1 < len(candidates) and _owns_period(text, c, candidates[k + 1]):
            # `this year's third quarter`, `next year's first half`: one period of that year
            nxt = candidates[k + 1]
            owned, c = k + 1, Candidate(c.start, nxt.end, nxt.kind, c.start, c.pre, None)
            key = f"{text[c.start : candidates[k].core_start]}{text[nxt.start : nxt.end]} of "
            key += text[candidates[k].core_start : candidates[k].end]
            expr = text[c.start : c.end]
        if c.kind == "date" and not order_known and _NUMERIC.search(expr):
            dayfirst, order_known = document_date_order(text), True
        tense = None
        if needs_tense(key):
            tense = clause_tense(doc, c.start, c.end, parsed=parsed, text=text)
            if tense in ("past", "present") and _forward_lead(text, c):
                tense = "future"  # `payable Dec. 7`, `extended its offer to Nov. 20`
            elif (
                tense in ("present", "schedule")
                and c.kind in _SCHEDULED_KINDS
                and not _price_of(text, c)
            ):
                if _PRICE_AFTER.match(text, c.end):
                    # `before Friday's purchases`, `follows Tuesday's declaration`: the day
                    # names a noun's event, which the present verb does not place: nearest P
                    tense = None
                else:
                    tense = "schedule"  # `Somerset play Gloucestershire on Sunday`: a fixture
            elif tense in ("present", "schedule") and c.kind == "month" and _attributive(text, c):
                # `is continuing to try to sell itself under a June agreement`: the month
                # places the agreement, which the present verb does not: nearest P
                tense = None
            elif (
                tense in ("future", "schedule", "present")
                and c.kind in ("quarter", "half")
                and _of_results(doc, text, c, parsed)
            ):
                # `will report first-half results on Thursday` in late July, `expects to
                # report net income for the third quarter`: the results of the period
                # nearest P, which may have ended (guide section 8)
                tense = None
        if c.kind == "month" and k + 1 < len(candidates):
            key += _shared_year(text, c, candidates[k + 1])
        res = resolve(key, published, tense, fy_end, dayfirst)
        if res is None:
            continue
        start = c.start
        if res.granularity in _YEAR_BACK_PERIODS and (back := _year_back(text, c.start)):
            res, start = _a_year_back(res), back.start()  # the span takes `year-earlier`
            expr = text[start : c.end]
        out.append(
            DateMention(
                text=expr,
                start=start,
                end=c.end,
                earliest=res.earliest,
                latest=res.latest,
                granularity=res.granularity,
            )
        )
        if c.kind == "period_to" and (at := period_end_day(text[c.core_start : c.end])):
            # `the three months that ended on March 31`: the day is a date too
            out.append(
                DateMention(
                    text=text[c.core_start + at : c.end],
                    start=c.core_start + at,
                    end=c.end,
                    earliest=res.latest,
                    latest=res.latest,
                    granularity="day",
                )
            )
    return _year_ago_periods(out)


_YEAR_BACK_PERIODS = frozenset({"quarter", "half", "month", "season"})


@cache
def _year_back_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in lexicon().year_back_modifiers)
    return re.compile(rf"(?i)(?<![\w-])(?:{words})\s+$")


def _year_back(text: str, start: int) -> re.Match[str] | None:
    """`in the year-earlier third quarter`, `the year-ago first half`: the modifier before a
    period that moves it one year back."""
    return _year_back_pattern().search(text, max(0, start - 30), start)


def _a_year_back(res: Resolution) -> Resolution:
    if res.earliest is None or res.latest is None:
        return res
    return Resolution(add_years(res.earliest, -1), add_years(res.latest, -1), res.granularity)


_YEAR_AGO = re.compile(r"(?i)(?<!\S)(?:a|one)\s+year\s+ago$")
_RESULTS_PERIODS = frozenset({"quarter", "half"})


def _year_ago_periods(dates: list[DateMention]) -> list[DateMention]:
    """`net rose to $5 million from $4 million a year ago` in an article about the third
    quarter: `a year ago` is the comparison period, that quarter one year back (TimeML's and
    HeidelTime's reading), not the whole previous year. The period is the latest quarter or
    half named before it in the article (or in its own sentence, before it), other than a
    year-back one (`the year-ago quarter`)."""
    period: DateMention | None = None
    out = []
    for d in dates:
        if (
            d.granularity in _RESULTS_PERIODS
            and d.earliest
            and d.latest
            and d.text.split(maxsplit=1)[0].lower() not in lexicon().year_back_modifiers
        ):
            period = d
        elif period is not None and d.granularity == "year" and _YEAR_AGO.search(d.text):
            d = d.model_copy(
                update={
                    "earliest": add_years(period.earliest, -1),
                    "latest": add_years(period.latest, -1),
                    "granularity": period.granularity,
                }
            )
        out.append(d)
    return out


# A day-level time in the present simple is a schedule (HeidelTime: present tense reads as
# the next occurrence); a month stays with the guide's `present reads as past`.
_SCHEDULED_KINDS = frozenset({"weekday", "holiday", "date"})
_NEXT = re.compile(r"[ \t]+([\w'’-]+)")


def _next_word(text: str, pos: int) -> str | None:
    m = _NEXT.match(text, pos)
    return m.group(1) if m else None


@cache
def _forward_leads() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lx = lexicon()
    leads = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in lx.forward_leads)
    verbs = "|".join(re.escape(w) for w in lx.forward_moves)
    return (
        re.compile(rf"(?i)(?<!\w)(?:{leads})\s+(?:(?:on|as\s+of)\s+)?$"),
        re.compile(
            rf"(?i)(?<!\w)(?:{verbs})(?!\w)[^.;:!?]{{0,50}}?\s(?:to|until|till|through|thru)\s+$"
        ),
    )


def _forward_lead(text: str, c: Candidate) -> bool:
    """Words right before a date that make it a coming one whatever the tense of the clause:
    `a dividend payable Dec. 7 to stock of record Nov. 22`, `extended its offer to Nov. 20`,
    `postponed the vote until March`, `extended the loans through January` (a new date set
    forward); `a labor pact effective June 1`."""
    lead, moved = _forward_leads()
    before = text[max(0, c.core_start - 80) : c.core_start]
    return bool(lead.search(before) or moved.search(before))


_WORD_BEFORE = re.compile(r"([\w'’]+)[ \t]+$")
_NOUN_AFTER = re.compile(r"[ \t]+[a-z]+(?![\w'’-])")


def _attributive(text: str, c: Candidate) -> bool:
    """`a June agreement`, `the March meeting`: a bare month between a determiner and a
    lower-case word modifies that noun."""
    if c.pre or c.part or not _NOUN_AFTER.match(text, c.end):
        return False
    m = _WORD_BEFORE.search(text, max(0, c.start - 20), c.start)
    return m is not None and m.group(1).lower() in lexicon().determiners


@cache
def _results_before() -> re.Pattern[str]:
    """`a net loss for`, `expects to report net income of 15 cents a share for`: a results noun
    or verb, then no clause break, then `for`/`in`/`during` right before the period."""
    lx = lexicon()
    nouns = "|".join(re.escape(w) for w in lx.results_nouns)
    verbs = "|".join(re.escape(w) for w in lx.results_verbs)
    gap = r"(?:(?!(?:that|which|who|will|would|to)(?!\w))[^.;:!?])"
    return re.compile(
        rf"(?i)(?<![\w-])(?:{nouns}|(?:{verbs})(?:s|ed|ing)?)(?![\w-])"
        rf"(?:\s+{gap}{{0,60}}?)?\s(?:for|in|during)\s+$"
    )


def _of_results(doc: Doc, text: str, c: Candidate, parsed: bool) -> bool:
    """Whether a period names the time of reported results: `third-quarter (net) loss`, or,
    from the parse, `net income ... for the third quarter`, `report ... for the quarter`."""
    lx = lexicon()
    nxt = (_next_word(text, c.end) or "").lower()
    if nxt in lx.results_modifiers:  # `third-quarter net income`
        m = _NEXT.match(text, c.end)
        nxt = (_next_word(text, m.end()) or "").lower()
    if nxt in lx.results_nouns:
        return True
    if not parsed:  # without a parse, the words before: `a net loss for the third quarter`
        return _results_before().search(text, max(0, c.core_start - 90), c.core_start) is not None
    span = doc.char_span(c.core_start, c.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ not in ("for", "in", "during"):
        return False
    head = root.head.head
    return head.lower_ in lx.results_nouns or head.lemma_.lower() in lx.results_verbs


_PRICE_BEFORE = re.compile(r"([A-Za-z]+)(?:\s+(?:of|at)\s+[^\s,;]+)?\s+$")  # `price of HK$46.15`
_PRICE_AFTER = re.compile(r"['’]s\s+([A-Za-z]+)")  # also any possessive before a noun


def _price_of(text: str, c: Candidate) -> bool:
    """`a premium to Friday's closing price`, `the closing price of HK$46.15 on Monday`: a
    price set on that day, already past, whatever the tense of the clause."""
    nouns = lexicon().tense_past_nouns
    after = _PRICE_AFTER.match(text, c.end)
    before = _PRICE_BEFORE.search(text, max(0, c.start - 40), c.start)
    return bool(
        (after and after.group(1).lower() in nouns) or (before and before.group(1).lower() in nouns)
    )


_YEAR_OWNER = re.compile(r"(?i)(?:(?:this|last|next|the\s+current)\s+year|(?:1\d|20)\d\d)")
_POSSESSIVE = re.compile(r"['’]s\s+")
_OWNED_KINDS = frozenset({"quarter", "half", "month"})


def _owns_period(text: str, c: Candidate, nxt: Candidate) -> bool:
    """`this year's third quarter`, `last year's fourth quarter`, `1988's first half`: a year
    in the possessive before a period with no year of its own names that period's year."""
    return (
        nxt.kind in _OWNED_KINDS
        and nxt.pre is None
        and nxt.part is None
        and _POSSESSIVE.fullmatch(text, c.end, nxt.start) is not None
        and _YEAR_OWNER.fullmatch(text, c.core_start, c.end) is not None
    )


_YEAR_TAIL = re.compile(r"(?i)(?:,?\s+(?:of\s+)?)(?:(?:last|next|this)\s+year|\d{4})$")
_COORDINATED = re.compile(r"(?i)\s*(?:,|,?\s*(?:and|or|to|through|until|till))\s*")


def _shared_year(text: str, c: Candidate, nxt: Candidate) -> str:
    """`in April and May last year`: a month coordinated with a month that names its year
    shares that year; returns the year words to resolve the first month with, or ''."""
    if nxt.kind != "month_year" or not _COORDINATED.fullmatch(text, c.end, nxt.start):
        return ""
    m = _YEAR_TAIL.search(text, nxt.core_start, nxt.end)
    return m.group() if m else ""


def _vetoed_by_tags(doc: Doc, c: Candidate) -> bool:
    """`prices may rise`, `they march on`, `June Carter`: a month name the tagger disagrees with."""
    span = doc.char_span(c.core_start, c.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[0]
    if tok.tag_.startswith("VB"):
        return True
    if tok.tag_ == "MD" and tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ in ("VB", "RB"):
        return True  # `May rise`; the tagger also says MD for `May sales rose`
    return tok.ent_type_ == "PERSON" and c.pre is None


def document_date_order(text: str) -> bool | None:
    """Whether the article writes the day first (`31/10/2021`, `31 October`): True, False, or
    None when nothing tells. Unambiguous numeric dates outvote written-out ones."""
    months = lexicon().months
    votes = 0
    for m in _NUMERIC.finditer(text):
        a, b = int(m.group(1)), int(m.group(3))
        if a > 12 >= b:
            votes += 3
        elif b > 12 >= a:
            votes -= 3
    for m in _TEXT_DMY.finditer(text):
        if m.group().split()[-1] in months:
            votes += 1
    for m in _TEXT_MDY.finditer(text):
        if m.group().split()[0].rstrip(".") in months:
            votes -= 1
    return None if votes == 0 else votes > 0
