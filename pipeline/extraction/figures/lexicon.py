"""Load the figure word lists from `pipeline/patterns/figures/` and compile their regexes.

Everything here is built once per process (`functools.lru_cache`) and is read-only
afterwards: the lists are frozensets / mappings wrapped in `MappingProxyType`, and the
regexes are compiled `re.Pattern`s that callers only `match`/`search` with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from types import MappingProxyType
from typing import Any

from newsclaims.extraction.tries import keeps_order, trie_pattern
from newsclaims.patterns.lexicon import PATTERNS, yaml_data

PATTERN_DIR = PATTERNS / "figures"
DATA_FILES = (
    "numbers.yaml",
    "currencies.yaml",
    "currency_names.yaml",
    "units.yaml",
    "measures.yaml",
    "rates.yaml",
    "comparators.yaml",
    "changes.yaml",
    "nouns.yaml",
    "non_figures.yaml",
)

SP = r"[ \u00a0\u202f]"  # a space inside a figure: plain, no-break or narrow no-break
# units that "a" counts as one of ("cut by a percentage point", "a basis point")
ONE_POINT_UNIT = rf"(?i:(?:percentage|basis){SP}+points?)"

# unit keys read only when glued to the digits ("3x", "5pc"), never after a space
ATTACHED_ONLY = frozenset({"x", "pc"})


# An amount a one-letter currency prefix (`R` for the rand) may open: thousands separators,
# decimals or a scale word (`R500,000`, `R2.5bn`, `R30 million`), never a bare code (`R32`).
MONEY_SHAPE = (
    r"\d{1,3}(?:,\d{3})+(?!\d)|\d+\.\d+"
    r"|\d+[ \u00a0]?(?:m|bn|k|million|billion|trillion)(?![\w])"
)


@cache
def load(name: str) -> dict[str, Any]:
    """One data file of `pipeline/patterns/figures/`, parsed (cached; do not mutate)."""
    data = yaml_data(f"figures/{name}")
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping at the top level")
    return data


_SEPARATOR = r"[ \u00a0-]+"


def phrase_pattern(phrase: str) -> str:
    """Regex for a phrase: escaped, any run of spaces or hyphens between its words.

    A leading hyphen is kept literally (`-plus` matches "10,000-plus", not " plus").
    """
    return "".join(_phrase_atoms(phrase))


def _phrase_atoms(phrase: str) -> tuple[str, ...]:
    """`phrase_pattern` as a sequence of atoms: each escaped letter, and the separator."""
    if phrase.startswith("-"):
        return ("-", *_phrase_atoms(phrase[1:]))
    atoms: list[str] = []
    for i, word in enumerate(re.split(r"[ -]+", phrase.strip())):
        if i:
            atoms.append(_SEPARATOR)
        atoms.extend(re.escape(ch) for ch in word)
    return tuple(atoms)


def alternation(phrases: Iterable[str]) -> str:
    """Non-capturing alternation of phrases, longest first so the longest one wins.

    Shaped as a trie, which matches the same and fails sooner, unless the trie could try two
    phrases in another order (`newsclaims.extraction.tries.keeps_order`: `US$` and `Us...`
    read without case)."""
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    atoms = [_phrase_atoms(p) for p in unique]
    if not keeps_order(atoms):
        return "(?:" + "|".join(phrase_pattern(p) for p in unique) + ")"
    return trie_pattern(atoms)


def opening(phrases: Iterable[str]) -> str:
    """A lookahead on the first characters of `phrases` (read with case): a search over a
    whole text tests one character at each place before it tries the phrases."""
    firsts = sorted({p.strip()[0] for p in phrases})
    return "(?=[" + "".join(re.escape(ch) for ch in firsts) + "])"


def _case_sensitive(key: str) -> bool:
    """Unit keys with a capital letter, a symbol or at most 3 letters match exactly."""
    return len(key) <= 3 or key.lower() != key or not key.replace(" ", "").isalpha()


def mixed_alternation(keys: Iterable[str]) -> str:
    """Alternation where short or capitalised keys are case-sensitive and the rest are not."""
    exact = [k for k in keys if _case_sensitive(k)]
    loose = [k for k in keys if not _case_sensitive(k)]
    parts = []
    # one longest-first order over both groups, so "kWh" is tried before "kW"
    for key in sorted(set(exact) | set(loose), key=lambda p: (-len(p), p)):
        pattern = phrase_pattern(key)
        parts.append(pattern if key in exact else f"(?i:{pattern})")
    return "(?:" + "|".join(parts) + ")"


def _last_word(phrase: str) -> str:
    return re.split(r"[ -]+", phrase.strip().lower())[-1]


def _freeze(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


def _fold(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    """Lower-cased keys for case-insensitive lookups."""
    return MappingProxyType({k.lower(): v for k, v in mapping.items()})


@dataclass(frozen=True)
class UnitEntry:
    """What a unit word means: the unit lemma, the rate it carries, a scale it implies."""

    unit: str
    per: str | None = None
    scale: int = 1


@dataclass(frozen=True)
class Lexicon:
    """All figure word lists and the regexes compiled from them."""

    # numbers
    word_values: Mapping[str, int]
    scale_words: Mapping[str, int]
    scale_spaced: Mapping[str, int]
    scale_attached: Mapping[str, int]
    scale_after_currency: Mapping[str, int]
    fractions: Mapping[str, float]
    fraction_blockers: frozenset[str]
    times_words: Mapping[str, int]
    half_before: frozenset[str]
    vulgar_fractions: Mapping[str, float]
    slash_denominators: frozenset[int]
    # money
    currency_prefix: Mapping[str, str]
    currency_prefix_ends: frozenset[str]  # the last characters of those prefixes
    currency_suffix: Mapping[str, str]  # folded keys
    currency_suffix_exact: Mapping[str, str]
    currency_attached: Mapping[str, str]
    dollar_prefix: Mapping[str, str]  # folded letters before "$" ("hk" in "HK $40m") -> code
    currency_scale: Mapping[str, int]  # "MSEK" -> 1000000
    currency_subunits: Mapping[str, str]  # "sen" -> "sen" (with suffix "sen" -> MYR)
    dollar_context: Mapping[str, tuple[str, ...]]
    yuan_context: tuple[str, ...]
    yen_context: tuple[str, ...]
    mass_nouns: frozenset[str]
    weight_words: frozenset[str]
    body_weight_verbs: frozenset[str]
    money_words: frozenset[str]
    # units
    units: Mapping[str, UnitEntry]  # exact keys
    units_folded: Mapping[str, UnitEntry]  # lower-cased keys of case-insensitive units
    attached_units: Mapping[str, UnitEntry]  # glued-only units
    rate_units: frozenset[str]
    period_units: frozenset[str]
    metre_after: frozenset[str]
    age_words: frozenset[str]
    age_groups: frozenset[str]
    phone_verbs: frozenset[str]
    # rates
    per_words: Mapping[str, str | None]
    article_nouns: frozenset[str]
    article_blockers: frozenset[str]
    rate_adverbs: Mapping[str, str]
    every_nouns: frozenset[str]
    slash: Mapping[str, str]
    # comparators and changes
    comparator_before: Mapping[str, str]
    comparator_after: Mapping[str, str]
    period_neutral: frozenset[str]
    up_to_verbs: frozenset[str]
    over_particle_verbs: frozenset[str]
    change_words: Mapping[str, tuple[str, str]]  # word -> (direction, strength)
    comparator_last_words: frozenset[str]  # last word of a comparator phrase: a cheap gate
    comparator_window: int  # characters the longest comparator phrase can take before a number
    change_last_words: frozenset[str]  # last word before a number a change regex can match
    change_nouns: Mapping[str, str]
    pause_adverbs: frozenset[str]  # "off": a change only after a comma or "be"
    pause_verbs: frozenset[str]
    model_determiners: frozenset[str]  # "the 486 chip": determiners before a model number
    closing_verbs: frozenset[str]  # "closed up 37.5 cents": particle verbs of a day's trading
    particle_blockers: frozenset[str]
    composition_verbs: frozenset[str]
    headcount_nouns: frozenset[str]
    # nouns
    irregular_plurals: Mapping[str, str]
    invariant_plurals: frozenset[str]
    not_plural: frozenset[str]
    adjectives: frozenset[str]
    stopwords: frozenset[str]
    pass_words: frozenset[str]
    not_a_name: frozenset[str]  # capitalised words before a number that keep it a figure
    # non-figures
    months: frozenset[str]
    labels: frozenset[str]
    model_after: frozenset[str]
    score_words: frozenset[str]
    street_types: frozenset[str]
    time_zones: frozenset[str]
    one_after: frozenset[str]
    one_before: frozenset[str]
    hyphen_blockers: frozenset[str]
    last_verb_before: frozenset[str]
    name_particles: frozenset[str]
    hyphen_skip: frozenset[str]
    # compiled regexes
    prefilter: re.Pattern[str]
    word_token: re.Pattern[str]
    scale_re: re.Pattern[str]
    currency_prefix_re: re.Pattern[str]
    currency_suffix_re: re.Pattern[str]
    currency_suffix_heads: frozenset[str]  # first three letters of each suffix, lower-cased
    unit_re: re.Pattern[str]
    comparator_before_re: re.Pattern[str]
    comparator_after_re: re.Pattern[str]
    comparison_link_re: re.Pattern[str]
    comparison_gap_re: re.Pattern[str]
    or_equal_re: re.Pattern[str]
    change_before_re: re.Pattern[str]
    change_noun_of_re: re.Pattern[str]
    change_noun_after_re: re.Pattern[str]
    change_noun_gap_re: re.Pattern[str]
    per_re: re.Pattern[str]
    period_before_re: re.Pattern[str]
    future_cue_re: re.Pattern[str]
    period_after_re: re.Pattern[str]
    dollar_context_re: re.Pattern[str]
    yen_context_re: re.Pattern[str]
    yuan_context_re: re.Pattern[str]
    crown_context_re: re.Pattern[str]
    country_currency: Mapping[str, tuple[str, re.Pattern[str]]]  # SHILLING -> (KES, regex)
    pound_context_re: re.Pattern[str]


def _unit_entry(value: Any) -> UnitEntry:
    if isinstance(value, str):
        return UnitEntry(value)
    if isinstance(value, list):
        return UnitEntry(value[0], value[1] if len(value) > 1 else None)
    if isinstance(value, dict):
        return UnitEntry(value["unit"], value.get("per"), int(value.get("scale", 1)))
    raise ValueError(f"units.yaml: bad unit entry {value!r}")


_PLURAL_SYMBOL = re.compile(r"[a-z][a-z]")  # a prefixed SI symbol news writes with a plural s


def measure_keys(data: Mapping[str, Any]) -> tuple[dict[str, UnitEntry], dict[str, UnitEntry]]:
    """The written forms of the units in `measures.yaml`: (read after a space or glued, read
    only glued), each with the unit it stands for. Names give their singular word with its
    prefix (`kilometres` -> kilometre); symbols are kept as written (`5 km` -> km, `75kWh`
    -> kWh), or give the name for a unit marked `keep: name` (`5 mins` -> minute)."""
    prefix_symbols = data["prefixes"]
    spaced: dict[str, UnitEntry] = {}
    glued: dict[str, UnitEntry] = {}

    for unit in data["units"]:
        name, per, keep = unit["name"], unit.get("per"), unit.get("keep") != "name"
        if unit.get("read") != "symbols":
            spellings = [name, *unit.get("also", [])]
            plurals = unit.get("plural")
            if plurals is None:
                plurals = [w + "s" for w in spellings]
            forms = [*spellings, *plurals]
            for form in forms:
                spaced.setdefault(form, UnitEntry(name, per))
                for prefix in unit.get("prefixes", []):
                    spaced.setdefault(prefix + form, UnitEntry(prefix + name, per))
        bases = [*unit.get("symbols", []), *unit.get("glued", []), *unit.get("base", [])]

        def of_symbol(
            symbol: str, name: str = name, keep: bool = keep, per: str | None = per
        ) -> UnitEntry:
            return UnitEntry(symbol) if keep else UnitEntry(name, per)  # "mph": a rate as written

        for symbol in unit.get("symbols", []):
            spaced.setdefault(symbol, of_symbol(symbol))
        for symbol in unit.get("glued", []):
            glued.setdefault(symbol, of_symbol(symbol))
        for prefix, symbols in prefix_symbols.items():
            for mark in symbols:
                if mark not in unit.get("symbol_prefixes", []):
                    continue
                for base in bases:
                    entry = of_symbol(mark + base, prefix + name)
                    spaced.setdefault(mark + base, entry)
                    if _PLURAL_SYMBOL.fullmatch(mark + base):
                        spaced.setdefault(mark + base + "s", entry)  # "80 kms", "600 kgs"
    return spaced, glued


def _words(items: Iterable[str]) -> frozenset[str]:
    return frozenset(str(i).lower() for i in items)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The figure lexicon: data files loaded and regexes compiled, once per process."""
    numbers = load("numbers.yaml")
    money = load("currencies.yaml")
    units_data = load("units.yaml")
    table_spaced, table_glued = measure_keys(load("measures.yaml"))
    rates = load("rates.yaml")
    comparators = load("comparators.yaml")
    changes = load("changes.yaml")
    nouns = load("nouns.yaml")
    non = load("non_figures.yaml")

    word_values = {**numbers["small"], **numbers["tens"], **numbers["hundred"]}
    word_values.update(numbers["dozen"])
    scale_words = dict(numbers["scale_words"])

    # money
    prefix: dict[str, str] = {}
    suffix_loose: dict[str, str] = {}
    suffix_exact: dict[str, str] = {}
    attached: dict[str, str] = {}
    for entry in money["currencies"]:
        code = entry["code"]
        for p in entry.get("prefix", []):
            prefix[p] = code
        for s in entry.get("suffix", []):
            if s.isupper() or not s.isascii():
                suffix_exact[s] = code
            else:
                suffix_loose[s.lower()] = code
        for a in entry.get("attached", []):
            attached[a] = code
    cldr = load("currency_names.yaml")
    for code, forms in cldr["names"].items():
        for form in forms:
            suffix_loose.setdefault(form.lower(), code)  # "Dutch guilders" -> NLG
    for word, code in cldr["bare"].items():
        suffix_loose.setdefault(word.lower(), code)  # "500 cedis" -> GHS
    subunits = {}
    for surface, (code, unit_name) in money["subunits"].items():
        suffix_exact.setdefault(surface, code)
        subunits[surface] = unit_name
    for code, (one, _) in cldr["names"].items():
        if one.endswith(" dollar") and code != "USD":  # "18 Canadian cents": CAD, unit cent
            for cents in ("cents", "cent"):
                suffix_exact.setdefault(f"{one[: -len('dollar')]}{cents}", code)
                subunits.setdefault(f"{one[: -len('dollar')]}{cents}", "cent")
    written_prefix = list(prefix)  # as the data file writes them, before the derived forms
    iso = sorted({e["code"] for e in money["currencies"] if re.fullmatch(r"[A-Z]{3}", e["code"])})
    for code in money["lowercase_codes"]:
        prefix.setdefault(code, prefix.get(code.upper(), code.upper()))  # rmb -> CNY
        suffix_loose.setdefault(code, prefix.get(code.upper(), code.upper()))
    currency_scale: dict[str, int] = {}
    for letter, scale in money["code_scales"].items():
        for code in iso:
            prefix.setdefault(letter + code, code)
            suffix_exact.setdefault(letter + code, code)
            currency_scale[letter + code] = int(scale)
    # letters before "$", in any case and with a space or none: "HK $40m", "c $ 16.4", "USD$ 15"
    dollar_prefix = {
        k[:-1].lower(): c
        for k, c in prefix.items()
        if k[-1:] == "$" and k[:-1].replace(".", "").isalpha()
    }
    for letters, code in list(dollar_prefix.items()):
        if letters.endswith("."):
            dollar_prefix.setdefault(letters.rstrip("."), code)  # "u.s $ 100"
    for code in iso:
        dollar_prefix.setdefault(code.lower(), code)

    # units
    units: dict[str, UnitEntry] = {}
    for group in ("percent", "multiples", "measures"):
        for key, value in units_data[group].items():
            units[str(key)] = _unit_entry(value)
    for key, value in table_spaced.items():
        units.setdefault(key, value)
    attached_units = {str(k): _unit_entry(v) for k, v in units_data["attached_only"].items()}
    for key, value in table_glued.items():
        if key not in units:
            attached_units.setdefault(key, value)
    units_folded = {k.lower(): v for k, v in units.items() if not _case_sensitive(k)}
    rate_units = frozenset({"%", "percentage point", "basis point", "point", "times"})

    # comparators / changes
    cmp_before = {p: sym for sym, ps in comparators["before"].items() for p in ps}
    cmp_after = {p: sym for sym, ps in comparators["after"].items() for p in ps}
    change_words: dict[str, tuple[str, str]] = {}
    change_nouns: dict[str, str] = {}
    for direction in ("up", "down"):
        for strength in ("strong", "weak", "adverbs"):
            for w in changes[direction][strength]:
                change_words.setdefault(w.lower(), (direction, strength))
        for w in changes[direction]["nouns"]:
            change_nouns[w.lower()] = direction

    months = frozenset(non["months"])
    stopwords = _words(nouns["stopwords"])

    # --- regexes -------------------------------------------------------------------
    num_words = list(word_values) + list(scale_words)
    nw = alternation(num_words)
    nw_b = rf"{nw}(?:\b|(?=fold\b))"
    scale_or_dozen = alternation([*scale_words, "dozen", "hundred"])
    half_unit = rf"(?:percentage{SP}+points?|points?|per{SP}?cent|percent)"
    word_atom = (
        rf"(?<![\w-])(?:half{SP}+an?(?={SP}+{half_unit}\b)"
        rf"|an?(?={SP}+{ONE_POINT_UNIT}\b)"  # "by a percentage point" = 1
        rf"|(?:(?:half{SP}+an?|an?){SP}+(?={scale_or_dozen}\b))?"
        rf"{nw_b}(?:(?:{SP}+and{SP}+|[ \u00a0-]+){nw_b}|{SP}+and{SP}+a{SP}+half\b)*)"
    )
    fraction_words = alternation(numbers["fractions"])
    frac_mult = alternation(["a", "an", *[w for w, v in numbers["small"].items() if v < 10]])
    frac = (
        rf"(?<![\w-])(?:(?:{frac_mult}(?:{SP}*-{SP}*|{SP}+){fraction_words}|half)(?![\w])"
        rf"(?!{SP}+an?{SP})"  # "half a million", "by half a percentage point": word numbers
        rf"|{alternation(numbers['times_words'])}(?![\w]))"
    )
    vulgar = "[" + "".join(numbers["vulgar_fractions"]) + "]"
    digits = (
        r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?"  # Indian grouping: 12,34,567.89
        r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
        r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)"
        r"|\d+(?:\.\d+)?(?:[eE][-+]?\d{1,3}(?![\d.]))?"  # 1.2e6
        r"|(?<!\d)\.\d+"  # ".350 average"
    )
    digits = rf"(?:{digits}){vulgar}?|{vulgar}"
    # letter prefixes glued to the digits ("RMB300", "Rs.500"); the lower-case and scaled
    # codes need a space. One lookbehind per length: each is one fixed-width alternation.
    # A one-letter prefix (`R` for the rand) opens only an amount shaped as money
    # (`R500,000`, `R2.5bn`, `R30 million`), never a code (`R32`, `R1`).
    by_length: dict[int, list[str]] = {}
    one_letter: list[str] = []
    for p in written_prefix:
        if len(p) == 1 and p.isalpha():
            one_letter.append(re.escape(p))
        elif p[-1:].isalpha() or p.endswith("."):
            by_length.setdefault(len(p), []).append(re.escape(p))
    glued_prefix = "|".join(
        "(?<=" + "|".join(sorted(ps)) + ")" for _, ps in sorted(by_length.items(), reverse=True)
    )
    if one_letter:
        glued_prefix += "|(?<=" + "|".join(sorted(one_letter)) + f")(?={MONEY_SHAPE})"
    digit_atom = (
        rf"(?:{glued_prefix}|(?<![\w.,:/#'’]))(?:(?<=[Mm]inus-)|(?<=[Ss]ub-)|(?<![A-Za-z]-))"
        rf"(?<![A-Za-z]\d-)(?<![A-Za-z]-\d-)(?<![A-Za-z]-\d\d-)(?:{digits})"  # DC-8-62
        r"(?:°?[A-Za-zµμΩ]+[23²³]?)?(?![\w])"
    )
    # each branch opens with a one-character lookahead so most positions fail at once
    firsts = "".join(sorted({w[0] for w in num_words} | {"a", "h"}))
    # (both word branches open with `(?<![\w-])` and a letter: tested once for the two)
    letters = "".join(sorted(set("aotfsenh" + firsts)))
    prefilter = re.compile(
        rf"(?P<dig>(?=[\d{vulgar[1:-1]}]|\.\d){digit_atom})"
        rf"|(?<![\w-])(?=[{letters}{letters.upper()}])"
        rf"(?:(?P<frac>\b(?=[aotfsenhAOTFSENH])(?i:{frac}))"
        rf"|(?P<word>\b(?=[{firsts}{firsts.upper()}])(?i:{word_atom})))"
    )

    spaced_scales = {**scale_words, **numbers["scale_abbrev_spaced"], "hundred": 100}  # 6 hundred
    scales = alternation(spaced_scales)
    scale_re = re.compile(rf"(?:{SP}|-)?(?i:(?P<scale>{scales}))(?![\w])")
    currency_prefix_re = re.compile(
        rf"(?<![\w$])(?P<sign>[-−+])?"
        rf"(?:(?<![.'’])(?<![.'’] )(?P<dl>(?i:{alternation(dollar_prefix)})){SP}?\$"
        rf"|(?P<cur>{alternation(prefix)})){SP}?$"
    )
    loose_alt = alternation(suffix_loose)
    exact_alt = alternation(suffix_exact)
    currency_suffix_re = re.compile(
        rf"(?:{SP}*|-)(?:(?P<cur>(?i:{loose_alt}))|(?P<code>{exact_alt}))"
        rf"(?![\w])(?![ \u00a0-]+(?i:zone|area|bloc|index|bills?|notes?|coins?)\b)"
    )
    unit_keys = [k for k in units if k not in ATTACHED_ONLY]
    unit_re = re.compile(rf"(?:{SP}|-)?(?P<unit>{mixed_alternation(unit_keys)})(?![\w])")

    cmp_before_alt = alternation(cmp_before)
    comparator_before_re = re.compile(rf"(?i:(?<![\w])(?P<cmp>{cmp_before_alt})){SP}+$")
    after_phr = [p for p in cmp_after if p not in {"+"}]
    comparator_after_re = re.compile(
        rf"(?P<plus>\+(?![\d]))|(?:{SP}*|(?=-))(?i:(?P<cmp>{alternation(after_phr)}))(?![\w])"
        # "5000 or less than 6000", "above 1000 and below 1500", "twenty and less or equal than
        # thirty": the phrase opens the next figure's comparator
        rf"(?!{SP}+(?i:than|or|equal)\b{SP}*[\d$€£¥−-])(?!{SP}+(?i:or|equal)\b)"
        rf"(?!{SP}*[\d$€£¥−-])(?!{SP}+(?i:{nw})\b)"
    )
    comparison_link_re = re.compile(
        rf",?{SP}+(?i:{alternation(comparators['comparison_links'])}){SP}+"
        rf"(?:(?i:the|a|an){SP}+)?(?:(?i:previous|prior|year-earlier|earlier){SP}+)?"
    )
    comparison_gap_re = re.compile(
        rf"(?:{SP}+[a-z][\w'’-]*){{1,4}},{SP}+"
        rf"(?i:{alternation(comparators['comparison_gap_links'])}){SP}+(?:(?i:the|a|an){SP}+)?"
    )
    or_equal_re = re.compile(rf",?{SP}*(?i:{alternation(comparators['or_equal'])})(?![\w])")

    fillers = alternation(changes["fillers"])
    change_alt = alternation(change_words)
    # the leading greedy `.*` makes the change word nearest the number win
    # ("the cuts could lift margins by 2 points": lift, not cuts)
    change_before_re = re.compile(
        rf"(?s:.*)(?i:(?<![\w-])(?P<chg>{change_alt})"
        rf"(?:(?:{SP}+\w+ly)?(?P<by>{SP}+by)?(?:{SP}+{fillers})?"
        rf"|(?:{SP}+[\w'’.-]+){{1,5}}?{SP}+(?P<by2>by)))"
        rf"{SP}+$"
    )
    nouns_of = [n for n in change_nouns if n not in {"loss", "losses"}]
    change_noun_of_re = re.compile(
        rf"(?i:(?<![\w-])(?P<noun>{alternation(nouns_of)}){SP}+of){SP}+$"
    )
    noun_fillers = alternation(changes["noun_fillers"])
    change_noun_after_re = re.compile(
        rf"(?i:[ \u00a0-]+(?:{noun_fillers}[ \u00a0-]+)?"
        rf"(?P<noun>{alternation([*change_nouns, 'higher', 'lower'])}))(?![\w])"
    )
    # a noun with up to two words between, for figures with no counted noun: "a 5% pay
    # rise", "2% GDP growth"; function words end the phrase ("5% of the rise")
    gap_blockers = alternation(changes["noun_gap_blockers"])
    change_noun_gap_re = re.compile(
        rf"(?i:(?:[ \u00a0-]+(?!{gap_blockers}\b)[a-z][a-z'’]*){{1,2}}?[ \u00a0-]+"
        rf"(?P<noun>{alternation(change_nouns)}))(?![\w])"
    )
    adverbs = alternation(rates["adverbs"])
    per_re = re.compile(
        rf"(?:{SP}*|-(?=(?i:per|an?)-))"  # "£1.5bn-a-year": a rate inside a compound
        rf"(?:(?i:(?P<kw>per|an?|each|every))(?:{SP}+|-)(?:U\.?S\.?{SP}+)?(?P<w>[A-Za-z][\w-]*)"
        rf"|/{SP}?(?P<sl>[A-Za-z]+)(?![\w/])"
        rf"|(?i:(?P<adv>{adverbs}))(?![\w]))"
    )
    period_before_re = re.compile(
        rf"(?i:(?<![\w])(?P<p>{alternation(non['period_before'])})){SP}+$"
    )
    future_cue_re = re.compile(rf"(?i:(?<![\w])(?:{alternation(non['future_cues'])})(?![\w]))")
    period_after_re = re.compile(rf"{SP}+(?i:{alternation(non['period_after'])})(?![\w])")

    dollar_ctx = {code: tuple(words) for code, words in money["dollar_context"].items()}
    # searched over whole articles: one test of the character at each place, then the names
    dollar_context_re = re.compile(
        opening(w for words in dollar_ctx.values() for w in words)
        + "(?:"
        + "|".join(f"(?P<{code}>{alternation(words)})" for code, words in dollar_ctx.items())
        + ")"
    )
    yen_context_re = re.compile(rf"\b{alternation(money['yen_context'])}\b")
    yuan_context_re = re.compile(rf"\b{alternation(money['yuan_context'])}\b")
    crown_context = money["crown_context"]
    crown_context_re = re.compile(
        r"\b"
        + opening(w for words in crown_context.values() for w in words)
        + "(?:"
        + "|".join(f"(?P<{c}>{alternation(ws)})" for c, ws in crown_context.items())
        + r")\b"
    )
    pound_context_re = re.compile(rf"£|\b{alternation(money['pound_context'])}(?![\w])")

    return Lexicon(
        word_values=_freeze(word_values),
        scale_words=_freeze(scale_words),
        scale_spaced=_fold(spaced_scales),
        scale_attached=_freeze(numbers["scale_attached"]),
        scale_after_currency=_freeze(numbers["scale_attached_after_currency"]),
        fractions=_freeze(numbers["fractions"]),
        fraction_blockers=_words(numbers["fraction_blockers"]),
        times_words=_fold(numbers["times_words"]),
        half_before=_words(numbers["half_before"]),
        vulgar_fractions=_freeze(numbers["vulgar_fractions"]),
        slash_denominators=frozenset(int(d) for d in numbers["slash_denominators"]),
        currency_prefix=_freeze(prefix),
        currency_prefix_ends=frozenset(k[-1] for k in prefix if k),
        currency_suffix=_freeze(suffix_loose),
        currency_suffix_exact=_freeze(suffix_exact),
        currency_suffix_heads=frozenset(k[:3].lower() for k in (*suffix_loose, *suffix_exact)),
        currency_attached=_freeze(attached),
        dollar_prefix=_freeze(dollar_prefix),
        currency_scale=_freeze(currency_scale),
        currency_subunits=_freeze(subunits),
        dollar_context=_freeze(dollar_ctx),
        yuan_context=tuple(money["yuan_context"]),
        yen_context=tuple(money["yen_context"]),
        mass_nouns=_words(money["mass_nouns"]),
        weight_words=_words(money["weight_words"]),
        body_weight_verbs=_words(money["body_weight_verbs"]),
        money_words=_words(money["money_words"]),
        units=_freeze(units),
        units_folded=_freeze(units_folded),
        attached_units=_freeze(attached_units),
        rate_units=rate_units,
        period_units=_words(non["period_units"]),
        metre_after=_words(units_data["metre_after"]),
        age_words=_words(units_data["age_words"]),
        age_groups=_words(units_data["age_groups"]),
        phone_verbs=_words(non["phone_verbs"]),
        per_words=_fold(rates["per_words"]),
        article_nouns=_words(rates["article_nouns"]),
        article_blockers=_words(rates["article_blockers"]),
        rate_adverbs=_fold(rates["adverbs"]),
        every_nouns=_words(rates["every_nouns"]),
        slash=_freeze(rates["slash"]),
        comparator_before=_fold(cmp_before),
        comparator_after=_fold(cmp_after),
        period_neutral=_words(comparators["period_neutral"]),
        up_to_verbs=_words(comparators["up_to_verbs"]),
        over_particle_verbs=_words(comparators["over_particle_verbs"]),
        change_words=_freeze(change_words),
        comparator_last_words=frozenset(_last_word(p) for p in cmp_before),
        comparator_window=2 * max(len(p) for p in cmp_before) + 4,
        change_last_words=frozenset(
            {_last_word(p) for p in (*change_words, *changes["fillers"])} | {"by", "of"}
        ),
        change_nouns=_freeze(change_nouns),
        particle_blockers=_words(changes["particle_blockers"]),
        pause_adverbs=_words(changes["pause_adverbs"]),
        pause_verbs=_words(changes["pause_verbs"]),
        closing_verbs=_words(changes["closing_verbs"]),
        model_determiners=_words(non["model_determiners"]),
        composition_verbs=_words(changes["composition_verbs"]),
        headcount_nouns=_words(changes["headcount_nouns"]),
        irregular_plurals=_fold(nouns["irregular_plurals"]),
        invariant_plurals=_words(nouns["invariant_plurals"]),
        not_plural=_words(nouns["not_plural"]),
        adjectives=_words(nouns["adjectives"]),
        stopwords=stopwords,
        pass_words=_words(nouns["pass_words"]),
        not_a_name=stopwords
        | frozenset(cmp_before)
        | frozenset(change_words)
        | frozenset({"another", "exactly", "precisely", "fully", "only", "just", "nearly"})
        | frozenset(code.lower() for code in suffix_exact),  # "17 USD 25": the cents
        months=months,
        labels=_words(non["labels"]),
        model_after=_words(non["model_after"]),
        score_words=_words(non["score_words"]),
        street_types=_words(non["street_types"]),
        time_zones=frozenset(non["time_zones"]),
        one_after=_words(non["one_after"]),
        one_before=_words(non["one_before"]),
        hyphen_blockers=_words(non["hyphen_blockers"]),
        last_verb_before=_words(non["last_verb_before"]),
        name_particles=frozenset(non["name_particles"]),
        hyphen_skip=_words(non["hyphen_skip"]),
        prefilter=prefilter,
        word_token=re.compile(r"[A-Za-z]+"),
        scale_re=scale_re,
        currency_prefix_re=currency_prefix_re,
        currency_suffix_re=currency_suffix_re,
        unit_re=unit_re,
        comparator_before_re=comparator_before_re,
        comparator_after_re=comparator_after_re,
        or_equal_re=or_equal_re,
        comparison_link_re=comparison_link_re,
        comparison_gap_re=comparison_gap_re,
        change_before_re=change_before_re,
        change_noun_of_re=change_noun_of_re,
        change_noun_after_re=change_noun_after_re,
        change_noun_gap_re=change_noun_gap_re,
        per_re=per_re,
        period_before_re=period_before_re,
        future_cue_re=future_cue_re,
        period_after_re=period_after_re,
        dollar_context_re=dollar_context_re,
        yen_context_re=yen_context_re,
        yuan_context_re=yuan_context_re,
        crown_context_re=crown_context_re,
        country_currency=_freeze(
            {
                placeholder: (
                    table["default"],
                    re.compile(
                        r"\b(?:"
                        + "|".join(
                            f"(?P<{c}>{alternation(ws)})"
                            for c, ws in table.items()
                            if c != "default"
                        )
                        + r")\b"
                    ),
                )
                for placeholder, table in money["country_currencies"].items()
            }
        ),
        pound_context_re=pound_context_re,
    )
