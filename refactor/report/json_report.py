"""`report.json` (DESIGN.md, "Machine-readable contracts"): every unit with its level, and
the lines of code secured against the 100M-line goal."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from refactor.ledger import Ledger
from refactor.report.outcomes import unit_outcomes

REPORT_SCHEMA_VERSION = 1
GOAL_LOC = 100_000_000


def build_report(ledger: Ledger, target_ids: Sequence[int]) -> dict[str, object]:
    names = {tid: (name, root) for tid, name, root, _ in ledger.targets()}
    targets: list[dict[str, object]] = []
    units: list[dict[str, object]] = []
    for tid in target_ids:
        outcomes = unit_outcomes(ledger, tid)
        totals = {"loc": 0, "loc_secured": 0, "units": 0, "units_secured": 0}
        for unit in ledger.units(tid):
            if unit.parent is not None:
                continue  # a COBOL paragraph or section: counted in its program
            o = outcomes[unit.id]
            units.append({
                "id": f"{names[tid][0]}:{unit.uid}", "name": unit.name, "kind": unit.kind,
                "language": unit.language, "path": unit.path, "loc": unit.loc,
                "level": o.level, "secured": o.secured, "unsafe_lines": o.unsafe_lines,
                "backend": o.backend, "reason": o.reason})
            totals["units"] += 1
            totals["loc"] += unit.loc
            if o.secured:
                totals["units_secured"] += 1
                totals["loc_secured"] += unit.loc
        tokens_in, tokens_out, cost = ledger.spend(tid)
        targets.append({"name": names[tid][0], "root": names[tid][1], **totals,
                        "tokens_in": tokens_in, "tokens_out": tokens_out,
                        "cost": round(cost, 6)})
    sums: dict[str, object] = {
        key: sum(int(t[key]) for t in targets)  # type: ignore[call-overload]
        for key in ("loc", "loc_secured", "units", "units_secured", "tokens_in", "tokens_out")}
    cost = round(sum(float(t["cost"]) for t in targets), 6)  # type: ignore[arg-type]
    secured = int(sums["loc_secured"])  # type: ignore[call-overload]
    sums["cost"] = cost
    # What a secured line costs in model spend: every attempt counts, failed ones too.
    sums["cost_per_1000_loc_secured"] = round(1000 * cost / secured, 6) if secured else None
    return {"schema_version": REPORT_SCHEMA_VERSION, "goal_loc": GOAL_LOC,
            "targets": targets, "totals": sums, "units": units}


def write_report(path: Path, report: dict[str, object]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=1) + "\n", "utf-8")
    return path
