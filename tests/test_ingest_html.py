"""HTML pages through trafilatura (boilerplate out, metadata in) and HTML body fragments."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from newsclaims.ingest.html import fragment_to_text, looks_like_html
from tests.ingest_support import DATA, errors, only_article, read_all

PAGES = {
    "news_page.html": {
        "title": "Huawei aims to make AITO a global premium EV brand within 3 years",
        "published": dt.date(2022, 11, 8),
        "url": "https://cnevpost.example.com/2022/11/08/huawei-aito-global-premium-brand/",
        "author": "Phate Zhang",
        "publisher": "CnEVPost",
        "first": "Huawei expects to have more than 1,000 AITO experience stores",
        "last": "only a few will win out in the end, Yu said.",
        "paragraphs": 8,
        "absent": [
            "cookies",
            "Subscribe",
            "Home",
            "Huawei AITO\n",
            "By Phate Zhang",
            "November 8, 2022",
            "Sign up",
            "newsletter",
            "Related articles",
            "no more than five major players",
            "Most read",
            "All rights reserved",
            "Privacy policy",
            "Share this article",
            "Tags:",
            "Huawei aims to make AITO a global premium EV brand within 3 years",
        ],
    },
    "wire_page.html": {
        "title": "Oil prices climb as OPEC+ signals deeper output cuts",
        "published": dt.date(2023, 3, 3),
        "url": "https://www.worldwire.example/business/energy/oil-prices-climb-opec-cuts-2023-03-03/",
        "author": "Ahmad Ghaddar; Noah Browning",
        "publisher": "World Wire",
        "first": "Brent up 1.2% at $85.76 a barrel",
        # a Reuters-style standards line inside the article body stays (a layout line)
        "last": "Our Standards: The World Wire Trust Principles.",
        "paragraphs": 13,
        "absent": [
            "842 partners",
            "Sign in",
            "Scroll to continue",
            "Read Next",
            "Gold falls",
            "Energy Insider",
            "More from World Wire",
            "Shell profit doubles",
            "Careers",
            "quotes delayed",
        ],
    },
    "blog_page.html": {
        "title": "Council approves new cycle lanes for Elm Street",
        "published": dt.date(2022, 11, 8),
        "url": None,
        "author": None,
        "publisher": None,
        "first": "Millbrook Council has approved plans for 2.4 kilometres",
        "last": "a drop in footfall of up to 15%.",
        "paragraphs": 4,
        "absent": ["About time!", "taxpayers", "School fete", "Registered in England", "Sport"],
    },
    "ledger_page.html": {
        "title": "Tesla cuts prices in China again",
        "published": dt.date(2023, 1, 6),
        "url": "https://ledger.example/autos/tesla-china-prices",
        "author": "Li Wei",
        "publisher": "The Daily Ledger",
        "first": "SHANGHAI — Tesla cut prices of its Model 3 and Model Y cars in China",
        "last": "Shares of Tesla rose 2.5% in premarket trading.",
        "paragraphs": 6,  # the <br> inside a paragraph after a full sentence splits it
        "absent": [
            "Li Wei, Staff Reporter",
            "Advertisement",
            "Related:",
            "BYD posts",
            "Share on",
            "Comments",
            "waiting to get a Model Y",
            "Trending",
            "Foxconn",
            "Ledger Media",
            "Tesla showroom",
        ],
    },
    "table_layout_page.html": {
        "title": "Riverside mill to close with 200 jobs lost",
        "published": None,
        "url": None,
        "author": None,
        "publisher": None,
        "first": "The Riverside paper mill will close in March",
        "last": "talks with two potential buyers had failed.",
        "paragraphs": 3,
        "absent": ["Home", "Jobs", "162,000 t", "Copyright"],
    },
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_ingest_html_realistic_pages(name, tmp_path):
    expected = PAGES[name]
    shutil.copy(DATA / name, tmp_path / name)
    article = only_article(tmp_path / name)
    assert article.format == "html"
    assert article.source == name
    for field in ("title", "published", "url", "author", "publisher"):
        assert getattr(article, field) == expected[field], field
    assert article.published_from == ("article" if expected["published"] else None)
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith(expected["first"])
    assert paragraphs[-1].endswith(expected["last"])
    assert len(paragraphs) == expected["paragraphs"]
    for boilerplate in expected["absent"]:
        assert boilerplate not in article.text, boilerplate


def test_ingest_html_inline_links_and_emphasis_keep_their_words(tmp_path):
    shutil.copy(DATA / "news_page.html", tmp_path / "page.html")
    text = only_article(tmp_path / "page.html").text
    assert "Huawei aims to make AITO a global premium smart electric vehicle brand" in text
    assert "according to figures released earlier this month." in text


def test_ingest_html_page_without_article_text_is_one_error(tmp_path):
    shutil.copy(DATA / "index_page.html", tmp_path / "index.html")
    results = read_all(tmp_path / "index.html")
    assert len(results) == 1
    assert "No article text" in errors(results)["index.html"]


@pytest.mark.parametrize(
    ("fragment", "paragraphs"),
    [
        (
            "<p>First <a href='/x'>linked</a> words.</p><p>Second.</p>",
            ["First linked words.", "Second."],
        ),
        (
            "<p>Text.</p><figure><img src='a.jpg'><figcaption>The M7. (Image credit: AITO)"
            "</figcaption></figure><p>More.</p>",
            ["Text.", "The M7. (Image credit: AITO)", "More."],
        ),
        ("Line one.<br>Line two.<br/><br/>Para two.", ["Line one.", "Line two.", "Para two."]),
        (
            "<h2>Outlook</h2><ul><li>One item</li><li>Two item</li></ul>",
            ["Outlook", "One item", "Two item"],
        ),
        (
            "<div><p>Kept.</p><script>var x = 1;</script><style>p{}</style><!-- c --></div>",
            ["Kept."],
        ),
        ("<p>Profit &amp; loss rose&nbsp;5%.</p>", ["Profit & loss rose 5%."]),
        ("<blockquote><p>We will grow, he said.</p></blockquote>", ["We will grow, he said."]),
    ],
)
def test_ingest_html_fragment_to_text(fragment, paragraphs):
    from newsclaims.ingest.normalize import normalize_text

    assert normalize_text(fragment_to_text(fragment)).split("\n\n") == paragraphs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<p>Hello.</p>", True),
        ("Line<br>break", True),
        ("<DIV>x</DIV>", True),
        ("Plain text with a < b and <5% costs.", False),
        ("Only an <a href='x'>inline</a> link.", False),
    ],
)
def test_ingest_html_looks_like_html(text, expected):
    assert looks_like_html(text) is expected
