"""The manifest of processed inputs: what an incremental, resumable run keys on and carries over.

For every input file (a *unit*) it keeps the content hash of its bytes, the pipeline version
that processed it, whether it was finished, and the output lines it gave (articles, claims,
errors), so that a re-run copies an unchanged input's lines instead of parsing it again.
The lines are kept zlib-compressed, the lines one unit adds between two checkpoints in one
row (its *segment*, one compression and one insert instead of one per line): the manifest
used to hold a second, uncompressed copy of the whole output, then one compressed row per
line, whose compression cost the writing process more than the rest of the manifest.

`Manifest` is the small interface the batch job needs; `SqliteManifest` implements it in
`OUT/.newsclaims/manifest.sqlite`. Progress is durable at each `checkpoint()` (one SQLite
transaction, fsynced): a run killed at any moment loses at most the units since the last
checkpoint, and a unit is *complete* only in the same transaction as its last line, so a
re-run never sees half a unit. A database store can implement the same interface.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

Kind = Literal["article", "claim", "error", "warning"]
KINDS: tuple[Kind, ...] = ("article", "claim", "error", "warning")
_KIND_INDEX = {kind: n for n, kind in enumerate(KINDS)}
_CLAIM = _KIND_INDEX["claim"]
_LEVEL = 1
"""zlib level of the segments: level 1 compresses output lines about three times faster
than the default 6, for segments about a quarter larger (the writing process compresses
every output line once; decompression reads any level)."""

STATE_DIR = ".newsclaims"
MANIFEST_FILE = "manifest.sqlite"
FORMAT = "4"
"""The manifest layout: 4 keeps each unit's lines in compressed segments; an older manifest
is started over."""


class OutputBusy(RuntimeError):
    """Another run is writing to the same output folder."""


@dataclass(frozen=True)
class Counts:
    """What one unit gave: lines per output file (`errors` counts error lines, `warnings`
    the warning lines of errors.jsonl), and the words of its articles."""

    articles: int = 0
    claims: int = 0
    errors: int = 0
    words: int = 0
    warnings: int = 0


@dataclass(frozen=True)
class UnitState:
    """What the manifest knows of one input."""

    key: str
    hash: str | None
    version: str
    complete: bool
    counts: Counts
    seen_this_run: bool

    def current(self, file_hash: str | None, version: str) -> bool:
        """True when the unit can be carried over: finished, same bytes, same pipeline."""
        return (
            self.complete
            and file_hash is not None
            and self.hash == file_hash
            and self.version == version
        )

    def resumable(self, file_hash: str | None, version: str) -> bool:
        """True when a killed run left this unit half done with the same bytes and pipeline:
        its committed lines are kept and reading goes on after them."""
        return (
            not self.complete
            and file_hash is not None
            and self.hash == file_hash
            and self.version == version
        )


class Manifest(Protocol):
    """What the batch job asks of a manifest store (files here; a database can do the same).

    A run calls `begin_run()`, then per input either `keep(key)` (unchanged: its lines are
    read back with `lines(key)`) or `start(key, ...)`, `add(key, kind, line)`... and
    `finish(key, counts)` (or `resume(key)` for a unit a killed run left half done, then
    `add`... after its committed lines); `checkpoint()` makes everything so far durable; at the end
    `unseen()` lists the inputs this run did not see (deleted) and `prune()` drops them.
    """

    def begin_run(self, *, fresh: bool = False) -> None: ...

    def lookup(self, key: str) -> UnitState | None: ...

    def keep(self, key: str) -> None: ...

    def start(self, key: str, *, file_hash: str | None, version: str) -> None: ...

    def resume(self, key: str) -> int: ...

    def add(self, key: str, kind: Kind, line: str) -> None: ...

    def finish(self, key: str, counts: Counts) -> None: ...

    def lines(self, key: str) -> Iterator[tuple[Kind, str]]: ...

    def unseen(self) -> Iterator[UnitState]: ...

    def prune(self) -> int: ...

    def checkpoint(self) -> None: ...

    def close(self) -> None: ...


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS units (
    key TEXT PRIMARY KEY,
    hash TEXT,
    version TEXT NOT NULL,
    complete INTEGER NOT NULL DEFAULT 0,
    articles INTEGER NOT NULL DEFAULT 0,
    claims INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    words INTEGER NOT NULL DEFAULT 0,
    warnings INTEGER NOT NULL DEFAULT 0,
    seen INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS lines (
    unit TEXT NOT NULL,
    n INTEGER NOT NULL,
    kinds BLOB NOT NULL,
    lines BLOB NOT NULL,
    PRIMARY KEY (unit, n)
) WITHOUT ROWID;
"""


