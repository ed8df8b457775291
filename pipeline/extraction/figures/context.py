"""Read the words around a number: what it is (scale, currency, unit, rate) and how it is
qualified (comparator, change). Each reader looks at a short window of `doc.text` with one
anchored regex from the lexicon and returns what it found plus where it ends, or None.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from newsclaims.extraction.figures.lexicon import MONEY_SHAPE, SP, Lexicon, UnitEntry
from newsclaims.extraction.figures.nouns import singularize

_LEFT = 64  # characters of left context a reader looks at
_HYPHEN_WORD = re.compile(r"-(?P<w>[A-Za-z]+)(?P<old>-olds?\b)?")
_NEXT_WORD = re.compile(rf"{SP}*(?P<w>[A-Za-z][\w'’-]*)")
_PREV_WORD = re.compile(r"(?P<w>[A-Za-z][\w.'’&-]*)[ \u00a0]+$")
# "sales were 3% up on last year", "5% down from a year earlier" (not "a 20% down payment")
_UP_DOWN_AFTER = re.compile(
    rf"{SP}+(?P<noun>up|down)(?=[,.;:)]|$|{SP}+(?:on|from|against|compared|year|y/y)\b)"
)
_LAST_WORD = re.compile(r"([A-Za-z][\w'’-]*\.?)[ \u00a0\u202f]+$")


@lru_cache(maxsize=64)
def _last_word(text: str, start: int) -> str:
    """The word before `start` lower-cased ("" if none): the gate before a costly search.
    Cached: the comparator and the change readers ask for the same position (a str caches
    its hash, so the key costs nothing)."""
    m = _LAST_WORD.search(text, max(0, start - 24), start)
    return m.group(1).lower() if m else ""


class Found(NamedTuple):
    """A reader's result: the value it read and the character span it covers."""

    value: str
    start: int
    end: int
    extra: str | None = None


def prev_word(text: str, start: int) -> str | None:
    """The word right before `start`, separated by spaces only (no punctuation)."""
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    return m.group("w") if m else None


def next_word(text: str, pos: int) -> Found | None:
    """The word right after `pos` (spaces only between)."""
    m = _NEXT_WORD.match(text, pos)
    return Found(m.group("w"), m.start("w"), m.end("w")) if m else None


# --- left ----------------------------------------------------------------------------


def currency_before(text: str, start: int, lex: Lexicon) -> Found | None:
    """`$`, `US$`, `HK$`, `€`, `RMB `, `Rs.` right before the number; extra = sign."""
    lo = max(0, start - 10)
    before = text[lo:start].rstrip(" \u00a0")
    if not before.endswith("$") and (
        before[-1:] not in lex.currency_prefix_ends
        or not any(before[i:] in lex.currency_prefix for i in range(len(before)))
    ):
        return None  # most numbers: no currency before them, no regex search needed
    m = lex.currency_prefix_re.search(text[lo:start])
    if m is None:
        return None
    letters = m.group("dl")
    if letters is not None:
        spaced = text[lo + m.end("dl")] != "$"
        acronym = len(letters) > 1 and letters.isupper()
        if spaced and letters.lower() in lex.stopwords and not acronym:
            # "a $95 billion package", "told us $5": a word, then a bare dollar
            return Found(lex.currency_prefix["$"], lo + m.start() + m.group(0).index("$"), start)
        code = lex.dollar_prefix[letters.lower()]
    else:
        cur = m.group("cur")
        if len(cur) == 1 and cur.isalpha() and not _MONEY_SHAPED.match(text, start):
            return None  # `R500,000` and `R2.5bn` are rand; `R32` and `R1` are codes
        code = lex.currency_prefix[cur]
    return Found(code, lo + m.start(), start, m.group("sign"))


_MONEY_SHAPED = re.compile(MONEY_SHAPE)  # what a spaced one-letter prefix (`R 500,000`) opens


def comparator_before(text: str, start: int, lex: Lexicon) -> Found | None:
    """`more than`, `about`, `up to`, ... right before; value = symbol, extra = phrase."""
    if _last_word(text, start) not in lex.comparator_last_words:
        return None
    lo = max(0, start - lex.comparator_window)
    m = lex.comparator_before_re.search(text[lo:start])
    if m is None:
        return None
    phrase = re.sub(r"[\s-]+", " ", m.group("cmp").lower())
    if phrase == "up to":
        before = prev_word(text, lo + m.start("cmp"))
        if before is not None and before.lower() in lex.up_to_verbs:
            return None  # "inflation ticked up to 3.2%": moved up, to a level
    elif phrase == "over":
        before = prev_word(text, lo + m.start("cmp"))
        if before is not None and before.lower() in lex.over_particle_verbs:
            return None  # "handed over 3,100 trucks": a particle, not "more than"
    return Found(lex.comparator_before[phrase], lo + m.start("cmp"), start, phrase)


