"""Resumable runs' ledger side (refactor/ledger/work.py), on SQLite and on PostgreSQL: a
worker's rows stored with this ledger's ids, units finished under a configuration, killed
runs marked, and the snapshot workers open (always SQLite) holding the same results."""

from __future__ import annotations

from pathlib import Path

from refactor.ledger import Attempt, CachedResponse, Ledger, UnitLevel, Verdict
from refactor.ledger.work import WorkRows
from tests.ledger.test_backend_results import _target_with_units


def _rows(f: int, g: int) -> WorkRows:
    """What a worker's snapshot held: attempt ids 501 and 502 are the snapshot's."""
    return WorkRows(
        {f: "hf", g: "hg"},
        [Attempt(f, "rules", "translated", "hf", "a", "fn f() {}", None, 0, id=501),
         Attempt(g, "rules", "skipped", "hg", "a", "", "goto", 0, id=502)],
        [Verdict(f, 501, "builds", "pass", None, {"commands": ["cargo"]}, "bwrap"),
         Verdict(f, 501, "fuzzed", "pass", "100 cases", None, "bwrap")],
        [UnitLevel(f, 501, "fuzzed", True, 0, "rules", None)],
        [("k1", CachedResponse("fn f() {}", "m", 3, 4, 0.5, "stop"))])


def test_work_is_stored_with_this_ledgers_ids_and_finishes_its_units(
        ledger_url: str, tmp_path: Path) -> None:
    with Ledger(ledger_url, "run") as led:
        tid, f, g = _target_with_units(led)
        t_run = led.begin_run(tid, "translate", None)
        v_run = led.begin_run(tid, "verify", None)
        assert led.finished_units(tid, "cfg") == set()
        led.store_work(t_run, v_run, "cfg", _rows(f, g), finished=False)  # a capped item
        assert led.finished_units(tid, "cfg") == set()
        assert led.cached_response("k1") is not None  # its answers are kept all the same
        led.store_work(t_run, v_run, "cfg", _rows(f, g))
        assert led.finished_units(tid, "cfg") == {f, g}
        assert led.finished_units(tid, "other config") == set()
        latest = led.latest_attempts(tid)
        assert latest[f].id not in (None, 501) and latest[f].rust == "fn f() {}"
        assert led.unit_levels(tid)[f].attempt_id == latest[f].id  # remapped
        assert {v.attempt_id for v in led.unit_verdicts(f)[:2]} == {latest[f].id}  # newest
        outcome = {o[2]: o for o in led.outcomes(tid)}
        assert outcome["f"][3] == 2 and outcome["f"][10:13] == ("fuzzed", 1, None)
        assert outcome["f"][13] == (("builds", "pass", None), ("fuzzed", "pass", "100 cases"))
        # a later `refactor translate` of f undoes f's finished mark, not g's
        led.record_attempts(t_run, [Attempt(f, "rules", "translated", "hf", "a", "x", None, 0)])
        assert led.finished_units(tid, "cfg") == {g}
        snapshot = tmp_path / "snapshot.db"
        led.snapshot(snapshot)
        expected = led.outcomes(tid)
        assert led.interrupt_runs() == 2  # both runs were left `running`
        assert led.interrupt_runs() == 0
        led.forget_finished(tid)
        assert led.finished_units(tid, "cfg") == set()
    with Ledger(snapshot) as copy:  # what workers open: a SQLite ledger, same results
        assert copy.dialect == "sqlite"
        assert sorted(copy.outcomes(tid)) == sorted(expected)
        assert copy.finished_units(tid, "cfg") == {g}
        assert copy.cached_response("k1") == CachedResponse("fn f() {}", "m", 3, 4, 0.5,
                                                            "stop")
