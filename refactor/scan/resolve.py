"""Resolving by-name references to units: the dependency edges of a target.

C: a call resolves to a function, a type name to a struct/union/enum/typedef, and any other
identifier to a global variable, a constant macro, an enumerator (its enum type) or a
function whose address is taken; identifiers matching nothing (locals, parameters, fields)
are dropped. A static definition is visible in its own file only (or to includers, when it
is in a header). When several definitions match, the nearest wins: same file, then the
longest shared directory prefix, then the smallest path.
COBOL: PERFORM / GO TO resolve within the program, CALL to a program, COPY to a copybook.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable

from refactor.ledger import UnitRow

Edge = tuple[int, int, str]


class _Def:
    __slots__ = ("header", "id", "path", "static")

    def __init__(self, unit: UnitRow) -> None:
        self.id = unit.id
        self.path = unit.path
        self.static = unit.is_static
        self.header = unit.path.endswith(".h")


def _nearest(defs: list[_Def], path: str) -> int | None:
    best: _Def | None = None
    best_key: tuple[int, int, str] | None = None
    for d in defs:
        if d.path == path:
            return d.id
        if d.static and not d.header:
            continue
        shared = len(os.path.commonpath([d.path, path]))
        key = (-shared, 0 if d.header else 1, d.path)
        if best_key is None or key < best_key:
            best, best_key = d, key
    return best.id if best else None


def resolve(units: Iterable[UnitRow]) -> list[Edge]:
    units = list(units)
    tables: dict[str, dict[str, list[_Def]]] = defaultdict(lambda: defaultdict(list))
    for u in units:
        names = (u.name.split("~")[0], *u.aliases)
        if u.language == "c":
            table = {"function": "function", "type": "type", "global": "global",
                     "macro": "macro"}[u.kind]
            d = _Def(u)
            for name in names:
                # Enumerators ("=RED") are aliases of the type or global declaring the enum.
                if name.startswith("="):
                    tables["enumerator"][name[1:]].append(d)
                else:
                    tables[table][name].append(d)
        else:
            tables[f"cobol-{u.kind}"][u.name.split("~")[0]].append(_Def(u))
    c_value_tables = (("global", "global"), ("macro", "macro"), ("enumerator", "type"),
                      ("function", "call"))
    value_names = set().union(*(tables[t].keys() for t, _ in c_value_tables))
    edges: set[Edge] = set()
    for u in units:
        if u.language == "c":
            _resolve_c(u, tables, c_value_tables, value_names, edges)
        else:
            _resolve_cobol(u, tables, edges)
    return sorted(edges)


def _resolve_c(u: UnitRow, tables: dict[str, dict[str, list[_Def]]],
               value_tables: tuple[tuple[str, str], ...], value_names: set[str],
               edges: set[Edge]) -> None:
    for kind, name in u.refs:
        if kind == "call":
            lookups: tuple[tuple[str, str], ...] = (("function", "call"), ("global", "global"))
        elif kind == "type":
            lookups = (("type", "type"),)
        elif name in value_names:
            lookups = value_tables
        else:
            continue
        for table, edge_kind in lookups:
            defs = tables[table].get(name)
            if defs:
                dst = _nearest(defs, u.path)
                if dst is not None and dst != u.id:
                    edges.add((u.id, dst, edge_kind))
                    break


def _resolve_cobol(u: UnitRow, tables: dict[str, dict[str, list[_Def]]],
                   edges: set[Edge]) -> None:
    for kind, name in u.refs:
        if kind in ("perform", "goto"):
            candidates = [*tables["cobol-paragraph"].get(name, ()),
                          *tables["cobol-section"].get(name, ())]
            candidates = [d for d in candidates if d.path == u.path]
        elif kind == "call":
            candidates = tables["cobol-program"].get(name, [])
        elif kind == "copy":
            candidates = tables["cobol-copybook"].get(name, [])
        else:
            continue
        dst = _nearest(candidates, u.path) if candidates else None
        if dst is not None and dst != u.id:
            edges.add((u.id, dst, kind))
