"""`--shard i/n`: which planned units one CI job translates and verifies.

Units that must be verified together stay together: a call cycle (the plan's strongly
connected component), the units of one C file (a static function is only tested through
its callers in the file), a C type, global or macro with every function using it and a
COBOL copybook with every program COPYing it (their level is their users' level), and a
COBOL program with the programs it CALLs (one executable). These clusters are dealt
largest first to the shard with the fewest lines so far, ties by a stable key, so every
job computes the same split from the same scan and the shards' lines are balanced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from refactor.ledger import Ledger, UnitView

_SPEC = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")
TOGETHER = frozenset({"type", "global", "macro", "copy"})


class Shard(NamedTuple):
    index: int  # 1-based
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def parse_shard(spec: str) -> Shard | str:
    """`i/n` with 1 <= i <= n, or why it is not one."""
    match = _SPEC.match(spec)
    if match is None:
        return f"--shard {spec!r}: expected i/n, e.g. 2/4"
    index, count = int(match.group(1)), int(match.group(2))
    if not 1 <= index <= count:
        return f"--shard {spec}: i must be between 1 and n"
    return Shard(index, count)


class _Sets:
    def __init__(self, items: Iterable[int]) -> None:
        self.parent = {i: i for i in items}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        if a in self.parent and b in self.parent:
            ra, rb = self.find(a), self.find(b)
            if ra != rb:
                self.parent[max(ra, rb)] = min(ra, rb)


def clusters(planned: dict[int, tuple[int, int]], units: Iterable[UnitView],
             edges: Iterable[tuple[int, int, str]]) -> list[list[int]]:
    """The planned units grouped into the clusters that must be verified together."""
    views = {u.id: u for u in units if u.id in planned}
    sets = _Sets(planned)
    first: dict[object, int] = {}
    for unit, (_, component) in planned.items():
        sets.union(unit, first.setdefault(("component", component), unit))
        view = views.get(unit)
        if view is not None and view.language == "c":
            sets.union(unit, first.setdefault(("file", view.path), unit))
    for src, dst, kind in edges:
        if kind in TOGETHER or (kind == "call" and src in views
                                and views[src].language == "cobol"):
            sets.union(src, dst)
    grouped: dict[int, list[int]] = {}
    for unit in planned:
        grouped.setdefault(sets.find(unit), []).append(unit)
    return list(grouped.values())


def assign(planned: dict[int, tuple[int, int]], units: Iterable[UnitView],
           edges: Iterable[tuple[int, int, str]], count: int,
           load: list[int] | None = None) -> dict[int, int]:
    """unit id -> shard (1..count) for every planned unit. `planned`: unit -> (wave,
    component); the units' ledger uids break ties. `load`: lines already dealt to each
    shard (targets are dealt one after the other, in the same order in every job); it is
    updated."""
    views = {u.id: u for u in units if u.id in planned}
    loc = {i: u.loc for i, u in views.items()}
    keys = {i: u.uid for i, u in views.items()}
    ordered = sorted(clusters(planned, views.values(), edges), key=lambda members: (
        -sum(loc.get(u, 0) for u in members), min(keys.get(u, "") for u in members)))
    load = load if load is not None else [0] * count
    out: dict[int, int] = {}
    for members in ordered:
        shard = min(range(count), key=lambda s: (load[s], s))
        load[shard] += sum(loc.get(u, 0) for u in members)
        out.update((u, shard + 1) for u in members)
    return out


def choose_units(ledger: Ledger, target_id: int, shard: Shard | None, max_units: int | None,
                 load: list[int] | None = None) -> tuple[set[int] | None, list[str]]:
    """The planned units this run translates (None: all) and what to tell the user:
    `shard`'s share, then at most `max_units` of them in plan order."""
    if shard is None and max_units is None:
        return None, []
    planned = ledger.planned(target_id)
    units = ledger.units(target_id)
    chosen = set(planned)
    notes = []
    if shard is not None:
        split = assign(planned, units, ledger.edges(target_id), shard.count, load)
        chosen = {uid for uid, s in split.items() if s == shard.index}
        notes.append(f"shard {shard}: {len(chosen)} of {len(planned)} planned units")
    if max_units is not None:
        # whole clusters in plan order (a copybook alone translates nothing), each taken
        # when it fits in what is left; if none fits, the first, so a run always progresses
        keys = {u.id: (planned[u.id][0], u.uid) for u in units if u.id in chosen}
        groups = sorted(clusters({u: planned[u] for u in chosen}, units,
                                 ledger.edges(target_id)),
                        key=lambda members: min(keys[u] for u in members))
        taken: set[int] = set()
        for members in groups:
            if len(taken) + len(members) <= max_units:
                taken.update(members)
        if not taken and groups:
            taken = set(groups[0])
        notes.append(f"--max-units {max_units}: {len(taken)} of {len(chosen)} units this "
                     "run (whole clusters that verify together)")
        chosen = taken
    return chosen, notes
