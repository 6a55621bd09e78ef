"""Target TOML files are validated with errors that name the file and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from refactor.model import TargetError, load_target
from tests.conftest import REPO


@pytest.mark.parametrize("name", ["kvstore", "payroll"])
def test_demo_targets_load(name: str) -> None:
    target = load_target(REPO / "targets" / f"{name}.toml")
    assert target.name == name
    assert target.source_dir.is_dir()
    assert target.workloads and target.build.commands
    for workload in target.workloads:
        for rel in (workload.stdin, workload.expected_stdout, *workload.outputs.values()):
            if rel is not None:
                assert (target.source_dir / rel).is_file(), rel


def test_unknown_key_and_wrong_type_are_named(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    path = tmp_path / "t.toml"
    path.write_text('name = "t"\nsource = "src"\ncolour = "blue"\n'
                    '[[workloads]]\nname = "w"\ncommand = "not-a-list"\n')
    with pytest.raises(TargetError) as info:
        load_target(path)
    message = str(info.value)
    assert str(path) in message and "colour" in message and "workloads.0.command" in message


def test_missing_source_directory_and_bad_toml(tmp_path: Path, cli) -> None:
    path = tmp_path / "t.toml"
    path.write_text('name = "t"\nsource = "nowhere"\n')
    with pytest.raises(TargetError, match=r"source directory .* does not exist"):
        load_target(path)
    path.write_text("name = \n")
    result = cli("scan", path)
    assert result.code == 1 and "not valid TOML" in result.stderr
    assert "Traceback" not in result.stderr
