"""Claim linking: figures as intervals, rounding against conflicts, revisions against
disagreements, stable ids, byte-identical output, and the dev set's scores."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsclaims.cli import app
from newsclaims.evaluate.link_scoring import evaluate_link_inputs, load_link_gold, score_links
from newsclaims.link import CLUSTERS, CONFLICTS, link, link_outputs, write_links
from newsclaims.link.build import cluster_id
from newsclaims.link.facts import content_words, normalise, significant, stem, step, unit_class
from newsclaims.link.minhash import signatures
from tests.link_support import claim, figure, month, origin, origins

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "linked-dev"
runner = CliRunner()


@pytest.mark.parametrize(
    ("text", "value", "expected", "digits"),
    [
        ("12,018 vehicles", 12018, 1, 5),
        ("about 12,000 cars", 12000, 1000, 2),
        ("$1.2bn", 1.2e9, 1e8, 2),
        ("$1.19 billion", 1.19e9, 1e7, 3),
        ("93.4%", 93.4, 0.1, 3),
        ("nine stores", 9, 1, 0),
        ("two million people", 2e6, 1e6, 0),
        ("0.5%", 0.5, 0.1, 1),
    ],
)
def test_facts_step_is_the_last_written_place(text, value, expected, digits):
    assert step(figure(text, value)) == pytest.approx(expected)
    assert significant(text) == digits


SENTENCE = "New car registrations in Norway reached {} in October, the federation said."


def _pair(fa, fb, *, publishers=("Wire", "Daily"), urls=(None, None), dates=True):
    a = claim("ev/a.md", SENTENCE.format(fa.text), figures=[fa], speaker="Road Federation",
              dates=[month(2024, 10)] if dates else [])  # fmt: skip
    b = claim("ev/b.md", SENTENCE.format(fb.text), figures=[fb], speaker="Road Federation",
              dates=[month(2024, 10)] if dates else [])  # fmt: skip
    table = {
        "ev/a.md": origin("2024-11-05", publishers[0], urls[0]),
        "ev/b.md": origin("2024-11-06", publishers[1], urls[1]),
    }
    return link([a, b], origins([a, b], table)), a, b


V = "vehicle"


@pytest.mark.parametrize(
    ("fa", "fb", "expected"),
    [
        (figure("about 12,000 vehicles", 12000, unit=V, comparator="~"),
         figure("12,018 vehicles", 12018, unit=V), "same"),
        (figure("12,018 vehicles", 12018, unit=V), figure("12,108 vehicles", 12108, unit=V),
         "conflict"),
        (figure("$1.2bn", 1.2e9, currency="USD"), figure("$1.19 billion", 1.19e9, currency="USD"),
         "same"),
        (figure("$1.2bn", 1.2e9, currency="USD"), figure("$1.4bn", 1.4e9, currency="USD"),
         "conflict"),
        (figure("more than 1,000 vehicles", 1000, unit=V, comparator=">"),
         figure("1,012 vehicles", 1012, unit=V), "same"),
        (figure("12,018 vehicles", 12018, unit=V), figure("12,018 vehicles", 12018, unit=V),
         "same"),
        # a bound never conflicts: `more than 1,000` and `1,200` can both be true
        (figure("more than 1,000 vehicles", 1000, unit=V, comparator=">"),
         figure("900 vehicles", 900, unit=V), None),
        # other currencies, other units: not the same fact, not a conflict
        (figure("$1.2bn", 1.2e9, currency="USD"), figure("€1.2bn", 1.2e9, currency="EUR"), None),
        (figure("12,018 vehicles", 12018, unit=V), figure("12,108 tonnes", 12108, unit="tonne"),
         None),
    ],
)  # fmt: skip
def test_link_rounding_is_not_a_conflict(fa, fb, expected):
    links, a, b = _pair(fa, fb)
    clustered = [sorted(c.claims) for c in links.clusters]
    conflicted = [sorted((c.a.claim_id, c.b.claim_id)) for c in links.conflicts]
    assert clustered == ([sorted((a.id, b.id))] if expected == "same" else [])
    assert conflicted == ([sorted((a.id, b.id))] if expected == "conflict" else [])


@pytest.mark.parametrize(
    ("publishers", "urls", "relation"),
    [
        (("Daily Times", "Daily Times"), (None, None), "revision"),
        (("Daily Times", "daily times"), (None, None), "revision"),
        ((None, None), ("https://www.daily.example/a", "https://daily.example/a?v=2"), "revision"),
        (("Daily Times", "Wire"), ("https://daily.example/a", "https://wire.example/b"),
         "disagreement"),
        ((None, None), (None, None), "disagreement"),
    ],
)  # fmt: skip
def test_link_revision_within_an_outlet_disagreement_between_outlets(publishers, urls, relation):
    fa, fb = figure("12,018 vehicles", 12018, unit=V), figure("12,108 vehicles", 12108, unit=V)
    links, a, b = _pair(fa, fb, publishers=publishers, urls=urls)
    (found,) = links.conflicts
    assert found.relation == relation
    assert (found.a.claim_id, found.b.claim_id) == (a.id, b.id)  # a: the earlier article
    assert (found.a.value, found.b.value, found.difference) == (12018, 12108, 90)


def test_link_conflicting_claims_never_share_a_cluster():
    """`about 12,000` fits both `12,018` and `12,108`; a cluster holds one value."""
    texts = [("ev/a.md", figure("about 12,000 vehicles", 12000, unit=V, comparator="~")),
             ("ev/b.md", figure("12,018 vehicles", 12018, unit=V)),
             ("ev/c.md", figure("12,108 vehicles", 12108, unit=V))]  # fmt: skip
    claims = [claim(s, SENTENCE.format(f.text), figures=[f], dates=[month(2024, 10)])
              for s, f in texts]  # fmt: skip
    table = {s: origin(f"2024-11-0{n + 1}", f"Outlet {n}") for n, (s, _) in enumerate(texts)}
    links = link(claims, origins(claims, table))
    assert len(links.clusters) == 1 and links.clusters[0].size == 2
    assert {frozenset((c.a.claim_id, c.b.claim_id)) for c in links.conflicts} >= {
        frozenset((claims[1].id, claims[2].id))
    }
    for c in links.conflicts:
        assert c.a.cluster is None or c.a.cluster != c.b.cluster


def test_link_other_year_or_unrelated_sentence_is_not_linked():
    f = figure("40 stores", 40, unit="store")
    a = claim("x/a.md", "Tesla opened 40 stores in Norway in October 2024.", figures=[f],
              dates=[month(2024, 10)])  # fmt: skip
    b = claim("x/b.md", "Tesla opened 40 stores in Norway in October 2023.", figures=[f],
              dates=[month(2023, 10)])  # fmt: skip
    c = claim("x/c.md", "The council hired 40 stores of grain for the winter.", figures=[f])
    table = {s: origin("2024-11-01", s) for s in ("x/a.md", "x/b.md", "x/c.md")}
    assert link([a, b, c], origins([a, b, c], table)).clusters == []


def test_link_near_copies_without_figures_are_one_cluster():
    text = '"We spent far less time and money treating fish this summer," Aasland said.'
    a, b = claim("q/a.md", text, speaker="Aasland"), claim("q/b.json", text, speaker="Aasland")
    table = {"q/a.md": origin("2024-10-17", "Wire"), "q/b.json": origin("2024-10-17", "Ledger")}
    (found,) = link([a, b], origins([a, b], table)).clusters
    assert found.copies == "wire" and found.first_appearance.source == "q/a.md"
    assert found.outlets == ["Ledger", "Wire"]


def test_link_cluster_id_comes_from_the_members_alone():
    assert cluster_id(["c_2", "c_1"]) == cluster_id(["c_1", "c_2"])
    assert cluster_id(["c_1", "c_2"]) != cluster_id(["c_1", "c_3"])


def test_minhash_signatures_are_the_same_in_every_process():
    sets = [frozenset({1, 2, 3, 4_000_000_000}), frozenset({7})]
    code = (
        "from newsclaims.link.minhash import signatures;"
        "print(signatures([frozenset({1, 2, 3, 4_000_000_000}), frozenset({7})]).tolist())"
    )
    here = signatures(sets).tolist()
    for seed in ("1", "2"):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        )  # fmt: skip
        assert out.stdout.strip() == str(here)


@pytest.fixture(scope="module")
def dev_out(tmp_path_factory):
    """The dev set extracted once (the trained pipeline)."""
    from newsclaims.run.api import extract

    out = tmp_path_factory.mktemp("dev-out")
    extract([str(DEV)], out=out)
    return out


def test_link_dev_set_scores(dev_out):
    report = evaluate_link_inputs(DEV / "gold-links.jsonl", [str(dev_out)])
    assert report.pairwise.f1 >= 0.9
    assert report.conflicts.precision >= 0.9 and report.conflicts.recall >= 0.8


def test_link_own_set_scores(tmp_path):
    """A second set, written after the tuning (tests/data/linked-own/NOTES.md)."""
    own = ROOT / "tests" / "data" / "linked-own"
    report = evaluate_link_inputs(own / "gold-links.jsonl", [str(own)], out=tmp_path)
    assert report.pairwise.f1 >= 0.9
    assert report.conflicts.precision >= 0.9 and report.conflicts.recall >= 0.8


def test_link_two_runs_write_byte_identical_files(dev_out, tmp_path):
    write_links(link_outputs([dev_out]), tmp_path / "one")
    write_links(link_outputs([dev_out]), tmp_path / "two")
    for name in (CLUSTERS, CONFLICTS):
        first = (tmp_path / "one" / name).read_bytes()
        assert first and first == (tmp_path / "two" / name).read_bytes()


def test_link_an_unrelated_article_changes_no_cluster_id(dev_out, tmp_path):
    from newsclaims.run.api import extract

    inputs = tmp_path / "set"
    shutil.copytree(DEV, inputs)
    shutil.copy(ROOT / "docs" / "seed" / "seed-article.txt", inputs / "unrelated.txt")
    extract([str(inputs)], out=tmp_path / "out", reference_date=None)
    before = {c.id: c.claims for c in link_outputs([dev_out]).clusters}
    after = {c.id: c.claims for c in link_outputs([tmp_path / "out"]).clusters}
    assert before and before.items() <= after.items()


def test_link_command_writes_both_files(dev_out, tmp_path):
    result = runner.invoke(app, ["link", str(dev_out), "--out", str(tmp_path / "links")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "links" / CLUSTERS).stat().st_size > 0
    assert "conflicts  4 (1 revisions, 3 disagreements)" in result.output


def test_link_command_refuses_a_folder_that_is_not_an_output(tmp_path):
    result = runner.invoke(app, ["link", str(tmp_path)])
    assert result.exit_code == 2
    assert "is missing: is" in result.output


def test_link_scorer_gives_one_for_the_gold_itself_and_counts_misses(dev_out):
    """Pairwise and B-cubed by hand: gold {a, b, c}, predicted {a, b} + c alone."""
    from newsclaims.models.links import Cluster

    gold = load_link_gold(DEV / "gold-links.jsonl")
    claims = [claim("s/x.md", "Alpha rose 5% in May."), claim("s/y.md", "Alpha rose 5% in May!"),
              claim("s/z.md", "Alpha grew 5% in May.")]  # fmt: skip
    gold.clusters = [[type(gold.clusters[0][0])(c.source, c.text[:-1]) for c in claims]]
    gold.conflicts = []
    first = {"claim_id": claims[0].id, "article_id": "a", "source": "s/x.md"}
    predicted = Cluster(id="k", claims=[claims[0].id, claims[1].id], size=2, text="",
                        first_appearance=first, appearances=[first])  # fmt: skip
    report = score_links(gold, claims, [predicted], [])
    assert (report.pairwise.tp, report.pairwise.gold, report.pairwise.predicted) == (1, 3, 1)
    assert report.bcubed.precision == pytest.approx(1.0)
    assert report.bcubed.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    everything = Cluster(id="k", claims=sorted(c.id for c in claims), size=3, text="",
                         first_appearance=first, appearances=[first])  # fmt: skip
    perfect = score_links(gold, claims, [everything], [])
    assert perfect.pairwise.f1 == perfect.bcubed.f1 == 1.0


def test_extract_link_writes_the_links_beside_the_claims_and_into_the_database(tmp_path):
    from sqlalchemy import func, select

    from newsclaims.store import open_store
    from newsclaims.store.schema import clusters

    out, db = tmp_path / "OUT", tmp_path / "claims.db"
    args = ["extract", str(DEV), "--out", str(out), "--link", "--db", str(db), "-q"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    written = (out / CLUSTERS).read_bytes()
    write_links(link_outputs([out]), tmp_path / "again")
    assert written == (tmp_path / "again" / CLUSTERS).read_bytes()
    store = open_store(str(db))
    with store.engine.connect() as conn:
        loaded = conn.execute(select(func.count()).select_from(clusters)).scalar()
    store.close()
    assert loaded == len(written.splitlines()) > 0


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Keller said the authority would finish resurfacing the bridge deck next year.",
         "The authority will finish resurfacing the bridge deck next year, Keller said.", True),
        ("Keller said the authority would finish resurfacing the bridge deck next year.",
         "Keller said the ferry timetable would change after the summer.", False),
        # One name word in common, no other word: `Keller` the engineer, `Keller` the coach.
        ("Keller said engineers would study the data before the next launch.",
         "Keller will step down as manager at the end of the season, the club said.", False),
        # Said again in other words, fewer in common.
        ("Keller, the authority's chief engineer, apologised to commuters for the delays on the bridge.",
         "Keller said she was sorry that commuters had faced delays on the bridge.", True),
    ],
)  # fmt: skip
def test_link_a_paraphrase_by_the_same_speaker_is_one_claim(a, b, same):
    x, y = claim("p/a.md", a, speaker="Marta Keller"), claim("p/b.md", b, speaker="Keller")
    table = {"p/a.md": origin("2025-03-04", "Wire"), "p/b.md": origin("2025-03-04", "Daily")}
    assert bool(link([x, y], origins([x, y], table)).clusters) is same


def _day(text, day, *, latest=None):
    import datetime as dt

    from newsclaims.models import DateMention

    first = dt.date.fromisoformat(day)
    last = dt.date.fromisoformat(latest) if latest else first
    return DateMention(text=text, start=0, end=len(text), earliest=first, latest=last)


def _until(text, day):
    import datetime as dt

    from newsclaims.models import DateMention

    return DateMention(text=text, start=0, end=len(text), latest=dt.date.fromisoformat(day))


# Pairs from the sample corpus (unrelated articles) that an earlier version linked.
UNRELATED = [
    (claim("m/a.md", "Brent crude futures were up 1.6% at $86.94 a barrel by 1030 GMT.",
           figures=[figure("1.6%", 1.6, unit="%")]),
     claim("m/b.md", "The broader Topix rose 1.5% to 2,020.24.",
           figures=[figure("1.5%", 1.5, unit="%")])),
    (claim("m/c.md", "A total of 1,214 patients spent longer than 12 hours in A&E last month.",
           figures=[figure("1,214 patients", 1214, unit="patient")]),
     claim("m/d.md", "The country is targeting 1,200 GW of combined wind and solar capacity.",
           figures=[figure("1,200 GW", 1200, unit="GW")])),
    (claim("m/e.md", "OPEC+ agreed on Sunday to stick to its cut of 2 million barrels per day.",
           figures=[figure("2 million barrels per day", 2e6, unit="barrel", per="day")],
           dates=[_day("on Sunday", "2022-12-04")]),
     claim("m/f.md", "On Sunday OPEC+ agreed to extend its cuts of 3.66 million barrels per day "
           "until the end of 2025.",
           figures=[figure("3.66 million barrels per day", 3.66e6, unit="barrel", per="day")],
           dates=[_day("On Sunday", "2024-06-02"), _until("until the end of 2025", "2025-12-31")])),
]  # fmt: skip


@pytest.mark.parametrize(("a", "b"), UNRELATED, ids=["percent", "other-unit", "open-date"])
def test_link_figures_alone_or_an_open_date_link_nothing(a, b):
    table = {a.source: origin("2024-06-03", "One"), b.source: origin("2024-06-03", "Two")}
    links = link([a, b], origins([a, b], table))
    assert links.clusters == [] and links.conflicts == []


def _q3(text, value, *, speaker=None, source):
    return claim(source, text, figures=[figure(f"{value:,} tonnes", value, unit="tonne")],
                 dates=[_day("in the third quarter", "2024-07-01", latest="2024-09-30")],
                 speaker=speaker)  # fmt: skip


@pytest.mark.parametrize(
    ("other", "conflict"),
    [
        # an outlet's own wording with the digits swapped: a disagreement
        ("Fjordlaks took 43,100 tonnes of salmon out of its pens between July and September.",
         True),
        # another company's quarter, with another figure: no conflict
        ("Rival Havbruk Vest reported a third-quarter harvest of 29,800 tonnes.", False),
    ],
)  # fmt: skip
def test_link_a_wrong_figure_in_other_words_is_a_conflict(other, conflict):
    wire = _q3("Fjordlaks harvested 41,300 tonnes of salmon in the third quarter, it said.",
               41300, speaker="Fjordlaks", source="h/wire.md")  # fmt: skip
    value = int(other.split(" tonnes")[0].split()[-1].replace(",", ""))
    speaker = "Havbruk Vest" if "Havbruk" in other else None
    own = _q3(other, value, speaker=speaker, source="h/own.md")
    table = {"h/wire.md": origin("2024-10-17", "Wire"), "h/own.md": origin("2024-10-18", "Own")}
    links = link([wire, own], origins([wire, own], table))
    assert links.clusters == []
    assert [c.relation for c in links.conflicts] == (["disagreement"] if conflict else [])


# Invented sentences in the shape of the dated paraphrases of tests/data/linked-wide/:
# one event on one day, in other words, with no figure in common and no one named.
@pytest.mark.parametrize(
    ("a", "b", "days", "same"),
    [
        ("The harbour authority expects to reopen the ferry pier in May 2027.",
         "The ferry pier is expected to reopen in May 2027.",
         (("2027-05-01", "2027-05-31"), ("2027-05-01", "2027-05-31")), True),
        ("The leak was discovered at the depot on March 9.",
         "The depot leak was discovered on March 9.",
         (("2025-03-09", None), ("2025-03-09", None)), True),
        # The same day, other events.
        ("The harbour authority expects to reopen the ferry pier in May 2027.",
         "The museum will open a new wing in May 2027.",
         (("2027-05-01", "2027-05-31"), ("2027-05-01", "2027-05-31")), False),
        # The same words, another day.
        ("The ferry pier is expected to reopen in May 2027.",
         "The ferry pier is expected to reopen in May 2028.",
         (("2027-05-01", "2027-05-31"), ("2028-05-01", "2028-05-31")), False),
    ],
)  # fmt: skip
def test_link_one_event_on_one_day_in_other_words_is_one_claim(a, b, days, same):
    (da, la), (db, lb) = days
    x = claim("d/a.md", a, dates=[_day("in May", da, latest=la)])
    y = claim("d/b.md", b, dates=[_day("in May", db, latest=lb)])
    table = {"d/a.md": origin("2025-03-04", "Wire"), "d/b.md": origin("2025-03-05", "Daily")}
    assert bool(link([x, y], origins([x, y], table)).clusters) is same


# One named day, far from either report's day, needs fewer words in common (DAY,
# DAY_CONTENT); a weekday of the report's week does not (`said on Monday`).
@pytest.mark.parametrize(
    ("a", "b", "day", "same"),
    [
        ("Councillors will vote for a permanent harbour master on Tuesday 8 October.",
         "The council will choose its next harbour master on October 8.",
         "2024-10-08", True),
        ("Councillors will vote for a permanent harbour master on Tuesday 8 October.",
         "The council will choose its next harbour master on October 8.",
         "2024-09-16", False),
        ("Councillors will vote for a permanent harbour master on Tuesday 8 October.",
         "The Harwick museum will open its new wing on October 8.", "2024-10-08", False),
    ],
)  # fmt: skip
def test_link_one_named_day_far_from_the_report_needs_fewer_words(a, b, day, same):
    x = claim("n/a.md", a, dates=[_day("on the day", day)])
    y = claim("n/b.md", b, dates=[_day("on the day", day)])
    table = {"n/a.md": origin("2024-09-16", "Wire"), "n/b.md": origin("2024-09-17", "Daily")}
    assert bool(link([x, y], origins([x, y], table)).clusters) is same


# Units of one class (`link/unit_synonyms.txt`) and measures named in other words
# (`link/measure_synonyms.txt`): invented sentences in the shape of linked-wide's misses.
CROWD = ("The Lakeside Jazz Festival drew 48,200 people over three days, organisers said.",
         figure("48,200 people", 48200, unit="person"))  # fmt: skip
TRIAL = ("The Phase 3 trial enrolled 3,170 patients in 12 countries.",
         figure("3,170 patients", 3170, unit="patient"))  # fmt: skip
PROFIT = ("Pre-tax profit fell 6% to £218m, hit by higher energy costs.",
          figure("£218m", 218e6, currency="GBP"))  # fmt: skip


@pytest.mark.parametrize(
    ("a", "fa", "b", "fb", "expected"),
    [
        # a crowd counted as people and as festival-goers: one fact, and a conflict
        (*CROWD,
         "Organisers counted 48,200 festival-goers at the Lakeside Jazz Festival.",
         figure("48,200 festival-goers", 48200, unit="festival-goer"), "same"),
        (*CROWD,
         "Organisers counted 42,800 festival-goers at the Lakeside Jazz Festival.",
         figure("42,800 festival-goers", 42800, unit="festival-goer"), "conflict"),
        # cars and vehicles
        ("Orvik Motors delivered 12,018 vehicles in October, the carmaker said.",
         figure("12,018 vehicles", 12018, unit="vehicle"),
         "Orvik Motors handed 12,018 cars to customers in October.",
         figure("12,018 cars", 12018, unit="car"), "same"),
        # people are not tonnes, nor volunteers people of the crowd
        (*CROWD,
         "Organisers counted 42,800 volunteers at the Lakeside Jazz Festival.",
         figure("42,800 volunteers", 42800, unit="volunteer"), None),
        # two digits swapped in a precise figure, the sentences in other words: a conflict
        # (a `swap` block brings them together), but not with an unrelated sentence
        (*TRIAL,
         "The trial followed 3,710 patients for a median of 20 months.",
         figure("3,710 patients", 3710, unit="patient"), "conflict"),
        (*TRIAL,
         "The county's hospitals treated 3,710 patients for flu last winter.",
         figure("3,710 patients", 3710, unit="patient"), None),
        # `before tax` is `pre-tax`, `turned over` is `revenue`
        (*PROFIT,
         "The group earned £218m before tax.", figure("£218m", 218e6, currency="GBP"), "same"),
        ("Harbourside's revenue was £31.7 million in 2024-25, according to its accounts.",
         figure("£31.7 million", 31.7e6, currency="GBP"),
         "The club turned over £31.7m last season.",
         figure("£31.7m", 31.7e6, currency="GBP"), "same"),
        # the same figure for another measure in a sentence with nothing else in common
        (*PROFIT,
         "The council earned £218m from parking fines.",
         figure("£218m", 218e6, currency="GBP"), None),
    ],
)  # fmt: skip
def test_link_one_measure_in_other_words(a, fa, b, fb, expected):
    x, y = claim("u/a.md", a, figures=[fa]), claim("u/b.md", b, figures=[fb])
    table = {"u/a.md": origin("2025-03-04", "Wire"), "u/b.md": origin("2025-03-05", "Daily")}
    links = link([x, y], origins([x, y], table))
    assert bool(links.clusters) is (expected == "same")
    assert bool(links.conflicts) is (expected == "conflict")


# A quote told again with a figure on one side only (`eight years ago` is a date in the
# quote, `waited eight years` a figure; `in 60 years` a length of time, `in six decades`
# none): found by the speaker block, since figures in words or lengths of time find no
# value bucket in common, and one claim when the words besides the speaker's name say so.
@pytest.mark.parametrize(
    ("speaker", "a", "b", "fb", "same"),
    [
        ("Mira Lund",
         '"These are the results we hoped for when we began this work eight years ago," '
         "chief scientist Mira Lund said.",
         "Mira Lund, the chief scientist, said the team had waited eight years for results "
         "like these.", figure("eight years", 8, unit="year"), True),
        ("Mira Lund",
         "Mira Lund said the region had come through its wettest spring and summer in six "
         "decades.",
         '"We have had the wettest spring and summer in 60 years," chief executive Mira Lund '
         "said.", figure("60 years", 60, unit="year"), True),
        # The union's name in a strike date and in its leader's quote: no other word.
        ("Harbour Workers' Union",
         "Dock staff at Harwick Port will strike on May 2, the Harbour Workers' Union said.",
         "Mira Lund of the Harbour Workers' Union said staff had waited eight years for a "
         "fair award.", figure("eight years", 8, unit="year"), False),
    ],
)  # fmt: skip
def test_link_a_quote_with_a_figure_on_one_side(speaker, a, b, fb, same):
    x = claim("q/a.md", a, speaker=speaker)
    y = claim("q/b.md", b, speaker=speaker, figures=[fb])
    table = {"q/a.md": origin("2025-03-04", "Wire"), "q/b.md": origin("2025-03-05", "Daily")}
    assert bool(link([x, y], origins([x, y], table)).clusters) is same


@pytest.mark.parametrize(
    ("a", "fa", "b", "fb", "conflict"),
    [
        # a transposed figure given as a fact in one outlet and as an expectation in the
        # other: one figure, a typo, whatever the modality
        ("Harwick Port put the expected cost of the repairs this year at $17 million.",
         figure("$17 million", 17e6, currency="USD"),
         "Harwick Port expects the repairs to cost it $71 million this year.",
         figure("$71 million", 71e6, currency="USD"), True),
        # a zero slipped in a copy: the same digit at two scales, whatever the modality
        ("Breaking the rules will cost Harwick households a fine of A$5,000.",
         figure("A$5,000", 5000, currency="AUD"),
         "Harwick households that break the rules will face a fine of A$500.",
         figure("A$500", 500, currency="AUD"), True),
        # not for percentages: `25%` and `2.5%` are often two facts
        ("Harwick Port expects tariffs on its imports to rise to 25% this year.",
         figure("25%", 25, unit="%"),
         "Harwick Port expects inflation on its imports to average 2.5% this year.",
         figure("2.5%", 2.5, unit="%"), False),
        # an analysts' forecast against the result: other modality, other digits
        ("Harwick Port made a pre-tax profit of £412m last year, the port said.",
         figure("£412m", 412e6, currency="GBP"),
         "Analysts had expected Harwick Port to make a pre-tax profit of £398m last year.",
         figure("£398m", 398e6, currency="GBP"), False),
    ],
)  # fmt: skip
def test_link_a_transposed_figure_conflicts_across_modalities(a, fa, b, fb, conflict):
    x = claim("t/a.md", a, figures=[fa], speaker="Harwick Port")
    y = claim("t/b.md", b, figures=[fb], speaker="Harwick Port", modality="forecast")
    table = {"t/a.md": origin("2025-03-04", "Wire"), "t/b.md": origin("2025-03-05", "Daily")}
    assert bool(link([x, y], origins([x, y], table)).conflicts) is conflict


@pytest.mark.parametrize(
    ("fa", "fb", "conflict"),
    [
        # the unit dropped on one side, the digits swapped: one figure, a typo
        (figure("32,000", 32000), figure("23,000 fans", 23000, unit="fan"), True),
        # the unit dropped on one side, other digits: nothing says it counts the same
        (figure("32,000", 32000), figure("27,000 fans", 27000, unit="fan"), False),
        # both units named and different: other things
        (figure("32,000 seats", 32000, unit="seat"), figure("23,000 fans", 23000, unit="fan"),
         False),
    ],
)  # fmt: skip
def test_link_a_unit_dropped_on_one_side_conflicts_when_transposed(fa, fb, conflict):
    links = _told_twice("The new Harwick stadium will hold {}, the club said on Monday.",
                        fa, fb, "Harwick Athletic")  # fmt: skip
    assert bool(links.conflicts) is conflict


def _told_twice(text: str, fa, fb, speaker: str):
    """The links of one sentence told by two outlets a day apart, with two figures."""
    x = claim("two/a.md", text.format(fa.text), figures=[fa], speaker=speaker)
    y = claim("two/b.md", text.format(fb.text), figures=[fb], speaker=speaker)
    table = {"two/a.md": origin("2025-03-04", "Wire"), "two/b.md": origin("2025-03-05", "Daily")}
    return link([x, y], origins([x, y], table))


@pytest.mark.parametrize(
    ("fa", "fb", "same"),
    [
        # a bound reaches a value near it, not one far below or above (BOUND)
        (figure("more than 400 volunteers", 400, unit="volunteer", comparator=">"),
         figure("412 volunteers", 412, unit="volunteer"), True),
        (figure("more than 400 volunteers", 400, unit="volunteer", comparator=">"),
         figure("4,120 volunteers", 4120, unit="volunteer"), False),
        (figure("fewer than 300 volunteers", 300, unit="volunteer", comparator="<"),
         figure("45 volunteers", 45, unit="volunteer"), False),
    ],
)  # fmt: skip
def test_link_a_bound_reaches_values_near_it(fa, fb, same):
    text = "The Harwick Folk Festival said {} had worked on its site over the weekend."
    assert bool(_told_twice(text, fa, fb, "Harwick Folk Festival").clusters) is same


@pytest.mark.parametrize(
    ("fb", "modality", "same"),
    [
        # one plan with the same figure in a unit by the same year: a word in common is enough
        (figure("350,000 tonnes a year", 350000, unit="tonne"), "goal", True),
        # a result, or a forecast without the unit, is left to the other rules
        (figure("350,000 a year", 350000), "goal", False),
        # a percentage target by a year is too common to say as much
        (figure("35% of its copper", 35, unit="%"), "goal", False),
    ],
)  # fmt: skip
def test_link_one_plan_with_one_figure_needs_a_word_in_common(fb, modality, same):
    fa = fb.model_copy(update={"text": fb.text.replace(" a year", "")})
    year = _day("by 2027", "2027-01-01", latest="2027-12-31")
    x = claim("p/a.md", f"Olumide said Harwick Mining aims to produce {fa.text} of copper "
              "a year by 2027.", figures=[fa], dates=[year], modality="goal")  # fmt: skip
    y = claim("p/b.md", f"Her target is {fb.text} by 2027, which would need the expansion of "
              "the Cerro Alto pit to be approved by regulators in Chile.", figures=[fb],
              dates=[year], modality=modality)  # fmt: skip
    table = {"p/a.md": origin("2025-03-04", "Wire"), "p/b.md": origin("2025-03-05", "Daily")}
    assert bool(link([x, y], origins([x, y], table)).clusters) is same


@pytest.mark.parametrize(
    ("published", "same"),
    [(("2024-02-22", "2024-02-23"), True), (("2024-02-22", "2024-11-01"), False)],
)
def test_link_a_weak_match_weeks_apart_is_chance(published, same):
    """`shares rose 3.1%` in two reports: a day apart one fact, months apart two (W_APART)."""
    pct = figure("3.1%", 3.1, unit="%")
    x = claim("w/a.md", "Harwick Port shares were 3.1% higher by mid-morning.", figures=[pct])
    y = claim("w/b.md", "The port operator's shares rose 3.1% in London.", figures=[pct])
    table = {"w/a.md": origin(published[0], "Wire"), "w/b.md": origin(published[1], "Daily")}
    assert bool(link([x, y], origins([x, y], table)).clusters) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("detoured", "detour", True),
        ("closing", "close", True),
        ("closed", "closes", True),
        ("planned", "plans", True),
        ("expected", "expects", True),
        ("used", "use", False),  # a stem keeps four letters
        ("council", "councillor", False),
    ],
)
def test_facts_stem_joins_inflections_only(a, b, same):
    assert (stem(a) == stem(b)) is same


def test_link_a_correction_that_gives_both_values_takes_no_side():
    """`$71 million, not $17 million` conflicts with no one."""
    usd = [figure("$71 million", 71e6, currency="USD"), figure("$17 million", 17e6, currency="USD")]
    text = "Harwick Port expects the repairs to cost it {} this year."
    right = claim("c/a.md", text.format("$71 million"), figures=[usd[0]], speaker="Harwick Port")
    wrong = claim("c/b.md", text.format("$17 million"), figures=[usd[1]], speaker="Harwick Port")
    note = claim("c/c.md", "This story has been corrected to show that Harwick Port expects the "
                 "repairs to cost it $71 million this year, not $17 million.", figures=usd,
                 speaker="Harwick Port")  # fmt: skip
    table = {s: origin(f"2025-03-0{n + 4}", f"Outlet {n}")
             for n, s in enumerate(("c/a.md", "c/b.md", "c/c.md"))}  # fmt: skip
    links = link([right, wrong, note], origins([right, wrong, note], table))
    pairs = {frozenset((c.a.claim_id, c.b.claim_id)) for c in links.conflicts}
    assert frozenset((right.id, wrong.id)) in pairs
    assert all(note.id not in p for p in pairs)


# One plan with one deadline told in other words (`plans to file ... by the end of 2025`,
# `intends to seek approval ... before the end of 2025`): the open interval ending on one
# day is as telling as one bounded date.
@pytest.mark.parametrize(
    ("a", "b", "deadlines", "same"),
    [
        ("Harwick Port plans to apply for a dredging licence in Norway and Sweden by the end "
         "of 2026.",
         "Harwick Port intends to seek a dredging licence from regulators in Norway and "
         "Sweden before the end of 2026.", ("2026-12-31", "2026-12-31"), True),
        # the same deadline, another plan
        ("Harwick Port plans to apply for a dredging licence in Norway and Sweden by the end "
         "of 2026.",
         "The city museum aims to finish its new wing by the end of 2026.",
         ("2026-12-31", "2026-12-31"), False),
        # the same plan, another deadline
        ("Harwick Port plans to apply for a dredging licence in Norway and Sweden by the end "
         "of 2026.",
         "Harwick Port intends to seek a dredging licence from regulators in Norway and "
         "Sweden before the end of 2027.", ("2026-12-31", "2027-12-31"), False),
    ],
)  # fmt: skip
def test_link_one_plan_with_one_deadline_in_other_words(a, b, deadlines, same):
    x = claim("e/a.md", a, dates=[_until("by the end of the year", deadlines[0])], modality="goal")
    y = claim("e/b.md", b, dates=[_until("by the end of the year", deadlines[1])], modality="goal")
    table = {"e/a.md": origin("2025-03-04", "Wire"), "e/b.md": origin("2025-03-05", "Daily")}
    assert bool(link([x, y], origins([x, y], table)).clusters) is same


# One count in two unit nouns (`vehicles`, `drivers`): the same value written alike, the
# speakers and targets not disagreeing, and words in common; invented sentences in the
# shape of linked-wide's misses.
@pytest.mark.parametrize(
    ("b", "fb", "speaker", "same"),
    [
        ("About 26,000 drivers cross the viaduct each weekday.",
         figure("About 26,000 drivers", 26000, unit="driver", comparator="~"), None, True),
        # another value: no match in another unit
        ("About 26,500 drivers cross the viaduct each weekday.",
         figure("About 26,500 drivers", 26500, unit="driver", comparator="~"), None, False),
        # another speaker names another count
        ("About 26,000 drivers cross the viaduct each weekday, the Harwick motoring club said.",
         figure("About 26,000 drivers", 26000, unit="driver", comparator="~"),
         "Harwick Motoring Club", False),
        # the same number of another thing, with nothing else in common
        ("The county issued 26,000 parking permits last year.",
         figure("26,000 parking permits", 26000, unit="permit"), None, False),
    ],
)  # fmt: skip
def test_link_one_count_in_two_unit_nouns(b, fb, speaker, same):
    x = claim("v/a.md", "About 26,000 vehicles cross the viaduct on an average weekday, "
              "according to the Harbour Roads Authority.",
              figures=[figure("About 26,000 vehicles", 26000, unit="vehicle", comparator="~")],
              speaker="Harbour Roads Authority")  # fmt: skip
    y = claim("v/b.md", b, figures=[fb], speaker=speaker)
    table = {"v/a.md": origin("2025-03-04", "Wire"), "v/b.md": origin("2025-03-05", "Daily")}
    links = link([x, y], origins([x, y], table))
    assert bool(links.clusters) is same and not links.conflicts


# Several named days in common, none the report's, are rarely chance: a word in common is
# enough (`on June 14, June 16 and June 19`, `on Wednesday 14 June ... Friday 16 June`).
@pytest.mark.parametrize(
    ("b", "days", "same"),
    [
        ("The first stoppage falls on Wednesday 14 May, with further walkouts on Friday 16 "
         "May and Monday 19 May.", ("2025-05-14", "2025-05-16", "2025-05-19"), True),
        # one day in common is not enough with so few words
        ("The first stoppage falls on Wednesday 14 May.", ("2025-05-14",), False),
        # two days in common, one of them the report's (`said on Monday`)
        ("The first stoppage falls on Wednesday 14 May, the union said on Monday.",
         ("2025-05-14", "2025-05-05"), False),
        # the same days and no word in common
        ("Concerts are planned at the Dome on the 14th, 16th and 19th.",
         ("2025-05-14", "2025-05-16", "2025-05-19"), False),
    ],
)  # fmt: skip
def test_link_several_named_days_in_common_need_a_word_in_common(b, days, same):
    x = claim("w/a.md", "Dock staff at Harwick Port will strike on May 14, May 16 and May 19 "
              "in a dispute over pay, the Harbour Workers' Union said on Monday.",
              dates=[_day("May 14", d) for d in ("2025-05-14", "2025-05-16", "2025-05-19")]
              + [_day("on Monday", "2025-05-05")],
              speaker="Harbour Workers' Union", modality="forecast")  # fmt: skip
    y = claim("w/b.md", b, dates=[_day("on the day", d) for d in days], modality="forecast")
    table = {"w/a.md": origin("2025-05-05", "Wire"), "w/b.md": origin("2025-05-06", "Daily")}
    assert bool(link([x, y], origins([x, y], table)).clusters) is same


# One fact in other words, whoever tells it (TOPIC, TOPIC_CONTENT): many content words in
# common, no one named on both sides who differs; one report's speaker may be the other's
# subject (a `speaker` block key of either's names).
@pytest.mark.parametrize(
    ("b", "speaker", "target", "same"),
    [
        ("Harwick Water will also lower water pressure overnight in some districts.",
         None, "Harwick Water", True),
        # few words in common: another fact of the same company
        ("Harwick Water will also raise its charges for businesses from April.",
         None, "Harwick Water", False),
        # another company
        ("Tarnby Water will also lower water pressure overnight in some districts.",
         None, "Tarnby Water", False),
    ],
)  # fmt: skip
def test_link_one_fact_in_other_words_whoever_tells_it(b, speaker, target, same):
    x = claim("t/a.md", "Harwick Water said it would also cut water pressure at night in some "
              "districts to reduce leaks.", speaker="Harwick Water", target="Harwick Water",
              modality="forecast")  # fmt: skip
    y = claim("t/b.md", b, speaker=speaker, target=target, modality="forecast")
    table = {"t/a.md": origin("2025-03-04", "Wire"), "t/b.md": origin("2025-03-05", "Daily")}
    assert bool(link([x, y], origins([x, y], table)).clusters) is same


def test_link_a_correction_note_is_no_cluster_member():
    """An updated article gives the fact in its own sentence and in its correction note
    (`$71 million, not $17 million`): the sentence is the cluster's member; the note, which
    matches the wrong value too, joins no one."""
    usd = [figure("$71 million", 71e6, currency="USD"), figure("$17 million", 17e6, currency="USD")]
    wire = claim("k/a.md", "Harwick Port expects the repairs to cost it $71 million this year.",
                 figures=[usd[0]], speaker="Harwick Port", modality="forecast")  # fmt: skip
    first = claim("k/c.md", "Harwick Port put the expected cost of the repairs this year at $17 "
                  "million.", figures=[usd[1]], target="Harwick Port", modality="forecast")
    note = claim("k/b.md", "This story has been corrected to show that Harwick Port expects the "
                 "repairs to cost it $71 million, not $17 million.", figures=usd,
                 speaker="Harwick Port", modality="forecast")  # fmt: skip
    own = claim("k/b.md", "Harwick Port put the expected cost of the repairs this year at $71 "
                "million.", figures=[usd[0]], target="Harwick Port", modality="forecast",
                position=1)  # fmt: skip
    table = {"k/a.md": origin("2025-03-04", "Wire"), "k/b.md": origin("2025-03-05", "Daily"),
             "k/c.md": origin("2025-03-04", "Daily")}  # fmt: skip
    claims = [wire, first, note, own]
    links = link(claims, origins(claims, table))
    assert [sorted(c.claims) for c in links.clusters] == [sorted([wire.id, own.id])]


@pytest.mark.parametrize(
    ("a", "b", "shared"),
    [
        ("The ferry pier shuts on Jan. 22", "will close on January 22", {"clos", "january"}),
        ("She quit as harbour master", "she resigned", {"resign"}),
        ("He stepped down as chair", "he resigned", {"resign"}),
        ("He will step down as chair", "he will quit", {"resign"}),
        ("a pay rise of 4.5%", "a 4.5 per cent increase", {"rise"}),
        ("Sales fell", "sales dropped", {"revenu"}),  # a fall: left out (sample corpus)
    ],
)
def test_facts_one_event_in_other_words_shares_its_word(a, b, shared):
    """`link/word_synonyms.txt`: the verbs of closing, of leaving office and of a rise,
    and the month abbreviations of agency style, give one content word."""
    assert content_words(normalise(a)) & content_words(normalise(b)) == shared


# A statement of an event dated after its article (`The pier shuts on Jan. 22`, written
# before the day) is a forecast, as another outlet's `will close on January 22`; told
# weeks after the day it is a report of what happened, and these few words are not enough.
@pytest.mark.parametrize(("published", "same"), [("2026-01-13", True), ("2026-02-10", False)])
def test_link_an_event_after_its_report_is_a_forecast(published, same):
    day = [_day("on January 22", "2026-01-22")]
    x = claim("s/a.md", "The ferry pier shuts on Jan. 22.", dates=day)
    y = claim("s/b.md", "The Harwick pier will close starting Thursday, January 22, for major "
              "repairs.", dates=day, modality="forecast")  # fmt: skip
    table = {"s/a.md": origin(published, "Wire"), "s/b.md": origin("2026-01-13", "Daily")}
    assert bool(link([x, y], origins([x, y], table)).clusters) is same


def test_link_a_figure_of_a_later_month_is_no_forecast_for_its_evidence():
    """With figures on both sides the modality stays as written: asserted figures of a
    later month weighed as forecasts gave false conflicts on `bench --link`'s claims."""
    import datetime as dt

    from newsclaims.link.compare import evidence
    from newsclaims.link.facts import Origin, item

    day = [month(2026, 3)]
    texts = ("Harwick Port handled 41,300 tonnes in March.", "Harwick Port moved 43,100 "
             "tonnes in March.")  # fmt: skip
    figures = (figure("41,300 tonnes", 41300, unit="tonne"),
               figure("43,100 tonnes", 43100, unit="tonne"))  # fmt: skip
    x, y = (
        item(k, claim(f"f/{k}.md", t, figures=[f], dates=day), Origin(dt.date(2026, 1, 5), "W"))
        for k, (t, f) in enumerate(zip(texts, figures, strict=True))
    )
    base = evidence(x, y)
    x2, y2 = (item(k, claim(f"f/{k}.md", t, figures=[f], dates=day, modality="forecast"),
                   Origin(dt.date(2026, 1, 5), "W"))
              for k, (t, f) in enumerate(zip(texts, figures, strict=True)))  # fmt: skip
    assert evidence(x2, y2) == pytest.approx(base + 0.3)  # forecasts as written weigh more


