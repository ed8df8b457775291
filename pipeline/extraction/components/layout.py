"""Paragraph structure: a paragraph break always ends a sentence, and lines that are never
claims (captions, credits, bylines, headings: `pipeline/patterns/layout_lines.txt`) are
marked in `doc.spans["nc_non_claim"]`.

Runs first, before the parser, which keeps the sentence starts it sets.
"""

from __future__ import annotations

import re

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsclaims.extraction.components.base import Component
from newsclaims.extraction.doctext import doc_text
from newsclaims.extraction.extensions import NON_CLAIM
from newsclaims.ingest.layout import dateline_prefix, layout_kind

_PARAGRAPH = re.compile(r"[^\n]+")
_END_PUNCT = tuple(".!?:;\"'\u201d\u2019)")
# A heading: a short line that does not end as a sentence does.
_HEADING_MAX_WORDS = 12


def is_non_claim_line(line: str) -> bool:
    """A caption, credit, byline, dateline or heading: never a claim."""
    line = line.strip()
    if not line:
        return True
    if layout_kind(line) is not None:
        return True
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
            if is_non_claim_line(stripped):
                spans.append(Span(doc, span.start, span.end, label="non_claim"))
                continue
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
        if doc.has_annotation("SENT_START"):
            _move_opening_quotes(doc)


_OPENING = frozenset({'"', "\u201c", "'", "\u2018"})


def _move_opening_quotes(doc: Doc) -> None:
    """A rule-based sentencizer leaves an opening quotation mark at the end of the previous
    sentence (`... strong. "We are ...`): move it to the sentence it opens. The moves are
    written in one `from_array` (each `Token.is_sent_start` write walks the whole Doc)."""
    moved: dict[int, bool] = {}

    def starts(i: int) -> bool | None:
        return moved[i] if i in moved else doc[i].is_sent_start

    for tok in doc[:-1]:
        i = tok.i
        if tok.text in _OPENING and starts(i + 1) and not starts(i):
            if i == 0 or doc[i - 1].whitespace_ or doc[i - 1].is_space:
                if not tok.whitespace_:
                    moved[i], moved[i + 1] = True, False
    if moved:
        values = doc.to_array([SENT_START])  # uint64; -1 (not a start) through a view
        signed = values.view("int64")
        for i, start in moved.items():
            signed[i] = 1 if start else -1
        doc.from_array([SENT_START], values)
