"""Bounds on one input: an article over the size limit or the time limit is one error line
and the other articles of its chunk are still written."""

from __future__ import annotations

import json

import pytest

import newsclaims.run.engines.chunks
import newsclaims.run.parse
from newsclaims.run.api import extract
from tests.ingest_support import write

SHORT = "Exports fell 3% last month, the ministry said.\n"
LONG = "Sales rose 5% in May, the company said on Tuesday. " * 2000  # ~1.5 s with blank


def _errors(out):
    return {
        row["source"]: row["error"]
        for row in map(json.loads, (out / "errors.jsonl").read_text().splitlines())
    }


def _sources(out):
    return [
        json.loads(line)["source"] for line in (out / "articles.jsonl").read_text().splitlines()
    ]


@pytest.mark.parametrize(
    ("limit", "setting", "message"),
    [
        ("time", 0.3, "took longer than the 0.3 s (CPU time) limit"),
        ("chars", 50_000, "more than the 50,000 limit for one article"),
        ("none", None, None),
    ],
)
def test_limits_article_over_a_limit_is_an_error_and_its_chunk_goes_on(
    limit, setting, message, tmp_path, monkeypatch
):
    if limit == "time":
        monkeypatch.setattr(newsclaims.run.engines.chunks, "SECONDS_PER_ARTICLE", setting)
    elif limit == "chars":
        monkeypatch.setattr(newsclaims.run.parse, "MAX_ARTICLE_CHARS", setting)
    src = tmp_path / "in"
    write(src, "a.txt", SHORT)
    write(src, "b.txt", LONG)
    write(src, "c.txt", SHORT)
    out = tmp_path / "out"
    summary = extract([src], out=out, model="blank", batch_size=8)
    if message is None:
        assert summary.ok and _sources(out) == ["a.txt", "b.txt", "c.txt"]
        return
    assert _sources(out) == ["a.txt", "c.txt"]
    assert list(_errors(out)) == ["b.txt"]
    assert message in _errors(out)["b.txt"]
    assert summary.failed == 1


def test_limits_time_limit_is_lifted_after_the_parse(monkeypatch):
    import signal

    from newsclaims.run.engines.chunks import time_limit

    with time_limit(0.2):
        pass
    sum(range(3_000_000))  # 0.2 s of CPU: no timer left behind
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
