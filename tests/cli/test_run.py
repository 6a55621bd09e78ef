"""`refactor run`: scan, plan, translate, verify and report.json on a small real program."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from tests.cli.test_contracts import schema
from tests.verify.conftest import textstats_source


def test_run_secures_what_the_evidence_supports(tmp_path: Path, cli) -> None:
    toml = textstats_source(tmp_path)
    result = cli("run", toml, "--ledger", tmp_path / "out" / "ledger.db",
                 "--fuzz-examples", "40")
    assert result.code == 0, result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    jsonschema.validate(report, schema("report.schema.json"))
    units = {u["name"]: u for u in report["units"] if u["kind"] == "function"}
    # Executed by the workload, substituted into the program, and agreeing: tested.
    assert units["sum_bytes"]["level"] == "tested"
    assert units["negate_if"]["level"] == "tested"
    # Never executed by the workload: fuzzing is its only evidence.
    assert units["never_called"]["level"] == "fuzzed"
    assert "not tested" in units["never_called"]["reason"]
    for unit in report["units"]:  # secured exactly as DESIGN.md defines it
        assert unit["secured"] == (unit["level"] in ("fuzzed", "tested")
                                   and unit["unsafe_lines"] == 0), unit
    secured = [u for u in report["units"] if u["secured"]]
    assert secured, "a safe, verified function exists in textstats"
    assert report["totals"]["loc_secured"] == sum(u["loc"] for u in secured)
    assert report["totals"]["units"] == len(report["units"])
    assert "secured" in result.stdout


def test_verify_before_translate_says_what_to_do(tmp_path: Path, cli) -> None:
    toml = textstats_source(tmp_path)
    assert cli("scan", toml, "--ledger", tmp_path / "l.db").code == 0
    result = cli("verify", toml, "--ledger", tmp_path / "l.db")
    assert result.code == 0, result.stderr
    assert "run `refactor translate` first" in result.stdout
