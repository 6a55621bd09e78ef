"""Units of the original file (as the scanner names them) and their translation.

Each unit is translated on its own and any failure is caught here, so one construct the
translator does not handle skips that unit only, with the construct and line named.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from tree_sitter import Node

from refactor.translate.c.builtins import ASSERT_HELPER
from refactor.translate.c.ctypes_model import Array, RustNames
from refactor.translate.c.emit import Cx
from refactor.translate.c.literals import mk_bytes, mk_float, mk_int
from refactor.translate.c.preprocess import Preprocessed
from refactor.translate.c.structs import enum_constant, enum_definition, record_definition
from refactor.translate.c.symbols import Symbols, Unsupported, text
from refactor.translate.c.toplevel import declarator_name, declared_names
from refactor.translate.c.typing import field_name, type_expr

NewCx = Callable[[Symbols, RustNames], Cx]
_TAGGED = {"struct_specifier": "struct", "union_specifier": "union",
           "enum_specifier": "enum"}


@dataclass
class Unit:
    kind: str
    name: str
    start: int
    end: int
    rust: str = ""
    reason: str | None = None
    cx: Cx | None = None
    unsafe_lines: int = 0
    defines: set[str] = field(default_factory=set)   # C functions/globals it defines
    body_lines: int = 0
    fn_result: object = None
    fn_plain: object = None        # the raw-pointer version when fn_result is lifted
    helper: bool = False           # a header's static function this module needs


def _lines(node: Node, pre: Preprocessed) -> tuple[int, int]:
    start = pre.origin(node.start_point.row)[1]
    end_row = node.end_point.row - (1 if node.end_point.column == 0 else 0)
    return start, max(start, pre.origin(end_row)[1])


_LINE = re.compile(r"line (\d+)")
_LINE_SUFFIX = re.compile(r" at line \d+")


def _fail(unit: Unit, exc: BaseException, pre: Preprocessed | None = None) -> None:
    message = str(exc)
    if pre is not None:    # rows of the preprocessed text -> lines of the original file
        message = _LINE.sub(lambda m: f"line {pre.origin(int(m.group(1)) - 1)[1]}", message)
    if isinstance(exc, Unsupported):
        unit.reason = f"unsupported: {message}"
    else:
        unit.reason = f"internal error: {type(exc).__name__}: {message}"


def units_of(node: Node, pre: Preprocessed, syms: Symbols, names: RustNames,
             new_cx: NewCx) -> list[Unit]:
    start, end = _lines(node, pre)
    kind = node.type
    if kind == "function_definition":
        found = declared_names(node)
        name = found[0] if found else ""
        decl = syms.functions.get(name)
        unit = Unit("function", name, start, end, defines={name})
        if decl is None or decl.definition is None or decl.definition.id != node.id:
            unit.reason = f"unsupported: {syms.bad.get(name, 'function declaration')}"
            return [unit]
        from refactor.translate.c.functions import translate_function
        cx = new_cx(syms, names)
        unit.cx = cx
        try:
            result = translate_function(decl, cx)
        except Exception as exc:
            _fail(unit, exc, pre)
            return [unit]
        unit.fn_result = result
        unit.body_lines = len(result.body)
        try:
            plan = cx.lift_plans.get(name, {})
            if plan:
                lifted_cx = new_cx(syms, names)
                lifted = translate_function(decl, lifted_cx, plan)
                if not lifted_cx.unsafe_reasons:
                    unit.fn_plain, unit.fn_result, unit.cx = result, lifted, lifted_cx
        except Exception:  # lifting is optional: keep the raw-pointer version
            unit.fn_plain = None
        return [unit]
    type_node = node if kind in _TAGGED else node.child_by_field_name("type")
    tag = None
    if type_node is not None and type_node.type in _TAGGED and \
            type_node.child_by_field_name("body") is not None:
        tname = type_node.child_by_field_name("name")
        tag = f"{_TAGGED[type_node.type]} {text(tname)}" if tname is not None else None
    if kind == "type_definition":
        found = declared_names(node)
        return [_type_unit(found[0] if found else "", node, start, end, syms, names, pre)]
    if kind in _TAGGED:
        return [_type_unit(tag, node, start, end, syms, names, pre)] if tag else []
    if kind != "declaration":
        return []
    storage = {text(c) for c in node.children if c.type == "storage_class_specifier"}
    variables = []
    for d in node.children_by_field_name("declarator"):
        dn = declarator_name(d)
        if dn is None or _is_function_declarator(d):
            continue
        if "extern" in storage and d.type != "init_declarator":
            continue
        variables.append(dn)
    if variables:
        return [_global_unit(variables, node, start, end, syms, names, new_cx, pre)]
    if tag:
        return [_type_unit(tag, node, start, end, syms, names, pre)]
    return []


def misparsed_definition(units: list[Unit], name: str, node: Node, pre: Preprocessed
                         ) -> None:
    """One skipped function unit for the file-scope pieces tree-sitter-c makes of an
    old-style definition returning a pointer (`toplevel.misparsed_old_style`)."""
    start, end = _lines(node, pre)
    last = units[-1] if units else None
    if last is not None and last.name == name and last.kind == "function" and last.reason \
            and last.reason.startswith("unsupported: old-style definition"):
        last.end = max(last.end, end)
        return
    units.append(Unit("function", name, start, end, reason=(
        f"unsupported: old-style definition of {name} returning a pointer, which "
        "tree-sitter-c does not parse as a function definition")))


def _is_function_declarator(d: Node) -> bool:
    while d is not None:
        if d.type == "function_declarator":
            return True
        if d.type in ("identifier",):
            return False
        nxt = d.child_by_field_name("declarator")
        if nxt is None:
            return False
        d = nxt
    return False


def _type_unit(name: str, node: Node, start: int, end: int, syms: Symbols,
               names: RustNames, pre: Preprocessed) -> Unit:
    unit = Unit("type", name, start, end)
    try:
        lo, hi = node.start_point.row, node.end_point.row
        parts = []
        for key, rec in syms.records.items():
            row = syms.record_of_row.get(key, -1)
            if lo <= row <= hi and rec.complete:
                parts.append(record_definition(rec, syms, names))
        for edef in syms.enums.values():
            if lo <= edef.row <= hi:
                if edef.rust_name:
                    parts.append(enum_definition(edef))
                parts += [enum_constant(n, v) for n, v in edef.constants]
        if node.type == "type_definition":
            for alias in declared_names(node):
                t = syms.typedefs.get(alias)
                if t is None:
                    raise Unsupported(syms.bad.get(alias, f"typedef {alias}"))
                rust = names.ty(t)
                if rust != alias:
                    parts.append(f"pub type {field_name(alias)} = {rust};")
        unit.rust = "\n\n".join(parts)
        unit.defines = set()
    except Exception as exc:
        _fail(unit, exc, pre)
    return unit


def _global_unit(variables: list[str], node: Node, start: int, end: int, syms: Symbols,
                 names: RustNames, new_cx: NewCx, pre: Preprocessed) -> Unit:
    unit = Unit("global", variables[0], start, end)
    cx = new_cx(syms, names)
    unit.cx = cx
    try:
        parts = []
        for name in variables:
            if name in syms.bad:
                raise Unsupported(syms.bad[name])
            g = syms.globals[name]
            if g.node is None or g.node.id != node.id:
                continue                 # a tentative definition repeated elsewhere
            if isinstance(g.ctype, Array) and g.ctype.size is None:
                raise Unsupported(f"array {name} of unknown size")
            from refactor.translate.c.decls import _static_value, immutable_static
            value = _static_value(g.ctype, g.init, cx)
            unit.defines.add(name)
            if value.startswith("unsafe {"):
                unit.unsafe_lines += 1
            head = "static" if immutable_static(g, syms) else \
                "static mut" if g.static else "#[no_mangle]\npub static mut"
            parts.append(f"{head} {field_name(name)}: {names.ty(g.ctype)} = {value};")
        unit.rust = "\n".join(parts)
    except Exception as exc:
        _fail(unit, exc, pre)
    return unit


def macro_units(macros: list[tuple[str, int]], expansions: list[bytes], syms: Symbols,
                names: RustNames, new_cx: NewCx) -> list[Unit]:
    from refactor.scan.c._parser import parser
    from refactor.translate.c.operators_typing import fold
    out = []
    total = Counter(name for name, _ in macros)
    seen: Counter[str] = Counter()
    for (name, line), exp in zip(macros, expansions, strict=False):
        seen[name] += 1
        unit = Unit("macro", name if seen[name] == 1 else f"{name}~{seen[name]}", line, line)
        out.append(unit)
        if total[name] > 1:       # named as the scanner names them
            unit.reason = (f"unsupported: macro {name} is defined {total[name]} times; "
                           "only one value can become a constant")
            continue
        try:
            tree = parser().parse(b"int __refactor_macro = (" + exp + b");")
            decl = tree.root_node.named_children[0]
            init = decl.child_by_field_name("declarator")
            value_node = init.child_by_field_name("value") if init is not None else None
            if tree.root_node.has_error or value_node is None:
                raise Unsupported(f"macro {name} is not an expression")
            cx = new_cx(syms, names)
            e = type_expr(value_node, cx.env)
            unit.rust = _macro_const(name, e, cx, fold)
        except Unsupported as exc:       # its lines are those of the expansion: drop them
            detail = _LINE_SUFFIX.sub("", str(exc))
            unit.reason = f"unsupported: macro {name} is not a constant ({detail})"
        except Exception as exc:
            _fail(unit, exc, None)
    return out


def _macro_const(name: str, e: object, cx: Cx, fold: Callable[..., int | None]) -> str:
    from refactor.translate.c.ctypes_model import Float, Int
    from refactor.translate.c.typing import Expr
    assert isinstance(e, Expr)
    if e.op == "str":
        data = bytes(e.val)  # type: ignore[arg-type]
        return f"pub const {field_name(name)}: &[u8; {len(data) + 1}] = {mk_bytes(data)};"
    value = fold(e, cx.env)
    if isinstance(e.ty, Int) and value is not None:
        return (f"pub const {field_name(name)}: {e.ty.kind.rust} = "
                f"{mk_int(value, e.ty.kind.rust)};")
    if isinstance(e.ty, Float) and e.op == "float":
        rust = cx.ty(e.ty)
        return f"pub const {field_name(name)}: {rust} = {mk_float(float(e.val), rust)};"  # type: ignore[arg-type]
    raise Unsupported(f"macro {name} is not a constant expression")


def render(unit: Unit, is_unsafe: bool) -> str:
    from refactor.translate.c.functions import FunctionResult, render_function
    assert isinstance(unit.fn_result, FunctionResult)
    return render_function(unit.fn_result, is_unsafe)


_WORD = re.compile(r"[A-Za-z_]\w*")


def support_items(text_: str, ok: list[Unit], syms: Symbols, names: RustNames) -> list[str]:
    """Definitions of the types and enumerators the text uses that no unit defines."""
    own_words = set()
    for u in ok:
        if u.kind in ("type", "macro"):
            own_words |= {m.split(":")[0].split()[-1] for m in re.findall(
                r"pub (?:struct|union|type|const) (\w+)", u.rust)}
    table: dict[str, tuple[int, str]] = {}
    for key, rec in syms.records.items():
        table.setdefault(rec.rust_name, (syms.record_of_row.get(key, 0),
                                         record_definition(rec, syms, names)))
    for edef in syms.enums.values():
        if edef.rust_name:
            table.setdefault(edef.rust_name, (edef.row, enum_definition(edef)))
        for n, v in edef.constants:
            table.setdefault(n, (edef.row, enum_constant(n, v)))
    table["__c_assert_fail"] = (-1, ASSERT_HELPER)
    needed: dict[str, tuple[int, str]] = {}
    pending = set(_WORD.findall(text_))
    while pending:
        word = pending.pop()
        if word in needed or word in own_words or word not in table:
            continue
        needed[word] = table[word]
        pending |= set(_WORD.findall(table[word][1]))
    return [item for _, item in sorted(needed.values())]
