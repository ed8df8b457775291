"""From an annotated `Doc` to records: the pure step after `nlp.pipe`.

A statement is a claim (guide section 1) when it is not a caption, credit, byline, heading
or question and has attribution, a figure, a forward-looking modality or a date.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from models import Article, Claim
from pipeline.ids import claim_id


def article_record(article: Article, doc: Doc) -> Article:
    """The article with every figure and date of its body."""
    return article.model_copy(
        update={"figures": list(doc._.figures or []), "dates": list(doc._.dates or [])}
    )


def claims_of(doc: Doc, article: Article) -> list[Claim]:
    """The claims of one article, in text order."""
    figures = list(doc._.figures or [])
    dates = list(doc._.dates or [])
    repeats: Counter[str] = Counter()
    out: list[Claim] = []
    for stmt in doc._.statements or []:
        if stmt.non_claim or stmt.question:
            continue
        text = doc.text[stmt.start : stmt.end]
        in_figures = [f for f in figures if stmt.start <= f.start < stmt.end]
        in_dates = [d for d in dates if stmt.start <= d.start < stmt.end]
        checkable = (
            stmt.attribution != "none"
            or in_figures
            or in_dates
            or stmt.modality in ("goal", "forecast")
        )
        if not checkable:
            continue
        if stmt.part == 0:
            repeats[text] += 1
        out.append(
            Claim(
                id=claim_id(article.id, text, repeats[text], stmt.part),
                article_id=article.id,
                source=article.source,
                text=text,
                start=stmt.start,
                end=stmt.end,
                attribution=stmt.attribution,
                modality=stmt.modality,
                speaker=stmt.speaker,
                cue=stmt.cue,
                target=stmt.target,
                figures=in_figures,
                dates=in_dates,
            )
        )
    return out
