"""Numbers that are not figures: years, days of the month, times of day, phone numbers,
addresses, list markers, model names and codes, labels (`Section 230`), scores.

Each predicate looks at a number's neighbourhood in the text; the detector calls them only
for numbers that carry nothing that makes them a quantity (no currency, scale or unit).
"""

from __future__ import annotations

import re

from newsclaims.extraction.figures.lexicon import SP, Lexicon

_TIME_AFTER = re.compile(
    rf"(?::\d)|(?:{SP}?(?:a\.m\.|p\.m\.|[ap]m\b|[AP]M\b|o['’]clock\b|hrs\b|GMT\b|UTC\b))"
)
_PHONE = re.compile(
    r"\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,4}){1,4}"
    r"|\(\d{2,4}\)\s?\d{3,4}[\s.-]\d{3,4}"
    r"|\b(?:1[.-])?\d{3}[.-]\d{3}[.-]\d{4}\b"
    r"|\b0\d{2,4}\s\d{3,4}\s\d{3,4}\b"
)
_NUMERIC_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
_MARKER_AFTER = re.compile(r"[.)][ \t]")
_ORDINAL_MONTH = re.compile(rf"(?:st|nd|rd|th)?{SP}+(?:of{SP}+)?(?P<m>[A-Z][a-z]+)\.?\b")
_CAP_WORDS_THEN = re.compile(r"(?:\s+[A-Z][\w'’.-]*){1,3}\s+(?P<t>[A-Za-z]+\.?)(?![\w])")
_YEAR_PREPS = frozenset(
    {
        "in",
        "since",
        "from",
        "until",
        "till",
        "by",
        "of",
        "before",
        "after",
        "circa",
        "during",
        "year",
        "fiscal",
        "fy",
        "to",
        "through",
    }
)
_GLUED_NEXT = re.compile(r"[/.,]\d")
_ZONE = re.compile(rf"{SP}(?P<z>[A-Z]{{2,4}})\b")
_WORDS = re.compile(r"[A-Za-z]+")
_PHONE_HINT = re.compile(r"\d[ .-]\d|\)\s?\d|\+\d|\d[/.-]\d")
_SENT_START = re.compile(r"(?:[.!?:;][\"'”’)\]]*\s+|\n\s*|[\"“‘(\[]\s*)$")


_URL = re.compile(r"(?i:https?://|www\.)[^\s<>\"']+")
_MAIL_LOCAL = re.compile(r"[\w.+-]+$")
_MAIL_DOMAIN = re.compile(r"[\w-]+\.[\w.-]+")


def url_spans(text: str) -> list[tuple[int, int]]:
    """Web addresses and e-mail addresses: their digits are not figures
    (`...?RQT=305&SQ=issn%280024`, `q=30%25`, `info@site2023.com`). Each kind is looked
    for only where its mark (`://`, `www.`, `@`) is in the text."""
    spans = []
    if "://" in text or "www." in text:
        spans = [m.span() for m in _URL.finditer(text)]
    at = text.find("@")
    while at > 0:
        local = _MAIL_LOCAL.search(text, max(0, at - 64), at)
        domain = _MAIL_DOMAIN.match(text, at + 1)
        if local is not None and domain is not None:
            spans.append((local.start(), domain.end()))
        at = text.find("@", at + 1)
    return spans


def is_year(value: int, prev: str | None) -> bool:
    """A bare four-digit number read as a year: 1900-2100 always, 1000-1899 after `in`."""
    if 1900 <= value <= 2100:
        return True
    return 1000 <= value < 1900 and prev is not None and prev.lower() in _YEAR_PREPS


def is_day_of_month(
    text: str, start: int, end: int, value: int, prev: str | None, lex: Lexicon
) -> bool:
    """`March 3`, `Sept. 30`, `3 March`, `3rd of May`."""
    if not 1 <= value <= 31:
        return False
    if prev is not None and prev.rstrip(".") in lex.months:
        return True
    m = _ORDINAL_MONTH.match(text, end)
    return m is not None and m.group("m") in lex.months


