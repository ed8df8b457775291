"""Clusters and conflicts in SQLite and PostgreSQL: loaded idempotently by id, with a
namespace like the claims, and stale clusters dropped when a claim moves."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from newsclaims.store import load_output
from newsclaims.store.links import appearances, conflict_queue, conflicts_of, load_links
from newsclaims.store.schema import cluster_members, clusters, conflicts
from tests.db.links_support import linked_output


def _counts(store) -> tuple[int, int, int]:
    with store.engine.connect() as conn:
        return tuple(
            conn.execute(select(func.count()).select_from(t)).scalar()
            for t in (clusters, cluster_members, conflicts)
        )


def test_store_links_load_twice_changes_nothing(store, tmp_path):
    ids = linked_output(tmp_path / "out")
    load_output(store, tmp_path / "out")
    first = load_links(store, tmp_path / "out")
    assert (first.clusters, first.conflicts, first.unchanged) == (1, 2, 0)
    assert _counts(store) == (1, 2, 2)
    again = load_links(store, tmp_path / "out")
    assert (again.clusters, again.conflicts, again.unchanged) == (0, 0, 3)
    assert _counts(store) == (1, 2, 2)
    with store.engine.connect() as conn:
        linked = appearances(conn, ids["cars/daily.md"])
        assert linked.claim_keys == [ids["cars/wire.md"], ids["cars/daily.md"]]
        herald = conflicts_of(conn, ids["cars/herald.md"])
        assert {r.conflict.relation for r in herald} == {"disagreement"}
        assert len(herald) == 2 and len(conflict_queue(conn)) == 2
        assert appearances(conn, ids["cars/herald.md"]) is None


def test_store_links_namespace_prefixes_every_key(store, tmp_path):
    ids = linked_output(tmp_path / "out")
    load_output(store, tmp_path / "out", namespace="run-b")
    load_links(store, tmp_path / "out", namespace="run-b")
    with store.engine.connect() as conn:
        keys = set(conn.execute(select(cluster_members.c.claim_id)).scalars())
        record = json.loads(conn.execute(select(clusters.c.record)).scalar())
    assert keys == {f"run-b:{ids['cars/wire.md']}", f"run-b:{ids['cars/daily.md']}"}
    assert ids["cars/wire.md"] in record["claims"]  # the stored record keeps the contract's ids


def test_store_links_a_claim_that_moves_leaves_no_stale_cluster(store, tmp_path):
    linked_output(tmp_path / "out")
    load_links(store, tmp_path / "out")
    # The same claims clustered otherwise: the old cluster loses its members and goes.
    path = tmp_path / "out" / "clusters.jsonl"
    (line,) = path.read_text(encoding="utf-8").splitlines()
    moved = json.loads(line) | {"id": "k_moved"}
    path.write_text(json.dumps(moved) + "\n", encoding="utf-8")
    report = load_links(store, tmp_path / "out")
    assert report.dropped == 1
    with store.engine.connect() as conn:
        assert list(conn.execute(select(clusters.c.id)).scalars()) == ["k_moved"]
