"""Stable identifiers a database can key on: the same input gives the same id everywhere."""

from __future__ import annotations

import hashlib


def _digest(*parts: str, size: int = 16) -> str:
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8"))
    return h.hexdigest()[:size]


def article_id(source: str) -> str:
    """Id of an article: from its source path, so an edited article keeps its id."""
    return "a_" + _digest("article", source)


def content_hash(text: str) -> str:
    """Hash of an article's body text: tells a changed article from an unchanged one."""
    return _digest("text", text, size=32)


def claim_id(article: str, text: str, occurrence: int, part: int = 0) -> str:
    """Id of a claim: its article, its sentence text, which repeat of that sentence, which part.

    Offsets are left out on purpose: an edit elsewhere in the article keeps the ids of
    unchanged sentences, so review decisions stay attached to them.
    """
    return "c_" + _digest("claim", article, text, str(occurrence), str(part))
