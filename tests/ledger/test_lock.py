"""One writer per ledger: a second command that writes is refused, naming the first; a
killed writer leaves no stale lock; readers are never blocked."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from refactor.ledger import Ledger
from refactor.ledger.lock import LedgerBusy
from tests.conftest import REPO


def test_a_second_writer_is_refused_and_a_reader_is_not(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    with Ledger(path, "run"):
        with pytest.raises(LedgerBusy, match=r"in use by `refactor run` \(pid \d+, since"):
            Ledger(path, "verify")
        with Ledger(path) as reader:  # status, report, dashboard
            assert reader.targets() == []
    with Ledger(path, "verify"):  # released on close
        pass


def test_a_killed_writer_leaves_no_lock(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from refactor.ledger import Ledger; "
         f"Ledger({str(path)!r}, 'run'); print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True, cwd=REPO)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with pytest.raises(LedgerBusy):
        Ledger(path, "run")
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    with Ledger(path, "run"):
        pass


def test_a_refactor_command_on_a_ledger_in_use_is_refused(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "l.db"
    holder = subprocess.Popen(  # holds the writer lock until its stdin closes
        [sys.executable, "-c", "import sys; from refactor.ledger import Ledger; "
         f"led = Ledger({str(ledger)!r}, 'run'); print('held', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    for command in ("scan", "run"):
        refused = cli(command, REPO / "targets" / "payroll.toml", "--ledger", ledger)
        assert refused.code == 1
        assert "is in use by `refactor run` (pid" in refused.stderr
        assert "give this command its own --ledger" in refused.stderr
    holder.communicate("")
    assert cli("scan", REPO / "targets" / "payroll.toml", "--ledger", ledger).code == 0
    with Ledger(ledger) as led:
        assert led.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
