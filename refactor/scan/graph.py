"""Building a target's dependency graph from the ledger, on every core for big targets.

References are resolved against a symbol table of every definition that some unit
mentions. For a large target the two passes over the references (which names are
mentioned; what each unit's names resolve to) run in forked worker processes over ranges
of unit ids: the symbol table is built once in the parent and inherited, each worker reads
the ledger with its own connection and returns grouped edges, and only the parent writes.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections.abc import Callable
from pathlib import Path

from refactor.ledger import Ledger
from refactor.scan.resolve import SymbolTable, referenced_names, resolve

PARALLEL_MIN_UNITS = 50_000  # below this, forking costs more than it saves
CHUNKS_PER_WORKER = 4

EdgeRow = tuple[int, str, str]

# Set in the parent just before forking; the workers inherit it.
_TABLE: SymbolTable | None = None


def _names_in(args: tuple[Path, int, int, int]) -> set[str]:
    path, target_id, lo, hi = args
    with Ledger(path) as led:
        return referenced_names(led.ref_rows(target_id, lo, hi))


def _edges_in(args: tuple[Path, int, int, int]) -> list[EdgeRow]:
    path, target_id, lo, hi = args
    assert _TABLE is not None
    with Ledger(path) as led:
        return list(resolve(_TABLE, led.ref_rows(target_id, lo, hi)))


def _chunks(lo: int, hi: int, count: int) -> list[tuple[int, int]]:
    step = max(1, (hi - lo + count) // count)
    return [(start, min(hi, start + step - 1)) for start in range(lo, hi + 1, step)]


def build_graph(ledger: Ledger, target_id: int, workers: int = 1,
                lap: Callable[[str], None] | None = None) -> int:
    """Resolve every reference of the target and store its edges; returns the edge count."""
    global _TABLE
    lo, hi, count = ledger.ref_id_span(target_id)
    parallel = workers > 1 and count >= PARALLEL_MIN_UNITS and sys.platform == "linux"
    chunks = [(ledger.path, target_id, a, b)
              for a, b in _chunks(lo, hi, workers * CHUNKS_PER_WORKER)] if count else []
    context = multiprocessing.get_context("fork")
    if parallel:
        with context.Pool(workers) as pool:
            names: set[str] = set().union(*pool.imap_unordered(_names_in, chunks))
    else:
        names = referenced_names(ledger.ref_rows(target_id))
    if lap:
        lap("resolve.names")
    table = SymbolTable(ledger.file_paths(target_id))
    table.add_rows(ledger.symbol_rows(target_id), names)
    del names
    if lap:
        lap("resolve.table")
    if parallel:
        _TABLE = table
        gc.freeze()  # keep the inherited table out of the children's collections
        try:
            with context.Pool(workers) as pool:
                edges = ledger.replace_edges(target_id, lambda: (
                    row for rows in pool.imap_unordered(_edges_in, chunks) for row in rows))
        finally:
            _TABLE = None
            gc.unfreeze()
    else:
        edges = ledger.replace_edges(target_id, lambda: resolve(table, ledger.ref_rows(
            target_id)))
    if lap:
        lap("resolve.edges")
    return edges
