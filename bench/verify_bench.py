"""Verification benchmark: units verified per minute, and the batched crate build against
one crate per unit, measured in the same run.

    python -m bench.verify_bench [--packages kvstore,cjson] [--sample N] [--repeat R] [--json]

Each package is a target: `kvstore` (any name with a `targets/<name>.toml`) is the demo,
with its workloads; any other name is a Debian source package from the corpus cache
(`bench/corpus.py` fetches it when missing), its library files and preprocessor settings
taken from `bench/translate_bench.py`. Every target is scanned, planned and translated
(rules backend) into a ledger in a temporary directory, then measured:

1. Build. *batched*: one `build_crate` of the whole translated crate, from a clean target
   dir, clippy off (units that fail are taken out and the crate rebuilt, as in
   `refactor verify`); the median of `--repeat` such builds, each from a fresh copy.
   *per unit*: a sample of units, each built as its own crate by its own cargo
   invocation with its own target dir, from clean. A unit's crate holds its
   module's shared text (preamble: types, externs), the unit, and what it needs from the
   module: the units it references (ledger edges), transitively; an exported function
   among them stands as the extern declaration of its C symbol, as for a unit taken out
   of the crate. Every other unit of the module is left out, so a unit builds alone when
   it builds in the crate (up to missing edges). The per-unit total is extrapolated:
   sample mean x all units. Speedup = per-unit total / batched; the issue asks for at
   least 5x.
   Sample: every k-th unit in (module, unit id) order, k = units / N, so it spreads
   over files and kinds and is the same on every run; default all of the demo's units,
   40 of a library's.
2. Verify. `verify_target` timed as `refactor run` runs it: builds, fuzzed and tested on
   the demo; builds and fuzzed on a library (it has no workloads). Units with a verdict
   (level above `none`) and secured units, per minute of verification.

Timings are wall-clock on a possibly shared machine; the ratio is what to compare.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.corpus import CorpusError, fetch_debian_source
from bench.real_targets import REAL_TARGETS
from bench.translate_bench import PACKAGES as LIBRARY_PACKAGES
from bench.translate_bench import SKIP_DIRS, PackageConfig, library_files

DEFAULT_PACKAGES = ("kvstore", "zlib")
LIBRARY_SAMPLE = 40
REQUIRED_SPEEDUP = 5.0
TARGETS_DIR = Path(__file__).resolve().parent.parent / "targets"


@dataclass(frozen=True)
class Subject:
    """One target to measure, however it was found."""

    name: str
    target: Any  # refactor.model.Target
    include_dirs: tuple[Path, ...]
    defines: tuple[str, ...]
    demo: bool  # has workloads: the tested stage runs


@dataclass
class BuildFigures:
    units: int  # translated units fed to the build
    batched_seconds: float = 0.0  # median of batched_runs
    batched_runs: list[float] = field(default_factory=list)
    batched_rounds: int = 0
    batched_ok_units: int = 0
    sample: int = 0
    sample_ids: list[int] = field(default_factory=list)
    per_unit_seconds: list[float] = field(default_factory=list)
    per_unit_rounds: list[int] = field(default_factory=list)
    per_unit_ok: int = 0
    isolation: str = ""

    @property
    def per_unit_mean(self) -> float:
        return sum(self.per_unit_seconds) / len(self.per_unit_seconds) \
            if self.per_unit_seconds else 0.0

    @property
    def per_unit_total(self) -> float:
        return self.per_unit_mean * self.units

    @property
    def speedup(self) -> float:
        return self.per_unit_total / self.batched_seconds if self.batched_seconds else 0.0


@dataclass
class VerifyFigures:
    stages: list[str]
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    units: int = 0
    with_verdict: int = 0  # level above none (builds counts)
    verified: int = 0  # level fuzzed or tested: differential evidence
    secured: int = 0
    levels: dict[str, int] = field(default_factory=dict)
    fuzz: dict[str, int] = field(default_factory=dict)  # fuzzed verdicts by status
    tested: dict[str, int] = field(default_factory=dict)  # tested verdicts by status
    problems: int = 0

    @property
    def per_minute(self) -> float:
        return 60.0 * self.verified / self.seconds if self.seconds else 0.0

    @property
    def secured_per_minute(self) -> float:
        return 60.0 * self.secured / self.seconds if self.seconds else 0.0


# ---------------------------------------------------------------------------- subjects


def resolve(name: str, work: Path) -> Subject:
    """The demo target `targets/<name>.toml`, a real library with its own build and
    workloads (bench/real_targets.py), else a Debian package from the corpus (library
    files only, no workloads)."""
    from refactor.model import Target, load_target

    toml = TARGETS_DIR / f"{name}.toml"
    if name in REAL_TARGETS:
        toml = REAL_TARGETS[name](work / "source")
    if toml.is_file():
        target = load_target(toml)
        root = target.source_dir
        return Subject(name, target, tuple(root / d for d in target.include_dirs),
                       tuple(target.defines), demo=bool(target.workloads))
    root = fetch_debian_source(name)
    config = LIBRARY_PACKAGES.get(name, PackageConfig())
    target = Target(name=name, source=str(root), exclude=_library_exclude(root))
    includes = tuple(root / d for d in config.include if (root / d).is_dir())
    return Subject(name, target, includes, tuple(config.defines), demo=False)


def _library_exclude(root: Path) -> list[str]:
    """Scan-exclude patterns leaving the library proper: translate_bench's `.c` files,
    and headers outside test, example and other skipped directories."""
    from refactor.scan.walk import discover

    keep = {str(p.relative_to(root)) for p in library_files(root)}
    out = []
    for cand in discover(root).candidates:
        dirs = cand.rel.split("/")[:-1]
        header = not cand.rel.endswith(".c")
        skipped_dir = any(d.startswith(".") or d.lower() in SKIP_DIRS for d in dirs)
        if cand.rel not in keep and not (header and not skipped_dir):
            out.append(cand.rel)
    return out


# ---------------------------------------------------------------------------- measures


@dataclass
class Prepared:
    ledger: Any  # refactor.ledger.Ledger
    target_id: int
    crate_dir: Path
    codes: list[Any]  # [UnitCode]
    refs: dict[int, set[int]]  # unit id -> the units it references (ledger edges)
    prepare_seconds: float  # scan + plan + translate


def prepare(subject: Subject, work: Path) -> Prepared:
    """Scan, plan and translate `subject` into a fresh ledger under `work`."""
    from refactor.ledger import Ledger
    from refactor.plan import plan_target
    from refactor.scan import scan_target
    from refactor.translate.pipeline import translate_target
    from refactor.verify.builds import UnitCode

    ledger = Ledger(work / "ledger.db")
    root = subject.target.source_dir
    crate_dir = work / "rust" / subject.name
    started = time.perf_counter()
    try:
        tid = scan_target(root, ledger, subject.name,
                          exclude=list(subject.target.exclude)).target_id
        plan_target(ledger, tid)
        translate_target(ledger, tid, subject.name, root, crate_dir, subject.include_dirs,
                         subject.defines, "rules")
    except BaseException:
        ledger.close()
        raise
    seconds = time.perf_counter() - started
    hashes = ledger.unit_hashes(tid)
    # the units verify_target builds: current translated attempts
    codes = [UnitCode(uid, a.module or "", a.rust)
             for uid, a in sorted(ledger.latest_attempts(tid).items())
             if a.status == "translated" and a.src_hash == hashes.get(uid)]
    refs: dict[int, set[int]] = {}
    for src, dst, _kind in ledger.edges(tid):
        if src != dst:
            refs.setdefault(src, set()).add(dst)
    return Prepared(ledger, tid, crate_dir, codes, refs, seconds)


def _fresh_copy(crate_dir: Path, dest: Path) -> Path:
    """The crate's sources in `dest`, with no target dir (a clean build)."""
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    shutil.copytree(crate_dir / "src", dest / "src")
    shutil.copyfile(crate_dir / "Cargo.toml", dest / "Cargo.toml")
    return dest


