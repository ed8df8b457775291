"""Linear-time access to a Doc's text for long articles.

`Doc.text` joins every token on each call, so a component that reads it once per sentence
or per statement is quadratic: a 100,000-character article took minutes. `doc_text` builds
it once per Doc; `written_mid_sentence` answers "is this name written capitalised after a
lower-case word somewhere in the article" from an index built once, not a regex scan of the
whole text per question. `tokens`, `words` and `lowers` are a Doc's tokens and their
texts, made once per Doc: every `doc[i]` and every `for t in doc` makes a new `Token`
object, and components that look at every token several times spent more time making them
than reading them.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

_TEXT = "nc_text"
_MID = "nc_mid_sentence"
_PARSED = "nc_parsed"
_ENTS = "nc_ents"
_TOKENS = "nc_tokens"
_WORDS = "nc_words"
_LOWERS = "nc_lowers"
_ENTITY_OF = "nc_entity_of"
_STARTING_AT = "nc_starting_at"
_LOWER_WORDS = "nc_lower_words"
# A capitalised word after a lower-case word, a comma or a semicolon: written so mid-sentence,
# a name. Not after a quotation mark, a colon or a capitalised word (`Mr`, `The`), where a
# common word is capitalised too (`said: "Transport is ...`).
_MID_AFTER = r"(?:(?<!\S)[a-z][a-z'’-]*|[,;])"
_MID_WORD = re.compile(_MID_AFTER + r" (?=([A-Z]\w*))")
_FIRST_WORD = re.compile(r"[A-Z]\w*")


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT] = text
    return text


def span_text(span: Span) -> str:
    """`span.text`, sliced from `doc_text` (`Span.text` makes a Token for each of its
    tokens to join their texts)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def with_text(doc: Doc, text: str) -> Doc:
    """`doc`, made from `text` by the tokenizer (whose Doc text is always exactly its
    input), with `doc_text` known without joining its tokens (`Doc.text` makes a Token for
    every token to read its text)."""
    doc.user_data[_TEXT] = text
    return doc


def tokens(doc: Doc) -> list[Token]:
    """`list(doc)`, made once per Doc (a Token reads the Doc's annotations when asked, so
    the list stays right as later components annotate)."""
    out = doc.user_data.get(_TOKENS)
    if out is None:
        out = doc.user_data[_TOKENS] = list(doc)
    return out


def words(doc: Doc) -> list[str]:
    """`[t.text for t in doc]`, made once per Doc."""
    out = doc.user_data.get(_WORDS)
    if out is None:
        out = doc.user_data[_WORDS] = [t.text for t in tokens(doc)]
    return out


def lowers(doc: Doc) -> list[str]:
    """`[t.lower_ for t in doc]`, made once per Doc."""
    out = doc.user_data.get(_LOWERS)
    if out is None:
        out = doc.user_data[_LOWERS] = [t.lower_ for t in tokens(doc)]
    return out


def entity_of(doc: Doc) -> list[Span | None]:
    """For every token, the entity of `doc.ents` it is part of (or None), made once per
    Doc the first time it is asked, after the entity recognizer (no component of ours
    changes `doc.ents`)."""
    out = doc.user_data.get(_ENTITY_OF)
    if out is None:
        out = [None] * len(doc)
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                out[i] = ent
        doc.user_data[_ENTITY_OF] = out
    return out


def token_starting_at(doc: Doc, offset: int) -> Token | None:
    """The token that starts at character `offset` (None if none does), from an index made
    once per Doc."""
    index = doc.user_data.get(_STARTING_AT)
    if index is None:
        index = doc.user_data[_STARTING_AT] = {t.idx: t for t in tokens(doc)}
    return index.get(offset)


def release(doc: Doc) -> None:
    """Drop the token caches of a Doc whose records are built: its Tokens point back at it,
    so a cached list would leave the Doc to the cycle collector instead of freeing it."""
    for key in (_TOKENS, _ENTITY_OF, _STARTING_AT):
        doc.user_data.pop(key, None)


def has_parse(doc: Doc) -> bool:
    """`doc.has_annotation("DEP")`, computed once per Doc (it walks every token)."""
    parsed = doc.user_data.get(_PARSED)
    if parsed is None:
        parsed = doc.user_data[_PARSED] = doc.has_annotation("DEP")
    return parsed


def has_ents(doc: Doc) -> bool:
    """`doc.has_annotation("ENT_IOB")`, computed once per Doc."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = doc.has_annotation("ENT_IOB")
    return ents


def written_mid_sentence(doc: Doc, name: str) -> bool:
    """True when `name` follows a lower-case word, a comma or a semicolon and a space
    somewhere in the article: what `re.search(_MID_AFTER + " " + re.escape(name) + r"\\b",
    text)` says."""
    text = doc_text(doc)
    first = _FIRST_WORD.match(name)
    if first is None:  # not a capitalised name: the plain search
        return bool(re.search(_MID_AFTER + " " + re.escape(name) + r"\b", text))
    index = doc.user_data.get(_MID)
    if index is None:
        index = {}
        for m in _MID_WORD.finditer(text):
            index.setdefault(m.group(1), []).append(m.end())
        doc.user_data[_MID] = index
    # `re.compile(re.escape(name) + r"\b").match(text, at)` without a compile per call:
    # the name itself, then a word boundary (`\b` reads the whole text either side).
    end_is_word = _is_word(name[-1])
    size, limit = len(name), len(text)
    for at in index.get(first.group(), ()):
        if text.startswith(name, at):
            after = at + size
            if end_is_word != (after < limit and _is_word(text[after])):
                return True
    return False


def _is_word(ch: str) -> bool:
    """Whether `ch` is a character `\\w` matches in a str pattern (alphanumeric or `_`)."""
    return ch.isalnum() or ch == "_"


def written_lower(doc: Doc, word: str) -> bool:
    """True when the article writes `word` (lower case) as a token of its own somewhere
    (`rice` in `world rice exports`), from a set made once per Doc."""
    seen = doc.user_data.get(_LOWER_WORDS)
    if seen is None:
        seen = doc.user_data[_LOWER_WORDS] = {w for w in words(doc) if w.islower()}
    return word in seen
