"""The writer lock on both backends: a second writer is refused naming the first, readers
are not, and the lock goes with its holder (closed, or killed)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from refactor.ledger import Ledger, is_url
from refactor.ledger.lock import LedgerBusy
from tests.conftest import REPO

HOLDER = r"in use by `refactor run` \(pid {pid}, since 20\d\d-\d\d-\d\dT[\d:]+Z\)"


def test_a_second_writer_is_refused_naming_the_first(ledger_url: str) -> None:
    with Ledger(ledger_url, "run") as led:
        with pytest.raises(LedgerBusy, match=HOLDER.format(pid=os.getpid())) as refused:
            Ledger(ledger_url, "verify")
        assert "give this command its own --ledger" in str(refused.value)
        with Ledger(ledger_url) as reader:  # status, report, dashboard
            assert reader.targets() == []
        led.target("still", "/usable")  # the refusal did not disturb the holder
    with Ledger(ledger_url, "verify") as led:  # released on close
        assert [t[1] for t in led.targets()] == ["still"]


def test_a_killed_writer_leaves_no_lock(ledger_url: str) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import time; from refactor.ledger import Ledger; "
         f"led = Ledger({ledger_url!r}, 'run'); print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True, cwd=REPO)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with pytest.raises(LedgerBusy, match=HOLDER.format(pid=holder.pid)):
        Ledger(ledger_url, "run")
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    # The kernel drops a flock at once; PostgreSQL ends the session when it reads the
    # closed socket, a moment later.
    deadline = time.monotonic() + (30 if is_url(ledger_url) else 0)
    while True:
        try:
            Ledger(ledger_url, "run").close()
            break
        except LedgerBusy:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
