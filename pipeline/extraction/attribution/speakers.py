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
from newsclaims.extraction.attribution.cues import cue_kinds
from newsclaims.extraction.attribution.entities import (
    ORG_LABELS,
    PERSON_LABELS,
    Entity,
    Registry,
    extend_org,
    within_line,
)
from newsclaims.extraction.attribution.salience import Salience
from newsclaims.extraction.doctext import entity_of, has_parse, token_starting_at
from newsclaims.models import Mention, Speaker
from newsclaims.patterns import lexicon

_MALE = frozenset({"he", "him", "his"})
_FEMALE = frozenset({"she", "her", "hers"})
_PLURAL = frozenset({"they", "them", "their"})
_NEUTER = frozenset({"it", "its"})
_RELATIVE = frozenset({"who", "which", "that"})
_DEMONSTRATIVES = frozenset({"that", "this"})  # `those who said` is a group: a source
_POSSESSIVES = frozenset({"his", "her", "its", "their"})
_MODIFIER_DEPS = ("amod", "compound", "nmod")
_FIRST_PERSON = frozenset({"i", "we", "me", "us"})
_GENERIC_ORG_NOUNS = frozenset({"company", "firm", "group", "business", "maker", "giant"})
_DETERMINERS = frozenset({"the", "a", "an", "one", "some", "two", "three", "several", "many"})
_LEADING_COORD = frozenset({"but", "and", "so", "yet", "or", "still"})
_CUT = frozenset({",", ";", "(", ")", "\u2014", "\u2013", '"', "\u201c", "\u201d", ":"})
# How many sentences back a pronoun or a floating quotation may reach for its speaker.
_SPEAKER_REACH = 4
# How many characters back a quotation with no cue looks for a person just introduced.
_INTRO_REACH = 400
# An age that describes a person (`the 30-year-old striker`); targets use it too.
AGE = re.compile(r"\b\d+-year-old\b")


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
        self.parsed = has_parse(doc)
        self.has_ents = doc.has_annotation("ENT_IOB")
        self.last: Found | None = None
        self.last_sentence = -(10**6)
        self.last_end = -1  # where the last speaker's statement ends
        # The last source a quotation with no cue can continue: not one cited `according to`
        # (a document, a tally), which speaks no quotation after it.
        self.voice: Found | None = None
        self.voice_sentence = -(10**6)
        self.salience = Salience(doc, registry)

    def remember(
        self, found: Found | None, sentence: int, *, end: int | None = None, voice: bool = True
    ) -> None:
        if found is not None:
            self.last = found
            self.last_sentence = sentence
            if voice:
                self.voice, self.voice_sentence = found, sentence
            if end is not None:
                self.last_end = end
                self.salience.said(found.entity, end - 1)

    def floating(
        self, sentence: int, *, at: int | None = None, gender: str | None = None
    ) -> Found | None:
        """The speaker a quotation with no cue of its own keeps: the most salient person, if
        named since the last statement, shortly before the quotation (`Staff met Sam Reyes
        at the depot. "We need more rangers."`), else the last speaker, if recent. With a
        `gender` (a `she said` no one was found for), only a person it fits."""
        if at is not None:
            newcomer = self._newcomer(at, gender)
            if newcomer is not None:
                return Found(self._person(newcomer, None), newcomer)
        voice = self.voice
        if voice is not None and sentence - self.voice_sentence <= _SPEAKER_REACH:
            entity = voice.entity
            if gender is not None and (
                entity is None
                or entity.kind != "person"
                or (entity.gender not in (None, gender) and not entity.weak_gender)
            ):
                return None
            return Found(voice.speaker.model_copy(update={"mention": None}), entity)
        return None

    def _newcomer(self, at: int, gender: str | None = None) -> Entity | None:
        """The most salient person at `at` when it is not the last speaker and was named
        since the last statement, within `_INTRO_REACH` characters; else None."""
        best = self.salience.best(at, gender=gender)
        last = self.last.entity if self.last is not None else None
        if best is None or best is last:
            return None
        since = [m for m in best.mentions if self.last_end < m < at and at - m <= _INTRO_REACH]
        return best if since else None

    # -- parsed docs ---------------------------------------------------------------------

    def from_head(self, head: Token, *, sentence: int) -> Found | None:
        """Resolve the noun phrase headed by `head` (the subject of a cue, the object of
        `according to`)."""
        words = _np_tokens(head)
        if not words:
            return None
        span = self.doc[words[0].i : words[-1].i + 1]
        lower = head.lower_
        if len(words) == 1 and lower in _DEMONSTRATIVES:
            return None  # `That said, ...`: a demonstrative alone names no source
        if lower in _RELATIVE and head.tag_ in ("WP", "WDT"):
            return self._relative(head, sentence=sentence)
        if head.tag_ in ("PRP", "PRP$") or lower in _MALE | _FEMALE | _PLURAL | _NEUTER:
            return self.pronoun(lower, at=head.idx, mention=_mention(head, head), sentence=sentence)
        person = _person_in(head) or _person_of(head) or _apposition_after(head)
        if person is not None:
            # `Nordsee Vind's chief executive, Karin Lindqvist,` / `chief financial officer
            # Daniel Osei`: the role noun heads the phrase, the person is named in it.
            return self.named(person, label="PERSON")
        ent = _entity_at(head)
        if ent is not None:
            line = within_line(ent)  # `Fault` / `Ted Cruz said`: not the headline's words
            ent = line if line.start <= head.i else ent
        if ent is not None and len(ent) == 1 and _lemma(head) in _group_nouns():
            ent = None  # `Automakers expect ...`: a common noun the NER took for a name
        if head.pos_ != "PROPN" and ent is None:
            found = self.common_noun(span, _lemma(quantified(head)), head=head, sentence=sentence)
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

    def unnamed(self, head: Token, cue: Token, lemma: str) -> Found | None:
        """The subject of a cue that no lexicon names and no rule resolves, as an unnamed
        source (guide section 3, `anonymous`: the noun phrase as written): a common noun
        (`opponents say`, `the brothers noted`, `a young boy shouted`; not a definite
        singular, which refers back to someone named: `the trust said`) or a quantifier
        standing for people (`most said`, `many argued`). Not for cues whose subject is as
        often a thing (`the data show`, `the move suggests`: impersonal_cues.txt), nor for
        a noun the NER took for a name, a pronoun or a demonstrative. Only the cue's own
        subject, or for `say`/`tell` the subject its participle shares (`The town released
        a statement saying ...`): not `Council tax will rise 5%, adding £1.73 a week`."""
        if lemma == "according to":
            return self._unowned_source(head)
        if lemma in lexicon.words("attribution/impersonal_cues.txt"):
            return None
        if head.dep_ == "nsubj" and head.head.i == cue.i and _counted_share(head):
            # `Six in 10 say ...`, `43 said the same`, `nearly two-thirds of voters said`.
            return self._as_written(head)
        if head.dep_ not in ("nsubj", "nsubjpass") or head.ent_type_:
            return None
        if head.head.i != cue.i and cue_kinds().get(lemma) != "speech":
            return None
        if any(c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in head.children):
            return None  # `that goal refers to ...`: a thing named before
        lower = head.lower_
        if not (head.tag_ in ("NN", "NNS") or (lower in _QUANTIFIERS and head.tag_ != "CD")):
            return None
        if lower in _DEMONSTRATIVES or lower in _FIRST_PERSON or not head.is_alpha:
            return None
        if head.tag_ == "NN" and any(
            c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "its", "their")
            for c in head.children
        ):
            return None  # `the trust said`: a description of someone named, not guessed
        return self._as_written(head)

    def _as_written(self, head: Token) -> Found | None:
        """An unnamed source: the noun phrase headed by `head`, as written."""
        words = _np_tokens(head)
        if not words:
            return None
        span = self.doc[words[0].i : words[-1].i + 1]
        mention = Mention(text=span.text, start=span.start_char, end=span.end_char)
        return Found(Speaker(name=span.text, kind="anonymous", mention=mention))

    def unnamed_words(self, span: Span, lemma: str) -> Found | None:
        """`unnamed` without a parse: a short phrase of lower-case words before the cue
        (the first may be capitalised as the sentence opens), led by a determiner or a
        quantifier or ending in a plural (`opponents say`, `most said`, `the brothers
        noted`), when no lexicon names it."""
        if lemma in lexicon.words("attribution/impersonal_cues.txt"):
            return None
        words = [t for t in span if not t.is_punct]
        while len(words) > 1 and words[0].lower_ in _LEADING_COORD:
            words = words[1:]
        if not 1 <= len(words) <= 4 or not all(t.is_alpha for t in words):
            return None
        first, last = words[0], words[-1]
        if any(not t.is_lower for t in words[1:]) or not (first.is_lower or first.is_sent_start):
            return None
        lower = first.lower_
        pronouns = _DEMONSTRATIVES | _FIRST_PERSON | _MALE | _FEMALE | _PLURAL | _NEUTER
        if any(t.lower_ in pronouns | _RELATIVE for t in words) or lower in _POSSESSIVES:
            return None  # `a level it now expects`: a clause, not a phrase
        plural = singular(last.lower_) != last.lower_
        indefinite = lower in _DETERMINERS and lower != "the" and len(words) > 1
        if not (plural or lower in _QUANTIFIERS or indefinite):  # not `the trust said`
            return None
        phrase = self.doc[first.i : last.i + 1]
        mention = Mention(text=phrase.text, start=phrase.start_char, end=phrase.end_char)
        return Found(Speaker(name=phrase.text, kind="anonymous", mention=mention))

    def _unowned_source(self, head: Token) -> Found | None:
        """`according to recent polling`, `according to money market pricing`: a common
        noun no lexicon names, after `according to`, is a document with no owner in the
        sentence (guide section 3)."""
        if head.tag_ not in ("NN", "NNS") or head.ent_type_ or not head.is_alpha:
            return None
        words = _np_tokens(head)
        if not words or any(t.lower_ in _FIRST_PERSON | _DEMONSTRATIVES for t in words):
            return None
        span = self.doc[words[0].i : words[-1].i + 1]
        mention = Mention(text=span.text, start=span.start_char, end=span.end_char)
        return Found(Speaker(name=span.text, kind="document", mention=mention))

    # -- unparsed docs ---------------------------------------------------------------------

    def from_words(self, span: Span, *, sentence: int) -> Found | None:
        """Resolve a source phrase found by position alone (`--model blank`)."""
        words = [t for t in span if not t.is_punct]
        while len(words) > 1 and words[0].lower_ in _LEADING_COORD:
            words = words[1:]  # `But opponents say`: a conjunction opens no name
        if not words:
            return None
        span = self.doc[words[0].i : words[-1].i + 1]
        if _counted_share_words([t.lower_ for t in words]):
            # `About 4 in 10 say`: a share of people, not a name (`About`).
            mention = Mention(text=span.text, start=span.start_char, end=span.end_char)
            return Found(Speaker(name=span.text, kind="anonymous", mention=mention))
        first = words[0]
        if len(words) == 1 and first.lower_ in _MALE | _FEMALE | _PLURAL | _NEUTER:
            return self.pronoun(
                first.lower_, at=first.idx, mention=_mention(first, first), sentence=sentence
            )
        if first.lower_ in _FIRST_PERSON:
            return None
        rest = words[1:]
        if (
            first.lower_ == "the"
            and rest
            and _capitalised(rest[0])
            and _capitalised(rest[-1])
            and all(_capitalised(t) or t.lower_ in ("of", "for", "and", "&", "the") for t in rest)
        ):
            # `The European Commission said`, `The Bank of England said`: a name, without
            # its article.
            found = self.named(self.doc[rest[0].i : rest[-1].i + 1], label="ORG")
            if found is not None:
                return found
        titled = self._titled_name(words) or self._described_name(words)
        if titled is not None:
            return titled
        if first.lower_ in _DEMONSTRATIVES and len(words) > 1:
            # `That goal refers to ...`: a thing named before, unless a lexicon knows it.
            return self.common_noun(span, _blank_head(words), sentence=sentence)
        if (
            first.lower_ in _DETERMINERS | _QUANTIFIERS
            or first.is_lower
            or first.lower_ in _POSSESSIVES
            or _opening_plural_source(first)
        ):
            return self.common_noun(span, _blank_head(words), sentence=sentence)
        last = words[-1]
        if len(words) > 1 and last.is_lower and _plural_source_noun(last.lower_):
            # `Stanmore Securities analysts said`: unnamed people of a named firm, as written.
            mention = Mention(text=span.text, start=span.start_char, end=span.end_char)
            return Found(Speaker(name=span.text, kind="anonymous", mention=mention))
        # The last run of capitalised words names the source (`General Motors chief
        # executive Mary Barra` -> `Mary Barra`).
        start, end = _last_capitalised_run(words)
        if start == end:
            return None
        person = self._person_of_words(words[:end])
        if person is not None:
            return person
        if words[start].lower_ == "the" and end - start > 1:
            start += 1  # `The Bank of England said`: the article is not part of the name
        if end - start == 1:
            # `She quickly noted`: the pronoun the sentence opens with; `In his remarks, ...`:
            # a function word, no name.
            alone = words[start]
            if alone.lower_ in _MALE | _FEMALE | _PLURAL | _NEUTER:
                return self.pronoun(
                    alone.lower_, at=alone.idx, mention=_mention(alone, alone), sentence=sentence
                )
            if alone.lower_ in lexicon.words("link/stopwords.txt"):
                if words[0].lower_ in _GROUP_OPENERS and len(words) <= 6:
                    # `About 9 percent said`, `Nearly a third say`, `Those over 60 say`.
                    return Found(
                        Speaker(
                            name=span.text, kind="anonymous", mention=_mention(words[0], words[-1])
                        )
                    )
                return None
        return self.named(self.doc[words[start].i : words[end - 1].i + 1], label=None)

    def _titled_name(self, words: list[Token]) -> Found | None:
        """Without a parse, a person's name that ends the phrase after a title word, which
        stays out of the name (`chief executive Karl Sundberg`, `Casa Verde Mayor Gloria
        Huerta`, `Secretary of State John Kerry`)."""
        start, end = _last_capitalised_run(words)
        if end != len(words) or start == end:
            return None
        titles = lexicon.words("attribution/titles.txt") | lexicon.words(
            "attribution/honorifics.txt"
        )
        cut = max((k for k in range(start - 1, end) if words[k].lower_ in titles), default=None)
        if cut is None or cut < start - 1:
            return None
        name = self.doc[words[cut + 1].i : words[end - 1].i + 1] if cut + 1 < end else None
        if name is None or not _looks_like_person(name.text):
            return None
        return self.named(name, label="PERSON")

    def _described_name(self, words: list[Token]) -> Found | None:
        """Without a parse, an organisation named after its description, which stays out of
        the name (`the motoring group RoadWatch`, `price reporting agency Benchmark Minerals
        Data`, `Research firm Carwise Data`): the capitalised words that end the phrase,
        after lower-case words (the first may open the sentence) ending in an organisation
        noun."""
        start, end = _last_capitalised_run(words)
        if end != len(words) or start == 0 or start == end:
            return None
        before = words[:start]
        if before[0].lower_ in ("the", "a", "an") and len(before) > 1:
            before = before[1:]
        if not all(
            t.is_alpha and (t.is_lower or (k == 0 and t.is_sent_start))
            for k, t in enumerate(before)
        ):
            return None
        if len(before) > 4 or any(t.lower_ in _NP_BREAK | _AGENT_BREAK | {"by"} for t in before):
            # `analysts at Harbour Capital`: people of a firm, not the firm; `figures
            # compiled by the group X`: a document with an owner.
            return None
        if singular(before[-1].lower_) not in lexicon.words("attribution/org_nouns.txt"):
            return None
        return self.named(self.doc[words[start].i : words[end - 1].i + 1], label="ORG")

    def _person_of_words(self, run: list[Token]) -> Found | None:
        """`_person_of` without a parse: a source phrase whose capitalised words are followed
        by `of`/`for`/`at` (`Detective Inspector Nadia Rahman of Severn Valley Police`,
        `Andrew Bailey of the Bank of England`): those words when they read as a person's
        name; the organisation after them is theirs. Lower-case words before the name are
        its description (`Space policy analyst Marcus Reid of the Beacon Institute`)."""
        cut = next((k for k, t in enumerate(run) if not _capitalised(t)), None)
        first = 0
        if cut is not None and cut < len(run) and run[cut].lower_ not in ("of", "for", "at"):
            # Past a lower-case description: the capitalised words before the first `of`.
            cut = next(
                (
                    k
                    for k in range(cut, len(run))
                    if run[k].lower_ in ("of", "for", "at") and _capitalised(run[k - 1])
                ),
                None,
            )
            if cut is None:
                return None
            first = cut
            while first > 0 and _capitalised(run[first - 1]):
                first -= 1
            if any(_capitalised(t) for t in run[1:first]):
                return None  # `Senate Republicans ... Pat Lee of ...`: not a description
        if cut is None or cut - first < 2 or run[cut].lower_ not in ("of", "for", "at"):
            return None
        before = self.doc[run[first].i : run[cut - 1].i + 1]
        known = self.registry.lookup(
            names.person_name(before.text), at=before.start_char, kind="person"
        )
        if known is None and not _looks_like_person(before.text):
            return None
        return self.named(before, label="PERSON")

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
        if (
            label in PERSON_LABELS
            or (label is None and _looks_like_person(text))
            or names.courtesy_titled(text)
        ):
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
            if label in ORG_LABELS and _never_referent(text):
                # `Reuters reported ...`: a news agency named as the source is the source,
                # though no description ever refers back to it.
                name = names.org_name(text)
                return Found(Speaker(name=name, kind="organization", mention=mention))
        return None

    def common_noun(
        self, span: Span, lemma: str, *, head: Token | None = None, sentence: int | None = None
    ) -> Found | None:
        """`an executive`, `people familiar with the matter`, `the company`, `figures`,
        `the actress`, `her statement` (its owner)."""
        text = span.text
        mention = Mention(text=text, start=span.start_char, end=span.end_char)
        definite = span[0].lower_ in {"the", "this", "that"}
        possessor = _possessor(head) if head is not None else None
        at = span.start_char
        sentence = self.last_sentence if sentence is None else sentence
        if lemma in lexicon.words("attribution/document_heads.txt"):
            owner = (
                self._owner(head, sentence=sentence)
                if head is not None
                else self._blank_owner(span, lemma, sentence=sentence)
            )
            if owner is not None:
                update = {"mention": mention, "document": text}
                return Found(owner.speaker.model_copy(update=update), owner.entity)
            return Found(Speaker(name=text, kind="document", mention=mention))
        plural = head.tag_ in ("NNS", "NNPS") if head is not None else lemma != span[-1].lower_
        if definite and possessor is None and not plural:
            # `the executive said`, and `the nurse said` after `Ana Lee, a nurse,`: the
            # person whose title or apposition has that noun.
            person = self._by_role(lemma, at=at)
            if person is not None:
                return Found(self._person(person, mention), person)
        epithets = lexicon.table("attribution/person_epithets.txt")
        epithet = lemma
        unnamed = lexicon.words("attribution/anonymous_heads.txt")
        if head is not None and lemma not in epithets and lemma not in unnamed:
            # `the billionaire real estate developer`: a person's epithet as a modifier;
            # not over a noun of unnamed sources (`a Republican committee aide`).
            modifier = next(
                (c for c in head.children if c.dep_ in _MODIFIER_DEPS and c.lower_ in epithets),
                None,
            )
            if modifier is not None:
                epithet = modifier.lower_
        if (
            definite
            and possessor is None
            and not plural
            and (epithet in epithets or AGE.search(text))
        ):
            # `the actress said`, `the 30-year-old striker said`: the salient person.
            gender = epithets.get(epithet, "-")
            person = self._salient_person(gender if gender in ("m", "f") else None, at=at)
            if person is not None:
                return Found(self._person(person, mention), person)
            return Found(Speaker(name=text, kind="anonymous", mention=mention))
        if lemma in lexicon.words("attribution/anonymous_heads.txt"):
            return Found(Speaker(name=text, kind="anonymous", mention=mention))
        if lemma in lexicon.words("attribution/org_nouns.txt"):
            if possessor is not None:  # `Tesla's board said`: that body, as written
                return Found(Speaker(name=text, kind="organization", mention=mention))
            if definite and _named_modifier(span, head):
                # `the Alberta government said`, `the Texas legislature`: the body of a named
                # place or organisation, as written without its article, not another
                # organisation the noun could describe.
                name = names.org_name(text)
                return Found(Speaker(name=name, kind="organization", mention=mention))
            own = _pronoun_possessor(head) if head is not None else None
            if own is not None:
                # `his campaign said`: the body of the person or firm the pronoun names.
                owner = self.pronoun(own.lower_, at=own.idx, mention=None, sentence=sentence)
                if owner is not None and owner.speaker.kind in ("person", "organization"):
                    rest = self.doc[own.i + 1 : span.end].text
                    name = f"{owner.speaker.name}'s {rest}"
                    return Found(Speaker(name=name, kind="organization", mention=mention))
            plural = head is not None and head.tag_ in ("NNS", "NNPS")
            if not definite or plural:
                # `Automakers expect ...`, `the two governments said`: members of a group.
                return (
                    Found(Speaker(name=text, kind="anonymous", mention=mention)) if plural else None
                )
            org = self._by_org_noun(
                lemma, at=span.start_char, since=span.sent.start_char, ahead=True
            )
            recent = self._recent_org_speaker(lemma, org, sentence=sentence, since=span.sent)
            if recent is not None:
                update = {"mention": mention, "document": None}
                return Found(recent.speaker.model_copy(update=update), recent.entity)
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
            person = self._salient_person(gender, at=at)
            if person is None:
                # `Chris Lee ... she said`: a first name borne by both sexes is weak evidence.
                person = self._salient_person(None, at=at)
                if person is None or not person.weak_gender:
                    return None
            if person.gender is None or person.weak_gender:
                person.gender, person.weak_gender = gender, False
            return Found(self._person(person, mention), person)
        if word in _NEUTER:
            # `Tanjung Freight runs 22 warehouses, according to its website`: an organisation
            # named earlier in the pronoun's own sentence is its nearest antecedent.
            token = token_starting_at(self.doc, at)
            since = token.sent.start_char if token is not None else None
            org = self._by_org_noun("company", at=at, since=since)
            return Found(self._org(org, mention), org) if org is not None else None
        if word in _PLURAL and self.last is not None and self.last.speaker.kind != "person":
            if sentence - self.last_sentence <= _SPEAKER_REACH:
                return Found(self.last.speaker.model_copy(update={"mention": mention}), None)
        if word in _PLURAL and mention is not None:
            # `Republicans ... They said`: the nearest plural subject before it, else an
            # unnamed group.
            group = self._plural_subject(at)
            if group is not None:
                found = self.from_head(group, sentence=sentence)
                if found is not None and found.speaker.kind != "person":
                    return Found(found.speaker.model_copy(update={"mention": mention}), None)
            return Found(Speaker(name=mention.text, kind="anonymous", mention=mention))
        return None

    def _recent_org_speaker(
        self, noun: str, org: Entity | None, *, sentence: int, since: Span
    ) -> Found | None:
        """The organisation credited with the previous sentence, when a generic noun (`the
        firm said`, `the company`) has no better fit (an organisation described by that noun
        or named in its own sentence): the source just cited is the most salient (`...,
        according to estimates from Carwise Data. Spending fell, the firm said.`). Not for a
        specific noun: `the carmaker said` needs a carmaker, not the data firm just cited."""
        last = self.last
        if (
            noun not in _GENERIC_ORG_NOUNS
            or last is None
            or last.speaker.kind != "organization"
            or sentence - self.last_sentence != 1
        ):
            return None
        if last.entity is not None and (last.entity is org or not _fits_org(last.entity, noun)):
            return None
        if _never_referent(last.speaker.name):
            return None
        if org is not None and (
            _described(org, noun)
            or any(since.start_char <= m < since.end_char for m in org.mentions)
        ):
            return None
        return last

    def _plural_subject(self, at: int) -> Token | None:
        """The nearest plural noun in subject position within the two sentences before `at`."""
        token = token_starting_at(self.doc, at)
        if token is None or not self.parsed:
            return None
        sents = 0
        for i in range(token.i - 1, -1, -1):
            t = self.doc[i]
            if t.is_sent_start:
                sents += 1
                if sents > 2:
                    break
            if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNS", "NNPS"):
                return t
        return None

    def _salient_person(self, gender: str | None, *, at: int) -> Entity | None:
        """The person a pronoun or a description (`the actress`) refers to: the most salient
        one whose gender agrees (`salience.Salience`: recency, grammatical role, quotation
        and paragraph boundaries; the last speaker counts as just mentioned)."""
        return self.salience.best(at, gender=gender)

    def _relative(self, pronoun: Token, *, sentence: int) -> Found | None:
        """`Sanders, who says ...`: the antecedent of the relative clause, with the relative
        pronoun as the mention. Not for statement verbs with an object, which describe
        rather than attribute there (`Apple, which reports its results on Monday, ...`)."""
        verb = pronoun.head
        if cue_kinds().get(verb.lemma_.lower()) not in ("speech", "clause", "that"):
            return None
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ != "relcl" or verb.head.i >= pronoun.i:
            return None
        if verb.head.ent_type_ in ("DATE", "TIME"):
            return None  # `released her records in July, which showed ...`: a time says nothing
        found = self.from_head(verb.head, sentence=sentence)
        if found is None or found.speaker.kind == "document":
            return found
        return Found(
            found.speaker.model_copy(update={"mention": _mention(pronoun, pronoun)}), found.entity
        )

    def _owner(self, head: Token, *, sentence: int) -> Found | None:
        """The named owner of a document (guide section 3): `her statement`, `the union's
        release`, `a FactSet consensus`, `a report by the IMF`, `a statement from the EU`,
        `a lawsuit filed by X`, `figures it released`."""
        verbs = lexicon.words("attribution/document_owner_verbs.txt")
        for child in head.children:
            owner_head = None
            if child.dep_ == "poss" and child.lower_ not in _PLURAL:
                owner_head = child  # not `their filings`: a group, not one owner
            elif child.dep_ == "compound" and (
                child.ent_type_ in _OWNER_LABELS
                or (child.tag_ == "NNP" and not child.ent_type_ and child.i == head.i - 1)
            ):
                owner_head = child  # `a FactSet consensus`, `LSEG data` (a name the NER missed)
            elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
                # `a report by the IMF`; `a study by Oxford researchers`, `a statement from
                # his family`: an unnamed group owns it (guide section 8).
                owner_head = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif child.dep_ == "prep" and child.lower_ == "of":
                owner_head = _named_object(child)
            elif child.dep_ == "acl" and child.lemma_.lower() in verbs:
                # `a document published by the council`, `figures compiled by the passenger
                # group Fair Fares Now`: the agent, named or described.
                agent = next((c for c in child.children if c.dep_ == "agent"), None)
                owner_head = (
                    next((c for c in agent.children if c.dep_ == "pobj"), None)
                    if agent is not None
                    else None
                )
            elif child.dep_ in ("relcl", "ccomp") and child.lemma_.lower() in verbs:
                # `figures it filed with the exchange` (parsed as a relative clause or, with
                # no `that`, as a complement of the noun)
                owner_head = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if owner_head is None:
                continue
            found = _as_owner(self.from_head(owner_head, sentence=sentence))
            if found is not None:
                return found
        return None

    def _blank_owner(self, span: Span, lemma: str, *, sentence: int) -> Found | None:
        """Without a parse: `her statement`, `Tesla's filing`, `a report by the IMF`, `the
        IMF report`: a possessive pronoun first, a capitalised name before the document
        word or after `by`/`from`."""
        words = [t for t in span if not t.is_space]
        if not words:
            return None
        first = words[0]
        if first.lower_ in ("his", "her", "its"):
            return self.pronoun(first.lower_, at=first.idx, mention=None, sentence=sentence)
        doc = self.doc
        k = next((i for i, t in enumerate(words) if singular(t.lower_) == lemma), None)
        if k is None:
            return None
        before = [t for t in words[:k] if t.lower_ not in _DETERMINERS]
        owns = next((n for n, t in enumerate(before) if t.text in ("'s", "\u2019s")), None)
        if owns is not None:
            # `Tesla's filing`, `the group's final report`: the owner ends at its `'s`.
            before = before[:owns]
        run = [t for t in before if _capitalised(t)]
        if run and len(run) == len(before):
            return self.named(doc[run[0].i : run[-1].i + 1], label=None)
        if owns is not None and len(before) == 1 and words[0].lower_ == "the":
            # `the group's final report`: the organisation `the group` refers to.
            noun = before[0]
            owner = self.common_noun(doc[words[0].i : noun.i + 1], singular(noun.lower_))
            return _as_owner(owner) if owner is not None and owner.entity is not None else None
        if k + 2 < len(words) and words[k + 1].lower_ in ("he", "she", "it"):
            # `figures it filed with the exchange`, `a statement she issued`: the pronoun
            # before an owner verb.
            verbs = lexicon.words("attribution/document_owner_verbs.txt")
            verb = words[k + 2].lower_
            if any(verb.startswith(v[:4]) for v in verbs):
                pronoun = words[k + 1]
                return self.pronoun(pronoun.lower_, at=pronoun.idx, mention=None, sentence=sentence)
        for i in range(k + 1, len(words) - 1):
            if words[i].lower_ in ("by", "from"):
                return self._blank_agent(words[i + 1 :], sentence=sentence)
        return None

    def _blank_agent(self, words: list[Token], *, sentence: int) -> Found | None:
        """The owner after `by`/`from` without a parse, up to a preposition (`by the council
        in September`): its last run of capitalised words (`the passenger group Fair Fares
        Now`, `the Bank of England`), else the description (`the statistics office`)."""
        cut = next((n for n, t in enumerate(words) if n and t.lower_ in _AGENT_BREAK), None)
        phrase = words[:cut]
        words = list(phrase)
        while words and words[0].lower_ in _DETERMINERS:
            words = words[1:]
        if not words:
            return None
        doc = self.doc
        start, end = _last_capitalised_run(words)
        if end > start:
            return self.named(doc[words[start].i : words[end - 1].i + 1], label=None)
        rest = doc[phrase[0].i : phrase[-1].i + 1]
        # The head of `the statistics office` is its last word.
        return _as_owner(self.common_noun(rest, singular(words[-1].lower_), sentence=sentence))

    def _by_role(self, noun: str, *, at: int) -> Entity | None:
        """`the executive said`: the most recent person whose title has that word."""
        for _, entity in self.registry.mentions_before(at, kind="person"):
            if noun in entity.nouns:
                return entity
        return None

    def _by_org_noun(
        self, noun: str, *, at: int, since: int | None = None, ahead: bool = False
    ) -> Entity | None:
        """`the company said`, `it said`, `the club said`: the organisation that fits. One
        named earlier in the same sentence wins (`Manchester United executive ... will step
        down, the club said`); else the one the article is about: described by that noun,
        named first, named often; a mention in passing does not take over `the company`.
        With `ahead` (a source: `the council said`), one named later with that noun when
        none before it is."""
        mentions = self.registry.mentions_before(at, kind="organization")
        if ahead and (not mentions or not any(_described(e, noun) for _, e in mentions)):
            # `The council said ...` before `Ashworth Borough Council` is named: the one
            # organisation of the article named with that noun, if no earlier one is.
            later = self._named_ahead(noun, at)
            if later is not None:
                return later
        if not mentions:
            return None

        # The first organisation that could be meant, not the first name of any kind (a
        # place named in the opening words is never `the company`).
        first = next((e for _, e in reversed(mentions) if _fits_org(e, noun)), None)
        scores: dict[int, float] = {}
        counts: dict[int, int] = {}
        entities: dict[int, Entity] = {}
        for offset, entity in mentions:
            key = id(entity)
            entities[key] = entity
            if key not in scores:
                described = _described(entity, noun)
                if not _fits_org(entity, noun):
                    scores[key] = float("-inf")
                    continue
                scores[key] = 10.0 * described + 5.0 * (entity is first)
                scores[key] += 2.0 / (1 + (at - offset) / 400)  # the nearest mention
                if since is not None and offset >= since:
                    scores[key] += 8.0
            counts[key] = counts.get(key, 0) + 1
        best = max(scores, key=lambda k: scores[k] + min(counts.get(k, 0), 3))
        return entities[best] if scores[best] > float("-inf") else None

    def _named_ahead(self, noun: str, at: int) -> Entity | None:
        """The one organisation named after `at` whose name holds `noun` (`council`,
        `union`), for a specific noun only (not `company`, `group`: too many names hold
        them)."""
        if noun in _GENERIC_ORG_NOUNS:
            return None
        fits = [
            e
            for e in self.registry.organizations()
            if e.mentions and min(e.mentions) > at and noun in e.name.lower().split()
        ]
        return fits[0] if len(fits) == 1 and not _never_referent(fits[0].name) else None

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


