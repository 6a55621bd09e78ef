"""Shards: scan workers write their results into small SQLite files of their own, and the
ledger absorbs them with one INSERT ... SELECT each.

This keeps the per-unit work (encoding, binding rows) in the workers, on every core; the
parent, the ledger's only writer, copies rows inside SQLite without touching them in Python.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from refactor.ledger.rows import encode_unit
from refactor.model import FileScan

_SCHEMA = """
CREATE TABLE files (path TEXT PRIMARY KEY, language TEXT, sha TEXT, size INTEGER,
                    mtime_ns INTEGER, loc INTEGER, warnings TEXT);
CREATE TABLE units (path TEXT, kind TEXT, name TEXT, start_line INTEGER, end_line INTEGER,
                    loc INTEGER, src_hash TEXT, sig_hash TEXT, is_static INTEGER, parent TEXT,
                    aliases TEXT, refs TEXT, reason TEXT);
-- One-line constant macros without references (millions in generated headers), compactly.
CREATE TABLE macros (path TEXT, name TEXT, line INTEGER, value TEXT);
CREATE VIEW all_units AS SELECT * FROM units UNION ALL
    SELECT path, 'macro', name, line, line, 1, value, value, 0, NULL, '', '', NULL FROM macros;
"""


def write_shard(path: Path, scans: Sequence[FileScan]) -> None:
    """Write scanned files and their units to a new shard at `path` (in a worker)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.executescript(_SCHEMA)
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
            ((fs.path, fs.language, fs.sha, fs.size, fs.mtime_ns, fs.loc,
              json.dumps([[w.line, w.reason] for w in fs.warnings]) if fs.warnings else None)
             for fs in scans))
        macros = []
        units = []
        for fs in scans:
            path = fs.path
            for u in fs.units:
                if u.kind == "macro" and not u.refs and u.start_line == u.end_line \
                        and u.src_hash == u.sig_hash and u.loc == 1 and not u.is_static \
                        and not u.aliases and u.parent is None and u.reason is None:
                    macros.append((path, u.name, u.start_line, u.src_hash))
                else:
                    units.append((path, *encode_unit(u)))
        conn.executemany("INSERT INTO macros VALUES (?, ?, ?, ?)", macros)
        conn.executemany("INSERT INTO units VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         units)
        conn.execute("COMMIT")
    finally:
        conn.close()


def shard_paths(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT path FROM shard.files")]


def shard_units(conn: sqlite3.Connection, path: str) -> list[tuple[str, str, str, str]]:
    return conn.execute("SELECT kind, name, src_hash, sig_hash FROM shard.all_units "
                        "WHERE path = ?", (path,)).fetchall()


def absorb(conn: sqlite3.Connection, target_id: int, run_id: int) -> None:
    """Upsert the attached shard's files and units into the ledger (inside a transaction)."""
    conn.execute(
        "INSERT INTO files(target_id, path, language, sha, size, mtime_ns, loc, status, "
        "reason, warnings, scanned_run) SELECT ?, path, language, sha, size, mtime_ns, loc, "
        "'scanned', NULL, warnings, ? FROM shard.files WHERE true "
        "ON CONFLICT(target_id, path) DO UPDATE SET language = excluded.language, "
        "sha = excluded.sha, size = excluded.size, mtime_ns = excluded.mtime_ns, "
        "loc = excluded.loc, status = 'scanned', reason = NULL, "
        "warnings = excluded.warnings, scanned_run = excluded.scanned_run",
        (target_id, run_id))
    conn.execute(
        "INSERT INTO units(target_id, file_id, language, kind, name, start_line, end_line, "
        "loc, src_hash, sig_hash, is_static, parent, aliases, refs, reason, first_run, "
        "changed_run) SELECT ?, f.id, f.language, u.kind, u.name, u.start_line, u.end_line, "
        "u.loc, u.src_hash, u.sig_hash, u.is_static, u.parent, u.aliases, u.refs, u.reason, "
        "?, ? FROM shard.all_units u JOIN files f ON f.target_id = ? AND f.path = u.path "
        "WHERE true ON CONFLICT(file_id, kind, name) DO UPDATE SET "
        "start_line = excluded.start_line, end_line = excluded.end_line, "
        "loc = excluded.loc, is_static = excluded.is_static, parent = excluded.parent, "
        "aliases = excluded.aliases, refs = excluded.refs, reason = excluded.reason, "
        "changed_run = CASE WHEN units.src_hash = excluded.src_hash THEN units.changed_run "
        "ELSE excluded.changed_run END, "
        "src_hash = excluded.src_hash, sig_hash = excluded.sig_hash",
        (target_id, run_id, run_id, target_id))
