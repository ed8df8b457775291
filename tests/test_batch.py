"""Large batches: incremental re-runs, --prune, N workers, order and byte-identical output."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

import newsclaims.run.batch
import newsclaims.run.engines.chunks
import newsclaims.run.engines.local
from newsclaims.run.api import extract
from newsclaims.run.manifest import OutputBusy, SqliteManifest
from tests.conftest import CORPUS_ARTICLES
from tests.ingest_support import write
from tests.test_cli import BAD, GOOD

FILES = ("claims.jsonl", "articles.jsonl", "errors.jsonl")

ROOT = Path(__file__).resolve().parent.parent


def _folder(root: Path, files: dict) -> Path:
    for name, content in files.items():
        write(root, name, content)
    return root


def _output(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in FILES}


def _clean(inputs, tmp_path: Path, name: str = "clean", **options) -> dict[str, bytes]:
    out = tmp_path / name
    extract(inputs, out=out, model="blank", fresh=True, **options)
    return _output(out)


@pytest.fixture
def spy(monkeypatch):
    """Counts the articles sent to parsing and the files read."""
    calls = {"parsed": 0, "read": 0}
    parse, read = newsclaims.run.engines.chunks.parse_chunk, newsclaims.run.batch.read_entry

    def parse_chunk(articles, *args):
        calls["parsed"] += len(articles)
        return parse(articles, *args)

    def read_entry(entry, **options):
        calls["read"] += 1
        return read(entry, **options)

    monkeypatch.setattr(newsclaims.run.engines.local, "parse_chunk", parse_chunk)
    monkeypatch.setattr(newsclaims.run.batch, "read_entry", read_entry)
    return calls


def test_batch_rerun_over_unchanged_folder_parses_nothing(tmp_path, spy):
    src = _folder(tmp_path / "in", GOOD | BAD)
    out = tmp_path / "out"
    first = extract([src], out=out, model="blank")
    before = _output(out)
    assert spy["parsed"] == first.articles == 6
    spy.update(parsed=0, read=0)
    again = extract([src], out=out, model="blank")
    assert spy == {"parsed": 0, "read": 0}
    assert _output(out) == before
    assert (again.articles, again.claims, again.failed, again.words) == (
        first.articles,
        first.claims,
        first.failed,
        first.words,
    )
    assert again.reused == first.articles


def test_batch_changed_input_alone_is_parsed_again(tmp_path, spy):
    src = _folder(tmp_path / "in", GOOD)
    out = tmp_path / "out"
    extract([src], out=out, model="blank")
    write(src, "b.txt", "Imports rose 7% last month, the ministry said on Friday.\n")
    spy.update(parsed=0, read=0)
    summary = extract([src], out=out, model="blank")
    assert spy == {"parsed": 1, "read": 1}
    assert summary.reused == summary.articles - 1
    assert _output(out) == _clean([src], tmp_path)


def test_batch_new_input_takes_its_place_in_order(tmp_path):
    src = _folder(tmp_path / "in", GOOD)
    out = tmp_path / "out"
    extract([src], out=out, model="blank")
    write(src, "aa.txt", "Profits fell 9% in 2023, the bank said.\n")
    extract([src], out=out, model="blank")
    assert _output(out) == _clean([src], tmp_path)


def test_batch_deleted_input_kept_until_pruned(tmp_path):
    src = _folder(tmp_path / "in", GOOD)
    out = tmp_path / "out"
    extract([src], out=out, model="blank")
    kept_line = next(
        line for line in (out / "articles.jsonl").read_text().splitlines() if '"b.txt"' in line
    )
    (src / "b.txt").unlink()
    summary = extract([src], out=out, model="blank")
    assert summary.retained == 1
    assert (out / "articles.jsonl").read_text().splitlines()[-1] == kept_line
    summary = extract([src], out=out, model="blank", prune=True)
    assert summary.pruned == 1
    assert _output(out) == _clean([src], tmp_path)
    assert extract([src], out=out, model="blank").retained == 0


def test_batch_other_pipeline_version_parses_again(tmp_path, spy):
    src = _folder(tmp_path / "in", GOOD)
    out = tmp_path / "out"
    extract([src], out=out, model="blank")
    spy.update(parsed=0, read=0)
    extract([src], out=out, model="blank", reference_date=dt.date(2024, 1, 1))
    assert spy["parsed"] == 6
    assert _output(out) == _clean([src], tmp_path, reference_date=dt.date(2024, 1, 1))


def test_batch_fresh_parses_everything(tmp_path, spy):
    src = _folder(tmp_path / "in", GOOD)
    out = tmp_path / "out"
    extract([src], out=out, model="blank")
    spy.update(parsed=0, read=0)
    extract([src], out=out, model="blank", fresh=True)
    assert spy["parsed"] == 6


def test_batch_same_source_under_two_inputs_kept_apart(tmp_path, spy):
    one = _folder(tmp_path / "one", {"x.txt": GOOD["b.txt"]})
    two = _folder(tmp_path / "two", {"x.txt": "Profits fell 9% in 2023, the bank said.\n"})
    out = tmp_path / "out"
    extract([one, two], out=out, model="blank")
    spy.update(parsed=0, read=0)
    summary = extract([one, two], out=out, model="blank")
    assert spy["parsed"] == 0
    assert summary.articles == 2
    assert _output(out) == _clean([one, two], tmp_path)


@pytest.mark.parametrize("batch_size", [1, 2, 32])
def test_batch_two_workers_give_the_bytes_of_one(tmp_path, batch_size):
    src = _folder(tmp_path / "in", GOOD | BAD)
    one = _clean([src, tmp_path / "missing"], tmp_path, "one", batch_size=batch_size)
    two = _clean([src, tmp_path / "missing"], tmp_path, "two", batch_size=batch_size, workers=2)
    assert one == two
    assert b"missing" in one["errors.jsonl"]


def test_batch_two_workers_trained_pipeline_on_the_corpus(tmp_path):
    out_one, out_two = tmp_path / "one", tmp_path / "two"
    extract([ROOT / "corpus"], out=out_one)
    extract([ROOT / "corpus"], out=out_two, workers=2)
    assert _output(out_one) == _output(out_two)
    assert len(_output(out_one)["articles.jsonl"].splitlines()) == CORPUS_ARTICLES


def test_batch_errors_in_input_order(tmp_path):
    src = _folder(tmp_path / "in", BAD)
    out = tmp_path / "out"
    extract([src], out=out, model="blank")
    sources = [
        line.split('"source":"')[1].split('"')[0]
        for line in _output(out)["errors.jsonl"].decode().splitlines()
    ]
    assert sources == sorted(sources)


def test_batch_second_run_on_same_output_is_refused(tmp_path):
    busy = SqliteManifest(tmp_path / "out")
    try:
        with pytest.raises(OutputBusy):
            extract([tmp_path], out=tmp_path / "out", model="blank")
    finally:
        busy.close()


def test_batch_manifest_copy_survives_a_moved_output(tmp_path, spy):
    src = _folder(tmp_path / "in", GOOD)
    extract([src], out=tmp_path / "out", model="blank")
    shutil.move(tmp_path / "out", tmp_path / "moved")
    spy.update(parsed=0, read=0)
    extract([src], out=tmp_path / "moved", model="blank")
    assert spy["parsed"] == 0


def test_batch_incremental_trained_pipeline_equals_a_clean_run(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(ROOT / "corpus" / "energy", src)
    out = tmp_path / "out"
    extract([src], out=out)
    edited = sorted(src.glob("*.md"))[0]
    edited.write_text(edited.read_text().replace("%", " percent", 1))
    summary = extract([src], out=out)
    assert summary.reused == summary.articles - 1
    extract([src], out=tmp_path / "clean")
    assert _output(out) == _output(tmp_path / "clean")


def test_batch_fresh_pipeline_after_vocabulary_limit_gives_same_bytes(tmp_path, monkeypatch):
    src = _folder(tmp_path / "in", GOOD)
    one = _clean([src], tmp_path, "one", batch_size=1)
    monkeypatch.setattr(
        newsclaims.run.engines.chunks, "VOCAB_LIMIT", 0
    )  # a fresh pipeline every chunk
    assert _clean([src], tmp_path, "two", batch_size=1) == one


def _jsonl(path: Path, lines: int, *, bad: tuple[int, ...] = ()) -> Path:
    import json

    rows = []
    for n in range(1, lines + 1):
        if n in bad:
            rows.append('{"title": "broken"')
        else:
            rows.append(
                json.dumps({"title": f"T{n}", "text": f"Sales rose {n}% in May, the firm said."})
            )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("interrupted_after", [1, 3])
def test_batch_killed_run_resumes_inside_a_jsonl_file(tmp_path, monkeypatch, interrupted_after):
    src = tmp_path / "in"
    _jsonl(src / "big.jsonl", 40, bad=(6, 17))
    write(src, "z.txt", "Exports fell 3% last month, the ministry said.\n")
    clean = _clean([src], tmp_path, batch_size=4)
    out = tmp_path / "out"
    parse = newsclaims.run.engines.chunks.parse_chunk
    calls = {"n": 0, "parsed": 0}

    def interrupted(articles, *args):
        calls["n"] += 1
        if calls["n"] > interrupted_after:
            raise KeyboardInterrupt
        return parse(articles, *args)

    monkeypatch.setattr(newsclaims.run.engines.local, "parse_chunk", interrupted)
    with pytest.raises(KeyboardInterrupt):
        extract([src], out=out, model="blank", batch_size=4)

    def counted(articles, *args):
        calls["parsed"] += len(articles)
        return parse(articles, *args)

    monkeypatch.setattr(newsclaims.run.engines.local, "parse_chunk", counted)
    summary = extract([src], out=out, model="blank", batch_size=4)
    assert _output(out) == clean
    # The committed chunks of big.jsonl are not parsed again: 38 articles and z.txt in all.
    assert calls["parsed"] == 39 - 4 * interrupted_after
    assert (summary.articles, summary.failed) == (39, 2)


@pytest.mark.parametrize("small_file", [64 * 1024, 0])
def test_batch_workers_read_their_own_one_article_files(tmp_path, monkeypatch, small_file):
    """With workers, Markdown, text and HTML files go to the workers unread (the main process
    walks, hashes and writes), and so do JSON and JSON Lines files of at most `SMALL_FILE`
    bytes; bigger ones, which may hold thousands of articles, are read here. The bytes are
    those of one worker."""
    monkeypatch.setattr(newsclaims.run.batch, "SMALL_FILE", small_file)
    src = _folder(tmp_path / "in", GOOD | BAD)
    seen: list[str] = []
    submit = newsclaims.run.engines.local.LocalEngine._submit_or_later

    def record(self, chunk):
        seen.extend(type(item).__name__ for item in chunk)
        return submit(self, chunk)

    monkeypatch.setattr(newsclaims.run.engines.local.LocalEngine, "_submit_or_later", record)
    two = _clean([src], tmp_path, "two", workers=2, batch_size=2)
    assert two == _clean([src], tmp_path, "one", batch_size=2)
    one_article_files = [n for n in GOOD | BAD if n.endswith((".md", ".txt", ".html"))]
    json_files = [n for n in GOOD | BAD if n.endswith((".json", ".jsonl"))]
    if small_file:
        assert seen.count("FileTask") == len(one_article_files) + len(json_files)
        assert seen.count("Article") == 0
    else:
        assert seen.count("FileTask") == len(one_article_files)
        assert seen.count("Article") == 3  # sub/c.json and the two lines of d.jsonl
