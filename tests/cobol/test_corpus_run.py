"""`refactor run` on the whole COBOL corpus as one target: each program built by `cobc`
(its own build command) and run on its workload; the share secured is the issue's
measure (at least 90% of the programs), and every program not secured says why."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

from tests.cobol.test_emit import CORPUS

MANIFEST = tomllib.loads((CORPUS / "MANIFEST.toml").read_text())


def _target(where: Path) -> Path:
    shutil.copytree(CORPUS, where / "corpus")
    flags = " ".join(MANIFEST["corpus"]["flags"])
    lines = ['name = "cobol-corpus"', 'language = "cobol"', 'source = "corpus"', "",
             "[build]", "commands = [", '  "mkdir -p bin",']
    for p in MANIFEST["programs"]:
        lines.append(f'  "cobc {flags} -o bin/{p["name"]} {" ".join(p["files"])}",')
    lines += ["]", "timeout = 600", ""]
    for p in MANIFEST["programs"]:
        lines += ["[[workloads]]", f'name = "{p["name"]}"', f'command = ["bin/{p["name"]}"]',
                  f'expected_status = {p.get("expected_status", 0)}', "timeout = 30"]
        if p.get("stdin"):
            lines.append(f'stdin = "{p["stdin"]}"')
        if p.get("outputs"):
            lines.append("[workloads.outputs]")
            lines += [f'"{k}" = "{v}"' for k, v in p["outputs"].items()]
        lines.append("")
    toml = where / "corpus.toml"
    toml.write_text("\n".join(lines))
    return toml


def test_refactor_run_secures_the_corpus(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("run", _target(tmp_path), "--ledger", tmp_path / "out" / "l.db",
                 timeout=1200)
    assert result.code == 0, result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    programs = [u for u in report["units"] if u["kind"] == "program"]
    secured = [u for u in programs if u["secured"]]
    assert len(programs) >= 87  # 83 programs and 4 subprograms they CALL
    assert len(secured) >= 0.9 * len(programs), (len(secured), len(programs))
    for unit in programs:
        assert unit["secured"] or unit["reason"], unit  # every failure explained
    assert not [u for u in programs if u["level"] == "builds" and "differs" in
                (u["reason"] or "")]  # nothing translated disagrees
