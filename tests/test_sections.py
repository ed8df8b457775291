"""Articles longer than a section: cut at paragraph or sentence ends, offsets kept whole."""

from __future__ import annotations

import pytest

from newsclaims.models import Article
from newsclaims.models.ids import article_id, content_hash
from newsclaims.run.parse import process
from newsclaims.run.results import Result
from newsclaims.run.sections import SECTION_CHARS, sections

PARAGRAPH = "Sales rose 5% in March, the company said. Prices fell 2% last year, he said."


@pytest.mark.parametrize(
    ("text", "size", "expected"),
    [
        ("short", 10, [(0, 5)]),
        ("aaaa\n\nbbbb\n\ncc", 8, [(0, 6), (6, 14)]),
        ("One two. Three four. Five", 12, [(0, 9), (9, 21), (21, 25)]),
        ("one two three four", 8, [(0, 8), (8, 14), (14, 18)]),
        ("abcdefghij", 4, [(0, 4), (4, 8), (8, 10)]),
        ("", 4, [(0, 0)]),
    ],
)
def test_sections_cut_points(text, size, expected):
    spans = sections(text, size=size)
    assert spans == expected
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(e - s <= size for s, e in spans)


def test_sections_long_article_offsets_and_ids(blank_nlp):
    text = "\n\n".join([PARAGRAPH] * (SECTION_CHARS // len(PARAGRAPH) + 300))
    assert len(text) > SECTION_CHARS
    article = Article(
        id=article_id("long.txt"), source="long.txt", text=text, content_hash=content_hash(text)
    )
    (result,) = process([article], nlp=blank_nlp)
    assert isinstance(result, Result)
    assert max(c.start for c in result.claims) > SECTION_CHARS
    assert len({c.id for c in result.claims}) == len(result.claims)
    for claim in result.claims:
        assert text[claim.start : claim.end] == claim.text
        for figure in claim.figures:
            assert text[figure.start : figure.end] == figure.text
    for mention in [*result.article.figures, *result.article.dates]:
        assert text[mention.start : mention.end] == mention.text
    short = Article(id="a", source="s", text=PARAGRAPH)
    (one,) = process([short], nlp=blank_nlp)
    assert len(result.claims) == len(one.claims) * text.count(PARAGRAPH)
