"""Tokens of the PROCEDURE DIVISION: COBOL words, literals, numbers and punctuation.

`tokenize` reads normalized fixed-format rows (code in columns 8-72; `*`, `/` and `D`
lines skipped; a literal continued on a `-` line joined) and keeps each token's original
line. A comma or semicolon followed by a space is a separator; with DECIMAL-POINT IS
COMMA a comma between digits is the decimal point. A sign directly before digits, after a
space or `(`, belongs to a numeric literal (`-17`); an operator needs spaces around it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple


class Token(NamedTuple):
    kind: str  # word, num, str, hex, nat, op, punct, period
    text: str  # words upper-cased; literal contents without quotes
    line: int  # original source line


class Malformed(Exception):
    """A construct the cursor cannot read (internal: becomes Unsupported)."""


_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d+)?|\.\d+)")
_NUMBER_DC = re.compile(r"[+-]?(\d+([.,]\d+)?|[.,]\d+)")  # DECIMAL-POINT IS COMMA
_OPS = ("**", ">=", "<=", "<>", "+", "-", "*", "/", "=", "<", ">", "&")
VERBS = frozenset("""
    ACCEPT ADD ALTER CALL CANCEL CLOSE COMPUTE CONTINUE DELETE DISPLAY DIVIDE ELSE
    END-ACCEPT END-ADD END-CALL END-COMPUTE END-DELETE END-DISPLAY END-DIVIDE
    END-EVALUATE END-IF END-MULTIPLY END-PERFORM END-READ END-RETURN END-REWRITE
    END-SEARCH END-START END-STRING END-SUBTRACT END-UNSTRING END-WRITE ENTRY EVALUATE
    EXEC EXIT GO GOBACK IF INITIALIZE INSPECT MERGE MOVE MULTIPLY OPEN PERFORM READ
    RELEASE RETURN REWRITE SEARCH SET SORT START STOP STRING SUBTRACT UNSTRING WHEN WRITE
""".split())  # noqa: SIM905
TERMINATORS = frozenset(v for v in VERBS if v.startswith("END-"))
FIGURATIVES = {"ZERO": "ZERO", "ZEROS": "ZERO", "ZEROES": "ZERO", "SPACE": "SPACE",
               "SPACES": "SPACE", "HIGH-VALUE": "HIGH-VALUE", "HIGH-VALUES": "HIGH-VALUE",
               "LOW-VALUE": "LOW-VALUE", "LOW-VALUES": "LOW-VALUE", "QUOTE": "QUOTE",
               "QUOTES": "QUOTE", "NULL": "NULL", "NULLS": "NULL"}
def tokenize(rows: Sequence[tuple[str, int]], decimal_comma: bool = False) -> list[Token]:
    """Tokens of normalized fixed-format `rows` given as (row text, original line)."""
    tokens: list[Token] = []
    open_literal: tuple[str, str, int] | None = None  # (quote, text so far, line)
    for row, line in rows:
        indicator = row[6:7]
        if indicator in ("*", "/", "D", "d"):
            continue
        code = row[7:72]
        i = 0
        if open_literal is not None:
            quote, text, start = open_literal
            if indicator != "-" or quote not in code:
                tokens.append(Token("str", text, start))
                open_literal = None
            else:
                i = code.index(quote) + 1
                text, i, closed = _literal_body(code, i, quote, text)
                if closed:
                    tokens.append(Token("str", text, start))
                    open_literal = None
                else:
                    open_literal = (quote, text + " " * (65 - len(code)), start)
                    continue
        while i < len(code):
            ch = code[i]
            if ch in " ;" or (ch == "," and (decimal_comma is False or
                                             not code[i + 1:i + 2].isdigit())):
                i += 1
                continue
            if ch in "\"'" or (ch in "XxNnZzHh" and code[i + 1:i + 2] in ("\"", "'")):
                kind = {"X": "hex", "N": "nat", "H": "numhex"}.get(ch.upper(), "str")
                if ch not in "\"'":
                    i += 1
                quote = code[i]
                text, i, closed = _literal_body(code, i + 1, quote, "")
                if not closed:
                    open_literal = (quote, text + " " * (65 - len(code)), line)
                    break
                if kind == "numhex":  # H"1F": a numeric literal written in hexadecimal
                    kind, text = "num", str(int(text or "0", 16))
                tokens.append(Token(kind, text, line))
                continue
            number = (_NUMBER_DC if decimal_comma else _NUMBER).match(code, i)
            if number and (ch not in "+-" or _signed_ok(code, i)) and not (
                    _WORD.match(code, i) and len(_WORD.match(code, i).group(0))  # type: ignore[union-attr]
                    > len(number.group(0).split(".")[0].split(",")[0])):
                text = number.group(0)
                if text.endswith((".", ",")):
                    text = text[:-1]
                tokens.append(Token("num", text.replace(",", ".") if decimal_comma else text,
                                    line))
                i += len(text)
                continue
            word = _WORD.match(code, i)
            if word:
                tokens.append(Token("word", word.group(0).upper(), line))
                i = word.end()
                continue
            if ch == ".":
                tokens.append(Token("period", ".", line))
                i += 1
                continue
            if ch in "():":
                tokens.append(Token("punct", ch, line))
                i += 1
                continue
            op = next((o for o in _OPS if code.startswith(o, i)), None)
            if op is None:
                tokens.append(Token("punct", ch, line))
                i += 1
                continue
            tokens.append(Token("op", op, line))
            i += len(op)
    if open_literal is not None:
        tokens.append(Token("str", open_literal[1].rstrip(), open_literal[2]))
    return _concatenated(tokens)


def _concatenated(tokens: list[Token]) -> list[Token]:
    """`"ab" & "cd"` is the one literal "abcd" (only alphanumeric literals are joined;
    any other `&` stays an operator, which no statement reads)."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        while (tok.kind == "str" and i + 2 < len(tokens) and tokens[i + 1].text == "&"
               and tokens[i + 1].kind == "op" and tokens[i + 2].kind == "str"):
            tok = Token("str", tok.text + tokens[i + 2].text, tok.line)
            i += 2
        out.append(tok)
        i += 1
    return out


def _signed_ok(code: str, i: int) -> bool:
    """A sign starts a numeric literal only where an operand may start, after a space or
    `(`, and directly before the digits."""
    return i == 0 or code[i - 1] in " ("


def _literal_body(code: str, i: int, quote: str, text: str) -> tuple[str, int, bool]:
    while i < len(code):
        if code[i] == quote:
            if code[i + 1:i + 2] == quote:
                text += quote
                i += 2
                continue
            return text, i + 1, True
        text += code[i]
        i += 1
    return text, i, False
