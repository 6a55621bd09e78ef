"""LLM backend benchmark: concurrency speed-up and the orchestrator's own overhead.

    python -m bench.llm_bench [--units N] [--latency S] [--json]

A local server speaking the chat-completions protocol (tests/llm/server.py) answers every
request after `--latency` seconds with a correct translation; the real `openai` client,
prompts, cache lookups, budget, answer reading and guard run for each of `--units`
synthetic function units. The build and the differential test (rustc and the fuzzer)
are left out on purpose: they are the verify stage's cost, measured by
bench/verify_bench.py; here the check is answer-reading and screening only.

1. Wall time with concurrency C = 1, 2, 4, 8, 16; speed-up = T(1) / T(C); the issue asks
   for at least 0.8 x C up to C = 16.
2. Orchestrator overhead per unit: latency 0, concurrency 16, wall time / units (the
   server runs in its own process, but on the same 2 cores: an upper bound).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from refactor.ledger import Ledger
from refactor.translate.llm import guard
from refactor.translate.llm.budget import Budget
from refactor.translate.llm.checker import CTarget, ModuleFrame
from refactor.translate.llm.client import ChatClient
from refactor.translate.llm.context import UnitRef, build_context
from refactor.translate.llm.driver import Job, Settings, translate_units
from refactor.translate.llm.loop import Check
from tests.llm.server import Reply, ScriptedServer

CONCURRENCY = (1, 2, 4, 8, 16)
C_SOURCE = "int add{n}(int a, int b)\n{{\n    return a + b;\n}}"
RUST = ('#[no_mangle]\npub extern "C" fn add{n}(a: i32, b: i32) -> i32 {{\n'
        "    a.wrapping_add(b)\n}}")


def _jobs(units: int) -> list[Job]:
    jobs = []
    for n in range(units):
        name = f"add{n}"
        draft = RUST.format(n=n)
        context = build_context(UnitRef("bench.c", "function", name, 1, 4),
                                C_SOURCE.format(n=n), draft=draft)
        jobs.append(Job(n, name, ModuleFrame("bench", draft, draft), context,
                        frozenset({"a", "b"})))
    return jobs


def _read_and_screen(job: Job, rust: str, c: CTarget, work: Path, examples: int) -> Check:
    """The check without rustc and the fuzzer: the guard only (the driver has read the
    answer's code block already)."""
    rejection = guard.screen(rust, job.name, job.c_uses)
    return Check(rejected=rejection.reason) if rejection else Check(builds=True, agrees=True)


def _answer(body: dict[str, Any]) -> Reply:
    user = body["messages"][-1]["content"]
    name = user.split("`", 2)[1]
    return Reply(f"```rust\n{RUST.format(n=name.removeprefix('add'))}\n```", 400, 60)


async def _timed(url: str, jobs: list[Job], concurrency: int,
                 ledger: Ledger, work: Path) -> float:
    client = ChatClient("bench-model", base_url=url, api_key="none",
                        concurrency=concurrency)
    started = time.perf_counter()
    try:
        outcomes, _ = await translate_units(
            jobs, client, ledger, Budget(), CTarget(()), work,
            Settings(no_cache=True, check_workers=concurrency), checker=_read_and_screen)
    finally:
        await client.aclose()
    seconds = time.perf_counter() - started
    bad = [o.unit for o in outcomes if o.why != "verified"]
    if bad:
        raise RuntimeError(f"{len(bad)} units did not verify, e.g. {bad[0]}")
    return seconds


class _Slow:
    def __init__(self, latency: float) -> None:
        self.latency = latency

    def __call__(self, body: dict[str, Any]) -> Reply:
        return Reply(_answer(body).content, 400, 60, delay=self.latency)


def _serve(latency: float, urls: multiprocessing.Queue[str]) -> None:
    """The model endpoint in its own process, as a real one would be (no shared GIL)."""
    with ScriptedServer(_Slow(latency)) as server:
        urls.put(server.base_url)
        while True:
            time.sleep(3600)


@contextmanager
def _endpoint(latency: float) -> Iterator[str]:
    urls: multiprocessing.Queue[str] = multiprocessing.Queue()
    process = multiprocessing.Process(target=_serve, args=(latency, urls), daemon=True)
    process.start()
    try:
        yield urls.get(timeout=30)
    finally:
        process.kill()
        process.join()


def measure(units: int, latency: float) -> dict[str, Any]:
    jobs = _jobs(units)
    with tempfile.TemporaryDirectory(prefix="llm-bench-") as tmp, \
            Ledger(Path(tmp) / "ledger.db") as ledger:
        work = Path(tmp) / "work"
        rows = []
        with _endpoint(latency) as url:
            for c in CONCURRENCY:
                seconds = asyncio.run(_timed(url, jobs, c, ledger, work))
                rows.append({"concurrency": c, "seconds": round(seconds, 2)})
        base = rows[0]["seconds"]
        for row in rows:
            row["speedup"] = round(base / row["seconds"], 2)
            row["meets"] = row["speedup"] >= 0.8 * row["concurrency"]
        with _endpoint(0.0) as url:
            fast = asyncio.run(_timed(url, jobs, 16, ledger, work))
    return {"units": units, "latency": latency, "concurrency": rows,
            "overhead_ms_per_unit": round(1000 * fast / units, 2)}


def render(data: dict[str, Any]) -> str:
    lines = [f"{data['units']} units, {data['latency']} s of model latency per request",
             f"{'concurrency':>11} {'seconds':>8} {'speed-up':>8} {'>=0.8xC':>8}"]
    for row in data["concurrency"]:
        lines.append(f"{row['concurrency']:>11} {row['seconds']:>8.2f} "
                     f"{row['speedup']:>7.2f}x {'yes' if row['meets'] else 'NO':>8}")
    lines.append(f"orchestrator overhead: {data['overhead_ms_per_unit']} ms per unit "
                 "(latency 0, concurrency 16; prompts, cache lookup, client, answer "
                 "reading, guard; the local server shares the 2 cores)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.llm_bench",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=64)
    parser.add_argument("--latency", type=float, default=0.25)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    data = measure(args.units, args.latency)
    print(json.dumps(data, indent=2) if args.json else render(data))
    return 0 if all(r["meets"] for r in data["concurrency"]) else 1


if __name__ == "__main__":
    sys.exit(main())
