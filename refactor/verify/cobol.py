"""Verification of COBOL programs: the run units' Rust binaries in place of cobc's.

builds: cargo builds the crate's binaries (one per run unit, see
refactor/translate/cobol/pipeline.py). tested: the target's own build runs (its `cobc -x
-o OUT SOURCES` commands), the workloads run on the originals as the reference, then
every OUT whose main program has a Rust binary is replaced by it and the workloads run
again; stdout, stderr, exit status and output files must be identical. A program is
`tested` when the binary holding it ran in a workload and every workload agreed; its
run unit's programs share the verdict (they are one executable).
"""

from __future__ import annotations

import os
import shlex
import shutil
from collections.abc import Callable
from pathlib import Path

from refactor.model.target import Target
from refactor.translate.cobol.pipeline import bin_name
from refactor.verify import programs, sandbox
from refactor.verify.builds import cargo_env

Add = Callable[[int, str, str, str | None, dict[str, object] | None, str | None], None]
LIMITS = sandbox.Limits(seconds=600)


def verify_cobol(target: Target, units: dict[int, tuple[str, str, str]], crate_dir: Path,
                 work: Path, add: Add, problems: list[str]) -> None:
    """`units`: unit id -> (binary, PROGRAM-ID, source path); `add` records a verdict."""
    crate = work / "cobol-crate"
    shutil.rmtree(crate, ignore_errors=True)
    shutil.copytree(crate_dir, crate, ignore=shutil.ignore_patterns("target"))
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
    if not built.ok or not target.workloads:
        reason = ("the crate does not build" if not built.ok else
                  f"{target.name} has no workloads")
        for uid in units:
            add(uid, "tested", "not-run", reason, None, built.isolation)
        return
    _tested(target, units, binaries, work / "cobol-program", add, problems)


def _tested(target: Target, units: dict[int, tuple[str, str, str]],
            binaries: dict[str, Path], work: Path, add: Add, problems: list[str]) -> None:
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    build = work / "build"
    done = programs.build(target, build, dict(os.environ), [work], LIMITS)
    if not done.ok:
        problems.append(done.problem or "the build failed")
        for uid in units:
            add(uid, "tested", "not-run", done.problem, None, done.isolation)
        return
    outputs = executables(target.build.commands)  # OUT -> the main program's source
    mains = {src: binary for binary, _, src in units.values()}
    substitute = {out: binaries[mains[src]] for out, src in outputs.items()
                  if src in mains and binaries[mains[src]].is_file()}
    reference = {w.name: programs.run_workload(w, build, work / "run", LIMITS)
                 for w in target.workloads}
    variant = work / "variant"
    programs.copy_tree(build, variant)
    for out, binary in substitute.items():
        shutil.copyfile(binary, variant / out)
        (variant / out).chmod(0o755)
    failures: dict[str, str] = {}
    ran: set[str] = set()
    for w in target.workloads:
        exe = os.path.normpath(w.command[0])
        if exe in substitute:
            ran.add(exe)
        seen = programs.run_workload(w, variant, work / "run", LIMITS)
        diff = seen.differences(reference[w.name])
        if diff and exe in substitute:
            failures.setdefault(exe, f"workload {w.name}: {diff[0]}")
    by_binary = {mains[src]: out for out, src in outputs.items() if src in mains}
    for uid, (binary, program_id, _) in units.items():
        out = by_binary.get(binary)
        if out is None or out not in substitute:
            add(uid, "tested", "not-substituted", f"no `cobc -x -o` build command makes "
                f"{program_id}'s executable", None, None)
        elif out in failures:
            add(uid, "tested", "fail", failures[out], {"executable": out}, None)
        elif out in ran:
            add(uid, "tested", "pass", f"{out} replaced by the Rust binary; workloads agree",
                {"executable": out, "workloads": [w.name for w in target.workloads]}, None)
        else:
            add(uid, "tested", "not-executed", f"no workload runs {out}", None, None)


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
