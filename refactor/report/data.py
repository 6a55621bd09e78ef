"""Everything the reports show, from one or more ledgers, as one JSON-able dict.

Several ledgers (many repositories, or CI shards of one) merge into one view: targets side
by side, units by id (a unit present in two ledgers keeps its better outcome), totals and
the burn-up history summed over them. `report.json` is this dict without the per-unit
sources and evidence (`details`), which only the HTML page embeds.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from refactor.ledger import Ledger, UnitView
from refactor.report.outcomes import Outcome, unit_outcomes

REPORT_SCHEMA_VERSION = 1
GOAL_LOC = 100_000_000
RATE_WINDOW = timedelta(days=30)
MIN_SPAN = timedelta(hours=1)
SOURCE_LIMIT = 60_000  # characters of C or Rust shown per unit
STATES = ("pending", "none", "builds", "fuzzed", "tested", "secured", "skipped", "failed")
_RANK = {"none": 0, "builds": 1, "fuzzed": 2, "tested": 3}


def dashboard_data(ledgers: Sequence[Ledger], details: bool = True) -> dict[str, Any]:
    targets: list[dict[str, Any]] = []
    units: dict[str, dict[str, Any]] = {}
    sources: dict[str, dict[str, Any]] = {}
    history: list[tuple[str, str, int]] = []  # (time, target key, its loc secured then)
    for ledger in ledgers:
        for tid, name, root, _ in ledger.targets():
            targets.append(_target(ledger, tid, name, root, units, sources, details))
            history += [(at, f"{ledger.name}:{tid}", int(stats.get("loc_secured", 0) or 0))
                        for target, at, stats in ledger.run_history("verify")
                        if target == tid]
    rows = list(units.values())
    targets = _merged(targets, rows)
    totals = _totals(targets, rows)
    now = datetime.now(UTC)
    burnup = _burnup(history)
    data: dict[str, Any] = {
        "schema_version": REPORT_SCHEMA_VERSION, "generated_at": now.isoformat(timespec="seconds"),
        "goal_loc": GOAL_LOC, "targets": targets, "totals": totals,
        "states": _states(rows), "languages": _languages(rows), "history": burnup,
        "projection": _projection(burnup, totals["loc_secured"], now),
        "failures": _failures(rows), "units": rows}
    if details:
        data["details"] = sources
    return data


def report_json(data: dict[str, Any]) -> dict[str, Any]:
    """The `report.json` contract (DESIGN.md) and its extensions: all but `details`."""
    return {k: v for k, v in data.items() if k != "details"}


def write_report_json(directory: Path, data: dict[str, Any]) -> Path:
    """`directory/report.json` from dashboard data; returns its path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "report.json"
    path.write_text(json.dumps(report_json(data), indent=1) + "\n", "utf-8")
    return path


def _target(ledger: Ledger, tid: int, name: str, root: str, units: dict[str, dict[str, Any]],
            sources: dict[str, dict[str, Any]], details: bool) -> dict[str, Any]:
    outcomes = unit_outcomes(ledger, tid)
    attempts = ledger.latest_attempts(tid)
    counts = ledger.attempt_counts(tid)
    tokens_in, tokens_out, cost = ledger.spend(tid)
    totals = {"loc": 0, "loc_secured": 0, "units": 0, "units_secured": 0}
    for unit in ledger.units(tid):
        if unit.parent is not None:
            continue  # a COBOL paragraph or section: counted in its program
        o = outcomes[unit.id]
        attempt = attempts.get(unit.id)
        n, unit_cost = counts.get(unit.id, (0, 0.0))
        row = {"id": f"{name}:{unit.uid}", "target": name, "name": unit.name,
               "kind": unit.kind, "language": unit.language, "path": unit.path,
               "line": unit.start_line, "loc": unit.loc, "level": o.level, "secured": o.secured,
               "unsafe_lines": o.unsafe_lines, "backend": o.backend,
               "attempts": n, "cost": round(unit_cost, 6), "reason": o.reason,
               "state": _state(o, attempt.status if attempt else None)}
        previous = units.get(row["id"])
        if previous is None or _better(row, previous):
            units[row["id"]] = row
            if details:
                sources[row["id"]] = _details(ledger, Path(root), unit,
                                              attempt.rust if attempt else "",
                                              attempt.id if attempt else None)
        totals["units"] += 1
        totals["loc"] += unit.loc
        if o.secured:
            totals["units_secured"] += 1
            totals["loc_secured"] += unit.loc
    return {"name": name, "root": root, "ledger": ledger.name, **totals,
            "tokens_in": tokens_in, "tokens_out": tokens_out, "cost": round(cost, 6)}


def _state(o: Outcome, status: str | None) -> str:
    if o.secured:
        return "secured"
    if status is None:
        return "pending"
    if status in ("skipped", "failed"):
        return status
    return o.level


def _better(row: dict[str, Any], other: dict[str, Any]) -> bool:
    return (row["secured"], _RANK[row["level"]]) > (other["secured"], _RANK[other["level"]])


