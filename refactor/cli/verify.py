"""`refactor verify TARGET`: build, fuzz and test the target's translations."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from refactor.cli._common import (
    TargetRef,
    abort,
    console,
    default_crate,
    default_ledger,
    existing_ledger,
    recorded_target,
    resolve_target,
    target_model,
)
from refactor.ledger import Ledger
from refactor.verify.levels import STAGES

if TYPE_CHECKING:  # the verify stage (cargo, the fuzzer) loads only when a command verifies
    from refactor.verify.pipeline import VerifySummary

SHOWN = 8


def verify(
    target: Annotated[str, typer.Argument(help="A source directory or targets/<name>.toml "
                                          "(translated first with `refactor translate`).")],
    ledger: Annotated[str | None, typer.Option(help="Ledger database (default: "
                                               "TARGET/.refactor/ledger.db).")] = None,
    crate: Annotated[Path | None, typer.Option(help="The translated crate (default: "
                                               "rust/<target> beside the ledger).")] = None,
    level: Annotated[str, typer.Option(help="Highest level to try: builds, fuzzed or "
                                       "tested.")] = "tested",
    fuzz_examples: Annotated[int, typer.Option(help="Generated inputs per function.")] = 100,
) -> None:
    """Verify every current translation: builds, then fuzzed, then tested."""
    if level not in STAGES:
        abort(f"--level {level!r}: use one of {', '.join(STAGES)}")
    ref = resolve_target(target)
    with existing_ledger(ledger or default_ledger(ref), "verify") as led:
        summary = run_verify(led, ref, crate, level, fuzz_examples)
    render(ref.name, summary)


def run_verify(led: Ledger, ref: TargetRef, crate: Path | None, level: str,
               fuzz_examples: int) -> VerifySummary:
    """Verify `ref` as recorded in `led` (shared with `refactor run`)."""
    from refactor.verify.pipeline import verify_target

    tid = recorded_target(led, ref, "run `refactor scan` and `refactor translate` first")
    name = ref.name
    crate_dir = crate.resolve() if crate else default_crate(led, name)
    work = (led.path.parent / "work" / name).resolve()
    with console.status(f"verifying {name}") as status:
        return verify_target(
            led, tid, target_model(ref), crate_dir, work, ref.include_dirs, ref.defines,
            fuzz_examples=fuzz_examples, stages=STAGES[:STAGES.index(level) + 1],
            progress=lambda what: status.update(f"verifying {name}: {what}"))


def render(name: str, s: VerifySummary) -> None:
    table = Table(title=f"{name}: verification (isolation: {s.isolation or 'none'})",
                  title_justify="left")
    for column in ("units", "none", "builds", "fuzzed", "tested", "secured",
                   "code lines secured"):
        table.add_column(column, justify="right")
    share = f" of {s.loc_total}" if s.loc_total else ""
    table.add_row(str(s.units), *(str(s.levels.get(k, 0)) for k in
                                  ("none", "builds", "fuzzed", "tested")),
                  str(s.secured), f"{s.loc_secured}{share}")
    console.print(table)
    if s.fuzz:
        console.print("fuzzed: " + ", ".join(f"{n} {k}" for k, n in sorted(s.fuzz.items())),
                      highlight=False)
    if s.tested:
        console.print("tested: " + ", ".join(f"{n} {k}" for k, n in
                                              sorted(s.tested.items())), highlight=False)
    for problem in s.problems[:SHOWN]:
        console.print(f"[yellow]problem:[/] {problem}", highlight=False, soft_wrap=True)
    console.print("seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in s.seconds.items()),
                  highlight=False)
