"""Split one C file into translation units and collect each unit's references.

Units are the file-scope definitions of DESIGN.md: functions, types (struct, union, enum,
typedef), global variables, and object-like macros whose value is a constant expression.
Definitions come from a walk over the top level of the tree (through `#if` blocks);
macros, and the names each unit refers to, come from byte-level scans of the source with
comments blanked out (one left-to-right pass over literals and comments, so `/*` inside a
string is not a comment), which is what keeps a 24-million-line scan within reach of a
bare parse. References are every identifier of the unit outside comments and literals:
they over-approximate (a local that shadows a global counts as a use of it); the ledger
resolves them against every file's definitions and drops names that define nothing.
"""

from __future__ import annotations

import hashlib
import re
from typing import NamedTuple

import tree_sitter

from refactor.model import FileUnits, Reference, UnitRecord, Warning_
from refactor.scan.c._parser import parser
from refactor.scan.loc import blank_ranges, line_flags, prefix_counts, span_loc

_TAGGED = {"struct_specifier": "struct", "union_specifier": "union", "enum_specifier": "enum"}
_CONTAINERS = frozenset({"preproc_if", "preproc_ifdef", "preproc_else", "preproc_elif",
                         "preproc_elifdef", "linkage_specification", "declaration_list"})
_DEFINITIONS = frozenset({"function_definition", "declaration", "type_definition",
                          "struct_specifier", "union_specifier", "enum_specifier"})
# Every byte that cannot be part of an identifier becomes a space: split() gives the words.
_WORDS = bytes(b if chr(b).isalnum() or b == 0x5F else 0x20 for b in range(128)) + b" " * 128
# A line of C that is not a preprocessor directive (continuations joined first).
_C_LINE = re.compile(rb"^[ \t]*[^#\s]", re.MULTILINE)
# Possessive quantifiers: an unterminated literal (an apostrophe in `#error don't`) must
# fail in linear time, not backtrack through every way of splitting the line.
_LITERAL = re.compile(rb"\"(?:[^\"\\\n]++|\\.)*+\"|'(?:[^'\\\n]++|\\.)*+'")
# Literals or comments, left to right: a comment marker inside a literal is not a comment.
# Every branch starts with a plain byte (the group follows the first "/"), which lets the
# regex engine skip ahead to the next quote or slash: 2.5 times faster than a leading group.
_COMMENT = re.compile(_LITERAL.pattern + rb"|/(\*.*?(?:\*/|\Z)|/(?:[^\n\\]++|\\.|\\\n)*+)",
                      re.DOTALL)
# An object-like macro. Unanchored (a leading literal lets the engine jump from "#" to "#";
# `^` would be tried at every byte): the caller checks the "#" starts its line. Group 2 is
# the common case, a one-line value of constant-expression characters; group 3 any other
# value (continuation lines, braces, statements), left to the slow path.
_CONST_CHARS = rb"\w.+\-*/%<>=!&|^~?:(),'\""
_MACRO = re.compile(rb"#[ \t]*define[ \t]+([A-Za-z_]\w*)(?:[ \t]+([" + _CONST_CHARS + rb"][ \t"
                    + _CONST_CHARS + rb"]*)(?=\n|\Z)|(?![\w(])((?:[^\n\\]++|\\.|\\\n)*+))")
# Where an identifier starts in a words-only text (not inside a number such as 0x1fUL).
_NAME_START = re.compile(r"(?<!\w)[A-Za-z_]")
_KEYWORDS = frozenset((
    "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
    "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register",
    "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch", "typedef",
    "union", "unsigned", "void", "volatile", "while", "_Bool", "_Complex", "_Imaginary",
    "_Alignas", "_Alignof", "_Atomic", "_Generic", "_Noreturn", "_Static_assert",
    "_Thread_local", "defined"))
# A constant macro's value: literals, names, operators and parentheses; no statements.
_CONST_VALUE = re.compile(rb"[\w\s.+\-*/%<>=!&|^~?:(),'\"\\]+")
_STATEMENT_WORDS = frozenset(("do", "while", "for", "if", "return", "switch", "goto", "break",
                              "continue"))


def _digest(data: bytes) -> str:
    return hashlib.blake2b(b" ".join(data.split()), digest_size=12).hexdigest()


def _text(node: tree_sitter.Node) -> str:
    return node.text.decode("utf-8", "replace")


def _end_line(node: tree_sitter.Node) -> int:
    row, col = node.end_point
    return row + 1 if col > 0 or row == node.start_point[0] else row


