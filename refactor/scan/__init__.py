"""The scan stage: find sources, split them into units, record them and their edges."""

from __future__ import annotations

import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from refactor import __version__
from refactor.ledger import Changes, Ledger
from refactor.model import Skip
from refactor.scan.files import DEFAULT_MAX_BYTES, Unchanged, copybook_index
from refactor.scan.graph import build_graph
from refactor.scan.pool import Task, default_workers, scan_files
from refactor.scan.stale import stale_units
from refactor.scan.walk import Candidate, discover

__all__ = ["DEFAULT_MAX_BYTES", "ScanSummary", "scan_target"]

SCANNER_KEY = "scanner_version"  # a different scanner re-reads every file


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
    newly_stale: int = 0
    # files, units, loc, skipped, problems, edges, stale, languages, kinds (see the ledger)
    aggregates: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)

    def lap(self, phase: str, since: float) -> float:
        now = time.perf_counter()
        self.phases[phase] = round(self.phases.get(phase, 0.0) + now - since, 3)
        return now


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
    summary.lap("discover", started)
    try:
        _scan(root, ledger, found.candidates, found.skipped, summary, max_bytes, workers,
              on_start, progress)
    except BaseException:
        ledger.finish_run(run_id, "failed", {})
        raise
    summary.seconds = time.perf_counter() - started
    ledger.finish_run(run_id, "ok", {
        "candidates": summary.candidates, "parsed": summary.parsed,
        "unchanged": summary.unchanged, "removed": summary.removed,
        "skipped": len(summary.skipped), "newly_stale": summary.newly_stale,
        "seconds": round(summary.seconds, 3), "phases": summary.phases,
        "aggregates": summary.aggregates,
    })
    return summary


def _scan(root: Path, ledger: Ledger, candidates: list[Candidate], skips: list[Skip],
          summary: ScanSummary, max_bytes: int, workers: int | None,
          on_start: Callable[[int], None] | None,
          progress: Callable[[int], None] | None) -> None:
    target_id, run_id = summary.target_id, summary.run_id
    clock = time.perf_counter()
    known = ledger.file_index(target_id)
    scanner_key = f"{SCANNER_KEY}:{target_id}"
    same_scanner = ledger.meta(scanner_key) == __version__
    tasks: list[Task] = []
    for cand in candidates:
        row = known.get(cand.rel)
        if same_scanner and row and row.size == cand.size and row.mtime_ns == cand.mtime_ns:
            summary.unchanged += 1
            if row.status == "skipped":
                summary.skipped.append(Skip(row.path, row.reason or "skipped"))
            continue
        tasks.append((cand, row.sha if same_scanner and row and row.status == "scanned"
                      else None))
    changes = Changes()
    present = {c.rel for c in candidates} | {s.path for s in skips}
    gone = [p for p in known if p not in present]
    touched_any = bool(gone)
    if gone:
        ledger.remove_files(target_id, gone, changes)
        summary.removed = len(gone)
    fresh_skips = [s for s in skips if not (s.path in known and known[s.path].status ==
                                            "skipped" and known[s.path].reason == s.reason)]
    if fresh_skips:
        ledger.store_skips(target_id, run_id, fresh_skips, changes)
        touched_any = True
    summary.skipped.extend(skips)
    if on_start:
        on_start(len(tasks))
    cold = not known
    kinds: Counter[tuple[str, str]] = Counter()  # on a cold scan, every unit is counted here
    new_skips: list[Skip] = []
    touched: list[tuple[str, int, int]] = []
    names: set[str] = set()  # on a cold scan, every referenced name is collected here
    with tempfile.TemporaryDirectory(prefix=".scan-", dir=ledger.path.parent) as shard_dir:
        copybooks = copybook_index([c.rel for c in candidates])
        for batch in scan_files(str(root), tasks, max_bytes, shard_dir, copybooks, workers,
                                progress):
            if batch.shard is not None:
                ledger.merge_shard(target_id, run_id, Path(batch.shard), changes, fresh=cold)
                for language, kind, n in batch.kinds:
                    kinds[(language, kind)] += n
                os.unlink(batch.shard)
                if cold:
                    names |= batch.names
                summary.parsed += len(batch.scanned)
                touched_any = True
            for result in batch.others:
                if isinstance(result, Unchanged):
                    touched.append((result.path, result.size, result.mtime_ns))
                    summary.unchanged += 1
                else:
                    new_skips.append(result)
    if new_skips:
        ledger.store_skips(target_id, run_id, new_skips, changes)
        summary.skipped.extend(new_skips)
        touched_any = True
    if touched:
        ledger.touch_files(target_id, touched)
    clock = summary.lap("parse", clock)
    previous = ledger.last_run_stats(target_id, "scan").get("aggregates")
    if touched_any:
        lost = [e for e in ledger.edges(target_id) if e[1] in changes.removed] \
            if changes.removed else []
        def lap(phase: str) -> None:
            nonlocal clock
            clock = summary.lap(phase, clock)

        build_graph(ledger, target_id, workers or default_workers(), lap,
                    names if cold else None)  # consumes the names
        if changes:
            reasons = stale_units(changes, [*ledger.edges(target_id), *lost])
            ledger.mark_stale(reasons)
            summary.newly_stale = len(reasons)
            clock = summary.lap("stale", clock)
    if not same_scanner:
        ledger.set_meta(scanner_key, __version__)
    if cold:
        summary.aggregates = ledger.aggregates(
            target_id, [(lang, kind, n) for (lang, kind), n in sorted(kinds.items())])
    elif touched_any or not previous:
        summary.aggregates = ledger.aggregates(target_id)
    else:
        summary.aggregates = previous
    summary.lap("count", clock)
