"""Operators with C semantics (C11 6.5.3-6.5.17).

Integer `+ - * / % << >>` use the `wrapping_*` methods: unsigned arithmetic wraps as C
requires (6.2.5p9) and signed overflow, undefined in C, must not trap in a Rust debug
build. Division truncates toward zero in both languages. Comparisons and logical
operators yield `int` (0 or 1); `&&` and `||` short-circuit.
"""

from __future__ import annotations

from refactor.translate.c import emit
from refactor.translate.c.ctypes_model import LONG, Float, Int, Pointer, promote
from refactor.translate.c.emit import Cx, cond, expr, raw, register
from refactor.translate.c.literals import mk_float, mk_int
from refactor.translate.c.symbols import Unsupported
from refactor.translate.c.typing import Expr, cast

_WRAPPING = {"+": "wrapping_add", "-": "wrapping_sub", "*": "wrapping_mul",
             "/": "wrapping_div", "%": "wrapping_rem", "<<": "wrapping_shl",
             ">>": "wrapping_shr"}
_COMPARE = {"<", ">", "<=", ">=", "==", "!="}


@register("binop")
def convert_binop(e: Expr, cx: Cx) -> str:
    op = str(e.val)
    a, b = expr(e.args[0], cx), expr(e.args[1], cx)
    if op in _COMPARE:
        return f"(({a} {op} {b}) as i32)"
    if isinstance(e.ty, Float) or op in ("&", "|", "^"):
        return f"({a} {op} {b})"
    if op in ("<<", ">>"):
        return f"{a}.{_WRAPPING[op]}({b} as u32)"
    return f"{a}.{_WRAPPING[op]}({b})"


@register("logic")
@register("not")
def convert_logic(e: Expr, cx: Cx) -> str:
    """`&&`, `||` and `!` yield an int, 0 or 1 (C11 6.5.3.3, 6.5.13, 6.5.14)."""
    return f"({cond(e, cx)} as i32)"


@register("neg")
def convert_neg(e: Expr, cx: Cx) -> str:
    a = e.args[0]
    if isinstance(e.ty, Int) and a.op == "int":
        from refactor.translate.c.ctypes_model import wrap_int
        return mk_int(wrap_int(-int(a.val), e.ty.kind), e.ty.kind.rust)  # type: ignore[call-overload]
    if isinstance(e.ty, Float):
        return f"(-{expr(a, cx)})"
    return f"{expr(a, cx)}.wrapping_neg()"


@register("plus")
def convert_plus(e: Expr, cx: Cx) -> str:
    return expr(e.args[0], cx)


@register("bitnot")
def convert_bitnot(e: Expr, cx: Cx) -> str:
    return f"(!{expr(e.args[0], cx)})"


@register("comma")
def convert_comma(e: Expr, cx: Cx) -> str:
    return f"{{ {emit.statement(e.args[0], cx)} {expr(e.args[1], cx)} }}"


@register("cond")
def convert_cond(e: Expr, cx: Cx) -> str:
    c, a, b = e.args
    return f"(if {cond(c, cx)} {{ {expr(a, cx)} }} else {{ {expr(b, cx)} }})"


def _updated(e: Expr, place: str) -> Expr:
    """The new value of the lvalue of `op=`, `++` or `--`, reading it from `place`
    (C11 6.5.16.2: `E1 op= E2` is `E1 = E1 op E2` with E1 evaluated once)."""
    ty = e.ty
    current = raw(place, ty)
    if e.op == "compound":
        op, comp = e.val  # type: ignore[misc]
        rhs = e.args[1]
    else:                                   # 6.5.2.4, 6.5.3.1: `E += 1`
        op = "+" if e.op.endswith("inc") else "-"
        comp = promote(ty) if isinstance(ty, Int) else ty
        rhs = (Expr("float", comp, val=1.0) if isinstance(comp, Float) else
               Expr("int", comp if isinstance(comp, Int) else LONG, val=1))
    if isinstance(ty, Pointer):
        return Expr("ptradd", ty, (current, rhs), op)
    return cast(Expr("binop", comp, (cast(current, comp), rhs), op), ty)


def _place(e: Expr, cx: Cx) -> tuple[str, str]:
    """(setup statements, place) so that the place can be evaluated twice."""
    lhs = e.args[0]
    if not emit.has_side_effects(lhs):
        return "", expr(lhs, cx)
    ptr = cx.tmp("p")
    cx.unsafe("assignment through a computed place")
    mut = "const" if lhs.ty.const else "mut"
    return f"let {ptr} = &raw {mut} {expr(lhs, cx)};", f"(*{ptr})"


def assign_statement(e: Expr, cx: Cx) -> str:
    if e.op == "assign":
        return f"{expr(e.args[0], cx)} = {expr(e.args[1], cx)};"
    setup, place = _place(e, cx)
    new = expr(_updated(e, place), cx)
    body = f"{place} = {new};"
    return f"{{ {setup} {body} }}" if setup else body


@register("assign")
def convert_assign(e: Expr, cx: Cx) -> str:
    v = cx.tmp("v")
    return (f"{{ let {v}: {cx.ty(e.ty)} = {expr(e.args[1], cx)}; "
            f"{expr(e.args[0], cx)} = {v}; {v} }}")


def _update_value(e: Expr, cx: Cx) -> str:
    setup, place = _place(e, cx)
    t = cx.tmp("t")
    if e.op.startswith("post"):
        new = expr(_updated(e, t), cx)
        return f"{{ {setup} let {t}: {cx.ty(e.ty)} = {place}; {place} = {new}; {t} }}"
    new = expr(_updated(e, place), cx)
    return f"{{ {setup} let {t}: {cx.ty(e.ty)} = {new}; {place} = {t}; {t} }}"


for _op in ("compound", "preinc", "predec", "postinc", "postdec"):
    register(_op)(_update_value)


@register("int")
def convert_int(e: Expr, cx: Cx) -> str:
    if not isinstance(e.ty, Int):
        raise Unsupported("integer literal of a non-integer type")
    return mk_int(int(e.val), e.ty.kind.rust)  # type: ignore[call-overload]


@register("float")
def convert_float(e: Expr, cx: Cx) -> str:
    return mk_float(float(e.val), cx.ty(e.ty))  # type: ignore[arg-type]


@register("enumconst")
def convert_enumconst(e: Expr, cx: Cx) -> str:
    return str(e.val)
