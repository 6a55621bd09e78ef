"""Types: `#[repr(C)]` structs and unions (C11 6.7.2.1), enums as integer aliases with
their enumerators as `pub const` (6.7.2.2: enumerators have type `int`).

Every complete record also gets a compile-time assertion that rustc's layout equals the
model's (size and alignment), so a layout mistake fails the build instead of the ABI.
"""

from __future__ import annotations

from refactor.translate.c.ctypes_model import (
    LayoutError,
    RecordDef,
    RustNames,
    record_layout,
)
from refactor.translate.c.symbols import EnumDef, Symbols
from refactor.translate.c.typing import field_name


def record_definition(rec: RecordDef, syms: Symbols, names: RustNames) -> str:
    name = rec.rust_name
    if not rec.complete:
        return (f"#[repr(C)]\npub struct {name} {{\n    _opaque: [u8; 0],\n}}")
    try:
        size, align, _ = record_layout(rec, syms.records)
    except LayoutError:
        return _blob(rec, syms)
    word = "union" if rec.is_union else "struct"
    fields = [f"    pub {field_name(f.name or f'anon{i}')}: {names.ty(f.ctype)},"
              for i, f in enumerate(rec.fields)]
    if not fields:
        fields = ["    _empty: [u8; 0],"]
    return "\n".join([
        "#[derive(Copy, Clone)]", "#[repr(C)]", f"pub {word} {name} {{", *fields, "}",
        f"const _: () = assert!(::std::mem::size_of::<{name}>() == {size} && "
        f"::std::mem::align_of::<{name}>() == {align});",
    ])


def _blob(rec: RecordDef, syms: Symbols) -> str:
    """A record the model cannot lay out (bit-fields): opaque, usable behind pointers."""
    return (f"#[repr(C)]\npub struct {rec.rust_name} {{\n    _opaque: [u8; 0],\n}}")


def enum_definition(e: EnumDef) -> str:
    lines = []
    if e.rust_name:
        lines.append(f"pub type {e.rust_name} = {e.kind.rust};")
    return "\n".join(lines)


def enum_constant(name: str, value: int) -> str:
    return f"pub const {name}: i32 = {value};"
