"""Statements (C11 6.8) as structured Rust.

Every loop and switch carries a label and every `break`/`continue` names it (Rust forbids
an unlabelled `break` inside a labelled block). `continue` in a `for` with a step or in
a `do`/`while` leaves a labelled body block instead, so the step or test still runs.
`switch` is a chain of labelled blocks: the `match` jumps past the blocks before its case
and execution falls through the bodies in source order. A forward `goto` to a label in an
enclosing block is a `break` out of a labelled block ending just before the label; a
backward one is a `continue` of a loop starting at the label. The block's declarations
are hoisted above it so they stay visible after the labels. Jumping into a loop or into
a block is unsupported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tree_sitter import Node

from refactor.translate.c.ctypes_model import CType, Int, Void, promote
from refactor.translate.c.decls import hoisted_let, local_declaration
from refactor.translate.c.emit import Cx, cond, expr, statement, zero
from refactor.translate.c.literals import mk_int
from refactor.translate.c.operators_typing import fold
from refactor.translate.c.symbols import Unsupported, text
from refactor.translate.c.typing import cast, convert, rvalue, type_expr


@dataclass
class Flow:
    """Where `break`, `continue` and `goto` go while translating one function."""

    ret: CType
    breaks: list[str] = field(default_factory=list)
    continues: list[str] = field(default_factory=list)
    gotos: dict[str, str] = field(default_factory=dict)   # C label -> `break 'g1` etc.
    labels: int = 0

    def new_label(self, stem: str) -> str:
        self.labels += 1
        return f"'{stem}{self.labels}"


Lines = list[str]
_IND = "    "


def _indent(lines: Lines) -> Lines:
    return [_IND + ln if ln else ln for ln in lines]


def _row(node: Node) -> int:
    return node.start_point.row + 1


def translate(node: Node, cx: Cx, flow: Flow) -> Lines:
    handler = _STATEMENTS.get(node.type)
    if handler is None:
        raise Unsupported(f"{node.type.replace('_', ' ')} at line {_row(node)}")
    return handler(node, cx, flow)


def block(node: Node, cx: Cx, flow: Flow) -> Lines:
    """A statement as the contents of a Rust block (no braces)."""
    if node.type == "compound_statement":
        return compound_body(node, cx, flow)
    cx.env.scopes.append({})
    try:
        return translate(node, cx, flow)
    finally:
        cx.env.scopes.pop()


def compound_body(node: Node, cx: Cx, flow: Flow) -> Lines:
    children = [c for c in node.named_children if c.type != "comment"]
    cx.env.scopes.append({})
    try:
        if not any(c.type == "labeled_statement" for c in children):
            out: Lines = []
            for c in children:
                out += translate(c, cx, flow)
            return out
        return _with_labels(children, cx, flow)
    finally:
        cx.env.scopes.pop()


Segments = list[tuple[str | None, list[Node]]]


def _with_labels(children: list[Node], cx: Cx, flow: Flow) -> Lines:
    segments: Segments = [(None, [])]
    for c in children:
        while c.type == "labeled_statement":
            name = text(c.child_by_field_name("label"))  # type: ignore[arg-type]
            segments.append((name, []))
            inner = [x for x in c.named_children if x.type not in ("statement_identifier",
                                                                    "comment")]
            if not inner:
                break
            c = inner[-1]
        else:
            segments[-1][1].append(c)
    hoisted: Lines = []
    names: set[str] = set()
    for _, nodes in segments:
        for n in nodes:
            if n.type == "declaration":
                for cname, let in hoisted_let(n, cx):
                    names.add(cname)
                    hoisted.append(let)
    saved = dict(flow.gotos)
    try:
        return hoisted + _chain(segments, 0, len(segments) - 1, names, cx, flow)
    finally:
        flow.gotos = saved


def _chain(segments: Segments, first: int, last: int, names: set[str], cx: Cx,
           flow: Flow) -> Lines:
    """Segments first..last. A label that later statements jump back to starts a loop
    running to the last segment that jumps to it (`goto` = `continue`, reaching its end =
    `break`); any other label ends a labelled block (`goto` = `break` out of it)."""
    items: list[tuple[int, int]] = [(first, first)]     # (first, last) segment of each
    i = first + 1
    while i <= last:
        name = str(segments[i][0])
        back = [j for j in range(i, last + 1)
                if any(_has_goto(n, name) for n in segments[j][1])]
        end = back[-1] if back else i
        items.append((i, end))
        i = end + 1
    blocks = {str(segments[lo][0]): flow.new_label("g_" + str(segments[lo][0]).lower() + "_")
              for lo, _ in items[1:]}
    for name, label in blocks.items():
        flow.gotos[name] = f"break {label}"
    body: Lines = []
    for k, (lo, hi) in enumerate(items):
        name = str(segments[lo][0])
        if k > 0:
            flow.gotos.pop(name, None)
            body = [f"{blocks[name]}: {{", *_indent(body), "}"]
        if k > 0 and (hi > lo or any(_has_goto(n, name) for n in segments[lo][1])):
            loop = flow.new_label("b_" + name.lower() + "_")
            flow.gotos[name] = f"continue {loop}"
            inner = _chain(segments, lo, hi, names, cx, flow)
            flow.gotos.pop(name, None)
            body += [f"{loop}: loop {{", *_indent([*inner, f"break {loop};"]), "}"]
            continue
        for seg in range(lo, hi + 1):
            for n in segments[seg][1]:
                body += (local_declaration(n, cx, names) if n.type == "declaration"
                         else translate(n, cx, flow))
    return body


def _has_goto(node: Node, name: str) -> bool:
    stack = [node]
    while stack:
        n = stack.pop()
        if n.type == "goto_statement" and text(n.child_by_field_name("label")) == name:  # type: ignore[arg-type]
            return True
        stack.extend(n.named_children)
    return False


def _compound(node: Node, cx: Cx, flow: Flow) -> Lines:
    return ["{", *_indent(compound_body(node, cx, flow)), "}"]


def _declaration(node: Node, cx: Cx, flow: Flow) -> Lines:
    return local_declaration(node, cx, set())


def _expression_statement(node: Node, cx: Cx, flow: Flow) -> Lines:
    inner = [c for c in node.named_children if c.type != "comment"]
    if not inner:
        return []
    e = type_expr(inner[0], cx.env)
    line = statement(e, cx)
    return line.split("\n") if line else []


def _condition(node: Node, cx: Cx) -> str:
    cnode = node.child_by_field_name("condition")
    if cnode is None:
        raise Unsupported(f"statement without a condition at line {_row(node)}")
    e = rvalue(type_expr(cnode, cx.env))
    return cond(e, cx)


def _if(node: Node, cx: Cx, flow: Flow) -> Lines:
    out = [f"if {_condition(node, cx)} {{",
           *_indent(block(node.child_by_field_name("consequence"), cx, flow)),  # type: ignore
           "}"]
    alt = node.child_by_field_name("alternative")
    if alt is not None:
        stmt = next(c for c in alt.named_children if c.type != "comment")
        if stmt.type == "if_statement":
            rest = _if(stmt, cx, flow)
            out[-1] = "} else " + rest[0]
            out += rest[1:]
        else:
            out[-1] = "} else {"
            out += [*_indent(block(stmt, cx, flow)), "}"]
    return out


def _has_continue(node: Node) -> bool:
    for c in node.named_children:
        if c.type == "continue_statement":
            return True
        if c.type in ("for_statement", "while_statement", "do_statement"):
            continue
        if _has_continue(c):
            return True
    return False


def _loop(node: Node, cx: Cx, flow: Flow, head: str, step: Lines, test_after: str | None
          ) -> Lines:
    body_node = node.child_by_field_name("body")
    assert body_node is not None
    label = flow.new_label("l")
    inner = flow.new_label("c") if (step or test_after) and _has_continue(body_node) else None
    flow.breaks.append(label)
    flow.continues.append(f"break {inner}" if inner else f"continue {label}")
    try:
        body = block(body_node, cx, flow)
    finally:
        flow.breaks.pop()
        flow.continues.pop()
    if inner:
        body = [f"{inner}: {{", *_indent(body), "}"]
    tail = step + ([f"if !{test_after} {{", f"{_IND}break {label};", "}"]
                   if test_after else [])
    return [f"{label}: {head} {{", *_indent(body + tail), "}"]


def _while(node: Node, cx: Cx, flow: Flow) -> Lines:
    return _loop(node, cx, flow, f"while {_condition(node, cx)}", [], None)


def _do(node: Node, cx: Cx, flow: Flow) -> Lines:
    # the condition is typed after the body: names declared in the body are out of scope
    body_node = node.child_by_field_name("body")
    assert body_node is not None
    return _loop(node, cx, flow, "loop", [], _condition(node, cx))


def _for(node: Node, cx: Cx, flow: Flow) -> Lines:
    cx.env.scopes.append({})
    try:
        init = node.child_by_field_name("initializer")
        setup: Lines = []
        if init is not None:
            setup = (local_declaration(init, cx, set()) if init.type == "declaration"
                     else [statement(type_expr(init, cx.env), cx)])
        cnode = node.child_by_field_name("condition")
        head = "loop" if cnode is None else f"while {cond(rvalue(type_expr(cnode, cx.env)), cx)}"
        update = node.child_by_field_name("update")
        step = [statement(type_expr(update, cx.env), cx)] if update is not None else []
        loop = _loop(node, cx, flow, head, [s for s in step if s], None)
        if not setup:
            return loop
        return ["{", *_indent(setup + loop), "}"]
    finally:
        cx.env.scopes.pop()


def _break(node: Node, cx: Cx, flow: Flow) -> Lines:
    if not flow.breaks:
        raise Unsupported(f"break outside a loop or switch at line {_row(node)}")
    return [f"break {flow.breaks[-1]};"]


def _continue(node: Node, cx: Cx, flow: Flow) -> Lines:
    if not flow.continues:
        raise Unsupported(f"continue outside a loop at line {_row(node)}")
    return [f"{flow.continues[-1]};"]


def _return(node: Node, cx: Cx, flow: Flow) -> Lines:
    inner = [c for c in node.named_children if c.type != "comment"]
    if not inner:
        if not isinstance(flow.ret, Void):
            return [f"return {zero(flow.ret, cx)};"]
        return ["return;"]
    e = type_expr(inner[0], cx.env)
    if isinstance(flow.ret, Void):
        return [statement(e, cx), "return;"]
    return [f"return {expr(convert(e, flow.ret), cx)};"]


def _goto(node: Node, cx: Cx, flow: Flow) -> Lines:
    name = text(node.child_by_field_name("label"))  # type: ignore[arg-type]
    label = flow.gotos.get(name)
    if label is None:
        raise Unsupported(f"goto {name} at line {_row(node)} (only jumps to a label of an "
                          "enclosing block are supported, not into a block or loop)")
    return [f"{label};"]


def _switch(node: Node, cx: Cx, flow: Flow) -> Lines:
    value = rvalue(type_expr(node.child_by_field_name("condition"), cx.env))  # type: ignore
    if not isinstance(value.ty, Int):
        raise Unsupported(f"switch on a non-integer at line {_row(node)}")
    ctl = promote(value.ty)
    value = cast(value, ctl)
    body = node.child_by_field_name("body")
    assert body is not None
    cases = [c for c in body.named_children if c.type != "comment"]
    if any(c.type != "case_statement" for c in cases):
        raise Unsupported(f"statement before the first case at line {_row(node)}")
    label = flow.new_label("s")
    arms: list[str] = []
    default = None
    blocks = [flow.new_label("k") for _ in cases]
    for i, case in enumerate(cases):
        vnode = case.child_by_field_name("value")
        if vnode is None:
            default = i
            continue
        v = fold(cast(rvalue(type_expr(vnode, cx.env)), ctl), cx.env)
        if v is None:
            raise Unsupported(f"non-constant case label at line {_row(case)}")
        assert isinstance(ctl, Int)
        arms.append(f"{mk_int(v, ctl.kind.rust)} => break {blocks[i]},")
    arms.append(f"_ => break {blocks[default] if default is not None else label},")
    out: Lines = [f"match {expr(value, cx)} {{", *_indent(arms), "}"]
    flow.breaks.append(label)
    cx.env.scopes.append({})
    bodies = []
    for case in cases:
        stmts = [c for c in case.named_children if c.type != "comment"]
        bodies.append(stmts[1:] if case.child_by_field_name("value") is not None else stmts)
    # a declaration in a case is in scope in the later cases: hoist it above the chain
    hoisted: Lines = []
    names: set[str] = set()
    for stmts in bodies:
        for st in stmts:
            if st.type == "declaration":
                for cname, let in hoisted_let(st, cx):
                    names.add(cname)
                    hoisted.append(let)
    try:
        for i, stmts in enumerate(bodies):
            lines: Lines = []
            for st in stmts:
                lines += (local_declaration(st, cx, names) if st.type == "declaration"
                          else translate(st, cx, flow))
            out = [f"{blocks[i]}: {{", *_indent(out), "}", *lines]
    finally:
        flow.breaks.pop()
        cx.env.scopes.pop()
    return [*hoisted, f"{label}: {{", *_indent(out), "}"]


_STATEMENTS: dict[str, Callable[[Node, Cx, Flow], Lines]] = {
    "compound_statement": _compound, "declaration": _declaration,
    "expression_statement": _expression_statement, "if_statement": _if,
    "while_statement": _while, "do_statement": _do, "for_statement": _for,
    "break_statement": _break, "continue_statement": _continue,
    "return_statement": _return, "goto_statement": _goto, "switch_statement": _switch,
}
