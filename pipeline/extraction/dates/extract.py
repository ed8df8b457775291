"""`find_dates`: every date mention of a doc, resolved against its publication date."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from newsclaims.extraction.dates.detect import Candidate, find_candidates
from newsclaims.extraction.dates.fiscal import fiscal_statement
from newsclaims.extraction.dates.lexicon import lexicon
from newsclaims.extraction.dates.parse import needs_tense, period_end_day
from newsclaims.extraction.dates.resolve import as_date, resolve
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
    for c in candidates:
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
        if c.kind == "date" and not order_known and _NUMERIC.search(expr):
            dayfirst, order_known = document_date_order(text), True
        tense = None
        if needs_tense(expr):
            tense = clause_tense(doc, c.start, c.end, parsed=parsed, text=text)
        res = resolve(expr, published, tense, fy_end, dayfirst)
        if res is None:
            continue
        out.append(
            DateMention(
                text=expr,
                start=c.start,
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
    return out


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
