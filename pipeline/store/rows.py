"""Records -> table rows: pure functions, no database.

A *namespace* (`load --namespace NAME`) keeps outputs apart whose inputs share relative
paths (and so article and claim ids): the database keys of their rows, and their `source`
column, become `NAME:` + the record's value. The records themselves (the `record` column,
and so every export) keep the ids and sources of the output contract.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from newsclaims.models import Article, Claim, DateMention, Figure, Speaker


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


NAMESPACE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}")
"""A namespace: up to 40 letters, digits, `.`, `_` or `-` (the keys stay under 64 chars)."""


def check_namespace(namespace: str) -> str:
    """The namespace, or ValueError when it is not one."""
    if namespace and not NAMESPACE.fullmatch(namespace):
        raise ValueError(
            f"namespace {namespace!r}: use up to 40 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit"
        )
    return namespace


def scoped(namespace: str, value: str) -> str:
    """A key or source in the database: `NAME:value` in a namespace, else `value`."""
    return f"{namespace}:{value}" if namespace else value


def record_hash(article: Article, claims: list[Claim]) -> str:
    """Fingerprint of an article and its claims: equal means a re-load has nothing to do."""
    h = hashlib.sha256(article.model_dump_json().encode("utf-8"))
    for claim in claims:
        h.update(b"\n")
        h.update(claim.model_dump_json().encode("utf-8"))
    return h.hexdigest()


def speaker_id(speaker: Speaker) -> str:
    """One row per distinct (name, kind, title, organization), shared across articles."""
    return "s_" + _digest(
        speaker.name, speaker.kind, speaker.title or "", speaker.organization or ""
    )


def mention_id(prefix: str, article_id: str, start: int, end: int) -> str:
    return f"{prefix}_" + _digest(article_id, str(start), str(end))


@dataclass
class ArticleRows:
    """Every row one article and its claims need, table by table."""

    article: dict
    speakers: dict[str, dict] = field(default_factory=dict)
    claims: list[dict] = field(default_factory=list)
    figures: dict[str, dict] = field(default_factory=dict)
    dates: dict[str, dict] = field(default_factory=dict)
    claim_figures: list[dict] = field(default_factory=list)
    claim_dates: list[dict] = field(default_factory=list)


def _figure_row(article_id: str, figure: Figure) -> dict:
    return {
        "id": mention_id("f", article_id, figure.start, figure.end),
        "article_id": article_id,
        **figure.model_dump(),
    }


def _date_row(article_id: str, date: DateMention) -> dict:
    return {
        "id": mention_id("d", article_id, date.start, date.end),
        "article_id": article_id,
        **date.model_dump(),
    }


def article_rows(
    article: Article, claims: list[Claim], *, loaded_at: dt.datetime, namespace: str = ""
) -> ArticleRows:
    """The rows of one article: figures and dates of the whole body, claims linked to them."""
    fields = article.model_dump(exclude={"figures", "dates"})
    key = scoped(namespace, article.id)
    source = scoped(namespace, article.source)
    rows = ArticleRows(
        article={
            **fields,
            "id": key,
            "source": source,
            "record_hash": record_hash(article, claims),
            "loaded_at": loaded_at,
        }
    )
    for figure in article.figures:
        row = _figure_row(key, figure)
        rows.figures.setdefault(row["id"], row)
    for date in article.dates:
        row = _date_row(key, date)
        rows.dates.setdefault(row["id"], row)
    for position, claim in enumerate(claims):
        speaker = claim.speaker
        sid = None
        if speaker is not None:
            sid = speaker_id(speaker)
            rows.speakers[sid] = {
                "id": sid,
                "name": speaker.name,
                "kind": speaker.kind,
                "title": speaker.title,
                "organization": speaker.organization,
            }
        mention = speaker.mention if speaker else None
        claim_key = scoped(namespace, claim.id)
        rows.claims.append(
            {
                "id": claim_key,
                "article_id": key,
                "position": position,
                "source": source,
                "text": claim.text,
                "start": claim.start,
                "end": claim.end,
                "attribution": claim.attribution,
                "modality": claim.modality,
                "speaker_id": sid,
                "speaker_mention": mention.text if mention else None,
                "speaker_mention_start": mention.start if mention else None,
                "speaker_mention_end": mention.end if mention else None,
                "cue": claim.cue,
                "target_name": claim.target.name if claim.target else None,
                "target_label": claim.target.label if claim.target else None,
                "record": claim.model_dump_json(),
            }
        )
        for i, figure in enumerate(claim.figures):
            row = _figure_row(key, figure)
            rows.figures.setdefault(row["id"], row)
            rows.claim_figures.append(
                {"claim_id": claim_key, "position": i, "figure_id": row["id"]}
            )
        for i, date in enumerate(claim.dates):
            row = _date_row(key, date)
            rows.dates.setdefault(row["id"], row)
            rows.claim_dates.append({"claim_id": claim_key, "position": i, "date_id": row["id"]})
    return rows
