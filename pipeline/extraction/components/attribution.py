"""Attribution: for every sentence, who it comes from and how (`direct`, `indirect`, `none`).

Direct speech is a sentence mostly inside a quotation; its speaker is found from the cue
next to the quotation (`"...," said X` / `X said: "..."` / `"...," he said. "..."`), from
the sentences the quotation runs over (also across paragraphs), or, for a quotation with no
cue of its own, from the speaker just before it (a floating quotation). Indirect speech has
a reporting verb with a source as subject (`X said that ...`, `..., X said.`, `X told
reporters ...`) or `according to X`. A sentence with two statements by two speakers gives
two statements.

Writes `doc._.statements`: one or more `Statement` per sentence, in text order.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsclaims.extraction.attribution.cues import (
    OPRD,
    according_to,
    cue_forms,
    cue_kinds,
    cue_lemmas,
    cue_markers,
    cue_of,
)
from newsclaims.extraction.attribution.speakers import Found, SpeakerResolver
from newsclaims.extraction.components.base import Component
from newsclaims.extraction.doctext import doc_text, has_parse, lowers, span_text, tokens
from newsclaims.extraction.extensions import CREDITS, NON_CLAIM, QUOTES
from newsclaims.extraction.intervals import Intervals
from newsclaims.models import Mention, Speaker, Target
from newsclaims.patterns import lexicon

# Share of a sentence's characters inside quotation marks that makes it direct speech.
_DIRECT_SHARE = 0.5
_CLAUSE_DEPS = ("ccomp", "xcomp", "parataxis")
_BLANK_SKIP = frozenset(
    "also previously later earlier then has had have was is were separately further "
    "would will recently once repeatedly".split()
)
_COORD = frozenset({"and", "but", "then", "or"})
_CLOSERS = frozenset({",", '"', "\u201d", "'", "\u2019", ";", "\u2014", "\u2013"})
_STOP = frozenset(
    {",", ";", ":", ".", "!", "?", '"', "\u201c", "\u201d", "(", ")", "\u2014", "\u2013", "'"}
    | {"\u2018", "\u2019"}
)
_MAX_SUBJECT_TOKENS = 10
# Prepositions whose participle shares the subject of the verb they attach to.
_BY_SAYING = frozenset({"by", "after", "before", "while", "when"})
_BE = frozenset("be been being is are was were am".split())
_PRONOUNS = frozenset({"he", "she", "they", "it"})


@dataclass
class Statement:
    """One claim candidate: a sentence, or one speaker's part of a sentence."""

    start: int
    end: int
    sentence: int
    paragraph: int
    part: int = 0
    attribution: str = "none"
    speaker: Speaker | None = None
    cue: str | None = None
    cue_token: int | None = None
    content: int | None = None  # token index of the head of the reported content
    target: Target | None = None
    modality: str = "asserted"
    non_claim: bool = False
    question: bool = False
    entity: object | None = field(default=None, repr=False)


@dataclass
class Cue:
    token: Token
    lemma: str
    subject: Token | Span | None
    content: Token | None


@Language.factory("newsclaims_attribution", default_config={})
def make_attribution(nlp: Language, name: str) -> Attribution:
    return Attribution()


class Attribution(Component):
    """Finds the statements of every sentence."""

    name = "newsclaims_attribution"

    def annotate(self, doc: Doc) -> None:
        doc._.statements = attribute(doc)


def sentences(doc: Doc) -> list[Span]:
    """The sentences of a doc without surrounding white space."""
    out = []
    toks = tokens(doc)
    for sent in doc.sents:
        start, end = sent.start, sent.end
        while start < end and toks[start].is_space:
            start += 1
        while end > start and toks[end - 1].is_space:
            end -= 1
        if start < end:
            out.append(doc[start:end])
    return out


def _with_credits(sents: list[Span], credits: list[Span]) -> list[Span]:
    """A speaker label or a signature the parser split off (`PENCE:` / `Well, ...`,
    `"... shame."` / `\u2015 Sonya Herridge`) joins the sentence it credits."""
    if not credits:
        return sents
    out: list[Span] = []
    pending: Span | None = None  # a label waiting for the sentence it opens
    for sent in sents:
        inside = next((c for c in credits if c.start <= sent.start and sent.end <= c.end + 1), None)
        if pending is not None:
            sent = sent.doc[pending.start : sent.end]
            pending = None
        elif inside is not None and inside.label_ == "signature" and out:
            out[-1] = sent.doc[out[-1].start : sent.end]
            continue
        if inside is not None and inside.label_ == "speaker_label" and sent.end <= inside.end:
            pending = sent
            continue
        out.append(sent)
    if pending is not None:
        out.append(pending)
    return out


# A quotation that ends in `?` or `!` and closes there: the segmenter may end the sentence.
_SPLIT_QUOTE_END = re.compile(r"[?!][\"\u201d\u2019']\s*$")
_FRAME_WORDS = 12  # the longest frame of a quotation (`Sam Reyes, a ranger, asked on Monday.`)
_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d"})


def _with_frames(sents: list[Span], *, parsed: bool) -> list[Span]:
    """A quotation ending in `?` or `!` that the segmenter split from the words framing it
    (`"We will not back down!"` / `the union's leader, Ana Lee, told the crowd.`) joins
    them: one sentence (guide section 1), whose cue credits the quotation. The frame opens
    in lower case, or is short, holds no quotation and has a cue verb that reports no clause
    of its own (`Sam Reyes, a ranger, asked on Monday.`)."""
    out: list[Span] = []
    for sent in sents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _SPLIT_QUOTE_END.search(prev_text := span_text(prev))
            and prev_text[:1] in _QUOTE_MARKS
            and "\n" not in doc_text(sent.doc)[prev.end_char : sent.start_char]
            and _is_frame(sent, parsed=parsed)
        ):
            out[-1] = sent.doc[prev.start : sent.end]
            continue
        out.append(sent)
    return out


def _is_frame(sent: Span, *, parsed: bool) -> bool:
    """Whether a sentence only frames the quotation before it (see `_with_frames`)."""
    text = span_text(sent)
    if text[:1].islower():
        return True  # `he added.`, `said Sam Reyes.`
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words or len(words) > _FRAME_WORDS or any(t.text in _QUOTE_MARKS for t in sent):
        return False
    if not text.rstrip().endswith("."):
        return False
    for token in words[1:]:
        hit = cue_of(token, parsed=parsed)
        if hit is None or hit[1] not in ("speech", "quote"):
            continue
        if parsed:
            if token.dep_ != "ROOT" or any(
                c.dep_ in ("ccomp", "xcomp", "parataxis") or c.lower_ == "that"
                for c in token.children
            ):
                return False
            return any(c.dep_ == "nsubj" for c in token.children)
        after = token.nbor(1) if token.i + 1 < sent.end else None
        return after is None or after.lower_ not in ("that", "to", "if", "whether")
    return False


