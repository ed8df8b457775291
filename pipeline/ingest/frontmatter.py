"""YAML front matter between `---` lines at the top of a Markdown or text file.

Bad front matter never loses the article: the body is still read, the metadata is
ignored and a warning is logged.
"""

from __future__ import annotations

import logging
import re

import yaml

from newsclaims.ingest.metadata import Metadata, metadata_from_mapping

logger = logging.getLogger("newsclaims.ingest")

_OPENING = re.compile(r"\A(?:[ \t]*\n)*---[ \t]*\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
# libyaml's loader when PyYAML was built with it: the same safe schema, about ten times
# faster than the pure-Python one (front matter was a quarter of reading a Markdown file).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split_front_matter(text: str, *, source: str = "") -> tuple[Metadata | None, str]:
    """(metadata, body): metadata is None when there is no front matter or it is unusable."""
    opening = _OPENING.match(text)
    if not opening:
        return None, text
    closing = _CLOSING.search(text, opening.end())
    if not closing:
        # A lone `---` on the first line is a Markdown rule, not front matter.
        return None, text
    block, body = text[opening.end() : closing.start()], text[closing.end() :]
    try:
        data = yaml.load(block, Loader=_LOADER)
    except yaml.YAMLError as err:
        logger.warning(
            "%s: front matter is not valid YAML (%s); metadata ignored, body read",
            source,
            " ".join(str(err).split()),
        )
        return None, body
    if data is None:
        return Metadata(), body
    if not isinstance(data, dict):
        logger.warning(
            "%s: front matter is a YAML %s, not key: value pairs; metadata ignored, body read",
            source,
            type(data).__name__,
        )
        return None, body
    return metadata_from_mapping(data), body
