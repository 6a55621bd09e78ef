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
        "static int never_used(int x) { return x; }\n"
        "static const unsigned char squares[4] = { 0, 1, 4, 9 };\n"
        "static int unused_table[2] = { 1, 2 };\n")
    src = tmp_path / "user.c"
    src.write_text('#include "util.h"\n'
                   "#define SHIFT (LIMIT >> 4)\n"
                   "int to_byte(int v) { return clamp_byte(v) >> SHIFT; }\n"
                   "int in_range(const struct range *r, int v)\n"
                   "{ return r->lo <= v && v <= r->hi; }\n"
                   "int square_of(int i) { return squares[i & 3]; }\n")
    return src


def test_header_helpers_and_types_come_along_but_are_not_units(tmp_path: Path) -> None:
    result = translate_file(_tree(tmp_path), [tmp_path / "inc"])
    assert [(u.kind, u.name, u.start_line) for u in result.units] == [
        ("function", "to_byte", 3), ("function", "in_range", 4),
        ("function", "square_of", 6), ("macro", "SHIFT", 2)]
    assert 'extern "C" fn clamp_byte(' in result.rust      # private helper
    assert 'extern "C" fn clamp(' in result.rust
    assert "never_used" not in result.rust                 # not called: not emitted
    # a header's static table belongs to this translation unit too (zlib's crc32.h)
    # ... and, const without pointers, it is immutable: reading it is safe
    assert "\nstatic squares: [u8; 4] = " in result.rust
    assert "unused_table" not in result.rust
    assert "pub struct range {" in result.rust             # a header type it needs
    assert "LIMIT" not in result.rust                      # header macros stay expanded
    units = {u.name: u for u in result.units}
    assert units["SHIFT"].rust == "pub const SHIFT: i32 = 15i32;"
    # clamp_byte and clamp are safe, so to_byte needs no unsafe at all
    assert 'pub extern "C" fn to_byte(' in units["to_byte"].rust
    assert units["to_byte"].unsafe_lines == 0
    assert 'pub extern "C" fn square_of(' in units["square_of"].rust


@needs_rustc
def test_module_with_helpers_compiles(tmp_path: Path) -> None:
    out = tmp_path / "user.rs"
    out.write_text(translate_file(_tree(tmp_path), [tmp_path / "inc"]).rust)
    assert compile_module(out, tmp_path) == ""


LIFTED_CALLS = (
    "static int total;\n"
    "static void bump(int *p) { *p += 1; total++; }\n"       # its safe body is unsafe
    "static void put(int *p, int v) { *p = v; }\n"
    "int via_bump(int *q) { bump(q); return *q; }\n"
    "int via_put(int *q) { put(q, 3); return *q; }\n"
    "#include <stddef.h>\n"
    "static int first(const int *v, size_t n) { return n > 0 ? v[0] : -1; }\n"
    "int halves(const int *v, size_t n) { n = n / 2; return first(v, n); }\n"
    "int whole(const int *v, size_t n) { return first(v, n); }\n")


@needs_rustc
def test_passing_a_lifted_parameter_on_needs_a_lifted_callee(tmp_path: Path) -> None:
    src = tmp_path / "calls.c"
    src.write_text(LIFTED_CALLS)
    result = translate_file(src)
    units = {u.name: u for u in result.units}
    # bump reads a `static mut`, so it keeps its raw version and via_bump calls that
    assert "bump_safe" not in result.rust and units["via_bump"].unsafe_lines > 0
    assert "put_safe(q.as_deref_mut(), 3i32)" in units["via_put"].rust
    assert units["via_put"].unsafe_lines == 0
    # a slice is passed on only with its own length, unmodified
    assert "first_safe" not in units["halves"].rust and units["halves"].unsafe_lines > 0
    assert "first_safe(v, n)" in units["whole"].rust and units["whole"].unsafe_lines == 0
    out = tmp_path / "calls.rs"
    out.write_text(result.rust)
    assert compile_module(out, tmp_path) == ""
