"""The local engine: parse chunks in this process, or in N worker processes, in input order."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from newsclaims.extraction.nlp import shared_nlp
from newsclaims.models import Article
from newsclaims.run.engines.chunks import Outcome, ordered, parse_chunk


def _start_worker(model: str | None) -> None:
    """In each worker: exit when the parent run dies (even by SIGKILL, which leaves no time
    to stop the pool), then load the pipeline once."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="newsclaims-parent-watch", daemon=True).start()
    shared_nlp(model)


class LocalEngine:
    """`workers` processes on this machine (1: parse in this process, no pool)."""

    def __init__(self, *, model: str | None, batch_size: int, workers: int = 1) -> None:
        self.model, self.batch_size, self.workers = model, batch_size, max(1, workers)

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc) -> None:
        return None

    def map(self, chunks: Iterable[list[Article]]) -> Iterator[list[Outcome]]:
        if self.workers == 1:
            for chunk in chunks:
                yield parse_chunk(chunk, self.model, self.batch_size) if chunk else []
            return
        pool: ProcessPoolExecutor | None = None

        def submit(chunk: list[Article]):
            nonlocal pool
            if pool is None:  # started on the first chunk to parse: none for an unchanged folder
                pool = ProcessPoolExecutor(
                    self.workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_worker,
                    initargs=(self.model,),
                )
            return pool.submit(parse_chunk, chunk, self.model, self.batch_size)

        try:
            yield from ordered(submit, chunks, window=2 * self.workers)
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
