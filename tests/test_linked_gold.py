"""The claim-linking gold (`corpus/linked/gold-links.jsonl`) checks itself against its articles.

Every cluster member and conflict end names an article of the set and a text that is in that
article exactly once, as newsclaims ingests it; a claim is in at most one cluster; the two ends
of a conflict are in different clusters; a revision is within one outlet and a disagreement
between two. The set's size: at least 40 articles about at least 10 events, 2 to 6 articles
an event. The format is in `corpus/linked/NOTES.md`."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from newsclaims.ingest import read_inputs
from newsclaims.models import Article, InputError
from tests.conftest import ROOT

LINKED = ROOT / "corpus" / "linked"
GOLD = LINKED / "gold-links.jsonl"
CLUSTER_FIELDS = {"kind", "id", "event", "fact", "members"}
CONFLICT_FIELDS = {"kind", "event", "relation", "a", "b", "field", "note"}


def _gold() -> list[dict]:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


GOLD_LINES = _gold()
CLUSTERS = [g for g in GOLD_LINES if g.get("kind") == "cluster"]
CONFLICTS = [g for g in GOLD_LINES if g.get("kind") == "conflict"]
READ = list(read_inputs([LINKED]))
ARTICLES = {a.source: a for a in READ if isinstance(a, Article)}


def _refs() -> list[dict]:
    members = [m for c in CLUSTERS for m in c["members"]]
    ends = [c[end] for c in CONFLICTS for end in ("a", "b")]
    return members + ends


# A sentence ends at a line break, or at . ! ? (and a closing quote) before a capital or an
# opening quote; the set's articles are written so that no abbreviation ends a sentence early.
SENTENCE_END = re.compile(r"\n|(?<=[.!?])[\"\u201d\u2019]?\s+(?=[\"\u201c\u2018A-Z])")


def _sentence(ref: dict) -> tuple[str, int, int]:
    """The article and span of the sentence that holds a member's text (in it once)."""
    text = ARTICLES[ref["source"]].text
    start = text.index(ref["text"])
    end = start + len(ref["text"])
    before = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
    after = next((m.start() for m in SENTENCE_END.finditer(text, end)), len(text))
    return ref["source"], before[-1] if before else 0, after


def _overlap(one: tuple[str, int, int], two: tuple[str, int, int]) -> bool:
    return one[0] == two[0] and one[1] < two[2] and two[1] < one[2]


def _cluster_of(ref: dict) -> str | None:
    span = _sentence(ref)
    found = {c["id"] for c in CLUSTERS for m in c["members"] if _overlap(span, _sentence(m))}
    assert len(found) <= 1, (ref, found)
    return next(iter(found), None)


def test_linked_set_reads_without_errors():
    assert [e for e in READ if isinstance(e, InputError)] == []


def test_linked_gold_lines_have_the_fields():
    assert GOLD_LINES
    for line in GOLD_LINES:
        assert line["kind"] in {"cluster", "conflict"}, line
        fields = CLUSTER_FIELDS if line["kind"] == "cluster" else CONFLICT_FIELDS
        assert set(line) == fields, line
        assert isinstance(line["event"], str) and re.fullmatch(r"[a-z0-9-]+", line["event"])
        refs = line["members"] if line["kind"] == "cluster" else [line["a"], line["b"]]
        for ref in refs:
            assert set(ref) == {"source", "text"}, ref
            assert ref["source"].split("/")[0] == line["event"], ref
            assert isinstance(ref["text"], str) and len(ref["text"]) >= 20, ref
    for cluster in CLUSTERS:
        assert re.fullmatch(re.escape(cluster["event"]) + r"-c[1-9]\d*", cluster["id"])
        assert cluster["fact"].strip(), cluster
    for conflict in CONFLICTS:
        assert conflict["relation"] in {"disagreement", "revision"}, conflict
        assert conflict["field"].strip() and conflict["note"].strip(), conflict


def test_linked_gold_sources_are_files_read_as_articles():
    for ref in _refs():
        assert (LINKED / ref["source"]).is_file(), ref
        assert ref["source"] in ARTICLES, ref


