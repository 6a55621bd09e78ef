"""Module assembly: what a module takes from headers, and what it reports as units."""

from __future__ import annotations

from pathlib import Path

from refactor.translate.c import translate_file
from tests.translate.rustc import compile_module, needs_rustc


def _tree(tmp_path: Path) -> Path:
    (tmp_path / "inc").mkdir()
    (tmp_path / "inc" / "util.h").write_text(
        "#define LIMIT 255\n"
        "struct range { int lo; int hi; };\n"
        "static inline int clamp(int v, int lo, int hi)\n"
        "{ return v < lo ? lo : v > hi ? hi : v; }\n"
        "static inline int clamp_byte(int v) { return clamp(v, 0, LIMIT); }\n"
        "static int never_used(int x) { return x; }\n")
    src = tmp_path / "user.c"
    src.write_text('#include "util.h"\n'
                   "#define SHIFT (LIMIT >> 4)\n"
                   "int to_byte(int v) { return clamp_byte(v) >> SHIFT; }\n"
                   "int in_range(const struct range *r, int v)\n"
                   "{ return r->lo <= v && v <= r->hi; }\n")
    return src


def test_header_helpers_and_types_come_along_but_are_not_units(tmp_path: Path) -> None:
    result = translate_file(_tree(tmp_path), [tmp_path / "inc"])
    assert [(u.kind, u.name, u.start_line) for u in result.units] == [
        ("function", "to_byte", 3), ("function", "in_range", 4), ("macro", "SHIFT", 2)]
    assert 'extern "C" fn clamp_byte(' in result.rust      # private helper
    assert 'extern "C" fn clamp(' in result.rust
    assert "never_used" not in result.rust                 # not called: not emitted
    assert "pub struct range {" in result.rust             # a header type it needs
    assert "LIMIT" not in result.rust                      # header macros stay expanded
    units = {u.name: u for u in result.units}
    assert units["SHIFT"].rust == "pub const SHIFT: i32 = 15i32;"
    # clamp_byte and clamp are safe, so to_byte needs no unsafe at all
    assert 'pub extern "C" fn to_byte(' in units["to_byte"].rust
    assert units["to_byte"].unsafe_lines == 0


@needs_rustc
def test_module_with_helpers_compiles(tmp_path: Path) -> None:
    out = tmp_path / "user.rs"
    out.write_text(translate_file(_tree(tmp_path), [tmp_path / "inc"]).rust)
    assert compile_module(out, tmp_path) == ""
