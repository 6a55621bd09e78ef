"""Scanning many files on every core, each batch under a watchdog.

A parser that hangs (the COBOL grammar loops on some inputs) or crashes cannot be
interrupted in-process, so batches run in worker processes with a deadline; a batch that
misses it is retried file by file, and the file that still hangs is skipped with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures import as_completed

from pebble import ProcessExpired, ProcessPool

from refactor.model import Skip
from refactor.scan.files import BatchResult, CopybookIndex, scan_batch
from refactor.scan.walk import Candidate

Task = tuple[Candidate, str | None]
BATCH_BYTES = 4 * 1024 * 1024
BATCH_FILES = 64
COBOL_BATCH_FILES = 8
FILE_TIMEOUT = 30.0  # seconds for one file, plus SECONDS_PER_MB of its size
SECONDS_PER_MB = 20.0


def _batches(tasks: list[Task]) -> list[list[Task]]:
    """Group tasks into batches of similar cost; big files first so the tail is short."""
    tasks = sorted(tasks, key=lambda t: -t[0].size)
    out: list[list[Task]] = []
    current: list[Task] = []
    size = 0
    for task in tasks:
        limit = COBOL_BATCH_FILES if task[0].language == "cobol" else BATCH_FILES
        if current and (size + task[0].size > BATCH_BYTES or len(current) >= limit
                        or current[0][0].language != task[0].language):
            out.append(current)
            current, size = [], 0
        current.append(task)
        size += task[0].size
    if current:
        out.append(current)
    return out


def _timeout(batch: list[Task], base: float = FILE_TIMEOUT) -> float:
    return base + sum(t[0].size for t in batch) / 1e6 * SECONDS_PER_MB


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else (os.cpu_count() or 1))


def scan_files(
    root: str,
    tasks: list[Task],
    max_bytes: int,
    shard_dir: str,
    copybooks: CopybookIndex | None = None,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
    worker: Callable[[str, list[Task], int, str, CopybookIndex | None], BatchResult]
    = scan_batch,
    file_timeout: float = FILE_TIMEOUT,
) -> Iterator[BatchResult]:
    """Yield batches of results as they finish; `progress(n)` is told of n more files.

    `worker` and `file_timeout` exist for tests of the watchdog itself.
    """
    if not tasks:
        return
    workers = workers or default_workers()

    def timeout(batch: list[Task]) -> float:
        return _timeout(batch, file_timeout)

    with ProcessPool(max_workers=workers) as pool:
        futures = {
            pool.schedule(worker, args=(root, batch, max_bytes, shard_dir, copybooks),
                          timeout=timeout(batch)):
                batch
            for batch in _batches(tasks)
        }
        retry: list[Task] = []
        for future in as_completed(futures):
            batch = futures[future]
            try:
                results = future.result()
            except (FutureTimeout, ProcessExpired):
                if len(batch) == 1:
                    yield _failed(batch[0][0], future, timeout(batch))
                    if progress:
                        progress(1)
                else:
                    retry.extend(batch)
                continue
            yield results
            if progress:
                progress(len(batch))
        singles = {
            pool.schedule(worker, args=(root, [task], max_bytes, shard_dir, copybooks),
                          timeout=timeout([task])):
                task
            for task in retry
        }
        for future in as_completed(singles):
            task = singles[future]
            try:
                results = future.result()
            except (FutureTimeout, ProcessExpired):
                results = _failed(task[0], future, timeout([task]))
            yield results
            if progress:
                progress(1)


def _failed(cand: Candidate, future: object, seconds: float) -> BatchResult:
    return BatchResult(None, (), (_failure(cand, future, seconds),))


def _failure(cand: Candidate, future: object, seconds: float) -> Skip:
    try:
        future.result()  # type: ignore[attr-defined]
    except FutureTimeout:
        return Skip(cand.rel, f"the {cand.language} parser did not finish within "
                    f"{seconds:.0f} s and was stopped; the file is not scanned")
    except ProcessExpired as exc:
        return Skip(cand.rel, f"the {cand.language} parser crashed on this file "
                    f"(exit code {exc.exitcode}); the file is not scanned")
    except Exception as exc:  # pragma: no cover - defensive
        return Skip(cand.rel, f"scan failed: {exc}")
    return Skip(cand.rel, "scan failed for an unknown reason")  # pragma: no cover
