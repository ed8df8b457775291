"""The store against a real SQLite file and a real PostgreSQL server (each test runs on
both): idempotent loads, replaced articles, decisions that survive, export."""

from __future__ import annotations

import csv
import io
import json
import random

import pytest
from sqlalchemy import func, select, text

from newsclaims.models import Claim
from newsclaims.store import (
    CSV_COLUMNS,
    ClaimEdit,
    FigureEdit,
    SpeakerEdit,
    StoreError,
    decide,
    export_claims,
    load_output,
    open_store,
    undo,
)
from newsclaims.store.schema import TABLES, metadata, review_log, schema_version
from tests.db.records import output_dir, version_one, version_two

V1 = {c.text[:6]: c.id for _a, cs in version_one() for c in cs}
V2 = {c.text[:6]: c.id for _a, cs in version_two() for c in cs}
ACME_FIRST, JANE, RIVALS, BUDGET = V1["Acme s"], V1['"We wi'], V1["Rivals"], V1["The co"]
FINE = V2["Regula"]


def row_counts(store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {
            name: conn.execute(select(func.count()).select_from(metadata.tables[name])).scalar()
            for name in TABLES
        }


def snapshot(store) -> dict[str, list]:
    """Every row of every table, in a stable order."""
    with store.engine.connect() as conn:
        return {
            name: sorted(map(repr, conn.execute(select(metadata.tables[name])).all()))
            for name in TABLES
        }


def claim_ids(store) -> set[str]:
    with store.engine.connect() as conn:
        return set(conn.execute(text("SELECT id FROM claims")).scalars())


def test_store_load_twice_changes_nothing(store, out_v1):
    first = load_output(store, out_v1)
    assert (first.added, first.replaced, first.unchanged, first.claims) == (2, 0, 0, 4)
    assert not first.problems and not first.orphaned
    counts = row_counts(store)
    assert counts == {
        "articles": 2,
        "speakers": 3,
        "claims": 4,
        "figures": 4,
        "dates": 4,
        "claim_figures": 4,
        "claim_dates": 4,
        "review_decisions": 0,
        "review_log": 0,
        "clusters": 0,
        "cluster_members": 0,
        "conflicts": 0,
        "schema_version": 1,
    }
    before = snapshot(store)
    second = load_output(store, out_v1)
    assert (second.added, second.replaced, second.unchanged) == (0, 0, 2)
    assert row_counts(store) == counts
    assert snapshot(store) == before


def test_store_changed_article_replaces_claims_and_keeps_decisions(store, out_v1, tmp_path):
    load_output(store, out_v1)
    decide(store, ACME_FIRST, status="accepted", reviewer="ana")
    decide(store, JANE, status="accepted", reviewer="ana", edit=ClaimEdit(modality="asserted"))
    decide(store, RIVALS, status="rejected", reviewer="ben")
    speakers_before = row_counts(store)["speakers"]

    report = load_output(store, output_dir(tmp_path / "out-v2", *version_two()))

    assert (report.added, report.replaced, report.unchanged) == (0, 1, 1)
    assert [(o.claim_id, o.status, o.reviewer) for o in report.orphaned] == [
        (RIVALS, "rejected", "ben")
    ]
    assert claim_ids(store) == {ACME_FIRST, JANE, FINE, BUDGET}
    counts = row_counts(store)
    assert counts["review_decisions"] == 3  # the orphaned decision is kept
    assert counts["figures"] == 4 and counts["dates"] == 4
    assert counts["speakers"] == speakers_before + 1  # "the agency" is new
    with store.engine.connect() as conn:
        moved = conn.execute(text("SELECT start FROM claims WHERE id = :i"), {"i": JANE}).scalar()
        gone = conn.execute(
            text("SELECT count(*) FROM claim_figures WHERE claim_id = :i"), {"i": RIVALS}
        ).scalar()
    assert moved == 146 and gone == 0
    # The edit made on version one is still applied to the re-extracted claim.
    out = io.StringIO()
    export_claims(store, out, status="accepted")
    exported = {c.id: c for c in map(Claim.model_validate_json, out.getvalue().splitlines())}
    assert set(exported) == {ACME_FIRST, JANE}
    assert exported[JANE].modality == "asserted" and exported[JANE].start == 146

    again = load_output(store, output_dir(tmp_path / "out-v2b", *version_two()))
    assert (again.unchanged, again.orphaned) == (2, [])
    assert row_counts(store) == counts


def test_store_failed_replacement_leaves_the_old_claims(store, out_v1, tmp_path):
    load_output(store, out_v1)
    before = snapshot(store)
    (acme, claims), budget = version_two()
    broken = [*claims, claims[-1]]  # the same claim id twice: the insert fails mid-way
    report = load_output(store, output_dir(tmp_path / "broken", (acme, broken), budget))
    assert report.replaced == 0 and report.unchanged == 1
    assert len(report.problems) == 1 and "markets/acme.md" in report.problems[0]
    assert snapshot(store) == before


def test_store_claims_out_of_order_load_the_same(store, out_v1, tmp_path):
    shuffled = tmp_path / "shuffled"
    shuffled.mkdir()
    for name in ("articles.jsonl", "claims.jsonl", "errors.jsonl"):
        lines = (out_v1 / name).read_text(encoding="utf-8").splitlines(keepends=True)
        random.Random(7).shuffle(lines)
        (shuffled / name).write_text("".join(lines[::-1]), encoding="utf-8")
    report = load_output(store, shuffled)
    assert (report.added, report.claims, report.problems) == (2, 4, [])
    assert load_output(store, out_v1).unchanged == 2


def test_store_claim_without_article_is_reported(store, tmp_path):
    (_acme, claims), (budget, _budget_claims) = version_one()
    report = load_output(store, output_dir(tmp_path / "o", (budget, claims)))
    assert (report.added, report.claims) == (1, 0)
    assert report.problems == [f"3 claims of article {claims[0].article_id} have no article line"]


def test_store_decisions_edits_log_and_export(store, out_v1):
    load_output(store, out_v1)
    edit = ClaimEdit(
        speaker=SpeakerEdit(name="Acme Corp", kind="organization"),
        figures={0: FigureEdit(value=5.5, unit="%", comparator="~")},
    )
    decision = decide(store, ACME_FIRST, status="accepted", reviewer="ana", edit=edit)
    assert decision.edited_fields == [
        "speaker.name",
        "figures[0].value",
        "figures[0].comparator",
    ]
    decide(store, BUDGET, status="rejected", reviewer="ben")
    decide(store, JANE, status="accepted", reviewer="ana")
    undo(store, JANE, reviewer="ana")
    with store.engine.connect() as conn:
        log = conn.execute(select(review_log.c.claim_id, review_log.c.status)).all()
    assert [tuple(r) for r in log] == [
        (ACME_FIRST, "accepted"),
        (BUDGET, "rejected"),
        (JANE, "accepted"),
        (JANE, "pending"),
    ]

    out = io.StringIO()
    assert export_claims(store, out, status="accepted").count == 1
    claim = Claim.model_validate_json(out.getvalue())
    assert claim.speaker.name == "Acme Corp" and claim.speaker.mention is None
    assert (claim.figures[0].value, claim.figures[0].comparator) == (5.5, "~")
    assert claim.figures[1].value == 2_000_000_000

    out = io.StringIO()
    assert export_claims(store, out, status="all", fmt="csv").count == 4
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == CSV_COLUMNS
    by_id = {r["claim_id"]: r for r in rows}
    assert by_id[ACME_FIRST]["status"] == "accepted"
    assert (
        by_id[ACME_FIRST]["edited_fields"] == "speaker.name;figures[0].value;figures[0].comparator"
    )
    assert json.loads(by_id[ACME_FIRST]["figures"])[0]["value"] == 5.5
    assert by_id[BUDGET]["status"] == "rejected" and by_id[JANE]["status"] == "pending"


def test_store_unchanged_form_is_a_plain_decision(store, out_v1):
    load_output(store, out_v1)
    same = ClaimEdit(
        speaker=SpeakerEdit(
            name="Jane Roe", kind="person", title="chief executive", organization="Acme"
        ),
        modality="goal",
    )
    decision = decide(store, JANE, status="accepted", reviewer="ana", edit=same)
    assert decision.edited_fields == [] and decision.edits.model_fields_set == set()


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (ClaimEdit(figures={5: FigureEdit(value=1)}), "no figure number 6"),
        (ClaimEdit(dates={3: {"earliest": "2024-01-01"}}), "no date number 4"),
    ],
)
def test_store_edit_that_does_not_fit_is_refused(store, out_v1, edit, message):
    load_output(store, out_v1)
    with pytest.raises(ValueError, match=message):
        decide(store, ACME_FIRST, status="accepted", reviewer="ana", edit=edit)
    assert row_counts(store)["review_decisions"] == 0


