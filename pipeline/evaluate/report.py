"""The numbers of an evaluation: counts, precision/recall/F1, accuracies and every error.

Undefined ratios are None, never a made-up 0 or 1: precision with no predictions, recall
with no gold, F1 with neither, an accuracy with nothing to score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

FIELDS = ("claims", "speakers", "attributed", "figures", "dates", "targets", "modality")
ErrorKind = Literal["miss", "extra", "wrong"]


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class PRF:
    """True positives against gold and predicted counts."""

    tp: int = 0
    gold: int = 0
    predicted: int = 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.predicted)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.gold)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, self.gold + self.predicted)

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.gold + other.gold, self.predicted + other.predicted)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "gold": self.gold,
            "predicted": self.predicted,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True)
class Accuracy:
    """Correct out of scored (matched claims whose gold gives the field)."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.total)

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.accuracy}


@dataclass(frozen=True)
class Scores:
    """Every number of section 7, for one article or summed over all (micro)."""

    claims: PRF = PRF()
    speakers: Accuracy = Accuracy()
    attributed: PRF = PRF()
    figures: PRF = PRF()
    dates: PRF = PRF()
    targets: Accuracy = Accuracy()
    modality: Accuracy = Accuracy()

    def __add__(self, other: Scores) -> Scores:
        return Scores(**{name: getattr(self, name) + getattr(other, name) for name in FIELDS})

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name).to_dict() for name in FIELDS}


@dataclass(frozen=True)
class ErrorItem:
    """One miss, extra or wrong value, with the sentence it is in."""

    field: str
    kind: ErrorKind
    source: str
    sentence: str
    gold: str | None = None
    predicted: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "kind": self.kind,
            "source": self.source,
            "sentence": self.sentence,
            "gold": self.gold,
            "predicted": self.predicted,
        }


@dataclass(frozen=True)
class ArticleReport:
    """The scores and errors of one gold article."""

    source: str
    scores: Scores
    errors: tuple[ErrorItem, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "scores": self.scores.to_dict(),
            "errors": [e.to_dict() for e in self.errors],
        }


@dataclass(frozen=True)
class Report:
    """The evaluation of predictions against a gold file.

    `total` sums the counts of every gold article (micro averages); `articles` keeps each
    article's own numbers; `unscored_sources` are predicted articles that have no gold (they
    are ignored, and named in `warnings`).
    """

    total: Scores = Scores()
    articles: tuple[ArticleReport, ...] = ()
    warnings: tuple[str, ...] = ()
    unscored_sources: tuple[str, ...] = field(default=())

    @property
    def claims(self) -> PRF:
        return self.total.claims

    @property
    def speakers(self) -> Accuracy:
        return self.total.speakers

    @property
    def attributed(self) -> PRF:
        return self.total.attributed

    @property
    def figures(self) -> PRF:
        return self.total.figures

    @property
    def dates(self) -> PRF:
        return self.total.dates

    @property
    def targets(self) -> Accuracy:
        return self.total.targets

    @property
    def modality(self) -> Accuracy:
        return self.total.modality

    @property
    def errors(self) -> tuple[ErrorItem, ...]:
        return tuple(e for article in self.articles for e in article.errors)

    def to_dict(self, *, articles: bool = True) -> dict[str, Any]:
        """Plain JSON-ready numbers; `articles=False` leaves out the per-article breakdown."""
        out: dict[str, Any] = {
            "total": self.total.to_dict(),
            "warnings": list(self.warnings),
            "unscored_sources": list(self.unscored_sources),
        }
        if articles:
            out["articles"] = [a.to_dict() for a in self.articles]
        return out
