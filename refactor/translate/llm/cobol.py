"""The model for COBOL: one loop per run unit (a main program and the programs it CALLs).

In `hybrid` mode the prompt holds the COBOL sources, their COPY books and the rules
backend's draft (a whole `main.rs` using the `cobol_rt` runtime); in `llm` mode the
sources only. An answer is screened (the guard allows `mod cobol_rt;`, the runtime the
crate puts beside every binary, and the std facilities the COBOL uses: files for FD/OPEN,
the environment for ACCEPT FROM ENVIRONMENT/ARGUMENT, exiting for STOP RUN), built as a
binary with the runtime, and run in place of the cobc-built executable on the target's
workloads: the differential test of the `tested` level, against the original built once
per translation. A disagreement goes back to the model as the first difference.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from refactor.ledger import Attempt, Ledger, UnitView
from refactor.model.target import Target, Workload
from refactor.translate.cobol.pipeline import (
    RUNTIME_CRATE,
    CobolTranslation,
    bin_name,
    write_binaries,
)
from refactor.translate.llm.backend import (
    ModelConfig,
    ModelSummary,
    _run,
    attempt_cost,
    not_verified,
)
from refactor.translate.llm.checker import CTarget, ModuleFrame
from refactor.translate.llm.context import UnitRef, build_context
from refactor.translate.llm.driver import Job
from refactor.translate.llm.loop import Check, Outcome
from refactor.translate.unsafe_lines import count_unsafe_lines
from refactor.verify import programs, sandbox
from refactor.verify.builds import cargo_env
from refactor.verify.cobol import executables, variant_tree
from refactor.verify.diagnostics import parse_cargo

LIMITS = sandbox.Limits(seconds=300)
RUNTIME_MODULE = "cobol_rt"
_FILES = re.compile(r"\b(SELECT|OPEN)\b", re.IGNORECASE)
_ENVIRONMENT = re.compile(r"\bACCEPT\b[^.]*\bFROM\s+(ENVIRONMENT|ARGUMENT|COMMAND-LINE)",
                          re.IGNORECASE)
_COPY = re.compile(r"\bCOPY\s+[\"']?([A-Za-z0-9][\w-]*)", re.IGNORECASE)


def facilities(cobol: str) -> list[str]:
    """What the program does outside memory, in words for the prompt."""
    found = []
    if _FILES.search(cobol):
        found.append("files (SELECT / OPEN)")
    if _ENVIRONMENT.search(cobol):
        found.append("the environment or command line (ACCEPT FROM ...)")
    return found


def uses(cobol: str) -> frozenset[str]:
    """The C names that justify std facilities for a COBOL program (see guard.FACILITIES):
    STOP RUN exits with RETURN-CODE; files and environment only when the COBOL has them."""
    found = {"exit"}
    if _FILES.search(cobol):
        found |= {"fopen", "remove", "rename"}
    if _ENVIRONMENT.search(cobol):
        found |= {"getenv", "argv"}
    return frozenset(found)


class Reference:
    """The target built once with its own commands and its workloads run once; each
    candidate binary is run in place of its executable and compared."""

    def __init__(self, target: Target, work: Path) -> None:
        self.target, self.work = target, work
        self.outputs = executables(target.build.commands)  # OUT -> main source
        self._built: programs.BuildResult | None = None
        self._observed: dict[str, programs.Observation] = {}
        self._lock = threading.Lock()  # checks run in several threads

    def _build(self) -> programs.BuildResult:
        with self._lock:
            if self._built is None:
                shutil.rmtree(self.work, ignore_errors=True)
                self.work.mkdir(parents=True)
                self._built = programs.build(self.target, self.work / "build",
                                             dict(os.environ), [self.work], LIMITS)
            return self._built

    def _reference(self, workload: Workload) -> programs.Observation:
        with self._lock:
            if workload.name not in self._observed:
                self._observed[workload.name] = programs.run_workload(
                    workload, self.work / "build", self.work / f"run-{workload.name}",
                    LIMITS)
            return self._observed[workload.name]

    def check(self, main_source: str, rust: str, work: Path) -> Check:
        unsafe = count_unsafe_lines(rust)
        binary, errors = _build_binary(rust, work.parent / "crate")
        if binary is None:
            return Check(builds=False, errors=errors, unsafe_lines=unsafe)
        out = next((o for o, src in self.outputs.items() if src == main_source), None)
        runs = [w for w in self.target.workloads
                if out is not None and os.path.normpath(w.command[0]) == out]
        if out is None or not runs or not self._build().ok:
            return Check(builds=True, agrees=None, unsafe_lines=unsafe)
        variant = work / "variant"
        variant_tree(self.work / "build", variant, {out: binary})
        judged = False
        for workload in runs:
            expected = self._reference(workload)
            if expected.timed_out:  # the original did not finish: it proves nothing
                continue
            judged = True
            seen = programs.run_workload(workload, variant, work / "run", LIMITS)
            diff = seen.differences(expected)
            if diff:
                return Check(builds=True, agrees=False, unsafe_lines=unsafe,
                             counterexample=f"workload {workload.name}: {diff[0]}",
                             evidence={"inputs": {"workload": workload.name,
                                                  "command": " ".join(workload.command),
                                                  "stdin": workload.stdin or "(none)"},
                                       "c": _shown(expected), "rust": _shown(seen)})
        return Check(builds=True, agrees=True if judged else None, unsafe_lines=unsafe)


def _shown(observed: programs.Observation) -> dict[str, object]:
    return {"exit status": observed.status,
            "stdout": observed.stdout.decode("utf-8", "replace")[-1200:]}


def _build_binary(rust: str, crate: Path) -> tuple[Path | None, tuple[str, ...]]:
    """`rust` as the one binary of a crate laid out as `refactor translate` lays out a
    target's (the runtime as its path dependency, compiled once for all the rounds of a
    unit: `crate` is kept between them)."""
    shutil.rmtree(crate / "src", ignore_errors=True)
    crate.mkdir(parents=True, exist_ok=True)
    (crate / "Cargo.toml").write_text(
        '[package]\nname = "candidate"\nversion = "0.0.0"\nedition = "2021"\n\n'
        f'[dependencies]\n{RUNTIME_CRATE} = {{ path = "{RUNTIME_CRATE}" }}\n\n[workspace]\n',
        "utf-8")
    write_binaries(crate, {"candidate": rust})
    done = sandbox.run(["cargo", "build", "--offline", "--message-format=json"], crate,
                       LIMITS, env=cargo_env(crate))
    binary = crate / "target" / "debug" / "candidate"
    if done.ok and binary.is_file():
        return binary, ()
    errors = [d.rendered for d in parse_cargo(done.stdout, crate).diagnostics
              if d.level == "error"]
    if not errors:
        errors = [f"cargo {done.describe()}: "
                  f"{done.stderr.decode('utf-8', 'replace').strip()[-600:]}"]
    return None, tuple(errors[:8])


@dataclass(frozen=True)
class _Unit:
    main: str
    members: list[str]
    job: Job
    draft: str | None


def cobol_model_pass(ledger: Ledger, target_id: int, root: Path,
                     units: Sequence[UnitView], done: CobolTranslation,
                     hashes: dict[int, str], target: Target | None, config: ModelConfig,
                     backend: str, work: Path,
                     progress: Callable[[str], None] | None = None,
                     ) -> tuple[list[Attempt], ModelSummary]:
    """A model loop per run unit; `done.binaries` updated where the model's answer wins.
    The attempts to record after the rules' (newest last)."""
    summary = ModelSummary()
    if target is None or not target.workloads:
        summary.stopped = ("no workloads: COBOL answers are checked by running them, "
                           "describe the target in a TOML with [[workloads]]")
        return [], summary
    by_name = {u.name.upper(): u for u in units if u.kind == "program"}
    books = {u.name.upper(): root / u.path for u in ledger.units(target_id)
             if u.kind == "copybook"}
    reference = Reference(target, work / "reference")
    jobs: list[_Unit] = []
    for main, members in sorted(done.run_units.items()):
        if main not in by_name or any((by_name[m].reason or "").startswith("unsupported:")
                                      for m in members if m in by_name):
            continue
        jobs.append(_job(main, members, by_name, books, root, done, reference, backend,
                         config.context_tokens))
    summary.units = len(jobs)
    if not jobs:
        return [], summary
    outcomes, stats = asyncio.run(_run([j.job for j in jobs], ledger, CTarget(()), config,
                                       work, progress))
    summary.requests, summary.cached, summary.rejected = (stats.requests, stats.cached,
                                                          stats.rejected)
    summary.stopped = stats.stopped
    latest = {a.unit_id: a for a in done.attempts}
    attempts: list[Attempt] = []
    for unit, outcome in zip(jobs, outcomes, strict=True):
        attempts += _settle(unit, outcome, by_name, latest, done, backend, summary)
    return attempts, summary


