"""Idempotent loading, keyed by the stable ids (prefixed by a namespace when one is given:
see rows.py): `load` commits once per `LOAD_BATCH` articles, each article in a savepoint of
its own, so that one commit (and its fsync) serves many articles and an article the
database refuses still leaves the others of its batch.

An article whose record and claims are unchanged (same `record_hash`) is not touched; a
new one is inserted; a changed one (new text, or new extraction) has its row updated and
its claims, figures and dates replaced in the same transaction. Review decisions are
never deleted: those whose claim vanished are reported.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import Connection, delete, exists, insert, select, update
from sqlalchemy.exc import DataError, IntegrityError, SQLAlchemyError

from newsclaims.models import Article, Claim
from newsclaims.run.writers import ARTICLES, CLAIMS
from newsclaims.store.engine import Store, now, problem
from newsclaims.store.rows import ArticleRows, article_rows, check_namespace, scoped
from newsclaims.store.schema import (
    articles,
    claim_dates,
    claim_figures,
    claims,
    dates,
    figures,
    review_decisions,
    speakers,
)


@dataclass(frozen=True)
class Orphan:
    """A review decision whose claim is no longer in the database: kept, and reported."""

    claim_id: str
    source: str
    status: str
    reviewer: str
    text: str


@dataclass
class LoadReport:
    """What a load did, article by article."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    claims: int = 0
    orphaned: list[Orphan] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    database_error: str | None = None
    """The database refused a write: the load stopped there (the rest is not attempted)."""

    @property
    def articles(self) -> int:
        return self.added + self.replaced + self.unchanged


def _insert_rows(conn: Connection, rows: ArticleRows) -> None:
    if rows.speakers:
        known = set(
            conn.execute(select(speakers.c.id).where(speakers.c.id.in_(list(rows.speakers))))
            .scalars()
            .all()
        )
        new = [row for sid, row in rows.speakers.items() if sid not in known]
        if new:
            conn.execute(insert(speakers), new)
    for table, values in (
        (figures, list(rows.figures.values())),
        (dates, list(rows.dates.values())),
        (claims, rows.claims),
        (claim_figures, rows.claim_figures),
        (claim_dates, rows.claim_dates),
    ):
        if values:
            conn.execute(insert(table), values)


def _delete_children(conn: Connection, article_id: str) -> set[str]:
    """Delete an article's claims, figures and dates; return the speakers they named."""
    of_article = select(claims.c.id).where(claims.c.article_id == article_id)
    old_speakers = set(
        conn.execute(
            select(claims.c.speaker_id)
            .where(claims.c.article_id == article_id, claims.c.speaker_id.is_not(None))
            .distinct()
        )
        .scalars()
        .all()
    )
    conn.execute(delete(claim_figures).where(claim_figures.c.claim_id.in_(of_article)))
    conn.execute(delete(claim_dates).where(claim_dates.c.claim_id.in_(of_article)))
    conn.execute(delete(claims).where(claims.c.article_id == article_id))
    conn.execute(delete(figures).where(figures.c.article_id == article_id))
    conn.execute(delete(dates).where(dates.c.article_id == article_id))
    return old_speakers


def _prune_speakers(conn: Connection, candidates: set[str]) -> None:
    if candidates:
        used = exists().where(claims.c.speaker_id == speakers.c.id)
        conn.execute(delete(speakers).where(speakers.c.id.in_(list(candidates)), ~used))


def _orphans(conn: Connection, article_id: str, kept: set[str]) -> list[Orphan]:
    rows = conn.execute(
        select(
            review_decisions.c.claim_id,
            review_decisions.c.source,
            review_decisions.c.status,
            review_decisions.c.reviewer,
            review_decisions.c.claim_record,
        ).where(review_decisions.c.article_id == article_id)
    ).all()
    return [
        Orphan(
            claim_id=row.claim_id,
            source=row.source,
            status=row.status,
            reviewer=row.reviewer,
            text=json.loads(row.claim_record).get("text", ""),
        )
        for row in rows
        if row.claim_id not in kept
    ]


def write_article(
    store: Store, article: Article, claim_list: list[Claim], *, namespace: str = ""
) -> tuple[str, list]:
    """Upsert one article and its claims in one transaction.

    Returns ("added" | "replaced" | "unchanged", decisions orphaned by this write).
    Claims are kept in text order, whatever order they came in.
    """
    with store.writing() as conn:
        return _write(conn, article, claim_list, namespace=namespace)


def _write(
    conn: Connection, article: Article, claim_list: list[Claim], *, namespace: str
) -> tuple[str, list]:
    """`write_article` inside a transaction the caller holds."""
    claim_list = sorted(claim_list, key=lambda c: (c.start, c.end, c.id))
    rows = article_rows(article, claim_list, loaded_at=now(), namespace=namespace)
    key = rows.article["id"]
    current = conn.execute(select(articles.c.record_hash).where(articles.c.id == key)).scalar()
    if current == rows.article["record_hash"]:
        return "unchanged", []
    if current is None:
        conn.execute(insert(articles).values(rows.article))
        old_speakers: set[str] = set()
        outcome = "added"
    else:
        old_speakers = _delete_children(conn, key)
        conn.execute(update(articles).where(articles.c.id == key).values(rows.article))
        outcome = "replaced"
    _insert_rows(conn, rows)
    _prune_speakers(conn, old_speakers - set(rows.speakers))
    orphaned = _orphans(conn, key, {scoped(namespace, c.id) for c in claim_list})
    return outcome, orphaned


def _read_claims(path: Path, report: LoadReport) -> Iterator[Claim]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield Claim.model_validate_json(line)
            except ValidationError as error:
                report.problems.append(f"{path.name} line {number}: not a claim ({error})")


