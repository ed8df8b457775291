"""Outcomes other than an article: an IngestError raised by a reader, a Skipped file."""

from __future__ import annotations

from dataclasses import dataclass


class IngestError(Exception):
    """An input cannot be read as an article. The message is a sentence a person can act on;
    `read_inputs` turns it into a `models.InputError`."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Skipped:
    """A file left out on purpose (not an error): e.g. an unsupported file type."""

    source: str
    reason: str


@dataclass(frozen=True)
class IngestWarning:
    """An input that was read, with a caveat a person should know (bad bytes replaced):
    written to `errors.jsonl` with `level: "warning"`, beside the article itself."""

    message: str
