"""Cluster and Conflict records from grouped items: ids from content, order from dates."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from newsclaims.link.compare import COPY, jaccard
from newsclaims.link.facts import Fig, Item
from newsclaims.models.links import Appearance, Cluster, Conflict, ConflictSide


def _digest(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def cluster_id(claim_ids: Sequence[str]) -> str:
    """From the sorted member claim ids alone: a re-run, or an unrelated article added,
    gives the same id."""
    return _digest("k_", "cluster", *sorted(claim_ids))


def conflict_id(a: str, b: str) -> str:
    return _digest("x_", "conflict", *sorted((a, b)))


def _date(day: int | None) -> dt.date | None:
    return dt.date.fromordinal(day) if day is not None else None


def order_key(it: Item) -> tuple:
    """First appearance: earliest publication (undated last), then source, then position."""
    return (it.published is None, it.published or 0, it.source, it.index)


def outlet_name(it: Item) -> str | None:
    return it.outlet or it.host


def same_outlet(x: Item, y: Item) -> bool:
    """Two articles of one outlet: the same publisher (front matter `source`) or URL host."""
    if x.outlet and y.outlet and x.outlet.casefold() == y.outlet.casefold():
        return True
    return bool(x.host and y.host and x.host == y.host)


def cluster(members: Sequence[Item]) -> Cluster:
    ordered = sorted(members, key=order_key)
    first = ordered[0]
    appearances = [
        Appearance(
            claim_id=it.claim_id,
            article_id=it.article_id,
            source=it.source,
            published=_date(it.published),
            outlet=outlet_name(it),
            url=it.url,
            copy_of_first=it is first or jaccard(it.shingles, first.shingles) >= COPY,
        )
        for it in ordered
    ]
    copied = [a.copy_of_first for a in appearances[1:]]
    copies = "wire" if all(copied) else "independent" if not any(copied) else "mixed"
    ids = sorted(it.claim_id for it in members)
    speaker = next((it.speaker for it in ordered if it.speaker), None)
    return Cluster(
        id=cluster_id(ids),
        claims=ids,
        size=len(ids),
        text=first.text,
        speaker=speaker,
        first_appearance=appearances[0],
        appearances=appearances,
        outlets=sorted({o for o in (outlet_name(it) for it in ordered) if o}),
        copies=copies,
    )


def _side(it: Item, f: Fig, cluster: str | None) -> ConflictSide:
    value = int(f.value) if f.value == int(f.value) else f.value
    return ConflictSide(
        claim_id=it.claim_id,
        article_id=it.article_id,
        source=it.source,
        text=it.text,
        published=_date(it.published),
        outlet=outlet_name(it),
        cluster=cluster,
        figure=f.text,
        value=value,
    )


def conflict(x: Item, y: Item, figures: tuple[Fig, Fig], clusters: dict[int, str]) -> Conflict:
    fx, fy = figures
    if order_key(y) < order_key(x):
        x, y, fx, fy = y, x, fy, fx
    difference = fy.value - fx.value
    largest = max(abs(fx.value), abs(fy.value))
    return Conflict(
        id=conflict_id(x.claim_id, y.claim_id),
        relation="revision" if same_outlet(x, y) else "disagreement",
        unit=fx.unit,
        currency=fx.currency,
        a=_side(x, fx, clusters.get(x.index)),
        b=_side(y, fy, clusters.get(y.index)),
        difference=difference,
        relative=abs(difference) / largest if largest else 0.0,
    )
