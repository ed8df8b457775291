"""The gold corpora check themselves: every claim is in its article as ingested, every figure
and date text is inside its claim, dates are valid and ordered, every article has gold.

Two sets, scored apart: `corpus/` (48 articles written and annotated alongside the
extractor) and `corpus/blind/` (35 articles written and annotated by two annotators who never
saw the extractor's rules or output: the set that judges, never the one tuned on).
`corpus/linked/` (the claim-linking set) has its own gold and checks: tests/test_linked_gold.py."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from newsclaims.ingest import read_inputs
from newsclaims.models import Article, InputError
from tests.conftest import ROOT

CORPUS = ROOT / "corpus"
BLIND = CORPUS / "blind"
# The claim-linking set has its own gold and test (tests/test_linked_gold.py).
LINKED = CORPUS / "linked"


def _gold(folder: Path) -> list[dict]:
    lines = (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line]


def _articles(folder: Path, *, without: tuple[Path, ...] = ()) -> dict[str, Article]:
    found = {a.source: a for a in read_inputs([folder]) if isinstance(a, Article)}
    prefixes = tuple(other.relative_to(folder).as_posix() + "/" for other in without)
    return {s: a for s, a in found.items() if not s.startswith(prefixes)} if prefixes else found


SETS = {
    "corpus": (_gold(CORPUS), _articles(CORPUS, without=(BLIND, LINKED))),
    "blind": (_gold(BLIND), _articles(BLIND)),
}
CASES = [(name, g) for name, (gold, _) in SETS.items() for g in gold]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("folder", [CORPUS, BLIND], ids=["corpus", "blind"])
def test_corpus_reads_without_errors(folder):
    errors = [e for e in read_inputs([folder]) if isinstance(e, InputError)]
    assert errors == []


@pytest.mark.parametrize("name", SETS)
def test_corpus_every_article_has_one_gold_line(name):
    gold, articles = SETS[name]
    sources = [g["source"] for g in gold]
    assert len(sources) == len(set(sources))
    assert set(sources) == set(articles)


@pytest.mark.parametrize("name", SETS)
def test_corpus_size_domains_and_formats(name):
    _, articles = SETS[name]
    assert len(articles) >= 30
    assert len({source.split("/")[0] for source in articles}) >= 8
    formats = {a.format for a in articles.values()}
    assert {"markdown", "html", "json", "jsonl", "text"} <= formats
    assert any(a.published is None for a in articles.values())


def test_corpus_old_set_article_lengths():
    for article in SETS["corpus"][1].values():
        assert 150 <= len(article.text.split()) <= 600, article.source


def test_corpus_blind_set_has_long_features():
    words = sorted(len(a.text.split()) for a in SETS["blind"][1].values())
    assert words[-1] >= 1200


@pytest.mark.parametrize(("name", "gold"), CASES, ids=[f"{n}:{g['source']}" for n, g in CASES])
def test_corpus_gold_is_consistent(name, gold):
    article = SETS[name][1][gold["source"]]
    published = article.published.isoformat() if article.published else None
    assert gold["published"] == published
    text = _norm(article.text)
    for claim in gold["claims"]:
        assert _norm(claim["text"]) in text, claim["text"]
        assert re.search(r"\w", claim["text"]), claim["text"]
        for figure in claim["figures"]:
            assert _norm(figure["text"]) in _norm(claim["text"]), figure
            assert isinstance(figure["value"], int | float)
            assert figure["comparator"] in {"=", ">", ">=", "<", "<=", "~"}
        for date in claim["dates"]:
            assert _norm(date["text"]) in _norm(claim["text"]), date
            ends = [dt.date.fromisoformat(d) for d in (date["earliest"], date["latest"]) if d]
            if len(ends) == 2:
                assert ends[0] <= ends[1], date
        assert claim["attribution"] in {"direct", "indirect", "none"}
        if claim.get("speaker"):
            assert claim["speaker"]["kind"] in {"person", "organization", "anonymous", "document"}


def test_corpus_article_count_the_tests_use():
    from tests.conftest import CORPUS_ARTICLES

    linked = _articles(LINKED)
    assert len(SETS["corpus"][1]) + len(SETS["blind"][1]) + len(linked) == CORPUS_ARTICLES
