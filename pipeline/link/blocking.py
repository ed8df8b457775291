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
- `coarse`: a figure's kind and unit class with its value at one significant digit,
  rounded down (a bound `fewer than` just below its value): `fewer than half` and `about
  40%`, `more than two million patients` and `2.3 million patients`, `less than 30%` and
  `28.4%`, in no two-digit bucket in common;
- `swap`: a figure written as one value with three digits or more, by its kind, unit
  class, order of magnitude and digits in sorted order (`2,140 patients` and `2,410
  patients`: the same fact with two digits swapped, the commonest typo in a copied
  figure, told in other words);
- `speaker`: each word of the claim's speaker's name, for a claim without figures or
  whose figures are written in words or are lengths of time (a quote or a statement told
  again in other words);
- `due`: for a claim without a bounded date, the end of each date open at the start (a
  plan's deadline, `by the end of 2025`, told in other words);
- `when`: each bounded date interval of a claim (an event on its day told in other
  words, with a figure on one side or none).

Word pairs found in more than one claim in 200 (and more than 100 claims) are left out
of the signatures. A `figure` or `fact` block larger than `cap` is split by speaker name;
a text band that large, and the parts still too large, are left out and counted
(`Blocking.oversized`): a key that common is no evidence of anything.
"""

from __future__ import annotations

import hashlib
import math
from array import array
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from newsclaims.link.facts import Item, loose, written_digits
from newsclaims.link.minhash import text_bands

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
                yield ("precise", f.kind, f.measure, bucket)
        for who in (item.speaker_words, item.target_words):
            if who:
                yield ("fact", f.kind, f.measure, " ".join(sorted(who)))
        if f.measure is not None:  # a bound and the values it reaches, by the first digit
            below = not f.exact and f.high == f.value  # `fewer than half`: 40% is below
            yield ("coarse", f.kind, f.measure, buckets(f.value * (0.999 if below else 1), 1)[0])
        digits = written_digits(f.text)
        # The same digits in another order, three or more (two, `4.5%` and `5.4%`, are too
        # common to block on alone: the fact and period keys find those of one fact).
        if f.exact and len(digits) >= 3 and f.value:
            scale = math.floor(math.log10(abs(f.value)))
            yield ("swap", f.kind, f.measure, scale, "".join(sorted(digits)))
            if f.measure is not None:  # and with the unit dropped, as another report may
                yield ("swap", f.kind, None, scale, "".join(sorted(digits)))
        what = f.measure or f.currency
        if what:  # the same unit in the same period: a wrong figure in other words
            for lo, hi in item.dates:
                if math.isfinite(lo) and math.isfinite(hi):
                    yield ("period", f.kind, what, lo, hi)
    # A quote or statement told again in other words: without figures, or with figures a
    # paraphrase may give otherwise (`waited eight years` and `eight years ago`, `in 50
    # years` and `in half a century`: written in words or a length of time, in no value
    # bucket in common; other figures are found by their buckets).
    if all(loose(f) for f in item.figures):
        for word in sorted(item.speaker_words):
            yield ("speaker", word)
    for lo, hi in item.bounded:  # an event on its day told in other words
        yield ("when", lo, hi)
    if not item.bounded:  # a plan with its deadline told in other words
        for lo, hi in item.dates:
            if math.isinf(lo) and math.isfinite(hi):
                yield ("due", hi)


def _split(members: Sequence[int], items: Sequence[Item]) -> list[list[int]]:
    """An oversized block in disjoint parts, one per speaker (else target) name: each claim
    in one part, so the pairs stay within what the cap allows."""
    parts: dict[str, list[int]] = defaultdict(list)
    for i in members:
        who = items[i].speaker_words or items[i].target_words
        if who:
            parts[" ".join(sorted(who))].append(int(i))
    return list(parts.values())


def packed_shingles(items: Sequence[Item]) -> tuple[np.ndarray, np.ndarray]:
    """Every item's word-pair hashes in one array (each item's sorted, in item order) and
    how many each item has."""
    values = np.frombuffer(b"".join(it.packed for it in items), dtype=np.uint32)
    lengths = np.fromiter((len(it.packed) // 4 for it in items), dtype=np.int64, count=len(items))
    return values, lengths


def common_shingles(values: np.ndarray, count: int) -> np.ndarray:
    """Word pairs in so many sentences that sharing them says nothing (`it said`, `in the`):
    more than COMMON_SHARE of the `count` claims and more than COMMON_MIN of them (sorted)."""
    found, counts = np.unique(values, return_counts=True)
    return found[counts > max(COMMON_MIN, count * COMMON_SHARE)]


def _uncommon(items: Sequence[Item]) -> tuple[np.ndarray, np.ndarray]:
    """The items' word-pair hashes without the common ones, and how many each keeps."""
    values, lengths = packed_shingles(items)
    keep = ~np.isin(values, common_shingles(values, len(items)))
    owner = np.repeat(np.arange(len(items)), lengths)
    return values[keep], np.bincount(owner[keep], minlength=len(items))


