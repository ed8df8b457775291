"""Normalisation that makes a prediction comparable with the gold (guide section 7).

Sentences: case-folded, quotes, dashes and whitespace unified, with a map back to the
original character offsets. Names: case-folded, accents and punctuation dropped, titles and
honorifics dropped from a person's name. Units: singular lemma, `percent` -> `%`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from typing import Any

from newsclaims.evaluate import lists

_QUOTES = {ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4"} | {
    ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
}
_DASHES = {ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}
_TRANSLATE = _QUOTES | _DASHES
_NON_WORD = re.compile(r"[^\w\s]+")
_COMPARATORS = {
    "=": "=", "==": "=", "": "=",
    ">": ">", ">=": ">=", "=>": ">=", "\u2265": ">=",
    "<": "<", "<=": "<=", "=<": "<=", "\u2264": "<=",
    "~": "~", "\u2248": "~", "\u223c": "~",
}  # fmt: skip


def text_with_map(text: str) -> tuple[str, tuple[int, ...]]:
    """The normalised text and, for each of its characters, the offset it came from.

    Case-folded (NFKC first, so `…` is `...`), curly quotes and dashes unified, every run of
    whitespace one space, no leading or trailing space.
    """
    out: list[str] = []
    origin: list[int] = []
    space_at = -1
    for i, ch in enumerate(text):
        if ch.isspace():
            if space_at < 0:
                space_at = i
            continue
        if space_at >= 0 and out:
            out.append(" ")
            origin.append(space_at)
        space_at = -1
        piece = unicodedata.normalize("NFKC", ch).translate(_TRANSLATE).casefold()
        for part in piece:
            if part.isspace():
                continue
            out.append(part)
            origin.append(i)
    return "".join(out), tuple(origin)


def sentence(text: str) -> str:
    """A sentence normalised for comparison by text (see `text_with_map`)."""
    if text.isascii():  # the same result, without the per-character map
        return " ".join(text.split()).lower().replace("`", "'")
    return text_with_map(text)[0]


def _fold(text: str) -> str:
    """Case-folded, accents removed, punctuation as spaces, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(_NON_WORD.sub(" ", bare).split())


def _strip_phrases(tokens: list[str], phrases: tuple[tuple[str, ...], ...], *, end: bool) -> None:
    """Remove listed phrases from the start (or end) of `tokens`, repeatedly, longest first,
    in place; never the whole name (`President` alone stays)."""
    known = frozenset(phrases)
    sizes = sorted({len(p) for p in phrases}, reverse=True)
    changed = True
    while changed:
        changed = False
        for n in sizes:
            if n < len(tokens) and tuple(tokens[-n:] if end else tokens[:n]) in known:
                del tokens[(-n if end else 0) : (None if end else n)]
                changed = True
                break


@lru_cache(maxsize=4096)
def name(text: str | None, *, kind: str | None = None) -> str:
    """A speaker or target name for comparison.

    Case-folded, accents and punctuation dropped, a leading `the` dropped; for a person, also
    the titles and honorifics at its start and the suffixes at its end
    (`Prince Abdulaziz bin Salman` = `abdulaziz bin salman`; `Richard Yu, CEO` = `richard yu`).
    """
    if not text:
        return ""
    raw = str(text)
    if kind == "person" and "," in raw.strip(", "):
        head, _, _tail = raw.strip(", ").partition(",")
        raw = head  # `Martin Luther King, Jr.`, `Richard Yu, CEO of ...`: the name is the head
    tokens = _fold(raw).split()
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    if kind == "person":
        _strip_phrases(tokens, lists.phrases("name_prefixes.txt"), end=False)
        _strip_phrases(tokens, lists.phrases("name_suffixes.txt"), end=True)
    return " ".join(tokens)


def singular(word: str) -> str:
    """The singular of a lowercase English noun: irregulars from the data file, then rules."""
    irregular = lists.table("unit_plurals.tsv")
    if word in irregular:
        return irregular[word]
    if len(word) <= 3 or not word.isalpha() or not word.endswith("s"):
        return word
    if word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return word[:-2]
    return word[:-1]


def unit(text: Any) -> str | None:
    """A unit for comparison: lowercase, singular lemma of its last word, `%` for percent."""
    if text is None:
        return None
    aliases = lists.table("unit_aliases.tsv")
    folded = " ".join(str(text).casefold().replace("-", " ").split()).strip(" .")
    if not folded:
        return None
    if folded in aliases:
        return aliases[folded]
    words = folded.split(" ")
    words[-1] = singular(words[-1])
    joined = " ".join(words)
    return aliases.get(joined, joined)


def comparator(text: Any) -> str | None:
    """A comparator as one of `=`, `>`, `>=`, `<`, `<=`, `~`; None when unknown."""
    if text is None:
        return "="
    return _COMPARATORS.get(str(text).strip())


def value(raw: Any) -> float | None:
    """A figure's value as a finite float; None when it is missing or not a number."""
    if raw is None or isinstance(raw, bool):
        return None
    try:
        number = float(str(raw).replace(",", "")) if isinstance(raw, str) else float(raw)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def values_agree(gold: float, predicted: float, *, tolerance: float = 0.005) -> bool:
    """True when `predicted` is within `tolerance` (relative) of `gold`; exact when gold is 0."""
    if gold == 0:
        return predicted == 0
    return abs(predicted - gold) <= tolerance * abs(gold) * (1 + 1e-9)


def day(raw: Any) -> str | None:
    """An ISO date (`YYYY-MM-DD`) from a date, datetime or string; None for an open end."""
    if raw is None:
        return None
    text = str(raw).strip()
    return text[:10] if text else None
