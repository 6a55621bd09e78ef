"""A closed model of C types for x86-64 Linux (LP64, System V ABI), and their Rust types.

C11 6.2.5 (types), 6.3.1.1 (integer ranks), 6.7.2.1 (structure and union layout as the
System V x86-64 psABI fixes it). `char` is signed on this platform; `long` is 64 bits.
Enums are their underlying integer type (gcc: `unsigned int` unless an enumerator is
negative), tagged with the enum's name so the Rust output keeps it as an alias.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum


class IntKind(Enum):
    """C11 6.2.5p2-p6: the standard integer types, with (size, signed, rank, rust)."""

    BOOL = (1, False, 0, "bool")
    CHAR = (1, True, 1, "i8")
    SCHAR = (1, True, 1, "i8")
    UCHAR = (1, False, 1, "u8")
    SHORT = (2, True, 2, "i16")
    USHORT = (2, False, 2, "u16")
    INT = (4, True, 3, "i32")
    UINT = (4, False, 3, "u32")
    LONG = (8, True, 4, "i64")
    ULONG = (8, False, 4, "u64")
    LLONG = (8, True, 5, "i64")
    ULLONG = (8, False, 5, "u64")
    INT128 = (16, True, 6, "i128")
    UINT128 = (16, False, 6, "u128")

    @property
    def size(self) -> int:
        return self.value[0]

    @property
    def signed(self) -> bool:
        return self.value[1]

    @property
    def rank(self) -> int:
        return self.value[2]

    @property
    def rust(self) -> str:
        return self.value[3]


_UNSIGNED_OF = {IntKind.INT: IntKind.UINT, IntKind.LONG: IntKind.ULONG,
                IntKind.LLONG: IntKind.ULLONG, IntKind.INT128: IntKind.UINT128}


@dataclass(frozen=True)
class Int:
    kind: IntKind
    const: bool = False
    enum: str | None = None          # the enum's Rust name when this is an enum type


@dataclass(frozen=True)
class Float:
    size: int                        # 4 float, 8 double (long double is unsupported)
    const: bool = False


@dataclass(frozen=True)
class Void:
    const: bool = False


@dataclass(frozen=True)
class Pointer:
    pointee: CType
    const: bool = False


@dataclass(frozen=True)
class Array:
    elem: CType
    size: int | None                 # None: incomplete (`int a[]`, a parameter)
    const: bool = False


@dataclass(frozen=True)
class Record:
    key: str                         # "struct kv_entry", "union <anon 12:3>"
    const: bool = False


@dataclass(frozen=True)
class Func:
    ret: CType
    params: tuple[CType, ...]
    variadic: bool = False
    prototyped: bool = True
    const: bool = False


CType = Int | Float | Void | Pointer | Array | Record | Func

INT = Int(IntKind.INT)
UINT = Int(IntKind.UINT)
LONG = Int(IntKind.LONG)
ULONG = Int(IntKind.ULONG)
CHAR = Int(IntKind.CHAR)
BOOL = Int(IntKind.BOOL)
DOUBLE = Float(8)
SIZE_T = ULONG
PTRDIFF_T = LONG
VOID = Void()


@dataclass
class FieldDef:
    name: str                        # "" for an anonymous member
    ctype: CType
    bits: int | None = None          # bit-field width


@dataclass
class RecordDef:
    key: str
    rust_name: str
    is_union: bool
    fields: list[FieldDef] = field(default_factory=list)
    complete: bool = False
    origin: tuple[str, int] = ("", 0)


class LayoutError(Exception):
    """A type whose size the model cannot compute (incomplete, bit-fields, VLA)."""


def unqual(t: CType) -> CType:
    return replace(t, const=False) if t.const else t


def with_const(t: CType) -> CType:
    return replace(t, const=True)


def is_integer(t: CType) -> bool:
    return isinstance(t, Int)


def is_arith(t: CType) -> bool:
    return isinstance(t, Int | Float)


def is_scalar(t: CType) -> bool:
    return isinstance(t, Int | Float | Pointer)


def is_fn_pointer(t: CType) -> bool:
    return isinstance(t, Pointer) and isinstance(t.pointee, Func)


def promote(t: CType) -> CType:
    """C11 6.3.1.1p2: integer promotions."""
    if isinstance(t, Int) and t.kind.rank < IntKind.INT.rank:
        return INT
    if isinstance(t, Int):
        return Int(t.kind)
    return unqual(t)


def usual_arithmetic(a: CType, b: CType) -> CType:
    """C11 6.3.1.8: the common real type of two arithmetic operands."""
    if isinstance(a, Float) or isinstance(b, Float):
        sa = a.size if isinstance(a, Float) else 0
        sb = b.size if isinstance(b, Float) else 0
        return Float(max(sa, sb))
    pa, pb = promote(a), promote(b)
    assert isinstance(pa, Int) and isinstance(pb, Int)
    ka, kb = pa.kind, pb.kind
    if ka == kb:
        return Int(ka)
    if ka.signed == kb.signed:
        return Int(ka if ka.rank > kb.rank else kb)
    uns, sig = (ka, kb) if not ka.signed else (kb, ka)
    if uns.rank >= sig.rank:
        return Int(uns)
    if sig.size > uns.size:
        return Int(sig)
    return Int(_UNSIGNED_OF[sig])


def size_align(t: CType, records: dict[str, RecordDef]) -> tuple[int, int]:
    """Size and alignment in bytes (System V x86-64 psABI 3.1.2)."""
    if isinstance(t, Int):
        return t.kind.size, t.kind.size
    if isinstance(t, Float):
        return t.size, t.size
    if isinstance(t, Pointer):
        return 8, 8
    if isinstance(t, Array):
        if t.size is None:
            raise LayoutError("array of unknown size")
        size, align = size_align(t.elem, records)
        return size * t.size, align
    if isinstance(t, Record):
        rec = records.get(t.key)
        if rec is None or not rec.complete:
            raise LayoutError(f"incomplete type {t.key}")
        return record_layout(rec, records)[0:2]
    if isinstance(t, Void):
        return 1, 1                   # GNU: sizeof(void) == 1
    raise LayoutError("function type has no size")


def record_layout(rec: RecordDef, records: dict[str, RecordDef]
                  ) -> tuple[int, int, list[int]]:
    """(size, align, field offsets) of a struct or union (C11 6.7.2.1p15-p17)."""
    offset, align, offsets = 0, 1, []
    for i, f in enumerate(rec.fields):
        if f.bits is not None:
            raise LayoutError(f"bit-field member {f.name}")
        if isinstance(f.ctype, Array) and f.ctype.size is None and i == len(rec.fields) - 1:
            fsize, falign = 0, size_align(f.ctype.elem, records)[1]   # flexible array member
        else:
            fsize, falign = size_align(f.ctype, records)
        align = max(align, falign)
        if rec.is_union:
            offsets.append(0)
            offset = max(offset, fsize)
        else:
            offset = (offset + falign - 1) // falign * falign
            offsets.append(offset)
            offset += fsize
    size = (offset + align - 1) // align * align
    return size, align, offsets


def int_range(kind: IntKind) -> tuple[int, int]:
    bits = kind.size * 8
    if kind is IntKind.BOOL:
        return 0, 1
    if kind.signed:
        return -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    return 0, (1 << bits) - 1


def wrap_int(value: int, kind: IntKind) -> int:
    """The value converted to an integer kind (C11 6.3.1.3, modular as gcc does)."""
    if kind is IntKind.BOOL:
        return int(value != 0)
    bits = kind.size * 8
    value &= (1 << bits) - 1
    if kind.signed and value >= 1 << (bits - 1):
        value -= 1 << bits
    return value


class RustNames:
    """Rust spellings of C types; records and enums are named by the symbol table."""

    def __init__(self, records: dict[str, RecordDef]) -> None:
        self.records = records

    def ty(self, t: CType) -> str:
        if isinstance(t, Int):
            return t.enum if t.enum else t.kind.rust
        if isinstance(t, Float):
            return "f32" if t.size == 4 else "f64"
        if isinstance(t, Void):
            return "c_void"
        if isinstance(t, Pointer):
            if isinstance(t.pointee, Func):
                return self.fn_ptr(t.pointee)
            mut = "*const" if t.pointee.const else "*mut"
            return f"{mut} {self.ty(t.pointee)}"
        if isinstance(t, Array):
            return f"[{self.ty(t.elem)}; {t.size or 0}]"
        if isinstance(t, Record):
            return self.records[t.key].rust_name
        return self.fn_ptr(t)

    def fn_sig(self, f: Func) -> str:
        params = [self.ty(decay_param(p)) for p in f.params]
        if f.variadic:
            params.append("...")
        ret = "" if isinstance(f.ret, Void) else f" -> {self.ty(f.ret)}"
        return f"({', '.join(params)}){ret}"

    def fn_ptr(self, f: Func) -> str:
        return f'Option<unsafe extern "C" fn{self.fn_sig(f)}>'

    def bare_fn(self, f: Func) -> str:
        return f'unsafe extern "C" fn{self.fn_sig(f)}'


def decay_param(t: CType) -> CType:
    """C11 6.7.6.3p7-p8: array and function parameters are pointers."""
    if isinstance(t, Array):
        return Pointer(t.elem, t.const)
    if isinstance(t, Func):
        return Pointer(t)
    return t
