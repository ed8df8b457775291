"""Pure parts of the store and the review page: addresses, edits, highlight segments."""

from __future__ import annotations

import pytest

from newsclaims.models import Claim, Figure, Mention, Speaker, Target
from newsclaims.review.highlight import Mark, Segment, occurrences, segments
from newsclaims.store import ClaimEdit, StoreError, database_url
from newsclaims.store.edits import apply_edit, minimal_edit
from newsclaims.store.rows import article_rows, record_hash
from tests.db.records import version_one


@pytest.mark.parametrize(
    ("address", "driver", "database"),
    [
        ("claims.db", "sqlite", "claims.db"),
        ("./out/my claims.db", "sqlite", "out/my claims.db"),
        ("sqlite:///claims.db", "sqlite", "claims.db"),
        ("postgresql://ana@db.local:5433/news", "postgresql+psycopg", "news"),
        ("postgres://ana:secret@localhost/news", "postgresql+psycopg", "news"),
        ("postgresql+psycopg://ana@localhost/news", "postgresql+psycopg", "news"),
    ],
)
def test_store_database_url(address, driver, database):
    url = database_url(address)
    assert (url.drivername, url.database) == (driver, database)


@pytest.mark.parametrize("address", ["mysql://root@localhost/x", "oracle://a@b/c", "://nope"])
def test_store_database_url_refuses(address):
    with pytest.raises(StoreError):
        database_url(address)


CLAIM = Claim(
    id="c_1",
    article_id="a_1",
    source="s.txt",
    text="Sales rose 5% in 2024, Jane Roe said.",
    start=0,
    end=37,
    attribution="indirect",
    speaker=Speaker(
        name="Jane Roe",
        kind="person",
        title="analyst",
        mention=Mention(text="Jane Roe", start=23, end=31),
    ),
    cue="say",
    target=Target(name="Sales", label=None),
    figures=[Figure(text="5%", start=11, end=13, value=5, unit="%", change="up")],
)


@pytest.mark.parametrize(
    ("edit", "fields", "check"),
    [
        ({}, [], lambda c: c == CLAIM),
        ({"modality": "forecast"}, ["modality"], lambda c: c.modality == "forecast"),
        (
            {"speaker": {"name": "Jane Roe", "kind": "person", "title": "analyst"}},
            [],
            lambda c: c.speaker.mention is not None,
        ),
        (
            {"speaker": {"name": "J. Roe", "kind": "person", "title": "analyst"}},
            ["speaker.name"],
            lambda c: c.speaker.name == "J. Roe" and c.speaker.mention is None,
        ),
        (
            {"speaker": None},
            ["speaker", "attribution", "cue"],
            lambda c: (c.speaker, c.attribution, c.cue) == (None, "none", None),
        ),
        ({"target": None}, ["target"], lambda c: c.target is None),
        (
            {"target": {"name": "Acme", "label": "ORG"}},
            ["target.name", "target.label"],
            lambda c: c.target == Target(name="Acme", label="ORG"),
        ),
        (
            {"figures": {"0": {"value": 5, "unit": "%", "comparator": "="}}},
            [],
            lambda c: c.figures == CLAIM.figures,
        ),
        (
            {"figures": {"0": {"value": 5.2, "unit": " ", "comparator": ">"}}},
            ["figures[0].value", "figures[0].unit", "figures[0].comparator"],
            lambda c: (
                (c.figures[0].value, c.figures[0].unit, c.figures[0].change) == (5.2, None, "up")
            ),
        ),
    ],
)
def test_store_edits(edit, fields, check):
    parsed = ClaimEdit.model_validate(edit)
    minimal, paths = minimal_edit(CLAIM, parsed)
    assert paths == fields
    assert check(apply_edit(CLAIM, parsed))
    assert apply_edit(CLAIM, minimal) == apply_edit(CLAIM, parsed)


@pytest.mark.parametrize(
    "edit",
    [
        {"figures": {"1": {"value": 1}}},
        {"dates": {"0": {"earliest": "2024-01-01"}}},
        {"speaker": {"name": "", "kind": "person"}},
        {"speaker": {"name": "X", "kind": "robot"}},
        {"modality": "maybe"},
        {"dates": {"0": {"earliest": "2024-02-01", "latest": "2024-01-01"}}},
    ],
)
def test_store_edits_that_do_not_fit(edit):
    with pytest.raises(ValueError):
        apply_edit(CLAIM, ClaimEdit.model_validate(edit))


def test_store_rows_link_claims_to_article_figures():
    (article, claims), _ = version_one()
    rows = article_rows(article, claims, loaded_at=None)
    assert len(rows.figures) == len(article.figures) and len(rows.dates) == len(article.dates)
    linked = {link["figure_id"] for link in rows.claim_figures}
    assert linked <= set(rows.figures)
    assert [c["position"] for c in rows.claims] == list(range(len(claims)))
    assert record_hash(article, claims) != record_hash(article, claims[:-1])


@pytest.mark.parametrize(
    ("text", "marks", "expected"),
    [
        ("abc", [], [Segment("abc")]),
        ("abc def", [Mark(4, 7, "figure")], [Segment("abc "), Segment("def", ("figure",))]),
        (
            "abc def ghi",
            [Mark(0, 7, "current", "c1"), Mark(4, 11, "date")],
            [
                Segment("abc ", ("current",), "c1"),
                Segment("def", ("current", "date"), "c1"),
                Segment(" ghi", ("date",)),
            ],
        ),
        ("abc", [Mark(2, 9, "figure"), Mark(2, 2, "date")], [Segment("abc")]),
        (
            "<b>x</b>",
            [Mark(3, 4, "target")],
            [Segment("<b>"), Segment("x", ("target",)), Segment("</b>")],
        ),
    ],
)
def test_review_segments(text, marks, expected):
    result = segments(text, marks)
    assert result == expected
    assert "".join(s.text for s in result) == text


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Acme and Acme's rival, not Acmeco.", "Acme", [(0, 4), (9, 13)]),
        ("The U.S. economy", "U.S.", [(4, 8)]),
        ("anything", None, []),
        ("a (b) c", "(b)", [(2, 5)]),
    ],
)
def test_review_target_occurrences(text, name, expected):
    assert occurrences(text, name) == expected
