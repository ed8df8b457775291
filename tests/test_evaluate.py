"""Tests of the scorer (`newsclaims.evaluate`), guide section 7."""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsclaims.evaluate import (
    Report,
    format_errors,
    format_table,
    lists,
    load_gold,
    load_predictions,
    normalise,
    score,
)
from newsclaims.evaluate.assign import best_matching
from newsclaims.evaluate.locate import ArticleText, locate
from newsclaims.patterns import lexicon
from tests.evaluate_fixtures import (
    S1,
    S2,
    S5,
    SOURCE,
    TEXT,
    as_predictions,
    gold_article,
    seed,
)
from tests.independent_scorer import independent_score

Claims = list[dict[str, Any]]
Mutation = Callable[[Claims, Claims], None]


def counts(report: Report) -> dict[str, int]:
    """Every count of a report, flat (`claims.tp`, `speakers.correct`, ...)."""
    out: dict[str, int] = {}
    for name, value in report.total.to_dict().items():
        for key, number in value.items():
            if key in ("tp", "gold", "predicted", "correct", "total"):
                out[f"{name}.{key}"] = number
    return out


def numbers(report: Report) -> dict[str, float | int | None]:
    """Every count and ratio of a report, flat."""
    return {
        f"{name}.{key}": number
        for name, value in report.total.to_dict().items()
        for key, number in value.items()
    }


BASE = {
    "claims.tp": 5, "claims.gold": 5, "claims.predicted": 5,
    "speakers.correct": 5, "speakers.total": 5,
    "attributed.tp": 4, "attributed.gold": 4, "attributed.predicted": 4,
    "figures.tp": 3, "figures.gold": 3, "figures.predicted": 3,
    "dates.tp": 4, "dates.gold": 4, "dates.predicted": 4,
    "targets.correct": 4, "targets.total": 4,
    "modality.correct": 4, "modality.total": 4,
}  # fmt: skip


def run(gold_claims: Claims, pred_claims: Claims, *, with_text: bool) -> Report:
    texts = {SOURCE: TEXT} if with_text else None
    return score([gold_article(gold_claims)], {SOURCE: pred_claims}, texts=texts)


# --- mutations: each changes exactly the numbers listed ------------------------------------


def on_pred(i: int, **fields: Any) -> Mutation:
    def mutate(gold: Claims, pred: Claims) -> None:
        pred[i].update(copy.deepcopy(fields))

    return mutate


def on_pred_speaker(i: int, **fields: Any) -> Mutation:
    def mutate(gold: Claims, pred: Claims) -> None:
        pred[i]["speaker"] = {**(pred[i]["speaker"] or {}), **fields}

    return mutate


def on_pred_item(i: int, field: str, k: int, **fields: Any) -> Mutation:
    def mutate(gold: Claims, pred: Claims) -> None:
        pred[i][field][k].update(fields)

    return mutate


def add_pred_item(i: int, field: str, item: dict[str, Any]) -> Mutation:
    def mutate(gold: Claims, pred: Claims) -> None:
        pred[i][field].append(dict(item))

    return mutate


def drop_pred(i: int) -> Mutation:
    def mutate(gold: Claims, pred: Claims) -> None:
        del pred[i]

    return mutate


def add_pred(text: str, speaker: dict[str, Any] | None) -> Mutation:
    def mutate(gold: Claims, pred: Claims) -> None:
        start = TEXT.index(text)
        pred.append(
            {"text": text, "start": start, "end": start + len(text), "speaker": speaker,
             "target": None, "modality": "asserted", "figures": [], "dates": []}
        )  # fmt: skip

    return mutate


def drop_gold_key(i: int, key: str) -> Mutation:
    def mutate(gold: Claims, pred: Claims) -> None:
        del gold[i][key]

    return mutate


def add_gold_date(i: int, date: dict[str, Any]) -> Mutation:
    def mutate(gold: Claims, pred: Claims) -> None:
        gold[i]["dates"] = [*gold[i]["dates"], dict(date)]

    return mutate


def swap_pred(i: int, j: int) -> Mutation:
    def mutate(gold: Claims, pred: Claims) -> None:
        pred[i], pred[j] = pred[j], pred[i]

    return mutate


