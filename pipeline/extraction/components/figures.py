"""Figures component: every cardinal quantity, amount of money, percentage and rate of the
doc (`newsclaims.extraction.figures.find_figures`), written to `doc._.figures`. Runs after the dates
component so that numbers inside date expressions (`within three years`) are left out."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsclaims.extraction.components.base import Component
from newsclaims.extraction.figures import find_figures


@Language.factory("newsclaims_figures", default_config={})
def make_figures(nlp: Language, name: str) -> Figures:
    # Load the word lists and compile the patterns now, with the pipeline, not on the
    # first article of a run.
    find_figures(nlp.make_doc(WARM_UP))
    return Figures()


WARM_UP = "Sales rose 6.5% to $1.2bn, about 3,000 more cars than the 2,500 units a year ago."


class Figures(Component):
    name = "newsclaims_figures"

    def annotate(self, doc: Doc) -> None:
        skip = [(d.start, d.end) for d in doc._.dates or []]
        doc._.figures = find_figures(doc, skip=skip)
