"""The normalised schema, in SQLAlchemy Core: one definition for SQLite and PostgreSQL.

articles 1-n claims n-1 speakers; figures and dates belong to an article (every mention
of its body) and are linked to the claims they occur in through claim_figures and
claim_dates (a figure can sit in two overlapping claims). Review decisions have no
foreign key on purpose: a decision outlives a claim that a re-load removed.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# Bump with a migration note when a table or column is renamed or dropped.
SCHEMA_VERSION = 1

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("records_version", String(16), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("published", Date),
    Column("published_from", String(16)),
    Column("url", Text),
    Column("author", Text),
    Column("publisher", Text),
    Column("format", String(32)),
    Column("content_hash", String(64)),
    Column("record_hash", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("loaded_at", DateTime(timezone=True), nullable=False),
    Index("ix_articles_source", "source"),
    Index("ix_articles_published", "published"),
)

speakers = Table(
    "speakers",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("title", Text),
    Column("organization", Text),
    Index("ix_speakers_name", "name"),
    Index("ix_speakers_organization", "organization"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("source", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("attribution", String(16), nullable=False),
    Column("modality", String(16), nullable=False),
    Column("speaker_id", String(64), ForeignKey("speakers.id")),
    Column("speaker_mention", Text),
    Column("speaker_mention_start", Integer),
    Column("speaker_mention_end", Integer),
    Column("cue", Text),
    Column("target_name", Text),
    Column("target_label", String(32)),
    # The claim exactly as extracted (claims.jsonl line): export and review read it. It
    # also holds `speaker.document`, which has no column of its own: a column added here
    # would break inserts into databases created before it (no migration runs).
    Column("record", Text, nullable=False),
    Index("ix_claims_article", "article_id", "position"),
    Index("ix_claims_speaker", "speaker_id"),
    Index("ix_claims_target", "target_name"),
    Index("ix_claims_source", "source", "start"),
)

figures = Table(
    "figures",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("value", Float, nullable=False),
    Column("max", Float),
    Column("unit", Text),
    Column("comparator", String(2), nullable=False),
    Column("unit_phrase", Text),  # added after schema version 1: see ADDED_COLUMNS
    Column("change", String(8)),
    Column("currency", String(3)),
    Column("per", Text),
    Index("ix_figures_unit_value", "unit", "value"),
    Index("ix_figures_currency_value", "currency", "value"),
    Index("ix_figures_article", "article_id", "start"),
)

dates = Table(
    "dates",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("earliest", Date),
    Column("latest", Date),
    Column("granularity", String(16)),
    Index("ix_dates_interval", "earliest", "latest"),
    Index("ix_dates_latest", "latest"),
    Index("ix_dates_article", "article_id", "start"),
)

claim_figures = Table(
    "claim_figures",
    metadata,
    Column("claim_id", String(64), ForeignKey("claims.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("figure_id", String(64), ForeignKey("figures.id"), nullable=False),
    Index("ix_claim_figures_figure", "figure_id"),
)

claim_dates = Table(
    "claim_dates",
    metadata,
    Column("claim_id", String(64), ForeignKey("claims.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("date_id", String(64), ForeignKey("dates.id"), nullable=False),
    Index("ix_claim_dates_date", "date_id"),
)

# The current decision on each claim (no foreign key: it survives its claim).
review_decisions = Table(
    "review_decisions",
    metadata,
    Column("claim_id", String(64), primary_key=True),
    Column("article_id", String(64), nullable=False),
    Column("source", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("decided_at", DateTime(timezone=True), nullable=False),
    Column("edited", Boolean, nullable=False),
    Column("edited_fields", JSON, nullable=False),
    Column("edits", JSON, nullable=False),
    # The claim as the reviewer saw it: tells a decision whose claim changed or vanished.
    Column("claim_record", Text, nullable=False),
    Index("ix_review_decisions_status", "status"),
    Index("ix_review_decisions_article", "article_id"),
)

# Every decision ever taken, in order: who changed what, when.
review_log = Table(
    "review_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("decided_at", DateTime(timezone=True), nullable=False),
    Column("edited", Boolean, nullable=False),
    Column("edited_fields", JSON, nullable=False),
    Column("edits", JSON, nullable=False),
    Index("ix_review_log_claim", "claim_id"),
)

# Claim linking (`newsclaims link`, issue 14): clusters of claims that report one fact,
# their members, and conflicts between two claims' figures. Keys are the records' ids
# (content-made), so loading links again changes no row. No foreign keys to claims: links
# are loaded after the claims, may name claims of other outputs, and outlive a re-load.
clusters = Table(
    "clusters",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("speaker", Text),
    Column("first_claim_id", String(80), nullable=False),
    Column("first_published", Date),
    Column("copies", String(16), nullable=False),
    Column("record", Text, nullable=False),  # the clusters.jsonl line
)

cluster_members = Table(
    "cluster_members",
    metadata,
    Column("cluster_id", String(80), primary_key=True),
    Column("claim_id", String(80), primary_key=True),
    Column("position", Integer, nullable=False),  # order of appearance
    Column("source", Text, nullable=False),
    Column("published", Date),
    Column("outlet", Text),
    Column("url", Text),
    Column("copy_of_first", Boolean, nullable=False),
    Index("ix_cluster_members_claim", "claim_id"),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("relation", String(16), nullable=False),
    Column("unit", Text),
    Column("currency", String(3)),
    Column("a_claim_id", String(80), nullable=False),
    Column("b_claim_id", String(80), nullable=False),
    Column("a_value", Float, nullable=False),
    Column("b_value", Float, nullable=False),
    Column("difference", Float, nullable=False),
    Column("relative", Float, nullable=False),
    Column("record", Text, nullable=False),  # the conflicts.jsonl line
    Index("ix_conflicts_a", "a_claim_id"),
    Index("ix_conflicts_b", "b_claim_id"),
    Index("ix_conflicts_relation", "relation"),
)

# Nullable columns added to a table after its schema version was set: a database made
# before them gets them with ALTER TABLE ... ADD COLUMN when opened for writing (additive,
# so the schema version stays).
ADDED_COLUMNS = {"figures": ("unit_phrase",)}

TABLES = (
    "articles",
    "speakers",
    "claims",
    "figures",
    "dates",
    "claim_figures",
    "claim_dates",
    "review_decisions",
    "review_log",
    "clusters",
    "cluster_members",
    "conflicts",
    "schema_version",
)
