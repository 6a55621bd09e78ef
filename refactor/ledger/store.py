"""Reading and writing scan results: targets, runs, files, units and edges."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from refactor.ledger import views
from refactor.ledger.db import connect, now
from refactor.model import FileScan, Skip, unit_id


class FileRow(NamedTuple):
    id: int
    path: str
    sha: str | None
    size: int | None
    mtime_ns: int | None
    status: str
    reason: str | None


class UnitRow(NamedTuple):
    """What name resolution and hashing need of a unit."""

    id: int
    path: str
    kind: str
    name: str
    language: str
    aliases: tuple[str, ...]
    refs: tuple[tuple[str, str], ...]
    is_static: bool
    src_hash: str
    sig_hash: str
    dep_hash: str | None
    base_hash: str | None
    base_src_hash: str | None


def _encode_refs(refs: Iterable[tuple[str, str]]) -> str:
    return "\n".join(f"{kind} {name}" for kind, name in refs)


def _decode_refs(text: str) -> tuple[tuple[str, str], ...]:
    if not text:
        return ()
    return tuple(tuple(line.split(" ", 1)) for line in text.split("\n"))  # type: ignore[misc]


class Ledger:
    """The single source of truth. Only this package writes SQL."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.conn: sqlite3.Connection = connect(self.path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # targets and runs ---------------------------------------------------------------
    def target(self, name: str, root: str) -> int:
        with self.transaction() as c:
            c.execute("INSERT INTO targets(name, root) VALUES (?, ?) "
                      "ON CONFLICT(name) DO UPDATE SET root = excluded.root", (name, root))
            return c.execute("SELECT id FROM targets WHERE name = ?", (name,)).fetchone()[0]

    def targets(self) -> list[tuple[int, str, str, str | None]]:
        return self.conn.execute(
            "SELECT id, name, root, commit_sha FROM targets ORDER BY name").fetchall()

    def begin_run(self, target_id: int | None, command: str, commit: str | None) -> int:
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO runs(target_id, command, started_at, status, commit_sha) "
                "VALUES (?, ?, ?, 'running', ?)", (target_id, command, now(), commit))
            return int(cur.lastrowid)

    def finish_run(self, run_id: int, status: str, stats: dict[str, object]) -> None:
        with self.transaction() as c:
            c.execute("UPDATE runs SET finished_at = ?, status = ?, stats = ? WHERE id = ?",
                      (now(), status, json.dumps(stats, sort_keys=True), run_id))
            row = c.execute("SELECT target_id, commit_sha, command FROM runs WHERE id = ?",
                            (run_id,)).fetchone()
            if row and row[0] is not None and row[2] == "scan" and status == "ok":
                c.execute("UPDATE targets SET commit_sha = ?, scanned_run = ? WHERE id = ?",
                          (row[1], run_id, row[0]))

    def runs(self, target_id: int) -> list[tuple[int, str, str, str | None, str, str | None]]:
        return self.conn.execute(
            "SELECT id, command, started_at, finished_at, status, stats FROM runs "
            "WHERE target_id = ? ORDER BY id", (target_id,)).fetchall()

    # files ----------------------------------------------------------------------------
    def file_index(self, target_id: int) -> dict[str, FileRow]:
        rows = self.conn.execute(
            "SELECT id, path, sha, size, mtime_ns, status, reason FROM files "
            "WHERE target_id = ?",
            (target_id,))
        return {r[1]: FileRow(*r) for r in rows}

    def touch_files(self, target_id: int, stats: Iterable[tuple[str, int, int]]) -> None:
        """Record the new size and mtime of files whose content did not change."""
        with self.transaction() as c:
            c.executemany("UPDATE files SET size = ?, mtime_ns = ? WHERE target_id = ? AND "
                          "path = ?", ((s, m, target_id, p) for p, s, m in stats))

    def remove_files(self, target_id: int, paths: Iterable[str]) -> None:
        with self.transaction() as c:
            c.executemany("DELETE FROM files WHERE target_id = ? AND path = ?",
                          ((target_id, p) for p in paths))

    def store_results(self, target_id: int, run_id: int,
                      results: Iterable[FileScan | Skip]) -> None:
        """Write a batch of file results in one transaction."""
        with self.transaction() as c:
            for result in results:
                if isinstance(result, Skip):
                    self._store_skip(c, target_id, run_id, result)
                else:
                    self._store_file(c, target_id, run_id, result)

    @staticmethod
    def _store_skip(c: sqlite3.Connection, target_id: int, run_id: int, skip: Skip) -> None:
        c.execute("DELETE FROM files WHERE target_id = ? AND path = ?", (target_id, skip.path))
        c.execute("INSERT INTO files(target_id, path, size, mtime_ns, status, reason, "
                  "scanned_run) VALUES (?, ?, ?, ?, 'skipped', ?, ?)",
                  (target_id, skip.path, skip.size, skip.mtime_ns, skip.reason, run_id))

    @staticmethod
    def _store_file(c: sqlite3.Connection, target_id: int, run_id: int, fs: FileScan) -> None:
        warnings = json.dumps([[w.line, w.reason] for w in fs.warnings]) if fs.warnings else None
        c.execute(
            "INSERT INTO files(target_id, path, language, sha, size, mtime_ns, loc, status, "
            "reason, warnings, scanned_run) VALUES (?, ?, ?, ?, ?, ?, ?, 'scanned', NULL, ?, ?) "
            "ON CONFLICT(target_id, path) DO UPDATE SET language = excluded.language, "
            "sha = excluded.sha, size = excluded.size, mtime_ns = excluded.mtime_ns, "
            "loc = excluded.loc, status = 'scanned', reason = NULL, "
            "warnings = excluded.warnings, scanned_run = excluded.scanned_run",
            (target_id, fs.path, fs.language, fs.sha, fs.size, fs.mtime_ns, fs.loc, warnings,
             run_id))
        file_id = c.execute("SELECT id FROM files WHERE target_id = ? AND path = ?",
                            (target_id, fs.path)).fetchone()[0]
        uids = [unit_id(fs.path, u.kind, u.name) for u in fs.units]
        c.execute("CREATE TEMP TABLE IF NOT EXISTS keep_uids(uid TEXT PRIMARY KEY)")
        c.execute("DELETE FROM keep_uids")
        c.executemany("INSERT OR IGNORE INTO keep_uids VALUES (?)", ((u,) for u in uids))
        c.execute("DELETE FROM units WHERE file_id = ? AND uid NOT IN (SELECT uid FROM "
                  "keep_uids)", (file_id,))
        c.executemany(
            "INSERT INTO units(target_id, file_id, uid, kind, name, language, start_line, "
            "end_line, loc, src_hash, sig_hash, is_static, parent, aliases, refs, reason, "
            "first_run) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(target_id, uid) DO UPDATE SET file_id = excluded.file_id, "
            "start_line = excluded.start_line, end_line = excluded.end_line, "
            "loc = excluded.loc, src_hash = excluded.src_hash, sig_hash = excluded.sig_hash, "
            "is_static = excluded.is_static, parent = excluded.parent, "
            "aliases = excluded.aliases, refs = excluded.refs, reason = excluded.reason",
            (
                (target_id, file_id, uid, u.kind, u.name, fs.language, u.start_line,
                 u.end_line, u.loc, u.src_hash, u.sig_hash, int(u.is_static), u.parent,
                 "\n".join(u.aliases), _encode_refs(u.refs), u.reason, run_id)
                for uid, u in zip(uids, fs.units, strict=True)
            ))

    # units, edges, hashes ---------------------------------------------------------------
    def unit_rows(self, target_id: int) -> list[UnitRow]:
        rows = self.conn.execute(
            "SELECT u.id, f.path, u.kind, u.name, u.language, u.aliases, u.refs, u.is_static, "
            "u.src_hash, u.sig_hash, u.dep_hash, u.base_hash, u.base_src_hash "
            "FROM units u JOIN files f ON f.id = u.file_id WHERE u.target_id = ? "
            "ORDER BY u.id", (target_id,))
        return [
            UnitRow(r[0], r[1], r[2], r[3], r[4], tuple(r[5].split("\n")) if r[5] else (),
                    _decode_refs(r[6]), bool(r[7]), r[8], r[9], r[10], r[11], r[12])
            for r in rows
        ]

    def replace_edges(self, target_id: int, edges: Iterable[tuple[int, int, str]]) -> None:
        with self.transaction() as c:
            c.execute("DELETE FROM edges WHERE target_id = ?", (target_id,))
            c.executemany("INSERT INTO edges(target_id, src, dst, kind) VALUES (?, ?, ?, ?)",
                          ((target_id, s, d, k) for s, d, k in edges))

    def edges(self, target_id: int) -> list[tuple[int, int, str]]:
        return self.conn.execute("SELECT src, dst, kind FROM edges WHERE target_id = ?",
                                 (target_id,)).fetchall()

    def update_hashes(
        self, rows: Iterable[tuple[int, str, str | None, str | None, str | None]]
    ) -> None:
        """(unit id, dep_hash, base_hash, base_src_hash, stale_reason) for each unit."""
        with self.transaction() as c:
            c.executemany(
                "UPDATE units SET dep_hash = ?, base_hash = ?, base_src_hash = ?, "
                "stale_reason = ? WHERE id = ?",
                ((d, b, bs, r, i) for i, d, b, bs, r in rows))

    def unit_counts(self, target_id: int) -> tuple[int, int, int]:
        """(units, edges, stale units) of a target."""
        units, stale = self.conn.execute(
            "SELECT COUNT(*), COUNT(stale_reason) FROM units WHERE target_id = ?",
            (target_id,)).fetchone()
        edges = self.conn.execute("SELECT COUNT(*) FROM edges WHERE target_id = ?",
                                  (target_id,)).fetchone()[0]
        return units, edges, stale

    # read views ---------------------------------------------------------------------------
    def files(self, target_id: int) -> list[views.FileView]:
        return views.files(self.conn, target_id)

    def units(self, target_id: int) -> list[views.UnitView]:
        return views.units(self.conn, target_id)

    def plannable_units(self, target_id: int) -> list[int]:
        return views.plannable_units(self.conn, target_id)

    def store_plan(self, target_id: int, run_id: int,
                   assignments: Iterable[tuple[int, int, int]]) -> None:
        views.store_plan(self.conn, target_id, run_id, assignments)

    def planned(self, target_id: int) -> dict[int, tuple[int, int]]:
        return views.planned(self.conn, target_id)
