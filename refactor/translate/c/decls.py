"""Declarations (C11 6.7, 6.7.9): variables, their initialisers, and references to them.

Locals are `let mut` (C objects are modifiable; unused `mut` is allowed); a local without
an initialiser starts at zero, which C leaves indeterminate. `static` locals and globals
are `static mut` items, whose every access is `unsafe`, except a file-scope `static`
object of a const-qualified type without object pointers (zlib's tables): C forbids
modifying it (C11 6.7.3p6), so it is an immutable Rust `static`, read safely.
"""

from __future__ import annotations

from tree_sitter import Node

from refactor.translate.c.ctypes_model import (
    Array,
    CType,
    Float,
    Func,
    Int,
    IntKind,
    Pointer,
    Record,
    unqual,
)
from refactor.translate.c.emit import Cx, expr, register, zero
from refactor.translate.c.literals import mk_int, string_bytes
from refactor.translate.c.operators_typing import fold
from refactor.translate.c.symbols import GlobalDecl, Symbols, Unsupported, text
from refactor.translate.c.typing import Expr, Var, convert, field_name, type_expr


@register("local")
def convert_local(e: Expr, cx: Cx) -> str:
    return str(e.val)


@register("complit")
def convert_complit(e: Expr, cx: Cx) -> str:
    return initializer(e.ty, e.val, cx)  # type: ignore[arg-type]


@register("static")
@register("global")
def convert_static(e: Expr, cx: Cx) -> str:
    g = _global_of(e, cx.syms)
    if g is None or not immutable_static(g, cx.syms):
        cx.unsafe(f"access to static mut {e.val} at line {e.row + 1}")
    if g is not None:              # recorded by C name (`r#match` is C's `match`)
        cx.globals_used.add(g.name)
    return str(e.val)


def _global_of(e: Expr, syms: Symbols) -> GlobalDecl | None:
    if e.op != "global":
        return None
    rust = str(e.val)
    for name in (rust, rust.removeprefix("r#"), rust.removesuffix("_")):
        g = syms.globals.get(name)
        if g is not None and field_name(name) == rust:
            return g
    return None


def immutable_static(g: GlobalDecl, syms: Symbols) -> bool:
    """A file-scope `static` object that becomes an immutable Rust `static`: its type is
    const-qualified and holds no object pointer (a `static` must be `Sync`)."""
    return g.static and not g.extern_only and _read_only(g.ctype) and _sync(g.ctype, syms)


def immutable_place(e: Expr, cx: Cx) -> bool:
    """Whether the place `e` (a member or element of ...) is an immutable `static`."""
    while e.op in ("member", "index") and e.args:
        e = e.args[0]
    g = _global_of(e, cx.syms)
    return g is not None and immutable_static(g, cx.syms)


def _read_only(t: CType) -> bool:
    return _read_only(t.elem) if isinstance(t, Array) else t.const


def _sync(t: CType, syms: Symbols) -> bool:
    if isinstance(t, Int | Float):
        return True
    if isinstance(t, Pointer):
        return isinstance(t.pointee, Func)
    if isinstance(t, Array):
        return _sync(t.elem, syms)
    if isinstance(t, Record):
        rec = syms.records.get(unqual(t).key)  # type: ignore[union-attr]
        return rec is not None and rec.complete and all(_sync(f.ctype, syms)
                                                       for f in rec.fields)
    return False


_VARIANTS = {"Some", "None", "Ok", "Err"}      # a `let` cannot shadow these


def local_name(name: str, cx: Cx | None = None) -> str:
    """A `let` or parameter name. A Rust binding cannot shadow a `static` or a `const`
    (E0530), which C's locals may (a file-scope object or an enumerator): those get `_`
    appended until the name is neither taken nor any identifier of the function."""
    if not name:
        return "_"
    taken: set[str] = set()
    if cx is not None:
        taken = cx.syms.globals.keys() | cx.syms.enum_consts.keys()
    rust = name
    while rust in _VARIANTS or rust in taken or (rust != name and cx is not None
                                                 and rust in cx.idents):
        rust += "_"
    return field_name(rust)


