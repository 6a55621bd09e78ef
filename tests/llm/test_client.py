"""ChatClient and the retry table, driven through the real `openai` SDK against a real
local server (tests/llm/server.py); sleeps between retries are recorded, not slept."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx2
import openai
import pytest

from refactor.translate.llm.client import ChatClient
from refactor.translate.llm.model import LLMError, Message, Params, Prices
from refactor.translate.llm.retry import (
    GiveUp,
    Retry,
    RetryPolicy,
    decide,
    retry_after_seconds,
    rule_for,
)
from tests.llm.server import Reply, ScriptedServer

T = TypeVar("T")
PROMPT = [Message("system", "You translate C to Rust."), Message("user", "int f(void);")]
KEY = "sk-test"


class Sleeps:
    """An injected sleep that records the delays and returns at once."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


def with_client(server: ScriptedServer, body: Callable[[ChatClient], Awaitable[T]],
                **options: Any) -> T:
    options.setdefault("api_key", KEY)

    async def main() -> T:
        async with ChatClient("test-model", base_url=server.base_url, **options) as client:
            return await body(client)

    return asyncio.run(main())


def complete(client: ChatClient) -> Awaitable[Any]:
    return client.complete(PROMPT, Params(temperature=0.2, max_tokens=256, seed=7))


def test_completion_reports_usage_and_cost(llm_server: ScriptedServer) -> None:
    llm_server.enqueue(Reply("fn f() -> i32 { 0 }", prompt_tokens=1000, completion_tokens=500))
    prices = Prices(input_per_million=2.0, output_per_million=8.0)

    async def body(client: ChatClient) -> Any:
        return await complete(client), client.stats

    got, stats = with_client(llm_server, body, prices=prices)
    assert got.text == "fn f() -> i32 { 0 }"
    assert (got.model, got.tokens_in, got.tokens_out) == ("test-model", 1000, 500)
    assert got.cost == pytest.approx(0.002 + 0.004)
    assert got.finish_reason == "stop" and not got.cached
    assert (stats.requests, stats.retries, stats.tokens_in, stats.tokens_out) == (1, 0, 1000, 500)
    assert stats.cost == pytest.approx(0.006)
    sent = llm_server.chat_bodies[0]
    assert sent["model"] == "test-model"
    assert sent["messages"] == [{"role": "system", "content": "You translate C to Rust."},
                                {"role": "user", "content": "int f(void);"}]
    assert (sent["temperature"], sent["max_tokens"], sent["seed"]) == (0.2, 256, 7)
    assert llm_server.requests[0].headers["authorization"] == f"Bearer {KEY}"


def test_missing_usage_is_estimated_and_counted(llm_server: ScriptedServer) -> None:
    llm_server.enqueue(Reply("x" * 40, prompt_tokens=None))

    async def body(client: ChatClient) -> Any:
        return await complete(client), client.stats

    got, stats = with_client(llm_server, body)
    assert got.tokens_out == 10 and got.tokens_in > 0
    assert stats.usage_estimated == 1


def test_rate_limit_with_retry_after_is_retried(llm_server: ScriptedServer) -> None:
    llm_server.enqueue(Reply.error(429, "slow down", headers={"retry-after": "0"}), Reply("ok"))
    sleeps = Sleeps()

    async def body(client: ChatClient) -> Any:
        return await complete(client), client.stats

    got, stats = with_client(llm_server, body, sleep=sleeps)
    assert got.text == "ok"
    assert (stats.requests, stats.retries, stats.failures) == (2, 1, 0)
    assert sleeps.delays == [0.0]
    assert llm_server.chat_requests == 2


def test_server_error_is_retried_with_jittered_backoff(llm_server: ScriptedServer) -> None:
    llm_server.enqueue(Reply.error(500), Reply.error(503), Reply("ok"))
    sleeps = Sleeps()
    policy = RetryPolicy(base_delay=0.5, max_delay=30.0)

    got = with_client(llm_server, complete, sleep=sleeps, retry=policy, rand=lambda: 0.5)
    assert got.text == "ok"
    assert sleeps.delays == [0.25, 0.5]  # half of 0.5 * 2**0, then of 0.5 * 2**1


def test_unauthorized_is_fatal_at_once(llm_server: ScriptedServer) -> None:
    llm_server.enqueue(Reply.error(401, "Incorrect API key provided"), Reply("never sent"))
    sleeps = Sleeps()
    with pytest.raises(LLMError) as caught:
        with_client(llm_server, complete, sleep=sleeps)
    message = str(caught.value)
    assert llm_server.base_url in message and "'test-model'" in message
    assert "HTTP 401" in message and "check OPENAI_API_KEY" in message
    assert "Incorrect API key provided" in message
    assert isinstance(caught.value.__cause__, openai.AuthenticationError)
    assert llm_server.chat_requests == 1 and sleeps.delays == []


