"""The bundled `payroll` COBOL target: it builds with the real GnuCOBOL `cobc` and every
workload in targets/payroll.toml reproduces its recorded stdout, stderr, exit status and
output files."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TOML_PATH = REPO / "targets" / "payroll.toml"
TARGET = tomllib.loads(TOML_PATH.read_text(encoding="utf-8"))
SOURCE = (TOML_PATH.parent / TARGET["source"]).resolve()
WORKLOADS = {wl["name"]: wl for wl in TARGET["workloads"]}
COBOL_SUFFIXES = {".cbl", ".cpy"}


def _cobol_files() -> list[Path]:
    return sorted(p for p in SOURCE.rglob("*") if p.suffix.lower() in COBOL_SUFFIXES)


@pytest.fixture(scope="module")
def built_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh copy of the source directory with the build commands run in it."""
    if shutil.which("cobc") is None:
        pytest.skip("GnuCOBOL `cobc` is not installed; cannot build the payroll target")
    build = tmp_path_factory.mktemp("payroll-build") / "src"
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
    assert (build / "bin" / "payrun").is_file()
    assert (build / "bin" / "ledger").is_file()
    return build


def test_toml_passes_the_target_loader() -> None:
    target_mod = pytest.importorskip("refactor.model.target")
    target = target_mod.load_target(TOML_PATH)
    assert target.name == "payroll"
    assert target.language == "cobol"
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
    files = _cobol_files()
    assert files, "no COBOL sources found"
    lines = sum(len(p.read_bytes().splitlines()) for p in files)
    assert 400 <= lines <= 1000, f"{lines} physical lines in {len(files)} files"


def test_source_layout() -> None:
    """Fixed-format files keep code within columns 8-72; exactly one program is free format;
    every file ends with a newline and has no line of 1-6 characters."""
    free = []
    for path in _cobol_files():
        text = path.read_text(encoding="ascii")
        assert text.endswith("\n"), f"{path.name}: no final newline"
        lines = text.splitlines()
        is_free = lines[0].strip().upper().startswith(">>SOURCE FORMAT FREE")
        if is_free:
            free.append(path.name)
        for number, line in enumerate(lines, 1):
            assert len(line) == 0 or len(line) >= 7, f"{path.name}:{number}: short line"
            if not is_free:
                assert len(line) <= 72, f"{path.name}:{number}: past column 72"
    assert free == ["ledger.cbl"]


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
