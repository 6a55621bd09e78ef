"""Casts, explicit and implicit (C11 6.3), all lowered by `convert_cast`.

Integer and floating conversions are Rust `as` casts (modular for integers as gcc does);
a floating value out of an integer type's range (undefined in C, C11 6.3.1.4) converts as
gcc's x86-64 code does (`float_to_int`), not as Rust's saturating `as`; conversions to
`_Bool` compare with zero; null pointer constants become `null()`/`null_mut()`/`None`.
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
    if kind is CastKind.FLOAT_TO_INT:
        return float_to_int(value, target)
    if kind in (CastKind.INTEGRAL, CastKind.INT_TO_FLOAT, CastKind.FLOATING):
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


# cvttsd2si: truncation toward zero, and the "integer indefinite" value (the most negative
# one) for NaN and anything out of range. gcc converts to 8- and 16-bit types through the
# 32-bit instruction, to `unsigned int` through the 64-bit one, and to `unsigned long`
# through the 64-bit one on x or on x - 2^63 (with the top bit put back) when x >= 2^63.
_CVT32 = ("{{ let __f: f64 = ({v}) as f64; if __f > -2147483649.0 && __f < 2147483648.0 "
          "{{ __f as i32 }} else {{ i32::MIN }} }}")
_CVT64 = ("{{ let __f: f64 = ({v}) as f64; if __f >= -9223372036854775808.0 && "
          "__f < 9223372036854775808.0 {{ __f as i64 }} else {{ i64::MIN }} }}")


def float_to_int(value: str, target: str) -> str:
    """`value` (f32 or f64) converted to the integer type `target` as gcc does on x86-64."""
    if target == "i32":
        return _CVT32.format(v=value)
    if target in ("i8", "i16", "u8", "u16"):
        return f"({_CVT32.format(v=value)} as {target})"
    if target == "i64":
        return _CVT64.format(v=value)
    if target == "u32":
        return f"({_CVT64.format(v=value)} as u32)"
    if target == "u64":
        small = _CVT64.format(v="__g")
        big = _CVT64.format(v="__g - 9223372036854775808.0")
        return (f"{{ let __g: f64 = ({value}) as f64; if !(__g >= 9223372036854775808.0) "
                f"{{ ({small} as u64) }} else {{ ({big} as u64) ^ 0x8000000000000000u64 }} }}")
    return f"({value} as {target})"


def _literal(e: Expr) -> bool:
    """A literal, possibly negated or cast: printed as one Rust literal of the target."""
    while e.op in ("neg", "plus", "bitnot", "implicit", "cast") and e.args:
        e = e.args[0]
    return e.op == "int"
