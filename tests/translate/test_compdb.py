"""compile_commands.json: each file is preprocessed with the flags its build uses."""

from __future__ import annotations

import json
from pathlib import Path

from refactor.ledger import Ledger
from refactor.plan import plan_target
from refactor.scan import scan_target
from refactor.translate import compdb
from refactor.translate.pipeline import translate_target
from tests.conftest import write_tree

SOURCE = '#include "scale.h"\nint scaled(int x) { return x * SCALE + OFFSET; }\n'


def _translate(root: Path, tmp_path: Path) -> tuple[dict[str, str], list[str]]:
    with Ledger(tmp_path / "l.db") as led:
        tid = scan_target(root, led, "t").target_id
        plan_target(led, tid)
        summary = translate_target(led, tid, "t", root, tmp_path / "crate")
        names = {u.id: u.name for u in led.units(tid)}
        return ({names[uid]: a.status for uid, a in led.latest_attempts(tid).items()},
                summary.problems)


def test_flags_from_the_compilation_database_reach_the_preprocessor(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "repo", {"src/a.c": SOURCE,
                                          "headers/scale.h": "#define OFFSET 1\n"})
    # paths relative to the build directory, as CMake writes them
    (root / "compile_commands.json").write_text(json.dumps([{
        "directory": str(root), "file": "src/a.c",
        "command": "cc -c -I headers -DSCALE=3 -o a.o src/a.c"}]))
    statuses, problems = _translate(root, tmp_path)
    assert statuses["scaled"] == "translated", problems
    code = (tmp_path / "crate" / "src" / "src_a.rs").read_text()
    assert "wrapping_mul(3i32)" in code  # SCALE from -DSCALE=3


def test_without_the_database_the_same_file_cannot_be_translated(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "repo", {"src/a.c": SOURCE,
                                          "headers/scale.h": "#define OFFSET 1\n"})
    statuses, _ = _translate(root, tmp_path)
    assert statuses["scaled"] in ("skipped", "failed")  # no scale.h, no SCALE


def test_a_broken_database_is_named_and_the_target_flags_are_used(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "repo", {"compile_commands.json": "{not json"})
    loaded = compdb.load(root)
    assert loaded.files == {} and "compile_commands.json" in (loaded.problem or "")


def test_flag_forms() -> None:
    flags = compdb.parse_flags(["cc", "-Iinc", "-I", "other", "-isystem", "/sys",
                                "-DA", "-D", "B=2", "-O2", "-c", "x.c"], Path("/b"))
    assert flags.include_dirs == (Path("/b/inc"), Path("/b/other"), Path("/sys"))
    assert flags.defines == ("A", "B=2")