def test_placeholder_key_is_named_in_the_401_message(llm_server: ScriptedServer,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    llm_server.enqueue(Reply.error(401))
    with pytest.raises(LLMError, match="OPENAI_API_KEY is not set"):
        with_client(llm_server, complete, api_key=None)


def test_out_of_quota_is_not_retried(llm_server: ScriptedServer) -> None:
    llm_server.enqueue(Reply.error(429, "quota", code="insufficient_quota"), Reply("ok"))
    with pytest.raises(LLMError, match="out of quota"):
        with_client(llm_server, complete, sleep=Sleeps())
    assert llm_server.chat_requests == 1


def test_timeout_is_retried_then_fails(llm_server: ScriptedServer) -> None:
    llm_server.set_script(lambda _body: Reply("late", delay=3.0))
    sleeps = Sleeps()
    started = time.monotonic()
    with pytest.raises(LLMError) as caught:
        with_client(llm_server, complete, timeout=0.3, sleep=sleeps,
                    retry=RetryPolicy(max_attempts=2))
    assert time.monotonic() - started < 2.5
    message = str(caught.value)
    assert "APITimeoutError" in message and "gave up after 2 attempts" in message
    assert "raise the timeout" in message
    assert llm_server.chat_requests == 2 and len(sleeps.delays) == 1


def test_connection_refused_names_the_base_url() -> None:
    server = ScriptedServer()  # bound but never started: nobody accepts
    server.stop()
    with pytest.raises(LLMError) as caught:
        with_client(server, complete, sleep=Sleeps(), retry=RetryPolicy(max_attempts=2))
    assert server.base_url in str(caught.value) and "OPENAI_BASE_URL" in str(caught.value)


def test_models_lists_the_scripted_models() -> None:
    with ScriptedServer(models=["qwen2.5-coder", "llama3"]) as server:
        assert with_client(server, lambda c: c.models()) == ["qwen2.5-coder", "llama3"]
        assert server.chat_requests == 0


@pytest.mark.parametrize(("bound", "latency"), [(3, 0.1), (16, 0.5)])
def test_concurrency_bound_is_respected(llm_server: ScriptedServer, bound: int,
                                        latency: float) -> None:
    llm_server.set_script(lambda body: Reply(body["messages"][-1]["content"], delay=latency))

    async def body(client: ChatClient) -> list[str]:
        asks = [client.complete([Message("user", f"unit {i}")], Params()) for i in range(16)]
        return [c.text for c in await asyncio.gather(*asks)]

    started = time.monotonic()
    texts = with_client(llm_server, body, concurrency=bound)
    elapsed = time.monotonic() - started
    assert texts == [f"unit {i}" for i in range(16)]
    assert llm_server.max_in_flight == bound
    assert elapsed < latency * (16 / bound + 1) + 1.0  # in parallel, not one by one


def test_retry_after_headers_set_the_delays(llm_server: ScriptedServer) -> None:
    llm_server.enqueue(
        Reply.error(429, headers={"retry-after": "7"}),
        Reply.error(503, headers={"retry-after-ms": "1500"}),
        Reply.error(429, headers={"retry-after": "3600"}),
        Reply("ok"),
    )
    sleeps = Sleeps()
    policy = RetryPolicy(max_retry_after=60.0)

    async def body(client: ChatClient) -> Any:
        return await complete(client), client.stats

    got, stats = with_client(llm_server, body, sleep=sleeps, retry=policy)
    assert got.text == "ok"
    assert sleeps.delays == [7.0, 1.5, 60.0]
    assert (stats.requests, stats.retries) == (4, 3)


# -- the table and the decision, without a server ------------------------------------

def status_error(status: int, headers: dict[str, str] | None = None,
                 code: str | None = None) -> openai.APIStatusError:
    request = httpx2.Request("POST", "http://127.0.0.1:1/v1/chat/completions")
    response = httpx2.Response(status, headers=headers or {}, request=request)
    client = openai.OpenAI(api_key=KEY, base_url="http://127.0.0.1:1/v1")
    return client._make_status_error("scripted", body={"code": code}, response=response)


@pytest.mark.parametrize(("status", "retried"), [
    (400, False), (401, False), (403, False), (404, False), (408, True), (409, True),
    (422, False), (429, True), (500, True), (502, True), (503, True),
])
def test_table_decides_by_exception_class(status: int, retried: bool) -> None:
    decision = decide(status_error(status), 1, RetryPolicy(), rand=1.0, now=0.0)
    assert isinstance(decision, Retry) is retried
    assert rule_for(status_error(status)) is not None


def test_backoff_grows_to_its_ceiling_and_attempts_run_out() -> None:
    policy = RetryPolicy(max_attempts=8, base_delay=1.0, max_delay=10.0)
    delays = [decide(status_error(500), n, policy, rand=1.0, now=0.0) for n in range(1, 8)]
    assert [d.delay for d in delays if isinstance(d, Retry)] == [1, 2, 4, 8, 10, 10, 10]
    last = decide(status_error(500), 8, policy, rand=1.0, now=0.0)
    assert isinstance(last, GiveUp) and last.exhausted


def test_retry_after_as_an_http_date() -> None:
    headers = {"retry-after": "Thu, 01 Jan 1970 00:00:30 GMT"}
    assert retry_after_seconds(headers, now=10.0) == pytest.approx(20.0)
    assert retry_after_seconds({"retry-after": "soon"}, now=0.0) is None


def test_no_seed_is_not_sent(llm_server: ScriptedServer) -> None:
    llm_server.enqueue(Reply("ok"))
    with_client(llm_server, lambda c: c.complete(PROMPT, Params(seed=None)))
    assert "seed" not in llm_server.chat_bodies[0]
