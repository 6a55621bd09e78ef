"""Walking the statement tree of a PROCEDURE DIVISION: nested blocks in source order."""

from __future__ import annotations

from refactor.translate.cobol.procedure import (
    Add,
    Block,
    Call,
    Compute,
    Divide,
    Evaluate,
    If,
    Multiply,
    Perform,
    Read,
    Rewrite,
    Search,
    Statement,
    String,
    Subtract,
    Unstring,
    Write,
)


def walk(statements: Block) -> list[Statement]:
    """Every statement in `statements`, nested ones included, in source order."""
    out: list[Statement] = []
    for stmt in statements:
        out.append(stmt)
        for block in nested_blocks(stmt):
            out.extend(walk(block))
    return out


def nested_blocks(stmt: Statement) -> list[Block]:
    """The statement lists directly inside `stmt`."""
    blocks: list[Block | None] = []
    if isinstance(stmt, If):
        blocks = [stmt.then, stmt.else_]
    elif isinstance(stmt, Evaluate):
        blocks = [w.statements for w in stmt.whens] + [stmt.other]
    elif isinstance(stmt, Perform):
        blocks = [stmt.body]
    elif isinstance(stmt, Add | Subtract | Multiply | Divide | Compute):
        blocks = [stmt.size.on_error, stmt.size.not_on_error]
    elif isinstance(stmt, String | Unstring):
        blocks = [stmt.on_overflow, stmt.not_on_overflow]
    elif isinstance(stmt, Search):
        blocks = [stmt.at_end] + [b for _, b in stmt.whens]
    elif isinstance(stmt, Call):
        blocks = [stmt.on_exception, stmt.not_on_exception]
    elif isinstance(stmt, Read):
        blocks = [stmt.at_end, stmt.not_at_end, stmt.invalid_key, stmt.not_invalid_key]
    elif isinstance(stmt, Write | Rewrite):
        blocks = [stmt.invalid_key, stmt.not_invalid_key]
    return [b for b in blocks if b]
