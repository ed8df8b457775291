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
from functools import cache, lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsclaims.extraction.attribution import names
from newsclaims.extraction.attribution.cues import cue_forms, cue_lemmas
from newsclaims.extraction.attribution.entities import ORG_LABELS, Entity, Registry, extend_org
from newsclaims.extraction.attribution.speakers import (
    AGE,
    SpeakerResolver,
    entity_containing,
    proper_run,
    quantified,
    singular,
)
from newsclaims.extraction.components.attribution import Statement
from newsclaims.extraction.components.base import Component
from newsclaims.extraction.doctext import (
    doc_text,
    has_parse,
    lowers,
    tokens,
    written_lower,
    written_mid_sentence,
)
from newsclaims.extraction.doctext import words as doc_words
from newsclaims.models import Target
from newsclaims.patterns import lexicon

_NOT_TARGETS = frozenset({"there", "this", "that", "these", "those", "which", "who", "what"})
# `the government said ...`: which government is rarely named; left unresolved.
_UNRESOLVED = frozenset({"government", "administration"})
_GROWTH_NOUNS = frozenset({"growth", "inflation", "demand", "investment", "output"})
_GENERIC_ORG = frozenset({"company", "firm", "group", "business"})
_PLACE_NOUNS = frozenset(
    {"country", "nation", "city", "region", "state", "province", "kingdom", "emirate", "republic"}
)
# `the country` is a country the article names; `the state`, `the city` a place within one.
_COUNTRY_NOUNS = frozenset({"country", "nation", "kingdom", "emirate", "republic"})
_SUBNATIONAL_NOUNS = frozenset({"city", "state", "province"})
# Nouns whose `of`/`in` phrase names their owner: `Shares in Harbourline`, `sales of Tesla`.
_OWNED_NOUNS = frozenset(
    "share stock price sale revenue profit earning output production value valuation "
    "throughput export import spending debt workforce bond unit".split()
)
TARGET_LABELS = frozenset({"ORG", "PERSON", "GPE", "PRODUCT", "FAC", "LOC", "EVENT"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# `a spokesperson for X`, `a spokeswoman at X`, `a source at X`: who an unnamed speaker speaks for.
_SPEAKS_FOR_PREPS = frozenset({"for", "at", "of"})
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
        # `the results showed Quillsoft was taking share`: what a finding shows.
        "show",
        "suggest",
        "indicate",
    }
)


@Language.factory("newsclaims_targets", default_config={})
def make_targets(nlp: Language, name: str) -> Targets:
    return Targets(common_nouns=_known_nouns(nlp))


def _known_nouns(nlp: Language) -> frozenset[str]:
    """Common nouns the trained pipeline's lemmatizer knows (its WordNet-derived index);
    empty for a pipeline without one."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    table = lookups.get_table("lemma_index")
    return frozenset(table["noun"]) if "noun" in table else frozenset()


class Targets(Component):
    name = "newsclaims_targets"

    def __init__(self, *, common_nouns: frozenset[str] = frozenset()) -> None:
        super().__init__()
        self.common_nouns = common_nouns

    def annotate(self, doc: Doc) -> None:
        registry: Registry = doc._.registry
        resolver = SpeakerResolver(doc, registry)
        previous: Target | None = None
        parsed = has_parse(doc)
        described: dict[str, str] = {}
        for stmt in doc._.statements or []:
            context = _Context(
                doc, stmt, registry, resolver, previous, self.common_nouns, described
            )
            if stmt.speaker is not None and stmt.speaker.kind == "anonymous":
                context.described_org(stmt.speaker.name)  # remembered for `the spokesperson`
            stmt.target = target_parsed(context) if parsed else target_unparsed(context)
            if stmt.part == 0 and not stmt.non_claim:
                previous = stmt.target


class _Context:
    """What a target is resolved against: the statement, its speaker, the registry and the
    previous sentence's target (for `it`)."""

    def __init__(self, doc, stmt, registry, resolver, previous, common_nouns, described) -> None:
        self.common_nouns = common_nouns
        self.described = described  # head noun of an unnamed speaker -> its organisation
        self.doc = doc
        self.stmt = stmt
        self.registry = registry
        self.resolver = resolver
        self.previous = previous

    def described_org(self, description: str) -> str | None:
        """The organisation an unnamed speaker is described by (`A spokesperson for Tidewell
        Ferries`), or that the same description gave before (`the spokesperson`)."""
        words = description.split()
        head = words[1].lower() if len(words) > 1 else ""
        for k, word in enumerate(words[:-1]):
            if word in _SPEAKS_FOR_PREPS and words[k + 1][:1].isupper():
                org = names.org_name(" ".join(words[k + 1 :]))
                if head:
                    self.described[head] = org
                return org
        if len(words) == 2 and words[0].lower() == "the":
            return self.described.get(head)
        return None

    def speaker_org(self) -> Target | None:
        """The organisation a statement's `we`, `it` or `the company` most likely means."""
        speaker = self.stmt.speaker
        if speaker is None:
            return None
        name = speaker.name if speaker.kind == "organization" else speaker.organization
        if not name and speaker.kind == "anonymous":
            name = self.described_org(speaker.name)
        if not name:
            return None
        entity = self.registry.lookup(name, kind="organization")
        if entity is None and name.lower() in lexicon.words("attribution/org_nouns.txt"):
            # `Council leader Rachel Thornton`: the council the article names.
            entity = self.resolver._by_org_noun(name.lower(), at=self.stmt.start)
        if entity is None:
            return Target(name=name, label="ORG")
        target = _from_entity(entity)
        if target is None and _named_like_firm(entity.name):
            # `Harbour United` tagged as a nationality: someone's club or firm.
            target = Target(name=entity.name, label="ORG")
        return target


def _named_like_firm(name: str) -> bool:
    """More than one word, the last a word that ends firms' and clubs' names (`Harbour
    United`, `Kestrel Motors`), unlike a nationality (`Chinese`)."""
    words = name.lower().split()
    return len(words) > 1 and words[-1] in lexicon.words("attribution/org_name_words.txt")


