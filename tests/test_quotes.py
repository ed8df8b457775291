import pytest

from newsclaims.extraction.components.quotes import find_quotes
from newsclaims.extraction.extensions import QUOTES
from tests.conftest import annotate

CASES = [
    ('"We will grow fast," he said.', ['"We will grow fast,"']),
    ("\u201cWe will grow,\u201d she said.", ["\u201cWe will grow,\u201d"]),
    ("'Single quotes are used here,' said Jones.", ["'Single quotes are used here,'"]),
    ("\u2018We are confident,\u2019 he said.", ["\u2018We are confident,\u2019"]),
    ('The concept of "beta" matters.', ['"beta"']),
    ("It's Huawei's '90s players' stuff.", []),
    ("Don't say it's over.", []),
    (
        'He said: "The market is weak. We are cutting jobs."',
        ['"The market is weak. We are cutting jobs."'],
    ),
    ('Unbalanced "quote here', ['"quote here']),
    ('A stray closing mark" here.', []),
    ('"One," she said, "and two."', ['"One,"', '"and two."']),
    (
        "\u201cFirst \u201cnever closed, then a second.\u201d",
        ["\u201cFirst ", "\u201cnever closed, then a second.\u201d"],
    ),
    ("", []),
    ('""', ['""']),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_quotes_pairing(text, expected):
    assert [text[q.start : q.end] for q in find_quotes(text)] == expected


def test_quotes_speech_and_phrase_labels(blank_nlp):
    doc = annotate(blank_nlp, 'The concept of "beta" matters, "and we will keep it," he said.')
    labels = [(s.text, s.label_) for s in doc.spans[QUOTES]]
    assert labels == [('"beta"', "phrase"), ('"and we will keep it,"', "speech")]


def test_quotes_chain_over_paragraphs(blank_nlp):
    text = (
        'Smith said: "The market is weak. We are cutting jobs.\n\n'
        '"But we will recover by 2025," he added.'
    )
    doc = annotate(blank_nlp, text)
    spans = doc.spans[QUOTES]
    assert len(spans) == 2
    assert spans.attrs["chains"] == [[0, 1]]


@pytest.mark.parametrize("text", ['"' * 101, "\u201c" * 50 + "x", "'" * 30, '"a" "b" "c'])
def test_quotes_odd_marks_never_raise(blank_nlp, text):
    annotate(blank_nlp, text)
