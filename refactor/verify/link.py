"""Linking the original program with translated units substituted from the Rust crate.

The target's build runs once, through a compiler wrapper (`ccwrap.py`) that adds
`--coverage` and logs every link step. A variant of the program is then made by
re-running a logged link step on a copy of the build with a set S of substituted
symbols: in the C objects the definitions of S are made weak (`objcopy
--weaken-symbol`), in a copy of the crate's static library every other symbol the C
objects also define is made weak, and the library goes first on the command line with
`-u` for each symbol of S so the linker takes its definitions. Wherever both sides define
a symbol the strong one wins, so each function and global exists once: Rust code calls
the C original of a unit that is not substituted (and shares the C program's globals),
and C code calls the Rust translation of one that is.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from refactor.verify import sandbox

WRAPPED = ("gcc", "cc")
# What Rust's std needs from the system when a staticlib is linked into a C program on
# Linux (rustc --print native-static-libs for x86_64-unknown-linux-gnu).
NATIVE_LIBS = ("-lgcc_s", "-lutil", "-lrt", "-lpthread", "-lm", "-ldl", "-lc")
_SYMBOL_KINDS = frozenset("TDBRCVWGS")


@dataclass(frozen=True)
class LinkStep:
    cwd: Path  # absolute, inside the build directory
    argv: tuple[str, ...]

    @property
    def output(self) -> str:
        args = list(self.argv)
        for i, arg in enumerate(args):
            if arg == "-o" and i + 1 < len(args):
                return args[i + 1]
            if arg.startswith("-o") and len(arg) > 2:
                return arg[2:]
        return "a.out"


def wrapper_env(bin_dir: Path, log: Path) -> dict[str, str] | str:
    """Install the compiler wrapper in `bin_dir`; the environment the build runs with,
    or why it cannot (no C compiler)."""
    real = shutil.which("gcc") or shutil.which("cc")
    if real is None:
        return "no C compiler (gcc or cc) on PATH; install gcc"
    bin_dir.mkdir(parents=True, exist_ok=True)
    script = Path(__file__).with_name("ccwrap.py")
    for name in WRAPPED:
        path = bin_dir / name
        path.write_text(f"#!/bin/sh\nexec {sys.executable} -S {script} \"$@\"\n", "utf-8")
        path.chmod(0o755)
    env = dict(os.environ)
    env.update(PATH=f"{bin_dir}:{env.get('PATH', '/usr/bin:/bin')}",
               REFACTOR_REAL_CC=real, REFACTOR_LINK_LOG=str(log))
    return env


def link_steps(log: Path) -> tuple[list[LinkStep], list[str]]:
    """The link steps that made the build's programs and libraries, and why others were
    left out. A step is replayed only when its output still exists after the build and it
    linked objects or archives that still exist (configure's test programs, `gcc -v` and
    one-step compile-and-link commands are not); the last step for each output wins."""
    if not log.exists():
        return [], []
    last: dict[Path, LinkStep] = {}
    skipped: list[str] = []
    for line in log.read_text("utf-8").splitlines():
        entry = json.loads(line)
        step = LinkStep(Path(entry["cwd"]), tuple(entry["argv"]))
        out = step.cwd / step.output
        sources = [a for a in step.argv if a.endswith((".c", ".cc", ".cpp", ".s", ".S"))]
        if not out.is_file():
            continue  # a probe whose output is gone
        if sources:
            skipped.append(f"{step.output}: compiled and linked in one command "
                           f"({' '.join(sources[:3])}); its units cannot be substituted")
            continue
        if not _inputs(step):
            continue
        last[out] = step
    return list(last.values()), skipped


def defined_symbols(paths: Iterable[Path]) -> set[str]:
    """Global symbols defined by object files or archives (`nm`)."""
    names: set[str] = set()
    files = [str(p) for p in paths]
    if not files:
        return names
    proc = subprocess.run(["nm", "-g", "--defined-only", *files], capture_output=True,
                          text=True, errors="replace", timeout=300)
    for line in proc.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in _SYMBOL_KINDS:
            names.add(parts[2])
    return names


def _inputs(step: LinkStep) -> list[Path]:
    """The objects and archives a link step reads."""
    out = []
    for arg in step.argv:
        if not arg.startswith("-") and arg.endswith((".o", ".a")):
            path = step.cwd / arg
            if path.is_file():
                out.append(path)
    return out


def c_symbols(steps: Sequence[LinkStep]) -> set[str]:
    return defined_symbols(p for step in steps for p in _inputs(step))


def relink(step: LinkStep, build: Path, variant: Path, archive: Path | None,
           substitute: set[str], shared: set[str],
           limits: sandbox.Limits) -> sandbox.Outcome | None:
    """Re-run `step` in `variant` (a copy of `build`) with `substitute` taken from the
    crate's static library; None when it linked, else the failing outcome."""
    cwd = variant / step.cwd.relative_to(build)
    argv = [arg.replace(str(build), str(variant)) for arg in step.argv]
    moved = LinkStep(cwd, tuple(argv))
    objects = _inputs(moved)
    front: list[str] = []
    if substitute and archive is not None:
        for path in objects:
            _objcopy(path, sorted(substitute))
        copy = variant / ".refactor-rust.a"
        shutil.copyfile(archive, copy)
        _objcopy(copy, sorted(shared - substitute))
        front = [*(f"-Wl,-u,{name}" for name in sorted(substitute)), str(copy)]
    tail = list(NATIVE_LIBS) if front else []
    outcome = sandbox.run([shutil.which("gcc") or "cc", "--coverage",
                           *front, *argv, *tail], cwd, limits)
    return None if outcome.ok else outcome


def _objcopy(path: Path, weaken: list[str]) -> None:
    if not weaken:
        return
    listing = path.with_suffix(path.suffix + ".weaken")
    listing.write_text("\n".join(weaken) + "\n", "utf-8")
    subprocess.run(["objcopy", f"--weaken-symbols={listing}", str(path)], check=True,
                   capture_output=True, timeout=300)
    listing.unlink()
