"""Word lists of the dates extractor, read once from `pipeline/patterns/dates/`.

Every list is data (see `pipeline/patterns/README.md` for where each came from); this module only
parses the files into immutable mappings and sets. Lines starting with `#` are comments; TSV
files hold one entry per line, fields separated by a tab.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from newsclaims.patterns.lexicon import PATTERNS

PATTERNS_DIR = PATTERNS / "dates"


def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The non-comment lines of one data file, split on tabs (one field for `.txt` files)."""
    rows = []
    for raw in (PATTERNS_DIR / name).read_text(encoding="utf-8").splitlines():
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(field.strip() for field in line.split("\t")))
    return tuple(rows)


def _words(name: str) -> tuple[str, ...]:
    return tuple(row[0] for row in read_rows(name))


def _mapping(name: str, cast=int) -> Mapping[str, int]:
    return MappingProxyType({row[0]: cast(row[1]) for row in read_rows(name)})


@dataclass(frozen=True)
class Lexicon:
    """All word lists of the dates extractor."""

    months: Mapping[str, int]
    month_full: tuple[str, ...]
    month_lower: tuple[str, ...]  # full names also matched in lower case
    month_abbr: tuple[str, ...]
    ambiguous_months: frozenset[str]
    weekdays: Mapping[str, int]
    weekday_full: tuple[str, ...]
    weekday_lower: tuple[str, ...]
    weekday_abbr: tuple[str, ...]
    seasons: Mapping[str, int]
    numbers: Mapping[str, int]
    ordinals: Mapping[str, int]
    units: Mapping[str, tuple[str, int]]
    relative_days: Mapping[str, int]
    day_parts: tuple[str, ...]
    interval_cues: Mapping[str, str]
    leads: tuple[str, ...]
    parts: Mapping[str, str]
    holidays: Mapping[str, str]
    not_dates: tuple[str, ...]
    licensors: frozenset[str]
    determiners: frozenset[str]
    year_blockers_before: tuple[str, ...]
    year_blockers_after: tuple[str, ...]
    not_plural_nouns: frozenset[str]
    half_code_followers: frozenset[str]
    tense_future: frozenset[str]
    tense_modal_perfect_past: frozenset[str]
    year_back_modifiers: tuple[str, ...]
    tense_future_heads: frozenset[str]
    tense_implicative: frozenset[str]
    tense_future_participles: frozenset[str]
    tense_forward_object: frozenset[str]
    tense_past_nouns: frozenset[str]
    results_nouns: frozenset[str]
    results_modifiers: frozenset[str]
    results_verbs: frozenset[str]
    forward_leads: tuple[str, ...]
    forward_moves: tuple[str, ...]
    tense_past: frozenset[str]
    tense_schedule: frozenset[str]
    ed_not_past: frozenset[str]
    not_infinitive: frozenset[str]
    fiscal_words: tuple[str, ...]
    anchors: tuple[str, ...]
    starters: tuple[str, ...]
    links: tuple[str, ...]
    address_words: tuple[str, ...]


@cache
def lexicon() -> Lexicon:
    """The word lists, loaded once per process."""
    month_rows = read_rows("months.tsv")
    weekday_rows = read_rows("weekdays.tsv")
    return Lexicon(
        months=MappingProxyType({r[0]: int(r[1]) for r in month_rows}),
        month_full=tuple(r[0] for r in month_rows if r[2] == "full"),
        month_lower=tuple(
            r[0].lower()
            for r in month_rows
            if r[2] == "full" and r[0] not in _words("lowercase_excluded.txt")
        ),
        month_abbr=tuple(r[0] for r in month_rows if r[2] == "abbr"),
        ambiguous_months=frozenset(_words("ambiguous_months.txt")),
        weekdays=MappingProxyType({r[0]: int(r[1]) for r in weekday_rows}),
        weekday_full=tuple(r[0] for r in weekday_rows if r[2] == "full"),
        weekday_lower=tuple(r[0].lower() for r in weekday_rows if r[2] == "full"),
        weekday_abbr=tuple(r[0] for r in weekday_rows if r[2] == "abbr"),
        seasons=_mapping("seasons.tsv"),
        numbers=_mapping("numbers.tsv"),
        ordinals=_mapping("ordinals.tsv"),
        units=MappingProxyType({r[0]: (r[1], int(r[2])) for r in read_rows("units.tsv")}),
        relative_days=_mapping("relative_days.tsv"),
        day_parts=_words("day_parts.txt"),
        interval_cues=_mapping("interval_cues.tsv", cast=str),
        leads=_words("leads.txt"),
        parts=_mapping("parts.tsv", cast=str),
        holidays=_mapping("holidays.tsv", cast=str),
        not_dates=_words("not_dates.txt"),
        licensors=frozenset(_words("licensors.txt")),
        determiners=frozenset(_words("determiners.txt")),
        year_blockers_before=_words("year_blockers_before.txt"),
        year_blockers_after=_words("year_blockers_after.txt"),
        not_plural_nouns=frozenset(_words("not_plural_nouns.txt")),
        half_code_followers=frozenset(_words("half_code_followers.txt")),
        tense_future=frozenset(_words("tense_future.txt")),
        tense_modal_perfect_past=frozenset(_words("tense_modal_perfect_past.txt")),
        year_back_modifiers=_words("year_back_modifiers.txt"),
        tense_future_heads=frozenset(_words("tense_future_heads.txt")),
        tense_implicative=frozenset(_words("tense_implicative.txt")),
        tense_future_participles=frozenset(_words("tense_future_participles.txt")),
        tense_forward_object=frozenset(_words("tense_forward_object.txt")),
        tense_past_nouns=frozenset(_words("tense_past_nouns.txt")),
        results_nouns=frozenset(_words("results_nouns.txt")),
        results_modifiers=frozenset(_words("results_modifiers.txt")),
        results_verbs=frozenset(_words("results_verbs.txt")),
        forward_leads=tuple(_words("forward_leads.txt")),
        forward_moves=tuple(_words("forward_moves.txt")),
        tense_past=frozenset(_words("tense_past.txt")),
        tense_schedule=frozenset(_words("tense_schedule.txt")),
        ed_not_past=frozenset(_words("ed_not_past.txt")),
        not_infinitive=frozenset(_words("not_infinitive.txt")),
        fiscal_words=_words("fiscal_words.txt"),
        anchors=_words("anchors.txt"),
        starters=_words("starters.txt"),
        links=_words("links.txt"),
        address_words=_words("address_words.txt"),
    )
