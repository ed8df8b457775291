"""Crash safety: a real `newsclaims extract` killed with SIGKILL part way through, twice, then
run again, ends with exactly the bytes of a clean run: nothing lost, nothing duplicated."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsclaims.evaluate.synthetic import write_corpus
from newsclaims.run.api import extract
from newsclaims.run.manifest import MANIFEST_FILE, STATE_DIR

ROOT = Path(__file__).resolve().parent.parent
FILES = ("claims.jsonl", "articles.jsonl", "errors.jsonl")
ARTICLES = 400


def _command(src: Path, out: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "newsclaims.cli",
        "extract",
        str(src),
        "--out",
        str(out),
        "--model",
        "blank",
        "--batch-size",
        "4",
        *extra,
    ]


def _finished_units(out: Path) -> int:
    path = out / STATE_DIR / MANIFEST_FILE
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT count(*) FROM units WHERE complete = 1").fetchone()[0]
    except sqlite3.Error:
        return 0


def _kill_after(src: Path, out: Path, units: int, *extra: str) -> list[int]:
    """Start a run, SIGKILL it once the manifest holds `units` finished inputs; returns the
    process ids of its children (worker processes) at that moment."""
    process = subprocess.Popen(
        _command(src, out, *extra), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 240
    try:
        while _finished_units(out) < units:
            assert process.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline, "the run made no progress"
            time.sleep(0.02)
        children = _children_of(process.pid)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    assert process.returncode == -signal.SIGKILL
    return children


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("resume")
    src = write_corpus([ROOT / "corpus"], ARTICLES, root / "in")
    (src / "part0000" / "empty.txt").write_text("")  # an error line must not repeat either
    clean = root / "clean"
    extract([src], out=clean, model="blank", batch_size=4)
    return src, {name: (clean / name).read_bytes() for name in FILES}


def test_resume_after_sigkill_gives_the_clean_output(corpus, tmp_path):
    src, clean = corpus
    out = tmp_path / "out"
    _kill_after(src, out, ARTICLES // 5)
    first = _finished_units(out)
    _kill_after(src, out, first + ARTICLES // 3)
    second = _finished_units(out)
    assert ARTICLES // 5 <= first < second < ARTICLES
    assert not (out / "claims.jsonl").exists()  # nothing ever looked finished
    done = subprocess.run(_command(src, out), cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr  # 1: the empty file is listed in errors.jsonl
    reused = int(done.stderr.split("reused")[1].split()[0])
    assert reused >= second - 1
    for name in FILES:
        assert (out / name).read_bytes() == clean[name], name


def _children_of(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line
            )
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.append(int(status.parent.name))
    return found


def test_resume_after_sigkill_with_two_workers(corpus, tmp_path):
    src, clean = corpus
    out = tmp_path / "out"
    workers = _kill_after(src, out, ARTICLES // 4, "--workers", "2")
    assert len(workers) >= 2
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [
        pid
        for pid in workers
        if Path(f"/proc/{pid}/status").exists()
        and "State:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    ], "orphan workers"
    done = subprocess.run(_command(src, out, "--workers", "2"), cwd=ROOT, capture_output=True)
    assert done.returncode == 1
    for name in FILES:
        assert (out / name).read_bytes() == clean[name], name