class SqliteManifest:
    """The manifest in `OUT/.newsclaims/manifest.sqlite`, locked against a second run."""

    def __init__(self, outdir: Path) -> None:
        state = outdir / STATE_DIR
        state.mkdir(parents=True, exist_ok=True)
        self._lock = (state / "lock").open("w")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise OutputBusy(
                f"another newsclaims run is writing to {outdir}; wait for it to finish or "
                "choose another --out folder"
            ) from None
        self.path = state / MANIFEST_FILE
        self._db = sqlite3.connect(self.path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        found = self._meta("format")
        if found not in (None, FORMAT):  # an older layout: start over (every input re-parsed)
            self._db.executescript("DROP TABLE IF EXISTS lines; DROP TABLE IF EXISTS units;")
        self._db.executescript(_SCHEMA)
        self._db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (FORMAT,))
        self._run = int(self._meta("run") or 0)
        self._next: dict[str, int] = {}
        # Lines added since the unit's last segment: (kind indexes, lines).
        self._pending: dict[str, tuple[bytearray, list[str]]] = {}
        self._db.execute("BEGIN")

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def begin_run(self, *, fresh: bool = False) -> None:
        if fresh:
            self._db.execute("DELETE FROM lines")
            self._db.execute("DELETE FROM units")
        self._run += 1
        self._db.execute("INSERT OR REPLACE INTO meta VALUES ('run', ?)", (str(self._run),))

    def lookup(self, key: str) -> UnitState | None:
        row = self._db.execute(
            "SELECT hash, version, complete, articles, claims, errors, words, warnings, seen "
            "FROM units WHERE key = ?",
            (key,),
        ).fetchone()
        if row is None:
            return None
        return UnitState(
            key=key,
            hash=row[0],
            version=row[1],
            complete=bool(row[2]),
            counts=Counts(*row[3:8]),
            seen_this_run=row[8] == self._run,
        )

    def keep(self, key: str) -> None:
        self._db.execute("UPDATE units SET seen = ? WHERE key = ?", (self._run, key))

    def start(self, key: str, *, file_hash: str | None, version: str) -> None:
        self._pending.pop(key, None)
        self._db.execute("DELETE FROM lines WHERE unit = ?", (key,))
        self._db.execute(
            "INSERT OR REPLACE INTO units (key, hash, version, complete, seen) "
            "VALUES (?, ?, ?, 0, ?)",
            (key, file_hash, version, self._run),
        )
        self._next[key] = 0

    def resume(self, key: str) -> int:
        """Go on with a half-done unit after its committed lines; the number of its items
        (article and error lines) already done."""
        self._db.execute("UPDATE units SET seen = ? WHERE key = ?", (self._run, key))
        self._pending.pop(key, None)
        rows = self._db.execute("SELECT kinds FROM lines WHERE unit = ?", (key,)).fetchall()
        kinds = b"".join(row[0] for row in rows)
        self._next[key] = len(kinds)
        return len(kinds) - kinds.count(_CLAIM)

    def add(self, key: str, kind: Kind, line: str) -> None:
        if "\n" in line:  # a JSON line never holds one: the segment's separator
            raise ValueError("an output line must not contain a line break")
        kinds, lines = self._pending.setdefault(key, (bytearray(), []))
        kinds.append(_KIND_INDEX[kind])
        lines.append(line)

    def _write(self, key: str) -> None:
        """The unit's pending lines as one segment row."""
        pending = self._pending.pop(key, None)
        if not pending or not pending[1]:
            return
        kinds, lines = pending
        n = self._next[key]
        self._next[key] = n + len(lines)
        self._db.execute(
            "INSERT INTO lines (unit, n, kinds, lines) VALUES (?, ?, ?, ?)",
            (key, n, bytes(kinds), zlib.compress("\n".join(lines).encode("utf-8"), _LEVEL)),
        )

    def _write_all(self) -> None:
        for key in list(self._pending):
            self._write(key)

    def finish(self, key: str, counts: Counts) -> None:
        self._write(key)
        self._next.pop(key, None)
        self._db.execute(
            "UPDATE units SET complete = 1, articles = ?, claims = ?, errors = ?, words = ?, "
            "warnings = ? WHERE key = ?",
            (counts.articles, counts.claims, counts.errors, counts.words, counts.warnings, key),
        )

    def lines(self, key: str) -> Iterator[tuple[Kind, str]]:
        self._write(key)
        cursor = self._db.execute(
            "SELECT kinds, lines FROM lines WHERE unit = ? ORDER BY n", (key,)
        )
        for kinds, blob in cursor:
            lines = zlib.decompress(blob).decode("utf-8").split("\n")
            for kind, line in zip(kinds, lines, strict=True):
                yield KINDS[kind], line

    def unseen(self) -> Iterator[UnitState]:
        cursor = self._db.execute(
            "SELECT key FROM units WHERE seen != ? AND complete = 1 ORDER BY key", (self._run,)
        )
        for (key,) in cursor.fetchall():
            state = self.lookup(key)
            if state is not None:
                yield state

    def prune(self) -> int:
        gone = self._db.execute("SELECT count(*) FROM units WHERE seen != ?", (self._run,))
        count = gone.fetchone()[0]
        self._db.execute(
            "DELETE FROM lines WHERE unit IN (SELECT key FROM units WHERE seen != ?)",
            (self._run,),
        )
        self._db.execute("DELETE FROM units WHERE seen != ?", (self._run,))
        return count

    def checkpoint(self) -> None:
        self._write_all()
        self._db.execute("COMMIT")
        self._db.execute("BEGIN")

    def close(self) -> None:
        if self._db is None:
            return
        self._write_all()
        if self._db.in_transaction:
            self._db.execute("COMMIT")
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._db.close()
        self._db = None
        self._lock.close()

    def abandon(self) -> None:
        """Close without committing what was not checkpointed (on an error)."""
        if self._db is None:
            return
        self._pending.clear()
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")
        self._db.close()
        self._db = None
        self._lock.close()


def open_manifest(outdir: Path) -> SqliteManifest:
    """The manifest of an output folder (created on first use)."""
    os.makedirs(outdir, exist_ok=True)
    return SqliteManifest(outdir)