def _job(main: str, members: list[str], by_name: dict[str, UnitView],
         books: dict[str, Path], root: Path, done: CobolTranslation, reference: Reference,
         backend: str, context_tokens: int) -> _Unit:
    unit = by_name[main]
    paths = sorted({done.paths.get(m, unit.path) for m in members}, key=lambda p: (
        p != unit.path, p))
    source = "\n".join((root / p).read_text("utf-8", errors="replace") for p in paths)
    copybooks = {name: path.read_text("utf-8", errors="replace")
                 for name in dict.fromkeys(n.upper() for n in _COPY.findall(source))
                 if (path := books.get(name)) is not None}
    draft = done.binaries.get(bin_name(main))
    context = build_context(
        UnitRef(unit.path, "program", main, 1, source.count("\n") + 1, "cobol"), source,
        copybooks=copybooks, draft=draft if backend == "hybrid" else None,
        c_facilities=facilities(source),
        budget_tokens=context_tokens)
    main_source = os.path.normpath(unit.path)
    frame = ModuleFrame(f"bin:{bin_name(main)}", draft or "", draft or "")
    # The rules draft is trusted code: what it uses, the model's answer may use too.
    trusted = {"fopen", "remove", "rename"} if draft and "std::fs" in draft else set()
    trusted |= {"getenv", "argv"} if draft and "std::env" in draft else set()
    job = Job(unit.id, main, frame, context, uses(source) | trusted,
              task="translate_cobol_program",
              modules=frozenset({RUNTIME_MODULE}),
              check=lambda rust, work: reference.check(main_source, rust, work))
    return _Unit(main, members, job, draft)


