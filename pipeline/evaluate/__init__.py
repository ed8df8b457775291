"""Scoring of `newsclaims extract` output against gold claims (annotation-guide section 7).

gold = load_gold(Path("corpus/gold.jsonl"))
claims, texts = load_predictions(Path("out"))
report = score(gold, claims, texts=texts)
print(format_table(report)); print(format_errors(report))
"""

from newsclaims.evaluate.formatting import format_errors, format_table
from newsclaims.evaluate.loaders import load_gold, load_predictions
from newsclaims.evaluate.report import PRF, Accuracy, ArticleReport, ErrorItem, Report, Scores
from newsclaims.evaluate.scoring import score, speakers_agree, targets_agree

__all__ = [
    "PRF",
    "Accuracy",
    "ArticleReport",
    "ErrorItem",
    "Report",
    "Scores",
    "format_errors",
    "format_table",
    "load_gold",
    "load_predictions",
    "score",
    "speakers_agree",
    "targets_agree",
]
