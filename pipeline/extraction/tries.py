"""Regex alternations of phrases shaped as tries, so that sre fails on the first letter.

A flat alternation (`million|milliard|mile|...`) tries every phrase in turn at each position;
the same phrases as a trie (`mil(?:e|li(?:ard|on))`) fail after one test per letter read. The
two match the same texts in the same order of preference when the flat form lists the phrases
longest first and at most one branch of the trie can go on at each place: the phrases that
match at one place then begin each other, and the trie, greedy at each node, tries the longest
first too. `keeps_order` checks that for a list; callers keep the flat form where it fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from re import _constants, _parser


def trie_pattern(phrases: Iterable[Sequence[str]]) -> str:
    """A non-capturing regex alternation of `phrases`, each a sequence of atoms (regex
    pieces that each match one letter or one separator, such as `a`, `\\.`, `\\s+`), shaped as
    a trie: phrases that begin with the same atoms share them."""
    trie: dict = {}
    for atoms in phrases:
        node = trie
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}  # a phrase ends here

    def emit(node: dict) -> str:
        branches = [atom + emit(child) for atom, child in sorted(node.items()) if atom]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            body = "(?:" + body + ")?"  # greedy: the longer phrase first
        return body

    return "(?:" + emit(trie) + ")"


def keeps_order(ordered: Sequence[Sequence[str]]) -> bool:
    """Whether the trie of these atom sequences matches what their flat alternation, in this
    order, matches, with or without case: at each place at most one branch goes on (sibling
    atoms never match the same character, and an atom that repeats, such as `\\s+`, never
    matches the one after it), and a phrase that begins another comes after it."""
    rank: dict[tuple[str, ...], int] = {}
    children: dict[tuple[str, ...], set[str]] = {}
    for i, atoms in enumerate(ordered):
        atoms = tuple(atoms)
        rank.setdefault(atoms, i)
        for k, atom in enumerate(atoms):
            children.setdefault(atoms[:k], set()).add(atom)
            if _single(atom) is None and k + 1 < len(atoms) and _overlap(atom, atoms[k + 1]):
                return False
    for atoms, i in rank.items():
        if any(rank.get(atoms[:k], i) < i for k in range(1, len(atoms))):
            return False  # a beginning of this phrase is tried before it
    for siblings in children.values():
        ordered_siblings = sorted(siblings)
        for n, a in enumerate(ordered_siblings):
            if any(_overlap(a, b) for b in ordered_siblings[n + 1 :]):
                return False
    return True


def _single(atom: str) -> str | None:
    """The one character an atom stands for (`a`, `\\.`), or None for a class (`\\s+`)."""
    if len(atom) == 1:
        return atom
    if len(atom) == 2 and atom[0] == "\\" and not atom[1].isalnum():
        return atom[1]
    return None


def _overlap(a: str, b: str) -> bool:
    """Whether two atoms can match the same character, read without case (two classes are
    taken to overlap)."""
    one, other = _single(a), _single(b)
    if one is None and other is None:
        return True
    if one is None:
        one, b = other, a
    return re.fullmatch(b, one, re.IGNORECASE) is not None


def first_lookahead(pattern: str) -> str | None:
    """A lookahead on the characters a match of `pattern` can begin with (`(?=[A-Z\\d])`), or
    None when they cannot be told from its parse (a pattern that may match empty, a
    backreference, a negated set, a flag other than ignore-case).

    Put before an alternative of a big alternation, it fails that alternative on one
    character test instead of entering it. It only adds a condition every match meets (read
    without case as soon as any part is, which only widens it), so the pattern matches the
    same texts."""
    parsed = _parser.parse(pattern)
    if parsed.state.flags & ~re.UNICODE:
        return None
    without_case = [False]
    chars, nullable = _first_chars(parsed.data, without_case)
    if chars is None or nullable or not chars:
        return None
    cls = "[" + "".join(sorted(chars)) + "]"
    return f"(?=(?i:{cls}))" if without_case[0] else f"(?={cls})"


_CATEGORIES = {
    _constants.CATEGORY_DIGIT: r"\d",
    _constants.CATEGORY_WORD: r"\w",
    _constants.CATEGORY_SPACE: r"\s",
}
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT)


def _first_chars(items, without_case: list[bool]) -> tuple[set[str] | None, bool]:
    """The class items a sequence of parsed regex items can begin with (None: any
    character), and whether it can match empty."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _item_first_chars(op, av, without_case)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item_first_chars(op, av, without_case: list[bool]) -> tuple[set[str] | None, bool]:
    if op is _constants.LITERAL:
        return {re.escape(chr(av))}, False
    if op is _constants.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _constants.LITERAL:
                chars.add(re.escape(chr(value)))
            elif kind is _constants.RANGE:
                chars.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            elif kind is _constants.CATEGORY and value in _CATEGORIES:
                chars.add(_CATEGORIES[value])
            else:
                return None, False  # a negated set, \D, \W, \S
        return chars, False
    if op is _constants.BRANCH:
        out: set[str] = set()
        any_empty = False
        for branch in av[1]:
            chars, nullable = _first_chars(branch.data, without_case)
            if chars is None:
                return None, False
            out |= chars
            any_empty |= nullable
        return out, any_empty
    if op is _constants.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags & ~re.IGNORECASE or del_flags:
            return None, False
        if add_flags & re.IGNORECASE:
            without_case[0] = True
        return _first_chars(sub.data, without_case)
    if op is _constants.ATOMIC_GROUP:
        return _first_chars(av.data, without_case)
    if op in _REPEATS:
        low, _high, sub = av
        chars, nullable = _first_chars(sub.data, without_case)
        return chars, chars is not None and (nullable or low == 0)
    if op in _ZERO_WIDTH:
        return set(), True
    return None, False  # ANY, a backreference, ...
