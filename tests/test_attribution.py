import pytest

from tests.conftest import annotate
from tests.data.attribution_cases import CASES


def _statement(doc, prefix):
    hits = [s for s in doc._.statements if doc.text[s.start : s.end].startswith(prefix)]
    assert hits, f"no sentence starts with {prefix!r}"
    return hits[0]


def _check(doc, prefix, expected):
    attribution, name, kind, cue = expected
    stmt = _statement(doc, prefix)
    got = (
        stmt.attribution,
        stmt.speaker.name if stmt.speaker and name is not None else None,
        stmt.speaker.kind if stmt.speaker else None,
        stmt.cue,
    )
    assert got == (attribution, name, kind, cue)


@pytest.mark.parametrize("text, prefix, expected, _blank", CASES)
def test_attribution_trained(nlp, text, prefix, expected, _blank):
    _check(annotate(nlp, text), prefix, expected)


@pytest.mark.parametrize("text, prefix, expected", [c[:3] for c in CASES if c[3]])
def test_attribution_blank(blank_nlp, text, prefix, expected):
    _check(annotate(blank_nlp, text), prefix, expected)
