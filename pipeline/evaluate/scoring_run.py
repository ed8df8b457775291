"""`newsclaims eval`: extract (or read an existing output folder) and score against gold."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Sequence
from pathlib import Path

from newsclaims.evaluate import Report, load_gold, load_predictions, score
from newsclaims.run.writers import CLAIMS


def evaluate_inputs(
    gold: Path,
    inputs: Sequence[Path],
    *,
    model: str | None = None,
    reference_date: dt.date | None = None,
    out: Path | None = None,
) -> Report:
    """Score the claims of `inputs` against `gold`. One input that is an extract output
    folder is scored as it is; anything else is extracted first."""
    gold_articles = load_gold(gold)
    if len(inputs) == 1 and (Path(inputs[0]) / CLAIMS).is_file():
        return _score_folder(gold_articles, Path(inputs[0]))
    from newsclaims.run.api import extract

    if out is not None:
        extract(inputs, out=out, model=model, reference_date=reference_date)
        return _score_folder(gold_articles, out)
    with tempfile.TemporaryDirectory(prefix="newsclaims-eval-") as tmp:
        extract(inputs, out=Path(tmp), model=model, reference_date=reference_date)
        return _score_folder(gold_articles, Path(tmp))


def _score_folder(gold_articles: list[dict], folder: Path) -> Report:
    claims, texts = load_predictions(folder)
    return score(gold_articles, claims, texts=texts)
