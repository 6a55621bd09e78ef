"""Casts, explicit and implicit (C11 6.3), all lowered by `convert_cast`.

Integer and floating conversions are Rust `as` casts (modular for integers as gcc does;
float-to-int saturates where C is undefined); conversions to `_Bool` compare with zero;
null pointer constants become `null()`/`null_mut()`/`None`.
"""

from __future__ import annotations

from refactor.translate.c.ctypes_model import Array, Func, Int, Pointer, wrap_int
from refactor.translate.c.emit import Cx, cond, expr, register
from refactor.translate.c.literals import mk_int
from refactor.translate.c.operators_typing import fold
from refactor.translate.c.symbols import Unsupported
from refactor.translate.c.typing import CastKind, Expr, field_name


@register("cast")
@register("implicit")
def convert_cast(e: Expr, cx: Cx) -> str:
    kind = e.val
    inner = e.args[0]
    target = cx.ty(e.ty)
    if kind is CastKind.NOOP:
        return expr(inner, cx)
    if kind is CastKind.TO_VOID:
        from refactor.translate.c.emit import statement
        return f"{{ {statement(inner, cx)} }}"
    if kind is CastKind.TO_BOOL:
        return f"({cond(inner, cx)})"
    if kind is CastKind.ARRAY_DECAY:
        from refactor.translate.c.arrays import decay
        return decay(inner, e.ty, cx)
    if kind is CastKind.FUNCTION_DECAY:
        assert isinstance(inner.ty, Func)
        cx.callees.add(str(inner.val))
        return f"Some({field_name(str(inner.val))} as {cx.names.bare_fn(inner.ty)})"
    if kind is CastKind.NULL_TO_POINTER:
        from refactor.translate.c.emit import zero
        return zero(e.ty, cx)
    if kind is CastKind.INTEGRAL and isinstance(e.ty, Int) and _literal(inner):
        value = fold(inner, cx.env)
        if value is not None:
            return mk_int(wrap_int(value, e.ty.kind), target)
    value = expr(inner, cx)
    if kind in (CastKind.INTEGRAL, CastKind.INT_TO_FLOAT, CastKind.FLOAT_TO_INT,
                CastKind.FLOATING):
        return value if cx.ty(inner.ty) == target else f"({value} as {target})"
    src_fn = isinstance(inner.ty, Pointer) and isinstance(inner.ty.pointee, Func)
    dst_fn = isinstance(e.ty, Pointer) and isinstance(e.ty.pointee, Func)
    if kind is CastKind.POINTER:
        if src_fn or dst_fn:
            cx.unsafe("function pointer conversion")
            return (f"::std::mem::transmute::<{cx.ty(inner.ty)}, {target}>({value})")
        return value if cx.ty(inner.ty) == target else f"({value} as {target})"
    if kind is CastKind.INT_TO_POINTER:
        if dst_fn:
            raise Unsupported(f"integer to function pointer cast at line {e.row + 1}")
        signed = isinstance(inner.ty, Int) and inner.ty.kind.signed
        return f"({value} as {'isize' if signed else 'usize'} as {target})"
    if kind is CastKind.POINTER_TO_INT:
        if src_fn:
            raise Unsupported(f"function pointer to integer cast at line {e.row + 1}")
        return f"({value} as usize as {target})"
    if isinstance(e.ty, Array):
        raise Unsupported(f"array conversion at line {e.row + 1}")
    raise Unsupported(f"conversion {kind} at line {e.row + 1}")


def _literal(e: Expr) -> bool:
    """A literal, possibly negated or cast: printed as one Rust literal of the target."""
    while e.op in ("neg", "plus", "bitnot", "implicit", "cast") and e.args:
        e = e.args[0]
    return e.op == "int"
