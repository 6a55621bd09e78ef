"""`fuzz_functions`: the `fuzzed` level for a set of functions of one target.

Build the C original once, start one runner per side once, then for each function:
decide whether its inputs can be generated (else "unsupported", with the reason), let
Hypothesis look for an input on which the two sides disagree (derandomized: the same
inputs on every run), and shrink the first one found to a minimal counterexample.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, find, settings
from hypothesis.errors import HypothesisException, NoSuchExample

from refactor.verify import sandbox
from refactor.verify.fuzz import strategies, wire
from refactor.verify.fuzz.build import compile_c_library
from refactor.verify.fuzz.compare import Difference, difference, jsonable, render, short
from refactor.verify.fuzz.model import CType, Signature, to_json, type_to_json
from refactor.verify.fuzz.session import RunnerLost, Side, exchange
from refactor.verify.fuzz.signatures import global_type, read_signatures
from refactor.verify.fuzz.verdict import FuzzVerdict

DEFAULT_LIMITS = sandbox.Limits(seconds=300.0, memory_mb=2048)
CASE_TIMEOUT = 1.0  # seconds one call may take before it counts as a hang
MAX_HANGS = 3  # inputs on which both sides hang before the search stops
SECONDS_PER_FUNCTION = 120.0


@dataclass
class _Search:
    """What one function's search has seen so far."""

    sig: Signature
    request: dict[str, Any]
    sides: list[Side]
    deadline: float
    budget: int  # calls, generation and shrinking together
    cases: int = 0
    hangs: int = 0
    stop: bool = False
    error: str = ""
    notes: set[str] = field(default_factory=set)
    seen: dict[bytes, bool] = field(default_factory=dict)
    failures: dict[bytes, tuple[dict[str, Any], dict[str, Any], Difference]] = field(
        default_factory=dict)

    def disagrees(self, inputs: dict[str, Any]) -> bool:
        """Hypothesis's condition. Answers are memoized by input, so Hypothesis never sees
        one input both ways (a function that reads the clock, or a stop mid-search)."""
        key = wire.dumps(inputs)
        if key in self.seen:
            return self.seen[key]
        self.seen[key] = found = self._run(key, inputs)
        return found

    def _run(self, key: bytes, inputs: dict[str, Any]) -> bool:
        if self.stop:
            return False
        if self.cases >= self.budget or time.monotonic() > self.deadline:
            self.notes.add(f"search stopped after {self.cases} inputs (budget)")
            self.stop = True
            return False
        try:
            c, rust = _exchange(self.sides, {**self.request, "inputs": inputs})
        except RunnerLost as exc:
            shown = ", ".join(f"{k}={short(jsonable(v), 40)}" for k, v in inputs.items())
            self.error, self.stop = f"{exc} (twice, calling {self.sig.name}({shown}))", True
            return False
        self.cases += 1
        for label, outcome in (("C", c), ("Rust", rust)):
            if outcome["kind"] == "error":
                self.error = f"{label} side: {outcome.get('detail')}"
                self.stop = True
                return False
        if c["kind"] == rust["kind"] == "timeout":
            self.hangs += 1
            if self.hangs >= MAX_HANGS:
                self.notes.add(f"both sides hang on {self.hangs} inputs; search stopped")
                self.stop = True
        diff = difference(self.sig, c, rust, self.notes)
        if diff is not None:
            self.failures[key] = (c, rust, diff)
        return diff is not None


def _exchange(sides: list[Side], request: dict[str, Any]) -> list[dict[str, Any]]:
    """One call on both sides; a lost runner is restarted and the call tried once more."""
    try:
        return exchange(sides, request)
    except RunnerLost:
        for side in sides:
            side.stop()
        return exchange(sides, request)


