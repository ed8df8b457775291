"""Layout lines: captions, credits, bylines, datelines and other page furniture.

The patterns live in `pipeline/patterns/layout_lines.txt`. Ingestion keeps a matching
line as its own paragraph; later stages reuse `layout_kind` to never make it a claim.
"""

from __future__ import annotations

import re
from functools import cache

from newsclaims.patterns.lexicon import PATTERNS

LAYOUT_KINDS = frozenset(
    {"caption", "credit", "byline", "reporting", "dateline", "timestamp", "boilerplate"}
)

# A list item as written in plain text: `- x`, `* x`, `• x`, `1. x`, `2) x`.
_LIST_ITEM = re.compile(r"(?:[-*+•‣◦▪]|\d{1,2}[.)])\s+\S")


@cache
def load_layout_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The (kind, compiled regex) pairs of `layout_lines.txt`, in file order.

    Raises ValueError naming the line when a kind is unknown or a regex does not compile.
    """
    source = PATTERNS / "layout_lines.txt"
    text = source.read_text(encoding="utf-8")
    patterns: list[tuple[str, re.Pattern[str]]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        kind, sep, regex = line.partition("\t")
        if not sep or kind not in LAYOUT_KINDS or not regex:
            raise ValueError(f"layout_lines.txt line {number}: expected KIND<TAB>REGEX, {line!r}")
        try:
            patterns.append((kind, re.compile(regex)))
        except re.error as err:
            raise ValueError(f"layout_lines.txt line {number}: bad regex: {err}") from err
    return tuple(patterns)


_GLOBAL_FLAGS = re.compile(r"\(\?([aiLmsux]+)\)")


@cache
def _one_pattern() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """All layout patterns as one alternation, each in a named group, and the kind of each
    group: `fullmatch` tries the alternatives in file order, as a loop over the patterns
    would, but in one call (a line was tried against each pattern in turn, 20 calls for
    every prose line). A pattern's leading global flags (`(?i)`) become scoped flags."""
    kinds, parts = [], []
    for n, (kind, pattern) in enumerate(load_layout_patterns()):
        source = pattern.pattern
        flags = _GLOBAL_FLAGS.match(source)
        body = f"(?{flags.group(1)}:{source[flags.end() :]})" if flags else f"(?:{source})"
        parts.append(f"(?P<k{n}>{body})")
        kinds.append(kind)
    return re.compile("|".join(parts)), tuple(kinds)


def layout_kind(line: str) -> str | None:
    """The layout kind of a whole line (`caption`, `byline`, ...), or None for prose: the
    kind of the first pattern (in file order) that matches the whole line."""
    stripped = line.strip()
    if not stripped or len(stripped) > 500:
        return None
    pattern, kinds = _one_pattern()
    match = pattern.fullmatch(stripped)
    # The outermost group closes last: `lastgroup` is the alternative that matched.
    return kinds[int(match.lastgroup[1:])] if match else None


def dateline_prefix(paragraph: str) -> int:
    """Length of a dateline opening a paragraph (`DETROIT (AP) — Kestrel ...`), else 0."""
    for kind, pattern in load_layout_patterns():
        if kind != "dateline":
            continue
        m = pattern.match(paragraph)
        if m and m.end() < len(paragraph) and paragraph[m.end()].isspace():
            rest = paragraph[m.end() :].lstrip()
            if rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "\"\u201c'":
                return m.end()
    return 0


def is_list_item(line: str) -> bool:
    """True for a plain-text list item line (`- Brent up 1.2%`, `2) Sales`)."""
    return _LIST_ITEM.match(line.strip()) is not None
