"""Differential harness: call a C original and its Rust translation with the same inputs.

Level 2 of DESIGN.md ("fuzzed"): the C file is compiled to a shared library, the Rust
module to a cdylib (debug assertions on, so an overflow the translator did not wrap
panics), and every exported function whose parameters ctypes can marshal is called on
both sides with the same edge-value inputs. Return values, out-parameters and buffers
(with a guard zone past their end) must agree after each call; so must crashes.

Each side runs in its own child process (this file run as a script) that loads the
library once and forks once per input: every call starts from the library's initial
state, a crash (SIGSEGV, or the abort of a Rust panic, whose message is kept) ends only
that fork, and an alarm turns a hang into a result. Both sides crashing counts as
agreement, whatever the signal: a bounds-check panic is the safe translation of a C
memory fault. Signed zeros are told apart; all NaNs are equal.

    sigs = c_signatures(c_file, [include_dir])
    c_lib = compile_c_shared(c_file, [include_dir], tmp)
    rust_lib = build_rust_cdylib(rs_file, tmp)
    for sig in sigs:
        if sig.problem is None:
            mismatches = compare(c_lib, rust_lib, sig, edge_inputs(sig))
"""

from __future__ import annotations

import base64
import ctypes
import dataclasses
import itertools
import math
import os
import pickle
import random
import re
import selectors
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "BuildError",
    "Mismatch",
    "Param",
    "Signature",
    "build_rust_cdylib",
    "c_signatures",
    "compare",
    "compile_c_shared",
    "edge_inputs",
]

BUILD_TIMEOUT = 180.0
CASE_TIMEOUT = 2.0  # seconds one call may take before it counts as a hang
MAX_HANGS = 2  # per side and function; later inputs are then not run
MAX_CASES = 200
GUARD = 8  # elements after every buffer: a write past the end shows up as a difference

# ---------------------------------------------------------------------------- types

# Scalar codes -> (bits, signed); "f32"/"f64" are floats, "bool" is C99 _Bool. LP64.
_INT_BITS: dict[str, tuple[int, bool]] = {
    "i8": (8, True), "u8": (8, False), "i16": (16, True), "u16": (16, False),
    "i32": (32, True), "u32": (32, False), "i64": (64, True), "u64": (64, False),
}
_FLOATS = frozenset({"f32", "f64"})

