"""The people and organisations of one article, by every form they are named in.

`Registry` is filled by the registry component (`newsclaims.extraction.components.registry`)
and read by speaker and target resolution; `extend_org` mends an organisation name the
NER cut short or padded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from newsclaims.extraction.attribution import names
from newsclaims.patterns import lexicon

PERSON_LABELS = frozenset({"PERSON"})
ORG_LABELS = frozenset({"ORG", "GPE", "NORP"})
# Names that are neither people nor organisations but can be what a claim is about.
THING_LABELS = frozenset({"PRODUCT", "FAC", "WORK_OF_ART", "EVENT", "LAW"})
# Places: a place's name that starts an organisation's is not a short form of it (`Kingsmere`
# and `Kingsmere County Council`, `India` and `India Meteorological Department`).
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})


_NOT_ORGS = frozenset({"reuters", "ap", "afp", "bloomberg news", "the associated press"})


@dataclass
class Entity:
    """A person or organisation of the article, named in its fullest form."""

    name: str
    kind: str  # "person" | "organization"
    label: str | None = None
    title: str | None = None
    organization: str | None = None
    gender: str | None = None
    weak_gender: bool = False  # the gender only from a first name borne by both sexes
    aliases: set[str] = field(default_factory=set)
    nouns: set[str] = field(default_factory=set)  # descriptor heads: carmaker, minister
    mentions: list[int] = field(default_factory=list)  # character offsets, in order

    def describe(self, title: str | None, organization: str | None) -> None:
        if title and not self.title:
            self.title = title
            roles = lexicon.words("attribution/titles.txt")
            self.nouns.update(w.lower() for w in title.split() if w.lower() in roles)
        if organization and not self.organization:
            self.organization = organization


@dataclass
class Registry:
    """People and organisations of one article, and the offsets where they are named."""

    entities: list[Entity] = field(default_factory=list)
    _by_alias: dict[str, list[Entity]] = field(default_factory=dict)

    def add_alias(self, entity: Entity, alias: str) -> None:
        alias = alias.lower()
        entity.aliases.add(alias)
        bucket = self._by_alias.setdefault(alias, [])
        if entity not in bucket:
            bucket.append(entity)

    def lookup(
        self,
        text: str,
        *,
        at: int | None = None,
        kind: str | None = None,
        label: str | None = None,
    ) -> Entity | None:
        """The entity a surface form names; with several, the one named last before `at`.
        A form the NER tags as a place (`label`) never stands for a longer organisation's
        name it starts (`Kingsmere's libraries` is not `Kingsmere County Council`'s)."""
        form = text.lower().strip()
        candidates = self._by_alias.get(form) or self._by_alias.get(
            names.strip_possessive(form).lower(), []
        )
        if kind:
            candidates = [e for e in candidates if e.kind == kind]
        if not candidates and kind != "person":
            candidates = self._by_prefix(form)
            if label in PLACE_LABELS:
                candidates = [e for e in candidates if e.label in PLACE_LABELS]
            # `United` for the `Harbour United` someone works for (not `Power producers`).
            tail = None if candidates or kind is None else self._tail_of(form)
            candidates = [tail] if tail is not None else candidates
        if not candidates:
            return None
        if len(candidates) == 1 or at is None:
            return candidates[0]
        return max(candidates, key=lambda e: max((m for m in e.mentions if m <= at), default=-1))

    def _shorter_form_of(self, name: str, label: str | None = None) -> Entity | None:
        """An organisation named before in a shorter form that this name extends (`Fed`
        then `Federal Reserve`, `Jade Lotus` then `Jade Lotus Biotech`); not a place that
        starts an organisation's name (`India`, then `India Meteorological Department`)."""
        words = name.lower().split()
        for entity in self.organizations():
            short = entity.name.lower().split()
            if len(short) >= len(words) or not short:
                continue
            if (entity.label in PLACE_LABELS) != (label in PLACE_LABELS):
                continue
            if words[: len(short) - 1] == short[:-1] and _cut_short(
                short[-1], words[len(short) - 1]
            ):
                return entity
        return None

    def _descriptor_of(self, name: str) -> Entity | None:
        """`The Commission said` after `the European Commission`: a capitalised organisation
        noun alone is the latest organisation whose name ends with it."""
        word = name.lower()
        if " " in word or word not in lexicon.words("attribution/org_nouns.txt"):
            return None
        for entity in reversed(self.organizations()):
            words = entity.name.lower().split()
            if len(words) > 1 and word in words:
                return entity
        return None

    def _tail_of(self, name: str) -> Entity | None:
        """`the Super League` after `the European Super League`: two or more words that
        end a longer organisation's name name that organisation, if only one fits; so does
        one word that ends names of firms and clubs (`City` after `Castleton City`)."""
        words = name.lower().split()
        if not words or (
            len(words) < 2 and words[0] not in lexicon.words("attribution/org_name_words.txt")
        ):
            return None
        fits = [
            e
            for e in self.organizations()
            if len(e.name.split()) > len(words) and e.name.lower().split()[-len(words) :] == words
        ]
        return fits[0] if len(fits) == 1 else None

    def _by_prefix(self, form: str) -> list[Entity]:
        """`Indus Digital` / `Strata` / `Fed` for `Indus Digital Services` / `Strata Cloud` /
        `Federal Reserve`: the one organisation whose name starts with these words (the
        last word may be cut short, as in `Fed`)."""
        words = form.split()
        if not words or len(form) < 3:
            return []
        found = []
        for entity in self.organizations():
            name = entity.name.lower().split()
            if len(name) <= len(words):
                continue
            if name[: len(words) - 1] == words[:-1] and _cut_short(words[-1], name[len(words) - 1]):
                found.append(entity)
        return found if len(found) == 1 else []

    def people(self) -> list[Entity]:
        return [e for e in self.entities if e.kind == "person"]

    def organizations(self) -> list[Entity]:
        return [e for e in self.entities if e.kind == "organization"]

    def add_person(self, text: str, *, at: int, label: str | None = "PERSON") -> Entity | None:
        name = names.person_name(text)
        if not name or not name[0].isupper():
            return None
        known = self.lookup(name, at=at, kind="person")
        if known is not None and (len(name.split()) == 1 or known.name.lower() == name.lower()):
            known.mentions.append(at)
            first = text.split()[0] if text.split() else ""
            honorific = names.gender_of_honorific(first)
            if honorific is not None and (known.gender is None or known.weak_gender):
                known.gender, known.weak_gender = honorific, False
            return known
        # A shorter form seen first (`Wang`) and the full name later: merge into the full one.
        entity = Entity(name=name, kind="person", label=label)
        first = text.split()[0] if text.split() else ""
        entity.gender = names.gender_of_honorific(first) or names.gender_of_first_name(name)
        entity.weak_gender = names.gender_of_honorific(first) is None and names.weak_name_gender(
            name
        )
        entity.mentions.append(at)
        self.entities.append(entity)
        for alias in names.person_aliases(name):
            self.add_alias(entity, alias)
        return entity

    def add_organization(self, text: str, *, at: int, label: str | None = "ORG") -> Entity | None:
        name = names.org_name(text)
        if not name or not name[0].isupper() or name.lower() in _NOT_ORGS:
            return None
        known = self.lookup(name, at=at, label=label) or self._shorter_form_of(name, label)
        known = known or self._descriptor_of(name)
        if known is None:
            known = self._tail_of(name)
            if known is not None and name.lower() not in self._by_alias:
                self.add_alias(known, name)  # `City`, from now on `Castleton City`
        if (
            known is not None
            and label in THING_LABELS
            and known.kind == "organization"
            and known.label not in THING_LABELS
            and known.name.lower() != name.lower()
        ):
            known = None  # `Kora Neo` the car does not rename `Kora` the firm
        if known is not None:
            known.mentions.append(at)
            if known.kind == "organization" and len(name) > len(known.name):
                known.name = name  # the fullest form in the article
                for alias in names.org_aliases(name):
                    if alias not in self._by_alias:
                        self.add_alias(known, alias)
            return known
        entity = Entity(name=name, kind="organization", label=label)
        entity.mentions.append(at)
        self.entities.append(entity)
        for alias in names.org_aliases(name):
            # A first word is only an alias when no other entity claims it.
            if alias in self._by_alias and alias != name.lower():
                continue
            self.add_alias(entity, alias)
        return entity

    def mentions_before(self, at: int, *, kind: str | None = None) -> list[tuple[int, Entity]]:
        """(offset, entity) of every mention before `at`, most recent first."""
        out = [
            (m, e)
            for e in self.entities
            if kind is None or e.kind == kind
            for m in e.mentions
            if m < at
        ]
        return sorted(out, key=lambda pair: -pair[0])


def within_line(ent: Span) -> Span:
    """A name never runs over a line break: an entity the NER ran from a headline into the
    body (`CNN's Fault` / `Ted Cruz apologized`) is its part after the last break."""
    if "\n" not in ent.text:
        return ent
    doc = ent.doc
    start = ent.start
    for token in ent:
        if "\n" in token.text or "\n" in token.whitespace_:
            start = token.i + 1
    while start < ent.end and doc[start].is_space:
        start += 1
    if start >= ent.end:
        return ent
    return Span(doc, start, ent.end, label=ent.label_)


def extend_org(ent: Span) -> Span:
    """An organisation's name where the NER cut it or padded it: `Society of Motor
    Manufacturers and Traders`, `Department for Energy Security and Net Zero`, `Senate
    Republicans`; without a sentence opener it took in (`Rival Kaiyun Auto`)."""
    doc = ent.doc
    start, end = ent.start, ent.end
    # `Jade Lotus Biotech` tagged `Lotus Biotech`: capitalised compounds before it belong.
    while (
        start > 0
        and doc[start - 1].dep_ == "compound"
        and doc[start - 1].text[:1].isupper()
        and doc[start - 1].head.i >= start
        and not doc[start - 1].ent_type_
    ):
        start -= 1
    if end + 1 < len(doc) and doc[end].lower_ in ("and", "&") and ent.label_ == "ORG":
        k = end + 1
        while k < len(doc) and doc[k].text[:1].isupper() and not doc[k].ent_type_:
            k += 1
        if k > end + 1:
            end = k
    if end - start > 1 and doc[end - 1].lower_ in ("of", "for"):
        # `Roofing Guild of` / `the Marches`: a name the NER cut after its `of`.
        k = end + (end < len(doc) and doc[end].lower_ == "the")
        stop = k
        while stop < len(doc) and doc[stop].text[:1].isupper() and doc[stop].pos_ == "PROPN":
            stop += 1
        end = stop if stop > k else end - 1
    if end < len(doc) and doc[end].text == "+" and not doc[end - 1].whitespace_:
        end += 1  # `OPEC+`, `G7+`: the plus is part of the name
    leading = lexicon.words("attribution/org_leading_words.txt")
    if end - start > 1 and doc[start].is_sent_start and doc[start].lower_ in leading:
        start += 1
    span = doc[start:end]
    return Span(doc, start, end, label=ent.label_) if span.text != ent.text else ent


CLIP_LENGTH = 4  # the longest clipped form of a word (`Fed` for `Federal`, `Govt`)


def _cut_short(short: str, full: str) -> bool:
    """`short` is `full`, or a clipped form of it (`fed` / `federal`), not another word that
    happens to start it (`europe` / `european`)."""
    return short == full or (len(short) <= CLIP_LENGTH and full.startswith(short))
