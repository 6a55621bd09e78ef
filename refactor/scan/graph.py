"""Building a target's dependency graph from the ledger, on every core for big targets.

References are resolved against a symbol table of every definition that some unit
mentions. For a large target the passes over the ledger run in forked worker processes
over ranges of unit ids, each reading with its own connection: which names are mentioned;
which constant macros (the bulk of the definitions: generated register headers) are among
them, while the parent adds every other definition to the symbol table; and what each
unit's names resolve to, against the table the workers inherit. Only the parent writes.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable
from pathlib import Path

from refactor.ledger import EdgeGroup, Ledger, SymbolRow
from refactor.scan._gc import gc_paused
from refactor.scan.resolve import SymbolTable, referenced_names, resolve

PARALLEL_MIN_UNITS = 50_000  # below this, forking costs more than it saves
CHUNKS_PER_WORKER = 4

# Set in the parent just before forking; the workers inherit them.
_TABLE: SymbolTable | None = None
_NAMES: set[str] | None = None


def _names_in(args: tuple[Path | str, int, int, int]) -> set[str]:
    path, target_id, lo, hi = args
    with Ledger(path) as led:
        return referenced_names(led.ref_rows(target_id, lo, hi))


def _macros_in(args: tuple[Path | str, int, int, int]) -> list[SymbolRow]:
    path, target_id, lo, hi = args
    assert _NAMES is not None
    reachable = SymbolTable.reachable
    with Ledger(path) as led:
        return [row for row in led.symbol_rows(target_id, True, lo, hi)
                if reachable(row, _NAMES)]


def _edges_in(args: tuple[Path | str, int, int, int]) -> tuple[list[EdgeGroup], int]:
    path, target_id, lo, hi = args
    assert _TABLE is not None
    groups: list[EdgeGroup] = []
    count = 0
    with Ledger(path) as led:
        for batch, edges in resolve(_TABLE, led.ref_rows(target_id, lo, hi)):
            groups.extend(batch)
            count += edges
    return groups, count


def _chunks(buckets: list[tuple[int, int, int]], column: int, count: int,
            ) -> list[tuple[int, int]]:
    """Id ranges, about `count` of them, that share the work measured by one column of
    `Ledger.unit_weights` evenly (units are far from uniform: big generated headers,
    scanned first, hold macros and no references)."""
    total = sum(b[column] for b in buckets)
    if not total:
        return []
    out: list[tuple[int, int]] = []
    start, acc = None, 0
    for i, bucket in enumerate(buckets):
        if bucket[column] and start is None:
            start = bucket[0]
        acc += bucket[column]
        if start is not None and (acc >= total * (len(out) + 1) / count
                                  or i == len(buckets) - 1):
            end = buckets[i + 1][0] - 1 if i + 1 < len(buckets) else bucket[0] + 10**9
            out.append((start, end))
            start = None
    return out


def build_graph(ledger: Ledger, target_id: int, workers: int = 1,
                lap: Callable[[str], None] | None = None,
                names: set[str] | None = None) -> int:
    """Resolve every reference of the target and store its edges; returns the edge count.

    `names`, when the caller knows them (a cold scan collects them from its workers), are
    every name the target's units refer to: the pass that reads them back is skipped. The
    set is consumed (emptied once the symbol table is built), so that the processes forked
    to resolve references do not carry it.
    """
    with gc_paused():  # forked workers inherit the pause
        return _build_graph(ledger, target_id, workers, lap, names)


def _build_graph(ledger: Ledger, target_id: int, workers: int,
                 lap: Callable[[str], None] | None, names: set[str] | None) -> int:
    global _TABLE, _NAMES
    buckets = ledger.unit_weights(target_id)
    count = sum(b[1] for b in buckets)
    parallel = workers > 1 and count >= PARALLEL_MIN_UNITS and sys.platform == "linux"

    def chunks(column: int) -> list[tuple[Path | str, int, int, int]]:
        return [(ledger.location, target_id, lo, hi)
                for lo, hi in _chunks(buckets, column, workers * CHUNKS_PER_WORKER)]

    context = multiprocessing.get_context("fork")
    if names is None and parallel:
        with context.Pool(workers) as pool:
            names = set().union(*pool.imap_unordered(_names_in, chunks(1)))
    elif names is None:
        names = referenced_names(ledger.ref_rows(target_id))
    if lap:
        lap("resolve.names")
    table = SymbolTable(ledger.file_paths(target_id))
    if parallel:
        _NAMES = names
        try:
            with context.Pool(workers) as pool:
                macros = pool.imap_unordered(_macros_in, chunks(2))  # starts them working
                table.add_rows(ledger.symbol_rows(target_id, False), names)
                for rows in macros:
                    table.add_rows(rows, names)
        finally:
            _NAMES = None
    else:
        table.add_rows(ledger.symbol_rows(target_id), names)
    names.clear()
    del names
    if lap:
        lap("resolve.table")
    if parallel:
        _TABLE = table
        try:
            with context.Pool(workers) as pool:
                edges = ledger.replace_edges(
                    target_id, lambda: pool.imap_unordered(_edges_in, chunks(1)))
        finally:
            _TABLE = None
    else:
        edges = ledger.replace_edges(target_id, lambda: resolve(table, ledger.ref_rows(
            target_id)))
    if lap:
        lap("resolve.edges")
    return edges
