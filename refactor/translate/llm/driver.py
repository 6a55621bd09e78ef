"""Driving the loop for many units at once: prompts, cache, budget, client, checks.

Each unit's loop (loop.py) runs as one asyncio task; requests go through the client's
concurrency bound, checks (rustc and the fuzzer, subprocesses) run in threads bounded by
`check_workers`. Before a request goes out the ledger's response cache is asked (unless
`no_cache`), then the budget; an answer is read (answer.py) and screened (guard.py)
before anything is compiled. A budget that runs out stops the run's remaining requests
cleanly: every unit keeps what it had, and a re-run continues from the cache.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from refactor.ledger import CachedResponse, Ledger, cache_key
from refactor.translate.llm import answer as answers
from refactor.translate.llm import guard, prompts
from refactor.translate.llm.budget import Budget, Spent
from refactor.translate.llm.checker import CTarget, ModuleFrame, check_candidate
from refactor.translate.llm.client import ChatClient
from refactor.translate.llm.context import UnitContext
from refactor.translate.llm.loop import (
    Candidate,
    Check,
    Limits,
    LoopState,
    Outcome,
    Step,
    best,
    next_step,
    observe,
    stop,
)
from refactor.translate.llm.model import Completion, LLMError, Params, Rendered


@dataclass(frozen=True)
class Job:
    """One unit to translate with the model."""

    unit_id: int
    name: str
    frame: ModuleFrame
    context: UnitContext  # with the rules draft in hybrid mode
    c_uses: frozenset[str] = frozenset()  # what the C unit calls: justifies std facilities
    task: str = "translate_c_function"  # the first prompt's template
    modules: frozenset[str] = frozenset()  # `mod name;` files the crate provides
    # checks an answer's Rust in a work directory; default: build in the module and fuzz
    check: Callable[[str, Path], Check] | None = field(default=None, compare=False)


@dataclass
class Settings:
    params: Params = field(default_factory=Params)
    limits: Limits = field(default_factory=Limits)
    no_cache: bool = False
    fuzz_examples: int = 60
    check_workers: int = 2


@dataclass
class RunStats:
    requests: int = 0
    cached: int = 0
    rejected: int = 0
    stopped: str | None = None  # why the run stopped early (budget)


Checker = Callable[[Job, str, CTarget, Path, int], Check]  # (job, the answer's Rust, ...)


async def translate_units(jobs: Sequence[Job], client: ChatClient, ledger: Ledger,
                          budget: Budget, c: CTarget, work: Path, settings: Settings,
                          progress: Callable[[str], None] | None = None,
                          checker: Checker | None = None,
                          ) -> tuple[list[Outcome], RunStats]:
    """Run every job's loop; outcomes in the order of `jobs`. `checker` replaces the real
    check (guard, build, fuzz) only where that is what is measured: the benchmark of the
    orchestrator's own overhead."""
    stats = RunStats()
    checks = asyncio.Semaphore(max(1, settings.check_workers))

    async def one(job: Job) -> Outcome:
        outcome = await _loop(job, client, ledger, budget, c, work / job.name, settings,
                              checks, stats, checker or _check)
        if progress:
            progress(f"{job.name}: {outcome.why}")
        return outcome

    outcomes = await asyncio.gather(*(one(job) for job in jobs))
    return list(outcomes), stats


