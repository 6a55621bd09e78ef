"""`refactor translate`: a target's planned units into one crate, every attempt recorded."""

from __future__ import annotations

import subprocess
from pathlib import Path

from refactor.ledger import Ledger
from refactor.model import FileTranslation, UnitTranslation
from refactor.plan import plan_target
from refactor.scan import scan_target
from refactor.translate.pipeline import translate_target
from tests.conftest import REPO, write_tree


def test_demo_target_translates_into_a_crate_that_builds(cli, tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.db"
    assert cli("scan", REPO / "targets" / "kvstore.toml", "--ledger", ledger).code == 0
    result = cli("translate", REPO / "targets" / "kvstore.toml", "--ledger", ledger)
    assert result.code == 0, result.stderr
    crate = tmp_path / "rust" / "kvstore"
    assert "translated" in result.stdout and str(crate) in result.stdout.replace("\n", "")
    modules = sorted(p.name for p in (crate / "src").glob("*.rs"))
    assert {"lib.rs", "src_store.rs", "src_hash.rs", "src_command.rs"} <= set(modules)
    with Ledger(ledger) as led:
        (tid, *_), = led.targets()
        attempts = led.latest_attempts(tid)
        c_units = [u for u in led.units(tid) if u.kind in ("function", "type", "global",
                                                          "macro")]
    assert {u.id for u in c_units} == set(attempts)  # every unit has an attempt
    functions = [attempts[u.id] for u in c_units if u.kind == "function"]
    assert sum(a.status == "translated" for a in functions) == len(functions) >= 60
    assert all(a.backend == "rules" and a.module for a in functions)
    assert any(a.unsafe_lines == 0 for a in functions)  # some functions are safe Rust
    build = subprocess.run(["cargo", "build", "--offline", "--quiet"], cwd=crate,
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-3000:]
    assert (crate / "target" / "debug" / "libkvstore.a").is_file()


def test_a_file_the_translator_cannot_process_fails_alone(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "src", {
        "good.c": "int twice(int x) { return 2 * x; }\n",
        "bad.c": "int thrice(int x) { return 3 * x; }\n",
    })

    def translator(path: Path, include_dirs, defines) -> FileTranslation:
        if path.name == "bad.c":
            raise RuntimeError("boom")
        unit = UnitTranslation("function", "twice", 1, 1, "translated",
                               "pub extern \"C\" fn twice(x: i32) -> i32 { x.wrapping_mul(2) }",
                               None, 0)
        return FileTranslation(str(path), unit.rust + "\n", (unit,), ())

    with Ledger(tmp_path / "l.db") as led:
        summary = scan_target(root, led, "two")
        plan_target(led, summary.target_id)
        result = translate_target(led, summary.target_id, "two", root, tmp_path / "crate",
                                  translator=translator)
        attempts = led.latest_attempts(summary.target_id)
        names = {u.id: u.name for u in led.units(summary.target_id)}
    assert (result.translated, result.failed) == (1, 1)
    by_name = {names[uid]: a for uid, a in attempts.items()}
    assert by_name["twice"].status == "translated"
    assert by_name["thrice"].status == "failed"
    assert "bad.c" in by_name["thrice"].reason and "boom" in by_name["thrice"].reason
    assert (tmp_path / "crate" / "src" / "good.rs").read_text().startswith("pub extern")
    assert not (tmp_path / "crate" / "src" / "bad.rs").exists()


def test_model_backends_need_a_model(cli, tmp_path: Path) -> None:
    result = cli("translate", REPO / "targets" / "kvstore.toml", "--backend", "llm",
                 "--ledger", tmp_path / "l.db")
    assert result.code == 1
    assert "needs a model" in result.stderr and "Traceback" not in result.stderr
    result = cli("translate", REPO / "targets" / "kvstore.toml", "--backend", "gpt",
                 "--ledger", tmp_path / "l.db")
    assert result.code == 1 and "not available" in result.stderr


def test_translate_needs_a_scan_first(cli, tmp_path: Path) -> None:
    other = write_tree(tmp_path / "other", {"a.c": "int f(void) { return 1; }\n"})
    ledger = tmp_path / "l.db"
    result = cli("translate", other, "--ledger", ledger)
    assert result.code == 1 and "run `refactor scan` first" in result.stderr
    assert cli("scan", REPO / "targets" / "kvstore.toml", "--ledger", ledger).code == 0
    result = cli("translate", other, "--ledger", ledger)
    assert result.code == 1 and "is not in the ledger" in result.stderr