_BUILTIN: dict[tuple[str, ...], str] = {}
for _code, _spellings in {
    "i8": ["char", "signed char"],
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

_QUALIFIERS = frozenset({"const", "volatile", "restrict", "__restrict", "__restrict__",
                         "register", "inline", "extern"})
_LENGTH_NAME = re.compile(r"(?i)(^n$|^n[a-z]$|len|size|count|cnt|num|cap|max|^sz|bytes|elems?$)")
_INCLUDE = re.compile(rb'^[ \t]*#[ \t]*include[ \t]*"([^"]+)"', re.MULTILINE)


@dataclass(frozen=True)
class Param:
    """One C parameter as the harness marshals it.

    role: "value" (scalar by value), "string" (NUL-terminated char *), "buffer" (T *
    paired with a "length" parameter, counted in elements), "length", or "pointer"
    (T * to one scalar: an in/out parameter). scalar: the element code ("i32", "u8", ...).
    """

    name: str
    role: str
    scalar: str
    const: bool = False
    values: tuple[int, ...] = ()  # an enum's values: the only ones that may be passed


@dataclass(frozen=True)
class Signature:
    """A non-static C function definition; `problem` says why inputs cannot be generated."""

    name: str
    line: int
    params: tuple[Param, ...] = ()
    returns: str | None = None  # scalar code, "string" (char *), or None for void
    problem: str | None = None


@dataclass(frozen=True)
class Mismatch:
    """One input on which the C original and the Rust translation disagree."""

    function: str
    inputs: tuple[Any, ...]
    what: str
    c: str
    rust: str

    def __str__(self) -> str:
        args = ", ".join(_short(v) for v in self.inputs)
        return f"{self.function}({args}): {self.what} differs: C {self.c}; Rust {self.rust}"


class BuildError(RuntimeError):
    """A C or Rust library did not build; the message carries the command and its output."""


# ---------------------------------------------------------------------------- builds


def _build(cmd: list[str], what: Path, out: Path) -> Path:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        raise BuildError(f"{what}: build timed out after {BUILD_TIMEOUT:.0f} s: "
                         f"{' '.join(cmd)}") from exc
    if proc.returncode != 0:
        raise BuildError(f"{what}: build failed ({' '.join(cmd)}):\n{proc.stderr[-4000:]}")
    return out


def compile_c_shared(c_file: Path, include_dirs: list[Path], out_dir: Path) -> Path:
    """Compile one C file into `out_dir/lib<stem>_c.so`, as the program itself would be."""
    out = Path(out_dir) / f"lib{Path(c_file).stem}_c.so"
    cmd = ["gcc", "-shared", "-fPIC", "-O1", "-fno-strict-aliasing", "-w",
           *(f"-I{d}" for d in include_dirs), "-o", str(out), str(c_file),
           "-Wl,--no-undefined", "-lm"]
    return _build(cmd, Path(c_file), out)


def build_rust_cdylib(rs_file: Path, out_dir: Path) -> Path:
    """Build one Rust module as a cdylib with overflow checks on (`lib<stem>_rs.so`)."""
    crate = re.sub(r"\W", "_", Path(rs_file).stem) + "_rs"
    out = Path(out_dir) / f"lib{crate}.so"
    cmd = ["rustc", "--edition", "2021", "--crate-type", "cdylib", "--crate-name", crate,
           "-C", "opt-level=0", "-C", "debug-assertions=on", "-A", "warnings",
           "-o", str(out), str(rs_file)]
    return _build(cmd, Path(rs_file), out)


# ---------------------------------------------------------------------------- signatures


def _text(node: Any) -> str:
    return node.text.decode("utf-8", "replace")


def _headers(c_file: Path, include_dirs: list[Path], limit: int = 50) -> list[Path]:
    """The file and the local headers it includes (transitively, at most `limit`)."""
    seen: list[Path] = []
    todo = [Path(c_file)]
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


def _declarator_shape(node: Any) -> tuple[str | None, int, str | None]:
    """(name, pointer depth, problem) of a parameter or typedef declarator."""
    depth = 0
    while node is not None:
        if node.type in ("pointer_declarator", "abstract_pointer_declarator",
                         "array_declarator", "abstract_array_declarator"):
            depth += 1
            node = node.child_by_field_name("declarator")
        elif node.type in ("identifier", "type_identifier"):
            return _text(node), depth, None
        elif node.type in ("function_declarator", "abstract_function_declarator",
                           "parenthesized_declarator", "abstract_parenthesized_declarator"):
            return None, depth, "is a function pointer"
        else:
            return None, depth, f"has an unsupported declarator ({node.type})"
    return None, depth, None


def _base_words(decl: Any) -> tuple[list[str], bool]:
    """Type words of a declaration (qualifiers dropped) and whether `const` was among them.

    A struct, union or enum specifier becomes two words, its keyword and its tag ("" when
    anonymous), whether or not it carries a body.
    """
    type_node = decl.child_by_field_name("type")
    if type_node is None:
        words = []
    elif type_node.type in ("struct_specifier", "union_specifier", "enum_specifier"):
        tag = type_node.child_by_field_name("name")
        words = [type_node.type.split("_")[0], _text(tag) if tag is not None else ""]
    else:
        words = _text(type_node).split()
    const = any(c.type == "type_qualifier" and _text(c) == "const" for c in decl.children)
    return [w for w in words if w not in _QUALIFIERS], const


def _enum_values(spec: Any) -> tuple[int, ...] | None:
    """Values of an enum body whose enumerators are literals or earlier enumerators."""
    body = spec.child_by_field_name("body")
    if body is None:
        return None
    known: dict[str, int] = {}
    values = []
    nxt = 0
    for item in body.named_children:
        if item.type != "enumerator":
            continue
        value_node = item.child_by_field_name("value")
        if value_node is not None:
            text = _text(value_node).strip().rstrip("uUlL")
            try:
                nxt = known[text] if text in known else int(text, 0)
            except ValueError:
                try:  # a negative literal, a parenthesised one
                    nxt = int(text.replace("(", "").replace(")", "").replace(" ", ""), 0)
                except ValueError:
                    return None
        name_node = item.child_by_field_name("name")
        if name_node is not None:
            known[_text(name_node)] = nxt
        values.append(nxt)
        nxt += 1
    return tuple(dict.fromkeys(values))


class _Types:
    """Typedefs (name -> (words, pointer depth)) and enums ("enum tag" -> values)."""

    def __init__(self, files: list[Path]) -> None:
        from refactor.scan.c._parser import parser

        self.typedefs: dict[str, tuple[list[str], int]] = {}
        self.enums: dict[str, tuple[int, ...] | None] = {}
        for path in files:
            tree = parser().parse(path.read_bytes())
            for node in _walk_top(tree.root_node):
                if node.type not in ("type_definition", "declaration", "enum_specifier"):
                    continue
                spec = node if node.type == "enum_specifier" else node.child_by_field_name("type")
                words, _ = _base_words(node) if node.type != "enum_specifier" else ([], False)
                if spec is not None and spec.type == "enum_specifier":
                    tag = spec.child_by_field_name("name")
                    if tag is not None:
                        self.enums[f"enum {_text(tag)}"] = _enum_values(spec)
                    elif node.type == "type_definition":
                        for decl in node.children_by_field_name("declarator"):
                            self.enums[f"enum {_text(decl)}"] = _enum_values(spec)
                            self.typedefs[_text(decl)] = (["enum", _text(decl)], 0)
                        continue
                if node.type != "type_definition":
                    continue
                for decl in node.children_by_field_name("declarator"):
                    name, depth, problem = _declarator_shape(decl)
                    if name and not problem:
                        self.typedefs[name] = (words, depth)

    def resolve(self, words: list[str],
                depth: int) -> tuple[str | None, int, str, tuple[int, ...]]:
        """Follow typedefs to (scalar code or None, pointer depth, C spelling, enum values)."""
        spelling = " ".join(words)
        for _ in range(16):
            key = tuple(sorted(words))
            if key in _BUILTIN:
                return _BUILTIN[key], depth, spelling, ()
            if key == ("void",):
                return "void", depth, spelling, ()
            if len(words) == 2 and words[0] == "enum":
                values = self.enums.get(" ".join(words))
                if not values:
                    return None, depth, f"{spelling} (enumerator values unknown)", ()
                return ("i32" if min(values) < 0 else "u32"), depth, spelling, values
            if len(words) == 1 and words[0] in self.typedefs:
                words, extra = self.typedefs[words[0]]
                depth += extra
                continue
            break
        return None, depth, spelling, ()


def _walk_top(node: Any) -> list[Any]:
    """Top-level definitions, looking through `#if` blocks and `extern "C"`."""
    out = []
    for child in node.children:
        if child.type in ("preproc_if", "preproc_ifdef", "preproc_else", "preproc_elif",
                          "linkage_specification", "declaration_list"):
            out.extend(_walk_top(child))
        else:
            out.append(child)
    return out


def _is_length(param: Param) -> bool:
    return (param.role == "value" and param.scalar in _INT_BITS
            and (_LENGTH_NAME.search(param.name) is not None or param.scalar == "u64"))


def _signature(fn: Any, types: _Types) -> Signature | None:
    storage = {_text(c) for c in fn.children if c.type == "storage_class_specifier"}
    if "static" in storage or ("inline" in storage and "extern" not in storage):
        return None  # not exported by the C library
    line = fn.start_point[0] + 1
    ret_depth = 0
    decl = fn.child_by_field_name("declarator")
    while decl is not None and decl.type == "pointer_declarator":
        ret_depth += 1
        decl = decl.child_by_field_name("declarator")
    if decl is None or decl.type != "function_declarator":
        return Signature(name="?", line=line, problem="cannot read the declaration")
    name_node = decl.child_by_field_name("declarator")
    name = _text(name_node) if name_node is not None else "?"
    if name == "main":
        return None

    def fail(why: str) -> Signature:
        return Signature(name=name, line=line, problem=f"inputs cannot be generated: {why}")

    words, _ = _base_words(fn)
    ret_code, ret_depth, ret_spelling, _ = types.resolve(words, ret_depth)
    if ret_depth == 0 and ret_code == "void":
        returns = None
    elif ret_depth == 0 and ret_code is not None:
        returns = ret_code
    elif ret_depth == 1 and ret_code == "i8":
        returns = "string"
    else:
        return fail(f"returns {ret_spelling}{' ' + '*' * ret_depth if ret_depth else ''}")

    raw: list[tuple[Param, bool]] = []  # (param, points to void) before pairing
    params_node = decl.child_by_field_name("parameters")
    for child in params_node.named_children if params_node is not None else []:
        if child.type == "variadic_parameter":
            return fail("variadic parameter list")
        if child.type != "parameter_declaration":
            if child.type == "comment":
                continue
            return fail(f"old-style or unreadable parameter `{_text(child)}`")
        words, const = _base_words(child)
        pname, depth, problem = _declarator_shape(child.child_by_field_name("declarator"))
        code, depth, spelling, values = types.resolve(words, depth)
        label = pname or f"#{len(raw) + 1}"
        if problem:
            return fail(f"parameter {label} {problem}")
        if code == "void" and depth == 0:
            if pname is None and len(params_node.named_children) == 1:
                break  # f(void)
            return fail(f"parameter {label} has type void")
        if code is None:
            return fail(f"parameter {label} has type {spelling}{' ' + '*' * depth}".rstrip())
        if depth > 1:
            return fail(f"parameter {label} is a pointer to a pointer ({spelling} {'*' * depth})")
        role = "value" if depth == 0 else "pointer"
        scalar = "u8" if code == "void" else code
        raw.append((Param(name=pname or label, role=role, scalar=scalar, const=const,
                          values=values),
                    code == "void"))

    params = [p for p, _ in raw]
    for i, (param, is_void) in enumerate(raw):
        if param.role != "pointer":
            continue
        after = params[i + 1] if i + 1 < len(params) else None
        before = params[i - 1] if i > 0 else None
        for j, other in ((i + 1, after), (i - 1, before)):
            if other is not None and _is_length(other):
                params[i] = dataclasses.replace(param, role="buffer")
                params[j] = dataclasses.replace(other, role="length")
                break
        else:
            if is_void:
                return fail(f"parameter {param.name} is a void * without a length")
            if param.scalar == "i8":
                params[i] = dataclasses.replace(param, role="string")
    return Signature(name=name, line=line, params=tuple(params), returns=returns)


def c_signatures(c_file: Path, include_dirs: list[Path]) -> list[Signature]:
    """Signatures of the non-static function definitions of `c_file` (tree-sitter-c).

    Typedefs are followed through the file and the local headers it includes. A function
    whose parameters the harness cannot marshal comes back with `problem` set.
    """
    from refactor.scan.c._parser import parser

    files = _headers(Path(c_file), [Path(d) for d in include_dirs])
    types = _Types(files)
    tree = parser().parse(Path(c_file).read_bytes())
    sigs = []
    for node in _walk_top(tree.root_node):
        if node.type == "function_definition":
            sig = _signature(node, types)
            if sig is not None:
                sigs.append(sig)
    return sigs


# ---------------------------------------------------------------------------- inputs


def _int_range(code: str) -> tuple[int, int]:
    bits, signed = _INT_BITS[code]
    return (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)


def _scalar_edges(code: str) -> list[Any]:
    if code == "bool":
        return [False, True]
    if code in _FLOATS:
        big = 3.4028234663852886e38 if code == "f32" else 1.7976931348623157e308
        tiny = 1.401298464324817e-45 if code == "f32" else 5e-324
        return [0.0, -0.0, 1.0, -1.5, 0.1, math.nan, math.inf, -math.inf, big, tiny]
    lo, hi = _int_range(code)
    values = [0, 1, -1, 42, lo, hi, 0x80, hi // 2 + 1, 65] if lo else [0, 1, 42, hi, 0x80,
                                                                       hi // 2 + 1, 65]
    return list(dict.fromkeys(v for v in values if lo <= v <= hi))


def _pattern(code: str, n: int, salt: int) -> tuple[Any, ...]:
    if code == "bool":
        return tuple(bool((i + salt) % 3) for i in range(n))
    if code in _FLOATS:
        edges = _scalar_edges(code)
        return tuple(edges[(i + salt) % len(edges)] * (1 if i < len(edges) else i)
                     for i in range(n))
    lo, hi = _int_range(code)
    if salt == 0 and code in ("i8", "u8"):
        return tuple(b"hello world 0123 ABC"[:n])
    span = hi - lo + 1
    return tuple((lo + (i * 0x9E3779B1 + salt * 0x85EBCA77) % span) for i in range(n))


_STRINGS: list[bytes] = [
    b"", b"a", b"hello world", b"  42  ", b"-17abc", b"0123456789", b"Hello, World! 123",
    b"\t\n\r", "été ÿ".encode(), b"The quick brown fox jumps over 13 lazy dogs. " * 8,
]


def _dimension(param: Param) -> list[Any]:
    if param.role == "string":
        return list(_STRINGS)
    if param.values:
        return list(param.values) if param.role != "buffer" else [
            (), param.values[:1], tuple(param.values[i % len(param.values)] for i in range(16))]
    if param.role == "buffer":
        return [(), _pattern(param.scalar, 1, 1), _pattern(param.scalar, 16, 0),
                _pattern(param.scalar, 16, 3)]
    return _scalar_edges(param.scalar)


def edge_inputs(signature: Signature, cap: int = MAX_CASES) -> list[tuple[Any, ...]]:
    """Edge-value inputs, one tuple per call with one value per C parameter.

    Buffers are tuples of elements and their length parameter is their length; strings
    are bytes (without the NUL); pointers carry the initial value of the pointee. The full
    cartesian product when it has at most `cap` members, else every value once plus a
    deterministic sample (seeded with the function name) up to `cap`.
    """
    if signature.problem:
        raise ValueError(f"{signature.name}: {signature.problem}")
    dims = [(i, _dimension(p)) for i, p in enumerate(signature.params) if p.role != "length"]
    lengths = {i: _partner(signature.params, i) for i, p in enumerate(signature.params)
               if p.role == "buffer"}
    sizes = [len(values) for _, values in dims]
    total = math.prod(sizes)
    if total <= cap:
        picks = list(itertools.product(*(range(s) for s in sizes)))
    else:
        picks = [tuple(k % s for s in sizes) for k in range(max(sizes))]
        seen = set(picks)
        rng = random.Random(signature.name)
        while len(picks) < cap:
            pick = tuple(rng.randrange(s) for s in sizes)
            if pick not in seen:
                seen.add(pick)
                picks.append(pick)
    cases = []
    for pick in picks:
        values: list[Any] = [None] * len(signature.params)
        for (index, options), k in zip(dims, pick, strict=True):
            values[index] = options[k]
        for buf, length in lengths.items():
            values[length] = len(values[buf])
        cases.append(tuple(values))
    return cases


def _partner(params: tuple[Param, ...], index: int) -> int:
    for j in (index + 1, index - 1):
        if 0 <= j < len(params) and params[j].role == "length":
            return j
    raise ValueError(f"buffer parameter {params[index].name} has no length parameter")


# ---------------------------------------------------------------------------- calls

_CTYPES: dict[str, Any] = {
    "i8": ctypes.c_int8, "u8": ctypes.c_uint8, "i16": ctypes.c_int16,
    "u16": ctypes.c_uint16, "i32": ctypes.c_int32, "u32": ctypes.c_uint32,
    "i64": ctypes.c_int64, "u64": ctypes.c_uint64, "bool": ctypes.c_bool,
    "f32": ctypes.c_float, "f64": ctypes.c_double,
}


def _guard(code: str) -> list[Any]:
    if code == "bool":
        return [True] * GUARD
    return [1234.5] * GUARD if code in _FLOATS else [0x5A] * GUARD


def _call(fn: Any, sig: Signature, values: tuple[Any, ...]) -> tuple[Any, tuple[Any, ...]]:
    """One call in the child: (return value, state of every pointer parameter after it)."""
    args: list[Any] = []
    keep: list[Any] = []
    for param, value in zip(sig.params, values, strict=True):
        ct = _CTYPES[param.scalar]
        if param.role in ("value", "length"):
            args.append(value)
            keep.append(None)
            continue
        if param.role == "string":
            mem: Any = ctypes.create_string_buffer(value + b"\0" + b"\x5a" * GUARD,
                                                   len(value) + 1 + GUARD)
        else:
            items = list(value) if param.role == "buffer" else [value]
            mem = (ct * (len(items) + GUARD))(*items, *_guard(param.scalar))
        args.append(ctypes.addressof(mem))
        keep.append(mem)
    result = fn(*args)
    if sig.returns == "string":
        result = None if result is None else ctypes.string_at(result)
    after = tuple(None if mem is None else bytes(mem.raw) if param.role == "string"
                  else tuple(mem) for param, mem in zip(sig.params, keep, strict=True))
    return result, after


def _encode(item: tuple[Any, ...]) -> bytes:
    return base64.b64encode(pickle.dumps(item)) + b"\n"


def _call_in_fork(fn: Any, sig: Signature, index: int, values: tuple[Any, ...],
                  timeout: float, scratch: Any) -> tuple[Any, ...]:
    """Run one call in a forked grandchild (fresh library state, alarm against hangs)."""
    result, errors = scratch
    for f in scratch:
        f.seek(0)
        f.truncate()
    pid = os.fork()
    if pid == 0:  # grandchild: never returns
        os.dup2(errors.fileno(), 2)
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            item: tuple[Any, ...] = ("ok", index, *_call(fn, sig, values))
        except Exception as exc:  # a harness bug, never a verdict on the library
            item = ("error", index, f"harness cannot call {sig.name}{values!r}: {exc!r}")
        os.write(result.fileno(), _encode(item))
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    result.seek(0)
    line = result.read()
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and line:
        return tuple(pickle.loads(base64.b64decode(line)))
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        if number == signal.SIGALRM:
            return ("timeout", index, f"hung (no result within {timeout} s)")
        errors.seek(0)
        panic = _panic_message(errors.read(16384).decode("utf-8", "replace"))
        return ("crash", index, panic or f"crashed with {signal.Signals(number).name}")
    code = os.WEXITSTATUS(status)
    return ("exit", index, code, f"exited with status {code}")


def _child_main() -> None:
    """Child process: load one library, run every input in a fork, stream one line each."""
    import tempfile

    out = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # the library's stdout must not mix in
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    except (ImportError, ValueError, OSError):
        pass
    lib_path, sig_data, inputs, timeout = pickle.load(sys.stdin.buffer)
    sig = Signature(**{**sig_data, "params": tuple(Param(**p) for p in sig_data["params"])})
    try:
        fn = getattr(ctypes.CDLL(lib_path), sig.name)
    except (OSError, AttributeError) as exc:
        out.write(_encode(("error", 0, f"cannot load {sig.name} from "
                                       f"{Path(lib_path).name}: {exc}")))
        return
    fn.argtypes = [_CTYPES[p.scalar] if p.role in ("value", "length") else ctypes.c_void_p
                   for p in sig.params]
    fn.restype = (None if sig.returns is None else ctypes.c_void_p
                  if sig.returns == "string" else _CTYPES[sig.returns])
    hangs = 0
    with tempfile.TemporaryFile() as result, tempfile.TemporaryFile() as errors:
        for index, values in enumerate(inputs):
            if hangs >= MAX_HANGS:
                item: tuple[Any, ...] = ("not-run", index, f"not run after {hangs} hangs")
            else:
                item = _call_in_fork(fn, sig, index, values, timeout, (result, errors))
                hangs += item[0] == "timeout"
            out.write(_encode(item))


@dataclass
class _Outcome:
    kind: str  # ok | crash | timeout | exit | error | not-run
    ret: Any = None
    after: tuple[Any, ...] = ()
    detail: str = ""


def _outcome(item: tuple[Any, ...]) -> _Outcome:
    kind = item[0]
    if kind == "ok":
        return _Outcome("ok", ret=item[2], after=item[3])
    if kind == "exit":
        return _Outcome("exit", ret=item[2], detail=item[3])
    return _Outcome(kind, detail=item[2])


def _panic_message(stderr: str) -> str | None:
    lines = stderr.splitlines()
    for i, line in enumerate(lines):
        if "panicked at" in line:
            where = line.split("panicked at", 1)[1].strip().rstrip(":")
            message = lines[i + 1].strip() if i + 1 < len(lines) else ""
            return f"panicked: {message} ({where})"
    return None


def _run_side(lib: Path, sig: Signature, inputs: list[tuple[Any, ...]],
              timeout: float) -> list[_Outcome]:
    """Every input through one child process; its outcomes, one per input."""
    request = pickle.dumps((str(lib), dataclasses.asdict(sig), inputs, timeout))
    proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True,
                            env={**os.environ, "RUST_BACKTRACE": "0"})
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    try:
        proc.stdin.write(request)
        proc.stdin.close()
    except BrokenPipeError:
        pass
    outcomes: list[_Outcome] = []
    pending = {proc.stdout: b"", proc.stderr: b""}
    sel = selectors.DefaultSelector()
    for stream in pending:
        sel.register(stream, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout + 10.0  # the alarm in the fork should fire first
    while sel.get_map():
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            os.killpg(proc.pid, signal.SIGKILL)
            break
        for key, _ in sel.select(remaining):
            stream: Any = key.fileobj
            chunk = os.read(key.fd, 65536)
            if not chunk:
                sel.unregister(stream)
                continue
            pending[stream] += chunk
            if stream is proc.stdout:
                *lines, pending[stream] = pending[stream].split(b"\n")
                for line in lines:
                    outcomes.append(_outcome(pickle.loads(base64.b64decode(line))))
                    deadline = time.monotonic() + timeout + 10.0
    sel.close()
    code = proc.wait()
    if outcomes and outcomes[0].kind == "error" and len(outcomes) == 1:
        return outcomes * len(inputs)
    if len(outcomes) < len(inputs):
        stderr = pending[proc.stderr].decode("utf-8", "replace").strip()[-2000:]
        lost = _Outcome("error", detail=f"harness child for {sig.name} ended early "
                                        f"(status {code}) at input {len(outcomes)}: {stderr}")
        outcomes.extend([lost] * (len(inputs) - len(outcomes)))
    return outcomes


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _describe(outcome: _Outcome) -> str:
    return f"returned {_short(outcome.ret)}" if outcome.kind == "ok" else outcome.detail


def compare(c_lib: Path, rust_lib: Path, signature: Signature,
            inputs: list[tuple[Any, ...]], *, timeout: float = CASE_TIMEOUT) -> list[Mismatch]:
    """Call `signature` in both libraries on every input; return where they disagree.

    Both crashing (a C fault and a Rust panic alike) or both hanging counts as agreement.
    """
    if signature.problem:
        raise ValueError(f"{signature.name}: {signature.problem}")
    if not inputs:
        return []
    with ThreadPoolExecutor(max_workers=2) as pool:  # the two sides run side by side
        c_run = pool.submit(_run_side, Path(c_lib), signature, inputs, timeout)
        rust_run = pool.submit(_run_side, Path(rust_lib), signature, inputs, timeout)
        c_side, rust_side = c_run.result(), rust_run.result()
    found = []
    for values, c, r in zip(inputs, c_side, rust_side, strict=True):
        mismatch = _diff(signature, values, c, r)
        if mismatch is not None:
            found.append(mismatch)
        if c.kind == "error" or r.kind == "error":
            break  # the same for every input: say it once
    return found


def _diff(sig: Signature, values: tuple[Any, ...], c: _Outcome,
          r: _Outcome) -> Mismatch | None:
    def mk(what: str, c_text: str, r_text: str) -> Mismatch:
        return Mismatch(sig.name, values, what, c_text, r_text)

    if "error" in (c.kind, r.kind):
        return mk("setup", _describe(c), _describe(r))
    if "not-run" in (c.kind, r.kind):
        return None
    if c.kind != r.kind or (c.kind == "exit" and c.ret != r.ret):
        return mk("outcome", _describe(c), _describe(r))
    if c.kind != "ok":
        return None
    if not _same(c.ret, r.ret):
        return mk("return value", _short(c.ret), _short(r.ret))
    for param, c_after, r_after in zip(sig.params, c.after, r.after, strict=True):
        if not _same(c_after, r_after):
            return mk(f"parameter {param.name} after the call", _short(c_after, 200),
                      _short(r_after, 200))
    return None


if __name__ == "__main__" and sys.argv[1:] == ["--child"]:
    _child_main()
