"""One file to its articles: format by extension, then decode, parse, normalise, assemble."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from pathlib import Path
from types import MappingProxyType

from newsclaims.ingest.decode import decode_bytes, read_bytes
from newsclaims.ingest.errors import IngestError, IngestWarning, Skipped
from newsclaims.ingest.frontmatter import split_front_matter
from newsclaims.ingest.headline import split_headline
from newsclaims.ingest.html import extract_page
from newsclaims.ingest.jsonfiles import read_json_file, read_jsonl_file
from newsclaims.ingest.markdown import markdown_to_text
from newsclaims.ingest.metadata import Metadata
from newsclaims.ingest.normalize import clean_characters, normalize_text
from newsclaims.models import Article, InputError
from newsclaims.models.ids import article_id, content_hash

logger = logging.getLogger("newsclaims.ingest")

FORMATS = MappingProxyType(
    {
        ".md": "markdown",
        ".markdown": "markdown",
        ".txt": "text",
        ".html": "html",
        ".htm": "html",
        ".json": "json",
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
    }
)
"""File extension (lower case) -> `Article.format`."""

EMPTY_MESSAGE = "The file is empty. Add the article text or remove the file."
BLANK_MESSAGE = "The file holds only whitespace, no article text. Add the text or remove the file."
FRONT_MATTER_ONLY_MESSAGE = (
    "The file has front matter but no article text after its closing `---` line. "
    "Add the article body below it."
)
NO_BODY_MESSAGE = (
    "The file has no body text once its markup is removed (only a title, images, links "
    "or comments). Add the article text."
)


def read_file(
    path: Path, source: str, *, reference_date: dt.date | None = None
) -> Iterator[Article | InputError | Skipped]:
    """The articles of one file (several for JSON lists and JSON Lines), errors included."""
    suffix = path.suffix.lower()
    fmt = FORMATS.get(suffix)
    if fmt is None:
        reason = f"unsupported file type {suffix}" if suffix else "unsupported file type (none)"
        logger.info("%s: skipped, %s", source, reason)
        yield Skipped(source, reason)
        return
    if fmt in ("json", "jsonl"):
        items = read_json_file(path, source) if fmt == "json" else read_jsonl_file(path, source)
        for item_source, item in items:
            if isinstance(item, IngestWarning):
                yield _warning(item_source, item.message)
                continue
            if isinstance(item, IngestError):
                yield _error(item_source, item)
                continue
            metadata, raw = item
            try:
                text = _body(raw, message="The article body is empty. Add the article text.")
            except IngestError as err:
                yield _error(item_source, err)
                continue
            yield build_article(item_source, fmt, metadata, text, reference_date=reference_date)
        return
    warnings: list[str] = []
    try:
        metadata, text = _read_document(path, source, fmt, warnings=warnings)
    except IngestError as err:
        yield _error(source, err)
        return
    for message in warnings:
        yield _warning(source, message)
    yield build_article(source, fmt, metadata, text, reference_date=reference_date)
    for kind, message in metadata.warnings:
        logger.warning("%s: %s", source, message)
        yield InputError(source=source, error=message, level="warning", kind=kind)


def _read_document(
    path: Path, source: str, fmt: str, *, warnings: list[str]
) -> tuple[Metadata, str]:
    data = read_bytes(path)
    if not data:
        raise IngestError(EMPTY_MESSAGE)
    text = decode_bytes(data, warnings=warnings)
    if not text.strip():
        raise IngestError(BLANK_MESSAGE)
    if fmt == "html":
        metadata, body = extract_page(text, source=source)
        return metadata, _body(body, message=NO_BODY_MESSAGE)
    front, body = split_front_matter(text, source=source)
    metadata = front or Metadata()
    if not body.strip():
        raise IngestError(FRONT_MATTER_ONLY_MESSAGE if front is not None else BLANK_MESSAGE)
    if fmt == "markdown":
        title, body = markdown_to_text(body)
        metadata = metadata.merged(Metadata(title=title))
    return metadata, _body(body, message=NO_BODY_MESSAGE)


def _body(raw: str, *, message: str) -> str:
    text = normalize_text(raw)
    if not text:
        raise IngestError(message)
    return text


def _warning(source: str, message: str) -> InputError:
    logger.warning("%s: %s", source, message)
    return InputError(source=source, error=message, level="warning", kind="bad-bytes")


def _error(source: str, err: IngestError) -> InputError:
    logger.warning("%s: %s", source, err.message)
    return InputError(source=source, error=err.message)


def _clean_field(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(clean_characters(value).split())
    return value or None


def build_article(
    source: str,
    fmt: str,
    metadata: Metadata,
    text: str,
    *,
    reference_date: dt.date | None = None,
) -> Article:
    """The Article record: the headline split off, ids and hash computed, the date filled.

    `reference_date` fills `published` only when the article gives none; it never overrides.
    """
    title, body = split_headline(text, title=_clean_field(metadata.title))
    published = metadata.published
    published_from = (metadata.published_from or "article") if published else None
    if published is None and reference_date is not None:
        published, published_from = reference_date, "reference"
    return Article(
        id=article_id(source),
        source=source,
        title=title,
        published=published,
        published_from=published_from,
        url=_clean_field(metadata.url),
        author=_clean_field(metadata.author),
        publisher=_clean_field(metadata.publisher),
        format=fmt,
        content_hash=content_hash(body),
        text=body,
    )