def _described(entity: Entity, noun: str) -> bool:
    """The organisation was described by `noun` (`research firm AutoPulse`) or is named so."""
    return noun in entity.nouns or noun in entity.name.lower().split()


def _fits_org(entity: Entity, noun: str) -> bool:
    """`the company`, `the firm` may refer to it: described so, or an organisation (not a
    place) that is no exchange, index or news outlet."""
    described = _described(entity, noun)
    return (described or entity.label in ("ORG", None)) and (
        described or not _never_referent(entity.name)
    )


def _as_owner(found: Found | None) -> Found | None:
    """The owner of a document, if `found` can be one: a person, an organisation or an
    unnamed group; an organisation described, not named (`data from the statistics
    office`), is an unnamed group (guide section 8); a news agency's own work (`a Reuters
    tally`) has no owner but the writer."""
    if found is None or found.speaker.kind not in ("person", "organization", "anonymous"):
        return None
    if found.entity is None and _never_referent(found.speaker.name):
        return None
    if found.entity is None and found.speaker.kind == "organization":
        update = {"kind": "anonymous", "title": None, "organization": None}
        return Found(found.speaker.model_copy(update=update))
    return found


def _mention(first: Token, last: Token) -> Mention:
    doc = first.doc
    span = doc[first.i : last.i + 1]
    return Mention(text=span.text, start=span.start_char, end=span.end_char)


