"""`newsclaims link --engine dask`: the pair parts judged on a Dask cluster.

The client streams the claims, makes the blocks and splits their pairs into parts of
about the same number of pairs, in order of their first claim (`newsclaims.link.stream`).
Each part travels with the items its pairs name, and its worker returns their verdicts
as numbers; the client takes the parts back in order, so grouping and the records are
made exactly as a local run makes them and the files are byte-identical. At most two
parts per worker are in flight, so the items the client holds stay bounded. The cluster
is reached as `extract --engine dask` reaches it (`newsclaims.run.engines.dask_engine`),
with the same check that every worker runs the same newsclaims code.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager

import numpy as np

from newsclaims.link.facts import Item
from newsclaims.link.judge import Verdicts, judge_part

Part = tuple[Callable[[], AbstractContextManager[dict[int, Item]]], np.ndarray]


def judge_on_dask(
    parts: Iterable[Part], *, scheduler: str | None = None, workers: int = 2
) -> Iterator[Verdicts]:
    """The verdicts of each part, in order (`parts`: a context that holds the part's
    items, and its pairs), judged on the workers of a Dask cluster."""
    from newsclaims.run.engines.dask_engine import DaskEngine

    with DaskEngine(model="blank", batch_size=1, workers=workers, scheduler=scheduler) as engine:
        client = engine.connect()  # the cluster and its version check, as extract's
        flight: deque = deque()
        for holding, pairs in parts:
            with holding() as items:
                flight.append(client.submit(judge_part, items, pairs, pure=False, retries=1))
            if len(flight) >= 2 * workers:
                yield flight.popleft().result()
        while flight:
            yield flight.popleft().result()
