"""Finding the substituted units that make a program disagree with its original.

A pure search over a predicate `fails(subset) -> bool` (does the program with this
subset substituted disagree?). One culprit is found by binary search over prefixes of a
fixed order: the shortest failing prefix ends with a unit that tips the program over.
That unit is set aside and the search repeats on the rest until it passes, so several
independent culprits are all found, at about log2(n) + 1 program runs each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def _shortest_failing_prefix(items: Sequence[T], fails: Callable[[list[T]], bool]) -> int:
    """Smallest k such that items[:k] fails, given that items fails as a whole."""
    lo, hi = 1, len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        if fails(list(items[:mid])):
            hi = mid
        else:
            lo = mid + 1
    return lo


def culprits(items: Sequence[T], fails: Callable[[list[T]], bool],
             limit: int = 50) -> tuple[list[T], list[T]]:
    """(culprits, the rest); the rest passes unless `limit` culprits were reached."""
    rest = list(items)
    found: list[T] = []
    while rest and len(found) < limit and fails(rest):
        k = _shortest_failing_prefix(rest, fails)
        found.append(rest.pop(k - 1))
    return found, rest
