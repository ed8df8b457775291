"""The headline at the top of a body: it becomes the title and leaves the text.

Headlines are never claims, yet they often carry figures (`AITO delivers 12,018 vehicles
in Oct`); a body that starts with its headline would make one.
"""

from __future__ import annotations

import re

from newsclaims.ingest.layout import is_list_item, layout_kind

_ENDS_CLAUSE = re.compile(r"[.!?…:;,][\"'”’)\]]*$")
_MIN_WORDS, _MAX_WORDS = 3, 20
_SITE_SUFFIX = re.compile(r"\s+[|–—·:-]\s+.{1,60}")


def repeats_title(paragraph: str, title: str) -> bool:
    """True when `paragraph` is the title, up to case, spacing and a `| Site name` suffix."""
    paragraph = " ".join(paragraph.split()).casefold()
    title = " ".join(title.split()).casefold()
    if paragraph == title:
        return True
    rest = title.removeprefix(paragraph)
    return bool(paragraph) and rest != title and _SITE_SUFFIX.fullmatch(rest) is not None


def looks_like_headline(paragraph: str) -> bool:
    """A short single line with no sentence end that is not a byline, caption or list item."""
    words = paragraph.split()
    if not _MIN_WORDS <= len(words) <= _MAX_WORDS or "\n" in paragraph:
        return False
    if not (paragraph[0].isupper() or paragraph[0].isdigit() or paragraph[0] in "\"“‘'"):
        return False
    if _ENDS_CLAUSE.search(paragraph) or is_list_item(paragraph):
        return False
    return layout_kind(paragraph) is None


def split_headline(text: str, *, title: str | None) -> tuple[str | None, str]:
    """(title, text). A first paragraph repeating `title` is dropped; with no title, a first
    paragraph that looks like a headline becomes the title. `text` is normalised."""
    paragraphs = text.split("\n\n")
    if len(paragraphs) < 2:
        return title, text
    if title:
        if repeats_title(paragraphs[0], title):
            return title, "\n\n".join(paragraphs[1:])
        return title, text
    if looks_like_headline(paragraphs[0]):
        return paragraphs[0], "\n\n".join(paragraphs[1:])
    return None, text
