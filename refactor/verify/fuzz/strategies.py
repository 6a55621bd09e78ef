"""Hypothesis strategies for a signature's inputs: a dict of values by parameter name.

Every strategy puts its shrinkable, random part first and the edge values second, so
Hypothesis both tries the edges (0, -1, INT_MIN, INT_MAX, UINT_MAX, NaN, the
infinities, -0.0, the empty string, non-ASCII bytes) and shrinks a failure towards
zeros, empty buffers and short strings. A length parameter is not generated: it is the
length of its buffer.

Pointers inside values are NULL (first, so failures shrink towards it) or point to a
fresh value: a structure (at most MAX_DEPTH pointers deep, then NULL, so linked lists
and trees are finite), a string or one scalar; `void *` and function pointers are NULL.
The inputs are plain JSON-able data (None, dicts, lists, bytes): the runner of each side
allocates the same objects from them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from hypothesis import strategies as st

from refactor.verify.fuzz.model import CType, Param, Signature, has_pointer, int_range

MAX_BUFFER = 24  # elements of a generated buffer
MAX_STRING = 40  # bytes of a generated string (edge strings may be longer)
MAX_DEPTH = 3  # structures in a chain of pointers from an input (then NULL)

_EDGE_STRINGS: list[bytes] = [
    b"", b"a", b" ", b"hello world", b"  42  ", b"-17abc", b"0123456789", b"\t\n\r",
    "été ÿ".encode(), b"\xff\xfe\x80", b"%s%n", b"The quick brown fox jumps over 13 lazy "
    b"dogs. " * 4,
]


def _int_edges(code: str) -> list[int]:
    lo, hi = int_range(code)
    candidates = [0, 1, -1, 2, lo, hi, lo + 1, hi - 1, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF,
                  0x8000, 0xFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, -0x80, -0x8000,
                  -0x80000000, 10, 42, 65]
    return list(dict.fromkeys(v for v in candidates if lo <= v <= hi))


def _float_edges(code: str) -> list[float]:
    big = 3.4028234663852886e38 if code == "f32" else 1.7976931348623157e308
    tiny = 1.401298464324817e-45 if code == "f32" else 5e-324
    return [0.0, -0.0, 1.0, -1.0, 0.5, math.nan, math.inf, -math.inf, big, -big, tiny]


def scalar(t: CType) -> st.SearchStrategy[Any]:
    if t.values:
        return st.sampled_from(t.values)
    if t.scalar == "bool":
        return st.booleans()
    if t.scalar in ("f32", "f64"):
        width = 32 if t.scalar == "f32" else 64
        return st.one_of(st.floats(width=width), st.sampled_from(_float_edges(t.scalar)))
    lo, hi = int_range(t.scalar)
    return st.one_of(st.integers(lo, hi), st.sampled_from(_int_edges(t.scalar)))


def value(t: CType, structs: Mapping[str, CType] | None = None,
          depth: int = 0) -> st.SearchStrategy[Any]:
    """Values of `t`; `structs` resolves the refs of pointers to structures, `depth`
    counts the pointers followed to reach this value."""
    if t.kind == "scalar":
        return scalar(t)
    if t.kind == "array":
        assert t.element is not None
        return st.lists(value(t.element, structs, depth), min_size=t.count,
                        max_size=t.count)
    if t.kind == "opaque":
        return st.none()
    if t.kind == "string":
        return st.one_of(st.none(), string())
    if t.kind == "pointer":
        assert t.element is not None
        target = t.element
        if target.kind == "ref":
            if depth >= MAX_DEPTH or structs is None or target.tag not in structs:
                return st.none()
            target = structs[target.tag]
        return st.one_of(st.none(), value(target, structs, depth + 1))
    return st.fixed_dictionaries({name: value(ft, structs, depth) for name, ft in t.fields})


def string() -> st.SearchStrategy[bytes]:
    random_bytes = st.binary(max_size=MAX_STRING).map(lambda b: b.replace(b"\0", b"\x01"))
    return st.one_of(random_bytes, st.sampled_from(_EDGE_STRINGS))


def _param(p: Param, structs: Mapping[str, CType]) -> st.SearchStrategy[Any]:
    if p.role == "value":
        return value(p.type, structs)
    if p.role == "string":
        return string()
    if p.role == "pointee":
        pointee = value(p.type, structs, 1)
        # a structure holding pointers is passed by pointer in lists, trees, handles:
        # NULL is an input its functions are written to expect
        return st.one_of(st.none(), pointee) if has_pointer(p.type) else pointee
    if p.role == "array":
        return st.lists(value(p.type, structs, 1), min_size=p.count, max_size=p.count)
    return st.lists(value(p.type, structs, 1), max_size=MAX_BUFFER)  # buffer


def inputs(sig: Signature) -> st.SearchStrategy[dict[str, Any]]:
    """Inputs for one call of `sig`; lengths follow their buffers."""
    structs = dict(sig.structs)
    generated = {p.name: _param(p, structs) for p in sig.params if p.role != "length"}
    lengths = {p.length: p.name for p in sig.params if p.role == "buffer"}

    def with_lengths(values: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for p in sig.params:
            out[p.name] = len(values[lengths[p.name]]) if p.role == "length" \
                else values[p.name]
        return out

    return st.fixed_dictionaries(generated).map(with_lengths)