def attribute(doc: Doc) -> list[Statement]:
    parsed = doc.has_annotation("DEP")
    resolver = SpeakerResolver(doc, doc._.registry)
    sents = _with_frames(
        _with_credits(sentences(doc), list(doc.spans.get(CREDITS, []))), parsed=parsed
    )
    paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n+", doc_text(doc))]
    group = doc.spans[QUOTES] if QUOTES in doc.spans else None
    quotes = list(group) if group is not None else []
    member = {i: c[0] for c in (group.attrs.get("chains", []) if group else []) for i in c}
    speech = [(member.get(i, i), q) for i, q in enumerate(quotes) if q.label_ == "speech"]
    non_claim = [(s.start_char, s.end_char) for s in doc.spans.get(NON_CLAIM, [])]

    info = []
    insides: list[list[tuple[int, int]]] = []
    for sent in sents:
        regions = [
            (chain, q)
            for chain, q in speech
            if q.start_char < sent.end_char and q.end_char > sent.start_char
        ]
        inside = [(q.start_char, q.end_char) for _, q in regions]
        cues = _cues(sent, parsed=parsed, inside=inside)
        chains = sorted({chain for chain, _ in regions})
        info.append((sent, cues, _is_direct(sent, inside), chains))
        insides.append(inside)

    chain_speaker: dict[int, tuple[Found, str]] = {}
    credits = _Credits(doc, paragraph_starts, resolver)
    statements: list[Statement] = []
    for k, (sent, cues, direct, chains) in enumerate(info):
        paragraph = bisect.bisect_right(paragraph_starts, sent.start_char) - 1
        base = dict(
            start=sent.start_char,
            end=sent.end_char,
            sentence=k,
            paragraph=paragraph,
            non_claim=any(s <= sent.start_char < e for s, e in non_claim),
            question=span_text(sent).rstrip("\"'\u201d\u2019 )").endswith("?")
            or credits.asks(paragraph),
        )
        # A cue whose subject names no source (`Not everyone agrees: an executive said
        # ...`) does not hide the cues inside what it governs.
        resolved = [(c, _resolve(c, resolver, k, parsed)) for c in cues]
        sources = _dominant([c for c, f in resolved if f is not None])
        found_cues = [(c, f) for c, f in resolved if f is not None and c in sources]
        credit = (
            None
            if found_cues or base["non_claim"]
            else credits.of(paragraph, k, sent.start_char, sent.end_char)
        )
        if credit is not None:
            # A labelled transcript line (`PENCE: Well, ...`) or a signed pull quote
            # (`"We will rebuild." \u2015 Dana Cole`): the speaker's own words.
            if _one_word(sent, credits.spans.get(paragraph, [])):
                base["non_claim"] = True  # `A: No.`: a verbless one-word answer (guide 8)
            statements.append(
                Statement(
                    **base,
                    attribution="direct",
                    speaker=credit.speaker,
                    content=_root_outside(sent, credits.spans.get(paragraph, [])),
                    entity=credit.entity,
                )
            )
            if chains:
                chain_speaker.setdefault(chains[0], (credit, None))
            resolver.remember(credit, k)
            continue
        if direct and chains:
            chain = chains[0]
            if chain not in chain_speaker:
                hit = _chain_cue(chain, info, k, resolver, parsed)
                if hit is not None:
                    chain_speaker[chain] = hit
            if found_cues:
                # `"...," Barra said, adding that ...`: the cue of the quotation, not the
                # participle that continues it.
                cue, found = min(found_cues, key=lambda pair: (pair[0].token.tag_ == "VBG",))
                lemma = cue.lemma
            elif (intro := _colon_intro(sent, insides[k], resolver, k)) is not None:
                # `Clinton has since apologized for what happened: "Yes, I should ..."`.
                found, lemma, cue = intro[0], intro[1], None
                chain_speaker[chain] = (found, lemma)
            elif chain in chain_speaker:
                found, lemma = chain_speaker[chain]
                found = Found(found.speaker.model_copy(update={"mention": None}), found.entity)
                cue = None
            else:
                # `"...," she said` with no `she` to be found: not a man named just before.
                gender = _pronoun_gender(cues)
                found, lemma, cue = (
                    resolver.floating(k, at=sent.start_char, gender=gender),
                    None,
                    None,
                )
                if found is not None:
                    lemma = statements[-1].cue if statements else None
                    lemma = None if lemma == "according to" else lemma
                    chain_speaker[chain] = (found, lemma)
            statements.append(
                Statement(
                    **base,
                    attribution="direct",
                    speaker=found.speaker if found is not None else None,
                    cue=lemma if found is not None else None,
                    cue_token=cue.token.i if cue is not None else None,
                    content=_content_of_quote(sent, cue),
                    entity=found.entity if found is not None else None,
                )
            )
            resolver.remember(found, k, end=sent.end_char)
            continue
        if not found_cues:
            # `He told Bloomberg that ...` with no one for `he` to be: attributed, to no one
            # we can name.
            orphan = next((c for c in _dominant(cues) if _pronoun_subject(c)), None)
            if orphan is not None:
                statements.append(
                    Statement(
                        **base,
                        attribution="indirect",
                        cue=orphan.lemma,
                        cue_token=orphan.token.i,
                        content=orphan.content.i if orphan.content is not None else _root(sent),
                    )
                )
            else:
                statements.append(Statement(**base, content=_root(sent)))
            continue
        for part, (cue, found) in enumerate(_by_speaker(found_cues)):
            statements.append(
                Statement(
                    **base,
                    part=part,
                    attribution="indirect",
                    speaker=found.speaker,
                    cue=cue.lemma,
                    cue_token=cue.token.i,
                    content=_statement_content(sent, cue),
                    entity=found.entity,
                )
            )
            voice = cue.lemma != "according to" and found.speaker.kind != "document"
            resolver.remember(found, k, end=sent.end_char, voice=voice)
    return statements