def test_store_database_without_an_added_column_gets_it(store, db_url, out_v1):
    """A database made before `figures.unit_phrase` was added still loads: opening it for
    writing adds the nullable column, and its old rows keep a null there."""
    load_output(store, out_v1)
    with store.engine.begin() as conn:
        conn.execute(text('ALTER TABLE figures DROP COLUMN "unit_phrase"'))
    store.close()
    reopened = open_store(db_url)
    try:
        with reopened.engine.connect() as conn:
            phrases = conn.execute(text('SELECT "unit_phrase" FROM figures')).scalars().all()
        assert phrases and set(phrases) == {None}
        load_output(reopened, out_v1)  # loads again with the column in place
    finally:
        reopened.close()


def test_store_figure_unit_phrase_is_stored(store, tmp_path):
    def with_phrase(record):
        figures = [f.model_copy(update={"unit_phrase": f"phrase {f.unit}"}) for f in record.figures]
        return record.model_copy(update={"figures": figures})

    items = [(with_phrase(a), [with_phrase(c) for c in claims]) for a, claims in version_one()]
    load_output(store, output_dir(tmp_path / "out", *items))
    with store.engine.connect() as conn:
        rows = conn.execute(text('SELECT "unit", "unit_phrase" FROM figures')).all()
    claimed = [(u, p) for u, p in rows if p is not None]
    assert claimed and all(p == f"phrase {u}" for u, p in claimed)