def _read_articles(path: Path, report: LoadReport) -> Iterator[Article]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield Article.model_validate_json(line)
            except ValidationError as error:
                report.problems.append(f"{path.name} line {number}: not an article ({error})")


def _claim_runs(path: Path) -> tuple[set[str], bool]:
    """The articles that have claims, and whether each one's claims are on adjacent lines."""
    with_claims: set[str] = set()
    contiguous = True
    last = None
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            try:
                article_id = json.loads(line).get("article_id")
            except (ValueError, AttributeError):
                continue
            if article_id != last and article_id in with_claims:
                contiguous = False
            with_claims.add(article_id)
            last = article_id
    return with_claims, contiguous


def _group(claim_stream: Iterator[Claim]) -> dict[str, list[Claim]]:
    grouped: dict[str, list[Claim]] = {}
    for claim in claim_stream:
        grouped.setdefault(claim.article_id, []).append(claim)
    return grouped


def _claims_in_step(outdir: Path, report: LoadReport) -> Iterator[tuple[Article, list[Claim]]]:
    """Each article with its claims, read in step when extract's order allows it (memory
    stays flat), else grouped in memory from the point where the order breaks."""
    with_claims, contiguous = _claim_runs(outdir / CLAIMS)
    stream = _read_claims(outdir / CLAIMS, report)
    grouped = None if contiguous else _group(stream)
    pending = next(stream, None) if grouped is None else None
    for article in _read_articles(outdir / ARTICLES, report):
        if (
            grouped is None
            and article.id in with_claims
            and (pending is None or pending.article_id != article.id)
        ):
            grouped = _group(chain([pending] if pending else [], stream))
        if grouped is not None:
            yield article, grouped.pop(article.id, [])
            continue
        mine = []
        while pending is not None and pending.article_id == article.id:
            mine.append(pending)
            pending = next(stream, None)
        yield article, mine
    if grouped is None:
        grouped = _group(chain([pending] if pending else [], stream))
    for article_id, rest in grouped.items():
        report.problems.append(f"{len(rest)} claims of article {article_id} have no article line")


def load_output(store: Store, outdir: Path, *, namespace: str = "") -> LoadReport:
    """Load `OUTDIR/articles.jsonl` and `OUTDIR/claims.jsonl` (an `extract` output folder),
    under `namespace` when given (ValueError when it is not a valid one).

    An article whose records the database refuses (a duplicate claim id) is a problem and
    the load goes on; any other database error (read-only, disk full, connection lost)
    stops the load at that article's batch (`database_error`): the batches committed before
    it stay, and loading again later carries on, as unchanged articles are skipped.
    """
    check_namespace(namespace)
    for name in (ARTICLES, CLAIMS):
        if not (outdir / name).is_file():
            raise FileNotFoundError(f"{outdir / name} is missing: is {outdir} an extract output?")
    report = LoadReport()
    pairs = _claims_in_step(outdir, report)
    while batch := list(islice(pairs, LOAD_BATCH)):
        done, report.database_error = _write_batch(store, batch, namespace=namespace)
        _count_into(report, done)
        if report.database_error is not None:
            break
    return report


def _write_batch(
    store: Store, batch: list[tuple[Article, list[Claim]]], *, namespace: str
) -> tuple[LoadReport, str | None]:
    """Write articles in one transaction, each in a savepoint of its own: (what was written,
    the database error that rolled the whole batch back, or None). An article whose records
    the database refuses (a duplicate claim id) is a problem and the others are written."""
    done = LoadReport()
    article = batch[0][0]
    try:
        with store.writing() as conn:
            for article, mine in batch:
                try:
                    with conn.begin_nested():
                        outcome, orphaned = _write(conn, article, mine, namespace=namespace)
                except (IntegrityError, DataError) as error:  # this article's records
                    done.problems.append(f"{article.source}: not written ({problem(error)})")
                    continue
                setattr(done, outcome, getattr(done, outcome) + 1)
                done.claims += len(mine)
                done.orphaned.extend(orphaned)
    except SQLAlchemyError as error:  # the database itself: the next would fail too
        # The batch is rolled back: loading again carries on from its first article.
        return LoadReport(), f"{article.source}: {problem(error)}"
    return done, None


def _count_into(report: LoadReport, done: LoadReport) -> None:
    for name in ("added", "replaced", "unchanged", "claims"):
        setattr(report, name, getattr(report, name) + getattr(done, name))
    report.problems.extend(done.problems)
    report.orphaned.extend(done.orphaned)


LOAD_BATCH = 200
"""Articles per transaction of `load` and of `extract --db`: one commit per article (each an
fsync) held SQLite and PostgreSQL to about 2,200 rows/s."""


class DbSink:
    """`extract --db`: writes the processed articles `LOAD_BATCH` at a time, as `load` does
    (one commit per batch, each article in a savepoint), never stops the run; `flush()`
    writes the last, partial batch (call it once the run is over, before using the store).

    The first database error (or article the database refuses) is kept in `error` and
    later articles are not attempted: the JSONL output is complete either way and can be
    loaded later.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.report = LoadReport()
        self.error: str | None = None
        self._batch: list[tuple[Article, list[Claim]]] = []

    def __call__(self, result) -> None:
        if self.error is not None:
            return
        self._batch.append((result.article, result.claims))
        if len(self._batch) >= LOAD_BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the articles received since the last batch."""
        batch, self._batch = self._batch, []
        if not batch or self.error is not None:
            return
        done, error = _write_batch(self.store, batch, namespace="")
        _count_into(self.report, done)
        self.error = error or (done.problems[0] if done.problems else None)