def target_parsed(ctx: _Context) -> Target | None:
    stmt = ctx.stmt
    if stmt.content is None:
        return None
    subject = _clause_subject(ctx.doc[stmt.content], stmt)
    if subject is None:
        return None
    target = _entity_target(subject, ctx)
    # A speaker talking about themselves (`Delgado said his waiting list ...`, `She said
    # she now expects ...`) names no target, but for their own `I` in a quotation doing
    # something (`"I came for a month ..."`), not thinking or saying (`"I would not say
    # that"`, `"I would expect another upgrade ..."`).
    if _is_speaker(target, stmt) and not (
        subject.lower_ in _FIRST_PERSON and not _reporting_verb(subject.head)
    ):
        return None
    return target


def _reporting_verb(verb: Token) -> bool:
    """A verb of saying or thinking (a cue verb or one the target goes through)."""
    speech, others = cue_lemmas()
    lemma = verb.lemma_.lower()
    return lemma in speech or lemma in others or lemma in _THROUGH


def _is_speaker(target: Target | None, stmt: Statement) -> bool:
    """The target names the person speaking."""
    speaker = stmt.speaker
    return (
        target is not None
        and speaker is not None
        and speaker.kind == "person"
        and target.name == speaker.name
    )


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
    return _named(subject, ctx) or _owner_target(subject, ctx)


def _is_name(token: Token) -> bool:
    """A proper noun the NER did not tag is a name when it is not a known common word and,
    at the start of a sentence, the article also writes it capitalised elsewhere."""
    if not token.text[:1].isupper() or token.lower_ in lexicon.words("attribution/not_names.txt"):
        return False
    if _opens_sentence(token):
        return (
            _capitalised_elsewhere(token)
            or names.looks_like_name(token.text)
            or _has_apposition(token)
        )
    return True


def _has_apposition(token: Token) -> bool:
    """`Zentrix, a minority investor, trimmed ...`: a description in apposition after it."""
    return any(c.dep_ == "appos" and c.i > token.i and c.pos_ == "NOUN" for c in token.children)


def _opens_sentence(token: Token) -> bool:
    """The first word of its sentence, quotation marks and punctuation aside."""
    for previous in token.sent:
        if previous.i == token.i:
            return True
        if not (previous.is_punct or previous.is_space):
            return False
    return False


def _capitalised_elsewhere(token: Token) -> bool:
    """The article also writes this word capitalised in mid-sentence: a name."""
    return written_mid_sentence(token.doc, token.text)


def _common_word(token: Token, nouns: frozenset[str]) -> bool:
    """A sentence-opening word the NER took for a name (`Bills are ...`, `Hospital
    admissions ...`): a dictionary noun that the article never capitalises mid-sentence."""
    if not _opens_sentence(token) or _capitalised_elsewhere(token):
        return False
    word = token.lower_
    noun = word in nouns or token.lemma_.lower() in nouns or singular(word) in nouns
    ent = entity_containing(token)
    if noun and ent is not None and len(ent) == 1 and written_lower(token.doc, word):
        return True  # `Rice is planted ...` where the article writes `rice exports`
    if token.ent_type_ in ("GPE", "LOC", "PERSON", "NORP"):
        return False  # places and people the NER knows are names, whatever WordNet lists
    if doc_text(token.doc).count(token.text) > 1:
        return False  # written capitalised more than once: the article's own name
    return noun


def _pronoun_target(lower: str, token: Token, ctx: _Context) -> Target | None:
    stmt = ctx.stmt
    if lower in ("we", "us", "our", "ours"):
        if stmt.attribution != "direct":
            return None
        speaker = stmt.speaker
        if (
            speaker is not None
            and speaker.kind == "person"
            and speaker.title
            and not _speaks_for(speaker.title)
        ):
            # `"We are now living in a world ...," said Tom Adeyinka, a climate scientist at
            # Northbridge University`: an expert's `we` is not their employer.
            return None
        own = ctx.speaker_org() or _introduced_with(ctx)
        if own is None and speaker is not None and _speaks_for(speaker.title):
            # `"We are not complacent," Collins said` of `chief executive Mary Collins`: one
            # with a title whose organisation the article does not spell out speaks for the
            # organisation the article is about (not a shopper or a nurse quoted on it).
            entity = ctx.resolver._by_org_noun("company", at=token.idx)
            own = _from_entity(entity) if entity is not None else None
        return own
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
    if lower in ("it", "its"):
        return None if _expletive(token) else _it_target(ctx)
    # `they`/`their` (`Analysts said they expected ...`, `told her staff they had earned
    # ...`): many, most often people; not the one organisation of the sentence before.
    return None


def _introduced_with(ctx: _Context) -> Target | None:
    """The organisation named after a quoted person in the sentence that first names them
    (`Rebecca Kamau became chief executive of Solana Water`, `Colin Ashby, general secretary
    of the Metro Drivers' Union, said`): whom their `we` speaks for when their record
    carries no organisation; one they speak for by their title (`speaks_for_titles.txt`) and
    work `of`, `at` or `for`, not a place (`Sam Okoro, who lives in Fenwick`), the paper they
    spoke to (`an interview with Trade Counter`) or an expert's employer (`a consultant
    epidemiologist at the UK Health Security Agency`)."""
    speaker = ctx.stmt.speaker
    if speaker is None or speaker.kind != "person" or speaker.organization:
        return None
    person = ctx.registry.lookup(speaker.name, kind="person")
    if person is None or not person.mentions:
        return None
    first = person.mentions[0]
    token = ctx.doc.char_span(first, first + 1, alignment_mode="expand")
    if token is None:
        return None
    end = token[0].sent.end_char if has_parse(ctx.doc) else _line_end(ctx.doc, first)
    text = doc_text(ctx.doc)
    named = [
        (at, entity)
        for entity in ctx.registry.entities
        if entity.kind == "organization" and entity.label not in ("GPE", "LOC", "NORP")
        for at in entity.mentions
        if first < at < end
        and _word_before(text, at) in _SPEAKS_FOR_PREPS
        and _speaks_for(text[first:at])
    ]
    if named:
        return _from_entity(min(named, key=lambda pair: pair[0])[1])
    if has_parse(ctx.doc):
        return None
    # Without a parse the registry misses most names: the capitalised run itself.
    found = _WORKS_FOR.search(text, first, end)
    if found is None or not _speaks_for(text[first : found.start()]):
        return None
    return Target(name=_fullest(ctx.doc, found.group(1).strip()), label=None)


# `of Solana Water`, `at the Metro Drivers' Union`: an organisation's name after `of`/`at`/`for`.
_WORKS_FOR = re.compile(r"\b(?:of|at|for) (?:the )?((?:[A-Z][\w&'’.-]*(?: |(?=[,.;)]|$)))+)")


