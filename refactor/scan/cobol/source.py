"""Normalising COBOL source for the tree-sitter grammar, keeping a map to original lines.

The grammar reads fixed format only (sequence area in columns 1-6, indicator in column 7,
code in 8-72), does not know `*>` inline comments or compiler directives, and loops forever
on a file whose last line holds 1-6 characters. Every line we hand it is therefore re-columned
(free format), stripped of inline comments and directives, padded to at least 8 columns and
newline-terminated.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from refactor.scan.cobol import copy, unsupported

_FREE_DIRECTIVE = re.compile(
    r"^\s*(>>\s*SOURCE\s+(FORMAT\s+)?(IS\s+)?FREE|\$\s*SET\s+SOURCEFORMAT\s*\(?\s*[\"']?FREE)",
    re.IGNORECASE,
)
_FIXED_DIRECTIVE = re.compile(
    r"^\s*(>>\s*SOURCE\s+(FORMAT\s+)?(IS\s+)?FIXED|\$\s*SET\s+SOURCEFORMAT\s*\(?\s*[\"']?FIXED)",
    re.IGNORECASE,
)
_INDICATORS = frozenset(" *-/dD$")
# Constructs GnuCOBOL accepts that the grammar cannot read, rewritten to a same-length
# form it can (the scan needs structure, not these details; the original text is kept).
_GRAMMAR_REWRITES = (
    (re.compile(r"\bLINE\s+SEQUENTIAL\b", re.IGNORECASE),
     lambda m: " " * (len(m.group(0)) - len("SEQUENTIAL")) + "SEQUENTIAL"),
)
CODE_WIDTH = 65  # columns 8-72


class Normalized(NamedTuple):
    text: str  # fixed-format text the grammar can read
    line_map: tuple[int, ...]  # normalized line index (0-based) -> original line (1-based)
    free_format: bool
    # (original line, construct) of each one cut out (refactor/scan/cobol/unsupported.py)
    unsupported: tuple[tuple[int, str], ...] = ()


def decode(data: bytes) -> tuple[str, int | None]:
    """Text of a COBOL file, and the first line that is not UTF-8 (decoded as Latin-1)."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return data.decode("latin-1"), line


def is_free_format(lines: list[str]) -> bool:
    """Free format if a directive says so, or if code starts in the sequence/indicator area."""
    votes_free = votes_fixed = 0
    for line in lines:
        if _FREE_DIRECTIVE.search(line):
            return True
        if _FIXED_DIRECTIVE.search(line):
            return False
        stripped = line.strip()
        if not stripped or stripped.startswith(("*>", ">>")):
            continue
        if len(line) < 7:
            votes_free += 1
        elif line[6] in _INDICATORS:
            votes_fixed += 1
        else:
            votes_free += 1
        if votes_free + votes_fixed >= 50:
            break
    return votes_free > votes_fixed


def strip_inline_comment(code: str) -> str:
    """Drop a `*>` comment that is outside string literals."""
    if "*>" not in code:
        return code
    quote = ""
    for i, ch in enumerate(code):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "*" and code.startswith("*>", i):
            return code[:i].rstrip()
    return code


def _split_code(code: str) -> list[str]:
    """Split a long free-format line at spaces outside literals into pieces of 65 columns."""
    pieces: list[str] = []
    while len(code) > CODE_WIDTH:
        cut = -1
        quote = ""
        for i, ch in enumerate(code[: CODE_WIDTH + 1]):
            if quote:
                if ch == quote:
                    quote = ""
            elif ch in "\"'":
                quote = ch
            elif ch == " ":
                cut = i
        if cut <= 0:
            break  # one token longer than a line: leave it, the grammar reports it
        pieces.append(code[:cut])
        code = code[cut + 1 :].lstrip()
    pieces.append(code)
    return pieces


def _for_grammar(code: str) -> str:
    for pattern, replacement in _GRAMMAR_REWRITES:
        code = pattern.sub(replacement, code)
    return code


