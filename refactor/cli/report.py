"""`refactor report`: report.json, summary.md and index.html from one or more ledgers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from refactor.cli._common import abort, console, existing_ledger, shard_ledgers
from refactor.report import dashboard_data
from refactor.report.write import FILES, write_reports


def report(
    ledger: Annotated[list[str] | None, typer.Option(
        help="A ledger; repeat to merge several (repositories, or CI shards) into one "
             "view.")] = None,
    merge: Annotated[list[Path] | None, typer.Option(
        help="CI shards to join: ledgers, or directories searched for *.db (the shards' "
             "downloaded artifacts); repeatable.")] = None,
    out: Annotated[Path, typer.Option(help="Directory for report.json, summary.md and "
                                      "index.html.")] = Path("reports"),
) -> None:
    """Write the progress report: lines of code secured against the 100M-line goal
    (report.json, summary.md, and index.html: one self-contained page, offline)."""
    paths = [*(ledger or []), *(shard_ledgers(merge) if merge else [])]
    if not paths:
        abort("give --ledger FILE (repeatable) or --merge DIR with the shards' ledgers")
    data = merged_data(paths)
    write_reports(out, data)
    t = data["totals"]
    console.print(f"{t['loc_secured']:,} of {t['loc']:,} code lines secured "
                  f"({t['units_secured']:,} of {t['units']:,} units) in "
                  f"{len(data['targets'])} targets; goal {data['goal_loc']:,}", highlight=False)
    console.print(f"wrote {', '.join(str(out / name) for name in FILES)}", highlight=False)


def merged_data(paths: Sequence[Path | str]) -> dict[str, Any]:
    """The dashboard data of one or more ledgers (repositories, CI shards) as one view."""
    ledgers = [existing_ledger(path) for path in paths]
    try:
        with console.status("reading the ledgers"):
            return dashboard_data(ledgers)
    finally:
        for led in ledgers:
            led.close()
