"""The claims dev set (tests/data/claims-dev/) passes the same gold integrity checks as the
corpus sets (tests/test_corpus.py): every article has one gold line, every claim is in its
article as ingested, every figure and date text is inside its claim, dates are valid and
ordered. It was written blind to the extractor, like corpus/blind/, but it is a dev set:
tuning on it and reading its errors are allowed. It lives under tests/data, not corpus/, so
it does not change CORPUS_ARTICLES."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from newsclaims.ingest import read_inputs
from newsclaims.models import InputError
from tests.conftest import ROOT
from tests.test_corpus import _articles, _gold, _norm

DEV = ROOT / "tests" / "data" / "claims-dev"
GOLD = _gold(DEV)
ARTICLES = _articles(DEV)

KINDS = {"person", "organization", "anonymous", "document"}
MODALITIES = {"asserted", "goal", "forecast"}


def test_claims_dev_reads_without_errors():
    assert [e for e in read_inputs([DEV]) if isinstance(e, InputError)] == []


def test_claims_dev_every_article_has_one_gold_line():
    sources = [g["source"] for g in GOLD]
    assert len(sources) == len(set(sources))
    assert set(sources) == set(ARTICLES)
    assert sources == sorted(sources)


def test_claims_dev_size_domains_formats_dates():
    assert len(ARTICLES) >= 24
    assert len({source.split("/")[0] for source in ARTICLES}) >= 10
    assert {"markdown", "html", "json", "jsonl", "text"} <= {a.format for a in ARTICLES.values()}
    assert all(a.published is not None for a in ARTICLES.values())
    for article in ARTICLES.values():
        assert 240 <= len(article.text.split()) <= 800, article.source


@pytest.mark.parametrize("gold", GOLD, ids=[g["source"] for g in GOLD])
def test_claims_dev_gold_is_consistent(gold):
    article = ARTICLES[gold["source"]]
    assert gold["published"] == article.published.isoformat()
    text = _norm(article.text)
    assert gold["claims"]
    for claim in gold["claims"]:
        assert _norm(claim["text"]) in text, claim["text"]
        assert re.search(r"\w", claim["text"]), claim["text"]
        assert claim["attribution"] in {"direct", "indirect", "none"}
        assert claim.get("modality", "asserted") in MODALITIES
        speaker = claim["speaker"]
        if speaker:
            assert speaker["kind"] in KINDS and speaker["name"], claim["text"]
        else:
            assert claim["attribution"] == "none" and claim["cue"] is None, claim["text"]
        for figure in claim["figures"]:
            assert _norm(figure["text"]) in _norm(claim["text"]), figure
            assert isinstance(figure["value"], int | float)
            assert figure["comparator"] in {"=", ">", ">=", "<", "<=", "~"}
            assert "unit" in figure
            assert figure.get("change") in {None, "up", "down"}
        for date in claim["dates"]:
            assert _norm(date["text"]) in _norm(claim["text"]), date
            ends = [dt.date.fromisoformat(d) for d in (date["earliest"], date["latest"]) if d]
            assert ends, date  # every article is dated, so every date has a resolved end
            if len(ends) == 2:
                assert ends[0] <= ends[1], date


@pytest.mark.parametrize("gold", GOLD, ids=[g["source"] for g in GOLD])
def test_claims_dev_named_speakers_and_targets_are_in_their_article(gold):
    """Names are written in their fullest form in the article (guide sections 2 and 3), so
    every named speaker, speaker organisation and target occurs in the article's text."""
    text = _norm(ARTICLES[gold["source"]].text).casefold()
    for claim in gold["claims"]:
        speaker = claim["speaker"] or {}
        names = [claim["target"]]
        if speaker.get("kind") in {"person", "organization"}:
            names += [speaker["name"], speaker.get("organization")]
        for name in filter(None, names):
            assert name.casefold() in text, (name, claim["text"])