def swap_pred_speakers(i: int, j: int) -> Mutation:
    def mutate(gold: Claims, pred: Claims) -> None:
        pred[i]["speaker"], pred[j]["speaker"] = pred[j]["speaker"], pred[i]["speaker"]

    return mutate


def strip_offsets(i: int, field: str | None = None) -> Mutation:
    def mutate(gold: Claims, pred: Claims) -> None:
        for entry in pred[i][field] if field else [pred[i]]:
            entry.pop("start", None)
            entry.pop("end", None)

    return mutate


def duplicate_pred_figure(i: int) -> Mutation:
    def mutate(gold: Claims, pred: Claims) -> None:
        twin = {k: v for k, v in pred[i]["figures"][0].items() if k not in ("start", "end")}
        pred[i]["figures"].append(twin)

    return mutate


def span_pred(i: int, start: int, end: int) -> Mutation:
    def mutate(gold: Claims, pred: Claims) -> None:
        pred[i].update(text=TEXT[start:end], start=start, end=end)

    return mutate


def chain(*mutations: Mutation) -> Mutation:
    def mutate(gold: Claims, pred: Claims) -> None:
        for m in mutations:
            m(gold, pred)

    return mutate


_S2_AT = TEXT.index(S2)
CASES: list[tuple[str, Mutation, dict[str, int]]] = [
    ("nothing changed", chain(), {}),
    ("missed claim", drop_pred(4),
     {"claims.tp": 4, "claims.predicted": 4, "speakers.correct": 4, "speakers.total": 4,
      "targets.correct": 3, "targets.total": 3, "dates.tp": 3, "dates.predicted": 3}),
    ("extra claim without speaker", add_pred(S5, None), {"claims.predicted": 6}),
    ("extra claim with speaker", add_pred(S5, {"name": "Bob Roe", "kind": "person"}),
     {"claims.predicted": 6, "attributed.predicted": 5}),
    ("wrong speaker name", on_pred_speaker(0, name="John Doe"),
     {"speakers.correct": 4, "attributed.tp": 3}),
    ("speaker name with honorific and case", on_pred_speaker(0, name="Ms. JANE DOE"), {}),
    ("speaker name with title after a comma", on_pred_speaker(0, name="Jane Doe, CEO"), {}),
    ("speaker name with title before", on_pred_speaker(0, name="Chief Executive Jane Doe"), {}),
    ("wrong speaker kind", on_pred_speaker(0, kind="organization"),
     {"speakers.correct": 4, "attributed.tp": 3}),
    ("anonymous speaker name is not scored", on_pred_speaker(2, name="several analysts"), {}),
    ("document speaker name is not scored", on_pred_speaker(3, name="figures"), {}),
    ("organisation name shortened", on_pred_speaker(1, name="Acme"),
     {"speakers.correct": 4, "attributed.tp": 3}),
    ("organisation name with leading the", on_pred_speaker(1, name="the Acme Corp."), {}),
    ("speaker null where gold names one", on_pred(0, speaker=None),
     {"speakers.correct": 4, "attributed.tp": 3, "attributed.predicted": 3}),
    ("speaker where gold has none", on_pred(4, speaker={"name": "Jane Doe", "kind": "person"}),
     {"speakers.correct": 4, "attributed.predicted": 5}),
    ("figure value within 0.5%", on_pred_item(0, "figures", 0, value=1205), {}),
    ("figure value off by 1%", on_pred_item(0, "figures", 0, value=1212), {"figures.tp": 2}),
    ("figure unit plural", on_pred_item(0, "figures", 0, unit="Cars"), {}),
    ("figure unit percent spelled out", on_pred_item(1, "figures", 0, unit="per cent"), {}),
    ("figure unit wrong", on_pred_item(0, "figures", 0, unit="truck"), {"figures.tp": 2}),
    ("figure unit where gold has none", on_pred_item(3, "figures", 0, unit="car"),
     {"figures.tp": 2}),
    ("figure comparator wrong", on_pred_item(0, "figures", 0, comparator=">"), {"figures.tp": 2}),
    ("figure max, currency and per are not scored",
     on_pred_item(3, "figures", 0, max=50000, currency="EUR", per=None), {}),
    ("extra figure", add_pred_item(3, "figures", {"text": "7", "value": 7, "unit": "model"}),
     {"figures.predicted": 4}),
    ("missed figure", on_pred(0, figures=[]), {"figures.tp": 2, "figures.predicted": 2}),
    ("figure of a two-claim sentence listed by one claim only", on_pred(2, figures=[]), {}),
    ("figure of a two-claim sentence without offsets",
     chain(strip_offsets(1, "figures"), strip_offsets(2, "figures")), {}),
    ("the same figure twice in one claim counts twice", duplicate_pred_figure(3),
     {"figures.predicted": 4}),
    ("date latest wrong", on_pred_item(0, "dates", 0, latest="2024-03-30"), {"dates.tp": 3}),
    ("date earliest given where gold has an open end",
     chain(on_pred_item(1, "dates", 1, earliest="2024-06-15"),
           on_pred_item(2, "dates", 1, earliest="2024-06-15")), {"dates.tp": 3}),
    ("two claims of one sentence disagree on a date: both count",
     on_pred_item(1, "dates", 1, earliest="2024-06-15"), {"dates.predicted": 5}),
    ("gold date with both ends null is not counted",
     add_gold_date(4, {"text": "one day", "earliest": None, "latest": None}), {}),
    ("predicted date with both ends null is not counted",
     add_pred_item(3, "dates", {"text": "soon", "earliest": None, "latest": None}), {}),
    ("predicted date with one end counts",
     add_pred_item(3, "dates", {"text": "by 2025", "earliest": None, "latest": "2025-12-31"}),
     {"dates.predicted": 5}),
    ("missed date", on_pred(4, dates=[]), {"dates.tp": 3, "dates.predicted": 3}),
    ("target wrong", on_pred(0, target={"name": "Acme", "label": "ORG"}),
     {"targets.correct": 3}),
    ("target case-folded", on_pred(0, target={"name": "ACME CORP", "label": "ORG"}), {}),
    ("target null where gold gives one", on_pred(0, target=None), {"targets.correct": 3}),
    ("target where gold says null", on_pred(2, target={"name": "Acme Corp"}),
     {"targets.correct": 3}),
    ("target absent in gold is not scored",
     chain(drop_gold_key(0, "target"), on_pred(0, target={"name": "Nobody"})),
     {"targets.correct": 3, "targets.total": 3}),
    ("modality wrong", on_pred(0, modality="goal"), {"modality.correct": 3}),
    ("modality missing in prediction", on_pred(0, modality=None), {"modality.correct": 3}),
    ("modality absent in gold is not scored",
     chain(drop_gold_key(0, "modality"), on_pred(0, modality="goal")),
     {"modality.correct": 3, "modality.total": 3}),
    ("two claims of one sentence listed in the other order", swap_pred(1, 2), {}),
    ("two claims of one sentence matched by speaker", swap_pred_speakers(1, 2),
     {"targets.correct": 2, "modality.correct": 2}),
    ("claim over part of its sentence", span_pred(0, 0, 40), {}),
    ("claim without offsets placed by its text", strip_offsets(0), {}),
    ("claim with wrong offsets placed by its text", on_pred(0, start=3), {}),
    ("claim sharing less than half of any sentence",
     span_pred(0, len(S1) - 15, _S2_AT + 15),
     {"claims.tp": 4, "speakers.correct": 4, "speakers.total": 4, "attributed.tp": 3,
      "targets.correct": 3, "targets.total": 3, "modality.correct": 3, "modality.total": 3}),
]  # fmt: skip


