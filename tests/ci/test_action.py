"""action.yml and the example workflows: every input used exists and every input is used,
the outputs come from a step that writes them, every step's script parses with bash, and
every `refactor ci` flag a script passes exists."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO

ACTION = yaml.safe_load((REPO / "action.yml").read_text())
EXAMPLES = sorted((REPO / "examples").glob("*.yml"))
ISSUE_INPUTS = {"targets", "backend", "model", "base-url", "max-cost", "max-units", "shard",
                "baseline", "fail-on-regression", "summary", "version"}
ISSUE_OUTPUTS = {"loc-secured", "loc-total", "units-secured", "units-failed", "report-path"}
_INPUT_REF = re.compile(r"inputs\.([A-Za-z0-9_-]+)")
_STEP_OUTPUT = re.compile(r"steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)")


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def _ci_flags() -> set[str]:
    import typer.main

    from refactor.cli.ci import ci

    command = typer.main.get_command_from_info(
        typer.models.CommandInfo(callback=ci), pretty_exceptions_short=True,
        rich_markup_mode=None)
    return {opt for p in command.params for opt in [*p.opts, *p.secondary_opts]}


def test_inputs_are_declared_used_and_hold_no_secret() -> None:
    declared = set(ACTION["inputs"])
    assert declared >= ISSUE_INPUTS
    used = {m for s in _strings(ACTION["runs"]) for m in _INPUT_REF.findall(s)}
    assert used <= declared, used - declared
    assert declared <= used, declared - used  # no input is ignored
    assert not [n for n in declared if re.search("key|token|secret|password", n)]
    text = (REPO / "action.yml").read_text()
    assert "OPENAI_API_KEY" in text  # documented: the key comes from the environment


def test_outputs_come_from_the_run_step() -> None:
    assert set(ACTION["outputs"]) == ISSUE_OUTPUTS
    ids = {s.get("id") for s in ACTION["runs"]["steps"]}
    for name, spec in ACTION["outputs"].items():
        step, output = _STEP_OUTPUT.search(spec["value"]).groups()  # type: ignore[union-attr]
        assert step in ids and output == name
    # `refactor ci` writes exactly these names to $GITHUB_OUTPUT (tests/ci/test_ci.py)
    ci_source = (REPO / "refactor" / "ci" / "github.py").read_text()
    assert all(f'"{name}"' in ci_source for name in ISSUE_OUTPUTS)


def test_step_references_resolve() -> None:
    steps = ACTION["runs"]["steps"]
    for i, step in enumerate(steps):
        earlier = {s.get("id") for s in steps[:i]}
        for ref, _ in _STEP_OUTPUT.findall(" ".join(_strings(step))):
            assert ref in earlier, f"step {step.get('name')} uses steps.{ref} before it runs"


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_every_script_parses_and_passes_only_real_flags(tmp_path: Path) -> None:
    flags = _ci_flags()
    assert {"--shard", "--merge", "--baseline", "--no-fail-on-regression"} <= flags
    scripts = [s["run"] for s in ACTION["runs"]["steps"] if "run" in s]
    for workflow in EXAMPLES:
        jobs = yaml.safe_load(workflow.read_text())["jobs"]
        scripts += [s["run"] for job in jobs.values() for s in job["steps"] if "run" in s]
    assert len(scripts) >= 5
    for i, script in enumerate(scripts):
        # expressions are substituted by the runner before bash sees the script
        path = tmp_path / f"step{i}.sh"
        path.write_text(re.sub(r"\$\{\{[^}]*\}\}", "x", script))
        done = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, (script, done.stderr)
        if "refactor ci" in script:
            passed = set(re.findall(r"(--[a-z][a-z-]+)", script))
            assert passed <= flags, passed - flags


def test_examples_use_the_action_with_its_inputs() -> None:
    assert {p.name for p in EXAMPLES} == {"refactor.yml", "refactor-sharded.yml"}
    declared = set(ACTION["inputs"])
    for workflow in EXAMPLES:
        jobs = yaml.safe_load(workflow.read_text())["jobs"]
        uses = [s for job in jobs.values() for s in job["steps"]
                if "refactor@" in str(s.get("uses", ""))]
        assert uses, workflow.name
        for step in uses:
            assert set(step["with"]) <= declared, (workflow.name, set(step["with"]) - declared)
            assert "OPENAI_API_KEY" not in str(step["with"])
    sharded = yaml.safe_load((REPO / "examples" / "refactor-sharded.yml").read_text())
    assert sharded["jobs"]["merge"]["needs"] == "shard"
    assert len(sharded["jobs"]["shard"]["strategy"]["matrix"]["shard"]) == 3