def sample_units(codes: Sequence[Any], n: int) -> list[Any]:
    """Every k-th unit in (module, unit id) order; all of them when n <= 0 or n >= all."""
    ordered = sorted(codes, key=lambda c: (c.module, c.unit_id))
    if n <= 0 or n >= len(ordered):
        return ordered
    step = len(ordered) / n
    return [ordered[int(i * step)] for i in range(n)]


def unit_module(layout: Any, unit: Any, refs: dict[int, set[int]]) -> str:
    """The unit's module file holding the unit and what it needs from the module: the
    units it references, transitively, an exported function among them as the extern
    declaration of its C symbol (not followed further); every other unit as taken out."""
    from refactor.verify import fallback

    slots = {p for p in layout.modules[unit.module].pieces if isinstance(p, int)}
    whole, declared = {unit.unit_id}, {}
    stack = [unit.unit_id]
    while stack:
        for dep in refs.get(stack.pop(), ()):
            if dep not in slots or dep in whole or dep in declared:
                continue
            decl = fallback.replacement(layout.original(dep), dep)
            if decl is not None:
                declared[dep] = decl
            else:
                whole.add(dep)
                stack.append(dep)
    parts: list[str] = []
    for piece in layout.modules[unit.module].pieces:
        if isinstance(piece, str) or piece in whole:
            parts.append(piece if isinstance(piece, str) else layout.original(piece))
        else:
            parts.append(declared.get(piece) or fallback.removed(piece))
    return "".join(parts)