def fuzz_functions(c_files: Sequence[Path], include_dirs: Sequence[Path],
                   defines: Sequence[str], rust_cdylib: Path, functions: Sequence[str],
                   work: Path, *, globals: Mapping[str, Sequence[str]] | None = None,
                   hints: Mapping[str, Mapping[str, str]] | None = None,
                   max_examples: int = 100, limits: sandbox.Limits | None = None,
                   case_timeout: float = CASE_TIMEOUT,
                   seconds_per_function: float = SECONDS_PER_FUNCTION,
                   ) -> dict[str, FuzzVerdict]:
    """A verdict for every function in `functions` (see the package docstring)."""
    started = time.monotonic()
    work = Path(work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    limits = limits or DEFAULT_LIMITS
    isolation = sandbox.isolation()

    def everyone(status: Any, detail: str) -> dict[str, FuzzVerdict]:
        return {name: FuzzVerdict(name, status, 0, detail, None, isolation,
                                  time.monotonic() - started) for name in functions}

    build = compile_c_library(c_files, include_dirs, defines, work, limits)
    if build.library is None:
        return everyone("error", build.error)
    try:
        sigs, decls = read_signatures(c_files, include_dirs, hints or {}, defines)
    except OSError as exc:
        return everyone("error", f"cannot read the C files: {exc}")
    rust_cdylib = Path(rust_cdylib).resolve()
    if not rust_cdylib.is_file():
        return everyone("error", f"the Rust cdylib {rust_cdylib} does not exist; build the "
                                 "target's crate first")
    # the runners see only the work directory writable and a private /tmp: run a copy
    loaded = work / "rust" / rust_cdylib.name
    loaded.parent.mkdir(exist_ok=True)
    shutil.copyfile(rust_cdylib, loaded)
    sides = [Side("C", [build.library], work, limits, case_timeout),
             Side("Rust", [build.library, loaded], work, limits, case_timeout)]
    try:
        try:
            present = [set(reply["present"]) for reply in
                       exchange(sides, {"op": "probe", "names": list(functions)})]
        except RunnerLost as exc:
            return everyone("error", str(exc))
        isolation = sides[0].isolation
        results: dict[str, FuzzVerdict] = {}
        for name in functions:
            t0 = time.monotonic()
            status, cases, detail, counterexample = _verdict(
                name, sigs.get(name), present, sides, rust_cdylib,
                {g: global_type(decls, g) for g in (globals or {}).get(name, ())},
                max_examples, t0 + seconds_per_function, c_files)
            results[name] = FuzzVerdict(name, status, cases, detail, counterexample,
                                        isolation, time.monotonic() - t0)
        return results
    finally:
        for side in sides:
            side.stop()


def _verdict(name: str, sig: Signature | None, present: list[set[str]], sides: list[Side],
             rust_cdylib: Path, global_types: dict[str, CType | str], max_examples: int,
             deadline: float, c_files: Sequence[Path],
             ) -> tuple[Any, int, str, dict[str, Any] | None]:
    """(status, cases, detail, counterexample) for one function."""
    if sig is None:
        files = ", ".join(Path(f).name for f in c_files)
        return "unsupported", 0, f"{name} is not defined in any of the C files ({files})", None
    if sig.problem:
        return "unsupported", 0, f"{name}: {sig.problem}", None
    if name not in present[0]:
        return "unsupported", 0, f"{name} is not exported by the C library", None
    if name not in present[1]:
        return ("unsupported", 0, f"{name} is not exported by the Rust cdylib "
                f"{rust_cdylib.name} (is it `#[no_mangle] pub extern \"C\"`?)", None)
    notes = {f"{t}; not compared" for t in global_types.values() if isinstance(t, str)}
    request = {"op": "call", "sig": to_json(sig),
               "globals": {g: type_to_json(t) for g, t in global_types.items()
                           if isinstance(t, CType)}}
    search = _Search(sig, request, sides, deadline, budget=max_examples * 3 + 200,
                     notes=notes)
    config = settings(max_examples=max_examples, derandomize=True, database=None,
                      deadline=None, phases=(Phase.generate, Phase.shrink),
                      suppress_health_check=list(HealthCheck), report_multiple_bugs=False)
    try:
        minimal: dict[str, Any] | None = find(strategies.inputs(sig), search.disagrees,
                                              settings=config)
    except NoSuchExample:
        minimal = None
    except HypothesisException as exc:
        if not search.failures:
            return "error", search.cases, f"{name}: the input search failed: {exc}", None
        minimal = wire.loads(min(search.failures, key=len))  # the shortest one found
        search.notes.add(f"not fully shrunk: {str(exc).splitlines()[0]}")
    if search.error:
        if not search.failures:
            return "error", search.cases, f"{name}: {search.error}", None
        search.notes.add(f"shrinking stopped: {search.error}")
        if minimal is None or wire.dumps(minimal) not in search.failures:
            minimal = wire.loads(min(search.failures, key=len))
    tail = "".join(f"; {note}" for note in sorted(search.notes))
    if minimal is None:
        return "agree", search.cases, f"{search.cases} inputs agreed{tail}", None
    c, rust, diff = search.failures[wire.dumps(minimal)]
    counterexample = {"inputs": jsonable(minimal), "c": jsonable(c), "rust": jsonable(rust),
                      "difference": {"what": diff.what, "c": jsonable(diff.c),
                                     "rust": jsonable(diff.rust)}}
    return "disagree", search.cases, render(sig, minimal, diff) + tail, counterexample
