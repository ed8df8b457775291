"""YAML front matter: key aliases, date forms, and bad front matter never losing the body."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from newsclaims.ingest.frontmatter import split_front_matter
from newsclaims.ingest.metadata import Metadata

NOV_8 = dt.date(2022, 11, 8)


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        (
            "title: AITO goes global\ndate: 2022-11-08\nurl: https://x.example/a\n"
            "source: CnEVPost\nauthor: Phate Zhang",
            Metadata("AITO goes global", NOV_8, "https://x.example/a", "Phate Zhang", "CnEVPost"),
        ),
        (
            "Title: AITO\npublished: 2022-11-08T09:30:00Z\nlink: https://x.example/b\n"
            "publisher: Reuters\nbyline: Jane Doe",
            Metadata("AITO", NOV_8, "https://x.example/b", "Jane Doe", "Reuters"),
        ),
        ("publish_date: November 8, 2022", Metadata(published=NOV_8)),
        ("date: '8 Nov 2022'", Metadata(published=NOV_8)),
        ("date: 2022-11-08 09:30:00", Metadata(published=NOV_8)),
        ("authors:\n  - Jane Doe\n  - John Smith", Metadata(author="Jane Doe; John Smith")),
        ("publisher:\n  name: World Wire", Metadata(publisher="World Wire")),
        ("date: someday", Metadata()),
        ("tags: [ev, china]", Metadata()),
        ("", Metadata()),
    ],
)
def test_ingest_frontmatter_keys_and_dates(front, expected):
    metadata, body = split_front_matter(f"---\n{front}\n---\nBody text.\n")
    assert metadata == expected
    assert body.strip() == "Body text."


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("No front matter.\n", "No front matter.\n"),
        ("---\nA rule, not front matter, as nothing closes it.\n", None),
        ("Text first.\n---\ntitle: x\n---\n", None),
    ],
)
def test_ingest_frontmatter_absent(text, body):
    metadata, rest = split_front_matter(text)
    assert metadata is None
    assert rest == (body if body is not None else text)


@pytest.mark.parametrize(
    "front",
    [
        "title: [unclosed\ndate: 2022-11-08",
        "just a string",
        "- a\n- list",
        "title: a: b: c\n  bad: indent",
    ],
)
def test_ingest_frontmatter_bad_yaml_keeps_body_and_warns(front, caplog):
    with caplog.at_level(logging.WARNING, logger="newsclaims.ingest"):
        metadata, body = split_front_matter(f"---\n{front}\n---\nThe body.\n", source="a.md")
    assert metadata is None
    assert body.strip() == "The body."
    assert any("front matter" in record.getMessage() for record in caplog.records)
