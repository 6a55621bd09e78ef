"""The bundled `kvstore` C target: it builds with the real gcc and every workload in
targets/kvstore.toml reproduces its recorded stdout, stderr, exit status and output files."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TOML_PATH = REPO / "targets" / "kvstore.toml"
TARGET = tomllib.loads(TOML_PATH.read_text(encoding="utf-8"))
SOURCE = (TOML_PATH.parent / TARGET["source"]).resolve()
WORKLOADS = {wl["name"]: wl for wl in TARGET["workloads"]}


@pytest.fixture(scope="module")
def built_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh copy of the source directory with the build commands run in it."""
    build = tmp_path_factory.mktemp("kvstore-build") / "src"
    shutil.copytree(SOURCE, build, symlinks=True)
    for command in TARGET["build"]["commands"]:
        proc = subprocess.run(
            command,
            shell=True,
            cwd=build,
            capture_output=True,
            text=True,
            timeout=TARGET["build"]["timeout"],
        )
        assert proc.returncode == 0, f"{command!r} failed:\n{proc.stdout}\n{proc.stderr}"
        assert "warning" not in proc.stderr.lower(), proc.stderr
    assert (build / "kvstore").is_file()
    return build


def test_toml_passes_the_target_loader() -> None:
    target_mod = pytest.importorskip("refactor.model.target")
    target = target_mod.load_target(TOML_PATH)
    assert target.name == "kvstore"
    assert target.source_dir == SOURCE
    assert [w.name for w in target.workloads] == list(WORKLOADS)


def test_workload_files_exist() -> None:
    for wl in WORKLOADS.values():
        referenced = [
            wl.get("stdin"),
            wl.get("expected_stdout"),
            wl.get("expected_stderr"),
            *wl.get("outputs", {}).values(),
        ]
        for rel in filter(None, referenced):
            assert (SOURCE / rel).is_file(), f"{wl['name']}: missing {rel}"


def test_source_size_is_in_range() -> None:
    files = sorted(p for p in SOURCE.rglob("*") if p.suffix in {".c", ".h"})
    assert files, "no C sources found"
    lines = sum(len(p.read_bytes().splitlines()) for p in files)
    assert 600 <= lines <= 1500, f"{lines} physical lines in {len(files)} files"


@pytest.mark.parametrize("name", list(WORKLOADS))
def test_workload_matches_expected(name: str, built_dir: Path, tmp_path: Path) -> None:
    wl = WORKLOADS[name]
    run_dir = tmp_path / "run"
    shutil.copytree(built_dir, run_dir, symlinks=True)
    stdin = (run_dir / wl["stdin"]).read_bytes() if wl.get("stdin") else b""
    proc = subprocess.run(
        wl["command"], cwd=run_dir, input=stdin, capture_output=True, timeout=wl.get("timeout", 60)
    )

    if wl.get("expected_stdout"):
        assert proc.stdout == (SOURCE / wl["expected_stdout"]).read_bytes()
    if wl.get("expected_stderr"):
        assert proc.stderr == (SOURCE / wl["expected_stderr"]).read_bytes()
    assert proc.returncode == wl.get("expected_status", 0)
    for produced, expected in wl.get("outputs", {}).items():
        assert (run_dir / produced).is_file(), f"{produced} was not written"
        assert (run_dir / produced).read_bytes() == (SOURCE / expected).read_bytes()
