"""Parsing chunks of articles, in this process or in N worker processes, in input order.

A *chunk* is a list of `Article` records (at most `batch_size`); a worker parses it with
`nlp.pipe` and returns each article's output lines already serialised (`Outcome`), never
Docs. Workers load the spaCy pipeline once (`newsclaims.extraction.nlp.shared_nlp` is a per-process
cache). Results come back in submission order, with a bounded number of chunks in flight,
so memory does not grow with the corpus. The same `parse_chunk` runs for one worker, for
N local processes and on Dask workers, so every engine gives the same bytes.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from newsclaims.ingest import read_entry
from newsclaims.models import Article, InputError
from newsclaims.run.results import FileTask, Result

log = logging.getLogger("newsclaims.parallel")


@dataclass(frozen=True)
class Outcome:
    """One article's output lines: its article line and claim lines, or one error line."""

    article: str | None = None
    claims: tuple[str, ...] = ()
    error: str | None = None
    words: int = 0
    read_error: bool = False
    """`error` came from reading the file (a `FileTask`), not from parsing an article."""
    warning: bool = False
    """A read error of level warning: the article is still read."""


def _outcome(item: Result | InputError) -> Outcome:
    if isinstance(item, InputError):
        return Outcome(error=item.model_dump_json())
    return Outcome(
        article=item.article.model_dump_json(),
        claims=tuple(claim.model_dump_json() for claim in item.claims),
        words=len(item.article.text.split()),
    )


def _failed(article: Article, error: BaseException) -> Outcome:
    message = (
        f"could not be processed ({type(error).__name__}: {error}); "
        "please report this article with the error."
    )
    return Outcome(error=InputError(source=article.source, error=message).model_dump_json())


def parse_chunk(
    articles: list[Article | FileTask], model: str | None, batch_size: int
) -> list[Outcome | list[Outcome]]:
    """The outcome of every article of a chunk, in order; an article that breaks the parse
    becomes an error line and the others of its chunk are parsed again one by one. A
    `FileTask` is read here and gives the list of its items' outcomes, read errors
    included."""
    # Imported here: the main process unpickles `Outcome`s from this module, and must not
    # import spaCy for that.
    from newsclaims.extraction.nlp import shared_nlp

    nlp = shared_nlp(model)
    tasks = [_read(item) if isinstance(item, FileTask) else item for item in articles]
    flat = [a for item in tasks for a in (item if isinstance(item, list) else [item])]
    parsed = iter(_parse([a for a in flat if isinstance(a, Article)], nlp, batch_size))
    outcomes: list[Outcome | list[Outcome]] = []
    for item in tasks:
        if isinstance(item, list):
            outcomes.append([next(parsed) if isinstance(a, Article) else a for a in item])
        else:
            outcomes.append(next(parsed))
    if len(nlp.vocab.strings) > VOCAB_LIMIT:
        shared_nlp.cache_clear()  # the next chunk loads a fresh pipeline
    return outcomes


def _read(task: FileTask) -> list[Article | Outcome]:
    """A file's articles, and its read errors as outcomes, after the first `task.skip`."""
    items = [
        item
        for item in read_entry(task.entry, reference_date=task.reference_date)
        if isinstance(item, Article | InputError)
    ][task.skip :]
    return [
        item
        if isinstance(item, Article)
        else Outcome(error=item.model_dump_json(), read_error=True, warning=item.level == "warning")
        for item in items
    ]


VOCAB_LIMIT = 1_000_000
"""Strings in the vocabulary before a worker loads a fresh pipeline. spaCy keeps every new
string it sees (numbers, names), so a long run's memory grows by about 1 MB per 1,000
articles; reloading costs a second or two every few hundred thousand articles. (An
`nlp.memory_zone()` per chunk stops the growth too, but makes `blank` runs 40% slower.)"""


SECONDS_PER_ARTICLE = 300.0
"""Most CPU time one article may take to parse (an article of `MAX_ARTICLE_CHARS` takes
about 3 minutes with the trained pipeline); a slower one is an error line. CPU time, not
wall time, so that a busy machine does not turn good articles into errors. Enforced with
a profiling timer (SIGPROF), so where the parse runs in the main thread: this process and
local workers, not Dask."""


class ArticleTimeout(BaseException):
    """Parsing took longer than its limit (a BaseException: components catch Exception)."""


@contextmanager
def time_limit(seconds: float):
    """Raise ArticleTimeout in this block after `seconds` of CPU time, where a signal can
    deliver it (the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise ArticleTimeout

    previous_hook = sys.unraisablehook

    def unraisable(report) -> None:
        # Raised inside a `__del__`: Python only reports it, and the repeating timer raises
        # it again. Reported by the previous hook, a second tick could land in the report.
        if not isinstance(report.exc_value, ArticleTimeout):
            previous_hook(report)

    previous = signal.signal(signal.SIGPROF, expire)
    sys.unraisablehook = unraisable
    # Repeating: an exception raised where Python ignores it (a `__del__`, a callback that
    # swallows BaseException) must not let the parse run on unbounded.
    signal.setitimer(signal.ITIMER_PROF, seconds, max(seconds / 4, 0.05))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
        sys.unraisablehook = previous_hook


def _timed_out(article: Article) -> Outcome:
    message = (
        f"Parsing this article took longer than the {SECONDS_PER_ARTICLE:g} s (CPU time) limit "
        "for one article; it was left out. Check that it is an article (not a table, a list of "
        "numbers or a data dump), or split it into smaller articles."
    )
    return Outcome(error=InputError(source=article.source, error=message).model_dump_json())


def _parse(articles: list[Article], nlp, batch_size: int) -> list[Outcome]:
    from newsclaims.run.parse import process

    # A chunk of ordinary articles takes seconds: one that takes longer than one article
    # may is parsed again one article at a time, each under the limit.
    try:
        with time_limit(SECONDS_PER_ARTICLE):
            return [_outcome(item) for item in process(articles, nlp=nlp, batch_size=batch_size)]
    except ArticleTimeout:
        log.warning("a chunk took too long; parsing its %d articles one by one", len(articles))
    except Exception:  # noqa: BLE001 - find the article that broke the batch
        log.warning("a chunk failed; parsing its %d articles one by one", len(articles))
    outcomes = []
    for article in articles:
        try:
            with time_limit(SECONDS_PER_ARTICLE):
                (item,) = process([article], nlp=nlp, batch_size=1)
            outcomes.append(_outcome(item))
        except ArticleTimeout:
            log.warning("%s: parsing took too long", article.source)
            outcomes.append(_timed_out(article))
        except Exception as error:  # noqa: BLE001 - one error line, the batch goes on
            log.warning("%s could not be processed: %r", article.source, error)
            outcomes.append(_failed(article, error))
    return outcomes


class _Done:
    """A finished result that looks like a future (empty chunks never leave the process)."""

    def __init__(self, value) -> None:
        self._value = value

    def result(self):
        return self._value


def ordered(
    submit: Callable[[list[Article]], object],
    chunks: Iterable[list[Article]],
    *,
    window: int | Callable[[], int],
) -> Iterator[list[Outcome]]:
    """Submit chunks lazily, at most `window` in flight, and yield results in order."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append(submit(chunk) if chunk else _Done([]))
        if len(pending) >= (window() if callable(window) else window):
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
