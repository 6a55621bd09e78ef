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
