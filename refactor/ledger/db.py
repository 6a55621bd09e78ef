"""Opening the ledger: an embedded SQLite database, created and migrated on first use."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

SCHEMA_VERSION = 5
# Version N is reached from N-1 by migrations/<N, three digits>_*.sql; schema.sql is version 1.
APPLICATION_ID = 0x52464354  # "RFCT": marks a SQLite file as a refactor ledger


class LedgerError(Exception):
    """A ledger that cannot be opened or used; the message says what to do next."""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the ledger at `path`, checking that it is one of ours."""
    path = Path(path)
    if path.exists() and path.is_dir():
        raise LedgerError(f"ledger {path} is a directory; pass --ledger FILE.db")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LedgerError(f"cannot create the ledger's directory {path.parent}: "
                          f"{exc.strerror}; pass --ledger with a writable path") from None
    fresh = not path.exists() or path.stat().st_size == 0
    try:
        conn = sqlite3.connect(path, timeout=30.0, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if not fresh and app_id != APPLICATION_ID:
            conn.close()
            raise LedgerError(f"{path} is a SQLite database but not a refactor ledger; "
                              "pass --ledger with another path")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        if fresh:
            _create(conn)
        else:
            _check_version(conn, path)
    except sqlite3.DatabaseError as exc:
        raise LedgerError(f"ledger {path} is corrupt or not a database ({exc}); move it "
                          "away (nothing can be read from it) or pass --ledger NEW.db") from None
    return conn


def _create(conn: sqlite3.Connection) -> None:
    script = files("refactor.ledger").joinpath("schema.sql").read_text("utf-8")
    conn.executescript(script)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('created_at', ?)", (now(),))
    _migrate(conn, 1)


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    """Bring a ledger at `version` up to SCHEMA_VERSION, one migration per version."""
    scripts = {int(f.name[:3]): f for f in files("refactor.ledger").joinpath("migrations")
               .iterdir() if f.name.endswith(".sql")}
    for step in range(version + 1, SCHEMA_VERSION + 1):
        conn.executescript("BEGIN;" + scripts[step].read_text("utf-8") + ";COMMIT;")
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                 (str(SCHEMA_VERSION),))


def _check_version(conn: sqlite3.Connection, path: Path) -> None:
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    version = int(row[0]) if row else 0
    if version > SCHEMA_VERSION:
        raise LedgerError(f"ledger {path} has schema version {version}, newer than this "
                          f"refactor ({SCHEMA_VERSION}); upgrade refactor")
    if version < 1:
        raise LedgerError(f"ledger {path} has unknown schema version {version}; move it "
                          "away or pass --ledger NEW.db")
    if version < SCHEMA_VERSION:
        _migrate(conn, version)
