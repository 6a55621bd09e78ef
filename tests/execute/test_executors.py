"""The two executors: the same demo run through the local process pool and through Ray
(a local cluster started by `ray.init()`) gives identical ledgers; a worker that dies is
replaced and its item run again; without Ray installed, `--executor ray` says how to get
it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from refactor.execute import ItemResult, LocalExecutor, Task, WorkItem
from refactor.execute.executors import TRIES
from refactor.model.target import Target
from tests.conftest import REPO, run_refactor
from tests.execute._target import outcomes

pytestmark = pytest.mark.xdist_group("execute")


def test_local_and_ray_executors_give_identical_ledgers(tmp_path: Path) -> None:
    pytest.importorskip("ray", reason="pip install 'refactor[ray]' to test the Ray executor")
    for executor in ("local", "ray"):
        for target in ("kvstore", "payroll"):
            done = run_refactor("run", f"targets/{target}.toml", "--executor", executor,
                                "--workers", "2", "--item-lines", "400", "--ledger",
                                tmp_path / executor / "ledger.db", cwd=REPO, timeout=600)
            assert done.code == 0, done.stdout + done.stderr
            assert f"work items on {executor} (2 at once)" in done.stdout
    local, ray = outcomes(tmp_path / "local/ledger.db"), outcomes(tmp_path / "ray/ledger.db")
    assert set(local) == {"kvstore", "payroll"}
    for name in local:
        assert local[name] == ray[name], name
        assert any(u[11] for u in local[name]), f"{name}: nothing secured, nothing compared"


def test_ray_missing_says_how_to_get_it(tmp_path: Path) -> None:
    code = ("import sys; sys.modules['ray'] = None; sys.argv = ['refactor', 'run', "
            f"{str(REPO / 'targets/payroll.toml')!r}, '--executor', 'ray', '--ledger', "
            f"{str(tmp_path / 'l.db')!r}]; from refactor.cli.app import main; main()")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=REPO, env={**os.environ, "COLUMNS": "200"}, timeout=120)
    assert proc.returncode == 1
    assert "pip install 'refactor[ray]'" in proc.stderr, proc.stderr


# Work functions for the local pool: module level, so that a spawned worker imports them.
def _dies_once(item: WorkItem, snapshot: str) -> ItemResult:
    marker = Path(item.work_dir) / "tried"
    if not marker.exists():
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
        os._exit(9)  # the worker process dies, as if killed
    return ItemResult(item.key)


def _always_dies(item: WorkItem, snapshot: str) -> ItemResult:
    os._exit(9)


def _item(tmp_path: Path, key: str) -> WorkItem:
    task = Task(1, "t", tmp_path, (), (), Target(name="t"), "rules", None, 1)
    return WorkItem(key, task, {1: "h"}, 1, str(tmp_path / key))


def test_a_dead_worker_is_replaced_and_its_item_run_again(tmp_path: Path) -> None:
    items = [_item(tmp_path, f"t#{i}") for i in range(3)]
    results = list(LocalExecutor(2, _dies_once).run(items, tmp_path / "s.db", lambda: False))
    assert sorted(r.key for r in results) == ["t#0", "t#1", "t#2"]
    assert all(r.error is None for r in results)
    results = list(LocalExecutor(1, _always_dies).run(items[:1], tmp_path / "s.db",
                                                      lambda: False))
    assert [r.error for r in results] == [
        f"t#0: its worker died {TRIES} times (exit status 9: killed, or out of memory); "
        "its units stay unfinished"]


def _ray_dies_once(item: WorkItem, snapshot: bytes) -> ItemResult:
    return _dies_once(item, "")


def test_ray_retries_an_item_whose_worker_died(tmp_path: Path) -> None:
    pytest.importorskip("ray", reason="pip install 'refactor[ray]' to test the Ray executor")
    from ray import cloudpickle  # the test module goes to the workers by value

    from refactor.execute import RayExecutor

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    executor = RayExecutor(None, 2, 1, work=_ray_dies_once)
    try:
        snapshot = tmp_path / "s.db"
        snapshot.write_bytes(b"")
        items = [_item(tmp_path, f"t#{i}") for i in range(3)]
        results = list(executor.run(items, snapshot, lambda: False))
    finally:
        executor.close()
    assert sorted(r.key for r in results) == ["t#0", "t#1", "t#2"]
    assert all(r.error is None for r in results)
    assert all((tmp_path / f"t#{i}" / "tried").exists() for i in range(3))  # died once
