"""Reading and writing scan results: targets, runs, files, units and edges."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from refactor.ledger import attempts, llm_cache, shard, verdicts, views, work
from refactor.ledger.db import Connection, LedgerError, connect, is_url, now
from refactor.ledger.lock import AdvisoryLock, WriterLock
from refactor.model import Skip


class FileRow(NamedTuple):
    id: int
    path: str
    sha: str | None
    size: int | None
    mtime_ns: int | None
    status: str
    reason: str | None


# A unit as a definition: id, file id, kind, name, language, aliases, static.
SymbolRow = tuple[int, int, str, str, str, str, int]
EdgeGroup = tuple[int, str, str]  # src, edge kind, "dst dst ..."


@dataclass
class Changes:
    """What storing changed files did to units that existed before."""

    src_changed: set[int] = field(default_factory=set)
    sig_changed: set[int] = field(default_factory=set)
    removed: set[int] = field(default_factory=set)
    names: dict[int, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.src_changed or self.sig_changed or self.removed)


class Ledger:
    """The single source of truth. Only this package writes SQL."""

    def __init__(self, location: Path | str, writer: str | None = None) -> None:
        """`location`: a SQLite file, or a PostgreSQL URL (`postgresql://user@host:port/db`).
        `writer`: the command that will change results; it holds the ledger's writer
        lock until `close` (refactor/ledger/lock.py), a second writer is refused.

        `path` is where files that go beside the ledger are put (`path.parent`: reports,
        crates, work directories). A PostgreSQL ledger has no file: its `path` is
        `.refactor/postgresql` in the current directory, which is created for a writer.
        `name` is what messages and reports call the ledger (the URL without password).
        """
        self.location: Path | str = location if is_url(location) else Path(location)
        self._lock: WriterLock | AdvisoryLock | None = None
        if isinstance(self.location, str):
            from refactor.ledger import postgres

            self.name = postgres.display_name(self.location)
            self.path = Path.cwd() / ".refactor" / "postgresql"
            pg = postgres.connect(self.location)
            self.conn: Connection = pg
            try:
                if writer is not None:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    self._lock = AdvisoryLock(pg, writer)
            except (LedgerError, OSError):
                pg.close()
                raise
            return
        self.path = self.location
        self.name = str(self.path)
        if writer is not None:  # the lock first: two writers starting at once on a new
            # ledger must not both create it (the second saw a half-made file)
            with contextlib.suppress(OSError):  # connect() names the problem
                self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.path.parent.is_dir():
                self._lock = WriterLock(self.path, writer)
        try:
            self.conn = connect(self.path)
        except LedgerError:
            if self._lock is not None:
                self._lock.release()
            raise

    @property
    def dialect(self) -> str:
        """The backend: "sqlite" or "postgresql"."""
        return "postgresql" if isinstance(self.location, str) else "sqlite"

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self.conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
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
            return int(c.execute(
                "INSERT INTO runs(target_id, command, started_at, status, commit_sha) "
                "VALUES (?, ?, ?, 'running', ?) RETURNING id",
                (target_id, command, now(), commit)).fetchone()[0])

    def finish_run(self, run_id: int, status: str, stats: dict[str, object]) -> None:
        with self.transaction() as c:
            c.execute("UPDATE runs SET finished_at = ?, status = ?, stats = ? WHERE id = ?",
                      (now(), status, json.dumps(stats, sort_keys=True), run_id))
            row = c.execute("SELECT target_id, commit_sha, command FROM runs WHERE id = ?",
                            (run_id,)).fetchone()
            if row and row[0] is not None and row[2] == "scan" and status == "ok":
                c.execute("UPDATE targets SET commit_sha = ?, scanned_run = ? WHERE id = ?",
                          (row[1], run_id, row[0]))

    def last_run_stats(self, target_id: int, command: str) -> dict[str, object]:
        row = self.conn.execute(
            "SELECT stats FROM runs WHERE target_id = ? AND command = ? AND stats IS NOT NULL "
            "ORDER BY id DESC LIMIT 1", (target_id, command)).fetchone()
        return json.loads(row[0]) if row else {}

    def run_history(self, command: str) -> list[tuple[int, str, dict[str, object]]]:
        """(target id, finished at, stats) of every finished `command` run, oldest first."""
        rows = self.conn.execute(
            "SELECT target_id, finished_at, stats FROM runs WHERE command = ? AND status = "
            "'ok' AND finished_at IS NOT NULL AND target_id IS NOT NULL ORDER BY finished_at, "
            "id", (command,))
        return [(r[0], r[1], json.loads(r[2]) if r[2] else {}) for r in rows]

    def run_durations(self, command: str) -> list[tuple[int, float, dict[str, object]]]:
        """(target id, seconds, stats) of every finished `command` run."""
        rows = self.conn.execute(
            "SELECT target_id, started_at, finished_at, stats FROM runs WHERE command = ? "
            "AND status = 'ok' AND finished_at IS NOT NULL AND target_id IS NOT NULL "
            "ORDER BY id", (command,))
        return [(r[0], (datetime.fromisoformat(r[2]) - datetime.fromisoformat(r[1]))
                 .total_seconds(), json.loads(r[3]) if r[3] else {}) for r in rows]

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
                      "SET value = excluded.value", (key, value))

    # files ----------------------------------------------------------------------------
    def file_index(self, target_id: int) -> dict[str, FileRow]:
        rows = self.conn.execute(
            "SELECT id, path, sha, size, mtime_ns, status, reason FROM files "
            "WHERE target_id = ?", (target_id,))
        return {r[1]: FileRow(*r) for r in rows}

    def touch_files(self, target_id: int, stats: Iterable[tuple[str, int, int]]) -> None:
        """Record the new size and mtime of files whose content did not change."""
        with self.transaction() as c:
            c.executemany("UPDATE files SET size = ?, mtime_ns = ? WHERE target_id = ? AND "
                          "path = ?", ((s, m, target_id, p) for p, s, m in stats))

    def remove_files(self, target_id: int, paths: Iterable[str], changes: Changes) -> None:
        with self.transaction() as c:
            for path in paths:
                self._drop_file(c, target_id, path, changes)

    def store_skips(self, target_id: int, run_id: int, skips: Iterable[Skip],
                    changes: Changes) -> None:
        """Record files that could not be scanned, in one transaction."""
        with self.transaction() as c:
            for skip in skips:
                self._store_skip(c, target_id, run_id, skip, changes)

    def merge_shard(self, target_id: int, run_id: int, shard_file: Path, changes: Changes,
                    fresh: bool = False) -> None:
        """Absorb a worker's shard of scanned files.

        `fresh` says none of them was in the ledger before (a cold scan): no old units to
        compare with or delete.
        """
        with shard.attached(self.conn, shard_file) as tables, self.transaction() as c:
            if not fresh:
                for path in shard.shard_paths(c, tables):
                    self._compare_units(c, target_id, path, changes, tables)
            shard.absorb(c, tables, target_id, run_id)

    def _compare_units(self, c: Connection, target_id: int, path: str,
                       changes: Changes, tables: shard.Tables) -> None:
        """Record what re-scanning `path` changes, and delete the units it no longer has."""
        old = self._old_units(c, target_id, path)
        if not old:
            return
        new = {(k, n): (s, g) for k, n, s, g in shard.shard_units(c, tables, path)}
        gone = []
        for key, (uid, src, sig) in old.items():
            changes.names[uid] = key[1]
            now = new.get(key)
            if now is None:
                changes.removed.add(uid)
                gone.append((uid,))
                continue
            if now[0] != src:
                changes.src_changed.add(uid)
            if now[1] != sig:
                changes.sig_changed.add(uid)
        c.executemany("DELETE FROM units WHERE id = ?", gone)

    def _old_units(self, c: Connection, target_id: int, path: str,
                   ) -> dict[tuple[str, str], tuple[int, str, str]]:
        rows = c.execute(
            "SELECT u.kind, u.name, u.id, u.src_hash, u.sig_hash FROM units u JOIN files f "
            "ON f.id = u.file_id WHERE f.target_id = ? AND f.path = ?", (target_id, path))
        return {(r[0], r[1]): (r[2], r[3], r[4]) for r in rows}

    def _drop_file(self, c: Connection, target_id: int, path: str,
                   changes: Changes) -> None:
        """Delete a file and its units, recording the units as removed."""
        for (_, name), (uid, _, _) in self._old_units(c, target_id, path).items():
            changes.removed.add(uid)
            changes.names[uid] = name
        c.execute("DELETE FROM files WHERE target_id = ? AND path = ?", (target_id, path))

    def _store_skip(self, c: Connection, target_id: int, run_id: int, skip: Skip,
                    changes: Changes) -> None:
        self._drop_file(c, target_id, skip.path, changes)
        c.execute("INSERT INTO files(target_id, path, size, mtime_ns, status, reason, "
                  "scanned_run) VALUES (?, ?, ?, ?, 'skipped', ?, ?)",
                  (target_id, skip.path, skip.size, skip.mtime_ns, skip.reason, run_id))

    # units, edges, staleness ----------------------------------------------------------
    def file_paths(self, target_id: int) -> dict[int, str]:
        return dict(self.conn.execute("SELECT id, path FROM files WHERE target_id = ?",
                                      (target_id,)))

    def symbol_rows(self, target_id: int, macros: bool | None = None, lo: int | None = None,
                    hi: int | None = None) -> Iterator[SymbolRow]:
        """Units as definitions: id, file id, kind, name, language, aliases, static.
        `macros` True or False: only constant macros, or all but them; `lo`, `hi`: only
        ids in that range."""
        where = "target_id = ?"
        args: list[object] = [target_id]
        if macros is not None:
            where += " AND kind = 'macro'" if macros else " AND kind != 'macro'"
        if lo is not None and hi is not None:
            where = "id BETWEEN ? AND ? AND " + where
            args = [lo, hi, *args]
        return self.conn.execute(
            "SELECT id, file_id, kind, name, language, aliases, is_static FROM units "
            f"WHERE {where}", args)

    def ref_rows(self, target_id: int, lo: int | None = None,
                 hi: int | None = None) -> Iterator[tuple[int, int, str, str]]:
        """Units with references, optionally with ids in [lo, hi]: id, file id, language,
        encoded refs (streamed)."""
        if lo is None or hi is None:
            return self.conn.execute(
                "SELECT id, file_id, language, refs FROM units WHERE target_id = ? "
                "AND refs != ''", (target_id,))
        return self.conn.execute(
            "SELECT id, file_id, language, refs FROM units WHERE id BETWEEN ? AND ? "
            "AND target_id = ? AND refs != ''", (lo, hi, target_id))

    def unit_weights(self, target_id: int, bucket: int = 4096,
                     ) -> list[tuple[int, int, int]]:
        """The target's units in buckets of `bucket` consecutive ids: (first id, units with
        references, constant macros), for balancing work."""
        return self.conn.execute(
            "SELECT MIN(id), COUNT(*) FILTER (WHERE refs != ''), "
            "COUNT(*) FILTER (WHERE kind = 'macro') "
            "FROM units WHERE target_id = ? GROUP BY id / ? ORDER BY 1",
            (target_id, bucket)).fetchall()

    def replace_edges(self, target_id: int,
                      make_edges: Callable[[], Iterable[tuple[list[EdgeGroup], int]]]) -> int:
        """Replace a target's edges with the batches of (src, kind, "dst dst ...") groups
        `make_edges()` streams, each with its number of edges (it may read `ref_rows`);
        returns the number of edges."""
        count = 0
        with self.transaction() as c:
            c.execute("DELETE FROM edges WHERE target_id = ?", (target_id,))
            insert = ("INSERT INTO edges(target_id, src, kind, dsts) "
                      f"VALUES ({target_id:d}, ?, ?, ?)")
            for groups, edges in make_edges():
                c.executemany(insert, groups)
                count += edges
        self.set_meta(f"edge_count:{target_id}", str(count))
        return count

    def edges(self, target_id: int) -> Iterator[tuple[int, int, str]]:
        """Every (src, dst, kind) edge of a target, streamed."""
        for src, kind, dsts in self.conn.execute(
                "SELECT src, kind, dsts FROM edges WHERE target_id = ?", (target_id,)):
            for dst in dsts.split():
                yield src, int(dst), kind

    def edge_count(self, target_id: int) -> int:
        return int(self.meta(f"edge_count:{target_id}") or 0)

    def mark_stale(self, reasons: dict[int, str]) -> None:
        with self.transaction() as c:
            c.executemany("UPDATE units SET stale_reason = ? WHERE id = ?",
                          ((r, i) for i, r in reasons.items()))

    def stale_count(self, target_id: int) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM units WHERE target_id = ? AND "
                                 "stale_reason IS NOT NULL", (target_id,)).fetchone()[0]

    # read views ---------------------------------------------------------------------------
    def files(self, target_id: int) -> list[views.FileView]:
        return views.files(self.conn, target_id)

    def units(self, target_id: int) -> list[views.UnitView]:
        return views.units(self.conn, target_id)

    def aggregates(self, target_id: int,
                   kinds: list[tuple[str, str, int]] | None = None) -> dict[str, object]:
        return {**views.aggregates(self.conn, target_id, kinds),
                "edges": self.edge_count(target_id), "stale": self.stale_count(target_id)}

    def problem_units(self, target_id: int, limit: int) -> list[views.UnitView]:
        return views.problem_units(self.conn, target_id, limit)

    def plannable_units(self, target_id: int) -> list[int]:
        return views.plannable_units(self.conn, target_id)

    def store_plan(self, target_id: int, run_id: int,
                   assignments: Iterable[tuple[int, int, int]]) -> None:
        with self.transaction() as c:
            views.store_plan(c, target_id, run_id, assignments)

    def planned(self, target_id: int) -> dict[int, tuple[int, int]]:
        return views.planned(self.conn, target_id)

    def record_attempts(self, run_id: int, rows: Iterable[attempts.Attempt]) -> None:
        """Store translation attempts, all or none (one transaction)."""
        with self.transaction() as c:
            attempts.record(c, run_id, rows)

    def latest_attempts(self, target_id: int) -> dict[int, attempts.Attempt]:
        return attempts.latest(self.conn, target_id)

    def attempt_counts(self, target_id: int) -> dict[int, tuple[int, float]]:
        """unit id -> (attempts, their total cost)."""
        return attempts.per_unit(self.conn, target_id)

    def spend(self, target_id: int) -> tuple[int, int, float]:
        """Model tokens in and out, and cost, over every attempt of the target."""
        return attempts.spend(self.conn, target_id)

    def record_verdicts(self, run_id: int, rows: Iterable[verdicts.Verdict],
                        levels: Iterable[verdicts.UnitLevel]) -> None:
        """Store a verification run's verdicts and the unit levels they give (one
        transaction)."""
        with self.transaction() as c:
            verdicts.record(c, run_id, rows, levels)

    def unit_levels(self, target_id: int) -> dict[int, verdicts.UnitLevel]:
        return verdicts.levels(self.conn, target_id)

    def unit_verdicts(self, unit_id: int) -> list[verdicts.Verdict]:
        return verdicts.of_unit(self.conn, unit_id)

    def cached_response(self, key: str) -> llm_cache.CachedResponse | None:
        return llm_cache.get(self.conn, key)

    def cache_response(self, key: str, response: llm_cache.CachedResponse) -> None:
        llm_cache.put(self.conn, key, response)

    def static_units(self, target_id: int) -> set[int]:
        """Units with internal linkage (C `static`)."""
        return {r[0] for r in self.conn.execute(
            "SELECT id FROM units WHERE target_id = ? AND is_static != 0", (target_id,))}

    def unit_hashes(self, target_id: int) -> dict[int, str]:
        """Every unit's current source hash."""
        return dict(self.conn.execute("SELECT id, src_hash FROM units WHERE target_id = ?",
                                      (target_id,)))

    # resumable runs (refactor/execute) ---------------------------------------------------
    def snapshot(self, path: Path) -> None:
        """A consistent copy of the ledger at `path`, for workers to work against."""
        work.snapshot(self.conn, path)

    def work_rows(self, translate_run: int, verify_run: int | None, units: dict[int, str],
                  answers_before: set[str] | None) -> work.WorkRows:
        """What two runs of this (snapshot) ledger produced for `units`."""
        return work.read(self.conn, translate_run, verify_run, units, answers_before)

    def answer_keys(self) -> set[str]:
        return work.answer_keys(self.conn)

    def store_work(self, translate_run: int, verify_run: int, config: str,
                   rows: work.WorkRows, finished: bool = True) -> None:
        """A worker's results, all or none (one transaction), its units then finished
        unless `finished` is False (the model stopped early: they are to be done again)."""
        with self.transaction() as c:
            work.store(c, translate_run, verify_run, config, rows, finished)

    def finished_units(self, target_id: int, config: str) -> set[int]:
        return work.finished(self.conn, target_id, config)

    def forget_finished(self, target_id: int) -> None:
        with self.transaction() as c:
            work.forget(c, target_id)

    def interrupt_runs(self) -> int:
        """Mark runs left `running` by a killed process `interrupted` (writers only)."""
        with self.transaction() as c:
            return work.interrupt_runs(c)

    def outcomes(self, target_id: int) -> list[tuple[object, ...]]:
        """Every unit's results, comparable between runs (ledger/work.py)."""
        return work.outcomes(self.conn, target_id)
