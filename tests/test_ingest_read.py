"""Reading each format end to end: metadata, title, text layout, encodings, reference date."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from newsclaims.models import Article, InputError
from tests.conftest import SEED_ARTICLE
from tests.ingest_support import DATA, only_article, read_all, write

NOV_8 = dt.date(2022, 11, 8)
REFERENCE = dt.date(2023, 1, 1)
CURLY = "The company’s profit rose to £12.5 million. “We are pleased,” she said – costs fell."


def test_ingest_read_seed_article(tmp_path):
    shutil.copy(SEED_ARTICLE, tmp_path / "seed-article.txt")
    article = only_article(tmp_path / "seed-article.txt", reference_date=NOV_8)
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 12
    assert paragraphs[0].startswith("is expected to have more than 1,000 AITO experience stores")
    assert paragraphs[1] == "(Image credit: AITO)"
    assert paragraphs[-1].endswith("only a few will win out in the end, Yu said.")
    assert article.title is None
    assert (article.published, article.published_from) == (NOV_8, "reference")
    assert article.format == "text"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "front.txt",
            "---\ntitle: AITO goes global\ndate: 2022-11-08\nurl: https://x.example/a\n"
            "source: CnEVPost\nauthor: Phate Zhang\n---\nSales rose 5%.\n",
            {
                "title": "AITO goes global",
                "published": NOV_8,
                "published_from": "article",
                "url": "https://x.example/a",
                "publisher": "CnEVPost",
                "author": "Phate Zhang",
                "format": "text",
                "text": "Sales rose 5%.",
            },
        ),
        (
            "headline.txt",
            "AITO delivers 12,018 vehicles in October\n\n"
            "AITO delivered a record 12,018 vehicles.\n",
            {
                "title": "AITO delivers 12,018 vehicles in October",
                "text": "AITO delivered a record 12,018 vehicles.",
            },
        ),
        (
            "question.txt",
            "Will oil prices rise again?\n\nOil prices rose on Friday.\n",
            {"title": None, "text": "Will oil prices rise again?\n\nOil prices rose on Friday."},
        ),
        (
            "byline_first.txt",
            "By Jane Doe\n\nOil prices rose on Friday.\n",
            {"title": None, "text": "By Jane Doe\n\nOil prices rose on Friday."},
        ),
        (
            "repeat.txt",
            "---\ntitle: Oil climbs\n---\nOil climbs\n\nOil prices rose on Friday.\n",
            {"title": "Oil climbs", "text": "Oil prices rose on Friday."},
        ),
        (
            "title.md",
            "# Huawei aims **high**\n\nHuawei aims to grow [AITO](https://a.example).\n",
            {
                "title": "Huawei aims high",
                "format": "markdown",
                "text": "Huawei aims to grow AITO.",
            },
        ),
        (
            "both.markdown",
            "---\ntitle: From front matter\n---\n# From heading\n\nBody text.\n",
            {"title": "From front matter", "text": "Body text."},
        ),
        (
            "paragraphs.md",
            "# T\n\nFirst paragraph is hard\nwrapped over two lines.\n\n\n\nSecond paragraph.\n\n"
            "## Outlook\n\n- Point one\n- Point two\n",
            {
                "text": "First paragraph is hard wrapped over two lines.\n\nSecond paragraph."
                "\n\nOutlook\n\nPoint one\n\nPoint two"
            },
        ),
        (
            "yaml_dates.md",
            "---\npublished: '2022-11-08T09:30:00Z'\n---\nText.\n",
            {"published": NOV_8, "published_from": "article"},
        ),
        (
            "bad_date.md",
            "---\ndate: sometime soon\n---\nText.\n",
            {"published": None, "published_from": None},
        ),
    ],
)
def test_ingest_read_text_and_markdown(name, content, expected, tmp_path):
    article = only_article(write(tmp_path, name, content))
    assert article.source == name
    for field, value in expected.items():
        assert getattr(article, field) == value, field


@pytest.mark.parametrize(
    ("content", "text"),
    [
        (CURLY.encode("cp1252"), CURLY),
        (
            "It cost \u00a35 \u2013 \u201cok\u201d.".encode("cp1252"),
            "It cost \u00a35 \u2013 \u201cok\u201d.",
        ),
        (
            "Caf\u00e9 na\u00efve r\u00e9sum\u00e9 at \u00a35.".encode("latin-1"),
            "Caf\u00e9 na\u00efve r\u00e9sum\u00e9 at \u00a35.",
        ),
        (b"\xef\xbb\xbfUTF-8 with a BOM \xc2\xa35.", "UTF-8 with a BOM \u00a35."),
        ("UTF-16 text \u00a35.".encode("utf-16"), "UTF-16 text \u00a35."),
        ("UTF-16 no BOM, plain words.".encode("utf-16-le"), "UTF-16 no BOM, plain words."),
        (b"Windows line\r\nendings.\r\n\r\nSecond.", "Windows line endings.\n\nSecond."),
    ],
)
def test_ingest_read_encodings(content, text, tmp_path):
    assert only_article(write(tmp_path, "a.txt", content)).text == text


@pytest.mark.parametrize(
    ("front", "reference", "published", "published_from"),
    [
        ("date: 2022-11-08", None, NOV_8, "article"),
        ("date: 2022-11-08", REFERENCE, NOV_8, "article"),  # never overridden
        ("title: no date", REFERENCE, REFERENCE, "reference"),
        ("title: no date", None, None, None),
        ("date: not a date", REFERENCE, REFERENCE, "reference"),
    ],
)
def test_ingest_read_reference_date_never_overrides(
    front, reference, published, published_from, tmp_path
):
    path = write(tmp_path, "a.md", f"---\n{front}\n---\nText.\n")
    article = only_article(path, reference_date=reference)
    assert (article.published, article.published_from) == (published, published_from)


def test_ingest_read_reference_date_for_json_and_html(tmp_path):
    write(tmp_path, "a.json", '{"body": "Text.", "date": "2022-11-08"}')
    write(tmp_path, "b.json", '{"body": "Text."}')
    shutil.copy(DATA / "news_page.html", tmp_path / "c.html")
    from tests.ingest_support import articles, read_all

    found = articles(read_all(tmp_path, reference_date=REFERENCE))
    assert (found["a.json"].published, found["a.json"].published_from) == (NOV_8, "article")
    assert (found["b.json"].published, found["b.json"].published_from) == (REFERENCE, "reference")
    assert (found["c.html"].published, found["c.html"].published_from) == (NOV_8, "meta")


def test_ingest_read_same_input_same_article(tmp_path):
    path = write(tmp_path, "a.txt", "Sales rose 5%.\n")
    assert only_article(path) == only_article(path)


QUOTED = "\u201cSales rose 5%,\u201d said Ana L\u00f3pez, the chief executive.\n"


@pytest.mark.parametrize(
    ("content", "text", "warning"),
    [
        # One stray byte in a UTF-8 file: UTF-8 with the byte replaced, and a warning.
        (
            QUOTED.encode() + b"Costs fell \x92 again.\n",
            QUOTED.strip() + "\n\nCosts fell \ufffd again.",
            "1 byte sequence is not valid UTF-8",
        ),
        (
            b"\xff" + QUOTED.encode() + "Prices \u2013 up.".encode() + b"\xe2\x80",
            "\ufffd" + QUOTED.strip() + "\n\nPrices \u2013 up.\ufffd",
            "2 byte sequences are not valid UTF-8",
        ),
        # A file that is Windows-1252 as a whole stays Windows-1252, without a warning.
        (QUOTED.encode("cp1252"), QUOTED.strip(), None),
        (
            b"Plain ASCII with one \x93quote\x94 pair.",
            "Plain ASCII with one \u201cquote\u201d pair.",
            None,
        ),
        # Clean UTF-8: no warning.
        (QUOTED.encode(), QUOTED.strip(), None),
    ],
    ids=["one-bad-byte", "bad-bytes-at-both-ends", "cp1252", "cp1252-ascii", "clean-utf8"],
)
@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.json", "a.jsonl"])
def test_ingest_read_mostly_utf8_is_utf8_with_a_warning(content, text, warning, name, tmp_path):
    if name.startswith("a.json"):
        # The same bytes inside a JSON string (the article body): newlines escaped.
        content = b'{"body": "' + content.replace(b"\n", b"\\n") + b'"}\n'
    results = read_all(write(tmp_path, name, content))
    (article,) = [item for item in results if isinstance(item, Article)]
    assert article.text == text
    warnings = [item for item in results if isinstance(item, InputError)]
    if warning is None:
        assert warnings == []
    else:
        (found,) = warnings
        assert found.level == "warning" and warning in found.error
        assert found.model_dump_json().endswith('"level":"warning","kind":"bad-bytes"}')
        assert found.source == (f"{name}#1" if name == "a.jsonl" else name)
