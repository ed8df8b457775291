import pytest

from tests.conftest import annotate
from tests.data.attribution_cases import TARGETS, TARGETS_BLANK_ONLY


def _statement(doc, prefix):
    hits = [s for s in doc._.statements if doc.text[s.start : s.end].startswith(prefix)]
    assert hits, f"no sentence starts with {prefix!r}"
    return hits[0]


def _target(doc, prefix):
    stmt = _statement(doc, prefix)
    return stmt.target.name if stmt.target else None


@pytest.mark.parametrize("text, prefix, expected, _blank", TARGETS)
def test_targets_named_subject_trained(nlp, text, prefix, expected, _blank):
    assert _target(annotate(nlp, text), prefix) == expected


@pytest.mark.parametrize("text, prefix, expected", [c[:3] for c in TARGETS if c[3]])
def test_targets_named_subject_blank(blank_nlp, text, prefix, expected):
    assert _target(annotate(blank_nlp, text), prefix) == expected


@pytest.mark.parametrize("text, prefix, expected", TARGETS_BLANK_ONLY)
def test_targets_blank_only(blank_nlp, text, prefix, expected):
    assert _target(annotate(blank_nlp, text), prefix) == expected
