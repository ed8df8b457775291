"""Modality of a statement: `goal` (aims, plans, targets), `forecast` (expects, will, would,
is set to) or `asserted`, from the cue lexicon `patterns/attribution/modality.txt`, modal
auxiliaries and the verbs of the reported clause. Fills `Statement.modality`.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsclaims.extraction.components.attribution import Statement
from newsclaims.extraction.components.base import Component
from newsclaims.patterns import lexicon

_FUTURE_AUX = frozenset(
    {"will", "would", "'ll", "\u2019ll", "shall", "wo", "could", "may", "might"}
)
# `set`, `due`, `bound`, `poised`, `look` only mark modality before an infinitive.
_NEEDS_INFINITIVE = frozenset({"set", "due", "bound", "poised", "look", "try", "prepare", "mean"})
# Cue nouns count only in a parse, where they can be told from verbs.
_NOUNS = frozenset({"goal", "ambition", "objective", "outlook"})


@cache
def _table() -> dict[str, str]:
    return lexicon.table("attribution/modality.txt")


@cache
def _forms() -> dict[str, str]:
    """Inflected forms -> modality, for unparsed docs."""
    out: dict[str, str] = {}
    for lemma, modality in _table().items():
        if lemma in _NEEDS_INFINITIVE or lemma in _NOUNS:
            continue
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        for form in (lemma, lemma + "s", stem + "ed", stem + "ing", lemma + "d"):
            out.setdefault(form, modality)
    for aux in ("will", "would", "'ll", "\u2019ll", "shall"):
        out[aux] = "forecast"
    return out


@Language.factory("newsclaims_modality", default_config={})
def make_modality(nlp: Language, name: str) -> Modality:
    return Modality()


class Modality(Component):
    name = "newsclaims_modality"

    def annotate(self, doc: Doc) -> None:
        parsed = doc.has_annotation("DEP")
        for stmt in doc._.statements or []:
            stmt.modality = modality_parsed(doc, stmt) if parsed else modality_unparsed(doc, stmt)


def modality_parsed(doc: Doc, stmt: Statement) -> str:
    if stmt.cue_token is not None:
        lemma = doc[stmt.cue_token].lemma_.lower()
        if lemma in _table() and lemma not in _NEEDS_INFINITIVE:
            return _table()[lemma]
    if stmt.content is None:
        return "asserted"
    return _clause_modality(doc[stmt.content]) or "asserted"


def _clause_modality(head: Token, depth: int = 0) -> str | None:
    """Goal or forecast marked on a clause head, its auxiliaries or its complements."""
    lemma = head.lemma_.lower()
    table = _table()
    has_infinitive = any(c.dep_ == "xcomp" for c in head.children)
    if lemma in table and (lemma not in _NEEDS_INFINITIVE or has_infinitive):
        if head.pos_ in ("VERB", "AUX", "ADJ") or head.tag_.startswith("VB"):
            return table[lemma]
    for child in head.children:
        if child.dep_ == "aux" and child.lower_ in _FUTURE_AUX:
            return "forecast"
        if child.dep_ == "aux" and child.lower_ == "going":
            return "forecast"
    if depth >= 3:
        return None
    for child in head.children:
        if child.dep_ in ("xcomp", "ccomp", "acomp", "conj") and child.i > head.i:
            found = _clause_modality(child, depth + 1)
            if found:
                return found
    return None


def modality_unparsed(doc: Doc, stmt: Statement) -> str:
    span = doc.char_span(stmt.start, stmt.end, alignment_mode="expand")
    if span is None:
        return "asserted"
    forms = _forms()
    start = 0
    if stmt.cue_token is not None and stmt.speaker and stmt.speaker.mention:
        if stmt.speaker.mention.start <= stmt.start + 1:  # `X said (that) ...`
            start = max(0, stmt.cue_token - span.start)
    for i, tok in enumerate(span[start:], start):
        word = tok.lower_
        if word in forms:
            return forms[word]
        if word in ("set", "due", "poised") and i + 1 < len(span) and span[i + 1].lower_ == "to":
            return "forecast"
    return "asserted"
