"""Issue 2 acceptance: the seed article, extracted as a user would, scores against its gold
(guide section 7): claims F1, speaker accuracy, figures F1 and dates F1 all >= 0.9."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from newsclaims.cli import app
from newsclaims.evaluate import load_gold, load_predictions, score
from tests.conftest import SEED_ARTICLE as SEED
from tests.conftest import SEED_GOLD as GOLD
from tests.conftest import SHARED, VENDORED_SEED


@pytest.mark.parametrize("model", [None, "blank"])
def test_seed_scores_against_gold(tmp_path, model):
    args = ["extract", str(SEED), "--reference-date", "2022-11-08", "--out", str(tmp_path)]
    result = CliRunner().invoke(app, args + (["--model", model] if model else []))
    assert result.exit_code == 0, result.output
    claims, texts = load_predictions(tmp_path)
    report = score(load_gold(GOLD), claims, texts=texts)
    total = report.total
    assert total.claims.f1 >= 0.9
    assert total.speakers.accuracy >= 0.9
    assert total.figures.f1 >= 0.9
    assert total.dates.f1 >= 0.9


def test_seed_vendored_copies_match_shared():
    if not (SHARED / "seed-article.txt").exists():
        pytest.skip("../shared is not next to this checkout; nothing to compare docs/seed with")
    for name in ("seed-article.txt", "seed-gold.jsonl"):
        assert (VENDORED_SEED / name).read_bytes() == (SHARED / name).read_bytes()
