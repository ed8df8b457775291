"""The local engine: parse chunks in this process, or in N worker processes, in input order.

This module imports nothing heavy at the top: a worker process imports it to run its
initializer, which must watch the parent before spending seconds importing spaCy, so that
a parent killed while its workers start leaves no worker (nor the resource tracker) behind.

A worker that dies (killed, out of memory) breaks the whole pool: the pool is started
again, the chunk is parsed again alone, then one article at a time, so that only an
article that kills a worker by itself becomes an error line; the run goes on.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsclaims.models import Article
    from newsclaims.run.engines.chunks import Outcome
    from newsclaims.run.results import FileTask

log = logging.getLogger("newsclaims.parallel")
STOP_SECONDS = 10.0
"""How long a worker may take to exit once its pool is shut down."""


def _start_worker(parent: int, model: str | None) -> None:
    """In each worker: exit when the parent run `parent` dies (even by SIGKILL, which leaves
    no time to stop the pool) or is already gone, then load the pipeline once."""
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, name="newsclaims-parent-watch", daemon=True).start()
    from newsclaims.extraction.nlp import shared_nlp
    from newsclaims.run.collection import raise_young_threshold

    raise_young_threshold()  # for the worker's life, which is the run's

    shared_nlp(model)


def parse_chunk(articles: list[Article], model: str | None, batch_size: int) -> list[Outcome]:
    """`newsclaims.run.engines.chunks.parse_chunk`, imported when first needed."""
    from newsclaims.run.engines.chunks import parse_chunk as parse

    return parse(articles, model, batch_size)


def _source(article: Article | FileTask) -> str:
    """The `source` of an article, or of the file a worker reads itself."""
    from newsclaims.run.results import FileTask

    return article.entry.source if isinstance(article, FileTask) else article.source


def _worker_died(article: Article | FileTask) -> Outcome | list[Outcome]:
    from newsclaims.models import InputError
    from newsclaims.run.engines.chunks import Outcome
    from newsclaims.run.results import FileTask

    message = (
        "The worker process parsing this article died twice (killed, or out of memory); "
        "the article was left out. Run it alone with --workers 1 to see what happens, "
        "or check the machine's memory."
    )
    if isinstance(article, FileTask):  # the file's one error line
        return [
            Outcome(error=InputError(source=article.entry.source, error=message).model_dump_json())
        ]
    return Outcome(error=InputError(source=article.source, error=message).model_dump_json())


class LocalEngine:
    """`workers` processes on this machine (1: parse in this process, no pool)."""

    def __init__(self, *, model: str | None, batch_size: int, workers: int = 1) -> None:
        self.model, self.batch_size, self.workers = model, batch_size, max(1, workers)
        # Worker processes read their own input files (`FileTask`): the main process only
        # walks, hashes and writes, and is no longer the bottleneck once parsing is cheap.
        self.reads_files = self.workers > 1
        self._pool: ProcessPoolExecutor | None = None
        self._broken = False  # a pool broke (a worker died) during this run
        self.load_seconds = 0.0

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc) -> None:
        self._stop(final=True)

    def map(self, chunks: Iterable[list[Article]]) -> Iterator[list[Outcome]]:
        if self.workers == 1:
            loaded = False
            for chunk in chunks:
                if chunk and not loaded:  # loaded for the first input to parse, timed apart
                    from newsclaims.extraction.nlp import shared_nlp

                    started = time.perf_counter()
                    shared_nlp(self.model)
                    self.load_seconds, loaded = time.perf_counter() - started, True
                yield parse_chunk(chunk, self.model, self.batch_size) if chunk else []
            return
        # [chunk, future]: the future is None for an empty chunk or one to submit again.
        pending: deque[list] = deque()
        try:
            for chunk in chunks:
                pending.append([chunk, self._submit_or_later(chunk) if chunk else None])
                if len(pending) >= 2 * self.workers:
                    yield self._next(pending)
            while pending:
                yield self._next(pending)
        finally:  # pending chunks are left only when the run stopped early
            self._stop(final=True, busy=any(future for _, future in pending))

    def _submit(self, chunk: list[Article]):
        if self._pool is None:  # started on the first chunk to parse: none for an unchanged folder
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(os.getpid(), self.model),
            )
        return self._pool.submit(parse_chunk, chunk, self.model, self.batch_size)

    def _submit_or_later(self, chunk: list[Article]):
        """The chunk's future, or None when the pool broke before it could be submitted
        (a worker died since the last result): `_next` submits it again in its turn."""
        try:
            return self._submit(chunk)
        except BrokenProcessPool:
            return None

    def _next(self, pending: deque[list]) -> list[Outcome]:
        chunk, future = pending.popleft()
        if not chunk:
            return []
        try:
            return (future or self._submit(chunk)).result()
        except BrokenProcessPool:
            log.warning("a worker process died; parsing its chunk again")
        self._restart(pending)
        try:
            return self._submit(chunk).result()  # alone: nothing else runs in the new pool
        except BrokenProcessPool:
            log.warning("a worker died again; parsing the %d articles one by one", len(chunk))
        self._restart(pending)
        outcomes: list[Outcome] = []
        for article in chunk:
            try:
                outcomes.extend(self._submit([article]).result())
            except BrokenProcessPool:
                log.warning("%s: the worker parsing it died", _source(article))
                self._restart(pending)
                outcomes.append(_worker_died(article))
        return outcomes

    def _restart(self, pending: deque[list]) -> None:
        """Drop a broken pool; the chunks in flight are submitted again in their turn."""
        self._broken = True
        self._stop()
        for item in pending:
            item[1] = None

    def _stop(self, *, final: bool = False, busy: bool = False) -> None:
        """Shut the pool down and reap its workers and its manager thread before returning.

        An idle worker exits on the shutdown's sentinel; one still parsing (`busy`: the run
        stopped with chunks in flight, whose results nobody reads) is terminated at once
        rather than waited for. A worker that has not exited `STOP_SECONDS` after the
        shutdown is killed: one killed while it held the task queue's lock leaves its
        siblings blocked on that lock. The pool's manager thread is joined too: it holds
        the pool's queues, whose semaphores must be released before the resource tracker
        is stopped (a semaphore finalized later asks for a new tracker, which outlives the
        run as an orphan in its process group)."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        processes = list((getattr(pool, "_processes", None) or {}).values())
        # Taken before the shutdown, which drops the pool's reference without joining it.
        manager = getattr(pool, "_executor_manager_thread", None)
        pool.shutdown(wait=False, cancel_futures=True)
        if busy:
            for process in processes:
                process.terminate()
        deadline = time.monotonic() + STOP_SECONDS
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                log.warning("worker %s did not stop; killing it", process.pid)
                process.kill()
                process.join(STOP_SECONDS)
        if manager is not None:
            manager.join(max(1.0, deadline - time.monotonic()))
            if manager.is_alive():
                log.warning("the worker pool's manager thread did not stop")
        # Reap every child process that has ended (`active_children` polls them), also one
        # the pool started after the snapshot above: unreaped, it would outlive the run as a
        # zombie in its process group.
        multiprocessing.active_children()
        del pool, processes, manager
        if final and not self._broken:
            # After a worker died, the broken pool's queues may still hold semaphores: the
            # tracker stays to clean them up at exit.
            _stop_resource_tracker()


def _stop_resource_tracker() -> None:
    """End multiprocessing's resource tracker, a process the first pool started that would
    otherwise outlive the run (it exits only when it reads the end of its pipe, after the
    run's exit: an orphan in the run's process group). The pool's queues are collected
    first, so that nothing registers with the tracker again and starts a new one."""
    import gc
    from multiprocessing import resource_tracker

    tracker = getattr(resource_tracker, "_resource_tracker", None)
    if getattr(tracker, "_pid", None) is None:
        return  # none, or the tracker of a parent process (this run is itself a worker)
    gc.collect()
    stop = getattr(tracker, "_stop", None)
    if stop is not None:
        try:
            stop()
        except (OSError, ChildProcessError) as error:  # already gone
            log.debug("resource tracker: %s", error)
