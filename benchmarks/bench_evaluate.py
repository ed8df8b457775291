"""How fast the scorer is: seed-sized articles, and one long article, with and without texts.

    PYTHONPATH=.:tests python benchmarks/bench_evaluate.py
"""

from __future__ import annotations

import copy
import random
import time

from evaluate_fixtures import as_predictions, seed

from newsclaims.evaluate import score


def _timed(label: str, gold: list, predicted: dict, texts: dict | None) -> None:
    began = time.perf_counter()
    report = score(gold, predicted, texts=texts)
    took = time.perf_counter() - began
    print(f"{label}: {took:.2f}s, {report.claims.gold} gold claims, F1 {report.claims.f1:.3f}")


def main() -> None:
    gold, text = seed()
    claims = gold[0]["claims"]
    articles, predicted, texts = [], {}, {}
    rng = random.Random(0)
    for k in range(200):
        source = f"a{k}.txt"
        pred = as_predictions(claims, text)
        rng.shuffle(pred)
        articles.append({**gold[0], "source": source, "claims": copy.deepcopy(claims)})
        predicted[source], texts[source] = pred[1:], text
    _timed("200 seed articles, offsets", articles, predicted, texts)
    _timed("200 seed articles, text only", articles, predicted, None)
    # one long article: the seed repeated ten times (110 claims, every sentence 10 times)
    long_text = "\n\n".join([text] * 10)
    long_claims = claims * 10
    long_gold = [{"source": "long.txt", "claims": copy.deepcopy(long_claims)}]
    pred = {"long.txt": as_predictions(long_claims, long_text)}
    _timed("1 article of 110 claims, offsets", long_gold, pred, {"long.txt": long_text})
    _timed("1 article of 110 claims, text only", long_gold, pred, None)


if __name__ == "__main__":
    main()
