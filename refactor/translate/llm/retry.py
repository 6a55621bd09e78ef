"""Which model API errors are retried, how long to wait, and the loop that does it.

`RULES` is the one table: for each `openai` exception class (first match wins, so
subclasses come before their parents) whether it is worth another attempt and what the
user should do when it is not. `decide` is pure (the clock and the dice are arguments);
`run_with_retries` is the small async loop around it, with the sleep injected so tests can
watch the delays without waiting for them.
"""

from __future__ import annotations

import email.utils
import logging
import math
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

import openai

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class Rule:
    """One row of the table: an exception class, optionally narrowed to an error `code`
    from the response body (e.g. a 429 that means "out of quota", not "slow down")."""

    error: type[openai.OpenAIError]
    retried: bool
    advice: str
    code: str | None = None


RULES: tuple[Rule, ...] = (
    Rule(openai.RateLimitError, False, "the account is out of quota: add credit or use "
         "another key (OPENAI_API_KEY); retrying cannot help", code="insufficient_quota"),
    Rule(openai.RateLimitError, True, "the endpoint is rate limiting: lower the concurrency "
         "or wait and run again (finished units are kept)"),
    Rule(openai.InternalServerError, True, "the server failed (5xx): check the server's "
         "log or try again later"),
    Rule(openai.APITimeoutError, True, "no answer within the client timeout: raise the "
         "timeout, lower max_tokens or the concurrency, or use a faster model"),
    Rule(openai.APIConnectionError, True, "could not connect: check that the server is "
         "running and that OPENAI_BASE_URL (or base_url) points at it, e.g. "
         "http://127.0.0.1:8000/v1"),
    # The SDK itself retries 409 (a lock timeout on the server side); so do we.
    Rule(openai.ConflictError, True, "the server reported a conflict (409): try again later"),
    Rule(openai.AuthenticationError, False, "check OPENAI_API_KEY (or api_key)"),
    Rule(openai.PermissionDeniedError, False, "the key is not allowed to use this model or "
         "endpoint: check the key's project and the model's access"),
    Rule(openai.NotFoundError, False, "check the model name (list the endpoint's models) "
         "and that base_url ends in /v1"),
    Rule(openai.BadRequestError, False, "the server refused the request: the prompt may be "
         "longer than the model's context or a parameter (seed, max_tokens) unsupported"),
    Rule(openai.UnprocessableEntityError, False, "the server could not process the request "
         "body: check that the endpoint speaks the OpenAI chat-completions protocol"),
    Rule(openai.APIResponseValidationError, False, "the answer is not a chat completion: "
         "check that base_url is an OpenAI-compatible /v1 endpoint"),
    Rule(openai.APIStatusError, False, "unexpected HTTP status: check the endpoint"),
    Rule(openai.OpenAIError, False, "unexpected error from the openai client"),
)

# Statuses that are worth retrying even when no specific class matched (408 Request
# Timeout, 425 Too Early, and any 5xx the SDK mapped to a generic APIStatusError).
RETRIED_STATUSES = frozenset({408, 425})


@dataclass(frozen=True)
class RetryPolicy:
    """How many attempts (the first one included) and how long to wait between them."""

    max_attempts: int = 5
    base_delay: float = 0.5  # seconds; the backoff ceiling doubles from here
    max_delay: float = 30.0  # ceiling of the exponential backoff
    max_retry_after: float = 120.0  # a server's retry-after is honoured up to this


@dataclass(frozen=True)
class Retry:
    delay: float
    reason: str  # e.g. "HTTP 429 RateLimitError"


@dataclass(frozen=True)
class GiveUp:
    reason: str
    advice: str
    exhausted: bool  # True: it was retriable but the attempts ran out


Decision = Retry | GiveUp


def status_of(exc: BaseException) -> int | None:
    status = getattr(exc, "status_code", None)
    return status if isinstance(status, int) else None


def describe(exc: BaseException) -> str:
    """`HTTP 429 RateLimitError` or `APITimeoutError`: the kind of failure, briefly."""
    status = status_of(exc)
    name = type(exc).__name__
    return f"HTTP {status} {name}" if status is not None else name


def rule_for(exc: BaseException) -> Rule | None:
    """The first row of `RULES` that matches, or None for a non-openai exception."""
    code = getattr(exc, "code", None)
    for rule in RULES:
        if isinstance(exc, rule.error) and (rule.code is None or rule.code == code):
            return rule
    return None


def retry_after_seconds(headers: Mapping[str, str] | None, now: float) -> float | None:
    """The server's requested wait: `retry-after-ms`, else `retry-after` in seconds or
    as an HTTP date. None when absent or unreadable; never negative."""
    if headers is None:
        return None
    for name, divisor in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        value = headers.get(name)
        if value is None:
            continue
        try:
            seconds = float(value) / divisor
        except ValueError:
            continue
        if math.isfinite(seconds):
            return max(seconds, 0.0)
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(when.timestamp() - now, 0.0)


def backoff(attempt: int, policy: RetryPolicy, rand: float) -> float:
    """Exponential backoff with full jitter: uniform in [0, min(max, base * 2**(n-1))]
    after the n-th failed attempt; `rand` is a number in [0, 1]."""
    ceiling = min(policy.max_delay, policy.base_delay * 2.0 ** min(attempt - 1, 60))
    return ceiling * rand


def decide(exc: BaseException, attempt: int, policy: RetryPolicy, *,
           rand: float, now: float) -> Decision:
    """What to do after attempt number `attempt` (1-based) failed with `exc`."""
    rule = rule_for(exc)
    status = status_of(exc)
    retried = rule is not None and rule.retried
    if rule is not None and not retried and status is not None and (
            status in RETRIED_STATUSES or status >= 500):
        retried = True
    advice = rule.advice if rule is not None else "not an error of the model API"
    reason = describe(exc)
    if not retried:
        return GiveUp(reason, advice, exhausted=False)
    if attempt >= policy.max_attempts:
        return GiveUp(reason, advice, exhausted=True)
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    asked = retry_after_seconds(headers, now)
    if asked is not None:
        return Retry(min(asked, policy.max_retry_after), f"{reason}, retry-after {asked:g}s")
    return Retry(backoff(attempt, policy, rand), reason)


@dataclass(frozen=True)
class Succeeded(Generic[T]):
    value: T
    attempts: int


@dataclass(frozen=True)
class Failed:
    error: BaseException
    attempts: int
    decision: GiveUp


Sleep = Callable[[float], Awaitable[object]]


async def run_with_retries(
    call: Callable[[], Awaitable[T]],
    policy: RetryPolicy,
    *,
    sleep: Sleep,
    rand: Callable[[], float] = random.random,
    clock: Callable[[], float] = time.time,
    on_retry: Callable[[int, Retry], None] | None = None,
) -> Succeeded[T] | Failed:
    """Call until it succeeds or `decide` gives up. Only `openai` errors are judged;
    anything else (a bug, a cancellation) propagates unchanged."""
    attempt = 0
    while True:
        attempt += 1
        try:
            return Succeeded(await call(), attempt)
        except openai.OpenAIError as exc:
            decision = decide(exc, attempt, policy, rand=rand(), now=clock())
            if isinstance(decision, GiveUp):
                return Failed(exc, attempt, decision)
            log.info("attempt %d failed (%s); retrying in %.2fs",
                     attempt, decision.reason, decision.delay)
            if on_retry is not None:
                on_retry(attempt, decision)
            await sleep(decision.delay)
