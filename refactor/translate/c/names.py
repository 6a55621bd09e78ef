"""Rust spellings of C identifiers: keywords become raw identifiers (`r#type`); the few
that cannot be raw (`self`, `Self`, `super`, `crate`, `_`) get a trailing underscore."""

from __future__ import annotations

RUST_KEYWORDS = frozenset((
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn",
    "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "async", "await", "dyn", "abstract", "become",
    "box", "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual",
    "yield", "try", "gen", "union",
))


def field_name(name: str) -> str:
    if name in ("self", "Self", "super", "crate", "_"):
        return name + "_"
    return f"r#{name}" if name in RUST_KEYWORDS else name