class _Credits:
    """Speakers credited by layout (`doc.spans["nc_credits"]`): a `speaker_label` opening
    a paragraph credits that paragraph, a `signature` the quotation just before it in its
    paragraph, a `credit_line` the quotation in the paragraph before it. A label counts
    when it names a person or when it is one of a transcript's labels in capitals
    (`WALLACE:`, `PENCE:`); a credit line only when it names a person."""

    def __init__(self, doc: Doc, paragraph_starts: list[int], resolver: SpeakerResolver):
        self.resolver = resolver
        self.spans: dict[int, list[Span]] = {}
        labels = 0
        for span in doc.spans.get(CREDITS, []):
            paragraph = bisect.bisect_right(paragraph_starts, span.start_char) - 1
            if span.label_ == "credit_line":
                paragraph -= 1
            self.spans.setdefault(paragraph, []).append(span)
            labels += span.label_ == "speaker_label" and span.text.isupper()
        # A transcript: two or more paragraphs open with a label in capitals.
        self.transcript = labels > 1
        self.found: dict[int, Found | None] = {}

    def asks(self, paragraph: int) -> bool:
        """Whether the paragraph is a question turn of a transcript (`Q: ...`): none of its
        sentences is a claim, even one with a figure (guide section 8, Interviews)."""
        for span in self.spans.get(paragraph, ()):
            if span.label_ == "speaker_label" and span.text.isupper():
                return self._turn(span) == "question"
        return False

    def _turn(self, span: Span) -> str | None:
        """The turn a transcript's capitalised label opens (`question`, `answer`), else None."""
        if not (span.label_ == "speaker_label" and self.transcript and span.text.isupper()):
            return None
        name = _label_words(span)
        if name is None:
            return None
        return lexicon.table("attribution/interview_labels.tsv").get(name.text.lower())

    def of(self, paragraph: int, sentence: int, start: int, end: int) -> Found | None:
        """The credited speaker of the sentence from `start` to `end`, if any; with the
        mention only when the sentence holds it (a claim holds the words it names)."""
        spans = self.spans.get(paragraph)
        if not spans:
            return None
        # The first signature in or after the sentence signs it; else a label or credit line.
        span = next(
            (s for s in spans if s.label_ == "signature" and s.end_char > start),
            next((s for s in spans if s.label_ != "signature"), None),
        )
        if span is None:
            return None
        if span.start not in self.found:
            self.found[span.start] = self._resolve(span, sentence)
        found = self.found[span.start]
        if found is None:
            return None
        if start <= span.start_char < end:
            if found.speaker.mention is None:
                # `A: It grew ...`: the label is the words of this claim that credit it.
                label = _label_words(span)
                if label is not None:
                    mention = Mention(text=label.text, start=label.start_char, end=label.end_char)
                    return Found(
                        found.speaker.model_copy(update={"mention": mention}), found.entity
                    )
            return found
        return Found(found.speaker.model_copy(update={"mention": None}), found.entity)

    def _resolve(self, span: Span, sentence: int) -> Found | None:
        name = _label_words(span)
        if name is None:
            return None
        if span.label_ == "speaker_label" and self.transcript and span.text.isupper():
            role = self._turn(span)
            if role == "answer":  # `A: ...`: the interviewee's (guide section 8)
                return self._interviewee()
            if role == "question":
                return None
            return self.resolver.named(name, label="PERSON")
        if span.label_ != "signature" and not self._names_person(name):
            return None  # `Rebuilding Plans` after a quotation is a heading
        found = self.resolver.from_words(name, sentence=sentence)
        if found is None or found.speaker.kind in ("anonymous", "document"):
            return None
        return found if found.speaker.kind == "person" or span.label_ == "signature" else None

    def _interviewee(self) -> Found | None:
        """The person a Q&A interviews: the one the article names most often (the first
        named among equals)."""
        people = [e for e in self.resolver.registry.people() if e.mentions]
        if not people:
            return None
        entity = max(people, key=lambda e: (len(e.mentions), -min(e.mentions)))
        return Found(SpeakerResolver._person(entity, None), entity)

    def _names_person(self, name: Span) -> bool:
        """A person by the NER, a common given name, an honorific before a name, or a
        person the article named."""
        if any(t.ent_type_ == "PERSON" for t in name):
            return True
        if name[0].lower_ in lexicon.words("attribution/given_names.txt"):
            return True
        honorifics = lexicon.words("attribution/honorifics.txt")
        if len(name) >= 2 and name[0].lower_.rstrip(".") in honorifics:
            # `Mayor Dana Cole:`, `Dr. Ana Lee:`: an honorific before a name.
            return all(t.text[:1].isupper() for t in name if t.text != ".")
        return self.resolver.registry.lookup(name.text, kind="person") is not None


_DASHES = frozenset({"\u2015", "\u2014", "\u2013", "--", "-"})


def _label_words(span: Span) -> Span | None:
    """The name of a speaker label, signature or credit line, without dashes and what
    follows a comma or colon (`\u2015 Dana Cole, mayor` -> `Dana Cole`, `A:` -> `A`)."""
    words = [t for t in span if t.text not in _DASHES and not t.is_space]
    end = next((i for i, t in enumerate(words) if t.text in (",", ":")), len(words))
    if not end:
        return None
    return span.doc[words[0].i : words[end - 1].i + 1]


def _is_direct(sent: Span, inside: list[tuple[int, int]]) -> bool:
    """Direct speech: mostly quoted, or a quotation that opens the sentence or follows a
    colon or comma (`X said: "..."`, `"...," said X, the chief executive`). A short quoted
    fragment inside reported speech (`said it would "not back down"`) is not."""
    text = doc_text(sent.doc)
    inside = [(s, e) for s, e in inside if any(ch.isalnum() for ch in text[s:e])]
    if not inside:
        return False
    covered = sum(min(e, sent.end_char) - max(s, sent.start_char) for s, e in inside)
    if covered / (len(span_text(sent).replace(" ", "")) or 1) >= _DIRECT_SHARE:
        return True
    for s, _e in inside:
        before = text[sent.start_char : max(s, sent.start_char)].rstrip()
        if not before or before.endswith((":", ",")):
            return True
    return False


