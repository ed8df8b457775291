"""The claim-linking gold sets check themselves against their articles.

Two sets: the judging set `corpus/linked/` and the wide dev set `tests/data/linked-wide/`
(written blind, for tuning; `tests/data/linked-wide/NOTES.md`). For each set's
`gold-links.jsonl`: every cluster member and conflict end names an article of the set and a text
that is in that article exactly once, as newsclaims ingests it; a claim is in at most one
cluster; the two ends of a conflict are in different clusters; a revision is within one outlet
and a disagreement between two. The set's size: the judging set has at least 40 articles about
at least 10 events, the wide dev set at least 30 about at least 8, 2 to 6 articles an event. The
format is in `corpus/linked/NOTES.md`."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from newsclaims.ingest import read_inputs
from newsclaims.models import Article, InputError
from tests.conftest import ROOT

CLUSTER_FIELDS = {"kind", "id", "event", "fact", "members"}
CONFLICT_FIELDS = {"kind", "event", "relation", "a", "b", "field", "note"}


@dataclass(frozen=True)
class LinkedSet:
    """A gold set for claim linking: its folder and the size it must have."""

    root: Path
    min_articles: int
    min_events: int
    years: frozenset[int] = field(default=frozenset({2023, 2024, 2025, 2026}))
    min_revisions: int = 3
    min_disagreements: int = 3


SETS = {
    "linked": LinkedSet(ROOT / "corpus" / "linked", min_articles=40, min_events=10),
    "linked-wide": LinkedSet(
        ROOT / "tests" / "data" / "linked-wide", min_articles=30, min_events=8
    ),
}


@dataclass
class Loaded:
    spec: LinkedSet
    gold: list[dict]
    clusters: list[dict]
    conflicts: list[dict]
    read: list
    articles: dict[str, Article]


@functools.cache
def _load(name: str) -> Loaded:
    spec = SETS[name]
    lines = (spec.root / "gold-links.jsonl").read_text(encoding="utf-8").splitlines()
    gold = [json.loads(line) for line in lines if line.strip()]
    read = list(read_inputs([spec.root]))
    return Loaded(
        spec=spec,
        gold=gold,
        clusters=[g for g in gold if g.get("kind") == "cluster"],
        conflicts=[g for g in gold if g.get("kind") == "conflict"],
        read=read,
        articles={a.source: a for a in read if isinstance(a, Article)},
    )


def _refs(s: Loaded) -> list[dict]:
    members = [m for c in s.clusters for m in c["members"]]
    ends = [c[end] for c in s.conflicts for end in ("a", "b")]
    return members + ends


# A sentence ends at a line break, or at . ! ? (and a closing quote) before a capital or an
# opening quote; the sets' articles are written so that no abbreviation ends a sentence early.
SENTENCE_END = re.compile(r"\n|(?<=[.!?])[\"\u201d\u2019]?\s+(?=[\"\u201c\u2018A-Z])")


def _sentence(s: Loaded, ref: dict) -> tuple[str, int, int]:
    """The article and span of the sentence that holds a member's text (in it once)."""
    text = s.articles[ref["source"]].text
    start = text.index(ref["text"])
    end = start + len(ref["text"])
    before = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
    after = next((m.start() for m in SENTENCE_END.finditer(text, end)), len(text))
    return ref["source"], before[-1] if before else 0, after


def _overlap(one: tuple[str, int, int], two: tuple[str, int, int]) -> bool:
    return one[0] == two[0] and one[1] < two[2] and two[1] < one[2]


def _cluster_of(s: Loaded, ref: dict) -> str | None:
    span = _sentence(s, ref)
    found = {c["id"] for c in s.clusters for m in c["members"] if _overlap(span, _sentence(s, m))}
    assert len(found) <= 1, (ref, found)
    return next(iter(found), None)


set_names = pytest.mark.parametrize("name", list(SETS))


@set_names
def test_linked_set_reads_without_errors(name):
    assert [e for e in _load(name).read if isinstance(e, InputError)] == []


@set_names
def test_linked_gold_lines_have_the_fields(name):
    s = _load(name)
    assert s.gold
    for line in s.gold:
        assert line["kind"] in {"cluster", "conflict"}, line
        fields = CLUSTER_FIELDS if line["kind"] == "cluster" else CONFLICT_FIELDS
        assert set(line) == fields, line
        assert isinstance(line["event"], str) and re.fullmatch(r"[a-z0-9-]+", line["event"])
        refs = line["members"] if line["kind"] == "cluster" else [line["a"], line["b"]]
        for ref in refs:
            assert set(ref) == {"source", "text"}, ref
            assert ref["source"].split("/")[0] == line["event"], ref
            assert isinstance(ref["text"], str) and len(ref["text"]) >= 20, ref
    for cluster in s.clusters:
        assert re.fullmatch(re.escape(cluster["event"]) + r"-c[1-9]\d*", cluster["id"])
        assert cluster["fact"].strip(), cluster
    for conflict in s.conflicts:
        assert conflict["relation"] in {"disagreement", "revision"}, conflict
        assert conflict["field"].strip() and conflict["note"].strip(), conflict


