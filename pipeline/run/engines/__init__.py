"""Engines parse chunks of articles: `local` (this machine, 1..N processes) or `dask`."""

from __future__ import annotations

import datetime as dt


class BadEngine(ValueError):
    """An unknown engine, or engine options that do not go together."""


def make_engine(
    name: str,
    *,
    model: str | None,
    batch_size: int,
    workers: int = 1,
    scheduler: str | None = None,
    reference_date: dt.date | None = None,
):
    """The engine called `name`: `local` (this machine) or `dask` (a Dask cluster)."""
    if name == "local":
        if scheduler is not None:
            raise BadEngine("--scheduler needs --engine dask")
        from newsclaims.run.engines.local import LocalEngine

        return LocalEngine(model=model, batch_size=batch_size, workers=workers)
    if name == "dask":
        from newsclaims.run.engines.dask_engine import DaskEngine

        return DaskEngine(
            model=model,
            batch_size=batch_size,
            workers=workers,
            scheduler=scheduler,
            reference_date=reference_date,
        )
    raise BadEngine(f"unknown engine {name!r}: use local or dask")
