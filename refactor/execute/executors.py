"""Where work items run: processes on this machine (one per item), or a Ray cluster.

Both run `run_item` on the items and yield each result as it finishes; neither writes the
ledger. They submit no more items than they have slots, so that a stop request (SIGINT)
lets the items in flight finish and starts no new one. A worker that dies (killed, out of
memory) has its items run again, up to `TRIES` times in all; an item that keeps killing
its worker comes back as an error result naming it.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import signal
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, Protocol

from refactor.execute.item import ItemResult, WorkItem, run_item

TRIES = 3
MODEL_RESOURCE = "refactor_model_calls"  # Ray custom resource: model calls at once
_PR_SET_PDEATHSIG = 1


class ExecutorError(Exception):
    """An executor that cannot start; the message says what to do."""


class Executor(Protocol):
    name: str
    slots: int  # items running at once

    def run(self, items: Sequence[WorkItem], snapshot: Path,
            stop: Callable[[], bool]) -> Iterator[ItemResult]: ...

    def close(self) -> None: ...


def machine_workers() -> int:
    """Worker processes sized to this machine: one per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _worker_init() -> None:
    """A local worker: Ctrl-C is the driver's to handle (it lets running items finish),
    and the worker dies with the driver (Linux), so a killed run leaves no orphan."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _child(work: Callable[[WorkItem, str], ItemResult], item: WorkItem, snapshot: str,
           out: Connection) -> None:
    """A local worker process: one item, its result sent to the driver."""
    _worker_init()
    out.send(work(item, snapshot))
    out.close()


class LocalExecutor:
    """Up to `workers` processes on this machine, one per item (spawned: no state shared
    with the driver or between items; the start, about a second, is small beside an
    item). The driver sees which process died, so only its item is tried again."""

    name = "local"

    def __init__(self, workers: int | None = None,
                 work: Callable[[WorkItem, str], ItemResult] = run_item) -> None:
        self.slots = workers or machine_workers()
        self._work = work  # module-level, so that a spawned worker can import it

    def run(self, items: Sequence[WorkItem], snapshot: Path,
            stop: Callable[[], bool]) -> Iterator[ItemResult]:
        spawn = get_context("spawn")
        pending = deque((item, 1) for item in items)
        running: dict[Connection, tuple[BaseProcess, WorkItem, int]] = {}
        try:
            while pending or running:
                while pending and len(running) < self.slots and not stop():
                    item, tries = pending.popleft()
                    receive, send = spawn.Pipe(duplex=False)
                    proc = spawn.Process(target=_child, name=f"refactor {item.key}",
                                         args=(self._work, item, str(snapshot), send))
                    proc.start()
                    send.close()  # the child holds the other end: EOF when it dies
                    running[receive] = (proc, item, tries)
                if not running:
                    return
                for ready in wait(list(running), timeout=0.5):
                    assert isinstance(ready, Connection)
                    proc, item, tries = running.pop(ready)
                    try:
                        result: ItemResult | None = ready.recv()
                    except EOFError:  # the process died before sending its result
                        result = None
                    ready.close()
                    proc.join()
                    if result is not None:
                        yield result
                    elif tries >= TRIES:
                        yield ItemResult(item.key, error=(
                            f"{item.key}: its worker died {tries} times (exit status "
                            f"{proc.exitcode}: killed, or out of memory); its units stay "
                            "unfinished"))
                    else:
                        pending.appendleft((item, tries + 1))
        finally:
            for proc, _, _ in running.values():  # only when the driver gave up early
                proc.kill()
                proc.join()

    def close(self) -> None:
        pass


class RayExecutor:
    """Items as Ray tasks: `cpus` CPUs reserved per item (cargo, the C compiler and the
    workloads run inside it), items that call a model also reserve their concurrency in
    the cluster-wide resource `refactor_model_calls`; Ray retries an item whose worker
    died. Without `address` (and RAY_ADDRESS unset) a local cluster of `workers` CPUs is
    started, and stopped at `close`."""

    name = "ray"

    def __init__(self, address: str | None, workers: int | None, model_calls: int,
                 cpus: float = 1.0,
                 work: Callable[[WorkItem, bytes], ItemResult] = run_item) -> None:
        try:
            import ray
        except ImportError:
            raise ExecutorError("--executor ray needs Ray, which is not installed: "
                                "pip install 'refactor[ray]' (or use --executor local)"
                                ) from None
        self._ray: Any = ray
        self.cpus = cpus
        address = address or os.environ.get("RAY_ADDRESS") or None
        self._started = address is None
        options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                   "logging_level": logging.WARNING,
                                   "ignore_reinit_error": True}
        if address is None:
            options.update(num_cpus=workers or machine_workers(),
                           resources={MODEL_RESOURCE: model_calls})
        try:
            ray.init(address=address, **options)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise ExecutorError(f"cannot reach the Ray cluster at {address}: {exc}; check "
                                "--ray-address / RAY_ADDRESS and that `ray status` works "
                                "there") from None
        resources = ray.cluster_resources()
        self.slots = max(1, int(resources.get("CPU", 1) // cpus))
        self.model_calls = int(resources.get(MODEL_RESOURCE, 0))
        self._remote = ray.remote(work)

    def run(self, items: Sequence[WorkItem], snapshot: Path,
            stop: Callable[[], bool]) -> Iterator[ItemResult]:
        ray = self._ray
        if any(i.uses_model for i in items) and self.model_calls < 1:
            raise ExecutorError(
                f"the Ray cluster has no `{MODEL_RESOURCE}` resource, which caps model "
                "calls cluster-wide: start its head node with `ray start --head "
                f"--resources='{{\"{MODEL_RESOURCE}\": 16}}'`")
        blob = ray.put(snapshot.read_bytes())
        pending = deque(items)
        running: dict[Any, WorkItem] = {}
        try:
            while pending or running:
                while pending and len(running) < self.slots and not stop():
                    item = pending.popleft()
                    model = item.task.model
                    need = ({MODEL_RESOURCE: min(self.model_calls, model.concurrency)}
                            if item.uses_model and model is not None else {})
                    task = self._remote.options(num_cpus=self.cpus, resources=need,
                                                max_retries=TRIES - 1)
                    running[task.remote(item, blob)] = item
                if not running:
                    return
                done, _ = ray.wait(list(running), num_returns=1, timeout=0.5)
                for ref in done:
                    item = running.pop(ref)
                    try:
                        yield ray.get(ref)
                    except ray.exceptions.RayError as exc:
                        yield ItemResult(item.key, error=(
                            f"{item.key}: Ray gave up on it after {TRIES} tries "
                            f"({type(exc).__name__}: {str(exc).splitlines()[0][:200]}); "
                            "its units stay unfinished"))
        finally:
            for ref in running:
                ray.cancel(ref, force=True)

    def close(self) -> None:
        if self._started:
            self._ray.shutdown()


def make_executor(name: str, workers: int | None, ray_address: str | None = None,
                  model_calls: int = 4) -> Executor:
    if name == "local":
        return LocalExecutor(workers)
    if name == "ray":
        return RayExecutor(ray_address, workers, model_calls)
    raise ExecutorError(f"--executor {name!r}: use local or ray")
