"""Dates component: every temporal expression of the doc resolved against the article's
publication date (`doc._.published`, set before the pipeline runs), written to
`doc._.dates` (`newsclaims.extraction.dates.find_dates`)."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from newsclaims.extraction.components.base import Component
from newsclaims.extraction.dates import find_dates
from newsclaims.extraction.extensions import register


@Language.factory("newsclaims_dates", default_config={})
def make_dates(nlp: Language, name: str) -> Dates:
    # Build the date grammar now, with the pipeline, not on the first article of a run (the
    # second sentence compiles the fiscal-year and weekday-span patterns too).
    register()
    find_dates(nlp.make_doc(WARM_UP), published=dt.date(2024, 3, 5))
    return Dates()


WARM_UP = (
    "On Friday, March 1, sales rose in the third quarter and will grow by the end of 2025. "
    "The fiscal year ends on Monday."
)


class Dates(Component):
    name = "newsclaims_dates"

    def annotate(self, doc: Doc) -> None:
        doc._.dates = find_dates(doc, published=doc._.published)