def _word_before(text: str, at: int) -> str:
    """The word before offset `at`, lower case, past a `the`: `chief executive of (the)`."""
    words = text[max(0, at - 40) : at].lower().split()
    if words and words[-1] == "the":
        words.pop()
    return words[-1] if words else ""


def _line_end(doc: Doc, at: int) -> int:
    """The end of the sentence (to its full stop) or line that `at` stands in, unparsed."""
    text = doc_text(doc)
    ends = [k for k in (text.find(". ", at), text.find("\n", at)) if k >= 0]
    return min(ends) if ends else len(text)


def _expletive(token: Token) -> bool:
    """`It is a political choice`, `It was a victory for ...`, `It's a penalty`: an `it` that
    classifies a situation with an indefinite noun refers to no organisation."""
    if token.lower_ != "it":
        return False
    if token.has_head() and token.head.i != token.i and token.dep_ in _SUBJECT_DEPS:
        verb = token.head
        return verb.lemma_ == "be" and any(
            c.dep_ == "attr" and _determiner(c) in ("a", "an") for c in verb.children
        )
    doc, at = token.doc, token.i  # without a parse: `It is a`, `It was an`, `It's a`
    low = lowers(doc)
    return at + 2 < len(doc) and low[at + 1] in _BE_FORMS and low[at + 2] in ("a", "an")


_BE_FORMS = frozenset({"is", "was", "'s", "’s"})


def _speaks_for(title: str | None) -> bool:
    """A title of someone who speaks for an organisation (`chief executive`, `spokeswoman`),
    not of an outside expert or a member of the public."""
    if not title:
        return False
    words = lexicon.words("attribution/speaks_for_titles.txt")
    return any(word in words for word in title.lower().replace(",", " ").split())


def _it_target(ctx: _Context) -> Target | None:
    """`it`/`its`: the organisation speaking, or the one the previous sentence was about;
    not the owner of a document quoted (`Its cost ..., according to a report by the NAO`)."""
    speaker = ctx.stmt.speaker
    own = ctx.speaker_org() if speaker is None or speaker.document is None else None
    if own is not None:
        return own
    previous = ctx.previous
    if previous is not None and previous.label in ("ORG", None):
        return previous
    return None


def _owner_target(subject: Token, ctx: _Context) -> Target | None:
    """A common-noun subject: the name in it (`Europe's Vega-C rocket`, `the UK
    government`), its named owner (`Copperleaf's sales`, `its online sales`, `Shares in
    Harbourline`), or what a definite description refers to (`the company`, `the rocket`,
    `the country`)."""
    subject = _counted(subject)
    family = _family(subject)
    if family is not None:
        return family
    for child in subject.children:
        if child.dep_ == "appos" and child.i > subject.i:
            named = _named(child, ctx)  # `Chinese electric vehicle maker Voltera`
            if named is not None:
                return named
    lemma = subject.lemma_.lower()
    owned = lemma in _OWNED_NOUNS
    compound = _compound_name(subject, ctx)
    has_owner = any(c.dep_ == "poss" for c in subject.children)
    place = compound is not None and compound.label in ("GPE", "LOC", "NORP")
    # `Europe's Vega-C rocket` -> Vega-C; but `its UK business` -> its owner.
    if compound is not None and not owned and not (place and has_owner):
        return compound
    for child in subject.children:
        if child.dep_ == "poss":
            owner = _possessor_target(child, ctx)
            if owner is not None:
                return owner
    if compound is not None:
        return compound
    if _determiner(subject) in ("the", "this", "that"):
        definite = _definite_target(subject, lemma, ctx) or _described_person(subject, ctx)
        if definite is not None or lemma in _UNRESOLVED:
            return definite
    # `The first phase of HS2`, `Development of Ariane 6`; for what a name owns also `in`
    # and `at` (`Shares in Harbourline`, `Growth in China's economy`).
    preps = ("of", "in", "at") if owned or lemma in _GROWTH_NOUNS else ("of",)
    for child in subject.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    # `Shares of Kestrel's parent company, Halden Group,` -> Halden Group: the
                    # name in apposition is the owner, not the owner's owner.
                    owner = (
                        next((_named(a, ctx) for a in obj.children if a.dep_ == "appos"), None)
                        or _named(obj, ctx)
                        or next((_named(p, ctx) for p in obj.children if p.dep_ == "poss"), None)
                    )
                    if owner is None and owned and _determiner(obj) == "the":
                        # `Shares in the New York-listed club`: the club the article is about.
                        owner = _definite_target(obj, obj.lemma_.lower(), ctx)
                    if owner is not None:
                        return owner
    return None


def _determiner(token: Token) -> str:
    """The determiner of a noun, lower case (`the`, `this`), or '' when it has none."""
    return next((c.lower_ for c in token.children if c.dep_ == "det"), "")


# Nouns that make a surname before them the name of a family (`The Chan family`).
_FAMILY_NOUNS = frozenset({"family", "dynasty", "clan"})


def _family(subject: Token) -> Target | None:
    """`The Chan family, which owns 52.3% ...` -> `Chan family`: the surname with the noun,
    not the person of that name, and no leading `the`."""
    if subject.lower_ not in _FAMILY_NOUNS:
        return None
    names_before = [
        c for c in subject.children if c.dep_ in ("compound", "nmod") and c.i < subject.i
    ]
    if not names_before or not all(c.text[:1].isupper() for c in names_before):
        return None
    first = min(c.left_edge.i for c in names_before)
    span = subject.doc[first : subject.i]
    if not all(t.text[:1].isupper() for t in span):
        return None
    return Target(name=f"{span.text} {subject.text}", label="ORG")


def _counted(subject: Token) -> Token:
    """`Six of the nine members of the committee` -> `members`: what a number counts."""
    subject = quantified(quantified(subject))
    if subject.lemma_.lower() in ("member", "part", "share", "half", "most", "majority"):
        for p in subject.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for o in p.children:
                    if o.dep_ == "pobj" and (o.ent_type_ or o.pos_ == "PROPN"):
                        return o
    return subject


