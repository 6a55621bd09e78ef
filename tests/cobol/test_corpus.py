"""The COBOL semantics corpus in tests/cobol/corpus/: small programs, one semantic point
each, whose recorded outputs the COBOL -> Rust translator must reproduce.

Every program listed in corpus/MANIFEST.toml is compiled with the real GnuCOBOL `cobc`
using the flags pinned in the manifest, run in a fresh temporary directory (stdin from
its `.in` file, or empty), and its stdout, exit status and written files are compared
with the recorded `<name>.out`, `<name>.status` (only when non-zero) and the manifest's
`outputs`. Stderr must be empty and `cobc` must print no warning. Other tests check that
the manifest lists every `.cob` file, that each PROGRAM-ID matches its file name (stem
upper-cased, `_` -> `-`), and that every line is fixed format (columns 1-6 blank,
indicator in column 7, code ending by column 72, no line shorter than 7 columns).

Regenerating the expected outputs (after adding or changing a program, or to re-record
with another GnuCOBOL build; check the result with `git diff` and read the outputs!):

    REFACTOR_REGEN_CORPUS=1 .venv/bin/pytest tests/cobol/test_corpus.py

In that mode the run tests write `<name>.out`, `<name>.status` (removed when the status
is 0) and the expected output files instead of comparing, and still fail on compiler
warnings, stderr output, or an exit status different from the manifest's.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "corpus"
MANIFEST = tomllib.loads((CORPUS / "MANIFEST.toml").read_text(encoding="utf-8"))
PROGRAMS = {p["name"]: p for p in MANIFEST["programs"]}
REGEN = os.environ.get("REFACTOR_REGEN_CORPUS") == "1"
COBC_TIMEOUT = 60
_PROGRAM_ID = re.compile(r"^.{7}\s*PROGRAM-ID\.\s+([A-Za-z0-9-]+)", re.IGNORECASE | re.MULTILINE)


def _expected_id(path: Path) -> str:
    return path.stem.upper().replace("_", "-")


def _lines(path: Path) -> list[str]:
    text = path.read_text(encoding="ascii")
    assert text.endswith("\n"), f"{path.name}: no final newline"
    return text[:-1].split("\n")


def test_manifest_header_pins_the_compiler() -> None:
    corpus = MANIFEST["corpus"]
    assert corpus["gnucobol"].startswith("cobc (GnuCOBOL) 3.1.2")
    assert corpus["flags"] == ["-x", "-std=default"]
    for prog in PROGRAMS.values():
        assert prog["flags"] == corpus["flags"], prog["name"]


def test_manifest_lists_every_program_and_file() -> None:
    assert len(PROGRAMS) == len(MANIFEST["programs"]), "duplicate program names"
    assert len(PROGRAMS) >= 40
    listed: set[str] = set()
    for name, prog in PROGRAMS.items():
        assert prog["files"][0] == f"{name}.cob", name
        assert prog["point"].strip() and "\n" not in prog["point"], name
        listed.update(prog["files"])
        for rel in prog["files"] + ([prog["stdin"]] if "stdin" in prog else []):
            assert (CORPUS / rel).is_file(), f"{name}: missing {rel}"
        if REGEN:  # the expected files are (re)written by test_program_output
            continue
        for rel in [prog["expected_stdout"], *prog.get("outputs", {}).values()]:
            assert (CORPUS / rel).is_file(), f"{name}: missing {rel}"
        status_file = CORPUS / f"{name}.status"
        if prog["expected_status"]:
            assert status_file.read_text().strip() == str(prog["expected_status"]), name
        else:
            assert not status_file.exists(), f"{name}: status 0 but {status_file.name} exists"
    on_disk = {p.name for p in CORPUS.glob("*.cob")}
    assert listed == on_disk


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.cob")), ids=lambda p: p.stem)
def test_program_id_matches_file_name(path: Path) -> None:
    ids = _PROGRAM_ID.findall(path.read_text(encoding="ascii"))
    assert [i.upper() for i in ids] == [_expected_id(path)]


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.cob")), ids=lambda p: p.stem)
def test_fixed_format(path: Path) -> None:
    lines = _lines(path)
    assert 20 <= len(lines) <= 120, f"{path.name}: {len(lines)} lines"
    for number, line in enumerate(lines, 1):
        where = f"{path.name}:{number}"
        assert 7 <= len(line) <= 72, f"{where}: length {len(line)}"
        assert line[:6] == "      ", f"{where}: sequence area not blank"
        assert line[6] in " *-/", f"{where}: bad indicator {line[6]!r}"
        assert "\t" not in line and "\r" not in line, where


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path | None, str]]:
    """Compile every program once, two at a time: name -> (executable or None, cobc output)."""
    if shutil.which("cobc") is None:
        pytest.skip("GnuCOBOL `cobc` is not installed")
    out_dir = tmp_path_factory.mktemp("corpus-bin")

    def compile_one(prog: dict) -> tuple[str, tuple[Path | None, str]]:
        exe = out_dir / prog["name"]
        cmd = ["cobc", *prog["flags"], "-o", str(exe), *(str(CORPUS / f) for f in prog["files"])]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=COBC_TIMEOUT,
                              cwd=out_dir)
        ok = proc.returncode == 0 and exe.is_file()
        return prog["name"], (exe if ok else None, proc.stdout + proc.stderr)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(compile_one, PROGRAMS.values()))


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_program_output(name: str, built: dict[str, tuple[Path | None, str]],
                        tmp_path: Path) -> None:
    prog = PROGRAMS[name]
    exe, messages = built[name]
    assert exe is not None, f"cobc failed:\n{messages}"
    assert "warning" not in messages.lower(), messages
    stdin = (CORPUS / prog["stdin"]).read_bytes() if "stdin" in prog else b""
    proc = subprocess.run([str(exe)], input=stdin, capture_output=True, cwd=tmp_path,
                          timeout=MANIFEST["corpus"]["timeout"])
    assert proc.stderr == b"", proc.stderr.decode(errors="replace")
    assert proc.returncode == prog["expected_status"], proc.stdout.decode(errors="replace")
    outputs = prog.get("outputs", {})
    produced = {p.name for p in tmp_path.iterdir()}
    assert produced == set(outputs), f"files written: {sorted(produced)}"
    if REGEN:
        (CORPUS / prog["expected_stdout"]).write_bytes(proc.stdout)
        status_file = CORPUS / f"{name}.status"
        if proc.returncode:
            status_file.write_text(f"{proc.returncode}\n")
        else:
            status_file.unlink(missing_ok=True)
        for written, expected in outputs.items():
            (CORPUS / expected).write_bytes((tmp_path / written).read_bytes())
        return
    assert proc.stdout.decode("latin-1") == (CORPUS / prog["expected_stdout"]).read_bytes() \
        .decode("latin-1")
    for written, expected in outputs.items():
        assert (tmp_path / written).read_bytes() == (CORPUS / expected).read_bytes(), written
