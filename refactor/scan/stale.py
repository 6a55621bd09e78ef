"""Staleness: which units a change makes out of date.

A unit is stale when its own source changed, when a declaration it uses changed or was
removed (types, globals, constant macros and copybooks count transitively: a struct inside
a struct, a typedef of a struct), or when the signature of something it calls changed (a
callee's body may change without making its callers stale). Stale marks stay until the
unit is translated again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from refactor.ledger import Changes

DECLARATION_EDGES = frozenset({"type", "global", "macro", "copy"})


def stale_units(changes: Changes, edges: Iterable[tuple[int, int, str]]) -> dict[int, str]:
    """unit id -> reason, for every unit the changes make stale (removed units excluded).

    `edges` are the current edges plus those that pointed at removed units before they went.
    """
    reasons: dict[int, str] = {u: "its source changed" for u in changes.src_changed}
    cause = {u: f"{changes.names.get(u, u)} changed" for u in changes.src_changed}
    cause.update({u: f"{changes.names.get(u, u)} was removed" for u in changes.removed})
    users: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for src, dst, kind in edges:
        users[dst].append((src, kind))
    frontier = set(changes.src_changed | changes.removed)
    while frontier:
        next_frontier: set[int] = set()
        for dep in frontier:
            for user, kind in users.get(dep, ()):
                if user in reasons or user in changes.removed:
                    continue
                if kind in DECLARATION_EDGES:
                    reasons[user] = f"a declaration it uses changed: {cause[dep]}"
                    cause[user] = cause[dep]
                    next_frontier.add(user)
                elif dep in changes.sig_changed or dep in changes.removed:
                    reasons[user] = f"the signature of a callee changed: {cause[dep]}"
        frontier = next_frontier
    return reasons
