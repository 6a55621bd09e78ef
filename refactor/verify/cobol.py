"""Verification of COBOL programs: the run units' Rust binaries in place of cobc's.

builds: cargo builds the crate's binaries (one per run unit, see
refactor/translate/cobol/pipeline.py). tested: the target's own build runs (its `cobc -x
-o OUT SOURCES` commands), the workloads run on the originals as the reference, then
every OUT whose main program has a Rust binary is replaced by it and the workloads run
again; stdout, stderr, exit status and output files must be identical. A program is
`tested` when the binary holding it ran in a workload and every workload agreed; its
run unit's programs share the verdict (they are one executable).

A target that says less still gets tested (`with_defaults`): without build commands (a
plain directory) each run unit is compiled with the pinned `cobc -x -std=default`, and an
executable no workload runs is run once with empty input. Each verdict records the cobc
version and flags.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from refactor.model.target import Target, Workload
from refactor.translate.cobol.pipeline import bin_name
from refactor.verify import programs, sandbox
from refactor.verify.builds import cargo_env

Add = Callable[[int, str, str, str | None, dict[str, object] | None, str | None], None]
LIMITS = sandbox.Limits(seconds=600)
COBC_FLAGS = ("-x", "-std=default")  # the dialect pinned when the target gives no build


def verify_cobol(target: Target, units: dict[int, tuple[str, str, str]], crate_dir: Path,
                 work: Path, add: Add, problems: list[str],
                 copybook_dirs: Sequence[str] = ()) -> None:
    """`units`: unit id -> (binary, PROGRAM-ID, source path); `add` records a verdict;
    `copybook_dirs`: where the scan found copybooks (include paths of a derived build)."""
    crate = work / "cobol-crate"
    if crate.is_dir():  # a fresh copy of the sources; cargo's target/ stays (incremental)
        for entry in crate.iterdir():
            if entry.name == "target":
                continue
            if entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()
    shutil.copytree(crate_dir, crate, ignore=shutil.ignore_patterns("target"),
                    dirs_exist_ok=True)
    built = sandbox.run(["cargo", "build", "--offline", "--bins"], crate, LIMITS,
                        env=cargo_env(crate))
    binaries = {b: crate / "target" / "debug" / b for b, _, _ in units.values()}
    for uid, (binary, _, _) in units.items():
        if built.ok and binaries[binary].is_file():
            add(uid, "builds", "pass", None, {"command": "cargo build --bins"},
                built.isolation)
        else:
            tail = built.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            add(uid, "builds", "fail", " | ".join(tail) or "the binary was not built",
                None, built.isolation)
    if not built.ok:
        for uid in units:
            add(uid, "tested", "not-run", "the crate does not build", None, built.isolation)
        return
    _tested(with_defaults(target, units, copybook_dirs), units, binaries,
            work / "cobol-program", add, problems, keep_going=not target.build.commands)


def variant_tree(build: Path, variant: Path, substitute: dict[str, Path]) -> None:
    """A copy of the built tree with each executable OUT replaced by its Rust binary (the
    other executables hard-linked: a replaced one is unlinked first, never written
    through the link into the build)."""
    programs.copy_tree(build, variant, link_executables=True)
    for out, binary in substitute.items():
        (variant / out).unlink(missing_ok=True)
        shutil.copyfile(binary, variant / out)
        (variant / out).chmod(0o755)


def with_defaults(target: Target, units: dict[int, tuple[str, str, str]],
                  copybook_dirs: Sequence[str] = ()) -> Target:
    """`target` with what it does not say filled in: without build commands, each run unit
    compiled by `cobc {COBC_FLAGS}` (copybook directories and the sources' directories as
    include paths); each executable no workload runs gets one run with empty input."""
    commands = list(target.build.commands)
    if not commands:
        sources: dict[str, list[str]] = {}
        for binary, _, path in sorted(units.values(), key=lambda u: (
                bin_name(u[1]) != u[0], u[2])):  # the main program's source first
            if path not in sources.setdefault(binary, []):
                sources[binary].append(path)
        dirs = sorted({*target.copybook_dirs, *copybook_dirs,
                       *(os.path.dirname(p) or "." for ps in sources.values() for p in ps)})
        includes = " ".join(f"-I {shlex.quote(d)}" for d in dirs)
        commands = ["mkdir -p bin"] + [
            f"cobc {' '.join(COBC_FLAGS)} {includes} -o bin/{binary} "
            f"{' '.join(shlex.quote(p) for p in paths)}" for binary, paths in sources.items()]
    ran = {os.path.normpath(w.command[0]) for w in target.workloads}
    names = {w.name for w in target.workloads}
    extra = [Workload(name=_unique(f"{out} (empty input)", names), command=[
        out if "/" in out else f"./{out}"]) for out in executables(commands) if out not in ran]
    return target.model_copy(update={
        "build": target.build.model_copy(update={"commands": commands}),
        "workloads": [*target.workloads, *extra]})


def _unique(name: str, taken: set[str]) -> str:
    while name in taken:
        name += "'"
    taken.add(name)
    return name


@cache
def cobc_version() -> str:
    """`cobc --version`'s first line, recorded with every tested verdict."""
    try:
        done = subprocess.run(["cobc", "--version"], capture_output=True, text=True,
                              timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"cobc not runnable: {exc}"
    return (done.stdout.splitlines() or ["cobc: no version"])[0]


def _tested(target: Target, units: dict[int, tuple[str, str, str]],
            binaries: dict[str, Path], work: Path, add: Add, problems: list[str],
            keep_going: bool = False) -> None:
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    build = work / "build"
    done = programs.build(target, build, dict(os.environ), [work], LIMITS, keep_going)
    if not done.ok:
        problems.append(done.problem or "the build failed")
        for uid in units:
            add(uid, "tested", "not-run", done.problem, None, done.isolation)
        return
    outputs = executables(target.build.commands)  # OUT -> the main program's source
    flags = build_flags(target.build.commands)
    broken = {os.path.normpath(out): why for command, why in done.failed.items()
              for out in executables([command])}  # derived commands cobc refused
    problems.extend(f"cobc does not compile {outputs[out]} ({why})"
                    for out, why in broken.items())
    mains = {src: binary for binary, _, src in units.values()}
    substitute = {out: binaries[mains[src]] for out, src in outputs.items()
                  if src in mains and binaries[mains[src]].is_file() and out not in broken}
    reference = {w.name: programs.run_workload(w, build, work / "run", LIMITS)
                 for w in target.workloads}
    variant = work / "variant"
    variant_tree(build, variant, substitute)
    failures: dict[str, str] = {}
    ran: set[str] = set()
    for w in target.workloads:
        exe = os.path.normpath(w.command[0])
        if reference[w.name].timed_out:  # the original did not finish: it proves nothing
            problems.append(f"{target.name}/{w.name}: the original ran out of time "
                            f"({w.timeout:g} s); the workload is not used")
            continue
        if exe in substitute:
            ran.add(exe)
        seen = programs.run_workload(w, variant, work / "run", LIMITS)
        diff = seen.differences(reference[w.name])
        if diff and exe in substitute:
            failures.setdefault(exe, f"workload {w.name}: {diff[0]}")
    by_binary = {mains[src]: out for out, src in outputs.items() if src in mains}
    for uid, (binary, program_id, _) in units.items():
        out = by_binary.get(binary)
        if out in broken:
            add(uid, "tested", "not-run", f"the original does not compile with "
                f"`cobc {' '.join(COBC_FLAGS)}`: {broken[out]}", None, None)
        elif out is None or out not in substitute:
            add(uid, "tested", "not-substituted", f"no `cobc -x -o` build command makes "
                f"{program_id}'s executable", None, None)
        elif out in failures:
            add(uid, "tested", "fail", failures[out], {"executable": out}, None)
        elif out in ran:
            add(uid, "tested", "pass", f"{out} replaced by the Rust binary; workloads agree",
                {"executable": out, "workloads": [w.name for w in target.workloads
                                                  if os.path.normpath(w.command[0]) == out],
                 "cobc": cobc_version(), "flags": flags.get(out, [])}, None)
        else:
            add(uid, "tested", "not-executed", f"no workload runs {out}", None, None)


def build_flags(commands: list[str]) -> dict[str, list[str]]:
    """OUT -> the dialect and compile flags of the `cobc -x` command building it."""
    found: dict[str, list[str]] = {}
    for command in commands:
        words = shlex.split(command)
        if words and os.path.basename(words[0]) == "cobc" and "-o" in words[:-1]:
            out = os.path.normpath(words[words.index("-o") + 1])
            found[out] = [w for w in words[1:] if w.startswith("-") and w not in ("-o", "-I")]
    return found


def executables(commands: list[str]) -> dict[str, str]:
    """OUT -> first source file of each `cobc -x ... -o OUT SOURCES` build command."""
    found: dict[str, str] = {}
    for command in commands:
        words = shlex.split(command)
        if not words or os.path.basename(words[0]) != "cobc" or "-x" not in words:
            continue
        out = next((words[i + 1] for i, w in enumerate(words[:-1]) if w == "-o"), None)
        sources = [w for w in words if w.lower().endswith((".cbl", ".cob", ".cobol"))]
        if out and sources:
            found[os.path.normpath(out)] = os.path.normpath(sources[0])
    return found


__all__ = ["bin_name", "verify_cobol"]
