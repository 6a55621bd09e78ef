"""Declarations of what a module uses but does not define: the C library and other
translation units, written as one `extern "C"` block (no libc crate). Variadic
functions such as `printf` keep C's `...`; callers pass default-promoted arguments."""

from __future__ import annotations

from refactor.translate.c.ctypes_model import Func, RustNames, Void, decay_param
from refactor.translate.c.symbols import Unsupported
from refactor.translate.c.typing import field_name


def extern_function(name: str, f: Func, names: RustNames) -> str:
    if not f.prototyped:
        raise Unsupported(f"function {name} declared without a prototype")
    params = [f"a{i}: {names.ty(decay_param(p))}" for i, p in enumerate(f.params)]
    if f.variadic:
        if not params:
            raise Unsupported(f"variadic function {name} without a named parameter")
        params.append("...")
    ret = "" if isinstance(f.ret, Void) else f" -> {names.ty(f.ret)}"
    return f"pub fn {field_name(name)}({', '.join(params)}){ret};"


def extern_block(statics: list[str], functions: list[str]) -> str:
    """One `extern "C"` block of `pub static mut` and `pub fn` declarations."""
    lines = [*statics, *functions]
    if not lines:
        return ""
    return 'extern "C" {\n' + "\n".join("    " + ln for ln in lines) + "\n}"
