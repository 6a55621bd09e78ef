"""Arrays (C11 6.5.2.1, 6.3.2.1p3): indexing an array object is Rust indexing (bounds
checked, safe); an array used as a value decays to a raw pointer to its first element."""

from __future__ import annotations

from refactor.translate.c.ctypes_model import CType, Pointer
from refactor.translate.c.decls import immutable_place
from refactor.translate.c.emit import Cx, expr, register
from refactor.translate.c.literals import mk_bytes
from refactor.translate.c.typing import Expr


@register("index")
def convert_index(e: Expr, cx: Cx) -> str:
    base, idx = e.args
    return f"{expr(base, cx)}[{expr(idx, cx)} as usize]"


@register("str")
def convert_str(e: Expr, cx: Cx) -> str:
    return mk_bytes(bytes(e.val))  # type: ignore[arg-type]


def decay(array: Expr, ptr_ty: CType, cx: Cx) -> str:
    assert isinstance(ptr_ty, Pointer)
    target = cx.ty(ptr_ty)
    if array.op == "str":
        return f"({mk_bytes(bytes(array.val))}.as_ptr() as {target})"  # type: ignore[arg-type]
    mut = "const" if ptr_ty.pointee.const or array.ty.const or immutable_place(array, cx) \
        else "mut"
    if mut == "const" and target.startswith("*mut"):
        target = "*const" + target[4:]
    return f"((&raw {mut} {expr(array, cx)}) as {target})"
