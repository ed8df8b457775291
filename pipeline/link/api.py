"""`newsclaims link`: read extract outputs, link their claims, write the two files."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from pydantic import BaseModel, ValidationError

from newsclaims.link.facts import Item, Origin, item
from newsclaims.link.spill import Records
from newsclaims.link.stream import Links, Seen, link_stream
from newsclaims.models import Claim
from newsclaims.models.links import Cluster

log = logging.getLogger(__name__)

CLUSTERS = "clusters.jsonl"
CONFLICTS = "conflicts.jsonl"


class LinkInputError(ValueError):
    """An input folder that is not an extract output, or a line that is not a record."""


ENGINES = ("local", "dask")


def link_items(
    items: Iterable[Item],
    *,
    cap: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int = 2,
    **parts,
) -> Links:
    """Clusters and conflicts of items (their `index` is their position), streamed: at
    most a part of them held at once (`parts`: `part_rows`, `part_pairs` of
    `newsclaims.link.stream`). With `engine` `dask`, the pairs are judged on a Dask
    cluster (`scheduler`, else a LocalCluster of `workers` processes), with the same
    result."""
    if engine not in ENGINES:
        raise LinkInputError(f"unknown engine {engine!r}: use local or dask")
    if scheduler is not None and engine != "dask":
        raise LinkInputError("--scheduler needs --engine dask")
    options = {"cap": cap} if cap is not None else {}
    return link_stream(
        items, engine=engine, scheduler=scheduler, workers=workers, **options, **parts
    )


def link(claims: Iterable[Claim], origins: dict[str, Origin], **engine) -> Links:
    """Link claims; `origins` maps an article id to its date, publisher and URL
    (`engine`: `link_items`'s engine, scheduler, workers and parts). A claim id seen
    before (the same article in two outputs) is read once."""
    seen = Seen()

    def items() -> Iterator[Item]:
        index = 0
        for claim in claims:
            if seen.add(claim.id):
                yield item(index, claim, origins.get(claim.article_id))
                index += 1

    if engine.get("engine", "local") not in ENGINES:  # before any claim is read
        raise LinkInputError(f"unknown engine {engine['engine']!r}: use local or dask")
    return link_items(items(), **engine)


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
    """One JSON object per line, written under a temporary name and renamed when complete
    (the records of a run as their lines were written, none parsed again)."""
    temporary = path.with_name(f".{path.name}.tmp")
    lines = (
        records.lines()
        if isinstance(records, Records)
        else (record.model_dump_json() for record in records)
    )
    with temporary.open("w", encoding="utf-8", newline="\n") as handle:
        for line in lines:
            handle.write(line + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def write_links(links: Links, out: Path) -> None:
    """`OUT/clusters.jsonl` and `OUT/conflicts.jsonl` (the folder is created)."""
    out.mkdir(parents=True, exist_ok=True)
    _write(out / CLUSTERS, links.clusters)
    _write(out / CONFLICTS, links.conflicts)
