"""All three levels on a real library: zlib from Debian's source package, built by its own
configure and Makefile, its example program and minigzip as workloads (slow: fetched)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.cli.test_contracts import schema

pytestmark = pytest.mark.slow


def test_zlib_is_verified_with_its_own_programs(tmp_path: Path, cli) -> None:
    from bench.real_targets import zlib_target

    toml = zlib_target(tmp_path / "src")
    result = cli("run", toml, "--ledger", tmp_path / "out" / "ledger.db",
                 "--fuzz-examples", "30", timeout=1200)
    assert result.code == 0, result.stderr
    assert "problem:" not in result.stdout  # the workloads' expectations hold
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    jsonschema.validate(report, schema("report.schema.json"))
    levels = [u["level"] for u in report["units"] if u["kind"] == "function"]
    assert levels.count("tested") >= 40
    assert "tested: " in result.stdout and " fail" not in result.stdout.split("tested: ")[1]
    assert report["totals"]["loc_secured"] > 0