def _colon_intro(
    sent: Span, inside: list[tuple[int, int]], resolver: SpeakerResolver, k: int
) -> tuple[Found, str | None] | None:
    """`X <verb> ...: "<quotation>"` in one sentence, with no reporting verb: the subject of
    the clause the colon ends introduces the quotation (issue 11, colon-led quotations).
    Only a named person or organisation (`The message was: "..."` names no one)."""
    doc = sent.doc
    if not has_parse(doc) or not inside:
        return None
    first_quote = min(s for s, _e in inside)
    colon = next(
        (t for t in sent if t.text == ":" and t.idx < first_quote and not _in(t.idx, inside)),
        None,
    )
    if colon is None or doc_text(doc)[colon.idx + 1 : first_quote].strip():
        return None  # the quotation must follow the colon
    # The head of the words before the colon: the parser may hang it on the quotation.
    tops = [
        t
        for t in doc[sent.start : colon.i]
        if (t.head.i >= colon.i or t.head.i == t.i) and t.pos_ in ("VERB", "AUX")
    ]
    if len(tops) != 1:
        return None
    verb = tops[0]
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or _in(subject.idx, inside):
        return None
    found = resolver.from_head(subject, sentence=k)
    if found is None or found.speaker.kind not in ("person", "organization"):
        return None
    lemma = verb.lemma_.lower()
    return found, (None if lemma in _BE else lemma)


def _in(offset: int, inside: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in inside)


def _chain_cue(chain, info, k, resolver, parsed) -> tuple[Found, str] | None:
    """The cue of a quotation: in a sentence it runs over, or a colon intro just before it."""
    sentences_of_chain = [j for j, row in enumerate(info) if chain in row[3]]
    for j in sentences_of_chain:
        for cue in _dominant(info[j][1]):
            found = _resolve(cue, resolver, k, parsed)
            if found is not None:
                return found, cue.lemma
    first = sentences_of_chain[0] if sentences_of_chain else k
    if first > 0:
        sent, cues, _direct, _chains = info[first - 1]
        # `"...," she said` that found no `she`: not the man whose cue comes just before.
        gender = _pronoun_gender([c for j in sentences_of_chain for c in info[j][1]])
        if span_text(sent).rstrip().endswith((":", ",")) or first == k:
            for cue in _dominant(cues):
                if cue.lemma == "according to":
                    continue  # a source cited for a figure speaks no quotation after it
                found = _resolve(cue, resolver, k, parsed)
                if (
                    found is not None
                    and found.speaker.kind != "document"
                    and _agrees(found, gender)
                ):
                    return found, cue.lemma
    return None


def _agrees(found: Found, gender: str | None) -> bool:
    """Whether a speaker can be the `he`/`she` of `gender` (any speaker when None)."""
    entity = found.entity
    if gender is None:
        return True
    if found.speaker.kind != "person":
        return False
    return entity is None or entity.gender in (None, gender) or entity.weak_gender


def _by_speaker(found_cues: list[tuple[Cue, Found]]) -> list[tuple[Cue, Found]]:
    """One statement per distinct speaker, in text order. Of one speaker's cues the one
    that governs the reported clause wins (`mentioned the goal ... and said he expects`)."""
    best: dict[tuple[str, str], tuple[Cue, Found]] = {}
    for cue, found in found_cues:
        key = (found.speaker.kind, found.speaker.name.lower())
        if key not in best or _rank(cue) < _rank(best[key][0]):
            best[key] = (cue, found)
    return sorted(best.values(), key=lambda pair: pair[0].token.i)


def _rank(cue: Cue) -> tuple[int, int, int]:
    return (cue.content is None, cue.lemma != "say", cue.token.i)


def _pronoun_gender(cues: list[Cue]) -> str | None:
    """The gender of the first `he`/`she` subject of the cues, if any: `m` or `f`."""
    for cue in cues:
        word = _one_word_subject(cue)
        if word in ("he", "she"):
            return "m" if word == "he" else "f"
    return None


def _pronoun_subject(cue: Cue) -> bool:
    return _one_word_subject(cue) in _PRONOUNS


def _one_word_subject(cue: Cue) -> str | None:
    """The cue's subject, lower case, when it is one word (a head, or words of one token)."""
    subject = cue.subject
    if isinstance(subject, Span):
        return subject[0].lower_ if len(subject) == 1 else None
    return subject.lower_ if subject is not None else None


def _resolve(cue: Cue, resolver: SpeakerResolver, k: int, parsed: bool) -> Found | None:
    if cue.subject is None:
        return None
    if isinstance(cue.subject, Span):
        found = resolver.from_words(cue.subject, sentence=k)
        if found is None and _blank_reports(cue):
            found = resolver.unnamed_words(cue.subject, cue.lemma)
        return found
    found = resolver.from_head(cue.subject, sentence=k)
    if (
        found is None
        and cue.content is not None
        and not (
            cue_kinds().get(cue.lemma) == "quote"
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.token.children)
        )
    ):
        # Only with a reported clause: not `The film tells the story of a farm`, nor
        # `..., as demand continued to outstrip supply` (but `..., as some liberals hope`).
        found = resolver.unnamed(cue.subject, cue.token, cue.lemma)
    return found


def _blank_reports(cue: Cue) -> bool:
    """Without a parse, a cue that reports a clause: `that` or a quotation follows it, it
    closes the sentence after a comma (`..., opponents say.`), or it is `say`, which always
    reports (not `tells the story`)."""
    if cue.lemma == "say":
        return True
    doc = cue.token.doc
    after = doc[cue.token.i + 1] if cue.token.i + 1 < len(doc) else None
    return (
        after is None or after.lower_ in ("that", ":") or after.text in _CLOSERS | {".", "\u201c"}
    )


# -- cue finding ------------------------------------------------------------------------------


