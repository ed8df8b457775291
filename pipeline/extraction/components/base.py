"""What every newsclaims component shares: a failure in one doc never stops the batch."""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from newsclaims.extraction.extensions import register

log = logging.getLogger("newsclaims.components")
FAILURES = "newsclaims_failures"


class Component:
    """A component that annotates a doc; an exception is recorded on the doc, not raised,
    so the run can report that article as failed and go on with the others."""

    name = "newsclaims"

    def __init__(self) -> None:
        register()

    def __call__(self, doc: Doc) -> Doc:
        if doc.user_data.get(FAILURES):
            return doc
        try:
            self.annotate(doc)
        except Exception as error:  # noqa: BLE001 - reported per article, see failures()
            log.warning("%s failed on a document: %r", self.name, error, exc_info=True)
            doc.user_data[FAILURES] = [f"{self.name}: {type(error).__name__}: {error}"]
        return doc

    def annotate(self, doc: Doc) -> None:
        raise NotImplementedError


def failures(doc: Doc) -> list[str]:
    """Why our components could not annotate this doc (empty when they all could)."""
    return list(doc.user_data.get(FAILURES, []))
