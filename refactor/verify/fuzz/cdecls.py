"""The C declarations a fuzzed function's types depend on, read with tree-sitter-c.

Typedefs, structure and enum definitions, integer `#define`s and file-scope variables
are collected from the target's C files and the local headers they include (system
headers are not read: a type only they define, such as `FILE`, stays unknown and makes
its user unsupported). `resolve` turns a declaration into a `shapes.Shape`. A structure
met again while its own fields are read (`struct node *next`) is a `CType` of kind
"ref"; finished structures are kept in `Declarations.structs_done`, the table refs are
looked up in.

Declarators are read outside-in (C11 6.7.6): in `int *a[4]` the pointer applies to the
element, so `a` is an array of four pointers.
"""

from __future__ import annotations

import ast
import operator
import re
from pathlib import Path
from typing import Any

from refactor.verify.fuzz.model import CType
from refactor.verify.fuzz.shapes import Arr, Bad, FnPtr, Ptr, Shape, Void, as_value

_BUILTIN: dict[tuple[str, ...], str] = {}
for _code, _spellings in {
    "i8": ["char", "signed char", "int8_t"],
    "u8": ["unsigned char", "uint8_t", "u_int8_t"],
    "i16": ["short", "short int", "signed short", "signed short int", "int16_t"],
    "u16": ["unsigned short", "unsigned short int", "uint16_t", "u_int16_t"],
    "i32": ["int", "signed", "signed int", "int32_t"],
    "u32": ["unsigned", "unsigned int", "uint32_t", "u_int32_t"],
    "i64": ["long", "long int", "signed long", "signed long int", "long long",
            "long long int", "signed long long", "signed long long int", "int64_t",
            "ssize_t", "ptrdiff_t", "intptr_t", "intmax_t", "off_t"],
    "u64": ["unsigned long", "unsigned long int", "unsigned long long",
            "unsigned long long int", "uint64_t", "u_int64_t", "size_t", "uintptr_t",
            "uintmax_t"],
    "bool": ["_Bool", "bool"],
    "f32": ["float"],
    "f64": ["double"],
}.items():
    for _spelling in _spellings:
        _BUILTIN[tuple(sorted(_spelling.split()))] = _code

QUALIFIERS = frozenset({"const", "volatile", "restrict", "__restrict", "__restrict__",
                        "register", "inline", "extern", "static", "_Thread_local"})
_TAGGED = frozenset({"struct_specifier", "union_specifier", "enum_specifier"})
_INCLUDE = re.compile(rb'^[ \t]*#[ \t]*include[ \t]*"([^"]+)"', re.MULTILINE)


def text(node: Any) -> str:
    return node.text.decode("utf-8", "replace")


def walk_top(node: Any) -> list[Any]:
    """Top-level items, looking through `#if` blocks and `extern "C"`."""
    out = []
    for child in node.children:
        if child.type in ("preproc_if", "preproc_ifdef", "preproc_else", "preproc_elif",
                          "linkage_specification", "declaration_list"):
            out.extend(walk_top(child))
        else:
            out.append(child)
    return out


def local_files(c_files: list[Path], include_dirs: list[Path], limit: int = 200) -> list[Path]:
    """The C files and the local headers they include, transitively (at most `limit`)."""
    seen: list[Path] = []
    todo = [Path(f).resolve() for f in c_files]
    while todo and len(seen) < limit:
        path = todo.pop(0)
        if path in seen or not path.is_file():
            continue
        seen.append(path)
        for name in _INCLUDE.findall(path.read_bytes()):
            rel = name.decode("utf-8", "replace")
            for base in (path.parent, *include_dirs):
                if (Path(base) / rel).is_file():
                    todo.append((Path(base) / rel).resolve())
                    break
    return seen


def base_words(decl: Any) -> list[str]:
    """Type words of a declaration with qualifiers dropped; a struct, union or enum
    specifier becomes its keyword and its tag."""
    type_node = decl.child_by_field_name("type")
    if type_node is None:
        return []
    if type_node.type in ("struct_specifier", "union_specifier", "enum_specifier"):
        tag = type_node.child_by_field_name("name")
        return [type_node.type.split("_")[0], text(tag) if tag is not None else ""]
    return [w for w in text(type_node).split() if w not in QUALIFIERS]


_OPS: dict[type, Any] = {ast.Add: operator.add, ast.Sub: operator.sub,
                         ast.Mult: operator.mul, ast.FloorDiv: operator.floordiv,
                         ast.LShift: operator.lshift, ast.RShift: operator.rshift,
                         ast.USub: operator.neg, ast.UAdd: operator.pos}


