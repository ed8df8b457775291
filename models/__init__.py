"""Record models of newsclaims (pydantic): the output contract. Imports nothing of ours."""

if __name__ != "newsclaims.models":
    raise ImportError(
        "models/ is the source folder of `newsclaims.models`: "
        "install newsclaims (`pip install .`) and `import newsclaims.models`."
    )

from newsclaims.models.records import (  # noqa: E402 - after the guard
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
