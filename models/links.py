"""Pydantic records of `newsclaims link`: clusters of claims that report one fact, conflicts
between claims whose figures for one fact disagree, and claims that come due.

Ids are made from content (the members' claim ids), never from a run, so a re-run gives the
same ids and an unrelated article added to the input changes none of them.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from newsclaims.models.records import Modality, Record

Copies = Literal["wire", "independent", "mixed"]
Relation = Literal["disagreement", "revision"]


class Appearance(Record):
    """One claim of a cluster: where and when it appeared."""

    claim_id: str
    article_id: str
    source: str
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    # True when this sentence is a near copy of the first appearance's (wire copy, light
    # rewrite); False for an independent report of the same fact. True for the first itself.
    copy_of_first: bool = False


class Cluster(Record):
    """Two or more claims, from different articles, that report the same fact."""

    id: str
    claims: list[str] = Field(description="member claim ids, sorted")
    size: int = Field(ge=2)
    text: str = Field(description="the claim sentence of the first appearance")
    speaker: str | None = None
    first_appearance: Appearance
    appearances: list[Appearance] = Field(description="in order of publication, then source")
    outlets: list[str] = Field(default_factory=list)
    copies: Copies = "independent"


class ConflictSide(Record):
    """One of the two claims of a conflict, and the figure of it that differs."""

    claim_id: str
    article_id: str
    source: str
    text: str
    published: dt.date | None = None
    outlet: str | None = None
    cluster: str | None = None
    figure: str = Field(description="the figure's words in the claim")
    value: int | float


class Conflict(Record):
    """Two claims about one fact (speaker or target, unit, currency, date) whose figures
    differ beyond rounding: a `revision` within one outlet, else a `disagreement`."""

    id: str
    relation: Relation
    unit: str | None = None
    currency: str | None = None
    a: ConflictSide = Field(description="the earlier claim (publication date, then source)")
    b: ConflictSide
    difference: float = Field(description="b.value - a.value")
    relative: float = Field(description="|difference| / max(|a.value|, |b.value|)")


class DueClaim(Record):
    """A goal or forecast whose date interval ended on or before the `--as-of` day."""

    claim_id: str
    article_id: str
    source: str
    text: str
    modality: Modality
    speaker: str | None = None
    published: dt.date | None = None
    due: dt.date = Field(description="the latest end of the claim's dates")
    date_text: str = Field(description="the date words that give `due`")
    cluster: str | None = None
