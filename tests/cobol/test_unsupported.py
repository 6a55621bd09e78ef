"""EXEC SQL / EXEC CICS, SCREEN and REPORT sections: cut before parsing, the unit recorded as
unsupported with the reason and line, never translated without them (nor is a program that
CALLs one), while the rest of the target goes on to be secured."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from refactor.scan.cobol.source import normalize
from refactor.scan.cobol.units import extract
from tests.conftest import write_tree

SQLSUB = b"""\
       IDENTIFICATION DIVISION.
       PROGRAM-ID. SQLSUB.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
           EXEC SQL INCLUDE SQLCA END-EXEC.
       01 CNT PIC 9(4).
       PROCEDURE DIVISION.
       FETCH-IT.
           EXEC SQL
              SELECT COUNT(*) INTO :CNT FROM T
           END-EXEC
           DISPLAY "EXEC SQL is only text here" CNT.
       DONE-IT.
           GOBACK.
"""
SCREEN = b"""\
       IDENTIFICATION DIVISION.
       PROGRAM-ID. SCR.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01 X PIC 9 VALUE 1.
       SCREEN SECTION.
       01 S1.
          05 LINE 1 COL 1 VALUE "HI".
       PROCEDURE DIVISION.
           DISPLAY X.
           STOP RUN.
"""
CICS_REPORT = b"""\
       IDENTIFICATION DIVISION.
       PROGRAM-ID. RPT.
       DATA DIVISION.
       REPORT SECTION.
       RD R1.
       01 TYPE DETAIL LINE PLUS 1.
          05 COLUMN 1 PIC X(5) SOURCE "HELLO".
       PROCEDURE DIVISION.
           EXEC CICS RETURN END-EXEC.
"""


def test_cut_constructs_keep_the_rest_parseable() -> None:
    norm = normalize(SQLSUB.decode())
    assert norm.unsupported == ((5, "EXEC SQL"), (9, "EXEC SQL"))
    lines = norm.text.splitlines()
    assert lines[8].strip() == "CONTINUE" and lines[9].strip() == ""  # one statement
    assert 'DISPLAY "EXEC SQL is only text here" CNT.' in lines[11]  # a literal is kept
    units = {u.name: u for u in extract(SQLSUB, "sqlsub.cob").units}
    assert units["SQLSUB"].reason == ("unsupported: EXEC SQL at line 5 (embedded SQL needs a "
                                      "database the translation has no model of)")
    assert units["SQLSUB.FETCH-IT"].reason.startswith("unsupported: EXEC SQL at line 9")
    assert units["SQLSUB.DONE-IT"].reason is None  # a paragraph without any


def test_screen_report_and_cics() -> None:
    scr = {u.name: u for u in extract(SCREEN, "scr.cob").units}
    assert scr["SCR"].reason.startswith("unsupported: SCREEN SECTION at line 6 (screen")
    rpt = normalize(CICS_REPORT.decode())
    assert rpt.unsupported == ((4, "REPORT SECTION"), (9, "EXEC CICS"))
    unit = extract(CICS_REPORT, "rpt.cob").units[0]
    assert unit.reason.startswith("unsupported: REPORT SECTION at line 4 (the report writer")


@pytest.mark.skipif(shutil.which("cobc") is None or shutil.which("cargo") is None,
                    reason="needs cobc and cargo")
def test_run_skips_them_with_reasons_and_secures_the_rest(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    root = write_tree(tmp_path / "us", {
        "src/sqlsub.cob": SQLSUB, "src/scr.cob": SCREEN,
        "src/mainp.cob": b"""\
       IDENTIFICATION DIVISION.
       PROGRAM-ID. MAINP.
       PROCEDURE DIVISION.
           DISPLAY "MAIN"
           CALL "SQLSUB"
           STOP RUN.
""",
        "src/fine.cob": b"""\
       IDENTIFICATION DIVISION.
       PROGRAM-ID. FINE.
       PROCEDURE DIVISION.
           DISPLAY "FINE".
           STOP RUN.
""",
        "us.toml": """\
        name = "us"
        language = "cobol"
        source = "src"

        [build]
        commands = ["cobc -x -std=default -o fine fine.cob",
                    "cobc -x -std=default -o scr scr.cob"]

        [[workloads]]
        name = "fine"
        command = ["./fine"]
        """})
    result = cli("run", root / "us.toml", "--ledger", tmp_path / "out" / "l.db", timeout=600)
    assert result.code == 0, result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    units = {u["name"]: u for u in report["units"] if u["kind"] == "program"}
    assert units["FINE"]["secured"]
    assert not units["SCR"]["secured"] and not units["SQLSUB"]["secured"]
    assert units["SCR"]["reason"].startswith("unsupported: SCREEN SECTION at line 6")
    assert units["MAINP"]["reason"].startswith(
        "not translated yet: it CALLs SQLSUB: unsupported: EXEC SQL at line 5")
    assert units["MAINP"]["level"] == "none"
