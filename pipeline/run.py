"""The batch job: inputs on disk -> `Article` -> `nlp.pipe` -> `Claim` records -> files.

Inputs are streamed (one file, one JSON line at a time) and parsed in batches; a broken
input becomes one line of `errors.jsonl` and the rest of the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from models import Article, Claim, InputError
from pipeline.components.base import failures
from pipeline.extract import article_record, claims_of
from pipeline.ingest import Skipped, read_inputs
from pipeline.nlp import model_name, shared_nlp
from pipeline.writers import Output

BATCH_SIZE = 32


@dataclass
class Summary:
    """What a run did, for the one-screen summary and the exit status."""

    model: str
    out: Path | None = None
    articles: int = 0
    claims: int = 0
    failed: int = 0
    skipped: int = 0
    skipped_kinds: Counter[str] = field(default_factory=Counter)
    words: int = 0
    seconds: float = 0.0
    load_seconds: float = 0.0

    @property
    def words_per_second(self) -> float:
        """Throughput once the spaCy pipeline is loaded."""
        work = self.seconds - self.load_seconds
        return self.words / work if work > 0 else 0.0

    @property
    def ok(self) -> bool:
        return self.failed == 0


@dataclass(frozen=True)
class Result:
    """One processed article and its claims."""

    article: Article
    claims: list[Claim]


def process(
    articles: Iterable[Article], *, nlp: Language, batch_size: int = BATCH_SIZE
) -> Iterator[Result | InputError]:
    """Parse articles in batches and turn each into its records (or an error)."""

    def docs():
        for article in articles:
            doc = nlp.make_doc(article.text)
            doc._.published = article.published
            yield doc, article

    for doc, article in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        problems = failures(doc)
        if problems:
            yield InputError(
                source=article.source,
                error=f"could not be processed ({'; '.join(problems)}); "
                "please report this article with the error.",
            )
            continue
        yield Result(article_record(article, doc), claims_of(doc, article))


def extract(
    inputs: Sequence[str | Path],
    *,
    out: Path,
    model: str | None = None,
    reference_date: dt.date | None = None,
    batch_size: int = BATCH_SIZE,
    on_progress: Callable[[Summary], None] | None = None,
    on_result: Callable[[Result], None] | None = None,
) -> Summary:
    """Run the whole job and write `claims.jsonl`, `articles.jsonl`, `errors.jsonl`.

    `on_result` receives every processed article and its claims (e.g. a database sink);
    it must not raise: the files are written whatever it does with them.
    """
    started = time.perf_counter()
    nlp = shared_nlp(model)
    summary = Summary(model=model_name(nlp), out=out, load_seconds=time.perf_counter() - started)
    with Output(out) as output:

        def articles() -> Iterator[Article]:
            for item in read_inputs(inputs, reference_date=reference_date):
                if isinstance(item, Article):
                    yield item
                elif isinstance(item, InputError):
                    output.errors.write(item)
                    summary.failed += 1
                elif isinstance(item, Skipped):
                    summary.skipped += 1
                    summary.skipped_kinds[item.reason] += 1

        for item in process(articles(), nlp=nlp, batch_size=batch_size):
            if isinstance(item, InputError):
                output.errors.write(item)
                summary.failed += 1
                continue
            output.articles.write(item.article)
            for claim in item.claims:
                output.claims.write(claim)
            if on_result is not None:
                on_result(item)
            summary.articles += 1
            summary.claims += len(item.claims)
            summary.words += len(item.article.text.split())
            if on_progress is not None:
                on_progress(summary)
    summary.seconds = time.perf_counter() - started
    return summary


def extract_text(
    text: str,
    *,
    published: dt.date | None = None,
    source: str = "text",
    model: str | None = None,
) -> list[Claim]:
    """The claims of one text, for use from Python."""
    from pipeline.ids import article_id, content_hash

    article = Article(
        id=article_id(source),
        source=source,
        text=text,
        published=published,
        published_from="article" if published else None,
        content_hash=content_hash(text),
    )
    for item in process([article], nlp=shared_nlp(model)):
        if isinstance(item, InputError):
            raise ValueError(item.error)
        return item.claims
    return []
