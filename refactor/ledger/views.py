"""Read-side queries: what the CLI shows and what later stages start from."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import NamedTuple

from refactor.ledger.db import Connection


class UnitView(NamedTuple):
    id: int
    uid: str
    kind: str
    name: str
    language: str
    path: str
    start_line: int
    end_line: int
    loc: int
    parent: str | None
    reason: str | None
    stale_reason: str | None


class FileView(NamedTuple):
    path: str
    language: str | None
    loc: int
    status: str
    reason: str | None
    warnings: tuple[tuple[int, str], ...]


def files(conn: Connection, target_id: int) -> list[FileView]:
    rows = conn.execute(
        "SELECT path, language, loc, status, reason, warnings FROM files "
        "WHERE target_id = ? ORDER BY path", (target_id,))
    return [FileView(r[0], r[1], r[2], r[3], r[4],
                     tuple(tuple(w) for w in json.loads(r[5])) if r[5] else ())  # type: ignore[misc]
            for r in rows]


# A unit's id within its target is "path:kind:name" (DESIGN.md: identity is target, path,
# kind, name); it is built here, in SQL, and nowhere else.
_UNIT_VIEW = (
    "SELECT u.id, f.path || ':' || u.kind || ':' || u.name, u.kind, u.name, u.language, "
    "f.path, u.start_line, u.end_line, u.loc, u.parent, u.reason, u.stale_reason "
    "FROM units u JOIN files f ON f.id = u.file_id WHERE u.target_id = ? ")


def units(conn: Connection, target_id: int) -> list[UnitView]:
    rows = conn.execute(_UNIT_VIEW + "ORDER BY f.path, u.start_line, u.kind, u.name",
                        (target_id,))
    return [UnitView(*r) for r in rows]


def plannable_units(conn: Connection, target_id: int) -> list[int]:
    """Units translated on their own: not COBOL paragraphs and sections (program parts)."""
    rows = conn.execute("SELECT id FROM units WHERE target_id = ? AND kind NOT IN "
                        "('paragraph', 'section') ORDER BY id", (target_id,))
    return [r[0] for r in rows]


def store_plan(conn: Connection, target_id: int, run_id: int,
               assignments: Iterable[tuple[int, int, int]]) -> None:
    """Replace the target's plan (inside the caller's transaction)."""
    conn.execute("DELETE FROM plans WHERE target_id = ?", (target_id,))
    conn.executemany("INSERT INTO plans(target_id, unit_id, wave, component, run_id) "
                     "VALUES (?, ?, ?, ?, ?)",
                     ((target_id, u, w, c, run_id) for u, w, c in assignments))


def planned(conn: Connection, target_id: int) -> dict[int, tuple[int, int]]:
    """unit id -> (wave, component) of the target's latest plan."""
    rows = conn.execute("SELECT unit_id, wave, component FROM plans WHERE target_id = ?",
                        (target_id,))
    return {r[0]: (r[1], r[2]) for r in rows}


def aggregates(conn: Connection, target_id: int,
               kinds: list[tuple[str, str, int]] | None = None) -> dict[str, object]:
    """Totals of a target: files, units, code lines, skipped files, problem and stale
    units; per language (files, code lines); per language and kind (units). `kinds`, when
    the caller counted them already, spares a pass over every unit."""
    files, loc, skipped = conn.execute(
        "SELECT COUNT(*) FILTER (WHERE status = 'scanned'), "
        "COALESCE(SUM(loc) FILTER (WHERE status = 'scanned'), 0), "
        "COUNT(*) FILTER (WHERE status = 'skipped') FROM files WHERE target_id = ?",
        (target_id,)).fetchone()
    if kinds is None:
        kinds = conn.execute("SELECT language, kind, COUNT(*) FROM units WHERE target_id = ? "
                             "GROUP BY language, kind ORDER BY language, kind",
                             (target_id,)).fetchall()
    languages = conn.execute("SELECT language, COUNT(*), SUM(loc) FROM files WHERE "
                             "target_id = ? AND status = 'scanned' GROUP BY language "
                             "ORDER BY language", (target_id,)).fetchall()
    problems = conn.execute("SELECT COUNT(*) FROM units WHERE target_id = ? AND reason IS "
                            "NOT NULL", (target_id,)).fetchone()[0]
    return {"files": files, "loc": loc, "skipped": skipped, "problems": problems,
            "units": sum(n for _, _, n in kinds),
            "languages": [list(r) for r in languages], "kinds": [list(r) for r in kinds]}


def problem_units(conn: Connection, target_id: int, limit: int) -> list[UnitView]:
    """The first `limit` units that carry a problem (a parse error)."""
    rows = conn.execute(_UNIT_VIEW + "AND u.reason IS NOT NULL ORDER BY f.path, u.start_line "
                        "LIMIT ?", (target_id, limit))
    return [UnitView(*r) for r in rows]
