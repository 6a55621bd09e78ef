"""Shared fixtures: run the real `refactor` CLI in a subprocess, write source trees."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
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
                 timeout: float = 300, env: dict[str, str] | None = None) -> CliResult:
    """`refactor ARGS` in a subprocess; `env` adds variables (GitHub Actions' own are
    removed first, so a test run inside Actions sees only what the test sets)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env = {**base, "COLUMNS": "200", "NO_COLOR": "1", **(env or {})}
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


@pytest.fixture(scope="session")
def pg_server():  # type: ignore[no-untyped-def]
    """A PostgreSQL server of this test session (worker), started on first use; tests that
    use it share `@pytest.mark.xdist_group("postgresql")`, so one worker starts it."""
    from tests import postgres

    bindir = postgres.bin_dir()
    if bindir is None:
        pytest.skip(postgres.MISSING)
    pytest.importorskip("psycopg", reason="psycopg is not installed: "
                        "pip install 'refactor[postgres]'")
    server = postgres.Server(bindir)
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The URL of a new, empty PostgreSQL database, dropped after the test."""
    url = pg_server.database()
    yield url
    pg_server.drop(url)
