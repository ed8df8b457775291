"""Claims that come due: goals and forecasts whose dates ended by the `--as-of` day."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from newsclaims.cli import app
from newsclaims.link import due_claims, link
from tests.link_support import claim, month, origin, origins, until

runner = CliRunner()
END_2024 = dt.date(2024, 12, 31)


@pytest.mark.parametrize(
    ("modality", "dates", "as_of", "due"),
    [
        ("goal", [until(END_2024)], "2025-01-01", END_2024),
        ("forecast", [until(END_2024)], "2024-12-31", END_2024),  # the day itself
        ("goal", [until(END_2024)], "2024-12-30", None),  # not yet
        ("asserted", [until(END_2024)], "2025-01-01", None),  # a statement, not a promise
        ("goal", [], "2025-01-01", None),  # no date: no deadline
        ("goal", [month(2023, 1, "last January")], "2025-01-01", None),  # before publication
        ("forecast", [month(2024, 6, "in June"), until(END_2024)], "2024-07-01", None),
    ],
)
def test_due_lists_goals_and_forecasts_whose_dates_ended(modality, dates, as_of, due):
    c = claim("p/a.md", "The company aims to open 1,000 stores.", modality=modality, dates=dates)
    found = due_claims([c], origins([c], {"p/a.md": origin("2024-03-01", "Wire")}),
                       as_of=dt.date.fromisoformat(as_of))  # fmt: skip
    assert [d.due for d in found] == ([due] if due else [])


def test_due_gives_the_cluster_of_each_claim():
    text = "The company aims to open 1,000 new stores by the end of this year."
    a = claim("p/a.md", text, modality="goal", dates=[until(END_2024)])
    b = claim("p/b.md", text, modality="goal", dates=[until(END_2024)])
    table = {"p/a.md": origin("2024-03-01", "Wire"), "p/b.md": origin("2024-03-02", "Daily")}
    links = link([a, b], origins([a, b], table))
    found = due_claims([a, b], origins([a, b], table), as_of=dt.date(2025, 1, 1),
                       clusters=links.clusters)  # fmt: skip
    assert [d.source for d in found] == ["p/a.md", "p/b.md"]
    assert {d.cluster for d in found} == {links.clusters[0].id}
    assert found[0].date_text == "by the end of the year"


def test_due_command_prints_json_lines(tmp_path):
    out = tmp_path / "OUT"
    out.mkdir()
    c = claim("p/a.md", "The company aims to open 1,000 stores.", modality="goal",
              dates=[until(END_2024)])  # fmt: skip
    (out / "claims.jsonl").write_text(c.model_dump_json() + "\n", encoding="utf-8")
    article = {"id": c.article_id, "source": "p/a.md", "text": c.text, "published": "2024-03-01"}
    (out / "articles.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["due", str(out), "--as-of", "2025-01-01", "--json"])
    assert result.exit_code == 0, result.output
    (line,) = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert (line["claim_id"], line["due"], line["cluster"]) == (c.id, "2024-12-31", None)
    bad = runner.invoke(app, ["due", str(out), "--as-of", "tomorrow"])
    assert bad.exit_code == 2
