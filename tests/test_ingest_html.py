"""HTML pages through trafilatura (boilerplate out, metadata in) and HTML body fragments."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from newsclaims.ingest.html import fragment_to_text, looks_like_html
from tests.ingest_support import DATA, articles, errors, only_article, read_all

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


# Where each page's date comes from: its JSON-LD, its meta tags, or (with neither) the
# page text as trafilatura searched it.
PUBLISHED_FROM = {
    "blog_page.html": "text",
    "ledger_page.html": "json-ld",
    "news_page.html": "meta",
    "wire_page.html": "json-ld",
    "table_layout_page.html": None,
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
    assert article.published_from == PUBLISHED_FROM[name]
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


# Saved pages in the styles of real CMSs: (page, published, published_from, publisher).
# Drupal with a masthead "today's date" box and the date in microdata (trafilatura alone
# took the box); WordPress/Yoast with a JSON-LD @graph whose publisher is an @id reference
# and a `Headline - Site` title (trafilatura alone took the headline as the site name);
# an Arc page whose body is loaded by a script.
METADATA_PAGES = [
    ("today_box_page.html", dt.date(2024, 3, 5), "meta", "riversidecourier.example"),
    ("yoast_graph_page.html", dt.date(2023, 10, 12), "json-ld", "Power Markets Weekly"),
    ("news_page.html", dt.date(2022, 11, 8), "meta", "CnEVPost"),
    ("blog_page.html", dt.date(2022, 11, 8), "text", None),
]


@pytest.mark.parametrize(("name", "published", "published_from", "publisher"), METADATA_PAGES)
def test_ingest_html_prefers_structured_metadata(name, published, published_from, publisher):
    (article,) = articles(read_all(DATA / name)).values()
    assert (article.published, article.published_from) == (published, published_from)
    assert article.publisher == publisher
    assert article.publisher != article.title


def _variant(name: str, *changes: tuple[str, str]) -> str:
    page = (DATA / name).read_text(encoding="utf-8")
    for old, new in changes:
        assert old in page, old
        page = page.replace(old, new)
    return page


DATE_LINE = '<time itemprop="datePublished" datetime="2024-03-05T06:45:00Z">5 Mar 2024</time>'
CANONICAL = "https://www.riversidecourier.example/news/council-library-budget-cut-8812345"


@pytest.mark.parametrize(
    ("changes", "published", "published_from"),
    [
        ((), dt.date(2024, 3, 5), "meta"),
        # JSON-LD first, even when the microdata says otherwise.
        (
            (
                (
                    "</head>",
                    '<script type="application/ld+json">{"@context": "https://schema.org", '
                    '"@type": ["NewsArticle"], "datePublished": "2024-03-04T23:10:00Z"}'
                    "</script></head>",
                ),
            ),
            dt.date(2024, 3, 4),
            "json-ld",
        ),
        # Meta tags: Open Graph, Dublin Core, Parse.ly.
        (
            (("</head>", '<meta name="DC.date.issued" content="2024-03-02"></head>'),),
            dt.date(2024, 3, 2),
            "meta",
        ),
        (
            (("</head>", '<meta name="parsely-pub-date" content="2024-02-29T10:00:00Z"></head>'),),
            dt.date(2024, 2, 29),
            "meta",
        ),
        # No markup: the date in the URL's path.
        (
            ((DATE_LINE, ""), (CANONICAL, CANONICAL.replace("/news/", "/news/2024/03/01/"))),
            dt.date(2024, 3, 1),
            "url",
        ),
        # Nothing structured at all: the page text, box and all (the best there is).
        (((DATE_LINE, ""),), dt.date(2026, 12, 1), "text"),
        # A date that does not parse is no date: the next source is used.
        (
            (
                (
                    "</head>",
                    '<meta property="article:published_time" content="sometime"></head>',
                ),
            ),
            dt.date(2024, 3, 5),
            "meta",
        ),
    ],
    ids=["microdata", "json-ld", "dublin-core", "parsely", "url", "text", "unparsable"],
)
def test_ingest_html_date_sources(tmp_path, changes, published, published_from):
    (tmp_path / "page.html").write_text(_variant("today_box_page.html", *changes), "utf-8")
    article = only_article(tmp_path / "page.html")
    assert (article.published, article.published_from) == (published, published_from)


HEADLINE = "Grid operator warns of tight winter margins as two gas plants close"


@pytest.mark.parametrize(
    ("title", "graph_publisher", "publisher"),
    [
        # The corpus's two cases: `Headline - Site` and `Longer headline | Site`.
        (f"{HEADLINE} - Power Markets Weekly", False, "Power Markets Weekly"),
        (f"{HEADLINE} this week | Power Markets Weekly", False, "Power Markets Weekly"),
        (f"Power Markets Weekly » {HEADLINE}", False, "Power Markets Weekly"),
        (HEADLINE, False, None),  # no site name anywhere: none, rather than the headline
        (f"{HEADLINE} - PMW", True, "Power Markets Weekly"),  # JSON-LD first
    ],
)
def test_ingest_html_publisher_is_never_the_headline(tmp_path, title, graph_publisher, publisher):
    reference = '"publisher":{"@id":"https://powermarketsweekly.example/#organization"},'
    page = _variant(
        "yoast_graph_page.html",
        (f"<title>{HEADLINE} - Power Markets Weekly</title>", f"<title>{title}</title>"),
        (reference, reference if graph_publisher else ""),
    )
    (tmp_path / "page.html").write_text(page, "utf-8")
    article = only_article(tmp_path / "page.html")
    assert article.publisher == publisher


BODY = "".join(
    f"<p>Dock workers at terminal {n} will stay out for a {n}th day after talks with the "
    f"port operator broke up without a deal on Monday evening, the union said.</p>"
    for n in range(2, 14)
)


@pytest.mark.parametrize(
    ("changes", "kind"),
    [
        ((), "caption-only"),
        # The body is in the page, in markup the extractor misses (a script-filled div
        # holding paragraphs that trafilatura drops with its container).
        (
            (
                (
                    '<div class="article-body" id="article-body" data-loading="true"></div>',
                    '<div class="article-body" id="article-body" data-loading="true"></div>'
                    '<aside class="newsletter-promo">' + BODY * 12 + "</aside>",
                ),
            ),
            "caption-only",
        ),
        # The body came through: no warning.
        (
            (
                (
                    '<div class="article-body" id="article-body" data-loading="true"></div>',
                    '<div class="article-body" id="article-body">' + BODY + "</div>",
                ),
            ),
            None,
        ),
    ],
    ids=["caption", "caption-with-hidden-body", "body"],
)
def test_ingest_html_warns_when_the_body_is_a_caption(tmp_path, changes, kind):
    (tmp_path / "page.html").write_text(_variant("caption_only_page.html", *changes), "utf-8")
    items = read_all(tmp_path)
    warnings = [i for i in items if getattr(i, "level", None) == "warning"]
    assert len([i for i in items if getattr(i, "text", None)]) == 1  # the article is kept
    assert [w.kind for w in warnings] == ([kind] if kind else [])
    if kind:
        assert "photo caption" in warnings[0].error and ".txt or .md" in warnings[0].error


PARAGRAPH = "<p>" + " ".join(f"word{n}" for n in range(40)) + ".</p>"
CAPTION = "<figure><figcaption>Cranes stand idle at the eastern terminal on Monday, day seven.</figcaption></figure>"


@pytest.mark.parametrize(
    ("page", "text", "kind"),
    [
        # 12 words kept from a page of 200 words of paragraphs: the body was missed.
        (
            PARAGRAPH * 5,
            "A teaser of twelve words that the extractor kept from the page.",
            "short-body",
        ),
        # The paragraphs are navigation or a footer: not the body.
        (
            "<footer>" + PARAGRAPH * 5 + "</footer>",
            "A short brief of twelve words, all the page has to say.",
            None,
        ),
        # Enough text came through: no check.
        (PARAGRAPH * 5, " ".join(["Eighty words or more."] * 20), None),
        # The caption is the body.
        (
            CAPTION + PARAGRAPH,
            "Cranes stand idle at the eastern terminal on Monday, day seven.",
            "caption-only",
        ),
        # A brief that quotes its photo's caption but has words of its own.
        (
            CAPTION,
            "Cranes stand idle at the eastern terminal on Monday, day seven. "
            + "More text here. " * 12,
            None,
        ),
    ],
    ids=["missed", "furniture", "long-enough", "caption", "brief-with-caption"],
)
def test_ingest_html_thin_body_check(page, text, kind):
    from lxml import html as lxml_html

    from newsclaims.ingest.html import _thin_body

    tree = lxml_html.document_fromstring(f"<html><body>{page}</body></html>")
    warning = _thin_body(tree, text)
    assert (warning[0] if warning else None) == kind
