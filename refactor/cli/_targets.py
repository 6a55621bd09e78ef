"""Choosing the ledger and the targets a read-only command works on."""

from __future__ import annotations

from refactor.cli._common import abort, default_ledger, existing_ledger, resolve_target
from refactor.ledger import Ledger


def ledger_and_targets(
    target: str | None, ledger: str | None
) -> tuple[Ledger, list[tuple[int, str]]]:
    """The ledger to read and the (id, name) of the targets to show: one, or all of them."""
    if target is None and ledger is None:
        abort("name a TARGET (directory or targets/<name>.toml) or pass --ledger FILE")
    ref = resolve_target(target) if target is not None else None
    led = existing_ledger(ledger or default_ledger(ref))  # type: ignore[arg-type]
    targets = [(tid, name) for tid, name, _, _ in led.targets()]
    if ref is not None:
        targets = [(tid, name) for tid, name in targets if name == ref.name]
        if not targets:
            led.close()
            abort(f"target {ref.name} is not in the ledger {led.name}; run `refactor scan "
                  f"{target}` first")
    if not targets:
        led.close()
        abort(f"the ledger {led.name} holds no target yet; run `refactor scan TARGET` first")
    return led, targets
