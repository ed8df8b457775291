"""Helpers for the ingestion tests: write files under tmp_path, split read_inputs results."""

from __future__ import annotations

from pathlib import Path

from newsclaims.ingest import Skipped, read_inputs
from newsclaims.models import Article, InputError

DATA = Path(__file__).parent / "data"


def write(root: Path, relative: str, content: str | bytes) -> Path:
    """Write `content` (text as UTF-8, or raw bytes) to `root/relative`, making folders."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_all(*inputs: str | Path, **options: object) -> list[Article | InputError | Skipped]:
    return list(read_inputs(list(inputs), **options))  # type: ignore[arg-type]


def articles(results: list) -> dict[str, Article]:
    return {item.source: item for item in results if isinstance(item, Article)}


def errors(results: list) -> dict[str, str]:
    return {item.source: item.error for item in results if isinstance(item, InputError)}


def skipped(results: list) -> dict[str, str]:
    return {item.source: item.reason for item in results if isinstance(item, Skipped)}


def only_article(path: Path, **options: object) -> Article:
    """The single article read from one file; fails on anything else."""
    results = read_all(path, **options)
    assert len(results) == 1 and isinstance(results[0], Article), results
    return results[0]
