"""`refactor verify`: the three levels over a target's current translations, into the ledger.

1. builds: the whole crate in one cargo invocation (a copy of the translated crate, so the
   crate `refactor translate` wrote stays as it was); units that do not build fall back
   to their C original.
2. fuzzed: every exported function that built, against the C original, inputs from its
   signature.
3. tested: the target's program with the built units substituted, on its workloads.

Each level gives one verdict per unit, stored with its evidence; each unit's level and
whether it is secured follow from them (levels.py). A type, global or macro has no
behaviour of its own: it reaches the lowest level of the functions that use it, and
stays at `builds` when no verified unit uses it.
"""

from __future__ import annotations

import shutil
import time
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from refactor.ledger import Attempt, Ledger, UnitLevel, UnitView, Verdict
from refactor.model.target import Target
from refactor.verify import levels
from refactor.verify.builds import CrateBuild, UnitCode, build_crate
from refactor.verify.cobol import verify_cobol
from refactor.verify.fuzz import fuzz_functions
from refactor.verify.tested import ProgramUnit, verify_program

STAGES = levels.STAGES
_FUZZ_STATUS = {"agree": "pass", "disagree": "fail", "unsupported": "unsupported",
                "error": "error"}


@dataclass
class VerifySummary:
    run_id: int
    units: int = 0
    levels: Counter[str] = field(default_factory=Counter)
    secured: int = 0
    loc_secured: int = 0
    loc_total: int = 0
    problems: list[str] = field(default_factory=list)
    isolation: str = ""
    seconds: dict[str, float] = field(default_factory=dict)
    fuzz: Counter[str] = field(default_factory=Counter)
    tested: Counter[str] = field(default_factory=Counter)

    def add(self, other: VerifySummary) -> None:
        """Take in another share's figures (refactor/execute runs a target in items)."""
        for name in ("units", "secured", "loc_secured", "loc_total"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.levels.update(other.levels)
        self.fuzz.update(other.fuzz)
        self.tested.update(other.tested)
        self.problems += other.problems
        self.isolation = self.isolation or other.isolation
        for stage, seconds in other.seconds.items():
            self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds


@dataclass
class _Context:
    ledger: Ledger
    target_id: int
    target: Target
    units: dict[int, UnitView]
    attempts: dict[int, Attempt]  # current translated attempt per unit
    work: Path
    verdicts: dict[int, list[Verdict]] = field(default_factory=dict)
    unsaved: list[Verdict] = field(default_factory=list)
    references: dict[str, dict[int, set[int]]] | None = None  # edge kind -> src -> dsts

    def add(self, unit_id: int, level: str, status: str, detail: str | None,
            evidence: dict[str, object] | None, isolation: str | None) -> None:
        verdict = Verdict(unit_id, self.attempts[unit_id].id, level, status, detail,
                          evidence, isolation)
        self.verdicts.setdefault(unit_id, []).append(verdict)
        self.unsaved.append(verdict)

    def save(self, run_id: int) -> None:
        """Store the verdicts of the stage that just ended: an interrupted run keeps the
        evidence of the stages it finished."""
        self.ledger.record_verdicts(run_id, self.unsaved, [])
        self.unsaved = []


def verify_target(ledger: Ledger, target_id: int, target: Target, crate_dir: Path,
                  work: Path, include_dirs: Sequence[Path] = (),
                  defines: Sequence[str] = (), *, fuzz_examples: int = 100,
                  stages: Sequence[str] = STAGES,
                  progress: Callable[[str], None] | None = None,
                  only: Collection[int] | None = None) -> VerifySummary:
    """Verify the target's current translations; every result goes to the ledger.
    `only`: the units to verify (a worker's share, refactor/execute); all if None."""
    units = {u.id: u for u in ledger.units(target_id)}
    hashes = ledger.unit_hashes(target_id)
    attempts = {uid: a for uid, a in ledger.latest_attempts(target_id).items()
                if uid in units and a.status == "translated" and a.src_hash == hashes[uid]
                and (only is None or uid in only)}
    ctx = _Context(ledger, target_id, target, units, attempts, work)
    run_id = ledger.begin_run(target_id, "verify", None)
    summary = VerifySummary(run_id)
    try:
        if progress:
            progress("building the crate")
        built = _builds(ctx, crate_dir, summary)
        ctx.save(run_id)
        functions = [uid for uid, b in built.units.items()
                     if b.ok and units[uid].kind == "function"]
        if "fuzzed" in stages and built.cdylib is not None and functions:
            if progress:
                progress(f"fuzzing {len(functions)} functions")
            _fuzzed(ctx, built.cdylib, functions, include_dirs, defines, fuzz_examples,
                    summary)
            ctx.save(run_id)
        if "tested" in stages and functions:
            if progress:
                progress("testing the program on its workloads")
            _tested(ctx, built.staticlib, functions, summary)
            ctx.save(run_id)
        cobol = {uid: (a.module[4:], ctx.units[uid].name, ctx.units[uid].path)
                 for uid, a in ctx.attempts.items()
                 if ctx.units[uid].language == "cobol" and (a.module or "").startswith("bin:")}
        if cobol:
            if progress:
                progress("COBOL: building and running the programs")
            started = time.monotonic()
            books = sorted({str(Path(u.path).parent) for u in ctx.units.values()
                            if u.kind == "copybook"})
            verify_cobol(target, cobol, crate_dir, work, ctx.add, summary.problems, books)
            summary.seconds["cobol"] = time.monotonic() - started
            ctx.save(run_id)
        _record(ctx, summary)
    except BaseException:
        ledger.finish_run(run_id, "failed", _stats(summary))
        raise
    ledger.finish_run(run_id, "ok", _stats(summary))
    return summary


def _builds(ctx: _Context, crate_dir: Path, summary: VerifySummary) -> CrateBuild:
    started = time.monotonic()
    copy = ctx.work / "crate"
    copy.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(copy / "src", ignore_errors=True)
    if (crate_dir / "src").is_dir():
        shutil.copytree(crate_dir / "src", copy / "src")
        shutil.copyfile(crate_dir / "Cargo.toml", copy / "Cargo.toml")
        for extra in crate_dir.iterdir():  # path dependencies (the COBOL runtime crate)
            if extra.is_dir() and extra.name not in ("src", "target"):
                shutil.rmtree(copy / extra.name, ignore_errors=True)
                shutil.copytree(extra, copy / extra.name)
    else:
        summary.problems.append(f"no crate at {crate_dir}; run `refactor translate` first")
    codes = [UnitCode(uid, a.module or "", a.rust) for uid, a in ctx.attempts.items()
             if ctx.units[uid].language == "c"]
    built = build_crate(copy, codes)
    summary.problems.extend(built.problems)
    summary.isolation = built.isolation
    for uid, unit in built.units.items():
        evidence: dict[str, object] = {"commands": built.commands,
                                       "clippy_warnings": len(unit.warnings)}
        if unit.warnings:
            evidence["clippy"] = unit.warnings[:5]
        if unit.ok:
            ctx.add(uid, "builds", "pass", None, evidence, built.isolation)
        else:
            first = unit.errors[0].splitlines()[0] if unit.errors else "did not build"
            evidence["errors"] = unit.errors[:5]
            ctx.add(uid, "builds", "fail",
                    f"{first}; falls back to the C original ({unit.fallback})", evidence,
                    built.isolation)
    summary.seconds["builds"] = time.monotonic() - started
    return built


def _c_files(ctx: _Context) -> list[Path]:
    root = ctx.target.source_dir
    return sorted({root / u.path for u in ctx.units.values()
                   if u.language == "c" and u.path.endswith(".c")})


def _references(ctx: _Context, kind: str) -> dict[int, set[int]]:
    """unit -> the units it references by `kind` edges (call, global, type, macro, copy);
    the target's edges are read from the ledger once per verification run."""
    if ctx.references is None:
        ctx.references = {}
        for src, dst, edge_kind in ctx.ledger.edges(ctx.target_id):
            ctx.references.setdefault(edge_kind, {}).setdefault(src, set()).add(dst)
    return ctx.references.get(kind, {})


def _fuzzed(ctx: _Context, cdylib: Path, functions: list[int],
            include_dirs: Sequence[Path], defines: Sequence[str], examples: int,
            summary: VerifySummary) -> None:
    started = time.monotonic()
    touched = _references(ctx, "global")
    names = {ctx.units[uid].name: uid for uid in functions}
    globals_ = {ctx.units[uid].name: sorted(ctx.units[g].name for g in touched.get(uid, ()))
                for uid in functions}
    verdicts = fuzz_functions(_c_files(ctx), include_dirs, defines, cdylib, sorted(names),
                              ctx.work / "fuzz", globals=globals_,
                              hints=ctx.target.functions, max_examples=examples)
    for name, uid in names.items():
        v = verdicts.get(name)
        if v is None:
            ctx.add(uid, "fuzzed", "error", "the fuzzer returned no verdict", None, None)
            continue
        status = _FUZZ_STATUS[v.status]
        summary.fuzz[status] += 1
        ctx.add(uid, "fuzzed", status, v.detail,
                {"cases": v.cases, "counterexample": v.counterexample,
                 "seconds": round(v.seconds, 3)}, v.isolation)
    summary.seconds["fuzzed"] = time.monotonic() - started


def _tested(ctx: _Context, staticlib: Path | None, functions: list[int],
            summary: VerifySummary) -> None:
    started = time.monotonic()
    statics = ctx.ledger.static_units(ctx.target_id)
    referrers: dict[int, set[int]] = {}
    for kind in ("call", "global"):
        for src, dsts in _references(ctx, kind).items():
            for dst in dsts:
                if src != dst and ctx.units[src].path == ctx.units[dst].path:
                    referrers.setdefault(dst, set()).add(src)
    globals_ = [uid for uid, u in ctx.units.items() if u.kind == "global"]
    units = [ProgramUnit(uid, ctx.units[uid].path, ctx.units[uid].name, uid in statics,
                         frozenset(referrers.get(uid, ())), uid in functions)
             for uid in [*functions, *globals_]]
    result = verify_program(ctx.target, ctx.work / "program", staticlib, units)
    summary.problems.extend(result.problems)
    for uid, v in result.verdicts.items():
        summary.tested[v.status] += 1
        ctx.add(uid, "tested", v.status, v.detail,
                {**v.evidence, "program_runs": result.program_runs}, result.isolation)
    summary.seconds["tested"] = time.monotonic() - started


def _record(ctx: _Context, summary: VerifySummary) -> None:
    """Every translatable unit's level: from its verdicts, or from the functions using it."""
    found: dict[int, tuple[str, str | None]] = {
        uid: levels.level_of(vs) for uid, vs in ctx.verdicts.items()}
    users: dict[int, set[int]] = {}
    for kind, user_kind in (("type", "function"), ("global", "function"),
                            ("macro", "function"), ("copy", "program")):
        for src, dsts in _references(ctx, kind).items():
            if ctx.units[src].kind == user_kind:
                for dst in dsts:
                    users.setdefault(dst, set()).add(src)
    rows: list[UnitLevel] = []
    for uid, attempt in ctx.attempts.items():
        level, reason = found.get(uid, ("none", "not verified"))
        unit = ctx.units[uid]
        # A COBOL copybook is translated inside the programs that COPY it: no verdict of
        # its own, it is as verified as they are.
        if (unit.kind not in ("function", "program") and level == "builds") or (
                unit.kind == "copybook" and uid not in found):
            level, reason = _through_users(users.get(uid, set()), found)
        safe = levels.secured(level, attempt.unsafe_lines)
        if level in ("fuzzed", "tested") and not safe:
            reason = f"{attempt.unsafe_lines} unsafe lines: translated (unsafe), not secured"
        rows.append(UnitLevel(uid, attempt.id, level, safe, attempt.unsafe_lines,
                              attempt.backend, reason))
        summary.levels[level] += 1
        summary.units += 1
        summary.loc_total += unit.loc
        if safe:
            summary.secured += 1
            summary.loc_secured += unit.loc
    ctx.ledger.record_verdicts(summary.run_id, ctx.unsaved, rows)


def _through_users(users: set[int],
                   found: dict[int, tuple[str, str | None]]) -> tuple[str, str | None]:
    """A type, global, macro or copybook is as verified as the least verified function
    (or program) using it."""
    used = [found[u][0] for u in users if u in found]
    if not used:
        return "builds", "no verified unit uses it"
    lowest = min(used, key=levels.LEVELS.index)
    if lowest in ("none", "builds"):
        return "builds", "a unit using it is not verified beyond builds"
    return lowest, None


def _stats(summary: VerifySummary) -> dict[str, object]:
    return {"units": summary.units, "levels": dict(summary.levels),
            "secured": summary.secured, "loc_secured": summary.loc_secured,
            "loc_total": summary.loc_total, "fuzz": dict(summary.fuzz),
            "tested": dict(summary.tested), "isolation": summary.isolation,
            "seconds": {k: round(v, 2) for k, v in summary.seconds.items()},
            "problems": summary.problems[:50]}