@pytest.mark.parametrize("with_text", [True, False], ids=["offsets", "text"])
@pytest.mark.parametrize(("name", "mutate", "changed"), CASES, ids=[c[0] for c in CASES])
def test_evaluate_mistake_changes_only_its_numbers(
    name: str, mutate: Mutation, changed: dict[str, int], with_text: bool
) -> None:
    gold = gold_article()["claims"]
    pred = as_predictions(gold, TEXT)
    mutate(gold, pred)
    assert counts(run(gold, pred, with_text=with_text)) == {**BASE, **changed}


@pytest.mark.parametrize(("shared", "matched"), [(9, False), (10, False), (11, True)])
def test_evaluate_claim_must_share_more_than_half(shared: int, matched: bool) -> None:
    # a 20-character prediction sharing `shared` characters with the end of S1
    start = len(S1) - shared
    gold = gold_article()["claims"][:1]
    pred = [{"text": TEXT[start : start + 20], "start": start, "end": start + 20}]
    assert run(gold, pred, with_text=True).claims.tp == int(matched)


def test_evaluate_perfect_prediction_scores_one() -> None:
    gold = gold_article()["claims"]
    for with_text in (True, False):
        report = run(gold, as_predictions(gold, TEXT), with_text=with_text)
        ratios = {k: v for k, v in numbers(report).items() if isinstance(v, float)}
        assert len(ratios) == 15 and set(ratios.values()) == {1.0}
        assert report.errors == () and report.warnings == ()


