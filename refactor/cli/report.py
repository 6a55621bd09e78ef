"""`refactor report`: report.json, summary.md and index.html from one or more ledgers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from refactor.cli._common import abort, console, existing_ledger, shard_ledgers
from refactor.report import dashboard_data, render_summary, write_report_json
from refactor.report.html import render_html


def report(
    ledger: Annotated[list[Path] | None, typer.Option(
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
    ledgers = [existing_ledger(path) for path in paths]
    try:
        with console.status("reading the ledgers"):
            data = dashboard_data(ledgers)
    finally:
        for led in ledgers:
            led.close()
    write_report_json(out, data)
    (out / "summary.md").write_text(render_summary(data), "utf-8")
    (out / "index.html").write_text(render_html(data), "utf-8")
    written = ["report.json", "summary.md", "index.html"]
    t = data["totals"]
    console.print(f"{t['loc_secured']:,} of {t['loc']:,} code lines secured "
                  f"({t['units_secured']:,} of {t['units']:,} units) in "
                  f"{len(data['targets'])} targets; goal {data['goal_loc']:,}", highlight=False)
    console.print(f"wrote {', '.join(str(out / name) for name in written)}", highlight=False)
