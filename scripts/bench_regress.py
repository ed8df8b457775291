"""Speed regressions: run `newsclaims bench`, compare every stage with the last run recorded on
this machine, and fail loudly when one is more than 20% slower (a benchmark, not a test).

    python -m scripts.bench_regress [INPUT...] [--model blank] [--size 4] [--rounds 3]
                                    [--workers 1 --workers 2] [--threshold 0.2] [--accept]

Runs are recorded one JSON line each in `benchmarks/records/<machine>.jsonl` (git-ignored:
numbers of one machine mean nothing on another). The machine key is the host name, the CPU
model and the number of CPUs. A run is compared only with the last recorded run of the same
settings (inputs, models, sizes, rounds, worker counts). A run that regressed is not recorded,
so the next run is still held to the good one, unless `--accept` (a slowdown that was meant).
Exit status: 0 no regression (or nothing to compare with yet), 1 a stage regressed.

Stages shorter than `--floor` seconds (default 0.05) in both runs are not compared: their
noise is larger than 20%. On a machine that other jobs share, run it when it is quiet.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import socket
import subprocess
import sys
from pathlib import Path

from newsclaims.evaluate.bench import Measurement, format_report, run

ROOT = Path(__file__).resolve().parent.parent
RECORDS = ROOT / "benchmarks" / "records"


def machine_key() -> str:
    """`host-<8 hex>`: the host name and a hash of the CPU model and count."""
    model = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    digest = hashlib.sha256(f"{model}|{os.cpu_count()}".encode()).hexdigest()[:8]
    return f"{socket.gethostname()}-{digest}"


def figures(results: list[Measurement]) -> dict[str, float]:
    """The seconds compared between runs: per model and size, the bare parse, the whole
    extract, every stage and every worker count."""
    out: dict[str, float] = {}
    for r in results:
        prefix = f"{r.model}@{r.copies}"
        out[f"{prefix} parse"] = r.parse_seconds
        out[f"{prefix} extract"] = r.extract_seconds
        for stage, seconds in r.stages.items():
            out[f"{prefix} stage {stage}"] = seconds
        for n in r.worker_rounds:
            out[f"{prefix} workers {n}"] = r.workers_seconds(n)
    return out


def regressions(
    last: dict[str, float], now: dict[str, float], *, threshold: float = 0.2, floor: float = 0.05
) -> list[str]:
    """One line for every figure more than `threshold` slower than in `last`."""
    found = []
    for name, seconds in now.items():
        before = last.get(name)
        if before is None or max(before, seconds) < floor or before <= 0:
            continue
        if seconds > before * (1 + threshold):
            found.append(
                f"{name}: {seconds:.3f} s, was {before:.3f} s (+{seconds / before - 1:.0%})"
            )
    return found


def last_record(path: Path, settings: dict) -> dict | None:
    if not path.is_file():
        return None
    found = None
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("settings") == settings:
            found = record
    return found


def _input_name(given: str) -> str:
    """An input as recorded: relative to the repository when inside it."""
    path = Path(given).resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(ROOT / "corpus")])
    parser.add_argument("--model", action="append", dest="models")
    parser.add_argument("--size", action="append", type=int, dest="sizes")
    parser.add_argument("--workers", action="append", type=int)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threshold", type=float, default=0.2)
    parser.add_argument("--floor", type=float, default=0.05)
    parser.add_argument("--accept", action="store_true", help="record even a regressed run")
    args = parser.parse_args(argv)
    from newsclaims.extraction.nlp import BLANK, default_model

    settings = {
        "inputs": [_input_name(p) for p in args.inputs],
        "models": args.models or [default_model(), BLANK],
        "sizes": args.sizes or [4],
        "workers": sorted(set(args.workers or [1])),
        "rounds": args.rounds,
    }
    results = run(
        args.inputs,
        models=settings["models"],
        sizes=settings["sizes"],
        workers=settings["workers"],
        rounds=settings["rounds"],
    )
    print(format_report(results))
    now = figures(results)
    path = RECORDS / f"{machine_key()}.jsonl"
    last = last_record(path, settings)
    found = []
    if last is not None:
        found = regressions(last["figures"], now, threshold=args.threshold, floor=args.floor)
    record = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": _commit(),
        "settings": settings,
        "figures": now,
    }
    print()
    if last is None:
        print(f"first run of these settings on {machine_key()}: recorded, nothing to compare")
    elif found:
        print(f"REGRESSION against the run of {last['date']} (commit {last['commit']}):")
        for line in found:
            print(f"  {line}")
    else:
        print(f"no stage more than {args.threshold:.0%} slower than the run of {last['date']}")
    if not found or args.accept:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")
        print(f"recorded in {path.relative_to(ROOT)}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
