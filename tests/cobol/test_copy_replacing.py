"""COPY ... REPLACING end to end: a target whose program takes its records and statements
from copybooks, each COPY replacing pseudo-text, words, literals and leading parts of
words; `refactor run` must translate it and agree with the cobc-built original."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import write_tree

pytestmark = pytest.mark.skipif(shutil.which("cobc") is None or shutil.which("cargo") is None,
                                reason="needs cobc and cargo")

FILES: dict[str, str | bytes] = {
    "copy/REC.cpy": b"""\
      * a record layout with a tag for REPLACING
       01  :PFX:-REC.
           05  :PFX:-ID        PIC 9(4) VALUE 42.
           05  :PFX:-NAME      PIC X(10) VALUE "ALPHA".
           05  OLD-AMOUNT      PIC S9(5)V99 VALUE -12.5.
""",
    "copy/SHOW.cpy": b"""\
           DISPLAY "WHO " WHO-ID " " WHO-NAME.
           DISPLAY "AMOUNT " AMT-AMOUNT.
""",
    "src/copyrep.cob": b"""\
       IDENTIFICATION DIVISION.
       PROGRAM-ID. COPYREP.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       COPY REC REPLACING ==:PFX:== BY ==WHO==
                          LEADING ==OLD-== BY ==AMT-==
                          ==PIC S9(5)V99== BY ==PIC S9(7)V99==.
       COPY "REC.cpy" REPLACING ==:PFX:== BY ==TWO==
           ==VALUE 42== BY ==VALUE 7== OLD-AMOUNT BY TWO-AMOUNT.
       PROCEDURE DIVISION.
       MAIN-PARA.
           COPY SHOW.
           ADD 1000000 TO AMT-AMOUNT
           DISPLAY "TWO " TWO-ID " " TWO-NAME " " TWO-AMOUNT
           COPY SHOW REPLACING "AMOUNT " BY "TOTAL  ".
           STOP RUN.
""",
    "copyrep.toml": """\
        name = "copyrep"
        language = "cobol"
        source = "."
        copybook_dirs = ["copy"]

        [build]
        commands = ["mkdir -p bin", "cobc -x -std=default -I copy -o bin/copyrep src/copyrep.cob"]

        [[workloads]]
        name = "once"
        command = ["bin/copyrep"]
        """,
}
EXPECTED = ("WHO 0042 ALPHA     \nAMOUNT -0000012.50\nTWO 0007 ALPHA      -00012.50\n"
            "WHO 0042 ALPHA     \nTOTAL  +0999987.50\n")


def test_copy_replacing_is_translated_and_agrees_with_cobc(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    root = write_tree(tmp_path / "copyrep", FILES)
    result = cli("run", root / "copyrep.toml", "--ledger", root / ".refactor" / "l.db",
                 timeout=600)
    assert result.code == 0, result.stderr
    report = json.loads((root / ".refactor" / "report.json").read_text())
    units = {u["name"]: u for u in report["units"]}
    assert units["COPYREP"]["level"] == "tested", units["COPYREP"]
    assert units["COPYREP"]["secured"]
    assert units["REC"]["secured"] and units["SHOW"]["secured"]  # the copybooks with it
    # the workload compared is the one cobc's program prints (not an empty agreement)
    built = tmp_path / "built"
    shutil.copytree(root / "copy", built / "copy")
    shutil.copytree(root / "src", built / "src")
    subprocess.run(["cobc", "-x", "-std=default", "-I", "copy", "-o", "p", "src/copyrep.cob"],
                   cwd=built, check=True)
    assert subprocess.run(["./p"], cwd=built, capture_output=True, check=True,
                          text=True).stdout == EXPECTED
