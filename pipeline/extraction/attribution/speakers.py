"""From the words that name a source to a `Speaker`: person, organisation, anonymous source
or document, resolved through the article's registry (`Wang` -> `Wang Lianjun`, `he` -> the
person `he` refers to, `the company` -> the organisation that fits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from newsclaims.extraction.attribution import names
from newsclaims.extraction.attribution.entities import (
    ORG_LABELS,
    PERSON_LABELS,
    Entity,
    Registry,
    extend_org,
)
from newsclaims.models import Mention, Speaker
from newsclaims.patterns import lexicon

_MALE = frozenset({"he", "him", "his"})
_FEMALE = frozenset({"she", "her", "hers"})
_PLURAL = frozenset({"they", "them"})
_NEUTER = frozenset({"it"})
_FIRST_PERSON = frozenset({"i", "we", "me", "us"})
_GENERIC_ORG_NOUNS = frozenset({"company", "firm", "group", "business", "maker", "giant"})
_DETERMINERS = frozenset({"the", "a", "an", "one", "some", "two", "three", "several", "many"})
_CUT = frozenset({",", ";", "(", ")", "\u2014", "\u2013", '"', "\u201c", "\u201d", ":"})
# How many sentences back a pronoun or a floating quotation may reach for its speaker.
_SPEAKER_REACH = 4


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower() if token.lemma_ else ""
    return lemma or singular(token.lower_)


def singular(word: str) -> str:
    """A rough singular for unlemmatized text: `executives` -> `executive`."""
    if word in {"people", "staff", "police", "data", "media"}:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


@dataclass
class Found:
    """A resolved source: the record, and the registry entity when it is one."""

    speaker: Speaker
    entity: Entity | None = None


class SpeakerResolver:
    """Resolves source mentions of one article, in text order (pronouns look backwards)."""

    def __init__(self, doc: Doc, registry: Registry) -> None:
        self.doc = doc
        self.registry = registry
        self.parsed = doc.has_annotation("DEP")
        self.has_ents = doc.has_annotation("ENT_IOB")
        self.last: Found | None = None
        self.last_sentence = -(10**6)

    def remember(self, found: Found | None, sentence: int) -> None:
        if found is not None:
            self.last = found
            self.last_sentence = sentence

    def floating(self, sentence: int) -> Found | None:
        """The speaker a quotation with no cue of its own keeps: the last one, if recent."""
        if self.last is not None and sentence - self.last_sentence <= _SPEAKER_REACH:
            return Found(self.last.speaker.model_copy(update={"mention": None}), self.last.entity)
        return None

    # -- parsed docs ---------------------------------------------------------------------

    def from_head(self, head: Token, *, sentence: int) -> Found | None:
        """Resolve the noun phrase headed by `head` (the subject of a cue, the object of
        `according to`)."""
        words = _np_tokens(head)
        if not words:
            return None
        span = self.doc[words[0].i : words[-1].i + 1]
        lower = head.lower_
        if head.tag_ in ("PRP", "PRP$") or lower in _MALE | _FEMALE | _PLURAL | _NEUTER:
            return self.pronoun(lower, at=head.idx, mention=_mention(head, head), sentence=sentence)
        person = _person_in(head)
        if person is not None:
            # `Nordsee Vind's chief executive, Karin Lindqvist,` / `chief financial officer
            # Daniel Osei`: the role noun heads the phrase, the person is named in it.
            return self.named(person, label="PERSON")
        ent = _entity_at(head)
        if ent is not None and len(ent) == 1 and _lemma(head) in _group_nouns():
            ent = None  # `Automakers expect ...`: a common noun the NER took for a name
        if head.pos_ != "PROPN" and ent is None:
            found = self.common_noun(span, _lemma(quantified(head)), head=head)
            if found is not None or not head.text[:1].isupper() or head.i == span.start == 0:
                return found
        name_span = ent if ent is not None else proper_run(head)
        if ent is not None and ent.label_ in ORG_LABELS:
            name_span = extend_org(ent)
        elif ent is not None and ent.label_ in PERSON_LABELS:
            # `Prince Abdulaziz bin Salman` tagged `bin Salman`: the whole run of names.
            start = ent.start
            stop = lexicon.words("attribution/titles.txt") | lexicon.words(
                "attribution/org_leading_words.txt"
            )
            while (
                start > 0
                and self.doc[start - 1].pos_ == "PROPN"
                and self.doc[start - 1].ent_type_ in ("", "PERSON")
                and self.doc[start - 1].lower_ not in stop
            ):
                start -= 1
            name_span = self.doc[start : ent.end]
            if start < ent.start and self.registry.lookup(names.org_name(ent.text)) is not None:
                name_span = ent  # a known organisation, whatever the NER called it
        return self.named(name_span, label=ent.label_ if ent is not None else None)

    # -- unparsed docs ---------------------------------------------------------------------

    def from_words(self, span: Span, *, sentence: int) -> Found | None:
        """Resolve a source phrase found by position alone (`--model blank`)."""
        words = [t for t in span if not t.is_punct]
        if not words:
            return None
        first = words[0]
        if len(words) == 1 and first.lower_ in _MALE | _FEMALE | _PLURAL | _NEUTER:
            return self.pronoun(
                first.lower_, at=first.idx, mention=_mention(first, first), sentence=sentence
            )
        if first.lower_ in _FIRST_PERSON:
            return None
        if first.lower_ in _DETERMINERS or first.is_lower:
            return self.common_noun(span, _blank_head(words))
        # The last run of capitalised words names the source (`General Motors chief
        # executive Mary Barra` -> `Mary Barra`).
        end = len(words)
        while end > 0 and not _capitalised(words[end - 1]):
            end -= 1
        start = end
        while start > 0 and (
            _capitalised(words[start - 1])
            or (start > 1 and words[start - 1].lower_ in ("of", "for", "and", "&"))
        ):
            start -= 1
        if start == end:
            return None
        return self.named(self.doc[words[start].i : words[end - 1].i + 1], label=None)

    # -- shared ------------------------------------------------------------------------------

    def named(self, span: Span, *, label: str | None) -> Found | None:
        text = span.text
        mention = Mention(text=text, start=span.start_char, end=span.end_char)
        person = self.registry.lookup(names.person_name(text), at=span.start_char, kind="person")
        if person is not None:
            return Found(self._person(person, mention), person)
        org = self.registry.lookup(names.org_name(text), at=span.start_char, kind="organization")
        if org is None and names.org_name(text).lower() in lexicon.words(
            "attribution/org_nouns.txt"
        ):
            # `The Bank now expects ...`: a capitalised descriptor of a named organisation.
            org = self._by_org_noun(names.org_name(text).lower(), at=span.start_char)
        if org is not None:  # the registry has already corrected the NER's label
            return Found(self._org(org, mention), org)
        if label in PERSON_LABELS or (label is None and _looks_like_person(text)):
            entity = self.registry.add_person(text, at=span.start_char)
            if entity is not None:
                return Found(self._person(entity, mention), entity)
        if (
            label in ORG_LABELS
            or label in ("FAC", "PRODUCT", "WORK_OF_ART", "LAW")
            or label is None
        ):
            entity = self.registry.add_organization(text, at=span.start_char, label=label)
            if entity is not None:
                return Found(self._org(entity, mention), entity)
        return None

    def common_noun(self, span: Span, lemma: str, *, head: Token | None = None) -> Found | None:
        """`an executive`, `people familiar with the matter`, `the company`, `figures`."""
        text = span.text
        mention = Mention(text=text, start=span.start_char, end=span.end_char)
        definite = span[0].lower_ in {"the", "this", "that"}
        possessor = _possessor(head) if head is not None else None
        if lemma in lexicon.words("attribution/document_heads.txt"):
            return Found(Speaker(name=text, kind="document", mention=mention))
        if definite and possessor is None and lemma in lexicon.words("attribution/titles.txt"):
            person = self._by_role(lemma, at=span.start_char)
            if person is not None:
                return Found(self._person(person, mention), person)
        if lemma in lexicon.words("attribution/anonymous_heads.txt"):
            return Found(Speaker(name=text, kind="anonymous", mention=mention))
        if lemma in lexicon.words("attribution/org_nouns.txt"):
            if possessor is not None:  # `Tesla's board said`: that body, as written
                return Found(Speaker(name=text, kind="organization", mention=mention))
            plural = head is not None and head.tag_ in ("NNS", "NNPS")
            if not definite or plural:
                # `Automakers expect ...`, `the two governments said`: members of a group.
                return (
                    Found(Speaker(name=text, kind="anonymous", mention=mention)) if plural else None
                )
            org = self._by_org_noun(lemma, at=span.start_char, since=span.sent.start_char)
            if org is not None:
                return Found(self._org(org, mention), org)
            return Found(Speaker(name=text, kind="organization", mention=mention))
        if lemma in lexicon.words("attribution/titles.txt"):
            return Found(Speaker(name=text, kind="anonymous", mention=mention))
        return None

    def pronoun(
        self, word: str, *, at: int, mention: Mention | None, sentence: int
    ) -> Found | None:
        word = word.lower()
        if word in _MALE | _FEMALE:
            gender = "m" if word in _MALE else "f"
            person = self._person_for_pronoun(gender, at=at, sentence=sentence)
            if person is None:
                return None
            if person.gender is None:
                person.gender = gender
            return Found(self._person(person, mention), person)
        if word in _NEUTER:
            org = self._by_org_noun("company", at=at)
            return Found(self._org(org, mention), org) if org is not None else None
        if word in _PLURAL and self.last is not None and self.last.speaker.kind != "person":
            if sentence - self.last_sentence <= _SPEAKER_REACH:
                return Found(self.last.speaker.model_copy(update={"mention": mention}), None)
        return None

    def _person_for_pronoun(self, gender: str, *, at: int, sentence: int) -> Entity | None:
        """The nearest compatible person; the last speaker wins over a person only named in
        passing since (`Wang said Huawei hired Sun Li. He said ...` -> Wang)."""
        candidates = [
            e
            for _, e in self.registry.mentions_before(at, kind="person")
            if e.gender in (None, gender)
        ]
        if not candidates:
            return None
        last = self.last.entity if self.last is not None else None
        recent = sentence - self.last_sentence <= _SPEAKER_REACH
        if last is not None and last.kind == "person" and recent and last.gender in (None, gender):
            if candidates[0] is last or candidates[0].gender is None or last.gender == gender:
                return last
        return candidates[0]

    def _by_role(self, noun: str, *, at: int) -> Entity | None:
        """`the executive said`: the most recent person whose title has that word."""
        for _, entity in self.registry.mentions_before(at, kind="person"):
            if noun in entity.nouns:
                return entity
        return None

    def _by_org_noun(self, noun: str, *, at: int, since: int | None = None) -> Entity | None:
        """`the company said`, `it said`, `the club said`: the organisation that fits. One
        named earlier in the same sentence wins (`Manchester United executive ... will step
        down, the club said`); else the one the article is about: described by that noun,
        named first, named often; a mention in passing does not take over `the company`."""
        mentions = self.registry.mentions_before(at, kind="organization")
        if not mentions:
            return None
        first = mentions[-1][1]
        scores: dict[int, float] = {}
        counts: dict[int, int] = {}
        entities: dict[int, Entity] = {}
        for offset, entity in mentions:
            key = id(entity)
            entities[key] = entity
            if key not in scores:
                described = noun in entity.nouns or noun in entity.name.lower().split()
                if not (described or entity.label in ("ORG", None)):
                    scores[key] = float("-inf")
                    continue
                scores[key] = 10.0 * described + 5.0 * (entity is first)
                scores[key] += 2.0 / (1 + (at - offset) / 400)  # the nearest mention
                if since is not None and offset >= since:
                    scores[key] += 8.0
            counts[key] = counts.get(key, 0) + 1
        best = max(scores, key=lambda k: scores[k] + min(counts.get(k, 0), 3))
        return entities[best] if scores[best] > float("-inf") else None

    @staticmethod
    def _person(entity: Entity, mention: Mention | None) -> Speaker:
        return Speaker(
            name=entity.name,
            kind="person",
            title=entity.title,
            organization=entity.organization,
            mention=mention,
        )

    @staticmethod
    def _org(entity: Entity, mention: Mention | None) -> Speaker:
        return Speaker(name=entity.name, kind="organization", mention=mention)


def _mention(first: Token, last: Token) -> Mention:
    doc = first.doc
    span = doc[first.i : last.i + 1]
    return Mention(text=span.text, start=span.start_char, end=span.end_char)


_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LAW"})
_QUANTIFIERS = frozenset(
    "one two three four five six seven eight nine ten some many most several few all none "
    "both each any half dozens".split()
)


def entity_containing(token: Token) -> Span | None:
    """The entity of `doc.ents` that the token is part of, if any."""
    if not token.ent_type_:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _entity_at(token: Token) -> Span | None:
    """The name entity (not a date, number or quantity) the token is part of."""
    return entity_containing(token) if token.ent_type_ in _NAME_LABELS else None


@cache
def _group_nouns() -> frozenset[str]:
    return lexicon.words("attribution/org_nouns.txt") | lexicon.words(
        "attribution/anonymous_heads.txt"
    )


def _person_in(head: Token) -> Span | None:
    """A source named inside a phrase headed by a role or organisation noun: its apposition
    or compound (`chief financial officer Daniel Osei`, `A rival firm, Canvas Analytics,`)."""
    titles = lexicon.words("attribution/titles.txt")
    if head.ent_type_ or (head.pos_ == "PROPN" and head.lower_ not in titles):
        return None
    for child in head.children:
        if child.dep_ in ("appos", "compound") and child.ent_type_ == "PERSON":
            return _entity_at(child)
        if child.dep_ == "appos" and child.ent_type_ in ("ORG", "PERSON"):
            return _entity_at(child)
    return None


def quantified(head: Token) -> Token:
    """`two of those people` -> `people`: the noun a quantifier counts."""
    if head.lower_ in _QUANTIFIERS or head.pos_ == "NUM":
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return head


def proper_run(head: Token) -> Span:
    """The run of proper nouns ending at `head` (`Richard Yu`)."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
        start -= 1
    return doc[start : head.i + 1]


