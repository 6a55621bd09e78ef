"""The target's own program: built by its own commands, run on its own workloads.

Each workload runs in a fresh copy of the built directory, sandboxed and bounded; what it
did is an `Observation` (stdout, stderr, exit status or signal, the output files named in
the TOML). Two observations agree when all of those are identical.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from refactor.model.target import Target, Workload
from refactor.verify import sandbox

_IGNORED = shutil.ignore_patterns(".git", "target", "*.gcda")


@dataclass(frozen=True)
class Observation:
    workload: str
    stdout: bytes
    stderr: bytes
    status: int | None
    signal: int | None
    timed_out: bool
    outputs: tuple[tuple[str, bytes | None], ...]  # file -> content (None: not written)
    isolation: str

    def differences(self, other: Observation) -> list[str]:
        """What differs from `other` (the reference), one readable line each."""
        out = []
        for name in ("status", "signal", "timed_out"):
            if getattr(self, name) != getattr(other, name):
                out.append(f"{name}: expected {getattr(other, name)}, got {getattr(self, name)}")
        for name in ("stdout", "stderr"):
            mine, theirs = getattr(self, name), getattr(other, name)
            if mine != theirs:
                out.append(f"{name}: {_first_difference(theirs, mine)}")
        for (path, mine), (_, theirs) in zip(self.outputs, other.outputs, strict=True):
            if mine != theirs:
                out.append(f"output file {path}: "
                           f"{_first_difference(theirs or b'', mine or b'')}"
                           if mine is not None and theirs is not None
                           else f"output file {path}: written by only one side")
        return out


def _first_difference(expected: bytes, got: bytes) -> str:
    a = expected.decode("utf-8", "replace").splitlines()
    b = got.decode("utf-8", "replace").splitlines()
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return f"line {i + 1}: expected {x[:120]!r}, got {y[:120]!r}"
    if len(a) != len(b):
        return (f"expected {len(a)} lines, got {len(b)}; first extra line: "
                f"{(a[len(b)] if len(a) > len(b) else b[len(a)])[:120]!r}")
    return f"{len(expected)} bytes expected, {len(got)} bytes got"


@dataclass
class BuildResult:
    ok: bool
    commands: list[str] = field(default_factory=list)
    problem: str | None = None
    isolation: str = ""
    failed: dict[str, str] = field(default_factory=dict)  # command -> why (keep_going)


def copy_tree(src: Path, dst: Path, link_executables: bool = False) -> None:
    """Copy `src` to `dst`, leaving out VCS and build output and `dst` itself when it lies
    inside `src` (a work directory inside the target's source). With `link_executables`,
    executable files are hard-linked instead of copied: a run directory needs its own data
    files (programs write them in place) but not its own copy of every binary.
    """
    if dst.exists():
        shutil.rmtree(dst)
    target = dst.resolve()
    nested = target.is_relative_to(src.resolve())  # else no entry can be `dst`: no lookups

    def ignore(directory: str, names: list[str]) -> set[str]:
        skipped = set(_IGNORED(directory, names))
        for name in names if nested else ():
            path = Path(directory, name).resolve()
            if path == target or path in target.parents:
                skipped.add(name)
        return skipped

    def link_or_copy(source: str, target: str) -> object:
        if os.access(source, os.X_OK) and not os.path.islink(source):
            try:
                os.link(source, target)
                return target
            except OSError:
                pass
        return shutil.copy2(source, target)

    shutil.copytree(src, dst, symlinks=True, ignore=ignore,
                    copy_function=link_or_copy if link_executables else shutil.copy2)


def build(target: Target, build_dir: Path, env: dict[str, str], writable: list[Path],
          limits: sandbox.Limits, keep_going: bool = False) -> BuildResult:
    """Copy the target's source into `build_dir` and run its build commands there; with
    `keep_going`, a failing command is noted in `failed` and the next ones still run
    (commands we derived, one per program, rather than the target's own build)."""
    copy_tree(target.source_dir, build_dir)
    result = BuildResult(ok=True)
    for command in target.build.commands:
        result.commands.append(command)
        outcome = sandbox.run(["sh", "-c", command], build_dir,
                              _with_seconds(limits, target.build.timeout), env=env,
                              writable=writable)
        result.isolation = outcome.isolation
        if not outcome.ok:
            tail = outcome.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            if keep_going:
                result.failed[command] = f"{outcome.describe()}: {' | '.join(tail)}"
                continue
            result.ok = False
            result.problem = (f"{target.name}: build command {command!r} failed "
                              f"({outcome.describe()}): {' | '.join(tail)}; fix the "
                              f"[build] commands in the target's TOML")
            break
    return result


def _with_seconds(limits: sandbox.Limits, seconds: float) -> sandbox.Limits:
    return sandbox.Limits(seconds, limits.memory_mb, limits.output_bytes, limits.file_mb)


def run_workload(workload: Workload, program_dir: Path, run_dir: Path,
                 limits: sandbox.Limits, env: dict[str, str] | None = None,
                 writable: list[Path] | None = None) -> Observation:
    """Run one workload in a fresh copy of `program_dir` made at `run_dir` (its executables
    hard-linked, see `copy_tree`)."""
    copy_tree(program_dir, run_dir, link_executables=True)
    stdin = (run_dir / workload.stdin).read_bytes() if workload.stdin else None
    outcome = sandbox.run(workload.command, run_dir, _with_seconds(limits, workload.timeout),
                          stdin=stdin, env=env, writable=writable or [])
    outputs = tuple((name, (run_dir / name).read_bytes() if (run_dir / name).is_file()
                     else None) for name in sorted(workload.outputs))
    observation = Observation(workload.name, outcome.stdout, outcome.stderr, outcome.status,
                              outcome.signal, outcome.timed_out, outputs, outcome.isolation)
    shutil.rmtree(run_dir, ignore_errors=True)
    return observation


def expectation_problems(target: Target, workload: Workload,
                         observed: Observation) -> list[str]:
    """Where the original program does not do what the TOML says it does (the original
    stays the reference; the TOML is probably out of date)."""
    base = target.source_dir
    expected = {"stdout": workload.expected_stdout, "stderr": workload.expected_stderr}
    out = []
    for stream, path in expected.items():
        if path and (base / path).read_bytes() != getattr(observed, stream):
            out.append(f"{target.name}/{workload.name}: the original's {stream} differs from "
                       f"{path}; the original is the reference, update the file")
    if observed.status != workload.expected_status:
        out.append(f"{target.name}/{workload.name}: the original exits with "
                   f"{observed.status}, the TOML says {workload.expected_status}")
    for name, content in observed.outputs:
        want = base / workload.outputs[name]
        if want.is_file() and want.read_bytes() != content:
            out.append(f"{target.name}/{workload.name}: the original's {name} differs from "
                       f"{workload.outputs[name]}")
    return out