_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LAW"})
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred half".split()
)
_QUANTIFIERS = frozenset(
    "one two three four five six seven eight nine ten some many most several few all none "
    "both each any half dozens".split()
)


def entity_containing(token: Token) -> Span | None:
    """The entity of `doc.ents` that the token is part of, if any."""
    if not token.ent_type_:
        return None
    return entity_of(token.doc)[token.i]


def _entity_at(token: Token) -> Span | None:
    """The name entity (not a date, number or quantity) the token is part of."""
    return entity_containing(token) if token.ent_type_ in _NAME_LABELS else None


def _never_referent(name: str) -> bool:
    """A stock exchange, an index or a news outlet: named in passing, never what `the
    group` or `the company` refers back to (see not_referents.txt)."""
    words = lexicon.words("attribution/not_referents.txt")
    lower = names.org_name(name).lower()
    return lower in words or (lower.split() or [""])[-1] in words


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


def _apposition_after(head: Token) -> Span | None:
    """`according to the marina's owners, Kettle Bay Trust.`: a description, a comma, then a
    named person or organisation that ends the sentence (or is set off by a second comma),
    which the parser hung elsewhere: the name is the description's apposition."""
    if head.pos_ != "NOUN" or head.ent_type_:
        return None
    doc = head.doc
    words = _np_tokens(head)
    if not words:
        return None
    after = words[-1].i + 1
    if after + 1 >= len(doc) or doc[after].text != ",":
        return None
    ent = _entity_at(doc[after + 1])
    if ent is None or ent.start != after + 1 or ent.label_ not in PERSON_LABELS | {"ORG"}:
        return None
    closer = doc[ent.end] if ent.end < len(doc) else None
    if closer is not None and closer.text not in (".", ",", ";") and not closer.is_space:
        return None
    if ent.root.head.i == head.i or any(t.i == head.i for t in ent.root.ancestors):
        return None  # parsed under the description already: `_person_in` reads it
    return ent


