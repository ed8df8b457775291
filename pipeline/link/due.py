"""Goals and forecasts that come due: their dates have ended by a given day, so what was
promised or predicted (`aims to open 1,000 stores by the end of this year`) can now be
checked. Each comes with its cluster, where the other outlets' versions are."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from newsclaims.link.facts import Origin
from newsclaims.models import Claim
from newsclaims.models.links import Cluster, DueClaim

DUE_MODALITIES = ("goal", "forecast")


def due_date(claim: Claim, published: dt.date | None = None) -> tuple[dt.date, str] | None:
    """The latest end of a claim's dates and the words that give it; None when no date has
    an end (`from 2025` is open: it never comes due). Dates that ended before the article
    was published are left out: `roads damaged by flooding last winter` is no deadline."""
    ends = [
        (d.latest, d.start, d.text)
        for d in claim.dates
        if d.latest is not None and (published is None or d.latest >= published)
    ]
    if not ends:
        return None
    latest, _, text = max(ends, key=lambda e: (e[0], -e[1]))
    return latest, text


def due_claims(
    claims: Iterable[Claim],
    origins: dict[str, Origin],
    *,
    as_of: dt.date,
    clusters: Iterable[Cluster] = (),
) -> list[DueClaim]:
    """Goal and forecast claims whose latest date ended on or before `as_of`, by due day
    then source and position."""
    cluster_of = {claim_id: c.id for c in clusters for claim_id in c.claims}
    found = []
    for claim in claims:
        if claim.modality not in DUE_MODALITIES:
            continue
        origin = origins.get(claim.article_id)
        due = due_date(claim, origin.published if origin else None)
        if due is None or due[0] > as_of:
            continue
        found.append(
            DueClaim(
                claim_id=claim.id,
                article_id=claim.article_id,
                source=claim.source,
                text=claim.text,
                modality=claim.modality,
                speaker=claim.speaker.name if claim.speaker else None,
                published=origin.published if origin else None,
                due=due[0],
                date_text=due[1],
                cluster=cluster_of.get(claim.id),
            )
        )
    found.sort(key=lambda d: (d.due, d.source, d.claim_id))
    return found
