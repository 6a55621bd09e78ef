"""The `llm` and `hybrid` backends: the model improves on the `rules` draft, unit by unit.

The rules pass runs first (it writes each module's types, externs and drafts). Then every
planned C function gets a model loop: in `hybrid` mode the draft is in the prompt, in
`llm` mode only its exported signature is (the ABI must not change). A model answer that
verifies (builds in its module and agrees with the C original when fuzzed) replaces the
draft in the module and becomes the unit's newest attempt, with its tokens, cost and
prompt version. Otherwise the model's try is recorded as `failed` with the reason, and
the draft is recorded again so it stays the unit's translation; a unit the rules backend
could not translate takes the model's best answer if it at least builds.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from refactor.ledger import Attempt, Ledger, UnitView
from refactor.translate.c.preprocess import Preprocessed, PreprocessError, preprocess
from refactor.translate.llm.budget import Budget, Caps
from refactor.translate.llm.checker import CTarget, ModuleFrame
from refactor.translate.llm.client import ChatClient
from refactor.translate.llm.context import UnitRef, build_context, rust_fn_signature
from refactor.translate.llm.driver import Job, Settings, translate_units
from refactor.translate.llm.loop import Outcome
from refactor.translate.llm.model import Prices
from refactor.translate.unsafe_lines import count_unsafe_lines

_WORD = re.compile(r"[A-Za-z_]\w*")


@dataclass(frozen=True)
class ModelConfig:
    model: str
    base_url: str | None = None
    api_key: str | None = None
    concurrency: int = 4
    timeout: float = 120.0
    prices: Prices = field(default_factory=Prices)
    caps: Caps = field(default_factory=Caps)
    settings: Settings = field(default_factory=Settings)
    context_tokens: int = 6000


@dataclass
class ModelSummary:
    units: int = 0
    verified: int = 0  # the model's answer verified and replaced the draft
    kept_draft: int = 0  # the model's answer did not verify: the rules draft stays
    filled: int = 0  # no draft; the model's answer builds and is used
    failed: int = 0  # nothing usable from the model and no draft
    requests: int = 0
    cached: int = 0
    rejected: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    cost: float = 0.0
    stopped: str | None = None
    reasons: dict[str, int] = field(default_factory=dict)

    def settle(self, outcome: Outcome, has_draft: bool) -> bool:
        """Count one unit's loop: True when the model's answer takes the unit (it
        verified, or there is no draft and it builds), False when the draft stays or
        nothing is usable."""
        self.tokens_in += outcome.tokens_in
        self.tokens_out += outcome.tokens_out
        self.cost += outcome.cost
        winner = outcome.winner
        if winner is not None and (winner.check.verified or not has_draft):
            if winner.check.verified:
                self.verified += 1
            else:
                self.filled += 1
            return True
        self.reasons[outcome.why[:80]] = self.reasons.get(outcome.why[:80], 0) + 1
        if has_draft:
            self.kept_draft += 1
        else:
            self.failed += 1
        return False

    def plus(self, other: ModelSummary) -> ModelSummary:
        """Both passes' figures (C functions and COBOL run units) together."""
        counts = {name: getattr(self, name) + getattr(other, name) for name in (
            "units", "verified", "kept_draft", "filled", "failed", "requests", "cached",
            "rejected", "tokens_in", "tokens_out", "cost")}
        reasons = dict(self.reasons)
        for why, n in other.reasons.items():
            reasons[why] = reasons.get(why, 0) + n
        return ModelSummary(**counts, stopped=self.stopped or other.stopped,
                            reasons=reasons)


def model_pass(ledger: Ledger, target_id: int, root: Path, units: Sequence[UnitView],
               drafts: dict[int, Attempt], code: dict[str, str], c: CTarget,
               config: ModelConfig, backend: str, work: Path,
               progress: Callable[[str], None] | None = None
               ) -> tuple[list[Attempt], ModelSummary]:
    """Run the model over `units` (functions); update `code` in place; the attempts to
    record after the drafts' (newest last)."""
    summary = ModelSummary()
    everything = {u.id: u for u in ledger.units(target_id)}
    refs: dict[tuple[int, str], set[int]] = {}
    for src, dst, kind in ledger.edges(target_id):
        refs.setdefault((src, kind), set()).add(dst)
    expanded = _Expanded(root, c)
    jobs = [job for unit in units if unit.kind == "function"
            if (job := _job(unit, root, drafts, code, refs, everything, backend,
                            config.context_tokens, expanded)) is not None]
    summary.units = len(jobs)
    if not jobs:
        return [], summary
    outcomes, stats = asyncio.run(_run(jobs, ledger, c, config, work, progress))
    summary.requests, summary.cached, summary.rejected = (stats.requests, stats.cached,
                                                          stats.rejected)
    summary.stopped = stats.stopped
    attempts: list[Attempt] = []
    for job, outcome in zip(jobs, outcomes, strict=True):
        attempts.extend(_settle(job, outcome, drafts[job.unit_id], code, backend, summary))
    return attempts, summary


