"""`newsclaims extract` as a new user meets it: options after the command, standard input,
glob patterns, usage errors before anything loads, escaped messages, quick looks (--limit),
tables beside JSON Lines, help text, progress, and errors of the machine (exit 4)."""

from __future__ import annotations

import errno
import io
import json
import sys

import pytest
from rich.console import Console
from typer.testing import CliRunner

import newsclaims.extraction.nlp
from newsclaims.cli import _progress_bar, app
from tests.test_cli import GOOD, _lines, _write

runner = CliRunner()
FILES = ("claims.jsonl", "articles.jsonl", "errors.jsonl")


def _extract(*args, **options):
    return runner.invoke(app, ["extract", *map(str, args), "--model", "blank"], **options)


@pytest.fixture
def no_pipeline(monkeypatch):
    """Fails the test if a spaCy pipeline is built or fetched."""

    def refuse(*args, **kwargs):
        raise AssertionError("the spaCy pipeline was loaded")

    monkeypatch.setattr(newsclaims.extraction.nlp, "build_nlp", refuse)
    monkeypatch.setattr(newsclaims.extraction.nlp, "shared_nlp", refuse)


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "-v", "IN", "-o", "OUT", "--model", "blank"],
        ["-v", "extract", "IN", "-o", "OUT", "--model", "blank"],
        ["extract", "IN", "--verbose", "-o", "OUT", "--model", "blank"],
        ["schema", "-v", "--record", "error"],
        ["eval", "-v", "GOLD", "IN", "--model", "blank"],
    ],
)
def test_cli_usage_verbose_accepted_before_and_after_the_command(args, tmp_path):
    _write(tmp_path / "in", {"b.txt": GOOD["b.txt"]})
    (tmp_path / "gold.jsonl").write_text("")
    names = {"IN": tmp_path / "in", "OUT": tmp_path / "out", "GOLD": tmp_path / "gold.jsonl"}
    result = runner.invoke(app, [str(names.get(arg, arg)) for arg in args])
    assert "No such option" not in result.output
    assert result.exit_code in (0, 1), result.output


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        (["MISSING"], "does not exist"),
        (["IN", "MISSING"], "does not exist"),
        (["IN/*.nothing"], "no file matches the pattern"),
        (["-", "-"], "only once"),
    ],
)
def test_cli_usage_missing_input_is_a_usage_error_before_the_pipeline_loads(
    inputs, message, tmp_path, no_pipeline
):
    _write(tmp_path / "in", {"b.txt": GOOD["b.txt"]})
    names = {"IN": str(tmp_path / "in"), "MISSING": str(tmp_path / "missing")}
    args = [
        arg.replace("IN", names["IN"]) if arg.startswith("IN") else names.get(arg, arg)
        for arg in inputs
    ]
    result = _extract(*args, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("stdin", "sources", "texts"),
    [
        (
            json.dumps({"title": "A", "text": "Sales rose 5% in May, the firm said."})
            + "\n"
            + json.dumps({"title": "B", "text": "Exports fell 3%, the ministry said."})
            + "\n",
            ["stdin.jsonl#1", "stdin.jsonl#2"],
            ["Sales rose 5% in May, the firm said.", "Exports fell 3%, the ministry said."],
        ),
        (
            "Exports fell 3% last month, the ministry said.\n",
            ["stdin.txt"],
            ["Exports fell 3% last month, the ministry said."],
        ),
        (
            "\ufeff  " + json.dumps({"body": "Prices rose 2%."}) + "\n",
            ["stdin.jsonl#1"],
            ["Prices rose 2%."],
        ),
    ],
    ids=["json-lines", "plain-text", "bom-and-spaces"],
)
def test_cli_usage_dash_reads_articles_from_standard_input(stdin, sources, texts, tmp_path):
    result = _extract("-", "-o", tmp_path / "out", input=stdin.encode())
    assert result.exit_code == 0, result.output
    articles = _lines(tmp_path / "out" / "articles.jsonl")
    assert [a["source"] for a in articles] == sources
    assert [a["text"] for a in articles] == texts