def _declarator_name(node: tree_sitter.Node | None) -> tuple[str | None, bool]:
    """The identifier a declarator declares, and whether it declares a function."""
    is_function = False
    while node is not None:
        kind = node.type
        if kind in ("identifier", "type_identifier", "field_identifier"):
            return _text(node), is_function
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
    return (f"{_TAGGED[type_node.type]} {_text(name)}" if name else None), has_body


def _enumerators(type_node: tree_sitter.Node | None) -> list[str]:
    """Enumerator names, marked with a leading "=" among a unit's aliases."""
    if type_node is None or type_node.type != "enum_specifier":
        return []
    body = type_node.child_by_field_name("body")
    if body is None:
        return []
    return ["=" + _text(name) for c in body.named_children
            if c.type == "enumerator" and (name := c.child_by_field_name("name")) is not None]


class _Candidate(NamedTuple):
    kind: str
    name: str
    start: int  # byte offsets
    end: int
    start_line: int
    end_line: int
    aliases: tuple[str, ...]
    is_static: bool
    sig_end: int  # where the part callers depend on ends (a function's body start)
    has_error: bool


def _candidate(node: tree_sitter.Node) -> _Candidate | None:
    kind = node.type

    def make(unit_kind: str, name: str, aliases: list[str], is_static: bool = False,
             sig_end: int | None = None) -> _Candidate:
        return _Candidate(unit_kind, name, node.start_byte, node.end_byte,
                          node.start_point[0] + 1, _end_line(node), tuple(aliases), is_static,
                          node.end_byte if sig_end is None else sig_end, node.has_error)

    if kind == "function_definition":
        name, _ = _declarator_name(node.child_by_field_name("declarator"))
        body = node.child_by_field_name("body")
        if not name:
            return None
        return make("function", name, [], b"static" in _storage(node),
                    body.start_byte if body is not None else None)
    if kind in _TAGGED:
        tag, has_body = _tag_of(node)
        return make("type", tag, _enumerators(node)) if tag and has_body else None
    type_node = node.child_by_field_name("type")
    tag, has_body = _tag_of(type_node)
    tags = [tag] if tag and has_body else []
    if kind == "type_definition":
        names = [n for n, _ in map(_declarator_name, node.children_by_field_name("declarator"))
                 if n]
        if not names:
            return None
        return make("type", names[0], [*names[1:], *tags, *_enumerators(type_node)])
    # a declaration: global variables, or only a type (prototypes and externs are not units)
    storage = _storage(node)
    variables = []
    for declarator in node.children_by_field_name("declarator"):
        name, is_function = _declarator_name(declarator)
        if name is None or is_function:
            continue
        if b"extern" in storage and declarator.type != "init_declarator":
            continue
        variables.append(name)
    if variables:
        return make("global", variables[0], [*variables[1:], *tags, *_enumerators(type_node)],
                    b"static" in storage)
    if tags:
        return make("type", tags[0], _enumerators(type_node))
    return None


class _Names:
    """The identifiers of any span of a file, outside comments and literals.

    The file is reduced once to its words (everything else a space, so offsets hold); a
    unit's names are then one slice and split, with no per-word decoding.
    """

    def __init__(self, data: bytes, spans: list[tuple[int, int]]) -> None:
        self.text = blank_ranges(data, spans).translate(_WORDS).decode("ascii")

    def words(self, start: int, end: int) -> set[str]:
        return set(self.text[start:end].split())

    def refs(self, words: set[str], own: set[str]) -> tuple[Reference, ...]:
        names = {w for w in words - _KEYWORDS if not w[0].isdigit()} - own
        return (Reference("name", tuple(sorted(names))),) if names else ()