def _compound_name(subject: Token, ctx: _Context, depth: int = 0) -> Target | None:
    """The name modifying a common noun (`the Vega-C rocket`, `Japan's H3 rocket`), also
    through a common-noun modifier (`Japan's Nikkei share average`)."""
    for child in subject.children:
        if child.dep_ in ("compound", "nmod") and child.i < subject.i:
            owner = _named(child, ctx) or _model_name(child)
            if owner is not None:
                return owner
            if child.pos_ == "NOUN" and child.is_lower and depth < 2:
                inner = _compound_name(child, ctx, depth + 1)
                if inner is not None and inner.label not in ("GPE", "LOC", "NORP"):
                    return inner  # not a place (`U.S. cloud companies`)
    return None


def _model_name(token: Token) -> Target | None:
    """`H3`, `A320`: a capitalised word of letters and digits the tagger took for a common
    noun is a model's name."""
    text = token.text
    if text[:1].isupper() and text.isalnum() and any(ch.isdigit() for ch in text):
        return Target(name=text, label=None)
    return None


def _possessor_target(child: Token, ctx: _Context) -> Target | None:
    """`Copperleaf's`, `its`, `our`, `the committee's`."""
    if child.tag_ in ("PRP$", "PRP"):
        return _pronoun_target(child.lower_, child, ctx)
    owner = _named(child, ctx)
    if owner is not None:
        return owner
    if _determiner(child) == "the":
        return _definite_target(child, child.lemma_.lower(), ctx)
    return None


def _definite_target(subject: Token, lemma: str, ctx: _Context) -> Target | None:
    """`the company` (the speaker's, or the organisation that fits), `the country` (the
    last country named), `the rocket` / `the index` (the name that noun was attached to)."""
    if _plural(subject):
        return None  # `the miners`, `61 firms`: many, not the one the article names
    if lemma in _PLACE_NOUNS:
        return _place(subject.idx, lemma, ctx)
    if lemma in _UNRESOLVED:
        return None
    if lemma == "authority":
        return _public_body(subject.idx, ctx)
    if lemma in lexicon.words("attribution/org_nouns.txt"):
        own = ctx.speaker_org()
        if own is not None and lemma in _GENERIC_ORG:
            return own
        entity = ctx.resolver._by_org_noun(lemma, at=subject.idx, since=subject.sent.start_char)
        if entity is not None and entity.label in ("GPE", "LOC") and lemma not in _UNRESOLVED:
            # `the Santa Clara, California-based company`: a place is never `the company`;
            # the organisation the article names first is.
            entity = None if own is not None else _first_org(subject.idx, ctx)
        return _from_entity(entity) if entity is not None else own
    for _, entity in ctx.registry.mentions_before(subject.idx, kind="organization"):
        # `the rocket` of `the Ariane 6 rocket`; `the trust` of `Hartley NHS Trust`, `the
        # canal` of `the Suez Canal`: the noun the name was given with, or the name's head.
        if lemma in entity.nouns or lemma in _name_heads(entity.name):
            return _from_entity(entity)
    return None


def _place(at: int, lemma: str, ctx: _Context) -> Target | None:
    """`the country`: the country named last, else the place named last; `the state`, `the
    city`: the place named last that is not a country."""
    places = [
        entity
        for _, entity in ctx.registry.mentions_before(at, kind="organization")
        if entity.label == "GPE"
    ]
    if lemma in _COUNTRY_NOUNS:
        fitting = [e for e in places if _is_country(e.name)] or places
    elif lemma in _SUBNATIONAL_NOUNS:
        fitting = [e for e in places if not _is_country(e.name)]
    else:
        fitting = places
    return _from_entity(fitting[0]) if fitting else None


@cache
def _countries() -> frozenset[str]:
    return frozenset(w.replace(".", "") for w in lexicon.words("attribution/countries.txt"))


def _is_country(name: str) -> bool:
    """`Japan`, `U.S.`, `the Netherlands`: a country of the list, dots aside."""
    return name.lower().replace(".", "") in _countries()


def _plural(noun: Token) -> bool:
    """A plural common noun: tagged so, or (without a tagger) one that ends as a plural."""
    if noun.tag_:
        return noun.tag_ == "NNS"
    lower = noun.lower_
    return singular(lower) != lower


def _described_person(subject: Token, ctx: _Context) -> Target | None:
    """`The 26-year-old has signed ...`, `the striker`, `the actress`: the salient person an
    epithet (person_epithets.txt) or an age describes, as for a speaker."""
    span = subject.doc[subject.left_edge.i : subject.i + 1]
    lemma = subject.lemma_.lower()
    if lemma not in lexicon.table("attribution/person_epithets.txt") and not AGE.search(span.text):
        return None
    return _person_words(span, ctx, lemma=lemma, head=subject)


def _first_org(at: int, ctx: _Context) -> Entity | None:
    """The organisation, not a place, that the article names first before `at`."""
    for _, entity in reversed(ctx.registry.mentions_before(at, kind="organization")):
        if entity.label not in ("GPE", "LOC", "NORP", "FAC"):
            return entity
    return None


def _public_body(at: int, ctx: _Context) -> Target | None:
    """`the authority`: the public body named last (`Kingsmere County Council`, `the Suez
    Canal Authority`), as `the council` is the council; none if no public body is named."""
    words = lexicon.words("attribution/public_body_words.txt")
    for _, entity in ctx.registry.mentions_before(at, kind="organization"):
        if entity.nouns & words or any(w in words for w in entity.name.lower().split()):
            return _from_entity(entity)
    return None


def _name_heads(name: str) -> tuple[str, ...]:
    """The head words of a name (`Suez Canal` -> canal; `Insurance Bureau of the Prairies`
    -> prairies, bureau: the word before its `of`)."""
    words = name.lower().split()
    heads = (words[-1],) if words else ()
    if "of" in words[1:]:
        heads += (singular(words[words.index("of", 1) - 1]),)
    return heads


def _proper_target(subject: Token, registry: Registry) -> Target | None:
    """A proper-noun subject the NER did not tag (`Voltera delivered ...`)."""
    if subject.ent_type_ == "NORP":
        return None  # `Japanese owner ...`: a nationality
    span = proper_run(subject)
    entity = registry.lookup(span.text) or registry.lookup(subject.text)
    if entity is not None:
        return _from_entity(entity)
    return Target(name=_fullest(subject.doc, names.org_name(span.text)), label=None)


def _registry_name(token: Token, ctx: _Context) -> bool:
    """A capitalised word worth looking up in the registry: not a known common noun or
    acronym (`Bills are ...`, `AI chip demand`)."""
    return (
        token.text[:1].isupper()
        and token.lower_ not in lexicon.words("attribution/not_names.txt")
        and not _common_word(token, ctx.common_nouns)
    )


