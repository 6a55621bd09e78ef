"""Where each unit stands now: its level and whether it is secured, if still current.

A unit's level comes from the ledger's `unit_levels`, and only while it still describes
the unit's current translation: a unit edited (or re-translated) since it was verified is
back at `none` until it is verified again.
"""

from __future__ import annotations

from typing import NamedTuple

from refactor.ledger import Attempt, Ledger


class Outcome(NamedTuple):
    level: str  # none | builds | fuzzed | tested
    secured: bool
    unsafe_lines: int
    backend: str | None
    reason: str | None


def unit_outcomes(ledger: Ledger, target_id: int) -> dict[int, Outcome]:
    hashes = ledger.unit_hashes(target_id)
    attempts = ledger.latest_attempts(target_id)
    levels = ledger.unit_levels(target_id)
    out: dict[int, Outcome] = {}
    for uid, src_hash in hashes.items():
        attempt, level = attempts.get(uid), levels.get(uid)
        unsafe = attempt.unsafe_lines if attempt else 0
        backend = attempt.backend if attempt else None
        if (attempt is not None and level is not None and level.attempt_id == attempt.id
                and attempt.src_hash == src_hash):
            out[uid] = Outcome(level.level, level.secured, unsafe, backend, level.reason)
        else:
            out[uid] = Outcome("none", False, unsafe, backend,
                               _why_not_verified(attempt, src_hash, level is not None))
    return out


def _why_not_verified(attempt: Attempt | None, src_hash: str, was_verified: bool) -> str:
    if attempt is None:
        return "not translated yet"
    if attempt.status != "translated":
        return attempt.reason or attempt.status
    if attempt.src_hash != src_hash:
        return "the source changed since it was translated; translate again"
    return ("translated again since it was verified; verify again" if was_verified
            else "not verified yet; run `refactor verify`")
