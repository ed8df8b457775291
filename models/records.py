"""Pydantic record models: the public output contract of `newsclaims extract`.

Field names and meanings follow `output-contract.md` and `annotation-guide.md`.
They are the source of truth: `newsclaims schema` prints their JSON Schema.
Fields may be added; renaming or dropping one needs a SCHEMA_VERSION bump.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

Attribution = Literal["direct", "indirect", "none"]
Modality = Literal["asserted", "goal", "forecast"]
SpeakerKind = Literal["person", "organization", "anonymous", "document"]
Comparator = Literal["=", ">", ">=", "<", "<=", "~"]
Change = Literal["up", "down"]
Granularity = Literal[
    "day", "week", "month", "quarter", "half", "season", "year", "decade", "range"
]


PublishedFrom = Literal["article", "reference", "json-ld", "meta", "url", "text"]
"""Where `Article.published` came from: `article` a field of the input (front matter, a JSON
key), `reference` `--reference-date`; in a web page `json-ld` (`datePublished`), `meta`
(`article:published_time` and the like, or `itemprop="datePublished"`), `url` (a
`/2024/06/07/` path) or `text` (found in the page text by trafilatura)."""
Level = Literal["error", "warning"]


class Record(BaseModel):
    """Base of every record: immutable, and unknown fields are an error."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Mention(Record):
    """Words in the article that name something, with character offsets into `Article.text`."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Figure(Mention):
    """A cardinal quantity, amount of money, percentage or rate (guide section 4)."""

    value: int | float
    max: int | float | None = None
    unit: str | None = None
    unit_phrase: str | None = None  # the counted noun with its modifiers, singular
    comparator: Comparator = "="
    change: Change | None = None
    currency: str | None = None
    per: str | None = None


class DateMention(Mention):
    """A temporal expression resolved to an inclusive calendar interval (guide section 5)."""

    earliest: dt.date | None = None
    latest: dt.date | None = None
    granularity: Granularity | None = None


class Speaker(Record):
    """Who a claim comes from (guide section 3)."""

    name: str
    kind: SpeakerKind
    title: str | None = None
    organization: str | None = None
    mention: Mention | None = None
    # The document phrase as written when the words come from a document with a named
    # owner, who is the speaker (`her statement said`, `a report by the IMF`: guide 3).
    document: str | None = None


class Target(Record):
    """The named entity a claim's content is about."""

    name: str
    label: str | None = None


class Claim(Record):
    """One checkable statement: a sentence (or one speaker's part of it) of an article body."""

    id: str
    article_id: str
    source: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    attribution: Attribution = "none"
    modality: Modality = "asserted"
    speaker: Speaker | None = None
    cue: str | None = None
    target: Target | None = None
    figures: list[Figure] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)


class Article(Record):
    """An article as read from its input, with every figure and date of its body."""

    id: str
    source: str
    title: str | None = None
    published: dt.date | None = None
    published_from: PublishedFrom | None = None
    url: str | None = None
    author: str | None = None
    publisher: str | None = None
    format: str | None = None
    content_hash: str | None = None
    text: str
    figures: list[Figure] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)


class InputError(Record):
    """An input that could not be read (`level` error: listed in `errors.jsonl` and
    skipped), or one that was read with a doubt (`level` warning: its article is written
    too, and the warning line tells what to check)."""

    source: str
    error: str
    level: Level = "error"
    kind: str | None = None
