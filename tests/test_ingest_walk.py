"""Walking inputs: order, source names, hidden files, ignore files, skipped types, laziness."""

from __future__ import annotations

import types

import pytest

from newsclaims.ingest import Skipped, read_inputs
from newsclaims.ingest.ignore import is_ignored, parse_ignore
from newsclaims.models import Article
from tests.ingest_support import articles, errors, read_all, skipped, write

BODY = "Sales rose 5% in October, the company said.\n"


def test_ingest_walk_order_is_sorted_relative_posix_path(tmp_path):
    for name in ["b.txt", "a/c.txt", "a-b.txt", "a/b/z.md", "A.txt", "a/a.txt", "c/d/e.txt"]:
        write(tmp_path, name, BODY)
    sources = [item.source for item in read_all(tmp_path)]
    expected = ["A.txt", "a-b.txt", "a/a.txt", "a/b/z.md", "a/c.txt", "b.txt", "c/d/e.txt"]
    assert sources == expected == sorted(expected)


def test_ingest_walk_source_names(tmp_path):
    write(tmp_path, "folder/sub/one.txt", BODY)
    single = write(tmp_path, "elsewhere/two.md", BODY)
    results = read_all(tmp_path / "folder", single)
    assert [a.source for a in results] == ["sub/one.txt", "two.md"]
    assert all(isinstance(a, Article) for a in results)


def test_ingest_walk_ids_come_from_sources(tmp_path):
    from newsclaims.models.ids import article_id, content_hash

    write(tmp_path, "sub/one.txt", BODY)
    (article,) = read_all(tmp_path)
    assert article.id == article_id("sub/one.txt")
    assert article.content_hash == content_hash(article.text)


def test_ingest_walk_hidden_files_and_folders_skipped_silently(tmp_path):
    write(tmp_path, "visible.txt", BODY)
    write(tmp_path, ".hidden.txt", BODY)
    write(tmp_path, ".git/config.txt", BODY)
    write(tmp_path, "sub/.DS_Store", b"\x00\x01binary")
    write(tmp_path, "sub/.cache/x.md", BODY)
    assert [item.source for item in read_all(tmp_path)] == ["visible.txt"]


def test_ingest_walk_hidden_file_named_directly_is_read(tmp_path):
    path = write(tmp_path, ".draft.txt", BODY)
    assert [item.source for item in read_all(path)] == [".draft.txt"]


def test_ingest_walk_unsupported_types_are_skipped(tmp_path):
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "paper.pdf", b"%PDF-1.4")
    write(tmp_path, "photo.JPG", b"\xff\xd8")
    write(tmp_path, "Makefile", "all:\n")
    results = read_all(tmp_path)
    assert skipped(results) == {
        "Makefile": "unsupported file type (none)",
        "paper.pdf": "unsupported file type .pdf",
        "photo.JPG": "unsupported file type .jpg",
    }
    assert list(articles(results)) == ["a.txt"]
    assert all(isinstance(item, Skipped) for item in results if item.source != "a.txt")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("UPPER.TXT", BODY),
        ("notes.markdown", BODY),
        ("page.HTM", f"<html><body><p>{BODY}</p></body></html>"),
        ("feed.ndjson", '{"body": "Sales rose."}\n'),
    ],
)
def test_ingest_walk_extensions_case_insensitive(name, content, tmp_path):
    write(tmp_path, name, content)
    assert len(articles(read_all(tmp_path))) == 1


def test_ingest_walk_bare_path_is_one_input(tmp_path):
    path = write(tmp_path, "a.txt", BODY)
    assert [item.source for item in read_inputs(str(path))] == ["a.txt"]


def test_ingest_walk_missing_input_is_an_error_and_others_go_on(tmp_path):
    write(tmp_path, "a.txt", BODY)
    results = read_all(tmp_path / "nope", tmp_path / "a.txt", "also/missing.md")
    found = errors(results)
    assert list(found) == [str(tmp_path / "nope"), "also/missing.md"]
    assert all("No such file or folder" in message for message in found.values())
    assert list(articles(results)) == ["a.txt"]


IGNORE_TREE = [
    "README.md",
    "gold-2022.jsonl",
    "gold.jsonl",
    "notes/README.md",
    "drafts/a.txt",
    "sub/drafts/b.txt",
    "sub/keep.txt",
    "docs/x.md",
    "docs/deep/y.md",
    "article.txt",
    "build",
    "important.log.txt",
]


@pytest.mark.parametrize(
    ("patterns", "kept"),
    [
        (
            "# comment\n\nREADME.md\ngold*.jsonl\ndrafts/\n",
            ["article.txt", "docs/deep/y.md", "docs/x.md", "important.log.txt", "sub/keep.txt"],
        ),
        (
            "/README.md\ndocs/*.md\n",
            [
                "article.txt",
                "docs/deep/y.md",
                "drafts/a.txt",
                "gold-2022.jsonl",
                "gold.jsonl",
                "important.log.txt",
                "notes/README.md",
                "sub/drafts/b.txt",
                "sub/keep.txt",
            ],
        ),
        ("docs/**\n*.txt\n!important.log.txt\n*.jsonl\n*.md\n", ["important.log.txt"]),
        (
            "**/drafts\nbuild/\n",
            [
                "README.md",
                "article.txt",
                "docs/deep/y.md",
                "docs/x.md",
                "gold-2022.jsonl",
                "gold.jsonl",
                "important.log.txt",
                "notes/README.md",
                "sub/keep.txt",
            ],
        ),
        ("sub\n[dg]*\n", ["README.md", "article.txt", "important.log.txt", "notes/README.md"]),
    ],
)
def test_ingest_walk_ignore_file_patterns(patterns, kept, tmp_path):
    for name in IGNORE_TREE:
        write(
            tmp_path,
            name,
            "" if name == "build" else BODY if not name.endswith("jsonl") else '{"body": "A."}\n',
        )
    write(tmp_path, ".newsclaimsignore", patterns)
    results = read_all(tmp_path)
    sources = sorted(
        {item.source.split("#")[0] for item in results if not isinstance(item, Skipped)}
    )
    assert sources == kept


