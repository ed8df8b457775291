"""An extract output folder with linked claims, for the database and browser tests: three
outlets report one vehicle count, one of them with a swapped figure."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from newsclaims.link import link_outputs, write_links
from newsclaims.models import Article
from tests.link_support import claim, figure, month

SENTENCE = "New car registrations in Norway reached {} in October, the federation said."
OUTLETS = [
    ("cars/wire.md", "Nordic Wire", "2024-11-05", "12,018 vehicles", 12018),
    ("cars/daily.md", "Daily Times", "2024-11-06", "12,018 vehicles", 12018),
    ("cars/herald.md", "Herald", "2024-11-06", "12,108 vehicles", 12108),
]


def linked_output(folder: Path) -> dict[str, str]:
    """Write claims.jsonl, articles.jsonl, clusters.jsonl and conflicts.jsonl into
    `folder`; returns the claim id of each source."""
    folder.mkdir(parents=True, exist_ok=True)
    ids = {}
    with (
        (folder / "claims.jsonl").open("w", encoding="utf-8") as claims_out,
        (folder / "articles.jsonl").open("w", encoding="utf-8") as articles_out,
    ):
        for source, outlet, day, words, value in OUTLETS:
            c = claim(source, SENTENCE.format(words), dates=[month(2024, 10)],
                      figures=[figure(words, value, unit="vehicle")],
                      speaker="Norwegian Road Federation")  # fmt: skip
            article = Article(id=c.article_id, source=source, text=c.text,
                              published=dt.date.fromisoformat(day), publisher=outlet,
                              url=f"https://{outlet.lower().replace(' ', '')}.example/a")  # fmt: skip
            articles_out.write(article.model_dump_json() + "\n")
            claims_out.write(c.model_dump_json() + "\n")
            ids[source] = c.id
    write_links(link_outputs([folder]), folder)
    return ids
