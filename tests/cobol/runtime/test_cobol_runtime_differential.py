"""Differential test: the `cobol_rt` Rust runtime against GnuCOBOL 3.1.2.

One COBOL program and one Rust program are generated from the same case table
(cobol_suite.py); both must print byte-identical output. Dialect: `cobc -x -std=default`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from refactor.translate.cobol.runtime import runtime_source

from .cobol_cases import cobol_program, rust_program
from .cobol_suite import all_cases

COBC_FLAGS = ["-x", "-std=default"]

pytestmark = pytest.mark.skipif(
    not (shutil.which("cobc") and shutil.which("rustc")), reason="needs cobc and rustc"
)


def _run(cmd: list[str], cwd: Path) -> bytes:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=300)
    assert proc.returncode == 0, f"{cmd[0]} failed:\n{proc.stderr.decode(errors='replace')}"
    return proc.stdout


def _build_both(tmp: Path) -> tuple[bytes, bytes]:
    cases = all_cases()
    (tmp / "rtdiff.cob").write_text(cobol_program(cases))
    _run(["cobc", *COBC_FLAGS, "-o", "rtdiff_cob", "rtdiff.cob"], tmp)
    for rel, text in runtime_source().items():
        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp / rel).write_text(text)
    (tmp / "main.rs").write_text(rust_program(cases))
    # debug build: quick to compile, and integer overflow in the runtime panics
    _run(["rustc", "--edition", "2021", "-o", "rtdiff_rs", "main.rs"], tmp)
    return _run([str(tmp / "rtdiff_cob")], tmp), _run([str(tmp / "rtdiff_rs")], tmp)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    return _build_both(tmp_path_factory.mktemp("cobol_rt"))


def test_runtime_matches_gnucobol(outputs: tuple[bytes, bytes]) -> None:
    cob, rs = outputs
    assert cob.count(b"\n") > 1000
    cob_lines, rs_lines = cob.split(b"\n"), rs.split(b"\n")
    diffs = [(c, r) for c, r in zip(cob_lines, rs_lines, strict=False) if c != r]
    shown = "\n".join(f"cobc {c!r}\nrust {r!r}" for c, r in diffs[:30])
    assert not diffs, f"{len(diffs)} lines differ:\n{shown}"
    assert len(cob_lines) == len(rs_lines)


def test_runtime_source_lists_module_files() -> None:
    files = runtime_source()
    assert "cobol_rt/mod.rs" in files
    for name, text in files.items():
        assert name.startswith("cobol_rt/") and name.endswith(".rs")
        assert not re.search(r"\bunsafe\s*(\{|fn\b|impl\b)", text), name
