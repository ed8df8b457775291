"""The tense of the clause a date expression sits in: it decides which `March` or `Friday` is
meant (guide section 5). Returns `past`, `present`, `future`, `schedule` (a present-tense
schedule verb: `the show opens on Friday`) or None when nothing tells, which includes a verb
with no tense of its own (`a scheme to run through May`, `agreed to sell it in November`: the
time may be before or after P, so the occurrence nearest P is meant).

With a parsed doc the verb governing the expression decides (walk up the heads to the nearest
verb, read its tag and auxiliaries); otherwise, and as a fallback, a sentence-level heuristic
reads the words around the expression: modal `will`, `aims to`, past-tense forms, `-ed` words.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsclaims.extraction.dates.lexicon import Lexicon, lexicon
from newsclaims.extraction.doctext import doc_text

_BE_PRESENT = frozenset({"is", "are", "am", "'s", "'re", "’s", "’re"})
_BE_PAST = frozenset({"was", "were"})
_HAVE = frozenset({"has", "have", "had", "'ve", "’ve", "having"})
_HAVE_PRESENT = _HAVE - {"had", "having"}
_WILL = frozenset({"will", "'ll", "’ll", "shall", "wo"})
# A to-infinitive that is no tense: it stops the search for a tensed verb further up or left.
UNTENSED = "untensed"
_DETERMINERS = frozenset("a an the its their his her our this that these those".split())
# A clause under a future main clause whose past form is the sequence of tenses, not the past:
# `would ballot members unless a deal was agreed by the end of August`
_CONDITIONAL = frozenset("if unless until before once".split())


def is_parsed(doc: Doc) -> bool:
    """Whether `doc` has a dependency parse. Samples three tokens: `Doc.has_annotation` builds a
    Token for every token, which costs more than finding the dates."""
    n = len(doc)
    return n > 0 and any(doc[i].dep != 0 for i in {0, n // 2, n - 1})


def clause_tense(
    doc: Doc, start: int, end: int, *, parsed: bool | None = None, text: str | None = None
) -> str | None:
    """Tense governing the characters `start:end` of `doc.text` (pass `text` if you have it:
    `Doc.text` joins every token on each call)."""
    if text is None:
        text = doc_text(doc)
    if _described_later(text, end):
        return "future"
    tense = _clause_tense(doc, start, end, parsed=parsed, text=text)
    if tense == "past" and _UNTIL.match(text, start) and _present_perfect_before(text, start):
        return None  # `has been released on bail until June 10`: a state that holds at P
    return tense


_UNTIL = re.compile(r"(?i)(?:until|till|through)\b")
_AUX_BEFORE = re.compile(r"(?i)\b(?:has|have|had|'ve|’ve|'d|’d)\b|[.;:!?]")


def _present_perfect_before(text: str, start: int) -> bool:
    """Whether the nearest perfect auxiliary before `start` in its clause is a present one
    (`has been suspended until`, not `had been suspended until`)."""
    last = None
    for m in _AUX_BEFORE.finditer(text, max(0, start - 80), start):
        last = m.group().lower()
        if last in ".;:!?":
            last = None
    return last in _HAVE_PRESENT


def _clause_tense(
    doc: Doc, start: int, end: int, *, parsed: bool | None, text: str
) -> str | None:
    if parsed if parsed is not None else is_parsed(doc):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            tense = _parsed_tense(span.root)
            if tense == "past" and text[max(0, start - 3) : start].rstrip().endswith(","):
                # a date set off by a comma may hang on a nested past clause in the parse
                # while the words say it belongs to the main clause's `will`
                if text_tense(text, start, end) == "future":
                    tense = "future"
            if tense is not None:
                return None if tense == UNTENSED else tense
    tense = text_tense(text, start, end)
    return None if tense == UNTENSED else tense


_WHEN_AFTER = re.compile(r"\s*,\s*(?:when|by\s+which\s+time)\s+([^,.;:!?]*)", re.I)


def _described_later(text: str, end: int) -> bool:
    """`until April 16, when a lockdown is due to end`: a `when` clause set off after the date
    that is in the future says the date is ahead, whatever the main verb's tense."""
    m = _WHEN_AFTER.match(text, end)
    if not m:
        return False
    clause = m.group(1)
    return text_tense(clause, len(clause), len(clause)) == "future"


# ---------------------------------------------------------------- parsed docs


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or tok.tag_ == "MD"


_BASELINE = frozenset({"compared", "versus", "vs", "vs."})


