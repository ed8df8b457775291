"""A link run that streams: what it holds is bounded by a part, not by the claims.

1. One pass over the claims: each becomes an `Item`, written to a temporary item store
   (`spill.ItemStore`); only compact numbers are kept per claim (its article's and its
   speaker's digests, its count of word pairs), its word pairs and block key digests go
   to temporary files.
2. Word pairs common to many claims are counted part by part (split by value); the text
   bands of the rest are computed a slice of claims at a time.
3. Block memberships (key digest, item) are split by key into parts that hold every row
   of a key, so each part gives whole blocks (`blocking.part_blocks`); their pairs are
   split by their first item into parts of about `part_pairs` pairs.
4. Each pair part, in order of its items, is judged with the items it names loaded from
   the store (and dropped after): the verdicts come in the order of a run that held
   everything, kept as numbers (score, item indices, figure positions).
5. Grouping runs over those numbers; clusters and conflicts are built one at a time from
   their members' items and sorted by SQLite (`spill.Sorter`) into `spill.Records`.

The files are byte-identical to those of a run that held every item.
"""

from __future__ import annotations

import hashlib
import math
import tempfile
import time
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from newsclaims.link.blocking import (
    CAP,
    Blocking,
    Blocks,
    band_rows,
    common_threshold,
    key_hashes,
    pairs_within,
    part_blocks,
    who_key,
)
from newsclaims.link.build import cluster, conflict
from newsclaims.link.compare import meet
from newsclaims.link.facts import Fig, Item
from newsclaims.link.group import group, strongest_first
from newsclaims.link.judge import Verdicts, WordSetCache, judge_part
from newsclaims.link.spill import ItemStore, Parts, Records, Sorter, text_key
from newsclaims.models.links import Cluster, Conflict

PART_ROWS = 1 << 18  # block memberships (or word pairs) of one part: about 3 MB
PART_PAIRS = 1 << 14  # candidate pairs (before those of two blocks are counted once) a part
SLICE = 8192  # claims whose text bands are computed at once
_MEMBER = np.dtype([("key", "<i8"), ("item", "<i4")])


@dataclass
class Links:
    """What a link run gives: the records (`spill.Records` from a run, or lists) and what
    it measured."""

    clusters: Sequence[Cluster]
    conflicts: Sequence[Conflict]
    claims: int = 0
    blocking: Blocking = field(default_factory=Blocking)
    seconds: float = 0.0
    members: int = 0  # claims in clusters
    revisions: int = 0
    held: int = 0  # the most items held in memory at once
    parts: int = 0  # pair parts judged
    problems: list[str] = field(default_factory=list)


def digest(text: str) -> int:
    return int.from_bytes(
        hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(),
        "little",
        signed=True,
    )


class Seen:
    """Claim ids already read, as sorted 64-bit digests (8 bytes a claim) and a set of
    the latest."""

    def __init__(self) -> None:
        self.sorted = np.zeros(0, dtype=np.int64)
        self.latest: set[int] = set()

    def add(self, claim_id: str) -> bool:
        """Whether the id is new (and now seen)."""
        key = digest(claim_id)
        if key in self.latest:
            return False
        at = int(np.searchsorted(self.sorted, key))
        if at < len(self.sorted) and self.sorted[at] == key:
            return False
        self.latest.add(key)
        if len(self.latest) >= 4096:
            merged = np.fromiter(self.latest, dtype=np.int64, count=len(self.latest))
            self.sorted = np.union1d(self.sorted, merged)
            self.latest.clear()
        return True


class _Spill:
    """Rows of one dtype appended to a temporary file and read back a slice at a time."""

    def __init__(self, path: Path, dtype) -> None:
        self.path, self.dtype, self.rows = path, np.dtype(dtype), 0
        self._file = path.open("w+b")

    def add(self, rows: np.ndarray) -> None:
        self._file.seek(0, 2)
        rows.astype(self.dtype).tofile(self._file)
        self.rows += len(rows)

    def read(self, start: int, count: int) -> np.ndarray:
        self._file.flush()
        self._file.seek(start * self.dtype.itemsize)
        return np.fromfile(self._file, dtype=self.dtype, count=count)

    def close(self) -> None:
        self._file.close()
        self.path.unlink(missing_ok=True)


