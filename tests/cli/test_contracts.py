"""The machine-readable outputs follow the JSON Schemas of DESIGN.md's contracts."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import REPO

SHARED = REPO.parent / "shared" / "contracts"


def schema(name: str) -> dict:
    return json.loads(files("refactor.contracts").joinpath(name).read_text("utf-8"))


@pytest.mark.parametrize("name", ["scan.schema.json", "report.schema.json"])
def test_packaged_schemas_are_the_shared_contracts(name: str) -> None:
    if not (SHARED / name).exists():
        pytest.skip(f"no shared contracts beside the repository ({SHARED})")
    assert schema(name) == json.loads((SHARED / name).read_text())


@pytest.mark.parametrize("target", ["kvstore", "payroll"])
def test_scan_json_of_demo_targets_validates(target: str, tmp_path: Path, cli) -> None:
    result = cli("scan", REPO / "targets" / f"{target}.toml", "--json",
                 "--ledger", tmp_path / "ledger.db")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema("scan.schema.json"))
    assert data["skipped"] == []
    assert data["totals"]["files"] == len(data["files"])
    assert data["totals"]["units"] == len(data["units"])
    assert data["totals"]["loc"] == sum(f["loc"] for f in data["files"])
    ids = [u["id"] for u in data["units"]]
    assert len(ids) == len(set(ids))
