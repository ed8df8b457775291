"""Text normalisation shared by every format: the body text all later offsets refer to.

Paragraphs are separated by exactly one blank line. Inside a paragraph, line breaks of
hard-wrapped text become spaces, while lines that stand on their own (captions such as
`(Image credit: AITO)`, bylines, list items, headings) stay their own paragraph, because
a blank line always ends a sentence downstream and those lines are never claims.
"""

from __future__ import annotations

import re
import statistics
import unicodedata

from newsclaims.ingest.layout import is_list_item, layout_kind

_NEWLINES = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028]")
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
# Bidirectional controls (marks, embeddings, overrides, isolates): invisible, and an
# override (U+202E) makes a claim display reversed wherever it is shown.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROLS = "\x00-\x08\x0e-\x1f\x7f-\x9f"
# Zero-width, bidirectional and control characters, dropped in one pass (no character of
# one set is in another, nor a space or a newline, so one pass drops what three did).
_DROPPED = re.compile(f"[{_ZERO_WIDTH}{_BIDI}{_CONTROLS}]")
_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_RUNS_OF_SPACES = re.compile(r" {2,}")
_BLANK_LINES = re.compile(r"\n\s*\n")

# A line ending a sentence: final punctuation, then maybe closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…:][\"'”’)\]»]*$")
# Words a heading never ends with; a line ending with one runs on into the next line.
_RUN_ON_WORDS = frozenset(
    "a an the of to in on at by for from with and or but as that which who whose "
    "is are was were be said says its their his her our".split()
)
_MAX_HEADING_WORDS = 10
# Widest line of text that is still taken as hard-wrapped (wrap widths are 60-100).
_MAX_WRAP_WIDTH = 120


def clean_characters(text: str) -> str:
    """Unify newlines and spaces, drop zero-width, bidirectional and control characters,
    compose accents."""
    text = _NEWLINES.sub("\n", text).replace("\u2029", "\n\n")
    text = _DROPPED.sub("", text)
    text = _SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def normalize_text(text: str) -> str:
    """Clean `text` and lay it out as paragraphs separated by exactly `\\n\\n`."""
    text = clean_characters(text)
    blocks = []
    for block in _BLANK_LINES.split(text):
        lines = [_RUNS_OF_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            blocks.append(lines)
    width = _wrap_width(blocks)
    paragraphs: list[str] = []
    for lines in blocks:
        paragraphs.extend(_paragraphs(lines, width))
    return "\n\n".join(paragraphs)


def _wrap_width(blocks: list[list[str]]) -> int | None:
    """The wrap width of hard-wrapped text, or None when lines are not hard-wrapped.

    Greedy wrapping fills every line but the last of a paragraph close to the width;
    text with one paragraph (or one sentence) per line does not.
    """
    inner = [len(line) for lines in blocks for line in lines[:-1]]
    if len(inner) < 2:
        return None
    width = max(len(line) for lines in blocks for line in lines)
    if width > _MAX_WRAP_WIDTH:
        return None
    full = sum(1 for length in inner if length >= 0.7 * width)
    if full < 0.6 * len(inner) or statistics.median(inner) < 0.75 * width:
        return None
    return width


def _paragraphs(lines: list[str], width: int | None) -> list[str]:
    """Join the lines of one block into paragraphs, breaking where a break is meant."""
    paragraphs: list[list[str]] = [[lines[0]]]
    standalone = [layout_kind(line) is not None for line in lines]
    for index in range(1, len(lines)):
        previous, line = lines[index - 1], lines[index]
        if standalone[index - 1] or standalone[index] or _breaks(previous, line, width):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return [" ".join(parts) for parts in paragraphs]


def _breaks(previous: str, line: str, width: int | None) -> bool:
    """True when the line break between `previous` and `line` (two prose lines) ends a
    paragraph."""
    if is_list_item(line):
        return True
    if width is not None:
        # Greedy wrapping moves a word to the next line only when it does not fit: if
        # it would have fitted, the writer broke the line on purpose.
        first_word = line.split(" ", 1)[0]
        return len(previous) + 1 + len(first_word) <= width
    return _ends_sentence(previous) or _is_heading(previous, line)


def _ends_sentence(line: str) -> bool:
    return _SENTENCE_END.search(line) is not None


def _is_heading(line: str, following: str) -> bool:
    """A short line that reads as a heading (`Demand outlook`) before a capitalised line."""
    words = line.split()
    if len(words) > _MAX_HEADING_WORDS or not (line[0].isupper() or line[0].isdigit()):
        return False
    if line[-1] in ",;-–—(" or words[-1].lower() in _RUN_ON_WORDS:
        return False
    return following[0].isupper() or following[0].isdigit() or following[0] in "\"“‘'"