@pytest.mark.parametrize("ref", _refs(), ids=lambda r: f"{r['source']}:{r['text'][:30]}")
def test_linked_gold_text_is_in_its_article_once(ref):
    text = ARTICLES[ref["source"]].text
    assert text.count(ref["text"]) == 1, ref
    assert SENTENCE_END.search(ref["text"].strip()) is None, "a member is within one sentence"


def test_linked_gold_cluster_ids_are_unique_and_clusters_span_articles():
    ids = Counter(c["id"] for c in CLUSTERS)
    assert [i for i, n in ids.items() if n > 1] == []
    for cluster in CLUSTERS:
        sources = [m["source"] for m in cluster["members"]]
        assert len(sources) >= 2, cluster["id"]
        assert len(set(sources)) == len(sources), cluster["id"]


def test_linked_gold_a_claim_is_in_at_most_one_cluster():
    spans = [(c["id"], _sentence(m)) for c in CLUSTERS for m in c["members"]]
    for i, (one_id, one) in enumerate(spans):
        for two_id, two in spans[i + 1 :]:
            assert not _overlap(one, two), (one_id, two_id, one)


def test_linked_gold_conflict_ends_are_apart():
    pairs = set()
    for conflict in CONFLICTS:
        a, b = conflict["a"], conflict["b"]
        assert a["source"] != b["source"], conflict
        assert _cluster_of(a) is None or _cluster_of(a) != _cluster_of(b), conflict
        pair = frozenset({(a["source"], a["text"]), (b["source"], b["text"])})
        assert pair not in pairs, conflict
        pairs.add(pair)


def _updated(article: Article) -> bool:
    return re.search(r"^\s*Updated\b", article.text, re.M) is not None


def test_linked_gold_revisions_are_within_an_outlet_and_disagreements_between_outlets():
    for conflict in CONFLICTS:
        one, two = (ARTICLES[conflict[end]["source"]] for end in ("a", "b"))
        assert one.publisher and two.publisher, conflict
        if conflict["relation"] == "revision":
            assert one.publisher == two.publisher, conflict
            assert one.published != two.published or _updated(one) or _updated(two), conflict
        else:
            assert one.publisher != two.publisher, conflict


def test_linked_set_size_events_and_formats():
    events = Counter(source.split("/")[0] for source in ARTICLES)
    assert len(ARTICLES) >= 40
    assert len(events) >= 10
    assert {n for n in events.values()} <= set(range(2, 7)), events
    assert all("/" in source and source.count("/") == 1 for source in ARTICLES)
    assert {c["event"] for c in CLUSTERS} == set(events)
    assert {"markdown", "html", "json"} <= {a.format for a in ARTICLES.values()}


def test_linked_set_articles_are_dated_2023_to_2026_and_name_their_outlet():
    years = set()
    for article in ARTICLES.values():
        assert isinstance(article.published, dt.date), article.source
        assert article.publisher and article.title and article.url, article.source
        years.add(article.published.year)
    assert years == {2023, 2024, 2025, 2026}


def test_linked_set_has_revisions_disagreements_and_outlets_per_event():
    relations = Counter(c["relation"] for c in CONFLICTS)
    assert relations["revision"] >= 3 and relations["disagreement"] >= 3, relations
    outlets: dict[str, set[str]] = {}
    for article in ARTICLES.values():
        outlets.setdefault(article.source.split("/")[0], set()).add(article.publisher or "")
    assert all(len(names) >= 2 for names in outlets.values()), outlets


def test_linked_notes_describe_every_event():
    notes = (LINKED / "NOTES.md").read_text(encoding="utf-8")
    events = {source.split("/")[0] for source in ARTICLES}
    assert [e for e in sorted(events) if f"**{e}**" not in notes] == []


def test_linked_gold_and_notes_are_left_out_of_a_run():
    assert not any(Path(s).name.startswith(("gold", "NOTES")) for s in ARTICLES)