def _details(ledger: Ledger, root: Path, unit: UnitView, rust: str,
             attempt_id: int | None) -> dict[str, Any]:
    try:
        lines = (root / unit.path).read_text("utf-8", errors="replace").splitlines()
        c = "\n".join(lines[unit.start_line - 1:unit.end_line])
    except OSError as exc:
        c = f"(the source is not readable here: {exc.strerror})"
    verdicts = [{"level": v.level, "status": v.status, "detail": v.detail,
                 "evidence": v.evidence, "isolation": v.isolation}
                for v in ledger.unit_verdicts(unit.id) if v.attempt_id == attempt_id]
    return {"c": c[:SOURCE_LIMIT], "rust": rust[:SOURCE_LIMIT], "verdicts": verdicts}


def _merged(targets: list[dict[str, Any]], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per target name: CI shards are ledgers of the same target, each holding
    some of its units' results (the rows already keep each unit's best)."""
    by_name: dict[str, list[dict[str, Any]]] = {}
    for t in targets:
        by_name.setdefault(t["name"], []).append(t)
    out = []
    for name, parts in by_name.items():
        if len(parts) == 1:
            out.append(parts[0])
            continue
        mine = [r for r in rows if r["target"] == name]
        out.append({
            "name": name, "root": parts[0]["root"],
            "ledger": ", ".join(p["ledger"] for p in parts),
            "loc": sum(r["loc"] for r in mine),
            "loc_secured": sum(r["loc"] for r in mine if r["secured"]),
            "units": len(mine), "units_secured": sum(r["secured"] for r in mine),
            **{k: sum(p[k] for p in parts) for k in ("tokens_in", "tokens_out")},
            "cost": round(sum(p["cost"] for p in parts), 6)})
    return out


def _totals(targets: list[dict[str, Any]], rows: list[dict[str, Any]]) -> dict[str, Any]:
    secured = [r for r in rows if r["secured"]]
    loc_secured = sum(r["loc"] for r in secured)
    cost = round(sum(t["cost"] for t in targets), 6)
    return {"loc": sum(r["loc"] for r in rows), "loc_secured": loc_secured,
            "units": len(rows), "units_secured": len(secured),
            "tokens_in": sum(t["tokens_in"] for t in targets),
            "tokens_out": sum(t["tokens_out"] for t in targets), "cost": cost,
            # what a secured line costs in model spend: every attempt counts
            "cost_per_1000_loc_secured": round(1000 * cost / loc_secured, 6)
            if loc_secured else None}


def _states(rows: list[dict[str, Any]]) -> dict[str, int]:
    counts = Counter(r["state"] for r in rows)
    return {state: counts.get(state, 0) for state in STATES}


def _languages(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for r in rows:
        lang = out.setdefault(r["language"], {"units": 0, "loc": 0, "loc_secured": 0})
        lang["units"] += 1
        lang["loc"] += r["loc"]
        lang["loc_secured"] += r["loc"] if r["secured"] else 0
    return out


def _burnup(history: list[tuple[str, str, int]]) -> list[dict[str, Any]]:
    """Org-wide lines secured after each verify run: every target's latest figure summed."""
    latest: dict[str, int] = {}
    points = []
    for at, key, loc in sorted(history):
        latest[key] = loc
        points.append({"at": at, "loc_secured": sum(latest.values())})
    return points


def _projection(points: list[dict[str, Any]], current: int, now: datetime) -> dict[str, Any]:
    recent = [p for p in points if now - _time(p["at"]) <= RATE_WINDOW]
    if len(recent) < 2 or _time(recent[-1]["at"]) - _time(recent[0]["at"]) < MIN_SPAN:
        return {"rate_per_day": None, "eta": None,
                "basis": "not enough history: a projection needs verify runs at least an "
                         "hour apart within the last 30 days"}
    span = _time(recent[-1]["at"]) - _time(recent[0]["at"])
    gained = recent[-1]["loc_secured"] - recent[0]["loc_secured"]
    rate = gained / (span.total_seconds() / 86400)
    basis = (f"{gained:,} lines secured between {recent[0]['at'][:10]} and "
             f"{recent[-1]['at'][:10]} (the last 30 days of verify runs)")
    if rate <= 0:
        return {"rate_per_day": round(rate, 1), "eta": None,
                "basis": basis + ": no progress, so no completion date"}
    days = (GOAL_LOC - current) / rate
    eta = now + timedelta(days=min(days, 365 * 1000))
    return {"rate_per_day": round(rate, 1), "eta": eta.date().isoformat(), "basis": basis}


def _time(stamp: str) -> datetime:
    moment = datetime.fromisoformat(stamp)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


_NUMBERS = re.compile(r"\d+")


def _failures(rows: list[dict[str, Any]], top: int = 12) -> list[dict[str, Any]]:
    """The most frequent reasons units are not secured (numbers folded, names kept)."""
    counts = Counter(_NUMBERS.sub("N", r["reason"])[:120] for r in rows
                     if not r["secured"] and r["reason"])
    return [{"reason": reason, "units": n} for reason, n in counts.most_common(top)]
