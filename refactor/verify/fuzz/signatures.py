"""C function definitions -> `Signature`s the fuzzer can call, or the reason it cannot.

Pointer parameters get a role from their type and neighbours, as a C programmer reads
them: a pointer next to an integer named like a length (`n`, `len`, `size`, `count`...)
or typed `size_t` is a buffer of that many elements; an unpaired `char *` is a
NUL-terminated string; any other pointer to a scalar or an all-scalar struct points to
one element the callee may read and write (NULL too, when it holds pointers: a
`struct cJSON *`). The target's hints override all of this: "cstring", "buffer:LEN",
"out", "array:N", "skip" (and "*": "skip" for the function). A function may return a
pointer to a structure or a scalar, or a `void *` (compared as NULL or not).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from refactor.translate.c.preprocess import Preprocessed, PreprocessError, preprocess
from refactor.verify.fuzz.cdecls import (
    Declarations,
    base_words,
    declarator_name,
    local_files,
    text,
    walk_top,
)
from refactor.verify.fuzz.model import INT_BITS, CType, Param, Signature
from refactor.verify.fuzz.shapes import Arr, Ptr, Shape, Void, as_value, first_bad, spell

STATIC = "static function: not exported; checked through its callers at `tested`"
SKIPPED = "skipped by the target's hints"
_LENGTH_NAME = re.compile(
    r"(?i)(^n$|^n[a-z]$|len|size|count|cnt|num|cap|max|^sz|bytes|elems?$)")


class _Unsupported(Exception):
    """Internal: why a signature cannot be fuzzed (becomes `Signature.problem`)."""


def read_signatures(c_files: Sequence[Path], include_dirs: Sequence[Path],
                    hints: Mapping[str, Mapping[str, str]] | None = None,
                    defines: Sequence[str] = (),
                    ) -> tuple[dict[str, Signature], Declarations]:
    """Every function defined in `c_files`, by name, and the declarations read for them.

    Each file is read as the compiler sees it (`cc -E` with the include dirs and defines),
    so macros in declarations (`API(int) f(void)`, array sizes) are expanded and system
    types are known; a file that does not preprocess is read as written, with its local
    headers. A non-static definition wins over a static one of the same name.
    """
    from refactor.scan.c._parser import parser

    sources = [_as_compiled(Path(f), include_dirs, defines) for f in c_files]
    raw = [Path(f) for f, src in zip(c_files, sources, strict=True) if src is None]
    decls = Declarations([*(src.text for src in sources if src is not None),
                          *(p.read_bytes() for p in local_files(raw, list(include_dirs)))])
    found: dict[str, Signature] = {}
    for c_file, src in zip(c_files, sources, strict=True):
        tree = parser().parse(src.text if src is not None else Path(c_file).read_bytes())
        for node in walk_top(tree.root_node):
            row = node.start_point[0]
            if node.type != "function_definition" or (src is not None and not src.in_main(row)):
                continue
            sig = _signature(node, Path(c_file), decls, hints or {})
            if sig is not None and src is not None:
                sig = dataclasses.replace(sig, line=src.origin(row)[1])
            if sig is not None and (sig.name not in found or found[sig.name].problem == STATIC):
                found[sig.name] = sig
    return found, decls


def _as_compiled(c_file: Path, include_dirs: Sequence[Path],
                 defines: Sequence[str]) -> Preprocessed | None:
    try:
        return preprocess(c_file, include_dirs, defines)
    except PreprocessError:
        return None


def global_type(decls: Declarations, name: str) -> CType | str:
    """The type of a file-scope variable, or a sentence saying why it cannot be read."""
    if name not in decls.variables:
        return f"global {name} is not declared in the target's C files"
    words, declarator = decls.variables[name]
    value = as_value(decls.resolve(words, declarator))
    return value if isinstance(value, CType) else f"global {name} {value}"


def _function_declarator(fn: Any) -> tuple[Any, int]:
    decl = fn.child_by_field_name("declarator")
    depth = 0
    while decl is not None and decl.type == "pointer_declarator":
        depth += 1
        decl = decl.child_by_field_name("declarator")
    return decl, depth


def _signature(fn: Any, c_file: Path, decls: Declarations,
               hints: Mapping[str, Mapping[str, str]]) -> Signature | None:
    decl, ret_depth = _function_declarator(fn)
    if decl is None or decl.type != "function_declarator":
        return None
    name = declarator_name(decl.child_by_field_name("declarator")) or "?"
    sig = Signature(name=name, file=str(c_file), line=fn.start_point[0] + 1)
    storage = {text(c) for c in fn.children if c.type == "storage_class_specifier"}
    if "static" in storage:
        return dataclasses.replace(sig, problem=STATIC)
    if "inline" in storage and "extern" not in storage:
        return dataclasses.replace(sig, problem="inline function without `extern`: not "
                                   "exported; checked through its callers at `tested`")
    hint = hints.get(name, {})
    if hint.get("*") == "skip":
        return dataclasses.replace(sig, problem=SKIPPED)
    try:
        returns = _returns(decls.base(base_words(fn)), ret_depth)
        params = _params(decl.child_by_field_name("parameters"), decls, hint)
        roots = [p.type for p in params] + ([returns] if isinstance(returns, CType) else [])
        structs = _structs(roots, decls)
    except _Unsupported as exc:
        return dataclasses.replace(sig, problem=str(exc))
    return dataclasses.replace(sig, params=params, returns=returns, structs=structs)


def _structs(roots: list[CType], decls: Declarations) -> tuple[tuple[str, CType], ...]:
    """Every structure a pointer in `roots` may lead to, by tag."""
    table: dict[str, CType] = {}
    todo = list(roots)
    while todo:
        t = todo.pop()
        if t.kind == "ref" and t.tag not in table:
            done = decls.structs_done.get(t.tag)
            if not isinstance(done, CType):
                why = done.why if done is not None else "it has no definition"
                raise _Unsupported(f"a pointer leads to {t.tag}, which cannot be generated: "
                                   f"{why}")
            table[t.tag] = done
            todo.append(done)
        todo.extend(ft for _, ft in t.fields)
        if t.element is not None:
            todo.append(t.element)
    return tuple(sorted(table.items()))


def _returns(base: Shape, depth: int) -> CType | str | None:
    shape = base
    for _ in range(depth):
        shape = Ptr(shape)
    if isinstance(shape, Void):
        return None
    if isinstance(shape, CType):
        return shape
    if (isinstance(shape, Ptr) and isinstance(shape.target, CType)
            and shape.target.scalar in ("i8", "u8")):
        return "string"
    if isinstance(shape, Ptr):
        value = as_value(shape)
        if isinstance(value, CType):
            return value
        raise _Unsupported(f"returns {spell(shape)}: it {value}")
    bad = first_bad(shape)
    why = f": {bad.why}" if bad is not None else " (only scalars, structs, pointers to " \
        "them and char * strings are compared)"
    raise _Unsupported(f"returns {spell(shape)}{why}")


def _params(node: Any, decls: Declarations, hint: Mapping[str, str]) -> tuple[Param, ...]:
    raw: list[tuple[str, Shape]] = []
    children = [c for c in (node.named_children if node is not None else [])
                if c.type != "comment"]
    for child in children:
        if child.type == "variadic_parameter":
            raise _Unsupported("variadic parameter list (...) cannot be generated")
        if child.type != "parameter_declaration":
            raise _Unsupported(f"old-style or unreadable parameter `{text(child)}`")
        declarator = child.child_by_field_name("declarator")
        shape = decls.resolve(base_words(child), declarator)
        pname = declarator_name(declarator) or f"#{len(raw) + 1}"
        if isinstance(shape, Void) and declarator is None and len(children) == 1:
            return ()  # f(void)
        raw.append((pname, shape))
    names = {n for n, _ in raw}
    for key in hint:
        if key != "*" and key not in names:
            raise _Unsupported(f"the target's hints name parameter {key}, which this "
                               f"function does not have (its parameters: "
                               f"{', '.join(sorted(names)) or 'none'})")
    params = [_param(pname, shape, hint.get(pname, "")) for pname, shape in raw]
    return tuple(_pair(params, hint))


def _param(name: str, shape: Shape, hint: str) -> Param:
    """A parameter's role before pairing; `role` "pointee" is any single pointer."""
    if hint == "skip":
        raise _Unsupported(f"{SKIPPED} (parameter {name})")
    bad = first_bad(shape)
    if bad is not None:
        raise _Unsupported(f"parameter {name} has type {spell(shape)}: {bad.why}")
    if isinstance(shape, Arr):  # a parameter of array type is a pointer (C11 6.7.6.3p7)
        if shape.count:
            return Param(name, "array", _element(name, shape, shape.target), count=shape.count)
        shape = Ptr(shape.target)
    if isinstance(shape, CType):
        return Param(name, "value", shape)
    if isinstance(shape, Void):
        raise _Unsupported(f"parameter {name} has type void")
    assert isinstance(shape, Ptr)
    if isinstance(shape.target, Void):
        return Param(name, "pointee", CType("scalar", "void", scalar="u8"), length="void")
    return Param(name, "pointee", _element(name, shape, shape.target))


