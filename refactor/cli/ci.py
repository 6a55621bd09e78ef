"""`refactor ci TARGET...`: `refactor run` for CI, with outputs, summary, ratchet, shards.

Inside GitHub Actions it writes the step outputs, the job summary and error annotations
(refactor/ci/github.py); outside, the same as text. `--shard i/n` runs one shard of every
target (refactor/ci/shard.py); `--merge PATH...` joins the shards' ledgers in a final
job. The ratchet (refactor/ci/ratchet.py) compares with `--baseline` and fails the job
on a regression; on the default branch an improvement is written over the baseline.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Annotated, Any

import typer

from refactor.ci import github
from refactor.ci.ratchet import BaselineError, Ratchet, compare, load_baseline
from refactor.ci.shard import Shard, parse_shard
from refactor.cli import _llm
from refactor.cli._common import (
    abort,
    console,
    open_ledger,
    resolve_target,
    shard_ledgers,
    target_model,
)
from refactor.cli.report import merged_data
from refactor.cli.run import run_pipeline
from refactor.report import dashboard_data
from refactor.report.write import write_reports

DEFAULT_DIR = Path(".refactor") / "ci"


def ci(
    targets: Annotated[list[str] | None, typer.Argument(
        help="Source directories or targets/<name>.toml files.")] = None,
    backend: _llm.Backend = "rules",
    out: Annotated[Path, typer.Option(help="Directory for the ledger(s), report.json, "
                                      "summary.md and index.html.")] = DEFAULT_DIR,
    ledger: Annotated[str | None, typer.Option(help="Ledger database, as for `refactor "
                                               "run` (default: OUT/ledger.db, or "
                                               "OUT/ledger-i-of-n.db for a shard).")] = None,
    report_dir: Annotated[Path | None, typer.Option(help="Where report.json, summary.md and "
                                                    "index.html go (default: OUT).")] = None,
    shard: Annotated[str | None, typer.Option(help="Run shard i of n (`i/n`) of every "
                                              "target; merge the shards' ledgers with "
                                              "--merge in a final job.")] = None,
    merge: Annotated[list[Path] | None, typer.Option(
        help="A shard's ledger, or a directory holding them (repeatable): report, summary "
             "and ratchet over all of them instead of running targets.")] = None,
    baseline: Annotated[Path | None, typer.Option(help="report.json to ratchet against.")] = None,
    fail_on_regression: Annotated[bool, typer.Option(
        help="Exit with status 1 when lines or units secured go down.")] = True,
    update_baseline: Annotated[bool | None, typer.Option(
        help="Write an improved report over --baseline (default: only on the default "
             "branch inside GitHub Actions).")] = None,
    summary: Annotated[bool, typer.Option(help="Write the job summary.")] = True,
    max_units: Annotated[int | None, typer.Option(
        help="Translate and verify at most this many planned units per target.")] = None,
    fuzz_examples: Annotated[int, typer.Option(help="Generated inputs per function.")] = 100,
    model: _llm.Model = None, base_url: _llm.BaseUrl = None,
    concurrency: _llm.Concurrency = None, no_cache: _llm.NoCache = False,
    max_tokens: _llm.MaxTokens = None, max_cost: _llm.MaxCost = None,
) -> None:
    """`refactor run` for CI: every target into one ledger, report, summary, ratchet."""
    actions = github.from_env()
    if bool(targets) == bool(merge):
        abort("give the targets to run, or --merge with the shards' ledgers (not both)")
    part: Shard | None = None
    if shard is not None:
        parsed = parse_shard(shard)
        if isinstance(parsed, str):
            abort(parsed)
        part = parsed
    out.mkdir(parents=True, exist_ok=True)
    if merge:
        paths = shard_ledgers(merge)
        data = merged_data(paths)
        console.print(f"merged {len(paths)} ledgers", highlight=False)
    else:
        name = f"ledger-{part.index}-of-{part.count}.db" if part else "ledger.db"
        load = [0] * part.count if part else None  # lines dealt to each shard so far
        with open_ledger(ledger or out / name, "ci") as led:
            for spec in targets or []:
                ref = resolve_target(spec)
                config = _llm.model_config(target_model(ref).llm, backend, model, base_url,
                                           concurrency, no_cache, max_tokens, max_cost)
                run_pipeline(led, ref, backend, config, fuzz_examples, part, max_units, load)
            data = dashboard_data([led])
    report_path, markdown = write_reports(report_dir or out, data)
    ratchet = _ratchet(data, baseline, part)
    lost = ratchet.lost if ratchet else []
    notes = github.annotations(data, lost, actions.workspace if actions else Path.cwd())
    outputs = github.step_outputs(data, report_path, bool(ratchet and ratchet.regressed))
    if actions is not None:
        if actions.output:
            github.write_outputs(actions.output, outputs)
        if summary and actions.summary:
            head = f"{ratchet.describe()}\n\n" if ratchet else ""
            github.write_summary(actions.summary, head + markdown)
        for note in notes:
            print(note.command())
    else:
        for name, value in outputs.items():
            console.print(f"{name}: {value}", highlight=False)
        for note in notes:
            console.print(note.text(), highlight=False, markup=False)
    if ratchet is not None:
        console.print(ratchet.describe(), highlight=False)
        should_update = update_baseline if update_baseline is not None else bool(
            actions and actions.on_default_branch)
        if baseline is not None and ratchet.improved and should_update:
            shutil.copyfile(report_path, baseline)
            console.print(f"baseline {baseline} updated", highlight=False)
        if ratchet.regressed and fail_on_regression:
            raise typer.Exit(1)


def _ratchet(data: dict[str, Any], baseline: Path | None, part: Shard | None) -> Ratchet | None:
    if baseline is None:
        return None
    if part is not None:
        console.print(f"shard {part}: the ratchet runs in the merge job, over all shards",
                      highlight=False)
        return None
    try:
        return compare(load_baseline(baseline), data)
    except BaselineError as exc:
        abort(str(exc))
