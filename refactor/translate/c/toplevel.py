"""File-scope declarations, collected in order into the `Symbols` table (C11 6.9)."""

from __future__ import annotations

import re

from tree_sitter import Node

from refactor.translate.c.ctypes_model import (
    INT,
    Array,
    CType,
    Float,
    Func,
    Int,
    Pointer,
    Record,
    decay_param,
    unqual,
)
from refactor.translate.c.symbols import FuncDecl, GlobalDecl, Symbols, Unsupported, text


def collect(root: Node, syms: Symbols,
            pointer_returns: dict[str, tuple[bool, ...]] | None = None) -> None:
    """Fill `syms` from the file-scope declarations under `root`, in order;
    `pointer_returns`: the return pointers `unpointer_old_style` blanked out."""
    syms.pointer_returns = pointer_returns or {}
    misparsed = misparsed_old_style(root)
    for node in root.named_children:
        if node.id in misparsed:
            continue
        try:
            _top_level(node, syms)
        except Exception as exc:
            for name in declared_names(node):
                syms.bad[name] = str(exc)
    _name_nested(syms)


def misparsed_old_style(root: Node) -> dict[int, str]:
    """Node id -> function name, for the file-scope nodes of old-style definitions of a
    function returning a pointer (`char *f(a, n) char *a; int n; { .. }`): tree-sitter-c
    parses one as a declaration of `f`, declarations of its parameters and a compound
    statement, which file scope cannot hold. None of them declares anything there."""
    out: dict[int, str] = {}
    kids = root.named_children
    for i, node in enumerate(kids):
        if node.type != "compound_statement":
            continue
        out[node.id] = ""
        j = i - 1
        while j >= 0 and kids[j].type == "declaration" and _function_head(kids[j]) is None:
            j -= 1
        head = _function_head(kids[j]) if j >= 0 and kids[j].type == "declaration" else None
        if head is None:            # unreadable: its pieces still declare nothing
            _unreadable_pieces(kids, i, out)
            continue
        name, idents = head
        if all(set(declared_names(kids[k])) <= idents for k in range(j + 1, i)):
            for k in range(j, i + 1):
                out[kids[k].id] = name
    return out


def unpointer_old_style(root: Node, source: bytes
                        ) -> tuple[bytes, dict[str, tuple[bool, ...]]]:
    """The source with the `*` (and their qualifiers) of each misparsed old-style
    definition's return type blanked out, which tree-sitter-c then parses as a function
    definition, and per function the const-ness of each pointer level to restore (the
    first `*` is the outermost declarator, as `Symbols.declarator` reads it)."""
    out = bytearray(source)
    levels: dict[str, tuple[bool, ...]] = {}
    misparsed = misparsed_old_style(root)
    for node in root.named_children:
        name = misparsed.get(node.id)
        fdecl = _find(node, ("function_declarator",)) if name else None
        ident = fdecl.child_by_field_name("declarator") if fdecl is not None else None
        tnode = node.child_by_field_name("type")
        if ident is None or tnode is None or text(ident) != name or name in levels:
            continue
        region = source[tnode.end_byte:ident.start_byte].decode(errors="replace")
        tokens = _RETURN_POINTER.findall(region)
        if not tokens or tokens[0] != "*" or _RETURN_POINTER.sub("", region).strip():
            continue
        consts: list[bool] = []
        for token in tokens:
            if token == "*":
                consts.append(False)
            elif token == "const":
                consts[-1] = True
        for b in range(tnode.end_byte, ident.start_byte):
            if out[b] not in b"\r\n":
                out[b] = 32
        levels[name] = tuple(consts)
    return bytes(out), levels


_RETURN_POINTER = re.compile(r"\*|\b(?:const|volatile|restrict|__restrict)\b")


def _unreadable_pieces(kids: list[Node], i: int, out: dict[int, str]) -> None:
    """The declarations before the file-scope compound statement `kids[i]` back to one
    holding a function declarator or a syntax error (its head); at least the one right
    before it, which cannot be a declaration of its own."""
    for k in range(i - 1, max(-1, i - 17), -1):
        if kids[k].type != "declaration":
            break
        found = _find(kids[k], ("function_declarator",)) or _find(kids[k], ("ERROR",))
        if found is not None:
            inner = found.child_by_field_name("declarator")
            name = text(inner) if found.type == "function_declarator" and \
                inner is not None and inner.type == "identifier" else ""
            for m in range(k, i + 1):
                out[kids[m].id] = name
            return
    if i > 0 and kids[i - 1].type == "declaration":
        out[kids[i - 1].id] = ""


