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
