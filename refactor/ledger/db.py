"""Opening the ledger: an embedded SQLite database (or a PostgreSQL one, see
refactor/ledger/postgres/), created and migrated on first use."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any, Protocol

SCHEMA_VERSION = 5
# Version N is reached from N-1 by migrations/<N, three digits>_*.sql; schema.sql is version 1.
# refactor/ledger/postgres/ holds the same scripts in PostgreSQL's dialect.
APPLICATION_ID = 0x52464354  # "RFCT": marks a SQLite file as a refactor ledger
URL_SCHEMES = ("postgresql://", "postgres://")


class LedgerError(Exception):
    """A ledger that cannot be opened or used; the message says what to do next."""


class Cursor(Protocol):
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """What the ledger's SQL runs on: a `sqlite3.Connection`, or a `PgConnection` that
    takes the same SQL (`?` placeholders, `BEGIN IMMEDIATE`)."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...
    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Any: ...
    def executescript(self, sql_script: str, /) -> Any: ...
    def close(self) -> None: ...


def is_url(location: str | Path) -> bool:
    """A PostgreSQL URL (`postgresql://user@host:port/db`) rather than a SQLite file."""
    return isinstance(location, str) and location.startswith(URL_SCHEMES)


def ledger_exists(location: Path | str) -> bool:
    """Whether a ledger is at `location`: a file, or a database holding the ledger's tables
    (connecting to it; an unreachable server raises `LedgerError`)."""
    if is_url(location):
        from refactor.ledger import postgres

        return postgres.exists(str(location))
    return Path(location).exists()


def ledger_name(location: Path | str) -> str:
    """How messages name the ledger at `location` (a URL without its password)."""
    if is_url(location):
        from refactor.ledger import postgres

        return postgres.display_name(str(location))
    return str(location)


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
            version = schema_version(conn)
            check_version(version, str(path), "pass --ledger NEW.db")
            if version < SCHEMA_VERSION:
                migrate(conn, version, "refactor.ledger", "migrations")
    except sqlite3.DatabaseError as exc:
        raise LedgerError(f"ledger {path} is corrupt or not a database ({exc}); move it "
                          "away (nothing can be read from it) or pass --ledger NEW.db") from None
    return conn


def _create(conn: sqlite3.Connection) -> None:
    script = files("refactor.ledger").joinpath("schema.sql").read_text("utf-8")
    conn.executescript(script)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    set_created(conn)
    migrate(conn, 1, "refactor.ledger", "migrations")


def set_created(conn: Connection) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES ('created_at', ?) ON CONFLICT(key) "
                 "DO UPDATE SET value = excluded.value", (now(),))


def migrate(conn: Connection, version: int, package: str, folder: str,
            spelling: Callable[[str], str] = str) -> None:
    """Bring a ledger at `version` up to SCHEMA_VERSION, one migration per version, each
    in its own transaction (the scripts are `package`/`folder`/NNN_*.sql, respelled by
    `spelling` for another database)."""
    scripts = {int(f.name[:3]): f for f in files(package).joinpath(folder).iterdir()
               if f.name.endswith(".sql")}
    for step in range(version + 1, SCHEMA_VERSION + 1):
        conn.executescript("BEGIN;" + spelling(scripts[step].read_text("utf-8"))
                           + ";COMMIT;")
    conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', ?) ON CONFLICT(key) "
                 "DO UPDATE SET value = excluded.value", (str(SCHEMA_VERSION),))


def schema_version(conn: Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def check_version(version: int, name: str, elsewhere: str) -> None:
    """Refuse a ledger this refactor cannot use; `elsewhere` says how to use another."""
    if version > SCHEMA_VERSION:
        raise LedgerError(f"ledger {name} has schema version {version}, newer than this "
                          f"refactor ({SCHEMA_VERSION}); upgrade refactor")
    if version < 1:
        raise LedgerError(f"ledger {name} has unknown schema version {version}; move it "
                          f"away or {elsewhere}")