def _person_of(head: Token) -> Span | None:
    """A person the parser hung under the organisation they belong to: `Detective Inspector
    Nadia Rahman of Severn Valley Police said`, parsed with `Police` as the subject. The
    name is followed by `of`/`at` and that organisation (titles and `of ORG` stay out of
    the name: issue 11, class 4)."""
    if head.ent_type_ not in ORG_LABELS:
        return None
    for child in head.children:
        if child.dep_ not in ("nmod", "compound") or child.ent_type_ != "PERSON":
            continue
        ent = _entity_at(child)
        if ent is not None and ent.end < head.i and head.doc[ent.end].lower_ in ("of", "at"):
            return ent
    return None


# Words that open a phrase counting or sharing out people (`Nearly a third`, `no one`,
# `Those over 60`, `One`), without a parse.
_GROUP_OPENERS = frozenset(
    "about nearly almost roughly around only just over under more fewer less those no one "
    "none neither some many most few several others everyone nobody".split()
)
# Words before a count that leave it a count (`about 4 in 10`, `nearly two-thirds`).
_APPROXIMATORS = frozenset(
    "about nearly almost roughly around some over under only just barely fewer less more "
    "than among".split()
)
_FRACTIONS = re.compile(
    r"^(?:half|(?:one|two|three|four|five|six|seven|eight|nine)-(?:thirds?|fourths?|fifths?|"
    r"quarters?|tenths?))$"
)


