"""What the fuzzer knows about a C function: a closed model of the types it can marshal.

Only types whose every byte of meaning can be generated and compared are modelled:
scalars (C11 6.2.5: the integer types, `_Bool`, `float`, `double`; LP64), fixed-size
arrays (6.7.6.2), structures (6.7.2.1) and, inside those, bounded pointers (6.2.5p20):
a pointer to a structure (by reference to the signature's table of structures, so
linked lists and trees are finite types), a `char *` string, a pointer to one scalar,
and `void *` or function pointers, which are only ever NULL. Unions, pointers to
pointers and pointers to types outside the model are not modelled; the parser says why,
naming the thing.

The model crosses process boundaries as JSON (`to_json` / `from_json`), so the runner
child rebuilds exactly the types the parent generated inputs for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

# Scalar codes -> (bits, signed). "f32"/"f64" are floats, "bool" is C99 _Bool.
INT_BITS: dict[str, tuple[int, bool]] = {
    "i8": (8, True), "u8": (8, False), "i16": (16, True), "u16": (16, False),
    "i32": (32, True), "u32": (32, False), "i64": (64, True), "u64": (64, False),
}
FLOATS = frozenset({"f32", "f64"})
SCALARS = frozenset({*INT_BITS, *FLOATS, "bool"})


def int_range(code: str) -> tuple[int, int]:
    """The inclusive range of an integer scalar code."""
    bits, signed = INT_BITS[code]
    return (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)


@dataclass(frozen=True)
class CType:
    """A marshallable C type.

    kind "scalar": `scalar` is the code, `values` an enum's values (the only ones passed).
    kind "array": `element` repeated `count` times. kind "struct": `fields` in order,
    `tag` its key ("struct node") in `Signature.structs`. kind "ref": the structure
    `tag`, looked up there. kind "pointer": NULL or a pointer to one `element` (a scalar
    or a ref). kind "string": NULL or a NUL-terminated `char *`. kind "opaque": a
    `void *` or function pointer, passed as NULL and compared as NULL or not.
    `name` is the C spelling, for messages.
    """

    kind: Literal["scalar", "array", "struct", "ref", "pointer", "string", "opaque"]
    name: str
    scalar: str = ""
    values: tuple[int, ...] = ()
    element: CType | None = None
    count: int = 0
    fields: tuple[tuple[str, CType], ...] = ()
    tag: str = ""


POINTERS = frozenset({"pointer", "string", "opaque"})


def has_pointer(t: CType) -> bool:
    """Whether a value of `t` holds a pointer (then a pointer to it may be NULL)."""
    if t.kind in POINTERS:
        return True
    if t.kind == "array":
        return t.element is not None and has_pointer(t.element)
    return any(has_pointer(ft) for _, ft in t.fields)


Role = Literal["value", "string", "buffer", "length", "pointee", "array"]


@dataclass(frozen=True)
class Param:
    """One parameter as the fuzzer passes it.

    value: `type` by value. string: a NUL-terminated `char *`. buffer: a pointer to
    elements of `type`, counted by the parameter named `length`. length: that count.
    pointee: a pointer to one `type` (read and/or written by the callee). array: a
    pointer to `count` elements of `type`.
    """

    name: str
    role: Role
    type: CType
    count: int = 0
    length: str = ""


@dataclass(frozen=True)
class Signature:
    """A C function definition; `problem` says why it cannot be fuzzed (None: it can)."""

    name: str
    file: str
    line: int
    params: tuple[Param, ...] = ()
    returns: CType | Literal["string"] | None = None
    problem: str | None = None
    structs: tuple[tuple[str, CType], ...] = ()  # tag -> structure, for refs


# ------------------------------------------------------------------------- JSON


def type_to_json(t: CType) -> dict[str, Any]:
    return {"kind": t.kind, "name": t.name, "scalar": t.scalar, "values": list(t.values),
            "element": type_to_json(t.element) if t.element is not None else None,
            "count": t.count, "fields": [[n, type_to_json(f)] for n, f in t.fields],
            "tag": t.tag}


def type_from_json(d: dict[str, Any]) -> CType:
    return CType(kind=d["kind"], name=d["name"], scalar=d["scalar"],
                 values=tuple(d["values"]),
                 element=type_from_json(d["element"]) if d["element"] is not None else None,
                 count=d["count"], fields=tuple((n, type_from_json(f)) for n, f in d["fields"]),
                 tag=d.get("tag", ""))


def to_json(sig: Signature) -> dict[str, Any]:
    """The parts of a signature the runner needs to make a call."""
    returns: Any = sig.returns
    if isinstance(sig.returns, CType):
        returns = type_to_json(sig.returns)
    return {"name": sig.name, "file": sig.file, "line": sig.line, "returns": returns,
            "params": [{"name": p.name, "role": p.role, "type": type_to_json(p.type),
                        "count": p.count, "length": p.length} for p in sig.params],
            "structs": [[tag, type_to_json(t)] for tag, t in sig.structs]}


def from_json(d: dict[str, Any]) -> Signature:
    returns = d["returns"]
    if isinstance(returns, dict):
        returns = type_from_json(returns)
    params = tuple(Param(name=p["name"], role=p["role"], type=type_from_json(p["type"]),
                         count=p["count"], length=p["length"]) for p in d["params"])
    structs = tuple((tag, type_from_json(t)) for tag, t in d.get("structs", []))
    return Signature(name=d["name"], file=d["file"], line=d["line"], params=params,
                     returns=returns, structs=structs)
