"""Bad inputs: each gives exactly one InputError a person can act on, and reading goes on."""

from __future__ import annotations

import json
import logging
import random
from pathlib import Path

import pytest

from newsclaims.models import InputError
from tests.ingest_support import DATA, articles, errors, read_all, write

GOOD = {
    "good.txt": "Sales rose 5% in October, the company said.\n",
    "zz/good.md": "# Title\n\nProfit fell 3% in the quarter, it said.\n",
    "zz/good.jsonl": '{"body": "Costs rose 2%."}\n',
}
NOISE = bytes(random.Random(7).randbytes(4000)).replace(b"\x00", b"\x01")

BAD = [
    ("empty.txt", b"", "The file is empty"),
    ("blank.md", " \n\t\n\r\n", "only whitespace"),
    (
        "front_only.md",
        "---\ntitle: Nothing below\ndate: 2022-11-08\n---\n\n",
        "front matter but no article text",
    ),
    (
        "only_title.md",
        "# A title\n\n![photo](a.png)\n<!-- todo -->\n",
        "no body text once its markup is removed",
    ),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
    ("controls.txt", b"\x01\x02\x03\x04\x05 text " * 50, "binary file"),
    ("noise.md", NOISE, "encoding could not be recognised"),
    (
        "syntax.json",
        '{"body": "x",\n  "title": }',
        "not valid JSON: Expecting value at line 2, column 12",
    ),
    ("empty.json", b"", "The file is empty"),
    ("nobody.json", json.dumps({"title": "T", "date": "2022-11-08"}), "no body text"),
    ("string.json", json.dumps("just a string"), "is a string, not an article object"),
    ("number.json", "42", "is a number, not an article object"),
    ("emptylist.json", "[]", "The JSON list is empty"),
    ("badbody.json", json.dumps({"body": {"p": "x"}}), "body is an object, not text"),
    ("blank_lines.jsonl", "\n \n\n", "every line is blank"),
    ("binary.jsonl", b'{"body": "a"}\x00\x00\n', "binary file"),
    ("nav.html", (DATA / "index_page.html").read_text(), "No article text was found"),
    ("empty.html", "<html><body></body></html>", "No article text was found"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD, ids=[row[0] for row in BAD])
def test_ingest_errors_one_error_each_and_good_files_still_read(name, content, message, tmp_path):
    for good, text in GOOD.items():
        write(tmp_path, good, text)
    write(tmp_path, f"bad/{name}", content)
    results = read_all(tmp_path)
    found = errors(results)
    assert list(found) == [f"bad/{name}"], found
    assert message in found[f"bad/{name}"]
    assert found[f"bad/{name}"].endswith(".")  # a full sentence
    assert sorted(articles(results)) == ["good.txt", "zz/good.jsonl#1", "zz/good.md"]


def test_ingest_errors_permission_denied(tmp_path, monkeypatch):
    write(tmp_path, "good.txt", GOOD["good.txt"])
    locked = write(tmp_path, "locked.txt", "Secret text.")
    original = Path.read_bytes

    def read_bytes(self):
        if self.name == locked.name:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    results = read_all(tmp_path)
    assert "permission denied" in errors(results)["locked.txt"]
    assert list(articles(results)) == ["good.txt"]


def test_ingest_errors_file_too_large(tmp_path, monkeypatch):
    from newsclaims.ingest import decode

    monkeypatch.setattr(decode, "MAX_FILE_BYTES", 100)
    write(tmp_path, "good.txt", GOOD["good.txt"])
    write(tmp_path, "huge.txt", "Words. " * 100)
    results = read_all(tmp_path)
    assert "larger than the" in errors(results)["huge.txt"]
    assert list(articles(results)) == ["good.txt"]


def test_ingest_errors_unexpected_bug_is_reported_not_raised(tmp_path, monkeypatch):
    from newsclaims.ingest import reader

    def broken(_text):
        raise RuntimeError("boom")

    monkeypatch.setattr(reader, "markdown_to_text", broken)
    write(tmp_path, "a.md", "Text.")
    write(tmp_path, "b.txt", GOOD["good.txt"])
    results = read_all(tmp_path)
    assert "Unexpected error" in errors(results)["a.md"] and "boom" in errors(results)["a.md"]
    assert list(articles(results)) == ["b.txt"]


def test_ingest_errors_bad_front_matter_reads_body_and_warns(tmp_path, caplog):
    write(tmp_path, "a.md", "---\ntitle: [unclosed\n---\nSales rose 5% in October.\n")
    with caplog.at_level(logging.WARNING, logger="newsclaims.ingest"):
        results = read_all(tmp_path)
    (article,) = results
    assert article.text == "Sales rose 5% in October." and article.title is None
    assert any("not valid YAML" in record.getMessage() for record in caplog.records)


def test_ingest_errors_are_input_error_records(tmp_path):
    write(tmp_path, "empty.txt", b"")
    (error,) = read_all(tmp_path)
    assert isinstance(error, InputError)
    assert error.model_dump() == {
        "source": "empty.txt",
        "error": error.error,
        "level": "error",
        "kind": None,
    }


def test_ingest_errors_are_logged(tmp_path, caplog):
    write(tmp_path, "empty.txt", b"")
    with caplog.at_level(logging.WARNING, logger="newsclaims.ingest"):
        read_all(tmp_path)
    assert any(
        record.name == "newsclaims.ingest" and "empty.txt" in record.getMessage()
        for record in caplog.records
    )