def _find(node: Node, kinds: tuple[str, ...]) -> Node | None:
    """The first node of one of `kinds` under `node`, depth first."""
    stack = [node]
    while stack:
        n = stack.pop()
        if n.type in kinds:
            return n
        stack.extend(reversed(n.children))
    return None


def _function_head(node: Node) -> tuple[str, set[str]] | None:
    """(name, identifier list) of a declaration `T *f(a, b) ...` seen as a prototype
    whose parameters are lone identifiers (parsed as type names)."""
    d = node.child_by_field_name("declarator")
    while d is not None and d.type in ("pointer_declarator", "parenthesized_declarator"):
        d = d.child_by_field_name("declarator") or next(iter(d.named_children), None)
    if d is None or d.type != "function_declarator":
        return None
    params = d.child_by_field_name("parameters")
    decls = [p for p in params.named_children if p.type != "comment"] if params else []
    if not decls or any(p.type != "parameter_declaration" or p.named_child_count != 1
                        or p.child_by_field_name("declarator") is not None for p in decls):
        return None
    name = declarator_name(d)
    return (name, {text(p) for p in decls}) if name else None


def declared_names(node: Node) -> list[str]:
    """The names a declaration (or definition) declares, in order."""
    found = (declarator_name(d) for d in node.children_by_field_name("declarator"))
    return [name for name in found if name is not None]


def declarator_name(d: Node | None) -> str | None:
    """The identifier inside a declarator (`*(*name)[3]` -> name)."""
    while d is not None and d.type not in ("identifier", "type_identifier",
                                           "primitive_type"):
        d = d.child_by_field_name("declarator") or next(
            (c for c in d.named_children if c.type.endswith("declarator")
             or c.type in ("identifier", "type_identifier")), None)
    return text(d) if d is not None else None


def _top_level(node: Node, syms: Symbols) -> None:
    kind = node.type
    row = node.start_point.row
    if kind == "type_definition":
        base, _ = syms.base_type(node)
        for d in node.children_by_field_name("declarator"):
            name, ty, _ = syms.declarator(d, base)
            tnode = node.child_by_field_name("type")
            anon_enum = (tnode is not None and tnode.type == "enum_specifier"
                         and tnode.child_by_field_name("name") is None
                         and syms.last_anon_enum is not None)
            if anon_enum and isinstance(ty, Int) and syms.last_anon_enum is not None:
                if syms.last_anon_enum.rust_name is None:
                    syms.last_anon_enum.rust_name = name
                ty = Int(ty.kind, ty.const, enum=syms.last_anon_enum.rust_name)
            if isinstance(ty, Record) and syms.records[ty.key].rust_name.startswith("anon_"):
                syms.records[ty.key].rust_name = name
            syms.typedefs[name] = ty
            syms.typedef_rows[name] = row
        return
    if kind == "function_definition":
        base, storage = syms.base_type(node)
        dnode = node.child_by_field_name("declarator")
        name, ty, names = syms.declarator(dnode, base)
        if not isinstance(ty, Func):
            raise Unsupported(f"function definition {name} without a function type")
        for const in syms.pointer_returns.get(name, ()):
            ty = Func(Pointer(ty.ret, const), ty.params, ty.variadic, ty.prototyped)
        prev = syms.functions.get(name)
        idents = _identifier_list(dnode)
        if idents is not None:
            ty, names = _old_style(node, name, ty, idents, prev, syms)
        static = "static" in storage or (prev is not None and prev.static)
        syms.functions[name] = FuncDecl(name, ty, static, names, row, node,
                                        "inline" in storage)
        return
    if kind in ("struct_specifier", "union_specifier", "enum_specifier"):
        syms.type_specifier(node)
        return
    if kind != "declaration":
        return
    base, storage = syms.base_type(node)
    for d in node.children_by_field_name("declarator"):
        name, ty, names = syms.declarator(d, base)
        if isinstance(ty, Func):
            prev = syms.functions.get(name)
            if prev is not None and prev.definition is not None:
                continue
            static = "static" in storage or (prev is not None and prev.static)
            syms.functions[name] = FuncDecl(name, ty, static, names, row)
            continue
        if "typedef" in storage or not name:
            continue
        init = d.child_by_field_name("value") if d.type == "init_declarator" else None
        prev_g = syms.globals.get(name)
        if prev_g is not None and not prev_g.extern_only and init is None:
            if isinstance(ty, Array) and ty.size is not None:
                prev_g.ctype = ty
            continue
        extern_only = "extern" in storage and init is None
        if isinstance(ty, Array) and ty.size is None and init is not None:
            ty = Array(ty.elem, init_length(init, syms), ty.const)
        syms.globals[name] = GlobalDecl(name, ty, "static" in storage, extern_only, row,
                                        init, node)


