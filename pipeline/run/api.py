"""The batch job, as the CLI and the Python API run it: inputs on disk -> `Article` ->
`nlp.pipe` -> `Claim` records -> files.

Inputs are streamed (one file, one JSON line at a time) and parsed in batches; a broken
input becomes one line of `errors.jsonl` and the rest of the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from newsclaims.models import Article, Claim, InputError
from newsclaims.run.results import BATCH_SIZE, Result, Summary
from newsclaims.run.writers import Output, is_environmental, unwritable


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
    limit: int | None = None,
    tables: tuple[str, ...] = (),
) -> Summary:
    """Run the whole job and write `claims.jsonl`, `articles.jsonl`, `errors.jsonl`.

    Incremental and resumable (`newsclaims.run.batch`): inputs unchanged since the last run into
    `out` are carried over without parsing, a killed run resumes; inputs deleted since are
    kept unless `prune`; `fresh` ignores what earlier runs did. `workers` processes parse
    in parallel (`engine="dask"`: on the Dask cluster at `scheduler`, or a local one).
    `on_result` receives every article written and its claims (e.g. a database sink); it
    must not raise: the files are written whatever it does with them. Raises
    `OutputUnwritable` when `out` cannot be written (full disk, read-only, no permission).
    `limit` stops after that many articles (a quick look: other inputs are not pruned).
    The spaCy pipeline is loaded only when an input needs parsing (with worker
    processes, only by them: this process does not even import spaCy). `tables` (csv, parquet)
    also writes the claims as `claims.csv` / `claims.parquet`, in the same set of files.
    """
    from newsclaims.run.batch import run_units
    from newsclaims.run.collection import fewer_collections
    from newsclaims.run.engines import make_engine
    from newsclaims.run.manifest import open_manifest
    from newsclaims.run.tables import check_available
    from newsclaims.run.version import describe_model, pipeline_version

    started = time.perf_counter()
    if isinstance(inputs, str | Path):
        inputs = [inputs]
    summary = Summary(model=describe_model(model), out=out)
    for fmt in tables:
        check_available(fmt)
    version = pipeline_version(model, reference_date)
    runner = make_engine(
        engine,
        model=model,
        batch_size=batch_size,
        workers=workers,
        scheduler=scheduler,
        reference_date=reference_date,
    )
    try:
        manifest = open_manifest(out)
    except (OSError, sqlite3.Error) as error:
        if not is_environmental(error):
            raise
        raise unwritable(out, error) from None
    try:
        manifest.begin_run(fresh=fresh)
        with fewer_collections(), runner, Output(out, tables=tables) as output:
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
                limit=limit,
            )
    except (OSError, sqlite3.Error) as error:
        _abandon(manifest)
        if not is_environmental(error):
            raise
        raise unwritable(out, error) from None
    except BaseException:
        _abandon(manifest)
        raise
    summary.load_seconds = getattr(runner, "load_seconds", 0.0)
    try:
        manifest.close()
    except sqlite3.Error as error:
        raise unwritable(out, error) from None
    summary.seconds = time.perf_counter() - started
    return summary


def _abandon(manifest) -> None:
    """Close the manifest without its uncommitted work; a failing disk may refuse even that."""
    try:
        manifest.abandon()
    except (OSError, sqlite3.Error):
        pass


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
    from newsclaims.extraction.nlp import shared_nlp
    from newsclaims.models.ids import article_id, content_hash
    from newsclaims.run.parse import process

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