def measure_builds(prep: Prepared, name: str, sample: int, repeat: int,
                   work: Path) -> BuildFigures:
    from refactor.translate.crate import write_crate
    from refactor.verify.builds import build_crate
    from refactor.verify.layout import CrateLayout

    figures = BuildFigures(units=len(prep.codes))
    for _ in range(max(1, repeat)):  # each from a fresh copy: no target dir
        batched_dir = _fresh_copy(prep.crate_dir, work / "batched")
        started = time.perf_counter()
        built = build_crate(batched_dir, prep.codes, clippy=False)
        figures.batched_runs.append(time.perf_counter() - started)
    figures.batched_seconds = statistics.median(figures.batched_runs)
    figures.batched_rounds = built.rounds
    figures.batched_ok_units = sum(u.ok for u in built.units.values())
    figures.isolation = built.isolation

    layout = CrateLayout.read(prep.crate_dir, prep.codes)
    candidates = [c for c in prep.codes if c.unit_id not in layout.missing
                  and c.module in layout.modules]
    chosen = sample_units(candidates, sample)
    figures.sample, figures.sample_ids = len(chosen), [c.unit_id for c in chosen]
    for unit in chosen:
        crate = work / "per-unit" / f"u{unit.unit_id}"
        shutil.rmtree(crate, ignore_errors=True)
        write_crate(crate, name, {unit.module: unit_module(layout, unit, prep.refs)})
        started = time.perf_counter()
        one = build_crate(crate, [unit], clippy=False)
        figures.per_unit_seconds.append(time.perf_counter() - started)
        figures.per_unit_rounds.append(one.rounds)
        figures.per_unit_ok += one.units[unit.unit_id].ok
        shutil.rmtree(crate / "target", ignore_errors=True)  # disk, not time
    return figures


def measure_verify(prep: Prepared, subject: Subject, work: Path,
                   fuzz_examples: int) -> VerifyFigures:
    from refactor.verify.pipeline import STAGES, verify_target

    stages = list(STAGES if subject.demo else STAGES[:2])
    figures = VerifyFigures(stages)
    started = time.perf_counter()
    summary = verify_target(prep.ledger, prep.target_id, subject.target, prep.crate_dir,
                            work / "verify", subject.include_dirs, subject.defines,
                            fuzz_examples=fuzz_examples, stages=stages)
    figures.seconds = time.perf_counter() - started
    figures.stage_seconds = {k: round(v, 2) for k, v in summary.seconds.items()}
    figures.units = summary.units
    figures.levels = dict(summary.levels)
    figures.with_verdict = summary.units - summary.levels.get("none", 0)
    figures.verified = summary.levels.get("fuzzed", 0) + summary.levels.get("tested", 0)
    figures.secured = summary.secured
    figures.fuzz, figures.tested = dict(summary.fuzz), dict(summary.tested)
    figures.problems = len(summary.problems)
    return figures


# ---------------------------------------------------------------------------- report


def run_package(name: str, sample: int | None, repeat: int, fuzz_examples: int,
                work: Path) -> dict[str, Any]:
    work.mkdir(parents=True)
    subject = resolve(name, work)
    prep = prepare(subject, work)
    try:
        n = sample if sample is not None else (0 if subject.demo else LIBRARY_SAMPLE)
        builds = measure_builds(prep, name, n, repeat, work / "builds")
        verify = measure_verify(prep, subject, work, fuzz_examples)
    finally:
        prep.ledger.close()
    return {
        "demo": subject.demo,
        "prepare_seconds": round(prep.prepare_seconds, 2),  # scan + plan + translate
        "build": {**asdict(builds), "per_unit_mean": round(builds.per_unit_mean, 3),
                  "per_unit_total": round(builds.per_unit_total, 2),
                  "speedup": round(builds.speedup, 2),
                  "meets_required": builds.speedup >= REQUIRED_SPEEDUP},
        "verify": {**asdict(verify), "per_minute": round(verify.per_minute, 1),
                   "secured_per_minute": round(verify.secured_per_minute, 1)},
    }


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {n}" for k, n in sorted(counts.items())) or "none"


