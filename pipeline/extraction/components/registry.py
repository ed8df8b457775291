"""One registry of people and organisations per article.

Every mention form adds to it: a full name with its title and organisation from an
apposition (`Wang Lianjun, Huawei's director of ..., said`), a pre-name descriptor
(`Huawei chief executive Richard Yu`), a relative clause (`X, who heads Y`), an organisation
with its acronym (`European Central Bank (ECB)`) or descriptor (`NIO, the carmaker,`).
Later mentions (`Wang`, `he`, `the executive`, `the company`) are resolved against it by
the attribution component. The statistical NER's person/organisation mistakes (`Wang said`
tagged ORG) are corrected here: a form that is an alias of a known person is that person.

Writes `doc._.registry`.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsclaims.extraction.attribution import names
from newsclaims.extraction.attribution.entities import (
    CLIP_LENGTH,
    ORG_LABELS,
    PERSON_LABELS,
    THING_LABELS,
    Entity,
    Registry,
    extend_org,
    within_line,
)
from newsclaims.extraction.components.base import Component
from newsclaims.extraction.doctext import doc_text, has_ents, lowers, tokens
from newsclaims.extraction.doctext import words as doc_words
from newsclaims.extraction.extensions import NON_CLAIM
from newsclaims.patterns import lexicon

_LINK_PREPS = frozenset({"of", "at", "for", "with", "from", "in"})
_NAME_TOKEN = re.compile(r"^[A-Z][\w'\u2019.-]*$")
_LEAD_VERBS = frozenset({"head", "lead", "run", "chair", "manage", "found", "co-found", "own"})


@Language.factory("newsclaims_registry", default_config={})
def make_registry(nlp: Language, name: str) -> RegistryBuilder:
    return RegistryBuilder()


class RegistryBuilder(Component):
    """Builds `doc._.registry` from named entities (or capitalised names under a blank
    pipeline), appositions, descriptors and acronyms."""

    name = "newsclaims_registry"

    def annotate(self, doc: Doc) -> None:
        registry = Registry()
        if doc.has_annotation("ENT_IOB"):
            self._from_entities(doc, registry)
        else:
            self._from_capitals(doc, registry)
        _surname_mentions(doc, registry)
        doc._.registry = registry

    # -- trained pipelines ------------------------------------------------------------------

    def _from_entities(self, doc: Doc, registry: Registry) -> None:
        datelines = _datelines(doc)
        ents = [
            extend_org(part) if part.label_ in ORG_LABELS else part
            for e in doc.ents
            if not _after_number(e) and not any(a <= e.start < b for a, b in datelines)
            for part in _split_fused(within_line(e))
        ]
        ents = [_with_given_name(e) for e in ents] + _missed_people(doc)
        ents += _missed_after_datelines(doc, datelines, ents)
        ents = sorted(ents + _missed_after_org_nouns(doc, ents), key=lambda e: e.start)
        # A name is a firm's when any of its mentions says so (`Nordsee Vind has halted work
        # on its wind farm`), whichever mention comes first.
        firms = {
            names.person_name(e.text).lower()
            for e in ents
            if e.label_ in PERSON_LABELS
            and _named_like_organization(e, names.person_name(e.text).split())
        }
        ents = [
            Span(doc, e.start, e.end, label="ORG")
            if e.label_ in PERSON_LABELS and names.person_name(e.text).lower() in firms
            else e
            for e in ents
        ]
        # `The Kora Neo sold ...` tagged PERSON: no one's name takes an article; a thing.
        ents = [
            Span(doc, e.start + 1, e.end, label="PRODUCT")
            if e.label_ in PERSON_LABELS and len(e) > 1 and e[0].lower_ == "the"
            else e
            for e in ents
        ]
        memo: dict[tuple[int, int], str | None] = {}
        # Full names first, so that `Wang` (tagged ORG) finds `Wang Lianjun` (PERSON).
        for ent in sorted(ents, key=lambda e: (-len(e), e.start_char)):
            if (
                _kind_of(ent, registry, memo) == "person"
                and len(names.person_name(ent.text).split()) > 1
            ):
                registry.add_person(ent.text, at=ent.start_char)
        for ent in ents:
            kind = _kind_of(ent, registry, memo)
            if kind == "person":
                known = registry.lookup(names.person_name(ent.text), kind="person")
                if known is None:
                    known = registry.add_person(ent.text, at=ent.start_char)
                elif ent.start_char not in known.mentions:
                    known.mentions.append(ent.start_char)
                honorific = (
                    names.gender_of_honorific(doc[ent.start - 1].text) if ent.start > 0 else None
                )
                if (
                    known is not None
                    and honorific is not None
                    and (known.gender is None or known.weak_gender)
                ):
                    # `Mr. Trump`: the NER leaves the honorific out of the name.
                    known.gender, known.weak_gender = honorific, False
            elif kind == "organization" or ent.label_ in THING_LABELS:
                label = "ORG" if ent.label_ in PERSON_LABELS else ent.label_
                entity = registry.add_organization(ent.text, at=ent.start_char, label=label)
                if entity is not None:
                    self._acronym(doc, ent, entity, registry)
                    self._org_descriptor(ent, entity)
        for entity in registry.entities:
            entity.mentions.sort()
            _spell_out(doc, entity, registry)
        for ent in ents:
            if _kind_of(ent, registry, memo) == "person":
                entity = registry.lookup(names.person_name(ent.text), kind="person")
                if entity is not None:
                    title, org = describe_person(ent, registry)
                    entity.describe(title, org)
                    _person_descriptor(ent, entity)

    @staticmethod
    def _acronym(doc: Doc, ent: Span, entity: Entity, registry: Registry) -> None:
        """`European Central Bank (ECB)`: the bracketed form is an alias."""
        if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
            short = doc[ent.end + 1].text
            if short.isupper() and 2 <= len(short) <= 6:
                registry.add_alias(entity, short)

    @staticmethod
    def _org_descriptor(ent: Span, entity: Entity) -> None:
        _head_noun(ent, entity)
        RegistryBuilder._descriptor(ent, entity)

    @staticmethod
    def _descriptor(ent: Span, entity: Entity) -> None:
        """`NIO, the Chinese carmaker,` / `the regulator Ofgem`: `the carmaker`, `the
        regulator` may later refer to that organisation."""
        for child in ent.root.children:
            if child.dep_ == "appos":
                entity.nouns.add(child.lemma_.lower())
        doc = ent.doc
        if ent.start >= 2 and doc[ent.start - 2].lower_ == "the" and doc[ent.start - 1].is_lower:
            entity.nouns.add(doc[ent.start - 1].lemma_.lower())
        elif ent.start >= 3 and doc[ent.start - 1].is_lower and _after_the(doc, ent.start - 1):
            # `the campaign group Friends of ...`: an organisation noun right before the name,
            # in a definite phrase, whatever modifies it.
            lemma = doc[ent.start - 1].lemma_.lower()
            if lemma in lexicon.words("attribution/org_nouns.txt"):
                entity.nouns.add(lemma)

    # -- blank pipelines ---------------------------------------------------------------------

    def _from_capitals(self, doc: Doc, registry: Registry) -> None:
        """Without NER: a run of capitalised words is a person when it starts with a known
        given name, follows a title (`chief executive Mary Barra`) or has a title in an
        apposition (`Wang Lianjun, Huawei's director of ...,`)."""
        given = lexicon.table("attribution/given_names.txt")
        titles = lexicon.words("attribution/titles.txt")
        org_nouns = lexicon.words("attribution/org_nouns.txt")
        ranks = lexicon.words("attribution/honorifics.txt")
        toks, texts, low = tokens(doc), doc_words(doc), lowers(doc)
        match = _NAME_TOKEN.match
        i = 0
        n = len(doc)
        alone: dict[str, int] | None = None  # counted on first need: most runs never ask
        story_starts = _after_dateline(doc)
        while i < n:
            if not match(texts[i]) or low[i] in titles:
                i += 1
                continue
            j = _name_run_end(doc, i)
            if j - i >= 3 and toks[i].is_sent_start and low[i] in _leading_function_words():
                i += 1  # `For Margaret Doyle, who ...`: a function word opening the sentence
                continue
            # `NASA Administrator Bill Nelson`, `House Budget Committee Chairman John
            # Yarmuth`: a capitalised title inside the run ends the organisation's name and
            # opens the person's (a given name and one or two more words).
            inner = next(
                (
                    k
                    for k in range(max(i + 1, j - 4), j - 2)
                    if low[k] in titles and low[k + 1] in names.given_names()
                ),
                None,
            )
            if inner is not None:
                if _blank_organization(doc, i, inner, story_starts):
                    registry.add_organization(doc[i:inner].text, at=toks[i].idx, label=None)
                i = inner
                continue
            cut = next((k for k in range(i + 2, j) if low[k] in ("of", "for")), None)
            if cut is not None and low[i] in given:
                j = cut  # `Nadia Rahman of Severn Valley Police`: a person, then their force
            words = texts[i:j]
            # `chief executive Mary Barra`; not `Energy Information Administration`, where
            # the capitalised "title" word is part of the name.
            prev = texts[i - 1] if i > 0 and toks[i - 1].is_lower else ""
            if not prev and i > 0 and low[i - 1] in titles and low[i] in names.given_names():
                prev = low[i - 1]  # `Harbourmaster Kenny Rowe`: a capitalised title, a name
            # `Sunforge's chairman, Chen Jianguo, told`: a title, a comma, then the name.
            if not prev and i > 1 and texts[i - 1] == "," and toks[i - 2].is_lower:
                prev = low[i - 2]
            apposition = _blank_apposition(doc, j, titles)
            connected = any(toks[k].is_lower for k in range(i, j))  # `Ministry of Commerce`
            # `Judge Ana Ruiz`, `Admiral Harry Harris`: the given name after the ranks.
            lead = 0
            while lead < len(words) - 2 and low[i + lead] in ranks:
                lead += 1
            first = words[lead].lower()
            if (
                not connected
                and j - i >= 2
                and (
                    first in given
                    or prev in titles
                    or apposition
                    or (lead > 0 and first in names.given_names())
                    or names.courtesy_titled(" ".join(words))  # `Mr Baker`, `Ms Ana Lee`
                    or (
                        first in names.given_names()
                        and _surname_used_alone(
                            words[lead:],
                            alone := alone if alone is not None else _lone_capitals(texts),
                        )
                    )
                )
            ):
                entity = registry.add_person(" ".join(words), at=toks[i].idx, label=None)
                if entity is not None:
                    title, org = apposition or _descriptor_before(doc, i, registry)
                    entity.describe(title, org)
                    for word in low[i : i + lead]:  # `Judge Ana Ruiz`: `the judge`
                        _rank_noun(word, entity)
            elif _blank_organization(doc, i, j, story_starts):
                entity = registry.add_organization(doc[i:j].text, at=toks[i].idx, label=None)
                if entity is not None and j + 2 < n and texts[j] == ",":
                    # `NIO, the Chinese carmaker,`: `the carmaker` may refer back to it.
                    for word in low[j + 1 : j + 6]:
                        if word in org_nouns:
                            entity.nouns.add(word)
                            break
            i = j


_CONNECTORS = frozenset({"of", "for", "and", "&", "de", "du"})


@cache
def _leading_function_words() -> frozenset[str]:
    """Function words (link/stopwords.txt) that, capitalised as a sentence opens, start no
    name; not the articles, which open organisations' names (`The Seafarers' Union`)."""
    return lexicon.words("link/stopwords.txt") - {"the", "a", "an"}


def _lone_capitals(texts: list[str]) -> dict[str, int]:
    """Capitalised words standing alone (no capitalised word either side), with how often:
    the surnames an article uses after it has given the full name (`Berg said`)."""
    match = _NAME_TOKEN.match
    caps = [False, *(match(text) is not None for text in texts), False]
    out: dict[str, int] = {}
    for k, text in enumerate(texts, start=1):
        if caps[k] and not caps[k - 1] and not caps[k + 1]:
            out[text] = out.get(text, 0) + 1
    return out


def _surname_used_alone(words: list[str], alone: dict[str, int]) -> bool:
    """`Tomas Berg's plan ... Berg said`: two or three capitalised words led by a given
    name (the hand list or the birth-record list: the caller checks it before counting
    `alone`) whose last word the article also uses on its own name a person, not a firm
    (issue 11, names: a surname after a full name)."""
    if len(words) > 3:
        return False
    last = words[-1]
    for suffix in ("'s", "\u2019s"):
        if last.endswith(suffix):
            last = last[: -len(suffix)]
    if last.lower() in _firm_words():
        return False  # `Chase Bank ... Bank said`: a firm's word, not a surname
    return alone.get(last, 0) >= 1


@cache
def _calendar_words() -> frozenset[str]:
    """Month and weekday names (the date lexicon's `months.tsv` and `weekdays.tsv`)."""
    rows = lexicon.rows("dates/months.tsv") + lexicon.rows("dates/weekdays.tsv")
    return frozenset(row[0].lower().rstrip(".") for row in rows)


@cache
def _firm_words() -> frozenset[str]:
    """Words of firms' names and organisation nouns, none of them a surname (`Bank`)."""
    return (
        lexicon.words("attribution/org_name_words.txt")
        | lexicon.words("attribution/org_generic_words.txt")
        | lexicon.words("attribution/org_nouns.txt")
    )


def _surname_mentions(doc: Doc, registry: Registry) -> None:
    """`Tom Ortiz said ... Ortiz toured the depot`: a later surname on its own that the NER
    (or the capitalised-run rule) left out is a mention of the one person it names, so that
    salience sees it (who is the subject, who was named last)."""
    surnames: dict[str, list[Entity]] = {}
    for entity in registry.people():
        words = entity.name.split()
        if len(words) >= 2 and entity.mentions:
            surname = names.surname(entity.name)
            surnames.setdefault(surname.lower(), []).append(entity)
    if not surnames:
        return
    tagged = doc.has_annotation("TAG")
    texts = doc_words(doc)
    for i, word in enumerate(lowers(doc)):
        people = surnames.get(word)
        if not people or len(people) != 1:
            continue
        token = tokens(doc)[i]
        if token.ent_type_:
            continue
        if (tagged and token.pos_ != "PROPN") or not texts[i][:1].isupper():
            continue
        if i > 0 and texts[i - 1][:1].isupper():
            continue  # the end of a longer name, already a mention
        entity = people[0]
        if token.idx > entity.mentions[0] and token.idx not in entity.mentions:
            bisect.insort(entity.mentions, token.idx)


def _name_run_end(doc: Doc, i: int) -> int:
    """End of a run of capitalised words from token `i`, through `of`/`and` (and `of the`)
    inside names (`Society of Motor Manufacturers and Traders`), at most eight words."""
    texts = doc_words(doc)
    n = len(texts)
    j = i
    while j < n and j - i < 8:
        if _NAME_TOKEN.match(texts[j]):
            j += 1
        elif lowers(doc)[j] in _CONNECTORS and j + 1 < n and _NAME_TOKEN.match(texts[j + 1]):
            j += 1
        elif (
            j > i
            and lowers(doc)[j] == "of"
            and j + 2 < n
            and lowers(doc)[j + 1] == "the"
            and _NAME_TOKEN.match(texts[j + 2])
        ):
            j += 2  # `Insurance Bureau of the Prairies`, `Bank of the West`
        else:
            break
    return j


def _blank_organization(doc: Doc, i: int, j: int, story_starts: set[int]) -> bool:
    """Without NER: a capitalised run is an organisation when its last word is a company
    word (`Kestrel Motors`), an organisation noun introduces it (`carmaker Kestrel`) or
    follows it in apposition (`Nordvik, a Stockholm-based fund,`), or a cue follows it
    (`Kestrel said`)."""
    from newsclaims.extraction.attribution.cues import cue_forms

    texts, low = doc_words(doc), lowers(doc)
    n = len(texts)
    org_nouns = lexicon.words("attribution/org_nouns.txt")
    if all(word in _calendar_words() for word in low[i:j]):
        return False  # `in March, the department said`: a month, not a body named `March`
    if j - i == 1 and texts[i] == "I":
        return False  # `This time, I think, ...`: the writer, capitalised, names no body
    if low[j - 1] in lexicon.words("attribution/org_name_words.txt"):
        return True
    if i > 0 and low[i - 1] in org_nouns:
        return True
    if j - i >= 2 and i in story_starts:
        return True  # `PERTH, Oct 1 (Globe Wire) - Red Ridge Lithium will ...`
    if j + 2 < n and texts[j] == "," and low[j + 1] in ("the", "a", "an"):
        if any(word in org_nouns for word in low[j + 2 : j + 6]):
            return True
    if j >= n or low[j] not in cue_forms():
        return False
    # Not a word that opens the sentence (`Analysts said`), but an article before a name
    # (`The Insurance Bureau of the Prairies said`).
    return not tokens(doc)[i].is_sent_start or (low[i] == "the" and j - i >= 3)


def _blank_apposition(doc: Doc, j: int, titles: frozenset[str]) -> tuple[str | None, str | None]:
    """`, Huawei's director of strategy,` / `, chief executive of General Motors,` after a
    name ending at token `j`: (title, organisation), or () when there is none."""
    texts = doc_words(doc)
    if j >= len(texts) or texts[j] != ",":
        return ()
    k = j + 1
    while k < len(texts) and texts[k] not in {",", ".", ";", "(", ")", "\u2014"} and k - j < 16:
        k += 1
    segment = tokens(doc)[j + 1 : k]
    if not segment or not any(t.lower_ in titles for t in segment):
        return ()
    org = None
    if len(segment) > 2:
        for m, t in enumerate(segment):
            if t.text in ("'s", "\u2019s") and m > 0:
                org = " ".join(x.text for x in segment[:m])
                segment = segment[m + 1 :]
                break
    for m, t in enumerate(segment):
        if t.lower_ in _LINK_PREPS and m + 1 < len(segment) and not org:
            rest = segment[m + 1 :]
            if rest and all(_NAME_TOKEN.match(x.text) for x in rest):
                org = " ".join(x.text for x in rest)
                segment = segment[:m]
            break
    while segment and segment[0].lower_ in {"the", "a", "an"}:
        segment = segment[1:]
    return (_join(segment) or None, org)


def _is_person_alias(registry: Registry, text: str) -> bool:
    return registry.lookup(names.person_name(text), kind="person") is not None


def _spell_out(doc: Doc, entity: Entity, registry: Registry) -> None:
    """`Fed` when the article also writes `Federal Reserve`: the full name is the one to
    report, although the NER only tagged the short one."""
    if entity.kind != "organization" or not entity.name.isalpha() or len(entity.name) > CLIP_LENGTH:
        return
    pattern = re.compile(rf"\b{re.escape(entity.name)}[a-z]+(?: [A-Z][a-z]+)+")
    found = pattern.search(doc_text(doc))
    if found:
        entity.name = found.group()
        for alias in names.org_aliases(entity.name):
            if registry.lookup(alias) is None:
                registry.add_alias(entity, alias)


def _after_the(doc: Doc, i: int) -> bool:
    """`the campaign group`: lower-case words back to a `the`, at most two before `i`."""
    for k in range(i - 1, max(i - 3, -1), -1):
        if doc[k].lower_ == "the":
            return True
        if not doc[k].is_lower or not doc[k].is_alpha:
            return False
    return False


def _person_descriptor(ent: Span, entity: Entity) -> None:
    """`Ana Lee, a nurse at the clinic,`: `the nurse` may later refer to her. The head noun
    of the person's apposition, when it is a common noun (not `Ana Lee, 58,`); and the rank
    the NER left out before the name (`Judge Ana Lee`: `the judge`)."""
    for child in ent.root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.is_alpha:
            entity.nouns.add(child.lemma_.lower())
    _rank_noun(ent.doc[ent.start - 1].lower_ if ent.start > 0 else "", entity)


def _rank_noun(word: str, entity: Entity) -> None:
    """A rank before a person's name (`Judge`, `Admiral`, `Secretary`: honorifics.txt) that
    a later `the judge` may name them by (person_epithets.txt)."""
    if word in lexicon.table("attribution/person_epithets.txt") and word in lexicon.words(
        "attribution/honorifics.txt"
    ):
        entity.nouns.add(word)


def _head_noun(ent: Span, entity: Entity) -> None:
    """`Europe's new Ariane 6 rocket`, `the STOXX 600 banks index`: `the rocket`, `the
    index` may later refer to that name."""
    root = ent.root
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i >= ent.end:
        entity.nouns.add(root.head.lemma_.lower())
    last = ent[-1]
    if last.pos_ == "NOUN":
        entity.nouns.add(last.lemma_.lower())


def _split_fused(ent: Span) -> list[Span]:
    """`Sky and TNT Sports` tagged as one organisation: two, when the article also names
    the first on its own (`Sky said ...`). `Marks and Spencer` stays one."""
    doc = ent.doc
    for token in ent:
        if token.lower_ in ("and", "&") and ent.start < token.i < ent.end - 1:
            left = doc[ent.start : token.i]
            alone = re.compile(rf"\b{re.escape(left.text)}\b(?!\s+(?:and|&)\s)")
            if len(alone.findall(doc_text(doc))) >= 1:
                return [
                    Span(doc, ent.start, token.i, label=ent.label_),
                    Span(doc, token.i + 1, ent.end, label=ent.label_),
                ]
    return [ent]


def _with_given_name(ent: Span) -> Span:
    """`Ana Lee` tagged `Lee`: a given name the NER left just before a person's name."""
    doc = ent.doc
    if ent.label_ not in PERSON_LABELS or ent.start == 0:
        return ent
    before = doc[ent.start - 1]
    if before.pos_ == "PROPN" and not before.ent_type_ and before.lower_ in names.given_names():
        return Span(doc, ent.start - 1, ent.end, label=ent.label_)
    return ent


def _missed_people(doc: Doc) -> list[Span]:
    """Names the NER left out (`Ana Ruiz chaired the meeting.`, often opening a sentence):
    two or three proper nouns outside any entity whose first is a common given name."""
    given = names.given_names()
    out = []
    i, n = 0, len(doc)
    while i < n:
        token = doc[i]
        if token.pos_ != "PROPN" or token.ent_type_ or token.lower_ not in given:
            i += 1
            continue
        j = i + 1
        while j < n and j - i < 3 and doc[j].pos_ == "PROPN" and not doc[j].ent_type_:
            j += 1
        starts_run = i == 0 or doc[i - 1].pos_ != "PROPN"
        if starts_run and j - i >= 2 and all(_NAME_TOKEN.match(t.text) for t in doc[i:j]):
            if j >= n or doc[j].pos_ != "PROPN":
                out.append(Span(doc, i, j, label="PERSON"))
        i = j
    return out


def _missed_after_datelines(
    doc: Doc, datelines: list[tuple[int, int]], ents: list[Span]
) -> list[Span]:
    """`PERTH, Oct 1 (Globe Wire) - Red Ridge Lithium will stop ...`: the proper nouns that
    open a wire story after its dateline name the story's subject, which the NER, reading
    them as the start of a sentence, often misses. Two or more, outside any entity: a
    person when the first is a common given name (`_missed_people` has it), else an
    organisation."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for i in _after_dateline(doc, datelines):
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and j not in taken and j - i < 5:
            j += 1
        if j - i < 2 or not all(_NAME_TOKEN.match(t.text) for t in doc[i:j]):
            continue
        if j < len(doc) and doc[j].text in ("'s", "\u2019s"):
            continue  # `Britain's economy`: an owner, often a place
        out.append(Span(doc, i, j, label="ORG"))
    return out


def _missed_after_org_nouns(doc: Doc, ents: list[Span]) -> list[Span]:
    """`a trial run by the campaign group Shorter Weeks UK`: proper nouns right after an
    organisation noun (org_nouns.txt) in a definite or indefinite phrase name that
    organisation, when the NER found no person or organisation there (it may have tagged a
    place inside: `UK`)."""
    org_nouns = lexicon.words("attribution/org_nouns.txt")
    named = {i for e in ents if e.label_ in PERSON_LABELS | {"ORG"} for i in range(e.start, e.end)}
    toks, low = tokens(doc), lowers(doc)
    out = []
    for token in toks:
        if token.pos_ != "NOUN" or not token.is_lower or token.lemma_.lower() not in org_nouns:
            continue
        if not any(w in ("the", "a", "an") for w in low[max(0, token.i - 3) : token.i]):
            continue
        i = j = token.i + 1
        while j < len(toks) and toks[j].pos_ == "PROPN" and _NAME_TOKEN.match(toks[j].text):
            j += 1
        if j == i or j - i > 5 or any(k in named for k in range(i, j)):
            continue
        out.append(Span(doc, i, j, label="ORG"))
    return out


def _datelines(doc: Doc) -> list[tuple[int, int]]:
    """Token bounds of the datelines of a doc (`nc_non_claim` spans so labelled)."""
    return [(s.start, s.end) for s in doc.spans.get(NON_CLAIM, []) if s.label_ == "dateline"]


def _after_dateline(doc: Doc, datelines: list[tuple[int, int]] | None = None) -> set[int]:
    """Token indices where a story's words start after a dateline (`PERTH, Oct 1 (Globe
    Wire) - `)."""
    out = set()
    for _start, end in _datelines(doc) if datelines is None else datelines:
        i = end
        while i < len(doc) and doc[i].is_space:
            i += 1
        out.add(i)
    return out


def _after_number(ent: Span) -> bool:
    """`1.4 GW`, `500 MW`: the NER's organisations right after a number are units."""
    return ent.start > 0 and ent.doc[ent.start - 1].like_num and ent.label_ in ORG_LABELS


def _named_like_organization(ent: Span, words: list[str]) -> bool:
    """A "person" whose name reads as a firm's (`Strata Cloud`, `Kestrel Motors`), that an
    organisation noun introduces (`chip designer Lumina Semi`, `the regulator Ofgem`,
    `Steel industry group Eurofer`) or that a title is held of (`chief executive of Solana
    Water`), unless it starts with a known first name."""
    if names.gender_of_given_name(" ".join(words)) is not None:
        return False
    if words and words[-1].lower() in lexicon.words("attribution/org_name_words.txt"):
        return True
    if any(ch.isdigit() for ch in ent.text):  # `Ariane 6`: a product, no one's name
        return True
    if _own_pronoun(ent) == "its":  # `Novo Nordisk raised its outlook`
        return True
    org_nouns = lexicon.words("attribution/org_nouns.txt")
    root = ent.root
    if root.dep_ == "appos" and root.head.i < ent.start and root.head.lemma_.lower() in org_nouns:
        return True  # `Britain's largest rail operator, Northway Trains,`
    if any(
        c.dep_ == "appos" and c.i >= ent.end and c.lemma_.lower() in org_nouns
        for c in root.children
    ):
        return True  # `Northway Trains, the rail operator,`
    doc = ent.doc
    if ent.start >= 2 and doc[ent.start - 1].lower_ == "of":
        # `chief executive of Solana Water`, `Chief Executive of Auralis Health`: what a
        # title is held of is an organisation.
        if doc[ent.start - 2].lower_ in lexicon.words("attribution/titles.txt"):
            return True
    before = doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.lemma_.lower() in org_nouns


