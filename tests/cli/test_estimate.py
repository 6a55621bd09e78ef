"""`refactor estimate`: projections from the ledger's measured runs, never from constants."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("cobc") is None or shutil.which("cargo") is None,
                                reason="needs cobc and cargo")


def test_estimate_projects_the_measured_rates(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    toml, ledger = REPO / "targets" / "payroll.toml", tmp_path / "l.db"
    assert cli("scan", toml, "--ledger", ledger).code == 0
    before = cli("estimate", toml, "--ledger", ledger)
    assert before.code == 0 and "no measured translate and verify runs" in before.stdout
    assert cli("run", toml, "--ledger", ledger).code == 0
    result = cli("estimate", toml, "--ledger", ledger, "--hours", "0.0001", "--json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    rates = data["rates"]
    assert rates["basis"].startswith("1 translate runs over 867 lines")
    per_kloc = rates["translate_s_per_kloc"] + rates["verify_s_per_kloc"]
    payroll, goal = data["projections"]
    assert payroll["loc"] == 867
    assert payroll["seconds"] == pytest.approx(per_kloc * 0.867)
    assert payroll["machines"] == max(1, math.ceil(payroll["seconds"] / 0.36))
    assert goal["loc"] == 100_000_000
    assert goal["seconds"] == pytest.approx(per_kloc * 100_000)
    assert rates["cost_per_kloc"] == 0 and goal["cost"] == 0  # the rules backend is free