async def _run(jobs: list[Job], ledger: Ledger, c: CTarget, config: ModelConfig,
               work: Path, progress: Callable[[str], None] | None
               ) -> tuple[list[Outcome], object]:
    client = ChatClient(config.model, base_url=config.base_url, api_key=config.api_key,
                        timeout=config.timeout, concurrency=config.concurrency,
                        prices=config.prices)
    try:
        return await translate_units(jobs, client, ledger, Budget(config.caps), c, work,
                                     config.settings, progress)
    finally:
        await client.aclose()


def _job(unit: UnitView, root: Path, drafts: dict[int, Attempt], code: dict[str, str],
         refs: dict[tuple[int, str], set[int]], everything: dict[int, UnitView],
         backend: str, context_tokens: int, expanded: _Expanded) -> Job | None:
    draft = drafts.get(unit.id)
    if draft is None or draft.module is None or draft.module not in code:
        return None  # no module to build the answer in (the whole file failed)
    has_draft = draft.status == "translated"
    source = _source(root, unit)

    def translated(kind: str) -> dict[str, str]:
        """name -> Rust of the units `unit` refers to by `kind` edges that have one."""
        return {everything[d].name: drafts[d].rust for d in refs.get((unit.id, kind), ())
                if d in drafts and drafts[d].status == "translated"}

    macros = {everything[d].name: _source(root, everything[d])
              for d in refs.get((unit.id, "macro"), ())}
    context = build_context(
        UnitRef(unit.path, unit.kind, unit.name, unit.start_line, unit.end_line), source,
        macros=macros, preprocessed=expanded.unit(unit), callees=translated("call"),
        types=translated("type"),
        globals_=translated("global"),
        draft=draft.rust if has_draft and backend == "hybrid" else None,
        shim_signature=rust_fn_signature(draft.rust, unit.name) if has_draft else None,
        budget_tokens=context_tokens)
    frame = ModuleFrame(draft.module, code[draft.module], draft.rust if has_draft else "")
    return Job(unit.id, unit.name, frame, context, frozenset(_WORD.findall(source)))


class _Expanded:
    """Each file preprocessed once (`cc -E` with the target's flags); a unit's lines as
    the compiler sees them, or None when the file does not preprocess."""

    def __init__(self, root: Path, c: CTarget) -> None:
        self.root, self.c = root, c
        self.files: dict[str, Preprocessed | None] = {}

    def unit(self, unit: UnitView) -> str | None:
        if unit.path not in self.files:
            try:
                self.files[unit.path] = preprocess(self.root / unit.path,
                                                   self.c.include_dirs, self.c.defines)
            except PreprocessError:
                self.files[unit.path] = None
        done = self.files[unit.path]
        if done is None:
            return None
        rows = done.text.decode("utf-8", "replace").split("\n")
        mine = [row for i, row in enumerate(rows) if done.in_main(i)
                and unit.start_line <= done.origin(i)[1] <= unit.end_line]
        return "\n".join(row for row in mine if row.strip()) or None


def _source(root: Path, unit: UnitView) -> str:
    lines = (root / unit.path).read_text("utf-8", errors="replace").splitlines()
    return "\n".join(lines[unit.start_line - 1:unit.end_line])


def _settle(job: Job, outcome: Outcome, draft: Attempt, code: dict[str, str], backend: str,
            summary: ModelSummary) -> list[Attempt]:
    """The attempts one unit's loop leaves, and its module updated if the model won."""
    winner = outcome.winner
    cost = attempt_cost(outcome)
    has_draft = draft.status == "translated"
    if summary.settle(outcome, has_draft) and winner is not None:
        module = job.frame.module
        text, _, _ = job.frame.with_candidate(winner.rust)
        code[module] = text
        return [Attempt(job.unit_id, backend, "translated", draft.src_hash, module,
                        job.frame.fit(winner.rust), not_verified(outcome),
                        count_unsafe_lines(winner.rust), **cost)]  # type: ignore[arg-type]
    tried = Attempt(job.unit_id, backend, "failed", draft.src_hash, job.frame.module, "",
                    f"the model's answer did not verify: {outcome.why}", 0,
                    **cost)  # type: ignore[arg-type]
    return [tried, draft] if has_draft else [tried]  # the draft again: what the crate holds


def attempt_cost(outcome: Outcome) -> dict[str, object]:
    """The tokens, money and prompt version an attempt of this loop records."""
    winner = outcome.winner
    return {"tokens_in": outcome.tokens_in, "tokens_out": outcome.tokens_out,
            "cost": outcome.cost,
            "prompt_version": winner.version if winner else outcome.version}


def not_verified(outcome: Outcome) -> str | None:
    """The reason a winning answer records: None when it verified."""
    verified = outcome.winner is not None and outcome.winner.check.verified
    return None if verified else f"builds, not verified: {outcome.why}"
