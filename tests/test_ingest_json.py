"""JSON articles: one object, a list (`#N`), JSON Lines (`#N` = physical line), key aliases."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newsclaims.ingest import read_inputs
from tests.ingest_support import articles, errors, only_article, read_all, write

NOV_8 = dt.date(2022, 11, 8)


@pytest.mark.parametrize(
    ("obj", "expected"),
    [
        (
            {
                "title": "AITO",
                "body": "Sales rose 5%.",
                "published": "2022-11-08",
                "url": "https://x.example/a",
            },
            {
                "title": "AITO",
                "text": "Sales rose 5%.",
                "published": NOV_8,
                "url": "https://x.example/a",
            },
        ),
        (
            {"text": "Sales rose 5%.", "date": "November 8, 2022"},
            {"text": "Sales rose 5%.", "published": NOV_8},
        ),
        (
            {"content": "Sales rose 5%.", "datePublished": "2022-11-08T09:30:00Z"},
            {"published": NOV_8},
        ),
        ({"article_body": "Sales rose 5%."}, {"text": "Sales rose 5%."}),
        ({"articleBody": "Sales rose 5%.", "headline": "Head"}, {"title": "Head"}),
        # news-please
        (
            {
                "maintext": "Sales rose 5%.",
                "date_publish": "2022-11-08 09:30:00",
                "source_domain": "x.example",
                "authors": ["A B", "C D"],
            },
            {"published": NOV_8, "publisher": "x.example", "author": "A B; C D"},
        ),
        # NewsAPI
        (
            {
                "source": {"id": None, "name": "Reuters"},
                "author": "Jane Doe",
                "publishedAt": "2022-11-08T09:30:00Z",
                "content": "Sales rose 5%.",
            },
            {"publisher": "Reuters", "author": "Jane Doe", "published": NOV_8},
        ),
        (
            {"body": ["First paragraph.", "Second paragraph."]},
            {"text": "First paragraph.\n\nSecond paragraph."},
        ),
        (
            {
                "body": "<p>First <a href='/x'>linked</a> words.</p><figure><img src='a.jpg'>"
                "<figcaption>Photo: Reuters</figcaption></figure><p>Second.</p>"
            },
            {"text": "First linked words.\n\nPhoto: Reuters\n\nSecond."},
        ),
        (
            {"body": "Plain with an <em>inline</em> tag.\n\nNext."},
            {"text": "Plain with an inline tag.\n\nNext."},
        ),
        (
            {"title": "Same title", "body": "Same title\n\nBody text."},
            {"title": "Same title", "text": "Body text."},
        ),
    ],
)
def test_ingest_json_object_fields(obj, expected, tmp_path):
    article = only_article(write(tmp_path, "a.json", json.dumps(obj)))
    assert article.format == "json" and article.source == "a.json"
    for field, value in expected.items():
        assert getattr(article, field) == value, field


def test_ingest_json_list_gives_numbered_sources(tmp_path):
    items = [{"body": "One."}, {"body": "Two."}, {"body": "Three."}]
    results = read_all(write(tmp_path, "list.json", json.dumps(items)))
    assert [a.source for a in results] == ["list.json#1", "list.json#2", "list.json#3"]
    assert [a.text for a in results] == ["One.", "Two.", "Three."]
    assert len({a.id for a in results}) == 3


def test_ingest_json_list_bad_item_is_one_error(tmp_path):
    items = [{"body": "One."}, 42, {"title": "no body"}, {"body": "Four."}]
    results = read_all(write(tmp_path, "list.json", json.dumps(items)))
    assert sorted(articles(results)) == ["list.json#1", "list.json#4"]
    found = errors(results)
    assert sorted(found) == ["list.json#2", "list.json#3"]
    assert "Item 2 of the JSON list is a number, not an article object" in found["list.json#2"]
    assert "no body text" in found["list.json#3"] and "articleBody" in found["list.json#3"]


def test_ingest_jsonl_physical_line_numbers_and_independent_lines(tmp_path):
    lines = [
        json.dumps({"body": "First.", "title": "T1"}),
        "",
        json.dumps({"body": "Third line."}),
        '{"body": "broken", ',
        "   ",
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "Seventh.", "published": "2022-11-08"}),
        json.dumps({"headline": "no body here"}),
        json.dumps({"body": "   "}),
    ]
    results = read_all(write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n"))
    found = articles(results)
    assert list(found) == ["feed.jsonl#1", "feed.jsonl#3", "feed.jsonl#7"]
    assert found["feed.jsonl#7"].published == NOV_8
    assert all(a.format == "jsonl" for a in found.values())
    problems = errors(results)
    assert list(problems) == ["feed.jsonl#4", "feed.jsonl#6", "feed.jsonl#8", "feed.jsonl#9"]
    assert problems["feed.jsonl#4"].startswith("Line 4 is not valid JSON")
    assert "column" in problems["feed.jsonl#4"]
    assert "Line 6 is a list, not an article object" in problems["feed.jsonl#6"]
    assert "no body text" in problems["feed.jsonl#8"]
    assert "body is empty" in problems["feed.jsonl#9"]


def test_ingest_jsonl_in_subfolder_source(tmp_path):
    write(tmp_path, "sub/feed.jsonl", '{"body": "A."}\n{"body": "B."}\n')
    results = read_all(tmp_path)
    assert [a.source for a in results] == ["sub/feed.jsonl#1", "sub/feed.jsonl#2"]


def test_ingest_jsonl_cp1252_and_bom(tmp_path):
    write(tmp_path, "bom.jsonl", b"\xef\xbb\xbf" + '{"body": "Caf\u00e9 \u00a35."}\n'.encode())
    write(
        tmp_path,
        "legacy.jsonl",
        '{"body": "It\u2019s \u00a35, \u201cok\u201d."}\n'.encode("cp1252"),
    )
    found = articles(read_all(tmp_path))
    assert found["bom.jsonl#1"].text == "Café £5."
    assert found["legacy.jsonl#1"].text == "It’s £5, “ok”."


def test_ingest_jsonl_is_streamed_line_by_line(tmp_path, monkeypatch):
    path = write(
        tmp_path,
        "big.jsonl",
        "".join(json.dumps({"body": f"Article {n}."}) + "\n" for n in range(1000)),
    )
    from newsclaims.ingest import decode

    def refuse(*_args, **_kwargs):
        raise AssertionError("a JSON Lines file must not be read whole")

    monkeypatch.setattr(decode.Path, "read_bytes", refuse)
    stream = read_inputs([path])
    assert next(stream).text == "Article 0."
    assert sum(1 for _ in stream) == 999


@pytest.mark.parametrize(
    ("length", "too_long"),
    [(900, False), (1000, False), (1001, True), (5000, True), (3 * 1024 * 1024, True)],
)
def test_ingest_jsonl_line_over_the_limit_is_an_error_and_later_lines_are_read(
    length, too_long, tmp_path, monkeypatch
):
    import newsclaims.ingest.jsonfiles

    monkeypatch.setattr(newsclaims.ingest.jsonfiles, "MAX_LINE_BYTES", 1000)
    line = json.dumps({"text": "Sales rose."})
    big = '{"text": "' + "x" * (length - len('{"text": ""}')) + '"}'
    assert len(big) == length
    path = write(tmp_path, "a.jsonl", "\n".join([line, big, line]) + "\n")
    results = read_all(path)
    assert list(articles(results)) == (
        ["a.jsonl#1", "a.jsonl#3"] if too_long else ["a.jsonl#1", "a.jsonl#2", "a.jsonl#3"]
    )
    if too_long:
        assert "longer than 1,000 bytes" in errors(results)["a.jsonl#2"]
        assert "limit for one JSON Lines line" in errors(results)["a.jsonl#2"]
    else:
        assert errors(results) == {}
