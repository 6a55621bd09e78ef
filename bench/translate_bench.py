"""Translator benchmark on real C libraries from Debian source packages.

    python -m bench.translate_bench [--packages cjson,libyaml,zlib] [--json] [--jobs N]

For every `.c` file of each library proper (tests, examples, fuzzers and contrib are left
out) the rules translator (`refactor.translate.c.translate_file`) writes one Rust module,
which is then built with rustc as a lib crate (edition 2021, std only). Printed per
package and in total:

* functions - C function definitions found by the scan stage's unit splitter (distinct
  names per file, static ones included);
* translated - of those, the ones the translator emitted (share of functions);
* building - translated functions whose whole module builds with rustc;
* safe - translated functions with `unsafe_lines == 0`; safe+building - both;
* verified - building functions that agree with the C original at the `fuzzed` level
  (refactor/verify/fuzz: the library's C files in one shared library against the module's
  cdylib, Hypothesis inputs); "unfed" counts those whose inputs cannot be generated
  (pointers to structs holding pointers, FILE *, static functions...), "differ" those
  that disagree. The libraries have no workloads here, so `tested` is not measured.

Per-file translator crashes and timeouts count as nothing translated; the most frequent
skip reasons and the first rustc error of each failing module are listed below the table.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.corpus import CorpusError, fetch_debian_source

DEFAULT_PACKAGES = ("cjson", "libyaml", "zlib")
SKIP_DIRS = frozenset({
    "test", "tests", "testing", "example", "examples", "contrib", "fuzz", "fuzzing",
    "doc", "docs", "bench", "benchmark", "benchmarks", "debian", "win32", "unity", "old",
    "amiga", "msdos", "os400", "qnx", "watcom", "nintendods", "cmake",
})
SKIP_FILE = re.compile(r"^(test|example|fuzz)[\w-]*\.c$")
TRANSLATE_TIMEOUT = 600.0
BUILD_TIMEOUT = 600.0


@dataclass(frozen=True)
class PackageConfig:
    """How to preprocess a package's files: include dirs (relative to its root), defines."""

    include: tuple[str, ...] = (".", "include")
    defines: tuple[str, ...] = ()


# Values a `./configure` or cmake run would have provided (libyaml's from its CMakeLists.txt).
PACKAGES: dict[str, PackageConfig] = {
    "cjson": PackageConfig(),
    "libyaml": PackageConfig(include=("include", "src"), defines=(
        "YAML_VERSION_MAJOR=0", "YAML_VERSION_MINOR=2", "YAML_VERSION_PATCH=5",
        'YAML_VERSION_STRING="0.2.5"')),
    # zlib's ./configure defines Z_HAVE_UNISTD_H on any POSIX system (zconf.h then
    # includes <unistd.h>, which gzlib.c and friends need for lseek, read, write, close)
    "zlib": PackageConfig(defines=("Z_HAVE_UNISTD_H",)),
}


@dataclass
class FileResult:
    path: str
    functions: list[str]
    translated: list[str] = field(default_factory=list)
    safe: list[str] = field(default_factory=list)
    builds: bool = False
    verified: list[str] = field(default_factory=list)  # fuzzed: agree
    unfed: list[str] = field(default_factory=list)  # fuzzed: unsupported
    differ: list[str] = field(default_factory=list)  # fuzzed: disagree or error
    error: str | None = None  # translator crash or timeout
    build_error: str | None = None
    reasons: list[str] = field(default_factory=list)  # skip reasons of untranslated functions
    unseen: list[str] = field(default_factory=list)  # found by the scan, absent from the units
    seconds: float = 0.0


# ---------------------------------------------------------------------------- files


def library_files(root: Path) -> list[Path]:
    """The `.c` files of the library proper under `root`, sorted."""
    found = []
    for path in sorted(root.rglob("*.c")):
        rel = path.relative_to(root)
        dirs = rel.parts[:-1]
        if any(d.startswith(".") or d.lower() in SKIP_DIRS for d in dirs):
            continue
        if SKIP_FILE.match(rel.name) or not path.is_file():
            continue
        found.append(path)
    return found


def function_names(path: Path) -> list[str]:
    """Distinct names of the function definitions in `path` (the scan stage's units)."""
    from refactor.scan.c.units import extract

    units = extract(path.read_bytes(), str(path)).units
    # "name~2" is a second definition of `name` (another #if branch): one function.
    return sorted({u.name.split("~")[0] for u in units if u.kind == "function"})


# ---------------------------------------------------------------------------- worker


