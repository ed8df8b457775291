"""Output files written atomically: each file is written under a temporary name and renamed
when complete, so an interrupted run never leaves a file that looks finished."""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

from pydantic import BaseModel

CLAIMS = "claims.jsonl"
ARTICLES = "articles.jsonl"
ERRORS = "errors.jsonl"


class JsonlFile:
    """One JSON Lines file: `.NAME.partial` while open, `NAME` once committed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.partial = path.with_name(f".{path.name}.partial")
        self._handle = self.partial.open("w", encoding="utf-8", newline="\n")
        self.count = 0

    def write(self, record: BaseModel) -> None:
        self.write_line(record.model_dump_json())

    def write_line(self, line: str) -> None:
        """One record already serialised as JSON (no newline)."""
        self._handle.write(line)
        self._handle.write("\n")
        self.count += 1

    def commit(self) -> None:
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        os.replace(self.partial, self.path)

    def discard(self) -> None:
        self._handle.close()
        self.partial.unlink(missing_ok=True)


class Output:
    """`claims.jsonl`, `articles.jsonl` and `errors.jsonl` of one run, committed together."""

    def __init__(self, outdir: Path) -> None:
        outdir.mkdir(parents=True, exist_ok=True)
        self.claims = JsonlFile(outdir / CLAIMS)
        self.articles = JsonlFile(outdir / ARTICLES)
        self.errors = JsonlFile(outdir / ERRORS)

    def __enter__(self) -> Output:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        files = (self.claims, self.articles, self.errors)
        if kind is None:
            for f in files:
                f.commit()
        else:
            for f in files:
                f.discard()
