"""Export reviewed claims with the reviewers' edits applied, as JSON Lines or CSV.

JSON Lines records are `Claim` records (the claims.jsonl contract). CSV has one row per
claim with the review columns first; figures and dates are JSON lists in one cell each.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from typing import Literal, TextIO

from newsclaims.models import Claim
from newsclaims.store.decisions import Decision, reviewed_claim
from newsclaims.store.engine import Store
from newsclaims.store.queries import Filters, iter_claim_rows

Format = Literal["jsonl", "csv"]
FORMATS: tuple[str, ...] = ("jsonl", "csv")

CSV_COLUMNS = (
    "claim_id",
    "article_id",
    "source",
    "status",
    "reviewer",
    "decided_at",
    "edited_fields",
    "text",
    "start",
    "end",
    "attribution",
    "modality",
    "cue",
    "speaker_name",
    "speaker_kind",
    "speaker_title",
    "speaker_organization",
    "target_name",
    "target_label",
    "figures",
    "dates",
)


@dataclass
class ExportReport:
    count: int = 0
    warnings: list[str] = field(default_factory=list)


def csv_row(claim: Claim, decision: Decision | None) -> dict:
    """One CSV row: review columns, claim fields, figures and dates as JSON."""
    data = claim.model_dump(mode="json")
    speaker = data["speaker"] or {}
    target = data["target"] or {}
    return {
        "claim_id": claim.id,
        "article_id": claim.article_id,
        "source": claim.source,
        "status": decision.status if decision else "pending",
        "reviewer": decision.reviewer if decision else "",
        "decided_at": decision.decided_at.isoformat() if decision else "",
        "edited_fields": ";".join(decision.edited_fields) if decision else "",
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "attribution": claim.attribution,
        "modality": claim.modality,
        "cue": claim.cue or "",
        "speaker_name": speaker.get("name", ""),
        "speaker_kind": speaker.get("kind", ""),
        "speaker_title": speaker.get("title") or "",
        "speaker_organization": speaker.get("organization") or "",
        "target_name": target.get("name", ""),
        "target_label": target.get("label") or "",
        "figures": json.dumps(data["figures"], ensure_ascii=False),
        "dates": json.dumps(data["dates"], ensure_ascii=False),
    }


def export_claims(
    store: Store, out: TextIO, *, status: str = "accepted", fmt: str = "jsonl"
) -> ExportReport:
    """Write the claims of one review status (`accepted`, `rejected`, `edited`, `pending`,
    `reviewed`, `all`) with their edits applied, in review order."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use jsonl or csv")
    report = ExportReport()
    writer = None
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
    with store.engine.connect() as conn:
        for row in iter_claim_rows(conn, Filters(status=status)):
            claim, warning = reviewed_claim(row.claim, row.decision)
            if warning:
                report.warnings.append(warning)
            if writer is not None:
                writer.writerow(csv_row(claim, row.decision))
            else:
                out.write(claim.model_dump_json() + "\n")
            report.count += 1
    return report
