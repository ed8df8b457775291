"""Structured metadata of a saved web page: JSON-LD, meta tags, microdata, the URL's date.

News CMSs (WordPress/Yoast, Arc, Brightspot, Drupal, Ghost) say when an article was
published and by whom in markup made for machines: a JSON-LD `NewsArticle` with
`datePublished` and `publisher`, Open Graph `article:published_time` and `og:site_name`,
`itemprop="datePublished"`, Dublin Core `DC.date.issued`, a `/2024/06/07/` path. That is
preferred over dates found in the page text, where a masthead's "today's date" box or a
related-story teaser sits beside the article.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from newsclaims.ingest.dates import parse_date

# Meta tags that hold the publication date, by their property, name or itemprop (lower
# case). Sources: the Open Graph article vocabulary, schema.org, Dublin Core, and the
# tags WordPress, Parse.ly, Sailthru and Google News sitemaps document.
DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "date",
)
PUBLISHER_META = ("og:site_name", "application-name", "publisher", "dc.publisher")
ARTICLE_TYPES = frozenset(
    "article newsarticle reportagenewsarticle analysisnewsarticle opinionnewsarticle "
    "backgroundnewsarticle reviewnewsarticle blogposting liveblogposting socialmediaposting "
    "report webpage".split()
)
# /2024/06/07/, /2024-06-07-, /20240607/ in a URL path (the day part optional for /2024/06/).
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=[/-]|\.html?|$)"
    r"|/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=/)"
)
_TITLE_SEPARATOR = re.compile(r"\s+[|–—·:»-]\s+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class PageMetadata:
    """What the markup of a page says, each field with where it came from."""

    published: dt.date | None = None
    published_from: str | None = None  # "json-ld", "meta" or "url"
    publisher: str | None = None
    title_tag: str | None = None
    headline: str | None = None
    url: str | None = None


def _json_ld_objects(root: Any) -> list[dict]:
    """Every object of the page's JSON-LD blocks, `@graph` members included."""
    found: list[dict] = []

    def walk(value: Any) -> None:
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            found.append(value)
            walk(value.get("@graph"))

    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            walk(json.loads(script.text or ""))
        except ValueError:
            continue
    return found


def _types(item: dict) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1].lower() for k in kinds if k}


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _meta(root: Any) -> dict[str, str]:
    """Meta tag values by lower-cased property, name or itemprop (first one wins)."""
    values: dict[str, str] = {}
    for tag in root.iter("meta"):
        content = (tag.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (tag.get(attribute) or "").strip().lower()
            if key:
                values.setdefault(key, content)
    return values


def url_date(url: str | None) -> dt.date | None:
    """The date in a URL path such as `/2024/06/07/ecb-cut` or `/20240607/`, or None."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.IGNORECASE)
    match = _URL_DATE.search(path)
    if match is None:
        return None
    year, month, day = (g for g in match.groups() if g)
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _canonical(root: Any, meta: dict[str, str]) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return link.get("href").strip()
    return meta.get("og:url")


def page_metadata(root: Any) -> PageMetadata:
    """The structured metadata of a parsed page (an lxml tree)."""
    objects = _json_ld_objects(root)
    articles = [o for o in objects if _types(o) & ARTICLE_TYPES]
    meta = _meta(root)
    published, published_from = None, None
    for item in articles:
        published = parse_date(item.get("datePublished") or item.get("dateCreated"))
        if published:
            published_from = "json-ld"
            break
    if published is None:
        for key in DATE_META:
            published = parse_date(meta[key]) if key in meta else None
            if published:
                published_from = "meta"
                break
    if published is None:
        for element in root.iter("time"):
            if (element.get("itemprop") or "").lower() == "datepublished":
                published = parse_date(element.get("datetime") or element.text_content())
                if published:
                    published_from = "meta"
                    break
    url = next((o.get("url") for o in articles if isinstance(o.get("url"), str)), None)
    url = _canonical(root, meta) or url
    if published is None and url_date(url):
        published, published_from = url_date(url), "url"
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}

    def named(value: Any) -> str | None:  # {"@id": "#organization"} points into the graph
        if isinstance(value, dict) and "name" not in value and value.get("@id") in by_id:
            value = by_id[value["@id"]]
        return _name(value)

    publisher = next((named(o["publisher"]) for o in articles if named(o.get("publisher"))), None)
    publisher = publisher or next((meta[k] for k in PUBLISHER_META if k in meta), None)
    title = root.find(".//title")
    headline = next((_name(o.get("headline")) for o in articles if _name(o.get("headline"))), None)
    return PageMetadata(
        published=published,
        published_from=published_from,
        publisher=" ".join(publisher.split()) if publisher else None,
        title_tag=" ".join(title.text_content().split()) if title is not None else None,
        headline=headline or meta.get("og:title"),
        url=url,
    )


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def is_headline(candidate: str, headline: str | None) -> bool:
    """True when a publisher candidate is really the article's headline (or most of it)."""
    if not headline:
        return False
    mine, theirs = _words(candidate), _words(headline)
    if not mine or not theirs:
        return False
    return len(mine & theirs) >= 0.8 * len(theirs) or len(mine & theirs) >= 0.8 * len(mine) >= 4


def site_from_title(title_tag: str | None, headline: str | None) -> str | None:
    """The site name in a `<title>` such as `Headline | Site` or `Site - Headline`: the
    part that is not the headline."""
    if not title_tag or not headline:
        return None
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(title_tag) if p.strip()]
    if len(parts) < 2:
        return None
    others = [p for p in parts if not is_headline(p, headline)]
    if len(others) != 1 or len(others[0].split()) > 8:
        return None
    return others[0]