def _possessor(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return child
    return None


def _np_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by `head`, without appositions, relative
    clauses and anything after a comma."""
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ in ("appos", "relcl", "punct", "advcl", "parataxis"):
            skip.update(t.i for t in child.subtree)
        if child.dep_ == "acl" and child.i > head.i and child.tag_ == "VBG":
            skip.update(t.i for t in child.subtree)
    tokens = [t for t in head.subtree if t.i not in skip]
    out: list[Token] = []
    for t in tokens:
        if t.i > head.i and t.text in _CUT:
            break
        out.append(t)
    while out and (out[0].is_punct or out[0].text in _CUT):
        out.pop(0)
    while out and (out[-1].is_punct or out[-1].text in _CUT):
        out.pop()
    return out


def _blank_head(words: list[Token]) -> str:
    """The head noun of a phrase without a parse: the first word a source lexicon knows
    (`a senior official at the ministry` -> `official`), else the word before a break."""
    known = (
        lexicon.words("attribution/document_heads.txt")
        | lexicon.words("attribution/anonymous_heads.txt")
        | lexicon.words("attribution/org_nouns.txt")
    )
    last = singular(words[-1].lower_)
    for t in words:
        if t.lower_ in _NP_BREAK:
            break
        lemma = singular(t.lower_)
        if lemma in known or t.lower_ in known:
            return lemma if lemma in known else t.lower_
        last = lemma
    return last


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() or token.lower_ in {"bin", "de", "van", "von", "al"}


_NP_BREAK = frozenset({"at", "of", "with", "from", "for", "in", "familiar", "close", "who"})
_NAME_WORD = re.compile(r"^[A-Z][a-z'\u2019-]+$")


def _looks_like_person(text: str) -> bool:
    """Without NER: two to four capitalised words name a person, unless they read as a
    firm's name (`Strata Cloud`, `Morgan Stanley Research`) or start as one (`General`).
    Sources quoted by name in news are mostly people."""
    words = names.person_name(text).split()
    if not 2 <= len(words) <= 4 or not all(_NAME_WORD.match(w) for w in words):
        return False
    if names.gender_of_given_name(" ".join(words)) is not None:
        return True
    firm_words = lexicon.words("attribution/org_name_words.txt")
    generic = lexicon.words("attribution/org_generic_words.txt")
    return words[-1].lower() not in firm_words and words[0].lower() not in generic