def _macro_units(blanked: bytes, prefix: list[int], names: _Names) -> list[UnitRecord]:
    """Constant macros, straight from the text: generated register headers hold millions
    of them, so this path is kept lean (a short value is its own fingerprint)."""
    out = []
    line, pos = 1, 0
    seen: dict[str, int] = {}
    newlines = blanked.count
    text = names.text
    find_line = blanked.rfind
    for match in _MACRO.finditer(blanked):
        start = match.start()
        line_start = find_line(b"\n", 0, start) + 1
        if line_start != start and not blanked[line_start:start].isspace():
            continue  # "#define" inside a line
        line += newlines(b"\n", pos, start)
        pos = start
        name_b, value, raw = match.group(1, 2, 3)
        end_line = line
        if value is not None:  # one line of constant-expression characters
            value = value.rstrip()
            vstart, vend = match.span(2)
        else:
            value = raw.replace(b"\\\n", b" ").strip()
            if not value or not _CONST_VALUE.fullmatch(value):
                continue
            value = b" ".join(value.split())
            vstart, vend = match.span(3)
            end_line += raw.count(b"\n")
        name = name_b.decode()
        refs: tuple[Reference, ...] = ()
        if _NAME_START.search(text, vstart, vend) is not None:  # most values are numbers
            words = names.words(vstart, vend)
            if not _STATEMENT_WORDS.isdisjoint(words):
                continue
            refs = names.refs(words, {name})
        count = seen[name] = seen.get(name, 0) + 1
        src = "=" + value.decode("latin-1") if len(value) <= 32 else _digest(value)
        out.append(UnitRecord(
            "macro", name if count == 1 else f"{name}~{count}", line, end_line,
            1 if end_line == line else span_loc(prefix, line, end_line), src, src, refs))
    return out


def _top_level(node: tree_sitter.Node, stray: list[tree_sitter.Node]):
    """File-scope definitions; top-level text that does not parse goes to `stray` (and the
    definitions tree-sitter's error recovery kept whole inside it are still found)."""
    for child in node.named_children:
        kind = child.type
        if kind in _DEFINITIONS:
            yield child
        elif kind in _CONTAINERS:
            yield from _top_level(child, stray)
        elif kind == "ERROR":  # error recovery often wraps whole definitions: keep them
            stray.append(child)
            yield from _top_level(child, stray)


def _first_error_line(node: tree_sitter.Node) -> tuple[int, bool]:
    """Line of the first syntax error below `node`, and whether it is a missing token."""
    while True:
        for child in node.children:
            if child.is_error or child.is_missing:
                return child.start_point[0] + 1, child.is_missing
            if child.has_error:
                node = child
                break
        else:
            return node.start_point[0] + 1, node.is_missing


def extract(data: bytes, path: str) -> FileUnits:
    """Parse one C file and return its units, its code line count and its warnings.

    A file holding nothing but preprocessor lines (generated register headers: a third of
    the Linux kernel's bytes) has no C syntax to parse: its macros come from the text.
    """
    matches = list(_COMMENT.finditer(data))
    blanked = blank_ranges(data, [m.span() for m in matches if m.lastindex])  # comments
    names = _Names(data, [m.span() for m in matches])  # comments and literals
    del matches
    flags = line_flags(blanked)
    prefix = prefix_counts(flags)

    stray: list[tree_sitter.Node] = []
    candidates: list[_Candidate] = []
    errors: dict[int, tuple[int, bool]] = {}
    directives_only = _C_LINE.search(blanked.replace(b"\\\n", b"  ")) is None
    nodes = () if directives_only else _top_level(parser().parse(data).root_node, stray)
    for node in nodes:
        cand = _candidate(node)
        if cand is not None:
            candidates.append(cand)
            if cand.has_error:
                errors[cand.start] = _first_error_line(node)
    seen: dict[tuple[str, str], int] = {}
    units: list[UnitRecord] = []
    for cand in candidates:
        key = (cand.kind, cand.name)
        seen[key] = seen.get(key, 0) + 1
        name = cand.name if seen[key] == 1 else f"{cand.name}~{seen[key]}"
        own = {cand.name, *(a.lstrip("=") for a in cand.aliases)}
        code = blanked[cand.start:cand.end]
        src_hash = _digest(code)
        units.append(UnitRecord(
            kind=cand.kind,  # type: ignore[arg-type]
            name=name,
            start_line=cand.start_line,
            end_line=cand.end_line,
            loc=span_loc(prefix, cand.start_line, cand.end_line),
            src_hash=src_hash,
            sig_hash=src_hash if cand.sig_end >= cand.end
            else _digest(blanked[cand.start:cand.sig_end]),
            refs=names.refs(names.words(cand.start, cand.end), own),
            aliases=cand.aliases,
            is_static=cand.is_static,
            reason=_error_reason(*errors[cand.start]) if cand.start in errors else None,
        ))
    units.extend(_macro_units(blanked, prefix, names))
    units.sort(key=lambda u: u.start_line)
    warnings = tuple(Warning_(path, n.start_point[0] + 1, "code that does not parse as C "
                              "outside any unit") for n in stray[:20])
    return FileUnits(tuple(units), sum(flags), warnings)


def _error_reason(line: int, missing: bool) -> str:
    return f"parse error (missing token) at line {line}" if missing else \
        f"parse error at line {line}"
