"""Claim linking across articles: clusters of claims that report one fact, conflicts
between figures for one fact, and goals or forecasts that come due.

links = link_outputs([Path("OUT")])          # one or more extract output folders
write_links(links, Path("LINKS"))            # clusters.jsonl, conflicts.jsonl
due_claims(claims, origins, as_of=day, clusters=links.clusters)
"""

from newsclaims.link.api import (
    CLUSTERS,
    CONFLICTS,
    LinkInputError,
    Links,
    link,
    link_items,
    link_outputs,
    read_clusters,
    read_output,
    read_outputs,
    write_links,
)
from newsclaims.link.due import due_claims

__all__ = [
    "CLUSTERS",
    "CONFLICTS",
    "LinkInputError",
    "Links",
    "due_claims",
    "link",
    "link_items",
    "link_outputs",
    "read_clusters",
    "read_output",
    "read_outputs",
    "write_links",
]
