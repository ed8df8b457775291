"""The verdict on every candidate pair of a set of blocks (the work `--engine dask`
spreads over workers)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence

import numpy as np

from newsclaims.link.blocking import Blocks, article_numbers, pairs_within
from newsclaims.link.compare import Verdict, WordSets, compare
from newsclaims.link.facts import Item

Found = list[tuple[int, int, Verdict]]  # (i, j, verdict), i < j, sorted


class WordSetCache(OrderedDict):
    """The unpacked word sets of the items compared lately, by item index (pairs come
    sorted, and the claims of one story often sit near each other): an item is unpacked
    far less often than once per pair, and at most `size` are held."""

    def __init__(self, items: Sequence[Item] | Mapping[int, Item], size: int = 16384) -> None:
        super().__init__()
        self.items, self.size = items, size

    def __missing__(self, index: int) -> WordSets:
        if len(self) >= self.size:
            self.popitem(last=False)
        it = self.items[index]
        found = self[index] = (it.shingles, it.content)
        return found


def each(pairs: np.ndarray, step: int = 4096) -> Iterator[tuple[int, int]]:
    """The rows of a pairs array as Python ints, a slice at a time (one list for all of
    them would hold a hundred bytes per pair)."""
    for start in range(0, len(pairs), step):
        yield from pairs[start : start + step].tolist()


def judge_pairs(
    items: Sequence[Item] | Mapping[int, Item],
    pairs: np.ndarray,
    *,
    sets: WordSetCache | None = None,
) -> Found:
    """The pairs (an (n, 2) array of item indices, sorted) that are the same fact or a
    conflict, with their verdicts (`items`: by index, at least those of the pairs; `sets`:
    a cache of their word sets to go on with)."""
    out: Found = []
    sets = WordSetCache(items) if sets is None else sets
    for i, j in each(pairs):
        verdict = compare(items[i], items[j], sets=(sets[i], sets[j]))
        if verdict is not None:
            out.append((i, j, verdict))
    return out


Verdicts = list[tuple[int, int, str, float, int, int]]  # i, j, relation, score, figure of each


def judge_part(
    items: Mapping[int, Item], pairs: np.ndarray, *, sets: WordSetCache | None = None
) -> Verdicts:
    """The verdicts of a part's pairs as numbers (what a Dask worker returns): the two
    item indices, the relation, the score and, for a conflict, the position of each
    figure in its item's figures (-1 for none)."""
    out = []
    for i, j, v in judge_pairs(items, pairs, sets=sets):
        fi = fj = -1
        if v.figures is not None:
            f, g = v.figures
            fi = next(k for k, x in enumerate(items[i].figures) if x is f)
            fj = next(k for k, y in enumerate(items[j].figures) if y is g)
        out.append((i, j, v.relation, v.score, fi, fj))
    return out


def judge(items: Sequence[Item], found: Blocks) -> tuple[Found, int]:
    """Every pair within the blocks (`found.members`: positions in `items`) that is the
    same fact or a conflict, with its verdict; and how many pairs were compared."""
    pairs = pairs_within(found, article_numbers(items))
    return judge_pairs(items, pairs), len(pairs)
