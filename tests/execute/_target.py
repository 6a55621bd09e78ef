"""A small C target of independent files: each file is a cluster, so `--item-lines 1`
makes one work item per file and a run has many points to be killed at."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from refactor.ledger import Ledger
from tests.conftest import write_tree

FILES = 6
FAST = ("--fuzz-examples", "20", "--item-lines", "1")


def c_target(root: Path, files: int = FILES) -> Path:
    return write_tree(root, {f"m{i}.c": f"""
        int add{i}(int a, int b) {{ return a + b + {i}; }}
        int scale{i}(int a) {{ if (a > 100) return a / {i}; return a * {i}; }}
        static int clamp{i}(int v, int lo, int hi) {{ return v < lo ? lo : (v > hi ? hi : v); }}
        int fit{i}(int v) {{ return clamp{i}(v, -{i}, {i} * 10); }}
        """ for i in range(1, files + 1)})


def outcomes(ledger: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every target's unit results, comparable between ledgers (no ids, no times)."""
    with Ledger(ledger) as led:
        return {name: led.outcomes(tid) for tid, name, _, _ in led.targets()}


def run_statuses(ledger: Path) -> list[str]:
    with sqlite3.connect(ledger) as conn:
        return [r[0] for r in conn.execute("SELECT status FROM runs ORDER BY id")]
