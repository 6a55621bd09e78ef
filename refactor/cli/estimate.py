"""`refactor estimate [TARGET]`: time, machines and money to translate, from measured rates."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from refactor.cli._common import console
from refactor.cli._targets import ledger_and_targets
from refactor.plan.estimate import GOAL_LOC, Projection, goal_hours, measured_rates, project


def estimate(
    target: Annotated[str | None, typer.Argument(help="Directory or targets/<name>.toml; "
                                                 "default: every target in --ledger.")] = None,
    ledger: Annotated[str | None, typer.Option(help="Ledger database (its finished runs "
                                               "give the rates).")] = None,
    hours: Annotated[float, typer.Option(help="Deadline for the target(s), in hours: how "
                                         "many machines finish it in time.")] = 24.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Estimate wall time, machines and model money for the target and for the 100M goal."""
    led, targets = ledger_and_targets(target, ledger)
    with led:
        rates = measured_rates(led)
        rows = [project(name, sum(u.loc for u in led.units(tid) if u.parent is None),
                        rates, hours) for tid, name in targets]
    rows.append(project("100M-line goal (by 2030-01-01)", GOAL_LOC, rates, goal_hours()))
    if as_json:
        console.print_json(json.dumps({"rates": rates.__dict__, "projections": [
            {**p.__dict__, "machines": p.machines} for p in rows]}))
        return
    if rates.seconds_per_kloc is None:
        console.print("no measured translate and verify runs in this ledger yet: run "
                      "`refactor run` on the target (or a sample of it) first", highlight=False)
    table = Table(title="estimate (one machine like this one; linear in code lines)",
                  title_justify="left")
    for column in ("", "code lines", "one machine", "deadline", "machines", "model tokens",
                   "model cost"):
        table.add_column(column, justify="right" if column else "left")
    for p in rows:
        table.add_row(p.name, f"{p.loc:,}", _duration(p.seconds), _duration(p.hours_available
                                                                             * 3600),
                      "?" if p.machines is None else f"{p.machines:,}", f"{p.tokens:,.0f}",
                      f"{p.cost:,.2f}")
    console.print(table)
    per = rates.seconds_per_kloc
    console.print(f"rates: {per:.1f} s per 1,000 lines (translate "
                  f"{rates.translate_s_per_kloc:.1f}, verify {rates.verify_s_per_kloc:.1f}), "
                  if per is not None else "rates: not measured, ", end="", highlight=False)
    console.print(f"{rates.tokens_per_kloc:,.0f} model tokens and {rates.cost_per_kloc:.4f} "
                  f"per 1,000 lines; from {rates.basis}", highlight=False)


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    for unit, size in (("y", 365 * 86400), ("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{seconds / size:,.1f} {unit}"
    return f"{seconds:.0f} s"


__all__ = ["Projection", "estimate"]