def test_store_schema_version_mismatch_is_refused(store, db_url):
    with store.engine.begin() as conn:
        conn.execute(schema_version.update().values(version=99))
    with pytest.raises(StoreError, match="schema version 99"):
        open_store(db_url)


def test_store_read_only_database_is_refused(db_url, out_v1, tmp_path):
    open_store(db_url).close()
    if "://" in db_url:
        read_only = db_url + "?options=-c%20default_transaction_read_only%3Don"
    else:
        read_only = f"sqlite:///file:{db_url}?mode=ro&uri=true"
    with pytest.raises(StoreError, match="cannot write to the database"):
        open_store(read_only)
    reader = open_store(read_only, writable=False)  # export still works
    assert export_claims(reader, io.StringIO(), status="all").count == 0
    reader.close()


@pytest.mark.parametrize(
    "address",
    [
        "postgresql://nobody@127.0.0.1:1/none",
        "/nonexistent-folder/sub/claims.db",
    ],
)
def test_store_unreachable_database_is_a_clear_error(address):
    with pytest.raises(StoreError, match="cannot write to the database"):
        open_store(address)


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("mysql://root@localhost/x", "unsupported database"),
        ("missing.db", "does not exist"),
    ],
)
def test_store_bad_addresses(address, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError, match=message):
        open_store(address, writable=False)
