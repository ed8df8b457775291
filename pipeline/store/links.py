"""Clusters and conflicts of `newsclaims link` in the database, and the queries the review
page asks of them.

Loading is idempotent and keyed by the records' ids: a cluster whose record is unchanged
is left alone, a changed one has its row and members replaced. A claim is in one cluster:
loading a cluster takes its claims out of any other, and a cluster left with fewer than
two members is dropped. Under a namespace, every id becomes `NAME:` + id, as the claims'.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import Connection, delete, func, or_, select

from newsclaims.link import Links, link
from newsclaims.link.facts import Origin
from newsclaims.models import Claim
from newsclaims.models.links import Cluster, Conflict
from newsclaims.store.engine import Store, upsert
from newsclaims.store.rows import check_namespace
from newsclaims.store.schema import articles, claims, cluster_members, clusters, conflicts

CLUSTERS = "clusters.jsonl"
CONFLICTS = "conflicts.jsonl"


@dataclass
class LinksReport:
    clusters: int = 0
    conflicts: int = 0
    unchanged: int = 0
    dropped: int = 0
    problems: list[str] = field(default_factory=list)


def has_links(folder: Path) -> bool:
    return (Path(folder) / CLUSTERS).is_file() or (Path(folder) / CONFLICTS).is_file()


def _key(namespace: str, value: str | None) -> str | None:
    return f"{namespace}:{value}" if namespace and value else value


def _read(path: Path, model, report: LinksReport) -> list:
    if not path.is_file():
        return []
    out = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                out.append(model.model_validate_json(line))
            except ValidationError as error:
                report.problems.append(f"{path}:{number}: not read ({error.errors()[0]['msg']})")
    return out


def _write_cluster(conn: Connection, cluster: Cluster, ns: str, report: LinksReport) -> None:
    key = _key(ns, cluster.id)
    record = cluster.model_dump_json()
    old = conn.execute(select(clusters.c.record).where(clusters.c.id == key)).scalar()
    if old == record:
        report.unchanged += 1
        return
    members = [_key(ns, a.claim_id) for a in cluster.appearances]
    # A claim is in one cluster: take it out of any other first.
    others = set(
        conn.execute(
            select(cluster_members.c.cluster_id).where(
                cluster_members.c.claim_id.in_(members), cluster_members.c.cluster_id != key
            )
        ).scalars()
    )
    conn.execute(
        delete(cluster_members).where(
            cluster_members.c.claim_id.in_(members), cluster_members.c.cluster_id != key
        )
    )
    for other in sorted(others):
        left = conn.execute(
            select(func.count()).where(cluster_members.c.cluster_id == other)
        ).scalar()
        if left < 2:
            conn.execute(delete(cluster_members).where(cluster_members.c.cluster_id == other))
            conn.execute(delete(clusters).where(clusters.c.id == other))
            report.dropped += 1
    first = cluster.first_appearance
    row = {
        "id": key,
        "size": cluster.size,
        "text": cluster.text,
        "speaker": cluster.speaker,
        "first_claim_id": _key(ns, first.claim_id),
        "first_published": first.published,
        "copies": cluster.copies,
        "record": record,
    }
    conn.execute(upsert(conn, clusters, row, key="id"))
    conn.execute(delete(cluster_members).where(cluster_members.c.cluster_id == key))
    conn.execute(
        cluster_members.insert(),
        [
            {
                "cluster_id": key,
                "claim_id": _key(ns, a.claim_id),
                "position": position,
                "source": _key(ns, a.source),
                "published": a.published,
                "outlet": a.outlet,
                "url": a.url,
                "copy_of_first": a.copy_of_first,
            }
            for position, a in enumerate(cluster.appearances)
        ],
    )
    report.clusters += 1


def _conflict_row(conflict: Conflict, ns: str) -> dict:
    return {
        "id": _key(ns, conflict.id),
        "relation": conflict.relation,
        "unit": conflict.unit,
        "currency": conflict.currency,
        "a_claim_id": _key(ns, conflict.a.claim_id),
        "b_claim_id": _key(ns, conflict.b.claim_id),
        "a_value": float(conflict.a.value),
        "b_value": float(conflict.b.value),
        "difference": conflict.difference,
        "relative": conflict.relative,
        "record": conflict.model_dump_json(),
    }


def load_links(store: Store, folder: Path, *, namespace: str = "") -> LinksReport:
    """Load `FOLDER/clusters.jsonl` and `FOLDER/conflicts.jsonl` in one transaction."""
    report = LinksReport()
    found_clusters = _read(Path(folder) / CLUSTERS, Cluster, report)
    found_conflicts = _read(Path(folder) / CONFLICTS, Conflict, report)
    return load_link_records(
        store, found_clusters, found_conflicts, namespace=namespace, report=report
    )


def load_link_records(
    store: Store,
    found_clusters: Iterable[Cluster],
    found_conflicts: Iterable[Conflict],
    *,
    namespace: str = "",
    report: LinksReport | None = None,
) -> LinksReport:
    """Load clusters and conflicts in one transaction (idempotent, keyed by their ids)."""
    check_namespace(namespace)
    report = report or LinksReport()
    with store.writing() as conn:
        for cluster in found_clusters:
            _write_cluster(conn, cluster, namespace, report)
        for conflict in found_conflicts:
            row = _conflict_row(conflict, namespace)
            old = conn.execute(select(conflicts.c.record).where(conflicts.c.id == row["id"]))
            if old.scalar() == row["record"]:
                report.unchanged += 1
                continue
            conn.execute(upsert(conn, conflicts, row, key="id"))
            report.conflicts += 1
    return report


def _scope(column, namespace: str):
    """Rows of one namespace: keys `NAME:...`, or, without one, keys with no namespace."""
    if namespace:
        return column.startswith(f"{namespace}:", autoescape=True)
    return ~column.contains(":")


def _origins(conn: Connection, namespace: str) -> dict[str, Origin]:
    """Article id (the record's own) -> date, publisher and URL."""
    query = select(articles.c.id, articles.c.published, articles.c.publisher, articles.c.url)
    drop = len(namespace) + 1 if namespace else 0
    return {
        r.id[drop:]: Origin(r.published, r.publisher, r.url)
        for r in conn.execute(query.where(_scope(articles.c.id, namespace)))
    }


def _stored_claims(conn: Connection, namespace: str, problems: list[str]) -> Iterator[Claim]:
    """The claim records of one namespace, in the order of claims.jsonl (source, then
    position), fetched a thousand at a time."""
    query = (
        select(claims.c.id, claims.c.record)
        .where(_scope(claims.c.id, namespace))
        .order_by(claims.c.source, claims.c.position)
        .execution_options(yield_per=1000)
    )
    for row in conn.execute(query):
        try:
            yield Claim.model_validate_json(row.record)
        except ValidationError as error:
            problems.append(f"claim {row.id}: not read ({error.errors()[0]['msg']})")


def link_store(store: Store, *, namespace: str = "", **engine) -> tuple[Links, LinksReport]:
    """`newsclaims link --db`: link the claims of the database (one namespace), and load
    the clusters and conflicts into it (`engine`: as `newsclaims.link.link_items`)."""
    check_namespace(namespace)
    problems: list[str] = []
    with store.engine.connect() as conn:
        links = link(_stored_claims(conn, namespace, problems), _origins(conn, namespace), **engine)
    links.problems = problems
    report = load_link_records(store, links.clusters, links.conflicts, namespace=namespace)
    return links, report


@dataclass(frozen=True)
class Appearances:
    """A claim's cluster, as the review page shows it: the cluster and every member."""

    cluster: Cluster
    claim_keys: list[str]  # the database keys of the members, in order of appearance


def appearances(conn: Connection, claim_key: str) -> Appearances | None:
    """The cluster of a claim (by its database key), or None."""
    cluster_key = conn.execute(
        select(cluster_members.c.cluster_id).where(cluster_members.c.claim_id == claim_key)
    ).scalar()
    if cluster_key is None:
        return None
    record = conn.execute(select(clusters.c.record).where(clusters.c.id == cluster_key)).scalar()
    keys = conn.execute(
        select(cluster_members.c.claim_id)
        .where(cluster_members.c.cluster_id == cluster_key)
        .order_by(cluster_members.c.position)
    ).scalars()
    return Appearances(Cluster.model_validate_json(record), list(keys))


@dataclass(frozen=True)
class ConflictRow:
    conflict: Conflict
    a_key: str
    b_key: str


def _conflict_rows(conn: Connection, query) -> list[ConflictRow]:
    return [
        ConflictRow(Conflict.model_validate_json(r.record), r.a_claim_id, r.b_claim_id)
        for r in conn.execute(query)
    ]


def conflicts_of(conn: Connection, claim_key: str) -> list[ConflictRow]:
    """The conflicts a claim (by its database key) is one side of."""
    query = (
        select(conflicts.c.record, conflicts.c.a_claim_id, conflicts.c.b_claim_id)
        .where(or_(conflicts.c.a_claim_id == claim_key, conflicts.c.b_claim_id == claim_key))
        .order_by(conflicts.c.id)
    )
    return _conflict_rows(conn, query)


def conflict_queue(conn: Connection, *, limit: int = 500) -> list[ConflictRow]:
    """Every conflict, largest relative difference first (then by id)."""
    query = (
        select(conflicts.c.record, conflicts.c.a_claim_id, conflicts.c.b_claim_id)
        .order_by(conflicts.c.relative.desc(), conflicts.c.id)
        .limit(limit)
    )
    return _conflict_rows(conn, query)


def clusters_with_claims(conn: Connection) -> Iterator[tuple[Cluster, dict[str, Claim]]]:
    """Every cluster in the database with its members' claim records (by the records'
    own ids), in the order of `clusters.jsonl`: first appearance, then id."""
    rows = conn.execute(
        select(clusters.c.id, clusters.c.record).order_by(
            clusters.c.first_published.is_(None), clusters.c.first_published, clusters.c.id
        )
    ).all()
    for key, record in rows:
        cluster = Cluster.model_validate_json(record)
        members = select(claims.c.record).join(
            cluster_members, cluster_members.c.claim_id == claims.c.id
        )
        found = conn.execute(members.where(cluster_members.c.cluster_id == key)).scalars()
        records = [Claim.model_validate_json(r) for r in found]
        yield cluster, {c.id: c for c in records}