class Declarations:
    """Everything the types of the target's functions may refer to."""

    def __init__(self, sources: list[bytes]) -> None:
        from refactor.scan.c._parser import parser

        self.typedefs: dict[str, tuple[list[str], Any]] = {}  # name -> (words, declarator)
        self.structs: dict[str, Any] = {}  # "struct tag" -> specifier node with a body
        self.enums: dict[str, tuple[int, ...] | None] = {}
        self.constants: dict[str, int] = {}
        self.variables: dict[str, tuple[list[str], Any]] = {}  # file-scope variables
        self._building: set[str] = set()
        self.structs_done: dict[str, CType | Bad] = {}  # "struct tag" -> its type
        for source in sources:
            tree = parser().parse(source)
            for node in walk_top(tree.root_node):
                self._collect(node)

    # ------------------------------------------------------------------ collection

    def _collect(self, node: Any) -> None:
        if node.type == "preproc_def":
            name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
            if name is not None and value is not None:
                number = self.constant(text(value).strip())
                if number is not None:
                    self.constants[text(name)] = number
            return
        if node.type not in ("type_definition", "declaration", *_TAGGED):
            return
        bare = node.type in _TAGGED
        spec = node if bare else node.child_by_field_name("type")
        words = [] if bare else base_words(node)
        declarators = [] if bare else node.children_by_field_name("declarator")
        if spec is not None and spec.type in _TAGGED:
            tag = spec.child_by_field_name("name")
            keyword = spec.type.split("_")[0]
            if tag is None and node.type == "type_definition" and declarators:
                key = f"{keyword} {text(declarators[0])}"  # anonymous: named by its typedef
                words = [keyword, text(declarators[0])]
            else:
                key = f"{keyword} {text(tag)}" if tag is not None else ""
            if key and spec.type == "enum_specifier":
                self.enums[key] = self._enum_values(spec)
            elif key and spec.child_by_field_name("body") is not None:
                self.structs[key] = spec
        for decl in declarators:
            if node.type == "type_definition":
                name = declarator_name(decl)
                if name:
                    self.typedefs[name] = (words, decl)
            elif node.type == "declaration" and not _is_function(decl):
                inner = decl.child_by_field_name("declarator") \
                    if decl.type == "init_declarator" else decl
                name = declarator_name(inner)
                if name:
                    self.variables[name] = (words, inner)

    def _enum_values(self, spec: Any) -> tuple[int, ...] | None:
        body = spec.child_by_field_name("body")
        if body is None:
            return None
        values: list[int] = []
        nxt = 0
        for item in body.named_children:
            if item.type != "enumerator":
                continue
            value_node = item.child_by_field_name("value")
            if value_node is not None:
                number = self.constant(text(value_node))
                if number is None:
                    return None
                nxt = number
            name_node = item.child_by_field_name("name")
            if name_node is not None:
                self.constants[text(name_node)] = nxt
            values.append(nxt)
            nxt += 1
        return tuple(dict.fromkeys(values))

    def constant(self, expr: str) -> int | None:
        """An integer constant expression made of literals, known constants and + - * / << >>."""
        cleaned = re.sub(r"(?<=[0-9a-fA-F])[uUlL]+\b", "", expr.strip())
        cleaned = re.sub(r"\b0([0-7]+)\b", r"0o\1", cleaned)
        try:
            tree = ast.parse(cleaned.replace("/", "//"), mode="eval")
        except SyntaxError:
            return None
        return self._eval(tree.body)

    def _eval(self, node: ast.AST) -> int | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, int):
            return node.value
        if isinstance(node, ast.Name):
            return self.constants.get(node.id)
        if isinstance(node, ast.UnaryOp) and type(node.op) in _OPS:
            inner = self._eval(node.operand)
            return None if inner is None else int(_OPS[type(node.op)](inner))
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            left, right = self._eval(node.left), self._eval(node.right)
            if left is None or right is None or (isinstance(node.op, ast.FloorDiv)
                                                 and right == 0):
                return None
            return int(_OPS[type(node.op)](left, right))
        return None

    # ------------------------------------------------------------------ resolution

    def resolve(self, words: list[str], declarator: Any) -> Shape:
        """The shape of `words declarator` (declarator may be None: an abstract type)."""
        shape = self.base(words)
        for kind, arg in declarator_ops(declarator):
            if kind == "bad":
                cls = FnPtr if arg == "function pointer" else Bad
                return cls(f"{' '.join(words)} ({arg})", f"a {arg} cannot be generated")
            size = self.constant(arg) if arg else None
            shape = Ptr(shape) if kind == "ptr" else Arr(shape, size)
        return shape

    def base(self, words: list[str]) -> Shape:
        spelling = " ".join(words)
        key = tuple(sorted(words))
        if key in _BUILTIN:
            return CType("scalar", spelling, scalar=_BUILTIN[key])
        if key == ("void",):
            return Void()
        if len(words) == 2 and words[0] == "enum":
            values = self.enums.get(spelling)
            if not values:
                return Bad(spelling, f"the values of {spelling} are unknown")
            code = "i32" if min(values) < 0 else "u32"
            return CType("scalar", spelling, scalar=code, values=values)
        if len(words) == 2 and words[0] in ("struct", "union"):
            return self._struct(spelling)
        if len(words) == 1 and words[0] in self.typedefs:
            if words[0] in self._building:
                return Bad(words[0], f"typedef {words[0]} refers to itself")
            self._building.add(words[0])
            try:
                inner_words, decl = self.typedefs[words[0]]
                shape = self.resolve(inner_words, decl)
            finally:
                self._building.discard(words[0])
            return _renamed(shape, words[0])
        return Bad(spelling or "?", f"{spelling or '?'} is neither a scalar the fuzzer "
                   "generates nor a type defined in the target's own files (system types "
                   "such as FILE are opaque)")

    def _struct(self, key: str) -> Shape:
        if key.startswith("union"):
            return Bad(key, "unions are not generated")
        spec = self.structs.get(key)
        if spec is None:
            return Bad(key, f"{key} has no definition in the target's files")
        if key in self.structs_done:
            return self.structs_done[key]
        if key in self._building:
            return CType("ref", key, tag=key)  # fine behind a pointer, see as_value
        self._building.add(key)
        try:
            done = self._struct_body(key, spec)
            self.structs_done[key] = done
            return done
        finally:
            self._building.discard(key)

    def _struct_body(self, key: str, spec: Any) -> CType | Bad:
        fields: list[tuple[str, CType]] = []
        body = spec.child_by_field_name("body")
        for item in body.named_children:
            if item.type != "field_declaration":
                continue
            if any(c.type == "bitfield_clause" for c in item.children):
                return Bad(key, f"{key} has a bit-field")
            declarators = item.children_by_field_name("declarator")
            spec = item.child_by_field_name("type")
            if not declarators and spec is not None and spec.type in ("struct_specifier",
                                                                      "union_specifier"):
                return Bad(key, f"{key} has an anonymous member (C11 6.7.2.1p13)")
            words = self._nested(key, item, declarators) or base_words(item)
            for decl in declarators:
                fname = declarator_name(decl) or "?"
                shape = self.resolve(words, decl)
                field = as_value(shape)
                if isinstance(field, str):
                    return Bad(key, f"field {fname} of {key} {field}")
                fields.append((fname, field))
        if not fields:
            return Bad(key, f"{key} has no fields")
        return CType("struct", key, fields=tuple(fields), tag=key)

    def _nested(self, key: str, item: Any, declarators: list[Any]) -> list[str]:
        """The type words of a field whose structure or union is defined in place
        (`struct { int n; } table;`), after registering that definition; [] otherwise."""
        spec = item.child_by_field_name("type")
        if spec is None or spec.type not in ("struct_specifier", "union_specifier") \
                or spec.child_by_field_name("body") is None:
            return []
        keyword, tag = spec.type.split("_")[0], spec.child_by_field_name("name")
        field = declarator_name(declarators[0]) if declarators else None
        name = text(tag) if tag is not None else f"{key.split()[-1]}::{field or '?'}"
        self.structs.setdefault(f"{keyword} {name}", spec)
        return [keyword, name]


