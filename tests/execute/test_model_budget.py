"""`refactor run` with a model and a run cap: work items share the cap (each its share of
the lines), the units of an item the cap stopped are stored but not finished, so the next
run with a higher cap does them (answers so far from the cache), and a run after that has
nothing left to do and sends nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.llm.server import ScriptedServer
from tests.llm.test_backend import Model
from tests.verify.conftest import textstats_source

pytestmark = pytest.mark.xdist_group("execute")


def test_a_capped_run_leaves_its_units_to_the_next_one(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    toml, ledger = textstats_source(tmp_path), tmp_path / "out" / "l.db"

    def run(*extra: str):  # type: ignore[no-untyped-def]
        return cli("run", toml, "--backend", "hybrid", "--model", "scripted-model",
                   "--base-url", server.base_url, "--ledger", ledger, "--concurrency", "1",
                   "--fuzz-examples", "30", *extra, timeout=600)

    with ScriptedServer(Model(usage=(3000, 1000))) as server:  # 4,000 tokens an answer
        short = run("--max-tokens", "10000")
        assert short.code == 0, short.stderr
        assert "stopped early" in short.stdout and "per-run token cap" in short.stdout
        assert "units finished by an earlier run" not in short.stdout
        sent = server.chat_requests
        assert 0 < sent < 5
        full = run()
        assert full.code == 0, full.stderr
        assert "stopped early" not in full.stdout
        assert "units finished by an earlier run" not in full.stdout  # all done again
        assert f"{sent} answers from the cache" in full.stdout
        asked = server.chat_requests
        again = run()
        assert again.code == 0, again.stderr
        assert server.chat_requests == asked  # nothing left: no request at all
        assert "0 units translated and verified" in again.stdout
        assert "units finished by an earlier run were kept" in again.stdout
