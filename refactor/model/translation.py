"""Results of translating one source file: per-unit outcomes and the assembled module."""

from __future__ import annotations

from typing import NamedTuple


class UnitTranslation(NamedTuple):
    kind: str            # "function" | "type" | "global" | "macro"
    name: str            # C name, as the scanner names units ("struct foo")
    start_line: int      # in the original file, 1-based
    end_line: int
    status: str          # "translated" | "skipped"
    rust: str            # the Rust code of this unit ("" when skipped)
    reason: str | None   # why skipped
    unsafe_lines: int    # lines inside `unsafe` blocks / `unsafe fn` bodies, shim excluded


class FileTranslation(NamedTuple):
    path: str
    rust: str            # the whole self-contained module (only translated units)
    units: tuple[UnitTranslation, ...]
    problems: tuple[str, ...]   # file-level problems (e.g. cc -E failed)
