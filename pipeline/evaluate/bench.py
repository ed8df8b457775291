"""`newsclaims bench`: how fast, against the bare spaCy parse of the same text, and how much
memory, as the corpus grows.

Every measurement runs in a fresh process (spawned, not forked) so that its peak resident
memory is its own. In one process, on the same articles, it times:

- `parse`: the bare `nlp.pipe` of the base spaCy pipeline (for `blank`: tokenizer and
  sentencizer), the reference every ratio is against;
- `extract`: the whole job as `newsclaims extract` runs it (ingest, parse, our components,
  records, writing) on a folder holding N copies of the corpus;
- the time of each stage of a separate staged run: ingest, base parse, each of our
  components, records, writing.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from newsclaims.extraction.nlp import BLANK, OUR_COMPONENTS


@dataclass
class Measurement:
    """One model on one corpus size."""

    model: str
    copies: int
    articles: int = 0
    words: int = 0
    parse_seconds: float = 0.0
    extract_seconds: float = 0.0
    peak_rss_mb: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    workers: int = 1
    synthetic: bool = False
    worker_peak_rss_mb: float = 0.0

    @property
    def ratio(self) -> float:
        return self.extract_seconds / self.parse_seconds if self.parse_seconds else float("nan")

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.extract_seconds if self.extract_seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.extract_seconds if self.extract_seconds else 0.0

    def to_dict(self) -> dict:
        out = asdict(self)
        out.update(
            ratio=self.ratio,
            articles_per_second=self.articles_per_second,
            words_per_second=self.words_per_second,
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


def measure_extract(corpus: str, model: str, copies: int, workers: int = 1) -> Measurement:
    """In a fresh process: the whole `extract` job, and its peak resident memory."""
    from newsclaims.extraction.nlp import shared_nlp
    from newsclaims.run.api import extract

    result = Measurement(model=model, copies=copies, workers=workers)
    shared_nlp(model)  # loading the pipeline is not throughput
    kwargs = {"workers": workers} if workers > 1 else {}
    with tempfile.TemporaryDirectory(prefix="newsclaims-bench-out-") as out:
        started = time.perf_counter()
        summary = extract([corpus], out=Path(out), model=model, **kwargs)
        result.extract_seconds = time.perf_counter() - started
    result.articles, result.words = summary.articles, summary.words
    result.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result.worker_peak_rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return result


def measure_stages(corpus: str, model: str) -> tuple[float, dict[str, float]]:
    """In a fresh process: the bare parse of the same texts, and the time of every stage,
    streamed in chunks so that memory stays flat."""
    from newsclaims.extraction.claims import article_record, claims_of
    from newsclaims.extraction.nlp import shared_nlp
    from newsclaims.ingest import read_inputs
    from newsclaims.models import Article

    nlp = shared_nlp(model)
    base = _base_pipeline(nlp, model)
    stages: dict[str, float] = {"ingest": 0.0}
    parse_seconds = 0.0
    items = iter(read_inputs([corpus]))
    with tempfile.TemporaryDirectory(prefix="newsclaims-bench-write-") as tmp:
        while True:
            started = time.perf_counter()
            chunk = [a for a in itertools.islice(items, _CHUNK) if isinstance(a, Article)]
            stages["ingest"] += time.perf_counter() - started
            if not chunk:
                break
            started = time.perf_counter()
            for _ in base.pipe([a.text for a in chunk], batch_size=32):
                pass
            parse_seconds += time.perf_counter() - started
            for name, seconds in _staged(nlp, chunk, article_record, claims_of, Path(tmp)).items():
                stages[name] = stages.get(name, 0.0) + seconds
    return parse_seconds, stages


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
    stages: dict[str, float] = {}
    docs = []
    for article in articles:
        doc = nlp.make_doc(article.text)
        doc._.published = article.published
        docs.append(doc)
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
) -> list[Measurement]:
    """Every (model, size, workers) measurement, each part in its own spawned process.

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
                parse_seconds, stages = in_fresh_process(measure_stages, str(corpus), model)
                for n in workers:
                    result = in_fresh_process(measure_extract, str(corpus), model, copies, n)
                    result.parse_seconds, result.stages = parse_seconds, stages
                    result.synthetic = synthetic
                    out.append(result)
            shutil.rmtree(corpus)
    return sorted(out, key=lambda r: (models.index(r.model), r.copies, r.workers))


def format_report(results: list[Measurement]) -> str:
    size = "  size" if any(r.synthetic for r in results) else "copies"
    lines = [
        f"model                       {size}  articles     words  parse s  extract s  ratio"
        "  articles/s    words/s  peak MB",
    ]
    for r in results:
        lines.append(
            f"{r.model:<26}  {r.copies:>6}  {r.articles:>8}  {r.words:>8}  {r.parse_seconds:>7.2f}"
            f"  {r.extract_seconds:>9.2f}  {r.ratio:>5.2f}  {r.articles_per_second:>10.1f}"
            f"  {r.words_per_second:>9,.0f}  {r.peak_rss_mb:>7.0f}" + _workers_note(r)
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
    return "\n".join(lines)


def _workers_note(r: Measurement) -> str:
    if r.workers == 1:
        return ""
    return f"  ({r.workers} workers, peak {r.worker_peak_rss_mb:.0f} MB each)"


def to_json(results: list[Measurement]) -> str:
    return json.dumps([r.to_dict() for r in results], indent=2)


if __name__ == "__main__":  # pragma: no cover - manual use
    print(format_report(run(sys.argv[1:] or ["corpus"], models=["blank"], sizes=[1])))