def _identifier_list(d: Node | None) -> list[str] | None:
    """The identifier list of an old-style (K&R) function declarator, else None."""
    fdecl = None
    while d is not None and d.type not in ("identifier", "type_identifier"):
        if d.type == "function_declarator":
            fdecl = d
        d = d.child_by_field_name("declarator") or next(
            (c for c in d.named_children if c.type.endswith("declarator")), None)
    plist = fdecl.child_by_field_name("parameters") if fdecl is not None else None
    if plist is None or not any(c.type == "identifier" for c in plist.named_children):
        return None
    return [text(c) for c in plist.named_children if c.type == "identifier"]


def _old_style(node: Node, name: str, ty: Func, idents: list[str], prev: FuncDecl | None,
               syms: Symbols) -> tuple[Func, list[str]]:
    """C11 6.9.1p6: a definition with an identifier list and a declaration list.

    The caller passes default-promoted arguments (6.5.2.2p6), so the definition is
    translated only when promotion leaves every parameter type unchanged; then the
    parameter types are what a prototype would say. A preceding prototype must agree
    with them (6.7.6.3p15) and makes the type prototyped; otherwise the function stays
    unprototyped and each call is checked against the parameter types.
    """
    row = node.start_point.row + 1
    declared: dict[str, CType] = {}
    for child in node.named_children:
        if child.type != "declaration":
            continue
        base, storage = syms.base_type(child)
        if storage - {"register"}:
            raise Unsupported(f"storage class in the parameter declarations of {name}")
        for d in child.children_by_field_name("declarator"):
            pname, pty, _ = syms.declarator(d, base)
            if pname not in idents or pname in declared:
                raise Unsupported(f"declaration of {pname} in the parameter list of {name}"
                                  f" at line {row}")
            declared[pname] = decay_param(pty)
    if len(set(idents)) != len(idents):
        raise Unsupported(f"repeated parameter in the definition of {name}")
    params = tuple(declared.get(p, INT) for p in idents)   # C89: undeclared is int
    for pname, pty in zip(idents, params, strict=True):
        if not promotion_invariant(pty):
            raise Unsupported(f"old-style parameter {pname} of {name} has a type that "
                              f"default argument promotions change (line {row})")
    proto = prev.ctype if prev is not None and prev.ctype.prototyped else None
    if proto is None:
        return Func(ty.ret, params, prototyped=False), idents
    if proto.variadic or len(proto.params) != len(params) or any(
            unqual(decay_param(a)) != unqual(b)
            for a, b in zip(proto.params, params, strict=True)):
        raise Unsupported(f"old-style definition of {name} does not match its prototype"
                          f" (line {row})")
    return Func(ty.ret, params), idents


def promotion_invariant(t: CType) -> bool:
    """Whether default argument promotions (C11 6.5.2.2p6) leave `t` unchanged."""
    if isinstance(t, Int):
        return t.kind.rank >= INT.kind.rank
    return not (isinstance(t, Float) and t.size == 4)


def init_length(init: Node, syms: Symbols) -> int:
    """C11 6.7.9p22: the length of an array of unknown size from its initializer."""
    if init.type in ("string_literal", "concatenated_string"):
        from refactor.translate.c.literals import string_bytes
        return len(string_bytes(init)) + 1
    if init.type != "initializer_list":
        raise Unsupported(f"array initializer {init.type}")
    index = length = 0
    for item in init.named_children:
        if item.type == "comment":
            continue
        if item.type == "initializer_pair":
            des = item.child_by_field_name("designator")
            if des is not None and des.type == "subscript_designator":
                index = syms.const(des.named_children[0])
        index += 1
        length = max(length, index)
    return length


def _name_nested(syms: Symbols) -> None:
    """Give anonymous member records the name `outer_member` (stable, readable)."""
    changed = True
    while changed:
        changed = False
        for rec in list(syms.records.values()):
            if rec.rust_name.startswith("anon_"):
                continue
            for i, f in enumerate(rec.fields):
                t = f.ctype
                while isinstance(t, Array | Pointer):
                    t = t.elem if isinstance(t, Array) else t.pointee
                if isinstance(t, Record):
                    inner = syms.records[unqual(t).key]  # type: ignore[union-attr]
                    if inner.rust_name.startswith("anon_"):
                        inner.rust_name = f"{rec.rust_name}_{f.name or f'anon{i}'}"
                        changed = True
