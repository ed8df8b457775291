"""Custom `Doc` attributes our components write. Registered once, idempotently."""

from __future__ import annotations

from spacy.tokens import Doc

DOC_ATTRIBUTES = {
    "published": None,  # datetime.date | None: the reference for relative dates
    "figures": None,  # list[models.Figure]
    "dates": None,  # list[models.DateMention]
    "registry": None,  # newsclaims.extraction.components.registry.Registry
    "statements": None,  # list[newsclaims.extraction.components.attribution.Statement]
}

# Span groups written by our components.
QUOTES = "nc_quotes"  # quotations (speech and short scare quotes), label "speech" | "phrase"
NON_CLAIM = "nc_non_claim"  # lines that are never claims: captions, credits, bylines, headings
# Layout that credits words to a speaker, label "speaker_label" | "signature" | "credit_line".
CREDITS = "nc_credits"


def register() -> None:
    for name, default in DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