@pytest.mark.parametrize(
    ("pattern", "sources"),
    [
        ("IN/**/*.md", ["a.md", "x/b.md", "x/y/c.md"]),
        ("IN/x/*.md", ["b.md"]),
        ("IN/x/**/*.md", ["b.md", "y/c.md"]),
        ("IN/*", ["a.md", "d.txt", "x/b.md", "x/e.txt", "x/y/c.md"]),
        ("IN/?.txt", ["d.txt"]),
    ],
)
def test_cli_usage_quoted_glob_patterns_expand(pattern, sources, tmp_path):
    body = "Sales rose 5% in May, the firm said.\n"
    _write(tmp_path / "in", {n: body for n in ["a.md", "d.txt", "x/b.md", "x/e.txt", "x/y/c.md"]})
    result = _extract(pattern.replace("IN", str(tmp_path / "in")), "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert [a["source"] for a in _lines(tmp_path / "out" / "articles.jsonl")] == sources


def test_cli_usage_messages_are_not_read_as_markup(tmp_path, monkeypatch):
    _write(tmp_path / "in", {"b.txt": GOOD["b.txt"]})
    monkeypatch.setitem(sys.modules, "distributed", None)  # dask is not installed
    result = _extract(tmp_path / "in", "-o", tmp_path / "out", "--engine", "dask")
    assert result.exit_code == 2
    assert 'pip install "newsclaims[dask]"' in result.output
    out = tmp_path / "[bold]out[/bold]"
    result = _extract(tmp_path / "in", "-o", out)
    assert result.exit_code == 0
    assert f"{out}/" in result.output.replace("\n", "")


def test_cli_usage_unchanged_rerun_loads_no_pipeline_and_reports_no_speed(tmp_path, monkeypatch):
    _write(tmp_path / "in", GOOD)
    first = _extract(tmp_path / "in", "-o", tmp_path / "out")
    assert first.exit_code == 0 and "words/s" in first.output

    def refuse(*args, **kwargs):
        raise AssertionError("the spaCy pipeline was loaded")

    monkeypatch.setattr(newsclaims.extraction.nlp, "shared_nlp", refuse)
    again = _extract(tmp_path / "in", "-o", tmp_path / "out")
    assert again.exit_code == 0, again.output
    assert "words/s" not in again.output and "nothing to parse" in again.output
    assert "reused    6 articles" in again.output


def test_cli_usage_limit_stops_after_n_articles_and_a_full_run_after_it_is_clean(tmp_path):
    files = {f"{n}.txt": f"Sales rose {n}% in May, the firm said.\n" for n in range(1, 5)}
    files["z.jsonl"] = "".join(
        json.dumps({"text": f"Prices rose {n}% in May."}) + "\n" for n in range(1, 6)
    )
    _write(tmp_path / "in", files)
    quick = _extract(tmp_path / "in", "-o", tmp_path / "out", "--limit", "6", "--batch-size", "2")
    assert quick.exit_code == 0, quick.output
    sources = [a["source"] for a in _lines(tmp_path / "out" / "articles.jsonl")]
    assert sources == ["1.txt", "2.txt", "3.txt", "4.txt", "z.jsonl#1", "z.jsonl#2"]
    _extract(tmp_path / "in", "-o", tmp_path / "clean", "--fresh")
    full = _extract(tmp_path / "in", "-o", tmp_path / "out")
    assert full.exit_code == 0
    for name in FILES:
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "clean" / name).read_bytes()


