"""`newsclaims bench`: how fast, against the bare spaCy parse of the same text, and how much
memory, as the corpus grows.

Each (model, corpus size) is measured in one fresh process (spawned, not forked), so that
its peak resident memory is its own and the parse and the extract it compares ran on the
same machine state. In that process, after the pipeline is loaded once:

- `parse` and `extract` alternate for `rounds` rounds (parse first in even rounds, extract
  first in odd ones): `parse` is the bare `nlp.pipe` of the base spaCy pipeline (for
  `blank`: tokenizer and sentencizer) on the same texts, the reference every ratio is
  against (the texts are read untimed); `extract` is the whole job as `newsclaims extract`
  runs it (ingest, parse, our components, records, writing) into a fresh folder. The
  ratio is the median of the rounds' ratios; seconds are medians.
- a staged run times every stage separately: ingest, base parse, each of our components,
  records, writing;
- with several worker counts, the whole job for each count in turn, `rounds` times (the
  order rotating each round), which gives the speed-up table (workers load their pipeline
  inside the timed run, as a user's run does).
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from newsclaims.extraction.doctext import release
from newsclaims.extraction.nlp import BLANK, OUR_COMPONENTS


@dataclass
class Measurement:
    """One model on one corpus size."""

    model: str
    copies: int
    articles: int = 0
    words: int = 0
    parse_rounds: list[float] = field(default_factory=list)
    extract_rounds: list[float] = field(default_factory=list)
    peak_rss_mb: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    worker_rounds: dict[int, list[float]] = field(default_factory=dict)
    synthetic: bool = False
    worker_peak_rss_mb: float = 0.0

    @property
    def parse_seconds(self) -> float:
        return statistics.median(self.parse_rounds) if self.parse_rounds else 0.0

    @property
    def extract_seconds(self) -> float:
        return statistics.median(self.extract_rounds) if self.extract_rounds else 0.0

    @property
    def ratio(self) -> float:
        """The median of the rounds' extract / parse (each round's pair ran back to back)."""
        pairs = [e / p for p, e in zip(self.parse_rounds, self.extract_rounds, strict=False) if p]
        return statistics.median(pairs) if pairs else float("nan")

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.extract_seconds if self.extract_seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.extract_seconds if self.extract_seconds else 0.0

    def workers_seconds(self, n: int) -> float:
        rounds = self.worker_rounds.get(n, [])
        return statistics.median(rounds) if rounds else 0.0

    def speedup(self, n: int) -> float:
        """Median over rounds of (one worker's time / n workers' time) in the same round."""
        ones, many = self.worker_rounds.get(1, []), self.worker_rounds.get(n, [])
        pairs = [a / b for a, b in zip(ones, many, strict=False) if b]
        return statistics.median(pairs) if pairs else float("nan")

    def to_dict(self) -> dict:
        out = asdict(self)
        out.update(
            parse_seconds=self.parse_seconds,
            extract_seconds=self.extract_seconds,
            ratio=self.ratio,
            articles_per_second=self.articles_per_second,
            words_per_second=self.words_per_second,
            workers={
                str(n): {"seconds": self.workers_seconds(n), "speedup": self.speedup(n)}
                for n in self.worker_rounds
            },
        )
        return out


def replicate(inputs: Sequence[Path], copies: int, into: Path) -> Path:
    """A folder holding `copies` copies of every input (file or folder)."""
    for k in range(copies):
        for source in inputs:
            target = into / f"copy{k:03d}" / source.name
            if source.is_dir():
                shutil.copytree(source, target)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
    return into


def measure(
    corpus: str, model: str, copies: int, workers: Sequence[int] = (1,), rounds: int = 3
) -> Measurement:
    """In a fresh process: parse and extract alternating, the stages, the worker counts."""
    from newsclaims.extraction.nlp import shared_nlp

    result = Measurement(model=model, copies=copies)
    nlp = shared_nlp(model)  # loading the pipeline is not throughput
    base = _base_pipeline(nlp, model)
    for k in range(max(1, rounds)):
        steps = ("parse", "extract") if k % 2 == 0 else ("extract", "parse")
        for step in steps:
            if step == "parse":
                result.parse_rounds.append(_bare_parse(corpus, base))
            else:
                seconds, summary = _extract(corpus, model, 1)
                result.extract_rounds.append(seconds)
                result.articles, result.words = summary.articles, summary.words
    result.stages = measure_stages(corpus, model)
    counts = sorted(set(workers))
    if counts != [1]:
        for k in range(max(1, rounds)):
            turn = k % len(counts)
            for n in counts[turn:] + counts[:turn]:
                result.worker_rounds.setdefault(n, []).append(_extract(corpus, model, n)[0])
    result.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result.worker_peak_rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return result


def _extract(corpus: str, model: str, workers: int):
    """(seconds, summary) of the whole `extract` job into a fresh folder."""
    from newsclaims.run.api import extract

    kwargs = {"workers": workers} if workers > 1 else {}
    with tempfile.TemporaryDirectory(prefix="newsclaims-bench-out-") as out:
        started = time.perf_counter()
        summary = extract([corpus], out=Path(out), model=model, **kwargs)
        return time.perf_counter() - started, summary


def _bare_parse(corpus: str, base) -> float:
    """Seconds of the bare `nlp.pipe` over the corpus texts, read (untimed) in chunks so that
    memory stays flat."""
    from newsclaims.ingest import read_inputs
    from newsclaims.models import Article

    seconds = 0.0
    items = iter(read_inputs([corpus]))
    while True:
        batch = list(itertools.islice(items, _CHUNK))
        if not batch:
            return seconds
        chunk = [a.text for a in batch if isinstance(a, Article)]
        started = time.perf_counter()
        for _ in base.pipe(chunk, batch_size=32):
            pass
        seconds += time.perf_counter() - started


def measure_stages(corpus: str, model: str) -> dict[str, float]:
    """The time of every stage (ingest, the base parse, each of our components, records,
    writing), each stage run over a chunk of articles before the next, streamed in chunks
    so that memory stays flat."""
    from newsclaims.extraction.claims import article_record, claims_of
    from newsclaims.extraction.nlp import shared_nlp
    from newsclaims.ingest import read_inputs
    from newsclaims.models import Article

    nlp = shared_nlp(model)
    stages: dict[str, float] = {"ingest": 0.0}
    items = iter(read_inputs([corpus]))
    with tempfile.TemporaryDirectory(prefix="newsclaims-bench-write-") as tmp:
        while True:
            started = time.perf_counter()
            batch = list(itertools.islice(items, _CHUNK))
            chunk = [a for a in batch if isinstance(a, Article)]
            stages["ingest"] += time.perf_counter() - started
            if not batch:
                break
            for name, seconds in _staged(nlp, chunk, article_record, claims_of, Path(tmp)).items():
                stages[name] = stages.get(name, 0.0) + seconds
    return stages


_CHUNK = 64


def _base_pipeline(nlp, model: str):
    """The base spaCy pipeline alone, as a user of bare spaCy would run it."""
    import spacy

    if model == BLANK:
        blank = spacy.blank("en")
        blank.add_pipe("sentencizer")
        return blank
    return spacy.load(nlp.meta["newsclaims"]["base"])


def _staged(nlp, articles, article_record, claims_of, tmp: Path) -> dict[str, float]:
    """Time every stage separately on the same articles."""
    from newsclaims.extraction.tokens import make_doc

    stages: dict[str, float] = {}
    docs = []
    started = time.perf_counter()
    for article in articles:
        doc = make_doc(nlp, article.text)  # as the run makes its Docs
        doc._.published = article.published
        docs.append(doc)
    stages["parse"] = time.perf_counter() - started  # the tokenizer is part of the parse
    ours = {*OUR_COMPONENTS, "newsclaims_layout"}
    for name, proc in nlp.pipeline:
        started = time.perf_counter()
        if name in ours or not hasattr(proc, "pipe"):
            docs = [proc(d) for d in docs]
        else:
            docs = list(proc.pipe(docs, batch_size=32))
        key = name if name in ours else "parse"
        stages[key] = stages.get(key, 0.0) + time.perf_counter() - started
    started = time.perf_counter()
    records = [(article_record(a, d), claims_of(d, a)) for a, d in zip(articles, docs, strict=True)]
    stages["records"] = time.perf_counter() - started
    for doc in docs:
        release(doc)  # as the run does once an article's records are built
    started = time.perf_counter()
    with open(tmp / "bench-write.jsonl", "a", encoding="utf-8") as out:
        for article, claims in records:
            out.write(article.model_dump_json() + "\n")
            for claim in claims:
                out.write(claim.model_dump_json() + "\n")
    stages["writing"] = time.perf_counter() - started
    return stages


def in_fresh_process(function, *args):
    """`function(*args)` in a new spawned process: its peak memory is its own, and it may
    start worker processes of its own (a `multiprocessing.Pool` worker may not)."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(function, *args).result()


