"""One-to-one matching of gold items to predicted items, optimal and deterministic.

`best_matching` takes the candidate pairs with a tuple of non-negative integer scores each and
returns the matching that, in this order: has the most pairs; has the largest sum of the
first score; then of the second; ...; and, among matchings still tied, contains the earliest
pair `(gold, predicted)` in index order where they differ. The order is encoded in one
integer weight per pair and solved exactly with the Hungarian algorithm on each connected
group of candidates (articles are small; Python integers do not overflow).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

Pair = tuple[int, int]


def best_matching(candidates: Mapping[Pair, Sequence[int]]) -> list[Pair]:
    """The best one-to-one matching among `candidates` (see module docstring), sorted."""
    matched: list[Pair] = []
    for group in _groups(candidates):
        matched.extend(_solve(group, candidates))
    return sorted(matched)


def _groups(candidates: Mapping[Pair, Sequence[int]]) -> list[list[Pair]]:
    """The candidate pairs split into connected groups (pairs sharing a gold or predicted item)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for g, p in candidates:
        a, b = root(("g", g)), root(("p", p))
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[tuple[str, int], list[Pair]] = {}
    for pair in sorted(candidates):
        groups.setdefault(root(("g", pair[0])), []).append(pair)
    return list(groups.values())


def _solve(pairs: list[Pair], candidates: Mapping[Pair, Sequence[int]]) -> list[Pair]:
    """The best matching of one connected group, by lexicographic integer weights."""
    rows = sorted({g for g, _ in pairs})
    cols = sorted({p for _, p in pairs})
    if len(pairs) == 1:
        return list(pairs)
    size = min(len(rows), len(cols))
    cells = len(rows) * len(cols)
    levels = len(candidates[pairs[0]])
    # Build the weight units from the last criterion up: each unit exceeds the largest total
    # that all lower criteria can reach in a matching of `size` pairs.
    unit = 1 << cells  # the tie-break bits below sum to less than this
    units = [0] * levels
    for level in reversed(range(levels)):
        units[level] = unit
        top = max(candidates[pair][level] for pair in pairs)
        unit *= size * top + 1
    row_of = {g: i for i, g in enumerate(rows)}
    col_of = {p: j for j, p in enumerate(cols)}
    weights: dict[Pair, int] = {}
    for pair in pairs:
        i, j = row_of[pair[0]], col_of[pair[1]]
        scores = candidates[pair]
        tie_break = 1 << (cells - 1 - (i * len(cols) + j))
        weights[(i, j)] = unit + sum(s * u for s, u in zip(scores, units, strict=True)) + tie_break
    chosen = _max_weight_assignment(len(rows), len(cols), weights)
    return [(rows[i], cols[j]) for i, j in chosen]


def _max_weight_assignment(n: int, m: int, weights: Mapping[Pair, int]) -> list[Pair]:
    """Max-weight matching of an n x m bipartite graph (missing pairs weigh 0), Hungarian."""
    transpose = n > m
    if transpose:
        n, m = m, n
        weights = {(j, i): w for (i, j), w in weights.items()}
    top = max(weights.values())
    cost = [[top - weights.get((i, j), 0) for j in range(m)] for i in range(n)]
    inf = (top + 1) * (n + m + 2) * 4
    u = [0] * (n + 1)
    v = [0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: the row (1-based) assigned to column j, 0 for none
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            delta = inf
            j1 = 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                reduced = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if reduced < minv[j]:
                    minv[j] = reduced
                    way[j] = j0
                if minv[j] < delta:
                    delta = minv[j]
                    j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    pairs = ((owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j])
    chosen = [pair for pair in pairs if pair in weights]
    if transpose:
        chosen = [(j, i) for i, j in chosen]
    return sorted(chosen)