def test_cli_usage_csv_table_has_flat_columns_beside_the_jsonl(tmp_path):
    import csv

    _write(tmp_path / "in", GOOD)
    result = _extract(tmp_path / "in", "-o", tmp_path / "out", "--format", "csv")
    assert result.exit_code == 0, result.output
    claims = _lines(tmp_path / "out" / "claims.jsonl")
    with (tmp_path / "out" / "claims.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(claims) > 0
    assert {"id", "text", "speaker.name", "speaker.mention.start", "target.name", "figures"} <= set(
        rows[0]
    )
    for row, claim in zip(rows, claims, strict=True):
        assert row["id"] == claim["id"] and row["text"] == claim["text"]
        assert row["speaker.name"] == ((claim["speaker"] or {}).get("name") or "")
        assert json.loads(row["figures"]) == claim["figures"]
    # A run without --format leaves no stale table behind.
    again = _extract(tmp_path / "in", "-o", tmp_path / "out")
    assert again.exit_code == 0 and not (tmp_path / "out" / "claims.csv").exists()


def test_cli_usage_parquet_table(tmp_path):
    import pyarrow.parquet as pq  # in the dev extra: CI tests --format parquet

    _write(tmp_path / "in", GOOD)
    result = _extract(tmp_path / "in", "-o", tmp_path / "out", "--format", "parquet")
    assert result.exit_code == 0, result.output
    table = pq.read_table(tmp_path / "out" / "claims.parquet")
    claims = _lines(tmp_path / "out" / "claims.jsonl")
    assert table.column("id").to_pylist() == [c["id"] for c in claims]
    assert table.schema.field("start").type == "int64"


@pytest.mark.parametrize(
    ("fmt", "blocked", "message"),
    [
        ("xlsx", None, "unknown format xlsx"),
        ("parquet", "pyarrow", 'pip install "newsclaims[parquet]"'),
    ],
)
def test_cli_usage_unavailable_format_is_a_usage_error(
    fmt, blocked, message, tmp_path, monkeypatch
):
    if blocked:
        monkeypatch.setitem(sys.modules, blocked, None)
    _write(tmp_path / "in", {"b.txt": GOOD["b.txt"]})
    result = _extract(tmp_path / "in", "-o", tmp_path / "out", "--format", fmt)
    assert result.exit_code == 2
    assert message in result.output


@pytest.mark.parametrize("command", ["extract", "eval", "bench", "schema"])
def test_cli_usage_help_reads_like_spacy(command):
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    for noise in ("<bool>", "{inputs}", "<list[", "<str>", "<int", "[x>="):
        assert noise not in result.output, noise
    if command in ("extract", "eval"):
        assert "INPUT..." in result.output


def test_cli_usage_progress_bar_shows_total_percentage_speed_and_eta():
    buffer = io.StringIO()
    progress = _progress_bar(Console(file=buffer, force_terminal=True, width=150))
    task = progress.add_task("articles", total=960)
    progress.start()
    progress.update(task, completed=383)
    progress.stop()
    text = buffer.getvalue()
    for part in ("383/960", "40%", "articles/s", "eta"):
        assert part in text, part


def test_cli_usage_progress_total_is_estimated_from_the_inputs(tmp_path):
    from newsclaims.ingest import estimate_articles

    _write(tmp_path / "in", GOOD | {"notes.pdf": "x", "more.jsonl": "{}\n\n{}\n{}"})
    assert estimate_articles([tmp_path / "in", tmp_path / "missing"]) == 6 + 3 + 1


@pytest.mark.parametrize(
    ("where", "error", "hint"),
    [
        ("/sys/newsclaims-out", None, "permission denied"),
        ("FILE/out", None, "is a file, not a folder"),
        ("OUT", OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
        ("OUT", OSError(errno.EROFS, "Read-only file system"), "read-only"),
    ],
)
def test_cli_usage_unwritable_output_is_exit_4_with_a_sentence(
    where, error, hint, tmp_path, monkeypatch
):
    import newsclaims.run.writers

    _write(tmp_path / "in", GOOD)
    (tmp_path / "file").write_text("a file")
    out = where.replace("FILE", str(tmp_path / "file")).replace("OUT", str(tmp_path / "out"))
    if error is not None:
        first = _extract(tmp_path / "in", "-o", out)
        assert first.exit_code == 0
        before = {name: (tmp_path / "out" / name).read_bytes() for name in FILES}
        (tmp_path / "in" / "new.txt").write_text("Costs rose 4%, the firm said.\n")

        def fail(self, line):
            raise error

        monkeypatch.setattr(newsclaims.run.writers.JsonlFile, "write_line", fail)
    result = _extract(tmp_path / "in", "-o", out)
    assert result.exit_code == 4, result.output
    assert hint in result.output and "Traceback" not in result.output
    if error is not None:  # the previous output is untouched
        assert {name: (tmp_path / "out" / name).read_bytes() for name in FILES} == before
