"""Quotations: straight, curly and single quotation marks paired into spans.

Writes `doc.spans["nc_quotes"]`, label `speech` (a quoted utterance) or `phrase` (a short
quoted word such as the concept of "beta"). A paragraph that opens a quotation without
closing it continues into the next paragraph when that one opens with a quotation mark (the
news convention); the spans of one such quotation are listed together in
`doc.spans["nc_quotes"].attrs["chains"]` as lists of span indices. Unbalanced marks never
raise: an unclosed quotation ends at the end of its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsclaims.extraction.attribution.cues import cue_forms
from newsclaims.extraction.components.base import Component
from newsclaims.extraction.doctext import doc_text
from newsclaims.extraction.extensions import QUOTES
from newsclaims.extraction.intervals import Intervals

DOUBLE_OPEN = "\u201c\u201e\u00ab"
DOUBLE_CLOSE = "\u201d\u00bb"
SINGLE_OPEN = "\u2018"
SINGLE_AMBIGUOUS = "'\u2019"
_MARKS = re.compile("[\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019]")
_OPEN_BEFORE = " \t\n([{\u2014\u2013-/:"  # characters after which a mark opens
# A quotation of at least this many words is speech even without final punctuation.
_SPEECH_WORDS = 4


@dataclass(frozen=True)
class Quote:
    """Character offsets of a quotation, marks included; `closed` is False when unbalanced."""

    start: int
    end: int
    closed: bool


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _OPEN_BEFORE or before in DOUBLE_OPEN) and not after.isspace()


def _closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def _is_apostrophe(text: str, i: int) -> bool:
    """An apostrophe, not a quotation mark: `don't`, `Huawei's`, `'90s`, `players'`."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    return bool(re.match(r"\d\ds\b", text[i + 1 : i + 4]))


def find_quotes(paragraph: str, offset: int = 0) -> list[Quote]:
    """Pair the quotation marks of one paragraph (double marks first, then single ones)."""
    quotes: list[Quote] = []
    open_at: int | None = None
    for m in _MARKS.finditer(paragraph):
        i, ch = m.start(), m.group()
        if ch in "'\u2018\u2019":
            continue
        if open_at is None:
            if (ch in DOUBLE_CLOSE or _closes(paragraph, i)) and not _opens(paragraph, i):
                continue  # a stray closing mark
            open_at = i
        elif ch in DOUBLE_OPEN and not _closes(paragraph, i):
            # A new opening mark while one is open: the first was never closed.
            quotes.append(Quote(offset + open_at, offset + i, False))
            open_at = i
        else:
            quotes.append(Quote(offset + open_at, offset + i + 1, True))
            open_at = None
    if open_at is not None:
        end = _attribution_inside(paragraph, open_at) or len(paragraph.rstrip())
        quotes.append(Quote(offset + open_at, offset + end, False))
    inside = [(q.start - offset, q.end - offset) for q in quotes]
    quotes.extend(_single_quotes(paragraph, offset, inside))
    return sorted(quotes, key=lambda q: q.start)


# `, said Mary Barra` / `, Mary Barra said` / `, she added`: a comma, up to four capitalised
# words, `he`/`she`, then a word that must be a cue form (checked against the lexicon, which
# is too large for one alternation).
_AFTER_COMMA = re.compile(r",\s+(?:[A-Z][\w'\u2019.-]*\s+){0,4}(?:(?:he|she)\s+)?([a-z]+)\b")


def _attribution_inside(paragraph: str, open_at: int) -> int | None:
    """An unclosed quotation that runs into its own attribution (`"We will grow, said
    Mary Barra.`): it ends at the comma before the cue."""
    forms = cue_forms()
    for m in _AFTER_COMMA.finditer(paragraph, open_at + 1):
        if m.group(1) in forms:
            return m.start() + 1
    return None


def _single_quotes(paragraph: str, offset: int, inside: list[tuple[int, int]]) -> list[Quote]:
    """Single-mark quotations (UK style), outside double quotations only."""
    out: list[Quote] = []
    open_at: int | None = None
    quoted = Intervals(inside)
    for m in _MARKS.finditer(paragraph):
        i, ch = m.start(), m.group()
        if ch not in SINGLE_OPEN + SINGLE_AMBIGUOUS or quoted.contains(i):
            continue
        if open_at is None:
            if (ch == SINGLE_OPEN or _opens(paragraph, i)) and not _is_apostrophe(paragraph, i):
                open_at = i
        elif _closes(paragraph, i) and not (
            paragraph[i - 1 : i].isalpha() and paragraph[i + 1 : i + 2].isalpha()
        ):
            out.append(Quote(offset + open_at, offset + i + 1, True))
            open_at = None
    # An unclosed single mark is most likely an apostrophe: it makes no quotation.
    return out


def _is_speech(text: str, quote: Quote) -> bool:
    inner = text[quote.start + 1 : quote.end - (1 if quote.closed else 0)].strip()
    if not quote.closed:
        return True
    return len(inner.split()) >= _SPEECH_WORDS or inner[-1:] in ",.!?"


@Language.factory("newsclaims_quotes", default_config={})
def make_quotes(nlp: Language, name: str) -> Quotes:
    return Quotes()


class Quotes(Component):
    """Finds quotations and chains those that run over paragraphs."""

    name = "newsclaims_quotes"

    def annotate(self, doc: Doc) -> None:
        text = doc_text(doc)
        spans: list[Span] = []
        chains: list[list[int]] = []
        pending: int | None = None  # span index of an unclosed speech quote ending a paragraph
        for m in re.finditer(r"[^\n]+", text):
            para_quotes = find_quotes(m.group(), m.start())
            first_in_para = True
            for q in para_quotes:
                span = doc.char_span(q.start, q.end, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                label = "speech" if _is_speech(text, q) else "phrase"
                index = len(spans)
                spans.append(Span(doc, span.start, span.end, label=label))
                opens_para = first_in_para and not text[m.start() : q.start].strip()
                if pending is not None and opens_para and label == "speech":
                    chains[-1].append(index)
                elif label == "speech":
                    chains.append([index])
                first_in_para = False
                pending = index if (not q.closed and label == "speech") else None
            if not para_quotes:
                pending = None
        doc.spans[QUOTES] = spans
        doc.spans[QUOTES].attrs["chains"] = [c for c in chains if len(c) > 1]