@set_names
def test_linked_gold_sources_are_files_read_as_articles(name):
    s = _load(name)
    for ref in _refs(s):
        assert (s.spec.root / ref["source"]).is_file(), ref
        assert ref["source"] in s.articles, ref


@pytest.mark.parametrize(
    ("name", "ref"),
    [(name, ref) for name in SETS for ref in _refs(_load(name))],
    ids=lambda v: v if isinstance(v, str) else f"{v['source']}:{v['text'][:30]}",
)
def test_linked_gold_text_is_in_its_article_once(name, ref):
    text = _load(name).articles[ref["source"]].text
    assert text.count(ref["text"]) == 1, ref
    assert SENTENCE_END.search(ref["text"].strip()) is None, "a member is within one sentence"


@set_names
def test_linked_gold_cluster_ids_are_unique_and_clusters_span_articles(name):
    s = _load(name)
    ids = Counter(c["id"] for c in s.clusters)
    assert [i for i, n in ids.items() if n > 1] == []
    for cluster in s.clusters:
        sources = [m["source"] for m in cluster["members"]]
        assert len(sources) >= 2, cluster["id"]
        assert len(set(sources)) == len(sources), cluster["id"]


@set_names
def test_linked_gold_a_claim_is_in_at_most_one_cluster(name):
    s = _load(name)
    spans = [(c["id"], _sentence(s, m)) for c in s.clusters for m in c["members"]]
    for i, (one_id, one) in enumerate(spans):
        for two_id, two in spans[i + 1 :]:
            assert not _overlap(one, two), (one_id, two_id, one)


@set_names
def test_linked_gold_conflict_ends_are_apart(name):
    s = _load(name)
    pairs = set()
    for conflict in s.conflicts:
        a, b = conflict["a"], conflict["b"]
        assert a["source"] != b["source"], conflict
        assert _cluster_of(s, a) is None or _cluster_of(s, a) != _cluster_of(s, b), conflict
        pair = frozenset({(a["source"], a["text"]), (b["source"], b["text"])})
        assert pair not in pairs, conflict
        pairs.add(pair)


def _updated(article: Article) -> bool:
    return re.search(r"^\s*Updated\b", article.text, re.M) is not None


@set_names
def test_linked_gold_revisions_are_within_an_outlet_and_disagreements_between_outlets(name):
    s = _load(name)
    for conflict in s.conflicts:
        one, two = (s.articles[conflict[end]["source"]] for end in ("a", "b"))
        assert one.publisher and two.publisher, conflict
        if conflict["relation"] == "revision":
            assert one.publisher == two.publisher, conflict
            assert one.published != two.published or _updated(one) or _updated(two), conflict
        else:
            assert one.publisher != two.publisher, conflict


@set_names
def test_linked_set_size_events_and_formats(name):
    s = _load(name)
    events = Counter(source.split("/")[0] for source in s.articles)
    assert len(s.articles) >= s.spec.min_articles
    assert len(events) >= s.spec.min_events
    assert {n for n in events.values()} <= set(range(2, 7)), events
    assert all("/" in source and source.count("/") == 1 for source in s.articles)
    assert {c["event"] for c in s.clusters} == set(events)
    assert {"markdown", "html", "json"} <= {a.format for a in s.articles.values()}


@set_names
def test_linked_set_articles_are_dated_2023_to_2026_and_name_their_outlet(name):
    s = _load(name)
    years = set()
    for article in s.articles.values():
        assert isinstance(article.published, dt.date), article.source
        assert article.publisher and article.title and article.url, article.source
        years.add(article.published.year)
    assert years == s.spec.years


@set_names
def test_linked_set_has_revisions_disagreements_and_outlets_per_event(name):
    s = _load(name)
    relations = Counter(c["relation"] for c in s.conflicts)
    assert relations["revision"] >= s.spec.min_revisions, relations
    assert relations["disagreement"] >= s.spec.min_disagreements, relations
    outlets: dict[str, set[str]] = {}
    for article in s.articles.values():
        outlets.setdefault(article.source.split("/")[0], set()).add(article.publisher or "")
    assert all(len(names) >= 2 for names in outlets.values()), outlets


@set_names
def test_linked_notes_describe_every_event(name):
    s = _load(name)
    notes = (s.spec.root / "NOTES.md").read_text(encoding="utf-8")
    events = {source.split("/")[0] for source in s.articles}
    assert [e for e in sorted(events) if f"**{e}**" not in notes] == []


@set_names
def test_linked_gold_and_notes_are_left_out_of_a_run(name):
    assert not any(Path(src).name.startswith(("gold", "NOTES")) for src in _load(name).articles)
