"""Scan benchmark on the Linux kernel (Debian's linux-source-6.1), all figures in one run.

    python -m bench.scan_bench [--root DIR] [--skip-cloc]

Prints: a bare single-process tree-sitter parse of every .c/.h file (the baseline), a cold
`refactor scan` (wall time, ratio to the baseline, peak memory of the whole process tree),
a re-scan with nothing changed (ratio to the cold scan), a re-scan after one header edit,
and the code-line total against cloc's on the same tree.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.baseline_parse import bare_parse
from bench.corpus import fetch_linux_source
from refactor.ledger import Ledger


def _tree_memory(pid: int) -> tuple[int, int]:
    """Memory (bytes) of a process and all its descendants: the sum of their resident sets
    (pages shared after fork counted in every process), and the sum of their proportional
    set sizes (each shared page split among its sharers: the physical memory they use)."""
    rss = pss = 0
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
        except OSError:
            pass
        stack.extend(children.get(p, ()))
    return rss, pss


def timed_scan(root: Path, ledger: Path) -> dict[str, float]:
    """Run `refactor scan` in a subprocess; wall seconds, peak tree memory, ledger totals."""
    cmd = [sys.executable, "-m", "refactor", "scan", str(root), "--ledger", str(ledger)]
    peak_pss = peak_rss = 0
    peak_at = 0.0
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
        done = threading.Event()

        def watch() -> None:
            nonlocal peak_pss, peak_rss, peak_at
            while not done.is_set():
                rss, pss = _tree_memory(proc.pid)
                peak_rss = max(peak_rss, rss)
                if pss > peak_pss:
                    peak_pss, peak_at = pss, time.perf_counter() - started
                done.wait(0.5)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        _, err = proc.communicate()
        seconds = time.perf_counter() - started
        done.set()
        watcher.join()
        if proc.returncode != 0:
            raise SystemExit(f"refactor scan failed ({proc.returncode}): {err.decode()[-2000:]}")
    with Ledger(ledger) as led:
        (target_id, *_), = led.targets()
        stats = led.last_run_stats(target_id, "scan")
    return {"seconds": seconds, "peak_mb": peak_pss / 1e6, "peak_rss_mb": peak_rss / 1e6,
            "peak_at": peak_at, **stats["aggregates"],
            "phases": stats["phases"]}


def cloc_code_lines(root: Path) -> tuple[int, float]:
    started = time.perf_counter()
    out = subprocess.run(["cloc", "--quiet", "--json", "--include-lang=C,C/C++ Header",
                          str(root)], capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    return data["SUM"]["code"], time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, help="tree to scan (default: the kernel)")
    parser.add_argument("--skip-cloc", action="store_true")
    args = parser.parse_args()
    root = args.root or fetch_linux_source()
    print(f"tree: {root}")
    base = bare_parse(root)
    print(f"baseline: bare single-process tree-sitter parse of {base['files']} files, "
          f"{base['bytes'] / 1e6:.0f} MB: {base['seconds']:.1f} s")
    work = Path(tempfile.mkdtemp(prefix="scan-bench-"))
    ledger = work / "ledger.db"
    try:
        cold = timed_scan(root, ledger)
        print(f"cold scan: {cold['seconds']:.1f} s = {cold['seconds'] / base['seconds']:.2f}x "
              f"baseline; peak memory {cold['peak_mb']:.0f} MB (proportional set sizes; "
              f"resident sets summed: {cold['peak_rss_mb']:.0f} MB) at "
              f"{cold['peak_at']:.0f} s; {cold['files']} files, "
              f"{cold['units']} units, {cold['edges']} edges, {cold['loc']} code lines, "
              f"{cold['skipped']} skipped; phases {cold['phases']}")
        warm = timed_scan(root, ledger)
        print(f"re-scan, nothing changed: {warm['seconds']:.2f} s = "
              f"{100 * warm['seconds'] / cold['seconds']:.1f}% of the cold scan")
        if args.root is None:
            header = root / "include/linux/types.h"
            saved = header.read_bytes()
            try:
                header.write_bytes(saved.replace(b"struct list_head *next, *prev;",
                                                 b"struct list_head *next, *prev, *spare;"))
                edit = timed_scan(root, ledger)
            finally:
                header.write_bytes(saved)
            print(f"re-scan after one header edit: {edit['seconds']:.1f} s")
        if not args.skip_cloc and shutil.which("cloc"):
            code, cloc_seconds = cloc_code_lines(root)
            print(f"cloc: {code} code lines ({cloc_seconds:.0f} s); refactor: {cold['loc']} "
                  f"({100 * (cold['loc'] - code) / code:+.2f}%)")
        print(f"ledger: {ledger.stat().st_size / 1e6:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
