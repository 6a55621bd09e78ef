"""`refactor scan PATH`: split sources into units and record them in the ledger."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from refactor.cli._common import (
    console,
    default_ledger,
    open_ledger,
    progress_bar,
    resolve_target,
)
from refactor.ledger import Ledger
from refactor.model import SCAN_SCHEMA_VERSION
from refactor.scan import DEFAULT_MAX_BYTES, ScanSummary, scan_target

SHOWN = 10  # problems listed in the summary; --json has them all


def scan(
    target: Annotated[str, typer.Argument(help="A source directory (git or plain) or a "
                                          "targets/<name>.toml file.")],
    ledger: Annotated[str | None, typer.Option(help="Ledger database: a file (default: "
                                               "TARGET/.refactor/ledger.db) or a "
                                               "postgresql://user@host:port/db URL.")] = None,
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
    with open_ledger(ledger or default_ledger(ref), "scan") as led:
        with progress_bar(enabled=not as_json) as bar:
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
    """The summary table; everything is aggregated in the ledger (targets can be huge)."""
    totals = summary.aggregates
    kinds: dict[str, list[str]] = {}
    units_by_language: dict[str, int] = {}
    for language, kind, count in totals["kinds"]:
        kinds.setdefault(language, []).append(f"{kind} {count:,}")
        units_by_language[language] = units_by_language.get(language, 0) + count
    table = Table(title=f"{name}: {totals['units']:,} units in {totals['files']:,} files",
                  title_justify="left")
    for column in ("language", "files", "code lines", "units", "by kind"):
        table.add_column(column, justify="right" if column != "by kind" else "left")
    for language, files, loc in totals["languages"]:
        table.add_row(language, f"{files:,}", f"{loc:,}",
                      f"{units_by_language.get(language, 0):,}", ", ".join(kinds.get(language, [])))
    console.print(table)
    console.print(
        f"parsed {summary.parsed:,}, unchanged {summary.unchanged:,}, removed "
        f"{summary.removed:,}, skipped {totals['skipped']:,}; {totals['edges']:,} dependency "
        f"edges; {totals['stale']:,} stale units ({summary.newly_stale:,} new); "
        f"{summary.seconds:.2f} s" + (f"; commit {summary.commit[:12]}" if summary.commit
                                      else ""), highlight=False)
    for skip in summary.skipped[:SHOWN]:
        console.print(f"  [yellow]skipped[/] {skip.path}: {skip.reason}", highlight=False)
    if len(summary.skipped) > SHOWN:
        console.print(f"  ... and {len(summary.skipped) - SHOWN} more skipped files "
                      "(see --json)")
    count = totals["problems"]
    problems = led.problem_units(summary.target_id, SHOWN) if count else []
    for u in problems:
        console.print(f"  [yellow]unit[/] {u.path}:{u.start_line} {u.name}: {u.reason}",
                      highlight=False)
    if count > len(problems):
        console.print(f"  ... and {count - len(problems):,} more units with problems "
                      "(see --json)")
