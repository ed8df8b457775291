"""MinHash signatures and LSH bands over word-pair shingles, with numpy.

The permutations are `(a * x + b) mod p` with `a` and `b` drawn from a seeded
`random.Random`, and the shingles are crc32 hashes, so a signature is the same in every
process and on every machine. Two sentences whose shingle sets have Jaccard similarity J
share at least one band with probability 1 - (1 - J**ROWS)**BANDS: 0.88 at J = 0.5,
0.35 at 0.3, 0.02 at 0.1 (16 bands of 3 rows).
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import numpy as np

BANDS = 16
ROWS = 3
_PRIME = np.uint64((1 << 61) - 1)


def _permutations(count: int) -> tuple[np.ndarray, np.ndarray]:
    rng = random.Random(20241114)  # fixed: signatures never change between runs
    a = np.array([rng.randrange(1, 1 << 29) for _ in range(count)], dtype=np.uint64)
    b = np.array([rng.randrange(0, 1 << 60) for _ in range(count)], dtype=np.uint64)
    return a, b


def signatures(sets: Sequence[frozenset[int]]) -> np.ndarray:
    """One row of BANDS * ROWS minimum hashes per set (an empty set: a row of the maximum,
    which `band_keys` leaves out)."""
    lengths = np.array([len(s) for s in sets], dtype=np.int64)
    values = np.fromiter((x for s in sets for x in sorted(s)), dtype=np.uint64)
    return signatures_of(values, lengths)


def signatures_of(values: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """`signatures` of sets given as one array of their members, set after set, and the
    size of each set."""
    count = BANDS * ROWS
    a, b = _permutations(count)
    out = np.full((len(lengths), count), np.iinfo(np.uint64).max, dtype=np.uint64)
    values = values.astype(np.uint64, copy=False)
    ends = np.cumsum(lengths)
    filled = np.flatnonzero(lengths)
    if not len(filled):
        return out
    starts, lengths = (ends - lengths)[filled], lengths[filled]
    chunk = 1 << 12  # shingles per step: bounds the temporary (count x chunk) matrices
    mins = np.empty((count, len(filled)), dtype=np.uint64)
    done = 0
    while done < len(filled):
        upto = done
        total = 0
        while upto < len(filled) and (total == 0 or total + lengths[upto] <= chunk):
            total += lengths[upto]
            upto += 1
        lo = starts[done]
        part = values[lo : lo + total]
        hashed = (a[:, None] * part[None, :] + b[:, None]) % _PRIME
        mins[:, done:upto] = np.minimum.reduceat(hashed, starts[done:upto] - lo, axis=1)
        done = upto
    out[filled] = mins.T
    return out


def band_keys(sigs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The LSH band keys of every non-empty signature, with the row each belongs to: one
    64-bit number per (band, its ROWS minimum hashes), the band index mixed in so that two
    bands never share a key."""
    filled = np.flatnonzero(sigs[:, 0] != np.iinfo(np.uint64).max)
    rows = sigs[filled].reshape(len(filled), BANDS, ROWS)
    key = np.zeros((len(filled), BANDS), dtype=np.uint64)
    with np.errstate(over="ignore"):  # wrapping multiplication is the mixing
        for r in range(ROWS):
            key = key * np.uint64(0x9E3779B97F4A7C15) + rows[:, :, r]
        key = key * np.uint64(0x9E3779B97F4A7C15) + np.arange(BANDS, dtype=np.uint64)
    return key.ravel(), np.repeat(filled, BANDS).astype(np.int64)


def text_bands(
    values: np.ndarray, lengths: np.ndarray, *, step: int = 8192
) -> tuple[np.ndarray, np.ndarray]:
    """`band_keys(signatures_of(values, lengths))`, `step` sets at a time: only the band
    keys of all the sets are held, never all their signatures."""
    ends = np.cumsum(lengths)
    keys, rows = [np.zeros(0, dtype=np.uint64)], [np.zeros(0, dtype=np.int64)]
    for first in range(0, len(lengths), step):
        part = lengths[first : first + step]
        lo = int(ends[first] - lengths[first])
        sigs = signatures_of(values[lo : lo + int(part.sum())], part)
        key, row = band_keys(sigs)
        keys.append(key)
        rows.append(row + first)
    return np.concatenate(keys), np.concatenate(rows)
