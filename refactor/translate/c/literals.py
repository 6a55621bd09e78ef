"""Literals: C11 6.4.4 (integer, floating, character constants) and 6.4.5 (strings).

Parsing gives the value and C type of each literal; `mk_*` writes its Rust spelling.
"""

from __future__ import annotations

import re
from fractions import Fraction

from tree_sitter import Node

from refactor.translate.c.ctypes_model import (
    CType,
    Float,
    Int,
    IntKind,
    int_range,
    wrap_int,
)
from refactor.translate.c.symbols import Unsupported, text

_ESCAPES = {"n": 10, "t": 9, "r": 13, "0": 0, "a": 7, "b": 8, "f": 12, "v": 11,
            "\\": 92, "'": 39, '"': 34, "?": 63, "e": 27}
_INT = re.compile(r"^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)([uUlL]*)$")


def parse_int(spelling: str) -> tuple[int, Int]:
    """Value and type of an integer constant (C11 6.4.4.1p5, the first type that fits)."""
    m = _INT.match(spelling.replace("'", ""))
    if m is None:
        raise Unsupported(f"integer constant {spelling}")
    digits, suffix = m.group(1), m.group(2).lower()
    if digits[:2].lower() == "0x":
        value = int(digits, 16)
    elif digits[:2].lower() == "0b":
        value = int(digits[2:], 2)
    elif len(digits) > 1 and digits[0] == "0":
        value = int(digits, 8)
    else:
        value = int(digits)
    decimal = digits[0] != "0" or digits == "0"
    unsigned = "u" in suffix
    longs = suffix.count("l")
    order = [IntKind.INT, IntKind.LONG, IntKind.LLONG]
    candidates: list[IntKind] = []
    for kind in order[min(longs, 2):]:
        uns = {IntKind.INT: IntKind.UINT, IntKind.LONG: IntKind.ULONG,
               IntKind.LLONG: IntKind.ULLONG}[kind]
        if unsigned:
            candidates.append(uns)
        else:
            candidates.append(kind)
            if not decimal:
                candidates.append(uns)
    if not unsigned and decimal:
        candidates.append(IntKind.ULLONG)   # gcc's extension for huge decimals
    for kind in candidates:
        lo, hi = int_range(kind)
        if lo <= value <= hi:
            return value, Int(kind)
    raise Unsupported(f"integer constant {spelling} is too large")


def parse_number(node: Node, spelling: str | None = None) -> tuple[int | float, CType]:
    spelling = text(node) if spelling is None else spelling
    low = spelling.lower()
    is_hex = low.startswith("0x")
    if ("." in low or (not is_hex and "e" in low) or (is_hex and "p" in low)):
        suffix = low[-1] if low[-1] in "fl" else ""
        if suffix == "l":
            raise Unsupported("long double constant")
        size = 4 if suffix == "f" else 8
        return float_value(spelling, size), Float(size)
    if low.endswith("f") and not is_hex:
        raise Unsupported(f"number {spelling}")
    return parse_int(spelling)


def long_double_constant(node: Node) -> str | None:
    """The spelling of a parenthesised long double floating constant (`<float.h>`'s
    `((double)2.22e-16L)`), which the model has no type for but can convert exactly."""
    while node.type == "parenthesized_expression" and node.named_child_count == 1:
        node = node.named_children[0]
    spelling = text(node).lower()
    if node.type != "number_literal" or not spelling.endswith("l"):
        return None
    hexadecimal = spelling.lstrip("+-").startswith("0x")
    floating = "p" in spelling if hexadecimal else "." in spelling or "e" in spelling
    return text(node) if floating else None


# (significand bits, exponent of the smallest subnormal's unit, of the largest power of 2)
_BINARY = {4: (24, -149, 127), 8: (53, -1074, 1023), 16: (64, -16445, 16383)}