def _own_pronoun(ent: Span) -> str | None:
    """The possessive pronoun a name's own verb uses after it (`Novo Nordisk raised its
    outlook`): `its` for a firm, `his`/`her` for a person; none inside the name's own
    phrase (`Wang Lianjun, Huawei's director ... for its Zhixuan business,`)."""
    root = ent.root
    if root.dep_ != "nsubj":
        return None
    verb = root.head
    own = {t.i for t in root.subtree}
    for token in verb.subtree:
        if token.i > ent.end and token.i not in own and token.lower_ in ("its", "his", "her"):
            return token.lower_
    return None


def _kind_of(
    ent: Span, registry: Registry, memo: dict[tuple[int, int], str | None] | None = None
) -> str | None:
    """Person or organisation, correcting the NER with the article's own evidence: a
    known person's surname tagged as an organisation is that person (`Wang said`); the
    rest does not depend on the registry and is worked out once per mention."""
    label = ent.label_
    name = names.person_name(ent.text)
    if label in THING_LABELS and len(name.split()) == 1 and _is_person_alias(registry, name):
        return "person"  # `Dan Cole ... Cole thanked` with `Cole` tagged PRODUCT
    if label not in PERSON_LABELS and label not in ORG_LABELS:
        return None
    if _is_person_alias(registry, name) and len(name.split()) <= 3:
        return "person"
    key = (ent.start, ent.end)
    if memo is not None and key in memo:
        return memo[key]
    verdict = _evidence_kind(ent, registry, name)
    if memo is not None:
        memo[key] = verdict
    return verdict