def render(data: dict[str, Any]) -> str:
    head = (f"{'package':<9} {'units':>5} {'batched s':>9} {'rounds':>6} {'sample':>6} "
            f"{'unit s':>6} {'built':>5} {'per-unit s':>10} {'speedup':>7} {'>=5x':>4}")
    lines = ["Batched build (one crate) vs one crate per unit", head, "-" * len(head)]
    for name, p in data["packages"].items():
        b = p["build"]
        lines.append(
            f"{name:<9} {b['units']:>5} {b['batched_seconds']:>9.1f} {b['batched_rounds']:>6} "
            f"{b['sample']:>6} {b['per_unit_mean']:>6.2f} {b['per_unit_ok']:>5} "
            f"{b['per_unit_total']:>10.1f} {b['speedup']:>6.1f}x "
            f"{'yes' if b['meets_required'] else 'NO':>4}")
    head = (f"{'package':<9} {'stages':<21} {'units':>5} {'verified':>8} {'secured':>7} "
            f"{'seconds':>7} {'units/min':>9} {'secured/min':>11}  stage seconds")
    lines += ["", "Units verified per minute", head, "-" * len(head)]
    for name, p in data["packages"].items():
        v = p["verify"]
        stages = ", ".join(f"{k} {s:.1f}" for k, s in v["stage_seconds"].items())
        lines.append(
            f"{name:<9} {'+'.join(v['stages']):<21} {v['units']:>5} {v['verified']:>8} "
            f"{v['secured']:>7} {v['seconds']:>7.1f} {v['per_minute']:>9.1f} "
            f"{v['secured_per_minute']:>11.1f}  {stages}")
    for name, p in data["packages"].items():
        v = p["verify"]
        lines.append(f"  {name}: levels " + _counts(v["levels"]) + "; fuzzed verdicts "
                     + _counts(v["fuzz"]) + "; tested verdicts " + _counts(v["tested"]))
    lines.append(
        f"\n{data['seconds']} s in all. batched: one build_crate of the whole crate, clean, "
        "clippy off, median\nof --repeat runs (rounds: cargo builds, failing units taken out "
        "between them). unit s:\nmean seconds of one unit's own crate (own cargo invocation "
        "and target dir, clean);\nbuilt: sampled units that built alone; per-unit s = unit s "
        "x units; speedup =\nper-unit s / batched s. verified: units at fuzzed or tested "
        "(units/min counts these);\nsecured: verified with no unsafe lines. Per minute of "
        "verify_target wall time.")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.verify_bench",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--packages", default=",".join(DEFAULT_PACKAGES),
                        help="demo targets (targets/<name>.toml) and Debian source packages, "
                             "comma-separated (default: %(default)s)")
    parser.add_argument("--sample", type=int, default=None,
                        help="units built one crate each, per package; 0 means all "
                             f"(default: all of a demo's, {LIBRARY_SAMPLE} of a library's)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="clean batched builds per package, the median is reported "
                             "(default: %(default)s)")
    parser.add_argument("--fuzz-examples", type=int, default=100,
                        help="generated inputs per function in the fuzzed stage "
                             "(default: %(default)s, as `refactor run`)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep ledgers, crates and work files in this (new) directory")
    args = parser.parse_args(argv)
    if shutil.which("cargo") is None:
        print("error: cargo is not on PATH; install a Rust toolchain to build the crates.",
              file=sys.stderr)
        return 1
    if args.keep is not None and args.keep.exists() and any(args.keep.iterdir()):
        print(f"error: --keep {args.keep}: the directory is not empty; pass a new one.",
              file=sys.stderr)
        return 1
    names = [p.strip() for p in args.packages.split(",") if p.strip()]
    started = time.perf_counter()
    packages: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="verify-bench-") as tmp:
        work = args.keep or Path(tmp)
        for name in names:
            try:
                packages[name] = run_package(name, args.sample, args.repeat,
                                             args.fuzz_examples, work / name)
            except CorpusError as exc:
                print(f"error: {name}: {exc}", file=sys.stderr)
                return 1
    data = {"schema": "verify_bench/1", "seconds": round(time.perf_counter() - started, 1),
            "required_speedup": REQUIRED_SPEEDUP, "packages": packages}
    print(json.dumps(data, indent=2) if args.json else render(data))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