Item = tuple[list[Node], Node]      # (remaining designators, value)


def initializer(t: CType, node: Node, cx: Cx) -> str:
    """The Rust value of an initialiser for an object of type t (C11 6.7.9)."""
    if isinstance(t, Array) and node.type in ("string_literal", "concatenated_string"):
        return _string_init(t, node)
    if isinstance(t, Array | Record):
        if node.type != "initializer_list":
            if isinstance(t, Record):       # a struct value (a copy)
                return expr(convert(type_expr(node, cx.env), t), cx)
            raise Unsupported(f"array initializer at line {node.start_point.row + 1}")
        return _aggregate(t, [_item(i) for i in _items(node)], cx, node)
    if node.type == "initializer_list":
        items = _items(node)
        if len(items) != 1 or items[0].type == "initializer_pair":
            raise Unsupported(f"scalar initializer list at line {node.start_point.row + 1}")
        return initializer(t, items[0], cx)
    return expr(convert(type_expr(node, cx.env), t), cx)


def _items(node: Node) -> list[Node]:
    return [c for c in node.named_children if c.type != "comment"]


def _item(node: Node) -> Item:
    if node.type != "initializer_pair":
        return [], node
    value = node.child_by_field_name("value")
    assert value is not None
    return list(node.children_by_field_name("designator")), value


def _string_init(t: Array, node: Node) -> str:
    if not (isinstance(t.elem, Int) and t.elem.kind.size == 1):
        raise Unsupported(f"string initializer at line {node.start_point.row + 1}")
    size = t.size or 0
    data = (string_bytes(node) + b"\0")[:size].ljust(size, b"\0")
    signed = t.elem.kind in (IntKind.CHAR, IntKind.SCHAR)
    return "[" + ", ".join(mk_int(b - 256 if signed and b > 127 else b, t.elem.kind.rust)
                           for b in data) + "]"


def _aggregate(t: Array | Record, items: list[Item], cx: Cx, where: Node) -> str:
    """Slots of an array or fields of a struct from (designators, value) items; nested
    designators (`.a.b = 1`, `[2].x = 3`) group into the member they start with."""
    row = where.start_point.row + 1
    rec = cx.syms.records.get(t.key) if isinstance(t, Record) else None
    if isinstance(t, Record):
        if rec is None or not rec.complete:
            raise Unsupported(f"initializer of incomplete {t.key}")
        if any(f.bits is not None for f in rec.fields):
            raise Unsupported(f"bit-field member of {t.key} at line {row}")
        count = len(rec.fields)
    else:
        count = t.size or 0
    direct: dict[int, Node] = {}
    nested: dict[int, list[Item]] = {}
    index = 0
    for designators, value in items:
        if designators:
            index = _slot(t, designators[0], cx)
        if index >= count:
            raise Unsupported(f"excess initializer at line {row}")
        if len(designators) > 1:
            nested.setdefault(index, []).append((designators[1:], value))
        else:
            direct[index] = value
        index += 1
    if set(direct) & set(nested):
        raise Unsupported(f"overlapping designated initializers at line {row}")

    def member(i: int) -> str | None:
        mt = rec.fields[i].ctype if rec is not None else t.elem  # type: ignore[union-attr]
        if i in direct:
            return initializer(mt, direct[i], cx)
        if i in nested:
            if not isinstance(mt, Array | Record):
                raise Unsupported(f"designator into a scalar at line {row}")
            return _aggregate(mt, nested[i], cx, where)
        return None

    if rec is None:
        assert isinstance(t, Array)
        values = [member(i) for i in range(count)]
        if not any(v is not None for v in values):
            return zero(t, cx)
        z = zero(t.elem, cx)
        return "[" + ", ".join(v if v is not None else z for v in values) + "]"
    names = [field_name(f.name or f"anon{i}") for i, f in enumerate(rec.fields)]
    if rec.is_union:
        chosen = sorted(set(direct) | set(nested))
        if len(chosen) > 1:
            raise Unsupported(f"union initializer at line {row}")
        i = chosen[0] if chosen else 0
        value = member(i) if chosen else zero(rec.fields[0].ctype, cx)
        return f"{rec.rust_name} {{ {names[i]}: {value} }}"
    parts = [f"{names[i]}: {member(i) or zero(f.ctype, cx)}" for i, f in enumerate(rec.fields)]
    return f"{rec.rust_name} {{ {', '.join(parts)} }}"


