"""Opening a database: connect, create the schema, check its version, probe for writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    create_engine,
    event,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy import text as sql_text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from newsclaims.models.records import SCHEMA_VERSION as RECORDS_VERSION
from newsclaims.store.schema import ADDED_COLUMNS, SCHEMA_VERSION, metadata, schema_version
from newsclaims.store.url import StoreError, database_url, shown


@dataclass(frozen=True)
class Store:
    """An open database: its engine and the address to show in messages."""

    engine: Engine
    address: str

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A transaction that writes: on SQLite it takes the write lock at its start
        (`BEGIN IMMEDIATE`), so two writers wait their turn (busy timeout) instead of one
        failing with `database is locked` when both read first and then write."""
        with self.engine.connect() as conn:
            conn.execution_options(immediate=True)
            with conn.begin():
                yield conn


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def problem(error: BaseException) -> str:
    """The driver's own first line, without SQLAlchemy's statement dump."""
    original = getattr(error, "orig", None) or error
    return str(original).strip().splitlines()[0] if str(original).strip() else repr(original)


def _sqlite_connect(dbapi_connection, _record) -> None:
    # SQLAlchemy, not the driver, begins transactions (see _sqlite_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get("immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def upsert(conn: Connection, table: Table, row: dict, *, key: str):
    """One `INSERT ... ON CONFLICT (key) DO UPDATE` statement (SQLite and PostgreSQL):
    atomic, where an UPDATE followed by an INSERT races with a concurrent writer."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table).values(row)
    return statement.on_conflict_do_update(
        index_elements=[key],
        set_={name: statement.excluded[name] for name in row if name != key},
    )


def add_missing_columns(engine: Engine) -> list[str]:
    """Give a database made before a column was added (ADDED_COLUMNS) that column, nullable
    and empty; returns `table.column` for each one added."""
    inspector = inspect(engine)
    added = []
    for table_name, names in ADDED_COLUMNS.items():
        if not inspector.has_table(table_name):
            continue
        present = {c["name"] for c in inspector.get_columns(table_name)}
        table = metadata.tables[table_name]
        for name in names:
            if name in present:
                continue
            column = table.c[name]
            kind = column.type.compile(dialect=engine.dialect)
            preparer = engine.dialect.identifier_preparer
            with engine.begin() as conn:
                conn.execute(
                    sql_text(
                        f"ALTER TABLE {preparer.quote(table_name)} "
                        f"ADD COLUMN {preparer.quote(name)} {kind}"
                    )
                )
            added.append(f"{table_name}.{name}")
    return added


def make_engine(text: str) -> tuple[Engine, str]:
    url = database_url(text)
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        engine = create_engine(url, connect_args={"connect_timeout": 10}, pool_pre_ping=True)
    return engine, shown(url)


def open_store(text: str, *, writable: bool = True, create: bool | None = None) -> Store:
    """Open `--db TEXT`; `create` (default: when `writable`) makes the schema when missing.

    Raises StoreError with a sentence a person can act on when the database cannot be
    reached, does not exist or holds no newsclaims data (without `create`), holds another
    schema version, or (with `writable`) refuses writes.
    """
    create = writable if create is None else create
    engine, address = make_engine(text)
    if not create and engine.url.get_backend_name() == "sqlite" and not engine.url.query:
        path = engine.url.database
        if path and path != ":memory:" and not Path(path).exists():
            raise StoreError(f"{address} does not exist: load claims into it first")
    try:
        if create:
            metadata.create_all(engine)
            add_missing_columns(engine)
        elif not inspect(engine).has_table("schema_version"):
            raise StoreError(f"{address} holds no newsclaims data: load claims into it first")
        with engine.begin() as conn:
            version = conn.execute(select(schema_version.c.version)).scalar()
            if version is None and create:
                conn.execute(
                    insert(schema_version).values(
                        version=SCHEMA_VERSION,
                        records_version=RECORDS_VERSION,
                        created_at=now(),
                    )
                )
            elif version is not None and version != SCHEMA_VERSION:
                raise StoreError(
                    f"{address} holds newsclaims schema version {version}; this newsclaims "
                    f"writes version {SCHEMA_VERSION}: use a new database"
                )
            elif writable:
                # A write that changes nothing: a read-only database refuses it now,
                # not halfway through a run.
                conn.execute(
                    update(schema_version)
                    .where(schema_version.c.version == version)
                    .values(version=schema_version.c.version)
                )
    except StoreError:
        engine.dispose()
        raise
    except SQLAlchemyError as error:
        engine.dispose()
        verb = "write to" if writable else "read"
        raise StoreError(f"cannot {verb} the database {address}: {problem(error)}") from None
    return Store(engine=engine, address=address)
