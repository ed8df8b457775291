"""Parsing on a Dask distributed cluster: `newsclaims extract --engine dask [--scheduler ADDR]`.

Chunks of `Article` records (small, picklable) travel to the workers and serialised output
lines come back, never Docs. Each worker process loads the spaCy pipeline once, on its
first chunk (`newsclaims.extraction.nlp.shared_nlp` is a per-process cache). The client keeps
at most two chunks per worker thread in flight and writes the results in input order
exactly as a local run does. Without a scheduler address a LocalCluster of `workers` processes (one
thread each) is started on 127.0.0.1. Before any work, every worker must report the same
pipeline version as the client (same newsclaims code, spaCy and model), else the run stops.

`dask[distributed]` is an optional dependency (`pip install "newsclaims[dask]"`), imported
only here.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator

from newsclaims.models import Article
from newsclaims.run.engines.chunks import Outcome, ordered, parse_chunk
from newsclaims.run.version import pipeline_version


class DaskUnavailable(RuntimeError):
    """dask.distributed is not installed, or the scheduler cannot be reached."""


class WorkerMismatch(RuntimeError):
    """A Dask worker runs other newsclaims code, spaCy or model than the client."""


def _client_module():
    try:
        import distributed
    except ImportError as error:
        raise DaskUnavailable(
            '--engine dask needs dask.distributed: pip install "newsclaims[dask]"'
        ) from error
    return distributed


class DaskEngine:
    """Chunks parsed by the workers of a Dask cluster, results in order."""

    def __init__(
        self,
        *,
        model: str | None,
        batch_size: int,
        workers: int = 2,
        scheduler: str | None = None,
        reference_date: dt.date | None = None,
    ) -> None:
        self.model, self.batch_size = model, batch_size
        self.workers, self.scheduler = max(1, workers), scheduler
        self.reference_date = reference_date
        self._cluster = None
        self._client = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None

    def connect(self):
        """The client, connected on the first use (extract: the first chunk to parse, so none
        for an unchanged folder; link: its first part), its workers checked to run this code."""
        if self._client is not None:
            return self._client
        distributed = _client_module()
        # Dask logs at INFO by its own config: follow the caller's level (--verbose) instead.
        logging.getLogger("distributed").setLevel(
            max(logging.WARNING, logging.getLogger().getEffectiveLevel())
        )
        if self.scheduler is None:
            self._cluster = distributed.LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",
                silence_logs=logging.ERROR,
            )
            self._client = distributed.Client(self._cluster)
        else:
            try:
                self._client = distributed.Client(self.scheduler, timeout="20s")
            except (OSError, TimeoutError) as error:
                raise DaskUnavailable(
                    f"cannot reach the Dask scheduler at {self.scheduler} ({error}); "
                    "check the address and that the scheduler is running"
                ) from None
        self._check_workers()
        return self._client

    def _check_workers(self) -> None:
        expected = pipeline_version(self.model, self.reference_date)
        found = self._client.run(pipeline_version, self.model, self.reference_date)
        wrong = sorted(addr for addr, version in found.items() if version != expected)
        if wrong:
            raise WorkerMismatch(
                f"Dask workers {', '.join(wrong)} run another newsclaims, spaCy or model "
                "version than this client: install the same versions on every worker."
            )

    def _threads(self) -> int:
        return max(1, sum(self._client.nthreads().values()))

    def map(self, chunks: Iterable[list[Article]]) -> Iterator[list[Outcome]]:
        def submit(chunk: list[Article]):
            client = self.connect()
            return client.submit(
                parse_chunk, chunk, self.model, self.batch_size, pure=False, retries=1
            )

        # Two chunks per worker thread in flight, once the cluster is known.
        return ordered(submit, chunks, window=lambda: 2 * self._threads() if self._client else 2)
