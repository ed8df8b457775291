"""schema.org `Claim` objects (JSON-LD), one per cluster, for fact-checkers to wrap in a
`ClaimReview` (https://schema.org/Claim, https://schema.org/ClaimReview).

`author` is the speaker (a `Person`, or an `Organization` for organisations and documents
with a named owner; left out for anonymous or unattributed claims), `datePublished` the
first appearance's date, `firstAppearance` and `appearance` the articles (`CreativeWork`
with `url`, `datePublished` and the outlet as `publisher`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from newsclaims.models import Claim
from newsclaims.models.links import Appearance, Cluster

CONTEXT = "https://schema.org"
_AUTHOR_TYPES = {"person": "Person", "organization": "Organization", "document": "Organization"}


def _work(appearance: Appearance) -> dict:
    work: dict = {"@type": "CreativeWork"}
    if appearance.url:
        work["url"] = appearance.url
    if appearance.published:
        work["datePublished"] = appearance.published.isoformat()
    if appearance.outlet:
        work["publisher"] = {"@type": "Organization", "name": appearance.outlet}
    work["identifier"] = appearance.claim_id
    return work


def _author(claims: Iterable[Claim]) -> dict | None:
    """The first member's speaker that has a kind schema.org can name."""
    for claim in claims:
        speaker = claim.speaker
        if speaker is None or speaker.kind not in _AUTHOR_TYPES:
            continue
        author: dict = {"@type": _AUTHOR_TYPES[speaker.kind], "name": speaker.name}
        if speaker.kind == "person":
            if speaker.title:
                author["jobTitle"] = speaker.title
            if speaker.organization:
                author["affiliation"] = {"@type": "Organization", "name": speaker.organization}
        return author
    return None


def claim_object(cluster: Cluster, claims: Mapping[str, Claim]) -> dict:
    """The JSON-LD `Claim` of one cluster; `claims` maps claim ids to their records (a
    member missing from it only loses its speaker)."""
    members = [claims[a.claim_id] for a in cluster.appearances if a.claim_id in claims]
    first = cluster.first_appearance
    out: dict = {
        "@context": CONTEXT,
        "@type": "Claim",
        "identifier": cluster.id,
        "text": cluster.text,
    }
    author = _author(members)
    if author:
        out["author"] = author
    if first.published:
        out["datePublished"] = first.published.isoformat()
    out["firstAppearance"] = _work(first)
    out["appearance"] = [_work(a) for a in cluster.appearances]
    return out


def claim_objects(clusters: Iterable[Cluster], claims: Mapping[str, Claim]) -> list[dict]:
    return [claim_object(c, claims) for c in clusters]
