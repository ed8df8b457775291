"""`newsclaims link --db`: linking the claims of a database (a real SQLite file and the
real PostgreSQL server), the clusters and conflicts written into it idempotently, and the
same files as linking the output folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from newsclaims.cli import app
from newsclaims.link import CLUSTERS, CONFLICTS, link_outputs
from newsclaims.store import load_output, open_store
from newsclaims.store.links import link_store
from newsclaims.store.schema import cluster_members, clusters, conflicts
from tests.db.links_support import linked_output

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def _counts(store) -> tuple[int, int, int]:
    with store.engine.connect() as conn:
        return tuple(
            conn.execute(select(func.count()).select_from(t)).scalar()
            for t in (clusters, cluster_members, conflicts)
        )


def _folder(tmp_path: Path) -> Path:
    """An output folder with claims and articles only (no links yet)."""
    out = tmp_path / "out"
    linked_output(out)
    for name in (CLUSTERS, CONFLICTS):
        (out / name).unlink()
    return out


def test_store_link_db_gives_the_links_of_the_folder_and_writes_them_once(store, tmp_path):
    out = _folder(tmp_path)
    load_output(store, out)
    assert _counts(store) == (0, 0, 0)
    links, first = link_store(store)
    expected = link_outputs([out])
    assert links.clusters == expected.clusters and links.conflicts == expected.conflicts
    assert (first.clusters, first.conflicts, first.unchanged) == (1, 2, 0)
    assert _counts(store) == (1, 2, 2)
    _, again = link_store(store)
    assert (again.clusters, again.conflicts, again.unchanged) == (0, 0, 3)
    assert _counts(store) == (1, 2, 2)


def test_store_link_db_links_one_namespace(store, tmp_path):
    out = _folder(tmp_path)
    load_output(store, out, namespace="run-b")
    links, _ = link_store(store)  # no namespace: none of run-b's claims
    assert links.claims == 0 and _counts(store) == (0, 0, 0)
    links, _ = link_store(store, namespace="run-b")
    assert links.claims == 3 and len(links.clusters) == 1
    with store.engine.connect() as conn:
        keys = set(conn.execute(select(cluster_members.c.claim_id)).scalars())
    assert keys and all(k.startswith("run-b:") for k in keys)


def test_link_command_from_the_database_writes_the_files_of_the_folder(db_url, tmp_path):
    out = _folder(tmp_path)
    store = open_store(db_url)
    load_output(store, out)
    store.close()
    folder = runner.invoke(app, ["link", str(out), "--out", str(tmp_path / "f"), "-q"])
    stored = runner.invoke(app, ["link", "--db", db_url, "--out", str(tmp_path / "d")])
    assert folder.exit_code == stored.exit_code == 0, stored.output
    assert "database   1 clusters and 2 conflicts written" in stored.output
    for name in (CLUSTERS, CONFLICTS):
        assert (tmp_path / "d" / name).read_bytes() == (tmp_path / "f" / name).read_bytes()
    again = runner.invoke(app, ["link", "--db", db_url])
    assert (
        again.exit_code == 0 and "0 clusters and 0 conflicts written, 3 unchanged" in again.output
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--db", "{db}", "{out}"], "OUT... or --db, not both"),
        ([], "needs OUT..."),
        (["--db", "{missing}"], "database error"),
    ],
)
def test_link_command_refuses_a_bad_source(tmp_path, args, message):
    out = _folder(tmp_path)
    db = tmp_path / "claims.db"
    store = open_store(str(db))
    store.close()
    given = [a.format(db=db, out=out, missing=tmp_path / "none.db") for a in args]
    result = runner.invoke(app, ["link", *given])
    assert result.exit_code != 0 and message in result.output


@pytest.fixture(scope="module")
def dev_out(tmp_path_factory):
    """The linking dev set extracted (the trained pipeline)."""
    from newsclaims.run.api import extract

    out = tmp_path_factory.mktemp("dev-out")
    extract([str(ROOT / "tests" / "data" / "linked-dev")], out=out)
    for name in (CLUSTERS, CONFLICTS):
        (out / name).unlink(missing_ok=True)
    return out


def test_link_db_of_a_real_extract_gives_the_bytes_of_the_folder(dev_out, tmp_path):
    db = str(tmp_path / "claims.db")
    store = open_store(db)
    load_output(store, dev_out)
    store.close()
    shutil.copytree(dev_out, tmp_path / "out")
    folder = runner.invoke(app, ["link", str(tmp_path / "out"), "-q"])
    stored = runner.invoke(app, ["link", "--db", db, "--out", str(tmp_path / "d"), "-q"])
    assert folder.exit_code == stored.exit_code == 0, stored.output
    for name in (CLUSTERS, CONFLICTS):
        first = (tmp_path / "out" / name).read_bytes()
        assert first and (tmp_path / "d" / name).read_bytes() == first
