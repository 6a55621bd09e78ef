"""Each construct family's C case translates to its snapshot, and the module compiles.

Regenerate the snapshots after an intended change with
`REFACTOR_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/translate/test_snapshots.py`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from refactor.translate.c import translate_file
from tests.translate.rustc import compile_module, needs_rustc

HERE = Path(__file__).parent
CASES = sorted((HERE / "cases").glob("*.c"))
UPDATE = os.environ.get("REFACTOR_UPDATE_SNAPSHOTS", "") not in ("", "0")


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("rust-cases")


def test_every_family_has_a_case() -> None:
    families = {"literals", "operators", "conversions", "pointers", "arrays", "structs",
                "decls", "statements", "functions", "strings"}
    assert families <= {c.stem for c in CASES}


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_case_matches_snapshot(case: Path) -> None:
    result = translate_file(case)
    assert result.problems == ()
    skipped = [(u.name, u.reason) for u in result.units if u.status == "skipped"]
    assert skipped == []
    snapshot = HERE / "snapshots" / f"{case.stem}.rs"
    if UPDATE or not snapshot.exists():
        snapshot.write_text(result.rust, encoding="utf-8")
    assert result.rust == snapshot.read_text(encoding="utf-8"), (
        f"{case.name} no longer matches {snapshot}; if the change is intended, rerun with "
        "REFACTOR_UPDATE_SNAPSHOTS=1")


@needs_rustc
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_snapshot_compiles(case: Path, build_dir: Path) -> None:
    snapshot = HERE / "snapshots" / f"{case.stem}.rs"
    if not snapshot.exists():
        snapshot.write_text(translate_file(case).rust, encoding="utf-8")
    errors = compile_module(snapshot, build_dir)
    assert errors == "", errors


def test_units_report_lines_and_safety() -> None:
    result = translate_file(HERE / "cases" / "operators.c")
    units = {u.name: u for u in result.units}
    uadd = units["op_uadd"]
    assert (uadd.kind, uadd.start_line, uadd.end_line, uadd.status) == (
        "function", 5, 5, "translated")
    # no raw pointer, no static: a safe function, no unsafe lines
    assert 'pub extern "C" fn op_uadd(' in uadd.rust and uadd.unsafe_lines == 0
    assert "wrapping_add" in uadd.rust
    # reads and writes a `static mut`: unsafe, and every body line counts
    short = units["op_short_circuit"]
    assert "unsafe extern" in short.rust and short.unsafe_lines > 0
    assert short.unsafe_lines == len(short.rust.splitlines()) - 3


def test_macros_and_types_are_units() -> None:
    result = translate_file(HERE / "cases" / "literals.c")
    macros = {u.name: u for u in result.units if u.kind == "macro"}
    assert macros["ANSWER"].rust == "pub const ANSWER: i32 = 42i32;"
    assert macros["BIG"].rust == "pub const BIG: u32 = 4000000000u32;"
    assert macros["GREETING"].rust.startswith("pub const GREETING: &[u8; 10] = b\"hi\\x09there")
    structs = translate_file(HERE / "cases" / "structs.c")
    kinds = {(u.kind, u.name) for u in structs.units}
    assert {("type", "struct point"), ("type", "shape"), ("type", "union pun"),
            ("type", "enum color"), ("type", "node")} <= kinds
    shape = next(u for u in structs.units if u.name == "shape")
    assert "#[repr(C)]\npub struct shape {" in shape.rust
    assert "pub union shape_u {" in shape.rust


def test_evident_pointer_uses_are_lifted_to_a_safe_inner_function() -> None:
    arrays = {u.name: u for u in translate_file(HERE / "cases" / "arrays.c").units}
    fill = arrays["arr_fill"]
    # buf is only indexed and followed by its length: a slice behind the C shim
    assert "fn arr_fill_safe(mut buf: &mut [u8], mut n: u64, mut v: u8)" in fill.rust
    assert "::std::slice::from_raw_parts_mut(buf, n as usize)" in fill.rust
    assert fill.unsafe_lines == 0
    inner = fill.rust.split("fn arr_fill_safe", 1)[1]
    assert "unsafe" not in inner
    pointers = {u.name: u for u in translate_file(HERE / "cases" / "pointers.c").units}
    div = pointers["ptr_div_out"]
    assert "mut quot: Option<&mut i32>" in div.rust and div.unsafe_lines == 0
    # p is stepped with ++: no evident slice, stays a raw pointer in an unsafe fn
    assert "fn ptr_sum_safe" not in pointers["ptr_sum"].rust
    assert pointers["ptr_sum"].unsafe_lines > 0
    # two lifted parameters, one mutable, could alias: not lifted
    assert "fn ptr_swap_safe" not in pointers["ptr_swap"].rust
