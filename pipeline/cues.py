"""Attribution cues: reporting verbs (`say`, `tell`, ...) and phrases (`according to`).

With a parsed doc a cue is a verb whose lemma is in the lexicon; without one (blank
pipeline), a token whose form is an inflection of such a verb.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from pipeline import lexicon


@cache
def cue_lemmas() -> tuple[frozenset[str], frozenset[str]]:
    """(strong, weak) cue lemmas. Weak ones (`expect`, `believe`) only attribute a clause."""
    strong, weak = set(), set()
    for entry, *_rest in lexicon.rows("attribution/cue_verbs.txt"):
        if entry.startswith("|"):
            weak.add(entry[1:].lower())
        else:
            strong.add(entry.lower())
    return frozenset(strong), frozenset(weak)


@cache
def cue_forms() -> dict[str, tuple[str, bool]]:
    """Inflected form -> (lemma, strong) for every cue verb, for unparsed docs."""
    strong, weak = cue_lemmas()
    irregular: dict[str, list[str]] = {}
    for row in lexicon.rows("attribution/irregular_verbs.txt"):
        irregular.setdefault(row[0].lower(), []).extend(f.lower() for f in row[1:])
    forms: dict[str, tuple[str, bool]] = {}
    for lemma in sorted(strong | weak):
        is_strong = lemma in strong
        for form in _regular_forms(lemma) + irregular.get(lemma, []):
            forms.setdefault(form, (lemma, is_strong))
    return forms


def _regular_forms(lemma: str) -> list[str]:
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


def cue_of(token: Token, *, parsed: bool) -> tuple[str, bool] | None:
    """(lemma, strong) when `token` is a reporting verb, else None."""
    if parsed:
        if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG"):
            return None
        strong, weak = cue_lemmas()
        lemma = token.lemma_.lower()
        if lemma in strong:
            return lemma, True
        if lemma in weak:
            return lemma, False
        return None
    return cue_forms().get(token.lower_)


def according_to(sent: Span) -> list[Token]:
    """Tokens `according` of `according to X` in a sentence."""
    return [
        t
        for t in sent
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to"
    ]