def _cues(sent: Span, *, parsed: bool, inside: list[tuple[int, int]]) -> list[Cue]:
    out: list[Cue] = []
    doc = sent.doc
    quoted = Intervals(inside)
    toks = tokens(doc)
    forms = None if parsed else cue_forms()
    low = lowers(doc)
    for i in range(sent.start, sent.end):
        if forms is not None and low[i] not in forms:
            continue  # without a parse only a cue verb's forms can be cues (`cue_of`)
        tok = toks[i]
        if quoted.contains(tok.idx):
            continue
        hit = cue_of(tok, parsed=parsed)
        if hit is None and parsed and _tags_quotation(tok):
            hit = (tok.lemma_.lower(), "quote")
        if hit is None:
            continue
        lemma, kind = hit
        if parsed:
            subject = _subject(tok)
            if subject is not None and quoted.contains(subject.idx):
                # `"Anybody who attacks him ...," said Louise Sunshine`: words inside the
                # quotation are what is said, never who says it.
                subject = next(
                    (c for c in tok.children if c.dep_ == "nsubj" and not quoted.contains(c.idx)),
                    None,
                ) or _phrase_after(tok, own_subject=True)
            if subject is None:
                continue
            content = _content(tok, kind)
            if content is None and not _attributes_alone(tok, kind, inside):
                continue
            out.append(Cue(tok, lemma, subject, content))
        else:
            if kind != "speech" and i > sent.start and low[i - 1] in _BE:
                continue  # passive: `owners will be notified`, `residents were asked`
            if kind != "speech" and i > sent.start and low[i - 1] == "to":
                continue  # an infinitive: `declined to comment`, `plans to announce`
            if i > sent.start and _blank_noun_form(doc, i):
                continue  # `the United States`, `in five states`, `his claims`
            subject = _blank_subject(sent, tok)
            if subject is None:
                continue
            if kind != "speech" and not _blank_attributes(sent, tok, subject, inside, kind):
                continue
            out.append(Cue(tok, lemma, subject, None))
    for acc in according_to(sent):
        if quoted.contains(acc.idx):
            continue
        if parsed:
            to = acc.doc[acc.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if objs:
                out.append(Cue(acc, "according to", objs[0], _verb_above(acc)))
        else:
            words = _run_after(sent, acc.i + 2)
            if words is not None:
                words = _name_after_description(sent, words) or words
                out.append(Cue(acc, "according to", words, None))
    return sorted(out, key=lambda c: c.token.i)


_QUOTE_END = frozenset({",", "?", "!", "\u2014"})


def _tags_quotation(verb: Token) -> bool:
    """`"The way I see it," she elaborated, "..."`, `"Go back," Trump barked`: a past or
    present verb right after a quotation that ends in a comma (or `?`, `!`, a dash), its
    subject a pronoun or a name on one side of it, and no object, is the quotation's
    reporting verb whether or not the lexicon lists it (manner-of-speaking verbs are an
    open class)."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBN"):
        return False
    if verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False  # `barked` tagged a participle is still the main verb; `was barked` not
    if any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") and c.i > verb.i
        for c in verb.children
    ):
        return False
    doc = verb.doc
    i = verb.i

    def quote_end(k: int) -> bool:
        return k >= 1 and _closes_quote(doc[k]) and doc[k - 1].text in _QUOTE_END

    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("PRON", "PROPN") or subject.lower_ in ("it", "that"):
        return False
    if subject.i < i:  # `"...," she elaborated`: quotation, subject, verb
        return (
            subject.left_edge.i >= 1
            and quote_end(subject.left_edge.i - 1)
            and (max(t.i for t in subject.subtree) == i - 1)
        )
    return quote_end(i - 1)  # `"...," elaborated Ana Lee`


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return _inverted_between_commas(verb, child) or child
    inverted = _inverted_source(verb)
    if inverted is not None:
        return inverted
    left = _subject_hung_elsewhere(verb)
    if left is not None:
        return left
    if verb.dep_ == "conj" or (verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG"):
        if verb.head.i != verb.i:
            return _subject(verb.head)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in _BY_SAYING:
        # `Obama responded by saying ...`, `began by saying`, `after saying`.
        governor = verb.head.head
        if governor.i != verb.head.i and governor.pos_ in ("VERB", "AUX"):
            return _subject(governor)
    return _subject_left_of(verb)


_RELATIVES = frozenset({"who", "which", "whose"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _subject_left_of(verb: Token) -> Token | None:
    """`Alarmed by the unrest, Senator Ana Reyes, the minority leader, said ...`, `..., former
    mayor Tom Ortiz said ...`, `Lee, meanwhile, who chairs the panel, said ...`: a main-clause
    cue the parser left without a subject, its source hung on an earlier word (a conjunct or
    an apposition of a name before it). The source is the name that ends right before the
    cue, past appositions, relative clauses, ages and adverbs set off by commas."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    doc = verb.doc
    start = verb.sent.start
    end = verb.i  # the source ends right before this token
    for _ in range(4):
        if end <= start or doc[end - 1].text != ",":
            break
        comma = end - 1
        left = comma - 1
        while left >= start and doc[left].text != ",":
            left -= 1
        if not _set_off(doc[left + 1 : comma]):
            end = comma
            break
        if left < start:
            return None
        end = left + 1
    else:
        return None
    if end <= start:
        return None
    token = doc[end - 1]
    if token.pos_ != "PROPN" and not (token.pos_ == "NOUN" and token.text[:1].isupper()):
        return None
    if token.ent_type_ and token.ent_type_ not in ("PERSON", "ORG", "NORP"):
        return None
    if token.i == start and token.pos_ != "PROPN" and not token.ent_type_:
        return None  # `Officials, ...`: a common noun capitalised as the sentence opens
    return token


def _set_off(segment: Span) -> bool:
    """Words set off by commas that describe the name before them: an apposition (`the
    minority leader`), a relative clause (`who chairs the panel`), an age (`48`), an adverb
    (`meanwhile`)."""
    words = [t for t in segment if not t.is_space]
    if not words:
        return False
    first = words[0]
    if first.lower_ in _RELATIVES:
        return True
    if len(words) == 1 and (first.like_num or first.pos_ == "ADV"):
        return True
    return first.is_lower and not any(t.tag_ in _FINITE for t in words)


def _inverted_source(verb: Token) -> Token | None:
    """`The bill is flawed, cautioned Ray Holt.`: in inverted order after what was said,
    the parser often takes the named source for the cue's object."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text not in _CLOSERS:
        return None
    clause_before = any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children)
    # `The plant was safe, recalled Ana Lee.`: or parsed as a conjunct of what was said.
    if not clause_before and not (verb.dep_ == "conj" and verb.head.i < verb.i):
        return _phrase_after(verb)
    for child in verb.children:
        if child.dep_ in ("dobj", "attr") and child.i > verb.i and child.pos_ == "PROPN":
            return child
    return _phrase_after(verb)


def _closes_quote(token: Token) -> bool:
    return token.tag_ == "''" or token.text in ("\u201d", "''")


def _inverted_between_commas(verb: Token, subject: Token) -> Token | None:
    """`And Trump, said Sunshine, who remains friendly ..., doesn't forgive`: a cue set off
    by commas in mid-sentence with a name right after it; the parser took the subject of
    the reported clause, before the comma, for the cue's."""
    doc = verb.doc
    if subject.i > verb.i or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    if max(t.i for t in subject.subtree if not t.is_punct) >= verb.i - 1:
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i < verb.i for c in verb.children):
        return None
    after = _noun_phrase_head(verb)
    if after is None or after.pos_ != "PROPN":
        return None
    end = after.i + 1
    while end < len(doc) and doc[end].dep_ in ("flat", "compound") and doc[end].head.i == after.i:
        end += 1
    return after if end < len(doc) and doc[end].text == "," else None


