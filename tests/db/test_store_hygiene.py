"""`review`, `load` and `export` as a user runs them, at the edges: a database that is not
there, a port already taken, a server beyond loopback, a password in `--db`, a database
that stops taking writes halfway, two outputs whose inputs share relative paths."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from newsclaims.cli import app
from newsclaims.models.ids import article_id
from newsclaims.store import decide, export_claims, load_output, open_store
from newsclaims.store import load as store_load
from newsclaims.store.schema import metadata
from tests.db.records import BUDGET, acme, budget, output_dir, version_one
from tests.db.test_review_browser import _free_port
from tests.db.test_store import claim_ids, row_counts

runner = CliRunner()


def _empty_database(db_url: str, tmp_path) -> str:
    """A database that exists but holds no newsclaims tables (SQLite: an empty file)."""
    if "://" not in db_url:
        (tmp_path / "claims.db").write_bytes(b"")
    return db_url


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda db_url, tmp: str(tmp / "missing.db"), "does not exist"),
        (lambda db_url, tmp: str(tmp / "no-folder" / "x.db"), "does not exist"),
        (_empty_database, "holds no newsclaims data"),
    ],
    ids=["missing-file", "missing-folder", "no-schema"],
)
def test_cli_review_needs_a_loaded_database(db_url, tmp_path, setup, message):
    address = setup(db_url, tmp_path)
    result = runner.invoke(app, ["review", "--db", address, "--port", str(_free_port())])
    assert result.exit_code == 3, result.output
    assert message in result.output and "open http" not in result.output
    if "://" not in address:  # nothing was created
        path = tmp_path / "missing.db"
        assert not path.exists() and not (tmp_path / "no-folder").exists()
    else:
        engine = create_engine(make_url(address).set(drivername="postgresql+psycopg"))
        with engine.connect() as conn:
            tables = conn.execute(
                text("SELECT count(*) FROM information_schema.tables WHERE table_schema='public'")
            ).scalar()
        engine.dispose()
        assert tables == 0


@pytest.fixture
def loaded_db(tmp_path, out_v1):
    path = tmp_path / "claims.db"
    store = open_store(str(path))
    load_output(store, out_v1)
    store.close()
    return path


def test_cli_review_port_in_use_is_a_usage_error(loaded_db):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["review", "--db", str(loaded_db), "--port", str(port)])
    assert result.exit_code == 2, result.output
    assert "cannot listen on 127.0.0.1" in result.output and "--port" in result.output
    assert "open http" not in result.output


def _serve(args: list[str]) -> tuple[subprocess.Popen, str]:
    """`newsclaims review ARGS` in a process; the address line it printed."""
    process = subprocess.Popen(
        [sys.executable, "-m", "newsclaims.cli", "review", *args],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "COLUMNS": "300"},
    )
    deadline = time.monotonic() + 30
    lines = []
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        lines.append(line)
        if "open http" in line:
            return process, line
        if not line and process.poll() is not None:
            break
    process.kill()
    raise AssertionError(f"no address printed: {''.join(lines)}")


def _wait_up(url: str) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"{url} never answered")


@pytest.mark.parametrize(
    ("host", "needs_token"),
    [("0.0.0.0", True), ("127.0.0.1", False)],
)
def test_cli_review_beyond_loopback_needs_the_printed_token(loaded_db, host, needs_token):
    port = _free_port()
    process, line = _serve(["--db", str(loaded_db), "--host", host, "--port", str(port)])
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_up(base + "/favicon.ico")
        assert ("?token=" in line) is needs_token
        bare = httpx.get(base + "/api/counts")
        assert bare.status_code == (401 if needs_token else 200)
        if needs_token:
            token = line.split("?token=")[1].split()[0]
            assert len(token) >= 24
            assert httpx.get(base + "/api/counts", params={"token": token}).json()["total"] == 4
            assert httpx.get(base + "/api/counts", params={"token": token[:-1]}).status_code == 401
            with httpx.Client(base_url=base) as browser:
                assert browser.get("/", params={"token": token}).status_code == 200
                assert browser.get("/static/review.js").status_code == 200  # the cookie
    finally:
        process.terminate()
        process.wait(timeout=15)


@pytest.mark.parametrize(
    "command",
    [
        ["extract", "{inputs}", "--out", "{out}", "-m", "blank", "--db", "{db}"],
        ["load", "{out_v1}", "--db", "{db}"],
        ["export", "--db", "{db}"],
        ["review", "--db", "{db}"],
    ],
    ids=["extract", "load", "export", "review"],
)
@pytest.mark.parametrize(
    "db",
    [
        "postgresql://ana:s3cr%23t-pw@127.0.0.1:1/claims",
        "postgresql://ana@127.0.0.1:1/claims?password=s3cr%23t-pw",
        "postgresql://ana:s3cr%23t-pw@127.0.0.1:notaport/claims",
    ],
    ids=["userinfo", "query", "unparsable"],
)
def test_cli_db_messages_never_show_the_password(tmp_path, out_v1, command, db):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("Sales rose 5% in May, the company said.\n", encoding="utf-8")
    args = [
        part.format(inputs=inputs, out=tmp_path / "out", out_v1=out_v1, db=db) for part in command
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 3, result.output
    assert "database error" in result.output
    assert "s3cr" not in result.output and "***" in result.output


def test_cli_load_exits_3_when_postgresql_refuses_writes_halfway(pg_url, tmp_path, monkeypatch):
    """The server turns read-only after the first batch (as a failover or a full disk
    does): load stops with exit 3, keeps what it committed, and carries on once it can.
    One article a batch here, so that the first article is a committed batch."""
    monkeypatch.setattr(store_load, "LOAD_BATCH", 1)
    name = make_url(pg_url).database
    admin = create_engine(
        make_url(pg_url).set(drivername="postgresql+psycopg", database="postgres"),
        isolation_level="AUTOCOMMIT",
    )

    def read_only(on: bool) -> None:
        with admin.connect() as conn:
            setting = "SET default_transaction_read_only = on" if on else "RESET ALL"
            conn.execute(text(f'ALTER DATABASE "{name}" {setting}'))
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )

    from newsclaims.store.engine import Store

    real = Store.writing
    calls = []

    def then_read_only(self):
        if len(calls) == 1:  # after the first batch's commit, before the second begins
            read_only(True)
        calls.append(1)
        return real(self)

    out = output_dir(tmp_path / "out", budget(), acme(version_one()[0][0].text))
    try:
        monkeypatch.setattr(Store, "writing", then_read_only)
        result = runner.invoke(app, ["load", str(out), "--db", pg_url])
    finally:
        monkeypatch.setattr(Store, "writing", real)
        read_only(False)
        admin.dispose()
    assert result.exit_code == 3, result.output
    flat = " ".join(result.output.split())
    assert "database error" in flat and "read-only" in flat and "the load stopped there" in flat
    store = open_store(pg_url)
    assert row_counts(store)["articles"] == 1
    store.close()
    again = runner.invoke(app, ["load", str(out), "--db", pg_url])
    assert again.exit_code == 0 and "1 added" in again.output and "1 unchanged" in again.output
    store = open_store(pg_url)
    metadata.drop_all(store.engine)
    store.close()


def _shared_paths(tmp_path):
    """Two extract outputs whose inputs share the relative path policy/budget.txt."""
    first = output_dir(tmp_path / "run-a", budget())
    article, claims = budget()
    other_text = BUDGET.replace("12%", "15%")
    other = article.model_copy(update={"text": other_text})
    other_claims = [c.model_copy(update={"text": other_text}) for c in claims]
    second = output_dir(tmp_path / "run-b", (other, other_claims))
    return first, second


def test_store_namespaces_keep_outputs_apart(db_url, tmp_path):
    first, second = _shared_paths(tmp_path)
    store = open_store(db_url)
    # Without a namespace the second output replaces the first: same source, same ids.
    load_output(store, first)
    assert load_output(store, second).replaced == 1
    # With one each, both are kept, under NAME:id keys.
    a = load_output(store, first, namespace="run-a")
    b = load_output(store, second, namespace="run-b")
    assert (a.added, b.added) == (1, 1)
    keys = claim_ids(store)
    original = json.loads((first / "claims.jsonl").read_text().splitlines()[0])["id"]
    assert {original, f"run-a:{original}", f"run-b:{original}"} == keys
    with store.engine.connect() as conn:
        sources = set(conn.execute(text("SELECT source FROM articles")).scalars())
    assert sources == {"policy/budget.txt", "run-a:policy/budget.txt", "run-b:policy/budget.txt"}
    # Loading again changes nothing; decisions attach to one namespace's claim only.
    assert load_output(store, second, namespace="run-b").unchanged == 1
    decide(store, f"run-b:{original}", status="accepted", reviewer="ana")
    import io

    buffer = io.StringIO()
    assert export_claims(store, buffer, status="accepted").count == 1
    exported = json.loads(buffer.getvalue())
    # The export keeps the output contract's ids and sources.
    assert exported["id"] == original and exported["source"] == "policy/budget.txt"
    assert exported["article_id"] == article_id("policy/budget.txt")
    assert "15%" in exported["text"]
    store.close()


@pytest.mark.parametrize(
    ("namespace", "ok"),
    [
        ("run-b", True),
        ("2024.q1_x", True),
        ("", True),
        ("a:b", False),
        ("-x", False),
        ("x" * 41, False),
    ],
)
def test_cli_load_namespace_option(tmp_path, namespace, ok):
    first, _second = _shared_paths(tmp_path)
    db = str(tmp_path / "n.db")
    args = ["load", str(first), "--db", db] + (["--namespace", namespace] if namespace else [])
    result = runner.invoke(app, args)
    assert result.exit_code == (0 if ok else 2), result.output
    if ok:
        store = open_store(db)
        prefix = f"{namespace}:" if namespace else ""
        assert all(key.startswith(prefix) for key in claim_ids(store))
        store.close()
    else:
        assert "namespace" in result.output and not os.path.exists(db)


def test_review_page_works_on_namespaced_claims(tmp_path):
    from fastapi.testclient import TestClient

    from newsclaims.review import create_app

    first, second = _shared_paths(tmp_path)
    store = open_store(str(tmp_path / "n.db"))
    load_output(store, first, namespace="run-a")
    load_output(store, second, namespace="run-b")
    with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
        listed = client.get("/api/claims", params={"status": "all"}).json()["claims"]
        keys = [c["key"] for c in listed]
        assert [k.split(":")[0] for k in keys] == ["run-a", "run-b"]
        assert len({c["claim"]["id"] for c in listed}) == 1  # same contract id
        posted = client.post(
            f"/api/claims/{keys[1]}/decision", json={"status": "rejected", "reviewer": "ana"}
        )
        assert posted.status_code == 200 and posted.json()["status"] == "rejected"
        assert client.get(f"/api/claims/{keys[0]}").json()["status"] == "pending"
        page = client.get("/", params={"claim": keys[1], "status": "all"}).text
        assert f'data-claim="{keys[1]}"' in page and "run-b:policy/budget.txt" in page
    store.close()


def test_store_load_commits_once_per_batch(db_url, tmp_path, monkeypatch):
    """`load` commits (and syncs) once per LOAD_BATCH articles, not once per article; loading
    again is still idempotent."""
    from sqlalchemy import event

    out = output_dir(tmp_path / "out", budget(), acme(version_one()[0][0].text))
    store = open_store(db_url)
    commits = []
    event.listen(store.engine, "commit", lambda conn: commits.append(1))
    report = load_output(store, out)
    assert (report.added, len(commits)) == (2, 1)
    monkeypatch.setattr(store_load, "LOAD_BATCH", 1)
    commits.clear()
    again = load_output(store, out)
    assert (again.unchanged, len(commits)) == (2, 2)
    assert row_counts(store)["articles"] == 2
    metadata.drop_all(store.engine)
    store.close()
