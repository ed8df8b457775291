"""Shared test data for the scorer: a small article with its gold, and gold-to-prediction."""

from __future__ import annotations

import copy
import json
from typing import Any

# copies of /work/shared/seed-article.txt and seed-gold.jsonl (the guide's worked example)
from tests.conftest import SEED_ARTICLE as SEED_TEXT_PATH  # noqa: E402
from tests.conftest import SEED_GOLD as SEED_GOLD_PATH  # noqa: E402

S1 = "Acme Corp sold 1,200 cars in March, chief executive Jane Doe said."
S2 = "Sales rose 5% last year, the company said, while analysts said demand would fall by 2026."
S3 = "Prices will reach about $40,000 per car, according to a company report."
S4 = "Jane Doe joined Acme Corp in 2019."
S5 = "The weather was fine."
TEXT = "\n\n".join([S1, S2, S3, S4, S5])
SOURCE = "news/acme.md"

_S2_FIGURES = [{"text": "5%", "value": 5, "unit": "%", "comparator": "="}]
_S2_DATES = [
    {"text": "last year", "earliest": "2023-01-01", "latest": "2023-12-31"},
    {"text": "by 2026", "earliest": None, "latest": "2026-12-31"},
]
GOLD_CLAIMS: list[dict[str, Any]] = [
    {
        "text": S1, "attribution": "indirect", "modality": "asserted",
        "speaker": {"name": "Jane Doe", "kind": "person", "title": "chief executive",
                    "organization": "Acme Corp"},
        "cue": "say", "target": "Acme Corp",
        "figures": [{"text": "1,200 cars", "value": 1200, "unit": "car", "comparator": "="}],
        "dates": [{"text": "in March", "earliest": "2024-03-01", "latest": "2024-03-31"}],
    },
    {
        "text": S2, "attribution": "indirect", "modality": "asserted",
        "speaker": {"name": "Acme Corp", "kind": "organization"},
        "cue": "say", "target": "Acme Corp", "figures": _S2_FIGURES, "dates": _S2_DATES,
    },
    {
        "text": S2, "attribution": "indirect", "modality": "forecast",
        "speaker": {"name": "analysts", "kind": "anonymous"},
        "cue": "say", "target": None, "figures": _S2_FIGURES, "dates": _S2_DATES,
    },
    {
        "text": S3, "attribution": "indirect", "modality": "forecast",
        "speaker": {"name": "a company report", "kind": "document"}, "cue": "according to",
        "figures": [{"text": "about $40,000", "value": 40000, "unit": None, "comparator": "~",
                     "currency": "USD", "per": "car"}],
        "dates": [],
    },
    {
        "text": S4, "attribution": "none", "speaker": None, "cue": None, "target": "Jane Doe",
        "figures": [],
        "dates": [{"text": "in 2019", "earliest": "2019-01-01", "latest": "2019-12-31"}],
    },
]  # fmt: skip


def gold_article(claims: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The small test article's gold (a deep copy, safe to edit)."""
    return {
        "source": SOURCE,
        "published": "2024-06-15",
        "claims": copy.deepcopy(GOLD_CLAIMS if claims is None else claims),
    }


def _place(text: str, needle: str, start: int, end: int) -> dict[str, int]:
    at = text.find(needle, start, end) if needle else -1
    return {"start": at, "end": at + len(needle)} if at >= 0 else {}


def as_predictions(
    claims: list[dict[str, Any]], text: str, *, from_offset: int = 0
) -> list[dict[str, Any]]:
    """Gold claims written as `extract` would write them, with offsets found in `text`.

    Two claims with the same text in a row share one span; otherwise each claim takes the
    first occurrence after the previous one. Figures and dates get offsets inside their claim.
    """
    out: list[dict[str, Any]] = []
    cursor = from_offset
    previous: tuple[str, int] | None = None
    for claim in claims:
        if previous and previous[0] == claim["text"]:
            start = previous[1]
        else:
            start = text.find(claim["text"], cursor)
            if start < 0:
                start = text.find(claim["text"])
        end = start + len(claim["text"])
        cursor, previous = end, (claim["text"], start)
        target = claim.get("target")
        pred = {
            "source": "",
            "text": claim["text"],
            "start": start,
            "end": end,
            "attribution": claim.get("attribution", "none"),
            "modality": claim.get("modality", "asserted"),
            "speaker": copy.deepcopy(claim.get("speaker")),
            "cue": claim.get("cue"),
            "target": None if target is None else {"name": target, "label": "ORG"},
            "figures": [
                {**copy.deepcopy(f), **_place(text, f.get("text", ""), start, end)}
                for f in claim.get("figures", [])
            ],
            "dates": [
                {**copy.deepcopy(d), **_place(text, d.get("text", ""), start, end)}
                for d in claim.get("dates", [])
            ],
        }
        out.append(pred)
    return out


def seed() -> tuple[list[dict[str, Any]], str]:
    """The shared seed gold articles and the seed article text."""
    lines = SEED_GOLD_PATH.read_text(encoding="utf-8").splitlines()
    gold = [json.loads(line) for line in lines if line.strip()]
    return gold, SEED_TEXT_PATH.read_text(encoding="utf-8")
