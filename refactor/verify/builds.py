"""The `builds` verification level: the whole crate compiles, unit by unit accounted for.

One `cargo build` of the whole crate per round. Every error is mapped to the unit whose
text occupies the erring lines of its module file; those units are taken out (an
exported C function becomes an extern declaration, so its Rust callers still compile and
the C original is linked in its place; anything else is removed) and the crate is built
again, until it builds or the rounds run out. An error outside every unit takes out its
whole module. The files on disk end as the last crate built; the units' original text
stays with the caller. After a successful build, one `cargo clippy` run attaches its
warnings to the units. Everything runs through `sandbox.run`: bounded, and isolated
when bubblewrap works here.
"""

from __future__ import annotations

import os
import re
import shlex
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from refactor.verify import fallback
from refactor.verify.diagnostics import (
    Attribution,
    CargoOutput,
    Diagnostic,
    Span,
    attribute,
    is_error,
    is_warning,
    parse_cargo,
)
from refactor.verify.layout import CrateLayout
from refactor.verify.sandbox import Limits, Outcome, run

DEFAULT_LIMITS = Limits(seconds=300.0)
MAX_WARNINGS = 20
MAX_ERRORS = 20
_ENV_KEEP = ("PATH", "HOME", "RUSTUP_HOME", "CARGO_HOME", "RUSTUP_TOOLCHAIN", "LANG")
# DESIGN.md "Trust boundaries": what generated code may not use.
_FORBIDDEN = re.compile(
    r"\b(include|include_str|include_bytes|asm|global_asm|naked_asm)\s*!|"
    r"\bextern\s+crate\b|#\s*\[\s*proc_macro")


@dataclass(frozen=True)
class UnitCode:
    unit_id: int
    module: str  # crate module, file src/<module>.rs
    rust: str  # the unit's Rust, verbatim in the module file


@dataclass
class UnitBuild:
    unit_id: int
    ok: bool  # its code is in the final, building crate
    errors: list[str] = field(default_factory=list)  # rendered compiler errors
    warnings: list[str] = field(default_factory=list)  # rendered clippy warnings
    fallback: str | None = None  # "extern" | "removed" when taken out; None when ok


@dataclass
class CrateBuild:
    ok: bool  # the final crate builds
    units: dict[int, UnitBuild]  # every input unit
    rounds: int  # cargo build invocations
    staticlib: Path | None
    cdylib: Path | None
    commands: list[str]
    isolation: str
    problems: list[str]  # what could not be attributed to a unit, naming module/line
    seconds: float


def cargo_env(crate_dir: Path) -> dict[str, str]:
    """The environment cargo runs in: the toolchain's variables, a target dir inside the
    crate, no colours."""
    env = {k: os.environ[k] for k in _ENV_KEEP if k in os.environ}
    env.setdefault("PATH", "/usr/local/bin:/usr/bin:/bin")
    env["CARGO_TARGET_DIR"] = str(crate_dir / "target")
    env["CARGO_TERM_COLOR"] = "never"
    return env


