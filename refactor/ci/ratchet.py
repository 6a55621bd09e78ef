"""The ratchet: a CI run may not secure less than its baseline.

The baseline is a `report.json` (committed in the repository, or the default branch's
last one). Compared over the targets of the current report and the units present in
both (code deleted since is not a regression): lines secured must not go down, and no
unit secured in the baseline may be unsecured now. Anything secured that was not is an
improvement, which on the default branch becomes the new baseline.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Ratchet:
    baseline_loc: int  # lines secured in the baseline, over units still present
    current_loc: int  # lines secured now, over the same units
    lost: list[dict[str, Any]] = field(default_factory=list)  # current rows, were secured
    gained: list[dict[str, Any]] = field(default_factory=list)
    removed: int = 0  # baseline units no longer in the code base
    new_loc: int = 0  # lines secured in units the baseline did not have

    @property
    def regressed(self) -> bool:
        return bool(self.lost) or self.current_loc < self.baseline_loc

    @property
    def improved(self) -> bool:
        return not self.regressed and (bool(self.gained) or self.new_loc > 0)

    def describe(self) -> str:
        head = (f"ratchet: {self.current_loc:,} lines secured against the baseline's "
                f"{self.baseline_loc:,} (same units)")
        parts = [head]
        if self.lost:
            parts.append(f"{len(self.lost)} units no longer secured: "
                         + ", ".join(u["id"] for u in self.lost[:5])
                         + (" ..." if len(self.lost) > 5 else ""))
        if self.gained:
            parts.append(f"{len(self.gained)} units newly secured")
        if self.new_loc:
            parts.append(f"{self.new_loc:,} lines secured in new units")
        if self.removed:
            parts.append(f"{self.removed} baseline units no longer in the code (not counted)")
        verdict = ("REGRESSION" if self.regressed else "improved" if self.improved
                   else "unchanged")
        return f"{'; '.join(parts)}: {verdict}"


class BaselineError(ValueError):
    """The baseline file cannot be used; the message says which and what to do."""


def load_baseline(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"baseline {path} does not exist; commit a report.json there "
                            "(or download the default branch's) or leave --baseline "
                            "out") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"baseline {path} is not a report.json ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("units"), list):
        raise BaselineError(f"baseline {path} is not a report.json (no units list)")
    return data


def compare(baseline: dict[str, Any], current: dict[str, Any]) -> Ratchet:
    targets = {t["name"] for t in current["targets"]}
    before = {u["id"]: u for u in baseline["units"] if u.get("target") in targets}
    now = {u["id"]: u for u in current["units"]}
    both = before.keys() & now.keys()
    result = Ratchet(
        baseline_loc=sum(before[i]["loc"] for i in both if before[i]["secured"]),
        current_loc=sum(now[i]["loc"] for i in both if now[i]["secured"]),
        removed=len(before.keys() - now.keys()),
        new_loc=sum(now[i]["loc"] for i in now.keys() - before.keys() if now[i]["secured"]))
    for unit_id in sorted(both):
        if before[unit_id]["secured"] and not now[unit_id]["secured"]:
            result.lost.append(now[unit_id])
        elif now[unit_id]["secured"] and not before[unit_id]["secured"]:
            result.gained.append(now[unit_id])
    return result
