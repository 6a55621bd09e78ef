"""The `cobol_rt` Rust runtime that translated COBOL programs use.

`runtime_source()` returns the module's files (paths relative to a crate's `src/`), to be
written next to the generated program and declared there with `mod cobol_rt;`.
"""

from __future__ import annotations

from importlib import resources

_PACKAGE = "refactor.translate.cobol.runtime"


def runtime_source() -> dict[str, str]:
    """Relative file name (`cobol_rt/mod.rs`, ...) -> Rust source text."""
    root = resources.files(_PACKAGE).joinpath("cobol_rt")
    return {
        f"cobol_rt/{entry.name}": entry.read_text(encoding="utf-8")
        for entry in sorted(root.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".rs")
    }
