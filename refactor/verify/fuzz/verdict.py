"""The result of fuzzing one function: a value, never an exception."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Status = Literal["agree", "disagree", "unsupported", "error"]


@dataclass(frozen=True)
class FuzzVerdict:
    function: str
    status: Status
    cases: int  # inputs run on both sides
    detail: str  # one line: why unsupported / the counterexample / what went wrong
    counterexample: dict[str, Any] | None  # {"inputs": {...}, "c": {...}, "rust": {...}}
    isolation: str  # "bwrap" or "rlimits"
    seconds: float
