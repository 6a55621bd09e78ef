"""Slice lifting: only where the code treats the length as the buffer's length."""

from __future__ import annotations

from pathlib import Path

from refactor.translate.c import translate_file

SOURCE = """\
#include <stddef.h>
void terminate(char *buf, size_t len) { buf[len] = 0; }
void pad(char *buf, size_t len) { buf[len + 1] = ' '; }
int total(const int *v, size_t n) { int s = 0; for (size_t i = 0; i < n; i++) s += v[i]; return s; }
"""


def test_a_buffer_indexed_at_its_length_stays_a_raw_pointer(tmp_path: Path) -> None:
    source = tmp_path / "lift.c"
    source.write_text(SOURCE)
    result = translate_file(source)
    units = {u.name: u for u in result.units}
    assert all(u.status == "translated" for u in units.values())
    # buf[len] writes past `len` elements: a slice of `len` would panic where C works
    assert "fn terminate_safe" not in result.rust and "fn pad_safe" not in result.rust
    assert units["terminate"].unsafe_lines > 0 and units["pad"].unsafe_lines > 0
    # indexed below `n` only: lifted to a slice, no unsafe outside the shim
    assert "fn total_safe(mut v: &[i32]" in result.rust
    assert units["total"].unsafe_lines == 0


GUARDED = """\
#include <stddef.h>
int last(const int *v, size_t n) { return n ? v[n - 1] : -1; }
int second(const int *v, size_t n) { if (n > 1) return v[1]; return -1; }
int second_unguarded(const int *v, size_t n) { if (n > 0) return v[1]; return -1; }
int shadowed(const int *v, size_t n) {
    int s = 0;
    for (size_t i = 0; i < n; i++) { size_t i = 5; s += v[i]; }
    return s;
}
int shrinking(const int *v, size_t n) { int s = 0; n = n + 1;
    for (size_t i = 0; i < n; i++) s += v[i]; return s; }
"""


def test_only_evidently_bounded_indices_lift(tmp_path: Path) -> None:
    source = tmp_path / "guarded.c"
    source.write_text(GUARDED)
    result = translate_file(source)
    assert {u.name for u in result.units if u.status == "translated"} >= {
        "last", "second", "second_unguarded", "shadowed", "shrinking"}
    assert "fn last_safe(" in result.rust and "fn second_safe(" in result.rust
    # v[1] when only n > 0 is known, an index the loop does not control, a length that
    # changes: each stays a raw pointer
    for name in ("second_unguarded", "shadowed", "shrinking"):
        assert f"fn {name}_safe(" not in result.rust, name
