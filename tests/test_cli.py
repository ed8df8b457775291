"""The `newsclaims` command as a user runs it: outputs, exit status, re-runs."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsclaims.cli import app
from tests.conftest import SEED_ARTICLE

runner = CliRunner()

GOOD = {
    "a.md": "---\ntitle: Sales\ndate: 2024-03-05\n---\n\nSales rose 5% in February, the company said.\n",
    "b.txt": "Exports fell 3% last month, the ministry said on Tuesday.\n",
    "sub/c.json": json.dumps(
        {"title": "C", "published": "2024-03-05", "body": "NIO said it delivered 12,000 cars."}
    ),
    "d.jsonl": json.dumps({"title": "D1", "text": "Prices will rise 2% next year, analysts said."})
    + "\n"
    + json.dumps({"title": "D2", "content": "Tesla shares fell 4% on Monday."})
    + "\n",
    "e.html": (
        "<html><head><title>E</title></head><body><nav><a href='/'>Home</a></nav><article>"
        "<h1>Profits jump</h1><p>Profits jumped 40% to $2.1 billion in the quarter, the bank "
        "said in a statement on Wednesday.</p><p>The lender expects growth to slow next "
        "year, its chief executive told reporters.</p></article>"
        "<footer>Copyright 2024</footer></body></html>"
    ),
}
BAD = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 4,
    "latin.txt": b"\xff\xfe\x00\xd8\x00\xdc" * 10 + b"\x00" * 50,
    "broken.json": b'{"title": "x", ',
    "nobody.jsonl": b'{"title": "only a title"}\n',
    "page.html": b"<html><body><nav>Home | About</nav><footer>(c) 2024</footer></body></html>",
}


def _write(root, files):
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_cli_mixed_folder_good_and_bad_inputs(tmp_path):
    _write(tmp_path / "in", GOOD | BAD)
    (tmp_path / "in" / "notes.pdf").write_bytes(b"%PDF-1.4")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), "--out", str(out)])
    assert result.exit_code == 1, result.output
    sources = {a["source"] for a in _lines(out / "articles.jsonl")}
    assert sources == {"a.md", "b.txt", "sub/c.json", "d.jsonl#1", "d.jsonl#2", "e.html"}
    errors = {e["source"]: e["error"] for e in _lines(out / "errors.jsonl")}
    assert set(errors) == {*BAD, "nobody.jsonl#1"} - {"nobody.jsonl"}
    assert all(len(message) > 20 for message in errors.values())
    assert "skipped   1" in result.output


def test_cli_exit_zero_when_all_processed(tmp_path):
    _write(tmp_path / "in", GOOD)
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "o"), "-q"])
    assert result.exit_code == 0, result.output
    claims = _lines(tmp_path / "o" / "claims.jsonl")
    assert {c["source"] for c in claims} >= {"a.md", "b.txt", "e.html"}


def test_cli_reruns_are_byte_identical(tmp_path):
    _write(tmp_path / "in", GOOD)
    for name in ("one", "two"):
        runner.invoke(app, ["extract", str(tmp_path / "in"), "-o", str(tmp_path / name), "-q"])
    for f in ("claims.jsonl", "articles.jsonl", "errors.jsonl"):
        assert (tmp_path / "one" / f).read_bytes() == (tmp_path / "two" / f).read_bytes()
    assert (tmp_path / "one" / "claims.jsonl").stat().st_size > 0


@pytest.mark.parametrize(
    "args",
    [
        ["extract"],
        ["extract", "x.md", "--reference-date", "08/11/2022"],
        ["extract", "x.md", "--batch-size", "0"],
        ["nonsense"],
    ],
)
def test_cli_usage_errors_exit_2(args):
    assert runner.invoke(app, args).exit_code == 2


def test_cli_unknown_model_is_a_usage_error(tmp_path):
    _write(tmp_path / "in", {"b.txt": GOOD["b.txt"]})
    result = runner.invoke(
        app, ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "o"), "--model", "no_such"]
    )
    assert result.exit_code == 2
    assert "not installed" in result.output


def test_cli_schema_lists_contract_fields():
    result = runner.invoke(app, ["schema", "--record", "claim"])
    assert result.exit_code == 0
    props = json.loads(result.output)["properties"]
    for name in (
        "id",
        "article_id",
        "source",
        "text",
        "start",
        "end",
        "attribution",
        "modality",
        "speaker",
        "cue",
        "target",
        "figures",
        "dates",
    ):
        assert name in props


def test_cli_reference_date_fills_missing_publication_date(tmp_path):
    seed = SEED_ARTICLE
    out = tmp_path / "o"
    runner.invoke(app, ["extract", str(seed), "--reference-date", "2022-11-08", "-o", str(out)])
    (article,) = _lines(out / "articles.jsonl")
    assert article["published"] == "2022-11-08"
    assert article["published_from"] == "reference"
