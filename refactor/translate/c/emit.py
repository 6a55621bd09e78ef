"""The translation context and the expression dispatch table.

`convert_*` functions in the family modules turn typed C expressions into Rust text and
register themselves here by `Expr.op`; `expr` is the single entry point. Every emitted
expression is self-delimiting (an identifier, a literal, a call or parenthesised), so
callers can use it as an operand or a method receiver without precedence analysis.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from refactor.translate.c.ctypes_model import (
    CType,
    Float,
    Func,
    Int,
    IntKind,
    Pointer,
    RustNames,
    Void,
)
from refactor.translate.c.symbols import Symbols, Unsupported
from refactor.translate.c.typing import Env, Expr


@dataclass
class Cx:
    """Per-unit translation state (one function, global or type)."""

    syms: Symbols
    names: RustNames
    env: Env
    unsafe_reasons: list[str] = field(default_factory=list)
    callees: set[str] = field(default_factory=set)      # C functions called or taken
    called: set[str] = field(default_factory=set)       # C functions called directly
    safe_called: set[str] = field(default_factory=set)  # ... by their safe inner function
    lift_plans: dict[str, dict[str, str]] = field(default_factory=dict)  # of the file
    globals_used: set[str] = field(default_factory=set)
    counter: int = 0
    in_const: bool = False            # a static initializer: only const Rust allowed
    flow: object = None               # the function's `statements.Flow` (jump targets)
    idents: set[str] = field(default_factory=set)  # every identifier of the function

    def ty(self, t: CType) -> str:
        return self.names.ty(t)

    def unsafe(self, why: str) -> None:
        self.unsafe_reasons.append(why)

    def tmp(self, stem: str = "t") -> str:
        self.counter += 1
        return f"__{stem}{self.counter}"


Emitter = Callable[[Expr, Cx], str]
_EMITTERS: dict[str, Emitter] = {}


def register(op: str) -> Callable[[Emitter], Emitter]:
    def deco(fn: Emitter) -> Emitter:
        _EMITTERS[op] = fn
        return fn
    return deco


def expr(e: Expr, cx: Cx) -> str:
    fn = _EMITTERS.get(e.op)
    if fn is None:
        raise Unsupported(f"{e.op} expression at line {e.row + 1}")
    return fn(e, cx)


def raw(text: str, ty: CType, lvalue: bool = True) -> Expr:
    """An already-translated Rust place or value, to reuse the emitters on it."""
    return Expr("raw", ty, val=text, lvalue=lvalue)


@register("raw")
def convert_raw(e: Expr, cx: Cx) -> str:
    return str(e.val)


def cond(e: Expr, cx: Cx) -> str:
    """e as a Rust `bool` (C11 6.8.4.1p2: compares unequal to 0)."""
    if e.op == "binop" and e.val in ("<", ">", "<=", ">=", "==", "!="):
        return f"({expr(e.args[0], cx)} {e.val} {expr(e.args[1], cx)})"
    if e.op == "ptrcmp":
        from refactor.translate.c.pointers import pointer_compare
        return pointer_compare(e, cx)
    if e.op == "logic":
        rust_op = "&&" if e.val == "&&" else "||"
        return f"({cond(e.args[0], cx)} {rust_op} {cond(e.args[1], cx)})"
    if e.op == "not":
        return f"!{cond(e.args[0], cx)}"
    if e.op == "outref":
        return f"{e.val}.is_some()"
    if e.op == "implicit" and isinstance(e.ty, Int) and e.ty.kind is IntKind.INT \
            and isinstance(e.args[0].ty, Int) and e.args[0].ty.kind is IntKind.BOOL:
        return cond(e.args[0], cx)
    return truth(expr(e, cx), e.ty)


def truth(value: str, t: CType) -> str:
    if isinstance(t, Int) and t.kind is IntKind.BOOL:
        return value
    if isinstance(t, Int):
        return f"({value} != 0)"
    if isinstance(t, Float):
        return f"({value} != 0.0)"
    if isinstance(t, Pointer) and isinstance(t.pointee, Func):
        return f"{value}.is_some()"
    if isinstance(t, Pointer):
        return f"!{value}.is_null()"
    raise Unsupported("condition of a non-scalar type")


def has_side_effects(e: Expr) -> bool:
    if e.op in ("call", "assign", "compound", "preinc", "predec", "postinc", "postdec",
                "stmt_expr", "assert_fail"):
        return True
    return any(has_side_effects(a) for a in e.args)


def statement(e: Expr, cx: Cx) -> str:
    """e evaluated for its side effects only (an expression statement, C11 6.8.3)."""
    from refactor.translate.c.operators import assign_statement
    if e.op in ("assign", "compound", "preinc", "predec", "postinc", "postdec"):
        return assign_statement(e, cx)
    if e.op in ("cast", "implicit") and isinstance(e.ty, Void):
        return statement(e.args[0], cx)
    if e.op == "comma":
        return " ".join(s for s in (statement(a, cx) for a in e.args) if s)
    if e.op in ("call", "assert_fail"):
        return f"{expr(e, cx)};"
    if e.op == "stmt_expr":
        return expr(e, cx)
    if not has_side_effects(e):
        return f"let _ = {expr(e, cx)};" if e.op not in ("local", "int") else ""
    return f"let _ = {expr(e, cx)};"


def zero(t: CType, cx: Cx) -> str:
    """A Rust constant expression for the zero value of t (static initialisation)."""
    from refactor.translate.c.ctypes_model import Array, Record
    from refactor.translate.c.literals import mk_int
    if isinstance(t, Int):
        return mk_int(0, t.kind.rust) if not t.enum else "0"
    if isinstance(t, Float):
        return "0.0f32" if t.size == 4 else "0.0f64"
    if isinstance(t, Pointer):
        if isinstance(t.pointee, Func):
            return "None"
        return "::std::ptr::null()" if t.pointee.const else "::std::ptr::null_mut()"
    if isinstance(t, Array):
        return f"[{zero(t.elem, cx)}; {t.size or 0}]"
    if isinstance(t, Record):
        rec = cx.syms.records[t.key]
        if not rec.complete:
            raise Unsupported(f"value of incomplete type {t.key}")
        from refactor.translate.c.typing import field_name
        fields = rec.fields[:1] if rec.is_union else rec.fields
        inits = ", ".join(f"{field_name(f.name or f'anon{i}')}: {zero(f.ctype, cx)}"
                          for i, f in enumerate(fields))
        return f"{rec.rust_name} {{ {inits} }}"
    raise Unsupported("zero value of a void or function type")
