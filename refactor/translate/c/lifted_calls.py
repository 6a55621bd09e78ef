"""Calls between lifted functions: an out-parameter or a slice (with its length) passed
on to another function of the module that lifts the same parameter is handed over as a
reborrow, and the call is to the callee's safe inner function, so the caller can stay
safe too.

Lift plans depend on each other, so they are computed for every function of the file
together, to a fixpoint (starting from the plans that pass nothing on). A caller whose
lifted body calls `g_safe` keeps it only if `g` stays lifted (`module._decide_safety`).
"""

from __future__ import annotations

from tree_sitter import Node

from refactor.translate.c.ctypes_model import Array, CType, Pointer, decay_param
from refactor.translate.c.emit import Cx, expr
from refactor.translate.c.lifting import (
    OUT,
    OUT_MUT,
    SLICE,
    SLICE_MUT,
    PassedOn,
    lift_plan,
)
from refactor.translate.c.symbols import Symbols, Unsupported, text
from refactor.translate.c.typing import Expr, field_name

Plans = dict[str, dict[str, str]]
_ROUNDS = 8


def lift_plans(syms: Symbols) -> Plans:
    """Function name -> lift plan, for every function defined in the file."""
    bodies = {name: body for name, d in syms.functions.items() if d.definition is not None
              and (body := d.definition.child_by_field_name("body")) is not None}
    first = {name: _plan(syms, name, body, None) for name, body in bodies.items()}
    plans = first
    for _ in range(_ROUNDS):
        passed_on = _passed_on(syms, plans)
        new = {name: _plan(syms, name, body, passed_on) for name, body in bodies.items()}
        if new == plans:
            return plans
        plans = new
    return first                        # no fixpoint: pass nothing on


def _plan(syms: Symbols, name: str, body: Node, passed_on: PassedOn | None
          ) -> dict[str, str]:
    try:
        return lift_plan(syms.functions[name], body, passed_on)
    except Exception:  # lifting is optional: a function it cannot read stays raw
        return {}


def _passed_on(syms: Symbols, plans: Plans) -> PassedOn:
    def find(use: Node) -> tuple[str, CType, str] | None:
        node, parent = use, use.parent
        while parent is not None and parent.type == "parenthesized_expression":
            node, parent = parent, parent.parent
        call = parent.parent if parent is not None else None
        if parent is None or parent.type != "argument_list" or call is None or \
                call.type != "call_expression":
            return None
        fnode = call.child_by_field_name("function")
        name = text(fnode) if fnode is not None and fnode.type == "identifier" else ""
        callee, plan = syms.functions.get(name), plans.get(name)
        if callee is None or not plan:
            return None
        args = [c for c in parent.named_children if c.type != "comment"]
        index = next((i for i, a in enumerate(args) if a.id == node.id), len(args))
        if index >= len(callee.param_names) or index >= len(callee.ctype.params):
            return None
        how = plan.get(callee.param_names[index])
        ty = decay_param(callee.ctype.params[index])
        if how is None or not isinstance(ty, Pointer):
            return None
        following = args[index + 1] if index + 1 < len(args) else None
        return how, ty.pointee, text(following) if following is not None and \
            following.type == "identifier" else ""
    return find


def passes_lifted(args: tuple[Expr, ...]) -> bool:
    return any(_outref(a) is not None for a in args)


def _outref(e: Expr) -> Expr | None:
    """The lifted parameter (`Option<&T>` or slice) that `e` passes, if any."""
    while e.op == "implicit" and e.args:
        e = e.args[0]
    return e if e.op in ("outref", "slice") else None


def safe_call(name: str, args: tuple[Expr, ...], cx: Cx) -> str:
    """`g_safe(..)` for a call passing lifted out-parameters on to `g`."""
    callee, plan = cx.syms.functions.get(name), cx.lift_plans.get(name, {})
    if callee is None:
        raise Unsupported(f"lifted parameter passed to {name}")
    parts = []
    for i, a in enumerate(args):
        how = plan.get(callee.param_names[i]) if i < len(callee.param_names) else None
        ref = _outref(a)
        if ref is None and how is not None:
            raise Unsupported(f"raw pointer passed to a lifted parameter of {name}")
        if ref is None:
            parts.append(expr(a, cx))
            continue
        if ref.op == "slice":
            parts.append(_slice_argument(ref, how, name))
            continue
        assert isinstance(ref.ty, Pointer)
        mine = OUT if ref.ty.pointee.const else OUT_MUT
        if how == OUT_MUT and mine == OUT_MUT:
            parts.append(f"{ref.val}.as_deref_mut()")
        elif how == OUT:
            parts.append(f"{ref.val}.as_deref()" if mine == OUT_MUT else str(ref.val))
        else:
            raise Unsupported(f"lifted parameter passed to {name} as a raw pointer")
    cx.callees.add(name)
    cx.safe_called.add(name)
    return f"{field_name(name)}_safe({', '.join(parts)})"


def _slice_argument(ref: Expr, how: str | None, name: str) -> str:
    """A lifted slice handed on (the plan checked that its length follows it)."""
    assert isinstance(ref.ty, Array)
    mine = SLICE if ref.ty.const else SLICE_MUT
    if how == SLICE_MUT and mine == SLICE_MUT:
        return f"&mut *{ref.val}"
    if how == SLICE:
        return f"&*{ref.val}" if mine == SLICE_MUT else str(ref.val)
    raise Unsupported(f"lifted slice passed to {name} as another kind of parameter")
