"""`refactor translate TARGET`: the target's planned units into its Rust crate."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from refactor.cli._common import (
    abort,
    check_backend,
    console,
    default_crate,
    default_ledger,
    existing_ledger,
    resolve_target,
)
from refactor.plan import plan_target
from refactor.translate.pipeline import TranslateSummary, translate_target

SHOWN_REASONS = 8


def translate(
    target: Annotated[str, typer.Argument(help="A source directory or targets/<name>.toml "
                                          "(scanned first with `refactor scan`).")],
    backend: Annotated[str, typer.Option(help="Translation backend: rules (offline).")]
    = "rules",
    ledger: Annotated[Path | None, typer.Option(help="Ledger database (default: "
                                                "TARGET/.refactor/ledger.db).")] = None,
    out: Annotated[Path | None, typer.Option(help="Crate directory (default: rust/<target> "
                                             "beside the ledger).")] = None,
) -> None:
    """Translate every planned unit, callees first, into the target's Rust crate."""
    check_backend(backend)
    ref = resolve_target(target)
    with existing_ledger(ledger or default_ledger(ref)) as led:
        ids = [tid for tid, name, _, _ in led.targets() if name == ref.name]
        if not ids:
            abort(f"target {ref.name} is not in the ledger {led.path}; run `refactor scan "
                  f"{target}` first")
        tid = ids[0]
        if not led.planned(tid):  # plan on the fly: callees first needs an order
            plan_target(led, tid)
        crate = out.resolve() if out else default_crate(led, ref.name)
        with console.status(f"translating {ref.name}") as status:
            summary = translate_target(
                led, tid, ref.name, ref.root, crate, ref.include_dirs, ref.defines, backend,
                progress=lambda path: status.update(f"translating {ref.name}: {path}"))
    render(ref.name, summary)


def render(name: str, s: TranslateSummary) -> None:
    units = s.translated + s.skipped + s.failed
    table = Table(title=f"{name}: {s.files} files translated into {s.crate}",
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
    for problem in s.problems[:SHOWN_REASONS]:
        console.print(f"[yellow]problem:[/] {problem}", highlight=False, soft_wrap=True)
    console.print("Translated is not secured: `refactor verify` builds the crate and runs "
                  "the differential tests that decide it.", highlight=False)
