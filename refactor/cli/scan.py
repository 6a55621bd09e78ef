"""`refactor scan PATH`: split sources into units and record them in the ledger."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn
from rich.table import Table

from refactor.cli._common import console, default_ledger, open_ledger, resolve_target
from refactor.ledger import Ledger
from refactor.model import SCAN_SCHEMA_VERSION
from refactor.scan import DEFAULT_MAX_BYTES, ScanSummary, scan_target


def scan(
    target: Annotated[str, typer.Argument(help="A source directory (git or plain) or a "
                                          "targets/<name>.toml file.")],
    ledger: Annotated[Path | None, typer.Option(help="Ledger database (default: "
                                                "TARGET/.refactor/ledger.db).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scan as JSON.")] = False,
    max_file_size: Annotated[float, typer.Option(help="Skip files larger than this many MB.")]
    = DEFAULT_MAX_BYTES / 1e6,
    workers: Annotated[int | None, typer.Option(help="Parser processes (default: cores).")]
    = None,
    exclude: Annotated[list[str] | None, typer.Option(help="Glob of paths to leave out; "
                                                      "repeatable.")] = None,
) -> None:
    """Find C and COBOL sources, split them into translation units, record them."""
    ref = resolve_target(target)
    with open_ledger(ledger or default_ledger(ref)) as led:
        show_progress = not as_json and console.is_terminal
        with Progress("[progress.description]{task.description}", BarColumn(),
                      MofNCompleteColumn(), TimeRemainingColumn(), console=console,
                      disable=not show_progress, transient=True) as bar:
            task = bar.add_task(f"scanning {ref.name}", total=None)
            summary = scan_target(
                ref.root, led, ref.name, exclude=[*ref.exclude, *(exclude or [])],
                max_bytes=int(max_file_size * 1e6), workers=workers,
                on_start=lambda n: bar.update(task, total=n),
                progress=lambda n: bar.advance(task, n),
            )
        if as_json:
            print(json.dumps(scan_json(led, summary), indent=1))
        else:
            render(led, ref.name, summary)


def scan_json(led: Ledger, summary: ScanSummary) -> dict[str, object]:
    """The `refactor scan --json` contract (DESIGN.md), with `warnings` as an extension."""
    files = led.files(summary.target_id)
    units = led.units(summary.target_id)
    scanned = [f for f in files if f.status == "scanned"]
    return {
        "schema_version": SCAN_SCHEMA_VERSION,
        "commit": summary.commit,
        "files": [{"path": f.path, "language": f.language, "loc": f.loc} for f in scanned],
        "units": [
            {"id": u.uid, "kind": u.kind, "name": u.name, "language": u.language,
             "path": u.path, "start_line": u.start_line, "end_line": u.end_line, "loc": u.loc,
             "reason": u.reason, "parent": u.parent, "stale": u.stale_reason}
            for u in units
        ],
        "skipped": [{"path": f.path, "reason": f.reason} for f in files
                    if f.status == "skipped"],
        "warnings": [{"path": f.path, "line": line, "reason": reason}
                     for f in scanned for line, reason in f.warnings],
        "totals": {"files": len(scanned), "units": len(units),
                   "loc": sum(f.loc for f in scanned)},
    }


def render(led: Ledger, name: str, summary: ScanSummary) -> None:
    files = led.files(summary.target_id)
    units = led.units(summary.target_id)
    scanned = [f for f in files if f.status == "scanned"]
    table = Table(title=f"{name}: {len(units)} units in {len(scanned)} files", title_justify="left")
    for column in ("language", "files", "code lines", "units", "by kind"):
        table.add_column(column, justify="right" if column != "by kind" else "left")
    for language in sorted({f.language for f in scanned if f.language}):
        lang_units = [u for u in units if u.language == language]
        kinds = Counter(u.kind for u in lang_units)
        table.add_row(
            language, str(sum(1 for f in scanned if f.language == language)),
            f"{sum(f.loc for f in scanned if f.language == language):,}",
            str(len(lang_units)), ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    console.print(table)
    console.print(
        f"parsed {summary.parsed}, unchanged {summary.unchanged}, removed {summary.removed}, "
        f"skipped {len(summary.skipped)}; {summary.edges} dependency edges; "
        f"{summary.stale} stale units; {summary.seconds:.2f} s"
        + (f"; commit {summary.commit[:12]}" if summary.commit else ""), highlight=False)
    skipped = [f for f in files if f.status == "skipped"]
    for f in skipped[:20]:
        console.print(f"  [yellow]skipped[/] {f.path}: {f.reason}", highlight=False)
    if len(skipped) > 20:
        console.print(f"  ... and {len(skipped) - 20} more skipped files (see --json)")
    partial = [u for u in units if u.reason]
    for u in partial[:10]:
        console.print(f"  [yellow]unit[/] {u.path}:{u.start_line} {u.name}: {u.reason}",
                      highlight=False)
    if len(partial) > 10:
        console.print(f"  ... and {len(partial) - 10} more units with problems (see --json)")
    warned = [(f.path, w) for f in scanned for w in f.warnings]
    for path, (line, reason) in warned[:10]:
        console.print(f"  [yellow]warning[/] {path}:{line}: {reason}", highlight=False)
    if len(warned) > 10:
        console.print(f"  ... and {len(warned) - 10} more warnings (see --json)")