def build_crate(crate_dir: Path, units: Sequence[UnitCode], *, limits: Limits | None = None,
                clippy: bool = True, max_rounds: int = 10) -> CrateBuild:
    """Build the crate in `crate_dir`, taking out the units that do not compile."""
    started = time.monotonic()
    crate_dir = crate_dir.resolve()
    session = _Session(crate_dir, limits or DEFAULT_LIMITS)
    builds = {u.unit_id: UnitBuild(u.unit_id, ok=True) for u in units}
    if (crate_dir / "build.rs").exists():
        session.problems.append(
            f"{crate_dir / 'build.rs'}: generated crates may not have a build script "
            "(DESIGN.md, Trust boundaries); delete it and build again")
        return session.result(False, builds, None, started)
    layout = CrateLayout.read(crate_dir, units)
    for unit_id, problem in layout.missing.items():
        _take_out(builds[unit_id], layout, unit_id, problem, extern=False)
    _screen(layout, builds, session)
    last: CargoOutput | None = None
    for round_no in range(1, max(1, max_rounds) + 1):
        layout.write()
        outcome, last = session.cargo("build")
        if outcome.ok:
            break
        errors = [d for d in last.diagnostics if is_error(d)]
        if outcome.timed_out:
            session.problems.append(
                f"cargo build in {crate_dir} timed out after {session.limits.seconds:g} s; "
                "raise the build time limit or translate the target in smaller parts")
            last = None
            break
        if not errors:
            session.problems.append(
                f"cargo build in {crate_dir} failed without a compiler error "
                f"({outcome.describe()}): {_tail(outcome.stderr)}")
            last = None
            break
        if round_no == max(1, max_rounds):
            session.unresolved(errors, layout, builds,
                               f"still failing after {round_no} rounds")
            last = None
            break
        if not _take_out_erring(errors, layout, builds, session):
            last = None
            break
    if last is None:  # the crate does not build: nothing of it is in a building crate
        for build in builds.values():
            build.ok = False
        return session.result(False, builds, None, started)
    if clippy:
        session.lint(layout, builds)
    return session.result(True, builds, last, started)


def _screen(layout: CrateLayout, builds: dict[int, UnitBuild], session: _Session) -> None:
    """Take out, before any build, units and modules using what generated code may not."""
    for unit_id, text in layout.live_units():
        found = _FORBIDDEN.search(text)
        if found:
            _take_out(builds[unit_id], layout, unit_id,
                      f"uses `{found.group(0).strip()}`, which generated code may not "
                      "(DESIGN.md, Trust boundaries); translate it without", extern=True)
    for module, line, what in layout.preamble_matches(_FORBIDDEN):
        reason = (f"src/{module}.rs line {line}: uses `{what}` outside any unit, which "
                  "generated code may not (DESIGN.md, Trust boundaries)")
        session.problems.append(f"{reason}; the module was taken out")
        _drop_module(layout, builds, module, reason)


def _take_out_erring(errors: list[Diagnostic], layout: CrateLayout,
                     builds: dict[int, UnitBuild], session: _Session) -> bool:
    """Take out what the errors point at; False when nothing could be taken out."""
    erring: dict[int, list[str]] = {}
    modules: dict[str, str] = {}
    unplaced: list[tuple[Diagnostic, Attribution]] = []
    ranges = layout.ranges()
    for diag in errors:
        where = attribute(diag, layout.crate_dir, ranges)
        if where.unit_id is not None:
            erring.setdefault(where.unit_id, []).append(diag.rendered)
        elif where.module is not None and where.module in layout.modules \
                and not layout.modules[where.module].dropped:
            modules.setdefault(where.module, f"{where.where(layout.crate_dir)}: "
                                             f"{diag.message}")
        else:
            unplaced.append((diag, where))
    for unit_id, rendered in erring.items():
        builds[unit_id].errors += rendered[:MAX_ERRORS]
        _take_out(builds[unit_id], layout, unit_id, None, extern=True)
    for module, reason in modules.items():
        session.problems.append(f"error outside any unit at {reason}; "
                                f"module {module} was taken out")
        _drop_module(layout, builds, module, f"error outside any unit at {reason}")
    if unplaced and not erring and not modules:
        session.unresolved([d for d, _ in unplaced], layout, builds,
                           "not attributable to any unit")
        return False
    return True


def _take_out(build: UnitBuild, layout: CrateLayout, unit_id: int, reason: str | None,
              *, extern: bool) -> None:
    """Extern declaration on the first take-out when the unit exports a C function,
    removal otherwise (or when the declaration itself did not build)."""
    if reason:
        build.errors.append(reason)
    build.ok = False
    decl = (fallback.replacement(layout.original(unit_id), unit_id)
            if extern and build.fallback is None else None)
    if decl is not None:
        build.fallback = "extern"
        layout.replace(unit_id, decl)
    else:
        build.fallback = "removed"
        layout.replace(unit_id, fallback.removed(unit_id))


