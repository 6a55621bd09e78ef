"""A PostgreSQL connection that runs the ledger's SQL as written for SQLite.

The ledger's statements are portable SQL (`ON CONFLICT ... DO UPDATE`, `RETURNING`,
`COUNT(*) FILTER`) with two spellings of SQLite's that are translated here: `?`
placeholders become `%s`, and `BEGIN IMMEDIATE` (take the write lock now) becomes `BEGIN`.
The connection is in autocommit mode, so transactions are the ledger's explicit
BEGIN ... COMMIT, as with SQLite. Errors become `LedgerError`s naming the database.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib.resources import files
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from refactor.ledger.db import (
    SCHEMA_VERSION,
    LedgerError,
    check_version,
    migrate,
    schema_version,
    set_created,
)

if TYPE_CHECKING:
    import psycopg

PACKAGE = "refactor.ledger.postgres"
# Held while a ledger is created or migrated, so that two commands opening a fresh
# database at once do not both create it.
_SCHEMA_LOCK = 0x52464355


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise LedgerError("a postgresql:// ledger needs psycopg, which is not installed: "
                          "pip install 'refactor[postgres]'") from None
    return psycopg


def display_name(url: str) -> str:
    """The URL without its password, for messages and reports."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


@functools.lru_cache(maxsize=512)
def _translate(sql: str, with_params: bool) -> str:
    """The ledger's SQL in psycopg's spelling. Its statements have no `?` or `%` inside
    string literals, so a plain replacement is exact."""
    if sql.strip().upper() == "BEGIN IMMEDIATE":
        return "BEGIN"
    return sql.replace("%", "%%").replace("?", "%s") if with_params else sql


class PgConnection:
    """The ledger's connection to a PostgreSQL database (see the module's docstring)."""

    def __init__(self, raw: psycopg.Connection[Any], name: str) -> None:
        self.raw = raw
        self.name = name

    @contextmanager
    def _errors(self) -> Iterator[None]:
        psycopg = _psycopg()
        try:
            yield
        except psycopg.Error as exc:
            raise LedgerError(f"PostgreSQL ledger {self.name}: {str(exc).strip()}") from exc

    def execute(self, sql: str, parameters: Any = (), /) -> psycopg.Cursor[Any]:
        with self._errors():
            params = parameters or None
            return self.raw.execute(_translate(sql, params is not None), params)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> None:
        with self._errors(), self.raw.cursor() as cur:
            cur.executemany(_translate(sql, True), parameters)

    def executescript(self, sql_script: str, /) -> None:
        """Several statements, as one PostgreSQL simple query; an error rolls back."""
        with self._errors():
            try:
                self.raw.execute(sql_script)  # type: ignore[arg-type]
            except _psycopg().Error:
                idle = _psycopg().pq.TransactionStatus.IDLE
                if self.raw.info.transaction_status != idle:  # end what failed
                    self.raw.execute("ROLLBACK")
                raise

    def copy_rows(self, table: str, columns: tuple[str, ...], rows: Iterable[Any]) -> None:
        """Bulk-load `rows` into `table` with COPY."""
        with self._errors(), self.raw.cursor() as cur, cur.copy(
                f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:  # type: ignore[arg-type]
            for row in rows:
                copy.write_row(row)

    @property
    def closed(self) -> bool:
        return bool(self.raw.closed)

    def close(self) -> None:
        self.raw.close()


def _open(url: str, name: str) -> PgConnection:
    psycopg = _psycopg()
    try:
        raw = psycopg.connect(url, autocommit=True, connect_timeout=30)
    except psycopg.Error as exc:
        reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise LedgerError(f"cannot connect to the PostgreSQL ledger {name} ({reason}); check "
                          "the URL and that the server runs, and create the database "
                          "first (createdb NAME)") from None
    return PgConnection(raw, name)


def _has_ledger(conn: PgConnection) -> bool:
    return conn.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0]


def exists(url: str) -> bool:
    """Whether the database at `url` holds a ledger (its server must be reachable)."""
    conn = _open(url, display_name(url))
    try:
        return _has_ledger(conn)
    finally:
        conn.close()


def connect(url: str) -> PgConnection:
    """Open the ledger in the database at `url`, creating or migrating its tables."""
    name = display_name(url)
    conn = _open(url, name)
    try:
        conn.execute(f"SELECT pg_advisory_lock({_SCHEMA_LOCK})")
        try:
            _create_or_migrate(conn, name)
        finally:
            conn.execute(f"SELECT pg_advisory_unlock({_SCHEMA_LOCK})")
    except BaseException:
        conn.close()
        raise
    return conn


def _create_or_migrate(conn: PgConnection, name: str) -> None:
    if _has_ledger(conn):
        version = schema_version(conn)
        check_version(version, name, "pass --ledger with another database")
        if version < SCHEMA_VERSION:
            migrate(conn, version, PACKAGE, "migrations")
        return
    tables = conn.execute("SELECT count(*) FROM information_schema.tables WHERE "
                          "table_schema = current_schema()").fetchone()[0]
    if tables:
        raise LedgerError(f"the database {name} holds {tables} tables but no refactor ledger; "
                          "pass --ledger with the URL of an empty database")
    conn.executescript("BEGIN;" + files(PACKAGE).joinpath("schema.sql").read_text("utf-8")
                       + ";COMMIT;")
    set_created(conn)
    migrate(conn, 1, PACKAGE, "migrations")
