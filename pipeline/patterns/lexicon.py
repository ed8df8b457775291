"""Word lists and phrase tables from `pipeline/patterns/`, loaded once per process.

Data files are plain text: one entry per line, `#` starts a comment, tab-separated columns;
tables with structure (`figures/*.yaml`) are YAML.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

PATTERNS = Path(str(resources.files("newsclaims.patterns")))


def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The non-comment rows of a data file, each split on tabs."""
    return _rows(name)


@cache
def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    out = []
    for line in (PATTERNS / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        out.append(tuple(part.strip() for part in line.split("\t")))
    return tuple(out)


@cache
def words(name: str) -> frozenset[str]:
    """The first column of a data file as a lowercased set."""
    return frozenset(row[0].lower() for row in rows(name))


@cache
def table(name: str) -> dict[str, str]:
    """A two-column data file as a dict from lowercased key to value."""
    return {row[0].lower(): row[1] for row in rows(name) if len(row) >= 2}


def yaml_data(name: str) -> Any:
    """A YAML data file, parsed with libyaml's safe loader when PyYAML was built with it (the
    same safe schema, about ten times faster than the pure-Python loader: the figure tables
    took 0.3 s of CPU at every process start, each worker's included). Not cached: callers
    cache what they build from it."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with (PATTERNS / name).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)  # noqa: S506 - a safe loader
