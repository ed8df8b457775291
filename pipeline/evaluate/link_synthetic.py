"""Synthetic claims for the linking benchmark: events reported by several outlets.

Each event is one organisation on one day with a handful of facts (a figure of a kind, a
unit, a period, a modality). Two to six outlets report it: the first is the wire, the next
copy it word for word or rewrite it lightly, the rest word it their own way; an outlet
leaves a fact out now and then, rounds a figure (`about 41,000`), or gets one wrong (digits
swapped); and every article has claims of its own (quotes, context). Records are built
directly (no spaCy): this measures linking, not extraction. Deterministic: the same size
gives the same records.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

from newsclaims.models import Article, Claim, DateMention, Figure, Speaker, Target
from newsclaims.models.ids import article_id, claim_id

_SYLLABLES = ("ar", "vel", "dor", "kin", "sa", "lom", "tra", "fen", "bri", "os", "mar", "tek")
_UNITS = ("tonne", "vehicle", "store", "job", "patient", "home", "passenger", "flight")
_CURRENCIES = ("USD", "EUR", "NOK", "GBP")
_NOUNS = ("sales", "revenue", "output", "deliveries", "orders", "exports", "spending", "costs")
_VERBS = ("reported", "recorded", "posted", "booked", "registered", "counted")
_WORDS = (
    "market analysts investors board shareholders regulators demand prices supply season "
    "weather staff unions customers growth plans network region council ministry rivals"
).split()
_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def _figure(text: str, value: float, *, unit=None, currency=None, comparator="=") -> Figure:
    return Figure(
        text=text, start=0, end=len(text), value=value, unit=unit, currency=currency,
        comparator=comparator,
    )  # fmt: skip


def _fact(rng: random.Random, year: int) -> dict:
    kind = rng.choice(("count", "money", "percent"))
    digits = rng.choice((2, 3, 3, 4, 5))
    month = rng.randrange(12)
    return {
        "kind": kind,
        "value": rng.randrange(10 ** (digits - 1), 10**digits),
        "unit": rng.choice(_UNITS),
        "currency": rng.choice(_CURRENCIES),
        "noun": rng.choice(_NOUNS),
        "verb": rng.choice(_VERBS),
        "month": month,
        "year": year,
        "modality": rng.choice(("asserted", "asserted", "asserted", "forecast", "goal")),
        "context": " ".join(_name(rng, 3).lower() for _ in range(4)),
    }


def _words(fact: dict, value: int, *, about: bool) -> tuple[str, Figure]:
    lead = "about " if about else ""
    comparator = "~" if about else "="
    if fact["kind"] == "count":
        text = f"{lead}{value:,} {fact['unit']}s"
        return text, _figure(text, value, unit=fact["unit"], comparator=comparator)
    if fact["kind"] == "money":
        text = f"{lead}{fact['currency']} {value:,} million"
        return text, _figure(text, value * 1e6, currency=fact["currency"], comparator=comparator)
    text = f"{lead}{value / 10:.1f}%"
    return text, _figure(text, value / 10, unit="%", comparator=comparator)


def _date(fact: dict) -> DateMention:
    first = dt.date(fact["year"], fact["month"] + 1, 1)
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    text = f"in {_MONTHS[fact['month']]}"
    return DateMention(text=text, start=0, end=len(text), earliest=first, latest=last,
                       granularity="month")  # fmt: skip


def _sentence(style: str, org: str, fact: dict, figure_text: str, rng: random.Random) -> str:
    month = _MONTHS[fact["month"]]
    context = fact["context"]
    if style == "wire":
        return f"{org} {fact['verb']} {fact['noun']} of {figure_text} in {month}, {context}."
    if style == "rewrite":
        return (
            f"{org} said it {fact['verb']} {fact['noun']} of {figure_text} in {month} ({context})."
        )
    extra = " ".join([rng.choice(_WORDS)] + [_name(rng, 3).lower() for _ in range(3)])
    own = (
        f"In {month} the {fact['noun']} of {org} came to {figure_text}, {extra}.",
        f"{figure_text.capitalize()} in {fact['noun']} were {fact['verb']} by {org} "
        f"({extra}) in {month}.",
        f"{extra.capitalize()}: {org} put its {month} {fact['noun']} at {figure_text}.",
    )
    return rng.choice(own)


def _swap(value: int) -> int:
    text = str(value)
    if len(text) < 3 or text[-2] == text[-3]:
        return value + 10 ** (len(text) - 1)
    return int(text[:-3] + text[-2] + text[-3] + text[-1])


def events(size: int, *, seed: int = 14) -> Iterator[tuple[Article, list[Claim]]]:
    """Articles with their claims, about `size` claims in all."""
    rng = random.Random(seed)
    made = 0
    event = 0
    while made < size:
        org = f"{_name(rng, 3)} {_name(rng)}"
        day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(2000))
        facts = [_fact(rng, day.year) for _ in range(rng.randint(3, 7))]
        for outlet in range(rng.randint(2, 6)):
            style = "wire" if outlet == 0 else rng.choice(("wire", "rewrite", "own", "own"))
            source = f"e{event:06d}/outlet{outlet}.md"
            aid = article_id(source)
            published = day + dt.timedelta(days=rng.randint(0, 2) if outlet else 0)
            claims: list[Claim] = []
            for fact in facts:
                if outlet and rng.random() < 0.2:
                    continue
                value = fact["value"]
                if outlet and rng.random() < 0.05:
                    value = _swap(value)
                about = bool(outlet) and rng.random() < 0.1
                shown = int(round(value, -(len(str(value)) - 2))) if about else value
                figure_text, figure = _words(fact, shown, about=about)
                text = _sentence(style, org, fact, figure_text, rng)
                claims.append(_claim(aid, source, text, len(claims), fact, figure, org))
            for _ in range(rng.randint(1, 4)):
                words = rng.sample(_WORDS, 3) + [_name(rng, 3).lower() for _ in range(4)]
                text = f'"{" ".join(words).capitalize()}," {_name(rng)} {_name(rng)} said.'

                claims.append(_claim(aid, source, text, len(claims), None, None, None))
            body = "\n\n".join(c.text for c in claims)
            article = Article(
                id=aid, source=source, text=body, published=published,
                publisher=f"Outlet {outlet} of {event % 50}",
                url=f"https://outlet{outlet}-{event % 50}.example/{event}",
            )  # fmt: skip
            made += len(claims)
            yield article, claims
        event += 1


def _claim(aid, source, text, position, fact, figure, org) -> Claim:
    return Claim(
        id=claim_id(aid, text, 0, position),
        article_id=aid,
        source=source,
        text=text,
        start=0,
        end=len(text),
        modality=fact["modality"] if fact else "asserted",
        speaker=Speaker(name=org, kind="organization") if org else None,
        target=Target(name=org, label="ORG") if org else None,
        figures=[figure] if figure else [],
        dates=[_date(fact)] if fact else [],
    )


def write_output(size: int, into: Path) -> Path:
    """An extract-like output folder (claims.jsonl, articles.jsonl) of about `size` claims."""
    into.mkdir(parents=True, exist_ok=True)
    with (
        (into / "claims.jsonl").open("w", encoding="utf-8") as claims_out,
        (into / "articles.jsonl").open("w", encoding="utf-8") as articles_out,
    ):
        for article, claims in events(size):
            articles_out.write(article.model_dump_json() + "\n")
            for c in claims:
                claims_out.write(c.model_dump_json() + "\n")
    return into
