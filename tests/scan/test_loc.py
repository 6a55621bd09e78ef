"""Code lines are counted as cloc counts them: checked against the real cloc."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from refactor.scan.c.units import extract as extract_c
from refactor.scan.cobol.units import extract as extract_cobol
from refactor.scan.loc import prefix_counts, span_loc
from tests.conftest import write_tree

TRICKY_C = {
    "strings.c": '''
        #include <stdio.h>
        /* a block comment
           over three lines */
        static const char *s = "not /* a comment */ here";
        static const char *t = "// nor this";   // but this is
        int f(void) {   /* trailing */
            return 1; // another
        }

        /* one */ /* two */
        /* comment */ int g(void) { return 2; } /* and after */
        #if 0
        int dead(void) { return 3; }
        #endif
        #define LONG_MACRO(a) \\
            ((a) + 1)  /* in a macro */
        char c = '"';  /* quote char */
        ''',
    "crlf.c": b"int a;\r\n\r\n/* x */\r\nint b; /* y */\r\n  \t \r\nint c;",
    "only_comments.h": "/* header\n * nothing here\n */\n// nothing\n",
    "k_and_r.c": '''
        int old(a, b)
            int a;   /* first */
            int b;
        {
            return a /* mid-line */ + b;
        }
        ''',
}

TRICKY_COBOL = {
    "fixed.cbl": '''
              IDENTIFICATION DIVISION.
              PROGRAM-ID. LOCDEMO.
        000300* a comment in column 7
        000400/ page eject
        000500
              PROCEDURE DIVISION.
        *     comment in column 1
                  DISPLAY "HI *> NOT A COMMENT".
                  STOP RUN.
        ''',
    "free.cob": '''
        >>SOURCE FORMAT FREE
        *> free-format comment
        IDENTIFICATION DIVISION.
        PROGRAM-ID. FREEDEMO.
        PROCEDURE DIVISION.
            DISPLAY "HI". *> trailing
            STOP RUN.
        ''',
}


def cloc_counts(root: Path) -> dict[str, int]:
    out = subprocess.run(["cloc", "--by-file", "--json", "--quiet", str(root)],
                         capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    return {Path(k).name: v["code"] for k, v in data.items() if k not in ("header", "SUM")}


@pytest.mark.skipif(shutil.which("cloc") is None, reason="cloc is not installed (make setup)")
def test_c_and_cobol_line_counts_equal_cloc(tmp_path: Path) -> None:
    write_tree(tmp_path, {**TRICKY_C, **TRICKY_COBOL})
    expected = cloc_counts(tmp_path)
    ours = {}
    for path in sorted(tmp_path.iterdir()):
        data = path.read_bytes()
        extract = extract_c if path.suffix in (".c", ".h") else extract_cobol
        ours[path.name] = extract(data, path.name).loc
    assert ours == expected
    assert ours["only_comments.h"] == 0


def test_unit_spans_count_only_their_code_lines() -> None:
    data = b"/* head */\nint f(void)\n{\n    /* inside */\n\n    return 1;\n}\n"
    units = extract_c(data, "f.c").units
    (f,) = units
    assert (f.start_line, f.end_line, f.loc) == (2, 7, 4)


def test_span_loc_clamps_to_the_file() -> None:
    prefix = prefix_counts([1, 0, 1, 1])
    assert span_loc(prefix, 1, 4) == 3
    assert span_loc(prefix, 2, 2) == 0
    assert span_loc(prefix, 3, 99) == 2
    assert span_loc(prefix, 9, 12) == 0
