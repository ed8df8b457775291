"""The incremental, resumable batch job behind `newsclaims extract`.

Inputs are walked in their stable order. For each input file (a *unit*) the manifest says
whether its bytes and the pipeline version are unchanged: then its output lines are copied
from the manifest, with no reading and no parsing; otherwise the file is read here and its
articles go, in chunks, to an engine (this process, N local processes, or Dask) that parses
them. Output lines are written in input order whatever the engine, so every engine and every
re-run gives the same bytes as a clean run. Each chunk's lines are committed to the manifest
(`checkpoint`) as they arrive: a killed run resumes where its last checkpoint left off.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import astuple, dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from newsclaims.ingest import FileEntry, Skipped, read_entry, walk_inputs
from newsclaims.ingest.reader import FORMATS
from newsclaims.models import Article, InputError
from newsclaims.run.manifest import Counts, Manifest
from newsclaims.run.results import FileTask
from newsclaims.run.version import file_hash

if TYPE_CHECKING:
    from newsclaims.run.engines.chunks import Outcome
    from newsclaims.run.results import Summary

log = logging.getLogger("newsclaims.batch")

MAX_EVENTS = 256
"""Most events per chunk besides its articles, so that unchanged inputs flow steadily."""


@dataclass(frozen=True)
class Keep:
    """An unchanged input: copy its lines from the manifest."""

    key: str
    counts: Counts


@dataclass(frozen=True)
class Loose:
    """An error that belongs to no input file (a missing INPUT, an unreadable folder)."""

    line: str


@dataclass(frozen=True)
class Start:
    key: str


@dataclass(frozen=True)
class Resume:
    """A unit a killed run left half done: copy its committed lines, then go on."""

    key: str


@dataclass(frozen=True)
class Fail:
    """An input error inside a unit (a bad JSON line, an undecodable file), or a warning."""

    key: str
    line: str
    warning: bool = False


@dataclass(frozen=True)
class Parse:
    """The next article of the chunk's parse results belongs to this unit."""

    key: str


@dataclass(frozen=True)
class Read:
    """The engine reads this unit's file and parses it: the next item of the chunk's
    results is the list of the unit's outcomes (read errors included)."""

    key: str


@dataclass(frozen=True)
class End:
    key: str


@dataclass(frozen=True)
class Stop:
    """A unit cut short by `--limit`: counted, left unfinished in the manifest."""

    key: str


Event = Keep | Loose | Start | Resume | Fail | Parse | Read | End | Stop


@dataclass
class Chunk:
    """Events in input order and the articles their `Parse` events stand for."""

    events: list[Event] = field(default_factory=list)
    articles: list[Article | FileTask] = field(default_factory=list)


def plan(
    inputs,
    *,
    manifest: Manifest,
    version: str,
    reference_date: dt.date | None,
    batch_size: int,
    summary: Summary,
    limit: int | None = None,
    engine_reads: bool = False,
) -> Iterator[Chunk]:
    """The work of a run, chunk by chunk: unchanged units kept, the others read here (or,
    with `engine_reads`, files of one article each read by the engine's workers); with
    `limit`, no more once that many articles are planned (read here, to count them)."""
    chunk = Chunk()
    delegate = engine_reads and limit is None
    events = _events(inputs, manifest, version, reference_date, summary, delegate)
    if limit is not None:
        events = _limited(events, limit)
    for event, article in events:
        chunk.events.append(event)
        if article is not None:
            chunk.articles.append(article)
        if len(chunk.articles) >= batch_size or len(chunk.events) >= MAX_EVENTS + batch_size:
            yield chunk
            chunk = Chunk()
    if chunk.events:
        yield chunk


def _events(inputs, manifest, version, reference_date, summary, delegate=False):
    for entry in walk_inputs(inputs):
        if isinstance(entry, Skipped):
            _skipped(summary, entry)
        elif isinstance(entry, InputError):
            yield Loose(entry.model_dump_json()), None
        elif Path(entry.source).suffix.lower() not in FORMATS:
            for item in read_entry(entry):
                if isinstance(item, Skipped):
                    _skipped(summary, item)
        else:
            yield from _unit(entry, manifest, version, reference_date, delegate)


