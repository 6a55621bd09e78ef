"""Statement expressions (GNU C `({ ... })`), as glibc's `assert` expands to them.

Only the form without a value is translated: its last statement is not an expression
statement, so the construct has type `void` (GCC manual, "Statements and Declarations in
Expressions"). It becomes a Rust block whose statements are translated like any other,
with the enclosing function's `break`/`continue`/`goto` targets; a `return` inside it
returns from the function in both languages.
"""

from __future__ import annotations

from tree_sitter import Node

from refactor.translate.c.ctypes_model import VOID
from refactor.translate.c.emit import Cx, register
from refactor.translate.c.statements import Flow, compound_body
from refactor.translate.c.symbols import Unsupported
from refactor.translate.c.typing import Env, Expr
from refactor.translate.c.typing import register as register_typing


def type_statement_expr(node: Node, env: Env) -> Expr:
    row = node.start_point.row
    items = [c for c in node.named_children if c.type != "comment"]
    last = items[-1] if items else None
    if last is not None and (last.type == "labeled_statement" or (
            last.type == "expression_statement"
            and any(c.type != "comment" for c in last.named_children))):
        raise Unsupported(f"statement expression with a value (GNU) at line {row + 1}")
    return Expr("stmt_expr", VOID, val=node, row=row)


@register("stmt_expr")
def convert_statement_expr(e: Expr, cx: Cx) -> str:
    """A block of unit type; its lines are joined with newlines (the caller splits an
    expression statement's text into lines again)."""
    if not isinstance(cx.flow, Flow) or not isinstance(e.val, Node):
        raise Unsupported(f"statement expression outside a function at line {e.row + 1}")
    body = compound_body(e.val, cx, cx.flow)
    if not body:
        return "{}"
    return "\n".join(["{", *("    " + ln if ln else ln for ln in body), "}"])


register_typing("compound_statement", type_statement_expr)
