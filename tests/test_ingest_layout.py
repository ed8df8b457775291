"""Layout-line patterns (pipeline/patterns/layout_lines.txt): valid, and matching by table."""

from __future__ import annotations

import pytest

from newsclaims.ingest.layout import LAYOUT_KINDS, is_list_item, layout_kind, load_layout_patterns


def test_ingest_layout_patterns_load_and_are_valid():
    patterns = load_layout_patterns()
    assert len(patterns) >= 15
    assert {kind for kind, _ in patterns} <= LAYOUT_KINDS
    assert {kind for kind, _ in patterns} == LAYOUT_KINDS  # every kind has a pattern


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("(Image credit: AITO)", "caption"),
        ("Photo: Reuters", "caption"),
        ("Photograph: Jane Doe/AP", "caption"),
        ("Picture by John Smith", "caption"),
        ("The AITO M7 on display in Shenzhen. (Image credit: AITO)", "caption"),
        ("Workers leave the plant in 2020. Photograph: Jane Doe/AP", "caption"),
        ("A worker walks past a logo in Shanghai, March 3, 2023. REUTERS/Aly Song", "caption"),
        ("File photo", "credit"),
        ("(Handout)", "credit"),
        ("Credit: Getty Images", "credit"),
        ("AFP via Getty Images", "credit"),
        ("© 2022 Reuters. All rights reserved.", "credit"),
        ("Copyright 2023 The Associated Press.", "credit"),
        ("By Jane Doe", "byline"),
        ("By JANE DOE", "byline"),
        ("By Jane Doe and John Smith, Reuters", "byline"),
        ("By Jane Doe in London", "byline"),
        ("By Maria van der Berg", "byline"),
        ("Jane Doe, Reuters", "byline"),
        ("Jane Doe | BBC News", "byline"),
        ("Jane Doe, Senior Energy Correspondent", "byline"),
        ("Reporting by Ahmad Ghaddar; Editing by Jason Neely", "reporting"),
        ("(Additional reporting by J. Smith in Paris)", "reporting"),
        ("LONDON, March 3 (Reuters) -", "dateline"),
        ("NEW YORK (AP) —", "dateline"),
        ("BEIJING —", "dateline"),
        ("HALDEN, 4 May 2026 -", "dateline"),
        ("CARROW, Oct. 3, 2026 —", "dateline"),
        ("Published: 8 November 2022", "timestamp"),
        ("Updated 4 hours ago", "timestamp"),
        ("Last updated on 3 March 2023, 09:30 GMT", "timestamp"),
        ("November 8, 2022", "timestamp"),
        ("Tue, 8 Nov 2022 09:30 GMT", "timestamp"),
        ("March 3, 2023 7:12 AM GMT · Updated 4 hours ago", "timestamp"),
        ("2022-11-08T09:30:00Z", "timestamp"),
        ("Advertisement", "boilerplate"),
        ("Scroll to continue", "boilerplate"),
        ("Read more: Gold falls as dollar firms", "boilerplate"),
        ("Sign up here.", "boilerplate"),
        ("Subscribe to our daily newsletter", "boilerplate"),
        ("($1 = 1.3520 Singapore dollars)", "boilerplate"),
        ("(£1 = $1.2650)", "boilerplate"),
        ("(1 euro = 160.1 yen)", "boilerplate"),
    ],
)
def test_ingest_layout_kind_of_layout_lines(line, kind):
    assert layout_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Huawei aims to make AITO a global premium brand within three years, an executive said.",
        "AITO delivered a record 12,018 vehicles in October.",
        "By Friday, the company must decide.",
        "By March, Tesla had cut prices twice.",
        "By 2025, the plant will make 500,000 cars a year.",
        "by Microsoft Corp. and its partners",
        "Copyright infringement lawsuits rose 20% last year.",
        "Reporting by the Financial Times showed the deal was off.",
        "Posted on Facebook, the video drew criticism.",
        "updated on 3 March 2023, the company said it",
        "March 2023 sales rose 5%",
        "Photos of the plant show 20 new lines, he said, adding that they were taken last week",
        "Demand outlook",
        "Sources familiar with the matter said the deal was off.",
        "Watch the video",
        "(The $1 billion deal = a record for the firm.)",
        "(That is $5 a share.)",
        "",
    ],
)
def test_ingest_layout_kind_of_prose_is_none(line):
    assert layout_kind(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "(IMAGE CREDIT: AITO)",  # a pattern's own (?i) flag, scoped in the one alternation
        "PHOTO: Reuters",
        "File photo by Jane Doe",  # a credit word, but the caption pattern comes first
        "Jane Doe, Reuters",
        "LONDON, March 3 (Reuters) -",
        "Sources familiar with the matter said the deal was off.",
        "read more: Gold falls",
        "Watch the video",
    ],
)
def test_ingest_layout_kind_is_the_first_pattern_that_matches_the_line(line):
    first = next((k for k, p in load_layout_patterns() if p.fullmatch(line.strip())), None)
    assert layout_kind(line) == first


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- Brent up 1.2%", True),
        ("* Brent up 1.2%", True),
        ("• Brent up 1.2%", True),
        ("1. First point", True),
        ("2) Second point", True),
        ("-5% in a year", False),
        ("2022. Sales rose", False),
        ("Brent up 1.2%", False),
    ],
)
def test_ingest_layout_list_item(line, expected):
    assert is_list_item(line) is expected