def _noun_phrase_head(verb: Token) -> Token | None:
    """The head of the noun phrase that starts right after `verb`, if one does."""
    doc = verb.doc
    if verb.i + 1 >= len(doc):
        return None
    token = doc[verb.i + 1]
    if token.pos_ not in ("PROPN", "NOUN", "DET", "ADJ"):
        return None
    while (
        token.dep_ in ("compound", "det", "amod", "flat", "nummod")
        and verb.i < token.head.i <= verb.i + 6
    ):
        token = token.head
    return token if token.pos_ in ("PROPN", "NOUN") and token.i <= verb.i + 6 else None


def _phrase_after(verb: Token, *, own_subject: bool = False) -> Token | None:
    """`"...," said David Brock, a confidant who ...`: in inverted order right after a
    quotation the parser may hang the source on a later verb; the noun phrase that starts
    right after the cue is its source (its head: `Brock`, `an executive` -> `executive`).
    With `own_subject`, also when the parser gave the cue a subject (inside the quotation)."""
    doc = verb.doc
    if verb.i < 2 or not (_closes_quote(doc[verb.i - 1]) or _closes_quote(doc[verb.i - 2])):
        return None
    if not own_subject and any(c.dep_ == "nsubj" for c in verb.children):
        return None
    return _noun_phrase_head(verb)


def _subject_hung_elsewhere(verb: Token) -> Token | None:
    """`..., a White House official who spoke anonymously said Wednesday, "..."`: a source
    with a relative clause just before its cue, which the parser hung on an earlier noun
    (as an apposition), leaving the cue without a subject."""
    doc = verb.doc
    if verb.i == 0 or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    token = doc[verb.i - 1]
    steps = 0
    while token.dep_ not in ("relcl", "acl") and token.head.i != token.i and steps < 8:
        if token.head.i >= verb.i:
            return None
        token = token.head
        steps += 1
    if token.dep_ not in ("relcl", "acl") or token.i > verb.i:
        return None
    noun = token.head
    if noun.i >= verb.i or noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("appos", "conj"):
        return None
    if any(t.text in ("\u201d", '"', "''") for t in doc[noun.i : verb.i]):
        return None
    return noun


def _content(verb: Token, kind: str) -> Token | None:
    """The head of what the cue reports: its clause, or the clause it stands after."""
    # `that` and `quote` cues report no infinitive (`continued to rise`, `agreed to buy`).
    deps = ("ccomp", "parataxis") if kind in ("that", "quote") else _CLAUSE_DEPS
    for child in verb.children:
        if child.dep_ in deps:
            return child
    if kind == "speech":
        # `Yu said at the time, when asked ..., that there would be ...`: a `that` clause
        # the parser hung lower down still reports what was said.
        # A `relcl` with `that` as its marker is such a clause misread as a relative one
        # (`told analysts on a call that the group expected ...`).
        for token in verb.subtree:
            if token.dep_ in ("ccomp", "relcl") and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in token.children
            ):
                return token
    if kind != "that" and verb.dep_ == "advcl" and verb.head.i != verb.i:
        # `As the Times noted, Clinton raised ...`, `..., as some liberals hope`.
        if any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            return verb.head
    if kind != "that" and _parenthetical(verb):
        # `..., she continued.`, but not `..., as demand continued to outstrip supply`.
        if kind != "quote" or not any(c.dep_ in ("xcomp", "dobj", "mark") for c in verb.children):
            return verb.head
    return None


def _parenthetical(verb: Token) -> bool:
    """`Sales rose, he said.` parsed with the cue under the clause it reports: the cue
    comes after that clause, behind a comma or a closing quotation mark."""
    if verb.dep_ not in ("parataxis", "ccomp", "advcl", "conj"):
        return False
    doc = verb.doc
    left, right = verb.left_edge.i, verb.right_edge.i
    if verb.head.i > verb.i:
        # In mid-sentence between commas: `But, Carson added, he did not ...`.
        before = doc[left] if doc[left].is_punct else doc[left - 1] if left > 0 else None
        after = (
            doc[right] if doc[right].is_punct else doc[right + 1] if right + 1 < len(doc) else None
        )
        return (
            before is not None
            and after is not None
            and before.text in (",", "\u2014")
            and after.text in (",", "\u2014")
            and not any(c.dep_ in ("mark", "dobj", "xcomp", "ccomp") for c in verb.children)
        )
    if doc[left].text in _CLOSERS and doc[left].head.i == verb.i and left < verb.i:
        return True  # `..., he noted, so ...`: the comma before the cue hangs on it
    return left > 0 and doc[left - 1].text in _CLOSERS


def _attributes_alone(verb: Token, kind: str, inside: list[tuple[int, int]]) -> bool:
    """A cue with no reported clause still attributes: `say`/`tell` always, a cue next to
    a quotation, a statement verb with its noun object (`reported a profit of ...`), a cue
    with one of its markers (`called for an inquiry`, `called the charges baseless`)."""
    if kind == "speech":
        return True
    markers = cue_markers().get(verb.lemma_.lower())
    if markers and any(
        (c.dep_ == OPRD and OPRD in markers)
        or (c.dep_ in ("prep", "prt", "dative") and c.lower_ in markers)
        for c in verb.children
    ):
        return True
    doc = verb.doc
    near = doc[max(0, verb.i - 4) : verb.i + 3]
    if any(s <= t.idx < e for t in near for s, e in inside):
        return True
    after = next((t for t in doc[verb.i + 1 : verb.i + 3] if not t.is_space), None)
    if after is not None and after.text == ":":
        return True  # `Breitbart News responded:` before the quotation it introduces
    return kind == "object" and any(c.dep_ == "dobj" for c in verb.children)


def _verb_above(token: Token) -> Token | None:
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head if head.i != token.i else None


def _dominant(cues: list[Cue]) -> list[Cue]:
    """Cues not inside another cue's reported content (`said he expects`: only `said`)."""
    return [c for c in cues if not any(_reports(o, c) and not _reports(c, o) for o in cues)]


def _reports(cue: Cue, other: Cue) -> bool:
    """`other` stands inside what `cue` reports."""
    if cue is other or cue.content is None:
        return False
    content = cue.content
    return content.left_edge.i <= other.token.i <= content.right_edge.i


def _root(sent: Span, cue: Cue | None = None) -> int | None:
    if not has_parse(sent.doc):
        return None
    root = sent.root
    if cue is not None and root == cue.token:
        for child in root.children:
            if child.dep_ in _CLAUSE_DEPS:
                return child.i
    return root.i


