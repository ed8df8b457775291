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
- `speaker`: each word of the claim's speaker's or target's name, for a claim without figures or
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

A streaming run (`newsclaims.link.stream`) gives `part_blocks` the (key, item) rows of a
part at a time, each part holding every row of its keys; `blocks` does the same for items
held in memory.
"""

from __future__ import annotations

import hashlib
import math
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
    # A speaker's name words and a target's share one key: one report's speaker is
    # another's subject (`Brightwater said it would cut water pressure`, `Brightwater will
    # lower water pressure`).
    if all(loose(f) for f in item.figures):
        for word in sorted(item.speaker_words | item.target_words):
            yield ("speaker", word)
    for lo, hi in item.bounded:  # an event on its day told in other words
        yield ("when", lo, hi)
    if not item.bounded:  # a plan with its deadline told in other words
        for lo, hi in item.dates:
            if math.isinf(lo) and math.isfinite(hi):
                yield ("due", hi)


def who_key(item: Item) -> int:
    """The speaker's (else the target's) name words as a nonzero 64-bit digest, 0 for a
    claim that names no one: what an oversized block is split by."""
    who = item.speaker_words or item.target_words
    return (key_hash(" ".join(sorted(who))) or 1) if who else 0


def key_hashes(item: Item) -> list[int]:
    """The digests of a claim's `figure`, `fact` ... keys (its text bands are in numpy)."""
    return [key_hash(key) for key in dict.fromkeys(_keys(item))]


def _split(members: np.ndarray, who: np.ndarray) -> list[np.ndarray]:
    """An oversized block in disjoint parts, one per speaker (else target) name (`who`:
    each item's `who_key`): each claim in one part, so the pairs stay within what the cap
    allows; a claim that names no one is left out."""
    names = who[members]
    members, names = members[names != 0], names[names != 0]
    order = np.argsort(names, kind="stable")
    members, names = members[order], names[order]
    cuts = np.flatnonzero(np.r_[True, names[1:] != names[:-1]]) if len(names) else []
    return np.split(members, cuts[1:]) if len(names) else []


def packed_shingles(items: Sequence[Item]) -> tuple[np.ndarray, np.ndarray]:
    """Every item's word-pair hashes in one array (each item's sorted, in item order) and
    how many each item has."""
    values = np.frombuffer(b"".join(it.packed for it in items), dtype=np.uint32)
    lengths = np.fromiter((len(it.packed) // 4 for it in items), dtype=np.int64, count=len(items))
    return values, lengths


def common_threshold(count: int) -> int:
    """A word pair in more claims than this, of `count`, is common (`it said`, `in the`)."""
    return int(max(COMMON_MIN, count * COMMON_SHARE))


def common_shingles(values: np.ndarray, count: int) -> np.ndarray:
    """Word pairs in so many sentences that sharing them says nothing (`it said`, `in the`):
    more than COMMON_SHARE of the `count` claims and more than COMMON_MIN of them (sorted)."""
    found, counts = np.unique(values, return_counts=True)
    return found[counts > common_threshold(count)]


def band_rows(
    values: np.ndarray, lengths: np.ndarray, common: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The text band keys (as signed 64-bit numbers) of sets given as one array of their
    word-pair hashes and their sizes, common ones left out, with the set each belongs to."""
    keep = ~np.isin(values, common)
    owner = np.repeat(np.arange(len(lengths)), lengths)
    keys, rows = text_bands(values[keep], np.bincount(owner[keep], minlength=len(lengths)))
    return keys.view(np.int64), rows


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

    @classmethod
    def join(cls, parts: Sequence[Blocks]) -> Blocks:
        if not parts:
            return cls(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int64))
        members = np.concatenate([p.members for p in parts])
        return cls(members, np.concatenate([p.sizes for p in parts]))


def part_blocks(
    keys: np.ndarray, members: np.ndarray, who: np.ndarray, stats: Blocking, *, text: bool,
    cap: int = CAP,
) -> Blocks:  # fmt: skip
    """The blocks of (key, item) rows holding every row of their keys: the items that share
    a key, one block each, a block over `cap` claims split by speaker name (a figure or fact
    key, `text` false) or left out (a text band that common is boilerplate)."""
    order = np.lexsort((members, keys))
    block, item_of = keys[order], members[order].astype(np.int32)
    if not len(block):
        return Blocks.join([])
    starts = np.flatnonzero(np.r_[True, block[1:] != block[:-1]])
    sizes = np.diff(np.r_[starts, len(block)])
    stats.blocks += len(starts)
    each = np.repeat(sizes, sizes)
    fits = (sizes >= 2) & (sizes <= cap)
    found = [Blocks(item_of[(each >= 2) & (each <= cap)], sizes[fits].astype(np.int64))]
    for start, size in zip(starts[sizes > cap].tolist(), sizes[sizes > cap].tolist(), strict=True):
        stats.oversized += 1
        if not text:
            for part in _split(item_of[start : start + size], who):
                if 2 <= len(part) <= cap:
                    found.append(Blocks(part, np.array([len(part)], dtype=np.int64)))
    out = Blocks.join(found)
    stats.largest = max(stats.largest, int(out.sizes.max(initial=0)))
    return out


def blocks(items: Sequence[Item], *, cap: int = CAP) -> tuple[Blocks, Blocking]:
    """The blocks of items held in memory (`index` their position) that share a key, as
    the streaming run (`newsclaims.link.stream`) makes them a part at a time."""
    stats = Blocking()
    if len(items) < 2:
        return Blocks.join([]), stats
    values, lengths = packed_shingles(items)
    text_keys, text_items = band_rows(values, lengths, common_shingles(values, len(items)))
    hashes, owners = [], []
    for it in items:
        found = key_hashes(it)
        hashes.extend(found)
        owners.extend([it.index] * len(found))
    who = np.array([who_key(it) for it in items], dtype=np.int64)
    found = [
        part_blocks(text_keys, text_items, who, stats, text=True, cap=cap),
        part_blocks(np.array(hashes, dtype=np.int64), np.array(owners, dtype=np.int64), who,
                    stats, text=False, cap=cap),
    ]  # fmt: skip
    return Blocks.join(found), stats


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
        for part in range(0, len(rows), max(1, (1 << 16) // len(a))):  # bounded temporaries
            chunk = rows[part : part + max(1, (1 << 16) // len(a))]
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
