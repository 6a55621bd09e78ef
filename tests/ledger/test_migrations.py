"""Ledgers written by an older refactor are migrated in place, keeping their rows."""

from __future__ import annotations

import sqlite3
from importlib.resources import files
from pathlib import Path

import pytest

from refactor.ledger import (
    SCHEMA_VERSION,
    Attempt,
    CachedResponse,
    Ledger,
    LedgerError,
    UnitLevel,
    Verdict,
    cache_key,
)
from refactor.ledger.db import APPLICATION_ID


def _version_one(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(files("refactor.ledger").joinpath("schema.sql").read_text("utf-8"))
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    conn.execute("INSERT INTO targets(id, name, root) VALUES (1, 'old', '/src')")
    conn.execute("INSERT INTO files(id, target_id, path, status) VALUES (1, 1, 'a.c', "
                 "'scanned')")
    conn.execute("INSERT INTO units(id, target_id, file_id, kind, name, language, start_line, "
                 "end_line, loc, src_hash, sig_hash) VALUES (7, 1, 1, 'function', 'f', 'c', "
                 "1, 3, 3, 'h', 'h')")
    conn.commit()
    conn.close()


def test_version_one_ledger_gains_attempts_and_keeps_units(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _version_one(path)
    with Ledger(path) as led:
        assert led.meta("schema_version") == str(SCHEMA_VERSION) == "5"
        assert [u.name for u in led.units(1)] == ["f"]
        run = led.begin_run(1, "translate", None)
        led.record_attempts(run, [Attempt(7, "rules", "translated", "h", "a", "fn f() {}",
                                          None, 0)])
        led.record_attempts(run, [Attempt(7, "rules", "skipped", "h", "a", "", "why", 0)])
        latest = led.latest_attempts(1)
        led.record_verdicts(run, [Verdict(7, latest[7].id, "builds", "fail", "e", None,
                                          "bwrap")],
                            [UnitLevel(7, latest[7].id, "none", False, 0, "rules", "e")])
        assert led.unit_levels(1)[7].level == "none"
        assert led.unit_verdicts(7)[0].detail == "e"
        key = cache_key("m", [("user", "hi")], {"temperature": 0})
        assert led.cached_response(key) is None
        led.cache_response(key, CachedResponse("fn f() {}", "m", 3, 4, 0.5, "stop"))
        assert led.cached_response(key).tokens_out == 4  # type: ignore[union-attr]
        assert key != cache_key("m", [("user", "hi")], {"temperature": 1})
    assert latest[7].status == "skipped" and latest[7].reason == "why"  # the newest wins
    with Ledger(path) as led:  # opening again migrates nothing twice
        assert len(led.latest_attempts(1)) == 1


def test_unknown_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "odd.db"
    _version_one(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(LedgerError, match="unknown schema version 0"):
        Ledger(path)
