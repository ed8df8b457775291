"""Person and organisation names: honorifics dropped, aliases, acronyms, gender evidence."""

from __future__ import annotations

import re
from functools import lru_cache

from newsclaims.patterns import lexicon

_ORG_SUFFIXES = frozenset(
    "inc inc. corp corp. corporation co co. ltd ltd. llc plc ag sa se nv bv spa s.a. "
    "holdings group limited company".split()
)
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
_TRIM = " \t\n,;:.'\"\u2019\u201c\u201d()-"


def strip_possessive(text: str) -> str:
    return re.sub(r"['\u2019]s?$", "", text.strip())


@lru_cache(maxsize=8192)
def person_name(text: str) -> str:
    """`Prince Abdulaziz bin Salman` -> `Abdulaziz bin Salman`; `Mr. Wang's` -> `Wang`."""
    honorifics = lexicon.words("attribution/honorifics.txt")
    titles = lexicon.words("attribution/titles.txt")
    epithets = lexicon.words("attribution/person_epithets.txt")
    words = strip_possessive(text).strip(_TRIM).split()
    # `Administrator Bill Nelson`, `Chair Jerome Powell`, `Billionaire Donald Trump`:
    # titles and epithets the NER kept in the name.
    while len(words) > 2 and words[0].lower().rstrip(".") in honorifics | titles | epithets:
        words = words[1:]
    while len(words) > 1 and words[0].lower().rstrip(".") in honorifics:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=8192)
def org_name(text: str) -> str:
    """`the European Central Bank's` -> `European Central Bank`."""
    name = strip_possessive(text).strip(_TRIM)
    if name.lower().startswith("the "):
        name = name[4:]
    words = name.split()
    # `Rival Kaiyun Auto said`: a sentence opener the NER took into the name.
    if len(words) > 1 and words[0].lower() in lexicon.words("attribution/org_leading_words.txt"):
        name = " ".join(words[1:])
    return name


def person_aliases(name: str) -> set[str]:
    """Forms a later mention may take: full name, surname, given name (and the reverse, for
    names written family name first, as in `Wang Lianjun` then `Wang`)."""
    words = name.split()
    aliases = {name.lower()}
    while len(words) > 2 and words[-1].lower().strip(".,") in _GENERATIONS:
        words = words[:-1]  # `Joseph R. Biden Jr.` is `Biden`, never `Jr`
        aliases.add(" ".join(words).lower())
    if len(words) >= 2:
        aliases.add(words[-1].lower())
        aliases.add(words[0].lower())
        particles = {"bin", "al", "van", "von", "de", "da", "del", "di", "le", "la"}
        if len(words) >= 3 and words[-2].lower() in particles:
            aliases.add(" ".join(words[-2:]).lower())
    return aliases


def surname(name: str) -> str:
    """The last word of a person's name that is no generation suffix (`Jr.`, `III`)."""
    words = name.split()
    while len(words) > 2 and words[-1].lower().strip(".,") in _GENERATIONS:
        words = words[:-1]
    return words[-1] if words else ""


def org_aliases(name: str) -> set[str]:
    """Forms of an organisation: full name, name without legal suffix, acronym, first word."""
    aliases = {name.lower()}
    words = name.split()
    core = [w for w in words if w.lower().strip(",") not in _ORG_SUFFIXES] or words
    aliases.add(" ".join(core).lower())
    capitals = [w for w in core if w[:1].isupper() and w.lower() not in {"of", "and", "the"}]
    if len(capitals) >= 2:
        aliases.add("".join(w[0] for w in capitals).lower())
    generic = lexicon.words("attribution/org_generic_words.txt")
    if len(core) >= 2 and core[0][:1].isupper() and len(core[0]) > 3:
        if core[0].lower() not in generic:
            aliases.add(core[0].lower())
    honorifics = lexicon.words("attribution/honorifics.txt")
    return {a for a in aliases if a not in honorifics}


_SYMBOL_NAME = re.compile(r"^(?=.*[A-Za-z])[A-Za-z0-9]+(?:[+&.-][A-Za-z0-9]*)*\+?$")


def looks_like_name(word: str) -> bool:
    """A word that is a name wherever it stands, even opening a sentence: a symbol or digit
    in it (`OPEC+`, `G7+`, `3M`), a capital inside it (`VinaTek`, `iPhone`) or all capitals
    (`NATO`). Common words are never written so."""
    if len(word) < 2 or not _SYMBOL_NAME.match(word):
        return False
    inner = word[1:]
    return (
        any(ch.isdigit() for ch in word)
        or "+" in word
        or any(ch.isupper() for ch in inner)
        and any(ch.islower() for ch in word)
        or (word.isupper() and len(word) >= 3)
    )


def courtesy_titled(text: str) -> bool:
    """`Ms Lee`, `Mr. Baker`, `Dr Ana Osei`: a courtesy title (courtesy_titles.txt) and one
    to three capitalised words, a person's name whatever the NER calls it."""
    words = strip_possessive(text).strip(_TRIM).split()
    if not 2 <= len(words) <= 4:
        return False
    if words[0].lower().rstrip(".") not in lexicon.words("attribution/courtesy_titles.txt"):
        return False
    return all(w[:1].isupper() for w in words[1:])


def gender_of_honorific(word: str) -> str | None:
    word = word.lower().rstrip(".")
    if word in {"mr", "sir", "lord", "king", "prince", "sheikh"}:
        return "m"
    if word in {"ms", "mrs", "miss", "dame", "lady", "queen", "princess"}:
        return "f"
    return None


def gender_of_given_name(name: str) -> str | None:
    words = name.split()
    if not words:
        return None
    return lexicon.table("attribution/given_names.txt").get(words[0].lower())


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Every known given name, lower-cased: the hand list and the birth-record list."""
    return frozenset(lexicon.table("attribution/given_names.txt")) | frozenset(
        lexicon.table("attribution/given_names_ssa.tsv")
    )


def gender_of_first_name(name: str) -> str | None:
    """The gender a first name suggests: the hand list (names common in news), else the
    names nearly all of whose bearers in US birth records share one sex. Evidence for
    `he`/`she` only; whether a word is a given name at all is `gender_of_given_name`'s."""
    words = name.split()
    if not words:
        return None
    first = words[0].lower()
    return lexicon.table("attribution/given_names.txt").get(first) or lexicon.table(
        "attribution/given_names_ssa.tsv"
    ).get(first)


def weak_name_gender(name: str) -> bool:
    """Whether the gender of a first name is weak evidence: the hand list gives it, but the
    birth records do not bear it out (`Chris`, `Alex`, `Jordan`: given to both sexes, or a
    name they do not count). A `she said` that no one else fits may still mean them."""
    words = name.split()
    if not words:
        return False
    first = words[0].lower()
    hand = lexicon.table("attribution/given_names.txt").get(first)
    return hand is not None and lexicon.table("attribution/given_names_ssa.tsv").get(first) != hand