def test_evaluate_seed_gold_against_itself_scores_one() -> None:
    gold, text = seed()
    source = gold[0]["source"]
    for predicted, texts in (
        ({source: gold[0]["claims"]}, None),
        ({source: as_predictions(gold[0]["claims"], text)}, {source: text}),
    ):
        report = score(gold, predicted, texts=texts)
        ratios = [v for v in numbers(report).values() if isinstance(v, float) or v is None]
        assert ratios and all(v == 1.0 for v in ratios)
        assert report.claims.gold == 11 and report.figures.gold == 6 and report.dates.gold == 8


def test_evaluate_article_without_predictions_counts_misses() -> None:
    report = score([gold_article()], {})
    assert counts(report)["claims.tp"] == 0 and report.claims.recall == 0.0
    assert report.claims.precision is None and report.claims.f1 == 0.0
    assert report.figures.gold == 3 and report.dates.gold == 4
    assert any("no output" in w for w in report.warnings)


def test_evaluate_predicted_article_without_gold_is_ignored() -> None:
    gold = gold_article()["claims"]
    pred = as_predictions(gold, TEXT)
    report = score(
        [gold_article()], {SOURCE: pred, "other.md": pred}, texts={SOURCE: TEXT, "other.md": TEXT}
    )
    assert counts(report) == BASE
    assert report.unscored_sources == ("other.md",)
    assert any("other.md" in w for w in report.warnings)


@pytest.mark.parametrize(
    ("gold_source", "predicted_source", "found"),
    [
        (SOURCE, "./" + SOURCE, True),
        (SOURCE, "corpus/" + SOURCE, True),
        ("news\\acme.md", SOURCE, True),
        (SOURCE, "other/acme.md", False),
    ],
)
def test_evaluate_source_paths_compared_loosely(
    gold_source: str, predicted_source: str, found: bool
) -> None:
    gold = gold_article()
    gold["source"] = gold_source
    pred = as_predictions(gold["claims"], TEXT)
    report = score([gold], {predicted_source: pred}, texts={predicted_source: TEXT})
    assert (report.claims.tp == 5) is found


def test_evaluate_repeated_sentence_matched_in_order() -> None:
    sentence = "Prices rose 5% in May, the company said."
    text = f"{sentence}\n\nSomething else happened on Monday, Bob said.\n\n{sentence}"
    gold = [
        {"text": sentence, "speaker": None, "figures": [], "dates": []},
        {"text": sentence, "speaker": None, "figures": [], "dates": []},
    ]
    second = text.rindex(sentence)
    pred = [{"text": sentence, "start": second, "end": second + len(sentence), "speaker": None}]
    report = score([{"source": "a", "claims": gold}], {"a": pred}, texts={"a": text})
    assert report.claims.tp == 1
    missed = [e for e in report.errors if e.field == "claims"]
    assert [e.kind for e in missed] == ["miss"]


@pytest.mark.parametrize(
    ("gold_text", "warned"),
    [
        (S1.replace("Acme Corp sold", "ACME  Corp\nsold"), False),  # case and spacing differ
        ("Acme Corp sold 1,200 cars in March, Jane Doe said.", True),  # not in the article
    ],
)
def test_evaluate_gold_text_placed_or_matched_by_text(gold_text: str, warned: bool) -> None:
    gold = gold_article()["claims"]
    pred = as_predictions(gold, TEXT)
    gold[0]["text"] = gold_text
    report = run(gold, pred, with_text=True)
    assert counts(report) == BASE
    assert any("not found in the article text" in w for w in report.warnings) is warned


