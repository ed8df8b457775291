"""Claims reduced to comparable facts: who (speaker, target), how much (figures with the
interval their written precision allows), when (date intervals as day numbers) and the
words of the sentence (numbers masked), for blocking and comparing.

Pure functions of a claim and its article; nothing here depends on the other claims.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
import unicodedata
import zlib
from array import array
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from newsclaims.models import Article, Claim, Figure
from newsclaims.patterns.lexicon import table, words, yaml_data

_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|\d[\d,]*(?:\.\d+)?")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
NUM = "#"
# How far a bound reaches: `more than 400` can be 412, not 45,210; `fewer than 300
# million` can be 280 million, not 45,210 (a report rounds to a bound near its value).
BOUND = 2.0
_FAR = math.inf


def stopwords() -> frozenset[str]:
    return words("link/stopwords.txt")


def suffixes() -> frozenset[str]:
    return words("link/corporate_suffixes.txt")


def unit_class(unit: str | None) -> str | None:
    """The class a count unit is compared by: `car` and `vehicle` are `vehicle`, `people`
    and `festival-goer` are `person` (`link/unit_synonyms.txt`); a symbol of measure is
    its unit's name (`km` is `kilometre`, `GW` `gigawatt`: `symbol_names`); another unit
    is its own."""
    if unit is None:
        return None
    unit = symbol_names().get(unit, unit)
    return table("link/unit_synonyms.txt").get(unit.lower(), unit)


@lru_cache(maxsize=1)
def symbol_names() -> dict[str, str]:
    """Symbol of measure -> its unit's name, from the figure extractor's table
    (`figures/measures.yaml`, read without loading the extractor), which keeps a symbol
    as written (`5 km` -> `km`, `25 gigawatts` -> `gigawatt`): `km` -> `kilometre`, `GW`
    -> `gigawatt`, `kWh` -> `kilowatt hour`, `t` -> `tonne`. Rates (`mph`) are left out:
    their rate is compared apart (round 6)."""
    data = yaml_data("figures/measures.yaml")
    prefix_of = {sym: name for name, syms in data["prefixes"].items() for sym in syms}
    out: dict[str, str] = {}
    for unit in data["units"]:
        if unit.get("per"):
            continue
        name = unit["name"]
        if unit.get("prefixes") and not unit.get("symbol_prefixes"):
            continue  # its symbols are prefixed already (`Mbps`, `Gb`): no one name
        bare = list(unit.get("symbols") or []) + list(unit.get("glued") or [])
        for symbol in bare:  # not a prefixed one listed beside its base (`mAh`, `Ah`)
            if not any(symbol == p + b for p in prefix_of for b in bare):
                out.setdefault(symbol, name)
        prefixes = set(unit.get("prefixes") or [])
        for mark in unit.get("symbol_prefixes") or []:
            if prefix_of.get(mark) in prefixes:
                for symbol in bare + list(unit.get("base") or []):
                    out.setdefault(mark + symbol, prefix_of[mark] + name)
    return out


@lru_cache(maxsize=1)
def period_units() -> frozenset[str]:
    """Units that are lengths of time (`day` ... `century`: the figure extractor's list in
    `figures/non_figures.yaml`, read without loading the extractor)."""
    data = yaml_data("figures/non_figures.yaml")
    return frozenset(data["period_units"])


def loose(f: Fig) -> bool:
    """A figure that a paraphrase may give in another form or as a date: written in words
    (`eight years`, `half a century`) or a length of time (`in 50 years`)."""
    return f.digits == 0 or f.measure in period_units()


@lru_cache(maxsize=1)
def measure_phrases() -> tuple[dict[tuple[str, ...], str], frozenset[str], int]:
    """`link/measure_synonyms.txt` and `link/word_synonyms.txt` as phrase (a tuple of
    tokens) -> canonical word, the words a phrase can start with, and the longest
    phrase's length."""
    both = {**table("link/word_synonyms.txt"), **table("link/measure_synonyms.txt")}
    phrases = {tuple(k.split()): v for k, v in both.items()}
    starts = frozenset(k[0] for k in phrases)
    return phrases, starts, max(map(len, phrases), default=0)


def measures(tokens: list[str]) -> list[str]:
    """The tokens with each measure phrase put as its canonical words, longest first
    (`pre tax` and `before tax` -> `pretax`, `turned over` -> `revenue`)."""
    phrases, starts, longest = measure_phrases()
    if starts.isdisjoint(tokens):  # most sentences name no measure
        return tokens
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if tokens[i] in starts:
            for n in range(min(longest, len(tokens) - i), 0, -1):
                found = phrases.get(tuple(tokens[i : i + n]))
                if found is not None:
                    out.extend(found.split())
                    i += n
                    break
            else:
                out.append(tokens[i])
                i += 1
        else:
            out.append(tokens[i])
            i += 1
    return out


