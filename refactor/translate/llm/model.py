"""Typed values the LLM backend passes between its parts (client, prompts, loops, cache)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Role = Literal["system", "user", "assistant"]


@dataclass(frozen=True)
class Message:
    role: Role
    content: str


@dataclass(frozen=True)
class Params:
    """Sampling parameters sent with a request; part of the response-cache key."""

    temperature: float = 0.0
    max_tokens: int = 4096
    seed: int | None = 0


@dataclass(frozen=True)
class Completion:
    """One answer of the model and what it cost."""

    text: str
    model: str
    tokens_in: int
    tokens_out: int
    cost: float = 0.0  # in the configured currency, from the model's prices
    cached: bool = False  # served from the ledger's response cache: nothing was sent
    finish_reason: str | None = None


@dataclass(frozen=True)
class Prices:
    """Price of one million tokens, prompt and completion (configuration, per model)."""

    input_per_million: float = 0.0
    output_per_million: float = 0.0

    def cost(self, tokens_in: int, tokens_out: int) -> float:
        return (tokens_in * self.input_per_million
                + tokens_out * self.output_per_million) / 1_000_000


@dataclass(frozen=True)
class Rendered:
    """A prompt rendered from its templates, with the version recorded per attempt."""

    messages: tuple[Message, ...]
    template: str  # e.g. "translate_c_function"
    version: str  # short hash of every template file the rendering used
    tokens_estimate: int = 0


@dataclass
class Rejection:
    """Why an answer was refused before it was ever compiled."""

    reason: str
    evidence: list[str] = field(default_factory=list)


class LLMError(Exception):
    """A request that failed for good (after the retries its kind allows); the message
    names the endpoint, the model and what to do next."""
