"""Shards: scan workers write their results into small SQLite files of their own, and the
ledger absorbs them with one INSERT ... SELECT each.

This keeps the per-unit work (encoding, binding rows) in the workers, on every core; the
parent, the ledger's only writer, copies rows inside SQLite without touching them in Python.

A PostgreSQL ledger cannot attach a SQLite file: the shard's rows are read with sqlite3 and
COPYed into two temporary tables (`pg_temp.shard_files`, `pg_temp.shard_units`), and the
same INSERT ... SELECT statements run against those.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from refactor.ledger.db import Connection
from refactor.ledger.rows import encode_unit
from refactor.model import FileScan

_FILES = ("path", "language", "sha", "size", "mtime_ns", "loc", "warnings")
_UNITS = ("path", "kind", "name", "start_line", "end_line", "loc", "src_hash", "sig_hash",
          "is_static", "parent", "aliases", "refs", "reason")
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


class Tables(NamedTuple):
    """Where the ledger's connection sees a shard's files and units (the view of units and
    constant macros)."""

    files: str
    units: str


_PG_TABLES = """
CREATE TEMP TABLE shard_files (path TEXT PRIMARY KEY, language TEXT, sha TEXT, size BIGINT,
                               mtime_ns BIGINT, loc INTEGER, warnings TEXT);
CREATE TEMP TABLE shard_units (path TEXT, kind TEXT, name TEXT, start_line INTEGER,
                               end_line INTEGER, loc INTEGER, src_hash TEXT, sig_hash TEXT,
                               is_static INTEGER, parent TEXT, aliases TEXT, refs TEXT,
                               reason TEXT);
"""


@contextmanager
def attached(conn: Connection, shard_file: Path) -> Iterator[Tables]:
    """The shard at `shard_file`, readable on the ledger's connection while inside."""
    if isinstance(conn, sqlite3.Connection):
        conn.execute("ATTACH DATABASE ? AS shard", (str(shard_file),))
        try:
            yield Tables("shard.files", "shard.all_units")
        finally:
            conn.execute("DETACH DATABASE shard")
        return
    from refactor.ledger.postgres import PgConnection

    assert isinstance(conn, PgConnection)
    source = sqlite3.connect(f"file:{shard_file}?mode=ro", uri=True)
    conn.executescript(_PG_TABLES)
    try:
        conn.copy_rows("shard_files", _FILES,
                       source.execute(f"SELECT {', '.join(_FILES)} FROM files"))
        conn.copy_rows("shard_units", _UNITS,
                       source.execute(f"SELECT {', '.join(_UNITS)} FROM all_units"))
        source.close()
        conn.execute("CREATE INDEX ON shard_units (path)")
        conn.execute("ANALYZE shard_files")
        conn.execute("ANALYZE shard_units")
        yield Tables("shard_files", "shard_units")
    finally:
        source.close()
        conn.executescript("DROP TABLE IF EXISTS shard_files; DROP TABLE IF EXISTS shard_units")


def shard_paths(conn: Connection, tables: Tables) -> list[str]:
    return [r[0] for r in conn.execute(f"SELECT path FROM {tables.files}")]


def shard_units(conn: Connection, tables: Tables, path: str) -> list[tuple[str, str, str, str]]:
    return conn.execute(f"SELECT kind, name, src_hash, sig_hash FROM {tables.units} "
                        "WHERE path = ?", (path,)).fetchall()


def absorb(conn: Connection, tables: Tables, target_id: int, run_id: int) -> None:
    """Upsert the attached shard's files and units into the ledger (inside a transaction)."""
    conn.execute(
        "INSERT INTO files(target_id, path, language, sha, size, mtime_ns, loc, status, "
        "reason, warnings, scanned_run) SELECT ?, path, language, sha, size, mtime_ns, loc, "
        f"'scanned', NULL, warnings, ? FROM {tables.files} WHERE true "
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
        f"?, ? FROM {tables.units} u JOIN files f ON f.target_id = ? AND f.path = u.path "
        "WHERE true ON CONFLICT(file_id, kind, name) DO UPDATE SET "
        "start_line = excluded.start_line, end_line = excluded.end_line, "
        "loc = excluded.loc, is_static = excluded.is_static, parent = excluded.parent, "
        "aliases = excluded.aliases, refs = excluded.refs, reason = excluded.reason, "
        "changed_run = CASE WHEN units.src_hash = excluded.src_hash THEN units.changed_run "
        "ELSE excluded.changed_run END, "
        "src_hash = excluded.src_hash, sig_hash = excluded.sig_hash",
        (target_id, run_id, run_id, target_id))
