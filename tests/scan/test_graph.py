"""The dependency graph is the same whether it is built in one process or on every core."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from refactor.ledger import Ledger
from refactor.scan import graph, scan_target
from tests.conftest import REPO


def named_edges(ledger: Ledger, target_id: int) -> set[tuple[str, str, str]]:
    names = {u.id: u.uid for u in ledger.units(target_id)}
    return {(names[s], names[d], k) for s, d, k in ledger.edges(target_id)}


def test_parallel_graph_equals_serial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "kvstore"
    shutil.copytree(REPO / "targets" / "kvstore", root)
    results = []
    for workers, threshold in ((1, 10**9), (2, 0)):
        monkeypatch.setattr(graph, "PARALLEL_MIN_UNITS", threshold)
        with Ledger(tmp_path / f"l{workers}.db") as led:
            summary = scan_target(root, led, "kvstore", workers=workers)
            results.append((named_edges(led, summary.target_id),
                            summary.aggregates["edges"]))
            # a cold scan counts units from its workers' batches: the ledger agrees
            assert summary.aggregates == led.aggregates(summary.target_id)
    (serial, serial_count), (parallel, parallel_count) = results
    assert serial == parallel
    assert serial_count == parallel_count == len(serial) > 200
    assert ("src/store.c:function:hash_key", "src/hash.c:function:kv_fnv1a", "call") in serial
    # constant macros are filtered in the workers on the parallel path: their edges survive
    assert {k for _, _, k in parallel} >= {"call", "type", "global", "macro"}

    # a re-scan reads the referenced names back from the ledger (a cold scan collects
    # them from its workers): the same again, on both paths
    with (root / "src" / "hash.c").open("a") as handle:
        handle.write("\nuint32_t kv_twice(const uint8_t *d, size_t n)\n"
                     "{ return 2u * kv_fnv1a(d, n); }\n")
    rescanned = []
    for workers, threshold in ((1, 10**9), (2, 0)):
        monkeypatch.setattr(graph, "PARALLEL_MIN_UNITS", threshold)
        with Ledger(tmp_path / f"l{workers}.db") as led:
            summary = scan_target(root, led, "kvstore", workers=workers)
            rescanned.append(named_edges(led, summary.target_id))
    assert rescanned[0] == rescanned[1] == serial | {
        ("src/hash.c:function:kv_twice", "src/hash.c:function:kv_fnv1a", "call")}
