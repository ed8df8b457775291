"""`newsclaims link`: read extract outputs, link their claims, write the two files."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from newsclaims.link.blocking import Blocking, blocks
from newsclaims.link.build import cluster, conflict
from newsclaims.link.compare import meet
from newsclaims.link.facts import Fig, Item, Origin, item
from newsclaims.link.group import group
from newsclaims.link.judge import judge
from newsclaims.models import Claim
from newsclaims.models.links import Cluster, Conflict

log = logging.getLogger(__name__)

CLUSTERS = "clusters.jsonl"
CONFLICTS = "conflicts.jsonl"


class LinkInputError(ValueError):
    """An input folder that is not an extract output, or a line that is not a record."""


@dataclass
class Links:
    clusters: list[Cluster]
    conflicts: list[Conflict]
    claims: int = 0
    blocking: Blocking = field(default_factory=Blocking)
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


ENGINES = ("local", "dask")


def link_items(
    items: Sequence[Item],
    *,
    cap: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int = 2,
) -> Links:
    """Clusters and conflicts of items (their `index` is their position); with `engine`
    `dask`, the pairs are judged on a Dask cluster (`scheduler`, else a LocalCluster of
    `workers` processes), with the same result."""
    if engine not in ENGINES:
        raise LinkInputError(f"unknown engine {engine!r}: use local or dask")
    if scheduler is not None and engine != "dask":
        raise LinkInputError("--scheduler needs --engine dask")
    started = time.perf_counter()
    found, blocking = blocks(items) if cap is None else blocks(items, cap=cap)
    if engine == "dask":
        from newsclaims.link.dask_link import judge_on_dask

        verdicts, blocking.pairs = judge_on_dask(items, found, scheduler=scheduler, workers=workers)
    else:
        verdicts, blocking.pairs = judge(items, found)
    same = [(v.score, i, j) for i, j, v in verdicts if v.relation == "same"]
    differ = [(i, j, v.figures) for i, j, v in verdicts if v.relation != "same"]
    del verdicts
    articles = [it.article_id for it in items]
    groups = group(len(items), same, [(i, j) for i, j, _ in differ], articles)
    clusters = [cluster([items[i] for i in g]) for g in groups]
    of: dict[int, str] = {i: c.id for g, c in zip(groups, clusters, strict=True) for i in g}
    differ = spread(differ, groups, items)
    conflicts = [conflict(items[i], items[j], figs, of) for i, j, figs in differ]
    clusters.sort(key=_first)
    conflicts.sort(key=lambda c: (c.a.source, c.b.source, c.id))
    return Links(
        clusters=clusters,
        conflicts=conflicts,
        claims=len(items),
        blocking=blocking,
        seconds=time.perf_counter() - started,
    )


def spread(
    found: list[tuple[int, int, tuple[Fig, Fig]]], groups: list[list[int]], items: Sequence[Item]
) -> list[tuple[int, int, tuple[Fig, Fig]]]:
    """Every pair of claims that give the two values of a conflict: a claim whose cluster
    mate disagrees with another claim disagrees with it too, when it holds the same value
    (one wrong figure against two outlets that give the right one is two conflicts). A
    claim that gives both values (a correction: `$31 million, not $13 million`) takes no
    side."""
    cluster_of = {i: g for g in groups for i in g}
    out = {(i, j): figs for i, j, figs in found}
    for i, j, (fi, fj) in found:
        for x in cluster_of.get(i, [i]):
            gx = _side(items[x], fi, fj)
            for y in cluster_of.get(j, [j]):
                if gx is None or items[x].article_id == items[y].article_id:
                    continue
                gy = _side(items[y], fj, fi)
                key = (x, y) if x < y else (y, x)
                if gy is not None and key not in out:
                    out[key] = (gx, gy) if x < y else (gy, gx)
    return [(i, j, figs) for (i, j), figs in sorted(out.items())]


def _side(it: Item, value: Fig, other: Fig) -> Fig | None:
    """The figure of `it` that gives `value`, unless it gives `other` too."""
    if any(meet(f, other) for f in it.figures):
        return None
    return next((f for f in it.figures if meet(f, value)), None)


def _first(c: Cluster) -> tuple:
    first = c.first_appearance
    return (first.published is None, str(first.published), first.source, c.id)


def link(claims: Iterable[Claim], origins: dict[str, Origin], **engine) -> Links:
    """Link claims; `origins` maps an article id to its date, publisher and URL
    (`engine`: `link_items`'s engine, scheduler and workers)."""
    items: list[Item] = []
    seen: set[str] = set()
    for claim in claims:
        if claim.id in seen:  # the same article in two outputs
            continue
        seen.add(claim.id)
        items.append(item(len(items), claim, origins.get(claim.article_id)))
    return link_items(items, **engine)


def _check(folder: Path) -> None:
    for name in ("claims.jsonl", "articles.jsonl"):
        if not (folder / name).is_file():
            raise LinkInputError(
                f"{folder / name} is missing: is {folder} an extract output folder?"
            )


def read_origins(folder: Path, problems: list[str]) -> dict[str, Origin]:
    """Article id -> date, publisher and URL, from an output folder's `articles.jsonl`."""
    _check(folder)
    path = folder / "articles.jsonl"
    origins: dict[str, Origin] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            try:
                row = json.loads(line)
                published = row.get("published")
                origins[row["id"]] = Origin(
                    dt.date.fromisoformat(published) if published else None,
                    row.get("publisher"),
                    row.get("url"),
                )
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                problems.append(f"{path}:{number}: not an article ({error})")
    return origins


def iter_claims(folder: Path, problems: list[str]) -> Iterator[Claim]:
    """The claims of an output folder, one at a time; a line that is not a claim is a
    problem (listed) and the rest is read."""
    _check(folder)
    path = folder / "claims.jsonl"
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            try:
                yield Claim.model_validate_json(line)
            except ValidationError as error:
                first = error.errors()[0]["msg"] if error.errors() else str(error)
                problems.append(f"{path}:{number}: not a claim ({first})")


def read_output(folder: Path, problems: list[str]) -> tuple[list[Claim], dict[str, Origin]]:
    """The claims of an extract output folder and the origins of its articles."""
    origins = read_origins(folder, problems)
    return list(iter_claims(folder, problems)), origins


def read_outputs(folders: Sequence[Path]) -> tuple[list[Claim], dict[str, Origin], list[str]]:
    """The claims and article origins of extract output folders, and the lines not read."""
    problems: list[str] = []
    claims: list[Claim] = []
    origins: dict[str, Origin] = {}
    for folder in folders:
        more, known = read_output(Path(folder), problems)
        claims.extend(more)
        origins.update(known)
    return claims, origins, problems


def link_outputs(folders: Sequence[Path], **engine) -> Links:
    """Link the claims of one or more extract output folders together (claims are read
    one at a time and kept only as compact items; `engine`: as `link_items`)."""
    problems: list[str] = []
    origins: dict[str, Origin] = {}
    for folder in folders:
        origins.update(read_origins(Path(folder), problems))
    claims = (c for folder in folders for c in iter_claims(Path(folder), problems))
    links = link(claims, origins, **engine)
    links.problems = problems
    return links


def read_clusters(folder: Path) -> list[Cluster] | None:
    """The clusters of a folder that holds `clusters.jsonl`, else None."""
    path = Path(folder) / CLUSTERS
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as handle:
        try:
            return [Cluster.model_validate_json(line) for line in handle if line.strip()]
        except ValidationError as error:
            reason = error.errors()[0]["msg"]
            raise LinkInputError(f"{path}: not a clusters file ({reason})") from None


def _write(path: Path, records: Iterable[BaseModel]) -> None:
    """One JSON object per line, written under a temporary name and renamed when complete."""
    temporary = path.with_name(f".{path.name}.tmp")
    with temporary.open("w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write(record.model_dump_json() + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def write_links(links: Links, out: Path) -> None:
    """`OUT/clusters.jsonl` and `OUT/conflicts.jsonl` (the folder is created)."""
    out.mkdir(parents=True, exist_ok=True)
    _write(out / CLUSTERS, links.clusters)
    _write(out / CONFLICTS, links.conflicts)
