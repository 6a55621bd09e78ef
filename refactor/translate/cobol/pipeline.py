"""`refactor translate` for COBOL: every program of the target into its crate's binaries.

A run unit is a main program (one no other program CALLs) with every program it CALLs,
transitively; each becomes `src/bin/<main>/main.rs` with the `cobol_rt` runtime beside it,
so cargo builds one executable per run unit. Every program unit gets an attempt: the Rust
of its run unit, or `skipped` with the construct that stopped the translation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from refactor.ledger import Attempt, Ledger, UnitView
from refactor.translate.cobol import procedure as P
from refactor.translate.cobol.operands import Literal
from refactor.translate.cobol.program import ParseProblem, Program, parse_program
from refactor.translate.cobol.runtime import runtime_source
from refactor.translate.cobol.rust_unit import Unsupported, emit_program
from refactor.translate.cobol.statement_tree import walk
from refactor.translate.crate import write_if_changed
from refactor.translate.unsafe_lines import count_unsafe_lines

_NOT_IDENT = re.compile(r"[^a-z0-9_]")


@dataclass
class CobolTranslation:
    attempts: list[Attempt] = field(default_factory=list)
    binaries: dict[str, str] = field(default_factory=dict)  # bin name -> main.rs
    members: dict[str, list[str]] = field(default_factory=dict)  # bin -> its PROGRAM-IDs
    problems: list[str] = field(default_factory=list)
    # every run unit, translated or not: main PROGRAM-ID -> its PROGRAM-IDs, main first
    run_units: dict[str, list[str]] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)  # PROGRAM-ID -> source path


def bin_name(program_id: str) -> str:
    name = _NOT_IDENT.sub("_", program_id.lower())
    return name if name and not name[0].isdigit() else f"p_{name}"


def translate_cobol(ledger: Ledger, target_id: int, root: Path, units: list[UnitView],
                    hashes: dict[int, str], backend: str,
                    copybooks: list[UnitView] | None = None) -> CobolTranslation:
    """Attempts for the program `units`, and for the `copybooks` (translated inside the
    programs that COPY them, so they get an attempt with no Rust of their own)."""
    out = CobolTranslation()
    books = {u.name.upper(): root / u.path for u in ledger.units(target_id)
             if u.kind == "copybook"}

    def copybook(name: str) -> str | None:
        path = books.get(name.upper())
        return path.read_text("utf-8", errors="replace") if path else None

    programs: dict[str, Program] = {}
    failed: dict[str, str] = {}
    for path in sorted({u.path for u in units}):
        parsed = parse_program((root / path).read_text("utf-8", errors="replace"), copybook)
        if isinstance(parsed, ParseProblem):
            failed[path] = f"{path}: cannot be read at line {parsed.line}: {parsed.reason}"
            out.problems.append(failed[path])
            continue
        for program in [parsed, *parsed.more]:
            programs[program.name.upper()] = program
            out.paths[program.name.upper()] = path
    # Constructs the scan cut out (EXEC SQL/CICS, SCREEN/REPORT sections): the parsed
    # program lacks them, so it is not translated, nor is any run unit holding it.
    cut = {u.name.upper(): u.reason for u in units if (u.reason or "").startswith("unsupported:")}
    calls = {name: _callees(p) for name, p in programs.items()}
    called = {c for cs in calls.values() for c in cs}
    texts: dict[str, str | Exception] = {}
    for main in sorted(set(programs) - called):
        members = _closure(main, calls)
        out.run_units[main] = members
        unit = [programs[m] for m in members if m in programs]
        blocked = next((m for m in members if m in cut), None)
        if blocked is not None:
            why = cut[blocked] if blocked == main else f"it CALLs {blocked}: {cut[blocked]}"
            for member in members:
                texts.setdefault(member, Unsupported(why))
            continue
        try:
            text = emit_program(unit[0], unit[1:])
        except Unsupported as exc:
            for member in members:
                texts.setdefault(member, exc)
            continue
        name = bin_name(main)
        out.binaries[name] = text
        out.members[name] = members
        for member in members:
            texts[member] = text
    for unit in units:
        key = unit.name.upper()
        result = texts.get(key)
        if isinstance(result, str):
            out.attempts.append(Attempt(unit.id, backend, "translated", hashes[unit.id],
                                        f"bin:{_bin_of(key, out.members)}", result, None,
                                        count_unsafe_lines(result)))
            continue
        reason = (failed.get(unit.path) or cut.get(key) or
                  (f"not translated yet: {result}" if result else "no main program reaches it"))
        out.attempts.append(Attempt(unit.id, backend, "skipped", hashes[unit.id], None, "",
                                    reason, 0))
    translated = {a.unit_id for a in out.attempts if a.status == "translated"}
    copying: dict[int, set[int]] = {}
    for src, dst, kind in ledger.edges(target_id):
        if kind == "copy":
            copying.setdefault(dst, set()).add(src)
    for book in copybooks or []:
        users = copying.get(book.id, set())
        if users and users & translated:
            out.attempts.append(Attempt(book.id, backend, "translated", hashes[book.id],
                                        "copybook", "", None, 0))
        else:
            out.attempts.append(Attempt(book.id, backend, "skipped", hashes[book.id], None,
                                        "", "no translated program COPYs it", 0))
    return out


RUNTIME_CRATE = "cobol_runtime"


def write_binaries(crate_dir: Path, binaries: dict[str, str]) -> bool:
    """`src/bin/<name>/main.rs` for each run unit, and the runtime once, as the path
    dependency `cobol_runtime/` (cargo compiles it once for every binary); each binary's
    `mod cobol_rt;` is a one-line re-export of it. True when there is any binary (the
    crate's Cargo.toml must then name the dependency, see translate/crate.py)."""
    if not binaries:
        return False
    runtime = crate_dir / RUNTIME_CRATE
    files = {runtime / "Cargo.toml": f'[package]\nname = "{RUNTIME_CRATE}"\nversion = "0.1.0"\n'
             'edition = "2021"\npublish = false\n\n[lib]\npath = "src/lib.rs"\n'}
    for rel, source in runtime_source().items():
        name = rel.removeprefix("cobol_rt/")
        files[runtime / "src" / ("lib.rs" if name == "mod.rs" else name)] = source
    for name, text in binaries.items():
        home = crate_dir / "src" / "bin" / name
        files[home / "main.rs"] = text
        files[home / "cobol_rt" / "mod.rs"] = (
            f"//! The COBOL runtime, compiled once as the `{RUNTIME_CRATE}` crate.\n"
            f"pub use {RUNTIME_CRATE}::*;\n")
    for path, text in files.items():
        write_if_changed(path, text)
    return True


def _callees(program: Program) -> list[str]:
    found = []
    for paragraph in program.procedure.paragraphs:
        for statement in walk(paragraph.statements):
            if isinstance(statement, P.Call) and isinstance(statement.program, Literal):
                found.append(statement.program.value.upper())
    return found


def _closure(main: str, calls: dict[str, list[str]]) -> list[str]:
    order, todo = [main], [main]
    while todo:
        for callee in calls.get(todo.pop(), []):
            if callee not in order:
                order.append(callee)
                todo.append(callee)
    return order


def _bin_of(program_id: str, members: dict[str, list[str]]) -> str:
    return next(name for name, ids in members.items() if program_id in ids)