# A target resolved from outside the sentence (`The operator`, resolved to another
# entity of its article) is no evidence against; two targets named in their sentences
# that differ are (round 6).
@pytest.mark.parametrize(
    ("b", "target", "same"),
    [
        ("The operator put a 4.5% offer to crews on the table.", "Dock Workers Union", True),
        ("The operator put a 4.5% offer to crews on the table.", None, True),
        ("Orsund Line put a 4.5% offer to crews on the table.", "Orsund Line", False),
    ],
)
def test_link_a_resolved_target_that_differs_is_no_evidence_against(b, target, same):
    pct = figure("4.5%", 4.5, unit="%")
    x = claim("r/a.md", "Harwick Ferries has offered its deck crews a 4.5% pay rise.",
              figures=[pct], target="Harwick Ferries")  # fmt: skip
    y = claim("r/b.md", b, figures=[pct], target=target)
    table = {"r/a.md": origin("2026-01-13", "Wire"), "r/b.md": origin("2026-01-13", "Daily")}
    assert bool(link([x, y], origins([x, y], table)).clusters) is same


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ingrid Sørlie said", "ingrid sørlie said"),  # one word, not `s` and `rlie`
        ("in Zürich", "in Zurich"),  # accents dropped: outlets write names both ways
        ("José Núñez", "Jose Nunez"),
    ],
)
def test_facts_names_with_accents_are_one_word_either_way(a, b):
    assert normalise(a) == normalise(b)
    assert all(len(w) > 1 for w in normalise(a))


