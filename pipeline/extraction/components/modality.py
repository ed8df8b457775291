"""Modality of a statement: `goal` (aims, plans, targets), `forecast` (expects, will, would,
should, is set to, is going to, is due on) or `asserted`, from the cue lexicon
`patterns/attribution/modality.txt`, modal auxiliaries, the verbs of the reported clause and,
in a parse, the nouns that carry the clause's figure (`cut its growth forecast to 0.9%`,
`a goal of 1 gigawatt by 2030`, `no plans to raise prices`). Fills `Statement.modality`.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsclaims.extraction.components.attribution import Statement
from newsclaims.extraction.components.base import Component
from newsclaims.extraction.doctext import lowers
from newsclaims.patterns import lexicon

_FUTURE_AUX = frozenset(
    {"will", "would", "'ll", "\u2019ll", "shall", "wo", "could", "may", "might", "should"}
)
# `set`, `due`, `bound`, `poised`, `look` only mark modality before an infinitive.
_NEEDS_INFINITIVE = frozenset(
    {"set", "due", "bound", "poised", "look", "try", "prepare", "mean", "schedule", "slate"}
)
# Cue nouns count only in a parse, where they can be told from verbs.
_NOUNS = frozenset(
    {"goal", "ambition", "objective", "outlook", "projection", "prediction", "expectation"}
    | {"guidance"}
)
# Nouns that name a goal or a forecast (`its growth forecast`, `a goal of`, `no plans to`).
_GOAL_NOUNS = _NOUNS | {"target", "aim", "plan", "forecast", "estimate"}
# Participles that make the noun they qualify an expectation (`the expected cost`, `the
# projected deficit`, `the forecast loss`); not `estimated`: `an estimated 2.3 million
# patients were affected` is a count of what happened (guide: forecast is an expectation).
_EXPECTED = frozenset({"expect", "project", "forecast", "predict", "anticipate"})
# `would like to double output`: a wish, i.e. a goal, not a forecast.
_WISH = frozenset({"like", "love", "prefer"})
# Entity labels of numbers that are no figure (`the 2019 plan`).
_NOT_FIGURES = frozenset({"DATE", "TIME", "ORDINAL"})


@cache
def _table() -> dict[str, str]:
    return lexicon.table("attribution/modality.txt")


@cache
def _form_lemmas() -> dict[str, str]:
    """Inflected form -> lemma of the verbs of the lexicon."""
    out: dict[str, str] = {}
    for lemma in _table():
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        for form in (lemma + "s", stem + "ed", stem + "ing", lemma + "d"):
            out.setdefault(form, lemma)
    return out


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
    for aux in ("will", "would", "'ll", "\u2019ll", "shall", "should"):
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
        lemma = _lemma(doc[stmt.cue_token])
        if lemma in _table() and lemma not in _NEEDS_INFINITIVE:
            return _table()[lemma]
    if stmt.content is None:
        return "asserted"
    head = doc[stmt.content]
    return _clause_modality(head) or _noun_modality(head) or _scheduled(head) or "asserted"


def _scheduled(head: Token) -> str | None:
    """A present tense with a date after the publication day is a scheduled future, a
    forecast: `The next auction round opens in March`, `Rivals report results next week`,
    `The company is holding talks on Friday`. A past or perfect tense is not (`agreed to sell
    it in November`), nor a date before or around the publication day (`opens on Mondays`)."""
    doc = head.doc
    published = doc._.published
    if published is None or not doc._.dates:
        return None
    auxiliaries = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if head.lemma_.lower() == "be":
        return None  # `The tariffs are about 2030`: a copula says what is, not what happens
    if head.tag_ in ("VBZ", "VBP"):
        if auxiliaries:
            return None  # `has opened`, `does not open`
    elif head.tag_ == "VBG":
        if not any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries):
            return None  # `is holding`, not `was holding`
    else:
        return None
    if any(c.dep_ == "neg" for c in head.children):
        return None
    if any(t.lower_ in _HABITUAL for t in head.subtree):
        return None  # `opens in March every year`: a habit, not a date ahead
    clause = [t.idx for t in head.subtree]
    start, end = min(clause), max(clause) + 1
    for date in doc._.dates:
        if start <= date.start < end and date.earliest is not None and date.earliest > published:
            return "forecast"
    return None


def _lemma(token: Token) -> str:
    """The lemma, or the lexicon's lemma of the form when the lemmatizer missed it
    (`hopes` -> `hop`)."""
    lemma = token.lemma_.lower()
    if lemma in _table():
        return lemma
    return _form_lemmas().get(token.lower_, lemma)


def _clause_modality(head: Token, depth: int = 0) -> str | None:
    """Goal or forecast marked on a clause head, its auxiliaries or its complements."""
    lemma = _lemma(head)
    table = _table()
    has_infinitive = any(c.dep_ == "xcomp" for c in head.children)
    if lemma in table and (lemma not in _NEEDS_INFINITIVE or has_infinitive):
        if head.pos_ in ("VERB", "AUX", "ADJ") or head.tag_.startswith("VB"):
            return table[lemma]
    if lemma == "go" and head.tag_ == "VBG" and has_infinitive:
        return "forecast"  # `It's going to get worse`
    for aux in _auxiliaries(head):
        if aux.lower_ in ("would", "'d", "\u2019d") and lemma in _WISH:
            nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
            if has_infinitive or (nxt is not None and nxt.lower_ == "to"):
                return "goal"
        if aux.lower_ == "should" and _deontic(head):
            continue  # `customers should contact their supplier`: advice, not an expectation
        if aux.lower_ in _FUTURE_AUX or aux.lower_ == "going":
            return "forecast"
    for child in head.children:
        # `The decision is due on March 19`, not `due to the weather`.
        if child.dep_ == "acomp" and child.lower_ == "due":
            if not any(c.dep_ == "prep" and c.lower_ == "to" for c in child.children):
                return "forecast"
    if depth >= 3:
        return None
    for child in head.children:
        if child.dep_ in ("xcomp", "ccomp", "acomp", "conj") and child.i > head.i:
            found = _clause_modality(child, depth + 1)
            if found:
                return found
    return None


def _deontic(head: Token) -> bool:
    """`should` as advice or duty: negated (`should not stop lawmakers`), or with a person
    or a group of people as subject (`customers should contact ...`, `we should ...`);
    with a thing as subject it is an expectation (`the recovery should continue`)."""
    if any(c.dep_ == "neg" for c in head.children):
        return True
    for subject in (c for c in head.children if c.dep_ == "nsubj"):
        if subject.tag_ == "PRP" and subject.lower_ != "it":
            return True
        if subject.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
            return True
        if subject.lemma_.lower() in lexicon.words("attribution/anonymous_heads.txt"):
            return True
    return False


def _auxiliaries(head: Token) -> list[Token]:
    """The auxiliaries of a clause head, also one the parser hung under an adverb before
    it (`will next set rates`)."""
    out = [c for c in head.children if c.dep_ == "aux"]
    for child in head.lefts:
        if child.dep_ == "advmod":
            out.extend(c for c in child.children if c.dep_ == "aux")
    return out


def _noun_modality(head: Token) -> str | None:
    """A goal or forecast noun as subject, object or attribute of the clause, when it
    carries the clause's figure or an infinitive: `cut its growth forecast to 0.9%`, `has
    a goal of 1 gigawatt`, `The target is 500 stores`, `had no plans to raise prices`.
    A noun without either is the topic, not the modality (`The forecast was published`)."""
    table = _table()
    for noun in head.children:
        if noun.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr") or noun.pos_ != "NOUN":
            continue
        lemma = noun.lemma_.lower()
        if lemma not in _GOAL_NOUNS or lemma not in table:
            # `put the expected cost at $31 million`, `The projected deficit is $2bn`: a
            # noun that an expectation qualifies, when it carries the figure, as object or
            # as subject of `be` (`Expected returns fell to 4%` is what they did)
            if not any(c.dep_ == "amod" and _lemma(c) in _EXPECTED for c in noun.children):
                continue
            if noun.dep_.startswith("nsubj") and head.lemma_.lower() != "be":
                continue
            lemma = "expect"
        if any(c.dep_ in ("acl", "relcl") and _infinitive(c) for c in noun.children):
            return table[lemma]
        around = [noun] + [c for c in head.children if c.dep_ in ("prep", "attr", "dobj")]
        if any(_figure(t) for part in around for t in part.subtree):
            return table[lemma]
    return None


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _figure(token: Token) -> bool:
    if token.ent_type_ in _NOT_FIGURES:
        return False
    return token.like_num or token.text == "%"


def modality_unparsed(doc: Doc, stmt: Statement) -> str:
    span = doc.char_span(stmt.start, stmt.end, alignment_mode="expand")
    if span is None:
        return "asserted"
    forms = _forms()
    start = 0
    if stmt.cue_token is not None and stmt.speaker and stmt.speaker.mention:
        if stmt.speaker.mention.start <= stmt.start + 1:  # `X said (that) ...`
            start = max(0, stmt.cue_token - span.start)
    low = lowers(doc)[span.start : span.end]
    for i in range(start, len(low)):
        word = low[i]
        nxt = low[i + 1] if i + 1 < len(low) else ""
        if word in forms:
            if forms[word] == "forecast" and word in _FUTURE_AUX:
                # An outer `would` over a goal verb: `would aim to`, `would like to`.
                after = low[i + 1 : i + 4]
                if any(forms.get(w) == "goal" for w in after[:2]) or (
                    after[:1] and after[0] in _WISH and after[1:2] == ["to"]
                ):
                    return "goal"
            return forms[word]
        if word in ("set", "due", "poised") and nxt == "to":
            return "forecast"
        if word == "due" and nxt in _DUE_ON:
            return "forecast"  # `is due on March 19`, `due next week`
    return "asserted"


# Words of a habit or a frequency: a present tense with them is no scheduled event.
_HABITUAL = frozenset(
    {"every", "each", "usually", "always", "often", "normally", "typically", "generally"}
)
_DUE_ON = frozenset({"on", "in", "by", "this", "next", "later", "before"})
