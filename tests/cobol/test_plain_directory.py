"""`refactor run DIR` on COBOL without a target TOML: each run unit is compiled with the
pinned `cobc -x -std=default` (copybook directories as include paths) and run once with
empty input, the Rust binary in its place; the verdict records cobc's version and flags."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from refactor.ledger import Ledger
from tests.cobol.test_copy_replacing import FILES
from tests.conftest import write_tree

pytestmark = pytest.mark.skipif(shutil.which("cobc") is None or shutil.which("cargo") is None,
                                reason="needs cobc and cargo")


def test_plain_directory_is_built_and_run_with_empty_input(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    files = {k: v for k, v in FILES.items() if not k.endswith(".toml")}
    files["src/echo.cob"] = b"""\
       IDENTIFICATION DIVISION.
       PROGRAM-ID. ECHOER.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01 LINE-IN PIC X(20) VALUE "nothing".
       PROCEDURE DIVISION.
           ACCEPT LINE-IN
           DISPLAY "[" LINE-IN "]"
           STOP RUN.
"""
    root = write_tree(tmp_path / "plain", files)
    result = cli("run", root, "--ledger", tmp_path / "out" / "l.db", timeout=600)
    assert result.code == 0, result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    units = {u["name"]: u for u in report["units"]}
    assert units["COPYREP"]["secured"] and units["ECHOER"]["secured"]
    with Ledger(tmp_path / "out" / "l.db") as led:
        rows = led.conn.execute(
            "SELECT u.name, v.evidence FROM verdicts v JOIN units u ON u.id = v.unit_id "
            "WHERE v.level = 'tested' AND v.status = 'pass'").fetchall()
    evidence = {name: json.loads(text) for name, text in rows}
    assert evidence["ECHOER"]["workloads"] == ["bin/echoer (empty input)"]
    assert evidence["ECHOER"]["flags"] == ["-x", "-std=default"]
    assert evidence["ECHOER"]["cobc"].startswith("cobc (GnuCOBOL) 3.")


def test_a_workload_the_original_does_not_finish_proves_nothing(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    root = write_tree(tmp_path / "spin", {
        "src/spin.cob": b"""\
       IDENTIFICATION DIVISION.
       PROGRAM-ID. SPIN.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01 N PIC 9(4) VALUE 0.
       PROCEDURE DIVISION.
           PERFORM UNTIL N > 9999
               ADD 1 TO N
               IF N = 9999 MOVE 0 TO N END-IF
           END-PERFORM
           STOP RUN.
""",
        "spin.toml": """\
        name = "spin"
        language = "cobol"
        source = "src"

        [build]
        commands = ["cobc -x -std=default -o spin spin.cob"]

        [[workloads]]
        name = "forever"
        command = ["./spin"]
        timeout = 2
        """})
    result = cli("run", root / "spin.toml", "--ledger", tmp_path / "out" / "l.db", timeout=600)
    assert result.code == 0, result.stderr
    assert "spin/forever: the original ran out of time (2 s); the workload is not used" in \
        " ".join(result.stdout.split())
    units = {u["name"]: u for u in json.loads(
        (tmp_path / "out" / "report.json").read_text())["units"]}
    assert not units["SPIN"]["secured"] and units["SPIN"]["level"] == "builds"