def _limited(events, limit: int):
    """The events of the first `limit` articles; a unit cut short gets `Stop`, not `End`, so
    the manifest keeps it unfinished (the next run goes on after its lines)."""
    planned = 0
    open_unit = None
    for event, article in events:
        if planned >= limit:
            if open_unit is not None:
                yield Stop(open_unit), None
            events.close()
            return
        if isinstance(event, Start | Resume):
            open_unit = event.key
        elif isinstance(event, End):
            open_unit = None
        elif isinstance(event, Keep):
            planned += event.counts.articles
        elif isinstance(event, Parse):
            planned += 1
        yield event, article


def _skipped(summary: Summary, item: Skipped) -> None:
    summary.skipped += 1
    summary.skipped_kinds[item.reason] += 1


# Formats whose file holds one article: read whole by a worker (a JSON or JSON Lines file may
# hold thousands, read here so that chunks stay `batch_size` articles, unless it is small).
_ONE_ARTICLE = frozenset({"markdown", "text", "html"})
SMALL_FILE = 64 * 1024
"""A JSON or JSON Lines file of at most this many bytes (one article, or a few) is read by a
worker too, like a Markdown file: the main process only walks, hashes and writes."""


def _worker_reads(entry: FileEntry) -> bool:
    fmt = FORMATS.get(Path(entry.source).suffix.lower())
    if fmt in _ONE_ARTICLE:
        return True
    if fmt not in ("json", "jsonl"):
        return False
    try:
        return entry.path.stat().st_size <= SMALL_FILE
    except OSError:
        return False  # read here, where the error line is made


def _unit(entry: FileEntry, manifest: Manifest, version: str, reference_date, delegate=False):
    key, digest = entry.source, file_hash(entry.path)
    state = manifest.lookup(key)
    repeat = 1
    while state is not None and state.seen_this_run:  # the same source under two INPUTs
        repeat += 1
        key = f"{entry.source}\x00{repeat}"
        state = manifest.lookup(key)
    if state is not None and state.current(digest, version):
        manifest.keep(key)
        yield Keep(key, state.counts), None
        return
    items = (
        item
        for item in read_entry(entry, reference_date=reference_date)
        if isinstance(item, Article | InputError)
    )
    done = 0
    if state is not None and state.resumable(digest, version):
        # Each item gave one article or error line: skip those a killed run committed.
        done = manifest.resume(key)
        log.info("%s: resuming after %d items", key, done)
        yield Resume(key), None
        items = islice(items, done, None)
    else:
        manifest.start(key, file_hash=digest, version=version)
        yield Start(key), None
    if delegate and _worker_reads(entry):
        yield Read(key), FileTask(entry, reference_date, done)
        yield End(key), None
        return
    for item in items:
        if isinstance(item, Article):
            yield Parse(key), item
        else:
            yield Fail(key, item.model_dump_json(), item.level == "warning"), None
    yield End(key), None