def _fixed_line(line: str) -> str:
    if len(line) < 7:
        return ""
    indicator = line[6]
    body = line[7:72]
    if indicator in "*/":
        return "      *" + body
    if indicator in "dD":
        return "      " + "D" + body
    if indicator == "$" or body.lstrip().startswith(">>"):
        return ""
    if indicator == "-":
        return "      -" + _for_grammar(strip_inline_comment(body))
    return "       " + _for_grammar(strip_inline_comment(body))


MAX_COPY_DEPTH = 8
Copybooks = Callable[[str], str | None]


def normalize(text: str, copybooks: Copybooks | None = None,
              free: bool | None = None, _depth: int = 0) -> Normalized:
    """Re-column `text` into fixed format the grammar can read, padded and terminated.

    `free` forces the format (a `>>SOURCE FORMAT` directive); None: guessed from the text.
    With `copybooks` (name -> text, or None when not found), `COPY name.` lines are
    replaced by the copybook, read in the including file's format as GnuCOBOL does; its
    lines map back to the COPY line.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [line.expandtabs(8) for line in lines]
    free = is_free_format(lines) if free is None else free
    out: list[str] = []
    line_map: list[int] = []
    skip_to = 0
    for number, line in enumerate(lines, start=1):
        if number <= skip_to:
            continue
        copied = _expand(lines, number - 1, free, copybooks, _depth)
        if copied is not None:
            book, skip_to = copied
            out.extend(book)
            line_map.extend([number] * len(book))
            continue
        if free:
            stripped = line.strip()
            if stripped.startswith(("*>", "*", "/")):
                pieces = ["      *" + stripped[:CODE_WIDTH]]
            elif stripped.startswith((">>", "$")):
                pieces = [""]
            else:
                pieces = ["       " + p
                          for p in _split_code(_for_grammar(strip_inline_comment(stripped)))]
        else:
            pieces = [_fixed_line(line)]
        for piece in pieces:
            out.append(piece.ljust(8))
            line_map.append(number)
    if _depth:
        return Normalized("\n".join(out) + "\n", tuple(line_map), free)
    out, cuts = unsupported.cut(out)
    return Normalized("\n".join(out) + "\n", tuple(line_map), free,
                      tuple((line_map[c.index], c.what) for c in cuts))


def _code(line: str, free: bool) -> str:
    if free:
        return strip_inline_comment(line.strip())
    return strip_inline_comment(line[7:72]) if len(line) > 7 and line[6] in " -" else ""


def _expand(lines: list[str], index: int, free: bool, copybooks: Copybooks | None,
            depth: int) -> tuple[list[str], int] | None:
    """The fixed-format lines of the copybook a COPY statement starting on `lines[index]`
    names, REPLACING applied, and the (1-based) last line of the statement; None when the
    line starts no COPY statement or the copybook is not found."""
    if copybooks is None or depth >= MAX_COPY_DEPTH or "COPY" not in lines[index].upper():
        return None
    code = _code(lines[index], free).lstrip()
    if not code.upper().startswith("COPY "):
        return None
    last = index
    while not copy.is_complete(code) and last + 1 < len(lines) and last - index < 50:
        last += 1
        code += " " + _code(lines[last], free)
    statement = copy.parse(code.strip())
    if isinstance(statement, str) or not code.rstrip().endswith("."):
        return None
    text = copybooks(statement.name)
    if text is None:
        return None
    book = normalize(text, copybooks, free, depth + 1).text.splitlines()
    if statement.replacing:
        is_code = [len(b) > 6 and b[6] == " " for b in book]
        replaced = copy.apply([b[7:] if c else "" for b, c in zip(book, is_code, strict=True)],
                              statement.replacing)
        book = [piece for b, c, r in zip(book, is_code, replaced, strict=True)
                for piece in (["       " + p for p in _split_code(r)] if c else [b])]
    return [b.ljust(8) for b in book], last + 1


