"""Constructs the grammar cannot read and the translator does not translate, cut out.

EXEC SQL / EXEC CICS (any `EXEC name ... END-EXEC`) need a database or a transaction
monitor; SCREEN SECTION and REPORT SECTION need a terminal or the report writer. The
grammar fails on all of them, so they are cut from the normalized (fixed-format) lines
before parsing: an EXEC block becomes CONTINUE in the procedure division and blanks
elsewhere, a SCREEN or REPORT section becomes comment lines up to the next section or
division header. Each cut is reported so the unit holding it is recorded as unsupported,
with the reason, instead of being translated without it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_EXEC = re.compile(r"\bEXEC(?:UTE)?\s+([A-Za-z][\w-]*)", re.IGNORECASE)
_END_EXEC = re.compile(r"\bEND-EXEC\b", re.IGNORECASE)
_SECTION = re.compile(r"^\s*(SCREEN|REPORT)\s+SECTION\s*\.", re.IGNORECASE)
_HEADER = re.compile(r"^\s*[A-Za-z][\w-]*\s+(SECTION|DIVISION)\b", re.IGNORECASE)
_PROCEDURE = re.compile(r"^\s*PROCEDURE\s+DIVISION\b", re.IGNORECASE)

WHY = {
    "SQL": "embedded SQL needs a database the translation has no model of",
    "CICS": "CICS commands need a transaction monitor the translation has no model of",
    "SCREEN SECTION": "screen handling needs a terminal the translation has no model of",
    "REPORT SECTION": "the report writer is not translated",
}


class Cut(NamedTuple):
    index: int  # normalized line (0-based)
    what: str  # "EXEC SQL", "SCREEN SECTION", ...



def reason(what: str, line: int) -> str:
    """The unit's reason for a construct `what` cut at (original) `line`."""
    return (f"unsupported: {what} at line {line} "
            f"({WHY.get(what.removeprefix('EXEC '), 'not translated')})")


def _outside_literals(code: str, position: int) -> bool:
    return code[:position].count('"') % 2 == 0 and code[:position].count("'") % 2 == 0


def cut(lines: list[str]) -> tuple[list[str], list[Cut]]:
    """Lines in fixed format (indicator in column 7, code from column 8), with the
    unsupported constructs removed, and where each was."""
    out = list(lines)
    cuts: list[Cut] = []
    procedure = False
    exec_open = False  # inside an EXEC block that started on an earlier line
    section_open = False
    for i, line in enumerate(lines):
        if len(line) < 7 or line[6] not in " -":
            continue
        code = line[7:]
        if section_open:
            if _HEADER.match(code):
                section_open = False
            else:
                out[i] = "      *" + code
                continue
        if _PROCEDURE.match(code):
            procedure = True
        section = _SECTION.match(code)
        if section and not exec_open:
            cuts.append(Cut(i, f"{section.group(1).upper()} SECTION"))
            out[i] = "      *" + code
            section_open = True
            continue
        start = 0
        chars = list(code)
        while True:
            opened_here = not exec_open
            if opened_here:
                found = _EXEC.search(code, start)
                if found is None or not _outside_literals(code, found.start()):
                    break
                cuts.append(Cut(i, f"EXEC {found.group(1).upper()}"))
                start = found.start()
                exec_open = True
            end = _END_EXEC.search(code, start)
            stop = end.end() if end else len(code)
            chars[start:stop] = " " * (stop - start)
            if procedure and opened_here:  # the block stands as one statement
                chars[start:start + 8] = "CONTINUE"
            if end is None:
                break
            exec_open = False
            start = stop
        rest = "".join(chars)
        out[i] = line[:7] + ("" if not procedure and rest.strip() == "." else rest)
    return out, cuts
