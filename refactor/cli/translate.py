"""`refactor translate TARGET`: the target's planned units into its Rust crate."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from refactor.cli import _llm
from refactor.cli._common import (
    console,
    default_crate,
    default_ledger,
    existing_ledger,
    progress_bar,
    recorded_target,
    resolve_target,
    target_model,
)
from refactor.plan import plan_target
from refactor.translate.pipeline import TranslateSummary, translate_target

SHOWN_REASONS = 8


def translate(
    target: Annotated[str, typer.Argument(help="A source directory or targets/<name>.toml "
                                          "(scanned first with `refactor scan`).")],
    backend: _llm.Backend = "rules",
    ledger: Annotated[str | None, typer.Option(help="Ledger database (default: "
                                               "TARGET/.refactor/ledger.db).")] = None,
    out: Annotated[Path | None, typer.Option(help="Crate directory (default: rust/<target> "
                                             "beside the ledger).")] = None,
    model: _llm.Model = None, base_url: _llm.BaseUrl = None,
    concurrency: _llm.Concurrency = None, no_cache: _llm.NoCache = False,
    max_tokens: _llm.MaxTokens = None, max_cost: _llm.MaxCost = None,
) -> None:
    """Translate every planned unit, callees first, into the target's Rust crate."""
    ref = resolve_target(target)
    config = _llm.model_config(target_model(ref).llm, backend, model, base_url, concurrency,
                               no_cache, max_tokens, max_cost)
    with existing_ledger(ledger or default_ledger(ref), "translate") as led:
        tid = recorded_target(led, ref, f"run `refactor scan {target}` first")
        if not led.planned(tid):  # plan on the fly: callees first needs an order
            plan_target(led, tid)
        crate = out.resolve() if out else default_crate(led, ref.name)
        with progress_bar() as bar:
            task = bar.add_task(f"translating {ref.name}", total=None)
            summary = translate_target(
                led, tid, ref.name, ref.root, crate, ref.include_dirs, ref.defines, backend,
                progress=lambda what: bar.update(task, advance=1,
                                                 description=f"{ref.name}: {what[:50]}"),
                model=config, on_start=lambda n: bar.update(task, total=n),
                description=ref.target)
    render(ref.name, summary)


def render(name: str, s: TranslateSummary) -> None:
    units = s.translated + s.skipped + s.failed
    c_files = f" ({s.files} C files)" if s.files else ""
    table = Table(title=f"{name}: translated into {s.crate}{c_files}",
                  title_justify="left")
    table.add_column("units", justify="right")
    table.add_column("translated", justify="right")
    table.add_column("skipped", justify="right")
    table.add_column("failed", justify="right")
    table.add_column("code lines translated", justify="right")
    table.add_column("unsafe lines", justify="right")
    share = f" ({100 * s.translated / units:.0f}%)" if units else ""
    loc_share = f" of {s.loc_total}" if s.loc_total else ""
    table.add_row(str(units), f"{s.translated}{share}", str(s.skipped), str(s.failed),
                  f"{s.loc_translated}{loc_share}", str(s.unsafe_lines))
    console.print(table)
    if s.compile_commands:
        console.print(f"preprocessor flags per file from {s.compile_commands}", highlight=False)
    if s.reasons:
        reasons = Table(title="why units were skipped", title_justify="left")
        reasons.add_column("units", justify="right")
        reasons.add_column("reason")
        for reason, n in sorted(s.reasons.items(), key=lambda kv: -kv[1])[:SHOWN_REASONS]:
            reasons.add_row(str(n), reason)
        console.print(reasons)
    if s.model is not None:
        render_model(s)
    for problem in s.problems[:SHOWN_REASONS]:
        console.print(f"[yellow]problem:[/] {problem}", highlight=False, soft_wrap=True)
    console.print("Translated is not secured: `refactor verify` builds the crate and runs "
                  "the differential tests that decide it.", highlight=False)


def render_model(s: TranslateSummary) -> None:
    m = s.model
    assert m is not None
    console.print(
        f"model: {m.units} functions: {m.verified} verified answers replaced the draft, "
        f"{m.filled} filled a gap, {m.kept_draft} kept the rules draft, {m.failed} got "
        f"nothing; {m.requests} requests, {m.cached} answers from the cache, {m.rejected} "
        f"rejected before compiling; {m.tokens_in:,} + {m.tokens_out:,} tokens, "
        f"cost {m.cost:.4f}", highlight=False)
    if m.stopped:
        console.print(f"[yellow]stopped early:[/] {m.stopped}; everything so far is in the "
                      "ledger, run again (answers come from the cache) after raising the "
                      "cap", highlight=False)
    for reason, n in sorted(m.reasons.items(), key=lambda kv: -kv[1])[:SHOWN_REASONS]:
        console.print(f"  {n} x {reason}", highlight=False)