def _one_word(sent: Span, spans: list[Span]) -> bool:
    """Whether a credited line says one word outside its label (`A: No.`, `A: Absolutely.`)."""
    words = [
        t
        for t in sent
        if not t.is_punct and not t.is_space and not any(s.start <= t.i < s.end for s in spans)
    ]
    return len(words) == 1 and words[0].is_alpha


def _root_outside(sent: Span, spans: list[Span]) -> int | None:
    """The head of a sentence's words outside its speaker label or signature (`PENCE:
    Well, the plant will close` -> `close`)."""
    if not has_parse(sent.doc):
        return None

    def credited(token: Token) -> bool:
        return any(s.start <= token.i < s.end for s in spans)

    heads = [
        t
        for t in sent
        if not credited(t)
        and not t.is_punct
        and (t.head == t or credited(t.head) or not sent.start <= t.head.i < sent.end)
    ]
    if not heads:
        return _root(sent)
    best = max(heads, key=lambda t: (t.pos_ in ("VERB", "AUX"), len(list(t.subtree))))
    return best.i


def _statement_content(sent: Span, cue: Cue) -> int | None:
    """The head of what a statement is about: the reported clause, else for a statement
    verb with an object (`Strata Cloud reported revenue of ...`) the cue's own clause."""
    if cue.content is not None:
        return cue.content.i
    if not has_parse(sent.doc):
        # Without a parse there is no tree to walk (and walking one that sentence starts
        # were written into can crash spaCy).
        return None
    if any(c.dep_ == "dobj" for c in cue.token.children):
        return cue.token.i
    return _root(sent, cue)


def _content_of_quote(sent: Span, cue: Cue | None) -> int | None:
    if cue is not None and cue.content is not None:
        return cue.content.i
    return _root(sent, cue)


# -- without a parse ---------------------------------------------------------------------------


def _blank_subject(sent: Span, cue: Token) -> Span | None:
    """The source next to a cue, by position: `X said`, `X, the CEO of Y, said`, `said X`."""
    doc = sent.doc
    i = cue.i - 1
    while i >= sent.start and doc[i].lower_ in _BLANK_SKIP:
        i -= 1
    before = doc[i] if i >= sent.start else None
    if cue.lower_.endswith("ing") and before is not None and before.text != "“":
        # `The authority issued a statement on Monday, saying ...`, `The company released a
        # statement saying ...`: the participle shares the subject the sentence opens with.
        opening = _opening_subject(sent, cue)
        if opening is not None:
            return opening
    if before is not None and before.text == ",":
        # `Richard Yu, Huawei's managing director ..., said`: the name before the apposition.
        name = _name_before_apposition(sent, i)
        if name is not None:
            return name
    if before is None or before.text in _STOP:
        # Inverted: `"...," said Richard Yu.` / `..., said an executive at the firm.`
        return _run_after(sent, cue.i + 1)
    if before.lower_ in _COORD:
        # `X mentioned the goal ... and said ...`: the subject opens the sentence.
        j = sent.start
        while j < cue.i and doc[j].text[:1].isupper() and doc[j].text not in _STOP:
            j += 1
        return doc[sent.start : j] if j > sent.start else None
    end = i + 1
    j = i
    # A subject never holds another speech verb (`Trade and Industry said on Monday it had
    # asked ...`: `it`, not the words before it).
    speech_forms = _speech_forms()
    while (
        j >= sent.start
        and doc[j].text not in _STOP
        and doc[j].lower_ not in speech_forms
        and end - j <= _MAX_SUBJECT_TOKENS
    ):
        j -= 1
    start = j + 1
    if end - start > _MAX_SUBJECT_TOKENS or start >= end:
        return None
    return doc[start:end]


def _opening_subject(sent: Span, cue: Token) -> Span | None:
    """Without a parse, the subject a sentence opens with, when it reads as one: a pronoun
    (`She`), a run of capitalised words after an optional `The` (`The Ohio Transit
    Authority`), or `the` and up to two words ending in a noun of organisations or unnamed
    sources (`The company`, `The city council`)."""
    doc = sent.doc
    i = sent.start
    while i < cue.i and doc[i].is_space:
        i += 1
    if i >= cue.i or doc[i].is_punct:
        return None  # `"We will rebuild," she said, adding ...`: the quotation opens it
    if doc[i].lower_ in _PRONOUNS:
        return doc[i : i + 1]
    start = i
    if doc[i].lower_ == "the":
        i += 1
    j = _capitals_end(doc, i, cue.i)
    titles = lexicon.words("attribution/titles.txt")
    k = j
    while k < cue.i and doc[k].lower_ in titles:
        k += 1
    if j > i and k > j and _capitals_end(doc, k, cue.i) > k:
        # `UEFA president Aleksander Ceferin welcomed ...`: the person the title names.
        return doc[k : _capitals_end(doc, k, cue.i)]
    if j > i and (j >= cue.i or doc[j].is_lower):
        return doc[start:j]
    if start < i:
        nouns = lexicon.words("attribution/org_nouns.txt") | lexicon.words(
            "attribution/anonymous_heads.txt"
        )
        for k in range(i, min(i + 3, cue.i)):
            if not doc[k].is_alpha:
                break
            if doc[k].lower_ in nouns:
                return doc[start : k + 1]
    return None


def _capitals_end(doc: Doc, i: int, stop: int) -> int:
    """The end of the run of capitalised words from `i` (before `stop`), through `of`, `and`
    and `&` between capitals (`Bank of England`)."""
    j = i
    while j < stop and doc[j].text not in _STOP:
        if doc[j].text[:1].isupper():
            j += 1
        elif (
            j > i
            and doc[j].lower_ in ("of", "and", "&")
            and j + 1 < stop
            and doc[j + 1].text[:1].isupper()
        ):
            j += 1
        else:
            break
    return j


@cache
def _speech_forms() -> frozenset[str]:
    """Forms of `say` and `tell` (the cues that attribute on their own)."""
    speech, _others = cue_lemmas()
    return frozenset(form for form, lemma in cue_forms().items() if lemma in speech)


