"""Intrinsic functions as Rust expressions on `cobol_rt`: each gives ("num", a `Decimal`
expression) or ("text", a `Vec<u8>` expression). A function this cut does not know, or
knows only for some arguments, is Unsupported naming it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from refactor.translate.cobol.emit_data import Unsupported
from refactor.translate.cobol.operands import Expr, FunctionCall, Literal, Ref, Unary


class Operands(Protocol):
    decimal_comma: bool

    def num(self, e: object) -> str: ...
    def bytes_of(self, e: object) -> str: ...
    def field(self, ref: Ref) -> str: ...
    def length(self, ref: Ref) -> int | None: ...
    def is_numeric(self, e: object) -> bool: ...


Result = tuple[str, str]
_TEXT = {"UPPER-CASE": ".to_ascii_uppercase()", "LOWER-CASE": ".to_ascii_lowercase()",
         "REVERSE": ".into_iter().rev().collect::<Vec<u8>>()"}


def function(em: Operands, e: FunctionCall) -> Result:
    """The Rust of intrinsic function call `e`."""
    name, args = e.name.upper(), e.args
    if e.refmod is not None:
        raise Unsupported(f"FUNCTION {name} with reference modification")
    handler = _HANDLERS.get(name)
    if handler is not None:
        found = handler(em, e)
        if found is not None:
            return found
    if name in _TEXT and len(args) == 1:
        return "text", f"{em.bytes_of(args[0])}{_TEXT[name]}"
    raise Unsupported(f"FUNCTION {name}")


def _length(em: Operands, e: FunctionCall) -> Result | None:
    if len(e.args) != 1:
        return None
    arg = e.args[0]
    if isinstance(arg, Ref):
        size = em.length(arg)
        if size is None:
            return "num", f"Decimal::int({em.field(arg)}.pic.len as i64)"
        return "num", f'Decimal::lit("{size}")'
    return "num", f"Decimal::lit(&{em.bytes_of(arg)}.len().to_string())"


def _ord(em: Operands, e: FunctionCall) -> Result | None:
    if len(e.args) != 1:
        return None
    return "num", f"Decimal::lit(&({em.bytes_of(e.args[0])}[0] as i64 + 1).to_string())"


def _char(em: Operands, e: FunctionCall) -> Result | None:
    if len(e.args) != 1:
        return None
    return "text", f"vec![(({em.num(e.args[0])}).to_i64() - 1) as u8]"


def _numval(em: Operands, e: FunctionCall) -> Result | None:
    """NUMVAL (x), NUMVAL-C (x [, currency]) and their TEST- forms."""
    name = e.name.upper()
    test = name.startswith("TEST-")
    with_currency = name.endswith("-C")
    if not e.args or len(e.args) > (2 if with_currency else 1):
        return None
    currency = "None"
    if with_currency:
        currency = f"Some(&{em.bytes_of(e.args[1])}[..])" if len(e.args) == 2 \
            else 'Some(&b"$"[..])'
    dc = "true" if em.decimal_comma else "false"
    call = "test_numval" if test else "numval"
    return "num", f"intrinsic::{call}(&{em.bytes_of(e.args[0])}, {dc}, {currency})"


def _trim(em: Operands, e: FunctionCall) -> Result | None:
    if len(e.args) != 1:
        return None
    how = (e.keyword or "").upper()
    left = "" if how == "TRAILING" else ".trim_ascii_start()"
    right = "" if how == "LEADING" else ".trim_ascii_end()"
    return "text", f"{em.bytes_of(e.args[0])}[..]{left}{right}.to_vec()"


def _mod_rem(em: Operands, e: FunctionCall) -> Result | None:
    if len(e.args) != 2:
        return None
    call = "modulo" if e.name.upper() == "MOD" else "remainder"
    return "num", f"intrinsic::{call}({em.num(e.args[0])}, {em.num(e.args[1])})"


def _min_max(em: Operands, e: FunctionCall) -> Result | None:
    """MIN / MAX of numeric arguments: the first of the least (greatest) values."""
    if not e.args or not all(em.is_numeric(a) for a in e.args):
        return None
    keep = "is_lt" if e.name.upper() == "MIN" else "is_gt"
    code = "{ let mut best = " + em.num(e.args[0]) + ";"
    for arg in e.args[1:]:
        code += (f" let x = {em.num(arg)}; if x.cmp_value(&best).{keep}() "
                 "{ best = x; }")
    return "num", code + " best }"


def folded_min_max(e: FunctionCall) -> Literal | None:
    """MIN / MAX of numeric literals, chosen at translation time (cobc then shows the
    chosen literal as written)."""
    if e.name.upper() not in ("MIN", "MAX") or e.refmod is not None or not e.args:
        return None
    values: list[tuple[float, Literal]] = []
    for arg in e.args:
        lit = _numeric_literal(arg)
        if lit is None:
            return None
        values.append((float(lit.value), lit))
    pick = min if e.name.upper() == "MIN" else max
    best = pick(v for v, _ in values)
    return next(lit for v, lit in values if v == best)


def _numeric_literal(arg: Expr) -> Literal | None:
    if isinstance(arg, Literal) and arg.kind == "numeric" and not arg.all:
        return arg
    if isinstance(arg, Unary) and isinstance(arg.operand, Literal) \
            and arg.operand.kind == "numeric":
        sign = "-" if arg.op == "-" else ""
        return Literal(sign + arg.operand.value, "numeric")
    return None


def _concatenate(em: Operands, e: FunctionCall) -> Result | None:
    """CONCATENATE / CONCAT of alphanumeric literals and non-numeric items (the bytes
    of each, one after the other)."""
    def text(a: Expr) -> bool:
        if isinstance(a, Literal):
            return a.kind == "alphanumeric" and not a.all
        return isinstance(a, Ref) and not em.is_numeric(a)

    if not e.args or not all(text(a) for a in e.args):
        return None
    parts = ", ".join(f"&{em.bytes_of(a)}[..]" for a in e.args)
    return "text", f"[{parts}].concat()"


_HANDLERS: dict[str, Callable[[Operands, FunctionCall], Result | None]] = {
    "LENGTH": _length, "LENGTH-OF": _length, "ORD": _ord, "CHAR": _char,
    "NUMVAL": _numval, "NUMVAL-C": _numval, "TEST-NUMVAL": _numval,
    "TEST-NUMVAL-C": _numval, "TRIM": _trim, "MOD": _mod_rem, "REM": _mod_rem,
    "MIN": _min_max, "MAX": _min_max, "CONCATENATE": _concatenate, "CONCAT": _concatenate,
}
