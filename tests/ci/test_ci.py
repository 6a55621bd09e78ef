"""`refactor ci` under a simulated GitHub Actions environment, on the demo targets: every
output, the job summary, annotations, a ratchet failure after a secured unit is broken,
and three shards whose merged report equals the unsharded run's."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, run_refactor

pytestmark = [pytest.mark.xdist_group("ci"),
              pytest.mark.skipif(shutil.which("cobc") is None or shutil.which("cargo") is None,
                                 reason="needs cobc and cargo")]
TARGETS = ("kvstore", "payroll")


def _workspace(root: Path) -> Path:
    """A repository checkout as Actions has it: the targets inside GITHUB_WORKSPACE."""
    for name in TARGETS:
        shutil.copytree(REPO / "targets" / name, root / "targets" / name,
                        ignore=shutil.ignore_patterns(".refactor", "target"))
        shutil.copyfile(REPO / "targets" / f"{name}.toml", root / "targets" / f"{name}.toml")
    return root


def _actions_env(workspace: Path, ref: str = "refs/heads/main") -> dict[str, str]:
    event = workspace.parent / f"event-{workspace.name}.json"
    event.write_text(json.dumps({"repository": {"default_branch": "main"}, "ref": ref}))
    for name in ("output", "summary"):
        (workspace.parent / f"{name}-{workspace.name}").write_text("")
    return {"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(workspace),
            "GITHUB_EVENT_PATH": str(event), "GITHUB_REF": ref,
            "GITHUB_OUTPUT": str(workspace.parent / f"output-{workspace.name}"),
            "GITHUB_STEP_SUMMARY": str(workspace.parent / f"summary-{workspace.name}")}


def _outputs(path: Path) -> dict[str, str]:
    found = re.findall(r"^([\w-]+)<<(EOF_\w+)\n(.*?)\n\2$", path.read_text(), re.M | re.S)
    return {name: value for name, _, value in found}


def _ci(cli, workspace: Path, *args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return cli("ci", *args, cwd=workspace, env=env, timeout=900)


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    workspace = _workspace(tmp_path_factory.mktemp("ci") / "full")
    env = _actions_env(workspace)
    result = _ci(run_refactor, workspace, *(f"targets/{t}.toml" for t in TARGETS), env=env)
    return {"workspace": workspace, "env": env, "result": result,
            "report": json.loads((workspace / ".refactor" / "ci" / "report.json").read_text())}


def test_outputs_summary_and_no_annotation_when_nothing_fails(full: dict[str, Any]) -> None:
    result, report, env = full["result"], full["report"], full["env"]
    assert result.code == 0, result.stderr
    totals = report["totals"]
    assert totals["loc_secured"] >= 980  # make demo's figure
    outputs = _outputs(Path(env["GITHUB_OUTPUT"]))
    assert outputs == {
        "loc-secured": str(totals["loc_secured"]), "loc-total": str(totals["loc"]),
        "units-secured": str(totals["units_secured"]),
        "units-failed": str(sum(u["state"] in ("failed", "skipped") for u in report["units"])),
        "report-path": str(full["workspace"] / ".refactor" / "ci" / "report.json"),
        "regressed": "false"}
    summary = Path(env["GITHUB_STEP_SUMMARY"]).read_text()
    assert summary == (full["workspace"] / ".refactor" / "ci" / "summary.md").read_text()
    assert f"**{totals['loc_secured']:,}**" in summary
    assert "::error" not in result.stdout


def test_a_broken_secured_unit_fails_the_ratchet_with_an_annotation(
        full: dict[str, Any], tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    assert full["report"]["totals"]["loc_secured"] > 0
    baseline = tmp_path / "baseline.json"
    shutil.copyfile(full["workspace"] / ".refactor" / "ci" / "report.json", baseline)
    workspace = _workspace(tmp_path / "broken")
    ledger = workspace / "targets" / "payroll" / "src" / "ledger.cbl"
    text = ledger.read_text()
    assert "PROCEDURE DIVISION." in text, "ledger.cbl moved; update this test"
    # embedded SQL: the scan records LEDGER as unsupported, so it is no longer secured
    ledger.write_text(text.replace("PROCEDURE DIVISION.", "PROCEDURE DIVISION.\n"
                                   "           EXEC SQL COMMIT END-EXEC.", 1))
    env = _actions_env(workspace, ref="refs/pull/7/merge")
    result = _ci(cli, workspace, "targets/payroll.toml", "--baseline", str(baseline), env=env)
    assert result.code == 1, result.stdout + result.stderr
    assert "REGRESSION" in result.stdout
    assert "payroll:src/ledger.cbl:program:LEDGER" in result.stdout
    line = next(x for x in result.stdout.splitlines() if x.startswith("::error")
                and "ledger.cbl" in x)
    assert line.startswith("::error file=targets/payroll/src/ledger.cbl,line=")
    assert "title=LEDGER%3A no longer secured::" in line and "EXEC SQL" in line
    assert _outputs(Path(env["GITHUB_OUTPUT"]))["regressed"] == "true"
    assert baseline.read_bytes() == (full["workspace"] / ".refactor" / "ci" /
                                     "report.json").read_bytes()  # not updated
    # the same regression without --fail-on-regression passes, and says it
    # (with `refactor run`'s --ledger and --report-dir)
    kept = _ci(cli, workspace, "targets/payroll.toml", "--baseline", str(baseline),
               "--no-fail-on-regression", "--ledger", str(tmp_path / "l.db"),
               "--report-dir", str(tmp_path / "rep"), env=_actions_env(workspace))
    assert kept.code == 0 and "REGRESSION" in kept.stdout
    assert (tmp_path / "l.db").is_file() and (tmp_path / "rep" / "summary.md").is_file()


def test_three_shards_merge_to_the_unsharded_report(full: dict[str, Any], tmp_path: Path,
                                                    cli) -> None:  # type: ignore[no-untyped-def]
    workspace = _workspace(tmp_path / "ws")
    shards = []
    for i in (1, 2, 3):
        out = tmp_path / "artifacts" / f"refactor-report-{i}-of-3"
        result = _ci(cli, workspace, *(f"targets/{t}.toml" for t in TARGETS),
                     "--shard", f"{i}/3", "--out", str(out))
        assert result.code == 0, result.stderr
        shards.append(json.loads((out / "report.json").read_text()))
    worked = [sum(u["state"] != "pending" for u in s["units"]) for s in shards]
    assert all(worked), worked  # every shard had work
    # a baseline one unit behind: the merge job on the default branch ratchets it up
    older = json.loads(json.dumps(full["report"]))
    behind = next(u for u in older["units"] if u["secured"])
    behind["secured"], behind["level"] = False, "builds"
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps(older))
    merged = _ci(cli, workspace, "--merge", str(tmp_path / "artifacts"), "--out",
                 str(tmp_path / "merged"), "--baseline", str(baseline),
                 env=_actions_env(workspace))
    assert merged.code == 0, merged.stderr
    assert "merged 3 ledgers" in merged.stdout and "improved" in merged.stdout
    assert baseline.read_text() == (tmp_path / "merged" / "report.json").read_text()
    report = json.loads((tmp_path / "merged" / "report.json").read_text())
    assert report["totals"] == full["report"]["totals"]
    assert {u["id"]: (u["level"], u["secured"], u["state"]) for u in report["units"]} == {
        u["id"]: (u["level"], u["secured"], u["state"]) for u in full["report"]["units"]}
    assert [(t["name"], t["loc"], t["loc_secured"]) for t in report["targets"]] == [
        (t["name"], t["loc"], t["loc_secured"]) for t in full["report"]["targets"]]
    # `refactor report --merge` joins them the same way
    joined = cli("report", "--merge", tmp_path / "artifacts", "--out", tmp_path / "report")
    assert joined.code == 0, joined.stderr
    assert json.loads((tmp_path / "report" / "report.json").read_text())["totals"] == \
        full["report"]["totals"]


def test_max_units_takes_whole_clusters_in_plan_order(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    workspace = _workspace(tmp_path / "ws")
    result = _ci(cli, workspace, "targets/payroll.toml", "--max-units", "2")
    assert result.code == 0, result.stderr
    assert "payroll: --max-units 2: 2 of 6 units this run" in " ".join(result.stdout.split())
    report = json.loads((workspace / ".refactor" / "ci" / "report.json").read_text())
    worked = {u["name"]: u["secured"] for u in report["units"] if u["state"] != "pending"}
    # PAYRUN, TAXCALC and their copybooks are a cluster of 4: LEDGER and TXNREC fit
    assert worked == {"LEDGER": True, "TXNREC": True}
