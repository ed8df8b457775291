"""`extract --db`, `load` and `export` as a user runs them, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from newsclaims.cli import app
from newsclaims.store import decide, open_store
from tests.db.test_store import row_counts

runner = CliRunner()

ARTICLES = {
    "a.md": "---\ntitle: Sales\ndate: 2024-03-05\n---\n\nSales rose 5% in February, the "
    "company said.\n\nExports fell 3% last month, the ministry said on Tuesday.\n",
    "b.txt": "Prices will rise 2% next year, analysts said.\n",
}


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, body in ARTICLES.items():
        (folder / name).write_text(body, encoding="utf-8")
    return folder


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_cli_extract_db_writes_files_and_database(inputs, tmp_path, db_url):
    out = tmp_path / "out"
    args = ["extract", str(inputs), "--out", str(out), "--model", "blank", "--db", db_url]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    claims = _lines(out / "claims.jsonl")
    assert len(claims) >= 3
    store = open_store(db_url)
    counts = row_counts(store)
    assert counts["articles"] == 2 and counts["claims"] == len(claims)

    # Loading the folder extract wrote, and extracting again, change nothing.
    loaded = runner.invoke(app, ["load", str(out), "--db", db_url])
    assert loaded.exit_code == 0 and "0 added, 0 replaced, 2 unchanged" in loaded.output
    assert runner.invoke(app, args).exit_code == 0
    assert row_counts(store) == counts
    store.close()


@pytest.mark.parametrize(
    "address",
    [
        "postgresql://nobody@127.0.0.1:1/none",
        "{tmp}/no-such-folder/claims.db",
        "sqlite:///file:{tmp}/ro.db?mode=ro&uri=true",
    ],
    ids=["unreachable-server", "missing-folder", "read-only"],
)
def test_cli_extract_db_failure_still_writes_jsonl(inputs, tmp_path, address):
    open_store(str(tmp_path / "ro.db")).close()
    address = address.format(tmp=tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["extract", str(inputs), "--out", str(out), "--model", "blank", "--db", address]
    )
    assert result.exit_code == 3
    assert "database error" in result.output and "cannot write to the database" in result.output
    assert f"newsclaims load {out} --db" in result.output
    assert len(_lines(out / "articles.jsonl")) == 2 and _lines(out / "claims.jsonl")


def test_cli_extract_db_failing_mid_run_keeps_going(inputs, tmp_path, monkeypatch):
    from newsclaims.store import load as store_load

    def broken(*_args, **_kwargs):
        from sqlalchemy.exc import OperationalError

        raise OperationalError("INSERT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(store_load, "_write", broken)  # every article write, batched or not
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        ["extract", str(inputs), "--out", str(out), "-m", "blank", "--db", str(tmp_path / "x.db")],
    )
    assert result.exit_code == 3 and "disk I/O error" in result.output
    assert len(_lines(out / "articles.jsonl")) == 2


def test_cli_load_and_export(out_v1, tmp_path, db_url):
    result = runner.invoke(app, ["load", str(out_v1), "--db", db_url])
    assert result.exit_code == 0 and "2 added" in result.output, result.output
    store = open_store(db_url)
    with store.engine.connect() as conn:
        first = conn.execute(text("SELECT id FROM claims ORDER BY source, position")).scalar()
    decide(store, first, status="accepted", reviewer="ana")
    store.close()
    target = tmp_path / "accepted.csv"
    result = runner.invoke(
        app,
        ["export", "--db", db_url, "--status", "accepted", "--format", "csv", "-o", str(target)],
    )
    assert result.exit_code == 0, result.output
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and lines[0].startswith("claim_id,") and first in lines[1]
    result = runner.invoke(app, ["export", "--db", db_url, "--status", "all"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "--status", "maybe"], "unknown status"),
        (["export", "--format", "xml"], "unknown format"),
    ],
)
def test_cli_export_usage_errors(args, message, tmp_path):
    result = runner.invoke(app, [*args, "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and message in result.output


def test_cli_load_missing_files(tmp_path):
    result = runner.invoke(app, ["load", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "articles.jsonl is missing" in " ".join(result.output.split())


def test_extract_db_sink_commits_a_batch_at_a_time(inputs, tmp_path, db_url, monkeypatch):
    """`extract --db` writes `LOAD_BATCH` articles per transaction, as `load` does, and the
    last, partial batch on `flush()`."""
    from newsclaims.models import Article, Claim
    from newsclaims.run.api import extract
    from newsclaims.run.results import Result
    from newsclaims.store import DbSink
    from newsclaims.store import load as store_load

    (inputs / "c.txt").write_text("Rents rose 4% in March, the agency said.\n", encoding="utf-8")
    out = tmp_path / "out"
    extract([inputs], out=out, model="blank")
    claims = [Claim.model_validate(c) for c in _lines(out / "claims.jsonl")]
    results = [
        Result(Article.model_validate(a), [c for c in claims if c.article_id == a["id"]])
        for a in _lines(out / "articles.jsonl")
    ]
    monkeypatch.setattr(store_load, "LOAD_BATCH", 2)
    store = open_store(db_url)
    sink = DbSink(store)
    seen = []
    for result in results:
        sink(result)
        seen.append(row_counts(store)["articles"])
    assert seen == [0, 2, 2]  # committed when the batch is full, not per article
    sink.flush()
    assert row_counts(store)["articles"] == 3 and sink.report.added == 3
    assert row_counts(store)["claims"] == len(claims) == sink.report.claims
    assert sink.error is None
    store.close()
