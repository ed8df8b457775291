"""`claims.csv` and `claims.parquet`: the claims as one flat table, for spreadsheets and
dataframes, written beside `claims.jsonl` (which stays the contract).

Columns come from the `Claim` model: a nested record becomes dotted columns
(`speaker.name`, `speaker.mention.start`, `target.label`), and the lists `figures` and
`dates` stay whole, as JSON text in one column each. Parquet needs pyarrow, an optional
dependency (`pip install "newsclaims[parquet]"`), imported only here.
"""

from __future__ import annotations

import csv
import json
import types
import typing
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from newsclaims.models import Claim

FORMATS = ("csv", "parquet")
_ROWS_PER_GROUP = 10_000


class TableUnavailable(RuntimeError):
    """The table format needs a package that is not installed."""


def _record_type(annotation) -> type[BaseModel] | None:
    """The record class of `Speaker` or `Speaker | None`, else None."""
    options = typing.get_args(annotation) if isinstance(annotation, types.UnionType) else ()
    for option in (annotation, *options):
        if isinstance(option, type) and issubclass(option, BaseModel):
            return option
    return None


def _scalar_kind(annotation) -> str:
    options = set(typing.get_args(annotation)) - {type(None)} or {annotation}
    if options <= {int}:
        return "int"
    if options <= {int, float}:
        return "float"
    return "str"


def columns(model: type[BaseModel] = Claim, prefix: str = "") -> list[tuple[str, str]]:
    """(column name, kind) of the flat table of `model`: kind is str, int, float or json."""
    found = []
    for name, info in model.model_fields.items():
        record = _record_type(info.annotation)
        if record is not None:
            found += columns(record, f"{prefix}{name}.")
        elif typing.get_origin(info.annotation) is list:
            found.append((f"{prefix}{name}", "json"))
        else:
            found.append((f"{prefix}{name}", _scalar_kind(info.annotation)))
    return found


def _flat(value: dict, prefix: str, row: dict) -> None:
    for key, item in value.items():
        if isinstance(item, dict):
            _flat(item, f"{prefix}{key}.", row)
        elif isinstance(item, list):
            row[f"{prefix}{key}"] = json.dumps(item, ensure_ascii=False)
        else:
            row[f"{prefix}{key}"] = item


def rows(claims_jsonl: Path) -> Iterator[dict]:
    """One flat dict per claim line, every column present (an absent record: empty cells)."""
    names = [name for name, _kind in columns()]
    with claims_jsonl.open(encoding="utf-8") as handle:
        for line in handle:
            flat: dict = {}
            _flat(json.loads(line), "", flat)
            yield {name: flat.get(name) for name in names}


def check_available(fmt: str) -> None:
    """Raise TableUnavailable before a run if `fmt` cannot be written here."""
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise TableUnavailable(
                '--format parquet needs pyarrow: pip install "newsclaims[parquet]"'
            ) from None


def write_table(claims_jsonl: Path, dest: Path, fmt: str) -> None:
    """Write the claims of `claims_jsonl` as a `fmt` table (csv or parquet) at `dest`."""
    names = [name for name, _kind in columns()]
    if fmt == "csv":
        with dest.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=names)
            writer.writeheader()
            writer.writerows(rows(claims_jsonl))
        return
    check_available(fmt)
    import pyarrow as pa
    import pyarrow.parquet as pq

    types_ = {"str": pa.string(), "json": pa.string(), "int": pa.int64(), "float": pa.float64()}
    schema = pa.schema([(name, types_[kind]) for name, kind in columns()])
    with pq.ParquetWriter(dest, schema) as writer:
        batch: list[dict] = []
        for row in rows(claims_jsonl):
            batch.append(row)
            if len(batch) >= _ROWS_PER_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
