"""Budgets: caps on tokens and money, per unit and per run, checked before every request.

A request is allowed when its estimated prompt plus its `max_tokens` fits what is left
of both the unit's and the run's caps (tokens), counting what requests in flight have
reserved, and the money already spent is below the caps (money is only known after the
answer). A refusal names the cap that stopped it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from refactor.translate.llm.model import Completion


@dataclass(frozen=True)
class Caps:
    unit_tokens: int | None = None
    unit_cost: float | None = None
    run_tokens: int | None = None
    run_cost: float | None = None


@dataclass
class Spent:
    tokens: int = 0
    cost: float = 0.0
    requests: int = 0
    cached: int = 0  # answers served from the cache (free)

    def add(self, completion: Completion) -> None:
        if completion.cached:
            self.cached += 1
            return
        self.tokens += completion.tokens_in + completion.tokens_out
        self.cost += completion.cost
        self.requests += 1


@dataclass
class Budget:
    caps: Caps = field(default_factory=Caps)
    run: Spent = field(default_factory=Spent)
    reserved: int = 0  # tokens reserved by requests in flight

    def refusal(self, unit: Spent, estimate: int) -> str | None:
        """Why a request of about `estimate` tokens may not be sent, or None."""
        checks = (
            (self.caps.unit_tokens, unit.tokens + estimate, "per-unit token cap"),
            (self.caps.run_tokens, self.run.tokens + self.reserved + estimate,
             "per-run token cap"),
        )
        for cap, would, name in checks:
            if cap is not None and would > cap:
                return f"{name} of {cap:,} tokens reached ({would:,} needed)"
        money = ((self.caps.unit_cost, unit.cost, "per-unit cost cap"),
                 (self.caps.run_cost, self.run.cost, "per-run cost cap"))
        for cap, spent, name in money:
            if cap is not None and spent >= cap:
                return f"{name} of {cap:g} reached ({spent:.4f} spent)"
        return None

    def reserve(self, unit: Spent, estimate: int) -> str | None:
        """Reserve `estimate` tokens for a request, or say why it may not be sent."""
        refusal = self.refusal(unit, estimate)
        if refusal is None:
            self.reserved += estimate
        return refusal

    def release(self, estimate: int) -> None:
        self.reserved -= estimate

    def charge(self, unit: Spent, completion: Completion) -> None:
        unit.add(completion)
        self.run.add(completion)

    @property
    def run_exhausted(self) -> str | None:
        """Why no further request of the run can go out (a per-run cap is used up)."""
        if self.caps.run_tokens is not None and self.run.tokens >= self.caps.run_tokens:
            return f"per-run token cap of {self.caps.run_tokens:,} tokens reached"
        if self.caps.run_cost is not None and self.run.cost >= self.caps.run_cost:
            return f"per-run cost cap of {self.caps.run_cost:g} reached"
        return None