def test_ingest_walk_nested_ignore_file_is_relative_to_its_folder(tmp_path):
    write(tmp_path, "a/notes.txt", BODY)
    write(tmp_path, "a/b/notes.txt", BODY)
    write(tmp_path, "notes.txt", BODY)
    write(tmp_path, "a/.newsclaimsignore", "/notes.txt\n")
    assert [item.source for item in read_all(tmp_path)] == ["a/b/notes.txt", "notes.txt"]


@pytest.mark.parametrize(
    ("pattern", "path", "is_dir", "ignored"),
    [
        ("README.md", "README.md", False, True),
        ("README.md", "deep/README.md", False, True),
        ("/README.md", "deep/README.md", False, False),
        ("drafts/", "drafts", True, True),
        ("drafts/", "drafts", False, False),
        ("gold*.jsonl", "gold-2022.jsonl", False, True),
        ("gold*.jsonl", "x/gold.jsonl", False, True),
        ("*.md", "a/b/c.md", False, True),
        ("a/*.md", "a/b/c.md", False, False),
        ("a/**/c.md", "a/b/c.md", False, True),
        ("a/**/c.md", "a/c.md", False, True),
        ("file?.txt", "file1.txt", False, True),
        ("file?.txt", "file10.txt", False, False),
        ("[!a]*.txt", "b.txt", False, True),
        ("[!a]*.txt", "a.txt", False, False),
        ("\\#hash.txt", "#hash.txt", False, True),
    ],
)
def test_ingest_walk_ignore_rules(pattern, path, is_dir, ignored):
    assert is_ignored(path, is_dir=is_dir, rules=parse_ignore(pattern)) is ignored


def test_ingest_walk_is_lazy(tmp_path):
    write(tmp_path, "a/first.txt", BODY)
    (tmp_path / "z").mkdir()
    stream = read_inputs([tmp_path])
    assert isinstance(stream, types.GeneratorType)
    assert next(stream).source == "a/first.txt"
    # A file created after the walk started is still found: `z/` was not listed up front.
    write(tmp_path, "z/late.txt", BODY)
    assert [item.source for item in stream] == ["z/late.txt"]


def test_ingest_walk_symlink_loop_does_not_hang(tmp_path):
    write(tmp_path, "a/x.txt", BODY)
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a", target_is_directory=True)
    (tmp_path / "broken.txt").symlink_to(tmp_path / "missing.txt")
    results = read_all(tmp_path)
    assert list(articles(results)) == ["a/x.txt"]
    assert "broken symbolic link" in errors(results)["broken.txt"]


def _self_loop(folder):
    (folder / "x.txt").symlink_to("x.txt")


def _two_link_loop(folder):
    (folder / "x.txt").symlink_to("y.txt")
    (folder / "y.txt").symlink_to("x.txt")


def _folder_link_loop(folder):
    (folder / "x.txt").symlink_to("x.txt", target_is_directory=True)


def _broken(folder):
    (folder / "x.txt").symlink_to("missing.txt")


def _fifo(folder):
    import os

    os.mkfifo(folder / "x.txt")


@pytest.mark.parametrize(
    ("make", "error", "skip"),
    [
        (_self_loop, "symbolic link loop", None),
        (_two_link_loop, "symbolic link loop", None),
        (_folder_link_loop, "symbolic link loop", None),
        (_broken, "broken symbolic link", None),
        (_fifo, None, "not a regular file"),
    ],
    ids=["self-loop", "two-link-loop", "folder-link-loop", "broken", "fifo"],
)
@pytest.mark.parametrize("given", ["folder", "entry"])
def test_ingest_walk_unreadable_entry_is_one_error_and_the_batch_goes_on(
    make, error, skip, given, tmp_path
):
    folder = tmp_path / "in"
    write(folder, "a.txt", BODY)
    write(folder, "z.txt", BODY)
    make(folder)
    inputs = (
        [folder] if given == "folder" else [folder / "a.txt", folder / "x.txt", folder / "z.txt"]
    )
    results = read_all(*inputs)
    assert list(articles(results)) == ["a.txt", "z.txt"]
    name = "x.txt" if given == "folder" else str(folder / "x.txt")
    if error:
        assert error in errors(results)[name]
    else:
        assert errors(results) == {} and skipped(results)[name] == skip


def test_ingest_walk_entry_that_cannot_be_statted_is_an_error(tmp_path, monkeypatch):
    from pathlib import Path

    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "bad.txt", BODY)
    real_stat = Path.stat

    def stat(self, *args, **kwargs):
        if self.name == "bad.txt":
            raise OSError(5, "Input/output error")
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    results = read_all(tmp_path)
    assert list(articles(results)) == ["a.txt"]
    assert "Input/output error" in errors(results)["bad.txt"]
