"""`refactor dashboard`: serve the dashboard live from one or more ledgers."""

from __future__ import annotations

import errno
import ipaddress
from typing import Annotated

import typer

from refactor.cli._common import abort, console, err_console
from refactor.ledger import ledger_exists
from refactor.report.serve import DashboardServer, ledger_provider


def dashboard(
    ledger: Annotated[list[str] | None, typer.Option(
        "--ledger", help="Ledger database; repeat to show several side by side.")] = None,
    port: Annotated[int, typer.Option(help="TCP port (0: any free port).")] = 8765,
    host: Annotated[str, typer.Option(help="Address to listen on; anything but loopback "
                                      "shows the sources to your network.")] = "127.0.0.1",
    poll: Annotated[float, typer.Option(help="Seconds between the page's refreshes.")] = 5.0,
    details: Annotated[bool, typer.Option(help="Include each unit's C, Rust and "
                                          "evidence.")] = True,
) -> None:
    """Serve the progress dashboard; it refreshes itself while a run is in progress."""
    if not ledger:
        abort("pass --ledger FILE (repeat it for several ledgers), e.g. "
              "--ledger reports/demo/ledger.db after `make demo`")
    for path in ledger:
        if not ledger_exists(path):
            abort(f"no ledger at {path}; run `refactor scan` or `refactor run` first, or fix "
                  "the --ledger path")
    if poll <= 0:
        abort(f"--poll {poll}: give a number of seconds above 0")
    provider = ledger_provider(ledger, details)
    provider()  # read once up front: a damaged ledger is reported before serving
    try:
        server = DashboardServer(provider, host, port, poll_seconds=poll)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            abort(f"port {port} on {host} is in use; pass --port OTHER (or --port 0 for any "
                  "free port)")
        abort(f"cannot listen on {host}:{port}: {exc.strerror or exc}; check --host and --port")
    if not _loopback(host):
        err_console.print(f"[yellow]warning:[/] listening on {host}: anyone who can reach it "
                          "sees the sources and evidence", highlight=False)
    console.print(f"dashboard: {server.url} (Ctrl-C stops)", highlight=False)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        console.print("dashboard stopped", highlight=False)
    finally:
        server.server_close()


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
