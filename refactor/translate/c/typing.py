"""The typing pass: tree-sitter expressions become typed `Expr` trees.

tree-sitter has no implicit conversions, so this pass inserts them as explicit nodes with
a kind from the closed `CastKind` list (C11 6.3: integer promotions, usual arithmetic
conversions, array-to-pointer and function-to-pointer decay, null pointer constants,
conversions on assignment and on calls). All are lowered by one function in
`conversions.py`; nothing here writes Rust.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from tree_sitter import Node

from refactor.translate.c.ctypes_model import (
    INT,
    PTRDIFF_T,
    SIZE_T,
    Array,
    CType,
    Float,
    Func,
    Int,
    IntKind,
    LayoutError,
    Pointer,
    Record,
    Void,
    is_arith,
    promote,
    size_align,
    unqual,
    usual_arithmetic,
    with_const,
)
from refactor.translate.c.literals import (
    float_value,
    long_double_constant,
    parse_char,
    parse_number,
    string_bytes,
)
from refactor.translate.c.names import RUST_KEYWORDS, field_name
from refactor.translate.c.symbols import Symbols, Unsupported, text


class CastKind(Enum):
    INTEGRAL = "integral"             # 6.3.1.3, also to and from bool-as-int
    INT_TO_FLOAT = "int_to_float"     # 6.3.1.4p2
    FLOAT_TO_INT = "float_to_int"     # 6.3.1.4p1
    FLOATING = "floating"             # 6.3.1.5
    TO_BOOL = "to_bool"               # 6.3.1.2
    ARRAY_DECAY = "array_decay"       # 6.3.2.1p3
    FUNCTION_DECAY = "function_decay"  # 6.3.2.1p4
    NULL_TO_POINTER = "null_to_pointer"  # 6.3.2.3p3
    POINTER = "pointer"               # 6.3.2.3p1-p2, p7
    INT_TO_POINTER = "int_to_pointer"  # 6.3.2.3p5
    POINTER_TO_INT = "pointer_to_int"  # 6.3.2.3p6
    TO_VOID = "to_void"               # 6.3.2.2
    NOOP = "noop"                     # qualifiers only


@dataclass(frozen=True, eq=False)
class Expr:
    op: str
    ty: CType
    args: tuple[Expr, ...] = ()
    val: object = None
    lvalue: bool = False
    row: int = 0


@dataclass
class Var:
    rust: str
    ctype: CType
    kind: str                         # "local" | "static" (static mut) | "global"


@dataclass
class Env:
    """What names mean while typing one function (or a file-scope initializer)."""

    syms: Symbols
    scopes: list[dict[str, Var]] = field(default_factory=list)
    globals: Callable[[str], Var | None] = lambda name: None
    function: str = ""                # for `__func__` (C11 6.4.2.2)

    def lookup(self, name: str) -> Var | None:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        return self.globals(name)


def layout(t: CType, syms: Symbols) -> tuple[int, int]:
    try:
        return size_align(t, syms.records)
    except LayoutError as exc:
        raise Unsupported(f"sizeof: {exc}") from exc


def is_null_const(e: Expr) -> bool:
    while e.op in ("cast", "implicit") and ((isinstance(e.ty, Pointer) and isinstance(
            e.ty.pointee, Void)) or isinstance(e.ty, Int)):
        e = e.args[0]
    return e.op == "int" and e.val == 0 and isinstance(e.ty, Int)


def cast(e: Expr, target: CType, kind: CastKind | None = None, op: str = "implicit") -> Expr:
    """Convert e to target, choosing the cast kind from the two types."""
    if kind is None:
        kind = cast_kind(e, target)
    if kind is CastKind.NOOP and op == "implicit":
        return e
    return Expr(op, unqual(target), (e,), kind, row=e.row)


def cast_kind(e: Expr, target: CType) -> CastKind:
    src = e.ty
    if isinstance(target, Void):
        return CastKind.TO_VOID
    if isinstance(target, Int) and target.kind is IntKind.BOOL and not (
            isinstance(src, Int) and src.kind is IntKind.BOOL):
        return CastKind.TO_BOOL
    if isinstance(target, Int) and isinstance(src, Int):
        return CastKind.NOOP if unqual(src) == unqual(target) else CastKind.INTEGRAL
    if isinstance(target, Float) and isinstance(src, Int):
        return CastKind.INT_TO_FLOAT
    if isinstance(target, Int) and isinstance(src, Float):
        return CastKind.FLOAT_TO_INT
    if isinstance(target, Float) and isinstance(src, Float):
        return CastKind.NOOP if src.size == target.size else CastKind.FLOATING
    if isinstance(target, Pointer):
        if is_null_const(e):
            return CastKind.NULL_TO_POINTER
        if isinstance(src, Pointer):
            return CastKind.NOOP if unqual(src) == unqual(target) else CastKind.POINTER
        if isinstance(src, Int):
            return CastKind.INT_TO_POINTER
    if isinstance(target, Int) and isinstance(src, Pointer):
        return CastKind.POINTER_TO_INT
    if isinstance(target, Record) and isinstance(src, Record) and src.key == target.key:
        return CastKind.NOOP
    raise Unsupported(f"conversion at line {e.row + 1}")


def rvalue(e: Expr) -> Expr:
    """Lvalue conversion with decay (C11 6.3.2.1)."""
    if isinstance(e.ty, Array):
        elem = with_const(e.ty.elem) if e.ty.const else e.ty.elem
        return Expr("implicit", Pointer(elem), (e,), CastKind.ARRAY_DECAY, row=e.row)
    if isinstance(e.ty, Func):
        if e.op == "fnderef":           # (*fp) used as a value is fp again
            return e.args[0]
        return Expr("implicit", Pointer(e.ty), (e,), CastKind.FUNCTION_DECAY, row=e.row)
    return e


def convert(e: Expr, target: CType) -> Expr:
    """Conversion as if by assignment (C11 6.5.16.1)."""
    e = rvalue(e)
    return cast(e, unqual(target))


def type_expr(node: Node, env: Env) -> Expr:
    handler = _HANDLERS.get(node.type)
    if handler is None:
        what = _UNHANDLED.get(node.type, node.type.replace("_", " "))
        raise Unsupported(f"{what} at line {node.start_point.row + 1}")
    return handler(node, env)


_UNHANDLED = {"compound_statement": "statement expression (GNU)",
              "compound_literal_expression": "compound literal",
              "initializer_list": "initializer list in an expression",
              "gnu_asm_expression": "inline assembly", "generic_expression": "_Generic",
              "offsetof_expression": "offsetof", "ERROR": "syntax error"}


def _row(node: Node) -> int:
    return node.start_point.row


def _number(node: Node, env: Env) -> Expr:
    spelling = text(node)
    if spelling[:1] in "+-":            # tree-sitter folds a sign into the literal
        value, ty = parse_number(node, spelling[1:].lstrip())
        lit = Expr("float" if isinstance(ty, Float) else "int", ty, val=value, row=_row(node))
        operand = cast(lit, promote(ty))
        return Expr("neg" if spelling[0] == "-" else "plus", operand.ty, (operand,),
                    row=_row(node))
    value, ty = parse_number(node)
    return Expr("float" if isinstance(ty, Float) else "int", ty, val=value, row=_row(node))


def _char(node: Node, env: Env) -> Expr:
    return Expr("int", INT, val=parse_char(node), row=_row(node))


def _string(node: Node, env: Env) -> Expr:
    data = string_bytes(node)
    return Expr("str", Array(Int(IntKind.CHAR), len(data) + 1), val=data, lvalue=True,
                row=_row(node))


def _bool(node: Node, env: Env) -> Expr:
    return Expr("int", INT, val=int(node.type == "true"), row=_row(node))


def _identifier(node: Node, env: Env) -> Expr:
    name = text(node)
    var = env.lookup(name)
    if var is not None:
        return Expr(var.kind, var.ctype, val=var.rust, lvalue=True, row=_row(node))
    if name in ("__func__", "__FUNCTION__", "__PRETTY_FUNCTION__") and env.function:
        data = env.function.encode()
        return Expr("str", Array(Int(IntKind.CHAR, const=True), len(data) + 1), val=data,
                    lvalue=True, row=_row(node))
    if name in env.syms.enum_consts:
        return Expr("enumconst", INT, val=name, row=_row(node))
    fn = env.syms.functions.get(name)
    if fn is not None:
        return Expr("func", fn.ctype, val=name, row=_row(node))
    if name in env.syms.bad:
        raise Unsupported(f"{name} at line {_row(node) + 1} ({env.syms.bad[name]})")
    raise Unsupported(f"undeclared identifier {name} at line {_row(node) + 1}")


def _extension(node: Node, env: Env) -> Expr:
    """`__extension__ expr` (GNU): only silences pedantic warnings."""
    inner = [c for c in node.named_children if c.type != "comment"]
    if len(inner) != 1:
        raise Unsupported(f"__extension__ expression at line {_row(node) + 1}")
    return type_expr(inner[0], env)


def _paren(node: Node, env: Env) -> Expr:
    inner = [c for c in node.named_children if c.type != "comment"]
    if len(inner) != 1:
        raise Unsupported(f"parenthesized expression at line {_row(node) + 1}")
    return type_expr(inner[0], env)


def typedef_in_parens(node: Node | None, env: Env) -> CType | None:
    """`(name)` where name is a typedef: tree-sitter cannot tell `(T)(x)`, `(T)-x` or
    `sizeof(T)` from a call, a subtraction or `sizeof(expr)` (it does not track typedefs)."""
    if node is None or node.type != "parenthesized_expression":
        return None
    inner = [c for c in node.named_children if c.type != "comment"]
    if len(inner) != 1 or inner[0].type != "identifier":
        return None
    name = text(inner[0])
    if env.lookup(name) is not None:
        return None
    if name in env.syms.typedefs:
        return env.syms.typedefs[name]
    from refactor.translate.c.symbols import _PRIMITIVES
    return _PRIMITIVES.get(name) if name == "_Bool" else None


def explicit_cast(target: CType, value: Expr, row: int) -> Expr:
    if isinstance(target, Record | Array):
        raise Unsupported(f"cast to aggregate at line {row + 1}")
    return cast(rvalue(value), target, op="cast")


def _sizeof(node: Node, env: Env) -> Expr:
    tnode = node.child_by_field_name("type")
    value = node.child_by_field_name("value")
    named = typedef_in_parens(value, env)
    if tnode is not None:
        ty = env.syms.type_name(tnode)
    elif named is not None:
        ty = named
    else:
        assert value is not None
        ty = type_expr(value, env).ty
    size = layout(ty, env.syms)[0]
    return Expr("int", SIZE_T, val=size, row=_row(node))


def _alignof(node: Node, env: Env) -> Expr:
    tnode = node.child_by_field_name("type")
    if tnode is None:
        raise Unsupported(f"alignof expression at line {_row(node) + 1}")
    return Expr("int", SIZE_T, val=layout(env.syms.type_name(tnode), env.syms)[1],
                row=_row(node))


def _cast(node: Node, env: Env) -> Expr:
    tnode = node.child_by_field_name("type")
    vnode = node.child_by_field_name("value")
    assert tnode is not None and vnode is not None
    target = env.syms.type_name(tnode)
    long_double = long_double_constant(vnode)
    if long_double is not None and isinstance(target, Float):
        value_ = float_value(long_double, target.size, via_long_double=True)
        return Expr("float", unqual(target), val=value_, row=_row(node))
    value = rvalue(type_expr(vnode, env))
    if isinstance(target, Record | Array):
        raise Unsupported(f"cast to aggregate at line {_row(node) + 1}")
    return cast(value, target, op="cast")


def _compound_literal(node: Node, env: Env) -> Expr:
    """`(T){...}` (C11 6.5.2.5) as a value; its initializer is lowered with declarations."""
    tnode = node.child_by_field_name("type")
    value = node.child_by_field_name("value")
    assert tnode is not None and value is not None
    ty = env.syms.type_name(tnode)
    if isinstance(ty, Array):
        raise Unsupported(f"array compound literal at line {_row(node) + 1}")
    return Expr("complit", ty, val=value, row=_row(node))


def deref(ptr: Expr, row: int) -> Expr:
    if not isinstance(ptr.ty, Pointer):
        raise Unsupported(f"dereference of a non-pointer at line {row + 1}")
    if isinstance(ptr.ty.pointee, Func):
        return ptr.args[0] if ptr.op == "implicit" and ptr.val is CastKind.FUNCTION_DECAY \
            else Expr("fnderef", ptr.ty.pointee, (ptr,), row=row)
    if isinstance(ptr.ty.pointee, Void):
        raise Unsupported(f"dereference of void * at line {row + 1}")
    return Expr("deref", ptr.ty.pointee, (ptr,), lvalue=True, row=row)


_HANDLERS: dict[str, Callable[[Node, Env], Expr]] = {
    "number_literal": _number, "char_literal": _char, "string_literal": _string,
    "concatenated_string": _string, "true": _bool, "false": _bool,
    "identifier": _identifier, "parenthesized_expression": _paren,
    "sizeof_expression": _sizeof, "alignof_expression": _alignof,
    "cast_expression": _cast, "compound_literal_expression": _compound_literal,
    "extension_expression": _extension,
}


def register(kind: str, handler: Callable[[Node, Env], Expr]) -> None:
    _HANDLERS[kind] = handler


def ptrdiff_type() -> CType:
    return PTRDIFF_T


def arith(a: Expr, b: Expr) -> tuple[Expr, Expr, CType]:
    a, b = rvalue(a), rvalue(b)
    if not (is_arith(a.ty) and is_arith(b.ty)):
        raise Unsupported(f"arithmetic on non-arithmetic operands at line {a.row + 1}")
    common = usual_arithmetic(a.ty, b.ty)
    return cast(a, common), cast(b, common), common


__all__ = ["INT", "RUST_KEYWORDS", "CastKind", "Env", "Expr", "Var", "arith", "cast",
           "convert", "deref", "field_name", "rvalue", "type_expr"]
