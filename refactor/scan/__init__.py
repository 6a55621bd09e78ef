"""The scan stage: find sources, split them into units, record them and their edges."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from refactor.ledger import Ledger
from refactor.model import FileScan, Skip
from refactor.scan.files import DEFAULT_MAX_BYTES, Unchanged
from refactor.scan.hashes import dep_hashes, staleness
from refactor.scan.pool import scan_files
from refactor.scan.resolve import resolve
from refactor.scan.walk import discover

__all__ = ["DEFAULT_MAX_BYTES", "ScanSummary", "scan_target"]

WRITE_BATCH = 256


@dataclass
class ScanSummary:
    target_id: int
    run_id: int
    commit: str | None
    candidates: int = 0
    parsed: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: list[Skip] = field(default_factory=list)
    units: int = 0
    edges: int = 0
    stale: int = 0
    seconds: float = 0.0


def scan_target(
    root: Path,
    ledger: Ledger,
    name: str,
    exclude: list[str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
    on_start: Callable[[int], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> ScanSummary:
    """Scan `root` incrementally into `ledger` as target `name`.

    Files whose size and mtime match the ledger are trusted unchanged; others are hashed
    and parsed only when their content hash differs. Edges and staleness are recomputed
    only when something changed.
    """
    started = time.perf_counter()
    root = root.resolve()
    found = discover(root, exclude)
    target_id = ledger.target(name, str(root))
    run_id = ledger.begin_run(target_id, "scan", found.commit)
    summary = ScanSummary(target_id, run_id, found.commit, candidates=len(found.candidates))
    try:
        known = ledger.file_index(target_id)
        tasks = []
        for cand in found.candidates:
            row = known.get(cand.rel)
            if row and row.size == cand.size and row.mtime_ns == cand.mtime_ns:
                summary.unchanged += 1
                if row.status == "skipped":
                    summary.skipped.append(Skip(row.path, row.reason or "skipped"))
                continue
            tasks.append((cand, row.sha if row and row.status == "scanned" else None))
        present = {c.rel for c in found.candidates} | {s.path for s in found.skipped}
        gone = [p for p in known if p not in present]
        changed = bool(gone)
        if gone:
            ledger.remove_files(target_id, gone)
            summary.removed = len(gone)
        changed |= _store_skips(ledger, target_id, run_id, found.skipped, known)
        summary.skipped.extend(found.skipped)
        if on_start:
            on_start(len(tasks))
        pending: list[FileScan | Skip] = []
        touched: list[tuple[str, int, int]] = []
        for batch in scan_files(str(root), tasks, max_bytes, workers, progress):
            for result in batch:
                if isinstance(result, Unchanged):
                    touched.append((result.path, result.size, result.mtime_ns))
                    summary.unchanged += 1
                    continue
                if isinstance(result, Skip):
                    summary.skipped.append(result)
                else:
                    summary.parsed += 1
                pending.append(result)
            if len(pending) >= WRITE_BATCH:
                ledger.store_results(target_id, run_id, pending)
                changed, pending = True, []
        if pending:
            ledger.store_results(target_id, run_id, pending)
            changed = True
        if touched:
            ledger.touch_files(target_id, touched)
        if changed:
            units = ledger.unit_rows(target_id)
            edges = resolve(units)
            ledger.replace_edges(target_id, edges)
            rows = staleness(units, dep_hashes(units, edges), edges)
            ledger.update_hashes(rows)
        summary.units, summary.edges, summary.stale = ledger.unit_counts(target_id)
    except BaseException:
        ledger.finish_run(run_id, "failed", {})
        raise
    summary.seconds = time.perf_counter() - started
    ledger.finish_run(run_id, "ok", {
        "candidates": summary.candidates, "parsed": summary.parsed,
        "unchanged": summary.unchanged, "removed": summary.removed,
        "skipped": len(summary.skipped), "units": summary.units, "edges": summary.edges,
        "stale": summary.stale, "seconds": round(summary.seconds, 3),
    })
    return summary


def _store_skips(ledger: Ledger, target_id: int, run_id: int, skips: list[Skip],
                 known: dict) -> bool:
    """Record discovery-time skips (symlinks) whose reason is new; True if any was."""
    fresh = [s for s in skips if not (s.path in known and known[s.path].status == "skipped")]
    if fresh:
        ledger.store_results(target_id, run_id, fresh)
    return bool(fresh)
