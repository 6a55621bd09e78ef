"""Inputs -> ctypes arguments, and memory -> values after the call (runner side).

Every pointer argument points into a fresh block followed by GUARD bytes of 0x5A: what
the callee leaves there is returned with the elements, so a write past the end shows up
as a difference. Empty buffers still get a valid (guard-only) pointer.
"""

from __future__ import annotations

import ctypes
from functools import cache
from typing import Any

from refactor.verify.fuzz.model import CType, Param, Signature

GUARD = 16  # bytes after every buffer, string and pointee
GUARD_BYTE = 0x5A

_SCALAR: dict[str, Any] = {
    "i8": ctypes.c_int8, "u8": ctypes.c_uint8, "i16": ctypes.c_int16,
    "u16": ctypes.c_uint16, "i32": ctypes.c_int32, "u32": ctypes.c_uint32,
    "i64": ctypes.c_int64, "u64": ctypes.c_uint64, "bool": ctypes.c_bool,
    "f32": ctypes.c_float, "f64": ctypes.c_double,
}


@cache
def ctype_of(t: CType) -> Any:
    """The ctypes type laid out as the C compiler lays out `t`."""
    if t.kind == "scalar":
        return _SCALAR[t.scalar]
    if t.kind == "array":
        assert t.element is not None
        return ctype_of(t.element) * t.count
    fields = [(name, ctype_of(ft)) for name, ft in t.fields]
    return type(f"S_{abs(hash(t))}", (ctypes.Structure,), {"_fields_": fields})


def to_py(t: CType, obj: Any) -> Any:
    """A JSON-able value from a ctypes object (or the Python value ctypes gave back)."""
    if t.kind == "scalar":
        value = obj.value if isinstance(obj, ctypes._SimpleCData) else obj
        return bool(value) if t.scalar == "bool" else value
    if t.kind == "array":
        assert t.element is not None
        return [to_py(t.element, obj[i]) for i in range(t.count)]
    return {name: to_py(ft, getattr(obj, name)) for name, ft in t.fields}


def from_py(t: CType, value: Any) -> Any:
    """A ctypes object holding `value`."""
    if t.kind == "scalar":
        return ctype_of(t)(value)
    if t.kind == "array":
        assert t.element is not None
        return ctype_of(t)(*(from_py(t.element, v) for v in value))
    return ctype_of(t)(**{name: from_py(ft, value[name]) for name, ft in t.fields})


class Block:
    """Memory for one pointer argument: `items` elements of `t`, then the guard."""

    def __init__(self, t: CType, items: list[Any]) -> None:
        self.t, self.n = t, len(items)
        self.size = ctypes.sizeof(ctype_of(t))
        self.mem = (ctypes.c_ubyte * (self.size * self.n + GUARD))()
        ctypes.memset(self.mem, GUARD_BYTE, len(self.mem))
        for i, value in enumerate(items):
            obj = from_py(t, value)
            ctypes.memmove(ctypes.addressof(self.mem) + i * self.size,
                           ctypes.addressof(obj), self.size)

    @property
    def address(self) -> int:
        return ctypes.addressof(self.mem)

    def after(self) -> dict[str, Any]:
        items = [to_py(self.t, ctype_of(self.t).from_buffer(self.mem, i * self.size))
                 for i in range(self.n)]
        return {"items": items, "guard": bytes(self.mem[self.size * self.n:])}


class StringBlock:
    """A NUL-terminated string followed by the guard; its bytes are compared whole."""

    def __init__(self, value: bytes) -> None:
        self.mem = ctypes.create_string_buffer(value + b"\0" + bytes([GUARD_BYTE]) * GUARD,
                                               len(value) + 1 + GUARD)

    @property
    def address(self) -> int:
        return ctypes.addressof(self.mem)

    def after(self) -> dict[str, Any]:
        return {"bytes": bytes(self.mem.raw)}


def prepare(fn: Any, sig: Signature) -> None:
    """Set argtypes and restype of a ctypes function for `sig`."""
    fn.argtypes = [ctype_of(p.type) if p.role in ("value", "length") else ctypes.c_void_p
                   for p in sig.params]
    if sig.returns is None:
        fn.restype = None
    elif sig.returns == "string":
        fn.restype = ctypes.c_void_p
    else:
        fn.restype = ctype_of(sig.returns)


def arguments(sig: Signature, inputs: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    """The call's arguments and the blocks to read back, by parameter name."""
    args: list[Any] = []
    blocks: dict[str, Any] = {}
    for p in sig.params:
        value = inputs[p.name]
        if p.role in ("value", "length"):
            args.append(from_py(p.type, value) if p.type.kind == "struct" else value)
            continue
        block = _block(p, value)
        blocks[p.name] = block
        args.append(block.address)
    return args, blocks


def _block(p: Param, value: Any) -> Block | StringBlock:
    if p.role == "string":
        return StringBlock(value)
    return Block(p.type, [value] if p.role == "pointee" else list(value))


def returned(sig: Signature, result: Any) -> Any:
    if sig.returns is None:
        return None
    if sig.returns == "string":
        return None if result is None else ctypes.string_at(result)
    return to_py(sig.returns, result)


def read_global(handle: Any, name: str, t: CType, lib: str) -> dict[str, Any]:
    """{"value": ...} of a global after the call, or {"missing": why} when not exported."""
    try:
        obj = ctype_of(t).in_dll(handle, name)
    except ValueError:
        return {"missing": f"{name} is not exported by {lib}"}
    return {"value": to_py(t, obj)}
