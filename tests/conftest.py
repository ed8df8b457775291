"""Shared fixtures: each spaCy pipeline is built once per test session."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import settings

from newsclaims.extraction.nlp import build_nlp

# Property-based tests: the same examples on every CI run, random ones on a developer's.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("dev")
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# The seed article and its gold (the annotation guide's worked example), as the project
# ships them in docs/seed; tests/test_seed.py checks they equal ../shared's where it exists.
VENDORED_SEED = ROOT / "docs" / "seed"
SEED_DIR = VENDORED_SEED
# Articles in corpus/ (the first set, corpus/blind/ and corpus/linked/), as a run over the folder
# reads them.
CORPUS_ARTICLES = 133
SEED_ARTICLE = SEED_DIR / "seed-article.txt"
SEED_GOLD = SEED_DIR / "seed-gold.jsonl"


@pytest.fixture(scope="session")
def nlp():
    """The default trained pipeline with our components."""
    return build_nlp()


@pytest.fixture(scope="session")
def blank_nlp():
    """The rules-only pipeline (`--model blank`)."""
    return build_nlp("blank")


@pytest.fixture(scope="session", params=["trained", "blank"])
def any_nlp(request, nlp, blank_nlp):
    return nlp if request.param == "trained" else blank_nlp


def annotate(nlp, text: str, published: dt.date | None = None):
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)