def _parsed_tense(root: Token, *, include_root: bool = False) -> str | None:
    """Walk up from `root` to the nearest verb that shows a tense."""
    lx = lexicon()
    tok = root
    for _ in range(12):
        if tok.dep_ == "appos":
            return None  # `the rate, 6.7 percent in December, would fall`: not governed by `fall`
        if tok.lower_ == "from" and tok.head.lower_ in ("up", "down") or tok.lower_ in _BASELINE:
            return "past"  # `up from 2.3 percent in the March round`: a comparison baseline
        if tok.lower_ == "according":
            return "past"  # `according to a filing on Tuesday evening`: an existing source
        if _is_verb(tok) and (include_root or tok is not root):
            tense = _verb_tense(tok, lx, depth=0)
            if tense != "up":
                return tense
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def _verb_tense(v: Token, lx: Lexicon, *, depth: int) -> str | None:
    """Tense of one verb from its tag and auxiliaries; `up` means: ask the verb above."""
    auxes = [c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass") and c.text != "May"]
    if _HAVE & set(auxes) and any(a in lx.tense_modal_perfect_past for a in auxes):
        return "past"  # `may have been responsible for a drop on Wednesday`: a modal perfect
    if any(a in lx.tense_future for a in auxes):
        return "future"  # also `would have doubled on December 1`: the time is still ahead
    low = v.lower_
    if "to" in auxes:
        head = v.head
        if head.lower_ in lx.tense_forward_object and head is not v:
            return "future"  # `pressure on the bank to raise rates again in July`
        if head is v or not _is_verb(head):
            return UNTENSED  # `a scheme to run through May`, `the decision to cut in March`
        if head.lower_ in lx.tense_future_heads or head.lemma_ in lx.tense_future_heads:
            # `aims to`, `is expected to start`, `it hoped to resume services on Saturday`:
            # forward even in the simple past; `was set to open in May`, `had planned to`: a
            # plan that may have passed, before or after P
            head_auxes = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
            return UNTENSED if head_auxes & (_BE_PAST | _HAVE) else "future"
        if head.lemma_ in lx.tense_forward_object:
            return "future"  # `asked the council to delay enforcement until January`
        if depth < 3:  # `managed to sell`, `went there to meet officials`: the head's tense
            return _verb_tense(head, lx, depth=depth + 1)
        return "up"
    if (
        v.dep_ == "conj"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)
        and (v.tag_ != "VBD" or v.lower_ in _BASE_PARTICIPLES)
    ):
        # `will skip July and cut again in September` shares `will`; a past form does not
        # (`will sell the unit, and took a loss in the third quarter`)
        if depth < 3 and _is_verb(v.head):
            return _verb_tense(v.head, lx, depth=depth + 1)
    tag = v.tag_
    if tag == "MD":
        return "future"
    if (
        tag in ("VBD", "VBN")
        and v.dep_ == "advcl"
        and depth < 3
        and any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for c in v.children)
        and _parsed_tense(v.head, include_root=True) == "future"
    ):
        return "future"  # `would strike if cuts were not ruled out by July 14`: backshifted
    if tag == "VBD":
        return "past"
    if tag == "VBN":
        if any(a in _HAVE for a in auxes) or any(a in _BE_PAST for a in auxes):
            return "past"
        if any(a in _BE_PRESENT or a in ("be", "being", "been") for a in auxes):
            return "future" if low in lx.tense_future_heads else "present"
        if low in lx.tense_future_participles and v.dep_ in ("acl", "amod"):
            return "future"  # `results expected in March`
        return "past"  # `launched by Seres and Huawei last December`
    if tag == "VBG":
        if any(a in _BE_PAST for a in auxes):
            return "past"
        if any(a in _BE_PRESENT for a in auxes):
            return "schedule"  # `Apple is launching the phone in March`
        return "up"
    if tag in ("VBZ", "VBP"):
        if low in lx.tense_future_heads:
            return "future"
        for c in v.children:
            if c.dep_ in ("acomp", "attr", "xcomp", "oprd") and c.lower_ in lx.tense_future_heads:
                return "future"  # `the decision is due on March 21`
        if low in lx.tense_schedule or v.lemma_ in lx.tense_schedule:
            return "schedule"
        if any(a in _HAVE for a in auxes):
            return "past"
        if v.dep_ == "advcl" and depth < 3 and v.head is not v:
            if _parsed_tense(v.head, include_root=True) == "future":
                return "future"  # `before rising again ... as prices climb over the winter`
        return "present"
    if tag == "VB":
        if "did" in auxes:
            return "past"
        if any(a in ("do", "does") for a in auxes):
            return "present"
        return "up"
    return "up"


