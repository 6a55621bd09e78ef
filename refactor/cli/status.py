"""`refactor status`: units by state, per file and in total."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

import typer
from rich.table import Table

from refactor.cli._common import console
from refactor.cli._targets import ledger_and_targets
from refactor.ledger import Attempt, UnitView
from refactor.report import Outcome, unit_outcomes

STATES = ("pending", "translated", "skipped", "failed", "stale", "problem")
LEVELS = ("none", "builds", "fuzzed", "tested")


def state_of(unit: UnitView, attempt: Attempt | None = None) -> str:
    """stale (changed since its last translation or base), else the newest attempt's status
    (translated, skipped, failed: not yet verified), else problem (parse error) or pending."""
    if unit.stale_reason:
        return "stale"
    if attempt is not None:
        return attempt.status
    if unit.reason:
        return "problem"
    return "pending"


def status(
    target: Annotated[str | None, typer.Argument(help="Directory or targets/<name>.toml; "
                                                 "default: every target in --ledger.")] = None,
    ledger: Annotated[str | None, typer.Option(help="Ledger database.")] = None,
    all_files: Annotated[bool, typer.Option("--all", help="List every file.")] = False,
    list_units: Annotated[bool, typer.Option("--units", help="List every unit too.")] = False,
) -> None:
    """Show units by state, per file and in total."""
    led, targets = ledger_and_targets(target, ledger)
    with led:
        for tid, name in targets:
            files = led.files(tid)
            units = led.units(tid)
            attempts = led.latest_attempts(tid)
            outcomes = unit_outcomes(led, tid)
            if list_units:
                render_units(name, units, led.planned(tid), attempts, outcomes)
            planned = led.planned(tid)
            by_file: dict[str, Counter[str]] = {}
            for u in units:
                by_file.setdefault(u.path, Counter())[state_of(u, attempts.get(u.id))] += 1
            table = Table(title=f"{name}", title_justify="left")
            for column in ("file", "lang", "code lines", "units", *STATES):
                table.add_column(column, justify="left" if column == "file" else "right")
            listed = files if all_files else files[:40]
            for f in listed:
                if f.status == "skipped":
                    table.add_row(f.path, f.language or "-", "-", "-", *("-" for _ in STATES),
                                  style="yellow")
                    continue
                counts = by_file.get(f.path, Counter())
                table.add_row(f.path, f.language or "-", f"{f.loc:,}",
                              str(sum(counts.values())), *(str(counts[s]) for s in STATES))
            total = Counter(state_of(u, attempts.get(u.id)) for u in units)
            scanned = [f for f in files if f.status == "scanned"]
            table.add_row("[bold]total[/]", "", f"{sum(f.loc for f in scanned):,}",
                          str(len(units)), *(str(total[s]) for s in STATES), end_section=True)
            console.print(table)
            if len(files) > len(listed):
                console.print(f"({len(files) - len(listed)} more files; --all lists them)")
            skipped = sum(1 for f in files if f.status == "skipped")
            console.print(
                f"{name}: {len(units)} units ({', '.join(f'{total[s]} {s}' for s in STATES)}), "
                f"{skipped} skipped files, {len(planned)} units planned", highlight=False)
            levels = Counter(outcomes[u.id].level for u in units if u.id in attempts)
            if any(level != "none" for level in levels):
                secured = [u for u in units if outcomes[u.id].secured]
                console.print(
                    f"{name}: verified: {', '.join(f'{levels[k]} {k}' for k in LEVELS)}; "
                    f"{len(secured)} units secured, {sum(u.loc for u in secured):,} code "
                    "lines", highlight=False)
            for u in [u for u in units if u.stale_reason][:10]:
                console.print(f"  [yellow]stale[/] {u.name} ({u.path}): {u.stale_reason}",
                              highlight=False)


def render_units(name: str, units: list[UnitView], planned: dict[int, tuple[int, int]],
                 attempts: dict[int, Attempt], outcomes: dict[int, Outcome]) -> None:
    table = Table(title=f"{name}: units", title_justify="left")
    for column in ("file", "lines", "kind", "name", "code lines", "wave", "state", "level",
                   "unsafe"):
        table.add_column(column, justify="right" if column in ("code lines", "wave",
                                                               "unsafe") else "left")
    for u in units:
        wave = planned.get(u.id)
        o = outcomes.get(u.id)
        level = "-" if o is None or u.id not in attempts else (
            "secured" if o.secured else o.level)
        table.add_row(u.path, f"{u.start_line}-{u.end_line}", u.kind, u.name, str(u.loc),
                      str(wave[0]) if wave else "-", state_of(u, attempts.get(u.id)),
                      level, str(o.unsafe_lines) if o and u.id in attempts else "-")
    console.print(table)
