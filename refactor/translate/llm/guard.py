"""Screening untrusted model output before anything is compiled (DESIGN.md, Trust boundaries).

`screen(rust, unit_name, c_uses)` returns a `Rejection` naming every forbidden construct
and its line, or None. The Rust is lexed with tree-sitter's Rust grammar and checked as a
token stream with comments left out and string/char literals collapsed to one token, so
words inside strings and comments never trigger, and code inside macro arguments and
`macro_rules!` bodies (token trees, which the grammar does not parse further) is checked
like any other code. Forbidden:

* Cargo manifests (`[dependencies]`, `[package]`, ... outside strings), `build.rs`
  outside strings, a comment heading a second file (`// build.rs`, `// Cargo.toml`);
* `extern crate`; `mod name;` (another file, except a module the crate provides: the
  COBOL runtime `cobol_rt`); `use` of anything but std, core, alloc,
  crate, self, super and items the answer defines; glob imports of std's root modules;
* attributes other than the built-in ones (derive only of std traits), `#[link...]`,
  `#[export_name]`, `#[link_section]`, `#[path]`, `#[naked]`, proc-macro attributes;
  `#[no_mangle]` on anything but the unit's own function (or static, for a global unit);
* `include!`-family macros, `env!`/`option_env!`, `asm!`/`global_asm!`/`naked_asm!`;
* std facilities the C unit had no counterpart for (`FACILITIES`: `std::process`,
  `std::net`, `std::fs`, `std::env` each justified by the C functions in `c_uses`),
  resolved through `use` aliases (`use std::process as p; p::Command`);
* `extern` blocks declaring functions or statics outside `allowed_externs` (default:
  `c_uses`, the C identifiers the unit uses); `unsafe impl Send`/`Sync`.

`std::mem::transmute` and other unsafe std APIs are allowed: the rules translator needs
them, and unsafety is measured separately (unsafe_lines.py).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import cache

import tree_sitter
from tree_sitter_language_pack import get_parser

from refactor.translate.llm.model import Rejection

_SPAWN = frozenset({"system", "popen", "fork", "vfork", "execl", "execlp", "execle", "execv",
                    "execvp", "execve", "posix_spawn", "posix_spawnp"})
_EXIT = frozenset({"exit", "_exit", "_Exit", "quick_exit"})
_ABORT = frozenset({"abort", "assert", "__assert_fail"})
_NET = frozenset({"socket", "connect", "bind", "listen", "accept", "getaddrinfo",
                  "gethostbyname", "send", "recv", "sendto", "recvfrom"})
_FS = frozenset({"fopen", "freopen", "fdopen", "open", "openat", "creat", "opendir", "stat",
                 "lstat", "fstat", "unlink", "remove", "rename", "mkdir", "rmdir", "access",
                 "chmod", "truncate", "tmpfile", "realpath", "readlink", "symlink", "link"})
_ARGS = frozenset({"main", "argv", "argc"})
_ENV = frozenset({"getenv", "secure_getenv", "setenv", "unsetenv", "putenv", "clearenv"})

# std path prefix -> (what it gives access to, the C functions that justify it); the
# longest matching prefix decides.
FACILITIES: dict[str, tuple[str, frozenset[str]]] = {
    "std::process": ("processes", _SPAWN | _EXIT | _ABORT | {"getpid"}),
    **dict.fromkeys(("std::process::Command", "std::process::Child", "std::process::Stdio",
                     "std::process::Output", "std::os::unix::process"),
                    ("starting processes", _SPAWN)),
    "std::process::exit": ("exiting the process", _EXIT),
    "std::process::abort": ("aborting the process", _ABORT),
    "std::process::id": ("the process id", frozenset({"getpid"})),
    **dict.fromkeys(("std::net", "std::os::unix::net"), ("network access", _NET)),
    **dict.fromkeys(("std::fs", "std::os::unix::fs"), ("file system access", _FS)),
    "std::env": ("the environment", _ENV | _ARGS | {"getcwd", "chdir"}),
    **dict.fromkeys(("std::env::args", "std::env::args_os"), ("the command line", _ARGS)),
    **{f"std::env::{name}": ("environment variables", _ENV)
       for name in ("var", "var_os", "vars", "vars_os", "set_var", "remove_var")},
    "std::env::current_dir": ("the working directory", frozenset({"getcwd"})),
    "std::env::set_current_dir": ("the working directory", frozenset({"chdir"})),
}

FORBIDDEN_MACROS = {
    **dict.fromkeys(("include", "include_str", "include_bytes"), "reads a file at build time"),
    **dict.fromkeys(("env", "option_env"), "reads the build environment"),
    **dict.fromkeys(("asm", "global_asm", "naked_asm", "llvm_asm"), "inline assembly")}
BUILTIN_ATTRIBUTES = {"allow", "warn", "deny", "forbid", "expect", "inline", "cold",
                      "must_use", "doc", "cfg", "test", "ignore", "should_panic", "deprecated",
                      "non_exhaustive", "track_caller", "repr", "derive", "no_mangle",
                      "automatically_derived"}
TOOL_ATTRIBUTE_PREFIXES = ("rustfmt::", "clippy::")
FORBIDDEN_ATTRIBUTES = {
    "link": "links a native library", "link_name": "binds to another symbol",
    "link_section": "places code in a linker section", "export_name": "exports a symbol",
    "path": "loads a module from another file", "naked": "naked function (assembly)",
    "proc_macro": "procedural macro", "proc_macro_derive": "procedural macro",
    "proc_macro_attribute": "procedural macro", "cfg_attr": "conditional attribute",
    "global_allocator": "replaces the allocator", "panic_handler": "replaces panics",
    "used": "forces a symbol into the binary", "feature": "nightly feature",
    "no_std": "crate-level attribute", "no_main": "crate-level attribute"}
STD_DERIVES = {"Debug", "Clone", "Copy", "PartialEq", "Eq", "PartialOrd", "Ord", "Hash",
               "Default"}
ROOTS = {"std", "core", "alloc"}
_LOCAL_ROOTS = {"crate", "self", "super", "Self"}
_DEFINING = {"mod", "enum", "struct", "union", "trait", "type", "fn", "const", "static"}
_IDENT = re.compile(r"r#[A-Za-z_]\w*|[A-Za-z_]\w*\Z")
_LITERALS = {"string_literal", "raw_string_literal", "char_literal"}
_COMMENTS = {"line_comment", "block_comment"}
_MANIFEST = re.compile(r"^\s*\[\[?(dependencies|dev-dependencies|build-dependencies|package|"
                       r"workspace|lib|bin|features|profile(\.\w+)?|patch\.[^\]]+|"
                       r"target\.[^\]]+|replace)\]\]?\s*$")
_FILE_HEADER = re.compile(r"^(//+!?|/\*+)\s*(file(name)?\s*:?\s*)?([\w./-]*/)?"
                          r"(build\.rs|Cargo\.toml)\s*(\*/)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class _Tok:
    text: str
    line: int  # 1-based
    literal: bool = False


@dataclass(frozen=True)
class _Path:
    segments: tuple[str, ...]
    line: int
    in_use: bool
    alias: str | None = None
    absolute: bool = False


@cache
def _parser() -> tree_sitter.Parser:
    return get_parser("rust")


def screen(rust: str, unit_name: str, c_uses: Collection[str], *,
           allowed_externs: Collection[str] | None = None,
           modules: Collection[str] = ()) -> Rejection | None:
    """A Rejection listing every forbidden construct in `rust`, or None (module docstring)."""
    source = rust.encode("utf-8")
    root = _parser().parse(source).root_node
    tokens, comments, masked = _lex(source, root)
    justified = set(c_uses) | ({"main"} if unit_name == "main" else set())
    externs = set(c_uses if allowed_externs is None else allowed_externs)
    findings = _manifest(masked, comments)
    findings += _keywords(tokens, externs, set(modules))
    findings += _attributes(tokens, unit_name)
    findings += _macros(tokens)
    findings += _paths(tokens, justified)
    if not findings:
        return None
    unique = sorted(set(findings), key=lambda f: (int(f.split(":")[0].split()[1]), f))
    more = f" (and {len(unique) - 1} more)" if len(unique) > 1 else ""
    return Rejection(f"the answer for `{unit_name}` was rejected before compiling: "
                     f"{unique[0]}{more}", unique)


def _lex(source: bytes, root: tree_sitter.Node) -> tuple[list[_Tok], list[_Tok], str]:
    """Code tokens, comments, and the text with comments and literals blanked out."""
    tokens: list[_Tok] = []
    comments: list[_Tok] = []
    masked = bytearray(source)
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type in _COMMENTS or node.type in _LITERALS:
            text = (node.text or b"").decode("utf-8", "replace")
            if node.type in _COMMENTS:
                comments.append(_Tok(text, node.start_point[0] + 1))
            else:
                tokens.append(_Tok(text, node.start_point[0] + 1, literal=True))
            for i in range(node.start_byte, node.end_byte):
                if masked[i] != 0x0A:
                    masked[i] = 0x20
        elif node.child_count == 0:
            if node.end_byte > node.start_byte:
                tokens.append(_Tok((node.text or b"").decode("utf-8", "replace"),
                                   node.start_point[0] + 1))
        else:
            stack.extend(reversed(node.children))
    return tokens, comments, masked.decode("utf-8", "replace")


def _is_ident_at(tokens: list[_Tok], index: int) -> bool:
    return 0 <= index < len(tokens) and not tokens[index].literal \
        and _IDENT.match(tokens[index].text) is not None


def _at(tokens: list[_Tok], index: int) -> str:
    return tokens[index].text if 0 <= index < len(tokens) and not tokens[index].literal else ""


def _manifest(masked: str, comments: list[_Tok]) -> list[str]:
    findings = []
    for number, line in enumerate(masked.splitlines(), start=1):
        if match := _MANIFEST.match(line):
            findings.append(f"line {number}: Cargo manifest section `[{match[1]}]` "
                            "(dependencies are not allowed)")
        if re.search(r"\bbuild\.rs\b", line):
            findings.append(f"line {number}: `build.rs` (build scripts are not allowed)")
    for comment in comments:
        if match := _FILE_HEADER.match(comment.text.strip()):
            findings.append(f"line {comment.line}: a second file `{match[5]}` in the answer "
                            "(build scripts and manifests are not allowed)")
    return findings


def _keywords(tokens: list[_Tok], externs: set[str], modules: set[str]) -> list[str]:
    """`extern crate`, `mod name;` (but the crate's own `modules`), extern blocks,
    `unsafe impl Send/Sync`."""
    findings = []
    for i, tok in enumerate(tokens):
        if tok.literal:
            continue
        if tok.text == "extern" and _at(tokens, i + 1) == "crate":
            findings.append(f"line {tok.line}: `extern crate {_at(tokens, i + 2)}` "
                            "(no crates outside std)")
        elif tok.text == "mod" and _is_ident_at(tokens, i + 1) and _at(tokens, i + 2) == ";" \
                and tokens[i + 1].text not in modules:
            findings.append(f"line {tok.line}: `mod {tokens[i + 1].text};` loads another "
                            "file (write the module inline)")
        elif tok.text == "extern":
            brace = i + 2 if i + 1 < len(tokens) and tokens[i + 1].literal else i + 1
            if _at(tokens, brace) == "{":
                findings += _extern_block(tokens, brace, externs)
        elif tok.text == "unsafe" and _at(tokens, i + 1) == "impl":
            j = i + 2
            while j < len(tokens) and _at(tokens, j) not in ("for", "{", ";"):
                if _at(tokens, j) in ("Send", "Sync") or _at(tokens, j).startswith("$"):
                    findings.append(f"line {tok.line}: `unsafe impl {tokens[j].text}` "
                                    "(asserts thread safety the C code never had)")
                j += 1
        elif tok.text.startswith("$") and tok.text != "$crate" and (
                "::" in (_at(tokens, i - 1), _at(tokens, i + 1)) or _at(tokens, i + 1) == "!"):
            findings.append(f"line {tok.line}: a path or macro name built from the macro "
                            f"variable `{tok.text}` (hides what it names)")
    return findings


def _extern_block(tokens: list[_Tok], brace: int, externs: set[str]) -> list[str]:
    findings = []
    depth = 0
    for j in range(brace, len(tokens)):
        text = _at(tokens, j)
        depth += {"{": 1, "}": -1}.get(text, 0)
        if depth == 0:
            break
        if depth == 1 and text in ("fn", "static"):
            k = j + 2 if _at(tokens, j + 1) == "mut" else j + 1
            name = _at(tokens, k) if _is_ident_at(tokens, k) or _at(tokens, k)[:1] == "$" else ""
            if name and name not in externs:
                what = "function" if text == "fn" else "static"
                findings.append(f"line {tokens[j].line}: extern block declares {what} "
                                f"`{name}`, which the C unit does not use")
    return findings


def _attributes(tokens: list[_Tok], unit_name: str) -> list[str]:
    findings = []
    for i, tok in enumerate(tokens):
        if tok.text != "#" or tok.literal:
            continue
        j = i + 2 if _at(tokens, i + 1) == "!" else i + 1
        if _at(tokens, j) != "[":
            continue
        path, k = _path_at(tokens, j + 1)
        if path == ("unsafe",) and _at(tokens, k) == "(":
            path, k = _path_at(tokens, k + 1)
        name = "::".join(path)
        where = f"line {tok.line}: `#[{name}]`"
        if name in FORBIDDEN_ATTRIBUTES:
            findings.append(f"{where} ({FORBIDDEN_ATTRIBUTES[name]}) is not allowed")
        elif name == "derive":
            findings += _derives(tokens, k, tok.line)
        elif name == "no_mangle":
            kind, target = _attribute_target(tokens, k)
            if target != unit_name and kind in ("fn", "static"):
                findings.append(f"{where} on {kind} `{target}`: only the unit's own "
                                f"`{unit_name}` may be exported")
        elif name not in BUILTIN_ATTRIBUTES and not name.startswith(TOOL_ATTRIBUTE_PREFIXES):
            findings.append(f"{where} is not a built-in attribute (attribute and procedural "
                            "macros from outside std are not allowed)")
    return findings


def _derives(tokens: list[_Tok], index: int, line: int) -> list[str]:
    findings = []
    if _at(tokens, index) != "(":
        return findings
    index += 1
    while index < len(tokens) and _at(tokens, index) != ")":
        path, end = _path_at(tokens, index)
        if path and (path[-1] not in STD_DERIVES or (len(path) > 1 and path[0] not in ROOTS)):
            findings.append(f"line {line}: `#[derive({'::'.join(path)})]` is not a std derive "
                            "(procedural macros are not allowed)")
        index = max(end, index + 1)
    return findings


def _attribute_target(tokens: list[_Tok], index: int) -> tuple[str, str]:
    """(`fn` or `static`, name) of the item an attribute ending near `index` applies to."""
    depth = 1  # inside the attribute's `[`
    while index < len(tokens) and depth:
        depth += {"[": 1, "]": -1}.get(_at(tokens, index), 0)
        index += 1
    while index < len(tokens):
        text = _at(tokens, index)
        if text in ("fn", "static"):
            k = index + 2 if _at(tokens, index + 1) == "mut" else index + 1
            return text, _at(tokens, k)
        if text == "#":  # another attribute: skip it
            while index < len(tokens) and _at(tokens, index) != "]":
                index += 1
        elif not (tokens[index].literal or text in ("pub", "(", ")", "crate", "super", "in",
                                                      "self", "unsafe", "extern", "const",
                                                      "async")):
            return "", text
        index += 1
    return "", ""


def _macros(tokens: list[_Tok]) -> list[str]:
    findings = []
    for i, tok in enumerate(tokens):
        if (tok.text in FORBIDDEN_MACROS and _is_ident_at(tokens, i) and _at(tokens, i + 1) == "!"
                and _at(tokens, i + 2) in ("(", "[", "{")):
            findings.append(f"line {tok.line}: `{tok.text}!` ({FORBIDDEN_MACROS[tok.text]})")
    return findings


def _path_at(tokens: list[_Tok], index: int) -> tuple[tuple[str, ...], int]:
    """A plain path `a::b::c` starting at `index` (no groups), and the index after it."""
    segments: list[str] = []
    while _is_ident_at(tokens, index):
        segments.append(tokens[index].text)
        if _at(tokens, index + 1) != "::":
            return tuple(segments), index + 1
        index += 2
    return tuple(segments), index


def _use_tree(tokens: list[_Tok], index: int, prefix: tuple[str, ...], in_use: bool,
              absolute: bool) -> tuple[list[_Path], int]:
    """The paths of a use tree (or of one expression path) starting at `index`."""
    line = tokens[index].line if index < len(tokens) else 0
    segments = list(prefix)
    while index < len(tokens):
        if _is_ident_at(tokens, index):
            segments.append(tokens[index].text)
            index += 1
        if _at(tokens, index) != "::" or (not in_use and _at(tokens, index + 1) in ("{", "*")):
            break
        index += 1
        if _at(tokens, index) == "*":
            return [_Path((*segments, "*"), line, in_use, None, absolute)], index + 1
        if _at(tokens, index) == "{":
            found: list[_Path] = []
            index += 1
            while index < len(tokens) and _at(tokens, index) != "}":
                sub, end = _use_tree(tokens, index, tuple(segments), in_use, absolute)
                found += sub
                index = end if end > index else index + 1
                if _at(tokens, index) == ",":
                    index += 1
            return found, index + 1
        if not _is_ident_at(tokens, index):
            break
    alias = None
    if in_use and _at(tokens, index) == "as" and _is_ident_at(tokens, index + 1):
        alias, index = tokens[index + 1].text, index + 2
    return [_Path(tuple(segments), line, in_use, alias, absolute)], index


def _collect_paths(tokens: list[_Tok]) -> list[_Path]:
    paths: list[_Path] = []
    index = 0
    while index < len(tokens):
        before = _at(tokens, index - 1)
        absolute = _at(tokens, index) == "::" and _is_ident_at(tokens, index + 1)
        starts = absolute or _is_ident_at(tokens, index)
        if not starts or before in ("::", ".", "'") or _at(tokens, index) == "use":
            index += 1
            continue
        in_use = before == "use"
        found, end = _use_tree(tokens, index + absolute, (), in_use, absolute)
        paths += found
        index = max(end, index + 1)
    return paths


def _paths(tokens: list[_Tok], justified: set[str]) -> list[str]:
    paths = _collect_paths(tokens)
    local = {tokens[i + 1].text for i, t in enumerate(tokens[:-1])
             if t.text in _DEFINING and not t.literal and _is_ident_at(tokens, i + 1)}
    aliases: dict[str, tuple[str, ...]] = {}
    paths = [replace(p, segments=p.segments[:-1]) if p.segments[-1:] == ("self",) else p
             for p in paths]
    for path in paths:
        segments = path.segments
        if path.in_use and segments and segments[-1] != "*":
            aliases[path.alias or segments[-1]] = segments
    findings = []
    for path in paths:
        first = path.segments[0] if path.segments else ""
        if path.in_use and first not in ROOTS and (
                path.absolute or first not in _LOCAL_ROOTS | local | set(aliases)):
            findings.append(f"line {path.line}: `use {'::'.join(path.segments)}` (crate "
                            f"`{first}` is not std, core or alloc; no dependencies)")
            continue
        resolved = _resolve(path.segments, aliases)
        findings += _facility(resolved, path.line, justified)
    return findings


def _resolve(segments: tuple[str, ...], aliases: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    for _ in range(4):
        if not segments or segments[0] in ROOTS or segments[0] not in aliases:
            break
        target = aliases[segments[0]]
        if target == segments[:len(target)]:
            break
        segments = target + segments[1:]
    return ("std", *segments[1:]) if segments[:1] == ("core",) else segments


def _facility(segments: tuple[str, ...], line: int, justified: set[str]) -> list[str]:
    if not segments or segments[0] != "std" or len(segments) < 2:
        return []
    text = "::".join(segments)
    if segments[-1] == "*":
        segments = segments[:-1]
    keys = [tuple(key.split("::")) for key in FACILITIES]
    matches = [key for key in keys if segments[:len(key)] == key]
    if not matches:
        if text.endswith("*") and any(key[:len(segments)] == segments for key in keys):
            return [f"line {line}: glob import `{text}` (hides which std facilities are "
                    "used; import the names explicitly)"]
        return []
    what, needs = FACILITIES["::".join(max(matches, key=len))]
    if needs & justified:
        return []
    return [f"line {line}: `{text}` ({what}) but the C unit uses none of "
            f"{', '.join(sorted(needs)[:8])}{', ...' if len(needs) > 8 else ''}"]
