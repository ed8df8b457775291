"""HTML to article text: trafilatura for whole pages, a small renderer for body fragments.

Pages: trafilatura finds the main text (navigation, related links, newsletter boxes,
cookie banners and footers stay out) and the metadata (title, date, canonical url,
author, site name). Its tree is rendered here rather than with `extract()` so that every
paragraph, heading and list item becomes one paragraph separated by a blank line.
Fragments (HTML inside a JSON body) are rendered the same way without extraction.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
from functools import cache
from typing import Any

from newsclaims.ingest.dates import parse_date
from newsclaims.ingest.errors import IngestError
from newsclaims.ingest.metadata import Metadata, as_text
from newsclaims.ingest.pagemeta import PageMetadata, is_headline, page_metadata, site_from_title

logger = logging.getLogger("newsclaims.ingest")

# Elements that start and end a paragraph (trafilatura's TEI-like tags and HTML tags).
_BLOCKS = frozenset(
    "p head item list quote table row div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote "
    "figcaption figure section article header footer main pre tr caption address details "
    "summary body html hr center".split()
)
_LINE_BREAKS = frozenset({"lb", "br"})
# Elements whose content never belongs to the article text.
_DROPPED = frozenset(
    "script style noscript template iframe svg img graphic video audio source picture "
    "button form input select textarea nav aside object embed map canvas".split()
)
_CELLS = frozenset({"cell", "td", "th"})
_PAGE_FURNITURE = frozenset({"header", "footer", "nav", "aside", "title", "head"})
_BLOCK_TAG = re.compile(
    r"<(?:p|br|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|table|tr|section|article)\b",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_WHITESPACE = re.compile(r"\s+")
# A paragraph that reads as prose: five words or more and a sentence end.
_PROSE = re.compile(r"(?:\S+\s+){4,}\S*\w\S*[.!?][\"'”’)]*(?:\s|$)")

THIN_BODY_WORDS = 80
"""A body shorter than this is checked against the page: is it only a caption or teaser?"""
CAPTION_WORDS, NOT_CAPTION_WORDS = 8, 30
"""A caption (of 8 words or more) in a short body leaving fewer than 30 other words (a
headline, a byline, a "please enable JavaScript" line): the body is only the caption."""
CAPTION_MESSAGE = (
    "Only {words} words of article text were found in this page, mostly a photo "
    "caption: the article body was probably missed (loaded by a script, or in unusual "
    "markup). Check the page in a browser, or save the article text as .txt or .md."
)
MISSED_BODY_MESSAGE = (
    "Only {words} words of article text were found in this page, which holds about "
    "{page_words} words in paragraphs: the article body was probably missed. Check "
    "articles.jsonl for this page, or save the article text as .txt or .md."
)
_NOT_BODY = frozenset({"nav", "header", "footer", "aside", "figure", "form", "figcaption"})

NO_TEXT_MESSAGE = (
    "No article text was found in this HTML page (only navigation, links or other "
    "page furniture). Save the article page itself, or its text as .txt or .md."
)


def looks_like_html(text: str) -> bool:
    """True when `text` uses HTML block tags (`<p>`, `<br>`, `<div>`, ...)."""
    return _BLOCK_TAG.search(text) is not None


def strip_inline_tags(text: str) -> str:
    """Plain text with stray inline tags (`<a>`, `<em>`) and entities resolved."""
    return html.unescape(_ANY_TAG.sub("", text))


def render_tree(root: Any) -> str:
    """Text of an lxml tree: one paragraph per block element, `\\n` for each line break."""
    parts: list[str] = []
    _render(root, parts, preformatted=False)
    text = "".join(parts)
    return re.sub(r" *\n *", "\n", text)


def _render(element: Any, parts: list[str], *, preformatted: bool) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    tag = tag.rsplit("}", 1)[-1].lower()
    if tag and tag not in _DROPPED:
        if tag in _LINE_BREAKS:
            parts.append("\n")
        elif tag in _BLOCKS:
            parts.append("\n\n")
        elif tag in _CELLS:
            parts.append(" ")
        inner_pre = preformatted or tag == "pre"
        parts.append(_flow(element.text, preformatted=inner_pre))
        for child in element:
            _render(child, parts, preformatted=inner_pre)
        if tag in _BLOCKS:
            parts.append("\n\n")
    parts.append(_flow(element.tail, preformatted=preformatted))


def _flow(text: str | None, *, preformatted: bool) -> str:
    if not text:
        return ""
    return text if preformatted else _WHITESPACE.sub(" ", text)


def fragment_to_text(fragment: str, *, drop: frozenset[str] = frozenset()) -> str:
    """Text of an HTML fragment such as a JSON body made of `<p>` elements.

    Elements named in `drop` are left out with their content, as are scripts and styles.
    """
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(f"<html><body>{fragment}</body></html>")
    except (etree.ParserError, ValueError):
        return strip_inline_tags(fragment)
    for element in list(root.iter(*drop)) if drop else ():
        element.drop_tree()
    body = root.find("body")
    return render_tree(body if body is not None else root)


def extract_page(page: str, *, source: str = "") -> tuple[Metadata, str]:
    """(metadata, text) of a whole HTML page; IngestError when it holds no article text.

    Precision mode first (it keeps boilerplate out); the balanced mode as a fallback for
    pages it empties, such as old layouts built from tables.
    """
    import trafilatura

    _justext_stoplist_as_set()
    metadata = Metadata()
    tree = _parse(page)
    structured = page_metadata(tree) if tree is not None else PageMetadata()
    for precision in (True, False):
        try:
            document = trafilatura.bare_extraction(
                page, options=_options(precision, dt.date.today() + dt.timedelta(days=1))
            )
        except Exception as err:  # trafilatura raises many kinds on broken markup
            logger.warning("%s: trafilatura failed (%s)", source, err)
            document = None
        if document is None:
            continue
        metadata = _page_metadata(document, structured)
        text = render_tree(document.body)
        if any(_PROSE.search(paragraph) for paragraph in text.split("\n\n")):
            warning = _thin_body(tree, text) if tree is not None else None
            if warning:
                metadata = Metadata(**{**metadata.__dict__, "warnings": (warning,)})
            return metadata, text
        logger.debug("%s: no prose with favor_precision=%s", source, precision)
    # Last resort for bare fragments saved as .html (`<p>...</p>`), which trafilatura
    # refuses: the whole body without navigation, headers, footers and asides.
    text = fragment_to_text(page, drop=_PAGE_FURNITURE)
    if any(_PROSE.search(paragraph) for paragraph in text.split("\n\n")):
        return metadata, text
    raise IngestError(NO_TEXT_MESSAGE)


@cache
def _justext_stoplist_as_set() -> None:
    """trafilatura's justext fallback (pages whose body holds asides, figures, navigation
    or too little text) looks words up in the union of every justext stop list, which it
    keeps as a tuple of 154,000 words: justext's cached lowercasing hashes that whole tuple
    at every call (about 7 ms a page). Kept as a frozenset of the same words instead (its
    hash is computed once), so that the lookups, and the page text, stay the same. Still
    built on first need, as before."""
    from trafilatura import external

    built = getattr(external, "JT_STOPLIST", ()) is not None
    if built or not hasattr(external, "jt_stoplist_init"):
        return  # already built, or another trafilatura: left alone

    def stoplist_init() -> frozenset[str]:
        from justext.utils import get_stoplist, get_stoplists

        words = frozenset(word for language in get_stoplists() for word in get_stoplist(language))
        external.JT_STOPLIST = words
        return words

    external.jt_stoplist_init = stoplist_init


@cache
def _options(precision: bool, max_date: dt.date) -> Any:
    """trafilatura's settings for one mode, made once per process (and day): building them
    reads its configuration file's values each time, which `bare_extraction` does when
    given keyword options. Nothing in an extraction changes them."""
    from trafilatura.settings import Extractor

    return Extractor(
        output_format="python",
        precision=precision,
        with_metadata=True,
        comments=False,
        tables=False,
        images=False,
        links=False,
        date_params={
            "original_date": True,
            # the extensive search takes `© 2022` in a footer for a date
            "extensive_search": False,
            "max_date": max_date.isoformat(),
        },
    )


def _parse(page: str) -> Any:
    from lxml import etree
    from lxml import html as lxml_html

    try:
        return lxml_html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return None


def _page_metadata(document: Any, structured: PageMetadata) -> Metadata:
    """trafilatura's metadata, with the page's structured markup preferred for the date
    (over dates in the page text) and checked for the publisher (never the headline)."""
    title = as_text(document.title)
    if structured.published is not None:
        published, published_from = structured.published, structured.published_from
    else:
        published = parse_date(document.date)
        published_from = "text" if published else None
    return Metadata(
        title=title,
        published=published,
        url=as_text(document.url) or structured.url,
        author=as_text(document.author),
        publisher=_publisher(document, structured, title),
        published_from=published_from,
    )


def _publisher(document: Any, structured: PageMetadata, title: str | None) -> str | None:
    """The site's name: JSON-LD `publisher` or `og:site_name`, else trafilatura's guess,
    else the part of `<title>` that is not the headline; never the headline itself
    (trafilatura takes it from `Headline - Site` titles on pages without a site name)."""
    headline = title or structured.headline
    candidates = (structured.publisher, as_text(document.sitename))
    for candidate in candidates:
        if candidate and not is_headline(candidate, headline):
            return candidate
    return site_from_title(structured.title_tag, headline)


def _words_in(element: Any) -> int:
    return len(element.text_content().split())


def _thin_body(tree: Any, text: str) -> tuple[str, str] | None:
    """A warning when a short extracted body is a photo caption, or much shorter than the
    paragraphs of the page: the article body was probably missed."""
    words = len(text.split())
    if words >= THIN_BODY_WORDS:
        return None
    captions = [
        " ".join(e.text_content().split())
        for e in tree.iter()
        if isinstance(e.tag, str)
        and (e.tag == "figcaption" or "caption" in (e.get("class") or "").lower())
    ]
    body = " ".join(text.split())
    rest = body
    for caption in captions:
        if len(caption.split()) >= CAPTION_WORDS:
            rest = rest.replace(caption, " ")
    if rest != body and len(rest.split()) < NOT_CAPTION_WORDS:
        return "caption-only", CAPTION_MESSAGE.format(words=words)
    page_words = sum(
        _words_in(p)
        for p in tree.iter("p")
        if not any(isinstance(a.tag, str) and a.tag in _NOT_BODY for a in p.iterancestors())
    )
    if page_words >= max(150, 3 * words) and body:
        return "short-body", MISSED_BODY_MESSAGE.format(words=words, page_words=page_words)
    return None
