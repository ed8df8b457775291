"""The example queries of the README's "Database and review" section run on SQLite and
PostgreSQL (so the documented schema and the real one cannot drift apart)."""

from __future__ import annotations

import re

from sqlalchemy import text

from newsclaims.store import decide, load_output
from tests.conftest import ROOT
from tests.db.test_store import ACME_FIRST, JANE

SECTION = re.compile(r"<!-- BEGIN database-and-review.*?<!-- END database-and-review -->", re.S)


def readme_queries() -> list[str]:
    section = SECTION.search((ROOT / "README.md").read_text(encoding="utf-8")).group(0)
    return re.findall(r"```sql\n(.*?)```", section, re.S)


def test_readme_has_three_queries():
    assert len(readme_queries()) == 3


def test_readme_queries_run(store, out_v1):
    load_output(store, out_v1)
    decide(store, ACME_FIRST, status="accepted", reviewer="ana")
    decide(store, JANE, status="rejected", reviewer="ana")
    results = []
    with store.engine.connect() as conn:
        for query in readme_queries():
            results.append([tuple(row) for row in conn.execute(text(query))])
    by_target = {row[0]: row[1:] for row in results[2]}
    assert by_target["Acme"] == (2, 1, 1, 0)
    assert by_target["The council"] == (1, 0, 0, 1)
