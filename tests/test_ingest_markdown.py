"""Markdown to plain text: markup removed, words and paragraphs kept, `# Title` to title."""

from __future__ import annotations

import pytest

from newsclaims.ingest.markdown import inline_to_text, markdown_to_text
from newsclaims.ingest.normalize import normalize_text


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (
            "Huawei aims to make [AITO](https://aito.example/m7) a brand.",
            "Huawei aims to make AITO a brand.",
        ),
        ("See [the data](https://x.example/a_(b)) now.", "See the data now."),
        ("A [reference link][1] here.", "A reference link here."),
        ("**Bold** and __bold__ words.", "Bold and bold words."),
        ("*Italic* and _italic_ words.", "Italic and italic words."),
        ("The `beta_test` concept.", "The beta_test concept."),
        ("A picture ![AITO M7](/img/m7.jpg) dropped.", "A picture  dropped."),
        ("[![logo](/logo.png)](https://x.example) Home", " Home"),
        ("~~old~~ figure", "old figure"),
        ("snake_case_name and 5 * 3 = 15 stay.", "snake_case_name and 5 * 3 = 15 stay."),
        ("Escaped \\*stars\\* and \\_under\\_.", "Escaped *stars* and _under_."),
        ("Profit &amp; loss, &pound;5m.", "Profit & loss, £5m."),
        ("Line<br>break and <sup>tag</sup>.", "Line\nbreak and tag."),
        ("Visit <https://example.com/a>.", "Visit https://example.com/a."),
        ("Costs < 5% and > 2%.", "Costs < 5% and > 2%."),
        ("Plain words (no markup), 5% up!", "Plain words (no markup), 5% up!"),  # the fast path
        ("Only an entity: &copy;", "Only an entity: \u00a9"),
        ("Only code: `x`", "Only code: x"),
    ],
)
def test_ingest_markdown_inline(markdown, expected):
    assert inline_to_text(markdown) == expected


@pytest.mark.parametrize(
    ("markdown", "title", "paragraphs"),
    [
        (
            "# Huawei aims high\n\nHuawei aims to grow, an executive said.",
            "Huawei aims high",
            ["Huawei aims to grow, an executive said."],
        ),
        (
            "Huawei aims high\n================\n\nHuawei aims to grow.",
            "Huawei aims high",
            ["Huawei aims to grow."],
        ),
        (
            "Intro line that is not a heading.\n\n# Later heading\n\nBody.",
            None,
            ["Intro line that is not a heading.", "Later heading", "Body."],
        ),
        (
            "# Title\n\n## Demand outlook ##\n\nText under it.\n\n### Deeper\nMore text.",
            "Title",
            ["Demand outlook", "Text under it.", "Deeper", "More text."],
        ),
        (
            "Before the list:\n\n- Brent up 1.2%\n- Saudi minister says cuts\n  could last\n"
            "* Third item\n\n1. First\n2. Second\n",
            None,
            [
                "Before the list:",
                "Brent up 1.2%",
                "Saudi minister says cuts could last",
                "Third item",
                "First",
                "Second",
            ],
        ),
        (
            "Sales rose in\n2022. Sales fell in 2023.",
            None,
            ["Sales rose in 2022. Sales fell in 2023."],
        ),
        (
            "Wang said:\n\n> We will grow,\n> he said.\n>\n> > Nested quote.\n\nAfter.",
            None,
            ["Wang said:", "We will grow, he said.", "Nested quote.", "After."],
        ),
        (
            "<!-- editor note: check figures -->\nFirst.\n\n<!--\nmulti\nline\n-->\nSecond.",
            None,
            ["First.", "Second."],
        ),
        ("First.\n\n***\n\nSecond.\n\n---\n\nThird.", None, ["First.", "Second.", "Third."]),
        (
            "Text.\n\n```\ncode line\n```\n\n[1]: https://x.example/ref\n",
            None,
            ["Text.", "code line"],
        ),
        (
            "| Year | Output |\n|---|---|\n| 2021 | 150,000 t |\n",
            None,
            ["Year | Output", "2021 | 150,000 t"],
        ),
        ("# Only a title\n\n![image](/a.png)\n", "Only a title", []),
    ],
)
def test_ingest_markdown_blocks(markdown, title, paragraphs):
    found_title, text = markdown_to_text(markdown)
    assert found_title == title
    normalised = normalize_text(text)
    assert (normalised.split("\n\n") if normalised else []) == paragraphs
