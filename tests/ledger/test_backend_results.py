"""Runs, attempts, verdicts, unit levels and the LLM cache, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json

import pytest

from refactor.ledger import (
    Attempt,
    CachedResponse,
    Ledger,
    UnitLevel,
    Verdict,
    cache_key,
)


def _target_with_units(led: Ledger) -> tuple[int, int, int]:
    """A target with two units, without scanning: (target id, unit a, unit b)."""
    tid = led.target("t", "/src")
    with led.transaction() as c:
        c.execute("INSERT INTO files(target_id, path, status, loc) VALUES (?, 'a.c', "
                  "'scanned', 9)", (tid,))
        fid = c.execute("SELECT id FROM files WHERE path = 'a.c'").fetchone()[0]
        for name, line in (("f", 1), ("g", 5)):
            c.execute("INSERT INTO units(target_id, file_id, kind, name, language, "
                      "start_line, end_line, loc, src_hash, sig_hash) VALUES "
                      "(?, ?, 'function', ?, 'c', ?, ?, 3, ?, ?)",
                      (tid, fid, name, line, line + 2, f"h{name}", f"s{name}"))
    ids = {u.name: u.id for u in led.units(tid)}
    return tid, ids["f"], ids["g"]


def test_targets_and_runs(ledger_url: str) -> None:
    with Ledger(ledger_url, "run") as led:
        first = led.target("kv", "/old")
        assert led.target("kv", "/new") == first  # the same target, moved
        other = led.target("pay", "/pay")
        assert led.targets() == [(first, "kv", "/new", None), (other, "pay", "/pay", None)]
        scan = led.begin_run(first, "scan", "abc123")
        failed = led.begin_run(other, "scan", "def456")
        assert scan != failed
        led.finish_run(scan, "ok", {"parsed": 2, "phases": {"parse": 0.5}})
        led.finish_run(failed, "failed", {})
        assert led.targets()[0][3] == "abc123"  # an ok scan records the commit
        assert led.targets()[1][3] is None  # a failed one does not
        assert led.last_run_stats(first, "scan") == {"parsed": 2, "phases": {"parse": 0.5}}
        assert led.last_run_stats(other, "verify") == {}
        verify = [led.begin_run(tid, "verify", None) for tid in (first, other, first)]
        for n, run in enumerate(verify):
            led.finish_run(run, "ok", {"loc_secured": n})
        led.conn.execute("UPDATE runs SET started_at = ?, finished_at = ? WHERE id = ?",
                         ("2025-01-01T10:00:00+00:00", "2025-01-01T10:01:30+00:00", verify[0]))
        history = led.run_history("verify")
        assert [(t, s["loc_secured"]) for t, _, s in history] == [(first, 0), (other, 1),
                                                                   (first, 2)]
        assert history[0][1] == "2025-01-01T10:01:30+00:00"  # ordered by finish time
        durations = led.run_durations("verify")
        assert durations[0] == (first, 90.0, {"loc_secured": 0})
        assert all(isinstance(d, float) and d >= 0 for _, d, _ in durations)
        scans = led.run_history("scan")  # the failed scan is not history
        assert [(t, s) for t, _, s in scans] == [(first, {"parsed": 2, "phases": {"parse": 0.5}})]
        led.set_meta("k", "1")
        led.set_meta("k", "2")
        assert (led.meta("k"), led.meta("missing")) == ("2", None)


def test_attempts_verdicts_and_levels(ledger_url: str) -> None:
    with Ledger(ledger_url, "run") as led:
        tid, f, g = _target_with_units(led)
        run = led.begin_run(tid, "translate", None)
        led.record_attempts(run, [
            Attempt(f, "llm", "failed", "hf", None, "", "no", 0, 10, 20, 0.25, "v1"),
            Attempt(g, "rules", "translated", "hg", "m", "fn g() {}", None, 2)])
        led.record_attempts(run, [Attempt(f, "llm", "translated", "hf", "m", "fn f() {}",
                                          None, 0, 5, 7, 0.5, "v1")])
        latest = led.latest_attempts(tid)
        assert latest[f].status == "translated" and latest[f].rust == "fn f() {}"
        assert latest[g]._replace(id=None) == Attempt(g, "rules", "translated", "hg", "m",
                                                      "fn g() {}", None, 2, 0, 0, 0.0, None)
        assert led.attempt_counts(tid) == {f: (2, 0.75), g: (1, 0.0)}
        spend = led.spend(tid)
        assert spend == (15, 27, 0.75) and [type(x) for x in spend] == [int, int, float]

        verify = led.begin_run(tid, "verify", None)
        evidence = {"commands": ["cargo build"], "inputs": [[1, 2]]}
        led.record_verdicts(verify, [
            Verdict(f, latest[f].id, "builds", "pass", None, None, "bwrap"),
            Verdict(f, latest[f].id, "fuzzed", "pass", "40 inputs", evidence, "bwrap")],
            [UnitLevel(f, latest[f].id, "fuzzed", True, 0, "llm", None),
             UnitLevel(g, latest[g].id, "builds", False, 2, "rules", "unsafe")])
        assert led.unit_verdicts(f)[0] == Verdict(f, latest[f].id, "fuzzed", "pass",
                                                  "40 inputs", evidence, "bwrap")
        assert [v.level for v in led.unit_verdicts(f)] == ["fuzzed", "builds"]  # newest first
        assert led.unit_levels(tid)[f] == UnitLevel(f, latest[f].id, "fuzzed", True, 0, "llm",
                                                    None)
        led.record_verdicts(verify, [], [UnitLevel(f, latest[f].id, "none", False, 0, "llm",
                                                   "a fuzz input differs")])
        levels = led.unit_levels(tid)
        assert levels[f].level == "none" and levels[f].secured is False  # replaced
        assert levels[g].reason == "unsafe" and len(levels) == 2


def test_a_failed_transaction_leaves_nothing(ledger_url: str) -> None:
    with Ledger(ledger_url, "run") as led:
        tid, f, _ = _target_with_units(led)
        run = led.begin_run(tid, "translate", None)
        missing_unit = 10**9  # the foreign key refuses it, after f's row went in
        # sqlite3.IntegrityError, or a LedgerError naming the database on PostgreSQL
        with pytest.raises(Exception, match=r"(?i)foreign key"):
            led.record_attempts(run, [Attempt(f, "rules", "translated", "hf", "m", "", None, 0),
                                      Attempt(missing_unit, "rules", "translated", "h", "m",
                                              "", None, 0)])
        assert led.latest_attempts(tid) == {}
        led.record_attempts(run, [Attempt(f, "rules", "translated", "hf", "m", "", None, 0)])
        assert list(led.latest_attempts(tid)) == [f]  # the connection is usable again


def test_the_llm_cache(ledger_url: str) -> None:
    key = cache_key("m", [("system", "be exact"), ("user", "int f(void);")],
                    {"temperature": 0})
    with Ledger(ledger_url, "run") as led:
        assert led.cached_response(key) is None
        led.cache_response(key, CachedResponse("fn f() {}", "m", 3, 4, 0.5, "stop"))
        assert led.cached_response(key) == CachedResponse("fn f() {}", "m", 3, 4, 0.5, "stop")
        led.cache_response(key, CachedResponse("fn f() -> i32 { 0 }", "m", 5, 6, 1.5, None))
    with Ledger(ledger_url) as led:
        assert led.cached_response(key) == CachedResponse("fn f() -> i32 { 0 }", "m", 5, 6,
                                                          1.5, None)
        assert json.dumps(led.cached_response(key))  # plain Python values
