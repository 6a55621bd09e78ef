"""The dashboard page in headless Chromium: headline, unit table, unit view, no network, and
the live server. Run as a script to write the demo screenshot:
`.venv/bin/python -m tests.report.test_dashboard docs/dashboard.png`."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer

from refactor.cli.dashboard import dashboard
from refactor.report.html import embed_json, render_html
from refactor.report.serve import DashboardServer
from tests.report.conftest import HOSTILE_C, write_page

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture skips these tests and says why
    expect = None  # type: ignore[assignment]

DECODE = "kv:src/codec.c:function:kv_decode"


def number(text: str) -> int:
    return int(text.strip().replace(",", ""))


def open_static(page: Any, tmp_path: Path, data: dict[str, Any]) -> str:
    url = write_page(tmp_path, render_html(data)).as_uri()
    page.goto(url)
    page.wait_for_selector("#unit-table tbody tr")
    return url


def row_ids(page: Any) -> list[str]:
    return page.eval_on_selector_all("#unit-table tbody tr[data-unit-id]",
                                     "rows => rows.map(r => r.dataset.unitId)")


def test_embedded_json_cannot_close_the_script() -> None:
    text = embed_json({"c": HOSTILE_C, "sep": "\u2028"})
    assert "</" not in text and "<!--" not in text and "\u2028" not in text
    assert json.loads(text) == {"c": HOSTILE_C, "sep": "\u2028"}


def test_headline_shows_the_totals(page: Any, tmp_path: Path, data: dict[str, Any]) -> None:
    open_static(page, tmp_path, data)
    totals = data["totals"]
    assert number(page.text_content("#headline-loc-secured")) == totals["loc_secured"]
    assert number(page.text_content("#headline-goal")) == 100_000_000
    assert number(page.text_content("#headline-units-secured")) == totals["units_secured"]
    assert number(page.text_content("#headline-units")) == totals["units"]
    assert number(page.text_content("#headline-project-loc")) == totals["loc"]
    assert abs(float(page.text_content("#headline-cost").lstrip("$")) - totals["cost"]) < 0.0051
    assert "2560" in page.text_content("#headline-eta")
    assert data["projection"]["basis"] in page.text_content("#projection-text")
    assert page.locator("#burnup-chart svg circle").count() == len(data["history"])
    assert "goal: 100,000,000 lines" in page.text_content("#burnup-chart")
    assert page.text_content("#failure-table").count("not verified past builds") == 1


def test_filter_by_text_and_level(page: Any, tmp_path: Path, data: dict[str, Any]) -> None:
    open_static(page, tmp_path, data)
    assert len(row_ids(page)) == 50  # the first page of 130; the rest behind "show more"
    page.click("#unit-show-more")
    assert len(row_ids(page)) == 130 and page.is_hidden("#unit-show-more")

    page.fill("#unit-filter", "fn_01")
    expect(page.locator("#unit-table tbody tr")).to_have_count(10)
    assert sorted(row_ids(page)) == sorted(u["id"] for u in data["units"]
                                           if "fn_01" in u["name"])
    page.fill("#unit-filter", "")
    expect(page.locator("#unit-table tbody tr")).to_have_count(50)
    page.select_option("#unit-level", "tested")
    tested = [u["id"] for u in data["units"] if u["level"] == "tested"]
    expect(page.locator("#unit-table tbody tr")).to_have_count(len(tested))
    assert row_ids(page) == tested
    assert f"Showing {len(tested)} of {len(tested)}" in page.text_content("#unit-count")
    page.select_option("#unit-language", "cobol")
    assert row_ids(page) == [u["id"] for u in data["units"]
                             if u["level"] == "tested" and u["language"] == "cobol"]


def test_sort_by_lines(page: Any, tmp_path: Path, data: dict[str, Any]) -> None:
    open_static(page, tmp_path, data)
    page.click("#unit-table th[data-key=loc] button")
    assert page.get_attribute("#unit-table th[data-key=loc]", "aria-sort") == "descending"
    most = sorted((u["loc"] for u in data["units"]), reverse=True)[:50]
    locs = page.eval_on_selector_all("#unit-table tbody tr", "r => r.map(x => +x.dataset.loc)")
    assert locs == most
    page.click("#unit-table th[data-key=loc] button")
    locs = page.eval_on_selector_all("#unit-table tbody tr", "r => r.map(x => +x.dataset.loc)")
    assert locs == sorted(u["loc"] for u in data["units"])[:50]


def test_unit_view_shows_both_sources_and_the_evidence(page: Any, tmp_path: Path,
                                                       data: dict[str, Any]) -> None:
    open_static(page, tmp_path, data)
    page.fill("#unit-filter", "kv_decode")
    page.click(f"#unit-table button.unit-open[data-unit-id='{DECODE}']")
    page.wait_for_selector("#unit-view[open]")
    assert page.text_content("#unit-view-c") == data["details"][DECODE]["c"]
    assert HOSTILE_C in page.text_content("#unit-view-c")  # shown as text, never run
    assert page.evaluate("window.pwned") is None
    assert "buf[n as usize]" in page.text_content("#unit-view-rust")
    verdicts = page.locator("#unit-view-verdicts article")
    assert verdicts.count() == 2
    fuzzed = page.locator("#unit-view-verdicts article[data-level=fuzzed]")
    assert fuzzed.get_attribute("data-status") == "fail"
    assert "return values differ" in fuzzed.text_content()
    assert "bwrap" in fuzzed.text_content()
    evidence = json.loads(fuzzed.locator("pre.evidence").text_content())
    assert evidence["counterexample"] == {"buf": "AAAA", "n": 4}
    assert '\n  "counterexample": {\n' in fuzzed.locator("pre.evidence").text_content()
    page.click("#unit-view-close")
    assert page.locator("#unit-view[open]").count() == 0


def test_the_page_makes_no_network_request(page: Any, tmp_path: Path,
                                           data: dict[str, Any]) -> None:
    requests: list[str] = []
    blocked: list[str] = []
    page.on("request", lambda r: requests.append(r.url))

    def route(r: Any) -> None:
        if r.request.url.startswith(("http:", "https:", "ws:", "wss:")):
            blocked.append(r.request.url)
            r.abort()
        else:
            r.continue_()

    page.context.route("**/*", route)
    url = open_static(page, tmp_path, data)
    page.check("input[name=burnup-scale][value=log]")
    page.click(f"#unit-table button.unit-open[data-unit-id='{DECODE}']")
    page.wait_for_timeout(300)
    assert requests == [url] and blocked == []


def test_an_empty_ledger_renders(page: Any, tmp_path: Path) -> None:
    ledger_mod = pytest.importorskip("refactor.ledger")
    data_mod = pytest.importorskip("refactor.report.data")
    with ledger_mod.Ledger(tmp_path / "ledger.db") as ledger:
        data = data_mod.dashboard_data([ledger])
    page.goto(write_page(tmp_path, render_html(data)).as_uri())
    assert number(page.text_content("#headline-loc-secured")) == 0
    assert "No verify run recorded yet" in page.text_content("#burnup-chart")
    assert "No unit matches" in page.text_content("#unit-table")


@pytest.fixture
def live_server() -> Iterator[tuple[DashboardServer, dict[str, Any]]]:
    from tests.report.conftest import sample_data

    holder: dict[str, Any] = {"data": sample_data(12), "fail": False}

    def provide() -> dict[str, Any]:
        if holder["fail"]:
            raise RuntimeError("database is locked")
        return holder["data"]

    server = DashboardServer(provide, "127.0.0.1", 0, poll_seconds=1, min_interval=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, holder
    server.shutdown()
    server.server_close()


def test_live_dashboard_follows_the_data(page: Any,
                                         live_server: tuple[DashboardServer, dict]) -> None:
    server, holder = live_server
    with urllib.request.urlopen(server.url + "data.json", timeout=10) as resp:
        assert resp.headers["Content-Type"] == "application/json"
        assert json.load(resp) == holder["data"]
        etag = resp.headers["ETag"]
    unchanged = urllib.request.Request(server.url + "data.json", headers={"If-None-Match": etag})
    with pytest.raises(urllib.error.HTTPError) as not_modified:
        urllib.request.urlopen(unchanged, timeout=10)
    assert not_modified.value.code == 304
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(server.url + "etc/passwd", timeout=10)
    assert missing.value.code == 404

    page.goto(server.url)
    assert page.is_visible("#live-status")
    before = holder["data"]["totals"]["loc_secured"]
    assert number(page.text_content("#headline-loc-secured")) == before
    holder["data"] = json.loads(json.dumps(holder["data"]))
    holder["data"]["totals"]["loc_secured"] = 4_321_000
    holder["data"]["history"].append({"at": "2026-11-26T06:00:00+00:00",
                                      "loc_secured": 4_321_000})
    expect(page.locator("#headline-loc-secured")).to_have_text("4,321,000", timeout=10_000)
    assert page.locator("#burnup-chart svg circle").count() == len(holder["data"]["history"])

    holder["fail"] = True
    with pytest.raises(urllib.error.HTTPError) as busy:
        urllib.request.urlopen(server.url + "data.json", timeout=10)
    assert busy.value.code == 503 and b"database is locked" in busy.value.read()
    page.wait_for_selector("#live-status.error", timeout=10_000)
    assert number(page.text_content("#headline-loc-secured")) == 4_321_000  # kept


def test_dashboard_command_serves_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    from refactor.ledger import Ledger

    Ledger(tmp_path / "ledger.db").close()
    # Ctrl-C as a terminal sends it, even when this test runs with SIGINT ignored
    script = ("import signal, typer; signal.signal(signal.SIGINT, signal.default_int_handler); "
              "from refactor.cli.dashboard import dashboard; typer.run(dashboard)")
    proc = subprocess.Popen([sys.executable, "-c", script, "--ledger", str(tmp_path / "ledger.db"),
                             "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"})
    try:
        assert proc.stdout is not None
        url = re.search(r"http://\S+/", proc.stdout.readline())
        assert url, "the command did not print its address"
        with urllib.request.urlopen(url.group(0) + "data.json", timeout=10) as resp:
            assert json.load(resp)["totals"]["loc_secured"] == 0
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert "dashboard stopped" in out and "Traceback" not in err


def test_dashboard_command_names_a_missing_ledger(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from refactor.cli._common import Abort

    app = typer.Typer()
    app.command()(dashboard)
    result = CliRunner().invoke(app, ["--ledger", str(tmp_path / "nope.db")])
    assert isinstance(result.exception, Abort)
    assert f"no ledger at {tmp_path / 'nope.db'}" in str(result.exception)


def write_screenshot(out: Path, ledger: Path = Path("reports/demo/ledger.db")) -> Path:
    """The demo dashboard as a 1280x900 PNG (needs `make demo` and /usr/bin/chromium)."""
    from playwright.sync_api import sync_playwright

    from refactor.ledger import Ledger
    from refactor.report.data import dashboard_data

    with Ledger(ledger) as led:
        html = render_html(dashboard_data([led]))
    out.parent.mkdir(parents=True, exist_ok=True)
    page_file = out.with_name(f".{out.stem}-screenshot.html")
    page_file.write_text(html, "utf-8")
    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            pg = b.new_page(viewport={"width": 1280, "height": 900})
            pg.goto(page_file.resolve().as_uri())
            pg.wait_for_selector("#unit-table tbody tr")
            pg.screenshot(path=str(out))
            b.close()
    finally:
        page_file.unlink()
    return out


if __name__ == "__main__":
    write_screenshot(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/dashboard.png"),
                     *(Path(a) for a in sys.argv[2:3]))
