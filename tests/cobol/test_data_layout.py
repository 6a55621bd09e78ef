"""The DATA DIVISION model's sizes against GnuCOBOL: `cobc` compiles a program that
DISPLAYs the LENGTH of every item, and the model must say the same."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from refactor.translate.cobol.data import Picture, build_records, parse_entry

pytestmark = pytest.mark.skipif(shutil.which("cobc") is None, reason="needs GnuCOBOL's cobc")

ENTRIES = """\
01  REC-A.
    05  A-NAME          PIC X(12).
    05  A-AMOUNT        PIC S9(7)V99.
    05  A-PACKED        PIC S9(7)V99 COMP-3.
    05  A-PACKED-EVEN   PIC 9(4) COMP-3.
    05  A-BIN-2         PIC S99 COMP.
    05  A-BIN-4         PIC 9(4) BINARY.
    05  A-BIN-9         PIC S9(9) COMP-5.
    05  A-BIN-18        PIC S9(18) COMP.
    05  A-SEP           PIC S9(5) SIGN LEADING SEPARATE.
    05  A-EDIT          PIC $$$,$$9.99-.
    05  A-EDIT2         PIC ZZ,ZZZ,ZZ9.99DB.
    05  A-DATE          PIC 99/99/9999.
    05  A-FLOAT         COMP-1.
    05  A-DOUBLE        COMP-2.
    05  A-TABLE OCCURS 3 TIMES.
        10  A-KEY       PIC 9(4).
        10  A-VAL       PIC S9(5)V9 COMP-3.
    05  A-PAIR.
        10  A-P1        PIC 99.
        10  A-P2        PIC S9(3) COMP-3.
    05  A-VIEW REDEFINES A-PAIR PIC X(3).
    05  FILLER          PIC X(3).
01  REC-B.
    05  B-COUNT         PIC 99 VALUE 0.
        88  B-EMPTY     VALUE 0.
    05  B-ROWS OCCURS 1 TO 5 TIMES DEPENDING ON B-COUNT.
        10  B-CELL      PIC X(2) OCCURS 4 TIMES.
77  C-STANDALONE        PIC 9(3)V9(2).
"""
MEASURED = ["REC-A", "A-NAME", "A-AMOUNT", "A-PACKED", "A-PACKED-EVEN", "A-BIN-2",
            "A-BIN-4", "A-BIN-9", "A-BIN-18", "A-SEP", "A-EDIT", "A-EDIT2", "A-DATE",
            "A-FLOAT", "A-DOUBLE", "A-KEY", "A-VAL", "A-PAIR", "A-VIEW",
            "B-CELL", "C-STANDALONE"]
SUBSCRIPTED = {"A-KEY": "(1)", "A-VAL": "(1)", "B-CELL": "(1 1)"}


def _program() -> str:
    data = "".join(f"       {line}\n" for line in ENTRIES.splitlines())
    shows = "".join(f"           DISPLAY \"{n} \" FUNCTION LENGTH({n}{SUBSCRIPTED.get(n, '')})\n"
                    for n in MEASURED)
    return ("       IDENTIFICATION DIVISION.\n       PROGRAM-ID. LAYOUT.\n"
            "       DATA DIVISION.\n       WORKING-STORAGE SECTION.\n" + data +
            "       PROCEDURE DIVISION.\n" + shows + "           STOP RUN.\n")


def test_sizes_match_gnucobol(tmp_path: Path) -> None:
    source = tmp_path / "layout.cob"
    source.write_text(_program())
    build = subprocess.run(["cobc", "-x", "-std=default", "-o", str(tmp_path / "layout"),
                            str(source)], capture_output=True, text=True, timeout=120)
    assert build.returncode == 0, build.stderr
    run = subprocess.run([str(tmp_path / "layout")], capture_output=True, text=True,
                         timeout=30)
    cobol = {name: int(n) for name, n in (line.split() for line in run.stdout.splitlines())}
    entries = [parse_entry(line.strip(), i) for i, line in enumerate(ENTRIES.splitlines())
               if line.strip()]
    items = {item.name: item for record in build_records(entries) for item in record.walk()}
    ours = {name: items[name].size for name in MEASURED}
    ours["REC-A"] = items["REC-A"].size
    assert ours == cobol
    # And the layout places members where their sizes say.
    assert items["A-VIEW"].offset == items["A-PAIR"].offset
    assert items["A-VAL"].offset == items["A-KEY"].offset + 4
    assert items["B-COUNT"].conditions[0].name == "B-EMPTY"
    assert items["B-ROWS"].depending_on == "B-COUNT" and items["B-ROWS"].occurs == 5


def test_pictures() -> None:
    money = Picture.parse("S9(7)V99")
    assert (money.category, money.digits, money.scale, money.signed) == ("numeric", 9, 2, True)
    assert Picture.parse("PPP99").scale == 5 and Picture.parse("99PP").scale == -2
    edited = Picture.parse("$$$,$$9.99-")
    assert edited.category == "numeric-edited" and edited.scale == 2 and edited.length == 11
    assert Picture.parse("X(3)A").category == "alphanumeric"
    assert Picture.parse("XXBXX").category == "alphanumeric-edited"
