"""Shapes: what a C declaration denotes before it is known to be marshallable.

A `Shape` is a marshallable `CType`, a pointer or array of a shape, `void`, or `Bad` with
the reason no input of it can be generated (`FnPtr` for a function pointer, which a
structure may hold as NULL). `as_value` turns the shape of something stored in memory
(a field, a global, a pointee) into its `CType`, or says why it has none.
"""

from __future__ import annotations

from dataclasses import dataclass

from refactor.verify.fuzz.model import CType


@dataclass(frozen=True)
class Ptr:
    target: Shape


@dataclass(frozen=True)
class Arr:
    target: Shape
    count: int | None  # None: `[]` or a size that is not a constant we can read


@dataclass(frozen=True)
class Void:
    pass


@dataclass(frozen=True)
class Bad:
    spelling: str  # the C type as written
    why: str  # a sentence: why no input of this type can be generated


@dataclass(frozen=True)
class FnPtr(Bad):
    """A function pointer: no parameter can be generated, a field is passed as NULL."""


Shape = CType | Ptr | Arr | Void | Bad


def spell(shape: Shape) -> str:
    """A C-like spelling of a shape, for messages."""
    if isinstance(shape, CType):
        return shape.name
    if isinstance(shape, Ptr):
        return f"{spell(shape.target)} *"
    if isinstance(shape, Arr):
        return f"{spell(shape.target)}[{shape.count if shape.count is not None else ''}]"
    if isinstance(shape, Void):
        return "void"
    return shape.spelling


def first_bad(shape: Shape) -> Bad | None:
    """The unsupported type a shape is built on, if any."""
    while isinstance(shape, Ptr | Arr):
        shape = shape.target
    return shape if isinstance(shape, Bad) else None


def as_value(shape: Shape) -> CType | str:
    """The CType stored in memory for `shape`, or why it has none we can generate."""
    if isinstance(shape, CType):
        if shape.kind == "ref":
            return f"contains {shape.tag} itself"
        return shape
    if isinstance(shape, FnPtr):
        return CType("opaque", "function pointer")
    if isinstance(shape, Arr):
        if shape.count is None or shape.count <= 0:
            return "is an array of unknown size"
        element = as_value(shape.target)
        if isinstance(element, str):
            return element
        return CType("array", f"{element.name}[{shape.count}]", element=element,
                     count=shape.count)
    if isinstance(shape, Ptr):
        return _pointer(shape)
    if isinstance(shape, Void):
        return "has type void"
    return f"has type {shape.spelling} ({shape.why})"


def _pointer(shape: Ptr) -> CType | str:
    """A pointer stored in memory: to a structure, a string, one scalar, or NULL-only."""
    target, name = shape.target, spell(shape)
    if isinstance(target, Void | FnPtr):
        return CType("opaque", name)
    if isinstance(target, CType) and target.kind in ("struct", "ref"):
        return CType("pointer", name, element=CType("ref", target.tag, tag=target.tag))
    if isinstance(target, CType) and target.kind == "scalar":
        if target.scalar in ("i8", "u8") and not target.values:
            return CType("string", name)
        return CType("pointer", name, element=target)
    if isinstance(target, Ptr) or (isinstance(target, CType) and target.kind != "array"):
        return f"holds a pointer to a pointer ({name}), which is not generated"
    if isinstance(target, Bad):
        return f"holds a pointer ({name}) to {target.spelling} ({target.why})"
    return f"holds a pointer to an array ({name}), which is not generated"
