"""Figures: cardinal quantities, money, percentages and rates found in a Doc (guide section 4).

from newsclaims.extraction.figures import find_figures, parse_figure
find_figures(doc, skip=[(start, end), ...])  # every figure of doc.text, sorted by start
parse_figure("about $1.2bn a year")          # the first figure of a phrase, or None
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from newsclaims.extraction.figures.detect import find_figures
from newsclaims.models.records import Figure

__all__ = ["find_figures", "parse_figure"]


@lru_cache(maxsize=1)
def _blank() -> Language:
    return spacy.blank("en")


def parse_figure(text: str) -> Figure | None:
    """The first figure in a phrase, offsets relative to the phrase (a cached blank pipeline)."""
    figures = find_figures(_blank()(text))
    return figures[0] if figures else None
