"""File-scope declarations of a preprocessed translation unit, turned into C types.

Reads typedefs, struct/union/enum definitions, prototypes, function definitions and
global variables (C11 6.7) from the tree-sitter tree; a declaration the model cannot
type is remembered with its reason so that only the units using it are skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tree_sitter import Node

from refactor.translate.c.ctypes_model import (
    BOOL,
    INT,
    VOID,
    Array,
    CType,
    FieldDef,
    Float,
    Func,
    Int,
    IntKind,
    Pointer,
    Record,
    RecordDef,
    with_const,
)


class Unsupported(Exception):
    """A construct the translator does not handle; the message names it and its line."""


_PRIMITIVES: dict[str, CType] = {
    "void": VOID, "char": Int(IntKind.CHAR), "int": INT, "short": Int(IntKind.SHORT),
    "long": Int(IntKind.LONG), "float": Float(4), "double": Float(8), "_Bool": BOOL,
    "bool": BOOL, "signed": INT, "unsigned": Int(IntKind.UINT),
    "size_t": Int(IntKind.ULONG), "ssize_t": Int(IntKind.LONG),
    "ptrdiff_t": Int(IntKind.LONG), "intptr_t": Int(IntKind.LONG),
    "uintptr_t": Int(IntKind.ULONG), "int8_t": Int(IntKind.SCHAR),
    "uint8_t": Int(IntKind.UCHAR), "int16_t": Int(IntKind.SHORT),
    "uint16_t": Int(IntKind.USHORT), "int32_t": INT, "uint32_t": Int(IntKind.UINT),
    "int64_t": Int(IntKind.LONG), "uint64_t": Int(IntKind.ULONG),
    "__int128": Int(IntKind.INT128),
}
_IGNORED = {"attribute_specifier", "attribute_declaration", "ms_declspec_modifier",
            "gnu_asm_expression", "ms_pointer_modifier", "comment", "ms_call_modifier"}


def text(node: Node) -> str:
    return (node.text or b"").decode(errors="replace")


@dataclass
class FuncDecl:
    name: str
    ctype: Func
    static: bool
    param_names: list[str]
    row: int
    definition: Node | None = None
    inline: bool = False


@dataclass
class GlobalDecl:
    name: str
    ctype: CType
    static: bool
    extern_only: bool
    row: int
    init: Node | None = None
    node: Node | None = None


@dataclass
class EnumDef:
    rust_name: str | None
    kind: IntKind
    constants: list[tuple[str, int]]
    row: int


@dataclass
class Symbols:
    records: dict[str, RecordDef] = field(default_factory=dict)
    typedefs: dict[str, CType] = field(default_factory=dict)
    typedef_rows: dict[str, int] = field(default_factory=dict)
    enum_consts: dict[str, int] = field(default_factory=dict)
    enums: dict[str, EnumDef] = field(default_factory=dict)
    functions: dict[str, FuncDecl] = field(default_factory=dict)
    globals: dict[str, GlobalDecl] = field(default_factory=dict)
    bad: dict[str, str] = field(default_factory=dict)       # name -> why it is untyped
    eval_const: Callable[[Node, Symbols], int] | None = None
    record_of_row: dict[str, int] = field(default_factory=dict)
    last_anon_enum: EnumDef | None = None
    pointer_returns: dict[str, tuple[bool, ...]] = field(default_factory=dict)

    # -- specifiers (C11 6.7.2) --------------------------------------------------
    def base_type(self, decl: Node) -> tuple[CType, set[str]]:
        storage: set[str] = set()
        const = False
        ty: CType | None = None
        for child in decl.children:
            kind = child.type
            if kind == "storage_class_specifier":
                storage.add(text(child))
            elif kind == "type_qualifier":
                const = const or text(child) == "const"
            elif kind == "function_specifier" or text(child) == "inline":
                storage.add("inline")
        tnode = decl.child_by_field_name("type")
        if tnode is None:
            raise Unsupported(f"declaration without a type at line {decl.start_point.row}")
        ty = self.type_specifier(tnode)
        return (with_const(ty) if const else ty), storage

    def type_specifier(self, node: Node) -> CType:
        kind = node.type
        if kind == "primitive_type":
            name = text(node)
            if name in self.typedefs:
                return self.typedefs[name]
            if name in _PRIMITIVES:
                return _PRIMITIVES[name]
            raise Unsupported(f"type {name}")
        if kind == "type_identifier":
            name = text(node)
            if name not in self.typedefs and name in _PRIMITIVES:
                return _PRIMITIVES[name]
            if name not in self.typedefs:
                raise Unsupported(f"unknown type {name}")
            return self.typedefs[name]
        if kind == "sized_type_specifier":
            return self.sized(node)
        if kind in ("struct_specifier", "union_specifier"):
            return self.record(node, kind == "union_specifier")
        if kind == "enum_specifier":
            return self.enum(node, None)
        if kind == "macro_type_specifier":
            raise Unsupported(f"macro type {text(node)}")
        raise Unsupported(f"type specifier {kind} ({text(node)[:40]})")

    def sized(self, node: Node) -> CType:
        words = [text(c) for c in node.children if c.type != "primitive_type"]
        inner = node.child_by_field_name("type")
        base = text(inner) if inner is not None else "int"
        unsigned = "unsigned" in words
        longs = words.count("long")
        if base == "double":
            raise Unsupported("long double")
        if base == "char":
            return Int(IntKind.UCHAR if unsigned else IntKind.SCHAR)
        if base == "__int128":
            return Int(IntKind.UINT128 if unsigned else IntKind.INT128)
        if "short" in words:
            return Int(IntKind.USHORT if unsigned else IntKind.SHORT)
        if longs == 1:
            return Int(IntKind.ULONG if unsigned else IntKind.LONG)
        if longs >= 2:
            return Int(IntKind.ULLONG if unsigned else IntKind.LLONG)
        return Int(IntKind.UINT if unsigned else IntKind.INT)

    def record(self, node: Node, is_union: bool) -> CType:
        word = "union" if is_union else "struct"
        name = node.child_by_field_name("name")
        body = node.child_by_field_name("body")
        row, col = node.start_point
        key = f"{word} {text(name)}" if name is not None else f"{word} <anon {row}:{col}>"
        rec = self.records.get(key)
        if rec is None:
            rust = text(name) if name is not None else f"anon_{word}_{row}_{col}"
            rec = RecordDef(key, rust, is_union, origin=("", row))
            self.records[key] = rec
            self.record_of_row[key] = row
        if body is not None and not rec.complete:
            rec.fields = self.fields(body)
            rec.complete = True
            rec.origin = ("", row)
        return Record(key)

    def fields(self, body: Node) -> list[FieldDef]:
        out: list[FieldDef] = []
        for fd in body.named_children:
            if fd.type != "field_declaration":
                continue
            base, _ = self.base_type(fd)
            bits_node = next((c for c in fd.named_children if c.type == "bitfield_clause"),
                             None)
            bits = self.const(bits_node.named_children[0]) if bits_node else None
            decls = fd.children_by_field_name("declarator")
            if not decls:
                out.append(FieldDef("", base, bits))
            for d in decls:
                name, ty, _ = self.declarator(d, base)
                out.append(FieldDef(name, ty, bits))
        return out

    def enum(self, node: Node, typedef_name: str | None) -> CType:
        name = node.child_by_field_name("name")
        body = node.child_by_field_name("body")
        key = text(name) if name is not None else None
        if body is None:
            if key and key in self.enums:
                e = self.enums[key]
                return Int(e.kind, enum=e.rust_name)
            return Int(IntKind.UINT, enum=key)
        consts: list[tuple[str, int]] = []
        value = 0
        for en in body.named_children:
            if en.type != "enumerator":
                continue
            vnode = en.child_by_field_name("value")
            if vnode is not None:
                value = self.const(vnode)
            cname = text(en.child_by_field_name("name") or en)
            consts.append((cname, value))
            self.enum_consts[cname] = value
            value += 1
        kind = IntKind.INT if any(v < 0 for _, v in consts) else IntKind.UINT
        if any(v > 0xFFFFFFFF or v < -(1 << 31) for _, v in consts):
            kind = IntKind.LONG if kind is IntKind.INT else IntKind.ULONG
        edef = EnumDef(key or typedef_name, kind, consts, node.start_point.row)
        self.enums[key or f"<anon {node.start_point.row}>"] = edef
        if key is None:
            self.last_anon_enum = edef
        rust = edef.rust_name
        return Int(kind, enum=rust)

    def const(self, node: Node) -> int:
        if self.eval_const is None:
            raise Unsupported("constant expression")
        return self.eval_const(node, self)

    # -- declarators (C11 6.7.6) ---------------------------------------------------
    def declarator(self, node: Node | None, base: CType) -> tuple[str, CType, list[str]]:
        """(name, type, parameter names) of a (possibly abstract) declarator."""
        if node is None:
            return "", base, []
        kind = node.type
        if kind in ("identifier", "field_identifier", "type_identifier", "primitive_type"):
            return text(node), base, []
        if kind in ("pointer_declarator", "abstract_pointer_declarator"):
            const = any(c.type == "type_qualifier" and text(c) == "const"
                        for c in node.children)
            ptr: CType = Pointer(base, const)
            return self.declarator(node.child_by_field_name("declarator"), ptr)
        if kind in ("array_declarator", "abstract_array_declarator"):
            size_node = node.child_by_field_name("size")
            try:
                size = self.const(size_node) if size_node is not None else None
            except Unsupported as exc:
                raise Unsupported(f"variable-length array at line "
                                  f"{node.start_point.row + 1}") from exc
            const = any(c.type == "type_qualifier" and text(c) == "const"
                        for c in node.children)
            return self.declarator(node.child_by_field_name("declarator"),
                                   Array(base, size, const))
        if kind in ("function_declarator", "abstract_function_declarator"):
            fn, names = self.params(node.child_by_field_name("parameters"), base)
            name, ty, _ = self.declarator(node.child_by_field_name("declarator"), fn)
            return name, ty, names
        if kind in ("parenthesized_declarator", "abstract_parenthesized_declarator",
                    "attributed_declarator"):
            inner = next((c for c in node.named_children if c.type not in _IGNORED), None)
            return self.declarator(inner, base)
        if kind == "init_declarator":
            return self.declarator(node.child_by_field_name("declarator"), base)
        raise Unsupported(f"declarator {kind}")

    def params(self, plist: Node | None, ret: CType) -> tuple[Func, list[str]]:
        if plist is None:
            return Func(ret, (), prototyped=False), []
        types: list[CType] = []
        names: list[str] = []
        variadic = False
        for p in plist.named_children:
            if p.type == "variadic_parameter":
                variadic = True
                continue
            if p.type != "parameter_declaration":
                continue
            base, _ = self.base_type(p)
            name, ty, _ = self.declarator(p.child_by_field_name("declarator"), base)
            types.append(ty)
            names.append(name)
        if len(types) == 1 and isinstance(types[0], type(VOID)) and not names[0]:
            return Func(ret, ()), []
        if not types and not variadic:
            return Func(ret, (), prototyped=False), []
        return Func(ret, tuple(types), variadic), names

    def type_name(self, node: Node) -> CType:
        """A `type_descriptor` (casts, sizeof, compound literals)."""
        base, _ = self.base_type(node)
        _, ty, _ = self.declarator(node.child_by_field_name("declarator"), base)
        return ty
