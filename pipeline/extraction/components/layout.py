"""Paragraph structure: a paragraph break always ends a sentence, and lines that are never
claims (captions, credits, bylines, headings: `pipeline/patterns/layout_lines.txt`) are
marked in `doc.spans["nc_non_claim"]`.

Three structures that credit words to a speaker are marked in `doc.spans["nc_credits"]`,
for attribution: `speaker_label` (a transcript or interview label opening a line, `PENCE:
Well, ...`, `Cole: "We will ..."`) and `signature` (a pull quote signed after its closing
mark, `"We will rebuild." \u2015 Dana Cole`) stay in the sentence they credit, so that the
claim holds the words naming its speaker; `credit_line` (a short name line after a line
that is one quotation, `Dana Cole, mayor`) is a non-claim line of its own.

Runs first, before the parser, which keeps the sentence starts it sets.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsclaims.extraction.components.base import Component
from newsclaims.extraction.doctext import doc_text
from newsclaims.extraction.extensions import CREDITS, NON_CLAIM
from newsclaims.ingest.layout import dateline_prefix, layout_kind

_PARAGRAPH = re.compile(r"[^\n]+")
_NAME = r"[A-Z][\w'\u2019.\-]*(?:\s+(?:[A-Z][\w'\u2019.\-]*|de|van|von|bin|al))*"
# `PENCE: Well, ...`, `Dana Cole: "We will ..."` (a label of one to four capitalised words).
# A quoted transcript opens each turn with a quotation mark: `"WALLACE: Let's start ...`.
_LABEL = re.compile(
    r"[\"\u201c]?([A-Z][\w'\u2019.\-]*(?:\s+[A-Z][\w'\u2019.\-]*){0,3})\s*:\s+(?=\S)"
)
_DASH = r"(?:[\u2015\u2014\u2013]|--)"
# `"... shame." \u2015 Sonya Herridge`: a signature after the quotation it signs, at the
# end of the line or before the next signed quotation (lines joined into one paragraph).
_SIGNATURE = re.compile(
    rf"(?<=[\"\u201d])[\s\u00a0]*({_DASH}[\s\u00a0]*{_NAME}(?:,[^\n\"\u201c\u201d]{{1,60}})?)"
    rf"[\s\u00a0]*(?=$|[\"\u201c])"
)
# A name line after a quotation: `\u2015 Sonya Herridge`, `Dana Cole, mayor`.
_CREDIT = re.compile(rf"(?:{_DASH}[\s\u00a0]*)?{_NAME}(?:,[^\n]{{1,60}})?")
_CREDIT_MAX_WORDS = 10
_END_PUNCT = tuple(".!?:;\"'\u201d\u2019)")
# A heading: a short line that does not end as a sentence does.
_HEADING_MAX_WORDS = 12


def is_non_claim_line(line: str) -> bool:
    """A caption, credit, byline, dateline, heading or a line of punctuation: never a claim."""
    line = line.strip()
    if not any(ch.isalnum() for ch in line):
        return True  # a rule (`___`), a lone mark or an ellipsis
    if layout_kind(line) is not None:
        return True
    if _SIGNATURE.search(line):
        return False  # `"We will rebuild." \u2015 Dana Cole`: a signed quotation
    return len(line.split()) <= _HEADING_MAX_WORDS and not line.endswith(_END_PUNCT)


@Language.factory("newsclaims_layout", default_config={})
def make_layout(nlp: Language, name: str) -> Layout:
    return Layout()


class Layout(Component):
    """Sets a sentence start after every line break and marks non-claim lines."""

    name = "newsclaims_layout"

    def annotate(self, doc: Doc) -> None:
        text = doc_text(doc)
        spans = []
        credits = []
        after_quote = False  # the previous line is one quotation
        for m in _PARAGRAPH.finditer(text):
            start = m.start()
            stripped = m.group().strip()
            if not stripped:
                continue
            lead = len(m.group()) - len(m.group().lstrip())
            span = doc.char_span(
                start + lead, start + lead + len(stripped), alignment_mode="expand"
            )
            if span is None or not len(span):
                continue
            span[0].is_sent_start = True
            quoted_line = after_quote
            after_quote = _is_quotation_line(stripped)
            if is_non_claim_line(stripped):
                spans.append(Span(doc, span.start, span.end, label="non_claim"))
                if quoted_line and _is_credit(stripped):
                    credits.append(Span(doc, span.start, span.end, label="credit_line"))
                continue
            credits.extend(_structures(doc, start + lead, stripped))
            # `DETROIT (AP) — Kestrel Motors is recalling ...`: the dateline is no part of
            # the sentence it opens (it is not its subject, nor a claim).
            cut = dateline_prefix(stripped)
            if cut:
                head = doc.char_span(start + lead, start + lead + cut, alignment_mode="expand")
                if head is not None and head.end < span.end:
                    spans.append(Span(doc, head.start, head.end, label="dateline"))
                    nxt = head.end
                    while nxt < span.end and doc[nxt].is_space:
                        nxt += 1
                    if nxt < span.end:
                        doc[nxt].is_sent_start = True
        doc.spans[NON_CLAIM] = spans
        doc.spans[CREDITS] = credits
        if doc.has_annotation("SENT_START"):
            _move_quotation_marks(doc)


_OPENING = frozenset({'"', "\u201c", "'", "\u2018", "("})
_CLOSING = frozenset({'"', "\u201d", "'", "\u2019", "''", "\u00bb", ")"})
_FINAL = frozenset({".", "!", "?", "...", "\u2026"})


def _is_quotation_line(line: str) -> bool:
    return line[:1] in _OPENING - {"("} and line.rstrip().endswith(tuple(_CLOSING - {")"}))


def _is_credit(line: str) -> bool:
    return len(line.split()) <= _CREDIT_MAX_WORDS and _CREDIT.fullmatch(line) is not None


def _structures(doc: Doc, offset: int, line: str) -> list[Span]:
    """The speaker label opening a line and the signatures closing its quotations, each
    kept in the sentence it credits (a parser splits after `PENCE:` and before `\u2015`)."""
    out = []
    label = _LABEL.match(line)
    if label and not any(ch.isdigit() for ch in label.group(1)):
        head = doc.char_span(offset + label.start(1), offset + label.end(), alignment_mode="expand")
        if head is not None and head.end < len(doc):
            out.append(Span(doc, head.start, head.end, label="speaker_label"))
            first = head.start + (label.start(1) == 0)
            for token in doc[first : head.end + 1]:
                token.is_sent_start = False
    for signature in _SIGNATURE.finditer(line):
        if len(signature.group(1).split()) > _CREDIT_MAX_WORDS:
            continue
        tail = doc.char_span(
            offset + signature.start(1), offset + signature.end(1), alignment_mode="expand"
        )
        if tail is None or not len(tail):
            continue
        out.append(Span(doc, tail.start, tail.end, label="signature"))
        for token in tail:
            token.is_sent_start = False
        nxt = tail.end
        while nxt < len(doc) and doc[nxt].is_space:
            nxt += 1
        if nxt < len(doc) and doc[nxt].text in _OPENING:
            doc[nxt].is_sent_start = True  # the next signed quotation
            if nxt + 1 < len(doc):
                doc[nxt + 1].is_sent_start = False
    return out


def _move_quotation_marks(doc: Doc) -> None:
    """Quotation marks belong to the sentence they open or close. A rule-based sentencizer
    leaves an opening mark at the end of the previous sentence (`... strong. "We are ...`),
    and both it and the parser can split a closing mark off as a sentence of its own
    (`... pause."` / `"`): the opening mark moves to the sentence it opens, the closing mark
    stays with the sentence it closes and the next sentence starts after it. Runs before
    the parser, which keeps these starts. Only the marks are visited (found in one pass over
    the Doc's ORTH array), and the moves are written in one `from_array` (each
    `Token.is_sent_start` write walks the whole Doc)."""
    marks = [doc.vocab.strings.add(mark) for mark in _OPENING | _CLOSING]
    found = numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), marks))
    if not len(found):
        return
    values = doc.to_array([SENT_START])  # uint64; -1 (not a start) through a view
    signed = values.view("int64")
    moved: dict[int, bool] = {}

    def starts(i: int) -> bool | None:
        if i in moved:
            return moved[i]
        return None if signed[i] == 0 else bool(signed[i] > 0)

    last = len(doc) - 1
    for i in found.tolist():
        tok = doc[i]
        if i < last and tok.text in _OPENING and starts(i + 1) and not starts(i):
            if i == 0 or doc[i - 1].whitespace_ or doc[i - 1].is_space:
                if not tok.whitespace_:
                    moved[i], moved[i + 1] = True, False
                    continue
        if tok.text in _CLOSING and _closes(doc, i):
            if starts(i) is not False:
                moved[i] = False
            # `... pause." Hillary Clinton ...`: the next sentence starts after the mark;
            # `"Who knows?" he asked.` is one sentence. (A line break already starts one.)
            if i < last and doc[i - 1].text in _FINAL and not doc[i + 1].is_space:
                if _opens_sentence(doc[i + 1]):
                    moved.setdefault(i + 1, True)
                elif doc[i + 1].text[:1].islower():
                    moved[i + 1] = False
    if moved:
        for i, start in moved.items():
            signed[i] = 1 if start else -1
        doc.from_array([SENT_START], values)


def _closes(doc: Doc, i: int) -> bool:
    """A closing mark: glued to the word or punctuation before it, on the same line, and
    followed by white space, punctuation or the end of the text."""
    if i == 0 or doc[i - 1].whitespace_ or doc[i - 1].is_space:
        return False
    if i + 1 == len(doc) or doc[i].whitespace_:
        return True
    nxt = doc[i + 1]
    return nxt.is_space or (nxt.is_punct and nxt.text not in _OPENING)


def _opens_sentence(token) -> bool:
    return token.text[:1].isupper() or token.text[:1].isdigit() or token.text in _OPENING
