"""The three output files are replaced as a set: all from the previous run or all from the
new one, whatever step a run is killed at."""

from __future__ import annotations

import errno
import os

import pytest

import newsclaims.run.writers
from newsclaims.models import InputError
from newsclaims.run.writers import ARTICLES, CLAIMS, ERRORS, FILES, Output, is_environmental


def _run(outdir, tag, *, fail=None):
    with Output(outdir) as out:
        out.claims.write_line(f'"claim {tag}"')
        out.articles.write_line(f'"article {tag}"')
        out.errors.write(InputError(source=f"{tag}.txt", error="empty file"))
        assert not (outdir / CLAIMS).exists() or tag not in (outdir / CLAIMS).read_text()
        if fail is not None:
            raise fail


def _contents(outdir):
    return {name: (outdir / name).read_text() for name in FILES if (outdir / name).exists()}


def _set(tag):
    return {
        CLAIMS: f'"claim {tag}"\n',
        ARTICLES: f'"article {tag}"\n',
        ERRORS: f'{{"source":"{tag}.txt","error":"empty file","level":"error","kind":null}}\n',
    }


def test_writers_commit_makes_the_three_files_visible_together(tmp_path):
    _run(tmp_path, "one")
    assert _contents(tmp_path) == _set("one")
    _run(tmp_path, "two")
    assert _contents(tmp_path) == _set("two")
    # Only the current run's files are kept.
    assert len(list((tmp_path / ".newsclaims").glob("files.*"))) == 1


@pytest.mark.parametrize("fail", [KeyboardInterrupt(), RuntimeError("crash")])
def test_writers_interrupted_run_keeps_the_previous_set(tmp_path, fail):
    with pytest.raises(type(fail)):
        _run(tmp_path, "first", fail=fail)
    assert _contents(tmp_path) == {}
    _run(tmp_path, "old")
    with pytest.raises(type(fail)):
        _run(tmp_path, "new", fail=fail)
    assert _contents(tmp_path) == _set("old")


class Killed(BaseException):
    pass


@pytest.mark.parametrize("step", range(12))
@pytest.mark.parametrize("before", ["links", "plain files"])
def test_writers_kill_at_any_step_of_the_commit_leaves_one_consistent_set(
    tmp_path, monkeypatch, step, before
):
    """Every rename, link and fsync of a commit is a point where a SIGKILL may land."""
    if before == "links":
        _run(tmp_path, "old")
    else:  # the plain files an older newsclaims wrote
        for name, text in _set("old").items():
            (tmp_path / name).write_text(text)
    calls = {"n": 0}

    def killable(real):
        def call(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] > step:
                raise Killed
            return real(*args, **kwargs)

        return call

    for name in ("symlink", "replace", "link"):
        monkeypatch.setattr(os, name, killable(getattr(os, name)))
    try:
        _run(tmp_path, "new")
        killed = False
    except Killed:
        killed = True
    monkeypatch.undo()
    assert _contents(tmp_path) in (_set("old"), _set("new"))
    if not killed:
        assert _contents(tmp_path) == _set("new")
    _run(tmp_path, "again")  # the next run recovers whatever was left
    assert _contents(tmp_path) == _set("again")


def test_writers_without_symbolic_links_files_are_renamed_into_place(tmp_path, monkeypatch):
    def no_links(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "symlink", no_links)
    _run(tmp_path, "one")
    assert _contents(tmp_path) == _set("one")
    assert not (tmp_path / CLAIMS).is_symlink()


@pytest.mark.parametrize(
    ("error", "environmental", "hint"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), True, "the disk is full"),
        (OSError(errno.EROFS, "Read-only file system"), True, "read-only"),
        (PermissionError(errno.EACCES, "Permission denied"), True, "permission denied"),
        (OSError(errno.ENOTDIR, "Not a directory"), True, "is a file, not a folder"),
        (__import__("sqlite3").OperationalError("database or disk is full"), True, "disk is full"),
        (
            __import__("sqlite3").OperationalError("attempt to write a readonly database"),
            True,
            "read-only",
        ),
        (OSError(errno.ECONNREFUSED, "Connection refused"), False, None),
        (__import__("sqlite3").OperationalError("no such table: units"), False, None),
    ],
)
def test_writers_environment_errors_are_told_apart(error, environmental, hint, tmp_path):
    assert is_environmental(error) is environmental
    if hint:
        message = str(newsclaims.run.writers.unwritable(tmp_path, error))
        assert hint in message and str(tmp_path) in message