def test_evaluate_errors_name_every_mistake_with_its_sentence() -> None:
    gold = gold_article()["claims"]
    pred = as_predictions(gold, TEXT)
    chain(
        drop_pred(4), add_pred(S5, None), on_pred_speaker(0, name="John Doe"),
        on_pred_item(0, "figures", 0, value=999), on_pred_item(0, "dates", 0, latest="2024-03-30"),
        on_pred(0, target={"name": "Acme"}, modality="goal"),
    )(gold, pred)  # fmt: skip
    report = score([gold_article(gold)], {SOURCE: pred}, texts={SOURCE: TEXT})
    kinds = sorted((e.field, e.kind) for e in report.errors)
    assert kinds == sorted([
        ("claims", "miss"), ("claims", "extra"), ("speakers", "wrong"), ("figures", "miss"),
        ("figures", "extra"), ("dates", "miss"), ("dates", "extra"), ("targets", "wrong"),
        ("modality", "wrong"), ("dates", "miss"),  # the missed claim's date
    ])  # fmt: skip
    text = format_errors(report)
    for heading in ("missed claims", "extra claims", "wrong speakers", "missed figures",
                    "extra figures", "missed dates", "extra dates", "wrong targets",
                    "wrong modality"):  # fmt: skip
        assert heading in text
    assert S1 in text and S5 in text and "John Doe" in text and "999" in text
    assert format_errors(run(gold_article()["claims"], as_predictions(
        gold_article()["claims"], TEXT), with_text=True)) == "no errors"  # fmt: skip


def test_evaluate_table_and_dict() -> None:
    report = score([gold_article()], {})
    table = format_table(report)
    for label in ("claims", "speakers", "attributed", "figures", "dates", "targets", "modality"):
        assert label in table
    assert "n/a" in table and "warning:" in table
    data = json.loads(json.dumps(report.to_dict()))
    assert data["total"]["claims"]["gold"] == 5
    assert data["articles"][0]["source"] == SOURCE
    assert "articles" not in report.to_dict(articles=False)


# --- loaders -------------------------------------------------------------------------------


def test_evaluate_load_predictions_reads_an_output_folder(tmp_path: Path) -> None:
    gold = gold_article()["claims"]
    pred = [{**c, "source": SOURCE} for c in as_predictions(gold, TEXT)]
    (tmp_path / "claims.jsonl").write_text("".join(json.dumps(c) + "\n" for c in pred))
    articles = [{"source": SOURCE, "text": TEXT}, {"source": "empty.md", "text": "Nothing."}]
    (tmp_path / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in articles))
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(json.dumps(gold_article()) + "\n\n")
    claims, texts = load_predictions(tmp_path)
    assert set(claims) == {SOURCE, "empty.md"} and claims["empty.md"] == []
    assert texts[SOURCE] == TEXT
    report = score(load_gold(gold_path), claims, texts=texts)
    assert counts(report) == BASE and report.unscored_sources == ("empty.md",)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["{not json"], "not valid JSON"),
        (["[1, 2]"], "JSON object"),
        (['{"claims": []}'], "source"),
        (['{"source": "a", "claims": {}}'], "list"),
        (['{"source": "a", "claims": [{"speaker": null}]}'], "text"),
        (['{"source": "a", "claims": []}', '{"source": "a", "claims": []}'], "already"),
    ],
)
def test_evaluate_load_gold_rejects_bad_lines(
    tmp_path: Path, lines: list[str], message: str
) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(ValueError, match=message):
        load_gold(path)


def test_evaluate_load_predictions_needs_claims_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_predictions(tmp_path)