def _slot(t: Array | Record, designator: Node, cx: Cx) -> int:
    row = designator.start_point.row + 1
    if isinstance(t, Array):
        if designator.type != "subscript_designator":
            raise Unsupported(f"field designator on an array at line {row}")
        return _const(designator.named_children[0], cx)
    if designator.type != "field_designator":
        raise Unsupported(f"index designator on a struct at line {row}")
    name = text(designator.named_children[0])
    rec = cx.syms.records[t.key]
    found = [i for i, f in enumerate(rec.fields) if f.name == name]
    if not found:
        raise Unsupported(f"designator .{name} at line {row}")
    return found[0]


def _const(node: Node, cx: Cx) -> int:
    value = fold(type_expr(node, cx.env), cx.env)
    if value is None:
        raise Unsupported(f"non-constant designator at line {node.start_point.row + 1}")
    return value


def local_declaration(node: Node, cx: Cx, hoisted: set[str]) -> list[str]:
    """`let` statements (or `static mut` items) for a block-scope declaration."""
    base, storage = cx.syms.base_type(node)
    if "typedef" in storage:
        raise Unsupported(f"block-scope typedef at line {node.start_point.row + 1}")
    out: list[str] = []
    for d in node.children_by_field_name("declarator"):
        name, ty, _ = cx.syms.declarator(d, base)
        init = d.child_by_field_name("value") if d.type == "init_declarator" else None
        if "extern" in storage or isinstance(ty, type(None)):
            raise Unsupported(f"block-scope extern at line {node.start_point.row + 1}")
        from refactor.translate.c.ctypes_model import Func
        if isinstance(ty, Func):
            continue                    # a block-scope prototype
        if isinstance(ty, Array) and ty.size is None and init is not None:
            from refactor.translate.c.toplevel import init_length
            ty = Array(ty.elem, init_length(init, cx.syms), ty.const)
        rust = local_name(name, cx)
        if "static" in storage:
            cx.env.scopes[-1][name] = Var(rust, ty, "static")   # in scope in its initializer
            value = _static_value(ty, init, cx)
            out.append(f"static mut {rust}: {cx.ty(ty)} = {value};")
            continue
        cx.env.scopes[-1][name] = Var(rust, ty, "local")
        value = initializer(ty, init, cx) if init is not None else zero(ty, cx)
        if name in hoisted:
            out.append(f"{rust} = {value};" if init is not None else "")
        else:
            out.append(f"let mut {rust}: {cx.ty(ty)} = {value};")
    return [line for line in out if line]


def hoisted_let(node: Node, cx: Cx) -> list[tuple[str, str]]:
    """(C name, `let`) for declarations hoisted above goto targets."""
    base, storage = cx.syms.base_type(node)
    out = []
    if "static" in storage:
        return out
    for d in node.children_by_field_name("declarator"):
        name, ty, _ = cx.syms.declarator(d, base)
        init = d.child_by_field_name("value") if d.type == "init_declarator" else None
        if isinstance(ty, Array) and ty.size is None and init is not None:
            from refactor.translate.c.toplevel import init_length
            ty = Array(ty.elem, init_length(init, cx.syms), ty.const)
        out.append((name, f"let mut {local_name(name, cx)}: {cx.ty(ty)} = {zero(ty, cx)};"))
    return out


def _static_value(ty: CType, init: Node | None, cx: Cx) -> str:
    if init is None:
        return zero(ty, cx)
    before, unsafe_before = cx.in_const, len(cx.unsafe_reasons)
    cx.in_const = True
    try:
        value = initializer(ty, init, cx)
    finally:
        cx.in_const = before
    # a static's initialiser may take the address of another `static mut`
    return f"unsafe {{ {value} }}" if len(cx.unsafe_reasons) > unsafe_before else value
