"""Compile generated Rust with the real rustc (edition 2021, std only)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

RUSTC = shutil.which("rustc")
needs_rustc = pytest.mark.skipif(RUSTC is None, reason="rustc is not installed")


def compile_module(source: Path, out_dir: Path, crate_type: str = "lib") -> str:
    """Compile one module as a crate; returns rustc's errors ("" when it built)."""
    assert RUSTC is not None
    ext = {"lib": ".rlib", "cdylib": ".so", "staticlib": ".a"}[crate_type]
    proc = subprocess.run(
        [RUSTC, "--edition", "2021", "--crate-type", crate_type, "--crate-name",
         "m_" + source.stem, "-o", str(out_dir / f"lib{source.stem}{ext}"), str(source)],
        capture_output=True, text=True, timeout=120, check=False)
    return "" if proc.returncode == 0 else proc.stderr
