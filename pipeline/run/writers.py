"""The three output files, replaced as a set.

A run writes `claims.jsonl`, `articles.jsonl` and `errors.jsonl` into a fresh folder,
`OUT/.newsclaims/files.<run>/`. When all three are complete and on disk, one atomic rename
points the link `OUT/.newsclaims/current` at that folder; `OUT/claims.jsonl` and the other
two are links through `current`. So whatever moment a run is killed at, the three files a
reader opens are all from the previous run or all from this one, never a new
`claims.jsonl` beside an old `articles.jsonl`. Where the file system has no symbolic
links, the files are renamed into place one by one instead (the old behaviour).
"""

from __future__ import annotations

import errno
import os
import shutil
import uuid
from pathlib import Path
from types import TracebackType

from pydantic import BaseModel

CLAIMS = "claims.jsonl"
ARTICLES = "articles.jsonl"
ERRORS = "errors.jsonl"
FILES = (CLAIMS, ARTICLES, ERRORS)
TABLES = ("claims.csv", "claims.parquet")
STATE_DIR = ".newsclaims"
CURRENT = "current"
_PREFIX = "files."


class OutputUnwritable(RuntimeError):
    """The output folder cannot be written (full disk, read-only, no permission)."""


_ENVIRONMENT = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOTDIR, errno.EIO}
)


def is_environmental(error: BaseException) -> bool:
    """True for an error of the machine rather than of newsclaims: a full disk, a read-only
    file system, a permission, a failing device (SQLite says so in its own words)."""
    if isinstance(error, OSError):
        return error.errno in _ENVIRONMENT
    text = str(error).lower()
    return any(
        words in text for words in ("disk is full", "readonly", "disk i/o", "unable to open")
    )


def unwritable(outdir: Path, error: OSError | Exception) -> OutputUnwritable:
    """The sentence for an environment error while writing `outdir`."""
    code = getattr(error, "errno", None)
    text = str(error).lower()
    if code in (errno.ENOSPC, errno.EDQUOT) or "disk is full" in text:
        hint = "the disk is full: free some space or choose another --out folder"
    elif code == errno.EROFS or "readonly" in text or "read-only" in text:
        hint = "the file system is read-only: choose another --out folder"
    elif code in (errno.EACCES, errno.EPERM):
        hint = "permission denied: check the folder's permissions or choose another --out folder"
    elif code == errno.ENOTDIR:
        hint = "a part of the path is a file, not a folder: choose another --out folder"
    else:
        reason = getattr(error, "strerror", None) or str(error)
        hint = f"{reason}: check the folder, or choose another --out folder"
    where = getattr(error, "filename", None) or outdir
    return OutputUnwritable(
        f"cannot write the output in {outdir} ({where}): {hint}. The output files of the "
        "previous run, if any, are untouched; inputs finished before the error are carried "
        "over when you run the same command again."
    )


def _is_link(path: Path) -> bool:
    return path.is_symlink()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class JsonlFile:
    """One JSON Lines file being written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle = path.open("w", encoding="utf-8", newline="\n")
        self.count = 0

    def write(self, record: BaseModel) -> None:
        self.write_line(record.model_dump_json())

    def write_line(self, line: str) -> None:
        """One record already serialised as JSON (no newline)."""
        self._handle.write(line)
        self._handle.write("\n")
        self.count += 1

    def finish(self) -> None:
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()

    def close(self) -> None:
        self._handle.close()


class Output:
    """`claims.jsonl`, `articles.jsonl` and `errors.jsonl` of one run, committed together."""

    def __init__(self, outdir: Path, *, tables: tuple[str, ...] = ()) -> None:
        """`tables`: formats (csv, parquet) of a claims table to write into the same set."""
        self.outdir = outdir
        self.tables = tables
        self.state = outdir / STATE_DIR
        self.state.mkdir(parents=True, exist_ok=True)
        self.folder = self.state / f"{_PREFIX}{uuid.uuid4().hex[:12]}"
        self.folder.mkdir()
        self.claims = JsonlFile(self.folder / CLAIMS)
        self.articles = JsonlFile(self.folder / ARTICLES)
        self.errors = JsonlFile(self.folder / ERRORS)

    def __enter__(self) -> Output:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        files = (self.claims, self.articles, self.errors)
        if kind is not None:
            for f in files:
                f.close()
            shutil.rmtree(self.folder, ignore_errors=True)
            return
        for f in files:
            f.finish()
        if self.tables:
            from newsclaims.run.tables import write_table

            for fmt in self.tables:
                write_table(self.folder / CLAIMS, self.folder / f"claims.{fmt}", fmt)
        _fsync_dir(self.folder)
        try:
            self._switch()
        except OSError as err:
            if err.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP):
                raise
            self._rename_each()  # no symbolic links here
        self._clean()

    def _link(self, link: Path, target: str) -> None:
        """Make `link` point at `target`, atomically replacing what was there."""
        if link.is_symlink() and os.readlink(link) == target:
            return
        spare = link.with_name(f".{link.name}.{uuid.uuid4().hex[:8]}")
        os.symlink(target, spare)
        os.replace(spare, link)

    def _switch(self) -> None:
        current = self.state / CURRENT
        self._adopt_plain_files()
        self._link(current, self.folder.name)  # the one step that replaces all three
        _fsync_dir(self.state)
        for name in self._names():
            self._link(self.outdir / name, f"{STATE_DIR}/{CURRENT}/{name}")
        for name in TABLES:  # a table this run did not write: no link left dangling
            link = self.outdir / name
            if name not in self._names() and _is_link(link) and not link.exists():
                link.unlink()
        _fsync_dir(self.outdir)

    def _names(self) -> tuple[str, ...]:
        return FILES + tuple(f"claims.{fmt}" for fmt in self.tables)

    def _adopt_plain_files(self) -> None:
        """Output files of an older version (plain files, no `current`) become a folder of
        their own first, so the files stay a consistent set while they turn into links."""
        plain = [n for n in FILES if (self.outdir / n).is_file() and not _is_link(self.outdir / n)]
        if not plain or (self.state / CURRENT).is_symlink():
            return
        old = self.state / f"{_PREFIX}{uuid.uuid4().hex[:12]}"
        old.mkdir()
        for name in FILES:
            if name in plain:
                os.link(self.outdir / name, old / name)
            else:
                (old / name).touch()
        self._link(self.state / CURRENT, old.name)
        for name in FILES:
            self._link(self.outdir / name, f"{STATE_DIR}/{CURRENT}/{name}")

    def _rename_each(self) -> None:
        for name in self._names():
            os.replace(self.folder / name, self.outdir / name)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _clean(self) -> None:
        """Remove the files of earlier runs (and of killed ones)."""
        current = self.state / CURRENT
        keep = os.readlink(current) if current.is_symlink() else None
        for path in self.state.glob(f"{_PREFIX}*"):
            if path.name != keep:
                shutil.rmtree(path, ignore_errors=True)
