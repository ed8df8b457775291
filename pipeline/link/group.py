"""Union-find over `same` pairs, strongest first, that never joins two claims in conflict
nor two claims of one article: a cluster is one fact with one value, one claim per
article (`about 12,000` may join `12,018`, but then `12,108` stays out)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence

import numpy as np


def strongest_first(scores: np.ndarray, first: np.ndarray, second: np.ndarray, *,
                    step: int = 8192) -> Iterator[tuple[float, int, int]]:  # fmt: skip
    """`same` pairs (score, i, j) from three arrays, highest score first, then by i and j,
    a slice at a time."""
    order = np.lexsort((second, first, -scores))
    for start in range(0, len(order), step):
        chosen = order[start : start + step]
        yield from zip(scores[chosen].tolist(), first[chosen].tolist(), second[chosen].tolist(),
                       strict=True)  # fmt: skip


def group(
    count: int,
    same: Iterable[tuple[float, int, int]],
    conflicts: Iterable[tuple[int, int]],
    articles: Sequence,
    *,
    ordered: bool = False,
) -> list[list[int]]:
    """Clusters of two or more item indices, each sorted, in order of their first index
    (`same` already strongest first when `ordered`: `strongest_first`)."""
    parent = array("q", range(count))
    members: dict[int, list[int]] = {}
    cannot: dict[int, set[int]] = {}
    for i, j in conflicts:
        cannot.setdefault(i, set()).add(j)
        cannot.setdefault(j, set()).add(i)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    edges = same if ordered else sorted(same, key=lambda e: (-e[0], e[1], e[2]))
    for _score, i, j in edges:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        mi, mj = members.get(ri, [ri]), members.get(rj, [rj])
        if {articles[k] for k in mi} & {articles[k] for k in mj}:
            continue
        blocked = cannot.get(ri, set())
        if any(find(k) == rj for k in blocked):
            continue
        if len(mi) < len(mj):
            ri, rj, mi, mj = rj, ri, mj, mi
        parent[rj] = ri
        members[ri] = mi + mj
        members.pop(rj, None)
        cannot[ri] = cannot.get(ri, set()) | cannot.pop(rj, set())
    return sorted(sorted(m) for m in members.values())