def _settle(unit: _Unit, outcome: Outcome, by_name: dict[str, UnitView],
            latest: dict[int, Attempt], done: CobolTranslation, backend: str,
            summary: ModelSummary) -> list[Attempt]:
    """The attempts one run unit's loop leaves (the model's costs on its main program),
    and its binary replaced when the model's answer won."""
    winner = outcome.winner
    ids = [by_name[m].id for m in unit.members if m in by_name]
    cost = attempt_cost(outcome)
    free = {**cost, "tokens_in": 0, "tokens_out": 0, "cost": 0.0}
    name = bin_name(unit.main)
    if summary.settle(outcome, unit.draft is not None) and winner is not None:
        done.binaries[name] = winner.rust
        done.members[name] = unit.members
        return [Attempt(uid, backend, "translated", latest[uid].src_hash, f"bin:{name}",
                        winner.rust, not_verified(outcome), count_unsafe_lines(winner.rust),
                        **(cost if uid == unit.job.unit_id else free))  # type: ignore[arg-type]
                for uid in ids]
    tried = Attempt(unit.job.unit_id, backend, "failed", latest[unit.job.unit_id].src_hash,
                    f"bin:{name}", "", f"the model's answer did not verify: {outcome.why}",
                    0, **cost)  # type: ignore[arg-type]
    # the drafts again, so the newest attempt is what the crate holds
    return [tried, *(latest[uid] for uid in ids)] if unit.draft is not None else [tried]
