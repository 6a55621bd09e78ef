"""Translation order: components callees-first, grouped in waves that can run in parallel."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from refactor.plan.scc import tarjan


@dataclass(frozen=True)
class Plan:
    """`waves[w]` lists components (sorted unit ids); a component's units go together."""

    waves: tuple[tuple[tuple[int, ...], ...], ...]

    @property
    def components(self) -> int:
        return sum(len(w) for w in self.waves)

    @property
    def units(self) -> int:
        return sum(len(c) for w in self.waves for c in w)

    @property
    def cyclic(self) -> int:
        """Components of more than one unit (mutual recursion, cyclic types)."""
        return sum(1 for w in self.waves for c in w if len(c) > 1)

    def assignments(self) -> list[tuple[int, int, int]]:
        """(unit id, wave, component number) for every planned unit."""
        out = []
        number = 0
        for w, wave in enumerate(self.waves):
            for component in wave:
                out.extend((unit, w, number) for unit in component)
                number += 1
        return out


def plan(units: Iterable[int], edges: Iterable[tuple[int, int]]) -> Plan:
    """Order `units` so that every unit comes after what it depends on (edge src -> dst).

    A component's wave is one more than the highest wave among the components it depends
    on, so each wave depends only on earlier waves and its components can run in parallel.
    """
    nodes = sorted(set(units))
    known = set(nodes)
    succ: dict[int, list[int]] = defaultdict(list)
    for src, dst in edges:
        if src in known and dst in known and src != dst:
            succ[src].append(dst)
    for targets in succ.values():
        targets.sort()
    components = tarjan(nodes, succ)
    comp_of: dict[int, int] = {}
    wave_of: list[int] = []
    for number, members in enumerate(components):
        for member in members:
            comp_of[member] = number
        deps = {comp_of[d] for m in members for d in succ.get(m, ()) if comp_of[d] != number}
        wave_of.append(1 + max((wave_of[d] for d in deps), default=-1))
    grouped: dict[int, list[tuple[int, ...]]] = defaultdict(list)
    for number, members in enumerate(components):
        grouped[wave_of[number]].append(tuple(sorted(members)))
    waves = tuple(tuple(sorted(grouped[w])) for w in sorted(grouped))
    return Plan(waves)