def _named(token: Token, ctx: _Context) -> Target | None:
    """The name a token is part of: an entity, a name the registry knows (`Copperleaf's`
    tagged as a noun), or a proper noun the NER missed."""
    ent = _ent_of(token, ctx.common_nouns)
    if ent is not None:
        return _from_span(ent, ctx.registry)
    if _registry_name(token, ctx):
        run = proper_run(token).text
        entity = ctx.registry.lookup(run) or ctx.registry.lookup(names.strip_possessive(token.text))
        if entity is None and token.dep_ in _SUBJECT_DEPS:
            # `City, 14th in the table, have won ...` after `Castleton City`: a subject (not a
            # modifier, as in `Power producers`) that ends one organisation's name.
            entity = ctx.registry.lookup(run, kind="organization")
        if entity is not None and entity.label not in ("NORP",):
            return _from_entity(entity)
    if token.pos_ == "PROPN" and _is_name(token):
        return _proper_target(token, ctx.registry)
    return None


def _ent_of(token: Token, nouns: frozenset[str] = frozenset()) -> Span | None:
    """The entity a token is part of, if it can be a target: not a nationality (`English
    clubs`), not a common word the NER took for a name (`AI`, `Bills are ...`)."""
    if token.ent_type_ not in TARGET_LABELS:
        return None
    if token.lower_ in lexicon.words("attribution/not_names.txt"):
        return None
    ent = entity_containing(token)
    return None if ent is None or _common_word(ent[0], nouns) else ent


def _from_span(ent: Span, registry: Registry) -> Target:
    if ent.label_ in ORG_LABELS:
        ent = extend_org(ent)
    label = ent.label_
    entity = registry.lookup(names.person_name(ent.text), label=label) or registry.lookup(
        names.org_name(ent.text), label=label
    )
    word = names.org_name(ent.text).lower()
    if entity is None and word in lexicon.words("attribution/org_nouns.txt"):
        # `The Commission is due to decide ...`: a capitalised descriptor of a named body.
        entity = SpeakerResolver(ent.doc, registry)._by_org_noun(word, at=ent.start_char)
    if entity is not None:
        return _from_entity(entity)
    name = names.person_name(ent.text) if label == "PERSON" else names.org_name(ent.text)
    if label != "PERSON":
        name = _spelled_out(ent.doc, name)
    return Target(name=name, label=label)


_INITIALS_SKIP = frozenset({"of", "the", "and", "for", "&"})
# A run of capitalised words, through the words an acronym skips (`Bank of England`).
_INITIALS_WORD = r"[A-Z][\w'’-]*"
_INITIALS_RUN = re.compile(rf"{_INITIALS_WORD}(?:\s+(?:of|the|and|for|&)?\s*{_INITIALS_WORD})+")


def _spelled_out(doc: Doc, name: str) -> str:
    """`ECB` -> `European Central Bank`: an acronym is written in its fullest form, the run
    of capitalised words the article gives whose initials spell it (guide: the fullest form
    in the article)."""
    if not (2 <= len(name) <= 6 and name.isalpha() and name.isupper()):
        return name
    for found in _INITIALS_RUN.finditer(doc_text(doc)):
        parts = [w for w in found.group(0).split() if w.lower() not in _INITIALS_SKIP]
        for k in range(len(parts) - len(name) + 1):
            window = parts[k : k + len(name)]
            if "".join(w[0] for w in window) == name and all(w[1:].islower() for w in window):
                text = found.group(0)
                return text[text.index(window[0]) : text.rindex(window[-1]) + len(window[-1])]
    return name


def _from_entity(entity: Entity) -> Target | None:
    """The target an entity of the registry gives; none for a nationality (`Dutch`)."""
    if entity.label == "NORP":
        return None
    label = entity.label or ("PERSON" if entity.kind == "person" else "ORG")
    return Target(name=entity.name, label=label)


def target_unparsed(ctx: _Context) -> Target | None:
    """Without a parse: the first name the content clause opens with, or the organisation
    its opening `we`, `it` or `the company` stands for; not the person speaking (`Renata
    Cruz, who heads ..., said the numbers ...`), as with a parse."""
    bounds = _content_start(ctx)
    if bounds is None:
        return None
    start, stop = bounds
    target = _first_name_of_content(ctx, start, stop)
    if _is_speaker(target, ctx.stmt) and not (
        start < stop
        and lowers(ctx.doc)[start] in _FIRST_PERSON
        and not _reports_next(ctx.doc, start + 1, stop)
    ):
        return None  # but for their own `I` in a quotation doing something, as with a parse
    return target


# Auxiliaries and adverbs between `I` and its verb (`I would not say`, `I do think`).
_BEFORE_VERB = frozenset(
    "would will could can might may should do did does 'd 'll not n't never also still "
    "really just certainly".split()
)


def _reports_next(doc: Doc, start: int, stop: int) -> bool:
    """The verb after `I` (past auxiliaries and adverbs) is one of saying or thinking."""
    low = lowers(doc)
    while start < stop and low[start] in _BEFORE_VERB:
        start += 1
    return start < stop and (low[start] in cue_forms() or low[start] in _THROUGH)


def _opening_reference(ctx: _Context, start: int) -> Target | None:
    """`We ...` / `Our ...` in a quotation, `It ...` / `Its ...`, `The company ...`: what the
    first words of the content refer to, resolved as with a parse."""
    doc, low = ctx.doc, lowers(ctx.doc)
    if start + 2 < len(doc) and low[start + 1] == "of" and tokens(doc)[start].like_num:
        start += 2  # `41 of its 180 drivers`: what the number counts
    word = low[start]
    if word in _OPENING_PRONOUNS:
        return _pronoun_target(word, tokens(doc)[start], ctx)
    if word == "the" and start + 2 < len(doc):
        # `The company said`, `The canal earned`, `The company's shares fell` (its owner): a
        # noun standing alone (not `the head of ...`, `the Bank of England`)
        noun, after = tokens(doc)[start + 1], low[start + 2]
        if noun.is_alpha and (noun.is_lower or noun.is_title) and after not in _NOT_ALONE:
            return _definite_target(noun, singular(noun.lower_), ctx) or _person_words(
                doc[start : start + 2], ctx
            )
        aged = _AGED.match(doc_text(doc), tokens(doc)[start].idx)
        if aged is not None:  # `The 26-year-old has signed ...`
            span = doc.char_span(aged.start(), aged.end(), alignment_mode="expand")
            return _person_words(span, ctx) if span is not None else None
    return None


