"""The gold corpus checks itself: every claim is in its article as ingested, every figure
and date text is inside its claim, dates are valid and ordered, every article has gold."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from newsclaims.ingest import read_inputs
from newsclaims.models import Article, InputError
from tests.conftest import ROOT

CORPUS = ROOT / "corpus"
GOLD = [json.loads(line) for line in (CORPUS / "gold.jsonl").read_text().splitlines() if line]
ARTICLES = {a.source: a for a in read_inputs([CORPUS]) if isinstance(a, Article)}
DOMAINS = {source.split("/")[0] for source in ARTICLES}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_corpus_reads_without_errors():
    errors = [e for e in read_inputs([CORPUS]) if isinstance(e, InputError)]
    assert errors == []


def test_corpus_every_article_has_one_gold_line():
    sources = [g["source"] for g in GOLD]
    assert len(sources) == len(set(sources))
    assert set(sources) == set(ARTICLES)


def test_corpus_size_domains_and_formats():
    assert len(ARTICLES) >= 40
    assert len(DOMAINS) >= 8
    formats = {a.format for a in ARTICLES.values()}
    assert {"markdown", "html", "json", "jsonl", "text"} <= formats
    assert any(a.published is None for a in ARTICLES.values())
    for article in ARTICLES.values():
        assert 150 <= len(article.text.split()) <= 600, article.source


@pytest.mark.parametrize("gold", GOLD, ids=[g["source"] for g in GOLD])
def test_corpus_gold_is_consistent(gold):
    article = ARTICLES[gold["source"]]
    published = article.published.isoformat() if article.published else None
    assert gold["published"] == published
    text = _norm(article.text)
    for claim in gold["claims"]:
        assert _norm(claim["text"]) in text, claim["text"]
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
