"""Safe lifting: a safe inner function behind a thin `extern "C"` shim.

When the way a function uses a pointer parameter is evident from its body, the body is
translated as a safe Rust function over references and only the shim touches raw
pointers (DESIGN.md "Rust output"):

* `T *p, size_t n` where `p` is only ever indexed (`p[i]`), each index evidently below
  `n`: `p: &mut [T]` (or `&[T]` for `const T *`) of length `n`.
* `T *out` only ever dereferenced (`*out`): `out: Option<&mut T>` (or `Option<&T>`); a
  null pointer fails where C would fault, at the dereference.

An out-parameter may also be passed on, as the whole argument, to a function of the
module that lifts that parameter the same way (`lifted_calls.py`): the call is then to
its safe inner function, with a reborrow. So may a slice, followed by its own length
parameter, which the function never modifies: the callee's shim would have built the
very same slice. Anything else (arithmetic on the pointer,
passing it elsewhere, comparing it with NULL, taking an address) leaves the parameter
raw. Two lifted parameters of which one is mutable could alias in C, so such functions
are not lifted at all. A slice is lifted only when every index is evidently below the
length (a `for` loop bounded by it, which does not assign its variable; the length never
assigned; or a constant, or `n - 1`, behind a check that `n` is larger): `buf[len] = 0`
stays raw, since a slice of `n` elements must never panic where C works.
"""

from __future__ import annotations

from collections.abc import Callable

from tree_sitter import Node

from refactor.translate.c.ctypes_model import (
    Array,
    CType,
    Func,
    Int,
    IntKind,
    Pointer,
    Void,
    decay_param,
    unqual,
)
from refactor.translate.c.decls import local_name
from refactor.translate.c.emit import Cx, register
from refactor.translate.c.symbols import FuncDecl, text
from refactor.translate.c.typing import Expr, Var, field_name

SLICE, SLICE_MUT, OUT, OUT_MUT = "slice", "slice_mut", "out", "out_mut"
_LENGTH_WORDS = ("n", "len", "length", "size", "count", "nmemb", "num")
# a use of a parameter -> (how the called function lifts it, its pointee, the text of the
# next argument), when the use is a whole argument of a direct call to a function of the
# module with a lift plan
PassedOn = Callable[[Node], tuple[str, CType, str] | None]


def lift_plan(decl: FuncDecl, body: Node, passed_on: PassedOn | None = None
              ) -> dict[str, str]:
    """Parameter name -> how it is lifted (empty when nothing can be)."""
    names = decl.param_names
    types = [decay_param(t) for t in decl.ctype.params]
    declared = _declared_in(body)
    plan: dict[str, str] = {}
    for i, (name, ty) in enumerate(zip(names, types, strict=False)):
        if not name or name in declared or not isinstance(ty, Pointer):
            continue
        pointee = ty.pointee
        if isinstance(pointee, Void | Func | Array):
            continue
        uses = _uses(body, name)
        if not uses:
            continue
        if _length_after(i, names, types):
            how = SLICE if pointee.const else SLICE_MUT
            passed = {u.id for u in uses
                      if _passes(u, how, pointee, passed_on, names[i + 1])}
            if all(_indexed(u) or u.id in passed for u in uses) and (
                    not passed or _unmodified(body, names[i + 1])) and \
                    _unmodified(body, names[i + 1]) and all(
                    _below(u, names[i + 1]) for u in uses if _indexed(u)):
                plan[name] = how
                continue
        how = OUT if pointee.const else OUT_MUT
        passed = {u.id for u in uses if _passes(u, how, pointee, passed_on)}
        if all(_dereferenced(u) or _null_checked(u) or u.id in passed for u in uses) and \
                (passed or any(_dereferenced(u) for u in uses)):
            plan[name] = how
    if len(plan) > 1 and any(k in (SLICE_MUT, OUT_MUT) for k in plan.values()):
        return {}
    return plan


def _passes(use: Node, how: str, pointee: CType, passed_on: PassedOn | None,
            length: str | None = None) -> bool:
    """Whether the use is an argument the callee lifts compatibly: `Option<&mut T>` to
    `Option<&mut T>` or `Option<&T>`, `Option<&T>` to `Option<&T>` (same `T`); a slice
    likewise, followed by `length`."""
    found = passed_on(use) if passed_on is not None else None
    if found is None:
        return False
    callee_how, callee_pointee, next_arg = found
    if unqual(callee_pointee) != unqual(pointee):
        return False
    if how in (SLICE, SLICE_MUT):
        return next_arg == length and (
            callee_how == SLICE or (callee_how == SLICE_MUT and how == SLICE_MUT))
    return callee_how == OUT or (callee_how == OUT_MUT and how == OUT_MUT)


def _unmodified(body: Node, name: str) -> bool:
    """No assignment, `++`/`--` or `&` of `name` in the body."""
    for use in _uses(body, name):
        node, parent = use, use.parent
        while parent is not None and parent.type == "parenthesized_expression":
            node, parent = parent, parent.parent
        if parent is None:
            continue
        if parent.type == "update_expression" or (
                parent.type == "assignment_expression"
                and parent.child_by_field_name("left") == node) or (
                parent.type == "pointer_expression" and parent.children[0].type == "&"):
            return False
    return True


