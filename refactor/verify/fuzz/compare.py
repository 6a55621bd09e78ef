"""Two outcomes of one call -> the first difference, if any, and how to show it.

Outcomes are the runner's replies. Both crashing counts as agreement whatever the
signal (a Rust bounds-check panic is the safe translation of a C memory fault), and
so does both hanging. Floats: all NaNs are equal, signed zeros differ. A global missing
on one side is not compared; the caller collects the note. Pointers arrive already
followed (see `heap`): nested values with object numbers, never addresses, so plain
structural equality compares the pointer graphs, their sharing included.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from refactor.verify.fuzz.model import Signature


@dataclass(frozen=True)
class Difference:
    what: str
    c: Any
    rust: Any


def same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return bool(a == b)


def difference(sig: Signature, c: dict[str, Any], rust: dict[str, Any],
               notes: set[str]) -> Difference | None:
    """The first way the Rust outcome differs from the C one; None when they agree."""
    if c["kind"] != rust["kind"]:
        return Difference("outcome", describe(c), describe(rust))
    if c["kind"] == "exit" and c.get("code") != rust.get("code"):
        return Difference("exit status", c.get("code"), rust.get("code"))
    if c["kind"] != "ok":
        return None
    if not same(c["ret"], rust["ret"]):
        return Difference("return value", c["ret"], rust["ret"])
    for p in sig.params:
        c_after, r_after = c["after"].get(p.name), rust["after"].get(p.name)
        if c_after is None or r_after is None:
            continue
        if "freed" in c_after or "freed" in r_after:
            if c_after.get("freed") != r_after.get("freed"):
                return Difference(f"whether {p.name} is freed by the call",
                                  bool(c_after.get("freed")), bool(r_after.get("freed")))
            continue
        if "bytes" in c_after:
            if c_after["bytes"] != r_after["bytes"]:
                return Difference(f"string {p.name} after the call", c_after["bytes"],
                                  r_after["bytes"])
            continue
        if not same(c_after["items"], r_after["items"]):
            what = "pointee" if p.role == "pointee" else "buffer"
            c_items, r_items = c_after["items"], r_after["items"]
            if p.role == "pointee":
                c_items, r_items = c_items[0], r_items[0]
            return Difference(f"{what} {p.name} after the call", c_items, r_items)
        if c_after["guard"] != r_after["guard"]:
            return Difference(f"bytes just past the end of {p.name} (an overrun)",
                              c_after["guard"], r_after["guard"])
    for name, c_global in c.get("globals", {}).items():
        r_global = rust.get("globals", {}).get(name, {"missing": f"{name} was not read"})
        missing = [f"C side: {g['missing']}" for g in (c_global,) if "missing" in g] + [
            f"Rust side: {g['missing']}" for g in (r_global,) if "missing" in g]
        if missing:
            notes.add(f"global {name} not compared ({'; '.join(missing)})")
            continue
        if not same(c_global["value"], r_global["value"]):
            return Difference(f"global {name} after the call", c_global["value"],
                              r_global["value"])
    return None


def describe(outcome: dict[str, Any]) -> str:
    if outcome["kind"] == "ok":
        return f"returned {short(jsonable(outcome['ret']))}"
    return str(outcome.get("detail", outcome["kind"]))


def jsonable(value: Any) -> Any:
    """Strict JSON: bytes as escaped text, NaN and the infinities as strings."""
    if isinstance(value, bytes):
        return value.decode("ascii", "backslashreplace")
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return value


def short(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def render(sig: Signature, inputs: dict[str, Any], diff: Difference) -> str:
    """One line: the call, what differs, and both sides."""
    args = ", ".join(f"{p.name}={short(jsonable(inputs[p.name]), 60)}" for p in sig.params)
    return (f"{sig.name}({args}): {diff.what} differs: C {short(jsonable(diff.c))}; "
            f"Rust {short(jsonable(diff.rust))}")