# ---------------------------------------------------------------- blank docs

_TOKEN = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*|\d[\d,.:]*|[^\sA-Za-z\d]")
_SENT_BREAK = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n")
_CLAUSE_PUNCT = frozenset(',;:()"“”—–')
_CLAUSE_WORDS = frozenset(
    "that which who whom whose when while but because although though whereas if unless "
    "where".split()
)
_PLURAL_SUBJECT_FORMS = frozenset("expect intend want seek".split())  # rarely nouns
_COORDINATORS = frozenset("and or but then nor".split())
_LINKING = frozenset("be being stay stays remain remains get gets become becomes".split())
_BASE_PARTICIPLES = frozenset(
    "run come become put cut set hit let shut quit spread cost hurt".split()
)
_NOT_SCHEDULE = _HAVE | {"to", "did", "do", "does", "the", "a", "an", "its", "their", "his", "her"}
_ADVERB = re.compile(r"(?:ly|not|n't|also|already|just|still|now|then|never|ever|only|next|again)$")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 600)
    s0 = lo
    # up to one character past `start`: the break's look-ahead must see the expression's first
    # letter (`... County. As of Sept. 30, the bank had`)
    for m in _SENT_BREAK.finditer(text, lo, min(len(text), start + 1)):
        s0 = m.end()
    m = _SENT_BREAK.search(text, end, min(len(text), end + 600))
    return s0, m.start() + 1 if m else min(len(text), end + 600)


def _is_participle(low: str, lx: Lexicon) -> bool:
    return low in lx.tense_past or (
        low.endswith("ed") and len(low) > 3 and low not in lx.ed_not_past and "-" not in low
    )


def _infinitive(words: list[str], i: int, lx: Lexicon) -> bool:
    """`to` + a verb (`agreed to start`), not `to` + a noun phrase (`rose to record levels`)."""
    if i + 1 >= len(words):
        return False
    nxt = words[i + 1]
    return (
        nxt.isalpha()
        and nxt.islower()
        and nxt not in lx.not_infinitive
        and (not nxt.endswith("s") or nxt.endswith("ss"))
        and not nxt.endswith("ing")
    )


def _classify(words: list[str], i: int, lx: Lexicon, here: int) -> str | None:
    """Tense marked by the word at `i`, judged with the words before it; `here` is the index of
    the date expression."""
    w = words[i]
    low = w.lower()
    before = words[max(0, i - 4) : i][::-1]
    while before and _ADVERB.search(before[0].lower()):
        before.pop(0)
    prev = [x.lower() for x in before]
    p1 = prev[0] if prev else ""
    p2 = prev[1] if len(prev) > 1 else ""
    if low in lx.tense_future and w != "May":  # `May` is a month
        return "future"
    if before and before[0] in lx.tense_future and w.islower():
        return "future"  # the verb of `will open`, `would fall`, `will next set`
    if low == "according" or low in _BASELINE or (low == "from" and p1 in ("up", "down")):
        return "past"  # `according to a filing`, `up from 2% in March`: an existing source
    if low == "next" and w == low:
        return "future"
    if low == "to" and _infinitive(words, i, lx):
        if p1 == "due" and p2 not in _BE_PRESENT | _BE_PAST:
            return None  # `due to the pandemic`
        if p2 in _DETERMINERS or p2.endswith(("'s", "’s")):
            p3 = prev[2] if len(prev) > 2 else ""
            if p3 in lx.tense_future_heads or p3 in lx.tense_forward_object:
                # `expects the cap to fall in October`, `asked the council to delay`: the
                # object's infinitive
                return "future"
            return UNTENSED  # `a scheme to run through May`, `its plan to cut jobs by March`
        if p1 in lx.tense_future_heads:
            if p2 in _BE_PAST or p2 in _HAVE:
                return UNTENSED  # `was set to open in May`, `had planned to`: may have passed
            return "future"  # `plans to`, `is expected to`, `hoped to resume on Saturday`
        if any(x in lx.tense_forward_object for x in prev[1:4]):
            return "future"  # `asked the council to delay`, `pressure on the bank to raise`
        if p1 in lx.tense_implicative:
            return "past" if _is_participle(p1, lx) else "present"
        return None
    if (
        low in lx.tense_future_heads
        and p1 in _BE_PRESENT | _BE_PAST
        and not _is_participle(low, lx)
    ):
        return "future" if p1 in _BE_PRESENT else "past"  # `is due`, `is likely`, `was set`
    if low in _BE_PAST or low == "did":
        return "past"
    if _is_participle(low, lx):
        if p1 in _BE_PAST:
            return "past"
        if p1 in _BE_PRESENT:
            return "future" if low in lx.tense_future_heads else "present"
        if p1 in _LINKING:  # `will be sent`, `will stay closed`: the auxiliary further left tells
            return "future" if p2 in lx.tense_future or p2 == "to" else None
        if p1 in _HAVE and p2 in lx.tense_modal_perfect_past:
            return "past"  # `may have fallen on Wednesday`, `should have opened in May`
        if p1 in _HAVE and p2 in lx.tense_future:
            return "future"  # `would have doubled to 50% on December 1`: still ahead
        if p1 == "been" or p1 in _HAVE:
            return "past"
        if 0 < here - i <= 2 and low in lx.tense_future_participles:
            return "future"  # `results expected in March`, `a launch scheduled for June`
        return "past"
    if low in _BASE_PARTICIPLES and p1 and p1 not in _NOT_SCHEDULE | _COORDINATORS:
        return "past"  # `the IMF cut its forecast`: in news narrative these are past forms
    if low in _BE_PRESENT:
        return "present"
    if low in _HAVE:
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if low == "had" or _is_participle(nxt, lx) or nxt in _BASE_PARTICIPLES:
            return "past"  # present perfect counts as past (CONVENTIONS.md)
        return "present"
    if low in lx.tense_schedule and p1 not in _NOT_SCHEDULE:
        return "schedule"  # `the show opens on Friday`, `the new rules take effect on January 1`
    if low in lx.tense_future_heads and low != "plans" and p1 not in _NOT_SCHEDULE:
        if low.endswith("s") or low in _PLURAL_SUBJECT_FORMS:
            return "future"  # `expects the first hike in March`, `retailers expect record sales`
    if low == "plans" and p1 not in ("the", "its", "their", "his", "her", "our"):
        return "future"
    if low in ("says", "tells", "adds", "notes"):
        return "present"
    return None


