"""Candidate pairs: only claims that share a block key are ever compared.

Three kinds of key, so that cost grows with the sizes of the blocks, not with the square
of the claims:

- `text`: the LSH bands of the sentence's MinHash signature (near copies, with any
  figures, since numbers are masked);
- `figure`: a figure's kind (currency, `%`, `count`) and its value at two significant
  digits, rounded down and up (two figures that can be the same value share one);
- `fact`: a figure's kind and unit with one word of the speaker's or target's name (the
  same fact given with two different figures).

A block larger than `cap` is split by the first content word when possible; what is
still too large is left out and counted (`Blocking.oversized`): a key that common is no
evidence of anything.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from newsclaims.link.facts import Item
from newsclaims.link.minhash import bands, signatures

CAP = 200


@dataclass
class Blocking:
    blocks: int = 0
    largest: int = 0
    oversized: int = 0
    pairs: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)


def buckets(value: float) -> tuple[int, ...]:
    """A value at two significant digits, rounded down and up, as integers of its scale:
    12,018 -> (12000, 13000); 0.934 -> (0.93, 0.94) as scaled integers with the exponent."""
    if value == 0 or math.isinf(value) or math.isnan(value):
        return (0,)
    exponent = math.floor(math.log10(abs(value))) - 1
    scaled = value / 10.0**exponent
    low = math.floor(scaled)
    return tuple(dict.fromkeys((low * 1000 + exponent, (low + 1) * 1000 + exponent)))


def _keys(item: Item, band_keys: list[bytes]) -> Iterator[tuple]:
    for key in band_keys:
        yield ("text", key)
    for f in item.figures:
        for bucket in buckets(f.value):
            yield ("figure", f.kind, bucket)
        for word in sorted(item.speaker_words | item.target_words):
            yield ("fact", f.kind, f.unit, word)


def _split(members: list[int], items: Sequence[Item]) -> dict[str, list[int]]:
    parts: dict[str, list[int]] = defaultdict(list)
    for i in members:
        for word in sorted(items[i].content):
            parts[word].append(i)
    return parts


def candidate_pairs(items: Sequence[Item], *, cap: int = CAP) -> tuple[list[tuple], Blocking]:
    """Sorted pairs (i, j), i < j, of items of different articles that share a block."""
    sigs = signatures([it.shingles for it in items])
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for it in items:
        for key in dict.fromkeys(_keys(it, bands(sigs[it.index]))):
            blocks[key].append(it.index)
    stats = Blocking(blocks=len(blocks))
    seen: set[int] = set()
    n = len(items)
    for key, members in blocks.items():  # insertion order: the same on every run
        if len(members) < 2:
            continue
        groups = [members]
        if len(members) > cap:
            groups = [g for g in _split(members, items).values() if 2 <= len(g) <= cap]
            stats.oversized += 1
        for group in groups:
            stats.largest = max(stats.largest, len(group))
            for a, i in enumerate(group):
                article = items[i].article_id
                for j in group[a + 1 :]:
                    if items[j].article_id == article:
                        continue
                    code = i * n + j if i < j else j * n + i
                    if code not in seen:
                        seen.add(code)
                        stats.by_kind[key[0]] = stats.by_kind.get(key[0], 0) + 1
    stats.pairs = len(seen)
    return sorted(divmod(code, n) for code in seen), stats
