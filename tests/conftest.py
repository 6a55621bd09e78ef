"""Shared fixtures: run the real `refactor` CLI in a subprocess, write source trees."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@dataclass
class CliResult:
    code: int
    stdout: str
    stderr: str


def run_refactor(*args: str | os.PathLike[str], cwd: Path | None = None,
                 timeout: float = 300) -> CliResult:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    env.pop("REFACTOR_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "refactor", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout,
    )
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def cli():
    return run_refactor


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Create files under root; str contents are dedented."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root