def _length_after(i: int, names: list[str], types: list[CType]) -> bool:
    if i + 1 >= len(types):
        return False
    t, name = types[i + 1], names[i + 1].lower()
    if not (isinstance(t, Int) and t.kind in (IntKind.ULONG, IntKind.ULLONG)):
        return False
    return name in _LENGTH_WORDS or name.endswith(("_len", "_size", "_count", "len"))


def _declared_in(body: Node) -> set[str]:
    out: set[str] = set()
    stack = [body]
    while stack:
        n = stack.pop()
        if n.type in ("init_declarator", "declaration", "pointer_declarator",
                      "array_declarator"):
            d = n.child_by_field_name("declarator")
            if d is not None and d.type == "identifier":
                out.add(text(d))
        stack.extend(n.named_children)
    return out


def _uses(body: Node, name: str) -> list[Node]:
    out = []
    stack = [body]
    while stack:
        n = stack.pop()
        if n.type == "identifier" and text(n) == name:
            out.append(n)
        stack.extend(n.named_children)
    return out


def _not_address_taken(node: Node) -> bool:
    parent = node.parent
    while parent is not None and parent.type == "parenthesized_expression":
        parent = parent.parent
    return not (parent is not None and parent.type == "pointer_expression" and
                parent.children[0].type == "&")


def _indexed(use: Node) -> bool:
    parent = use.parent
    return (parent is not None and parent.type == "subscript_expression"
            and parent.child_by_field_name("argument") == use and _not_address_taken(parent))


def _below(use: Node, length: str) -> bool:
    """Evidently `p[i]` with `i < length` (the caller checks that `length` never changes):

    * `i` is the variable of an enclosing `for` loop whose condition is `i < length` (or
      `length > i`, possibly one side of `&&`) and whose body never assigns `i`;
    * a constant `k`, or `length - 1`, in the branch taken when a condition says
      `length > k` (`if (n > 2) ... p[1]`, `n ? p[n - 1] : 0`, `n != 0 && p[0]`).
    """
    index = _bare(use.parent.child_by_field_name("index") if use.parent else None)
    if index is None:
        return False
    if index.type == "identifier":
        var = text(index)
        node = use.parent
        while node is not None:
            if node.type == "for_statement" and _bounds(
                    node.child_by_field_name("condition"), var, length):
                loop_body = node.child_by_field_name("body")
                return loop_body is not None and _unmodified(loop_body, var) and \
                    var not in _declared_in(loop_body)  # no shadowing `int i = ...`
            node = node.parent
        return False
    if index.type == "number_literal" and text(index).isdigit():
        need = int(text(index))  # length > need
    elif index.type == "binary_expression" and _named(
            index.child_by_field_name("left"), length) and text(
            index.child_by_field_name("operator")) == "-" and text(  # type: ignore[arg-type]
            index.child_by_field_name("right")) == "1":  # type: ignore[arg-type]
        need = 0
    else:
        return False
    child, node = use, use.parent
    while node is not None:
        if node.type in ("if_statement", "conditional_expression") and \
                node.child_by_field_name("consequence") == child and \
                _exceeds(node.child_by_field_name("condition"), length, need):
            return True
        if node.type == "binary_expression" and text(
                node.child_by_field_name("operator")) == "&&" and \
                node.child_by_field_name("right") == child and \
                _exceeds(node.child_by_field_name("left"), length, need):
            return True
        child, node = node, node.parent
    return False


def _bare(node: Node | None) -> Node | None:
    while node is not None and node.type == "parenthesized_expression" and \
            node.named_children:
        node = node.named_children[0]
    return node


def _named(node: Node | None, name: str) -> bool:
    return node is not None and node.type == "identifier" and text(node) == name


def _number(node: Node | None) -> int | None:
    return int(text(node)) if node is not None and node.type == "number_literal" and \
        text(node).isdigit() else None


def _exceeds(cond: Node | None, length: str, need: int) -> bool:
    """Whether `cond` being true means `length > need` (length is unsigned)."""
    cond = _bare(cond)
    if cond is None:
        return False
    if _named(cond, length):  # `if (n)`
        return need == 0
    if cond.type != "binary_expression":
        return False
    op = text(cond.child_by_field_name("operator"))  # type: ignore[arg-type]
    left, right = _bare(cond.child_by_field_name("left")), \
        _bare(cond.child_by_field_name("right"))
    if op == "&&":
        return _exceeds(left, length, need) or _exceeds(right, length, need)
    if _named(right, length) and op in ("<", "<=", "!="):  # `k < n`: read as `n > k`
        left, right, op = right, left, {"<": ">", "<=": ">=", "!=": "!="}[op]
    k = _number(right)
    if not _named(left, length) or k is None:
        return False
    return (op == ">" and k >= need) or (op == ">=" and k > need) or \
        (op == "!=" and k == 0 and need == 0)