def float_value(spelling: str, size: int, via_long_double: bool = False) -> float:
    """The value of a floating constant of `size` bytes (16: x87 long double), rounded
    to nearest even once from its exact decimal or hexadecimal value (C11 6.4.4.2p3, as
    gcc does); `via_long_double`: a long double constant converted to `size`."""
    low = spelling.lower().rstrip("fl")
    sign = -1 if low.startswith("-") else 1
    low = low.lstrip("+-")
    if low.startswith("0x"):
        mant, _, exp = low[2:].partition("p")
        whole, _, frac = mant.partition(".")
        exact = Fraction(int(whole + frac or "0", 16), 16 ** len(frac)) * _pow2(int(exp))
    else:
        exact = Fraction(low)
    value = round_binary(exact, 16) if via_long_double else exact
    value = round_binary(value, size) if value is not None else None
    return sign * (float(value) if value is not None else float("inf"))


def round_binary(x: Fraction, size: int) -> Fraction | None:
    """x >= 0 rounded to nearest, ties to even, in the IEEE binary format of `size`
    bytes; None when that is infinite."""
    bits, emin, emax = _BINARY[size]
    if x == 0:
        return x
    e = x.numerator.bit_length() - x.denominator.bit_length()
    if _pow2(e) > x:
        e -= 1
    ulp = _pow2(max(e - bits + 1, emin))
    rounded = round(x / ulp) * ulp                   # Fraction rounds half to even
    return rounded if rounded < _pow2(emax + 1) else None


def _pow2(k: int) -> Fraction:
    return Fraction(2 ** k) if k >= 0 else Fraction(1, 2 ** -k)


def _unescape(body: str) -> list[int]:
    out: list[int] = []
    raw = body.encode("utf-8", errors="surrogateescape")
    i = 0
    while i < len(raw):
        c = raw[i]
        if c != 92:
            out.append(c)
            i += 1
            continue
        nxt = chr(raw[i + 1])
        if nxt == "x":
            j = i + 2
            while j < len(raw) and chr(raw[j]) in "0123456789abcdefABCDEF":
                j += 1
            out.append(int(raw[i + 2:j], 16) & 0xFF)
            i = j
        elif nxt in "01234567":
            j = i + 1
            while j < len(raw) and j < i + 4 and chr(raw[j]) in "01234567":
                j += 1
            out.append(int(raw[i + 1:j], 8) & 0xFF)
            i = j
        elif nxt in _ESCAPES:
            out.append(_ESCAPES[nxt])
            i += 2
        else:
            raise Unsupported(f"escape sequence \\{nxt}")
    return out


def parse_char(node: Node) -> int:
    """A character constant has type int; with signed char, '\\xff' is -1 (6.4.4.4p10)."""
    spelling = text(node)
    if not spelling.startswith("'"):
        raise Unsupported(f"wide character constant {spelling}")
    values = _unescape(spelling[1:-1])
    if len(values) != 1:
        raise Unsupported(f"multi-character constant {spelling}")
    return wrap_int(values[0], IntKind.CHAR)


def string_bytes(node: Node) -> bytes:
    """The bytes of a string literal or of adjacent literals, without the final NUL."""
    if node.type == "concatenated_string":
        return b"".join(string_bytes(c) for c in node.named_children
                        if c.type == "string_literal")
    spelling = text(node)
    if not spelling.startswith('"'):
        raise Unsupported(f"wide or raw string literal {spelling[:20]}")
    return bytes(_unescape(spelling[1:-1]))


def mk_int(value: int, rust_ty: str) -> str:
    if rust_ty == "bool":
        return "true" if value else "false"
    if value < 0:
        return f"({value}{rust_ty})" if rust_ty[0] == "i" else f"{value & 0xFF}{rust_ty}"
    return f"{value}{rust_ty}" if rust_ty[0] in "iu" else f"({value} as {rust_ty})"


def mk_float(value: float, rust_ty: str) -> str:
    if value != value:
        return f"{rust_ty}::NAN"
    if value in (float("inf"), float("-inf")):
        return f"{rust_ty}::{'INFINITY' if value > 0 else 'NEG_INFINITY'}"
    return f"{value!r}{rust_ty}" if value >= 0 else f"({value!r}{rust_ty})"


def mk_bytes(data: bytes) -> str:
    """A Rust byte-string literal holding data and the terminating NUL."""
    out = []
    for b in data + b"\0":
        ch = chr(b)
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif 32 <= b < 127:
            out.append(ch)
        else:
            out.append(f"\\x{b:02x}")
    return 'b"' + "".join(out) + '"'
