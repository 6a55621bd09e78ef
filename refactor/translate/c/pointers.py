"""Pointers (C11 6.5.2.3, 6.5.3.2, 6.5.6, 6.5.8-6.5.9).

Pointer arithmetic is `wrapping_offset`, which is safe Rust (only the dereference is
unsafe), and a difference is computed on addresses, so neither adds `unsafe` on its own.
`p->f` is `(*p).f`; taking an address is `&raw mut place` (or `&raw const`).
"""

from __future__ import annotations

from refactor.translate.c.ctypes_model import Func, Pointer, Void, size_align
from refactor.translate.c.decls import immutable_place
from refactor.translate.c.emit import Cx, expr, register
from refactor.translate.c.operators_typing import fold
from refactor.translate.c.symbols import Unsupported
from refactor.translate.c.typing import Expr


@register("deref")
def convert_deref(e: Expr, cx: Cx) -> str:
    if e.args[0].op == "outref":
        from refactor.translate.c.lifting import deref_outref
        return deref_outref(e.args[0])
    cx.unsafe(f"pointer dereference at line {e.row + 1}")
    return f"(*{expr(e.args[0], cx)})"


@register("fnderef")
def convert_fnderef(e: Expr, cx: Cx) -> str:
    return expr(e.args[0], cx)


@register("addr")
def convert_addr(e: Expr, cx: Cx) -> str:
    inner = e.args[0]
    if inner.op == "str":
        raise Unsupported(f"address of a string literal at line {e.row + 1}")
    if not inner.ty.const and immutable_place(inner, cx):   # a member of a const struct
        return f"((&raw const {expr(inner, cx)}) as {cx.ty(e.ty)})"
    return f"(&raw {'const' if inner.ty.const else 'mut'} {expr(inner, cx)})"


@register("ptradd")
def convert_ptradd(e: Expr, cx: Cx) -> str:
    ptr, off = e.args
    value = expr(ptr, cx)
    const = fold(off, cx.env)
    if const is not None:
        n = const if e.val == "+" else -const
        return f"{value}.wrapping_offset({n})"
    step = f"({expr(off, cx)} as isize)"
    if e.val == "-":
        step = f"{step}.wrapping_neg()"
    return f"{value}.wrapping_offset({step})"


@register("ptrdiff")
def convert_ptrdiff(e: Expr, cx: Cx) -> str:
    a, b = e.args
    assert isinstance(a.ty, Pointer)
    pointee = a.ty.pointee
    size = 1 if isinstance(pointee, Void) else size_align(pointee, cx.syms.records)[0]
    diff = f"({expr(a, cx)} as isize).wrapping_sub({expr(b, cx)} as isize)"
    return f"(({diff} / {size}) as i64)" if size != 1 else f"({diff} as i64)"


def pointer_compare(e: Expr, cx: Cx) -> str:
    a, b = e.args
    op = str(e.val)
    if a.op == "outref" or b.op == "outref":
        from refactor.translate.c.lifting import outref_is_null
        if op not in ("==", "!="):
            raise Unsupported(f"ordering of a lifted pointer at line {e.row + 1}")
        return outref_is_null(a if a.op == "outref" else b, op == "!=")
    assert isinstance(a.ty, Pointer)
    if isinstance(a.ty.pointee, Func):
        if op not in ("==", "!="):
            raise Unsupported(f"ordering of function pointers at line {e.row + 1}")
        left, right = expr(a, cx), expr(b, cx)
        if right == "None" or left == "None":
            value = left if right == "None" else right
            return f"{value}.{'is_none' if op == '==' else 'is_some'}()"
        return f"({left}.map(|f| f as usize) {op} {right}.map(|f| f as usize))"
    left, right = expr(a, cx), expr(b, cx)
    if right in ("::std::ptr::null_mut()", "::std::ptr::null()"):
        return f"{'' if op == '==' else '!'}{left}.is_null()" if op in ("==", "!=") \
            else f"(({left} as usize) {op} 0)"
    if cx.ty(a.ty) != cx.ty(b.ty):
        return f"(({left} as *const u8) {op} ({right} as *const u8))"
    return f"({left} {op} {right})"


@register("ptrcmp")
def convert_ptrcmp(e: Expr, cx: Cx) -> str:
    return f"({pointer_compare(e, cx)} as i32)"


@register("member")
def convert_member(e: Expr, cx: Cx) -> str:
    name, is_union = e.val  # type: ignore[misc]
    if is_union:
        cx.unsafe(f"union field access at line {e.row + 1}")
    base = expr(e.args[0], cx)
    return f"{base}.{name}"
