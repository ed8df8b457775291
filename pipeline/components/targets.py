"""Targets: the named entity a statement's content is about (guide section 2).

The subject of the reported clause (`AITO already has the capability` -> AITO); through a
cognition verb of the speaker (`he expects Huawei to have` -> Huawei) and a goal verb
(`Huawei aims to make` -> Huawei); the named owner of a common-noun subject (`China's
exports rose` -> China, `Tesla shares fell` -> Tesla); `the company`/`it` resolved through the
registry; `we` in a quotation resolved to the speaker's organisation. Fills
`Statement.target` of `doc._.statements`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from models import Target
from pipeline import lexicon, names
from pipeline.components.attribution import Statement
from pipeline.components.base import Component
from pipeline.components.registry import ORG_LABELS, Entity, Registry
from pipeline.cues import cue_lemmas
from pipeline.doctext import has_parse, written_mid_sentence
from pipeline.speakers import SpeakerResolver, _extend_org

_NOT_TARGETS = frozenset({"there", "this", "that", "these", "those", "which", "who", "what"})
_PLACE_NOUNS = frozenset({"country", "nation", "city", "region", "state", "province"})
# Nouns whose `of`/`in` phrase names their owner: `Shares in Harbourline`, `sales of Tesla`.
_OWNED_NOUNS = frozenset(
    "share stock price sale revenue profit earning output production value valuation "
    "throughput export import spending debt workforce bond unit".split()
)
TARGET_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP", "PRODUCT", "FAC", "LOC", "EVENT"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_DESCEND_DEPS = ("ccomp", "xcomp")
_SELF = frozenset({"he", "she", "i", "they", "we", "it"})
# Verbs through which the target is the subject of the clause they govern, whoever holds
# the expectation (`Pfizer expects the deal to reduce ...` -> the deal).
_THROUGH = frozenset(
    {
        "expect",
        "anticipate",
        "predict",
        "forecast",
        "project",
        "believe",
        "think",
        "see",
        "estimate",
        "hope",
        "fear",
        "say",
        "tell",
        "warn",
        "add",
        "note",
    }
)


@Language.factory("newsclaims_targets", default_config={})
def make_targets(nlp: Language, name: str) -> Targets:
    return Targets()


class Targets(Component):
    name = "newsclaims_targets"

    def annotate(self, doc: Doc) -> None:
        registry: Registry = doc._.registry
        resolver = SpeakerResolver(doc, registry)
        previous: Target | None = None
        for stmt in doc._.statements or []:
            if has_parse(doc):
                context = _Context(doc, stmt, registry, resolver, previous)
                stmt.target = target_parsed(context)
            else:
                stmt.target = target_unparsed(doc, stmt, registry)
            if stmt.part == 0 and not stmt.non_claim:
                previous = stmt.target


class _Context:
    """What a target is resolved against: the statement, its speaker, the registry and the
    previous sentence's target (for `it`)."""

    def __init__(self, doc, stmt, registry, resolver, previous) -> None:
        self.doc = doc
        self.stmt = stmt
        self.registry = registry
        self.resolver = resolver
        self.previous = previous

    def speaker_org(self) -> Target | None:
        """The organisation a statement's `we`, `it` or `the company` most likely means."""
        speaker = self.stmt.speaker
        if speaker is None:
            return None
        if speaker.kind == "organization":
            entity = self.registry.lookup(speaker.name, kind="organization")
            return _from_entity(entity) if entity else Target(name=speaker.name, label="ORG")
        if speaker.organization:
            entity = self.registry.lookup(speaker.organization, kind="organization")
            if entity is not None:
                return _from_entity(entity)
            return Target(name=speaker.organization, label="ORG")
        return None


def target_parsed(ctx: _Context) -> Target | None:
    stmt = ctx.stmt
    if stmt.content is None:
        return None
    subject = _clause_subject(ctx.doc[stmt.content], stmt)
    if subject is None:
        return None
    return _entity_target(subject, ctx)


