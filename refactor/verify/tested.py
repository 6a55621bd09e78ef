"""The `tested` level: the target's program, linked with translated units, on its workloads.

1. The target's build runs once in a copy of its source, through the compiler wrapper
   (coverage on, link steps logged).
2. Every workload runs on that original program: its observations are the reference (the
   TOML's expected files are only checked, and a mismatch is reported), and gcov says
   which functions the workloads executed.
3. The program is re-linked with every built unit that has a symbol of its own
   substituted from the crate's static library, and the workloads run again. When they
   disagree, bisection finds the culprit units; they fail with the first difference as
   evidence, and the rest is re-checked without them.
4. A substituted unit the workloads executed is `tested`; one they never executed is not.
   A unit without a symbol of its own (C `static`, whatever macro spells it) cannot be
   substituted by the linker: its Rust runs when every unit of its file that refers to
   it (calls it, or holds it in a table) runs as Rust, and only then does it count.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from refactor.model.target import Target
from refactor.verify import bisect, coverage, link, programs, sandbox

PROGRAM_LIMITS = sandbox.Limits(seconds=120)
Status = Literal["pass", "fail", "not-executed", "not-substituted", "not-run"]


@dataclass(frozen=True)
class ProgramUnit:
    unit_id: int
    path: str  # C source path relative to the target's source directory
    name: str
    static: bool  # the scan saw `static`; otherwise the program's symbols decide
    referrers: frozenset[int] = frozenset()  # units of the same file that refer to it
    verdict: bool = True  # False: a global, here only for its referrers' sake


@dataclass(frozen=True)
class TestedVerdict:
    unit_id: int
    status: Status
    detail: str
    evidence: dict[str, object] = field(default_factory=dict)


@dataclass
class ProgramResult:
    verdicts: dict[int, TestedVerdict]
    workloads: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    isolation: str = ""
    program_runs: int = 0
    seconds: float = 0.0


class _Variants:
    """Builds and runs program variants, remembering why each failing one failed."""

    def __init__(self, target: Target, work: Path, steps: list[link.LinkStep],
                 archive: Path, shared: set[str], reference: dict[str, programs.Observation],
                 limits: sandbox.Limits) -> None:
        self.target, self.work, self.steps = target, work, steps
        self.archive, self.shared, self.reference, self.limits = (
            archive, shared, reference, limits)
        self.failures: dict[tuple[str, ...], str] = {}
        self.runs = 0

    def fails(self, names: list[str]) -> bool:
        build, variant = self.work / "build", self.work / "variant"
        programs.copy_tree(build, variant)
        for step in self.steps:
            bad = link.relink(step, build, variant, self.archive, set(names), self.shared,
                              self.limits)
            if bad is not None:
                message = bad.stderr.decode("utf-8", "replace").strip().splitlines()[-2:]
                self.failures[tuple(names)] = f"link failed: {' | '.join(message)}"
                return True
        run_dir = self.work / "run"
        env = dict(os.environ, GCOV_PREFIX=str(run_dir / ".gcov-discarded"))
        # The workload that failed last time goes first: a failing variant fails fast.
        order = sorted(self.target.workloads, key=lambda w: w.name != self._last_failed())
        for workload in order:
            self.runs += 1
            seen = programs.run_workload(workload, variant, run_dir, self.limits, env=env)
            diff = seen.differences(self.reference[workload.name])
            if diff:
                self.failures[tuple(names)] = f"workload {workload.name}: {diff[0]}"
                return True
        return False

    def _last_failed(self) -> str:
        if not self.failures:
            return ""
        last = next(reversed(self.failures.values()))
        return last.split(":", 1)[0].removeprefix("workload ")


def verify_program(target: Target, work: Path, archive: Path | None,
                 units: Sequence[ProgramUnit],
                 limits: sandbox.Limits = PROGRAM_LIMITS) -> ProgramResult:
    """Run the `tested` level for `units` of `target`, working in `work` (emptied first)."""
    started = time.monotonic()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    result = ProgramResult({})

    def everyone(status: Status, detail: str) -> ProgramResult:
        for unit in units:
            if unit.verdict:
                result.verdicts.setdefault(unit.unit_id,
                                           TestedVerdict(unit.unit_id, status, detail))
        result.seconds = time.monotonic() - started
        return result

    if not target.workloads:
        return everyone("not-run", f"{target.name} has no workloads: describe it in "
                        "targets/<name>.toml with [build] commands and [[workloads]]")
    env = link.wrapper_env(work / "bin", work / "link.log")
    if isinstance(env, str):
        result.problems.append(env)
        return everyone("not-run", env)
    built = programs.build(target, work / "build", env, [work], limits)
    result.isolation = built.isolation
    if not built.ok:
        result.problems.append(built.problem or "the build failed")
        return everyone("not-run", built.problem or "the build failed")
    steps, unlinkable = link.link_steps(work / "link.log")
    result.problems.extend(unlinkable)
    if not steps:
        problem = (f"{target.name}: the build linked nothing through gcc or cc, so no unit "
                   "can be substituted; build with $(CC) or gcc from PATH")
        result.problems.append(problem)
        return everyone("not-run", problem)

    reference: dict[str, programs.Observation] = {}
    for workload in target.workloads:
        seen = programs.run_workload(workload, work / "build", work / "run", limits,
                                     writable=[work / "build"])
        reference[workload.name] = seen
        result.problems.extend(programs.expectation_problems(target, workload, seen))
        result.program_runs += 1
    result.workloads = [w.name for w in target.workloads]
    executed, cov_problems = coverage.executed_functions(work / "build", limits)
    result.problems.extend(cov_problems)

    if archive is None:
        return everyone("not-run", "the crate's static library was not built")
    c_defined = link.c_symbols(steps)
    shared = c_defined & link.defined_symbols([archive])
    exported = {u.unit_id for u in units if not u.static and u.name in c_defined}
    candidates = [u.name for u in units
                  if u.verdict and u.unit_id in exported and u.name in shared]
    variants = _Variants(target, work, steps, archive, shared, reference, limits)
    guilty, rest = bisect.culprits(candidates, variants.fails)
    result.program_runs += variants.runs
    _verdicts(result, units, exported, guilty, rest, variants, executed)
    result.seconds = time.monotonic() - started
    return result


def _verdicts(result: ProgramResult, units: Sequence[ProgramUnit], exported: set[int],
              guilty: list[str], rest: list[str], variants: _Variants,
              executed: set[tuple[str, str]]) -> None:
    by_name = {u.name: u for u in units if u.unit_id in exported and u.verdict}
    for name in guilty:
        unit = by_name[name]
        prefix = _failure_naming(name, variants)
        result.verdicts[unit.unit_id] = TestedVerdict(
            unit.unit_id, "fail", f"substituting it changes the program: {prefix}",
            {"bisection": True, "evidence": prefix})
    substituted = {by_name[n].unit_id for n in rest}
    internal = [u for u in units if u.unit_id not in exported]
    changed = True
    while changed:  # without a symbol, a unit runs as Rust once all that refers to it does
        changed = False
        for unit in internal:
            if (unit.unit_id not in substituted and unit.referrers
                    and unit.referrers <= substituted):
                substituted.add(unit.unit_id)
                changed = True
    workloads = ", ".join(result.workloads)
    for unit in units:
        if unit.unit_id in result.verdicts or not unit.verdict:
            continue
        if unit.unit_id not in substituted:
            why = ("the crate does not define it" if unit.unit_id in exported else
                   "no symbol of its own (static), and not every unit of its file that "
                   "refers to it is substituted")
            result.verdicts[unit.unit_id] = TestedVerdict(unit.unit_id, "not-substituted", why)
        elif (unit.path, unit.name) in executed:
            result.verdicts[unit.unit_id] = TestedVerdict(
                unit.unit_id, "pass", f"substituted; workloads agree ({workloads})",
                {"workloads": result.workloads})
        else:
            result.verdicts[unit.unit_id] = TestedVerdict(
                unit.unit_id, "not-executed",
                "substituted, but no workload executed it (gcov of the original)")


def _failure_naming(culprit: str, variants: _Variants) -> str:
    """The recorded failure of the variant that named `culprit`."""
    for names, detail in variants.failures.items():
        if names and names[-1] == culprit:
            return detail
    return "the program disagreed"
