"""Crash safety: a run killed with SIGKILL at random moments and started again ends with
the ledger an uninterrupted run gives, every unit translated once; SIGINT stops after the
running work items, stores them and says how to go on; two runs on one ledger cannot
corrupt it."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, run_refactor
from tests.execute._target import FAST, c_target, outcomes, run_statuses

pytestmark = pytest.mark.xdist_group("execute")


def _start(target: Path, ledger: Path | str, *extra: str,
           cwd: Path = REPO) -> subprocess.Popen[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "refactor", "run", str(target), "--ledger", str(ledger),
         *FAST, *extra], cwd=cwd, env=env, text=True, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, start_new_session=True)


Baseline = tuple[Path, dict[str, list[tuple[object, ...]]], float]


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Baseline:
    """The target, its uninterrupted run's outcomes, and that run's seconds."""
    tmp_path = tmp_path_factory.mktemp("baseline")
    target = c_target(tmp_path / "src")
    started = time.monotonic()
    done = run_refactor("run", target, "--ledger", tmp_path / "base.db", *FAST)
    seconds = time.monotonic() - started
    assert done.code == 0, done.stdout + done.stderr
    base = outcomes(tmp_path / "base.db")
    units = base["src"]
    assert len(units) == 24 and all(u[3] == 1 for u in units)  # one attempt each
    assert sum(1 for u in units if u[10] == "fuzzed") >= 18, units
    return target, base, seconds


def test_sigkill_at_random_moments_then_resume_equals_an_uninterrupted_run(
        tmp_path: Path, baseline: Baseline) -> None:
    target, base, seconds = baseline
    rng = random.Random(20261126)
    partial = 0
    for trial in range(3):
        ledger = tmp_path / f"trial{trial}" / "ledger.db"
        for _ in range(2):  # killed twice, at random moments of the run
            proc = _start(target, ledger)
            time.sleep(rng.uniform(0.3, 0.9 * seconds))
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        if ledger.exists():
            with sqlite3.connect(ledger) as conn:
                partial += conn.execute("SELECT COUNT(*) FROM unit_work").fetchone()[0] > 0
        done = run_refactor("run", target, "--ledger", ledger, *FAST)
        assert done.code == 0, done.stdout + done.stderr
        # nothing lost, nothing twice: the same attempts (one per unit), levels, verdicts
        assert outcomes(ledger) == base, f"trial {trial}"
        assert "running" not in run_statuses(ledger)  # the killed runs are marked
        assert sqlite3.connect(ledger).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert partial, "no kill landed after a work item was stored: the trials proved nothing"


def test_sigint_lets_running_items_finish_and_says_how_to_go_on(
        tmp_path: Path, baseline: Baseline) -> None:
    target, base, _ = baseline
    ledger = tmp_path / "stopped.db"
    proc = _start(target, ledger, "--workers", "1")
    deadline = time.monotonic() + 120
    stored = 0
    while stored == 0 and time.monotonic() < deadline:  # the first item is in the ledger
        time.sleep(0.2)
        try:
            with sqlite3.connect(ledger) as conn:
                stored = conn.execute("SELECT COUNT(*) FROM unit_work").fetchone()[0]
        except sqlite3.OperationalError:
            pass
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: the whole process group, workers too
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 130, out
    assert "stopping: the running work items finish" in out
    assert "run the same command again to go on" in out
    with sqlite3.connect(ledger) as conn:
        finished = conn.execute("SELECT COUNT(*) FROM unit_work").fetchone()[0]
    assert stored <= finished < 24  # stopped early, and what ran is stored
    assert run_statuses(ledger)[-2:] == ["interrupted", "interrupted"]
    done = run_refactor("run", target, "--ledger", ledger, *FAST)
    assert done.code == 0, done.stdout + done.stderr
    assert f"{finished} units finished by an earlier run were kept" in done.stdout
    assert outcomes(ledger) == base


def test_two_runs_on_one_ledger_cannot_corrupt_it(tmp_path: Path,
                                                  baseline: Baseline) -> None:
    target, base, _ = baseline
    ledger = tmp_path / "shared.db"
    first, second = _start(target, ledger), _start(target, ledger)
    outs = [p.communicate(timeout=300)[0] for p in (first, second)]
    codes = sorted(p.returncode for p in (first, second))
    assert codes == [0, 1], outs
    refused = outs[[first.returncode, second.returncode].index(1)]
    assert "in use by `refactor run`" in refused, refused
    assert outcomes(ledger) == base
    assert sqlite3.connect(ledger).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_unit_whose_module_left_the_crate_is_done_again(tmp_path: Path) -> None:
    """A cached ledger without its crate (a fresh CI checkout): finished units whose code
    is not in the crate are translated again, so every run leaves a whole crate."""
    target = c_target(tmp_path / "src", files=2)
    ledger = tmp_path / "out" / "ledger.db"
    assert run_refactor("run", target, "--ledger", ledger, *FAST).code == 0
    module = tmp_path / "out" / "rust" / "src" / "src" / "m1.rs"
    assert module.is_file(), sorted((tmp_path / "out" / "rust").rglob("*.rs"))
    first = module.read_text()
    module.unlink()
    again = run_refactor("run", target, "--ledger", ledger, *FAST)
    assert again.code == 0, again.stdout + again.stderr
    assert "4 units translated and verified" in again.stdout
    assert "4 units finished by an earlier run were kept" in again.stdout
    assert module.read_text() == first


@pytest.mark.xdist_group("postgresql")
def test_a_killed_run_on_a_postgresql_ledger_resumes_the_same(
        tmp_path: Path, baseline: Baseline, pg_url: str) -> None:
    """The same crash and resume with the ledger in PostgreSQL (crates and work go to
    .refactor/ of the directory the command runs in)."""
    from refactor.ledger import Ledger

    target, base, seconds = baseline
    proc = _start(target, pg_url, cwd=tmp_path)
    time.sleep(0.6 * seconds)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = run_refactor("run", target, "--ledger", pg_url, *FAST, cwd=tmp_path)
    assert done.code == 0, done.stdout + done.stderr
    with Ledger(pg_url) as led:
        (tid, name, _, _), = led.targets()
        assert sorted(led.outcomes(tid)) == sorted(base[name])
        runs = [r[0] for r in led.conn.execute("SELECT status FROM runs ORDER BY id")]
    assert "running" not in runs and "interrupted" in runs
