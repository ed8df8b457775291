"""Record models of newsclaims (pydantic): the output contract."""

from models.records import (
    SCHEMA_VERSION,
    Article,
    Claim,
    DateMention,
    Figure,
    InputError,
    Mention,
    Speaker,
    Target,
)

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Claim",
    "DateMention",
    "Figure",
    "InputError",
    "Mention",
    "Speaker",
    "Target",
]
