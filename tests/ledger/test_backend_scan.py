"""A real scan, its graph and its plan, on SQLite and on PostgreSQL: files, units, edges,
views and staleness come out the same on both."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from refactor.ledger import Ledger
from refactor.plan import plan_target
from refactor.scan import graph as graph_module
from refactor.scan import scan_target
from tests.conftest import write_tree

HEADER = """
    #ifndef SHAPES_H
    #define SHAPES_H
    #define SCALE 2
    struct point { int x; int y; };
    int width(int w);
    int area(int w, int h);
    #endif
    """
SHAPES = """
    #include "shapes.h"
    static int calls = 0;
    int width(int w) { return w * SCALE; }
    int area(int w, int h) { calls++; return width(w) * h; }
    """
OTHER = """
    int helper(int v) { return v + 1; }
    int twice(int v) { return helper(helper(v)); }
    """
BIG = "int big(void) { return 0; }\n" + "/* padding */\n" * 400


def _tree(root: Path) -> Path:
    return write_tree(root, {"shapes.h": HEADER, "shapes.c": SHAPES, "other.c": OTHER,
                             "big.c": BIG})


def _scan(root: Path, led: Ledger, workers: int = 1):  # type: ignore[no-untyped-def]
    return scan_target(root, led, "shapes", max_bytes=2000, workers=workers)


def _snapshot(led: Ledger, tid: int) -> dict[str, object]:
    """Everything the views show, with unit ids replaced by "path:kind:name"."""
    units = led.units(tid)
    uid = {u.id: u.uid for u in units}
    aggregates = led.aggregates(tid)
    return {
        "files": led.files(tid),
        "units": [u._replace(id=0) for u in units],
        "aggregates": aggregates,
        "edges": sorted((uid[s], uid[d], k) for s, d, k in led.edges(tid)),
        "planned": sorted((uid[u], wave) for u, (wave, _) in led.planned(tid).items()),
        "static": sorted(uid[u] for u in led.static_units(tid)),
        "hashes": sorted((uid[u], h) for u, h in led.unit_hashes(tid).items()),
        "symbols": sorted((uid[r[0]], r[2], r[3], r[4], r[6])
                          for r in led.symbol_rows(tid)),
        "weights": [row[1:] for row in led.unit_weights(tid)],
    }


def test_a_scan_records_files_units_and_edges(ledger_url: str, tmp_path: Path) -> None:
    root = _tree(tmp_path / "src")
    with Ledger(ledger_url, "scan") as led:
        summary = _scan(root, led)
        tid = summary.target_id
        assert summary.parsed == 3
        assert [s.path for s in summary.skipped] == ["big.c"]
        names = {u.uid for u in led.units(tid)}
        assert {"shapes.c:function:width", "shapes.c:function:area",
                "shapes.h:macro:SCALE", "other.c:function:twice"} <= names
        files = {f.path: f for f in led.files(tid)}
        assert files["big.c"].status == "skipped" and files["big.c"].reason
        assert files["shapes.c"].status == "scanned" and files["shapes.c"].loc == 4
        index = led.file_index(tid)
        assert index["shapes.c"].sha and index["shapes.c"].mtime_ns == \
            os.stat(root / "shapes.c").st_mtime_ns
        ids = {u.uid: u.id for u in led.units(tid)}
        edges = set(led.edges(tid))
        assert (ids["shapes.c:function:area"], ids["shapes.c:function:width"], "call") in edges
        assert (ids["other.c:function:twice"], ids["other.c:function:helper"], "call") in edges
        assert led.edge_count(tid) == len(edges)
        assert led.static_units(tid) == {ids["shapes.c:global:calls"]}
        totals = led.aggregates(tid)
        assert totals["files"] == 3 and totals["skipped"] == 1
        assert totals["units"] == len(names)
        assert totals["loc"] == sum(f.loc for f in files.values() if f.status == "scanned")
        assert all(type(v) is int for k, v in totals.items()
                   if k not in ("languages", "kinds"))
        assert led.last_run_stats(tid, "scan")["parsed"] == 3


def test_a_rescan_changes_only_what_changed_and_marks_users_stale(ledger_url: str,
                                                                    tmp_path: Path) -> None:
    root = _tree(tmp_path / "src")
    with Ledger(ledger_url, "scan") as led:
        tid = _scan(root, led).target_id
        before = {u.uid: u.id for u in led.units(tid)}
        shapes = (root / "shapes.c").read_text()
        (root / "shapes.c").write_text(shapes.replace("int width(int w) { return w * SCALE; }",
                                                      "int width(long w) { return w; }"))
        (root / "shapes.h").write_text((root / "shapes.h").read_text().replace(
            "int width(int w);", "int width(long w);"))
        (root / "other.c").unlink()
        again = _scan(root, led)
        assert (again.parsed, again.removed) == (2, 1)
        after = {u.uid: u for u in led.units(tid)}
        assert "other.c:function:twice" not in after
        assert after["shapes.c:function:width"].id == before["shapes.c:function:width"]
        assert after["shapes.c:function:area"].stale_reason == \
            "the signature of a callee changed: width changed"
        assert after["shapes.c:function:width"].stale_reason == "its source changed"
        assert led.stale_count(tid) == sum(1 for u in after.values() if u.stale_reason)
        third = _scan(root, led)  # nothing changed
        assert (third.parsed, third.unchanged) == (0, 3)  # big.c stays skipped


def test_a_plan_orders_callees_first(ledger_url: str, tmp_path: Path) -> None:
    root = _tree(tmp_path / "src")
    with Ledger(ledger_url, "plan") as led:
        tid = _scan(root, led).target_id
        plan = plan_target(led, tid)
        ids = {u.uid: u.id for u in led.units(tid)}
        planned = led.planned(tid)
        assert set(planned) == set(led.plannable_units(tid)) == set(ids.values())
        assert plan.units == len(planned)
        assert planned[ids["shapes.c:function:width"]][0] < \
            planned[ids["shapes.c:function:area"]][0]
        assert led.last_run_stats(tid, "plan")["units"] == len(planned)
        plan_target(led, tid)  # a new plan replaces the old one
        assert led.planned(tid) == planned


def test_postgresql_holds_what_sqlite_holds(pg_url: str, tmp_path: Path) -> None:
    root = _tree(tmp_path / "src")
    snapshots = []
    for url in (str(tmp_path / "l.db"), pg_url):
        with Ledger(url, "scan") as led:
            tid = _scan(root, led).target_id
            plan_target(led, tid)
            snapshots.append(_snapshot(led, tid))
    sqlite, postgresql = snapshots
    assert sqlite["edges"] and sqlite["planned"]
    assert postgresql == sqlite


@pytest.mark.xdist_group("postgresql")
def test_the_graph_is_built_by_forked_workers_on_postgresql(
        pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers read the ledger with connections of their own (`Ledger.location`)."""
    root = _tree(tmp_path / "src")
    with Ledger(str(tmp_path / "l.db"), "scan") as led:
        expected = _snapshot(led, _scan(root, led).target_id)
    monkeypatch.setattr(graph_module, "PARALLEL_MIN_UNITS", 0)
    with Ledger(pg_url, "scan") as led:
        tid = _scan(root, led, workers=2).target_id
        got = _snapshot(led, tid)
        assert led.targets()[0][1] == "shapes"  # the parent's connection still works
    assert got["edges"] == expected["edges"] and got["units"] == expected["units"]