_AGED = re.compile(r"(?i)the \d+-year-old\b")


def _person_words(
    span: Span, ctx: _Context, *, lemma: str | None = None, head: Token | None = None
) -> Target | None:
    """`the striker`, `the 26-year-old`: the salient person, as the speaker resolver finds
    it (with or without a parse)."""
    lemma = lemma or singular(span[-1].lower_)
    found = ctx.resolver.common_noun(span, lemma, head=head, sentence=ctx.stmt.sentence)
    if found is None or found.speaker.kind != "person":
        return None
    return Target(name=found.speaker.name, label="PERSON")


_NOT_ALONE = frozenset({"of", "-"})
# Pronouns a clause may open with whose referent is its target: the speaker's organisation
# (`we`, `it`), the person resolved (`he`, `her`), the speaker quoted (`I`, `my`).
_OPENING_PRONOUNS = frozenset("we our us it its he his she her i my".split())
_FIRST_PERSON = frozenset({"i", "me"})  # not `my`: `"My wife says ...," Nash said`


_REPORTED_OPENERS = frozenset({"that", "it", "its", "we", "our", "they", "he", "she"})
_FUNCTION_WORDS = frozenset(
    "the a an in on at of for to and or but by with from as is was has had said says".split()
)
_TOLD = frozenset({"us", "me", "him", "her", "them", "reporters", "analysts", "investors"})
_CUE_ADJUNCTS = frozenset({"in", "on", "at", "to", "during", "last", "this", "earlier", "late"})


def _reported_start(doc: Doc, start: int, end: int) -> int:
    """Where the reported clause starts after its cue: after a `that`, and past an adjunct
    of the cue (`said in a statement on Thursday that ...`, `said on Monday it would ...`)."""
    low = lowers(doc)
    if start < end and low[start] in _TOLD:
        start += 1  # `told us that ...`, `told reporters the company ...`
    if start < end and low[start] in _CUE_ADJUNCTS:
        for k in range(start + 1, min(end, start + 9)):
            if low[k] in _REPORTED_OPENERS:
                start = k
                break
            if tokens(doc)[k].is_punct:
                break
    if start < end and low[start] == "that":
        start += 1
    return start


def _content_start(ctx: _Context) -> tuple[int, int] | None:
    """The first word of the reported clause and the end of the statement (token indices)."""
    doc, stmt = ctx.doc, ctx.stmt
    span = doc.char_span(stmt.start, stmt.end, alignment_mode="expand")
    if span is None:
        return None
    start = span.start
    if stmt.cue_token is not None and stmt.cue_token > span.start:
        # `X said (that) Y ...` starts the content after the cue; `Y ..., X said` before it.
        cue = stmt.cue_token
        before_cue = doc[span.start : cue].text
        mention = stmt.speaker.mention if stmt.speaker else None
        if mention and _speaker_opens(doc, span, mention, cue):
            start = _reported_start(doc, cue + 1, span.end)
        elif "," not in before_cue:
            start = _reported_start(doc, cue + 1, span.end)
    toks = tokens(doc)
    while start < span.end and (toks[start].is_punct or toks[start].is_space):
        start += 1
    return start, span.end


_POSSESSIVES = frozenset("his her my our their its".split())


def _past_relation(doc: Doc, start: int, stop: int) -> int:
    """`His nephew, Tom Baird, is ...`, `Her colleague Mark Delaney was ...`: a possessive
    and one common noun before a name of two words or more in apposition: the name."""
    low, texts = lowers(doc), doc_words(doc)
    if start + 3 >= stop or low[start] not in _POSSESSIVES or not texts[start + 1].islower():
        return start
    at = start + 3 if texts[start + 2] == "," else start + 2
    if at + 1 < stop and texts[at].istitle() and texts[at + 1].istitle():
        return at
    return start


# Words that open an adjunct before a clause's subject (`Under the deal, the US will ...`,
# `In a statement, Sky said ...`, `Last year, ...`): prepositions and time words.
_ADJUNCT_OPENERS = frozenset(
    "in under on at after before during since with without despite following from by for "
    "unlike amid over last this next earlier later".split()
)


def _past_dateline(doc: Doc, start: int, stop: int) -> int:
    """`MANCHESTER, 1 April 2026 - Auralis Health ...`, `NEW DELHI, July 3 (Globe Wire) -
    India's ...`: past a wire dateline (a place in capitals, a comma or bracket, a dash)."""
    texts = doc_words(doc)
    at = start
    while at < stop and texts[at].isalpha() and texts[at].isupper() and len(texts[at]) > 1:
        at += 1
    if at == start or at >= stop or texts[at] not in (",", "("):
        return start
    for k in range(at, min(stop - 1, start + 16)):
        if texts[k] in ("-", "–", "—", "--"):
            return k + 1
    return start


def _past_adjunct(doc: Doc, start: int, stop: int) -> int:
    """`Under the agreement, India will cut ...`: past an opening adjunct closed by a comma
    (within a dozen words, and no quotation in it) to the clause's own first word."""
    low, texts = lowers(doc), doc_words(doc)
    if start >= stop or low[start] not in _ADJUNCT_OPENERS:
        return start
    for k in range(start + 1, min(stop - 1, start + 12)):
        if texts[k] in ('"', "“", "”", ";", ":"):
            return start
        if texts[k] == ",":
            k += 1  # `..., the Super League said`: the name, without its article
            return k + 1 if k + 1 < stop and low[k] == "the" and texts[k + 1].istitle() else k
    return start


def _past_owned(doc: Doc, start: int, stop: int) -> int:
    """`Shares in Harbourline`, `Shares of rival Pearl Delta`, `Shares in Hong Kong-listed
    Innovent`, `Sales of its vans`: a noun of what a name owns and its `of`/`in`/`at`
    before the owner, which is where the name starts (as with a parse)."""
    low, texts = lowers(doc), doc_words(doc)
    if start + 2 >= stop or low[start + 1] not in ("of", "in", "at"):
        return start
    if singular(low[start]) not in _OWNED_NOUNS | _GROWTH_NOUNS:
        return start
    at = start + 2
    while at < stop and texts[at].isalpha() and texts[at].islower() and low[at] not in _POSSESSIVES:
        at += 1  # `the`, `rival`
    # A place and a hyphenated participle before the name: `Hong Kong-listed`, `Paris-based`.
    run = at
    while run < stop and texts[run][:1].isupper():
        run += 1
    if run + 2 < stop and texts[run] == "-" and texts[run + 1].islower():
        at = run + 2
    if at < stop and (texts[at][:1].isupper() or low[at] in _POSSESSIVES):
        return _past_owner_relation(doc, at, stop)
    return start


