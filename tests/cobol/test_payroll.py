"""The COBOL demo target translated to Rust and run on its own workloads: PAYRUN (with
its TAXCALC subprogram) and LEDGER must print, exit and write files exactly as the
GnuCOBOL-built originals do (their outputs are the target's expected files)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from refactor.ledger import Ledger
from refactor.model.target import load_target
from refactor.translate.cobol.program import Program, parse_program
from refactor.translate.cobol.runtime import runtime_source
from refactor.translate.cobol.rust_unit import emit_program
from tests.conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("rustc") is None, reason="needs rustc")
TARGET = load_target(REPO / "targets" / "payroll.toml")
ROOT = TARGET.source_dir


def _program(name: str) -> Program:
    def copybook(book: str) -> str | None:
        path = ROOT / "copy" / f"{book}.cpy"
        return path.read_text() if path.exists() else None

    parsed = parse_program((ROOT / "src" / name).read_text(), copybook)
    assert isinstance(parsed, Program), parsed
    return parsed


def _build(work: Path, name: str, main: Program, callees: list[Program]) -> Path:
    crate = work / f"build-{name}"
    for rel, text in runtime_source().items():
        (crate / rel).parent.mkdir(parents=True, exist_ok=True)
        (crate / rel).write_text(text)
    (crate / "main.rs").write_text(emit_program(main, callees))
    build = subprocess.run(["rustc", "--edition", "2021", "-A", "warnings", "-o",
                            str(crate / name), str(crate / "main.rs")],
                           capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr[:3000]
    return crate / name


@pytest.fixture(scope="module")
def binaries(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("payroll")
    return {"payrun": _build(work, "payrun", _program("payrun.cbl"), [_program("taxcalc.cbl")]),
            "ledger": _build(work, "ledger", _program("ledger.cbl"), [])}


@pytest.mark.parametrize("workload", TARGET.workloads, ids=[w.name for w in TARGET.workloads])
def test_translated_payroll_agrees_with_gnucobol(workload, binaries, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = tmp_path / "run"
    shutil.copytree(ROOT, run)
    (run / "bin").mkdir(exist_ok=True)
    for name, binary in binaries.items():
        shutil.copy(binary, run / "bin" / name)
    stdin = (run / workload.stdin).read_bytes() if workload.stdin else b""
    done = subprocess.run(workload.command, cwd=run, input=stdin, capture_output=True,
                          timeout=60)
    assert done.stdout.decode() == (ROOT / workload.expected_stdout).read_text()
    assert done.returncode == workload.expected_status
    for written, expected in workload.outputs.items():
        assert (run / written).read_text() == (ROOT / expected).read_text(), written


def test_refactor_run_secures_the_cobol_demo(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """The whole pipeline: scan, translate (one binary per run unit), verify (cobc's
    executables replaced by the Rust binaries on the target's workloads), report."""
    import json

    shutil.copytree(REPO / "targets" / "payroll", tmp_path / "payroll")
    shutil.copyfile(REPO / "targets" / "payroll.toml", tmp_path / "payroll.toml")
    result = cli("run", tmp_path / "payroll.toml", "--ledger", tmp_path / "out" / "l.db",
                 timeout=900)
    assert result.code == 0, result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    programs = {u["name"]: u for u in report["units"] if u["kind"] == "program"}
    assert set(programs) == {"PAYRUN", "TAXCALC", "LEDGER"}
    for unit in programs.values():
        assert (unit["level"], unit["secured"], unit["unsafe_lines"]) == ("tested", True, 0)
    books = [u for u in report["units"] if u["kind"] == "copybook"]
    assert books and all(u["level"] == "tested" and u["secured"] for u in books)  # via users
    assert report["totals"]["loc_secured"] == report["totals"]["loc"]


def test_a_wrong_cobol_translation_is_caught(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """A changed program (its translation prints something else) fails `tested`."""
    from refactor.verify.cobol import verify_cobol

    shutil.copytree(REPO / "targets" / "payroll", tmp_path / "payroll")
    shutil.copyfile(REPO / "targets" / "payroll.toml", tmp_path / "payroll.toml")
    ledger = tmp_path / "out" / "l.db"
    assert cli("scan", tmp_path / "payroll.toml", "--ledger", ledger).code == 0
    assert cli("translate", tmp_path / "payroll.toml", "--ledger", ledger).code == 0
    main = tmp_path / "out" / "rust" / "payroll" / "src" / "bin" / "ledger" / "main.rs"
    text = main.read_text()
    assert "TRIAL BALANCE" in text, "the ledger program's title moved; update this test"
    main.write_text(text.replace("TRIAL BALANCE", "TRIAL BALANCF"))
    verdicts: list[tuple[int, str, str, str | None]] = []
    target = load_target(tmp_path / "payroll.toml")
    verify_cobol(target, {1: ("ledger", "LEDGER", "src/ledger.cbl"),
                          2: ("payrun", "PAYRUN", "src/payrun.cbl")},
                 tmp_path / "out" / "rust" / "payroll", tmp_path / "work",
                 lambda uid, level, status, detail, *_: verdicts.append(
                     (uid, level, status, detail)), [])
    tested = {uid: (status, detail) for uid, level, status, detail in verdicts
              if level == "tested"}
    assert tested[1][0] == "fail" and "TRIAL BALANCE" in (tested[1][1] or "")
    assert tested[2][0] == "pass"
    # through `refactor verify`, the program's level says why (not its copybooks' reason)
    assert cli("verify", tmp_path / "payroll.toml", "--ledger", ledger,
               timeout=600).code == 0
    with Ledger(ledger) as led:
        tid = led.targets()[0][0]
        names = {u.id: u.name for u in led.units(tid)}
        levels = {names[uid]: lv for uid, lv in led.unit_levels(tid).items()}
    assert levels["LEDGER"].level == "builds" and not levels["LEDGER"].secured
    assert (levels["LEDGER"].reason or "").startswith(
        "differs from the original at tested: workload ledger:"), levels["LEDGER"]
    assert levels["PAYRUN"].level == "tested" and levels["PAYRUN"].secured