@dataclass
class _Run:
    """The state of one run: the item store, the compact numbers per claim, the spills."""

    folder: Path
    cap: int
    part_rows: int
    part_pairs: int
    store: ItemStore = field(init=False)
    articles: array = field(default_factory=lambda: array("q"))
    who: array = field(default_factory=lambda: array("q"))
    lengths: array = field(default_factory=lambda: array("q"))
    stats: Blocking = field(default_factory=Blocking)

    def __post_init__(self) -> None:
        self.store = ItemStore(self.folder)
        self.shingles = _Spill(self.folder / "shingles.bin", np.uint32)
        self.keys = _Spill(self.folder / "keys.bin", _MEMBER)
        self._packed: list[bytes] = []
        self._hashes, self._owners = array("q"), array("q")

    @property
    def count(self) -> int:
        return len(self.store)

    def add(self, it: Item) -> None:
        self.store.add(it)
        self.articles.append(digest(it.article_id))
        self.who.append(who_key(it))
        self.lengths.append(len(it.packed) // 4)
        self._packed.append(it.packed)
        hashes = key_hashes(it)
        self._hashes.extend(hashes)
        self._owners.extend([it.index] * len(hashes))
        if len(self._packed) >= SLICE:
            self.flush()

    def flush(self) -> None:
        """The word pairs and key digests of the latest claims, to their files."""
        self.shingles.add(np.frombuffer(b"".join(self._packed), dtype=np.uint32))
        rows = np.empty(len(self._hashes), dtype=_MEMBER)
        rows["key"], rows["item"] = self._hashes, self._owners
        self.keys.add(rows)
        self._packed, self._hashes, self._owners = [], array("q"), array("q")

    def _parts(self, rows: int) -> int:
        return max(1, math.ceil(rows / self.part_rows))

    def common(self) -> np.ndarray:
        """Word pairs in more claims than `common_threshold`, counted part by part."""
        parts = Parts(self.folder, "shingle", self._parts(self.shingles.rows), np.uint32)
        for start in range(0, self.shingles.rows, self.part_rows):
            values = self.shingles.read(start, self.part_rows)
            parts.add(values % np.uint32(len(parts)), values)
        found = [np.zeros(0, dtype=np.uint32)]
        limit = common_threshold(self.count)
        for p in range(len(parts)):
            values, counts = np.unique(parts.read(p), return_counts=True)
            found.append(values[counts > limit])
        return np.sort(np.concatenate(found))

    def memberships(self) -> tuple[Parts, Parts]:
        """(key, item) rows of the text bands and of the other keys, each split by key."""
        self.flush()
        common = self.common()
        lengths = np.frombuffer(self.lengths, dtype=np.int64)
        text = Parts(self.folder, "text", self._parts(16 * self.count), _MEMBER)
        ends = np.cumsum(lengths)
        for first in range(0, self.count, SLICE):
            part = lengths[first : first + SLICE]
            lo = int(ends[first] - lengths[first])
            values = self.shingles.read(lo, int(part.sum()))
            keys, owners = band_rows(values, part, common)
            rows = np.empty(len(keys), dtype=_MEMBER)
            rows["key"], rows["item"] = keys, owners + first
            text.add(rows["key"] % len(text), rows)
        self.shingles.close()
        other = Parts(self.folder, "keys", self._parts(self.keys.rows), _MEMBER)
        for start in range(0, self.keys.rows, self.part_rows):
            rows = self.keys.read(start, self.part_rows)
            other.add(rows["key"] % len(other), rows)
        self.keys.close()
        return text, other

    def blocks(self) -> tuple[_Spill, _Spill, list[int]]:
        """The blocks of every membership part, spilled (members, sizes, blocks per part),
        and the pairs each item is the first of (before duplicates are dropped)."""
        members = _Spill(self.folder / "members.bin", np.int32)
        sizes = _Spill(self.folder / "sizes.bin", np.int32)
        counts = np.zeros(self.count, dtype=np.int64)
        who = np.frombuffer(self.who, dtype=np.int64)
        per_part: list[int] = []
        for parts, text in zip(self.memberships(), (True, False), strict=True):
            for p in range(len(parts)):
                rows = parts.read(p)
                found = part_blocks(rows["key"], rows["item"], who, self.stats, text=text,
                                    cap=self.cap)  # fmt: skip
                members.add(found.members)
                sizes.add(found.sizes)
                per_part.append(len(found.sizes))
                rank = np.arange(len(found.members)) - np.repeat(found.starts, found.sizes)
                later = np.repeat(found.sizes, found.sizes) - 1 - rank
                counts += np.bincount(found.members, weights=later, minlength=self.count).astype(
                    np.int64
                )
        self.part_of = (np.cumsum(counts) - counts) // self.part_pairs
        return members, sizes, per_part

    def pair_parts(self) -> Parts:
        """The candidate pairs (i * count + j, i < j, of different articles), split by i
        into parts of about `part_pairs` pairs, a part's items contiguous."""
        members, sizes, per_part = self.blocks()
        part_of = self.part_of
        pairs = Parts(self.folder, "pairs", int(part_of[-1]) + 1 if self.count else 1, np.int64)
        articles = np.frombuffer(self.articles, dtype=np.int64)
        at_block = at_member = 0
        for count in per_part:
            if not count:
                continue
            block_sizes = sizes.read(at_block, count).astype(np.int64)
            at_block += count
            # The blocks of a part a slice at a time, of about `part_pairs` pairs each.
            weight = np.cumsum(block_sizes * (block_sizes - 1) // 2)
            cuts = np.flatnonzero(np.diff(weight // self.part_pairs, prepend=-1))
            for lo, hi in zip(cuts.tolist(), [*cuts[1:].tolist(), count], strict=True):
                chosen = block_sizes[lo:hi]
                found = Blocks(members.read(at_member, int(chosen.sum())), chosen)
                at_member += int(chosen.sum())
                found_pairs = pairs_within(found, articles)
                codes = found_pairs[:, 0] * self.count + found_pairs[:, 1]
                pairs.add(part_of[found_pairs[:, 0]], codes)
        members.close()
        sizes.close()
        return pairs


def _judged(run: _Run, engine: str, scheduler: str | None, workers: int) -> Iterable[Verdicts]:
    """The verdicts of each pair part in order, judged here or on a Dask cluster."""
    pairs = run.pair_parts()

    def parts() -> Iterator[tuple]:
        for p in range(len(pairs)):
            codes = np.unique(pairs.read(p))
            found = np.stack([codes // run.count, codes % run.count], axis=1)
            run.stats.pairs += len(found)
            needed = np.unique(found).tolist()
            yield (lambda needed=needed: run.store.holding(needed)), found

    if engine == "dask":
        from newsclaims.link.dask_link import judge_on_dask

        yield from judge_on_dask(parts(), scheduler=scheduler, workers=workers)
        return
    sets = WordSetCache({}, size=4096)  # the word sets of items parts in a row share
    for holding, found in parts():
        with holding() as items:
            sets.items = items
            yield judge_part(items, found, sets=sets)


def _side(it: Item, value: Fig, other: Fig) -> int | None:
    """The position of the figure of `it` that gives `value`, unless it gives `other` too."""
    if any(meet(f, other) for f in it.figures):
        return None
    return next((k for k, f in enumerate(it.figures) if meet(f, value)), None)


def link_stream(
    items: Iterable[Item],
    *,
    cap: int = CAP,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int = 2,
    part_rows: int = PART_ROWS,
    part_pairs: int = PART_PAIRS,
) -> Links:
    """Clusters and conflicts of items given one at a time (their `index` is their
    position), holding at most a part of them at once."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="newsclaims-link-") as tmp:
        run = _Run(Path(tmp), cap, part_rows, part_pairs)
        for it in items:
            run.add(it)
        try:
            return _finish(run, engine, scheduler, workers, started)
        finally:
            run.store.close()


def _finish(run: _Run, engine: str, scheduler: str | None, workers: int, started: float):
    scores, first, second = array("d"), array("q"), array("q")
    differ: list[tuple[int, int, int, int]] = []
    parts = 0
    if run.count >= 2:
        for verdicts in _judged(run, engine, scheduler, workers):
            parts += 1
            for i, j, relation, score, fi, fj in verdicts:
                if relation == "same":
                    scores.append(score)
                    first.append(i)
                    second.append(j)
                else:
                    differ.append((i, j, fi, fj))
    same = strongest_first(
        np.frombuffer(scores, dtype=np.float64),
        np.frombuffer(first, dtype=np.int64),
        np.frombuffer(second, dtype=np.int64),
    )
    groups = group(run.count, same, [(i, j) for i, j, _, _ in differ], run.articles, ordered=True)
    label = np.full(run.count, -1, dtype=np.int64)
    for number, members in enumerate(groups):
        label[members] = number
    ids: list[str] = []
    sorter = Sorter(run.folder, "clusters")
    members_count = 0
    for members in groups:
        with run.store.holding(members) as items:
            record = cluster([items[i] for i in members])
        ids.append(record.id)
        members_count += record.size
        first_ = record.first_appearance
        key = text_key(
            "1" if first_.published is None else "0", str(first_.published), first_.source,
            record.id,
        )  # fmt: skip
        sorter.add(key, record.model_dump_json())
    clusters = Records(Cluster, sorter.lines())

    def mates(i: int) -> list[int]:
        return groups[label[i]] if label[i] >= 0 else [i]

    out = {(i, j): (fi, fj) for i, j, fi, fj in differ}
    for i, j, fi, fj in differ:
        xs, ys = mates(i), mates(j)
        with run.store.holding([i, j, *xs, *ys]) as items:
            value, other = items[i].figures[fi], items[j].figures[fj]
            for x in xs:
                gx = _side(items[x], value, other)
                for y in ys:
                    if gx is None or items[x].article_id == items[y].article_id:
                        continue
                    gy = _side(items[y], other, value)
                    key = (x, y) if x < y else (y, x)
                    if gy is not None and key not in out:
                        out[key] = (gx, gy) if x < y else (gy, gx)
    sorter = Sorter(run.folder, "conflicts")
    revisions = 0
    for (x, y), (fx, fy) in sorted(out.items()):
        with run.store.holding([x, y]) as items:
            a, b = items[x], items[y]
            of = {i: ids[label[i]] for i in (x, y) if label[i] >= 0}
            record = conflict(a, b, (a.figures[fx], b.figures[fy]), of)
        revisions += record.relation == "revision"
        sorter.add(text_key(record.a.source, record.b.source, record.id), record.model_dump_json())
    conflicts = Records(Conflict, sorter.lines())
    return Links(
        clusters=clusters,
        conflicts=conflicts,
        claims=run.count,
        blocking=run.stats,
        seconds=time.perf_counter() - started,
        members=members_count,
        revisions=revisions,
        held=run.store.peak,
        parts=parts,
    )
