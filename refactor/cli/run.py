"""`refactor run TARGET`: scan, plan, translate, verify, and write report.json."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from refactor.ci.shard import Shard, choose_units
from refactor.cli import _llm
from refactor.cli import translate as translate_cmd
from refactor.cli import verify as verify_cmd
from refactor.cli._common import (
    TargetRef,
    abort,
    console,
    default_crate,
    default_ledger,
    open_ledger,
    resolve_target,
    target_model,
)
from refactor.ledger import Ledger
from refactor.plan import plan_target
from refactor.report import dashboard_data, write_report_json
from refactor.scan import scan_target

SHOWN = 8

if TYPE_CHECKING:
    from refactor.execute import Outcome
    from refactor.translate.llm.backend import ModelConfig


ExecutorName = Annotated[str, typer.Option(
    "--executor", help="Where work items run: local (processes on this machine) or ray "
    "(a Ray cluster; pip install 'refactor[ray]').")]
Workers = Annotated[int | None, typer.Option(
    help="Work items at once (default: one per CPU; with ray and no cluster, the local "
    "cluster's CPUs).")]
RayAddress = Annotated[str | None, typer.Option(
    help="The Ray cluster (default: RAY_ADDRESS, else a local cluster).")]
ItemLines = Annotated[int | None, typer.Option(
    help="Lines of code per work item (default 2000): smaller items spread over more "
    "workers and lose less to a crash, larger ones pay their fixed costs less often.")]
Redo = Annotated[bool, typer.Option(
    "--redo", help="Translate and verify every unit again, even those finished by an "
    "earlier run under the same configuration.")]


@dataclass(frozen=True)
class Execution:
    """Where `refactor run`'s work items run (refactor/execute)."""

    executor: str = "local"
    workers: int | None = None
    ray_address: str | None = None
    redo: bool = False
    item_lines: int | None = None


def run_pipeline(led: Ledger, ref: TargetRef, backend: str, config: ModelConfig | None,
                 fuzz_examples: int, shard: Shard | None = None,
                 max_units: int | None = None, shard_load: list[int] | None = None,
                 execution: Execution = Execution()) -> Outcome:
    """Scan, plan, then translate and verify one target's unfinished units as work items
    (refactor/execute) into `led` (shared with `refactor ci`); with `shard`, only that
    shard's planned units, with `max_units` only the first of them in plan order.
    `shard_load`: the lines dealt to each shard by the targets before this one."""
    from refactor.execute import (
        ITEM_LINES,
        ExecutorError,
        Job,
        Task,
        execute,
        make_executor,
    )
    from refactor.execute.stop import stop_on_sigint

    with console.status(f"scanning {ref.name}"):
        scanned = scan_target(ref.root, led, ref.name, exclude=list(ref.exclude))
    totals = scanned.aggregates
    console.print(f"{ref.name}: {totals.get('units', 0)} units in "
                  f"{totals.get('files', 0)} files scanned", highlight=False)
    tid = scanned.target_id
    plan_target(led, tid)
    only, notes = choose_units(led, tid, shard, max_units, shard_load)
    for note in notes:
        console.print(f"{ref.name}: {note}", highlight=False)
    task = Task(tid, ref.name, ref.root, tuple(ref.include_dirs), tuple(ref.defines),
                target_model(ref), backend, config, fuzz_examples)
    job = Job(task, default_crate(led, ref.name),
              (led.path.parent / "work" / ref.name).resolve(), only, execution.redo,
              execution.item_lines or ITEM_LINES)
    try:
        executor = make_executor(execution.executor, execution.workers,
                                 execution.ray_address, config.concurrency if config else 1)
    except ExecutorError as exc:
        abort(str(exc))
    try:
        with stop_on_sigint(lambda m: console.print(f"[yellow]{m}[/]", highlight=False)) \
                as stop, console.status(f"translating and verifying {ref.name}") as status:
            outcome = execute(led, job, executor, stop, lambda done, total, what: status.update(
                f"{ref.name}: {done} of {total} units translated and verified ({what})"))
    except ExecutorError as exc:
        abort(str(exc))
    finally:
        executor.close()
    render(ref.name, outcome)
    return outcome


def render(name: str, o: Outcome) -> None:
    console.print(
        f"{name}: {o.units} units translated and verified in {o.items} work items on "
        f"{o.executor} ({o.slots} at once), {o.wall:.1f} s"
        + (f"; {o.finished_before} units finished by an earlier run were kept (--redo "
           "does them again)" if o.finished_before else ""), highlight=False)
    if o.units or o.capped:
        translate_cmd.render(name, o.translated)
        verify_cmd.render(name, o.verified)
    if o.capped:
        console.print(f"[yellow]{o.capped} units are stored but not finished:[/] a cap "
                      "stopped the model in their work items; the next run does them again",
                      highlight=False)
    for failed in o.failed_items[:SHOWN]:
        console.print(f"[red]work item failed:[/] {failed}", highlight=False, soft_wrap=True)
    if o.stopped:
        console.print(f"[yellow]stopped:[/] {o.left} units left unfinished; everything "
                      "finished is in the ledger: run the same command again to go on",
                      highlight=False)


def run(
    target: Annotated[str, typer.Argument(help="A source directory or targets/<name>.toml.")],
    backend: _llm.Backend = "rules",
    ledger: Annotated[str | None, typer.Option(help="Ledger database: a file (default: "
                                               "TARGET/.refactor/ledger.db) or a "
                                               "postgresql://user@host:port/db URL.")] = None,
    report_dir: Annotated[Path | None, typer.Option(help="Where report.json goes "
                                                    "(default: beside the ledger).")] = None,
    fuzz_examples: Annotated[int, typer.Option(help="Generated inputs per function.")] = 100,
    model: _llm.Model = None, base_url: _llm.BaseUrl = None,
    concurrency: _llm.Concurrency = None, no_cache: _llm.NoCache = False,
    max_tokens: _llm.MaxTokens = None, max_cost: _llm.MaxCost = None,
    executor: ExecutorName = "local", workers: Workers = None,
    ray_address: RayAddress = None, redo: Redo = False, item_lines: ItemLines = None,
) -> None:
    """The whole pipeline on one target; every result lands in the ledger as it
    finishes, and a run that was killed or stopped goes on where it ended."""
    ref = resolve_target(target)
    config = _llm.model_config(target_model(ref).llm, backend, model, base_url, concurrency,
                               no_cache, max_tokens, max_cost)
    with open_ledger(ledger or default_ledger(ref), "run") as led:
        execution = Execution(executor, workers, ray_address, redo, item_lines)
        outcome = run_pipeline(led, ref, backend, config, fuzz_examples,
                               execution=execution)
        report = dashboard_data([led], details=False)
        path = write_report_json(report_dir or led.path.parent, report)
    totals = report["totals"]
    assert isinstance(totals, dict)
    per_kloc = totals.get("cost_per_1000_loc_secured")
    spent = "" if backend == "rules" and not totals["cost"] else (
        f"; model cost {totals['cost']:.4f}"
        + (f", {per_kloc:.4f} per 1,000 lines secured" if per_kloc is not None else ""))
    console.print(f"{totals['loc_secured']:,} of {totals['loc']:,} code lines secured{spent}",
                  highlight=False)
    console.print(f"report: {path}", highlight=False)
    if outcome.stopped:
        raise typer.Exit(130)
    if outcome.failed_items:  # their units stay unfinished: say so to scripts and CI too
        raise typer.Exit(1)
