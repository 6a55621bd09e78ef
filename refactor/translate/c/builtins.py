"""GCC built-in functions that glibc's headers expand to (GCC manual, "Other Built-in
Functions Provided by GCC"): `__builtin_expect`, the classification macros of <math.h>
(`isnan` is `__builtin_isnan`, `isinf` is `__builtin_isinf_sign`) and its constants
`NAN`, `INFINITY` and `HUGE_VAL`. Any other built-in is unsupported. The <math.h>
functions whose results are exact and which never set `errno` (`fabs`, `floor`, `ceil`,
`trunc` and their `float` forms) are Rust's methods when the file does not define them.
A call of glibc's `__assert_fail` with string literals (what `assert` expands to) goes
through `__c_assert_fail`, a module helper taking NUL-terminated byte strings, so the
assertion itself needs no `unsafe`.

The classifications are type-generic (no promotion of a `float` argument) and yield
`int`: `__builtin_isnan` is 0 or 1, `__builtin_isinf_sign` -1, 0 or 1. `NAN` is the
quiet NaN with an empty payload, written by its bits (0x7fc00000 for `float`).
"""

from __future__ import annotations

from tree_sitter import Node

from refactor.translate.c.ctypes_model import INT, VOID, Float, Func
from refactor.translate.c.emit import Cx, expr, register
from refactor.translate.c.literals import mk_bytes, string_bytes
from refactor.translate.c.symbols import FuncDecl, Unsupported
from refactor.translate.c.typing import Env, Expr, convert, rvalue, type_expr

_CLASSIFY = ("__builtin_isnan", "__builtin_isinf_sign")
_NAN = {"__builtin_nan": 8, "__builtin_nanf": 4}
_INF = {"__builtin_inf": 8, "__builtin_inff": 4, "__builtin_huge_val": 8,
        "__builtin_huge_valf": 4}
_NAN_BITS = {4: "0x7fc00000u32", 8: "0x7ff8000000000000u64"}
_EXACT_MATH = {"fabs": ("abs", 8), "fabsf": ("abs", 4), "floor": ("floor", 8),
               "floorf": ("floor", 4), "ceil": ("ceil", 8), "ceilf": ("ceil", 4),
               "trunc": ("trunc", 8), "truncf": ("trunc", 4)}


ASSERT_HELPER = """\
/// glibc's `assert` failure (message, then abort), callable without `unsafe`: every
/// string argument is a NUL-terminated byte string.
fn __c_assert_fail(assertion: &[u8], file: &[u8], line: u32, function: &[u8]) {
    assert!(assertion.ends_with(b"\\0") && file.ends_with(b"\\0") && function.ends_with(b"\\0"));
    unsafe {
        __assert_fail(assertion.as_ptr() as *const i8, file.as_ptr() as *const i8, line,
                      function.as_ptr() as *const i8)
    }
}"""


def assert_fail_call(name: str, declared: FuncDecl | None, args: list[Expr]
                     ) -> Expr | None:
    """`__assert_fail("expr", "file", line, __func__)` with literal arguments."""
    if name != "__assert_fail" or declared is None or declared.definition is not None \
            or len(args) != 4:
        return None
    strings = [_literal_bytes(a) for a in (args[0], args[1], args[3])]
    line = args[2]
    while line.op in ("implicit", "cast") and line.args:
        line = line.args[0]
    if any(s is None for s in strings) or line.op != "int" or not 0 <= int(
            line.val) < 1 << 32:  # type: ignore[call-overload]
        return None
    return Expr("assert_fail", VOID, val=(*strings, line.val), row=args[0].row)


def _literal_bytes(e: Expr) -> bytes | None:
    while e.op in ("implicit", "cast") and e.args:
        e = e.args[0]
    return bytes(e.val) if e.op == "str" else None  # type: ignore[arg-type]


@register("assert_fail")
def convert_assert_fail(e: Expr, cx: Cx) -> str:
    assertion, file, function, line = e.val  # type: ignore[misc]
    cx.callees.add("__assert_fail")          # declared for the helper, called safely
    return (f"__c_assert_fail({mk_bytes(assertion)}, {mk_bytes(file)}, {line}u32, "
            f"{mk_bytes(function)})")


def exact_math_call(name: str, fty: Func, declared: FuncDecl | None,
                    args: list[Expr]) -> Expr | None:
    """`fabs(x)` and the like as a Rust method, when `name` is <math.h>'s function."""
    if name not in _EXACT_MATH or declared is None or declared.definition is not None:
        return None
    size = _EXACT_MATH[name][1]
    if fty != Func(Float(size), (Float(size),)) or len(args) != 1:
        return None
    return Expr("builtin", Float(size), (convert(args[0], Float(size)),), val=name,
                row=args[0].row)


def type_builtin(name: str, args: list[Node], env: Env, row: int) -> Expr:
    if name == "__builtin_expect" and len(args) == 2:
        return rvalue(type_expr(args[0], env))
    if name in _CLASSIFY and len(args) == 1:
        x = rvalue(type_expr(args[0], env))
        if not isinstance(x.ty, Float):
            raise Unsupported(f"{name} of a non-floating argument at line {row + 1}")
        return Expr("builtin", INT, (x,), val=name, row=row)
    if name in _NAN and len(args) == 1 and args[0].type == "string_literal" and \
            string_bytes(args[0]) == b"":
        return Expr("builtin", Float(_NAN[name]), val=name, row=row)
    if name in _INF and not args:
        return Expr("builtin", Float(_INF[name]), val=name, row=row)
    raise Unsupported(f"{name} at line {row + 1}")


@register("builtin")
def convert_builtin(e: Expr, cx: Cx) -> str:
    name = str(e.val)
    if name in _NAN:
        return f"{cx.ty(e.ty)}::from_bits({_NAN_BITS[_NAN[name]]})"
    if name in _INF:
        return f"{cx.ty(e.ty)}::INFINITY"
    x = expr(e.args[0], cx)
    if name in _EXACT_MATH:
        return f"{x}.{_EXACT_MATH[name][0]}()"
    if name == "__builtin_isnan":
        return f"({x}.is_nan() as i32)"
    v = cx.tmp("x")
    return (f"({{ let {v} = {x}; if !{v}.is_infinite() {{ 0i32 }} "
            f"else if {v}.is_sign_negative() {{ -1i32 }} else {{ 1i32 }} }})")