def _renamed(shape: Shape, name: str) -> Shape:
    if isinstance(shape, CType) and shape.kind not in ("array", "ref", "pointer", "string",
                                                       "opaque"):
        return CType(shape.kind, name, scalar=shape.scalar, values=shape.values,
                     element=shape.element, count=shape.count, fields=shape.fields,
                     tag=shape.tag)
    return shape


def _is_function(decl: Any) -> bool:
    node = decl
    while node is not None:
        if node.type == "function_declarator":
            return True
        node = node.child_by_field_name("declarator")
    return False


def declarator_name(node: Any) -> str | None:
    while node is not None:
        if node.type in ("identifier", "type_identifier", "field_identifier"):
            return text(node)
        inner = node.child_by_field_name("declarator")
        if inner is None and node.type == "parenthesized_declarator" and node.named_children:
            inner = node.named_children[0]
        node = inner
    return None


def declarator_ops(node: Any) -> list[tuple[str, str]]:
    """Type constructors of a declarator, outside-in, which is the order they apply to
    the base type: ("ptr", ""), ("arr", size text or ""), or ("bad", why not)."""
    ops: list[tuple[str, str]] = []
    while node is not None:
        kind = node.type
        if kind in ("pointer_declarator", "abstract_pointer_declarator"):
            ops.append(("ptr", ""))
        elif kind in ("array_declarator", "abstract_array_declarator"):
            size = node.child_by_field_name("size")
            ops.append(("arr", text(size) if size is not None else ""))
        elif kind in ("identifier", "type_identifier", "field_identifier"):
            break
        elif kind in ("function_declarator", "abstract_function_declarator",
                      "parenthesized_declarator", "abstract_parenthesized_declarator"):
            return [("bad", "function pointer")]
        else:
            return [("bad", f"declarator {kind}")]
        node = node.child_by_field_name("declarator")
    return ops