def _blank_attributes(
    sent: Span, cue: Token, subject: Span, inside: list[tuple[int, int]], kind: str
) -> bool:
    """Without a parse, a cue other than `say`/`tell` attributes when a clause or a
    quotation follows it (`warned that`, `added:`), or it closes the sentence as a
    parenthetical (`..., the company added.`). A `quote` cue (`continued`, `asked`) does
    not attribute in mid-sentence after a comma (`..., said it had asked Washington`)."""
    doc = sent.doc
    after = doc[cue.i + 1] if cue.i + 1 < sent.end else None
    if kind == "that":
        return after is not None and after.lower_ == "that"  # not `agreed to pay`
    if after is None or after.lower_ in {"that", ":"} or after.text in _CLOSERS | {'"', "\u201c"}:
        return True
    lemma = cue_forms().get(cue.lower_)
    if after.lower_ in cue_markers().get(lemma, ()):
        return True  # `called for an inquiry`
    if subject.start > cue.i > sent.start and doc[cue.i - 1].text in _CLOSERS:
        return True  # inverted, after what was said: `..., insists Ana Lee, a nurse, who ...`
    if any(s <= t.idx < e for t in doc[max(sent.start, cue.i - 4) : cue.i] for s, e in inside):
        return True
    before = doc[subject.start - 1] if subject.start > sent.start else None
    if subject.start < cue.i and before is not None and before.text in _CLOSERS:
        return kind != "quote"
    return cue.i + 2 >= sent.end or (after.is_punct and after.text in ".!")


# Words after which a cue's -s form is a plural noun (`five states`, `the reports`, `his
# claims`), never a verb: determiners, possessives and numbers.
_NOUN_LEADS = frozenset(
    "the a an these those their his her its our your my all both many several some few any "
    "no other more most such two three four five six seven eight nine ten dozens hundreds".split()
)


def _blank_noun_form(doc: Doc, i: int) -> bool:
    """Without a tagger: a cue form that is a noun by its place. Capitalised inside a
    sentence it is part of a name (`the United States`, `Foreign Affairs`); an -s form after a
    determiner, a possessive or a number is a plural noun (`in five states`)."""
    token = doc[i]
    if token.text[:1].isupper() and not token.is_sent_start:
        prev = doc[i - 1]
        if not (prev.is_punct or prev.is_space):
            return True
    if not token.lower_.endswith("s"):
        return False
    prev = doc[i - 1]
    return prev.lower_ in _NOUN_LEADS or prev.like_num or prev.text in ("'s", "’s")


def _name_before_apposition(sent: Span, comma: int) -> Span | None:
    """`NAME, DESCRIPTION,` ending at token `comma`: NAME when DESCRIPTION has a title word,
    is a relative clause (`who`, `which`: `X, who heads ...,`, `The trust, which employs
    ...,`) or an affiliation (`X, of the Coastal Fisheries Alliance,`); and `DESCRIPTION,
    NAME,` (`The marina's manager, Peter Quinn,`): the name between the commas."""
    doc = sent.doc
    titles = lexicon.words("attribution/titles.txt")
    j = _phrase_start(sent, comma) - 1
    if j < sent.start or doc[j].text != "," or j + 1 >= comma:
        return None
    inner = doc[j + 1 : comma]
    k = _phrase_start(sent, j)
    if k < j and _is_name_run(inner) and any(t.lower_ in titles for t in doc[k:j]):
        return inner  # `Whitfield's barrister, Andrew Lyle, said`
    if k < j and _describes(inner) and (_is_name_run(doc[k:j]) or _age_after_name(doc[k:j], inner)):
        return doc[k:j]  # `Ana Lee, a Democrat, said`, `Tom Baker, 45, said`, `Doyle, 61,`
    if not any(t.lower_ in titles for t in inner) and inner[0].lower_ not in _INTERRUPTERS:
        return None
    if k >= j:
        return None
    if j - k > _MAX_SUBJECT_TOKENS:
        k = j - 1  # a long opening: only the capitalised run before the comma
        while k >= sent.start and doc[k].text not in _STOP and doc[k].text[:1].isupper():
            k -= 1
        k += 1
        if k >= j:
            return None
    return doc[k:j]


def _age_after_name(name: Span, inner: Span) -> bool:
    """`Doyle, 61,`: one capitalised word with an age after it names a person."""
    words = [t for t in name if not t.is_space]
    return (
        len(words) == 1
        and words[0].text[:1].isupper()
        and words[0].is_alpha
        and len(inner) == 1
        and inner[0].is_digit
    )


def _describes(inner: Span) -> bool:
    """An apposition that describes the person named before it: an indefinite or definite
    noun phrase of up to twelve words with no verb form of a cue (`a Democrat`, `the owner
    of a bakery`, `a retired teacher whose yacht was among those destroyed`), or an age
    alone (`45`)."""
    words = [t for t in inner if not t.is_space]
    if len(words) == 1:
        return words[0].is_digit and len(words[0].text) <= 3
    if not words or words[0].lower_ not in ("a", "an", "the") or len(words) > 12:
        return False
    return not any(t.lower_ in cue_forms() or t.text in _STOP for t in words[1:])


# Words that open an apposition or a relative clause between a source and its cue.
_INTERRUPTERS = frozenset({"who", "which", "of"})


def _phrase_start(sent: Span, end: int) -> int:
    """Where the phrase ending before token `end` starts: after the previous stop, where a
    possessive apostrophe inside a name (`The Seafarers' Union`) is no stop."""
    doc = sent.doc
    k = end - 1
    while k >= sent.start:
        text = doc[k].text
        if text in ("'", "\u2019") and k > sent.start and doc[k - 1].lower_.endswith("s"):
            k -= 1
            continue
        if text in _STOP:
            break
        k -= 1
    return k + 1


def _is_name_run(span: Span) -> bool:
    """Two to four capitalised words: a person's name standing alone between commas."""
    words = [t for t in span if not t.is_space]
    return 2 <= len(words) <= 4 and all(t.text[:1].isupper() and t.is_alpha for t in words)


def _name_after_description(sent: Span, words: Span) -> Span | None:
    """Without a parse: `according to the marina's owners, Kettle Bay Trust.`: a lower-case
    description, a comma, then capitalised words that end the sentence: those words name
    the source."""
    doc = sent.doc
    k = words.end
    if not words[0].is_lower or k + 1 >= sent.end or doc[k].text != ",":
        return None
    end = sent.end
    while end > k + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    name = doc[k + 1 : end]
    if not 1 <= len(name) <= 6 or not name[0].text[:1].isupper() or not name[-1].is_alpha:
        return None
    if not all(t.text[:1].isupper() or t.lower_ in ("of", "the", "and", "for") for t in name):
        return None
    return name


def _run_after(sent: Span, start: int) -> Span | None:
    doc = sent.doc
    end = start
    while end < sent.end and doc[end].text not in _STOP and end - start < _MAX_SUBJECT_TOKENS:
        end += 1
    return doc[start:end] if end > start else None
