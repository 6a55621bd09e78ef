"""Split one C file into translation units and collect each unit's references.

Units are the file-scope definitions of DESIGN.md: functions, types (struct, union, enum,
typedef), global variables and object-like macros whose value is a constant expression.
Structure comes from a walk over the top level of the tree (through `#if` blocks);
references come from one tree-sitter query over the whole file (calls and type names) and
from the identifiers left in each unit once comments are blanked (global and macro uses,
resolved against the symbols of every file by the ledger, so a name that is not a global or
a macro is simply dropped there).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from typing import NamedTuple

import tree_sitter

from refactor.model import Reference, UnitRecord, Warning_
from refactor.scan.c._parser import parser, query
from refactor.scan.loc import blank_ranges, line_flags, prefix_counts, span_loc

_CONTAINERS = frozenset(
    {
        "preproc_if",
        "preproc_ifdef",
        "preproc_else",
        "preproc_elif",
        "preproc_elifdef",
        "linkage_specification",
        "declaration_list",
    }
)
_TAGGED = {"struct_specifier": "struct", "union_specifier": "union", "enum_specifier": "enum"}
# Identifiers that are not field accesses (`.x`, `->x`).
_IDENT = re.compile(rb"(?<![.\w])(?<!->)[A-Za-z_]\w*")
_C_KEYWORDS = frozenset(
    b"auto break case char const continue default do double else enum extern float for goto"
    b" if inline int long register restrict return short signed sizeof static struct switch"
    b" typedef union unsigned void volatile while _Bool _Complex _Imaginary _Alignas _Alignof"
    b" _Atomic _Generic _Noreturn _Static_assert _Thread_local NULL".split()
)
# A constant macro's value: literals, names, operators and parentheses; no statements.
_CONST_MACRO = re.compile(rb"[\w\s.+\-*/%<>=!&|^~?:(),'\"\\]+")
_NOT_CONST_WORDS = frozenset(b"do while for if return switch goto break continue".split())


class CFileUnits(NamedTuple):
    units: tuple[UnitRecord, ...]
    loc: int
    warnings: tuple[Warning_, ...]


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=12).hexdigest()


def _normalized_hash(blanked: bytes, start: int, end: int) -> str:
    return _digest(b" ".join(blanked[start:end].split()))


def _end_line(node: tree_sitter.Node) -> int:
    row, col = node.end_point
    return row + 1 if col > 0 or row == node.start_point[0] else row


def _top_level(node: tree_sitter.Node):
    for child in node.named_children:
        if child.type in _CONTAINERS:
            yield from _top_level(child)
        else:
            yield child


def _declarator_name(node: tree_sitter.Node | None) -> tuple[str | None, bool]:
    """The identifier a declarator declares, and whether it declares a function."""
    is_function = False
    while node is not None:
        kind = node.type
        if kind in ("identifier", "type_identifier", "field_identifier"):
            return node.text.decode("utf-8", "replace"), is_function
        if kind == "function_declarator":
            inner = node.child_by_field_name("declarator")
            # `int (*fp)(int)` is a pointer to a function: a variable, not a prototype.
            is_function = inner is not None and inner.type != "parenthesized_declarator"
            node = inner
        elif kind in ("init_declarator", "pointer_declarator", "array_declarator",
                      "attributed_declarator"):
            node = node.child_by_field_name("declarator")
        elif kind == "parenthesized_declarator":
            node = next((c for c in node.named_children if c.type != "comment"), None)
        else:
            return None, is_function
    return None, is_function


def _storage(node: tree_sitter.Node) -> set[bytes]:
    return {c.text for c in node.children if c.type == "storage_class_specifier"}


def _tag_of(type_node: tree_sitter.Node | None) -> tuple[str | None, bool]:
    """`struct foo` for a tagged specifier, and whether it carries a body (defines it)."""
    if type_node is None or type_node.type not in _TAGGED:
        return None, False
    name = type_node.child_by_field_name("name")
    has_body = type_node.child_by_field_name("body") is not None
    tag = f"{_TAGGED[type_node.type]} {name.text.decode('utf-8', 'replace')}" if name else None
    return tag, has_body


def _enumerators(type_node: tree_sitter.Node | None) -> list[str]:
    if type_node is None or type_node.type != "enum_specifier":
        return []
    body = type_node.child_by_field_name("body")
    if body is None:
        return []
    # Enumerators are marked with a leading "=" among a unit's aliases.
    return [
        "=" + c.child_by_field_name("name").text.decode("utf-8", "replace")
        for c in body.named_children
        if c.type == "enumerator" and c.child_by_field_name("name") is not None
    ]


class _Candidate(NamedTuple):
    kind: str
    name: str
    node: tree_sitter.Node
    aliases: tuple[str, ...]
    is_static: bool
    sig_end: int  # byte offset where the part callers depend on ends


def _candidates(root: tree_sitter.Node):
    for node in _top_level(root):
        kind = node.type
        if kind == "function_definition":
            name, _ = _declarator_name(node.child_by_field_name("declarator"))
            body = node.child_by_field_name("body")
            if name:
                sig_end = body.start_byte if body is not None else node.end_byte
                yield _Candidate("function", name, node, (), b"static" in _storage(node),
                                 sig_end)
        elif kind in _TAGGED:
            tag, has_body = _tag_of(node)
            if tag and has_body:
                yield _Candidate("type", tag, node, tuple(_enumerators(node)), False,
                                 node.end_byte)
        elif kind == "type_definition":
            type_node = node.child_by_field_name("type")
            names = [
                n for n, _ in (_declarator_name(d) for d in node.children_by_field_name(
                    "declarator")) if n
            ]
            tag, has_body = _tag_of(type_node)
            aliases = [*names[1:], *([tag] if tag and has_body else []),
                       *_enumerators(type_node)]
            if names:
                yield _Candidate("type", names[0], node, tuple(aliases), False, node.end_byte)
        elif kind == "declaration":
            yield from _declaration(node)
        elif kind == "preproc_def":
            value = node.child_by_field_name("value")
            name = node.child_by_field_name("name")
            if name is not None and value is not None and _is_constant(value.text):
                yield _Candidate("macro", name.text.decode("utf-8", "replace"), node, (),
                                 False, node.end_byte)


def _declaration(node: tree_sitter.Node):
    storage = _storage(node)
    type_node = node.child_by_field_name("type")
    tag, has_body = _tag_of(type_node)
    variables: list[str] = []
    for declarator in node.children_by_field_name("declarator"):
        name, is_function = _declarator_name(declarator)
        if name is None or is_function:
            continue
        if b"extern" in storage and declarator.type != "init_declarator":
            continue  # a declaration of a global defined elsewhere
        variables.append(name)
    if variables:
        aliases = [*variables[1:], *([tag] if tag and has_body else []),
                   *_enumerators(type_node)]
        yield _Candidate("global", variables[0], node, tuple(aliases), b"static" in storage,
                         node.end_byte)
    elif tag and has_body:
        yield _Candidate("type", tag, node, tuple(_enumerators(type_node)), False,
                         node.end_byte)


def _is_constant(value: bytes) -> bool:
    value = value.strip()
    if not value or not _CONST_MACRO.fullmatch(value):
        return False
    return not any(word in _NOT_CONST_WORDS for word in _IDENT.findall(value))


def _first_error_line(errors: list[int], rows: list[int], start: int, end: int) -> int | None:
    i = bisect.bisect_left(errors, start)
    if i < len(errors) and errors[i] < end:
        return rows[i]
    return None


def extract(data: bytes, path: str) -> CFileUnits:
    """Parse one C file and return its units, its code line count and its warnings."""
    tree = parser().parse(data)
    captures = tree_sitter.QueryCursor(query("references")).captures(tree.root_node)
    comments = sorted((n.start_byte, n.end_byte) for n in captures.get("trivia.comment", ()))
    blanked = blank_ranges(data, comments)
    flags = line_flags(blanked)
    prefix = prefix_counts(flags)

    errors = sorted((n.start_byte, n.start_point[0] + 1) for n in captures.get("error", ()))
    error_starts = [e[0] for e in errors]
    error_rows = [e[1] for e in errors]

    candidates = list(_candidates(tree.root_node))
    starts = [c.node.start_byte for c in candidates]
    calls: list[set[str]] = [set() for _ in candidates]
    types: list[set[str]] = [set() for _ in candidates]

    def owner(node: tree_sitter.Node) -> int | None:
        i = bisect.bisect_right(starts, node.start_byte) - 1
        if i >= 0 and node.end_byte <= candidates[i].node.end_byte:
            return i
        return None

    for node in captures.get("name.reference.call", ()):
        i = owner(node)
        if i is not None:
            calls[i].add(node.text.decode("utf-8", "replace"))
    tag_positions: set[int] = set()
    for kind in ("struct", "union", "enum"):
        for node in captures.get(f"name.reference.{kind}", ()):
            tag_positions.add(node.start_byte)
            i = owner(node)
            if i is not None:
                types[i].add(f"{kind} {node.text.decode('utf-8', 'replace')}")
    for node in captures.get("name.reference.type", ()):
        if node.start_byte in tag_positions:
            continue
        i = owner(node)
        if i is not None:
            types[i].add(node.text.decode("utf-8", "replace"))

    seen: dict[tuple[str, str], int] = {}
    units: list[UnitRecord] = []
    for i, cand in enumerate(candidates):
        node = cand.node
        start, end = node.start_byte, node.end_byte
        start_line, end_line = node.start_point[0] + 1, _end_line(node)
        own = {cand.name, *(a.lstrip("=") for a in cand.aliases)}
        idents = {
            t.decode("utf-8", "replace")
            for t in set(_IDENT.findall(blanked, start, end)) - _C_KEYWORDS
        } - own - calls[i] - types[i]
        refs = (
            *(Reference("call", n) for n in sorted(calls[i] - own)),
            *(Reference("type", n) for n in sorted(types[i] - own)),
            *(Reference("global", n) for n in sorted(idents)),
        )
        key = (cand.kind, cand.name)
        seen[key] = seen.get(key, 0) + 1
        name = cand.name if seen[key] == 1 else f"{cand.name}~{seen[key]}"
        error_line = _first_error_line(error_starts, error_rows, start, end)
        reason = None
        if error_line is not None:
            reason = f"parse error at line {error_line}"
        elif node.has_error:
            where = f"line {start_line}" if start_line == end_line else \
                f"lines {start_line}-{end_line}"
            reason = f"parse error (missing token) at {where}"
        src_hash = _normalized_hash(blanked, start, end)
        sig_hash = src_hash if cand.sig_end >= end else _normalized_hash(
            blanked, start, cand.sig_end)
        units.append(
            UnitRecord(
                kind=cand.kind,  # type: ignore[arg-type]
                name=name,
                start_line=start_line,
                end_line=end_line,
                loc=span_loc(prefix, start_line, end_line),
                src_hash=src_hash,
                sig_hash=sig_hash,
                refs=refs,
                aliases=cand.aliases,
                is_static=cand.is_static,
                reason=reason,
            )
        )

    warnings = _stray_errors(errors, candidates, path)
    return CFileUnits(tuple(units), sum(flags), warnings)


def _stray_errors(
    errors: list[tuple[int, int]], candidates: list[_Candidate], path: str
) -> tuple[Warning_, ...]:
    """Parse errors outside every unit: code the scan could not place in a unit."""
    spans = [(c.node.start_byte, c.node.end_byte) for c in candidates]
    starts = [s for s, _ in spans]
    out: list[Warning_] = []
    for byte, line in errors:
        i = bisect.bisect_right(starts, byte) - 1
        if i >= 0 and byte < spans[i][1]:
            continue
        out.append(Warning_(path, line, "code that does not parse as C outside any unit"))
        if len(out) >= 20:
            break
    return tuple(out)
