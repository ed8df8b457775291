"""Read the gold file and the output folder of `newsclaims extract` for scoring."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def _json_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each non-blank line of a JSON Lines file as an object, with its line number."""
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not valid JSON ({error.msg})") from error
            if not isinstance(row, dict):
                raise ValueError(f"{path}:{number}: expected a JSON object per line")
            yield number, row


def load_gold(path: Path) -> list[dict]:
    """The gold articles of a JSON Lines file (guide section 6), in file order.

    Raises ValueError naming the line when an article lacks `source` or `claims`, a claim
    lacks `text`, or a source appears twice (its claims would be scored twice).
    """
    path = Path(path)
    articles: list[dict] = []
    seen: dict[str, int] = {}
    for number, row in _json_lines(path):
        source = row.get("source")
        if not isinstance(source, str) or not source:
            raise ValueError(f"{path}:{number}: an article needs a `source`")
        if source in seen:
            raise ValueError(f"{path}:{number}: source {source!r} already on line {seen[source]}")
        seen[source] = number
        claims = row.get("claims")
        if not isinstance(claims, list):
            raise ValueError(f"{path}:{number}: `claims` must be a list")
        for k, claim in enumerate(claims, start=1):
            if not isinstance(claim, dict) or not isinstance(claim.get("text"), str):
                raise ValueError(f"{path}:{number}: claim {k} needs a `text`")
        articles.append(row)
    return articles


def load_predictions(outdir: Path) -> tuple[dict[str, list[dict]], dict[str, str]]:
    """Claims by source and article body by source from an `extract` output folder.

    Every article of `articles.jsonl` is present in the claims mapping, with no claims when
    none were found (so "processed, nothing found" differs from "not processed").
    """
    outdir = Path(outdir)
    claims_path = outdir / "claims.jsonl"
    if not claims_path.is_file():
        raise FileNotFoundError(f"{claims_path} not found: is {outdir} an `extract` output folder?")
    claims: dict[str, list[dict]] = {}
    texts: dict[str, str] = {}
    articles_path = outdir / "articles.jsonl"
    if articles_path.is_file():
        for number, row in _json_lines(articles_path):
            source = row.get("source")
            if not isinstance(source, str):
                raise ValueError(f"{articles_path}:{number}: an article needs a `source`")
            claims.setdefault(source, [])
            if isinstance(row.get("text"), str):
                texts[source] = row["text"]
    for number, row in _json_lines(claims_path):
        source = row.get("source")
        if not isinstance(source, str):
            raise ValueError(f"{claims_path}:{number}: a claim needs a `source`")
        claims.setdefault(source, []).append(row)
    return claims, texts
