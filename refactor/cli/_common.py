"""What every command shares: the console, the one path for user errors, target lookup."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

from refactor.ledger import Ledger, LedgerError, ledger_exists, ledger_name
from refactor.model import TargetError, load_target
from refactor.model.target import Target

console = Console()
err_console = Console(stderr=True)


class Abort(Exception):
    """A user error: one clear sentence, exit status 1, no traceback."""


def abort(message: str) -> NoReturn:
    raise Abort(message)


def debug() -> bool:
    return os.environ.get("REFACTOR_DEBUG", "") not in ("", "0")


@dataclass(frozen=True)
class TargetRef:
    name: str
    root: Path
    exclude: list[str]
    include_dirs: tuple[Path, ...] = ()  # for the preprocessor, absolute
    defines: tuple[str, ...] = ()  # NAME or NAME=VALUE
    target: Target | None = None  # the TOML's description (build, workloads, hints)


def resolve_target(spec: str) -> TargetRef:
    """A directory (git repository or plain) or a `targets/<name>.toml` description."""
    path = Path(spec)
    if path.suffix == ".toml":
        try:
            target = load_target(path)
        except TargetError as exc:
            abort(str(exc))
        root = target.source_dir
        return TargetRef(target.name, root, list(target.exclude),
                         tuple(root / d for d in target.include_dirs), tuple(target.defines),
                         target)
    if not path.exists():
        abort(f"{spec}: no such file or directory; pass a source directory or a "
              "targets/<name>.toml file")
    if not path.is_dir():
        abort(f"{spec}: not a directory; pass the repository's root directory or a "
              "targets/<name>.toml file")
    root = path.resolve()
    # A plain directory: headers are found beside the sources, or in include/
    includes = (root, root / "include") if (root / "include").is_dir() else (root,)
    return TargetRef(root.name or "root", root, [], includes)


def progress_bar(enabled: bool = True) -> Progress:
    """A progress bar with counts and ETA on a terminal; silent otherwise (CI logs)."""
    return Progress("[progress.description]{task.description}", BarColumn(),
                    MofNCompleteColumn(), TimeRemainingColumn(), console=console,
                    disable=not (enabled and console.is_terminal), transient=True)


def target_model(ref: TargetRef) -> Target:
    """The target's description: its TOML's, or a bare one for a plain directory (no
    build commands, no workloads: nothing can reach `tested`)."""
    if ref.target is not None:
        return ref.target
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", ref.name).lstrip(".-") or "root"
    return Target(name=name, source=str(ref.root), exclude=ref.exclude)


def recorded_target(led: Ledger, ref: TargetRef, next_step: str) -> int:
    """The ledger's id of the target, or the end of the command saying what to run."""
    ids = [tid for tid, name, _, _ in led.targets() if name == ref.name]
    if not ids:
        abort(f"target {ref.name} is not in the ledger {led.name}; {next_step}")
    return ids[0]


def default_crate(led: Ledger, name: str) -> Path:
    """Where a target's crate lives unless --out/--crate says: rust/<target> beside the
    ledger."""
    return (led.path.parent / "rust" / name).resolve()


def check_backend(backend: str) -> None:
    from refactor.translate.pipeline import BACKENDS

    if backend not in BACKENDS:
        abort(f"backend {backend!r} is not available: use one of {', '.join(BACKENDS)}")


def default_ledger(ref: TargetRef) -> Path:
    return ref.root / ".refactor" / "ledger.db"


def open_ledger(path: Path | str, writer: str | None = None) -> Ledger:
    """The ledger at `path` (a file, or a postgresql:// URL); `writer` (the command) takes
    its writer lock."""
    try:
        return Ledger(path, writer)
    except LedgerError as exc:
        abort(str(exc))


def existing_ledger(path: Path | str, writer: str | None = None) -> Ledger:
    try:
        found = ledger_exists(path)
    except LedgerError as exc:
        abort(str(exc))
    if not found:
        abort(f"no ledger at {ledger_name(path)}; run `refactor scan` first or pass "
              "--ledger FILE")
    return open_ledger(path, writer)


def shard_ledgers(paths: list[Path]) -> list[Path]:
    """Ledger files named directly, or found (*.db) under directories: CI shards' artifacts."""
    found: list[Path] = []
    for path in paths:
        found += sorted(path.rglob("*.db")) if path.is_dir() else [path]
    if not found:
        abort(f"--merge {', '.join(map(str, paths))}: no ledger (*.db) there; download the "
              "shards' artifacts first")
    return found


def exit_with(message: str, code: int = 1) -> NoReturn:
    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False,
                      soft_wrap=True)
    sys.exit(code)
