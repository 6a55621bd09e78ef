"""Inputs -> ctypes arguments, and memory -> values after the call (runner side).

Every pointer argument points into a fresh malloc'ed block (the callee may free it)
followed by GUARD bytes of 0x5A: what the callee leaves there is returned with the
elements, so a write past the end shows up as a difference. Empty buffers still get a
valid (guard-only) pointer; a NULL input (None) for a pointer to a structure holding
pointers is passed as NULL. Pointers inside values are allocated and read back by the
`heap.Heap` of the call; a block the callee freed reads {"freed": true}.
"""

from __future__ import annotations

import ctypes
from functools import cache
from typing import TYPE_CHECKING, Any

from refactor.verify.fuzz.model import POINTERS, CType, Param, Signature

if TYPE_CHECKING:
    from refactor.verify.fuzz.heap import Heap

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
    if t.kind in POINTERS:
        return ctypes.c_void_p
    if t.kind == "array":
        assert t.element is not None
        return ctype_of(t.element) * t.count
    fields = [(name, ctype_of(ft)) for name, ft in t.fields]
    return type(f"S_{abs(hash(t))}", (ctypes.Structure,), {"_fields_": fields})


def to_py(t: CType, obj: Any, heap: Heap | None = None) -> Any:
    """A JSON-able value from a ctypes object (or the Python value ctypes gave back);
    pointers are followed by `heap`."""
    if t.kind == "scalar":
        value = obj.value if isinstance(obj, ctypes._SimpleCData) else obj
        return bool(value) if t.scalar == "bool" else value
    if t.kind in POINTERS:
        address = obj.value if isinstance(obj, ctypes._SimpleCData) else obj
        if heap is None:
            return None if not address else "non-NULL"
        return heap.follow(t, address)
    if t.kind == "array":
        assert t.element is not None
        return [to_py(t.element, obj[i], heap) for i in range(t.count)]
    return {name: to_py(ft, getattr(obj, name), heap) for name, ft in t.fields}


def from_py(t: CType, value: Any, heap: Heap | None = None) -> Any:
    """A ctypes object holding `value`; what its pointers lead to is malloc'ed by `heap`
    (without one they are NULL)."""
    if t.kind == "scalar":
        return ctype_of(t)(value)
    if t.kind in POINTERS:
        return _pointer(t, value, heap)
    if t.kind == "array":
        assert t.element is not None
        return ctype_of(t)(*(from_py(t.element, v, heap) for v in value))
    return ctype_of(t)(**{name: from_py(ft, value[name], heap) for name, ft in t.fields})


def _pointer(t: CType, value: Any, heap: Heap | None) -> int | None:
    if value is None or heap is None or t.kind == "opaque":
        return None
    if t.kind == "string":
        return heap.place_bytes(bytes(value) + b"\0")
    assert t.element is not None
    target = heap.structs[t.element.tag] if t.element.kind == "ref" else t.element
    return heap.place(from_py(target, value, heap))


class Block:
    """Memory for one pointer argument: `items` elements of `t`, then the guard."""

    def __init__(self, t: CType, items: list[Any], heap: Heap) -> None:
        self.t, self.n = t, len(items)
        self.size = ctypes.sizeof(ctype_of(t))
        self.address = heap.alloc(self.size * self.n + GUARD)
        ctypes.memset(self.address, GUARD_BYTE, self.size * self.n + GUARD)
        for i, value in enumerate(items):
            obj = from_py(t, value, heap)
            ctypes.memmove(self.address + i * self.size, ctypes.addressof(obj), self.size)

    def after(self, heap: Heap) -> dict[str, Any]:
        if heap.freed(self.address):
            return {"freed": True}
        items = [to_py(self.t, ctype_of(self.t).from_address(self.address + i * self.size),
                       heap) for i in range(self.n)]
        return {"items": items,
                "guard": ctypes.string_at(self.address + self.size * self.n, GUARD)}


class StringBlock:
    """A NUL-terminated string followed by the guard; its bytes are compared whole."""

    def __init__(self, value: bytes, heap: Heap) -> None:
        self.size = len(value) + 1 + GUARD
        self.address = heap.place_bytes(value + b"\0" + bytes([GUARD_BYTE]) * GUARD)

    def after(self, heap: Heap) -> dict[str, Any]:
        if heap.freed(self.address):
            return {"freed": True}
        return {"bytes": ctypes.string_at(self.address, self.size)}


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


def arguments(sig: Signature, inputs: dict[str, Any],
              heap: Heap) -> tuple[list[Any], dict[str, Any]]:
    """The call's arguments and the blocks to read back, by parameter name."""
    args: list[Any] = []
    blocks: dict[str, Any] = {}
    for p in sig.params:
        value = inputs[p.name]
        if p.role in ("value", "length"):
            args.append(from_py(p.type, value, heap) if p.type.kind == "struct" else value)
            continue
        if value is None and p.role == "pointee":
            args.append(None)  # NULL
            continue
        block = _block(p, value, heap)
        blocks[p.name] = block
        args.append(block.address)
    return args, blocks


def _block(p: Param, value: Any, heap: Heap) -> Block | StringBlock:
    if p.role == "string":
        return StringBlock(value, heap)
    return Block(p.type, [value] if p.role == "pointee" else list(value), heap)


def after(blocks: dict[str, Any], heap: Heap) -> dict[str, Any]:
    """The pointer arguments after the call: their blocks are numbered first, in order,
    then each is read (following its pointers)."""
    for block in blocks.values():
        heap.number(block.address)
    return {name: block.after(heap) for name, block in blocks.items()}


def returned(sig: Signature, result: Any, heap: Heap) -> Any:
    if sig.returns is None:
        return None
    if sig.returns == "string":
        return None if result is None else ctypes.string_at(result)
    return to_py(sig.returns, result, heap)


def read_global(handle: Any, name: str, t: CType, lib: str, heap: Heap) -> dict[str, Any]:
    """{"value": ...} of a global after the call, or {"missing": why} when not exported."""
    try:
        obj = ctype_of(t).in_dll(handle, name)
    except ValueError:
        return {"missing": f"{name} is not exported by {lib}"}
    return {"value": to_py(t, obj, heap)}
