import pytest

from newsclaims.extraction.claims import claims_of
from newsclaims.extraction.components.layout import is_non_claim_line
from newsclaims.extraction.extensions import CREDITS, NON_CLAIM
from newsclaims.models import Article
from tests.conftest import annotate


@pytest.mark.parametrize(
    "line",
    [
        "(Image credit: AITO)",
        "Photo: Getty Images",
        "Photograph: Jane Doe/Reuters",
        "(Photo by John Smith/AFP via Getty Images)",
        "File photo",
        "By Jane Doe",
        "By Jane Doe and John Smith, Reuters",
        "Reporting by Jane Doe; Editing by John Smith",
        "Additional reporting by Li Wei in Beijing",
        "LONDON (Reuters) -",
        "Sales outlook",
        "Read more: How the deal was done",
        "Source: company filings",
        "Copyright 2024 Example News",
        "___.",
        '"',
        "...",
        "* * *",
    ],
)
def test_layout_non_claim_lines(line):
    assert is_non_claim_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Sales rose 5% in October, the company said.",
        "By 2030, the company expects to sell 1 million cars.",
        "Photographers were banned from the event, organisers said.",
        "Bylines aside, the story was true.",
        "\u201cWe will grow,\u201d she said.",
    ],
)
def test_layout_claim_lines_kept(line):
    assert not is_non_claim_line(line)


def test_layout_paragraph_ends_sentence(any_nlp):
    doc = annotate(any_nlp, "(Image credit: AITO)\n\nHuawei aims to make AITO a global brand.")
    starts = [s.start_char for s in doc.sents if s.text.strip()]
    assert doc.text.index("Huawei") in starts
    assert [s.text for s in doc.spans[NON_CLAIM]] == ["(Image credit: AITO)"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A closing mark stays with the sentence it closes, also before a paragraph break.
        (
            'He said it would give Democrats pause."\n\nHillary Clinton left.',
            ['He said it would give Democrats pause."', "Hillary Clinton left."],
        ),
        (
            "\u201cWe will rebuild.\u201d Then she left.",
            ["\u201cWe will rebuild.\u201d", "Then she left."],
        ),
        ("It's 'in their heads.' Then they met.", ["It's 'in their heads.'", "Then they met."]),
        ('"Who knows?" he asked.', ['"Who knows?" he asked.']),
        ('"Stop!" he shouted. "Now."', ['"Stop!" he shouted.', '"Now."']),
        # An opening mark or bracket goes with the sentence it opens.
        ('Sales rose. "We are strong," she said.', ["Sales rose.", '"We are strong," she said.']),
        ("The union met. (He left.) Now.", ["The union met.", "(He left.)", "Now."]),
        # Apostrophes are no closing marks: nothing moves.
        ("The players' union met. It agreed.", ["The players' union met.", "It agreed."]),
    ],
)
def test_layout_quotation_marks_stay_with_their_sentence(any_nlp, text, expected):
    doc = annotate(any_nlp, text)
    assert [s.text.strip() for s in doc.sents if s.text.strip()] == expected


@pytest.mark.parametrize(
    "text",
    [
        'Sales rose 5%, she said. "\n\nThe plant will close in 2025."\n\n"\n\n___.\n\n...',
        "\u201cWe will grow by 5%.\u201d\n\n\u201d\n\nAnalysts said so.\n\n''",
    ],
)
def test_layout_no_claim_is_punctuation_only(any_nlp, text):
    article = Article(id="a", source="a.txt", text=text)
    claims = claims_of(annotate(any_nlp, text), article)
    assert claims
    assert all(any(ch.isalnum() for ch in c.text) for c in claims)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "PENCE: Well, we will win.\n\nWALLACE: Thanks.",
            [("PENCE:", "speaker_label"), ("WALLACE:", "speaker_label")],
        ),
        ('Cole: "We will rebuild."', [("Cole:", "speaker_label")]),
        (
            '"WALLACE: Will she be there?\n\n"PENCE: Well, she will not.',
            [("WALLACE:", "speaker_label"), ("PENCE:", "speaker_label")],
        ),
        ("\u201cWe will rebuild.\u201d \u2015 Dana Cole", [("\u2015 Dana Cole", "signature")]),
        (
            "\u201cWe will rebuild.\u201d \u2015 Dana Cole \u201cNo.\u201d \u2015 Anna Lind",
            [("\u2015 Dana Cole", "signature"), ("\u2015 Anna Lind", "signature")],
        ),
        ('"We will rebuild."\n\nDana Cole, mayor', [("Dana Cole, mayor", "credit_line")]),
        # Not structures: a label with a number, a dash inside a sentence, a heading
        # after prose.
        ("Q3 2024: sales rose 5%.", []),
        ("Sales rose \u2015 Dana Cole said so.", []),
        ("Sales rose 5%.\n\nDana Cole, mayor", []),
    ],
)
def test_layout_credit_structures(any_nlp, text, expected):
    doc = annotate(any_nlp, text)
    assert [(s.text, s.label_) for s in doc.spans[CREDITS]] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A label or a signature stays in the claim it credits; a credit line is no claim.
        ("PENCE: Well, we will win 3 states.", ["PENCE: Well, we will win 3 states."]),
        (
            "\u201cWe will rebuild by 2026.\u201d \u2015 Dana Cole",
            ["\u201cWe will rebuild by 2026.\u201d \u2015 Dana Cole"],
        ),
        ('"We will rebuild by 2026."\n\nDana Cole, mayor', ['"We will rebuild by 2026."']),
    ],
)
def test_layout_credited_claims_hold_their_credit(any_nlp, text, expected):
    article = Article(id="a", source="a.txt", text=text)
    assert [c.text for c in claims_of(annotate(any_nlp, text), article)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # No sentence of a question turn is a claim, even one with a figure; a verbless
        # one-word answer is no claim either (guide section 8, Interviews).
        (
            "Ana Lee runs Solana Water.\n\nQ: You lost 190 million litres a day last year. "
            "Why?\n\nA: We laid the pipes before 1970.\n\nQ: Will bills rise in 2026?\n\n"
            "A: No.\n\nQ: And leaks?\n\nA: Yes. We will cut them by 20% by 2030.",
            ["A: We laid the pipes before 1970.", "We will cut them by 20% by 2030."],
        ),
        # Outside a transcript, a `Q:`-like opening is prose and `No.` a quotation's word.
        ("Q: 40 votes were cast in 2024.", ["Q: 40 votes were cast in 2024."]),
    ],
)
def test_layout_question_turns_and_one_word_answers(any_nlp, text, expected):
    article = Article(id="a", source="a.txt", text=text)
    claims = claims_of(annotate(any_nlp, text), article)
    assert [c.text for c in claims if c.start >= text.find("Q:")] == expected
