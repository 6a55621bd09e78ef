"""Checking one model answer: does it build in its module, and does it agree with the C?

The candidate takes the unit's place in the module the `rules` backend wrote (its types,
externs and the other units stay as they are), the module is built alone as a cdylib by
rustc in the sandbox, and the unit's function is fuzzed against the C original with the
`fuzzed` level's machinery. Compile errors come back rendered from rustc's JSON, the
ones inside the candidate first; a disagreement comes back as its shrunk counterexample.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from refactor.translate.llm.loop import Check
from refactor.translate.unsafe_lines import count_unsafe_lines
from refactor.verify import sandbox
from refactor.verify.fuzz import fuzz_functions

MAX_ERRORS = 8
BUILD_LIMITS = sandbox.Limits(seconds=180)


@dataclass(frozen=True)
class ModuleFrame:
    """The unit's module as the rules backend wrote it, and the unit's text inside it
    ("" when the rules backend skipped the unit: the candidate is appended)."""

    module: str
    text: str
    unit_text: str

    def fit(self, rust: str) -> str:
        """`rust` ending as the unit's text ends (an answer's code block loses the final
        newline), so an unchanged answer leaves the module byte for byte as it was."""
        body = self.unit_text.rstrip("\n")
        return rust.rstrip("\n") + self.unit_text[len(body):]

    def with_candidate(self, rust: str) -> tuple[str, int, int]:
        """The module with `rust` in the unit's place, and the candidate's first and last
        line (1-based)."""
        rust = self.fit(rust)
        if self.unit_text and self.unit_text in self.text:
            before, after = self.text.split(self.unit_text, 1)
        else:
            before, after = self.text.rstrip("\n") + "\n\n", "\n"
        first = before.count("\n") + 1
        return before + rust + after, first, first + rust.count("\n")


@dataclass(frozen=True)
class CTarget:
    """Where the C original comes from, for the differential test."""

    c_files: tuple[Path, ...]
    include_dirs: tuple[Path, ...] = ()
    defines: tuple[str, ...] = ()
    hints: Mapping[str, Mapping[str, str]] | None = None


def check_candidate(frame: ModuleFrame, rust: str, function: str, c: CTarget, work: Path,
                    fuzz_examples: int = 60) -> Check:
    """Build `rust` in its module and fuzz `function` against the C original."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    text, first, last = frame.with_candidate(rust)
    source = work / f"{frame.module}.rs"
    source.write_text(text, "utf-8")
    outcome = sandbox.run(
        ["rustc", "--edition", "2021", "--crate-type", "cdylib", "--crate-name", frame.module,
         "-C", "debug-assertions=on", "-A", "warnings", "--error-format=json",
         "-o", str(work / f"lib{frame.module}.so"), str(source)], work, BUILD_LIMITS)
    unsafe = count_unsafe_lines(rust)
    if not outcome.ok:
        return Check(builds=False, errors=_errors(outcome, source.name, first, last),
                     unsafe_lines=unsafe)
    verdict = fuzz_functions(list(c.c_files), list(c.include_dirs), list(c.defines),
                             work / f"lib{frame.module}.so", [function], work / "fuzz",
                             hints=c.hints or {}, max_examples=fuzz_examples)[function]
    if verdict.status == "agree":
        return Check(builds=True, agrees=True, unsafe_lines=unsafe)
    if verdict.status == "disagree":
        return Check(builds=True, agrees=False, unsafe_lines=unsafe,
                     counterexample=verdict.detail, evidence=verdict.counterexample)
    return Check(builds=True, agrees=None, unsafe_lines=unsafe)


def _errors(outcome: sandbox.Outcome, file_name: str, first: int, last: int) -> tuple[str, ...]:
    """Rendered errors, those inside the candidate's lines first."""
    inside: list[str] = []
    outside: list[str] = []
    for line in outcome.stderr.decode("utf-8", "replace").splitlines():
        if not line.startswith("{"):
            continue
        try:
            message = json.loads(line)
        except json.JSONDecodeError:
            continue
        if message.get("level") != "error" or not message.get("spans"):
            continue
        rendered = (message.get("rendered") or message.get("message", "")).strip()
        spans = [s for s in message["spans"] if s.get("is_primary")] or message["spans"]
        mine = any(s.get("file_name", "").endswith(file_name)
                   and first <= s.get("line_start", 0) <= last for s in spans)
        (inside if mine else outside).append(rendered)
    errors = (inside + outside)[:MAX_ERRORS]
    if not errors:
        tail = outcome.stderr.decode("utf-8", "replace").strip()[-600:]
        errors = [f"rustc {outcome.describe()}: {tail}"]
    return tuple(errors)