_FRACTION_NOUNS = frozenset({"thirds", "fourths", "fifths", "quarters", "tenths"})


def _is_count(word: str) -> bool:
    return word.isdigit() or word in _NUMBER_WORDS or _FRACTIONS.match(word) is not None


def _counted_share(head: Token) -> bool:
    """A subject that counts or shares out people without naming them (poll copy: `Six in 10
    say`, `nearly nine out of 10 say`, `43 said the same`, `three-fourths say`, `two-thirds of
    voters said`): a number or fraction heading the subject, alone, with `in`/`out of` and a
    number, or with `of` and a noun."""
    if not (_is_count(head.lower_) or head.lower_ in _FRACTION_NOUNS):
        return False  # `fourths` of `Three-fourths`, split by the tokenizer
    for child in head.children:
        if child.dep_ in ("det", "poss", "compound", "amod") and child.i < head.i:
            return False  # `the 43`, `his 10`: a thing counted before
        if child.dep_ == "prep":
            objs = [c for c in child.subtree if c.dep_ == "pobj"]
            if child.lower_ not in ("in", "out", "of") or not objs:
                return False
            if child.lower_ in ("in", "out") and not _is_count(objs[0].lower_):
                return False
    return True


def _counted_share_words(words: list[str]) -> bool:
    """`_counted_share` without a parse: approximators, then a count, then nothing, `in N`,
    `out of N` or `of` and up to four lower-case words (`About 4 in 10`, `43`, `Nearly
    two-thirds of primary voters`)."""
    k = 0
    while k < len(words) and words[k] in _APPROXIMATORS:
        k += 1
    if k >= len(words) or not _is_count(words[k]):
        return False
    rest = words[k + 1 :]
    if rest and rest[0] in _FRACTION_NOUNS:
        rest = rest[1:]  # `two-thirds` split in two
    if not rest:
        return True
    if rest[0] == "in" and len(rest) == 2:
        return _is_count(rest[1])
    if rest[:2] == ["out", "of"] and len(rest) == 3:
        return _is_count(rest[2])
    return rest[0] == "of" and 2 <= len(rest) <= 5 and all(w.isalpha() for w in rest[1:])


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
    """The run of proper nouns ending at `head` (`Richard Yu`), through a plural possessive
    that is part of the name (`Seafarers' Union`, `National Farmers' Guild`)."""
    doc = head.doc
    start = head.i
    while start > 0:
        prev = doc[start - 1]
        if prev.pos_ == "PROPN" and prev.dep_ == "compound":
            start -= 1
        elif (
            prev.text in ("'", "\u2019")
            and start > 1
            and doc[start - 2].pos_ == "PROPN"
            and doc[start - 2].text.endswith("s")
        ):
            start -= 2
        else:
            break
    return doc[start : head.i + 1]


