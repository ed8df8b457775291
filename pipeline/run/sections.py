"""Articles too long for one Doc are parsed in sections.

spaCy refuses a text longer than `nlp.max_length` (1,000,000 characters), and the trained
parser needs about 2 GB of memory per million characters (a 5 MB one-line file took more
than 11 GB). An article longer than `SECTION_CHARS` is therefore cut into sections of at
most that many characters, at paragraph breaks where it can (else after a sentence end,
else at a space), each parsed as its own Doc; figures, dates and claims are put back at
their offsets in the whole text, and claim ids count repeated sentences over the whole
article, as for a short article. What does not cross a section boundary: a quotation
chained over paragraphs, `he`/surname resolution, the organisation behind `the company`.
Real news articles are far shorter (a long feature is 30,000 to 60,000 characters).
"""

from __future__ import annotations

import re
from collections import Counter

from pydantic import BaseModel
from spacy.language import Language

from newsclaims.extraction.claims import claims_of
from newsclaims.extraction.components.base import failures
from newsclaims.extraction.doctext import release
from newsclaims.extraction.tokens import make_doc
from newsclaims.models import Article
from newsclaims.run.results import Result, unprocessed

SECTION_CHARS = 100_000
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s")


def sections(text: str, *, size: int = SECTION_CHARS) -> list[tuple[int, int]]:
    """`(start, end)` spans covering `text` in order, each at most `size` characters."""
    spans = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = window.rfind("\n\n") + 2  # after the paragraph break
        if cut <= 2:
            ends = [m.end() for m in _SENTENCE_END.finditer(window)]
            cut = ends[-1] if ends else window.rfind(" ") + 1
        if cut <= 0:
            cut = size
        spans.append((start, start + cut))
        start += cut
    spans.append((start, len(text)))
    return spans


def shifted(record: BaseModel, delta: int) -> BaseModel:
    """`record` with every character offset in it (its own and its mentions') moved."""
    update: dict = {}
    for name, value in record:
        if isinstance(value, BaseModel):
            update[name] = shifted(value, delta)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            update[name] = [shifted(v, delta) for v in value]
    fields = type(record).model_fields
    if "start" in fields and "end" in fields:
        update["start"], update["end"] = record.start + delta, record.end + delta
    return record.model_copy(update=update) if update else record


def process_long(article: Article, *, nlp: Language):
    """The `Result` of an article longer than a section, or an `InputError`."""
    figures, dates, claims = [], [], []
    repeats: Counter[str] = Counter()
    for start, end in sections(article.text):
        doc = make_doc(nlp, article.text[start:end])
        doc._.published = article.published
        doc = nlp(doc)
        problems = failures(doc)
        if problems:
            return unprocessed(article, problems)
        figures += [shifted(f, start) for f in doc._.figures or []]
        dates += [shifted(d, start) for d in doc._.dates or []]
        claims += [shifted(c, start) for c in claims_of(doc, article, repeats=repeats)]
        release(doc)
    record = article.model_copy(update={"figures": figures, "dates": dates})
    return Result(record, claims)
