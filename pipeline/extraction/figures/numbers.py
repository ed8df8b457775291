"""Numbers as written: digits with separators, word numbers, scales.

Values are `Decimal`s so that `1.2 billion` is exactly 1200000000; `as_number` turns them
into the `int`/`float` a `Figure` holds.
"""

from __future__ import annotations

from decimal import Decimal

from newsclaims.extraction.figures.lexicon import Lexicon

_SPACES = str.maketrans("", "", ",\u00a0\u202f\u2009 ")


def parse_digits(text: str) -> Decimal:
    """`12,018` -> 12018, `1.5` -> 1.5, `1\u00a0000` -> 1000."""
    return Decimal(text.translate(_SPACES))


def as_number(value: Decimal) -> int | float:
    """An int when the value is integral, else a float (fractions rounded to 1e-2 % style)."""
    if value == value.to_integral_value():
        return int(value)
    if abs(value) < Decimal("0.001"):
        return float(value)  # "3×10−5": keep the small value's digits
    return float(round(value, 6))


def parse_words(words: list[str], lex: Lexicon) -> list[tuple[int, int, Decimal]]:
    """Split a run of number words into numbers: (first word, last word + 1, value).

    `["one", "hundred", "and", "twenty"]` -> one number 120; `["three", "and", "four"]` ->
    two numbers (3 and 4), because a small number cannot follow another one. `a`/`an`
    count as one before a scale ("a dozen", "a million"), `half a million` is 500000 and
    `two and a half million` is 2500000.
    """
    out: list[tuple[int, int, Decimal]] = []
    i, n = 0, len(words)
    while i < n:
        start = i
        total = Decimal(0)
        group = Decimal(0)  # the part below the next scale word ("three hundred twenty")
        last = ""  # category of the previous word: small, tens, hundred, scale, dozen, half
        seen = False
        while i < n:
            w = words[i]
            nxt = words[i + 1] if i + 1 < n else ""
            if w in ("a", "an") and not seen and nxt in ("half",):
                break
            if w in ("a", "an") and not seen:
                group, last, seen = Decimal(1), "small", True
                i += 1
                continue
            if w == "half" and not seen and nxt in ("a", "an"):
                group, last, seen = Decimal("0.5"), "small", True
                i += 2
                continue
            if w == "and":
                # "one hundred and twenty", "two and a half"
                if nxt == "a" and i + 2 < n and words[i + 2] == "half" and seen:
                    group += Decimal("0.5")
                    last = "small"
                    i += 3
                    continue
                if last in ("hundred", "scale") and nxt in lex.word_values:
                    i += 1
                    continue
                break
            if w in lex.scale_words:
                if not seen:
                    break
                total += (group or 1) * lex.scale_words[w]
                group, last = Decimal(0), "scale"
            elif w == "hundred":
                if not seen or last in ("hundred",):
                    break
                group = (group or 1) * 100
                last = "hundred"
            elif w == "dozen":
                if last == "dozen":
                    break
                group = (group or 1) * 12
                last, seen = "dozen", True
            elif w in lex.word_values:
                v = lex.word_values[w]
                if v >= 20:  # tens
                    if last in ("small", "tens", "dozen"):
                        break
                    last = "tens"
                else:
                    if last == "small" or last == "dozen":
                        break
                    if last == "tens" and v >= 10:
                        break
                    last = "small"
                group += v
                seen = True
            else:
                break
            i += 1
        if not seen or i == start:
            i = max(i, start + 1)
            continue
        out.append((start, i, total + group))
    return out
