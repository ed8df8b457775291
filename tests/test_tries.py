"""Tests of newsclaims.extraction.tries: a trie-shaped alternation matches what the flat,
longest-first alternation of the same phrases matches, and `keeps_order` refuses the lists
where it might not."""

from __future__ import annotations

import re

import pytest

from newsclaims.extraction.dates.grammar import alt
from newsclaims.extraction.figures.lexicon import alternation, opening, phrase_pattern
from newsclaims.extraction.tries import first_lookahead, keeps_order, trie_pattern

SP = r"\s+"


def _atoms(phrase: str) -> tuple[str, ...]:
    return tuple(SP if ch == " " else re.escape(ch) for ch in phrase)


def _flat(phrases: list[str]) -> str:
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join("".join(_atoms(p)) for p in ordered) + ")"


PHRASES = ["mile", "million", "milliard", "per cent", "per", "percent", "m", "up to", "u.s."]
TEXTS = ["million", "milliards", "mile", "per  cent", "per cents", "percentage", "mil", "u.s.a"]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("suffix", ["", r"(?!\w)", r"s\b"])
def test_tries_trie_pattern_matches_as_flat(text: str, suffix: str) -> None:
    trie = re.compile(trie_pattern(_atoms(p) for p in PHRASES) + suffix)
    flat = re.compile(_flat(PHRASES) + suffix)
    got, want = trie.match(text), flat.match(text)
    assert (got and got.span()) == (want and want.span())


def test_tries_trie_pattern_shares_beginnings() -> None:
    assert trie_pattern(_atoms(p) for p in ["mile", "million", "milliard"]) == (
        "(?:mil(?:e|li(?:ard|on)))"
    )


@pytest.mark.parametrize(
    ("phrases", "keeps"),
    [
        (["million", "mile", "m"], True),
        (["per cent", "per"], True),
        (["Mar", "mar"], False),  # one place, two spellings: read without case, both match
        (["Ma", "mar"], False),  # the trie would try `Ma` first, the flat form `mar`
        (["a  b", "a b"], False),  # `\s+\s+`: a repeating atom before one it matches
    ],
)
def test_tries_keeps_order(phrases: list[str], keeps: bool) -> None:
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    assert keeps_order([_atoms(p) for p in ordered]) is keeps


def test_tries_keeps_order_refuses_a_beginning_listed_first() -> None:
    assert keeps_order([_atoms("per"), _atoms("per cent")]) is False


@pytest.mark.parametrize(
    ("phrases", "text"),
    [
        (["more than", "more", "mo"], "more  than 5"),
        (["US dollars", "US$", "U.S. dollar"], "U.S. dollars"),
        (["-plus", "-odd", "plus"], "-plus"),
    ],
)
def test_tries_figure_alternation_as_flat(phrases: list[str], text: str) -> None:
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    flat = "(?:" + "|".join(phrase_pattern(p) for p in ordered) + ")"
    for flags in (0, re.IGNORECASE):
        got = re.match(alternation(phrases), text, flags)
        want = re.match(flat, text, flags)
        assert (got and got.span()) == (want and want.span())


@pytest.mark.parametrize(
    ("words", "ci", "text", "span"),
    [
        (["the end of", "the end", "end"], True, "The End of May", (0, 10)),
        (["New Year's Day", "New Year's"], False, "New Year’s Eve", (0, 10)),
        (["Christmas", "christmas"], True, "CHRISTMAS", (0, 9)),
        (["March", "Mar"], False, "march", None),  # case kept without ci
    ],
)
def test_tries_date_alt(words: list[str], ci: bool, text: str, span) -> None:
    m = re.match(alt(words, ci=ci), text)
    assert (m and m.span()) == span


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("prices in Australian dollars", "Australian"),
        ("paid in A$ and C$", "A$"),
        ("priced in euros", None),  # no phrase begins here: the lookahead fails at once
    ],
)
def test_tries_opening_lookahead_keeps_matches(text: str, found: str | None) -> None:
    phrases = ["Australian", "A$", "C$", "Canadian"]
    rx = re.compile(opening(phrases) + alternation(phrases))
    m = rx.search(text)
    assert (m and m.group()) == found
    assert re.fullmatch(opening(phrases) + ".", "e") is None


@pytest.mark.parametrize(
    ("pattern", "lookahead"),
    [
        (r"(?:(?i:the)\s+)?(?:\d{3}|Jan)", r"(?=(?i:[J\dt]))"),  # an optional word: both
        (r"(?<!\w)(?:1\d|20)\d\d(?!\w)", r"(?=[12])"),  # assertions take no character
        (r"Q[1-4]|H[12]", r"(?=[HQ])"),
        (r"a?", None),  # may match empty: any place
        (r"[^a]b", None),  # a negated set
        (r"(\w)\1", r"(?=[\w])"),
        (r".x", None),  # any character
    ],
)
def test_tries_first_lookahead(pattern: str, lookahead: str | None) -> None:
    assert first_lookahead(pattern) == lookahead


@pytest.mark.parametrize("text", ["the 123", "Jan", "THE 999", "x", "the Jan", " 123", ""])
def test_tries_first_lookahead_matches_the_same(text: str) -> None:
    pattern = r"(?:(?i:the)\s+)?(?:\d{3}|Jan)"
    gated = first_lookahead(pattern) + pattern
    plain = re.match(pattern, text)
    same = re.match(gated, text)
    assert (plain and plain.span()) == (same and same.span())
