"""The review API's pydantic models (FastAPI publishes them in its OpenAPI schema)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from newsclaims.models import Claim
from newsclaims.store.decisions import Decision, reviewed_claim, stale
from newsclaims.store.edits import ClaimEdit, Text
from newsclaims.store.queries import Counts, Row


class DecisionIn(BaseModel):
    """Accept, reject or ignore a claim; `edits` holds the corrected fields (see ClaimEdit)."""

    status: Literal["accepted", "rejected", "ignored"]
    reviewer: Text = Field(min_length=1, max_length=200)
    edits: ClaimEdit | None = None


class DecisionOut(BaseModel):
    claim_id: str
    status: str
    reviewer: str
    decided_at: dt.datetime
    edited_fields: list[str]
    edits: ClaimEdit

    @classmethod
    def of(cls, decision: Decision) -> DecisionOut:
        return cls(
            claim_id=decision.claim_id,
            status=decision.status,
            reviewer=decision.reviewer,
            decided_at=decision.decided_at,
            edited_fields=decision.edited_fields,
            edits=decision.edits,
        )


class ClaimOut(BaseModel):
    """A claim as reviewed (`claim`, edits applied) and as extracted (`extracted`)."""

    key: str = Field(
        description="The claim's key in this database (its id, or NAMESPACE:id when loaded "
        "with --namespace): the {claim_id} of the API paths."
    )
    claim: Claim
    extracted: Claim
    status: Literal["pending", "accepted", "rejected", "ignored"]
    title: str | None = Field(default=None, description="The title of the claim's article.")
    decision: DecisionOut | None = None
    stale: bool = Field(
        default=False, description="The claim was re-extracted differently after the decision."
    )

    @classmethod
    def of(cls, row: Row) -> ClaimOut:
        claim, _warning = reviewed_claim(row.claim, row.decision)
        return cls(
            key=row.key,
            claim=claim,
            extracted=row.claim,
            status=row.status,
            title=row.title,
            decision=DecisionOut.of(row.decision) if row.decision else None,
            stale=stale(row.claim, row.decision),
        )


class CountsOut(BaseModel):
    pending: int
    accepted: int
    edited: int
    rejected: int
    ignored: int
    total: int

    @classmethod
    def of(cls, counts: Counts) -> CountsOut:
        return cls(
            pending=counts.pending,
            accepted=counts.accepted,
            edited=counts.edited,
            rejected=counts.rejected,
            ignored=counts.ignored,
            total=counts.total,
        )


class ClaimList(BaseModel):
    counts: CountsOut
    claims: list[ClaimOut]


class UndoIn(BaseModel):
    """Whose latest decision to take back."""

    reviewer: Text = Field(min_length=1, max_length=200)


class UndoOut(BaseModel):
    """The claim whose decision was taken back (null: the reviewer had none in force)."""

    claim_id: str | None
    claim: ClaimOut | None = None