# A symbol of measure is its unit's name (`figures/measures.yaml`): the extractor keeps
# `5 km` as `km` and `25 gigawatts` as `gigawatt`, one unit written two ways.
@pytest.mark.parametrize(
    ("unit", "name"),
    [("km", "kilometre"), ("GW", "gigawatt"), ("kWh", "kilowatt hour"), ("t", "tonne"),
     ("kg", "kilogram"), ("mAh", "mAh"), ("Mbps", "Mbps"), ("mph", "mph"), ("car", "vehicle")],
)  # fmt: skip
def test_facts_a_symbol_of_measure_is_its_units_name(unit, name):
    assert unit_class(unit) == name


def test_link_one_capacity_in_a_symbol_and_in_words_is_one_fact_or_a_conflict():
    def told(source, text, value, unit):
        f = figure(text.split(" of ")[1].rstrip("."), value, unit=unit)
        return claim(source, text, figures=[f], dates=[month(2025, 6)], target="Harwick Solar")

    wire = told("u/a.md", "Harwick Solar's new farm has a capacity of 1.25 GW.", 1.25, "GW")
    same = told("u/b.md", "Harwick Solar's new farm has a capacity of 1.25 gigawatts.", 1.25,
                "gigawatt")  # fmt: skip
    wrong = told("u/c.md", "Harwick Solar's new farm has a capacity of 1.52 gigawatts.", 1.52,
                 "gigawatt")  # fmt: skip
    table = {"u/a.md": origin("2025-06-04", "Wire"), "u/b.md": origin("2025-06-04", "Daily"),
             "u/c.md": origin("2025-06-05", "Post")}  # fmt: skip
    links = link([wire, same, wrong], origins([wire, same, wrong], table))
    assert [sorted(c.claims) for c in links.clusters] == [sorted([wire.id, same.id])]
    assert len(links.conflicts) == 2
