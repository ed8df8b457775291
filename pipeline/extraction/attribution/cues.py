"""Attribution cues: reporting verbs (`say`, `tell`, ...) and phrases (`according to`).

With a parsed doc a cue is a verb whose lemma is in the lexicon; without one (blank
pipeline), a token whose form is an inflection of such a verb.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from newsclaims.extraction.doctext import lowers, tokens
from newsclaims.patterns import lexicon

CUE_KINDS = ("speech", "clause", "quote", "object", "that")
# The object predicate of `called the charges baseless` as a marker of reported content.
OPRD = "oprd"
# A cue whose base and -s forms are also common nouns: no cue without a tagger.
NOUN = "noun"


@cache
def cue_kinds() -> dict[str, str]:
    """Cue lemma -> the kind of complement that makes it attribute (see cue_verbs.txt)."""
    table = lexicon.table("attribution/cue_verbs.txt")
    unknown = set(table.values()) - set(CUE_KINDS)
    if unknown:
        raise ValueError(f"cue_verbs.txt: unknown kinds {sorted(unknown)}")
    return table


@cache
def cue_markers() -> dict[str, frozenset[str]]:
    """Cue lemma -> the prepositions (or `oprd`) that introduce what it reports
    (`called for an inquiry`, `pointed to the data`); see cue_verbs.txt."""
    return {
        row[0].lower(): frozenset(m.strip().lower() for m in row[2].split(",") if m.strip())
        for row in lexicon.rows("attribution/cue_verbs.txt")
        if len(row) >= 3
    }


@cache
def cue_lemmas() -> tuple[frozenset[str], frozenset[str]]:
    """(speech, other) cue lemmas: `say`/`tell` attribute on their own, the others need a
    reported clause, a quotation or a parenthetical position."""
    kinds = cue_kinds()
    speech = frozenset(k for k, v in kinds.items() if v == "speech")
    return speech, frozenset(kinds) - speech


@cache
def cue_forms() -> dict[str, str]:
    """Inflected form -> lemma for every cue verb, for unparsed docs."""
    irregular: dict[str, list[str]] = {}
    for row in lexicon.rows("attribution/irregular_verbs.txt"):
        irregular.setdefault(row[0].lower(), []).extend(f.lower() for f in row[1:])
    forms: dict[str, str] = {}
    markers = cue_markers()
    for lemma in sorted(cue_kinds()):
        regular = _regular_forms(lemma)
        if NOUN in markers.get(lemma, ()):
            regular = regular[2:]  # `demand`, `demands` are nouns as often as verbs
        for form in regular + irregular.get(lemma, []):
            forms.setdefault(form, lemma)
    return forms


def _regular_forms(lemma: str) -> list[str]:
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


def cue_of(token: Token, *, parsed: bool) -> tuple[str, str] | None:
    """(lemma, kind) when `token` is a reporting verb, else None."""
    if parsed:
        if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG"):
            return None
        lemma = token.lemma_.lower()
    else:
        lemma = cue_forms().get(token.lower_)
        if lemma is None:
            return None
    kind = cue_kinds().get(lemma)
    return (lemma, kind) if kind else None


def according_to(sent: Span) -> list[Token]:
    """Tokens `according` of `according to X` in a sentence."""
    low = lowers(sent.doc)
    return [
        tokens(sent.doc)[i]
        for i in range(sent.start, sent.end)
        if low[i] == "according" and i + 1 < len(low) and low[i + 1] == "to"
    ]
