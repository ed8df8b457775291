"""Read-side queries for review and export: filtered claims in a stable order, counts,
neighbours, and an article with its marks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import Connection, Select, and_, func, select, tuple_

from newsclaims.models import Claim
from newsclaims.store.decisions import Decision, decision_of
from newsclaims.store.schema import (
    articles,
    claims,
    dates,
    figures,
    review_decisions,
    speakers,
)

StatusFilter = Literal["pending", "accepted", "edited", "rejected", "ignored", "reviewed", "all"]
STATUS_FILTERS: tuple[str, ...] = (
    "pending",
    "accepted",
    "edited",
    "rejected",
    "ignored",
    "reviewed",
    "all",
)


@dataclass(frozen=True)
class Filters:
    """Which claims to show: by review status, source, speaker and target (substrings),
    and words of the claim text (`text`, a substring, any case)."""

    status: str = "all"
    source: str = ""
    speaker: str = ""
    target: str = ""
    text: str = ""

    def params(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}


@dataclass(frozen=True)
class Row:
    """One claim as listed: the record, its decision, its article's title, and its keys in
    the database (the record's ids, prefixed by a namespace it was loaded under)."""

    claim: Claim
    decision: Decision | None
    title: str | None = None
    key: str = ""
    article_key: str = ""
    source: str = ""

    @property
    def status(self) -> str:
        return self.decision.status if self.decision else "pending"


@dataclass
class Counts:
    pending: int = 0
    accepted: int = 0
    edited: int = 0
    rejected: int = 0
    ignored: int = 0
    by_status: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.pending + self.accepted + self.rejected + self.ignored


def _joined(*columns) -> Select:
    return (
        select(*columns)
        .select_from(claims)
        .outerjoin(review_decisions, review_decisions.c.claim_id == claims.c.id)
        .outerjoin(speakers, speakers.c.id == claims.c.speaker_id)
        .join(articles, articles.c.id == claims.c.article_id)
    )


def _contains(column, text: str):
    return func.lower(column).contains(text.lower(), autoescape=True)


def _where(query: Select, filters: Filters, *, with_status: bool = True) -> Select:
    conditions = []
    if filters.source:
        conditions.append(claims.c.source == filters.source)
    if filters.speaker:
        conditions.append(_contains(speakers.c.name, filters.speaker))
    if filters.target:
        conditions.append(_contains(claims.c.target_name, filters.target))
    if filters.text:
        conditions.append(_contains(claims.c.text, filters.text))
    status = filters.status if with_status else "all"
    decided = review_decisions.c.claim_id
    if status == "pending":
        conditions.append(decided.is_(None))
    elif status == "reviewed":
        conditions.append(decided.is_not(None))
    elif status in ("accepted", "rejected", "ignored"):
        conditions.append(review_decisions.c.status == status)
    elif status == "edited":
        conditions.append(review_decisions.c.edited.is_(True))
    return query.where(and_(*conditions)) if conditions else query


ORDER = (claims.c.source, claims.c.position, claims.c.id)


def _row(r) -> Row:
    decision = decision_of(r) if r.status is not None else None
    return Row(
        Claim.model_validate_json(r.record),
        decision,
        title=r.title,
        key=r.id,
        article_key=r.article_id,
        source=r.source,
    )


def _rows(conn: Connection, query: Select) -> list[Row]:
    return [_row(r) for r in conn.execute(query)]


def _row_columns():
    return (
        claims.c.record,
        claims.c.source,
        claims.c.position,
        claims.c.id,
        claims.c.article_id,
        review_decisions.c.claim_id,
        review_decisions.c.status,
        review_decisions.c.reviewer,
        review_decisions.c.decided_at,
        review_decisions.c.edited_fields,
        review_decisions.c.edits,
        review_decisions.c.claim_record,
        articles.c.title,
    )


def claim_rows(
    conn: Connection, filters: Filters, *, limit: int | None = None, offset: int = 0
) -> list[Row]:
    """The filtered claims in review order (source, then position in the article)."""
    query = _where(_joined(*_row_columns()), filters).order_by(*ORDER).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return _rows(conn, query)


def iter_claim_rows(conn: Connection, filters: Filters, *, chunk: int = 500):
    """All filtered claims, read in keyset chunks (flat memory for a large export)."""
    last = None
    while True:
        query = _where(_joined(*_row_columns()), filters).order_by(*ORDER).limit(chunk)
        if last is not None:
            query = query.where(tuple_(*ORDER) > tuple_(*last))
        batch = conn.execute(query).all()
        for r in batch:
            yield _row(r)
        if len(batch) < chunk:
            return
        last = (batch[-1].source, batch[-1].position, batch[-1].id)


def one_row(conn: Connection, claim_id: str) -> Row | None:
    rows = _rows(conn, _joined(*_row_columns()).where(claims.c.id == claim_id))
    return rows[0] if rows else None


def _key(conn: Connection, claim_id: str):
    return conn.execute(
        select(claims.c.source, claims.c.position, claims.c.id).where(claims.c.id == claim_id)
    ).first()


def neighbours(
    conn: Connection, filters: Filters, claim_id: str, *, before: int, after: int
) -> tuple[list[Row], list[Row]]:
    """Filtered claims just before and after a claim in review order (the claim itself
    need not match the filters: after accepting it under `pending`, next is still next)."""
    key = _key(conn, claim_id)
    if key is None:
        return [], []
    base = _where(_joined(*_row_columns()), filters)
    earlier = _rows(
        conn,
        base.where(tuple_(*ORDER) < tuple_(*key))
        .order_by(*(c.desc() for c in ORDER))
        .limit(before),
    )
    later = _rows(conn, base.where(tuple_(*ORDER) > tuple_(*key)).order_by(*ORDER).limit(after))
    return earlier[::-1], later


def counts(conn: Connection, filters: Filters) -> Counts:
    """Claims per review status under the source, speaker and target filters."""
    status = func.coalesce(review_decisions.c.status, "pending")
    query = _where(
        _joined(status.label("status"), review_decisions.c.edited, func.count().label("n")),
        filters,
        with_status=False,
    ).group_by(status, review_decisions.c.edited)
    result = Counts()
    for row in conn.execute(query):
        setattr(result, row.status, getattr(result, row.status, 0) + row.n)
        if row.edited:
            result.edited += row.n
    result.by_status = {
        "pending": result.pending,
        "accepted": result.accepted,
        "edited": result.edited,
        "rejected": result.rejected,
        "ignored": result.ignored,
        "all": result.total,
    }
    return result


def choices(conn: Connection, *, limit: int = 1000) -> dict[str, list[str]]:
    """Values for the filter pickers: sources, speaker names, target names."""
    return {
        "source": list(
            conn.execute(select(articles.c.source).order_by(articles.c.source)).scalars()
        ),
        "speaker": list(
            conn.execute(
                select(speakers.c.name).distinct().order_by(speakers.c.name).limit(limit)
            ).scalars()
        ),
        "target": list(
            conn.execute(
                select(claims.c.target_name)
                .where(claims.c.target_name.is_not(None))
                .distinct()
                .order_by(claims.c.target_name)
                .limit(limit)
            ).scalars()
        ),
    }


@dataclass(frozen=True)
class ArticleView:
    """An article with everything to highlight in its text."""

    id: str
    source: str
    title: str | None
    published: object
    url: str | None
    text: str
    figures: list[tuple[int, int]]
    dates: list[tuple[int, int]]
    claims: list[Row]


def article_view(conn: Connection, article_id: str) -> ArticleView | None:
    row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        return None

    def spans(table):
        return [
            (r.start, r.end)
            for r in conn.execute(
                select(table.c.start, table.c.end)
                .where(table.c.article_id == article_id)
                .order_by(table.c.start)
            )
        ]

    rows = _rows(
        conn,
        _joined(*_row_columns())
        .where(claims.c.article_id == article_id)
        .order_by(claims.c.position),
    )
    return ArticleView(
        id=row.id,
        source=row.source,
        title=row.title,
        published=row.published,
        url=row.url,
        text=row.text,
        figures=spans(figures),
        dates=spans(dates),
        claims=rows,
    )


def orphaned_decisions(conn: Connection) -> list[Decision]:
    """Decisions whose claim is no longer in the database (kept, never deleted)."""
    query = (
        select(review_decisions)
        .where(~select(claims.c.id).where(claims.c.id == review_decisions.c.claim_id).exists())
        .order_by(review_decisions.c.source, review_decisions.c.claim_id)
    )
    return [decision_of(r) for r in conn.execute(query)]
