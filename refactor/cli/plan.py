"""`refactor plan`: the translation order, callees first, in parallel waves."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from refactor.cli._common import console
from refactor.cli._targets import ledger_and_targets
from refactor.plan import plan_target


def plan(
    target: Annotated[str | None, typer.Argument(help="Directory or targets/<name>.toml; "
                                                 "default: every target in --ledger.")] = None,
    ledger: Annotated[str | None, typer.Option(help="Ledger database.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the plan as JSON.")] = False,
    show: Annotated[int, typer.Option(help="Unit names shown per wave.")] = 6,
) -> None:
    """Order the units callees-first: strongly connected components in waves."""
    led, targets = ledger_and_targets(target, ledger)
    out: list[dict[str, object]] = []
    with led:
        for tid, name in targets:
            result = plan_target(led, tid)
            names = {u.id: u.name for u in led.units(tid)}
            if as_json:
                out.append({"target": name, "units": result.units, "waves": [
                    [sorted(names[u] for u in comp) for comp in wave]
                    for wave in result.waves]})
                continue
            table = Table(title=f"{name}: {result.units} units, {result.components} components "
                          f"({result.cyclic} cyclic), {len(result.waves)} waves",
                          title_justify="left")
            table.add_column("wave", justify="right")
            table.add_column("components", justify="right")
            table.add_column("units", justify="right")
            table.add_column("units (callees first)")
            for w, wave in enumerate(result.waves):
                members = [names[u] for comp in wave for u in comp]
                shown = ", ".join(
                    ("{" + ", ".join(sorted(names[u] for u in comp)) + "}") if len(comp) > 1
                    else names[comp[0]] for comp in wave[:show])
                if len(wave) > show:
                    shown += f", ... {len(wave) - show} more"
                table.add_row(str(w), str(len(wave)), str(len(members)), shown)
            console.print(table)
    if as_json:
        print(json.dumps(out, indent=1))
