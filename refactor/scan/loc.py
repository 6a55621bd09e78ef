"""Counting code lines the way cloc counts "code": non-blank lines that are not only comment.

C: comments are located by the tree-sitter parse (so `/*` inside a string is not a comment)
and blanked out byte for byte, newlines kept; a line is code when anything but whitespace is
left on it. COBOL: cloc's own rules (derived from SLOCCount) re-implemented line for line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import accumulate

# Maps every byte except the newline to a space: blanking keeps offsets and line numbers.
_BLANK = bytes(b if b == 0x0A else 0x20 for b in range(256))


def blank_ranges(data: bytes, ranges: Iterable[tuple[int, int]]) -> bytes:
    """Return `data` with each (start, end) byte range replaced by spaces, newlines kept."""
    pieces: list[bytes] = []
    pos = 0
    for start, end in ranges:
        if start < pos:  # nested or overlapping range: already blanked
            start = pos
        if end <= start:
            continue
        pieces.append(data[pos:start])
        pieces.append(data[start:end].translate(_BLANK))
        pos = end
    if not pieces:
        return data
    pieces.append(data[pos:])
    return b"".join(pieces)


def line_flags(blanked: bytes) -> list[int]:
    """True (1) for each physical line holding something other than whitespace."""
    lines = blanked.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()  # the text after a final newline is not a line
    return list(map(bool, map(bytes.strip, lines)))  # type: ignore[arg-type]


def prefix_counts(flags: list[int]) -> list[int]:
    """prefix[i] = code lines among lines 1..i (prefix[0] = 0): span counts in O(1)."""
    return [0, *accumulate(flags)]


def span_loc(prefix: list[int], start_line: int, end_line: int) -> int:
    """Code lines between two 1-based lines, inclusive, clamped to the file."""
    last = len(prefix) - 1
    start = max(1, min(start_line, last + 1))
    end = max(0, min(end_line, last))
    return max(0, prefix[end] - prefix[start - 1])


_COBOL_FREE_DIRECTIVE = re.compile(r"^......\$.*SET.*SOURCEFORMAT.*FREE", re.IGNORECASE)
_COBOL_SEQ_ONLY = re.compile(r"^\d{6}\s*$")
_COBOL_BLANK_BODY = re.compile(r"^.{6}\s{66}")
_COBOL_PAGE_EJECT = re.compile(r"^....../")
_COBOL_FIXED_COMMENT = re.compile(r"^......\*|^\*")
_COBOL_FREE_COMMENT = re.compile(r"^\s*\*")


def cobol_line_flags(text: str) -> list[int]:
    """cloc's COBOL rules: blank and comment lines by column, free format after `$ SET`.

    cloc treats a line as blank when it is whitespace, only a sequence number, whitespace in
    columns 7-72 (on lines at least 72 columns long), or a page eject (`/` in column 7);
    comments are `*` in column 7 or column 1 (fixed format) or a leading `*` (free format).
    """
    flags: list[int] = []
    blank_free = False
    comment_free = False
    for raw in text.split("\n"):
        line = raw[:-1] if raw.endswith("\r") else raw
        code = 1
        if not line.strip():
            code = 0
        else:
            expanded = line.expandtabs(8)
            if _COBOL_FREE_DIRECTIVE.match(expanded):
                blank_free = True
            if not blank_free and (
                _COBOL_SEQ_ONLY.match(line)
                or _COBOL_BLANK_BODY.match(expanded)
                or _COBOL_PAGE_EJECT.match(line)
            ):
                code = 0
        if code:
            if _COBOL_FREE_DIRECTIVE.match(line):
                comment_free = True
            if comment_free:
                code = 0 if _COBOL_FREE_COMMENT.match(line) else 1
            else:
                code = 0 if _COBOL_FIXED_COMMENT.match(line) else 1
        flags.append(code)
    if flags and text.endswith("\n"):
        flags.pop()
    return flags
