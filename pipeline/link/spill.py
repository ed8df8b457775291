"""Temporary on-disk stores of a link run, so that what it holds in memory is bounded by a
part, not by the number of claims: the items (one encoded record per claim, read back a
few at a time), rows of numpy arrays scattered into part files, and records sorted by a
key (SQLite's external sort) into a file read back line by line.
"""

from __future__ import annotations

import dataclasses
import marshal
import os
import sqlite3
import tempfile
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Generic, TypeVar

import numpy as np
from pydantic import BaseModel

from newsclaims.link.facts import Fig, Item

_FIELDS = tuple(f.name for f in dataclasses.fields(Item))
_FIGURES = _FIELDS.index("figures")
_FIG_FIELDS = tuple(f.name for f in dataclasses.fields(Fig))


def encode(it: Item) -> bytes:
    """An item as the bytes of a tuple of plain values (marshal: fast, this process only)."""
    values = [getattr(it, name) for name in _FIELDS]
    values[_FIGURES] = tuple(tuple(getattr(f, n) for n in _FIG_FIELDS) for f in it.figures)
    return marshal.dumps(tuple(values))


def decode(data: bytes) -> Item:
    values = list(marshal.loads(data))
    values[_FIGURES] = tuple(Fig(*f) for f in values[_FIGURES])
    return Item(*values)


class ItemStore:
    """Every item of a run in one temporary file, read back by index a few at a time,
    the latest `keep` read kept decoded (parts in a row name many of the same claims);
    `peak` is the most items ever held at once through `holding`, besides those."""

    def __init__(self, folder: Path, *, keep: int = 4096) -> None:
        self._file = (Path(folder) / "items.bin").open("w+b")
        self._offsets = array("q", [0])
        self._kept: OrderedDict[int, Item] = OrderedDict()
        self._keep = keep
        self.resident = 0
        self.peak = 0

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def add(self, it: Item) -> None:
        data = encode(it)
        self._file.write(data)
        self._offsets.append(self._offsets[-1] + len(data))

    def load(self, indices: Iterable[int]) -> dict[int, Item]:
        self._file.flush()
        fd, offsets, kept = self._file.fileno(), self._offsets, self._kept
        out = {}
        for i in indices:
            if i in out:
                continue
            it = kept.get(i)
            if it is None:
                it = decode(os.pread(fd, offsets[i + 1] - offsets[i], offsets[i]))
                kept[i] = it
                if len(kept) > self._keep:
                    kept.popitem(last=False)
            else:
                kept.move_to_end(i)
            out[i] = it
        return out

    @contextmanager
    def holding(self, indices: Iterable[int]) -> Iterator[dict[int, Item]]:
        """The items of `indices` by index, counted as held until the block ends."""
        items = self.load(indices)
        self.resident += len(items)
        self.peak = max(self.peak, self.resident)
        try:
            yield items
        finally:
            self.resident -= len(items)

    def close(self) -> None:
        self._file.close()


class Parts:
    """Rows of one numpy dtype scattered into `count` temporary files by a part number,
    buffered in memory up to `buffer` rows; `read(part)` gives a part's rows."""

    def __init__(self, folder: Path, name: str, count: int, dtype, *, buffer: int = 1 << 18):
        self.paths = [Path(folder) / f"{name}-{p}.bin" for p in range(count)]
        self.dtype = np.dtype(dtype)
        self._pending: list[list[np.ndarray]] = [[] for _ in range(count)]
        self._held = 0
        self._buffer = buffer
        self.rows = 0

    def __len__(self) -> int:
        return len(self.paths)

    def add(self, part: np.ndarray, rows: np.ndarray) -> None:
        """Each row to the part of the same position in `part`."""
        if not len(rows):
            return
        order = np.argsort(part, kind="stable")
        part, rows = part[order], rows[order]
        cuts = np.flatnonzero(np.r_[True, part[1:] != part[:-1]])
        for start, end in zip(cuts.tolist(), [*cuts[1:].tolist(), len(part)], strict=True):
            self._pending[int(part[start])].append(rows[start:end].astype(self.dtype))
        self._held += len(rows)
        self.rows += len(rows)
        if self._held >= self._buffer:
            self.flush()

    def flush(self) -> None:
        for path, pending in zip(self.paths, self._pending, strict=True):
            if pending:
                with path.open("ab") as handle:
                    for rows in pending:
                        rows.tofile(handle)
                pending.clear()
        self._held = 0

    def read(self, part: int) -> np.ndarray:
        self.flush()
        path = self.paths[part]
        if not path.is_file():
            return np.zeros(0, dtype=self.dtype)
        rows = np.fromfile(path, dtype=self.dtype)
        path.unlink()
        return rows


class Sorter:
    """Lines sorted by a byte key, in a temporary SQLite database (an external sort:
    memory bounded by SQLite's cache)."""

    def __init__(self, folder: Path, name: str) -> None:
        self._db = sqlite3.connect(Path(folder) / f"{name}.sqlite")
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute("CREATE TABLE lines (key BLOB NOT NULL, line TEXT NOT NULL)")
        self._batch: list[tuple[bytes, str]] = []

    def add(self, key: bytes, line: str) -> None:
        self._batch.append((key, line))
        if len(self._batch) >= 1024:
            self._flush()

    def _flush(self) -> None:
        self._db.executemany("INSERT INTO lines VALUES (?, ?)", self._batch)
        self._batch.clear()

    def lines(self) -> Iterator[str]:
        self._flush()
        for (line,) in self._db.execute("SELECT line FROM lines ORDER BY key"):
            yield line
        self._db.close()


def text_key(*parts: str) -> bytes:
    """Strings as one byte key that sorts as their tuple does (UTF-8 keeps code point
    order; a NUL ends each part, so a prefix sorts first)."""
    return b"".join(p.encode("utf-8", "surrogatepass") + b"\0" for p in parts)


M = TypeVar("M", bound=BaseModel)


class Records(Sequence, Generic[M]):
    """Records of one model, one JSON line each, in an anonymous temporary file: read
    one at a time (`lines` gives them as written), never all held."""

    def __init__(self, model: type[M], lines: Iterable[str]) -> None:
        self.model = model
        self._file = tempfile.TemporaryFile("w+b")
        self._offsets = array("q", [0])
        for line in lines:
            data = line.encode("utf-8") + b"\n"
            self._file.write(data)
            self._offsets.append(self._offsets[-1] + len(data))
        self._file.flush()

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        lo, hi = self._offsets[index], self._offsets[index + 1]
        return self.model.model_validate_json(os.pread(self._file.fileno(), hi - lo, lo))

    def __iter__(self) -> Iterator[M]:
        for line in self.lines():
            yield self.model.model_validate_json(line)

    def __eq__(self, other) -> bool:
        if isinstance(other, Sequence):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    def lines(self) -> Iterator[str]:
        """Each record's JSON line as written (without its newline)."""
        self._file.seek(0)
        for line in self._file:
            yield line[:-1].decode("utf-8")