def is_time(text: str, end: int, lex: Lexicon) -> bool:
    """`9am`, `9 a.m.`, `14:30`, `1400 GMT`, `9 ET`."""
    if _TIME_AFTER.match(text, end):
        return True
    m = _ZONE.match(text, end)
    return m is not None and m.group("z") in lex.time_zones


def in_phone_or_numeric_date(text: str, start: int, end: int) -> bool:
    """Inside `+44 20 7946 0958`, `(212) 555-1234`, `2024-03-15`, `15/03/2024`."""
    lo, hi = max(0, start - 20), min(len(text), end + 20)
    if not _PHONE_HINT.search(text, max(0, start - 2), min(len(text), end + 2)):
        return False
    for pattern in (_PHONE, _NUMERIC_DATE):
        for m in pattern.finditer(text, lo, hi):
            if m.start() <= start and end <= m.end():
                return True
    return False


def is_marker(text: str, start: int, end: int) -> bool:
    """A list or footnote marker: `1.` / `2)` opening a line, `(3)`, `[4]`."""
    if start > 0 and end < len(text) and text[start - 1] in "([" and text[end] in ")]":
        return True
    return bool(_LINE_START.search(text, max(0, start - 10), start)) and bool(
        _MARKER_AFTER.match(text, end)
    )


def glued_to_next_number(text: str, end: int) -> bool:
    """`24/7`, `2.0.1`, `1,5`: the digits go on past what a number can be."""
    return bool(_GLUED_NEXT.match(text, end))


def is_label_or_code(prev: str | None, lex: Lexicon, *, stop: frozenset[str]) -> bool:
    """`Model 3`, `Section 230`, `No. 1`, `Top 10`, `Boeing 737`, `iPhone 15`, `FTSE 100`."""
    if prev is None:
        return False
    low = prev.lower()
    if low in lex.labels or low.rstrip(".") in lex.labels:
        return True
    if low.endswith(("'s", "’s")):
        return False  # "She's 60", "Apple's 12 stores": a contraction or possessive, no label
    if low in stop or prev.rstrip(".") in lex.months:
        return False
    return any(c.isupper() for c in prev)


def is_model_suffix(word: str | None, lex: Lexicon) -> bool:
    """`737 MAX`, `787 Dreamliner`, `15 Pro`: a capitalised variant name after the number."""
    return word is not None and word[:1].isupper() and word.lower() in lex.model_after


def is_address(text: str, end: int, lex: Lexicon) -> bool:
    """`10 Downing Street`, `1600 Pennsylvania Avenue`."""
    m = _CAP_WORDS_THEN.match(text, end)
    if m is None:
        return False
    return m.group("t").lower() in lex.street_types or any(
        w.lower().rstrip(".") in lex.street_types
        for w in text[end : m.end()].split()[-2:]
        if w[:1].isupper()
    )


def near_score_word(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """A score word within three words before or after (`won 3-1`, `a 2-3 defeat`)."""
    before = _WORDS.findall(text, max(0, start - 40), start)[-3:]
    after = _WORDS.findall(text, end, end + 40)[:3]
    return any(w.lower() in lex.score_words for w in (*before, *after))


def at_sentence_start(text: str, start: int) -> bool:
    """Whether `start` opens a sentence, a line or a quotation."""
    return start == 0 or bool(_SENT_START.search(text, max(0, start - 6), start))


_CAP_BEFORE = re.compile(r"[A-Z][a-z]+ $")
_CAP_AFTER = re.compile(r" [A-Z][a-z]")


def inside_name(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """A name particle that is also a number word, between two capitalised words
    (`Erik ten Hag`)."""
    return (
        text[start:end] in lex.name_particles
        and _CAP_BEFORE.search(text, max(0, start - 30), start) is not None
        and _CAP_AFTER.match(text, end) is not None
    )
