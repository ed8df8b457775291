"""The compact forms linking holds per claim (packed word pairs, interned words, band keys
a slice at a time, pairs computed per block size) give what the plain forms give."""

from __future__ import annotations

import random

import numpy as np
import pytest

from newsclaims.link.blocking import Blocks, _keys, pairs_within
from newsclaims.link.facts import Origin, content_words, item, normalise, shingles
from newsclaims.link.minhash import band_keys, signatures, text_bands
from tests.link_support import claim, figure, month


@pytest.mark.parametrize(
    "text",
    [
        "New car registrations in Norway reached 12,018 in October, the federation said.",
        "Sales rose.",
        "",
    ],
)
def test_facts_item_word_sets_are_the_sentence_sets(text):
    it = item(0, claim("a.md", text or "x", figures=[figure("12,018", 12018)]), Origin())
    tokens = normalise(text or "x")
    assert it.shingles == shingles(tokens)
    assert it.content == content_words(tokens)
    assert list(it.words) == sorted(it.content)


def test_facts_items_of_one_article_share_their_strings():
    a = item(0, claim("ev/a.md", "Sales rose 5% in May.", dates=[month(2024, 5)]), Origin())
    b = item(1, claim("ev/a.md", "Costs fell 3% in May.", position=1), Origin())
    assert a.source is b.source and a.article_id is b.article_id


def test_minhash_bands_a_slice_at_a_time_are_the_bands_of_all_sets():
    rng = random.Random(3)
    sets = [frozenset(rng.randrange(1 << 32) for _ in range(rng.choice((0, 1, 5, 30))))
            for _ in range(41)]  # fmt: skip
    values = np.array([x for s in sets for x in sorted(s)], dtype=np.uint32)
    lengths = np.array([len(s) for s in sets], dtype=np.int64)
    keys, rows = band_keys(signatures(sets))
    sliced_keys, sliced_rows = text_bands(values, lengths, step=4)
    assert sliced_keys.tolist() == keys.tolist() and sliced_rows.tolist() == rows.tolist()


@pytest.mark.parametrize(
    ("blocks", "articles", "expected"),
    [
        ([[0, 1, 2]], [0, 1, 2], [(0, 1), (0, 2), (1, 2)]),
        ([[0, 1, 2]], [0, 0, 1], [(0, 2), (1, 2)]),  # one article: never a pair
        ([[2, 0], [0, 2, 3], [1, 3]], [0, 1, 2, 3], [(0, 2), (0, 3), (1, 3), (2, 3)]),
        ([], [0, 1], []),
    ],
)
def test_blocking_pairs_within_are_each_pair_of_a_block_once(blocks, articles, expected):
    found = Blocks(
        np.array([i for b in blocks for i in b], dtype=np.int64),
        np.array([len(b) for b in blocks], dtype=np.int64),
    )
    pairs = pairs_within(found, np.array(articles, dtype=np.int64))
    assert [tuple(p) for p in pairs.tolist()] == expected


def test_blocking_take_keeps_the_chosen_blocks():
    found = Blocks(np.array([5, 6, 7, 8, 9, 1, 2]), np.array([2, 3, 2]))
    taken = found.take(np.array([0, 2]))
    assert taken.members.tolist() == [5, 6, 1, 2] and taken.sizes.tolist() == [2, 2]


@pytest.mark.parametrize(
    ("fa", "fb", "shared"),
    [
        (figure("fewer than half", 50, unit="%", comparator="<"),
         figure("about 40%", 40, unit="%", comparator="~"), True),
        (figure("more than two million patients", 2e6, unit="patient", comparator=">"),
         figure("2.3 million patients", 2.3e6, unit="patient"), True),
        (figure("less than 30%", 30, unit="%", comparator="<"), figure("28.4%", 28.4, unit="%"),
         True),
        (figure("less than 30%", 30, unit="%", comparator="<"), figure("31.2%", 31.2, unit="%"),
         False),
    ],
)  # fmt: skip
def test_blocking_a_bound_shares_a_coarse_key_with_values_it_reaches(fa, fb, shared):
    x, y = (item(i, claim(f"c/{i}.md", "x", figures=[f]), None) for i, f in enumerate((fa, fb)))
    coarse = {k for k in _keys(x) if k[0] == "coarse"} & {k for k in _keys(y) if k[0] == "coarse"}
    assert bool(coarse) is shared
