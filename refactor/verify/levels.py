"""From verdicts to a unit's level, and whether it is secured (DESIGN.md).

A unit's level is the highest of `builds`, `fuzzed`, `tested` it passed. A disagreement
at either differential level is evidence of a wrong translation: the unit stays at
`builds` whatever else passed. Secured means `fuzzed` or `tested` with no `unsafe`
outside the generated extern "C" shim.
"""

from __future__ import annotations

from refactor.ledger import Verdict

LEVELS = ("none", "builds", "fuzzed", "tested")
STAGES = LEVELS[1:]  # the levels a verification run tries, in order


def level_of(verdicts: list[Verdict]) -> tuple[str, str | None]:
    """(level, why it is not higher) from one attempt's verdicts."""
    by_level = {v.level: v for v in verdicts}
    build = by_level.get("builds")
    if build is None or build.status != "pass":
        return "none", build.detail if build else "not built"
    fuzz, tested = by_level.get("fuzzed"), by_level.get("tested")
    for verdict in (fuzz, tested):
        if verdict is not None and verdict.status == "fail":
            return "builds", f"differs from the original at {verdict.level}: {verdict.detail}"
    if tested is not None and tested.status == "pass":
        return "tested", None
    if fuzz is not None and fuzz.status == "pass":
        why = tested.detail if tested is not None else "no program-level test"
        return "fuzzed", f"not tested: {why}"
    reasons = [f"{v.level}: {v.detail}" for v in (fuzz, tested) if v is not None]
    return "builds", "; ".join(reasons) or "no differential test ran"


def secured(level: str, unsafe_lines: int) -> bool:
    return level in ("fuzzed", "tested") and unsafe_lines == 0
