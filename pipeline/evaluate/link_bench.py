"""`newsclaims bench --link`: how long linking takes and how much memory it holds, as the
number of claims grows (synthetic claims: `newsclaims.evaluate.link_synthetic`).

Each size runs in a fresh spawned process, so its peak resident memory is its own: it
reads the output folder (claims.jsonl, articles.jsonl), links, and writes clusters.jsonl
and conflicts.jsonl, as `newsclaims link` does. The reference is the bare spaCy parse of
the same claim sentences (a sample of them, in another fresh process), per claim: the
ratio says how linking compares with what extracting those claims cost at the least.
"""

from __future__ import annotations

import multiprocessing
import random
import resource
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

PARSE_SAMPLE = 2000


@dataclass
class LinkMeasurement:
    claims: int
    link_seconds: float = 0.0
    write_seconds: float = 0.0
    cpu_seconds: float = 0.0  # CPU time of the run: steadier than wall time on a busy machine
    peak_rss_mb: float = 0.0
    pairs: int = 0
    largest_block: int = 0
    held_items: int = 0  # the most claim items held in memory at once (besides those kept)
    oversized_blocks: int = 0
    clusters: int = 0
    conflicts: int = 0
    parse_seconds_per_claim: float = 0.0

    @property
    def seconds(self) -> float:
        return self.link_seconds + self.write_seconds

    @property
    def ratio(self) -> float:
        """Seconds per claim of the whole link run over those of the bare parse."""
        if not self.parse_seconds_per_claim or not self.claims:
            return float("nan")
        return self.seconds / self.claims / self.parse_seconds_per_claim

    def to_dict(self) -> dict:
        return asdict(self) | {"seconds": self.seconds, "ratio": self.ratio}


def _fresh(function, *args):
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(function, *args).result()


def measure_link(folder: str, claims: int) -> LinkMeasurement:
    """Read and link, then write, one output folder (in a fresh process)."""
    from newsclaims.link import link_outputs, write_links

    result = LinkMeasurement(claims=claims)
    cpu = time.process_time()
    started = time.perf_counter()
    links = link_outputs([Path(folder)])
    result.link_seconds = time.perf_counter() - started
    started = time.perf_counter()
    write_links(links, Path(folder))
    result.write_seconds = time.perf_counter() - started
    result.cpu_seconds = time.process_time() - cpu
    result.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result.claims = links.claims
    result.pairs = links.blocking.pairs
    result.largest_block = links.blocking.largest
    result.held_items = links.held
    result.oversized_blocks = links.blocking.oversized
    result.clusters = len(links.clusters)
    result.conflicts = len(links.conflicts)
    return result


def measure_parse(folder: str, model: str | None) -> float:
    """Seconds per claim of the bare spaCy parse of a sample of the claim sentences."""
    import json

    import spacy

    from newsclaims.extraction.nlp import default_model

    with (Path(folder) / "claims.jsonl").open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    sample = random.Random(0).sample(texts, min(PARSE_SAMPLE, len(texts)))
    nlp = spacy.load(model or default_model())
    started = time.perf_counter()
    for _ in nlp.pipe(sample, batch_size=256):
        pass
    return (time.perf_counter() - started) / len(sample)


def run(sizes: Sequence[int], *, model: str | None = None) -> list[LinkMeasurement]:
    from newsclaims.evaluate.link_synthetic import write_output

    out = []
    with tempfile.TemporaryDirectory(prefix="newsclaims-link-bench-") as tmp:
        for size in sizes:
            folder = write_output(size, Path(tmp) / f"n{size}")
            result = _fresh(measure_link, str(folder), size)
            result.parse_seconds_per_claim = _fresh(measure_parse, str(folder), model)
            out.append(result)
    return out


def format_report(results: Sequence[LinkMeasurement]) -> str:
    header = (
        f"{'claims':>9} {'link s':>7} {'write s':>7} {'total s':>8} {'cpu s':>7} "
        f"{'µs/claim':>9} {'vs parse':>8} {'peak MB':>8} {'pairs':>9} {'largest':>7} "
        f"{'held':>6} {'clusters':>8} {'conflicts':>9}"
    )
    lines = [header]
    for r in results:
        lines.append(
            f"{r.claims:>9,} {r.link_seconds:>7.2f} "
            f"{r.write_seconds:>7.2f} {r.seconds:>8.2f} {r.cpu_seconds:>7.2f} "
            f"{r.seconds / r.claims * 1e6:>9.0f} "
            f"{r.ratio:>8.2f} {r.peak_rss_mb:>8.0f} {r.pairs:>9,} {r.largest_block:>7} "
            f"{r.held_items:>6,} {r.clusters:>8,} {r.conflicts:>9,}"
        )
    if len(results) >= 2:
        small, large = results[0], results[-1]
        times = large.claims / small.claims
        wall, cpu = large.seconds / small.seconds, large.cpu_seconds / small.cpu_seconds
        lines.append(
            f"growth: {times:.1f}x the claims took {wall:.1f}x the time ({wall / times:.2f} "
            f"of linear) and {cpu:.1f}x the CPU time ({cpu / times:.2f} of linear); "
            f"{large.pairs / small.pairs:.1f}x the pairs; "
            f"peak memory {large.peak_rss_mb / small.peak_rss_mb:.1f}x"
        )
    lines.append(
        "link s: reading claims.jsonl and articles.jsonl, and linking; "
        "held: the most claim items held at once by a part; "
        "vs parse: seconds per claim of the whole run (link, write) over those of "
        "the bare spaCy parse of the same claim sentences (a sample of "
        f"{PARSE_SAMPLE:,})"
    )
    return "\n".join(lines)


def to_json(results: Sequence[LinkMeasurement]) -> str:
    import json

    return json.dumps([r.to_dict() for r in results], indent=2)