def _possessor(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return child
    return None


# How English demonyms end (`Japanese`, `British`, `Canadian`, `Korean`, `Saudi`, `Dutch`):
# without a parse, one such capitalised word before a noun is read as a nationality.
_DEMONYM_ENDINGS = ("ese", "ish", "ian", "ean", "an", "i", "ch", "ic")
_BODY_OWNERS = frozenset({"GPE", "LOC", "NORP", "ORG", "PERSON"})


def _named_modifier(span: Span, head: Token | None) -> bool:
    """A definite phrase whose organisation noun is modified by a name: with a parse, a
    compound proper noun (`the Alberta government`, `the Trump campaign`); without one,
    only capitalised words between the article and the noun (`the Western Australia
    government`)."""
    if head is not None:
        return any(
            c.dep_ == "compound"
            and c.i < head.i
            and (c.ent_type_ in _BODY_OWNERS or c.pos_ == "PROPN")
            for c in head.children
        )
    inner = [t for t in span[1:-1] if not t.is_space]
    if len(inner) == 1 and inner[0].lower_.endswith(_DEMONYM_ENDINGS):
        return False  # `the Japanese carmaker`: a nationality, capitalised, names no body
    return bool(inner) and all(_capitalised(t) and t.is_alpha for t in inner)


def _pronoun_possessor(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "poss" and child.tag_ == "PRP$":
            return child
    return None


_OWNER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _named_object(prep: Token) -> Token | None:
    """The object of `by`/`from`/`of` when it names a person or an organisation."""
    for obj in prep.children:
        if obj.dep_ == "pobj" and (obj.ent_type_ in _OWNER_LABELS or obj.pos_ == "PROPN"):
            return obj
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


def _opening_plural_source(token: Token) -> bool:
    """`Analysts said`, `Delegates said`, `People familiar with the matter said`: a plural
    noun of unnamed sources (anonymous_heads.txt), capitalised only because it opens the
    sentence, is no name (without a parse)."""
    if not token.is_sent_start and (token.i == 0 or not token.doc[token.i - 1].is_punct):
        return False
    return token.is_alpha and _plural_source_noun(token.lower_)


def _plural_source_noun(lower: str) -> bool:
    """`analysts`, `officials`, `people`, `unions`: the plural of a noun of unnamed sources
    or of organisations (members of a group, guide section 3)."""
    one = singular(lower)
    return lower == "people" or (one != lower and one in _source_heads())


@cache
def _source_heads() -> frozenset[str]:
    """Nouns of unnamed sources and of organisations, read once per process."""
    return lexicon.words("attribution/anonymous_heads.txt") | lexicon.words(
        "attribution/org_nouns.txt"
    )


def _blank_head(words: list[Token]) -> str:
    """The head noun of a phrase without a parse: the first word a source lexicon knows
    (`a senior official at the ministry` -> `official`), else the word before a break."""
    documents = lexicon.words("attribution/document_heads.txt")
    known = (
        documents
        | lexicon.words("attribution/anonymous_heads.txt")
        | lexicon.words("attribution/org_nouns.txt")
    )
    last = singular(words[-1].lower_)
    for n, t in enumerate(words):
        if t.lower_ in _NP_BREAK:
            break
        if (
            n + 1 < len(words)
            and words[n + 1].text in ("'s", "\u2019s")
            and any(singular(w.lower_) in documents for w in words[n + 2 :])
        ):
            continue  # `the group's final report`: the owner of the document, not the head
        lemma = singular(t.lower_)
        if lemma in known or t.lower_ in known:
            return lemma if lemma in known else t.lower_
        last = lemma
    return last


def _last_capitalised_run(words: list[Token]) -> tuple[int, int]:
    """Bounds of the last run of capitalised words, through `of`/`for`/`and` inside names
    (`General Motors chief executive Mary Barra` -> `Mary Barra`); empty when none."""
    end = len(words)
    while end > 0 and not _capitalised(words[end - 1]):
        end -= 1
    start = end
    while start > 0 and (
        _capitalised(words[start - 1])
        or (start > 1 and words[start - 1].lower_ in ("of", "for", "and", "&"))
    ):
        start -= 1
    return start, end


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() or token.lower_ in {"bin", "de", "van", "von", "al"}


# Words that end the owner named after `by`/`from` (`by the council in September`).
_AGENT_BREAK = frozenset({"in", "on", "at", "with", "to", "last", "this", "earlier", "which"})
_NP_BREAK = frozenset({"at", "of", "with", "from", "for", "in", "familiar", "close", "who"})
_NAME_WORD = re.compile(r"^[A-Z][a-z'\u2019-]*(?:[A-Z][a-z'\u2019-]+)?$")  # O'Connor, McDonald


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
