"""Finished work for resumable runs: what a worker produced, committed as one transaction.

A worker translates and verifies its units against a private copy of the ledger (a
snapshot); the driver, the ledger's only writer, then stores the worker's attempts,
verdicts, unit levels and model answers here with ids of this ledger, and marks the units
finished under the run's configuration (table `unit_work`, schema version 5).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from refactor.ledger import attempts, llm_cache, verdicts
from refactor.ledger.db import Connection, connect, now


@dataclass
class WorkRows:
    """A worker's results, with the ids of its snapshot (attempt ids are remapped)."""

    units: dict[int, str]  # unit id -> the source hash the work was done on
    attempts: list[attempts.Attempt] = field(default_factory=list)
    verdicts: list[verdicts.Verdict] = field(default_factory=list)
    levels: list[verdicts.UnitLevel] = field(default_factory=list)
    answers: list[tuple[str, llm_cache.CachedResponse]] = field(default_factory=list)


def read(conn: Connection, translate_run: int, verify_run: int | None,
         units: dict[int, str], answers_before: set[str] | None) -> WorkRows:
    """What the runs `translate_run` and `verify_run` wrote into a snapshot, for `units`;
    the model answers not in `answers_before` (None: no model was asked, none read)."""
    rows = WorkRows(units)
    for r in conn.execute(
            "SELECT unit_id, backend, status, src_hash, module, rust, reason, unsafe_lines, "
            "tokens_in, tokens_out, cost, prompt_version, id FROM attempts WHERE run_id = ? "
            "ORDER BY id", (translate_run,)):
        if r[0] in units:
            rows.attempts.append(attempts.Attempt(*r))
    if verify_run is not None:
        for r in conn.execute(
                "SELECT unit_id, attempt_id, level, status, detail, evidence, isolation "
                "FROM verdicts WHERE run_id = ? ORDER BY id", (verify_run,)):
            if r[0] in units:
                rows.verdicts.append(verdicts.Verdict(
                    r[0], r[1], r[2], r[3], r[4], json.loads(r[5]) if r[5] else None, r[6]))
        for r in conn.execute(
                "SELECT unit_id, attempt_id, level, secured, unsafe_lines, backend, reason "
                "FROM unit_levels WHERE run_id = ?", (verify_run,)):
            if r[0] in units:
                rows.levels.append(verdicts.UnitLevel(r[0], r[1], r[2], bool(r[3]), r[4],
                                                      r[5], r[6]))
    if answers_before is None:
        return rows
    for r in conn.execute("SELECT key, response, model, tokens_in, tokens_out, cost, finish "
                          "FROM llm_responses"):
        if r[0] not in answers_before:
            rows.answers.append((r[0], llm_cache.CachedResponse(*r[1:])))
    return rows


def answer_keys(conn: Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT key FROM llm_responses")}


def store(conn: Connection, translate_run: int, verify_run: int, config: str,
          rows: WorkRows, finished: bool = True) -> None:
    """Store a worker's rows (the caller holds the transaction): attempts get this
    ledger's ids, verdicts and levels follow them, and (if `finished`) every unit of the
    work is marked finished with its newest attempt."""
    stamp = now()
    ids: dict[int | None, int | None] = {None: None}
    newest: dict[int, int] = {}
    for a in rows.attempts:
        new = conn.execute(
            "INSERT INTO attempts(unit_id, run_id, backend, status, src_hash, module, rust, "
            "reason, unsafe_lines, tokens_in, tokens_out, cost, prompt_version, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (a.unit_id, translate_run, a.backend, a.status, a.src_hash, a.module, a.rust,
             a.reason, a.unsafe_lines, a.tokens_in, a.tokens_out, a.cost, a.prompt_version,
             stamp)).fetchone()[0]
        ids[a.id] = newest[a.unit_id] = int(new)
    verdicts.record(conn, verify_run, [v._replace(attempt_id=ids.get(v.attempt_id))
                                       for v in rows.verdicts],
                    [u._replace(attempt_id=ids.get(u.attempt_id)) for u in rows.levels],
                    stamp)
    for key, answer in rows.answers:
        llm_cache.put(conn, key, answer)
    if not finished:
        return
    conn.executemany(
        "INSERT INTO unit_work(unit_id, config, src_hash, attempt_id, run_id, finished_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(unit_id) DO UPDATE SET config = "
        "excluded.config, src_hash = excluded.src_hash, attempt_id = excluded.attempt_id, "
        "run_id = excluded.run_id, finished_at = excluded.finished_at",
        ((uid, config, src, newest.get(uid), translate_run, stamp)
         for uid, src in rows.units.items()))


