"""Salience of the people of one article at a point of its text: who `he`, `she`, `the
striker` or a quotation with no cue of its own refers to.

A simplified version of Lappin and Leass's (1994) salience factors. Every mention of a person
before the point adds weight: for being recent, for its grammatical role (the subject of a
main clause most, a subject, an object, a name inside another phrase least: `the Obama
administration`), for being the person's first mention (a person just introduced is likely
to speak next), and for standing outside a quotation (a name inside someone's quoted words is
rarely whom the next `he said` means: it keeps a quarter of its weight). The weight halves
for every sentence back and again for every paragraph boundary crossed. The statements the
resolver credits count as subject mentions of their speaker, so that a speaker referred to
as `he` stays salient. Gender must agree: a person whose gender is known and differs is
never chosen.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from newsclaims.extraction.attribution.entities import Entity, Registry
from newsclaims.extraction.doctext import doc_text, has_parse, token_starting_at
from newsclaims.extraction.extensions import QUOTES

RECENCY = 100.0
MAIN_SUBJECT = 100.0
SUBJECT = 80.0
OBJECT = 50.0
HEAD = 50.0  # the name heads its phrase (not `the Obama administration`, `Obama's plan`)
OUTSIDE_QUOTE = 40.0
QUOTED = 0.25  # the share a mention inside a quotation keeps
INTRODUCED = 80.0  # the first mention: a person just introduced is likely to speak next
# How many sentences back a mention still adds weight; past that, the nearest person who
# agrees is the fallback (a pronoun far from any name still means someone).
REACH = 12
# A spoken statement as a mention: recency and a main-clause subject.
SPOKEN = RECENCY + MAIN_SUBJECT + HEAD + OUTSIDE_QUOTE


class Salience:
    """Weights of the people of one article at any offset, from the registry's mentions."""

    def __init__(self, doc: Doc, registry: Registry) -> None:
        self.doc = doc
        self.registry = registry
        self.parsed = has_parse(doc)
        self._sent_starts = [s.start_char for s in doc.sents]
        text = doc_text(doc)
        self._para_starts = [0] + [m.end() for m in re.finditer(r"\n+", text)]
        group = doc.spans[QUOTES] if QUOTES in doc.spans else []
        self._quotes = sorted((q.start_char, q.end_char) for q in group)
        self._weights: dict[int, float] = {}
        self.spoken: list[tuple[int, Entity]] = []  # (offset, speaker) of credited statements

    def said(self, entity: Entity | None, offset: int) -> None:
        if entity is not None and entity.kind == "person":
            self.spoken.append((offset, entity))

    def ranked(self, at: int, *, gender: str | None = None) -> list[tuple[float, Entity]]:
        """People mentioned before `at`, most salient first, whose gender agrees."""
        here_sent = self._sentence(at)
        here_para = self._paragraph(at)
        scores: dict[int, float] = {}
        entities: dict[int, Entity] = {}
        mentions = [(o, e, None) for o, e in self.registry.mentions_before(at, kind="person")]
        mentions += [(o, e, SPOKEN) for o, e in self.spoken if o < at]
        for offset, entity, weight in mentions:
            if gender is not None and entity.gender not in (None, gender):
                continue
            back = here_sent - self._sentence(offset)
            if back > REACH:
                continue
            if weight is None:
                weight = self._mention_weight(offset, entity)
            paragraphs = here_para - self._paragraph(offset)
            value = weight / (2**back) / (2**paragraphs)
            key = id(entity)
            entities[key] = entity
            scores[key] = scores.get(key, 0.0) + value
        order = sorted(scores, key=lambda k: -scores[k])
        if not order:
            agree = [
                (o, e) for o, e, _w in mentions if gender is None or e.gender in (None, gender)
            ]
            return [(0.0, max(agree, key=lambda pair: pair[0])[1])] if agree else []
        return [(scores[k], entities[k]) for k in order]

    def best(self, at: int, *, gender: str | None = None) -> Entity | None:
        ranked = self.ranked(at, gender=gender)
        return ranked[0][1] if ranked else None

    # -- factors -------------------------------------------------------------------------

    def _weight(self, offset: int) -> float:
        if offset not in self._weights:
            weight = RECENCY + self._role(offset)
            weight = weight + OUTSIDE_QUOTE if not self._quoted(offset) else weight * QUOTED
            self._weights[offset] = weight
        return self._weights[offset]

    def _mention_weight(self, offset: int, entity: Entity) -> float:
        weight = self._weight(offset)
        if entity.mentions and entity.mentions[0] == offset:
            weight += INTRODUCED
        return weight

    def _role(self, offset: int) -> float:
        token = token_starting_at(self.doc, offset)
        if token is None:
            return 0.0
        if not self.parsed:  # without a parse: a name that opens its sentence is its subject
            opens = all(t.is_punct or t.is_space for t in self.doc[token.sent.start : token.i])
            return SUBJECT + HEAD if opens else HEAD
        while token.dep_ in ("compound", "flat") and token.head.i > token.i:
            token = token.head
        if token.dep_ in ("compound", "poss") or (token.dep_ == "nmod"):
            return 0.0
        if token.dep_ in ("nsubj", "nsubjpass"):
            verb = token.head
            main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
            return (MAIN_SUBJECT if main else SUBJECT) + HEAD
        if token.dep_ == "appos" and token.head.dep_ in ("nsubj", "nsubjpass"):
            return SUBJECT + HEAD  # `The candidate, Ana Lee, said`
        if token.dep_ in ("dobj", "dative", "attr", "oprd"):
            return OBJECT + HEAD
        return HEAD

    def _quoted(self, offset: int) -> bool:
        k = bisect.bisect_right(self._quotes, (offset, float("inf"))) - 1
        for start, end in self._quotes[max(0, k - 3) : k + 1]:
            if start <= offset < end:
                return True
        return False

    def _sentence(self, offset: int) -> int:
        return bisect.bisect_right(self._sent_starts, offset) - 1

    def _paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self._para_starts, offset) - 1
