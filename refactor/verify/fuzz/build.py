"""The C original as one shared library: all of the target's C files compiled together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from refactor.verify import sandbox

C_LIBRARY = "libfuzz_original.so"


@dataclass(frozen=True)
class CBuild:
    library: Path | None  # None when the build failed
    error: str = ""  # one line naming the file and gcc's first error
    isolation: str = ""


def _under_tmp(paths: Sequence[Path]) -> list[Path]:
    """Source directories the sandbox would hide: bubblewrap gives the command a private
    /tmp, so sources there are bound in, read-only."""
    dirs = {(p if Path(p).is_dir() else Path(p).parent).resolve() for p in paths}
    return sorted(d for d in dirs if d.is_relative_to("/tmp"))


def _define(d: str) -> str:
    return d if d.startswith("-D") else f"-D{d}"


def compile_c_library(c_files: Sequence[Path], include_dirs: Sequence[Path],
                      defines: Sequence[str], work: Path,
                      limits: sandbox.Limits) -> CBuild:
    """gcc -shared -fPIC -O0 over every C file, so cross-file callees exist.

    Array indexing out of bounds traps (`-fsanitize=bounds`, no runtime library needed):
    an index past a C array is undefined behaviour that usually goes unnoticed, while the
    Rust translation panics on it; with the trap both sides crash, which agrees."""
    out = work / C_LIBRARY
    argv = ["gcc", "-shared", "-fPIC", "-O0", "-w", "-fno-strict-aliasing",
            "-fsanitize=bounds", "-fsanitize-undefined-trap-on-error",
            *(f"-I{Path(d).resolve()}" for d in include_dirs), *map(_define, defines),
            "-o", str(out), *(str(Path(f).resolve()) for f in c_files), "-lm"]
    outcome = sandbox.run(argv, work, limits, readable=_under_tmp([*c_files, *include_dirs]))
    if outcome.ok and out.is_file():
        return CBuild(out, isolation=outcome.isolation)
    stderr = outcome.stderr.decode("utf-8", "replace").splitlines()
    first = next((line for line in stderr if "error" in line), stderr[0] if stderr else "")
    files = ", ".join(Path(f).name for f in c_files)
    if not first:
        first = f"gcc {outcome.describe()} with no message"
    if not any(Path(f).name in first for f in c_files):
        first = f"{files}: {first}"
    return CBuild(None, f"the C original does not compile ({first.strip()}); fix the "
                        "build settings (include dirs, defines) or the C files",
                  outcome.isolation)
