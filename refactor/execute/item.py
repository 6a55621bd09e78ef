"""One work item: a few clusters of units, translated and verified by a worker.

A worker never writes the ledger. It gets a snapshot (a consistent copy of the ledger,
as a file path on this machine or as bytes on a Ray node), translates its units into a
crate of its own and verifies them exactly as `refactor translate` and `refactor verify`
would with `only` set, then reads back what those stages wrote into the snapshot and
returns it as plain rows; the driver stores them in one transaction. Any failure of the
item is a value (`ItemResult.error`), never an exception across the boundary. The item's
directory is removed when it succeeds (REFACTOR_KEEP_WORK=1 keeps it) and kept when it
fails, for a look.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from refactor.ledger import Ledger
from refactor.ledger.work import WorkRows

if TYPE_CHECKING:
    from refactor.model.target import Target
    from refactor.translate.llm.backend import ModelConfig
    from refactor.translate.pipeline import TranslateSummary
    from refactor.verify.pipeline import VerifySummary


@dataclass(frozen=True)
class Task:
    """What every work item of one target shares: how to translate and verify it."""

    target_id: int
    name: str
    root: Path
    include_dirs: tuple[Path, ...]
    defines: tuple[str, ...]
    target: Target
    backend: str
    model: ModelConfig | None
    fuzz_examples: int

    @property
    def uses_model(self) -> bool:
        return self.model is not None and self.backend != "rules"


@dataclass(frozen=True)
class WorkItem:
    key: str  # stable name: "<target>#<first unit id>"
    task: Task  # its model's caps are the item's share of the run's
    units: dict[int, str]  # unit id -> source hash
    loc: int
    work_dir: str  # the item's own directory, emptied first

    @property
    def uses_model(self) -> bool:
        return self.task.uses_model


@dataclass
class ItemResult:
    key: str
    rows: WorkRows | None = None
    modules: dict[str, str] = field(default_factory=dict)  # crate src/<module>.rs
    binaries: dict[str, str] = field(default_factory=dict)  # src/bin/<name>/main.rs
    translated: TranslateSummary | None = None
    verified: VerifySummary | None = None
    seconds: dict[str, float] = field(default_factory=dict)  # translate, verify
    error: str | None = None


def run_item(item: WorkItem, snapshot: bytes | str) -> ItemResult:
    """Translate and verify `item` against `snapshot`; the result, or why there is none."""
    result = ItemResult(item.key)
    work = Path(item.work_dir)
    try:
        shutil.rmtree(work, ignore_errors=True)
        try:
            work.mkdir(parents=True)
        except OSError:  # a Ray node without the driver's directories: a local one
            work = Path(tempfile.mkdtemp(prefix="refactor-item-"))
        copy = work / "ledger.db"
        if isinstance(snapshot, bytes):
            copy.write_bytes(snapshot)
        else:
            shutil.copyfile(snapshot, copy)
        with Ledger(copy) as led:
            _work(item, led, work, result)
        if not os.environ.get("REFACTOR_KEEP_WORK"):  # the results are in `result`
            shutil.rmtree(work, ignore_errors=True)
    except Exception as exc:  # the item fails, the run goes on and reports it
        last = traceback.extract_tb(exc.__traceback__)[-1:]
        where = f" at {last[0].filename}:{last[0].lineno}" if last else ""
        result.error = (f"{item.key} (on {socket.gethostname()}, pid {os.getpid()}): "
                        f"{type(exc).__name__}: {exc}{where}; its units stay unfinished, run "
                        "again to retry them")
    return result


def _work(item: WorkItem, led: Ledger, work: Path, result: ItemResult) -> None:
    from refactor.translate.pipeline import translate_target
    from refactor.verify.pipeline import verify_target

    crate = work / "crate"
    only = set(item.units)
    before = led.answer_keys() if item.uses_model else None
    t = item.task
    started = time.monotonic()
    translated = translate_target(led, t.target_id, t.name, t.root, crate, t.include_dirs,
                                  t.defines, t.backend, model=t.model, description=t.target,
                                  only=only)
    result.seconds["translate"] = time.monotonic() - started
    started = time.monotonic()
    verified = verify_target(led, t.target_id, t.target, crate, work / "verify",
                             t.include_dirs, t.defines, fuzz_examples=t.fuzz_examples,
                             only=only)
    result.seconds["verify"] = time.monotonic() - started
    result.rows = led.work_rows(translated.run_id, verified.run_id, item.units, before)
    result.translated, result.verified = translated, verified
    src = crate / "src"
    result.modules = {p.stem: p.read_text("utf-8") for p in sorted(src.glob("*.rs"))
                      if p.name != "lib.rs"}
    result.binaries = {p.parent.name: p.read_text("utf-8")
                       for p in sorted(src.glob("bin/*/main.rs"))}
