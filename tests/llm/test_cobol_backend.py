"""COBOL in the model loop (hybrid: the rules draft plus the model), end to end: the real
CLI and `openai` client against a scripted local server, every answer screened, built with
the runtime and run in place of the cobc-built executable on the target's workloads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from refactor.ledger import Ledger
from tests.conftest import write_tree
from tests.llm.server import Reply, ScriptedServer
from tests.llm.test_backend import Model, _all_attempts, _newest

pytestmark = pytest.mark.skipif(shutil.which("cobc") is None or shutil.which("cargo") is None,
                                reason="needs cobc and cargo")

GREET = b"""\
       IDENTIFICATION DIVISION.
       PROGRAM-ID. GREET.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01 N PIC 9(3) VALUE 7.
       PROCEDURE DIVISION.
           ADD 35 TO N
           DISPLAY "GREET " N
           MOVE 3 TO RETURN-CODE
           STOP RUN.
"""
# ALTER (obsolete, still in old code): the rules backend does not translate it.
ALTERED = b"""\
       IDENTIFICATION DIVISION.
       PROGRAM-ID. OUTER.
       PROCEDURE DIVISION.
       P1.
           DISPLAY "OUTER"
           ALTER P2 TO PROCEED TO P4.
       P2.
           GO TO P3.
       P3.
           DISPLAY "NOT ALTERED"
           STOP RUN.
       P4.
           DISPLAY "INNER"
           STOP RUN.
"""
TOML = """\
name = "greet"
language = "cobol"
source = "src"

[build]
commands = ["cobc -x -std=default -o greet greet.cob",
            "cobc -x -std=default -o outer outer.cob"]

[[workloads]]
name = "greet"
command = ["./greet"]
expected_status = 3

[[workloads]]
name = "outer"
command = ["./outer"]
"""


def _rust(body: str) -> Reply:
    return Reply(f"```rust\nfn main() {{\n{body}\n}}\n```")


GREET_BROKEN = _rust('    println!("GREET 042")\n    std::process::exit("3");')
GREET_WRONG = _rust('    println!("GREET 42");\n    std::process::exit(3);')
GREET_RIGHT = _rust('    println!("GREET 042");\n    std::process::exit(3);')
HOSTILE = _rust('    let _ = std::process::Command::new("sh").status();\n'
                '    println!("OUTER\\nINNER");')
ALTERED_RIGHT = _rust('    println!("OUTER");\n    println!("INNER");')


def _target(tmp_path: Path) -> Path:
    root = write_tree(tmp_path / "greet", {"src/greet.cob": GREET, "src/outer.cob": ALTERED,
                                           "greet.toml": TOML})
    return root / "greet.toml"


def _translate(cli, toml: Path, ledger: Path, server: ScriptedServer):  # type: ignore[no-untyped-def]
    assert cli("scan", toml, "--ledger", ledger).code == 0
    return cli("translate", toml, "--backend", "hybrid", "--model", "scripted-model",
               "--base-url", server.base_url, "--ledger", ledger, timeout=600)


def test_repairs_to_agreement_fills_what_rules_cannot_and_refuses_hostile_code(
        tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    toml, ledger = _target(tmp_path), tmp_path / "out" / "l.db"
    prompts: list[str] = []
    model = Model({"GREET": [GREET_BROKEN, GREET_WRONG, GREET_RIGHT],
                   "OUTER": [HOSTILE, ALTERED_RIGHT]})

    def script(body):  # type: ignore[no-untyped-def]
        prompts.append(body["messages"][-1]["content"])
        return model(body)

    with ScriptedServer(script) as server:
        result = _translate(cli, toml, ledger, server)
    assert result.code == 0, result.stderr
    assert model.asked["GREET"] == ["translate", "repair_compile", "repair_counterexample"]
    first = next(p for p in prompts if "`GREET`" in p)
    assert "PROGRAM-ID. GREET." in first and "mod cobol_rt;" in first  # source and draft
    repair = next(p for p in prompts if "behaves differently" in p and "`GREET`" in p)
    assert "GREET 042" in repair and "GREET 42" in repair  # original's and the answer's
    newest = _newest(ledger)
    greet = newest["GREET"]
    assert (greet.backend, greet.status) == ("hybrid", "translated")
    assert 'println!("GREET 042")' in greet.rust and greet.tokens_in > 0
    # OUTER: no rules draft; the hostile answer is refused, the next one agrees with cobc
    outer = _all_attempts(ledger, "OUTER")
    assert [(b, s) for b, s, _ in outer] == [("rules", "skipped"), ("hybrid", "translated")]
    assert model.asked["OUTER"] == ["translate", "translate"]  # the refusal, then the fix
    assert newest["OUTER"].backend == "hybrid" and newest["OUTER"].reason is None
    crate = tmp_path / "out" / "rust" / "greet" / "src" / "bin"
    assert 'println!("INNER")' in (crate / "outer" / "main.rs").read_text()
    assert "Command" not in "".join(p.read_text() for p in crate.rglob("main.rs"))
    # and `refactor verify` secures what the model wrote
    verified = cli("verify", toml, "--ledger", ledger, timeout=600)
    assert verified.code == 0, verified.stderr
    with Ledger(ledger) as led:
        tid = led.targets()[0][0]
        names = {u.id: u.name for u in led.units(tid)}
        levels = {names[uid]: lv for uid, lv in led.unit_levels(tid).items()}
    assert levels["GREET"].level == "tested" and levels["OUTER"].level == "tested"


def test_an_echoing_model_keeps_the_rules_drafts(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    toml, ledger = _target(tmp_path), tmp_path / "out" / "l.db"
    model = Model()  # answers every prompt with its draft (OUTER has none: "no draft")
    with ScriptedServer(model) as server:
        result = _translate(cli, toml, ledger, server)
    assert result.code == 0, result.stderr
    newest = _newest(ledger)
    assert newest["GREET"].backend == "hybrid" and newest["GREET"].status == "translated"
    rules = [a for a in _all_attempts(ledger, "GREET") if a[0] == "rules"]
    assert rules == [("rules", "translated", None)]
    assert newest["OUTER"].status != "translated"  # "no draft" has no code block
