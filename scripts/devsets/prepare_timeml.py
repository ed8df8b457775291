"""Turn TimeML news (TempEval-3's TBAQ-cleaned: TimeBank 1.2 and AQUAINT) into a dates dev
set in the shape of `../shared/devsets/dates/`, so that its scorer (`score_dates.py`) reads it.

    python -m scripts.devsets.prepare_timeml --repo MIRROR OUTDIR [--part TimeBank|AQUAINT]

MIRROR is a bare git mirror of github:jspotter/TempEval-3 (the search tool's fetch verb); the
files are read with `git show`, nothing of them is committed here. OUTDIR gets `input.jsonl`
(`id`, `published` = the document creation time, `body` = the TEXT element) and `gold.jsonl`
(per document: `dates` with `text`, `start`, `end`, `earliest`, `latest`, `value`, `rule`,
and `ignored` spans).

TimeML annotates the time expression alone (`October` in `since October`) and gives it a
value; the guide gives the claim's interval. So a DATE timex becomes a gold date whose
interval is its value's calendar interval, changed by the word before it as the guide says
(`since X` -> X's first day .. the creation day; `until/through/by X` -> open .. X's last day;
`before X` -> open .. the day before X; `after X` -> the day after X .. open), and two
timexes joined as `between X and Y` / `from X to Y` are one range. Ignored (predictions on
them are not counted either way): TIME, DURATION and SET timexes, vague references
(`PRESENT_REF`, `PAST_REF`, `FUTURE_REF`: the guide leaves them out), values with unknown
digits (`XXXX-10`), fiscal years, and timexes with a part modifier (`mod` START, MID, END,
EARLY, LATE: the guide's parts differ from TimeML's).
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = "data/TBAQ-cleaned"
SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 2)}
PARTS = {"START", "MID", "END", "EARLY", "LATE"}


def _git(repo: str, *args: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", repo, *args], check=True, capture_output=True, text=True
    ).stdout


def interval(value: str) -> tuple[dt.date, dt.date] | None:
    """The calendar interval of a TimeML DATE value, or None when it has none."""
    v = value.split("T")[0]
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
        y, mo = int(m[1]), int(m[2])
        return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
    if m := re.fullmatch(r"(\d{4})", v):
        return dt.date(int(v), 1, 1), dt.date(int(v), 12, 31)
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
        y, q = int(m[1]), int(m[2])
        last = 3 * q
        return dt.date(y, last - 2, 1), dt.date(y, last, calendar.monthrange(y, last)[1])
    if m := re.fullmatch(r"(\d{4})-H([12])", v):
        y, h = int(m[1]), int(m[2])
        return (
            (dt.date(y, 1, 1), dt.date(y, 6, 30))
            if h == 1
            else (dt.date(y, 7, 1), dt.date(y, 12, 31))
        )
    if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", v):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + dt.timedelta(5), monday + dt.timedelta(6)
        return monday, monday + dt.timedelta(6)
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", v):
        y, (a, b) = int(m[1]), SEASONS[m[2]]
        y2 = y + 1 if b < a else y
        return dt.date(y, a, 1), dt.date(y2, b, calendar.monthrange(y2, b)[1])
    if m := re.fullmatch(r"(\d{3})", v):
        return dt.date(int(v) * 10, 1, 1), dt.date(int(v) * 10 + 9, 12, 31)
    if m := re.fullmatch(r"(\d{2})", v):
        return dt.date(int(v) * 100, 1, 1), dt.date(int(v) * 100 + 99, 12, 31)
    return None


def _text_and_timexes(text_el: ET.Element) -> tuple[str, list[dict]]:
    """The TEXT element as plain text, and its TIMEX3 elements with character offsets."""
    out: list[str] = []
    timexes: list[dict] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            out.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                out.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3":
            timexes.append({**el.attrib, "start": start, "end": pos})

    walk(text_el)
    return "".join(out), sorted(timexes, key=lambda t: t["start"])


_BEFORE = re.compile(r"(?i)(since|until|till|through|by|before|after|between|from)\s+(?:the\s+)?$")
_JOIN = re.compile(r"(?i)^\s+(and|to|through|until)\s+(?:the\s+)?$")


def _gold(body: str, dct: dt.date, timexes: list[dict]) -> tuple[list[dict], list[dict]]:
    dates: list[dict] = []
    ignored: list[dict] = []
    items = []
    for t in timexes:
        text = body[t["start"] : t["end"]]
        value = t.get("value", "")
        span = interval(value) if t.get("type") == "DATE" else None
        reason = None
        if t.get("type") != "DATE":
            reason = t.get("type", "?").lower()
        elif span is None:
            reason = f"value without an interval: {value}"
        elif t.get("mod") in PARTS:
            reason = f"part modifier {t['mod']}"
        if reason:
            ignored.append(
                {
                    "text": text,
                    "start": t["start"],
                    "end": t["end"],
                    "type": t.get("type"),
                    "value": value,
                    "reason": reason,
                }
            )
            continue
        items.append((t, text, value, span))

    i = 0
    while i < len(items):
        t, text, value, (lo, hi) = items[i]
        start, end, rule = t["start"], t["end"], "value"
        earliest: dt.date | None = lo
        latest: dt.date | None = hi
        lead = _BEFORE.search(body[max(0, start - 20) : start])
        word = lead[1].lower() if lead else None
        if word in ("between", "from") and i + 1 < len(items):
            t2, _, value2, (lo2, hi2) = items[i + 1]
            if _JOIN.match(body[end : t2["start"]]) and lo2 >= lo:
                start, end, latest, rule = start - len(lead[0]), t2["end"], hi2, "range"
                value = f"{value}/{value2}"
                i += 1
        elif word == "since":
            start, latest, rule = start - len(lead[0]), dct, "since"
        elif word in ("until", "till", "through", "by"):
            start, earliest, rule = start - len(lead[0]), None, word
        elif word == "before":
            start, earliest, latest, rule = start - len(lead[0]), None, lo - dt.timedelta(1), word
        elif word == "after":
            start, earliest, latest, rule = start - len(lead[0]), hi + dt.timedelta(1), None, word
        if t.get("mod") in ("BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"):
            rule = f"mod {t['mod']}"
        if rule == "value":
            rule = _granularity(value)
        dates.append(
            {
                "text": body[start:end],
                "start": start,
                "end": end,
                "earliest": earliest.isoformat() if earliest else None,
                "latest": latest.isoformat() if latest else None,
                "value": value,
                "type": "date",
                "mod": t.get("mod"),
                "rule": rule,
            }
        )
        i += 1
    return dates, ignored


def _granularity(value: str) -> str:
    for pattern, name in (
        (r"\d{4}-\d{2}-\d{2}.*", "day"),
        (r"\d{4}-\d{2}", "month"),
        (r"\d{4}", "year"),
        (r"\d{4}-Q\d", "quarter"),
        (r"\d{4}-H\d", "half"),
        (r"\d{4}-W\d{2}.*", "week"),
        (r"\d{4}-[A-Z]{2}", "season"),
        (r"\d{2,3}", "decade or century"),
    ):
        if re.fullmatch(pattern, value):
            return name
    return "other"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repo", required=True, help="bare mirror of jspotter/TempEval-3")
    ap.add_argument("out", type=Path)
    ap.add_argument("--part", choices=("TimeBank", "AQUAINT"), action="append")
    a = ap.parse_args()
    parts = a.part or ["TimeBank", "AQUAINT"]
    names = [
        n
        for n in _git(a.repo, "ls-tree", "-r", "--name-only", "HEAD", ROOT).splitlines()
        if n.endswith(".tml") and "/._" not in n and n.split("/")[2] in parts
    ]
    a.out.mkdir(parents=True, exist_ok=True)
    n_dates = n_ignored = 0
    with open(a.out / "input.jsonl", "w") as inp, open(a.out / "gold.jsonl", "w") as gold:
        for k, name in enumerate(sorted(names)):
            root = ET.fromstring(_git(a.repo, "show", f"HEAD:{name}"))
            dct_el = root.find("DCT/TIMEX3")
            dct = dt.date.fromisoformat(dct_el.get("value")[:10])
            body, timexes = _text_and_timexes(root.find("TEXT"))
            dates, ignored = _gold(body, dct, timexes)
            doc = Path(name).stem
            inp.write(json.dumps({"id": doc, "published": dct.isoformat(), "body": body}) + "\n")
            gold.write(
                json.dumps(
                    {
                        "doc": doc,
                        "source": f"input.jsonl#{k + 1}",
                        "index": k,
                        "published": dct.isoformat(),
                        "body": body,
                        "dates": dates,
                        "ignored": ignored,
                    }
                )
                + "\n"
            )
            n_dates += len(dates)
            n_ignored += len(ignored)
    print(f"{len(names)} documents, {n_dates} gold dates, {n_ignored} ignored spans -> {a.out}")


if __name__ == "__main__":
    main()
