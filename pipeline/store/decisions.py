"""Review decisions: accept or reject a claim, with the reviewer's edits, kept forever.

The current decision of a claim is one row of `review_decisions`; every decision is also
appended to `review_log`. Neither has a foreign key on claims, so a re-load that drops a
claim keeps its decision (reported as orphaned).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Connection, delete, insert, select, update

from newsclaims.models import Claim
from newsclaims.store.edits import ClaimEdit, apply_edit, minimal_edit
from newsclaims.store.engine import Store, now
from newsclaims.store.schema import claims, review_decisions, review_log

Status = Literal["accepted", "rejected"]
STATUSES: tuple[str, ...] = ("accepted", "rejected")


class UnknownClaim(LookupError):
    """No claim with that id in the database."""


@dataclass(frozen=True)
class Decision:
    claim_id: str
    status: str
    reviewer: str
    decided_at: dt.datetime
    edited_fields: list[str]
    edits: ClaimEdit
    claim_record: str

    @property
    def edited(self) -> bool:
        return bool(self.edited_fields)


def utc(value: dt.datetime) -> dt.datetime:
    """SQLite gives back naive timestamps: they were written in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def decision_of(row) -> Decision:
    return Decision(
        claim_id=row.claim_id,
        status=row.status,
        reviewer=row.reviewer,
        decided_at=utc(row.decided_at),
        edited_fields=list(row.edited_fields or []),
        edits=ClaimEdit.model_validate(row.edits or {}),
        claim_record=row.claim_record,
    )


def stored_claim(conn: Connection, claim_id: str) -> tuple[Claim, str]:
    row = conn.execute(
        select(claims.c.record, claims.c.article_id).where(claims.c.id == claim_id)
    ).first()
    if row is None:
        raise UnknownClaim(claim_id)
    return Claim.model_validate_json(row.record), row.article_id


def get_decision(conn: Connection, claim_id: str) -> Decision | None:
    row = conn.execute(
        select(review_decisions).where(review_decisions.c.claim_id == claim_id)
    ).first()
    return decision_of(row) if row else None


def decide(
    store: Store,
    claim_id: str,
    *,
    status: Status,
    reviewer: str,
    edit: ClaimEdit | None = None,
    at: dt.datetime | None = None,
) -> Decision:
    """Record a decision on a claim (replacing the previous one); log it.

    Raises UnknownClaim, or ValueError when the edit does not fit the claim.
    """
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}")
    if not reviewer.strip():
        raise ValueError("a decision needs the reviewer's name")
    at = at or now()
    with store.engine.begin() as conn:
        claim, article_id = stored_claim(conn, claim_id)
        edit, paths = minimal_edit(claim, edit or ClaimEdit())
        values = {
            "status": status,
            "reviewer": reviewer.strip(),
            "decided_at": at,
            "edited": bool(paths),
            "edited_fields": paths,
            "edits": edit.model_dump(mode="json", exclude_unset=True),
        }
        row = {
            **values,
            "claim_id": claim_id,
            "article_id": article_id,
            "source": claim.source,
            "claim_record": claim.model_dump_json(),
        }
        exists = conn.execute(
            update(review_decisions).where(review_decisions.c.claim_id == claim_id).values(row)
        ).rowcount
        if not exists:
            conn.execute(insert(review_decisions).values(row))
        conn.execute(insert(review_log).values(claim_id=claim_id, **values))
    return Decision(
        claim_id=claim_id,
        status=status,
        reviewer=values["reviewer"],
        decided_at=at,
        edited_fields=paths,
        edits=edit,
        claim_record=row["claim_record"],
    )


def undo(store: Store, claim_id: str, *, reviewer: str) -> None:
    """Put a claim back to pending (logged as status `pending`)."""
    with store.engine.begin() as conn:
        conn.execute(delete(review_decisions).where(review_decisions.c.claim_id == claim_id))
        conn.execute(
            insert(review_log).values(
                claim_id=claim_id,
                status="pending",
                reviewer=reviewer.strip() or "?",
                decided_at=now(),
                edited=False,
                edited_fields=[],
                edits={},
            )
        )


def reviewed_claim(claim: Claim, decision: Decision | None) -> tuple[Claim, str | None]:
    """The claim with its decision's edits applied, and a warning when they no longer fit
    (the claim changed since the decision): then the claim is given as extracted."""
    if decision is None or not decision.edited:
        return claim, None
    try:
        return apply_edit(claim, decision.edits), None
    except ValueError as error:
        return claim, f"{claim.id}: the edits no longer fit the re-extracted claim ({error})"


def stale(claim: Claim, decision: Decision | None) -> bool:
    """True when the claim was re-extracted differently after the decision was taken."""
    if decision is None:
        return False
    return json.loads(decision.claim_record) != claim.model_dump(mode="json")