def _drop_module(layout: CrateLayout, builds: dict[int, UnitBuild], module: str,
                 reason: str) -> None:
    for unit_id in layout.drop(module, reason):
        build = builds[unit_id]
        if build.ok:
            build.errors.append(f"taken out with module {module}: {reason}")
        build.ok, build.fallback = False, "removed"


class _Session:
    """The cargo runs of one `build_crate`, and what they leave for the result."""

    def __init__(self, crate_dir: Path, limits: Limits) -> None:
        self.crate_dir = crate_dir
        self.limits = limits
        self.commands: list[str] = []
        self.isolations: list[str] = []
        self.problems: list[str] = []
        self.rounds = 0

    def cargo(self, command: str) -> tuple[Outcome, CargoOutput]:
        # The library only: COBOL run units' binaries (src/bin/) are built and judged by
        # refactor/verify/cobol.py, once.
        argv = ["cargo", command, "--offline", "--lib", "--message-format=json"]
        self.commands.append(f"cd {shlex.quote(str(self.crate_dir))} && {shlex.join(argv)}")
        self.rounds += command == "build"
        outcome = run(argv, self.crate_dir, self.limits, env=cargo_env(self.crate_dir),
                      writable=[self.crate_dir])
        if outcome.isolation not in self.isolations:
            self.isolations.append(outcome.isolation)
        if outcome.truncated:
            self.problems.append(f"cargo {command}: output over "
                                 f"{self.limits.output_bytes} bytes was cut")
        return outcome, parse_cargo(outcome.stdout, self.crate_dir)

    def lint(self, layout: CrateLayout, builds: dict[int, UnitBuild]) -> None:
        outcome, output = self.cargo("clippy")
        if outcome.timed_out:
            self.problems.append(f"cargo clippy timed out after {self.limits.seconds:g} s; "
                                 "no lint warnings recorded")
            return
        if not outcome.ok and not output.diagnostics:
            self.problems.append(
                f"clippy not available: {_tail(outcome.stderr)} (install it with "
                "`rustup component add clippy` to record lint warnings)")
            return
        ranges = layout.ranges()
        for diag in output.diagnostics:
            if not is_warning(diag):
                continue
            unit_id = attribute(diag, self.crate_dir, ranges).unit_id
            if unit_id is not None and unit_id in builds:
                warnings = builds[unit_id].warnings
                if len(warnings) < MAX_WARNINGS:
                    warnings.append(diag.rendered)

    def unresolved(self, errors: list[Diagnostic], layout: CrateLayout,
                   builds: dict[int, UnitBuild], why: str) -> None:
        ranges = layout.ranges()
        for diag in errors:
            where = attribute(diag, self.crate_dir, ranges)
            if where.unit_id is not None and where.unit_id in builds:
                builds[where.unit_id].errors.append(diag.rendered)
            self.problems.append(f"{where.where(self.crate_dir)}: {diag.message} ({why}); "
                                 f"the crate does not build:\n{diag.rendered}")

    def result(self, ok: bool, builds: dict[int, UnitBuild], output: CargoOutput | None,
               started: float) -> CrateBuild:
        staticlib = cdylib = None
        if output is not None:
            staticlib = next((p for p in output.artifacts if p.suffix == ".a"), None)
            cdylib = next((p for p in output.artifacts
                           if p.suffix in (".so", ".dylib", ".dll")), None)
        return CrateBuild(ok, builds, self.rounds, staticlib, cdylib, self.commands,
                          "+".join(self.isolations) or "none", self.problems,
                          time.monotonic() - started)


def _tail(stderr: bytes, limit: int = 600) -> str:
    text = stderr.decode("utf-8", "replace").strip()
    lines = [ln for ln in text.splitlines() if ln.strip() and "Compiling" not in ln]
    text = " | ".join(lines[-6:])
    return text[-limit:] or "no output"


__all__ = ["DEFAULT_LIMITS", "CrateBuild", "Span", "UnitBuild", "UnitCode", "build_crate",
           "cargo_env"]
