"""The counted noun of a figure (`12,018 vehicles` -> `vehicle`) and singular forms.

Two ways to find it: from a parsed Doc (dependency head of the number, then part-of-speech
runs), or, under `spacy.blank`, from the words after the number: the first plural-looking
noun within four words, stopping at function words and punctuation.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsclaims.extraction.figures.lexicon import SP, Lexicon

_WORD = re.compile(
    rf"{SP}*(?:(?P<w>(?:[A-Za-z]\.){{2,}}|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)|(?P<o>\S))"
)
_DIGITS = re.compile(rf"{SP}*\d+(?=[ \u00a0])")
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")  # EVs, GIs, ATMs
# a capitalised plural of a people's name in -i: Iraqis, Israelis, Pakistanis (the Latin -is
# singulars, crisis, basis, are lower-case common nouns; names in -us, Airbus, Lexus, are not
# plurals)
_NAME_PLURAL = re.compile(r"[A-Z][a-z]{2,}is")
_CHES_SINGULAR_E = ("aches", "iches", "ches")  # headaches, niches, caches: drop the s only
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_RUN_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})  # VERB: participles ("registered")
_BREAK_POS = frozenset({"ADP", "VERB", "AUX", "CCONJ", "SCONJ", "PRON", "DET"})
_MAX_WORDS = 4
_TIME_WORDS = frozenset({"last", "next", "this", "coming", "previous", "past", "per", "every"})


def singularize(word: str, lex: Lexicon) -> str:
    """Singular of an English noun, lower-cased, by an irregulars list, then suffix rules;
    an acronym's plural loses its `s` (`EVs`, `GIs` -> ev, gi)."""
    if _ACRONYM_PLURAL.fullmatch(word) or _NAME_PLURAL.fullmatch(word):
        return word[:-1].lower()  # EVs, Iraqis
    w = word.lower()
    if w in lex.irregular_plurals:
        return lex.irregular_plurals[w]
    if w in lex.invariant_plurals or w in lex.not_plural or len(w) < 4 or not w.endswith("s"):
        return w
    if w.endswith(("ss", "us", "is")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "xes", "zzes", "tches")):
        return w[:-2]
    if w.endswith("ches"):
        if w.endswith(("eaches", "oaches")):
            return w[:-2]  # beaches, coaches (not headaches, caches)
        return w[:-1] if w.endswith(("aches", "iches")) else w[:-2]
    return w[:-1]


def is_plural(word: str, lex: Lexicon) -> bool:
    """Whether a word looks like a plural noun (`vehicles`, `people`; not `business`, `its`)."""
    w = word.lower()
    if w in lex.irregular_plurals or w in lex.invariant_plurals:
        return w not in lex.not_plural or w in ("species", "series")
    if w in lex.not_plural or w in lex.stopwords or len(w) < 3 or not w.endswith("s"):
        return False
    if "'" in w or "’" in w:
        return False
    return not w.endswith(("ss", "us", "is", "ous")) or _NAME_PLURAL.fullmatch(word) is not None


def noun_from_text(
    text: str, pos: int, *, singular: bool, lex: Lexicon
) -> tuple[str, int, int] | None:
    """Counted noun in the words after `pos`: (unit, start, end) or None.

    With `singular` (the number is one) the first word that is not an adjective counts;
    otherwise the first plural within four words (`1,000 AITO experience stores` -> store).
    The search stops at function words, except a few that modify a count (`40 more
    showrooms`, `three such centres`) and `and` between names (`three Chevrolet and
    Honda dealerships`).
    """
    words = 0
    prev_cap = False
    while words < _MAX_WORDS:
        m = _WORD.match(text, pos)
        if m is None:
            return None
        if m.group("w") is None:
            digits = _DIGITS.match(text, pos)
            if singular or digits is None:
                return None
            pos, words = digits.end(), words + 1  # "27 737 MAX jets": a model number
            continue
        word = m.group("w")
        if word.endswith(("s'", "s’")):
            word = word[:-1]  # "five weeks' rent"
        low = word.lower()
        pos = m.end()
        if low == "and" and prev_cap and _capitalised_next(text, pos):
            continue  # "three Chevrolet and Honda dealerships"
        words += 1
        prev_cap = word[0].isupper()
        if low.endswith(("'s", "’s")):
            return None
        if low in lex.stopwords:
            if low in lex.pass_words:
                continue
            return None
        if singular:
            if low in lex.adjectives or low.endswith("ly"):
                continue
            if low.endswith(("ing", "ed")) and _word_next(text, pos, lex):
                continue  # "one circulating strain"
            return singularize(low, lex), m.start("w"), m.end("w")
        if is_plural(word, lex):
            nxt = _WORD.match(text, m.end())
            if word[0].isupper() and nxt and nxt.group("w") and is_plural(nxt.group("w"), lex):
                m = nxt  # "8.5 million Windows devices": the proper noun is a modifier
                low = m.group("w").lower()
                word = m.group("w")
            return singularize(word, lex), m.start("w"), m.start("w") + len(word)
    return None


def _capitalised_next(text: str, pos: int) -> bool:
    m = _WORD.match(text, pos)
    return m is not None and m.group("w") is not None and m.group("w")[0].isupper()


def _word_next(text: str, pos: int, lex: Lexicon) -> bool:
    """Whether a content word (not a function word) follows `pos`."""
    m = _WORD.match(text, pos)
    return m is not None and m.group("w") is not None and m.group("w").lower() not in lex.stopwords