def _past_descriptor(doc: Doc, start: int, stop: int) -> int:
    """`Chinese electric vehicle maker Voltera`, `construction group Balfour Beatty`: a
    description ending in an organisation noun before the name it describes."""
    texts = doc_words(doc)
    if start >= stop:
        return start
    at = start + 1 if texts[start][:1].isupper() and texts[start].isalpha() else start
    first = at
    while at < stop and at - first < 4 and texts[at].islower() and texts[at].isalpha():
        at += 1
    if at == first or at >= stop or not texts[at][:1].isupper():
        return start
    if singular(texts[at - 1]) not in lexicon.words("attribution/org_nouns.txt"):
        return start
    return at


def _past_owner_relation(doc: Doc, at: int, stop: int) -> int:
    """`Kestrel's parent company, Halden Group,`: the name in apposition to what a name
    owns is the owner meant (as with a parse)."""
    texts = doc_words(doc)
    k = at
    while k < stop and texts[k][:1].isupper():
        k += 1
    if k == at or k >= stop or texts[k] not in ("'s", "’s"):
        return at
    k += 1
    while k < stop and texts[k].isalpha() and texts[k].islower():
        k += 1
    if k + 1 < stop and texts[k] == "," and k > at + 2 and texts[k + 1][:1].isupper():
        return k + 1
    return at


def _speaker_opens(doc: Doc, span: Span, mention, cue: int) -> bool:
    """The speaker opens the sentence, or only their title comes first and only their
    description comes between them and the cue (`Councillor Priya Shah, cabinet member for
    finance, said the authority ...`; not `The Bank of England kept rates ... and dropped its
    warning that ...`)."""
    if mention.start <= span.start_char:
        return True
    text = doc_text(doc)
    before = text[span.start_char : mention.start].split()
    between = text[mention.end : doc[cue].idx].strip()
    return (
        all(w[:1].isupper() for w in before)
        and between.startswith(",")
        and between.endswith(",")
        and between.count(",") == 2
    )


def _first_name_of_content(ctx: _Context, start: int, stop: int) -> Target | None:
    doc, registry = ctx.doc, ctx.registry
    toks, texts = tokens(doc), doc_words(doc)
    start = _past_adjunct(doc, _past_dateline(doc, start, stop), stop)
    start = _past_descriptor(doc, _past_owned(doc, _past_relation(doc, start, stop), stop), stop)
    if start < stop:
        reference = _opening_reference(ctx, start)
        if reference is not None:
            return reference
    end = start
    while end < stop and texts[end][:1].isupper() and not toks[end].is_punct:
        end += 1
    if end == start or (end - start == 1 and toks[start].is_stop):
        return None  # a lone stop word is never a name (`The ...`, `Someone ...`)
    if end - start == 2 and toks[start].lower_ == "the" and names.looks_like_name(texts[start + 1]):
        start += 1  # `The ECB cut ...`: the acronym, without its article
    words = doc[start:end]
    opening = 1 if toks[start].lower_ == "the" else 0
    if end < stop and lowers(doc)[end] in _FAMILY_NOUNS and end - start > opening:
        return Target(name=f"{doc[start + opening : end].text} {texts[end]}", label="ORG")
    if end + 1 < stop and texts[end] in ("'s", "’s"):
        possessed = _possessed_name(doc, end + 1, stop)
        if possessed is not None:
            return _fullest_known(possessed, ctx)
    text = names.strip_possessive(words.text)
    entity = registry.lookup(words.text) or registry.lookup(text)
    if entity is not None:
        return _from_entity(entity)
    # not `U.S.` of `U.S. markets`, nor an acronym (`BYD`, not `BYD Dolphin`)
    lone = end - start == 1 and text.isalpha() and not names.looks_like_name(text)
    longer = _short_form(doc, text) if lone else None
    if longer is not None:
        # `Copperleaf raised prices ...` after `Copperleaf Coffee plans ...`: the first word
        # of a longer name the article writes, not a common word (`Shares`, `Sales`).
        return Target(name=longer, label=None)
    if lone and end < stop and texts[end] in ("'s", "’s") and _owner_name(text):
        return Target(name=text, label=None)  # `Canada's insured losses have topped ...`
    # A capitalised name that the article also writes capitalised mid-sentence is a name,
    # not a sentence-initial common word (`While`, `Notably`).
    if text and (written_mid_sentence(doc, text) or names.looks_like_name(text)):
        # A lone word is the short form of the longer name the article writes elsewhere
        # (`Zentrix` of `Zentrix Labs`).
        return Target(name=_fullest(doc, text) if lone else _spelled_out(doc, text), label=None)
    return _capitalised_run(words)


def _possessed_name(doc: Doc, start: int, stop: int) -> str | None:
    """After `X's`: the name of what X owns (`Europe's new Ariane 6 rocket`, `Disney's ABC
    will`, `NASA's Space Launch System rocket`) or the name in apposition to it (`Britain's
    largest rail operator, Northway Trains,`); none for what a name owns (`Japan's Nikkei
    share average`, `Britain's car output`), whose owner is the target (as with a parse)."""
    texts, low = doc_words(doc), lowers(doc)
    skip = _not_adjectives()
    at = start
    while at < stop and at - start < 3 and texts[at].isalpha() and texts[at].islower():
        if low[at] in skip or singular(low[at]) in skip:
            return None
        at += 1
    # An organisation in apposition (`Britain's largest rail operator, Northway Trains`), not a
    # person (`Northway's chief executive, Helen Marsh`).
    apposition = at > start and at + 1 < stop and texts[at] == ","
    if apposition and singular(low[at - 1]) not in lexicon.words("attribution/org_nouns.txt"):
        return None
    if apposition:
        at += 1
    elif at - start > 2:
        return None
    end = at
    while end < stop and (
        texts[end][:1].isupper()
        or (end > at and texts[end][:1].isdigit())
        or (end > at and end + 1 < stop and texts[end] == "-" and texts[end + 1][:1].isupper())
    ):
        end += 1
    if end == at or not texts[at].isalnum() or low[at] in lexicon.words("attribution/titles.txt"):
        return None  # not a figure (`topped C$3 billion`) or a title
    if low[at] in lexicon.words("attribution/not_names.txt"):
        return None
    if not apposition and not _names_the_thing(doc, end, stop):
        return None
    if end - at == 1 and low[at].endswith(_NATIONALITY_ENDINGS):
        return None  # `BYD's first European car plant`: a nationality, not a name
    return doc[at:end].text


