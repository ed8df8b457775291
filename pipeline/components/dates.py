"""Dates component: every temporal expression of the doc resolved against the article's
publication date (`doc._.published`, set before the pipeline runs), written to
`doc._.dates` (`pipeline.dates.find_dates`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.base import Component
from pipeline.dates import find_dates


@Language.factory("newsclaims_dates", default_config={})
def make_dates(nlp: Language, name: str) -> Dates:
    return Dates()


class Dates(Component):
    name = "newsclaims_dates"

    def annotate(self, doc: Doc) -> None:
        doc._.dates = find_dates(doc, published=doc._.published)
