import pytest

from newsclaims.extraction.components.layout import is_non_claim_line
from newsclaims.extraction.extensions import NON_CLAIM
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
