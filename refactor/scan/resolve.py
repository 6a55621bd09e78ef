"""Resolving by-name references to units: the dependency edges of a target.

C: every identifier a unit mentions is looked up among the target's definitions, in the
order global variable, constant macro, enumerator, type (typedef name or struct/union/enum
tag), function; the first kind with a visible definition makes the edge (global, macro,
type, type, call). Names matching nothing (locals, parameters, fields, library functions)
are dropped. A static definition is visible in its own file only, or to includers when it
is in a header. When several definitions match, the nearest wins: same file, then the
deepest shared directory, then headers before sources, then the smallest path (and
the first definition in it).
COBOL: PERFORM / GO TO resolve within the file's program, CALL to a program, COPY to a
copybook.

The table holds small tuples of ints so that millions of definitions fit in memory, and
resolution streams: one unit's references in, that unit's edges out.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator

from refactor.ledger import EdgeGroup, SymbolRow, decode_refs

Edge = tuple[int, int, str]
# (rank, unit id, file id, visible outside its file); rank orders the kinds of definition
_Entry = tuple[int, int, int, bool]
_RANK = {"global": 0, "macro": 1, "enumerator": 2, "type": 3, "function": 4}
_EDGE_OF_RANK = ("global", "macro", "type", "type", "call")
_COBOL_TARGETS = {"perform": ("paragraph", "section"), "goto": ("paragraph", "section"),
                  "call": ("program",), "copy": ("copybook",)}


def _ancestors(path: str) -> tuple[str, ...]:
    """Directories containing `path`, deepest first, ending with the root ("")."""
    out = []
    d = posixpath.dirname(path)
    while d:
        out.append(d)
        d = posixpath.dirname(d)
    out.append("")
    return tuple(out)


class SymbolTable:
    """Every definition of a target by name, and nearest-definition lookups."""

    def __init__(self, paths: dict[int, str]) -> None:
        self.paths = paths  # file id -> path
        self._ancestors: dict[int, tuple[str, ...]] = {}
        self.c: dict[str, list[_Entry]] = {}
        self.cobol: dict[tuple[str, str], list[_Entry]] = {}
        self._indexes: dict[tuple[str, int], tuple[dict[int, int], dict[str, int]]] = {}
        self._cache_file = -1
        self._cache: dict[str, tuple[int, str] | None] = {}

    @staticmethod
    def reachable(row: SymbolRow, referenced: set[str]) -> bool:
        """Whether a referenced name may reach this definition: most definitions (constant
        macros) are never mentioned; aliases, tags, numbered duplicates and COBOL units
        are left to add()'s exact test."""
        return row[3] in referenced or bool(row[5]) or "~" in row[3] or row[2] == "type" \
            or row[4] != "c"

    def add_rows(self, rows: Iterable[SymbolRow], referenced: set[str]) -> None:
        """Add the definitions among `rows` that a referenced name can reach.

        A C function, global or macro defines one name (numbered duplicates `name~2`
        define `name`): it is handled here, inline, for the millions of them; types,
        definitions with aliases and COBOL units go to `add`.
        """
        add, table = self.add, self.c
        headers = {fid for fid, path in self.paths.items() if path.endswith(".h")}
        for row in rows:
            uid, file_id, kind, name, language, aliases, is_static = row
            if aliases or language != "c" or kind == "type":
                add(*row, referenced=referenced)
                continue
            base = name.split("~", 1)[0] if "~" in name else name
            if base in referenced:
                entry = (_RANK[kind], uid, file_id, not is_static or file_id in headers)
                entries = table.get(base)
                if entries is None:
                    table[base] = [entry]
                else:
                    entries.append(entry)

    def _visible(self, is_static: int, file_id: int) -> bool:
        return not is_static or self.paths[file_id].endswith(".h")

    def add(self, uid: int, file_id: int, kind: str, name: str, language: str,
            aliases: str, is_static: int, referenced: set[str] | None = None) -> None:
        """Add a type, a definition with aliases or a COBOL unit; with `referenced`, only
        the names of it that are in it."""
        base = name.split("~", 1)[0] if "~" in name else name
        if language != "c":
            if referenced is None or base in referenced:
                self.cobol.setdefault((kind, base), []).append((0, uid, file_id, True))
            return
        rank = _RANK[kind]
        keys = []
        for alias in (base, *(aliases.split("\t") if aliases else ())):
            if alias.startswith("="):  # an enumerator
                keys.append((alias[1:], _RANK["enumerator"]))
            elif alias.startswith(("struct ", "union ", "enum ")):  # a tag: `struct foo`
                keys.append((alias.split(" ", 1)[1], rank))
            else:
                keys.append((alias, rank))
        if referenced is not None:
            keys = [k for k in keys if k[0] in referenced]
        visible = self._visible(is_static, file_id)
        for key, r in keys:
            self.c.setdefault(key, []).append((r, uid, file_id, visible))

    def ancestors(self, file_id: int) -> tuple[str, ...]:
        found = self._ancestors.get(file_id)
        if found is None:
            found = self._ancestors[file_id] = _ancestors(self.paths[file_id])
        return found

    def _nearest(self, key: str, rank: int, entries: list[_Entry], file_id: int) -> int | None:
        if len(entries) == 1:
            _, uid, fid, visible = entries[0]
            return uid if visible or fid == file_id else None
        index = self._indexes.get((key, rank))
        if index is None:
            by_file: dict[int, int] = {}
            by_dir: dict[str, int] = {}
            ordered = sorted(entries, key=lambda e: (not self.paths[e[2]].endswith(".h"),
                                                     self.paths[e[2]], e[1]))
            for _, uid, fid, visible in ordered:
                by_file.setdefault(fid, uid)
                if visible:
                    for d in self.ancestors(fid):
                        by_dir.setdefault(d, uid)
            index = self._indexes[(key, rank)] = (by_file, by_dir)
        by_file, by_dir = index
        found = by_file.get(file_id)
        if found is not None:
            return found
        for d in self.ancestors(file_id):
            found = by_dir.get(d)
            if found is not None:
                return found
        return None

    def _lookup(self, name: str, entries: list[_Entry], file_id: int) -> tuple[int, str] | None:
        """The definition `name` means in `file_id`, and the kind of edge it makes."""
        for rank in sorted({e[0] for e in entries}):
            same = [e for e in entries if e[0] == rank]
            dst = self._nearest(name, rank, same, file_id)
            if dst is not None:
                return dst, _EDGE_OF_RANK[rank]
        return None

    def resolve_c(self, uid: int, file_id: int, names: Iterable[str]) -> set[Edge]:
        if file_id != self._cache_file:  # units of a file share most of their names
            self._cache_file, self._cache = file_id, {}
        cache = self._cache
        edges: set[Edge] = set()
        for name in names:
            entries = self.c.get(name)
            if not entries:
                continue
            if len(entries) == 1:
                rank, dst, fid, visible = entries[0]
                if dst != uid and (visible or fid == file_id):
                    edges.add((uid, dst, _EDGE_OF_RANK[rank]))
                continue
            if name in cache:
                found = cache[name]
            else:
                found = cache[name] = self._lookup(name, entries, file_id)
            if found is not None and found[0] != uid:
                edges.add((uid, *found))
        return edges

    def resolve_cobol(self, uid: int, file_id: int, kind: str,
                      names: Iterable[str]) -> set[Edge]:
        edges: set[Edge] = set()
        for name in names:
            candidates = [e for k in _COBOL_TARGETS.get(kind, ())
                          for e in self.cobol.get((k, name), ())]
            if kind in ("perform", "goto"):  # within the same file's program
                candidates = [e for e in candidates if e[2] == file_id]
            if candidates:
                dst = self._nearest(f"cobol:{kind}:{name}", 0, candidates, file_id)
                if dst is not None and dst != uid:
                    edges.add((uid, dst, kind))
        return edges

    def resolve(self, uid: int, file_id: int, language: str, refs: str) -> set[Edge]:
        edges: set[Edge] = set()
        for kind, names in decode_refs(refs):
            if language == "c":
                edges |= self.resolve_c(uid, file_id, names)
            else:
                edges |= self.resolve_cobol(uid, file_id, kind, names)
        return edges


def referenced_names(ref_rows: Iterable[tuple[int, int, str, str]]) -> set[str]:
    """Every name any unit refers to: definitions outside it can never be a target."""
    names: set[str] = set()
    for _, _, _, refs in ref_rows:
        for _, group in decode_refs(refs):
            names.update(group)
    return names


def resolve(table: SymbolTable, ref_rows: Iterable[tuple[int, int, str, str]],
            batch: int = 20_000) -> Iterator[tuple[list[EdgeGroup], int]]:
    """Batches of (unit, edge kind, "dst dst ...") groups, destinations sorted, with the
    number of edges in each, for every unit in `ref_rows` (id, file id, language, encoded
    refs); streamed."""
    groups: list[EdgeGroup] = []
    count = 0
    for uid, file_id, language, refs in ref_rows:
        grouped: dict[str, list[int]] = {}
        for _, dst, kind in table.resolve(uid, file_id, language, refs):
            grouped.setdefault(kind, []).append(dst)
        for kind in sorted(grouped):
            dsts = grouped[kind]
            count += len(dsts)
            groups.append((uid, kind, " ".join(map(str, sorted(dsts)))))
        if len(groups) >= batch:
            yield groups, count
            groups, count = [], 0
    if groups:
        yield groups, count
