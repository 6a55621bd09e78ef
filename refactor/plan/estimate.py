"""`refactor estimate`: what translating a target (and the 100M-line goal) will take.

Rates are measured, never assumed: seconds per 1,000 code lines of the ledger's finished
`translate` and `verify` runs (every target in it), and model tokens and money per 1,000
lines from the attempts the model made. The projection is linear in code lines, on this
machine's speed: wall time on one machine, the machines needed to finish within a
deadline, and the money. Each run's fixed costs (building the crate, the original) are
in its rate, so a ledger of small runs over-estimates; the output says what it rests on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime

from refactor.ledger import Ledger

GOAL_LOC = 100_000_000
GOAL_DEADLINE = datetime(2030, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Rates:
    translate_s_per_kloc: float | None
    verify_s_per_kloc: float | None
    tokens_per_kloc: float  # model tokens in + out per 1,000 lines (0: rules only)
    cost_per_kloc: float
    basis: str

    @property
    def seconds_per_kloc(self) -> float | None:
        if self.translate_s_per_kloc is None or self.verify_s_per_kloc is None:
            return None
        return self.translate_s_per_kloc + self.verify_s_per_kloc


@dataclass(frozen=True)
class Projection:
    name: str
    loc: int
    seconds: float | None  # on one machine
    hours_available: float
    cost: float
    tokens: float

    @property
    def machines(self) -> int | None:
        if self.seconds is None:
            return None
        return max(1, math.ceil(self.seconds / (self.hours_available * 3600)))


def measured_rates(ledger: Ledger) -> Rates:
    """The ledger's measured rates over all its targets."""
    parts: dict[str, tuple[float, int, int]] = {}
    for command in ("translate", "verify"):
        # `refactor run` stores each stage's share of its wall time (the stages ran
        # interleaved in work items, refactor/execute)
        runs = [(float(stats.get("wall_share_seconds", seconds)),  # type: ignore[arg-type]
                 int(stats.get("loc_total", 0) or 0))
                for _, seconds, stats in ledger.run_durations(command)]
        runs = [(s, loc) for s, loc in runs if loc > 0]
        parts[command] = (sum(s for s, _ in runs), sum(loc for _, loc in runs), len(runs))
    tokens_in = tokens_out = 0
    cost = 0.0
    model_loc = 0
    for tid, _, _, _ in ledger.targets():
        t_in, t_out, spent = ledger.spend(tid)
        tokens_in, tokens_out, cost = tokens_in + t_in, tokens_out + t_out, cost + spent
        if t_in or t_out:
            model_loc += sum(u.loc for u in ledger.units(tid) if u.parent is None)

    def rate(command: str) -> float | None:
        seconds, loc, _ = parts[command]
        return 1000 * seconds / loc if loc else None

    basis = "; ".join(f"{parts[c][2]} {c} runs over {parts[c][1]:,} lines in "
                      f"{parts[c][0]:.0f} s" for c in ("translate", "verify"))
    return Rates(rate("translate"), rate("verify"),
                 1000 * (tokens_in + tokens_out) / model_loc if model_loc else 0.0,
                 1000 * cost / model_loc if model_loc else 0.0, basis)


def project(name: str, loc: int, rates: Rates, hours_available: float) -> Projection:
    per = rates.seconds_per_kloc
    return Projection(name, loc, None if per is None else per * loc / 1000, hours_available,
                      rates.cost_per_kloc * loc / 1000, rates.tokens_per_kloc * loc / 1000)


def goal_hours(now: datetime | None = None) -> float:
    """Hours from now to the goal's deadline (2030-01-01)."""
    now = now or datetime.now(UTC)
    return max(1.0, (GOAL_DEADLINE - now).total_seconds() / 3600)