@dataclass(frozen=True, slots=True)
class Fig:
    """A figure as an interval of the values it can stand for."""

    text: str
    value: float
    low: float
    high: float
    exact: bool  # written as one value (`=`, `~`): two of them can disagree
    unit: str | None
    currency: str | None
    kind: str  # what it counts: a currency code, `%`, or `count`
    change: str | None
    digits: int  # significant digits as written: `12,018` 5, `about 12,000` 2, `$1.2bn` 2
    per: str | None  # the period or unit of a rate: `crowns per kilogram` -> kilogram
    measure: str | None  # the unit's class, compared instead of it: `car` -> `vehicle`


@dataclass(frozen=True, slots=True)
class Item:
    """One claim, ready to be compared with others, kept small: a link run holds one per
    claim. The word pairs are packed 32-bit hashes (`packed`) and the content words a
    sorted tuple of interned strings (`words`); `shingles` and `content` give them as sets.
    The strings an article's claims share (ids, source, outlet) are interned."""

    index: int
    claim_id: str
    article_id: str
    source: str
    text: str
    modality: str
    published: int | None  # day number (date.toordinal), for ordering
    outlet: str | None
    host: str | None
    url: str | None
    speaker: str | None
    speaker_words: frozenset[str]
    target_words: frozenset[str]
    figures: tuple[Fig, ...]
    dates: tuple[tuple[float, float], ...]
    bounded: tuple[tuple[float, float], ...]  # the dates with both ends
    packed: bytes  # the sorted word-pair hashes, as unsigned 32-bit numbers
    words: tuple[str, ...]  # the sorted content words

    @property
    def shingles(self) -> frozenset[int]:
        return frozenset(memoryview(self.packed).cast("I"))

    @property
    def content(self) -> frozenset[str]:
        return frozenset(self.words)


def normalise(text: str) -> list[str]:
    """Lower-case word tokens with every number replaced by `#`; letters of any script
    (`Sørlie` is one word, not `s` and `rlie`), accents dropped (`Zürich` and `Zurich`,
    `José` and `Jose`: outlets write names with and without them; round 6)."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return [NUM if t[0].isdigit() else t for t in _TOKEN.findall(text)]


def pack(hashes: frozenset[int]) -> bytes:
    """Word-pair hashes as the bytes of their sorted unsigned 32-bit array."""
    return array("I", sorted(hashes)).tobytes()


def _intern(text: str | None) -> str | None:
    return sys.intern(text) if text is not None else None


def shingles(tokens: list[str]) -> frozenset[int]:
    """Word pairs of the sentence as stable 32-bit hashes (crc32: the same in every process,
    unlike Python's salted `hash`). A one-word sentence gives its word."""
    grams = [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)] or tokens
    return frozenset(zlib.crc32(g.encode("utf-8")) for g in grams)


def content_words(tokens: list[str]) -> frozenset[str]:
    """Words that carry the fact (`registrations`, `norway`), crudely stemmed, each measure
    by one name (`before tax` and `pre-tax` are `pretax`)."""
    stop = stopwords()
    out = set()
    for token in measures(tokens):
        if token == NUM or len(token) < 3 or token in stop:
            continue
        out.add(stem(token.removesuffix("'s")))
    return frozenset(out)


