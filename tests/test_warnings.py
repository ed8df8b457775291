"""Warnings: an input read with a doubt is written all the same, and said so in the run
summary and as a `level: warning` line of errors.jsonl (exit status 0)."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from newsclaims.cli import app
from tests.ingest_support import DATA

runner = CliRunner()


@pytest.mark.parametrize("model", ["blank", None])
@pytest.mark.parametrize(
    ("pages", "warnings"),
    [
        (["caption_only_page.html", "news_page.html"], ["caption_only_page.html"]),
        (["news_page.html", "yoast_graph_page.html"], []),
    ],
)
def test_warnings_in_summary_and_errors_file(tmp_path, model, pages, warnings):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in pages:
        shutil.copy(DATA / name, folder / name)
    out = tmp_path / "out"
    args = ["extract", str(folder), "--out", str(out)] + (["--model", model] if model else [])
    for run in ("first", "unchanged re-run"):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (run, result.output)
        lines = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
        assert [(x["source"], x["level"]) for x in lines] == [(w, "warning") for w in warnings]
        written = {
            json.loads(x)["source"] for x in (out / "articles.jsonl").read_text().splitlines()
        }
        assert written == set(pages)  # every page is written, warned or not
        summary = " ".join(result.output.split())
        if warnings:
            assert f"warnings {len(warnings)} (see" in summary, run
            assert "failed 0" in summary
        else:
            assert " warnings " not in summary
