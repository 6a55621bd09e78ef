"""Fixtures for the LLM backend: a real scripted OpenAI-compatible server per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.llm.server import ScriptedServer


@pytest.fixture
def llm_server() -> Iterator[ScriptedServer]:
    """A started server with an empty script: `llm_server.enqueue(Reply(...))` or
    `llm_server.set_script(fn)`, then point a client at `llm_server.base_url`."""
    with ScriptedServer() as server:
        yield server


@pytest.fixture
def base_url(llm_server: ScriptedServer) -> str:
    return llm_server.base_url
