"""Database addresses: a path means an SQLite file, `postgresql://...` a PostgreSQL server."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

DEFAULT_DB = "claims.db"
_POSTGRES = ("postgresql", "postgres")
# user:password@ in an address, even one that does not parse
_CREDENTIALS = re.compile(r"(?<=://)([^/@:\s]*):[^/\s]*@")
_PASSWORD_PARAM = re.compile(r"(?i)\b(password=)[^&\s]*")


class StoreError(Exception):
    """The database cannot be used: unreachable, read-only, wrong schema, bad address."""


def database_url(text: str) -> URL:
    """The SQLAlchemy URL for `--db TEXT`.

    `claims.db`, `./out/claims.db` or `sqlite:///claims.db` is an SQLite file;
    `postgresql://user@host:5432/name` (or `postgres://`) is PostgreSQL through psycopg 3.
    """
    if "://" not in text:
        return URL.create("sqlite", database=str(Path(text).expanduser()))
    try:
        url = make_url(text)
    except (ArgumentError, ValueError):
        raise StoreError(f"{redacted(text)!r} is not a database address") from None
    backend = url.get_backend_name()
    if backend in _POSTGRES:
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return url
    raise StoreError(
        f"unsupported database {backend!r}: use a file path (SQLite) or postgresql://..."
    )


def shown(url: URL) -> str:
    """The address for messages, without its password."""
    return redacted(url.render_as_string(hide_password=True))


def redacted(text: str) -> str:
    """`--db TEXT` fit to print: a password in it becomes `***`, as SQLAlchemy shows it."""
    return _PASSWORD_PARAM.sub(r"\1***", _CREDENTIALS.sub(r"\1:***@", text))