def stem(token: str) -> str:
    """A word without its inflection, crudely (Harman's S-stemmer with `-ed` and `-ing`):
    `detoured` and `detour`, `expected` and `expects`, `closed`, `closing` and `close` are
    one word; a stem keeps four letters or more (`used` stays)."""
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        token = token[:-1]
    for suffix in ("ing", "ed"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 4:
            token = token[: -len(suffix)]
            if len(token) > 4 and token[-1] == token[-2] and token[-1] not in "lsz":
                token = token[:-1]  # `planned` -> `plan`, not `fell`, `pass`
            break
    if len(token) > 4 and token.endswith("e"):
        token = token[:-1]
    return token


@lru_cache(maxsize=8192)
def name_words(*names: str | None) -> frozenset[str]:
    """The words of a speaker's or target's names, without corporate suffixes (cached:
    the same names come back claim after claim)."""
    drop = suffixes()
    out: set[str] = set()
    for name in names:
        if name:
            out.update(w for w in normalise(name) if w != NUM and w not in drop and len(w) > 1)
    return frozenset(out)


def step(figure: Figure) -> float:
    """The place of the last written digit of a figure, in its value's scale: `12,018` -> 1,
    `about 12,000` -> 1,000, `$1.2bn` -> 100,000,000, `93.4%` -> 0.1. Number words
    (`nine`, `two million`) count their trailing zeros the same way."""
    value = abs(float(figure.value))
    match = _NUMBER.search(figure.text)
    if match is None:
        return _trailing_place(value)
    written = match.group().replace(",", "")
    number = float(written)
    if number == 0:
        return 1.0
    scale = value / number if value else 1.0
    if "." in written:
        return 10.0 ** -len(written.split(".")[1]) * scale
    return _trailing_place(number) * scale


def _trailing_place(value: float) -> float:
    """The place of the last non-zero digit of a whole number of 100 or more (`12,000` ->
    1,000); below 100 a number is taken as exact (`10%` is not `5%` to `15%`)."""
    if value != int(value) or value == 0:
        return 10.0 ** math.floor(math.log10(value) - 2) if value else 1.0
    if value < 100:
        return 1.0
    whole = int(value)
    place = 1
    while whole % 10 == 0:
        whole //= 10
        place *= 10
    return float(place)


def fig(figure: Figure) -> Fig:
    """The interval a figure stands for: a written value covers half its last place either
    side (`about` a whole place), a bound is open on one side, a range is its two ends."""
    value = float(figure.value)
    half = step(figure) / 2
    comparator = figure.comparator
    if figure.max is not None:
        low, high = value - half, float(figure.max) + half
    elif comparator == "~":
        low, high = value - 2 * half, value + 2 * half
    elif comparator in (">", ">="):  # a bound is as written: `more than 1,000` is not 900
        low, high = value, value * BOUND if value > 0 else _FAR
    elif comparator in ("<", "<="):
        low, high = value / BOUND if value > 0 else -_FAR, value
    else:
        low, high = value - half, value + half
    unit = figure.unit
    kind = figure.currency or ("%" if unit == "%" else "count")
    exact = figure.max is None and comparator in ("=", "~")
    return Fig(
        figure.text,
        value,
        low,
        high,
        exact,
        unit,
        figure.currency,
        kind,
        figure.change,
        significant(figure.text),
        figure.per,
        _intern(unit_class(unit)),
    )


def significant(text: str) -> int:
    """Significant digits of the first number written in a figure (0 for number words)."""
    match = _NUMBER.search(text)
    if match is None:
        return 0
    written = match.group().replace(",", "")
    whole, _, decimals = written.partition(".")
    digits = (whole + decimals).lstrip("0")
    return len(digits if decimals else digits.rstrip("0"))


@lru_cache(maxsize=8192)
def written_digits(text: str) -> str:
    """The digits of the first number written in a figure, without leading zeros or
    trailing decimal zeros: `12,018` -> `12018`, `NOK 71.20` -> `712`."""
    match = _NUMBER.search(text)
    if match is None:
        return ""
    whole, _, decimals = match.group().replace(",", "").partition(".")
    return (whole + decimals.rstrip("0")).lstrip("0")


@dataclass(frozen=True, slots=True)
class Origin:
    """What linking needs of an article: when, where and by whom it was published."""

    published: dt.date | None = None
    publisher: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:  # one string per outlet, not one per claim
        object.__setattr__(self, "publisher", _intern(self.publisher))
        object.__setattr__(self, "url", _intern(self.url))

    @classmethod
    def of(cls, article: Article) -> Origin:
        return cls(article.published, article.publisher, article.url)

    @property
    def host(self) -> str | None:
        """The URL's host without `www.`: `https://www.x.org/a` -> `x.org`."""
        return _host(self.url)


@lru_cache(maxsize=8192)
def _host(url: str | None) -> str | None:
    if not url:
        return None
    return sys.intern((urlsplit(url).hostname or "").removeprefix("www.")) or None


def item(index: int, claim: Claim, article: Origin | None) -> Item:
    """Claim `index` as an `Item` (its article gives the date and outlet)."""
    tokens = normalise(claim.text)
    speaker = claim.speaker
    article = article or Origin()
    published = article.published.toordinal() if article.published else None
    dates = tuple(
        (
            d.earliest.toordinal() if d.earliest else -_FAR,
            d.latest.toordinal() if d.latest else _FAR,
        )
        for d in claim.dates
        if d.earliest or d.latest
    )
    return Item(
        index=index,
        claim_id=claim.id,
        article_id=sys.intern(claim.article_id),
        source=sys.intern(claim.source),
        text=claim.text,
        modality=sys.intern(claim.modality),
        published=published,
        outlet=article.publisher,
        host=article.host,
        url=article.url,
        speaker=_intern(speaker.name) if speaker else None,
        # An anonymous speaker (`people familiar with the matter`) names no one.
        speaker_words=(
            name_words(speaker.name, speaker.organization)
            if speaker and speaker.kind != "anonymous"
            else frozenset()
        ),
        target_words=name_words(claim.target.name) if claim.target else frozenset(),
        figures=tuple(fig(f) for f in claim.figures),
        dates=dates,
        bounded=tuple(d for d in dates if math.isfinite(d[0]) and math.isfinite(d[1])),
        packed=pack(shingles(tokens)),
        words=tuple(sorted(sys.intern(w) for w in content_words(tokens))),
    )
