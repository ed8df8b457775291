"""Article metadata from a mapping (YAML front matter or a JSON object), by key aliases.

Keys are matched case-insensitively and with `-`, `_` and spaces ignored, so `datePublished`,
`date_published` and `Date Published` are one key. The alias tuples are the documented list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from newsclaims.ingest.dates import parse_date

TITLE_KEYS = ("title", "headline")
DATE_KEYS = (
    "published",
    "date",
    "publish_date",
    "published_date",
    "date_published",
    "datePublished",
    "published_at",
    "pubDate",
    "date_publish",
    "publication_date",
    "created_at",
)
URL_KEYS = ("url", "link", "canonical_url", "canonical", "permalink")
PUBLISHER_KEYS = ("publisher", "source", "site_name", "sitename", "source_domain", "outlet")
AUTHOR_KEYS = ("author", "authors", "byline", "by", "creator")


@dataclass(frozen=True)
class Metadata:
    """What an input says about its article besides the body text."""

    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    author: str | None = None
    publisher: str | None = None
    published_from: str | None = None
    """Where `published` came from in a web page (`json-ld`, `meta`, `url`, `text`); None
    for a field of the input itself (front matter, a JSON key): `Article.published_from`
    is then `article`."""
    warnings: tuple[tuple[str, str], ...] = ()
    """(kind, sentence) pairs about the input that do not stop it, such as a page whose
    extracted body is only a photo caption."""

    def merged(self, fallback: Metadata) -> Metadata:
        """This metadata, with empty fields taken from `fallback`."""
        own_date = self.published is not None
        return Metadata(
            title=self.title or fallback.title,
            published=self.published or fallback.published,
            url=self.url or fallback.url,
            author=self.author or fallback.author,
            publisher=self.publisher or fallback.publisher,
            published_from=self.published_from if own_date else fallback.published_from,
            warnings=self.warnings + fallback.warnings,
        )


_KEY_NOISE = re.compile(r"[\s_-]")


def _key(name: object) -> str:
    return _KEY_NOISE.sub("", str(name)).casefold()


@cache
def _alias_keys(aliases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_key(alias) for alias in aliases)


def _folded(mapping: Mapping[object, object]) -> dict[str, object]:
    return {_key(key): value for key, value in mapping.items()}


def lookup(mapping: Mapping[object, object], aliases: tuple[str, ...]) -> object | None:
    """The value of the first alias present (and not empty) in `mapping`."""
    return _first(_folded(mapping), aliases)


def _first(folded: dict[str, object], aliases: tuple[str, ...]) -> object | None:
    for alias in _alias_keys(aliases):
        value = folded.get(alias)
        if value not in (None, "", [], {}):
            return value
    return None


def as_text(value: object) -> str | None:
    """A one-line string from a scalar, a list of names or a `{"name": ...}` object."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        return as_text(value.get("name") or value.get("@id") or value.get("url"))
    if isinstance(value, list | tuple):
        names = [name for name in (as_text(item) for item in value) if name]
        return "; ".join(names) or None
    if isinstance(value, bool | dt.date):
        return None
    text = " ".join(str(value).split())
    return text or None


def metadata_from_mapping(mapping: Mapping[object, object]) -> Metadata:
    """Title, publication date, url, author and publisher found under their aliases."""
    folded = _folded(mapping)  # once for the five fields
    return Metadata(
        title=as_text(_first(folded, TITLE_KEYS)),
        published=parse_date(_first(folded, DATE_KEYS)),
        url=as_text(_first(folded, URL_KEYS)),
        author=as_text(_first(folded, AUTHOR_KEYS)),
        publisher=as_text(_first(folded, PUBLISHER_KEYS)),
    )
