"""Which functions the original program executed: gcov over the `--coverage` build."""

from __future__ import annotations

import json
import os
from pathlib import Path

from refactor.verify import sandbox


def executed_functions(build: Path,
                       limits: sandbox.Limits) -> tuple[set[tuple[str, str]], list[str]]:
    """(source path relative to `build`, function name) of every function with a non-zero
    execution count, over all the workload runs so far; and problems met on the way."""
    executed: set[tuple[str, str]] = set()
    problems: list[str] = []
    for gcda in sorted(build.rglob("*.gcda")):
        outcome = sandbox.run(["gcov", "--json-format", "--stdout", "-o", str(gcda.parent),
                               str(gcda)], gcda.parent, limits)
        if not outcome.ok:
            problems.append(f"gcov {gcda.relative_to(build)}: {outcome.describe()}: "
                            f"{outcome.stderr.decode(errors='replace').strip()[:200]}")
            continue
        for line in outcome.stdout.splitlines():
            if not line.strip().startswith(b"{"):
                continue
            report = json.loads(line)
            cwd = Path(report.get("current_working_directory") or gcda.parent)
            for entry in report.get("files", []):
                source = Path(os.path.normpath(cwd / entry["file"]))
                try:
                    rel = source.relative_to(build).as_posix()
                except ValueError:
                    continue  # a system header's inline function
                for function in entry.get("functions", []):
                    if function.get("execution_count", 0) > 0:
                        executed.add((rel, function["name"]))
    return executed, problems
