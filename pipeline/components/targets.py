"""Targets: the named entity a statement's content is about (guide section 2).

The subject of the reported clause (`AITO already has the capability` -> AITO); through a
cognition verb of the speaker (`he expects Huawei to have` -> Huawei) and a goal verb
(`Huawei aims to make` -> Huawei); the named owner of a common-noun subject (`China's
exports rose` -> China, `Tesla shares fell` -> Tesla); `the company`/`it` resolved through the
registry; `we` in a quotation resolved to the speaker's organisation. Fills
`Statement.target` of `doc._.statements`.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from models import Target
from pipeline import lexicon, names
from pipeline.components.attribution import Statement
from pipeline.components.base import Component
from pipeline.components.registry import Entity, Registry
from pipeline.cues import cue_lemmas
from pipeline.speakers import SpeakerResolver

TARGET_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP", "PRODUCT", "FAC", "LOC", "EVENT"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_DESCEND_DEPS = ("ccomp", "xcomp")
_SELF = frozenset({"he", "she", "i", "they"})


@Language.factory("newsclaims_targets", default_config={})
def make_targets(nlp: Language, name: str) -> Targets:
    return Targets()


class Targets(Component):
    name = "newsclaims_targets"

    def annotate(self, doc: Doc) -> None:
        registry: Registry = doc._.registry
        resolver = SpeakerResolver(doc, registry)
        for stmt in doc._.statements or []:
            if doc.has_annotation("DEP"):
                stmt.target = target_parsed(doc, stmt, registry, resolver)
            else:
                stmt.target = target_unparsed(doc, stmt, registry)


def target_parsed(
    doc: Doc, stmt: Statement, registry: Registry, resolver: SpeakerResolver
) -> Target | None:
    if stmt.content is None:
        return None
    subject = _clause_subject(doc[stmt.content], stmt)
    if subject is None:
        return None
    return _entity_target(subject, stmt, registry, resolver)


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
    if (lemma in speech or lemma in others) and depth < 3 and (speaker_self or subject is None):
        for child in head.children:
            if child.dep_ in _DESCEND_DEPS:
                inner = next((c for c in child.children if c.dep_ in _SUBJECT_DEPS), None)
                if inner is not None:
                    return _clause_subject(child, stmt, depth + 1)
    return subject


def _names_speaker(token: Token, stmt: Statement) -> bool:
    mention = stmt.speaker.mention if stmt.speaker else None
    return mention is not None and mention.start <= token.idx < mention.end


def _entity_target(
    subject: Token, stmt: Statement, registry: Registry, resolver: SpeakerResolver
) -> Target | None:
    doc = subject.doc
    lower = subject.lower_
    if subject.lower_ in ("there", "this", "that", "these", "those", "which", "who", "what"):
        return None
    if lower in ("we", "us", "our") and stmt.attribution == "direct" and stmt.speaker:
        if stmt.speaker.kind == "organization":
            return Target(name=stmt.speaker.name, label="ORG")
        if stmt.speaker.organization:
            return Target(name=stmt.speaker.organization, label="ORG")
        return None
    if subject.tag_ == "PRP":
        if lower in ("he", "she"):
            found = resolver.pronoun(lower, at=subject.idx, mention=None, sentence=stmt.sentence)
            if found is not None and found.entity is not None:
                return _from_entity(found.entity)
        if lower == "it":
            found = resolver.pronoun("it", at=subject.idx, mention=None, sentence=stmt.sentence)
            if found is not None and found.entity is not None:
                return _from_entity(found.entity)
        return None
    ent = _ent_of(subject)
    if ent is not None:
        return _from_span(ent, registry)
    for child in subject.children:
        if child.dep_ in ("poss", "compound") and child.i < subject.i:
            owner = _ent_of(child)
            if owner is not None:
                return _from_span(owner, registry)
    lemma = subject.lemma_.lower()
    det = next((c.lower_ for c in subject.children if c.dep_ == "det"), "")
    if det == "the" and lemma in lexicon.words("attribution/org_nouns.txt"):
        found = resolver.common_noun(doc[subject.i - 1 : subject.i + 1], lemma, head=subject)
        if found is not None and found.entity is not None:
            return _from_entity(found.entity)
    if subject.pos_ == "PROPN":
        span = doc[subject.left_edge.i : subject.i + 1]
        entity = registry.lookup(span.text) or registry.lookup(subject.text)
        if entity is not None:
            return _from_entity(entity)
    return None


def _ent_of(token: Token) -> Span | None:
    if token.ent_type_ not in TARGET_LABELS:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _from_span(ent: Span, registry: Registry) -> Target:
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
    if text and re.search(r"[a-z,;] " + re.escape(text) + r"\b", doc.text):
        return Target(name=text, label=None)
    return None
