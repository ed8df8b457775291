"""Docs from text with the tokenizer kept linear on words no language has.

spaCy's tokenizer strips prefixes and suffixes one at a time, each search running over the
rest of the word, so one whitespace-free run of n characters costs O(n^2): a 28 KB article
made only of quotation marks took minutes (`newsclaims bench --pathological`). A run
longer than `LONG_WORD` characters (URLs and hashtags are far shorter; such a run is never
prose) becomes tokens of `PIECE` characters instead, so the parser too sees a hundredth of
its characters as tokens; the Doc's text is still exactly the input text.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from newsclaims.extraction.doctext import with_text

LONG_WORD = 1000
PIECE = 100
_LONG = re.compile(rf"\S{{{LONG_WORD},}}( ?)")


def make_doc(nlp: Language, text: str) -> Doc:
    """`nlp.make_doc(text)`, but linear in the length of overlong whitespace-free runs."""
    if len(text) < LONG_WORD or _LONG.search(text) is None:
        return with_text(nlp.make_doc(text), text)
    words: list[str] = []
    spaces: list[bool] = []

    def add(part: str) -> None:
        for token in nlp.tokenizer(part):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    position = 0
    for match in _LONG.finditer(text):
        if match.start() > position:
            add(text[position : match.start()])
        run = match.group(0).rstrip(" ")
        for start in range(0, len(run), PIECE):
            words.append(run[start : start + PIECE])
            spaces.append(False)
        if match.group(1):
            spaces[-1] = True
        position = match.end()
    if position < len(text):
        add(text[position:])
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    assert doc.text == text
    return with_text(doc, text)
