"""Hand-made extract output for the store and review tests: two articles, five claims.

Version two changes the first article's text: its last claim is gone and a new one is
there, the claims before keep their ids (ids come from sentence text, not offsets).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from newsclaims.models import Article, Claim, DateMention, Figure, Mention, Speaker, Target
from newsclaims.models.ids import article_id, claim_id, content_hash
from newsclaims.run.writers import ARTICLES, CLAIMS, ERRORS

SCRIPT = "<script>window.__pwned = 1</script>"

ACME_V1 = (
    "Acme said on Monday that sales rose 5% to $2 billion in March.\n\n"
    f'Engineers found {SCRIPT} in a page. "We will grow," said Jane Roe, chief executive '
    "of Acme.\n\n"
    "Rivals expect a 3% drop next year."
)
ACME_V2 = (
    "Acme said on Monday that sales rose 5% to $2 billion in March.\n\n"
    "Shares were flat.\n\n"
    f'Engineers found {SCRIPT} in a page. "We will grow," said Jane Roe, chief executive '
    "of Acme.\n\n"
    "Regulators fined Acme $40 million in 2023, the agency said."
)
BUDGET = "The council will cut spending by 12% by 2026, its leader Sam Patel said."


def _at(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def _mention(kind, text: str, part: str, **fields):
    start, end = _at(text, part)
    return kind(text=part, start=start, end=end, **fields)


def _claim(article: Article, sentence: str, **fields) -> Claim:
    start, end = _at(article.text, sentence)
    return Claim(
        id=claim_id(article.id, sentence, 0),
        article_id=article.id,
        source=article.source,
        text=sentence,
        start=start,
        end=end,
        **fields,
    )


def _article(source: str, text: str, published: dt.date, **fields) -> Article:
    return Article(
        id=article_id(source),
        source=source,
        text=text,
        published=published,
        published_from="article",
        content_hash=content_hash(text),
        format="markdown",
        **fields,
    )


def acme(text: str) -> tuple[Article, list[Claim]]:
    monday = dt.date(2024, 4, 8)
    figures = [
        _mention(Figure, text, "5%", value=5, unit="%", change="up"),
        _mention(Figure, text, "$2 billion", value=2_000_000_000, currency="USD"),
    ]
    dates = [
        _mention(DateMention, text, "on Monday", earliest=monday, latest=monday, granularity="day"),
        _mention(
            DateMention,
            text,
            "in March",
            earliest=dt.date(2024, 3, 1),
            latest=dt.date(2024, 3, 31),
            granularity="month",
        ),
    ]
    first = text[: text.index("\n")]
    claims = [
        _claim(
            article := _article("markets/acme.md", text, monday, title="Acme <b>sales</b>"),
            first,
            attribution="indirect",
            speaker=Speaker(
                name="Acme", kind="organization", mention=_mention(Mention, text, "Acme")
            ),
            cue="say",
            target=Target(name="Acme", label="ORG"),
            figures=figures,
            dates=dates,
        ),
        _claim(
            article,
            '"We will grow," said Jane Roe, chief executive of Acme.',
            attribution="direct",
            modality="goal",
            speaker=Speaker(
                name="Jane Roe",
                kind="person",
                title="chief executive",
                organization="Acme",
                mention=_mention(Mention, text, "Jane Roe"),
            ),
            cue="say",
            target=Target(name="Acme", label="ORG"),
        ),
    ]
    if "Rivals" in text:
        figures.append(_mention(Figure, text, "3%", value=3, unit="%", change="down"))
        dates.append(
            _mention(
                DateMention,
                text,
                "next year",
                earliest=dt.date(2025, 1, 1),
                latest=dt.date(2025, 12, 31),
                granularity="year",
            )
        )
        claims.append(
            _claim(
                article,
                "Rivals expect a 3% drop next year.",
                modality="forecast",
                figures=figures[-1:],
                dates=dates[-1:],
            )
        )
    else:
        figures.append(_mention(Figure, text, "$40 million", value=40_000_000, currency="USD"))
        dates.append(
            _mention(
                DateMention,
                text,
                "in 2023",
                earliest=dt.date(2023, 1, 1),
                latest=dt.date(2023, 12, 31),
                granularity="year",
            )
        )
        claims.append(
            _claim(
                article,
                "Regulators fined Acme $40 million in 2023, the agency said.",
                attribution="indirect",
                speaker=Speaker(
                    name="the agency",
                    kind="organization",
                    mention=_mention(Mention, text, "the agency"),
                ),
                cue="say",
                target=Target(name="Acme", label="ORG"),
                figures=figures[-1:],
                dates=dates[-1:],
            )
        )
    article = article.model_copy(update={"figures": figures, "dates": dates})
    return article, claims


def budget() -> tuple[Article, list[Claim]]:
    text = BUDGET
    article = _article("policy/budget.txt", text, dt.date(2024, 2, 1))
    figure = _mention(Figure, text, "12%", value=12, unit="%", change="down")
    date = _mention(
        DateMention,
        text,
        "by 2026",
        earliest=None,
        latest=dt.date(2026, 12, 31),
        granularity="year",
    )
    claim = _claim(
        article,
        text,
        attribution="indirect",
        modality="goal",
        speaker=Speaker(
            name="Sam Patel",
            kind="person",
            title="leader",
            organization="the council",
            mention=_mention(Mention, text, "Sam Patel"),
        ),
        cue="say",
        target=Target(name="The council", label="ORG"),
        figures=[figure],
        dates=[date],
    )
    return article.model_copy(update={"figures": [figure], "dates": [date]}), [claim]


def version_one() -> list[tuple[Article, list[Claim]]]:
    return [acme(ACME_V1), budget()]


def version_two() -> list[tuple[Article, list[Claim]]]:
    return [acme(ACME_V2), budget()]


def output_dir(path: Path, *items: tuple[Article, list[Claim]]) -> Path:
    """Write records as an extract output folder."""
    path.mkdir(parents=True, exist_ok=True)
    with (
        (path / ARTICLES).open("w", encoding="utf-8") as articles,
        (path / CLAIMS).open("w", encoding="utf-8") as claims,
    ):
        for article, claim_list in items:
            articles.write(article.model_dump_json() + "\n")
            for claim in claim_list:
                claims.write(claim.model_dump_json() + "\n")
    (path / ERRORS).write_text("", encoding="utf-8")
    return path