def finished(conn: Connection, target_id: int, config: str) -> set[int]:
    """Units of the target finished under `config` for their current source, whose newest
    attempt is still the one that finished them (a later `refactor translate` undoes it)."""
    rows = conn.execute(
        "SELECT w.unit_id FROM unit_work w JOIN units u ON u.id = w.unit_id "
        "WHERE u.target_id = ? AND w.config = ? AND w.src_hash = u.src_hash AND "
        "COALESCE(w.attempt_id, 0) = COALESCE((SELECT MAX(id) FROM attempts "
        "WHERE unit_id = w.unit_id), 0)",
        (target_id, config))
    return {r[0] for r in rows}


def forget(conn: Connection, target_id: int) -> None:
    """Forget which units of the target are finished (`refactor run --redo`)."""
    conn.execute("DELETE FROM unit_work WHERE unit_id IN (SELECT id FROM units WHERE "
                 "target_id = ?)", (target_id,))


def interrupt_runs(conn: Connection) -> int:
    """Runs still `running` when a writer starts were killed: mark them `interrupted`."""
    return len(conn.execute("UPDATE runs SET status = 'interrupted', finished_at = ? "
                            "WHERE status = 'running' RETURNING id", (now(),)).fetchall())


def snapshot(conn: Connection, path: Path) -> None:
    """A consistent copy of the whole ledger at `path`, always a SQLite ledger (what the
    workers open): SQLite's online backup, or every table's rows read from PostgreSQL in
    one transaction (same tables and columns, tests/ledger/test_backend_schema.py)."""
    path.unlink(missing_ok=True)
    out = sqlite3.connect(path)
    try:
        if isinstance(conn, sqlite3.Connection):
            conn.backup(out)
            return
        out.close()
        connect(path).close()  # a fresh SQLite ledger at SCHEMA_VERSION
        out = sqlite3.connect(path, isolation_level=None)
        out.execute("PRAGMA foreign_keys = OFF")
        out.execute("BEGIN")
        tables = [r[0] for r in out.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
            "'sqlite_%' ORDER BY rowid")]
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            for table in tables:
                columns = [r[1] for r in out.execute(f"PRAGMA table_info({table})")]
                names = ", ".join(columns)
                out.execute(f"DELETE FROM {table}")
                out.executemany(
                    f"INSERT INTO {table}({names}) VALUES ({', '.join('?' * len(columns))})",
                    conn.execute(f"SELECT {names} FROM {table}"))
        finally:
            conn.execute("COMMIT")
        out.execute("COMMIT")
    finally:
        out.close()


def outcomes(conn: Connection, target_id: int) -> list[tuple[object, ...]]:
    """Every unit's results without ids, times or paths of work directories: (path,
    kind, name, attempts, newest attempt's status, backend, module, rust, reason, unsafe
    lines, level, secured, level's reason, its verdicts' (level, status, detail)). Two
    runs of the same work give equal lists, however they were executed or interrupted."""
    verdicts_of: dict[int, list[tuple[str, str, str | None]]] = {}
    for uid, level, status, detail in conn.execute(
            "SELECT v.unit_id, v.level, v.status, v.detail FROM verdicts v JOIN unit_levels l "
            "ON l.unit_id = v.unit_id AND l.attempt_id = v.attempt_id JOIN units u ON "
            "u.id = v.unit_id WHERE u.target_id = ?", (target_id,)):
        verdicts_of.setdefault(uid, []).append((level, status, detail))
    rows = conn.execute(
        "SELECT u.id, f.path, u.kind, u.name, (SELECT COUNT(*) FROM attempts WHERE unit_id = "
        "u.id), a.status, a.backend, a.module, a.rust, a.reason, a.unsafe_lines, l.level, "
        "l.secured, l.reason FROM units u JOIN files f ON f.id = u.file_id "
        "LEFT JOIN attempts a ON a.id = (SELECT MAX(id) FROM attempts WHERE unit_id = u.id) "
        "LEFT JOIN unit_levels l ON l.unit_id = u.id WHERE u.target_id = ? "
        "ORDER BY f.path, u.kind, u.name", (target_id,))
    return [(*r[1:], tuple(sorted(verdicts_of.get(r[0], []), key=str))) for r in rows]
