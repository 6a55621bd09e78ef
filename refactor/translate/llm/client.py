"""`ChatClient`: chat completions over any OpenAI-compatible endpoint.

The `openai` SDK does the HTTP; its own retries are switched off (`max_retries=0`) so the
table in `retry.py` alone decides what is retried. A semaphore bounds the requests in
flight; counters on the client say how many requests, retries and tokens a run used.
"""

from __future__ import annotations

import asyncio
import logging
import math
import os
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import openai
from openai.types.chat import ChatCompletion

from refactor.translate.llm.model import Completion, LLMError, Message, Params, Prices
from refactor.translate.llm.retry import (
    Failed,
    Retry,
    RetryPolicy,
    Sleep,
    describe,
    run_with_retries,
    status_of,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

DEFAULT_BASE_URL = "https://api.openai.com/v1"
# Local servers (llama.cpp, Ollama, vLLM) usually need no key, but the SDK insists on one.
PLACEHOLDER_KEY = "no-key"
CHARS_PER_TOKEN = 4  # rough estimate used only when the server reports no usage


@dataclass
class ClientStats:
    """What the client has done so far; read it, do not write it."""

    requests: int = 0  # HTTP requests sent, retries included
    retries: int = 0
    completions: int = 0
    failures: int = 0  # calls that ended in LLMError
    tokens_in: int = 0
    tokens_out: int = 0
    usage_estimated: int = 0  # completions whose tokens were estimated (no `usage`)
    cost: float = 0.0


def estimate_tokens(text: str) -> int:
    return math.ceil(len(text) / CHARS_PER_TOKEN)


def estimate_prompt_tokens(messages: Sequence[Message]) -> int:
    # About four tokens of framing per message, as the chat format adds.
    return sum(estimate_tokens(m.content) + 4 for m in messages)


class ChatClient:
    """An OpenAI-compatible chat endpoint with our retries, bound and counters.

    Create it inside the event loop that uses it; close it with `aclose()` or
    `async with`.
    """

    def __init__(
        self,
        model: str,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = 120.0,
        concurrency: int = 4,
        prices: Prices | None = None,
        retry: RetryPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
        rand: Callable[[], float] = random.random,
    ) -> None:
        if concurrency < 1:
            raise ValueError(f"concurrency must be at least 1, not {concurrency}")
        self.model = model
        self.base_url = (base_url or os.environ.get("OPENAI_BASE_URL")
                         or DEFAULT_BASE_URL).rstrip("/")
        key = api_key or os.environ.get("OPENAI_API_KEY")
        self.key_is_placeholder = not key
        self.timeout = timeout
        self.prices = prices or Prices()
        self.policy = retry or RetryPolicy()
        self.stats = ClientStats()
        self._sleep = sleep
        self._rand = rand
        self._bound = asyncio.Semaphore(concurrency)
        self._sdk = openai.AsyncOpenAI(
            api_key=key or PLACEHOLDER_KEY, base_url=self.base_url,
            timeout=timeout, max_retries=0,
        )

    async def __aenter__(self) -> ChatClient:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._sdk.close()

    async def complete(self, messages: Sequence[Message], params: Params) -> Completion:
        """One chat completion; raises LLMError when it fails for good."""
        if not messages:
            raise ValueError("complete() needs at least one message")
        payload = [{"role": m.role, "content": m.content} for m in messages]

        async def create() -> ChatCompletion:
            return await self._sdk.chat.completions.create(
                model=self.model, messages=payload,  # type: ignore[arg-type]
                temperature=params.temperature, max_tokens=params.max_tokens,
                seed=openai.omit if params.seed is None else params.seed,
            )

        response = await self._call("chat completion", create)
        return self._completion(messages, response)

    async def models(self) -> list[str]:
        """The model ids the endpoint serves (GET /models)."""

        async def listing() -> list[str]:
            page = await self._sdk.models.list()
            return [m.id for m in page.data]

        return await self._call("model listing", listing)

    async def _call(self, what: str, call: Callable[[], Awaitable[T]]) -> T:
        async def bounded() -> T:
            async with self._bound:
                self.stats.requests += 1
                return await call()

        def counted(_attempt: int, _retry: Retry) -> None:
            self.stats.retries += 1

        started = time.monotonic()
        outcome = await run_with_retries(bounded, self.policy, sleep=self._sleep,
                                         rand=self._rand, on_retry=counted)
        if isinstance(outcome, Failed):
            self.stats.failures += 1
            message = self._message(what, outcome, time.monotonic() - started)
            raise LLMError(message) from outcome.error
        return outcome.value

    def _message(self, what: str, failed: Failed, seconds: float) -> str:
        exc = failed.error
        detail = (getattr(exc, "message", None) or str(exc)).rstrip(".")
        status = status_of(exc)
        kind = describe(exc) if status is not None else f"{describe(exc)} (no HTTP status)"
        tries = f"{failed.attempts} attempt{'s' if failed.attempts != 1 else ''}"
        gave_up = f"gave up after {tries}" if failed.decision.exhausted else f"after {tries}"
        advice = failed.decision.advice
        if status == 401 and self.key_is_placeholder:
            advice += " (OPENAI_API_KEY is not set, so a placeholder key was sent)"
        if status == 404:
            advice += f" (the model asked for was {self.model!r})"
        return (f"{what} failed: {kind} from {self.base_url} for model {self.model!r}, "
                f"{gave_up} in {seconds:.1f}s: {detail}. Next step: {advice}.")

    def _completion(self, messages: Sequence[Message], response: ChatCompletion) -> Completion:
        if not response.choices:
            self.stats.failures += 1
            raise LLMError(
                f"chat completion from {self.base_url} for model {self.model!r} has no "
                "choices. Next step: check that the endpoint speaks the OpenAI "
                "chat-completions protocol.")
        choice = response.choices[0]
        text = choice.message.content or ""
        usage = response.usage
        if usage is not None:
            tokens_in, tokens_out = usage.prompt_tokens, usage.completion_tokens
        else:
            tokens_in, tokens_out = estimate_prompt_tokens(messages), estimate_tokens(text)
            self.stats.usage_estimated += 1
            log.warning("%s (model %r) reported no token usage; estimated %d in, %d out",
                        self.base_url, self.model, tokens_in, tokens_out)
        cost = self.prices.cost(tokens_in, tokens_out)
        self.stats.completions += 1
        self.stats.tokens_in += tokens_in
        self.stats.tokens_out += tokens_out
        self.stats.cost += cost
        return Completion(text=text, model=response.model or self.model,
                          tokens_in=tokens_in, tokens_out=tokens_out, cost=cost,
                          finish_reason=choice.finish_reason)
