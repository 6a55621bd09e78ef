"""Scale-out benchmark: `refactor run` with 1 and 2 local workers, Ray against the local
executor on the same work, and `refactor estimate`'s prediction against a measured run.

    python -m bench.scale_bench [--programs N] [--c-files N] [--no-ray] [--json]

The work is our own code, offline: N COBOL programs of tests/cobol/corpus as a plain
directory (each its own cluster; built with the pinned cobc, run on empty input; only
programs that read no input) and N
generated C files of small functions (each file a cluster; fuzzed against gcc). Every
configuration runs the same work from a fresh ledger through the real CLI:

1. local executor, 1 worker, then 2 workers: units per minute, speed-up = T(1) / T(2);
2. Ray executor (a local cluster, `ray.init()`), 2 workers: overhead = T(ray) / T(local,
   2), the cluster's start included (a user pays it);
3. the estimate: with the rates the 2-worker local run stored in its ledger, `refactor
   estimate` predicts a second, different set of programs and C files; then that set is
   run and measured: ratio = predicted / measured.

Items are sized by --item-lines (default 2000) as in a normal run. Run it on an otherwise
idle machine: anything else on the 2 cores slows one configuration and not the other.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "cobol" / "corpus"


def _c_file(i: int) -> str:
    return (f"int add{i}(int a, int b) {{ return a + b + {i}; }}\n"
            f"int scale{i}(int a) {{ if (a > 100) return a / {i}; return a * {i}; }}\n"
            f"static int clamp{i}(int v, int lo, int hi) "
            "{ return v < lo ? lo : (v > hi ? hi : v); }\n"
            f"int fit{i}(int v) {{ return clamp{i}(v, -{i}, {i} * 10); }}\n"
            f"unsigned mix{i}(unsigned h, unsigned char c) "
            f"{{ return (h ^ c) * 16777619u + {i}u; }}\n")


def standalone_programs() -> list[Path]:
    """Corpus programs of one file that read no input and write no file: a plain
    directory runs each once on empty input, and one waiting for input would measure
    the 60 s timeout, not the tool."""
    manifest = tomllib.loads((CORPUS / "MANIFEST.toml").read_text("utf-8"))
    return sorted(CORPUS / p["files"][0] for p in manifest["programs"]
                  if len(p["files"]) == 1 and not p.get("stdin") and not p.get("outputs"))


def make_sets(home: Path, programs: int, c_files: int) -> dict[str, list[Path]]:
    """Two disjoint sets A and B, each a COBOL directory and a C directory."""
    cobol = standalone_programs()
    if len(cobol) < 2 * programs:
        raise SystemExit(f"--programs {programs}: the corpus has {len(cobol)} programs, "
                         f"two sets need {2 * programs}")
    sets: dict[str, list[Path]] = {}
    for k, name in enumerate(("A", "B")):
        cob, c = home / f"cobol{name}", home / f"c{name}"
        cob.mkdir(parents=True)
        c.mkdir(parents=True)
        for path in cobol[k * programs:(k + 1) * programs]:
            shutil.copyfile(path, cob / path.name)
        for i in range(c_files):
            n = k * c_files + i + 1
            (c / f"m{n}.c").write_text(_c_file(n), "utf-8")
        sets[name] = [cob, c]
    return sets


def refactor(*args: str | Path) -> float:
    """`refactor ARGS`; its wall seconds (a failure ends the benchmark with its output)."""
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "refactor", *map(str, args)], cwd=REPO,
                          capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"})
    if proc.returncode != 0:
        raise SystemExit(f"refactor {' '.join(map(str, args))} failed:\n{proc.stdout}"
                         f"{proc.stderr}")
    return time.monotonic() - started


def units_done(ledger: Path) -> int:
    with sqlite3.connect(ledger) as conn:
        return conn.execute("SELECT COUNT(*) FROM unit_work").fetchone()[0]


def run_set(targets: list[Path], ledger: Path, executor: str, workers: int,
            item_lines: int) -> dict[str, float]:
    seconds = 0.0
    for target in targets:
        seconds += refactor("run", target, "--ledger", ledger, "--executor", executor,
                            "--workers", str(workers), "--item-lines", str(item_lines))
    units = units_done(ledger)
    return {"seconds": round(seconds, 1), "units": units,
            "units_per_minute": round(60 * units / seconds, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--programs", type=int, default=24, help="COBOL programs per set")
    parser.add_argument("--c-files", type=int, default=12, help="C files per set")
    parser.add_argument("--item-lines", type=int, default=2000)
    parser.add_argument("--no-ray", action="store_true", help="skip the Ray executor")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="scale-bench-"))
    try:
        sets = make_sets(home, args.programs, args.c_files)
        runs: dict[str, dict[str, float]] = {}
        configs = [("local", 1), ("local", 2)] + ([] if args.no_ray else [("ray", 2)])
        for executor, workers in configs:
            key = f"{executor}-{workers}"
            runs[key] = run_set(sets["A"], home / key / "ledger.db", executor, workers,
                                args.item_lines)
            print(f"{key}: {runs[key]}", file=sys.stderr, flush=True)
        ledger = home / "local-2" / "ledger.db"
        predicted = 0.0
        for target in sets["B"]:
            refactor("scan", target, "--ledger", ledger)
            out = subprocess.run([sys.executable, "-m", "refactor", "estimate", str(target),
                                  "--ledger", str(ledger), "--json"], cwd=REPO, check=True,
                                 capture_output=True, text=True).stdout
            predicted += json.loads(out)["projections"][0]["seconds"]
        before = units_done(ledger)
        measured = run_set(sets["B"], ledger, "local", 2, args.item_lines)
        result = {
            "work": {"programs": args.programs, "c_files": args.c_files,
                     "item_lines": args.item_lines, "cpus": os.cpu_count()},
            "runs": runs,
            "speedup_2_vs_1": round(runs["local-1"]["seconds"] / runs["local-2"]["seconds"],
                                    2),
            "ray_overhead": None if args.no_ray else round(
                runs["ray-2"]["seconds"] / runs["local-2"]["seconds"], 2),
            "estimate": {"predicted_seconds": round(predicted, 1),
                         "measured_seconds": measured["seconds"],
                         "units": units_done(ledger) - before,
                         "ratio": round(predicted / measured["seconds"], 2)},
        }
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    local1, local2 = runs["local-1"], runs["local-2"]
    print(f"work: {args.programs} COBOL programs and {args.c_files} C files (set A), "
          f"items of {args.item_lines} lines, {os.cpu_count()} CPUs")
    print(f"local, 1 worker : {local1['seconds']:7.1f} s  {local1['units_per_minute']:6.1f} "
          f"units/min ({local1['units']:.0f} units)")
    print(f"local, 2 workers: {local2['seconds']:7.1f} s  {local2['units_per_minute']:6.1f} "
          f"units/min  speed-up {result['speedup_2_vs_1']:.2f}x")
    if not args.no_ray:
        ray = runs["ray-2"]
        print(f"ray,   2 workers: {ray['seconds']:7.1f} s  {ray['units_per_minute']:6.1f} "
              f"units/min  overhead {result['ray_overhead']:.2f}x the local executor")
    est = result["estimate"]
    print(f"estimate for set B from set A's rates: {est['predicted_seconds']:.1f} s "
          f"predicted, {est['measured_seconds']:.1f} s measured (ratio {est['ratio']:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
