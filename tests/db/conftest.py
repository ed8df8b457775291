"""Database fixtures: a real SQLite file and a real PostgreSQL server.

PostgreSQL: a uniquely named database is created on 127.0.0.1:5432 for the test session
and dropped at its end (NEWSCLAIMS_TEST_PG overrides the server address). A missing server
skips those tests on a developer machine and FAILS them in CI (CI=true).
"""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from newsclaims.store import open_store
from newsclaims.store.engine import make_engine
from newsclaims.store.schema import metadata
from tests.db.records import output_dir, version_one

PG_SERVER = os.environ.get("NEWSCLAIMS_TEST_PG", "postgresql://root@127.0.0.1:5432/postgres")


def _admin_engine():
    url = make_url(PG_SERVER).set(drivername="postgresql+psycopg")
    return create_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})


@pytest.fixture(scope="session")
def pg_url():
    """The address of a fresh PostgreSQL database for this test session."""
    name = f"newsclaims_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = _admin_engine()
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # noqa: BLE001 - any failure means: no server to test on
        admin.dispose()
        message = f"no PostgreSQL server at {PG_SERVER}: {error}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    url = make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A database address, empty at the start of each test: an SQLite file, then PostgreSQL."""
    if request.param == "sqlite":
        yield str(tmp_path / "claims.db")
        return
    url = request.getfixturevalue("pg_url")
    yield url
    engine, _address = make_engine(url)
    metadata.drop_all(engine)
    engine.dispose()


@pytest.fixture
def store(db_url):
    opened = open_store(db_url)
    yield opened
    opened.close()


@pytest.fixture
def out_v1(tmp_path):
    """An extract output folder of the hand-made articles, version one."""
    return output_dir(tmp_path / "out-v1", *version_one())
