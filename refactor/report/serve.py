"""`refactor dashboard`: the dashboard page served live from the ledger(s).

`/` is the page (`render_html(..., live=True)`), `/data.json` the current data; the page
polls it and re-renders, so it follows a run in progress. The data is read from the ledgers
on demand, at most once per `min_interval` seconds however many browsers poll.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from refactor.ledger import Ledger
from refactor.report.html import render_html

DataProvider = Callable[[], dict[str, Any]]


def ledger_provider(paths: Sequence[Path | str], details: bool = True) -> DataProvider:
    """Reads `dashboard_data` from the ledgers at `paths`, opening them afresh each time (a
    SQLite connection belongs to the thread that opened it, and a run may be writing)."""
    from refactor.report.data import dashboard_data

    def provide() -> dict[str, Any]:
        ledgers: list[Ledger] = []
        try:
            for path in paths:
                ledgers.append(Ledger(path))
            return dashboard_data(ledgers, details)
        finally:
            for ledger in ledgers:
                ledger.close()

    return provide


class DashboardServer(ThreadingHTTPServer):
    """An HTTP server for one data provider; `serve_forever()` runs it, `shutdown()` stops it."""

    daemon_threads = True  # an open browser connection never blocks Ctrl-C

    def __init__(self, provider: DataProvider, host: str = "127.0.0.1", port: int = 0,
                 poll_seconds: float = 5.0, min_interval: float = 1.0) -> None:
        super().__init__((host, port), _Handler)
        self.provider = provider
        self.poll_seconds = poll_seconds
        self.min_interval = min_interval
        self._lock = threading.Lock()
        self._cached: _Cached | None = None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = str(host)
        return f"http://{f'[{host}]' if ':' in host else host}:{port}/"

    def data_json(self) -> tuple[bytes, str]:
        """The current data as JSON and its version tag (it changes when anything but
        `generated_at` does). Read again when the cached copy is older than `min_interval`,
        or than twice the time the last read took. Provider errors propagate (the handler
        answers 503)."""
        with self._lock:
            now = time.monotonic()
            if self._cached is None or now - self._cached.at >= max(
                    self.min_interval, 2 * self._cached.took):
                data = self.provider()
                body = json.dumps(data, ensure_ascii=False).encode("utf-8")
                stable = json.dumps({**data, "generated_at": None}, sort_keys=True)
                etag = '"' + hashlib.sha256(stable.encode("utf-8")).hexdigest()[:32] + '"'
                self._cached = _Cached(now, time.monotonic() - now, body, etag)
            return self._cached.body, self._cached.etag


@dataclass(frozen=True)
class _Cached:
    at: float
    took: float
    body: bytes
    etag: str


class _Handler(BaseHTTPRequestHandler):
    server: DashboardServer
    server_version = "refactor-dashboard"

    def do_GET(self) -> None:
        route = self.path.split("?", 1)[0].split("#", 1)[0]
        if route not in ("/", "/index.html", "/data.json"):
            self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8",
                       f"{route}: not here; the dashboard is at / and its data at /data.json")
            return
        try:
            body, etag = self.server.data_json()
        except Exception as exc:  # the ledger is busy, missing or damaged: say so, keep serving
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, "text/plain; charset=utf-8",
                       f"could not read the ledger: {exc}; the page retries, check the "
                       "ledger path passed to `refactor dashboard`")
            return
        if route == "/data.json":
            if self.headers.get("If-None-Match") == etag:
                self._send(HTTPStatus.NOT_MODIFIED, "application/json", b"", etag)
            else:
                self._send(HTTPStatus.OK, "application/json", body, etag)
            return
        page = render_html(json.loads(body), live=True, poll_seconds=self.server.poll_seconds)
        self._send(HTTPStatus.OK, "text/html; charset=utf-8", page)

    def _send(self, status: HTTPStatus, kind: str, body: str | bytes,
              etag: str | None = None) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if etag:
            self.send_header("ETag", etag)
        if status != HTTPStatus.NOT_MODIFIED:
            self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: only the CLI talks to the console."""
