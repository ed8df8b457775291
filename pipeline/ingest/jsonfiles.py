"""JSON articles: one object per `.json` file, a list of them, or one per line (`.jsonl`).

Each article of a list or a JSON Lines file stands alone: a bad one gives one error with
its `#N` source and the others are still read. JSON Lines files are read line by line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from newsclaims.ingest.decode import (
    BINARY_MESSAGE,
    check_not_binary,
    decode_bytes,
    detect_encoding,
    read_bytes,
    replaced_message,
    size_text,
)
from newsclaims.ingest.errors import IngestError, IngestWarning
from newsclaims.ingest.html import fragment_to_text, looks_like_html, strip_inline_tags
from newsclaims.ingest.metadata import Metadata, lookup, metadata_from_mapping

BODY_KEYS = (
    "body",
    "text",
    "content",
    "article_body",
    "articleBody",
    "maintext",
    "article_text",
    "full_text",
)
_SAMPLE_BYTES = 65536
MAX_LINE_BYTES = 8 * 1024 * 1024
"""Longest JSON Lines line read (one article): a longer one is an error line, skipped
without being held in memory. The longest real articles are well under 1 MB of JSON."""

Item = tuple[str, tuple[Metadata, str] | IngestError | IngestWarning]
"""(source, (metadata, raw body text) or the error of that article), or a warning about the
article that follows (bad bytes replaced)."""


def article_from_object(value: object, *, what: str = "The JSON value") -> tuple[Metadata, str]:
    """(metadata, body text) of one article object; IngestError when it is not usable."""
    if not isinstance(value, Mapping):
        raise IngestError(
            f"{what} is {_json_kind(value)}, not an article object. Each article must be a "
            f"JSON object with its text under one of: {', '.join(BODY_KEYS)}."
        )
    body = lookup(value, BODY_KEYS)
    if body is None:
        raise IngestError(
            "The article object has no body text. Put the article text under one of the "
            f"keys: {', '.join(BODY_KEYS)}."
        )
    if isinstance(body, list) and all(isinstance(part, str) for part in body):
        body = "\n\n".join(body)
    if not isinstance(body, str):
        raise IngestError(
            f"The article body is {_json_kind(body)}, not text. Put the article text as a "
            "string (or a list of paragraph strings) under the body key."
        )
    if looks_like_html(body):
        body = fragment_to_text(body)
    elif "<" in body:
        body = strip_inline_tags(body)
    return metadata_from_mapping(value), body


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def read_json_file(path: Path, source: str) -> Iterator[Item]:
    """The article of a `.json` file, or each article (`source#N`) of a JSON list."""
    try:
        data = read_bytes(path)
        if not data.strip():
            raise IngestError("The file is empty. Add the article JSON or remove the file.")
        warnings: list[str] = []
        text = decode_bytes(data, warnings=warnings)
        try:
            value = json.loads(text)
        except json.JSONDecodeError as err:
            raise IngestError(
                f"The file is not valid JSON: {err.msg} at line {err.lineno}, column "
                f"{err.colno}. Fix the JSON there (for one article per line, use a .jsonl "
                "file)."
            ) from err
    except IngestError as err:
        yield source, err
        return
    for message in warnings:
        yield source, IngestWarning(message)
    if not isinstance(value, list):
        yield source, _attempt(value, what="The JSON value")
        return
    if not value:
        yield source, IngestError("The JSON list is empty: there is no article in this file.")
    for index, item in enumerate(value, start=1):
        yield f"{source}#{index}", _attempt(item, what=f"Item {index} of the JSON list")


def read_jsonl_file(path: Path, source: str) -> Iterator[Item]:
    """Each article of a JSON Lines file, as `source#N` with N the 1-based physical line."""
    try:
        with path.open("rb") as stream:
            encoding = detect_encoding(stream.read(_SAMPLE_BYTES))
            if encoding.startswith(("utf-16", "utf-32")):
                lines = decode_bytes(read_bytes(path)).split("\n")
                yield from _read_lines(((n, line, None) for n, line in enumerate(lines, 1)), source)
                return
            stream.seek(0)
            encoding = "utf-8-sig" if encoding == "utf-8" else encoding
            yield from _read_lines(_decoded_lines(stream, encoding), source)
    except IngestError as err:
        yield source, err
    except PermissionError:
        yield (
            source,
            IngestError(
                "The file cannot be read: permission denied. Check its permissions "
                "(for example `chmod +r`) or remove it from the inputs."
            ),
        )
    except OSError as err:
        yield (
            source,
            IngestError(
                f"The file cannot be read ({err.strerror or err}). Check that it exists and is "
                "readable."
            ),
        )


def _physical_lines(stream: BinaryIO, *, limit: int) -> Iterator[bytes | None]:
    """Each line of `stream` as bytes, or None for a line longer than `limit` bytes, which is
    skipped a block at a time (never held in memory whole)."""
    while raw := stream.readline(limit + 1):
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield raw


def _decoded_lines(
    stream: BinaryIO, encoding: str
) -> Iterator[tuple[int, str | IngestError, str | None]]:
    """(physical line number, text or the error of that line, a warning about it), one line
    in memory at a time. A UTF-8 line with a few bad bytes is read with them replaced."""
    for number, raw in enumerate(_physical_lines(stream, limit=MAX_LINE_BYTES), start=1):
        if raw is None:
            yield number, IngestError(_too_long(number)), None
            continue
        try:
            if b"\x00" in raw:
                raise IngestError(BINARY_MESSAGE)
            yield number, raw.decode(encoding), None
        except UnicodeDecodeError:
            if encoding.startswith("utf-8"):
                text = raw.decode(encoding, errors="replace")
                bad = text.count("\ufffd") - raw.count(b"\xef\xbf\xbd")
                yield number, text, f"Line {number}: {replaced_message(bad)}"
                continue
            yield (
                number,
                IngestError(
                    f"Line {number} is not valid {encoding} text. Re-save the file as UTF-8."
                ),
                None,
            )
        except IngestError as err:
            yield number, err, None


def _too_long(number: int) -> str:
    return (
        f"Line {number} is longer than {size_text(MAX_LINE_BYTES)}, the limit for one "
        "JSON Lines line (one article); it was skipped and the other lines are read. A news "
        "article is far shorter: check that the line holds one article, or split it."
    )


def _read_lines(
    lines: Iterable[tuple[int, str | IngestError, str | None]], source: str
) -> Iterator[Item]:
    seen = False
    for number, line, warning in lines:
        if isinstance(line, str) and not line.strip():
            continue
        seen = True
        item_source = f"{source}#{number}"
        if warning is not None:
            yield item_source, IngestWarning(warning)
        if isinstance(line, IngestError):
            yield item_source, line
            continue
        try:
            check_not_binary(line)
            value = json.loads(line)
        except IngestError as err:
            yield item_source, err
            continue
        except json.JSONDecodeError as err:
            yield (
                item_source,
                IngestError(
                    f"Line {number} is not valid JSON: {err.msg} at column {err.colno}. Fix or "
                    "remove this line; the other lines are read."
                ),
            )
            continue
        yield item_source, _attempt(value, what=f"Line {number}")
    if not seen:
        yield (
            source,
            IngestError(
                "The file has no articles: every line is blank. Add one JSON article object "
                "per line, or remove the file."
            ),
        )


def _attempt(value: object, *, what: str) -> tuple[Metadata, str] | IngestError:
    try:
        return article_from_object(value, what=what)
    except IngestError as err:
        return err
