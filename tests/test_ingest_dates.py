"""Publication dates from metadata values: absolute dates only, ambiguity refused."""

from __future__ import annotations

import datetime as dt

import pytest

from newsclaims.ingest.dates import parse_date

NOV_8 = dt.date(2022, 11, 8)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (NOV_8, NOV_8),
        (dt.datetime(2022, 11, 8, 9, 30), NOV_8),
        ("2022-11-08", NOV_8),
        ("2022-11-08T09:30:00Z", NOV_8),
        ("2022-11-08T23:30:00-05:00", NOV_8),
        ("2022-11-08 09:30:00", NOV_8),
        ("November 8, 2022", NOV_8),
        ("Nov 8, 2022", NOV_8),
        ("Nov. 8, 2022", NOV_8),
        ("8 Nov 2022", NOV_8),
        ("8 November 2022", NOV_8),
        ("8th November 2022", NOV_8),
        ("Tuesday, November 8, 2022", NOV_8),
        ("November 8, 2022 at 9:30 am", NOV_8),
        ("8 November 2022 09:30 GMT", NOV_8),
        ("Tue, 08 Nov 2022 09:30:00 GMT", NOV_8),
        ("Sept. 8, 2022", dt.date(2022, 9, 8)),
        ("2022/11/08", NOV_8),
        ("28/11/2022", dt.date(2022, 11, 28)),
        ("11/28/2022", dt.date(2022, 11, 28)),
        ("8 novembre 2022", NOV_8),  # dateparser, other languages
        (1667899800, NOV_8),  # Unix seconds
        (1667899800000, NOV_8),  # Unix milliseconds
        ("1667899800", NOV_8),
    ],
)
def test_ingest_dates_parse(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "yesterday",
        "last week",
        "November 2022",
        "08/11/2022",
        "not a date",
        42,
        True,
        [],
        "2022-13-45",
    ],
)
def test_ingest_dates_unclear_values_give_none(value):
    assert parse_date(value) is None