# --- normalisation and matching ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("Prince Abdulaziz bin Salman", "person", "abdulaziz bin salman"),
        ("Mr. Richard Yu", "person", "richard yu"),
        ("Former President Dr. Jane Doe", "person", "jane doe"),
        ("Prime Minister Rishi Sunak", "person", "rishi sunak"),
        ("Richard Yu, CEO of Huawei", "person", "richard yu"),
        ("Martin Luther King Jr.", "person", "martin luther king"),
        ("Stephen King", "person", "stephen king"),
        ("John Major", "person", "john major"),
        ("President", "person", "president"),
        ("José Álvarez", "person", "jose alvarez"),
        ("The European Central Bank", "organization", "european central bank"),
        ("General Motors", "organization", "general motors"),
        ("Mr Bank", "organization", "mr bank"),
        ("", "person", ""),
    ],
)
def test_evaluate_normalise_name(name: str, kind: str, expected: str) -> None:
    assert normalise.name(name, kind=kind) == expected


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("vehicles", "vehicle"), ("Vehicle", "vehicle"), ("people", "person"),
        ("companies", "company"), ("classes", "class"), ("boxes", "box"), ("branches", "branch"),
        ("headaches", "headache"), ("houses", "house"), ("buses", "bus"), ("status", "status"),
        ("series", "series"), ("%", "%"), ("percent", "%"), ("per cent", "%"), ("Percent", "%"),
        ("percentage points", "percentage point"), ("bps", "basis point"),
        ("basis points", "basis point"), ("experience stores", "experience store"),
        ("kWh", "kwh"), ("GW", "gw"), ("times", "time"), ("time", "time"), (None, None), ("", None),
    ],
)  # fmt: skip
def test_evaluate_normalise_unit(unit: str | None, expected: str | None) -> None:
    assert normalise.unit(unit) == expected


@pytest.mark.parametrize(
    ("gold", "predicted", "agree"),
    [
        (1000, 1000, True), (1000, 1005, True), (1000, 995, True), (1000, 1006, False),
        (1000, 1010, False), (27.5, 27.6, True), (27.5, 27.7, False), (0, 0, True),
        (0, 0.001, False), (-10, -10.04, True),
    ],
)  # fmt: skip
def test_evaluate_values_agree(gold: float, predicted: float, agree: bool) -> None:
    assert normalise.values_agree(gold, predicted) is agree


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(None, "="), ("=", "="), (" >= ", ">="), ("≤", "<="), ("≈", "~"), ("about", None)],
)
def test_evaluate_normalise_comparator(raw: str | None, expected: str | None) -> None:
    assert normalise.comparator(raw) == expected


@pytest.mark.parametrize(
    ("text", "claim", "expected"),
    [
        ("He said “beta” — twice.", 'he said "beta" - twice.', [(0, 23)]),
        ("A  b\nc. A b c.", "a b c.", [(0, 7), (8, 14)]),
        ("Nothing here.", "something", []),
    ],
)
def test_evaluate_locate_occurrences(text: str, claim: str, expected: list) -> None:
    assert ArticleText.of(text).occurrences(normalise.sentence(claim)) == expected


def test_evaluate_locate_two_claims_of_one_sentence_share_its_span() -> None:
    text = "X rose, A said, and B said Y fell. X rose, A said, and B said Y fell."
    sentence = "X rose, A said, and B said Y fell."
    norms = [normalise.sentence(sentence)] * 3
    spans, missing, bad = locate(norms, ["A", "B", "A"], [None] * 3, ArticleText.of(text))
    assert spans == [(0, 34), (0, 34), (35, 69)] and missing == [] and bad == []


def _brute_force(candidates: dict[tuple[int, int], tuple[int, ...]]) -> list[tuple[int, int]]:
    pairs = sorted(candidates)
    best: tuple[Any, ...] | None = None
    chosen: list[tuple[int, int]] = []
    for mask in range(1 << len(pairs)):
        subset = [p for k, p in enumerate(pairs) if mask >> k & 1]
        if len({g for g, _ in subset}) < len(subset) or len({p for _, p in subset}) < len(subset):
            continue
        levels = len(candidates[pairs[0]]) if pairs else 0
        key = (len(subset), *(sum(candidates[p][k] for p in subset) for k in range(levels)))
        if best is None or key > best or (key == best and subset < chosen):
            best, chosen = key, subset
    return chosen


@pytest.mark.parametrize("seed_value", range(40))
def test_evaluate_best_matching_is_optimal(seed_value: int) -> None:
    rng = random.Random(seed_value)
    candidates = {
        (g, p): (rng.randint(0, 3), rng.randint(0, 1))
        for g in range(rng.randint(1, 4))
        for p in range(rng.randint(1, 4))
        if rng.random() < 0.6
    }
    if len(candidates) > 12:
        candidates = dict(sorted(candidates.items())[:12])
    assert best_matching(candidates) == _brute_force(candidates)


