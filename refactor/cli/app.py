"""The `refactor` command."""

from __future__ import annotations

import sqlite3

import typer

from refactor.cli import ci as ci_cmd
from refactor.cli import dashboard as dashboard_cmd
from refactor.cli import estimate as estimate_cmd
from refactor.cli import plan as plan_cmd
from refactor.cli import report as report_cmd
from refactor.cli import run as run_cmd
from refactor.cli import scan as scan_cmd
from refactor.cli import status as status_cmd
from refactor.cli import translate as translate_cmd
from refactor.cli import translate_file as translate_file_cmd
from refactor.cli import verify as verify_cmd
from refactor.cli._common import Abort, debug, exit_with
from refactor.ledger import LedgerError

app = typer.Typer(
    name="refactor",
    help="Move legacy C and COBOL to memory-safe Rust, one proven unit at a time.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("scan")(scan_cmd.scan)
app.command("plan")(plan_cmd.plan)
app.command("status")(status_cmd.status)
app.command("translate")(translate_cmd.translate)
app.command("translate-file")(translate_file_cmd.translate_file)
app.command("verify")(verify_cmd.verify)
app.command("run")(run_cmd.run)
app.command("report")(report_cmd.report)
app.command("dashboard")(dashboard_cmd.dashboard)
app.command("ci")(ci_cmd.ci)
app.command("estimate")(estimate_cmd.estimate)


def main() -> None:
    try:
        app()
    except Abort as exc:
        exit_with(str(exc))
    except (LedgerError, sqlite3.DatabaseError) as exc:
        if debug():
            raise
        exit_with(f"ledger problem: {exc}; move the ledger away or pass --ledger NEW.db "
                  "(or another database's URL)")
    except KeyboardInterrupt:
        exit_with("interrupted; everything finished so far is in the ledger, run the same "
                  "command again to continue", 130)