def _clause_subject(head: Token, stmt: Statement, depth: int = 0) -> Token | None:
    """The subject of the content clause, descending through the speaker's own cognition
    verbs (`he expects Huawei to ...`)."""
    speech, others = cue_lemmas()
    subject = next((c for c in head.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None and head.dep_ in ("xcomp", "conj") and head.head.i != head.i and depth < 3:
        return _clause_subject(head.head, stmt, depth + 1)
    lemma = head.lemma_.lower()
    speaker_self = subject is not None and (
        subject.lower_ in _SELF or (stmt.speaker is not None and _names_speaker(subject, stmt))
    )
    through = lemma in _THROUGH and head.pos_ in ("VERB", "AUX")
    if (
        (lemma in speech or lemma in others)
        and depth < 3
        and (speaker_self or subject is None or through)
    ):
        for child in head.children:
            if child.dep_ in _DESCEND_DEPS:
                inner = next((c for c in child.children if c.dep_ in _SUBJECT_DEPS), None)
                if inner is not None:
                    return _clause_subject(child, stmt, depth + 1)
    return subject


def _names_speaker(token: Token, stmt: Statement) -> bool:
    mention = stmt.speaker.mention if stmt.speaker else None
    return mention is not None and mention.start <= token.idx < mention.end


def _entity_target(subject: Token, ctx: _Context) -> Target | None:
    lower = subject.lower_
    if lower in _NOT_TARGETS:
        return None
    if subject.tag_ in ("PRP", "PRP$"):
        return _pronoun_target(lower, subject, ctx)
    ent = _ent_of(subject)
    if ent is not None:
        return _from_span(ent, ctx.registry)
    if subject.pos_ == "PROPN" and _is_name(subject):
        return _proper_target(subject, ctx.registry)
    return _owner_target(subject, ctx)


def _is_name(token: Token) -> bool:
    """A proper noun the NER did not tag is a name when it is not a known common word and,
    at the start of a sentence, the article also writes it capitalised elsewhere."""
    if not token.text[:1].isupper() or token.lower_ in lexicon.words("attribution/not_names.txt"):
        return False
    if token.is_sent_start or token.i == 0:
        return written_mid_sentence(token.doc, token.text)
    return True


def _pronoun_target(lower: str, token: Token, ctx: _Context) -> Target | None:
    stmt = ctx.stmt
    if lower in ("we", "us", "our", "ours"):
        return ctx.speaker_org() if stmt.attribution == "direct" else None
    if lower in ("i", "me", "my"):
        if stmt.attribution == "direct" and stmt.speaker and stmt.speaker.kind == "person":
            return Target(name=stmt.speaker.name, label="PERSON")
        return None
    if lower in ("he", "she", "his", "her", "him"):
        found = ctx.resolver.pronoun(
            "he" if lower in ("he", "his", "him") else "she",
            at=token.idx,
            mention=None,
            sentence=stmt.sentence,
        )
        return _from_entity(found.entity) if found and found.entity else None
    if lower in ("it", "its", "they", "their"):
        return _it_target(ctx)
    return None


def _it_target(ctx: _Context) -> Target | None:
    """`it`/`its`: the organisation speaking, or the one the previous sentence was about."""
    own = ctx.speaker_org()
    if own is not None:
        return own
    previous = ctx.previous
    if previous is not None and previous.label in ("ORG", None):
        return previous
    return None


def _owner_target(subject: Token, ctx: _Context) -> Target | None:
    """A common-noun subject: its named owner (`Copperleaf's sales`, `its online sales`,
    `Tesla shares`, `Shares in Harbourline`), or the organisation a definite description
    names (`the company`, `the retailer`, `the country`)."""
    for child in subject.children:
        if child.dep_ == "poss":
            if child.tag_ in ("PRP$", "PRP"):
                return _pronoun_target(child.lower_, child, ctx)
            owner = _ent_of(child) or (_proper_span(child) if _is_name(child) else None)
            if owner is not None:
                return _from_span(owner, ctx.registry)
    lemma = subject.lemma_.lower()
    det = next((c.lower_ for c in subject.children if c.dep_ == "det"), "")
    if det in ("the", "this") and lemma in _PLACE_NOUNS:
        for _, entity in ctx.registry.mentions_before(subject.idx, kind="organization"):
            if entity.label == "GPE":
                return _from_entity(entity)
        return None
    if det in ("the", "this") and lemma in lexicon.words("attribution/org_nouns.txt"):
        own = ctx.speaker_org()
        if own is not None:
            return own
        entity = ctx.resolver._by_org_noun(lemma, at=subject.idx)
        return _from_entity(entity) if entity is not None else None
    for child in subject.children:
        if child.dep_ == "compound" and child.i < subject.i:
            owner = _ent_of(child) or (_proper_span(child) if _is_name(child) else None)
            if owner is not None and owner.label_ != "PRODUCT":
                return _from_span(owner, ctx.registry)
    if lemma in _OWNED_NOUNS:
        for child in subject.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "in", "at"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        owner = _ent_of(obj) or (_proper_span(obj) if obj.pos_ == "PROPN" else None)
                        if owner is not None:
                            return _from_span(owner, ctx.registry)
    return None


def _proper_span(token: Token) -> Span:
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
        start -= 1
    return doc[start : token.i + 1]


def _proper_target(subject: Token, registry: Registry) -> Target | None:
    """A proper-noun subject the NER did not tag (`Voltera delivered ...`)."""
    span = _proper_span(subject)
    entity = registry.lookup(span.text) or registry.lookup(subject.text)
    if entity is not None:
        return _from_entity(entity)
    return Target(name=names.org_name(span.text), label=None)


def _ent_of(token: Token) -> Span | None:
    if token.ent_type_ not in TARGET_LABELS:
        return None
    if token.lower_ in lexicon.words("attribution/not_names.txt"):
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _from_span(ent: Span, registry: Registry) -> Target:
    if ent.label_ in ORG_LABELS:
        ent = _extend_org(ent)
    entity = registry.lookup(names.person_name(ent.text)) or registry.lookup(
        names.org_name(ent.text)
    )
    if entity is not None:
        return _from_entity(entity)
    label = ent.label_
    name = names.person_name(ent.text) if label == "PERSON" else names.org_name(ent.text)
    return Target(name=name, label=label)


def _from_entity(entity: Entity) -> Target:
    label = entity.label or ("PERSON" if entity.kind == "person" else "ORG")
    return Target(name=entity.name, label=label)


def target_unparsed(doc: Doc, stmt: Statement, registry: Registry) -> Target | None:
    """Without a parse: the first name the content clause opens with."""
    span = doc.char_span(stmt.start, stmt.end, alignment_mode="expand")
    if span is None:
        return None
    start = span.start
    if stmt.cue_token is not None and stmt.cue_token > span.start + 2:
        # `X said (that) Y ...` starts the content after the cue; `Y ..., X said` before it.
        cue = stmt.cue_token
        before_cue = doc[span.start : cue].text
        if stmt.speaker and stmt.speaker.mention and stmt.speaker.mention.start <= span.start_char:
            start = cue + 1
            if start < span.end and doc[start].lower_ == "that":
                start += 1
        elif "," not in before_cue:
            start = cue + 1
    while start < span.end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    end = start
    while end < span.end and doc[end].text[:1].isupper() and not doc[end].is_punct:
        end += 1
    if end == start:
        return None
    words = doc[start:end]
    text = names.strip_possessive(words.text)
    entity = registry.lookup(words.text) or registry.lookup(text)
    if entity is not None:
        return _from_entity(entity)
    # A capitalised name that the article also writes capitalised mid-sentence is a name,
    # not a sentence-initial common word (`While`, `Notably`).
    if text and written_mid_sentence(doc, text):
        return Target(name=text, label=None)
    return None
