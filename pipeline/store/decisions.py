"""Review decisions: accept, reject or ignore a claim, with the reviewer's edits, kept forever.

The current decision of a claim is one row of `review_decisions`, written with one upsert
(safe when two reviewers decide the same claim at once); every decision is also appended
to `review_log`. Neither has a foreign key on claims, so a re-load that drops a claim
keeps its decision (reported as orphaned). Undo takes a claim back to the state before
its current decision: the earlier decision, or pending.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Connection, delete, insert, select

from newsclaims.models import Claim
from newsclaims.store.edits import ClaimEdit, apply_edit, minimal_edit
from newsclaims.store.engine import Store, now, upsert
from newsclaims.store.schema import claims, review_decisions, review_log

Status = Literal["accepted", "rejected", "ignored"]
STATUSES: tuple[str, ...] = ("accepted", "rejected", "ignored")
"""`ignored`: neither right nor wrong (off-topic, unreadable); it leaves the queue and no
export of accepted or rejected claims holds it."""


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


def stored_claim(conn: Connection, claim_id: str) -> tuple[Claim, str, str]:
    """The claim record under a database key, with its article's key and its source."""
    row = conn.execute(
        select(claims.c.record, claims.c.article_id, claims.c.source).where(claims.c.id == claim_id)
    ).first()
    if row is None:
        raise UnknownClaim(claim_id)
    return Claim.model_validate_json(row.record), row.article_id, row.source


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
    with store.writing() as conn:
        claim, article_id, source = stored_claim(conn, claim_id)
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
            "source": source,
            "claim_record": claim.model_dump_json(),
        }
        conn.execute(upsert(conn, review_decisions, row, key="claim_id"))
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


def _same(log_row, current) -> bool:
    return (
        log_row.status == current.status
        and log_row.reviewer == current.reviewer
        and utc(log_row.decided_at) == utc(current.decided_at)
    )


def _revert(conn: Connection, claim_id: str, *, reviewer: str) -> str:
    """Take a claim back to the state before its current decision; the status it is left in."""
    current = conn.execute(  # locked on PostgreSQL: two undos of one claim take turns
        select(review_decisions).where(review_decisions.c.claim_id == claim_id).with_for_update()
    ).first()
    if current is None:
        return "pending"
    history = conn.execute(
        select(review_log).where(review_log.c.claim_id == claim_id).order_by(review_log.c.id)
    ).all()
    made = next((i for i, r in enumerate(history) if _same(r, current)), None)
    earlier = history[made - 1] if made else None
    if earlier is not None and earlier.status in STATUSES:
        values = {
            "status": earlier.status,
            "reviewer": earlier.reviewer,
            "decided_at": earlier.decided_at,
            "edited": earlier.edited,
            "edited_fields": earlier.edited_fields,
            "edits": earlier.edits,
        }
        row = {**current._asdict(), **values}
        conn.execute(upsert(conn, review_decisions, row, key="claim_id"))
    else:
        conn.execute(delete(review_decisions).where(review_decisions.c.claim_id == claim_id))
        values = {
            "status": "pending",
            "reviewer": reviewer.strip() or "?",
            "decided_at": now(),
            "edited": False,
            "edited_fields": [],
            "edits": {},
        }
    conn.execute(insert(review_log).values(claim_id=claim_id, **values))
    return values["status"]


def undo(store: Store, claim_id: str, *, reviewer: str) -> str:
    """Take back a claim's current decision: the claim gets its earlier decision again
    (logged anew with its first time and reviewer), or goes back to pending (logged as
    status `pending`). Returns the status the claim is left in."""
    with store.writing() as conn:
        return _revert(conn, claim_id, reviewer=reviewer)


def undo_last(store: Store, *, reviewer: str) -> str | None:
    """Take back the reviewer's latest decision still in force, whichever claim it is on
    (the page has moved on by then); None when there is none. Repeated, it walks back
    through the reviewer's decisions, newest first."""
    name = reviewer.strip()
    if not name:
        raise ValueError("undo needs the reviewer's name")
    with store.writing() as conn:
        claim_id = conn.execute(
            select(review_decisions.c.claim_id)
            .where(review_decisions.c.reviewer == name)
            .order_by(review_decisions.c.decided_at.desc(), review_decisions.c.claim_id)
            .limit(1)
        ).scalar()
        if claim_id is None:
            return None
        _revert(conn, claim_id, reviewer=name)
    return claim_id


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