def _evidence_kind(ent: Span, registry: Registry, name: str) -> str:
    """A one-word "person" with no first name, honorific or full name elsewhere is a firm
    (`Pfizer said`, `Ofgem`); an "organisation" with a first name, a title before it or in
    apposition is a person (`Morgan Tate, an analyst at Brightwater Research,`)."""
    label = ent.label_
    words = name.split()
    if label in PERSON_LABELS and _named_like_organization(ent, words):
        return "organization"
    if label in PERSON_LABELS:
        if len(words) > 1:
            return "person"
        doc = ent.doc
        before = doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
        honorific = before in lexicon.words("attribution/honorifics.txt")
        honorific = honorific or names.courtesy_titled(ent.text)  # `Ms Lee` tagged whole
        given = names.gender_of_given_name(name) is not None
        return "person" if honorific or given else "organization"
    before = ent.doc[ent.start - 1].text if ent.start > 0 else ""
    if label in ORG_LABELS and names.courtesy_titled(f"{before} {ent.text}"):
        return "person"  # `Ms Lee` with `Lee` tagged ORG
    if label in ORG_LABELS and names.courtesy_titled(ent.text):
        return "person"  # `Mr Baker` tagged ORG
    if label == "ORG" and 2 <= len(words) <= 3 and all(_NAME_TOKEN.match(w) for w in words):
        roles = lexicon.words("attribution/titles.txt")
        firm = words[-1].lower() in lexicon.words("attribution/org_name_words.txt")
        if not firm and names.gender_of_given_name(name) is not None:
            return "person"  # `Nadia Foster` tagged ORG
        before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if not firm and before in roles:
            return "person"  # `Quill chief executive Nadia Foster`
        title, _org = _apposition(ent, registry)
        if title and any(w.lower() in roles for w in title.split()):
            return "person"
    return "organization"