def change_before(text: str, start: int, lex: Lexicon) -> Found | None:
    """A change word governing the number: `rose`, `fell by`, `up`, `an increase of`.

    value = `up`/`down`; extra = how it was said: `strong`, `weak`, `adverbs`, `noun`,
    with `+by` when `by` introduces the number (`cut rates by 25 basis points`).
    """
    last = _last_word(text, start)
    if last not in lex.change_last_words and not last.endswith("ly"):
        return None
    lo = max(0, start - _LEFT)
    window = text[lo:start]
    m = lex.change_before_re.match(window)  # the pattern opens with `.*`: one pass
    if m is not None:
        word = re.sub(r"\s+", " ", m.group("chg").lower())
        direction, strength = lex.change_words[word]
        by = m.group("by") is not None or m.group("by2") is not None
        if strength == "adverbs":
            before = prev_word(text, lo + m.start("chg"))
            if before is not None and before.lower() in lex.composition_verbs:
                return None  # "make up a fifth of revenue"
            if before is not None and before.lower() in lex.particle_blockers:
                strength = "particle"
                if before.lower() in lex.closing_verbs:
                    strength = "closing"  # "closed up 37.5 cents": a move for money too
            if word in lex.pause_adverbs and not _after_pause(text, lo + m.start("chg"), lex):
                return None  # "laid off 5% of staff": a particle; ", off $1" is a fall
        return Found(direction, lo + m.start("chg"), start, strength + ("+by" if by else ""))
    m = lex.change_noun_of_re.search(window)
    if m is not None:
        direction = lex.change_nouns[m.group("noun").lower()]
        return Found(direction, lo + m.start("noun"), start, "noun")
    return None


def _after_pause(text: str, start: int, lex: Lexicon) -> bool:
    """Whether the word at `start` follows a comma or semicolon, or a form of `be`."""
    before = text[max(0, start - 2) : start].rstrip()
    if before.endswith((",", ";")):
        return True
    prev = prev_word(text, start)
    return prev is not None and prev.lower() in lex.pause_verbs


# --- right ---------------------------------------------------------------------------


def scale_after(text: str, pos: int, lex: Lexicon) -> Found | None:
    """`million`, `bn`, `crore` after the number (with a space or hyphen)."""
    m = lex.scale_re.match(text, pos)
    if m is None:
        return None
    return Found(m.group("scale").lower(), m.start("scale"), m.end())


_SPACE_CHARS = frozenset(" \u00a0\u202f")


def currency_after(text: str, pos: int, lex: Lexicon) -> Found | None:
    """`yuan`, `euros`, `pence`, `US dollars`, `USD` after the number and its scale."""
    head = pos
    while text[head : head + 1] in _SPACE_CHARS:
        head += 1
    if head == pos and text[head : head + 1] == "-":
        head += 1
    if not any(text[head : head + n].lower() in lex.currency_suffix_heads for n in (3, 2, 1)):
        return None  # most numbers: no currency word after them (a cheap test before the regex)
    m = lex.currency_suffix_re.match(text, pos)
    if m is None:
        return None
    if m.group("code") is not None:
        return Found(lex.currency_suffix_exact[m.group("code")], m.start("code"), m.end())
    word = re.sub(r"\s+", " ", m.group("cur").lower())
    return Found(lex.currency_suffix[word], m.start("cur"), m.end())


_OF_WORD = re.compile(rf"{SP}+of{SP}+(?P<w>[A-Za-z]+)(?:{SP}+(?P<w2>[a-z]+))?")
_WORDS_BEFORE = re.compile(r"[A-Za-z]+")


_CLAUSE_EDGE = re.compile(r"[.;:!?]\s|\n")


def pound_is_weight(text: str, start: int, end: int, lex: Lexicon, *, scaled: bool) -> bool:
    """`pounds of thrust`, `weighs 4,000 pounds`, `to drop 25 pounds`, `a baby of two pounds`:
    the weight, not the currency. With no scale, no money word in the sentence and no `£` in
    the text, `pounds` is a weight (money in pounds is written `£25` or `25 million pounds`)."""
    m = _OF_WORD.match(text, end)
    if m is not None and any(
        w and singularize(w, lex) in lex.mass_nouns for w in (m.group("w"), m.group("w2"))
    ):
        return True  # "pounds of thrust", "pounds of frozen beef"
    before = [w.lower() for w in _WORDS_BEFORE.findall(text, max(0, start - 30), start)[-3:]]
    if any(w in lex.weight_words for w in before):
        return True
    if scaled:
        return False
    if any(w in lex.body_weight_verbs for w in before[-2:]):
        return True  # "to drop 25 pounds"
    if "£" in text:
        return False
    lo, hi = max(0, start - 120), min(len(text), end + 80)
    for edge in _CLAUSE_EDGE.finditer(text, lo, start):
        lo = edge.end()
    stop = _CLAUSE_EDGE.search(text, end, hi)
    words = _WORDS_BEFORE.findall(text, lo, stop.start() if stop else hi)
    return not any(w.lower() in lex.money_words for w in words)


