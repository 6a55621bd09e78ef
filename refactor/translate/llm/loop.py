"""The translate-and-repair loop of one unit, as pure steps over typed data.

    state = LoopState(unit)
    while (step := next_step(state, limits)).kind == "ask":
        answer = <send step.task with step.values>   # the caller: client, cache, budget
        state = observe(state, answer, check(answer)) # the caller: guard, build, fuzz

`next_step` only looks at the state: the first request translates; after a candidate
that does not build, its own compile errors go back (at most `compile_rounds` times);
after one that builds but disagrees with the C original, the shrunk counterexample goes
back (at most `counterexample_rounds` times); the same error twice, an answer that was
rejected twice, or a verified candidate ends the loop. `best` ranks candidates: verified
beats built beats nothing, then fewer unsafe lines, then the earlier one.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Limits:
    compile_rounds: int = 3
    counterexample_rounds: int = 3


@dataclass(frozen=True)
class Check:
    """What verifying one candidate found."""

    rejected: str | None = None  # refused before compiling (guard, no code block)
    builds: bool = False
    errors: tuple[str, ...] = ()  # the unit's own compile errors, rendered
    agrees: bool | None = None  # differential test; None: could not be run
    counterexample: str | None = None  # one line: what differs, on which input
    unsafe_lines: int = 0
    # The counterexample as the fuzzer shrank it (inputs, C and Rust outcomes), for the
    # repair prompt; not part of the error signature.
    evidence: dict[str, object] | None = field(default=None, compare=False)

    @property
    def verified(self) -> bool:
        return self.builds and self.agrees is True

    @property
    def rank(self) -> tuple[int, int]:
        level = 2 if self.verified else 1 if self.builds and self.agrees is None else (
            0 if self.builds else -1)
        return level, -self.unsafe_lines


@dataclass(frozen=True)
class Candidate:
    rust: str
    check: Check
    round: int
    tokens_in: int = 0
    tokens_out: int = 0
    cost: float = 0.0
    template: str = ""
    version: str = ""


@dataclass(frozen=True)
class LoopState:
    unit: str
    candidates: tuple[Candidate, ...] = ()
    compile_rounds: int = 0
    counterexample_rounds: int = 0
    rejections: int = 0
    seen: frozenset[str] = frozenset()  # error signatures already sent back
    stopped: str | None = None  # why the loop ended early (budget, same error, ...)


@dataclass(frozen=True)
class Step:
    kind: Literal["ask", "done"]
    task: str = ""  # translate (the job's own template) | repair_compile | repair_counterexample
    feedback: str = ""  # the errors or the counterexample to send back
    why: str = ""  # for "done": why the loop ended


def next_step(state: LoopState, limits: Limits) -> Step:
    if state.stopped:
        return Step("done", why=state.stopped)
    if not state.candidates:
        return Step("ask", "translate")
    last = state.candidates[-1].check
    if last.verified:
        return Step("done", why="verified")
    if last.rejected:
        if state.rejections >= 2:
            return Step("done", why=f"answers rejected twice: {last.rejected}")
        return Step("ask", "translate",
                    feedback=f"Your previous answer was rejected: {last.rejected}")
    signature = _signature(last)
    if signature in state.seen:
        return Step("done", why="the same error came back twice")
    if not last.builds:
        if state.compile_rounds >= limits.compile_rounds:
            return Step("done", why=f"still not building after {limits.compile_rounds} "
                        "repairs of compile errors")
        return Step("ask", "repair_compile", feedback="\n\n".join(last.errors))
    if last.agrees is False and last.counterexample:
        if state.counterexample_rounds >= limits.counterexample_rounds:
            return Step("done", why=f"still differing after {limits.counterexample_rounds} "
                        "repairs from counterexamples")
        return Step("ask", "repair_counterexample", feedback=last.counterexample)
    return Step("done", why="builds; no differential test could run")


def observe(state: LoopState, step: Step, candidate: Candidate) -> LoopState:
    """The state after `candidate` answered `step`."""
    seen = state.seen
    if step.task in ("repair_compile", "repair_counterexample"):
        seen = seen | {_signature_of_feedback(step)}
    return dataclasses.replace(
        state, candidates=(*state.candidates, candidate),
        compile_rounds=state.compile_rounds + (step.task == "repair_compile"),
        counterexample_rounds=state.counterexample_rounds
        + (step.task == "repair_counterexample"),
        rejections=state.rejections + (candidate.check.rejected is not None),
        seen=seen)


def stop(state: LoopState, why: str) -> LoopState:
    return dataclasses.replace(state, stopped=why)


def best(state: LoopState) -> Candidate | None:
    """The best candidate (verified > builds > nothing; fewer unsafe lines; earlier)."""
    usable = [c for c in state.candidates if c.check.builds]
    if not usable:
        return None
    return max(usable, key=lambda c: (c.check.rank, -c.round))


def _signature(check: Check) -> str:
    if not check.builds:
        return "compile:" + "\n".join(_first_lines(check.errors))
    return f"counterexample:{check.counterexample}"


def _signature_of_feedback(step: Step) -> str:
    if step.task == "repair_compile":
        return "compile:" + "\n".join(_first_lines(tuple(step.feedback.split("\n\n"))))
    return f"counterexample:{step.feedback}"


def _first_lines(errors: tuple[str, ...]) -> list[str]:
    return [e.strip().splitlines()[0] for e in errors if e.strip()]


@dataclass
class Outcome:
    """What the loop left for one unit: the winner (if any) and everything it cost."""

    unit: str
    winner: Candidate | None
    why: str
    rounds: int
    tokens_in: int = 0
    tokens_out: int = 0
    cost: float = 0.0
    version: str | None = None  # the prompt version of the last request
    history: list[str] = field(default_factory=list)
