"""Functions (C11 6.9.1) and calls (6.5.2.2).

A definition keeps its C ABI: `#[no_mangle] pub extern "C" fn` for external linkage,
a private `extern "C" fn` for `static` ones (so they can still be used as C function
pointers). The function is `unsafe` only when its body needs an unsafe operation: a raw
pointer dereference, a `static mut`, a union read, or a call to an unsafe function.
Function pointers are `Option<unsafe extern "C" fn(..)>`; NULL is `None`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from refactor.translate.c.ctypes_model import Pointer, Void, decay_param
from refactor.translate.c.decls import local_name
from refactor.translate.c.emit import Cx, expr, register, zero
from refactor.translate.c.lifted_calls import passes_lifted, safe_call
from refactor.translate.c.lifting import lifted_param, shim
from refactor.translate.c.statements import Flow, compound_body
from refactor.translate.c.symbols import FuncDecl, Unsupported, text
from refactor.translate.c.typing import Expr, Var, field_name

_WORD = re.compile(r"[A-Za-z_]\w*")


@register("func")
def convert_func(e: Expr, cx: Cx) -> str:
    cx.callees.add(str(e.val))
    return str(e.val)


@register("call")
def convert_call(e: Expr, cx: Cx) -> str:
    callee, *args = e.args
    if callee.op == "func" and passes_lifted(tuple(args)):
        return safe_call(str(callee.val), tuple(args), cx)
    parts = [expr(a, cx) for a in args]
    for i, a in enumerate(args):    # a variadic NULL has no type for `null_mut` to infer
        if parts[i] in ("::std::ptr::null_mut()", "::std::ptr::null()") and \
                isinstance(a.ty, Pointer):
            parts[i] = parts[i].replace("()", f"::<{cx.ty(a.ty.pointee)}>()")
    rendered = ", ".join(parts)
    if callee.op == "func":
        cx.callees.add(str(callee.val))
        cx.called.add(str(callee.val))
        return f"{field_name(str(callee.val))}({rendered})"
    cx.unsafe(f"call through a function pointer at line {e.row + 1}")
    target = expr(callee, cx)
    return f"({target}.expect(\"non-null function pointer\"))({rendered})"


@dataclass
class FunctionResult:
    name: str
    signature: str          # without `unsafe` and visibility
    body: list[str]
    cx: Cx
    exported: bool
    shim: list[str] | None = None   # set when the body is a safe inner function


def translate_function(decl: FuncDecl, cx: Cx, lift: dict[str, str] | None = None
                       ) -> FunctionResult:
    """The function; with `lift`, a safe inner function (slices, `Option<&mut T>`) for
    the parameters it names, plus the `extern "C"` shim that builds them."""
    node = decl.definition
    assert node is not None
    fty = decl.ctype
    if fty.variadic:
        raise Unsupported(f"variadic function definition {decl.name}")
    if field_name(decl.name) not in (decl.name, f"r#{decl.name}"):
        raise Unsupported(f"function name {decl.name} is reserved in Rust")
    if len(decl.param_names) != len(fty.params):
        raise Unsupported(f"old-style (K&R) definition of {decl.name}")
    body_node = node.child_by_field_name("body")
    if body_node is None:
        raise Unsupported(f"function {decl.name} without a body")
    params = []
    cx.idents = set(_WORD.findall(text(node)))
    scope: dict[str, Var] = {}
    lift = lift or {}
    for i, (pname, pty) in enumerate(zip(decl.param_names, fty.params, strict=False)):
        ty = decay_param(pty)
        rust = local_name(pname, cx) if pname else f"_arg{i}"
        if pname in lift:
            var, rust_ty = lifted_param(rust, ty, lift[pname], cx)
            scope[pname] = var
            params.append(f"mut {rust}: {rust_ty}")
            continue
        if pname:
            scope[pname] = Var(rust, ty, "local")
        params.append(f"mut {rust}: {cx.ty(ty)}" if pname else f"{rust}: {cx.ty(ty)}")
    cx.env.scopes.append(scope)
    cx.env.function = decl.name
    flow = Flow(fty.ret)
    cx.flow = flow
    body = compound_body(body_node, cx, flow)
    cx.env.scopes.pop()
    if not isinstance(fty.ret, Void) and not (body and body[-1].startswith("return")):
        body.append(f"return {zero(fty.ret, cx)};")
    ret = "" if isinstance(fty.ret, Void) else f" -> {cx.ty(fty.ret)}"
    if lift:
        sig = f"fn {field_name(decl.name)}_safe({', '.join(params)}){ret}"
        return FunctionResult(decl.name, sig, body, cx, not decl.static,
                              shim(decl, lift, cx))
    sig = f'extern "C" fn {field_name(decl.name)}({", ".join(params)}){ret}'
    return FunctionResult(decl.name, sig, body, cx, not decl.static)


def render_function(result: FunctionResult, is_unsafe: bool) -> str:
    if result.shim is not None:
        inner = [result.signature + " {", *("    " + ln if ln else ln for ln in result.body),
                 "}"]
        return "\n".join([*result.shim, "", *inner])
    head = ("#[no_mangle]\npub " if result.exported else "") + \
        ("unsafe " if is_unsafe else "") + result.signature + " {"
    lines = [head, *("    " + ln if ln else ln for ln in result.body), "}"]
    return "\n".join(lines)
