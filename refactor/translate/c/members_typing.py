"""Typing of element and member access (C11 6.5.2.1, 6.5.2.3): `a[i]`, `s.f`, `p->f`.

Indexing an array object stays an index (Rust indexing, bounds checked); indexing a
pointer is `*(p + i)`. A member of an anonymous struct or union member is reached
through the chain of Rust fields that holds it.
"""

from __future__ import annotations

from tree_sitter import Node

from refactor.translate.c.ctypes_model import (
    Array,
    CType,
    Pointer,
    Record,
    is_integer,
    promote,
    with_const,
)
from refactor.translate.c.names import field_name
from refactor.translate.c.symbols import Symbols, Unsupported, text
from refactor.translate.c.typing import Env, Expr, cast, deref, register, rvalue, type_expr


def _row(node: Node) -> int:
    return node.start_point.row


def _subscript(node: Node, env: Env) -> Expr:
    from refactor.translate.c.operators_typing import pointer_add
    a = type_expr(node.child_by_field_name("argument"), env)  # type: ignore[arg-type]
    i = type_expr(node.child_by_field_name("index"), env)  # type: ignore[arg-type]
    if isinstance(i.ty, Array | Pointer):
        a, i = i, a
    i = rvalue(i)
    if not is_integer(i.ty):
        raise Unsupported(f"subscript at line {_row(node) + 1}")
    if isinstance(a.ty, Array) and a.lvalue and (a.ty.size is not None or a.op == "slice"):
        return Expr("index", a.ty.elem, (a, cast(i, promote(i.ty))), lvalue=True,
                    row=_row(node))
    ptr = pointer_add(rvalue(a), i, "+", _row(node))
    return deref(ptr, _row(node))


def _field(node: Node, env: Env) -> Expr:
    base = type_expr(node.child_by_field_name("argument"), env)  # type: ignore[arg-type]
    name = text(node.child_by_field_name("field"))  # type: ignore[arg-type]
    arrow = any(c.type == "->" for c in node.children)
    if arrow:
        base = deref(rvalue(base), _row(node))
    if not isinstance(base.ty, Record):
        raise Unsupported(f"member access on a non-struct at line {_row(node) + 1}")
    path = member_path(base.ty, name, env.syms)
    if path is None:
        raise Unsupported(f"member {name} at line {_row(node) + 1}")
    expr = base
    for rust_name, ty, is_union, bits in path:
        if bits is not None:
            raise Unsupported(f"bit-field member {name} at line {_row(node) + 1}")
        if base.ty.const:
            ty = with_const(ty)
        expr = Expr("member", ty, (expr,), (rust_name, is_union), lvalue=expr.lvalue,
                    row=_row(node))
    return expr


def member_path(rec_ty: Record, name: str, syms: Symbols
                ) -> list[tuple[str, CType, bool, int | None]] | None:
    """The chain of Rust fields reaching member `name` (through anonymous members)."""
    rec = syms.records.get(rec_ty.key)
    if rec is None or not rec.complete:
        return None
    for i, f in enumerate(rec.fields):
        fname = f.name or f"anon{i}"
        if f.name == name:
            return [(field_name(fname), f.ctype, rec.is_union, f.bits)]
        if not f.name and isinstance(f.ctype, Record):
            inner = member_path(f.ctype, name, syms)
            if inner is not None:
                return [(fname, f.ctype, rec.is_union, None), *inner]
    return None


register("subscript_expression", _subscript)
register("field_expression", _field)
