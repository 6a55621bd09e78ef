"""One writer per ledger: commands that change results hold an exclusive lock.

SQLite serialises each transaction, but two `refactor run`s on one ledger would still
interleave their runs, attempts and verdicts of the same units (and build in the same
work directories). A command that writes takes `LEDGER.lock` with `flock` (released by
the kernel when the process dies, so a killed run never leaves a stale lock); a second
writer is refused with who holds it. Readers (status, report, dashboard) take no lock.
"""

from __future__ import annotations

import fcntl
import os
from datetime import UTC, datetime
from pathlib import Path

from refactor.ledger.db import LedgerError


class LedgerBusy(LedgerError):
    """Another process writes to this ledger."""


class WriterLock:
    def __init__(self, ledger: Path, command: str) -> None:
        self.path = ledger.with_name(ledger.name + ".lock")
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(self.fd, 300, 0).decode("utf-8", "replace").strip()
            os.close(self.fd)
            raise LedgerBusy(
                f"{ledger} is in use by {holder or 'another refactor command'}; wait for "
                "it to finish, or give this command its own --ledger") from None
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, f"`refactor {command}` (pid {os.getpid()}, since {stamp})".encode(),
                  0)

    def release(self) -> None:
        if self.fd >= 0:
            os.ftruncate(self.fd, 0)
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = -1