# Endings of English nationality adjectives (`European`, `Canadian`, `Chinese`, `British`).
_NATIONALITY_ENDINGS = ("ean", "ian", "ese", "ish")


@cache
def _not_adjectives() -> frozenset[str]:
    """Words that end the adjectives between `X's` and a name: function words, nouns of what
    a name owns and cue verbs."""
    return _FUNCTION_WORDS | _OWNED_NOUNS | _GROWTH_NOUNS | frozenset(cue_forms())


def _names_the_thing(doc: Doc, end: int, stop: int) -> bool:
    """What follows a possessed name (`Ariane 6 rocket reached`, `ABC will`) shows the name
    is the thing itself: a lower-case word, not a function word, and no noun of what a
    name owns within two words (`Formula One tracking stock fell` is Liberty's)."""
    texts, low = doc_words(doc), lowers(doc)
    if end >= stop or not texts[end].islower() or low[end] in _FUNCTION_WORDS - {"has", "is"}:
        return False
    return not any(singular(w) in _OWNED_NOUNS for w in low[end : min(stop, end + 2)])


def _fullest_known(name: str, ctx: _Context) -> Target:
    """A name the content gives, as the registry knows it or as written."""
    entity = ctx.registry.lookup(name)
    target = _from_entity(entity) if entity is not None else None
    return target or Target(name=name, label=None)


# Capitalised words that own things at a sentence start but are not names (`Today's`).
_TIME_OWNERS = frozenset(
    "today yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday "
    "sunday january february march april may june july august september october november "
    "december".split()
)


def _owner_name(word: str) -> bool:
    """`Canada's`, `Tarvik's` opening a clause: a word that owns something is a name, but
    for a known common word or a day or month (`Today's`, `Monday's`)."""
    lower = word.lower()
    return lower not in lexicon.words("attribution/not_names.txt") and lower not in _TIME_OWNERS


def _short_form(doc: Doc, word: str) -> str | None:
    """`Copperleaf` of `Copperleaf Coffee`: the longer capitalised name that the article
    opens with this word (not a known common word), and that no capitalised word leads
    (not `Bills` of `Energy Bills Support Scheme`)."""
    if word.lower() in lexicon.words("attribution/not_names.txt"):
        return None
    return _longer_names(doc_text(doc)).get(word)


_CAPITALISED_RUN = re.compile(r"(?<!\S)([A-Z][a-z]+)((?: [A-Z][a-z]+)+)")


@lru_cache(maxsize=4)
def _longer_names(text: str) -> dict[str, str]:
    """Each capitalised word of the text -> the longest name (up to three more capitalised
    words, no function word) it opens where no capitalised word, hyphen or possessive leads,
    read in one pass per article."""
    best: dict[str, str] = {}
    for found in _CAPITALISED_RUN.finditer(text):
        word = found.group(1)
        before = text[max(0, found.start() - 40) : found.start()].split()
        lead = before[-1] if before else ""
        if lead[:1].isupper() or lead.endswith(("-", "'s", "’s")):
            continue
        kept = []
        for w in found.group(2).split()[:3]:
            if w.lower() in _FUNCTION_WORDS:
                break
            kept.append(w)
        if kept and len(kept) > len(best.get(word, word).split()) - 1:
            best[word] = " ".join([word, *kept])
    return best


def _capitalised_run(words: Span) -> Target | None:
    """`Red Ridge employs ...`, `The Straits Times Index rose ...`: two or more capitalised
    words opening the clause are a name (a common word is capitalised only as the first),
    unless a title or a known non-name leads (`Chief Executive ...`)."""
    doc, end = words.doc, words.end
    # `Insurance Bureau of the Prairies`: a name of two words or more goes on through `of`
    # (not `Shares of Pelican`, `Britain and India`).
    while end + 1 < len(doc) and doc[end].lower_ == "of" and end - words.start >= 2:
        after = end + 2 if doc[end + 1].lower_ == "the" and end + 2 < len(doc) else end + 1
        if not doc[after].text[:1].isupper():
            break
        end = after
        while end < len(doc) and doc[end].text[:1].isupper() and not doc[end].is_punct:
            end += 1
    if end < len(doc) and (doc[end].text in (",", "-") or doc[end].lower_ in cue_forms()):
        return None  # `Dr Naomi Adeyemi, a consultant ..., said`, `Hong Kong-listed`
    opening = 1 if words[0].lower_ == "the" else 0
    if words.start + opening < len(doc) and doc[words.start + opening].is_stop:
        return None  # `In Iceland`, `For Margaret Doyle`, `Unless July`, `A Falcon 9`
    name = names.org_name(doc[words.start : end].text)
    parts = name.split()
    skip = lexicon.words("attribution/not_names.txt") | lexicon.words("attribution/titles.txt")
    if len(parts) < 2 or parts[0].lower() in skip:
        return None
    if not all(p.isalpha() or p == "of" for p in parts):
        return None
    if parts[0].lower().rstrip(".") in lexicon.words("attribution/honorifics.txt"):
        return Target(name=names.person_name(name), label="PERSON")  # `Dr Naomi Adeyemi`
    return Target(name=_fullest(doc, name), label=None)


def _fullest(doc: Doc, name: str) -> str:
    """`Red Ridge` after `Red Ridge Lithium`: the longest form of the name in the article
    that goes on with capitalised words (not a function word: `Red Ridge In ...`)."""
    text, best = doc_text(doc), name
    at = text.find(name + " ")
    while at >= 0:
        more = []
        for word in text[at + len(name) + 1 :].split(" ", 3)[:3]:
            if not (word.isalpha() and word[:1].isupper()) or word.lower() in _FUNCTION_WORDS:
                break
            more.append(word)
        if more and len(name) + len(" ".join(more)) + 1 > len(best):
            best = name + " " + " ".join(more)
        at = text.find(name + " ", at + 1)
    return best