def token_at(doc: Doc, char: int) -> Token:
    """The token that contains character `char` (spaCy's own character lookup, so that no
    Python loop walks the whole Doc)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        span = doc.char_span(max(char - 1, 0), char, alignment_mode="expand")
    return span[0] if span is not None and len(span) else doc[0]


def annotations(doc: Doc) -> frozenset[str]:
    """Which of DEP, TAG, LEMMA the Doc has.

    Looks at the first few tokens instead of `Doc.has_annotation` (which walks the whole Doc):
    a pipeline annotates every token or none.
    """
    head = doc[:4]
    found = set()
    if any(t.dep for t in head):
        found.add("DEP")
    if any(t.tag for t in head) or any(t.pos for t in head):
        found.add("TAG")
    if any(t.lemma for t in head):
        found.add("LEMMA")
    return frozenset(found)


def _lemma(token: Token, lex: Lexicon, has: frozenset[str]) -> str:
    low = token.text.lower()
    if low in lex.irregular_plurals or low in lex.invariant_plurals:
        return singularize(low, lex)
    if low.endswith("s") or "LEMMA" not in has or token.pos_ != "NOUN":
        return singularize(token.text, lex)  # the rules beat the lookup on "gigafactories"
    return token.lemma_.lower() or low


def _breaks(doc: Doc, tok: Token) -> bool:
    """A token between a number and its noun that ends the noun phrase; `and` between two
    names does not (`three Chevrolet and Honda dealerships`); a time word does (`180,000
    last year`)."""
    if tok.pos_ == "CCONJ" and 0 < tok.i < len(doc) - 1:
        return not (doc[tok.i - 1].pos_ == "PROPN" and doc[tok.i + 1].pos_ == "PROPN")
    return tok.pos_ in _BREAK_POS or tok.lower_ in _TIME_WORDS


def _head_unit(doc: Doc, head: Token, lex: Lexicon, has: frozenset[str]) -> tuple[str, int, int]:
    """(unit, start, end) of a head noun; a hyphenated word the tokenizer split is joined
    again (`400 drive-throughs` -> `drive-through`)."""
    unit = _lemma(head, lex, has)
    start = head.idx
    i = head.i
    while (
        i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i - 2].is_alpha
    ):
        unit = f"{doc[i - 2].lower_}-{unit}"
        start = doc[i - 2].idx
        i -= 2
    if unit.endswith("-old"):
        unit = unit[:-4]  # "24-year-olds": the age in years
    return unit, start, head.idx + len(head.text)


_ONE = frozenset({"one", "1", "a", "an", "single"})


def _counts_more_than_one(last: Token) -> bool:
    return last.lower_ not in _ONE


def _singular_modifier(doc: Doc, head: Token, lex: Lexicon) -> bool:
    """A singular common noun the parser took for the head of a count above one: a
    modifier of the counted noun (`six league games`, `90 hip and knee operations`, `25
    community hearing clinics`), unless it is a measure (`a 20 page report`, `5 km race`:
    the measure is the unit, guide section 4), money (`50 dollar bills`) or glued by a
    hyphen (`a 20-page report`)."""
    if head.tag_ != "NN" or head.pos_ != "NOUN":
        return False
    if head.i > 0 and doc[head.i - 1].text == "-":
        return False
    low = head.lower_
    measures = (lex.units_folded, lex.units, lex.period_units, lex.currency_suffix, lex.money_words)
    return not any(low in words for words in measures)  # `50 dollar bills`: money


def _plural_after(doc: Doc, head: Token, lex: Lexicon) -> Token | None:
    """The plural noun that ends the noun phrase a few words after `head`."""
    for tok in doc[head.i + 1 : head.i + 4]:
        if tok.tag_ == "NNS" and tok.lower_ not in lex.stopwords:
            return tok
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB", "CCONJ") or tok.lower_ in _TIME_WORDS:
            return None
    return None


def noun_from_doc(
    doc: Doc, last: Token, *, after: int, has: frozenset[str], lex: Lexicon
) -> tuple[str, int, int] | None:
    """Counted noun of the number whose last token is `last`, from the parse.

    First the dependency head (`1,000` -nummod-> `stores`); then, when the parser gives
    none, the last noun of the adjective/noun run right after the number
    (`three people familiar with` -> people), starting at the first token after `after`.
    """
    if "DEP" in has:
        tok = last
        for _ in range(3):  # climb number-internal arcs: 3.5 -compound-> million -nummod-> cars
            head = tok.head
            if head.i != tok.i and head.pos_ == "NUM" and tok.dep_ in ("compound", "quantmod"):
                tok = head
            else:
                break
        head = tok.head
        if (
            tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod")
            and head.pos_ in _NOUN_POS
            and head.lower_ not in lex.stopwords
            and 0 < head.i - tok.i <= 8
            and head.i - last.i >= 1
            and not any(_breaks(doc, t) for t in doc[last.i + 1 : head.i])
        ):
            while (
                head.pos_ == "PROPN"
                and head.dep_ == "compound"
                and head.head.pos_ == "NOUN"
                and 0 < head.head.i - head.i <= 2
            ):
                head = head.head  # "Twelve Arab League nations": the name is a modifier
            if _counts_more_than_one(last) and _singular_modifier(doc, head, lex):
                head = _plural_after(doc, head, lex) or head
            return _head_unit(doc, head, lex, has)
    if "TAG" in has:
        best = None
        first = last.i + 1
        while first < len(doc) and doc[first].idx < after:
            first += 1
        for tok in doc[first : first + _MAX_WORDS + 2]:
            low = tok.lower_
            if low in _TIME_WORDS:
                break
            if tok.pos_ == "NOUN" and low not in lex.stopwords:
                best = tok
            elif tok.pos_ in _RUN_POS or (tok.text == "-" and best is None):
                if tok.pos_ == "VERB" and best is not None:
                    break
                continue
            else:
                break
        if best is not None:
            return _head_unit(doc, best, lex, has)
        return None
    return None
