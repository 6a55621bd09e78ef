"""GitHub Actions' side of `refactor ci`: step outputs, the job summary and annotations.

Inside Actions (`GITHUB_ACTIONS=true`) outputs go to `$GITHUB_OUTPUT` (the delimiter
form, safe for any value), the report's summary.md to `$GITHUB_STEP_SUMMARY` (GitHub
takes at most 1 MiB per step) and annotations to stdout as workflow commands (GitHub
shows at most 10 error annotations per step: the rest are counted in one notice pointing
at the report). Outside Actions the same lines are printed as plain text.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SUMMARY_LIMIT = 1 << 20
MAX_ERRORS = 10


@dataclass(frozen=True)
class Actions:
    output: Path | None
    summary: Path | None
    workspace: Path
    event: dict[str, Any]
    ref: str

    @property
    def default_branch(self) -> str | None:
        repository = self.event.get("repository")
        return repository.get("default_branch") if isinstance(repository, dict) else None

    @property
    def on_default_branch(self) -> bool:
        return bool(self.default_branch) and self.ref == f"refs/heads/{self.default_branch}"


def from_env(env: Mapping[str, str] | None = None) -> Actions | None:
    """The Actions environment, or None outside Actions."""
    env = os.environ if env is None else env
    if env.get("GITHUB_ACTIONS") != "true":
        return None
    event: dict[str, Any] = {}
    if env.get("GITHUB_EVENT_PATH"):
        try:
            loaded = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text("utf-8"))
            event = loaded if isinstance(loaded, dict) else {}
        except (OSError, json.JSONDecodeError):
            event = {}
    return Actions(Path(env["GITHUB_OUTPUT"]) if env.get("GITHUB_OUTPUT") else None,
                   Path(env["GITHUB_STEP_SUMMARY"]) if env.get("GITHUB_STEP_SUMMARY") else None,
                   Path(env.get("GITHUB_WORKSPACE") or os.getcwd()), event,
                   env.get("GITHUB_REF", ""))


def step_outputs(report: dict[str, Any], report_path: Path, regressed: bool) -> dict[str, Any]:
    """The action's outputs (action.yml) from a report."""
    totals = report["totals"]
    return {
        "loc-secured": totals["loc_secured"], "loc-total": totals["loc"],
        "units-secured": totals["units_secured"],
        "units-failed": sum(1 for u in report["units"] if u["state"] in ("failed", "skipped")
                            or (u["reason"] or "").startswith("differs from the original")),
        "report-path": str(report_path.resolve()), "regressed": str(regressed).lower()}


def write_outputs(path: Path, values: Mapping[str, object]) -> None:
    """Append `name<<DELIM ... DELIM` blocks: values may hold newlines or `=`."""
    with path.open("a", encoding="utf-8") as out:
        for name, value in values.items():
            delimiter = f"EOF_{secrets.token_hex(8)}"
            out.write(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")


def write_summary(path: Path, markdown: str) -> None:
    """Append the job summary, cut to GitHub's limit on a line boundary."""
    data = markdown.encode("utf-8")
    if len(data) > SUMMARY_LIMIT:
        note = b"\n\n(summary cut at GitHub's 1 MiB limit; see report.json)\n"
        cut = data[:SUMMARY_LIMIT - len(note)].rsplit(b"\n", 1)[0]
        data = cut + note
    with path.open("ab") as out:
        out.write(data)


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


@dataclass(frozen=True)
class Annotation:
    title: str
    message: str
    file: str | None = None
    line: int | None = None

    def command(self) -> str:
        props = [f"{k}={_escape(str(v), True)}" for k, v in (
            ("file", self.file), ("line", self.line), ("title", self.title)) if v]
        return f"::error {','.join(props)}::{_escape(self.message)}"

    def text(self) -> str:
        where = f"{self.file}:{self.line}: " if self.file else ""
        return f"error: {where}{self.title}: {self.message}"


def annotations(report: dict[str, Any], lost: list[dict[str, Any]],
                workspace: Path) -> list[Annotation]:
    """Errors for the units that regressed (secured in the baseline, not now), then for the
    units whose translation differs from the original or failed; capped at MAX_ERRORS, the
    rest counted in a last one."""
    roots = {t["name"]: Path(t["root"]) for t in report["targets"]}
    lost_ids = {u["id"] for u in lost}
    failing = [u for u in report["units"] if u["id"] not in lost_ids and (
        u["state"] == "failed" or (u["reason"] or "").startswith("differs from the original"))]
    found: list[Annotation] = []
    for unit, title in [*((u, "no longer secured") for u in lost),
                        *((u, "translation fails") for u in failing)]:
        path = roots.get(unit["target"], Path()) / unit["path"]
        try:
            file = os.path.relpath(path, workspace)
        except ValueError:
            file = str(path)
        found.append(Annotation(f"{unit['name']}: {title}",
                                f"{unit['name']} ({unit['kind']}, {unit['loc']} lines): "
                                f"{unit['reason'] or unit['level']}",
                                None if file.startswith("..") else file, unit.get("line")))
    if len(found) > MAX_ERRORS:
        rest = len(found) - (MAX_ERRORS - 1)
        found = [*found[:MAX_ERRORS - 1], Annotation(
            "more units", f"{rest} more units regressed or fail: see report.json")]
    return found
