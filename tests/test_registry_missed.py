"""Names the NER misses that the registry still finds (issue 11, class 5): the proper nouns
after an organisation noun, and those that open a wire story after its dateline. The
rules are checked with no NER entities at all (`ents=[]`): what the NER missed."""

import pytest

from newsclaims.extraction.components.registry import (
    _datelines,
    _missed_after_datelines,
    _missed_after_org_nouns,
)
from tests.conftest import annotate

AFTER_ORG_NOUNS = [
    ("The trial was run by the campaign group Kettle Lane Trust.", ["Kettle Lane Trust"]),
    ("Figures came from a research firm, Orrin Metrics.", []),  # a comma: an apposition
    ("The group Quiet Lanes UK said it would appeal.", ["Quiet Lanes UK"]),
    ("Several groups said they would appeal.", []),
]


@pytest.mark.parametrize("text, expected", AFTER_ORG_NOUNS)
def test_missed_after_org_nouns(nlp, text, expected):
    doc = annotate(nlp, text)
    assert [s.text for s in _missed_after_org_nouns(doc, [])] == expected


AFTER_DATELINES = [
    (
        "CARROW, Oct 1 (Globe Wire) - Tarn Ridge Minerals will close its mine.",
        ["Tarn Ridge Minerals"],
    ),
    ("CARROW, Oct 1 (Globe Wire) - Britain's economy grew 0.2% in May.", []),
]


@pytest.mark.parametrize("text, expected", AFTER_DATELINES)
def test_missed_after_datelines(nlp, text, expected):
    doc = annotate(nlp, text)
    assert [s.text for s in _missed_after_datelines(doc, _datelines(doc), [])] == expected