async def _loop(job: Job, client: ChatClient, ledger: Ledger, budget: Budget, c: CTarget,
                work: Path, settings: Settings, checks: asyncio.Semaphore,
                stats: RunStats, checker: Checker) -> Outcome:
    state = LoopState(job.name)
    spent = Spent()
    outcome = Outcome(job.name, None, "", 0)
    while (step := next_step(state, settings.limits)).kind == "ask":
        rendered = _render(step, state, job)
        completion = None if settings.no_cache else _cached(ledger, client.model, rendered,
                                                             settings.params)
        if completion is None:
            estimate = rendered.tokens_estimate + settings.params.max_tokens
            refusal = budget.run_exhausted or budget.reserve(spent, estimate)
            if refusal:
                stats.stopped = stats.stopped or (refusal if "per-run" in refusal else None)
                state = stop(state, f"budget: {refusal}")
                break
            try:
                completion = await client.complete(rendered.messages, settings.params)
            except LLMError as exc:
                state = stop(state, f"model request failed: {exc}")
                break
            finally:
                budget.release(estimate)
            stats.requests += 1
            _store(ledger, client.model, rendered, settings.params, completion)
        else:
            stats.cached += 1
        budget.charge(spent, completion)
        found = answers.extract_rust(completion.text, job.name)
        rust = found.rust if isinstance(found, answers.Answer) else ""
        if isinstance(found, answers.Answer):
            async with checks:
                check = await asyncio.to_thread(checker, job, rust, c,
                                                work / f"round{len(state.candidates)}",
                                                settings.fuzz_examples)
        else:
            check = Check(rejected=found.reason)
        stats.rejected += check.rejected is not None
        outcome.history.append(f"{step.task}: {_summary(check)}")
        state = observe(state, step, Candidate(
            rust, check, len(state.candidates),
            completion.tokens_in, completion.tokens_out, completion.cost,
            rendered.template, rendered.version))
    final = next_step(state, settings.limits)
    return replace(outcome, winner=best(state), why=final.why, rounds=len(state.candidates),
                   tokens_in=sum(x.tokens_in for x in state.candidates),
                   tokens_out=sum(x.tokens_out for x in state.candidates),
                   cost=spent.cost,
                   version=state.candidates[-1].version if state.candidates else None)


def _render(step: Step, state: LoopState, job: Job) -> Rendered:
    if step.task == "translate":
        return prompts.render(job.task, unit=job.context, feedback=step.feedback)
    last = state.candidates[-1]
    if step.task == "repair_compile":
        return prompts.render(step.task, unit=job.context, rust=last.rust,
                              diagnostics=list(last.check.errors))
    evidence = last.check.evidence or {}
    inputs = evidence.get("inputs") if isinstance(evidence.get("inputs"), dict) else {}
    return prompts.render(
        step.task, unit=job.context, rust=last.rust,
        inputs={k: json.dumps(v, default=str) for k, v in (inputs or {}).items()},
        c_result=json.dumps(evidence.get("c"), default=str)[:1500],
        rust_result=json.dumps(evidence.get("rust"), default=str)[:1500],
        note=last.check.counterexample)


def _check(job: Job, rust: str, c: CTarget, work: Path, fuzz_examples: int) -> Check:
    """Screen, build and fuzz the Rust of one answer (runs in a worker thread)."""
    rejection = guard.screen(rust, job.name, job.c_uses, modules=job.modules)
    if rejection is not None:
        return Check(rejected=rejection.reason)
    if job.check is not None:
        return job.check(rust, work)
    return check_candidate(job.frame, rust, job.name, c, work, fuzz_examples)


def _summary(check: Check) -> str:
    if check.rejected:
        return f"rejected ({check.rejected[:120]})"
    if not check.builds:
        return f"does not build ({len(check.errors)} errors)"
    if check.agrees is None:
        return "builds; not fuzzable"
    return "verified" if check.agrees else f"differs: {check.counterexample}"


def _key(model: str, rendered: Rendered, params: Params) -> str:
    return cache_key(model, [(m.role, m.content) for m in rendered.messages],
                     {"temperature": params.temperature, "max_tokens": params.max_tokens,
                      "seed": params.seed})


def _cached(ledger: Ledger, model: str, rendered: Rendered,
            params: Params) -> Completion | None:
    hit = ledger.cached_response(_key(model, rendered, params))
    if hit is None:
        return None
    return Completion(hit.text, hit.model, hit.tokens_in, hit.tokens_out, hit.cost,
                      cached=True, finish_reason=hit.finish)


def _store(ledger: Ledger, model: str, rendered: Rendered, params: Params,
           completion: Completion) -> None:
    ledger.cache_response(_key(model, rendered, params), CachedResponse(
        completion.text, completion.model, completion.tokens_in, completion.tokens_out,
        completion.cost, completion.finish_reason))
