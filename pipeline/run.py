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
from pipeline.nlp import shared_nlp
from pipeline.sections import SECTION_CHARS, process_long
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
    reused: int = 0
    retained: int = 0
    pruned: int = 0
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
            # Too long for one Doc: an empty stand-in keeps the order (`pipeline.sections`).
            long = len(article.text) > SECTION_CHARS
            doc = nlp.make_doc("" if long else article.text)
            doc._.published = article.published
            yield doc, (article, long)

    for doc, (article, long) in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        if long:
            yield process_long(article, nlp=nlp)
            continue
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
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    prune: bool = False,
    fresh: bool = False,
    on_result: Callable[[Result], None] | None = None,
) -> Summary:
    """Run the whole job and write `claims.jsonl`, `articles.jsonl`, `errors.jsonl`.

    Incremental and resumable (`pipeline.batch`): inputs unchanged since the last run into
    `out` are carried over without parsing, a killed run resumes; inputs deleted since are
    kept unless `prune`; `fresh` ignores what earlier runs did. `workers` processes parse
    in parallel (`engine="dask"`: on the Dask cluster at `scheduler`, or a local one).
    `on_result` receives every article written and its claims (e.g. a database sink); it
    must not raise: the files are written whatever it does with them.
    """
    from pipeline.batch import run_units
    from pipeline.manifest import open_manifest
    from pipeline.parallel import make_engine
    from pipeline.version import describe_model, pipeline_version

    started = time.perf_counter()
    if isinstance(inputs, str | Path):
        inputs = [inputs]
    summary = Summary(model=describe_model(model), out=out)
    if engine == "local" and workers == 1:
        # The pipeline this process will parse with, loaded before the clock for throughput.
        shared_nlp(model)
        summary.load_seconds = time.perf_counter() - started
    version = pipeline_version(model, reference_date)
    runner = make_engine(
        engine,
        model=model,
        batch_size=batch_size,
        workers=workers,
        scheduler=scheduler,
        reference_date=reference_date,
    )
    manifest = open_manifest(out)
    try:
        manifest.begin_run(fresh=fresh)
        with runner, Output(out) as output:
            run_units(
                inputs,
                output=output,
                manifest=manifest,
                engine=runner,
                version=version,
                reference_date=reference_date,
                batch_size=batch_size,
                prune=prune,
                summary=summary,
                on_progress=on_progress,
                on_record=_parse_records(on_result) if on_result is not None else None,
            )
    except BaseException:
        manifest.abandon()
        raise
    manifest.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _parse_records(on_result: Callable[[Result], None]) -> Callable[[str, list[str]], None]:
    """Adapt a callback on records to the JSON lines the batch engine writes."""

    def on_record(article_line: str, claim_lines: list[str]) -> None:
        article = Article.model_validate_json(article_line)
        on_result(Result(article, [Claim.model_validate_json(line) for line in claim_lines]))

    return on_record


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
