"""Inputs to files: folders walked lazily, in sorted order, hidden and ignored files left out.

The order is the sort of relative posix paths, so two runs over the same folder give the
same output order on every machine. Only one folder listing is held at a time.
"""

from __future__ import annotations

import errno
import glob
import logging
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsclaims.ingest.errors import Skipped
from newsclaims.ingest.ignore import IgnoreRule, is_ignored, load_ignore
from newsclaims.models import InputError

logger = logging.getLogger("newsclaims.ingest")
_WILDCARDS = re.compile(r"[*?[]")


@dataclass(frozen=True)
class FileEntry:
    """A file to read and its `source`: its path relative to the INPUT, or its name."""

    path: Path
    source: str


def is_pattern(given: str | Path) -> bool:
    """True for an INPUT that is a glob pattern (`corpus/**/*.md`), quoted so that the shell
    left it alone, and that is not itself the name of a file."""
    return _WILDCARDS.search(str(given)) is not None and not Path(given).exists()


def pattern_base(pattern: str) -> Path:
    """The folder a pattern's matches are named relative to: its parts before the first
    wildcard (`corpus` for `corpus/**/*.md`, `.` for `*.txt`)."""
    parts = Path(pattern).parts
    fixed = []
    for part in parts[:-1]:
        if _WILDCARDS.search(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def _walk_pattern(pattern: str) -> Iterator[FileEntry | InputError | Skipped]:
    base = pattern_base(pattern)
    matches = sorted(
        (Path(match).relative_to(base).as_posix(), Path(match))
        for match in glob.iglob(pattern, recursive=True)
    )
    if not matches:
        yield InputError(
            source=pattern,
            error="No file matches this pattern. Check it; a relative pattern is read from "
            f"the current folder ({Path.cwd()}).",
        )
        return
    seen: set[tuple[int, int]] = set()
    for relative, path in matches:
        if path.is_dir():
            if "**" not in pattern:  # `corpus/*` names folders too: walk them
                yield from _walk_folder(base, relative, (), seen)
        else:
            yield _file_entry(path, relative)


def walk_inputs(inputs: Sequence[str | Path]) -> Iterator[FileEntry | InputError | Skipped]:
    """The files of each INPUT (a file, a folder or a glob pattern), in order; a missing
    INPUT is an error. A pattern's files are named relative to its fixed leading folders."""
    for given in inputs:
        path = Path(given)
        if is_pattern(given):
            yield from _walk_pattern(str(given))
        elif path.is_dir():
            yield from _walk_folder(path, "", (), set())
        elif not path.exists() and not path.is_symlink():
            yield InputError(
                source=str(given),
                error="No such file or folder. Check the path; a relative path is read "
                f"from the current folder ({Path.cwd()}).",
            )
        else:
            entry = _file_entry(path, path.name)
            yield entry if isinstance(entry, FileEntry) else _named(entry, str(given))


def _named(item: InputError | Skipped, source: str) -> InputError | Skipped:
    """An INPUT given on the command line is reported under the path as given."""
    if isinstance(item, InputError):
        return InputError(source=source, error=item.error)
    return Skipped(source, item.reason)


def _walk_folder(
    root: Path, relative: str, rules: tuple[IgnoreRule, ...], seen: set[tuple[int, int]]
) -> Iterator[FileEntry | InputError | Skipped]:
    folder = root / relative if relative else root
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in seen:
            logger.warning("%s: folder already walked (a link loop?); skipped", relative)
            return
        seen.add((info.st_dev, info.st_ino))
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
        else:
            yield _file_entry(Path(entry.path), child)


def _file_entry(path: Path, source: str) -> FileEntry | InputError | Skipped:
    """What a non-folder entry is: a file to read, an error line, or a file left out. Never
    raises: a link loop or an entry the system refuses to stat is an error line."""
    try:
        info = path.stat()
    except OSError as err:
        if err.errno == errno.ELOOP:
            message = (
                "This is a symbolic link loop: the link points (maybe through other links) "
                "back to itself. Fix or remove the link."
            )
        elif err.errno == errno.ENOENT and path.is_symlink():
            message = (
                "This is a broken symbolic link: its target does not exist. Fix or remove the link."
            )
        elif isinstance(err, PermissionError):
            message = (
                "The file cannot be read: permission denied. Check its permissions (for "
                "example `chmod +r`) or remove it from the inputs."
            )
        else:
            message = (
                f"The file cannot be read ({err.strerror or err}). Check that it exists and "
                "is readable."
            )
        return InputError(source=source, error=message)
    if stat.S_ISREG(info.st_mode):
        return FileEntry(path, source)
    return Skipped(source, "not a regular file")