def _memberships(items: Sequence[Item]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(block, item) rows for every key of every item, and whether each block is a text
    band. Blocks are numbered by their keys' digests: the same on every run."""
    band_ids, text_items = text_bands(*_uncommon(items))
    _, text_blocks = np.unique(band_ids, return_inverse=True)
    text_count = int(text_blocks.max()) + 1 if len(text_blocks) else 0
    hashes = array("q")
    members = array("q")
    for it in items:
        for key in dict.fromkeys(_keys(it)):
            hashes.append(key_hash(key))
            members.append(it.index)
    # Keys are held as 64-bit digests, 16 bytes a membership, never as a table of every
    # key (a few hundred bytes each): a collision only merges two blocks, more pairs.
    _, numbers = np.unique(np.frombuffer(hashes, dtype=np.int64), return_inverse=True)
    count = int(numbers.max()) + 1 if len(numbers) else 0
    block = np.concatenate([text_blocks, numbers.reshape(-1) + text_count])
    item_of = np.concatenate([text_items, np.frombuffer(members, dtype=np.int64)])
    is_text = np.zeros(text_count + count, dtype=bool)
    is_text[:text_count] = True
    # Item and block numbers fit 32 bits: the sorts and masks over every membership
    # below (the transient peak of blocking) take half the memory.
    return block.astype(np.int32), item_of.astype(np.int32), is_text


def key_hash(key: tuple) -> int:
    """A block key as a signed 64-bit number, the same in every process (blake2b of its
    repr, not Python's salted `hash`)."""
    digest = hashlib.blake2b(repr(key).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


@dataclass
class Blocks:
    """The blocks to compare within, each of 2 to `cap` claims: their item indices, block
    after block (`members`), and the size of each block (`sizes`)."""

    members: np.ndarray
    sizes: np.ndarray

    @property
    def starts(self) -> np.ndarray:
        return np.cumsum(self.sizes) - self.sizes

    def pairs(self) -> int:
        """Pairs within the blocks (before those two blocks share are counted once)."""
        return int((self.sizes * (self.sizes - 1) // 2).sum())

    def take(self, chosen: np.ndarray) -> Blocks:
        """The blocks numbered in `chosen` (sorted)."""
        sizes = self.sizes[chosen]
        at = np.repeat(self.starts[chosen] - np.cumsum(sizes) + sizes, sizes)
        return Blocks(self.members[at + np.arange(len(at))], sizes)


def blocks(items: Sequence[Item], *, cap: int = CAP) -> tuple[Blocks, Blocking]:
    """The blocks of items that share a key: a block over `cap` claims is split by speaker
    name (a figure or fact key) or left out (a text band that common is boilerplate)."""
    stats = Blocking()
    if len(items) < 2:
        return Blocks(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int64)), stats
    block, item_of, is_text = _memberships(items)
    order = np.lexsort((item_of, block))
    block, item_of = block[order], item_of[order]
    starts = np.flatnonzero(np.r_[True, block[1:] != block[:-1]])
    sizes = np.diff(np.r_[starts, len(block)])
    stats.blocks = len(starts)
    each = np.repeat(sizes, sizes)
    fits = (sizes >= 2) & (sizes <= cap)
    members, kept = [item_of[(each >= 2) & (each <= cap)]], [sizes[fits]]
    for start, size in zip(starts[sizes > cap].tolist(), sizes[sizes > cap].tolist(), strict=True):
        stats.oversized += 1
        if not is_text[block[start]]:
            for part in _split(item_of[start : start + size], items):
                if 2 <= len(part) <= cap:
                    members.append(np.array(part, dtype=np.int32))
                    kept.append(np.array([len(part)], dtype=np.int64))
    found = Blocks(np.concatenate(members), np.concatenate(kept))
    stats.largest = int(found.sizes.max(initial=0))
    return found, stats


def pairs_within(found: Blocks, articles: np.ndarray) -> np.ndarray:
    """Pairs (i, j), i < j, sorted, of members of one block from different articles (the
    article number of item i is `articles[i]`), as an (n, 2) array; computed for all the
    blocks of one size at once."""
    count = len(articles)
    codes = [np.zeros(0, dtype=np.int64)]
    starts = found.starts
    for size in np.unique(found.sizes).tolist():
        at = starts[found.sizes == size]
        rows = found.members[at[:, None] + np.arange(size)]
        a, b = np.triu_indices(size, 1)
        for part in range(0, len(rows), max(1, (1 << 20) // len(a))):  # bounded temporaries
            chunk = rows[part : part + max(1, (1 << 20) // len(a))]
            first = chunk[:, a].ravel().astype(np.int64)
            second = chunk[:, b].ravel().astype(np.int64)
            keep = articles[first] != articles[second]
            low, high = np.minimum(first, second)[keep], np.maximum(first, second)[keep]
            codes.append(np.unique(low * count + high))
    unique = np.unique(np.concatenate(codes))
    return np.stack([unique // count, unique % count], axis=1)


def article_numbers(items: Sequence[Item]) -> np.ndarray:
    """A number per item's article (the same for the claims of one article)."""
    numbers: dict[str, int] = {}
    found = (numbers.setdefault(it.article_id, len(numbers)) for it in items)
    return np.fromiter(found, dtype=np.int64, count=len(items))


def candidate_pairs(items: Sequence[Item], *, cap: int = CAP) -> tuple[np.ndarray, Blocking]:
    """Pairs (i, j), i < j, sorted, of items of different articles that share a block, as
    an (n, 2) array."""
    found, stats = blocks(items, cap=cap)
    pairs = pairs_within(found, article_numbers(items))
    stats.pairs = len(pairs)
    return pairs, stats
