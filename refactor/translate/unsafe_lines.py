"""Counting a unit's unsafe Rust from the code itself, whichever backend wrote it.

DESIGN.md: `unsafe_lines` counts the lines inside `unsafe` blocks and `unsafe fn` bodies,
not counting the generated `extern "C"` shim, so a secured unit always has 0. A shim is an
`extern "C"` function whose body is one call of the safe inner function `<name>_safe`
(the shape the translators generate); nothing else is excused. A `static mut` item counts
as one line: it can only be used unsafely. Parsed with tree-sitter's Rust grammar (bundled
in tree-sitter-language-pack), so strings and comments saying "unsafe" do not count.
"""

from __future__ import annotations

from functools import cache

import tree_sitter
from tree_sitter_language_pack import get_parser


@cache
def _parser() -> tree_sitter.Parser:
    return get_parser("rust")


def count_unsafe_lines(rust: str) -> int:
    """Lines of `rust` that are unsafe code (see the module docstring)."""
    lines: set[int] = set()
    stack = [_parser().parse(rust.encode("utf-8")).root_node]
    while stack:
        node = stack.pop()
        kind = node.type
        if kind == "function_item":
            body = node.child_by_field_name("body")
            if body is None or _is_shim(node, body):
                continue
            if _is_unsafe_fn(node):
                lines.update(_inner_rows(body))
                continue
        elif kind == "unsafe_block":
            lines.update(_inner_rows(node))
            continue
        elif kind == "static_item" and any(c.type == "mutable_specifier"
                                           for c in node.children):
            lines.add(node.start_point[0])
            continue
        stack.extend(node.named_children)
    return len(lines)


def _is_unsafe_fn(node: tree_sitter.Node) -> bool:
    return any(c.type == "function_modifiers" and b"unsafe" in (c.text or b"").split()
               for c in node.children)


def _inner_rows(block: tree_sitter.Node) -> range:
    """The rows of a block's content: its braces' own lines excluded unless it is one line."""
    first, last = block.start_point[0], block.end_point[0]
    return range(first, last + 1) if last - first < 2 else range(first + 1, last)


def _is_shim(node: tree_sitter.Node, body: tree_sitter.Node) -> bool:
    modifiers = b" ".join(c.text or b"" for c in node.children
                          if c.type == "function_modifiers")
    name = node.child_by_field_name("name")
    if b"extern" not in modifiers or name is None:
        return False
    content = [c for c in body.named_children if c.type not in ("line_comment",
                                                                 "block_comment")]
    if len(content) != 1:
        return False
    call = content[0]
    if call.type == "expression_statement" and call.named_children:
        call = call.named_children[0]
    if call.type == "return_expression" and call.named_children:
        call = call.named_children[0]
    callee = call.child_by_field_name("function") if call.type == "call_expression" else None
    return callee is not None and callee.text == (name.text or b"") + b"_safe"
