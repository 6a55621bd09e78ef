"""`refactor report`: report.json, summary.md from one or several ledgers."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema

from refactor.report.data import _burnup, _projection
from refactor.report.summary import LIMIT, render_summary
from tests.cli.test_contracts import schema
from tests.conftest import REPO
from tests.verify.conftest import textstats_source


def _report(cli, out: Path, *ledgers: Path) -> dict:  # type: ignore[no-untyped-def]
    args = [a for led in ledgers for a in ("--ledger", led)]
    result = cli("report", *args, "--out", out)
    assert result.code == 0, result.stderr
    return json.loads((out / "report.json").read_text())


def test_two_ledgers_merge_into_the_sums_of_both(tmp_path: Path, cli) -> None:
    verified = tmp_path / "a" / "l.db"  # textstats, verified: some lines secured
    assert cli("run", textstats_source(tmp_path), "--ledger", verified,
               "--fuzz-examples", "20").code == 0
    translated = tmp_path / "b" / "l.db"  # kvstore, translated but not verified
    assert cli("scan", REPO / "targets" / "kvstore.toml", "--ledger", translated).code == 0
    assert cli("translate", REPO / "targets" / "kvstore.toml", "--ledger", translated).code == 0
    one = _report(cli, tmp_path / "r1", verified)
    two = _report(cli, tmp_path / "r2", translated)
    both = _report(cli, tmp_path / "r3", verified, translated)
    for report in (one, two, both):
        jsonschema.validate(report, schema("report.schema.json"))
    for key in ("loc", "loc_secured", "units", "units_secured"):
        assert both["totals"][key] == one["totals"][key] + two["totals"][key]
    assert [t["name"] for t in both["targets"]] == ["textstats", "kvstore"]
    assert one["totals"]["loc_secured"] > 0 and two["totals"]["loc_secured"] == 0
    assert both["states"]["secured"] == one["totals"]["units_secured"]
    assert both["history"][-1]["loc_secured"] == one["totals"]["loc_secured"]
    summary = (tmp_path / "r3" / "summary.md").read_text()
    assert f"**{both['totals']['loc_secured']:,}** of 100,000,000" in summary
    assert "| kvstore |" in summary and "| textstats |" in summary


def test_summary_stays_under_a_mebibyte(tmp_path: Path) -> None:
    unit = {"id": "t:" + "x" * 200, "loc": 5, "level": "builds", "secured": False,
            "unsafe_lines": 3, "reason": "r"}
    data = {"goal_loc": 100_000_000, "targets": [], "states": {"builds": 50_000},
            "failures": [], "units": [dict(unit, id=f"{unit['id']}{i}") for i in range(50_000)],
            "projection": {"eta": None, "basis": "no history"},
            "totals": {"loc": 250_000, "loc_secured": 0, "units": 50_000, "units_secured": 0,
                       "tokens_in": 0, "tokens_out": 0, "cost": 0.0,
                       "cost_per_1000_loc_secured": None}}
    text = render_summary(data)
    assert len(text.encode()) < LIMIT
    assert "more units: see the full report" in text


def test_projection_needs_history_and_extrapolates_the_recent_rate() -> None:
    now = datetime(2026, 11, 26, tzinfo=UTC)
    at = [(now - timedelta(days=d)).isoformat() for d in (10, 5, 0)]
    points = _burnup([(at[0], "a", 1_000), (at[1], "b", 500), (at[2], "a", 11_000)])
    assert [p["loc_secured"] for p in points] == [1_000, 1_500, 11_500]
    projection = _projection(points, 11_500, now)
    assert projection["rate_per_day"] == 1_050.0  # 10,500 lines in 10 days
    days = (100_000_000 - 11_500) / 1_050
    assert projection["eta"] == (now + timedelta(days=days)).date().isoformat()
    assert _projection(points[:1], 1_000, now)["eta"] is None