def run(
    inputs: Sequence[str],
    *,
    models: Sequence[str],
    sizes: Sequence[int],
    workers: Sequence[int] = (1,),
    synthetic: bool = False,
    rounds: int = 3,
) -> list[Measurement]:
    """Every (model, size) measurement, each in its own spawned process.

    A size is a number of copies of `inputs`, or with `synthetic` a number of articles of
    a synthetic corpus made from them (`newsclaims.evaluate.synthetic`: varied texts, not
    copies)."""
    from newsclaims.evaluate.synthetic import write_corpus

    out = []
    with tempfile.TemporaryDirectory(prefix="newsclaims-bench-") as tmp:
        for copies in sizes:
            if synthetic:
                corpus = write_corpus(list(inputs), copies, Path(tmp) / f"n{copies}")
            else:
                corpus = replicate([Path(p) for p in inputs], copies, Path(tmp) / f"x{copies}")
            for model in models:
                result = in_fresh_process(
                    measure, str(corpus), model, copies, tuple(workers), rounds
                )
                result.synthetic = synthetic
                out.append(result)
            shutil.rmtree(corpus)
    return sorted(out, key=lambda r: (models.index(r.model), r.copies))


def format_report(results: list[Measurement]) -> str:
    size = "  size" if any(r.synthetic for r in results) else "copies"
    rounds = max((len(r.extract_rounds) for r in results), default=0)
    lines = [
        f"medians of {rounds} alternating round(s) of parse and extract in one process",
        f"model                       {size}  articles     words  parse s  extract s  ratio"
        "  articles/s    words/s  peak MB",
    ]
    for r in results:
        lines.append(
            f"{r.model:<26}  {r.copies:>6}  {r.articles:>8}  {r.words:>8}  {r.parse_seconds:>7.2f}"
            f"  {r.extract_seconds:>9.2f}  {r.ratio:>5.2f}  {r.articles_per_second:>10.1f}"
            f"  {r.words_per_second:>9,.0f}  {r.peak_rss_mb:>7.0f}"
        )
    for model in dict.fromkeys(r.model for r in results):
        biggest = max((r for r in results if r.model == model), key=lambda r: r.copies)
        total = sum(biggest.stages.values()) or 1.0
        parse = biggest.stages.get("parse", 0.0) or 1e-9
        lines.append("")
        scale = f"{biggest.copies} articles" if biggest.synthetic else f"{biggest.copies}x"
        lines.append(f"stages of {model} at {scale} ({biggest.words:,} words):")
        lines.append("  stage                      seconds  share   vs parse")
        for name, seconds in biggest.stages.items():
            lines.append(
                f"  {name:<25} {seconds:>8.3f}  {seconds / total:>5.1%}  {seconds / parse:>8.1%}"
            )
    with_workers = [r for r in results if len(r.worker_rounds) > 1]
    if with_workers:
        lines.append("")
        lines.append("workers (whole extract, worker start-up included; speed-up: median of")
        lines.append("the rounds' one-worker time over N workers' time):")
        lines.append(f"  model                       {size}  workers  extract s  speed-up  words/s")
        for r in with_workers:
            for n in sorted(r.worker_rounds):
                seconds = r.workers_seconds(n)
                lines.append(
                    f"  {r.model:<26}  {r.copies:>6}  {n:>7}  {seconds:>9.2f}"
                    f"  {r.speedup(n):>7.2f}x  {r.words / seconds if seconds else 0:>7,.0f}"
                )
        peak = max(r.worker_peak_rss_mb for r in with_workers)
        lines.append(f"  (peak of one worker process: {peak:.0f} MB)")
    return "\n".join(lines)


def to_json(results: list[Measurement]) -> str:
    return json.dumps([r.to_dict() for r in results], indent=2)


if __name__ == "__main__":  # pragma: no cover - manual use
    print(format_report(run(sys.argv[1:] or ["corpus"], models=["blank"], sizes=[1])))
