"""`refactor run`'s translate and verify, as work items on an executor, resumable.

The planned units are grouped into the clusters that verify together (refactor/ci/
shard.py); clusters with a unit not yet finished under this run's configuration are dealt
into work items of about `item_lines` lines (at least one per executor slot), and the items
run on the executor (executors.py) against a snapshot of the ledger. As each item
finishes, its crate modules are written into the target's crate and then its rows are
stored in one transaction that also marks its units finished: a run killed at any moment
has every finished item in the ledger and nothing half-stored, and the next run redoes
only the rest. A stop request (SIGINT) lets the running items finish and stores them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import shutil
import time
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import refactor
from refactor.ci.shard import clusters
from refactor.execute.executors import Executor
from refactor.execute.item import ItemResult, Task, WorkItem
from refactor.ledger import Ledger, UnitView
from refactor.translate.crate import module_file, write_crate, write_if_changed
from refactor.translate.pipeline import TRANSLATABLE_KINDS, TranslateSummary, run_stats
from refactor.verify.pipeline import VerifySummary

if TYPE_CHECKING:
    from refactor.translate.llm.backend import ModelConfig

ITEM_LINES = 2000  # a work item's size: large enough that its fixed costs (a cargo
# build, the C harness, the COBOL runtime) stay small beside its units' own work


@dataclass
class Job:
    """One target's work, as `refactor run` was asked for it."""

    task: Task
    crate: Path
    work: Path  # the items' directories go under it
    only: Collection[int] | None = None  # a CI shard's or --max-units' units
    redo: bool = False
    item_lines: int = ITEM_LINES


@dataclass
class Outcome:
    translated: TranslateSummary
    verified: VerifySummary
    items: int = 0
    failed_items: list[str] = field(default_factory=list)
    finished_before: int = 0  # units finished by earlier runs, not redone
    units: int = 0  # units finished by this run
    capped: int = 0  # units stored, not finished: a cap stopped the model in their item
    stopped: bool = False  # a stop request ended the run before every item ran
    left: int = 0  # units still unfinished
    executor: str = ""
    slots: int = 0
    busy: dict[str, float] = field(default_factory=dict)  # stage -> seconds in workers
    wall: float = 0.0


def config_key(job: Job) -> str:
    """What decides a unit's result besides its source: the translator and checks (their
    code), the backend and model, the prompts, the target's description, the fuzzing."""
    digest = hashlib.sha256(refactor.__version__.encode())
    package = files("refactor")
    for part in ("translate", "verify", "_prompts"):
        for path in sorted(Path(str(package.joinpath(part))).rglob("*")):
            if path.suffix in (".py", ".rs", ".j2") and path.is_file():
                digest.update(path.read_bytes())
    model = job.task.model
    digest.update(json.dumps({
        "backend": job.task.backend, "fuzz_examples": job.task.fuzz_examples,
        "model": None if model is None or job.task.backend == "rules" else
        [model.model, model.base_url, repr(model.settings.params)],
        "include_dirs": [str(p) for p in job.task.include_dirs], "defines": list(job.task.defines),
        "target": job.task.target.model_dump(mode="json")}, sort_keys=True).encode())
    return digest.hexdigest()[:32]


def attempted(unit: UnitView) -> bool:
    """Units the translate stage gives an attempt: C functions, types, globals and
    macros, COBOL programs and copybooks."""
    if unit.language == "c":
        return unit.kind in TRANSLATABLE_KINDS
    return unit.language == "cobol" and unit.kind in ("program", "copybook")


