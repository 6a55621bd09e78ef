"""The `builds` level: real cargo on small crates, units taken out until the crate builds."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from refactor.ledger import Ledger
from refactor.verify import builds
from refactor.verify.builds import UnitCode, build_crate
from refactor.verify.fallback import replacement
from tests.conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("cargo") is None, reason="needs cargo")

CARGO_TOML = """\
[package]
name = "{name}"
version = "0.1.0"
edition = "2021"
publish = false

[lib]
path = "src/lib.rs"
crate-type = ["staticlib", "cdylib", "rlib"]

[dependencies]

[workspace]
"""
PREAMBLE = "#![allow(dead_code, unused)]\nuse std::ffi::c_void;\n\n"


def make_crate(root: Path, modules: dict[str, tuple[str, dict[str, str]]],
               name: str = "demo") -> dict[str, UnitCode]:
    """Write a crate; modules maps module -> (preamble, {unit name: Rust}). Returns the
    units by name, numbered in order."""
    (root / "src").mkdir(parents=True)
    (root / "Cargo.toml").write_text(CARGO_TOML.format(name=name))
    (root / "src" / "lib.rs").write_text("".join(f"pub mod {m};\n" for m in modules))
    units: dict[str, UnitCode] = {}
    for module, (preamble, items) in modules.items():
        texts = []
        for unit_name, rust in items.items():
            code = textwrap.dedent(rust).strip("\n")
            units[unit_name] = UnitCode(len(units) + 1, module, code)
            texts.append(code)
        (root / "src" / f"{module}.rs").write_text(preamble + "\n\n".join(texts) + "\n")
    return units


MIXED = {
    "helper": """
        fn helper(x: i32) -> i32 {
            let y: u8 = x;
            y as i32
        }""",
    "uses_helper": """
        pub fn uses_helper() -> i32 {
            helper(2) + 1
        }""",
    "broken": """
        #[no_mangle]
        pub unsafe extern "C" fn broken(
            mut p: *const i32, cb: Option<unsafe extern "C" fn(*const c_void) -> i32>,
        ) -> i32 {
            let s: &str = *p;
            0
        }""",
    "broken_safe": """
        #[no_mangle]
        pub extern "C" fn broken_safe(x: i32) -> i32 {
            x + "a"
        }""",
    "caller": """
        #[no_mangle]
        pub extern "C" fn caller() -> i32 {
            let a = unsafe { broken(std::ptr::null(), None) };
            a + broken_safe(1)
        }""",
    "sneaky": """
        pub fn sneaky() -> &'static str {
            include_str!("/etc/hostname")
        }""",
    "fine": """
        #[no_mangle]
        pub extern "C" fn fine(x: i32) -> i32 {
            return x + 1;
        }""",
}


def test_units_that_do_not_compile_are_taken_out_and_the_rest_builds(tmp_path: Path) -> None:
    crate = tmp_path / "demo"
    units = make_crate(crate, {"m": (PREAMBLE, MIXED),
                               "other": ("", {"twice": "pub fn twice(x: i32) -> i32 { 2 * x }"})})
    result = build_crate(crate, list(units.values()))
    by_name = {name: result.units[u.unit_id] for name, u in units.items()}
    assert result.ok, result.problems
    assert result.problems == []
    # helper has the type error; uses_helper only fails once helper is gone
    assert "E0308" in by_name["helper"].errors[0] and "let y: u8 = x" in by_name["helper"].errors[0]
    assert by_name["helper"].fallback == "removed"  # not exported: nothing to call instead
    assert len(by_name["uses_helper"].errors) == 1
    assert "E0425" in by_name["uses_helper"].errors[0]
    assert by_name["uses_helper"].fallback == "removed"
    # exported functions fall back to their C originals through extern declarations
    assert by_name["broken"].fallback == by_name["broken_safe"].fallback == "extern"
    assert "E0308" in by_name["broken"].errors[0]
    assert "E0277" in by_name["broken_safe"].errors[0]
    assert by_name["sneaky"].fallback == "removed"
    assert "include_str!" in by_name["sneaky"].errors[0]
    for name in ("caller", "fine", "twice"):  # the caller still builds thanks to the externs
        assert by_name[name].ok and by_name[name].errors == [] and by_name[name].fallback is None
    assert all(not b.ok for n, b in by_name.items() if n not in ("caller", "fine", "twice"))
    assert result.rounds == 3
    text = (crate / "src" / "m.rs").read_text()
    assert "pub fn broken(p: *const i32, cb: Option<unsafe extern \"C\" fn(*const c_void)" in text
    assert "pub safe fn broken_safe(x: i32) -> i32;" in text
    assert units["caller"].rust in text and units["fine"].rust in text
    assert units["helper"].rust not in text and "include_str" not in text
    assert result.staticlib == crate / "target" / "debug" / "libdemo.a"
    assert result.cdylib == crate / "target" / "debug" / "libdemo.so"
    assert result.staticlib.is_file() and result.cdylib.is_file()
    # clippy: the needless return lands on `fine`, and only there
    assert any("needless_return" in w or "unneeded `return`" in w
               for w in by_name["fine"].warnings)
    assert not any("return" in w for n, b in by_name.items() if n != "fine" for w in b.warnings)
    assert sum("cargo build" in c for c in result.commands) == 3
    assert any("cargo clippy" in c for c in result.commands)
    assert result.isolation in ("bwrap", "rlimits")


def test_an_error_in_a_module_preamble_takes_out_that_module(tmp_path: Path) -> None:
    crate = tmp_path / "pre"
    units = make_crate(crate, {
        "bad": ("use std::no_such_module::Thing;\n\n",
                {"one": "pub fn one() -> i32 { 1 }", "two": "pub fn two() -> i32 { 2 }"}),
        "good": ("", {"three": "pub fn three() -> i32 { 3 }"}),
    }, name="pre")
    result = build_crate(crate, list(units.values()), clippy=False)
    assert result.ok
    assert len(result.problems) == 1
    assert "src/bad.rs line 1" in result.problems[0] and "module bad" in result.problems[0]
    for name in ("one", "two"):
        unit = result.units[units[name].unit_id]
        assert not unit.ok and unit.fallback == "removed"
        assert "taken out with module bad" in unit.errors[0]
    assert result.units[units["three"].unit_id].ok
    assert "taken out" in (crate / "src" / "bad.rs").read_text()
    assert not any("clippy" in c for c in result.commands)


def test_an_error_no_unit_can_answer_for_fails_the_crate(tmp_path: Path) -> None:
    crate = tmp_path / "lib"
    units = make_crate(crate, {"m": ("", {"one": "pub fn one() -> i32 { 1 }"})}, name="lib")
    lib = crate / "src" / "lib.rs"
    lib.write_text(lib.read_text() + "pub fn oops() -> i32 { \"no\" }\n")
    result = build_crate(crate, list(units.values()))
    assert not result.ok and result.rounds == 1
    assert result.staticlib is None and result.cdylib is None
    assert any("src/lib.rs line 2" in p and "mismatched types" in p for p in result.problems)
    assert not result.units[units["one"].unit_id].ok


def test_rounds_are_bounded(tmp_path: Path) -> None:
    crate = tmp_path / "bounded"
    units = make_crate(crate, {"m": ("", {"a": "fn a() -> i32 { \"x\" }",
                                          "b": "fn b() -> i32 { a() }"})}, name="bounded")
    result = build_crate(crate, list(units.values()), max_rounds=1)
    assert not result.ok and result.rounds == 1
    assert any("still failing after 1 rounds" in p for p in result.problems)
    assert "E0308" in result.units[units["a"].unit_id].errors[0]


def test_without_clippy_the_build_still_counts(tmp_path: Path, monkeypatch) -> None:
    real_run = builds.run

    def no_clippy(argv, *args, **kwargs):
        if argv[1] == "clippy":
            argv = ["cargo", "clippy-is-not-installed-here"]
        return real_run(argv, *args, **kwargs)

    monkeypatch.setattr(builds, "run", no_clippy)
    crate = tmp_path / "noclippy"
    units = make_crate(crate, {"m": ("", {"one": "pub fn one() -> i32 { return 1; }"})},
                       name="noclippy")
    result = build_crate(crate, list(units.values()))
    assert result.ok and result.units[units["one"].unit_id].ok
    assert len(result.problems) == 1 and result.problems[0].startswith("clippy not available")
    assert "no such command" in result.problems[0]


def test_extern_declarations_keep_the_signature() -> None:
    rust = textwrap.dedent("""
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn f(mut a: *mut [i8; 4], _: u32,
            cb: Option<unsafe extern "C" fn(i32, *const u8) -> i32>, (x, y): (i32, i32)) {
        }""")
    assert replacement(rust, 7) == (
        "// unit 7 did not build: the C original is called instead.\n"
        'unsafe extern "C" {\n'
        "    pub fn f(a: *mut [i8; 4], _: u32, cb: Option<unsafe extern \"C\" fn(i32, "
        "*const u8) -> i32>, a3: (i32, i32));\n}")
    assert replacement("fn g(x: i32) -> i32 { x }", 1) is None
    assert replacement('unsafe extern "C" fn h() {}', 1) is None  # a C static function


def test_the_kvstore_translation_builds_with_every_unit(cli, tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.db"
    assert cli("scan", REPO / "targets" / "kvstore.toml", "--ledger", ledger).code == 0
    translated = cli("translate", REPO / "targets" / "kvstore.toml", "--ledger", ledger)
    assert translated.code == 0, translated.stderr
    with Ledger(ledger) as led:
        (tid, *_), = led.targets()
        attempts = led.latest_attempts(tid)
    units = [UnitCode(uid, a.module, a.rust) for uid, a in attempts.items()
             if a.status == "translated" and a.module]
    assert len(units) >= 60
    result = build_crate(tmp_path / "rust" / "kvstore", units)
    assert result.ok and result.rounds == 1, result.problems
    assert all(b.ok and not b.errors for b in result.units.values())
    assert set(result.units) == {u.unit_id for u in units}
    assert result.staticlib is not None and result.staticlib.name == "libkvstore.a"
    assert result.cdylib is not None and result.cdylib.is_file()


def test_a_build_over_its_time_limit_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    crate = tmp_path / "slow"
    units = make_crate(crate, {"m": ("", {"one": "pub fn one() -> i32 { 1 }"})}, name="slow")
    result = build_crate(crate, list(units.values()), limits=builds.Limits(seconds=0.05))
    assert not result.ok and not result.units[units["one"].unit_id].ok
    assert any("timed out after 0.05 s" in p for p in result.problems)
