"""Claims in a database (SQLite or PostgreSQL, through SQLAlchemy Core).

store = open_store("claims.db")              # or "postgresql://user@host/name"
report = load_output(store, Path("OUT"))     # idempotent, one transaction per article
decide(store, claim_id, status="accepted", reviewer="ana", edit=ClaimEdit(...))
export_claims(store, sys.stdout, status="accepted", fmt="jsonl")
"""

from newsclaims.store.decisions import Decision, UnknownClaim, decide, undo, undo_last
from newsclaims.store.edits import ClaimEdit, DateEdit, FigureEdit, SpeakerEdit, TargetEdit
from newsclaims.store.engine import Store, open_store
from newsclaims.store.export import CSV_COLUMNS, ExportReport, export_claims
from newsclaims.store.load import DbSink, LoadReport, Orphan, load_output, write_article
from newsclaims.store.schema import SCHEMA_VERSION
from newsclaims.store.url import DEFAULT_DB, StoreError, database_url

__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "ClaimEdit",
    "DateEdit",
    "DbSink",
    "Decision",
    "ExportReport",
    "FigureEdit",
    "LoadReport",
    "Orphan",
    "SpeakerEdit",
    "Store",
    "StoreError",
    "TargetEdit",
    "UnknownClaim",
    "database_url",
    "decide",
    "export_claims",
    "load_output",
    "open_store",
    "undo",
    "undo_last",
    "write_article",
]
