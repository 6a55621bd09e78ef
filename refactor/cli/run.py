"""`refactor run TARGET`: scan, plan, translate, verify, and write report.json."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from refactor.ci.shard import Shard, choose_units
from refactor.cli import _llm
from refactor.cli import translate as translate_cmd
from refactor.cli import verify as verify_cmd
from refactor.cli._common import (
    TargetRef,
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
from refactor.translate.pipeline import translate_target

if TYPE_CHECKING:
    from refactor.translate.llm.backend import ModelConfig


def run_pipeline(led: Ledger, ref: TargetRef, backend: str, config: ModelConfig | None,
                 fuzz_examples: int, shard: Shard | None = None,
                 max_units: int | None = None, shard_load: list[int] | None = None) -> None:
    """Scan, plan, translate and verify one target into `led` (shared with `refactor ci`);
    with `shard`, only that shard's planned units are translated (refactor/ci/shard.py),
    with `max_units` only the first of them in plan order. `shard_load`: the lines dealt
    to each shard by the targets before this one."""
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
    crate = default_crate(led, ref.name)
    with console.status(f"translating {ref.name}"):
        translated = translate_target(led, tid, ref.name, ref.root, crate,
                                      ref.include_dirs, ref.defines, backend,
                                      model=config, description=ref.target, only=only)
    translate_cmd.render(ref.name, translated)
    verified = verify_cmd.run_verify(led, ref, crate, "tested", fuzz_examples)
    verify_cmd.render(ref.name, verified)


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
) -> None:
    """The whole pipeline on one target; every result lands in the ledger."""
    ref = resolve_target(target)
    config = _llm.model_config(target_model(ref).llm, backend, model, base_url, concurrency,
                               no_cache, max_tokens, max_cost)
    with open_ledger(ledger or default_ledger(ref), "run") as led:
        run_pipeline(led, ref, backend, config, fuzz_examples)
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
