"""What stands in a module for a unit taken out of the crate.

A unit that exports a C symbol (`#[no_mangle] pub [unsafe] extern "C" fn name(...)`) is
replaced by a declaration of that symbol with the same signature, so that Rust code
calling it still compiles and, once linked, calls the C original. A safe exported
function is declared `safe` inside an `unsafe extern` block (Rust 1.82), so safe callers
need no `unsafe` either. Everything else leaves only a comment.
"""

from __future__ import annotations

import re

_EXPORTED = re.compile(
    r"#\s*\[\s*(?:unsafe\s*\(\s*)?no_mangle\s*\)?\s*\]\s*"  # #[no_mangle] or #[unsafe(no_mangle)]
    r"(?:#\s*\[[^\]]*\]\s*)*"  # other attributes
    r"pub(?:\s*\([^)]*\))?\s+(unsafe\s+)?extern\s*(?:\"([^\"]*)\")?\s*fn\s+"
    r"(r#)?([A-Za-z_]\w*)\s*\(")
_IDENT = re.compile(r"(?:mut\s+)?(r#)?([A-Za-z_]\w*)")
_OPEN, _CLOSE = "([{<", ")]}>"


def replacement(rust: str, unit_id: int) -> str | None:
    """The extern declarations of the C symbols `rust` exports, or None when it exports
    none (or their signatures cannot be read)."""
    decls: list[tuple[str, str]] = []  # (abi, declaration)
    for match in _EXPORTED.finditer(rust):
        unsafe, abi, raw, name = match.groups()
        params = _until_close(rust, match.end())
        if params is None:
            return None
        rest = rust[match.end() + len(params) + 1:]
        ret = _return_type(rest)
        if ret is None:
            return None
        args = ", ".join(_param(p, i) for i, p in enumerate(_split(params)) if p.strip())
        qualifier = "" if unsafe else "safe "
        decls.append((abi or "C", f"    pub {qualifier}fn {raw or ''}{name}({args}){ret};"))
    if not decls:
        return None
    blocks = [f'// unit {unit_id} did not build: the C original is called instead.']
    for abi in dict.fromkeys(a for a, _ in decls):
        body = "\n".join(d for a, d in decls if a == abi)
        blocks.append(f'unsafe extern "{abi}" {{\n{body}\n}}')
    return "\n".join(blocks)


def removed(unit_id: int) -> str:
    return f"// unit {unit_id} did not build: taken out of the crate."


def _until_close(text: str, start: int) -> str | None:
    """The text from `start` to the parenthesis closing the one just before it."""
    depth = 1
    i = start
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return text[start:i]
        i += 1
    return None


def _return_type(rest: str) -> str | None:
    """` -> T` (or "") from the text after the parameter list up to the body."""
    head = rest.split("{", 1)[0] if "{" in rest else None
    if head is None:
        return None
    head = re.split(r"\bwhere\b", head, maxsplit=1)[0].strip()
    if not head:
        return ""
    return f" {head}" if head.startswith("->") else None


def _split(params: str) -> list[str]:
    """Split at top-level commas; `->` does not close an angle bracket."""
    parts, depth, current = [], 0, []
    i = 0
    while i < len(params):
        ch = params[i]
        if ch == "-" and params[i + 1:i + 2] == ">":
            current.append("->")
            i += 2
            continue
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append("".join(current))
    return parts


def _param(param: str, index: int) -> str:
    """`mut x: T` -> `x: T`; a pattern that is not a plain name becomes `aN: T`."""
    colon = _top_level_colon(param)
    if colon is None:
        return param.strip()
    pattern, ty = param[:colon].strip(), param[colon + 1:].strip()
    match = _IDENT.fullmatch(pattern)
    name = f"{match.group(1) or ''}{match.group(2)}" if match else f"a{index}"
    return f"{name}: {ty}"


def _top_level_colon(param: str) -> int | None:
    depth = 0
    for i, ch in enumerate(param):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
        elif (ch == ":" and depth == 0 and param[i + 1:i + 2] != ":"
              and param[i - 1:i] != ":"):
            return i
    return None