def execute(led: Ledger, job: Job, executor: Executor, stop: Callable[[], bool],
            progress: Callable[[int, int, str], None] | None = None) -> Outcome:
    """Run the job's unfinished units on `executor`; every finished item is stored."""
    started = time.monotonic()
    led.interrupt_runs()  # we hold the writer lock: a `running` run was killed
    config = config_key(job)
    if job.redo:
        led.forget_finished(job.task.target_id)
    t_run = led.begin_run(job.task.target_id, "translate", None)
    v_run = led.begin_run(job.task.target_id, "verify", None)
    # each run's items in directories of their own: processes a killed run left behind
    # (a compiler, a workload) cannot write into this run's
    shutil.rmtree(job.work / "items", ignore_errors=True)
    home = job.work / "items" / str(t_run)
    items, before = _items(led, job, config, executor.slots, home)
    outcome = Outcome(TranslateSummary(0, job.crate), VerifySummary(0),
                      finished_before=before, executor=executor.name, slots=executor.slots)
    outcome.items = len(items)
    outcome.translated.run_id, outcome.verified.run_id = t_run, v_run
    status = "failed"
    try:
        if items:
            job.work.mkdir(parents=True, exist_ok=True)
            snapshot = job.work / "snapshot.db"
            led.snapshot(snapshot)
            total = sum(len(i.units) for i in items)
            if progress:
                progress(0, total, f"{len(items)} items on {executor.name} "
                                   f"({executor.slots} at once)")
            done = 0
            for result in executor.run(items, snapshot, stop):
                done += _store(led, job, config, t_run, v_run, result, outcome)
                if progress:
                    progress(done, total, result.key)
            snapshot.unlink(missing_ok=True)
            for empty in (home, home.parent):  # a failed item's directory stays, to look at
                with contextlib.suppress(OSError):
                    empty.rmdir()
        outcome.left = sum(len(i.units) for i in items) - outcome.units - outcome.capped
        outcome.stopped = stop() and outcome.left > 0
        _assemble_crate(led, job)  # what the ledger holds now, stopped or not
        status = "interrupted" if outcome.stopped else "ok"
    finally:
        outcome.wall = time.monotonic() - started
        led.finish_run(t_run, status, _translate_stats(outcome))
        led.finish_run(v_run, status, _verify_stats(led, job, outcome))
    return outcome


def _items(led: Ledger, job: Job, config: str, slots: int,
           home: Path) -> tuple[list[WorkItem], int]:
    """The work items of the job's unfinished clusters, and how many units were finished
    already. A cluster with any unfinished unit is done again whole: it verifies together."""
    planned = led.planned(job.task.target_id)
    views = {u.id: u for u in led.units(job.task.target_id)}
    wanted = {uid: p for uid, p in planned.items()
              if uid in views and attempted(views[uid])
              and (job.only is None or uid in job.only)}
    finished = _in_crate(led, job, led.finished_units(job.task.target_id, config))
    hashes = led.unit_hashes(job.task.target_id)
    groups = [g for g in clusters(wanted, views.values(), led.edges(job.task.target_id))
              if not set(g) <= finished]
    redone = {u for g in groups for u in g}
    before = len((set(wanted) & finished) - redone)
    loc = {uid: views[uid].loc for uid in wanted}
    lines = sum(loc[u] for g in groups for u in g)
    count = min(len(groups), max(slots, math.ceil(lines / max(1, job.item_lines))))
    buckets: list[list[int]] = [[] for _ in range(count)]
    load = [0] * count
    for group in sorted(groups, key=lambda g: (-sum(loc[u] for u in g), min(g))):
        k = min(range(count), key=lambda s: (load[s], s))  # largest first, least loaded
        buckets[k].extend(group)
        load[k] += sum(loc[u] for u in group)
    items = []
    for bucket, lines_in in zip(buckets, load, strict=True):
        share = lines_in / lines if lines else 1 / count
        model = _budget_share(job.task.model, share) if job.task.model else None
        task = replace(job.task, model=model)
        items.append(WorkItem(f"{job.task.name}#{min(bucket)}", task,
                              {uid: hashes[uid] for uid in sorted(bucket)}, lines_in,
                              str(home / str(min(bucket)))))
    items.sort(key=lambda i: -i.loc)
    return items, before


def _in_crate(led: Ledger, job: Job, finished: set[int]) -> set[int]:
    """The finished units whose code is in the crate: a unit whose module file is gone
    (a fresh CI checkout with a cached ledger, a deleted crate) is done again."""
    latest = led.latest_attempts(job.task.target_id)

    def present(uid: int) -> bool:
        attempt = latest.get(uid)
        if attempt is None or attempt.status != "translated" or not attempt.module:
            return True
        return module_file(job.crate, attempt.module).is_file()

    return {uid for uid in finished if present(uid)}


def _budget_share(model: ModelConfig, share: float) -> ModelConfig:
    """The run's token and cost caps split by the items' lines: items run in separate
    processes and cannot share one budget, so each gets its share and together they
    never spend more than the run's cap (a share one item leaves unspent is not passed
    on: the honest cost of running them apart)."""
    caps = model.caps
    return replace(model, caps=replace(
        caps, run_tokens=None if caps.run_tokens is None else int(caps.run_tokens * share),
        run_cost=None if caps.run_cost is None else caps.run_cost * share))


