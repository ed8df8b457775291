"""The regression check of `scripts/bench_regress.py`: which figures count as slower."""

from __future__ import annotations

import json

import pytest

from scripts.bench_regress import last_record, regressions


@pytest.mark.parametrize(
    ("before", "now", "expected"),
    [
        ({"blank@4 stage dates": 1.0}, {"blank@4 stage dates": 1.19}, []),
        ({"blank@4 stage dates": 1.0}, {"blank@4 stage dates": 1.25}, ["blank@4 stage dates"]),
        ({"blank@4 stage dates": 1.0}, {"blank@4 stage dates": 0.5}, []),  # faster
        ({"blank@4 stage quotes": 0.01}, {"blank@4 stage quotes": 0.04}, []),  # under the floor
        ({}, {"blank@4 stage new": 3.0}, []),  # nothing to compare with
    ],
)
def test_bench_regress_flags_stages_more_than_20_percent_slower(before, now, expected):
    found = regressions(before, now, threshold=0.2, floor=0.05)
    assert [line.split(":")[0] for line in found] == expected


def test_bench_regress_compares_with_the_last_run_of_the_same_settings(tmp_path):
    path = tmp_path / "machine.jsonl"
    runs = [
        {"settings": {"sizes": [4]}, "figures": {"x": 1.0}},
        {"settings": {"sizes": [16]}, "figures": {"x": 9.0}},
        {"settings": {"sizes": [4]}, "figures": {"x": 2.0}},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in runs))
    assert last_record(path, {"sizes": [4]})["figures"] == {"x": 2.0}
    assert last_record(path, {"sizes": [1]}) is None
    assert last_record(tmp_path / "none.jsonl", {"sizes": [4]}) is None
