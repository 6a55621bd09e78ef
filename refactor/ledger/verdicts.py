"""Verification results: one verdict per level tried, and each unit's level and secured."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import NamedTuple

from refactor.ledger.db import Connection, now


class Verdict(NamedTuple):
    """The result of one verification level for one attempt (a row of `verdicts`)."""

    unit_id: int
    attempt_id: int | None
    level: str  # builds | fuzzed | tested
    status: str  # pass | fail | unsupported | not-executed | not-substituted | not-run | error
    detail: str | None
    evidence: dict[str, object] | None
    isolation: str | None


class UnitLevel(NamedTuple):
    """Where a unit stands (a row of `unit_levels`)."""

    unit_id: int
    attempt_id: int | None
    level: str  # none | builds | fuzzed | tested
    secured: bool
    unsafe_lines: int
    backend: str | None
    reason: str | None


def record(conn: Connection, run_id: int, verdicts: Iterable[Verdict],
           levels: Iterable[UnitLevel], stamp: str | None = None) -> None:
    """Store a verification run's verdicts and the levels they give (inside the caller's
    transaction), stamped `stamp` or now."""
    stamp = stamp or now()
    conn.executemany(
        "INSERT INTO verdicts(unit_id, attempt_id, run_id, level, status, detail, "
        "evidence, isolation, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ((v.unit_id, v.attempt_id, run_id, v.level, v.status, v.detail,
          json.dumps(v.evidence) if v.evidence is not None else None, v.isolation, stamp)
         for v in verdicts))
    conn.executemany(
        "INSERT INTO unit_levels(unit_id, attempt_id, run_id, level, secured, "
        "unsafe_lines, backend, reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(unit_id) DO UPDATE SET attempt_id = excluded.attempt_id, "
        "run_id = excluded.run_id, level = excluded.level, secured = excluded.secured, "
        "unsafe_lines = excluded.unsafe_lines, backend = excluded.backend, "
        "reason = excluded.reason, updated_at = excluded.updated_at",
        ((u.unit_id, u.attempt_id, run_id, u.level, int(u.secured), u.unsafe_lines,
          u.backend, u.reason, stamp) for u in levels))


def levels(conn: Connection, target_id: int) -> dict[int, UnitLevel]:
    rows = conn.execute(
        "SELECT l.unit_id, l.attempt_id, l.level, l.secured, l.unsafe_lines, l.backend, "
        "l.reason FROM unit_levels l JOIN units u ON u.id = l.unit_id "
        "WHERE u.target_id = ?", (target_id,))
    return {r[0]: UnitLevel(r[0], r[1], r[2], bool(r[3]), r[4], r[5], r[6]) for r in rows}


def of_unit(conn: Connection, unit_id: int) -> list[Verdict]:
    """Every verdict of a unit, newest first (the evidence behind its level)."""
    rows = conn.execute(
        "SELECT unit_id, attempt_id, level, status, detail, evidence, isolation FROM verdicts "
        "WHERE unit_id = ? ORDER BY id DESC", (unit_id,))
    return [Verdict(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]) if r[5] else None, r[6])
            for r in rows]
