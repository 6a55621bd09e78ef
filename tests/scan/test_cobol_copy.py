"""COPY statements: the name, the REPLACING phrase, and the replaced copybook text."""

from __future__ import annotations

from refactor.scan.cobol import copy
from refactor.scan.cobol.source import normalize

BOOK = """\
      * a record with a tag
       01  :PFX:-REC.
           05  :PFX:-ID        PIC 9(4) VALUE 42.
           05  OLD-AMOUNT      PIC S9(5)V99
                               VALUE -12.5.
"""


def test_statement_parts() -> None:
    parsed = copy.parse('COPY "rec.cpy" OF LIB REPLACING ==:PFX:== BY ==WHO== '
                        'LEADING ==OLD-== BY ==NEW-== "A" BY "B" X BY Y.')
    assert isinstance(parsed, copy.CopyStatement)
    assert parsed.name == "REC"
    assert [(r.mode, r.pattern, r.by) for r in parsed.replacing] == [
        ("all", (":", "PFX", ":"), "WHO"), ("leading", ("OLD-",), "NEW-"),
        ("all", ('"A"',), '"B"'), ("all", ("X",), "Y")]
    assert copy.parse("COPY X REPLACING ==A== .") == \
        "cannot read the REPLACING phrase at '==A=='"


def test_statement_end_ignores_periods_in_pseudo_text_and_literals() -> None:
    assert not copy.is_complete("COPY X REPLACING ==A. B== BY")
    assert not copy.is_complete('COPY X REPLACING "A. " BY')
    assert copy.is_complete("COPY X REPLACING ==A. B== BY ==C==.")


def test_pseudo_text_matches_words_across_spacing_and_lines() -> None:
    parsed = copy.parse("COPY R REPLACING ==PIC S9(5)V99 VALUE -12.5== BY ==PIC 9==.")
    assert isinstance(parsed, copy.CopyStatement)
    lines = ["05 A PIC  S9(5)V99", "   VALUE -12.5.", "05 B PIC S9(5)V99 VALUE 1."]
    assert [line.rstrip() for line in copy.apply(lines, parsed.replacing)] == [
        "05 A PIC 9", "    .","05 B PIC S9(5)V99 VALUE 1."]


def test_replacing_in_an_expanded_copybook_keeps_the_copy_line() -> None:
    program = ("       WORKING-STORAGE SECTION.\n"
               "       COPY REC REPLACING ==:PFX:== BY ==WHO==\n"
               "                          LEADING ==OLD-== BY ==AMT-==.\n"
               "       01  AFTER-IT PIC X.\n")
    norm = normalize(program, {"REC": BOOK}.get)
    code = [line.rstrip() for line in norm.text.splitlines()]
    assert "       01  WHO-REC." in code
    assert "           05  WHO-ID        PIC 9(4) VALUE 42." in code
    assert "           05  AMT-AMOUNT      PIC S9(5)V99" in code
    assert code[-1] == "       01  AFTER-IT PIC X."
    # every copybook line maps to the COPY statement's first line; the next line to itself
    assert norm.line_map == (1, 2, 2, 2, 2, 2, 4)


def test_unknown_copybook_is_left_for_the_reader_to_report() -> None:
    norm = normalize("       COPY NOWHERE REPLACING ==A== BY ==B==.\n", {}.get)
    assert "COPY NOWHERE" in norm.text
