"""`newsclaims bench`: parse and extract measured in one process, alternating; the workers
table. Structure only: a benchmark says how fast, a test never does."""

from __future__ import annotations

from pathlib import Path

from newsclaims.evaluate.bench import Measurement, format_report, run

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "business"


def test_bench_alternates_parse_and_extract_in_one_run():
    (result,) = run([str(CORPUS)], models=["blank"], sizes=[1], workers=[1, 2], rounds=2)
    assert len(result.parse_rounds) == len(result.extract_rounds) == 2
    assert all(s > 0 for s in result.parse_rounds + result.extract_rounds)
    assert result.articles == len(list(CORPUS.glob("*.*")))
    assert result.words > 0
    assert {"ingest", "parse", "newsclaims_dates", "records", "writing"} <= set(result.stages)
    assert set(result.worker_rounds) == {1, 2}
    assert all(len(rounds) == 2 for rounds in result.worker_rounds.values())
    report = format_report([result])
    assert "medians of 2 alternating round(s)" in report
    assert "speed-up" in report
    assert result.to_dict()["workers"]["2"]["speedup"] > 0


def test_bench_ratio_is_the_median_of_paired_rounds():
    m = Measurement(model="blank", copies=1)
    m.parse_rounds, m.extract_rounds = [1.0, 2.0, 10.0], [3.0, 5.0, 11.0]
    # pairs 3.0, 2.5, 1.1: the median pair, not median(extract) / median(parse) = 2.5
    assert m.ratio == 2.5
    m.parse_rounds = [1.0, 4.0, 10.0]
    assert m.ratio == 1.25  # pairs 3.0, 1.25, 1.1
    m.worker_rounds = {1: [4.0, 6.0], 2: [2.0, 4.0]}
    assert m.speedup(2) == 1.75  # pairs 2.0 and 1.5
    assert m.workers_seconds(2) == 3.0


def test_bench_command_with_workers_runs_to_its_report():
    """A bench process is itself a spawned worker: the workers it starts use its parent's
    resource tracker, which it must leave alone when its pool stops."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "newsclaims.cli", "bench", str(CORPUS), "-m", "blank"]
        + ["--size", "1", "--rounds", "1", "-w", "1", "-w", "2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "speed-up" in done.stdout