class Writer:
    """Applies events in order to the output files and the manifest, counting as it goes."""

    def __init__(
        self,
        output,
        manifest: Manifest,
        summary: Summary,
        on_record: Callable[[str, list[str]], None] | None = None,
    ) -> None:
        self.output, self.manifest, self.summary = output, manifest, summary
        self.on_record = on_record
        self._counts: dict[str, list[int]] = {}

    def _file(self, kind: str):
        return {
            "article": self.output.articles,
            "claim": self.output.claims,
            "error": self.output.errors,
        }[kind]

    def copy(self, key: str, counts: Counts | None) -> Counts:
        """Write a unit's lines from the manifest; its counts (`counts`, or counted from the
        lines of a half-done unit) are added to the summary when given."""
        article: str | None = None
        claims: list[str] = []
        found = [0, 0, 0, 0, 0]
        for kind, line in self.manifest.lines(key):
            self._file(kind).write_line(line)
            if counts is None:
                _tally(found, kind, line)
            if self.on_record is None:
                continue
            if kind == "article":
                if article is not None:
                    self.on_record(article, claims)
                article, claims = line, []
            elif kind == "claim":
                claims.append(line)
        if self.on_record is not None and article is not None:
            self.on_record(article, claims)
        if counts is not None:
            self._count(counts)
            return counts
        return Counts(*found)

    def _count(self, counts: Counts) -> None:
        self.summary.articles += counts.articles
        self.summary.claims += counts.claims
        self.summary.failed += counts.errors
        self.summary.warnings += counts.warnings
        self.summary.words += counts.words

    def _emit(self, key: str, kind: str, line: str) -> None:
        self.manifest.add(key, kind, line)
        self._file(kind).write_line(line)

    def apply(self, chunk: Chunk, outcomes: list[Outcome]) -> None:
        results = iter(outcomes)
        for event in chunk.events:
            if isinstance(event, Keep):
                self.copy(event.key, event.counts)
                self.summary.reused += event.counts.articles
            elif isinstance(event, Loose):
                self.output.errors.write_line(event.line)
                self.summary.failed += 1
            elif isinstance(event, Start):
                self._counts[event.key] = [0, 0, 0, 0, 0]
            elif isinstance(event, Resume):
                self._counts[event.key] = list(astuple(self.copy(event.key, None)))
            elif isinstance(event, Fail):
                self._emit(event.key, "error", event.line)
                self._counts[event.key][4 if event.warning else 2] += 1
            elif isinstance(event, Parse):
                self._parsed(event.key, next(results))
            elif isinstance(event, Read):
                for outcome in next(results):
                    if outcome.read_error:
                        self._emit(event.key, "error", outcome.error)
                        self._counts[event.key][4 if outcome.warning else 2] += 1
                    else:
                        self._parsed(event.key, outcome)
            elif isinstance(event, End):
                counts = Counts(*self._counts.pop(event.key))
                self.manifest.finish(event.key, counts)
                self._count(counts)
            elif isinstance(event, Stop):
                self._count(Counts(*self._counts.pop(event.key)))

    def _parsed(self, key: str, outcome: Outcome) -> None:
        counts = self._counts[key]
        if outcome.error is not None:
            self._emit(key, "error", outcome.error)
            counts[2] += 1
            return
        self._emit(key, "article", outcome.article)
        for line in outcome.claims:
            self._emit(key, "claim", line)
        if self.on_record is not None:
            self.on_record(outcome.article, list(outcome.claims))
        counts[0] += 1
        counts[1] += len(outcome.claims)
        counts[3] += outcome.words
        self.summary.parsed += 1
        self.summary.parsed_words += outcome.words


def _tally(counts: list[int], kind: str, line: str) -> None:
    """Count one output line of a unit into [articles, claims, errors, words, warnings]."""
    if kind == "article":
        counts[0] += 1
        counts[3] += len(json.loads(line)["text"].split())
    elif kind == "claim":
        counts[1] += 1
    elif json.loads(line).get("level") == "warning":
        counts[4] += 1
    else:
        counts[2] += 1


def run_units(
    inputs,
    *,
    output,
    manifest: Manifest,
    engine,
    version: str,
    reference_date: dt.date | None,
    batch_size: int,
    prune: bool,
    summary: Summary,
    on_progress: Callable[[Summary], None] | None = None,
    on_record: Callable[[str, list[str]], None] | None = None,
    limit: int | None = None,
) -> None:
    """The whole run into `output` (open files), with `manifest` checkpointed per chunk;
    `on_record` sees each article's lines as they are written (a database sink). With
    `limit` (the first N articles), inputs not reached are neither kept nor pruned."""
    writer = Writer(output, manifest, summary, on_record)
    sent: deque[Chunk] = deque()

    def chunks() -> Iterator[list[Article]]:
        for chunk in plan(
            inputs,
            manifest=manifest,
            version=version,
            reference_date=reference_date,
            batch_size=batch_size,
            summary=summary,
            limit=limit,
            engine_reads=getattr(engine, "reads_files", False),
        ):
            sent.append(chunk)
            yield chunk.articles

    for outcomes in engine.map(chunks()):
        writer.apply(sent.popleft(), outcomes)
        manifest.checkpoint()
        if on_progress is not None:
            on_progress(summary)
    if limit is not None:
        pass
    elif prune:
        summary.pruned = manifest.prune()
    else:
        for state in manifest.unseen():
            writer.copy(state.key, state.counts)
            summary.retained += state.counts.articles
    manifest.checkpoint()
