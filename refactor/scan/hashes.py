"""Dependency-aware unit hashes: editing a declaration makes every user of it stale.

A unit's dep_hash covers its own normalized source, transitively the declarations it uses
(types, globals, constant macros, copybooks: a struct inside a struct counts), and the
signatures of what it calls (a callee's body may change without making its callers stale).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from refactor.ledger import UnitRow
from refactor.plan import tarjan

DECLARATION_EDGES = frozenset({"type", "global", "macro", "copy"})


def _h(parts: Iterable[str]) -> str:
    digest = hashlib.blake2b(digest_size=12)
    for part in parts:
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def dep_hashes(units: list[UnitRow], edges: Iterable[tuple[int, int, str]]) -> dict[int, str]:
    by_id = {u.id: u for u in units}
    decl: dict[int, list[int]] = defaultdict(list)
    calls: dict[int, list[int]] = defaultdict(list)
    for src, dst, kind in edges:
        if src in by_id and dst in by_id:
            (decl if kind in DECLARATION_EDGES else calls)[src].append(dst)
    closure: dict[int, str] = {}
    for component in tarjan(sorted(by_id), decl):
        members = set(component)
        outside = sorted({closure[d] for m in component for d in decl.get(m, ())
                          if d not in members})
        value = _h([*sorted(by_id[m].src_hash for m in component), "|", *outside])
        for m in component:
            closure[m] = value
    return {
        u.id: _h([u.src_hash, closure[u.id], *sorted(by_id[c].sig_hash for c in calls[u.id])])
        for u in units
    }


def staleness(
    units: list[UnitRow], new: dict[int, str], edges: Iterable[tuple[int, int, str]]
) -> list[tuple[int, str, str | None, str | None, str | None]]:
    """(id, dep_hash, base_hash, base_src_hash, stale_reason) rows for the ledger.

    A unit seen for the first time takes its current hashes as its base. A unit is stale
    when its dep_hash moved away from its base: the reason names its own source or the
    direct dependencies whose hash changed in this scan.
    """
    by_id = {u.id: u for u in units}
    deps: dict[int, set[int]] = defaultdict(set)
    for src, dst, _ in edges:
        deps[src].add(dst)
    moved = {u.id for u in units if u.dep_hash is not None and u.dep_hash != new[u.id]}
    rows = []
    for u in units:
        base, base_src = u.base_hash, u.base_src_hash
        if base is None:
            base, base_src = new[u.id], u.src_hash
        reason = None
        if base != new[u.id]:
            if u.src_hash != base_src:
                reason = "its source changed"
            else:
                changed = sorted(by_id[d].name for d in deps[u.id] & moved)
                reason = ("a dependency changed: " + ", ".join(changed[:5])
                          + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
                          if changed else "a dependency changed since it was last translated")
        rows.append((u.id, new[u.id], base, base_src, reason))
    return rows