def _bounds(cond: Node | None, var: str, length: str) -> bool:
    cond = _bare(cond)
    if cond is None or cond.type != "binary_expression":
        return False
    op = text(cond.child_by_field_name("operator"))  # type: ignore[arg-type]
    left, right = cond.child_by_field_name("left"), cond.child_by_field_name("right")
    if op == "&&":
        return _bounds(left, var, length) or _bounds(right, var, length)
    return (op == "<" and _named(left, var) and _named(right, length)) or \
        (op == ">" and _named(left, length) and _named(right, var))


def _dereferenced(use: Node) -> bool:
    """`*p` or `p->f`, neither under `&`."""
    parent = use.parent
    if parent is not None and parent.type == "field_expression" and \
            parent.child_by_field_name("argument") == use:
        arrow = any(c.type == "->" for c in parent.children)
        return arrow and _not_address_taken(parent)
    return (parent is not None and parent.type == "pointer_expression"
            and parent.children[0].type == "*" and _not_address_taken(parent))


def _null_checked(use: Node) -> bool:
    """`p == NULL`, `p != 0`, `!p`, or `p` as a condition (`if (p)`, `p && ...`)."""
    node, parent = use, use.parent
    while parent is not None and parent.type == "parenthesized_expression":
        node, parent = parent, parent.parent
    if parent is None:
        return False
    if parent.type == "unary_expression":
        return parent.children[0].type == "!"
    if parent.type == "binary_expression":
        op = text(parent.child_by_field_name("operator"))  # type: ignore[arg-type]
        if op in ("&&", "||"):
            return True
        other = parent.child_by_field_name("right" if parent.child_by_field_name("left")
                                           == node else "left")
        return op in ("==", "!=") and other is not None and _is_null(other)
    if parent.type in ("if_statement", "while_statement", "do_statement",
                       "conditional_expression"):
        return parent.child_by_field_name("condition") == node
    return False


def _is_null(node: Node) -> bool:
    """`0`, `NULL` as glibc expands it (`((void *)0)`), or a parenthesised one."""
    spelled = "".join(text(node).split())
    return spelled in ("0", "((void*)0)", "(void*)0", "(0)")


def lifted_param(rust: str, ty: CType, how: str, cx: Cx) -> tuple[Var, str]:
    """The typing variable and the Rust parameter type of a lifted parameter."""
    assert isinstance(ty, Pointer)
    elem = cx.ty(ty.pointee)
    if how in (SLICE, SLICE_MUT):
        ref = "&" if how == SLICE else "&mut "
        return Var(rust, Array(ty.pointee, None, ty.pointee.const), "slice"), f"{ref}[{elem}]"
    ref = "&" if how == OUT else "&mut "
    return Var(rust, ty, "outref"), f"Option<{ref}{elem}>"


@register("slice")
def convert_slice(e: Expr, cx: Cx) -> str:
    return str(e.val)


@register("outref")
def convert_outref(e: Expr, cx: Cx) -> str:
    return str(e.val)


def outref_is_null(e: Expr, negate: bool) -> str:
    """A NULL test of a lifted out-parameter."""
    return f"{e.val}.{'is_some' if negate else 'is_none'}()"


def deref_outref(e: Expr) -> str:
    assert isinstance(e.ty, Pointer)
    take = "" if e.ty.pointee.const else ".as_deref_mut()"
    return f"(*{e.val}{take}.expect(\"non-null pointer\"))"


def shim(decl: FuncDecl, plan: dict[str, str], cx: Cx) -> list[str]:
    """The `extern "C"` function with the C signature, calling the safe inner one."""
    params, args = [], []
    types = [decay_param(t) for t in decl.ctype.params]
    for i, (name, ty) in enumerate(zip(decl.param_names, types, strict=False)):
        rust = local_name(name, cx) if name else f"_arg{i}"
        params.append(f"{rust}: {cx.ty(ty)}")
        how = plan.get(name)
        if how in (SLICE, SLICE_MUT):
            length = local_name(decl.param_names[i + 1], cx)
            mut = "_mut" if how == SLICE_MUT else ""
            empty = "&mut []" if how == SLICE_MUT else "&[]"
            args.append(f"if {rust}.is_null() {{ {empty} }} else "
                        f"{{ ::std::slice::from_raw_parts{mut}({rust}, {length} as usize) }}")
        elif how in (OUT, OUT_MUT):
            args.append(f"{rust}.{'as_mut' if how == OUT_MUT else 'as_ref'}()")
        else:
            args.append(rust)
    ret = decl.ctype.ret
    ret_s = "" if isinstance(ret, Void) else f" -> {cx.ty(ret)}"
    head = ['#[no_mangle]', 'pub unsafe extern "C" fn'] if not decl.static else \
        ['unsafe extern "C" fn']
    fname = field_name(decl.name)
    sig = f"{head[-1]} {fname}({', '.join(params)}){ret_s} {{"
    call = f"    {fname}_safe({', '.join(args)})"
    return [*head[:-1], sig, call, "}"]