@pytest.mark.parametrize(
    "name", ["name_prefixes.txt", "name_suffixes.txt", "unit_aliases.tsv", "unit_plurals.tsv"]
)
def test_evaluate_patterns_are_valid(name: str) -> None:
    rows = lists.rows(name)
    assert rows, name
    firsts = [row[0] for row in rows]
    assert len(firsts) == len(set(firsts)), f"duplicate entries in {name}"
    raw = (lexicon.PATTERNS / "evaluation" / name).read_text(encoding="utf-8")
    for line in raw.splitlines():
        if line.strip() and not line.startswith("#"):
            assert line == line.strip() and line == line.lower(), f"{name}: {line!r}"
            assert len(line.split("\t")) == (2 if name.endswith(".tsv") else 1), line


# --- the independent implementation agrees -------------------------------------------------


def _perturb(rng: random.Random, gold: Claims, pred: Claims, text: str) -> str:
    """Seeded random edits of the gold, the predictions (claims, speakers, figures, ...) and
    the article text (a repeated sentence); returns the article text."""
    if gold and rng.random() < 0.3:  # the article repeats a sentence at its end
        original = rng.choice(gold)
        at = len(text) + 2
        text = f"{text}\n\n{original['text']}"
        twin = copy.deepcopy(original)
        if rng.random() < 0.5:  # listed right after the original: same speaker, so a repeat
            gold.insert(gold.index(original) + 1, twin)
        else:
            gold.append(twin)
        if rng.random() < 0.8:
            pred.append(as_predictions([twin], text, from_offset=at)[0])

    def some(claims: Claims) -> dict[str, Any] | None:
        return rng.choice(claims) if claims else None

    def edit_pred_claims() -> None:
        choice = rng.randrange(7)
        claim = some(pred)
        if claim is None:
            return
        if choice == 0:
            pred.remove(claim)
        elif choice == 1:  # a second claim of the same sentence, another speaker
            twin = copy.deepcopy(claim)
            twin["speaker"] = {"name": rng.choice(["analysts", "Bob Roe"]),
                               "kind": rng.choice(["anonymous", "person"])}  # fmt: skip
            pred.insert(pred.index(claim) + rng.randint(0, 1), twin)
        elif choice == 2:  # a claim on a line that is no claim
            at = text.index("(Image credit: AITO)")
            pred.append({"text": "(Image credit: AITO)", "start": at, "end": at + 20,
                         "speaker": None, "figures": [], "dates": []})  # fmt: skip
        elif choice == 3:  # part of the sentence
            cut = claim["start"] + int((claim["end"] - claim["start"]) * rng.uniform(0.3, 0.9))
            claim.update(end=cut, text=text[claim["start"] : cut])
        elif choice == 4:  # shifted, by up to its length
            length = claim["end"] - claim["start"]
            shift = rng.randint(-length, length)
            start = max(0, claim["start"] + shift)
            end = min(len(text), claim["end"] + shift)
            if start < end:
                claim.update(start=start, end=end, text=text[start:end])
        elif choice == 5:
            claim.pop("start", None)
            claim.pop("end", None)
        else:
            i, j = rng.randrange(len(pred)), rng.randrange(len(pred))
            pred[i], pred[j] = pred[j], pred[i]

    def edit_gold_claims() -> None:
        claim = some(gold)
        if claim is None:
            return
        choice = rng.randrange(5)
        if choice == 0:
            gold.remove(claim)
        elif choice == 1:
            twin = copy.deepcopy(claim)
            twin["speaker"] = {"name": "analysts", "kind": "anonymous"}
            gold.insert(gold.index(claim) + 1, twin)
        elif choice == 2:
            claim.pop("target", None)
        elif choice == 3:
            claim.pop("modality", None)
        else:
            claim["dates"] = [*claim["dates"], {"text": "x", "earliest": None, "latest": None}]

    def edit_speaker() -> None:
        claim = some(pred)
        if claim is None:
            return
        speaker = claim.get("speaker")
        choice = rng.randrange(6)
        if choice == 0 or speaker is None:
            claim["speaker"] = rng.choice(
                [None, {"name": "Wang Lianjun", "kind": "person"}, {"name": "AITO",
                                                                     "kind": "organization"}]
            )  # fmt: skip
        elif choice == 1:
            claim["speaker"] = {**speaker, "name": rng.choice(["Wang", "Richard Yu", "Huawei"])}
        elif choice == 2:
            kinds = ["person", "organization", "anonymous", "document"]
            claim["speaker"] = {**speaker, "kind": rng.choice(kinds)}
        elif choice == 3:
            prefix = rng.choice(["Mr ", "Dr. ", "President ", "Prime Minister ", "the "])
            claim["speaker"] = {**speaker, "name": prefix + speaker["name"]}
        elif choice == 4:
            claim["speaker"] = {**speaker, "name": speaker["name"].upper() + rng.choice(
                ["", ", CEO", " Jr."])}  # fmt: skip
        else:
            other = some(pred)
            claim["speaker"], other["speaker"] = other["speaker"], speaker  # type: ignore[index]

    def edit_figure() -> None:
        claim = some([c for c in pred if c.get("figures")] or pred)
        if claim is None:
            return
        figures = claim.setdefault("figures", [])
        choice = rng.randrange(7)
        if choice == 0 or not figures:
            figures.append({"text": "n", "value": rng.choice([5, 1000, 12018, 3.5]),
                            "unit": rng.choice([None, "vehicle", "%", "stores"]),
                            "comparator": rng.choice(["=", ">", "~"])})  # fmt: skip
            return
        figure = rng.choice(figures)
        if choice == 1:
            figures.remove(figure)
        elif choice == 2:
            figure["value"] = figure["value"] * rng.choice([1.003, 0.997, 1.02, 0.9])
        elif choice == 3:
            unit = figure.get("unit")
            figure["unit"] = rng.choice([None, "units", "Percent"]) if unit is None else (
                unit + "s" if rng.random() < 0.7 else unit.upper())  # fmt: skip
        elif choice == 4:
            figure["comparator"] = rng.choice(["=", ">", ">=", "<", "<=", "~"])
        elif choice == 5:
            figure.pop("start", None)
            figure.pop("end", None)
        else:
            figures.append({k: v for k, v in figure.items() if k not in ("start", "end")})

    def edit_date() -> None:
        claim = some(pred)
        if claim is None:
            return
        dates = claim.setdefault("dates", [])
        choice = rng.randrange(5)
        if choice == 0 or not dates:
            dates.append({"text": "d", "earliest": rng.choice([None, "2022-10-01"]),
                          "latest": rng.choice([None, "2022-10-31", "2022-12-31"])})  # fmt: skip
            return
        date = rng.choice(dates)
        if choice == 1:
            dates.remove(date)
        elif choice == 2:
            date["latest"] = "2023-01-31"
        elif choice == 3:
            date.update(earliest=None, latest=None)
        else:
            date.pop("start", None)

    def edit_target_or_modality() -> None:
        claim = some(pred)
        if claim is None:
            return
        choice = rng.randrange(4)
        if choice == 0:
            claim["target"] = rng.choice([None, {"name": "Huawei"}, {"name": "the aito"}])
        elif choice == 1 and claim.get("target"):
            claim["target"] = {"name": claim["target"]["name"].upper()}
        else:
            claim["modality"] = rng.choice(["asserted", "goal", "forecast", None])

    edits = [edit_pred_claims, edit_gold_claims, edit_speaker, edit_figure, edit_date,
             edit_target_or_modality]  # fmt: skip
    for _ in range(rng.randint(1, 8)):
        rng.choice(edits)()
    return text


@pytest.mark.parametrize("seed_value", range(300))
def test_evaluate_agrees_with_independent_implementation(seed_value: int) -> None:
    gold_articles, text = seed()
    rng = random.Random(seed_value)
    gold = copy.deepcopy(gold_articles[0]["claims"])
    pred = as_predictions(gold, text)
    text = _perturb(rng, gold, pred, text)
    source = gold_articles[0]["source"]
    articles = [{**gold_articles[0], "claims": gold}]
    with_text = seed_value % 10 != 0  # every tenth case matches by text only
    texts = {source: text} if with_text else None
    ours = numbers(score(articles, {source: pred}, texts=texts))
    theirs = independent_score(articles, {source: pred}, texts)
    assert set(ours) == set(theirs)
    for key, value in ours.items():
        other = theirs[key]
        if value is None or other is None:
            assert value is other, key
        else:
            assert abs(value - other) <= 0.01, (key, value, other)