def _element(name: str, shape: Shape, target: Shape) -> CType:
    value = "is a pointer" if isinstance(target, Ptr) else as_value(target)
    if isinstance(value, str):
        what = "is a pointer to a pointer" if isinstance(target, Ptr) else f"points to a " \
            f"value that {value}"
        raise _Unsupported(f"parameter {name} ({spell(shape)}) {what}")
    return value


def _is_length(param: Param) -> bool:
    return (param.role == "value" and param.type.kind == "scalar"
            and param.type.scalar in INT_BITS and not param.type.values
            and (_LENGTH_NAME.search(param.name) is not None or param.type.scalar == "u64"))


def _pair(params: list[Param], hint: Mapping[str, str]) -> list[Param]:
    """Apply the hints, pair buffers with their lengths, name strings and pointees."""
    index = {p.name: i for i, p in enumerate(params)}
    claimed: set[int] = set()
    for i, param in enumerate(params):
        how = hint.get(param.name, "")
        if not how:
            continue
        if param.role not in ("pointee", "array", "string", "buffer"):
            raise _Unsupported(f"hint {how!r} for parameter {param.name}, which is not a "
                               "pointer")
        if how == "cstring":
            if param.type.scalar not in ("i8", "u8"):
                raise _Unsupported(f"hint 'cstring' for parameter {param.name}, which does "
                                   f"not point to char ({param.type.name})")
            params[i] = dataclasses.replace(param, role="string", length="")
        elif how == "out":
            params[i] = dataclasses.replace(param, role="pointee", length="")
        elif how.startswith("array:") and how[6:].isdigit() and int(how[6:]) > 0:
            params[i] = dataclasses.replace(param, role="array", count=int(how[6:]), length="")
        elif how.startswith("buffer:") and how[7:] in index:
            j = index[how[7:]]
            if params[j].role != "value" or params[j].type.scalar not in INT_BITS:
                raise _Unsupported(f"hint {how!r} for parameter {param.name}: {how[7:]} is "
                                   "not an integer parameter")
            params[i] = dataclasses.replace(param, role="buffer", length=how[7:])
            params[j] = dataclasses.replace(params[j], role="length")
            claimed.add(j)
        else:
            raise _Unsupported(f"hint {how!r} for parameter {param.name} is not one of "
                               "cstring, buffer:LEN (a parameter name), out, array:N, skip")
        claimed.add(i)
    for i, param in enumerate(params):
        if i in claimed or param.role != "pointee":
            continue
        for j in (i + 1, i - 1):
            if 0 <= j < len(params) and j not in claimed and _is_length(params[j]):
                params[i] = dataclasses.replace(param, role="buffer", length=params[j].name)
                params[j] = dataclasses.replace(params[j], role="length")
                claimed.update((i, j))
                break
        else:
            if param.length == "void":
                raise _Unsupported(f"parameter {param.name} is a void * without a length "
                                   f"(hint it as buffer:LEN or skip the function)")
            if param.type.kind == "scalar" and param.type.scalar == "i8":
                params[i] = dataclasses.replace(param, role="string")
    return params