def _rustc_cdylib(rs_file: Path, out_dir: Path) -> str | None:
    """Build one module as a cdylib crate; None when it builds, else the first error."""
    crate = re.sub(r"\W", "_", rs_file.stem)
    cmd = ["rustc", "--edition", "2021", "--crate-type", "cdylib", "--crate-name", crate,
           "-C", "opt-level=0", "-A", "warnings", "--out-dir", str(out_dir), str(rs_file)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        return f"rustc timed out after {BUILD_TIMEOUT:.0f} s"
    if proc.returncode == 0:
        return None
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error")]
    count = sum(1 for e in errors if not e.startswith("error: aborting"))
    first = errors[0] if errors else proc.stderr.strip()[-300:]
    return f"{first} ({count} errors)"


def translate_and_build(c_file: str, include_dirs: list[str], defines: list[str],
                        out_dir: str, c_files: list[str],
                        fuzz_examples: int) -> dict[str, Any]:
    """Worker: translate one file, build its module, fuzz its functions against the C
    original (all of `c_files` in one library); plain data back to the parent."""
    from refactor.translate.c import translate_file

    accepted = inspect.signature(translate_file).parameters
    kwargs: dict[str, Any] = {}
    if "include_dirs" in accepted:
        kwargs["include_dirs"] = [Path(d) for d in include_dirs]
    if "defines" in accepted:
        kwargs["defines"] = list(defines)
    result = translate_file(Path(c_file), **kwargs)
    rs = Path(out_dir) / (re.sub(r"\W", "_", Path(c_file).stem) + ".rs")
    rs.write_text(result.rust, encoding="utf-8")
    units = [{"kind": u.kind, "name": u.name, "status": u.status,
              "unsafe_lines": u.unsafe_lines, "reason": u.reason} for u in result.units]
    build_error = _rustc_cdylib(rs, Path(out_dir))
    fuzzed: dict[str, str] = {}
    if build_error is None and fuzz_examples > 0:
        from refactor.verify.fuzz import fuzz_functions

        names = [u.name for u in result.units
                 if u.kind == "function" and u.status == "translated"]
        verdicts = fuzz_functions(
            [Path(f) for f in c_files], [Path(d) for d in include_dirs], list(defines),
            Path(out_dir) / f"lib{rs.stem}.so", names,
            Path(out_dir) / "fuzz", max_examples=fuzz_examples)
        fuzzed = {name: v.status for name, v in verdicts.items()}
    return {"units": units, "build_error": build_error, "fuzzed": fuzzed}


def _reason_key(reason: str | None) -> str:
    """A skip reason without the names and numbers that make every one unique."""
    text = re.sub(r"`[^`]*`|'[^']*'|\"[^\"]*\"", "...", reason or "(no reason given)")
    return re.sub(r"\d+", "N", text)[:90]


def _fill(result: FileResult, data: dict[str, Any]) -> None:
    """Count by distinct name: the scan's functions plus any the translator reports."""
    funcs = [u for u in data["units"] if u["kind"] == "function"]
    reported = {u["name"] for u in funcs}
    result.unseen = sorted(set(result.functions) - reported)
    result.functions = sorted(set(result.functions) | reported)
    done = {u["name"] for u in funcs if u["status"] == "translated"}
    result.translated = sorted(done)
    result.safe = sorted({u["name"] for u in funcs
                          if u["status"] == "translated" and not u["unsafe_lines"]})
    first_reason = {}
    for u in funcs:
        if u["name"] not in done:
            first_reason.setdefault(u["name"], _reason_key(u["reason"]))
    result.reasons = [*first_reason.values(), *["(found by the scan, not reported by the "
                                                "translator: inactive #if branch?)"]
                                              * len(result.unseen)]
    result.build_error = data["build_error"]
    result.builds = data["build_error"] is None
    fuzzed = data.get("fuzzed", {})
    result.verified = sorted(n for n, st in fuzzed.items() if st == "agree")
    result.unfed = sorted(n for n, st in fuzzed.items() if st == "unsupported")
    result.differ = sorted(n for n, st in fuzzed.items() if st in ("disagree", "error"))


def _where(exc: BaseException) -> str:
    """` at file.py:N` of the innermost frame, from pebble's remote traceback if any."""
    remote = getattr(exc, "traceback", None)
    if isinstance(remote, str):
        frames = re.findall(r'File "([^"]+)", line (\d+)', remote)
        if frames:
            return f" at {Path(frames[-1][0]).name}:{frames[-1][1]}"
    frames = traceback.extract_tb(exc.__traceback__)
    return f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""


def run_package(name: str, jobs: int, work: Path, fuzz_examples: int) -> list[FileResult]:
    from pebble import ProcessPool

    root = fetch_debian_source(name)
    config = PACKAGES.get(name, PackageConfig())
    includes = [str(root / d) for d in config.include if (root / d).is_dir()]
    results: list[FileResult] = []
    files = library_files(root)
    with ProcessPool(max_workers=jobs) as pool:
        futures = []
        for path in files:
            result = FileResult(path=str(path.relative_to(root)), functions=function_names(path))
            out_dir = work / name / re.sub(r"\W", "_", result.path)
            out_dir.mkdir(parents=True, exist_ok=True)
            args = [str(path), [str(path.parent), *includes], list(config.defines), str(out_dir),
                    [str(f) for f in files], fuzz_examples]
            futures.append((result, time.perf_counter(), pool.schedule(
                translate_and_build, args=args, timeout=TRANSLATE_TIMEOUT + BUILD_TIMEOUT)))
        for result, started, future in futures:
            try:
                _fill(result, future.result())
            except FutureTimeout:
                result.error = f"translator timed out after {TRANSLATE_TIMEOUT:.0f} s"
                result.reasons = ["(translator timed out on the file)"] * len(result.functions)
            except Exception as exc:  # a translator crash is a measurement, not the end
                result.error = f"translator raised {type(exc).__name__}: {exc}"[:300] + _where(exc)
                result.reasons = ["(translator raised on the file)"] * len(result.functions)
            result.seconds = time.perf_counter() - started
            results.append(result)
    return results


# ---------------------------------------------------------------------------- report


def summarize(results: list[FileResult]) -> dict[str, Any]:
    functions = sum(len(r.functions) for r in results)
    translated = sum(len(r.translated) for r in results)
    building = sum(len(r.translated) for r in results if r.builds)
    safe = sum(len(r.safe) for r in results)
    safe_building = sum(len(r.safe) for r in results if r.builds)
    verified = sum(len(r.verified) for r in results)

    def share(n: int) -> float:
        return round(100.0 * n / functions, 1) if functions else 0.0

    return {
        "files": len(results),
        "files_building": sum(r.builds for r in results),
        "files_failed": sum(r.error is not None for r in results),
        "functions": functions,
        "unseen": sum(len(r.unseen) for r in results),
        "translated": translated, "translated_pct": share(translated),
        "building": building, "building_pct": share(building),
        "safe": safe, "safe_pct": share(safe),
        "safe_building": safe_building, "safe_building_pct": share(safe_building),
        "verified": verified, "verified_pct": share(verified),
        "unfed": sum(len(r.unfed) for r in results),
        "differ": sum(len(r.differ) for r in results),
    }


def report(per_package: dict[str, list[FileResult]], seconds: float) -> dict[str, Any]:
    every = [r for results in per_package.values() for r in results]
    return {
        "schema": "translate_bench/1",
        "seconds": round(seconds, 1),
        "packages": {
            name: {**summarize(results),
                   "skip_reasons": Counter(x for r in results for x in r.reasons).most_common(),
                   "file_results": [vars(r) for r in results]}
            for name, results in per_package.items()},
        "total": summarize(every),
    }


def render(data: dict[str, Any]) -> str:
    head = (f"{'package':<10} {'files':>5} {'build':>5} {'functions':>9} {'unseen':>6} "
            f"{'translated':>14} "
            f"{'building':>14} {'safe':>14} {'safe+building':>14} {'verified':>14} "
            f"{'unfed':>5} {'differ':>6}")
    lines = [head, "-" * len(head)]
    rows = [*data["packages"].items(), ("total", data["total"])]
    for name, s in rows:
        lines.append(
            f"{name:<10} {s['files']:>5} {s['files_building']:>5} {s['functions']:>9} "
            f"{s['unseen']:>6} "
            + " ".join(f"{s[k]:>6} ({s[k + '_pct']:5.1f}%)"
                       for k in ("translated", "building", "safe", "safe_building", "verified"))
            + f" {s['unfed']:>5} {s['differ']:>6}")
    lines.append(f"\n{data['seconds']} s. Shares are of the C functions found (scan units and "
                 "translator units, by name);\nunseen: found by the scan but not reported by the "
                 "translator (inactive #if branches, or dropped).")
    for name, pkg in data["packages"].items():
        failed = [r for r in pkg["file_results"] if r["error"] or r["build_error"]]
        if failed:
            lines.append(f"\n{name}: files whose module is missing or does not build")
            for r in failed:
                lines.append(f"  {r['path']}: {r['error'] or r['build_error']}")
        differ = [f"{r['path']}: {', '.join(r['differ'])}" for r in pkg["file_results"]
                  if r["differ"]]
        if differ:
            lines.append(f"{name}: functions that differ from the C original when fuzzed")
            lines.extend(f"  {d}" for d in differ)
        if pkg["skip_reasons"]:
            lines.append(f"{name}: most frequent reasons functions were not translated")
            for reason, count in pkg["skip_reasons"][:8]:
                lines.append(f"  {count:>4}  {reason}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.translate_bench",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--packages", default=",".join(DEFAULT_PACKAGES),
                        help="comma-separated Debian source packages (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="files translated and built in parallel (default: CPU count)")
    parser.add_argument("--fuzz-examples", type=int, default=50,
                        help="inputs per function at the fuzzed level; 0 skips it "
                             "(default: %(default)s)")
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep the generated Rust modules in this directory")
    args = parser.parse_args(argv)
    try:
        from refactor.translate.c import translate_file  # noqa: F401
    except ImportError as exc:
        print(f"error: the translator cannot be imported ({exc}); nothing to measure.",
              file=sys.stderr)
        return 1
    started = time.perf_counter()
    per_package: dict[str, list[FileResult]] = {}
    with tempfile.TemporaryDirectory(prefix="translate-bench-") as tmp:
        work = args.keep or Path(tmp)
        for name in [p.strip() for p in args.packages.split(",") if p.strip()]:
            try:
                per_package[name] = run_package(name, max(1, args.jobs), work,
                                                args.fuzz_examples)
            except CorpusError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 1
    data = report(per_package, time.perf_counter() - started)
    print(json.dumps(data, indent=2) if args.json else render(data))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
