"""Inputs to files: folders walked lazily, in sorted order, hidden and ignored files left out.

The order is the sort of relative posix paths, so two runs over the same folder give the
same output order on every machine. Only one folder listing is held at a time.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsclaims.ingest.errors import Skipped
from newsclaims.ingest.ignore import IgnoreRule, is_ignored, load_ignore
from newsclaims.models import InputError

logger = logging.getLogger("newsclaims.ingest")


@dataclass(frozen=True)
class FileEntry:
    """A file to read and its `source`: its path relative to the INPUT, or its name."""

    path: Path
    source: str


def walk_inputs(inputs: Sequence[str | Path]) -> Iterator[FileEntry | InputError | Skipped]:
    """The files of each INPUT (a file or a folder), in order; a missing INPUT is an error."""
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            yield from _walk_folder(path, "", (), set())
        elif path.is_file():
            yield FileEntry(path, path.name)
        elif path.is_symlink():
            yield InputError(
                source=str(given),
                error="This is a broken symbolic link: its target does not exist. Fix or "
                "remove the link.",
            )
        elif path.exists():
            yield Skipped(str(given), "not a regular file")
        else:
            yield InputError(
                source=str(given),
                error="No such file or folder. Check the path; a relative path is read "
                f"from the current folder ({Path.cwd()}).",
            )


def _walk_folder(
    root: Path, relative: str, rules: tuple[IgnoreRule, ...], seen: set[tuple[int, int]]
) -> Iterator[FileEntry | InputError | Skipped]:
    folder = root / relative if relative else root
    try:
        stat = folder.stat()
        if (stat.st_dev, stat.st_ino) in seen:
            logger.warning("%s: folder already walked (a link loop?); skipped", relative)
            return
        seen.add((stat.st_dev, stat.st_ino))
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError as err:
        yield InputError(
            source=relative or ".",
            error=f"The folder cannot be read ({err.strerror or err}). Check its permissions.",
        )
        return
    rules = rules + load_ignore(folder, base=relative)
    children = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = f"{relative}/{entry.name}" if relative else entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_ignored(child, is_dir=is_dir, rules=rules):
            logger.debug("%s: ignored by %s", child, ".newsclaimsignore")
            continue
        # Sorting folders by `name/` makes this depth-first walk list files in the
        # order of their sorted relative paths (`a-b.txt` before `a/c.txt`).
        children.append((entry.name + "/" if is_dir else entry.name, child, is_dir, entry))
    for _key, child, is_dir, entry in sorted(children, key=lambda item: item[0]):
        if is_dir:
            yield from _walk_folder(root, child, rules, seen)
        elif entry.is_file():
            yield FileEntry(Path(entry.path), child)
        elif entry.is_symlink():
            yield InputError(
                source=child,
                error="This is a broken symbolic link: its target does not exist. Fix or "
                "remove the link.",
            )
        else:
            yield Skipped(child, "not a regular file")
