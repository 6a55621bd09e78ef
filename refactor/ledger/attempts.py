"""Translation attempts: what each backend produced for each unit, and at what cost."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from refactor.ledger.db import Connection, now


class Attempt(NamedTuple):
    """One try of one unit by one backend (a row of `attempts`)."""

    unit_id: int
    backend: str  # rules | llm | hybrid
    status: str  # translated | skipped | failed
    src_hash: str  # the unit source it translated
    module: str | None
    rust: str
    reason: str | None
    unsafe_lines: int
    tokens_in: int = 0
    tokens_out: int = 0
    cost: float = 0.0
    prompt_version: str | None = None
    id: int | None = None  # set when read back from the ledger


def record(conn: Connection, run_id: int, attempts: Iterable[Attempt]) -> None:
    stamp = now()
    conn.executemany(
        "INSERT INTO attempts(unit_id, run_id, backend, status, src_hash, module, rust, reason, "
        "unsafe_lines, tokens_in, tokens_out, cost, prompt_version, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ((a.unit_id, run_id, a.backend, a.status, a.src_hash, a.module, a.rust, a.reason,
          a.unsafe_lines, a.tokens_in, a.tokens_out, a.cost, a.prompt_version, stamp)
         for a in attempts))


def latest(conn: Connection, target_id: int) -> dict[int, Attempt]:
    """The newest attempt of every unit of the target that has one."""
    rows = conn.execute(
        "SELECT a.unit_id, a.backend, a.status, a.src_hash, a.module, a.rust, a.reason, "
        "a.unsafe_lines, a.tokens_in, a.tokens_out, a.cost, a.prompt_version, a.id FROM attempts a "
        "JOIN units u ON u.id = a.unit_id WHERE u.target_id = ? AND a.id = "
        "(SELECT MAX(id) FROM attempts WHERE unit_id = a.unit_id)", (target_id,))
    return {row[0]: Attempt(*row) for row in rows}


def spend(conn: Connection, target_id: int) -> tuple[int, int, float]:
    """Tokens in, tokens out and cost of every attempt of the target (failed ones too)."""
    row = conn.execute(
        "SELECT COALESCE(SUM(a.tokens_in), 0), COALESCE(SUM(a.tokens_out), 0), "
        "COALESCE(SUM(a.cost), 0) FROM attempts a JOIN units u ON u.id = a.unit_id "
        "WHERE u.target_id = ?", (target_id,)).fetchone()
    return int(row[0]), int(row[1]), float(row[2])


def per_unit(conn: Connection, target_id: int) -> dict[int, tuple[int, float]]:
    """unit id -> (attempts, their total cost), every backend and status."""
    rows = conn.execute(
        "SELECT a.unit_id, COUNT(*), COALESCE(SUM(a.cost), 0) FROM attempts a JOIN units u "
        "ON u.id = a.unit_id WHERE u.target_id = ? GROUP BY a.unit_id", (target_id,))
    return {r[0]: (int(r[1]), float(r[2])) for r in rows}