def unit_lookup(key: str, lex: Lexicon) -> UnitEntry | None:
    """The unit a written form stands for: exact first, then case-folded."""
    entry = lex.units.get(key) or lex.attached_units.get(key)
    if entry is None:
        entry = lex.units_folded.get(re.sub(r"[\s-]+", " ", key.lower()))
    return entry


def unit_after(text: str, pos: int, lex: Lexicon) -> tuple[UnitEntry, int, int] | None:
    """`%`, `per cent`, `basis points`, `times`, `kWh`, `barrels per day`, `kilometres`."""
    m = lex.unit_re.match(text, pos)
    if m is None:
        return None
    entry = unit_lookup(m.group("unit"), lex)
    if entry is None:
        return None
    return entry, m.start("unit"), m.end()


def hyphen_compound(text: str, pos: int) -> Found | None:
    """`-year-old`, `-member`, `-day` glued to the number; value = the word, extra = `old`."""
    m = _HYPHEN_WORD.match(text, pos)
    if m is None:
        return None
    return Found(m.group("w"), m.start("w"), m.end(), "old" if m.group("old") else None)


def comparator_after(text: str, pos: int, lex: Lexicon) -> Found | None:
    """`+`, `or more`, `or so`, `-odd`, `-plus` right after the figure."""
    m = lex.comparator_after_re.match(text, pos)
    if m is None:
        return None
    if m.group("plus"):
        return Found(">", m.start(), m.end())
    phrase = re.sub(r"[\s-]+", " ", m.group("cmp").lower()).strip()
    symbol = lex.comparator_after.get(phrase) or lex.comparator_after.get("-" + phrase)
    if symbol is None:
        return None
    return Found(symbol, m.start("cmp"), m.end())


def per_after(text: str, pos: int, lex: Lexicon) -> Found | None:
    """The rate denominator: `per month`, `a share`, `/bbl`, `annually`, `per capita`."""
    m = lex.per_re.match(text, pos)
    if m is None:
        return None
    if m.group("adv"):
        after = next_word(text, m.end())
        if after is not None and after.value.lower() not in lex.stopwords:
            return None  # "1.3 billion monthly active users": an adjective
        return Found(
            lex.rate_adverbs[re.sub(r"\s+", " ", m.group("adv").lower())], m.start("adv"), m.end()
        )
    if m.group("sl"):
        word = m.group("sl")
        per = lex.slash.get(word) or lex.slash.get(word.lower())
        if per is None and (entry := unit_lookup(word, lex)) is not None and entry.per is None:
            per = entry.unit  # "50 centimetres/millisecond", "10 km/ms", "$/kWh"
        if per is None and singularize(word, lex) in lex.slash:
            per = lex.slash[singularize(word, lex)]
        if per is None:
            return None
        return Found(per, m.start() + m.group(0).index("/"), m.end())
    kw, word = m.group("kw").lower(), m.group("w")
    low = word.lower()
    if kw == "per":
        unit = unit_after(text, m.start("w"), lex)
        if unit is not None and unit[0].per is None and low not in lex.per_words:
            return Found(unit[0].unit, m.start("kw"), unit[2])  # per kilowatt hour -> kWh
        if low in lex.per_words:
            per = lex.per_words[low]
            if per is None:
                return None
        else:
            per = singularize(low, lex)
        return Found(per, m.start("kw"), m.end())
    noun = singularize(low, lex)
    if kw in ("each", "every"):
        if noun not in lex.every_nouns:
            return None
        return Found(noun, m.start("kw"), m.end())
    if noun not in lex.article_nouns and low not in lex.article_nouns:
        return None
    after = next_word(text, m.end())
    if after is not None and after.value.lower() in lex.article_blockers:
        return None
    if noun == "dozen" and after is not None and after.value.lower() not in lex.stopwords:
        return None  # "$2 billion a dozen years ago": a count, not "per dozen"
    if re.match(rf"{SP}*\d", text[m.end() : m.end() + 3]):
        return None
    return Found(lex.per_words.get(noun, noun) or noun, m.start("kw"), m.end())


def change_after(text: str, pos: int, lex: Lexicon, *, gap: bool = False) -> Found | None:
    """A change noun after the figure: `a 92.6% increase`, `a 12% drop`, `5% higher`; with
    `gap`, also after one or two words (`a 5% pay rise`)."""
    m = lex.change_noun_after_re.match(text, pos)
    if m is None and gap:
        m = lex.change_noun_gap_re.match(text, pos) or _UP_DOWN_AFTER.match(text, pos)
    if m is None:
        return None
    noun = m.group("noun").lower()
    direction = {"higher": "up", "lower": "down", "up": "up", "down": "down"}.get(
        noun
    ) or lex.change_nouns[noun]
    return Found(direction, m.start("noun"), m.end(), noun)
