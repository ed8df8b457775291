"""Docs from text: overlong whitespace-free runs are cut into pieces, other text untouched."""

from __future__ import annotations

import re

import pytest
import spacy

from newsclaims.extraction.doctext import doc_text, written_mid_sentence
from newsclaims.extraction.tokens import LONG_WORD, PIECE, make_doc

nlp = spacy.blank("en")


@pytest.mark.parametrize(
    "text",
    [
        "Sales rose 5%, the company said.",
        '"Quoted," he said. "Again."',
        "x" * (LONG_WORD - 1) + " tail.",
        "https://example.com/" + "a" * 500 + "?q=1 was shared.",
        "",
    ],
)
def test_tokens_ordinary_text_is_tokenized_as_spacy_does(text):
    expected = nlp.make_doc(text)
    doc = make_doc(nlp, text)
    assert [(t.text, t.whitespace_) for t in doc] == [(t.text, t.whitespace_) for t in expected]
    assert doc_text(doc) == doc.text == text  # known from the input, not joined from tokens


@pytest.mark.parametrize(
    ("text", "long_chars"),
    [
        ('"' * 28_000, 28_000),
        ("\u201c\u201d" * 14_000, 28_000),
        ("Before it. " + '"' * 5_000 + " After it, he said.", 5_000),
        ("Before.\n\n" + "a," * 3_000 + "\n\nAfter.", 6_000),
        ("One " + "x" * LONG_WORD + " two " + "y" * (3 * LONG_WORD) + " three.", 4 * LONG_WORD),
    ],
)
def test_tokens_overlong_runs_become_pieces_and_text_is_kept(text, long_chars):
    doc = make_doc(nlp, text)
    assert doc.text == text == doc_text(doc)
    assert all(len(t.text) <= max(PIECE, 20) for t in doc)
    # The run gives one token per piece, not one per character.
    assert len(doc) <= long_chars // PIECE + 20


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Shares of Zentrix rose.", "Zentrix", True),  # after a lower-case word
        ("Its rivals, Zentrix and Halden, gained.", "Zentrix", True),  # after a comma
        ("Two rose; Zentrix fell.", "Zentrix", True),  # after a semicolon
        ("The rivals of Zentrix Labs rose.", "Zentrix Labs", True),
        ('He said: "Transport is the oxygen."', "Transport", False),  # after a colon
        ('"Transport is the oxygen," he said.', "Transport", False),  # opening a quote
        ("Transport is the oxygen.", "Transport", False),  # opening the text
        ("The Transport Committee met.", "Transport", False),  # after a capitalised word
        ("Prices rose. Transport fell.", "Transport", False),  # opening a sentence
        ("A fall in transport costs.", "transport", True),  # not capitalised: plain search
        # the name must end at a word boundary
        ("Shares of Zentrixa rose.", "Zentrix", False),
        ("Shares of Zentrix_2 rose.", "Zentrix", False),
        ("Shares of Zentrix9 rose.", "Zentrix", False),
        ("Shares of Zentrixé rose.", "Zentrix", False),  # a letter outside ASCII
        ("Shares of Zentrix's unit rose.", "Zentrix", True),
        ("Shares of Zentrix", "Zentrix", True),  # at the end of the text
        ("Shares of Zentrix Labs rose.", "Zentrix Labs", True),
        ("Shares of Zentrix Labsy rose.", "Zentrix Labs", False),
        ("Deals in U.S. markets rose.", "U.S.", False),  # `.` then a space: no `\b`
        ("Deals in U.S.A rose.", "U.S.", True),  # `.` then a word character
        ("Deals in U.S.", "U.S.", False),
    ],
)
def test_written_mid_sentence_only_after_a_lower_case_word_comma_or_semicolon(text, name, expected):
    assert written_mid_sentence(make_doc(nlp, text), name) is expected
    # what the regex search says (the function avoids compiling one per name)
    mid = r"(?:(?<!\S)[a-z][a-z'’-]*|[,;])"
    assert bool(re.search(mid + " " + re.escape(name) + r"\b", text)) is expected
