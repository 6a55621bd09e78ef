"""One self-contained Rust module for one C file.

Pipeline: preprocess (`cc -E`, with the file's object-like macros appended so their
expansions can be typed) -> parse (again with the return `*` of old-style definitions
blanked out where tree-sitter-c misreads them, `toplevel.unpointer_old_style`) ->
file-scope symbols -> translate each unit of the original file (with the lift plans of
all its functions, `lifted_calls.py`), catching failures per unit -> drop units that
depend on a dropped `static` unit -> decide which functions need `unsafe` (a fixpoint
over the call graph) -> emit the types, constants and `extern "C"` declarations the
translated units use.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from refactor.model.translation import FileTranslation, UnitTranslation
from refactor.scan.c._parser import parser
from refactor.translate.c import (  # noqa: F401
    arrays,
    conversions,
    decls,
    operators,
    pointers,
    statement_exprs,
)
from refactor.translate.c import units as unit_kinds
from refactor.translate.c.ctypes_model import RustNames
from refactor.translate.c.emit import Cx
from refactor.translate.c.libc import extern_block, extern_function
from refactor.translate.c.lifted_calls import lift_plans
from refactor.translate.c.operators_typing import const_eval
from refactor.translate.c.preprocess import Preprocessed, PreprocessError, preprocess
from refactor.translate.c.rustcheck import rustc_errors
from refactor.translate.c.symbols import Symbols, Unsupported
from refactor.translate.c.toplevel import collect, misparsed_old_style, unpointer_old_style
from refactor.translate.c.typing import Env, Var, field_name
from refactor.translate.c.units import Unit

HEADER_ALLOWS = ("non_camel_case_types", "non_snake_case", "non_upper_case_globals",
                 "unused", "dead_code", "unused_mut", "unused_assignments", "unused_parens",
                 "unused_unsafe", "unused_labels", "unreachable_code", "unreachable_patterns",
                 "static_mut_refs", "improper_ctypes", "improper_ctypes_definitions",
                 "unpredictable_function_pointer_comparisons")
_DEFINE = re.compile(r"^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(?![\w(])[ \t]*(.*)$", re.M)
MACRO_MARK = "#pragma refactor_macros"
MAX_CHECKS = 4          # rustc passes; each drops the units it rejects


def translate_file(path: Path, include_dirs: Sequence[Path] = (),
                   defines: Sequence[str] = ()) -> FileTranslation:
    """Translate one C file; never raises for bad input (problems are reported)."""
    shown = str(path)
    if not path.is_file():
        return FileTranslation(shown, "", (), (f"{path}: no such file",))
    macros = _macro_names(path)
    try:
        pre, expansions = _preprocess(path, include_dirs, defines, macros)
    except PreprocessError as exc:
        return FileTranslation(shown, "", (), (str(exc),))
    except OSError as exc:
        return FileTranslation(shown, "", (), (f"{path}: {exc}",))
    try:
        return _translate(shown, pre, macros, expansions)
    except RecursionError:
        return FileTranslation(shown, "", (), (f"{path}: nested too deeply to translate",))


def _macro_names(path: Path) -> list[tuple[str, int]]:
    try:
        source = path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return []
    out = []
    for m in _DEFINE.finditer(source):
        if m.group(2).strip() and not m.group(2).rstrip().endswith("\\"):
            out.append((m.group(1), source.count("\n", 0, m.start()) + 1))
    return out


def _preprocess(path: Path, include_dirs: Sequence[Path], defines: Sequence[str],
                macros: list[tuple[str, int]]) -> tuple[Preprocessed, list[bytes]]:
    main = str(path.resolve())
    with tempfile.TemporaryDirectory(prefix="refactor-pp-") as tmp:
        wrapper = Path(tmp) / "unit.c"
        lines = [f'#include "{main}"', MACRO_MARK, *(name for name, _ in macros)]
        wrapper.write_text("\n".join(lines) + "\n")
        dirs = [*include_dirs, path.parent]
        try:
            pre = preprocess(wrapper, dirs, defines)
        except PreprocessError as exc:
            raise PreprocessError(str(exc).replace(str(wrapper), str(path))) from exc
    raw = pre.text
    cut = raw.rfind(MACRO_MARK.encode())
    expansions: list[bytes] = []
    if cut >= 0:
        tail = raw[cut + len(MACRO_MARK):].split(b"\n")[1:]
        expansions = [ln for ln in tail if ln.strip()][:len(macros)]
        raw = raw[:cut]
    rows = raw.count(b"\n") + 1
    return Preprocessed(raw, pre.origins[:rows], main), expansions


def _translate(shown: str, pre: Preprocessed, macros: list[tuple[str, int]],
               expansions: list[bytes]) -> FileTranslation:
    tree = parser().parse(pre.text)
    source, pointer_returns = unpointer_old_style(tree.root_node, pre.text)
    if pointer_returns:
        tree = parser().parse(source)
    syms = Symbols(eval_const=const_eval)
    collect(tree.root_node, syms, pointer_returns)
    names = RustNames(syms.records)
    plans = lift_plans(syms)

    def new_cx(syms: Symbols, names: RustNames) -> Cx:
        return _new_cx(syms, names, plans)

    units: list[Unit] = []
    misparsed = misparsed_old_style(tree.root_node)
    for node in tree.root_node.named_children:
        if not pre.in_main(node.start_point.row):
            continue
        if node.id not in misparsed:
            units += unit_kinds.units_of(node, pre, syms, names, new_cx)
        elif misparsed[node.id]:
            unit_kinds.misparsed_definition(units, misparsed[node.id], node, pre)
    units += _header_helpers(units, pre, syms, names, new_cx)
    units += unit_kinds.macro_units(macros, expansions, syms, names, new_cx)
    for _ in range(MAX_CHECKS):
        _drop_dependents(units, syms)
        externs, extern_statics = _externs(units, syms, names)
        _decide_safety(units, syms)
        body, spans = _assemble(shown, units, syms, names, externs, extern_statics)
        errors = rustc_errors(body)
        if not errors or not _drop_rejected(errors, spans):
            break
    return FileTranslation(shown, body, tuple(
        UnitTranslation(u.kind, u.name, u.start, u.end,
                        "skipped" if u.reason else "translated",
                        "" if u.reason else u.rust, u.reason, u.unsafe_lines)
        for u in units if not u.helper), ())


def _header_helpers(units: list[Unit], pre: Preprocessed, syms: Symbols,
                    names: RustNames, new_cx: unit_kinds.NewCx) -> list[Unit]:
    """`static` functions (usually `static inline`) and `static` objects (zlib's tables)
    defined in headers that translated units use: they belong to this translation unit
    (C11 6.2.2p3), so they are private helpers of this module, not units of the file."""
    helpers: list[Unit] = []
    done: set[str] = set()
    nodes: set[int] = set()
    pending = list(units)
    while pending:
        wanted = sorted({c for u in pending if u.cx is not None and not u.reason
                         for c in u.cx.callees | u.cx.globals_used} - done)
        pending = []
        for name in wanted:
            done.add(name)
            decl = syms.functions.get(name)
            g = syms.globals.get(name)
            node = decl.definition if decl is not None and decl.static else \
                g.node if g is not None and g.static else None
            if node is None or node.id in nodes or pre.in_main(node.start_point.row):
                continue
            nodes.add(node.id)
            for unit in unit_kinds.units_of(node, pre, syms, names, new_cx):
                unit.helper = True
                helpers.append(unit)
                pending.append(unit)
    return helpers


def _drop_rejected(errors: list[tuple[int, str]], spans: list[tuple[int, int, Unit]]
                   ) -> bool:
    """Skip the units rustc rejected; False when no error falls inside a unit."""
    dropped = False
    for line, message in errors:
        for first, last, unit in spans:
            if first <= line <= last and unit.reason is None:
                unit.reason = (f"translator bug: the generated Rust does not compile "
                               f"(rustc: {message})")
                dropped = True
    return dropped


def _new_cx(syms: Symbols, names: RustNames, plans: dict[str, dict[str, str]]) -> Cx:
    def lookup(name: str) -> Var | None:
        g = syms.globals.get(name)
        if g is None:
            return None
        from refactor.translate.c.typing import field_name
        return Var(field_name(name), g.ctype, "global")
    return Cx(syms, names, Env(syms, [], lookup), lift_plans=plans)


def _drop_dependents(units: list[Unit], syms: Symbols) -> None:
    """A unit using a `static` function or global that was not translated is dropped."""
    changed = True
    while changed:
        changed = False
        ok = {n for u in units if not u.reason for n in u.defines}
        for u in units:
            if u.reason or u.cx is None:
                continue
            for name in sorted(u.cx.callees | u.cx.globals_used):
                fn = syms.functions.get(name)
                g = syms.globals.get(name)
                internal = (fn is not None and fn.static) or (g is not None and g.static)
                if internal and name not in ok:
                    u.reason = f"unsupported: uses {name}, which was not translated"
                    changed = True
                    break


def _externs(units: list[Unit], syms: Symbols, names: RustNames
             ) -> tuple[dict[str, str], dict[str, str]]:
    while True:
        defined = {n for u in units if not u.reason for n in u.defines}
        fns: dict[str, str] = {}
        statics: dict[str, str] = {}
        failed = False
        for u in units:
            if u.reason or u.cx is None:
                continue
            try:
                for name in sorted(u.cx.callees - defined):
                    fns.setdefault(name, extern_function(name, syms.functions[name].ctype,
                                                         names))
                for name in sorted(u.cx.globals_used - defined):
                    g = syms.globals[name]
                    statics.setdefault(
                        name, f"pub static mut {field_name(name)}: {names.ty(g.ctype)};")
            except (Unsupported, KeyError) as exc:
                u.reason = f"unsupported: {exc}"
                failed = True
        if not failed:
            return fns, statics


def _decide_safety(units: list[Unit], syms: Symbols) -> None:
    """Which functions need `unsafe`: a fixpoint over direct calls. A lifted function
    whose safe body would call something unsafe falls back to its raw version; callers
    of a lifted function call its `unsafe` shim."""
    fns = {u.name: u for u in units if u.kind == "function" and not u.reason}
    unsafe: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, u in fns.items():
            result = u.fn_result
            cx = result.cx  # type: ignore[attr-defined]
            needs = bool(cx.unsafe_reasons) or any(
                c not in fns or c in unsafe for c in cx.called) or any(
                c not in fns or fns[c].fn_plain is None for c in cx.safe_called)
            lifted = u.fn_plain is not None
            if lifted and needs:
                u.fn_result, u.fn_plain, u.cx = u.fn_plain, None, u.fn_plain.cx  # type: ignore
                changed = True
            elif (lifted or needs) and name not in unsafe:
                unsafe.add(name)
                changed = True
    for name, u in fns.items():
        lifted = u.fn_plain is not None
        u.rust = unit_kinds.render(u, name in unsafe and not lifted)
        u.unsafe_lines = u.body_lines if name in unsafe and not lifted else 0


def _assemble(shown: str, units: list[Unit], syms: Symbols, names: RustNames,
              externs: dict[str, str], statics: dict[str, str]
              ) -> tuple[str, list[tuple[int, int, Unit]]]:
    """The module text, and the (first, last) 1-based lines of each unit's Rust in it."""
    ok = [u for u in units if not u.reason]
    own = "\n\n".join(u.rust for u in ok if u.rust)
    extern = extern_block([statics[k] for k in sorted(statics)],
                          [externs[k] for k in sorted(externs)])
    support = unit_kinds.support_items(own + "\n" + extern, ok, syms, names)
    allows = ", ".join(HEADER_ALLOWS)
    head = [f"//! Translated from {Path(shown).name} by refactor (rules backend).",
            f"#![allow({allows})]", "", "use std::ffi::c_void;"]
    prefix = "\n\n".join(p for p in ["\n".join(head), *support, extern] if p)
    spans: list[tuple[int, int, Unit]] = []
    line = prefix.count("\n") + 3          # own starts after one blank line
    for u in ok:
        if u.rust:
            count = u.rust.count("\n") + 1
            spans.append((line, line + count - 1, u))
            line += count + 1
    return "\n\n".join(p for p in [prefix, own] if p) + "\n", spans
