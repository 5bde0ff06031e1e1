"""Seeded reservoir sampling of records and Wilson score intervals for prevalence."""

from __future__ import annotations

import math
import random
import zlib
from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


def reservoir(items: Iterable[T], size: int, seed: int, key: str) -> tuple[list[T], int]:
    """Algorithm R: a uniform sample of `size` items in one pass with O(size) memory.
    Returns (sample in original order, number of items seen). The RNG is seeded by the seed and
    the file's name (crc32, stable across processes) so --jobs never changes the sample."""
    rng = random.Random((seed << 32) ^ zlib.crc32(key.encode("utf-8")))
    sample: list[tuple[int, T]] = []
    seen = 0
    for i, item in enumerate(items):
        seen += 1
        if i < size:
            sample.append((i, item))
        else:
            j = rng.randrange(i + 1)
            if j < size:
                sample[j] = (i, item)
    sample.sort(key=lambda pair: pair[0])
    return [item for _, item in sample], seen


def wilson(successes: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    """95% Wilson score interval for a binomial proportion (good at rates near 0 or 1)."""
    if n == 0:
        return 0.0, 1.0
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)
