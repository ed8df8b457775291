"""The review API's pydantic models (FastAPI publishes them in its OpenAPI schema)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from newsclaims.models import Claim
from newsclaims.store.decisions import Decision, reviewed_claim, stale
from newsclaims.store.edits import ClaimEdit
from newsclaims.store.queries import Counts, Row


class DecisionIn(BaseModel):
    """Accept or reject a claim; `edits` holds the corrected fields (see ClaimEdit)."""

    status: Literal["accepted", "rejected"]
    reviewer: str = Field(min_length=1, max_length=200)
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

    claim: Claim
    extracted: Claim
    status: Literal["pending", "accepted", "rejected"]
    decision: DecisionOut | None = None
    stale: bool = Field(
        default=False, description="The claim was re-extracted differently after the decision."
    )

    @classmethod
    def of(cls, row: Row) -> ClaimOut:
        claim, _warning = reviewed_claim(row.claim, row.decision)
        return cls(
            claim=claim,
            extracted=row.claim,
            status=row.status,
            decision=DecisionOut.of(row.decision) if row.decision else None,
            stale=stale(row.claim, row.decision),
        )


class CountsOut(BaseModel):
    pending: int
    accepted: int
    edited: int
    rejected: int
    total: int

    @classmethod
    def of(cls, counts: Counts) -> CountsOut:
        return cls(
            pending=counts.pending,
            accepted=counts.accepted,
            edited=counts.edited,
            rejected=counts.rejected,
            total=counts.total,
        )


class ClaimList(BaseModel):
    counts: CountsOut
    claims: list[ClaimOut]
