"""Articles -> `nlp.pipe` -> records: one batch of `Article`s parsed into `Result`s.

A broken article becomes an `InputError` and the rest of the batch goes on; an article too
long for one Doc is parsed in sections (`newsclaims.run.sections`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from newsclaims.extraction.claims import article_record, claims_of
from newsclaims.extraction.components.base import failures
from newsclaims.extraction.doctext import release
from newsclaims.extraction.tokens import make_doc
from newsclaims.models import Article, InputError
from newsclaims.run.results import BATCH_SIZE, Result, unprocessed
from newsclaims.run.sections import SECTION_CHARS, process_long

MAX_ARTICLE_CHARS = 2_000_000
"""Longest article text parsed (in sections above `SECTION_CHARS`): a longer one is an error
line. The longest real news features are under 100,000 characters; 2,000,000 take about
3 minutes with the trained pipeline on one core."""


def process(
    articles: Iterable[Article], *, nlp: Language, batch_size: int = BATCH_SIZE
) -> Iterator[Result | InputError]:
    """Parse articles in batches and turn each into its records (or an error)."""

    def docs():
        for article in articles:
            if len(article.text) > MAX_ARTICLE_CHARS:
                yield nlp.make_doc(""), (article, None)
                continue
            # Too long for one Doc: an empty stand-in keeps the order (`newsclaims.run.sections`).
            long = len(article.text) > SECTION_CHARS
            doc = make_doc(nlp, "" if long else article.text)
            doc._.published = article.published
            yield doc, (article, long)

    for doc, (article, long) in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        if long is None:
            yield InputError(source=article.source, error=_too_long(len(article.text)))
            continue
        if long:
            yield process_long(article, nlp=nlp)
            continue
        problems = failures(doc)
        if problems:
            yield unprocessed(article, problems)
            continue
        result = Result(article_record(article, doc), claims_of(doc, article))
        release(doc)
        yield result


def _too_long(chars: int) -> str:
    return (
        f"The article text is {chars:,} characters long, more than the {MAX_ARTICLE_CHARS:,} "
        "limit for one article; it was left out. A news article is far shorter: check that "
        "the file holds one article (not a whole archive or a data dump), or split it."
    )