def _store(led: Ledger, job: Job, config: str, t_run: int, v_run: int,
           result: ItemResult, outcome: Outcome) -> int:
    """Store one item's result; the number of units it finished."""
    if result.error is not None or result.rows is None:
        outcome.failed_items.append(result.error or f"{result.key}: no result")
        return 0
    # the crate first: a run killed between the two redoes the item (rewriting the same
    # files); the other order could leave a finished unit whose module is missing
    for module, code in result.modules.items():
        write_if_changed(module_file(job.crate, module), code)
    if result.binaries:
        from refactor.translate.cobol.pipeline import write_binaries

        write_binaries(job.crate, result.binaries)
    model = result.translated.model if result.translated else None
    finished = model is None or not model.stopped  # a cap stopped the model: to redo
    led.store_work(t_run, v_run, config, result.rows, finished)
    _add(outcome, result)
    if not finished:
        outcome.capped += len(result.rows.units)
        return 0
    outcome.units += len(result.rows.units)
    return len(result.rows.units)


def _assemble_crate(led: Ledger, job: Job) -> None:
    """The target's crate from the modules its current attempts live in: lib.rs and
    Cargo.toml over the modules the items wrote, now and in earlier (killed) runs."""
    from refactor.translate.cobol.pipeline import RUNTIME_CRATE

    hashes = led.unit_hashes(job.task.target_id)
    current = {a.module for uid, a in led.latest_attempts(job.task.target_id).items()
               if a.status == "translated" and a.module and not a.module.startswith("bin:")
               and a.src_hash == hashes.get(uid)}
    files = {m: module_file(job.crate, m) for m in sorted(current)}
    modules = {m: path.read_text("utf-8") for m, path in files.items() if path.is_file()}
    runtime = [RUNTIME_CRATE] if (job.crate / RUNTIME_CRATE).is_dir() and any(
        job.crate.glob("src/bin/*/main.rs")) else []
    write_crate(job.crate, job.task.name, modules, runtime)


def _add(outcome: Outcome, result: ItemResult) -> None:
    if result.translated is not None:
        outcome.translated.add(result.translated)
    if result.verified is not None:
        outcome.verified.add(result.verified)
    for stage, seconds in result.seconds.items():
        outcome.busy[stage] = outcome.busy.get(stage, 0.0) + seconds


def _run_stats(outcome: Outcome) -> dict[str, object]:
    return {"executor": outcome.executor, "slots": outcome.slots, "items": outcome.items,
            "failed_items": outcome.failed_items[:20], "units_done": outcome.units,
            "finished_before": outcome.finished_before, "left": outcome.left,
            "wall_seconds": round(outcome.wall, 2)}


def _share(outcome: Outcome, stage: str) -> dict[str, float]:
    """The stage's time in the workers, and its share of the wall time (what `refactor
    estimate` reads: the two stages ran interleaved, in one wall time)."""
    busy = outcome.busy.get(stage, 0.0)
    total = sum(outcome.busy.values())
    return {"busy_seconds": round(busy, 2),
            "wall_share_seconds": round(outcome.wall * busy / total, 2) if total else 0.0}


def _translate_stats(outcome: Outcome) -> dict[str, object]:
    return {**run_stats(outcome.translated), **_run_stats(outcome),
            **_share(outcome, "translate")}


def _verify_stats(led: Ledger, job: Job, outcome: Outcome) -> dict[str, object]:
    """This run's verification figures, with the target's totals after it (the burn-up
    history reads `loc_secured`); `loc_total` is what this run verified (the estimate's
    lines, as in `refactor verify`'s stats)."""
    v = outcome.verified
    levels = led.unit_levels(job.task.target_id)
    loc = {u.id: u.loc for u in led.units(job.task.target_id)}
    return {"units": len(levels), "levels": dict(Counter(lv.level for lv in levels.values())),
            "secured": sum(lv.secured for lv in levels.values()),
            "loc_secured": sum(loc.get(uid, 0) for uid, lv in levels.items() if lv.secured),
            "loc_total": v.loc_total,
            "fuzz": dict(v.fuzz), "tested": dict(v.tested), "isolation": v.isolation,
            "seconds": {k: round(s, 2) for k, s in v.seconds.items()},
            **_share(outcome, "verify"), "problems": v.problems[:50], **_run_stats(outcome)}
