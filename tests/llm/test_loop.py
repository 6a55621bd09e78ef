"""The repair loop as pure steps: what is asked next, and which candidate wins."""

from __future__ import annotations

from refactor.translate.llm.budget import Budget, Caps, Spent
from refactor.translate.llm.loop import (
    Candidate,
    Check,
    Limits,
    LoopState,
    best,
    next_step,
    observe,
    stop,
)
from refactor.translate.llm.model import Completion

LIMITS = Limits(compile_rounds=2, counterexample_rounds=2)
BROKEN = Check(builds=False, errors=("error[E0308]: mismatched types\n --> m.rs:3:5",))
DIFFERS = Check(builds=True, agrees=False, counterexample="f(x=1): C 1; Rust 0")
VERIFIED = Check(builds=True, agrees=True, unsafe_lines=0)


def _answer(state: LoopState, check: Check) -> LoopState:
    step = next_step(state, LIMITS)
    assert step.kind == "ask"
    return observe(state, step, Candidate("fn f() {}", check, len(state.candidates)))


def test_compile_error_then_counterexample_then_verified() -> None:
    state = LoopState("f")
    assert next_step(state, LIMITS).task == "translate"
    state = _answer(state, BROKEN)
    step = next_step(state, LIMITS)
    assert step.task == "repair_compile" and "mismatched types" in step.feedback
    state = _answer(state, DIFFERS)
    step = next_step(state, LIMITS)
    assert step.task == "repair_counterexample" and "C 1; Rust 0" in step.feedback
    state = _answer(state, VERIFIED)
    assert next_step(state, LIMITS).why == "verified"
    winner = best(state)
    assert winner is not None and winner.round == 2


def test_the_same_error_twice_ends_the_loop() -> None:
    state = _answer(_answer(LoopState("f"), BROKEN), BROKEN)
    step = next_step(state, LIMITS)
    assert step.kind == "done" and "same error" in step.why
    assert best(state) is None  # nothing that builds


def test_rounds_are_bounded() -> None:
    other = Check(builds=False, errors=("error: another one",))
    third = Check(builds=False, errors=("error: a third one",))
    state = _answer(_answer(_answer(LoopState("f"), BROKEN), other), third)
    step = next_step(state, LIMITS)
    assert step.kind == "done" and "after 2 repairs" in step.why


def test_rejected_answers_are_asked_again_once() -> None:
    rejected = Check(rejected="uses std::process::Command, which the C does not")
    state = _answer(LoopState("f"), rejected)
    step = next_step(state, LIMITS)
    assert step.task == "translate" and "rejected" in step.feedback
    state = _answer(state, rejected)
    assert next_step(state, LIMITS).kind == "done"


def test_best_prefers_verified_then_safer() -> None:
    unsafe_verified = Check(builds=True, agrees=True, unsafe_lines=4)
    state = LoopState("f", (Candidate("a", DIFFERS, 0), Candidate("b", unsafe_verified, 1),
                            Candidate("c", VERIFIED, 2)))
    assert best(state).rust == "c"  # type: ignore[union-attr]
    assert next_step(stop(state, "budget"), LIMITS).why == "budget"


def test_budget_caps_per_unit_and_per_run() -> None:
    budget = Budget(Caps(unit_tokens=1000, run_cost=0.01))
    unit = Spent()
    assert budget.refusal(unit, 400) is None
    budget.charge(unit, Completion("x", "m", 300, 300, cost=0.02))
    assert "per-unit token cap" in (budget.refusal(unit, 500) or "")
    assert "per-run cost cap" in (budget.refusal(Spent(), 10) or "")
    assert budget.run_exhausted is not None
    cached = Completion("x", "m", 300, 300, cost=0.5, cached=True)
    budget.charge(unit, cached)  # served from the cache: costs nothing
    assert unit.tokens == 600 and unit.cached == 1
