"""Candidate pairs: only claims that share a block key are ever compared.

Three kinds of key, so that cost grows with the sizes of the blocks, not with the square
of the claims:

- `text`: the LSH bands of the sentence's MinHash signature (near copies, with any
  figures, since numbers are masked);
- `figure`: a figure's kind (currency, `%`, `count`) and its value at two significant
  digits, rounded down and up (two figures that can be the same value share one);
  `precise`: the same with the unit at the digits written (three or four), for figures
  written with three or more;
- `fact`: a figure's kind and unit with the speaker's or the target's name words (the
  same fact given with two different figures);
- `period`: a figure's kind and unit (or currency) with one of the claim's bounded date
  intervals (the same fact given with two figures in two outlets' own words);
- `speaker`: for a claim without figures, each word of its speaker's name (a quote or a
  statement told again in other words).

Word pairs found in more than one claim in 200 (and more than 100 claims) are left out
of the signatures. A `figure` or `fact` block larger than `cap` is split by speaker name;
a text band that large, and the parts still too large, are left out and counted
(`Blocking.oversized`): a key that common is no evidence of anything.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from newsclaims.link.facts import Item
from newsclaims.link.minhash import band_keys, signatures

CAP = 50
COMMON_MIN = 100
COMMON_SHARE = 0.005


@dataclass
class Blocking:
    blocks: int = 0
    largest: int = 0
    oversized: int = 0
    pairs: int = 0


def buckets(value: float, digits: int = 2) -> tuple[int, ...]:
    """A value at `digits` significant digits, rounded down and up, each with its exponent
    (12,018 at two digits: 12 and 13 thousands; at three: 120 and 121 hundreds), so two
    values that round to each other share a bucket."""
    if value == 0 or math.isinf(value) or math.isnan(value):
        return (0,)
    exponent = math.floor(math.log10(abs(value))) - digits + 1
    low = math.floor(value / 10.0**exponent + 1e-9)
    return tuple(dict.fromkeys((low * 1000 + exponent, (low + 1) * 1000 + exponent)))


def _keys(item: Item) -> Iterator[tuple]:
    """The `figure`, `precise` and `fact` keys of a claim (its text bands are in numpy)."""
    for f in item.figures:
        for bucket in buckets(f.value):
            yield ("figure", f.kind, bucket)
        if f.digits >= 3:  # precise values as written, with their unit: small blocks
            for bucket in buckets(f.value, min(f.digits, 4)):
                yield ("precise", f.kind, f.unit, bucket)
        for who in (item.speaker_words, item.target_words):
            if who:
                yield ("fact", f.kind, f.unit, " ".join(sorted(who)))
        what = f.unit or f.currency
        if what:  # the same unit in the same period: a wrong figure in other words
            for lo, hi in item.dates:
                if math.isfinite(lo) and math.isfinite(hi):
                    yield ("period", f.kind, what, lo, hi)
    if not item.figures:  # a quote or statement told again in other words
        for word in sorted(item.speaker_words):
            yield ("speaker", word)


def _split(members: Sequence[int], items: Sequence[Item]) -> list[list[int]]:
    """An oversized block in disjoint parts, one per speaker (else target) name: each claim
    in one part, so the pairs stay within what the cap allows."""
    parts: dict[str, list[int]] = defaultdict(list)
    for i in members:
        who = items[i].speaker_words or items[i].target_words
        if who:
            parts[" ".join(sorted(who))].append(int(i))
    return list(parts.values())


def common_shingles(items: Sequence[Item]) -> frozenset[int]:
    """Word pairs in so many sentences that sharing them says nothing (`it said`, `in the`):
    more than COMMON_SHARE of the claims and more than COMMON_MIN of them."""
    counts = Counter(s for it in items for s in it.shingles)
    limit = max(COMMON_MIN, len(items) * COMMON_SHARE)
    return frozenset(s for s, n in counts.items() if n > limit)


def _memberships(items: Sequence[Item]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(block, item) rows for every key of every item, and whether each block is a text
    band. Blocks are numbered in order of first appearance: the same on every run."""
    common = common_shingles(items)
    sigs = signatures([it.shingles - common if common else it.shingles for it in items])
    band_ids, text_items = band_keys(sigs)
    _, text_blocks = np.unique(band_ids, return_inverse=True)
    text_count = int(text_blocks.max()) + 1 if len(text_blocks) else 0
    numbers: dict[tuple, int] = {}
    blocks: list[int] = []
    members: list[int] = []
    for it in items:
        for key in dict.fromkeys(_keys(it)):
            blocks.append(numbers.setdefault(key, text_count + len(numbers)))
            members.append(it.index)
    block = np.concatenate([text_blocks, np.array(blocks, dtype=np.int64)])
    item_of = np.concatenate([text_items, np.array(members, dtype=np.int64)])
    is_text = np.zeros(text_count + len(numbers), dtype=bool)
    is_text[:text_count] = True
    return block.astype(np.int64), item_of, is_text


def candidate_pairs(items: Sequence[Item], *, cap: int = CAP) -> tuple[np.ndarray, Blocking]:
    """Pairs (i, j), i < j, sorted, of items of different articles that share a block, as
    an (n, 2) array."""
    stats = Blocking()
    if len(items) < 2:
        return np.zeros((0, 2), dtype=np.int64), stats
    block, item_of, is_text = _memberships(items)
    order = np.lexsort((item_of, block))
    block, item_of = block[order], item_of[order]
    starts = np.flatnonzero(np.r_[True, block[1:] != block[:-1]])
    sizes = np.diff(np.r_[starts, len(block)])
    stats.blocks = len(starts)
    firsts, seconds = [], []
    triangles: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for start, size in zip(starts[sizes >= 2].tolist(), sizes[sizes >= 2].tolist(), strict=True):
        group = item_of[start : start + size]
        groups = [group]
        if size > cap:  # a text band that common is boilerplate: left out
            stats.oversized += 1
            parts = _split(group, items) if not is_text[block[start]] else []
            groups = [np.array(g) for g in parts if 2 <= len(g) <= cap]
        for g in groups:
            stats.largest = max(stats.largest, len(g))
            if len(g) not in triangles:
                triangles[len(g)] = np.triu_indices(len(g), 1)
            a, b = triangles[len(g)]
            firsts.append(g[a])
            seconds.append(g[b])
    if not firsts:
        return np.zeros((0, 2), dtype=np.int64), stats
    first, second = np.concatenate(firsts), np.concatenate(seconds)
    articles = np.array(_article_numbers(items), dtype=np.int64)
    keep = articles[first] != articles[second]
    low, high = np.minimum(first, second)[keep], np.maximum(first, second)[keep]
    codes = np.unique(low * len(items) + high)
    stats.pairs = len(codes)
    return np.stack([codes // len(items), codes % len(items)], axis=1), stats


def _article_numbers(items: Sequence[Item]) -> list[int]:
    numbers: dict[str, int] = {}
    return [numbers.setdefault(it.article_id, len(numbers)) for it in items]
