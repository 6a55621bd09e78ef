"""COBOL files split into programs, sections, paragraphs and copybooks."""

from __future__ import annotations

from refactor.scan.cobol.source import is_free_format, normalize
from refactor.scan.cobol.units import extract

FIXED = b"""\
000100 IDENTIFICATION DIVISION.
000200 PROGRAM-ID. BILLING.
000300 DATA DIVISION.
000400 WORKING-STORAGE SECTION.
000500 COPY CUSTREC.
000600 01  WS-TOTAL        PIC S9(7)V99 COMP-3 VALUE 0.
000700 PROCEDURE DIVISION.
000800 MAIN-LOGIC SECTION.
000900 START-UP.
001000     PERFORM LOAD-DATA THRU LOAD-EXIT.
001100     CALL "TAXCALC" USING WS-TOTAL.
001200     GO TO FINISH.
001300 LOAD-DATA.
001400*    a comment line
001500     ADD 1 TO WS-TOTAL.
001600 LOAD-EXIT.
001700     EXIT.
001800 FINISH.
001900     STOP RUN.
"""

FREE = b"""\
>>SOURCE FORMAT FREE
*> a free-format program
IDENTIFICATION DIVISION.
PROGRAM-ID. freeprog.
PROCEDURE DIVISION.
main-para.
    PERFORM other-para. *> inline comment
    DISPLAY "a very long literal that goes past column seventy-two of a card" " and more".
    STOP RUN.
other-para.
    DISPLAY "OTHER".
"""


def by_name(units):
    return {u.name: u for u in units}


def flat(refs):
    return {(r.kind, name) for r in refs for name in r.names}


def test_program_sections_paragraphs_and_references() -> None:
    result = extract(FIXED, "src/billing.cbl")
    units = by_name(result.units)
    assert {n: u.kind for n, u in units.items()} == {
        "BILLING": "program",
        "BILLING.MAIN-LOGIC": "section",
        "BILLING.START-UP": "paragraph",
        "BILLING.LOAD-DATA": "paragraph",
        "BILLING.LOAD-EXIT": "paragraph",
        "BILLING.FINISH": "paragraph",
    }
    assert units["BILLING"].reason is None
    assert flat(units["BILLING"].refs) == {
        ("copy", "CUSTREC"), ("call", "TAXCALC")}
    assert flat(units["BILLING.START-UP"].refs) == {
        ("perform", "BILLING.LOAD-DATA"), ("perform", "BILLING.LOAD-EXIT"),
        ("call", "TAXCALC"), ("goto", "BILLING.FINISH")}
    load = units["BILLING.LOAD-DATA"]
    assert (load.start_line, load.end_line, load.loc) == (13, 15, 2)
    assert load.parent == "BILLING.MAIN-LOGIC"
    section = units["BILLING.MAIN-LOGIC"]
    assert (section.start_line, section.end_line) == (8, 19)
    assert units["BILLING"].loc == result.loc == 18


def test_free_format_is_recolumned_and_parsed() -> None:
    text = FREE.decode()
    assert is_free_format(text.splitlines())
    norm = normalize(text)
    assert all(len(line) >= 8 for line in norm.text.splitlines())
    assert all(len(line) <= 72 for line in norm.text.splitlines())
    units = by_name(extract(FREE, "free.cob").units)
    assert set(units) == {"FREEPROG", "FREEPROG.MAIN-PARA", "FREEPROG.OTHER-PARA"}
    assert units["FREEPROG"].reason is None
    assert units["FREEPROG.OTHER-PARA"].start_line == 10
    assert ("perform", "FREEPROG.OTHER-PARA") in flat(units["FREEPROG.MAIN-PARA"].refs)


def test_copybook_is_one_unit() -> None:
    data = b"       01  CUST-REC.\n           05 CUST-ID   PIC 9(6).\n           COPY ADDRREC.\n"
    (unit,) = extract(data, "copy/custrec.cpy").units
    assert (unit.kind, unit.name, unit.loc) == ("copybook", "CUSTREC", 3)
    assert flat(unit.refs) == {("copy", "ADDRREC")}


def test_short_last_line_does_not_hang_the_grammar() -> None:
    # The grammar loops forever on a last line of 1-6 characters; normalising pads it.
    data = FIXED + b"AB"
    units = by_name(extract(data, "short.cbl").units)
    assert "BILLING.FINISH" in units


def test_unparseable_cobol_is_one_program_with_a_reason() -> None:
    data = b"       IDENTIFICATION DIVISION.\n       PROGRAM-ID. BROKEN.\n       @@@@ ????.\n"
    units = extract(data, "broken.cbl").units
    assert [u.kind for u in units] == ["program"]
    assert units[0].name == "BROKEN" and units[0].reason