def describe_person(ent: Span, registry: Registry) -> tuple[str | None, str | None]:
    """Title and organisation of a person from the words around one mention."""
    title, org = _apposition(ent, registry)
    if title or org:
        return title, org
    root = ent.root
    roles = lexicon.words("attribution/titles.txt")
    if root.dep_ == "appos" and root.head.lower_ in roles and root.head.i < root.i:
        # `Sunforge's chairman, Chen Jianguo,`: the role noun the name is in apposition to.
        return _split_description(root.head, registry, skip=range(ent.start, ent.end))
    return _descriptor_before(ent.doc, ent.start, registry)


def _apposition(ent: Span, registry: Registry) -> tuple[str | None, str | None]:
    """`X, Huawei's director of strategy,` / `X, chief executive of Y,` / `X, who heads Y,`."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i:
            return _split_description(child, registry)
        if child.dep_ == "relcl" and child.lemma_ in _LEAD_VERBS:
            for obj in child.children:
                if obj.dep_ == "dobj":
                    org = _org_in(obj, registry)
                    if org:
                        return None, org
    return None, None


def _split_description(
    head: Token, registry: Registry, *, skip: range = range(0)
) -> tuple[str | None, str | None]:
    """Title words and the organisation from a description NP rooted at `head`, without
    the tokens in `skip` (the person's own name: `Pfizer's chief executive Albert Bourla`)."""
    tokens = [
        t
        for t in head.subtree
        if t.dep_ not in ("relcl",) and not _in_relcl(t, head) and t.i not in skip
    ]
    # Cut at the first comma or dash that closes the apposition.
    cut = []
    for t in tokens:
        if t.i > head.i and t.text in {",", ";", "(", "\u2014", "\u2013"}:
            break
        cut.append(t)
    tokens = cut
    org = None
    drop: set[int] = set()
    for t in tokens:
        if t.dep_ == "poss" and t.head == head:
            org_text = " ".join(x.text for x in t.subtree if x.dep_ != "case" and x.text != "'s")
            org = _org_name_of(org_text, registry)
            drop.update(x.i for x in t.subtree)
        elif t.dep_ == "compound" and t.head == head and t.ent_type_ in ORG_LABELS:
            org = _org_name_of(t.text, registry)
            drop.add(t.i)
    # `chief executive of Y` / `an analyst at Y`: the prepositional object is the organisation
    # when it is a named organisation.
    for t in tokens:
        if t.dep_ == "prep" and t.lower_ in _LINK_PREPS and not org:
            objs = [c for c in t.children if c.dep_ == "pobj"]
            # `an analyst at Morgan Stanley`, `a partner at the consultancy Alder & Finch`
            named = [x for x in objs[0].subtree if x.ent_type_ == "ORG"] if objs else []
            if named:
                first = named[0]
                last = max(x.i for x in named if x.ent_type_ == first.ent_type_)
                doc = first.doc
                org = _org_name_of(doc[first.i : last + 1].text, registry)
                drop.update(x.i for x in t.subtree)
    words = [t for t in tokens if t.i not in drop]
    while words and (words[0].dep_ == "det" or words[0].lower_ in {"the", "a", "an"}):
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    title = _join(words) or None
    return title, org


def _in_relcl(token: Token, stop: Token) -> bool:
    while token != stop and token.head != token:
        if token.dep_ == "relcl":
            return True
        token = token.head
    return False


def _descriptor_before(doc: Doc, start: int, registry: Registry) -> tuple[str | None, str | None]:
    """`Huawei chief executive Richard Yu` / `Tesla's CEO Elon Musk`: words before the name."""
    titles = lexicon.words("attribution/titles.txt")
    i = start - 1
    words: list[Token] = []
    while i >= 0 and (doc[i].lower_ in titles or doc[i].lower_ == "and") and len(words) < 6:
        words.insert(0, doc[i])
        i -= 1
    if not words or words[-1].lower_ == "and":
        return None, None
    org = None
    if i >= 0 and doc[i].text in {"'s", "\u2019s", "'"}:
        i -= 1
    j = i
    while j >= 0 and _NAME_TOKEN.match(doc[j].text) and doc[j].lower_ not in titles:
        j -= 1
    if j < i:
        candidate = doc[j + 1 : i + 1].text
        if has_ents(doc):
            if doc[i].ent_type_ in ORG_LABELS:
                org = _org_name_of(candidate, registry)
        else:
            org = _org_name_of(candidate, registry)
    return _join(words), org


def _org_in(token: Token, registry: Registry) -> str | None:
    ents = [t for t in token.subtree if t.ent_type_ in ORG_LABELS]
    if not ents:
        return None
    return _org_name_of(" ".join(t.text for t in ents), registry)


def _org_name_of(text: str, registry: Registry) -> str:
    entity = registry.lookup(names.org_name(text), kind="organization")
    return entity.name if entity else names.org_name(text)


def _join(tokens: list[Token]) -> str:
    """The text of tokens as written (keeps the article's spacing)."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    out = []
    for k, t in enumerate(tokens):
        out.append(t.text)
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if nxt is not None and (nxt.i != t.i + 1 or t.whitespace_):
            out.append(" ")
    return "".join(out).strip() if doc else ""
