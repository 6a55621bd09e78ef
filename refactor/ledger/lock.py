"""One writer per ledger: commands that change results hold an exclusive lock.

SQLite serialises each transaction, but two `refactor run`s on one ledger would still
interleave their runs, attempts and verdicts of the same units (and build in the same
work directories). A command that writes takes `LEDGER.lock` with `flock` (released by
the kernel when the process dies, so a killed run never leaves a stale lock); a second
writer is refused with who holds it. Readers (status, report, dashboard) take no lock.

A PostgreSQL ledger has no file to lock: the writer holds a session advisory lock on the
ledger's own connection instead (`AdvisoryLock`), released by the server when the
connection ends, and names itself in its connection's `application_name`, which the
refused command reads back from `pg_stat_activity`.
"""

from __future__ import annotations

import fcntl
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from refactor.ledger.db import APPLICATION_ID, LedgerError

if TYPE_CHECKING:
    from refactor.ledger.postgres import PgConnection


class LedgerBusy(LedgerError):
    """Another process writes to this ledger."""


def _holder(command: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"`refactor {command}` (pid {os.getpid()}, since {stamp})"


def _refusal(ledger: object, holder: str) -> LedgerBusy:
    return LedgerBusy(f"{ledger} is in use by {holder or 'another refactor command'}; wait "
                      "for it to finish, or give this command its own --ledger")


class WriterLock:
    def __init__(self, ledger: Path, command: str) -> None:
        self.path = ledger.with_name(ledger.name + ".lock")
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(self.fd, 300, 0).decode("utf-8", "replace").strip()
            os.close(self.fd)
            raise _refusal(ledger, holder) from None
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, _holder(command).encode(), 0)

    def release(self) -> None:
        if self.fd >= 0:
            os.ftruncate(self.fd, 0)
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = -1


class AdvisoryLock:
    """The writer lock of a PostgreSQL ledger: `pg_try_advisory_lock` on its connection."""

    KEY = APPLICATION_ID  # advisory locks are per database: one key serves every ledger

    def __init__(self, conn: PgConnection, command: str) -> None:
        self.conn: PgConnection | None = None
        # application_name holds at most 63 bytes; the holder's text fits in it.
        conn.execute("SELECT set_config('application_name', ?, false)",
                     (_holder(command)[:63],))
        if not conn.execute("SELECT pg_try_advisory_lock(?)", (self.KEY,)).fetchone()[0]:
            row = conn.execute(
                "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a "
                "ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND "
                "l.objid = ? AND l.database = (SELECT oid FROM pg_database WHERE "
                "datname = current_database()) LIMIT 1", (self.KEY,)).fetchone()
            raise _refusal(conn.name, row[0] if row else "")
        self.conn = conn

    def release(self) -> None:
        """Unlock; a closed connection has released it already."""
        if self.conn is not None and not self.conn.closed:
            self.conn.execute("SELECT pg_advisory_unlock(?)", (self.KEY,))
        self.conn = None
