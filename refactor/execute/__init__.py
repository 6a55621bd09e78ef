"""Running translate and verify as work items on an executor, resumably (`refactor run`)."""

from refactor.execute.driver import ITEM_LINES, Job, Outcome, config_key, execute
from refactor.execute.executors import (
    Executor,
    ExecutorError,
    LocalExecutor,
    RayExecutor,
    machine_workers,
    make_executor,
)
from refactor.execute.item import ItemResult, Task, WorkItem, run_item

__all__ = ["ITEM_LINES", "Executor", "ExecutorError", "ItemResult", "Job", "LocalExecutor",
           "Outcome", "RayExecutor", "Task", "WorkItem", "config_key", "execute",
           "machine_workers", "make_executor", "run_item"]