def _boundary(word: str) -> bool:
    return word in _CLAUSE_PUNCT or word.lower() in _CLAUSE_WORDS


def _clause(words: list[str], here: int) -> tuple[int, int]:
    lo = here
    while lo > 0 and not _boundary(words[lo - 1]):
        lo -= 1
    hi = here
    while hi + 1 < len(words) and not _boundary(words[hi + 1]):
        hi += 1
    return lo, hi


def text_tense(text: str, start: int, end: int) -> str | None:
    """Sentence-level heuristic: the nearest tense marker in the expression's clause (left,
    then right), else the nearest before it in its sentence, else the first after it. A clause
    without a verb set off by commas (`the rate, 6.7 percent in December, would fall`) states a
    level already reached: past."""
    lx = lexicon()
    s0, s1 = _sentence_bounds(text, start, end)
    left = _TOKEN.findall(text, s0, start)
    words = [*left, "<date>", *_TOKEN.findall(text, end, s1)]
    here = len(left)
    lo, hi = _clause(words, here)

    def first(indices) -> str | None:
        for i in indices:
            if words[i][0].isalpha() and (tense := _classify(words, i, lx, here)):
                return tense
        return None

    tense = first(range(here - 1, lo - 1, -1)) or first(range(here + 1, hi + 1))
    if (
        tense == "past"
        and lo > 1
        and words[lo - 1].lower() in _CONDITIONAL
        and first(range(lo - 2, -1, -1)) == "future"
    ):
        return "future"  # `would strike if cuts were not ruled out by July 14`: backshifted
    if tense:
        return tense
    if here > lo and words[here - 1].lower() in lx.tense_past_nouns:
        return "past"  # `the stock's closing price on Friday`: a price already set
    if 0 < lo and words[lo - 1] == "," and hi + 1 < len(words) and words[hi + 1] == ",":
        return "past"
    tense = first(range(lo - 1, -1, -1))
    if tense == "past" and _main_clause_future(words, lo, lx):
        return "future"
    return tense or first(range(hi + 1, len(words)))


_SUBORDINATE = frozenset("that which who whom whose when where while after because as".split())


def _main_clause_future(words: list[str], lo: int, lx: Lexicon) -> bool:
    """`The Neo will go on sale, priced at £300 with a screen that was praised, in January`: a
    date set off from its verb belongs to the main clause's `will`, not to the past tense of a
    clause nested after it."""
    for i in range(lo):
        w = words[i]
        if w.lower() in lx.tense_future and w != "May":
            return not any(x.lower() in _SUBORDINATE for x in words[:i]) and any(
                x.lower() in _SUBORDINATE for x in words[i + 1 : lo]
            )
    return False
