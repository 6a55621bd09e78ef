"""Fixtures for the dashboard tests: a hand-written data dict following the schema of
`refactor.report.data.dashboard_data`, and a headless Chromium (Debian's, never downloaded)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
HOSTILE_C = 'const char *s = "</script><script>window.pwned = 1</script><!--";'
LEVELS = ("none", "builds", "fuzzed", "tested")


def _unit(i: int) -> dict[str, Any]:
    level = LEVELS[i % 4]
    secured = level in ("fuzzed", "tested") and i % 3 != 0
    return {"id": f"kv:src/file{i % 7}.c:function:fn_{i:03d}", "target": "kv" if i % 5 else "pay",
            "name": f"fn_{i:03d}", "kind": "function", "language": "c" if i % 5 else "cobol",
            "path": f"src/file{i % 7}.c", "loc": (i * 37) % 101 + 1, "level": level,
            "secured": secured, "unsafe_lines": 0 if secured or level == "none" else i % 9,
            "backend": "rules", "attempts": 1 + i % 3, "cost": round(0.001 * i, 4),
            "reason": None if secured else "not verified past builds"}


def sample_data(n_units: int = 130) -> dict[str, Any]:
    units = [_unit(i) for i in range(n_units)]
    units[0] |= {"id": "kv:src/codec.c:function:kv_decode", "name": "kv_decode",
                 "level": "fuzzed", "secured": False, "unsafe_lines": 3, "target": "kv",
                 "language": "c", "reason": "fuzzed: counterexample found"}
    secured = [u for u in units if u["secured"]]
    loc = sum(u["loc"] for u in units)
    loc_secured = sum(u["loc"] for u in secured)
    cost = round(sum(u["cost"] for u in units), 6)
    details = {u["id"]: {"c": f"int {u['name']}(int x) {{ return x + 1; }}",
                         "rust": f"pub fn {u['name']}(x: i32) -> i32 {{ x.wrapping_add(1) }}",
                         "verdicts": [{"level": "builds", "status": "pass", "detail": None,
                                       "evidence": None, "isolation": "bwrap"}]}
               for u in units}
    details["kv:src/codec.c:function:kv_decode"] = {
        "c": "int kv_decode(const char *buf, int n)\n{\n    return buf[n];\n}\n" + HOSTILE_C,
        "rust": "pub fn kv_decode(buf: &[u8], n: i32) -> i32 {\n    buf[n as usize] as i32\n}",
        "verdicts": [
            {"level": "builds", "status": "pass", "detail": None, "evidence": None,
             "isolation": "bwrap"},
            {"level": "fuzzed", "status": "fail", "detail": "return values differ",
             "evidence": {"counterexample": {"buf": "AAAA", "n": 4},
                          "c": {"crash": "SIGSEGV"}, "rust": {"panic": "index out of bounds"}},
             "isolation": "bwrap"}]}
    return {
        "schema_version": 1, "generated_at": "2026-11-26T05:45:00+00:00",
        "goal_loc": 100_000_000,
        "totals": {"loc": loc, "loc_secured": loc_secured, "units": len(units),
                   "units_secured": len(secured), "tokens_in": 1_234_567,
                   "tokens_out": 234_567, "cost": cost,
                   "cost_per_1000_loc_secured": round(1000 * cost / loc_secured, 6)},
        "targets": [{"name": "kv", "root": "/src/kv", "loc": loc, "loc_secured": loc_secured,
                     "units": len(units), "units_secured": len(secured),
                     "tokens_in": 1_234_567, "tokens_out": 234_567, "cost": cost}],
        "states": {"none": 10, "builds": 20, "fuzzed": 5, "tested": 40,
                   "secured": len(secured), "skipped": 2, "failed": 1, "pending": 7},
        "languages": {"c": {"units": 104, "loc": loc - 900, "loc_secured": loc_secured - 100},
                      "cobol": {"units": 26, "loc": 900, "loc_secured": 100}},
        "history": [{"at": "2026-11-20T10:00:00+00:00", "loc_secured": 0},
                    {"at": "2026-11-23T10:00:00+00:00", "loc_secured": loc_secured // 2},
                    {"at": "2026-11-26T05:40:00+00:00", "loc_secured": loc_secured}],
        "projection": {"rate_per_day": 512.5, "eta": "2560-03-01",
                       "basis": "the last 30 days of verify runs, extrapolated linearly"},
        "failures": [{"reason": "not verified past builds", "units": 60},
                     {"reason": "fuzzed: counterexample found", "units": 1}],
        "units": units, "details": details}


@pytest.fixture
def data() -> dict[str, Any]:
    return sample_data()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium "
                    "(apt-get install chromium) to run the dashboard browser tests")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright is missing: pip install -e '.[dev]'")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that fails the test on any JavaScript error or failed load (but the
    503 the live test provokes)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error"
          and "status of 503" not in m.text else None)  # the live test's busy ledger
    yield pg
    context.close()
    assert not errors, f"the page reported errors: {errors}"


def write_page(tmp_path: Path, html: str) -> Path:
    path = tmp_path / "index.html"
    path.write_text(html, "utf-8")
    return path

