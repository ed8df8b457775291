"""Modality of a statement (`components/modality.py`): goal, forecast or asserted."""

import datetime as dt

import pytest

from tests.conftest import annotate

B = True  # the blank pipeline must get it too
T = False  # trained pipeline only (nouns and the shape of the clause need a parse)

CASES = [
    # Nouns that carry the clause's figure or an infinitive.
    ("The IMF cut its growth forecast to 0.9% on Tuesday.", "forecast", B),
    ("The bank raised its outlook for 2025 to 3% growth.", "forecast", T),
    ("The utility has a goal of 1 gigawatt by 2030.", "goal", T),
    ("The target is 500 stores by 2026.", "goal", B),
    ("A spokesperson said the company had no plans to raise prices this year.", "goal", T),
    # A noun an expectation qualifies, carrying the figure, as object or subject of `be`.
    ("Pellucid put the expected cost of the breach this year at $31 million.", "forecast", B),
    ("The projected deficit for next year is $2 billion.", "forecast", B),
    # Auxiliaries and verbs.
    ("The decision is due on March 19.", "forecast", B),
    ("The mission is scheduled to last 25.5 days.", "forecast", T),
    ("Prices should fall by 5% next year.", "forecast", B),
    ("The company hopes to sell 2 million cars in 2025.", "goal", B),
    ("It's going to get worse before it gets better, he said.", "forecast", T),
    ("The Governing Council will next set rates on July 18.", "forecast", B),
    # An outer `would` over a goal verb or a wish.
    ("The minister said the country would aim to cut emissions by 40% by 2030.", "goal", B),
    ("The firm would like to double output by 2027.", "goal", B),
    # Asserted: a goal or forecast noun that is only the topic, `due to` as a cause,
    # `should` as advice.
    ("Sales rose 5% in 2024.", "asserted", B),
    ("The forecast was published in March 2024 and showed a 2% rise.", "asserted", T),
    # an estimate of what happened; what an expected measure did
    ("An estimated 2.3 million patients were affected.", "asserted", T),
    ("Expected returns fell to 4% last year as markets slumped.", "asserted", T),
    ("The goal of the 2019 plan was met in 2021.", "asserted", T),
    ("The project cost $650 million and opened in 2024.", "asserted", T),
    ("The flight was cancelled on Monday due to the weather.", "asserted", T),
    ("Customers who struggle to pay should call the helpline on 0800 123 4567.", "asserted", T),
    ("The numbers should not stop lawmakers from passing 2 more bills.", "asserted", T),
]


def _modality(nlp, text):
    doc = annotate(nlp, text)
    return doc._.statements[0].modality


@pytest.mark.parametrize("text, expected, _blank", CASES)
def test_modality_trained(nlp, text, expected, _blank):
    assert _modality(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [c[:2] for c in CASES if c[2]])
def test_modality_blank(blank_nlp, text, expected):
    assert _modality(blank_nlp, text) == expected


# A present tense with a date after the publication day is a scheduled future (trained:
# the tense needs a tagger); a past tense, a copula or a date already gone is not.
PUBLISHED = dt.date(2024, 11, 4)
SCHEDULED = [
    ("The next auction round opens in March, the department said.", "forecast"),
    ("The regulator publishes its decision next week.", "forecast"),
    ("The company is holding talks with unions on Friday.", "forecast"),
    ("The next auction round opened in March, the department said.", "asserted"),
    ("The auction round opens in March every year, as it did on March 3.", "asserted"),
    ("The tariffs are about 2030, not 2024, an economist said.", "asserted"),
    ("The company agreed to sell the plant in December.", "asserted"),
]


@pytest.mark.parametrize("text, expected", SCHEDULED)
def test_modality_scheduled(nlp, text, expected):
    doc = annotate(nlp, text, published=PUBLISHED)
    assert doc._.statements[0].modality == expected
