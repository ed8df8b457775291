"""Text normalisation: characters, blank lines, hard wraps joined, standalone lines kept."""

from __future__ import annotations

import pytest

from newsclaims.ingest.normalize import normalize_text

WRAPPED = """\
LONDON, March 3 (Reuters) - Oil prices rose on Friday, putting the
benchmarks on track for a weekly gain, after a report that OPEC+ could
deepen output cuts later this year.
(Image credit: AITO)
Brent crude futures were up $1.01, or 1.2%, at $85.76 a barrel by 0930
GMT. U.S. West Texas Intermediate crude futures rose 98 cents.
By Jane Doe
Demand outlook
"We expect the market to tighten significantly in the second half of
the year," said Tamas Varga of oil broker PVM.
Photo: Reuters
- Brent up 1.2% at $85.76 a barrel, its highest level in six weeks
  and a third weekly gain
- Saudi minister says cuts could last
"""

WRAPPED_EXPECTED = [
    "LONDON, March 3 (Reuters) - Oil prices rose on Friday, putting the benchmarks on track "
    "for a weekly gain, after a report that OPEC+ could deepen output cuts later this year.",
    "(Image credit: AITO)",
    "Brent crude futures were up $1.01, or 1.2%, at $85.76 a barrel by 0930 GMT. U.S. West "
    "Texas Intermediate crude futures rose 98 cents.",
    "By Jane Doe",
    "Demand outlook",
    '"We expect the market to tighten significantly in the second half of the year," said '
    "Tamas Varga of oil broker PVM.",
    "Photo: Reuters",
    "- Brent up 1.2% at $85.76 a barrel, its highest level in six weeks and a third weekly gain",
    "- Saudi minister says cuts could last",
]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("One.\r\n\r\nTwo.", "One.\n\nTwo."),
        ("One.\r\rTwo.", "One.\n\nTwo."),
        ("Costs\u00a0rose\u2009by\u202f5%.", "Costs rose by 5%."),
        ("zero\u200bwidth\u200d join\ufeff.", "zerowidth join."),
        ("soft\u00adhyphen.", "softhyphen."),
        ("Sales rose \u202e5% last year\u202c, he said.", "Sales rose 5% last year, he said."),
        (
            "\u2067\u05e9\u05dc\u05d5\u05dd\u2069 said\u200f \u200eit\u061c.",
            "\u05e9\u05dc\u05d5\u05dd said it.",
        ),
        ("\u202a\u202b\u202d embed\u2066\u2068.", "embed."),
        ("trailing   \n\nspaces\t\t", "trailing\n\nspaces"),
        ("runs   of    spaces.", "runs of spaces."),
        ("One.\n\n\n\n\nTwo.", "One.\n\nTwo."),
        ("  \n\n  leading and trailing  \n\n  ", "leading and trailing"),
        ("Cafe\u0301 au lait.", "Café au lait."),
        ("a\x00b\x07c.", "abc."),
        ("", ""),
        ("   \n\t\n", ""),
    ],
)
def test_ingest_normalize_characters(raw, expected):
    assert normalize_text(raw) == expected


def test_ingest_normalize_hard_wrapped_text_joined_and_standalone_lines_kept():
    assert normalize_text(WRAPPED).split("\n\n") == WRAPPED_EXPECTED


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # one paragraph per line, as copied from a web page
        (
            "Oil prices rose on Friday after a report that OPEC+ could deepen cuts this year.\n"
            "Brent crude futures were up $1.01, or 1.2%, at $85.76 a barrel by 0930 GMT.",
            [
                "Oil prices rose on Friday after a report that OPEC+ could deepen cuts this year.",
                "Brent crude futures were up $1.01, or 1.2%, at $85.76 a barrel by 0930 GMT.",
            ],
        ),
        # a soft break inside a sentence joins (CommonMark)
        (
            "The company said,\nadding that costs fell.",
            ["The company said, adding that costs fell."],
        ),
        # a heading line before a capitalised paragraph
        (
            "Demand outlook\nSaudi Energy Minister Prince Abdulaziz said the cuts would stay.",
            ["Demand outlook", "Saudi Energy Minister Prince Abdulaziz said the cuts would stay."],
        ),
        # a caption or byline inside a block stands alone
        (
            "Sales rose 5% in the year to March.\n(Image credit: AITO)\nBy Jane Doe, Reuters",
            ["Sales rose 5% in the year to March.", "(Image credit: AITO)", "By Jane Doe, Reuters"],
        ),
        # a line ending in a function word runs on
        (
            "Shares of the\nCompany rose 5% on Monday.",
            ["Shares of the Company rose 5% on Monday."],
        ),
    ],
)
def test_ingest_normalize_line_breaks(raw, expected):
    assert normalize_text(raw).split("\n\n") == expected


@pytest.mark.parametrize("raw", [WRAPPED, "A.\n\n\n\nB.\r\nC.  \n\n", "x\u00a0\n\n\n\ny"])
def test_ingest_normalize_paragraph_layout_invariants(raw):
    text = normalize_text(raw)
    assert "\n\n\n" not in text
    assert text == text.strip()
    for paragraph in text.split("\n\n"):
        assert paragraph and "\n" not in paragraph
        assert paragraph == paragraph.strip() and "  " not in paragraph
