"""Run the C preprocessor and map preprocessed rows back to original files and lines.

The translator types the whole preprocessed translation unit (so `size_t`, `FILE` and the
prototypes of the C library resolve) but only emits units of the original file. gcc's
linemarkers (`# 12 "file.c" 2`) say where each preprocessed line came from; they are
blanked out of the text handed to tree-sitter because they can appear in the middle of an
expression (the expansion of `NULL`), where they would break the parse.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_MARKER = re.compile(rb'^#\s*(\d+)\s+"((?:[^"\\]|\\.)*)"(.*)$')
TIMEOUT_S = 60


class PreprocessError(Exception):
    """`cc -E` failed; the message names the file and the compiler's first error."""


@dataclass(frozen=True)
class Preprocessed:
    text: bytes                       # linemarkers replaced by empty lines
    origins: tuple[tuple[str, int], ...]   # row -> (file as gcc names it, line)
    main_file: str                    # how gcc names the original file

    def origin(self, row: int) -> tuple[str, int]:
        if 0 <= row < len(self.origins):
            return self.origins[row]
        return ("", 0)

    def in_main(self, row: int) -> bool:
        return self.origin(row)[0] == self.main_file


def compiler() -> str:
    for name in ("cc", "gcc", "clang"):
        if shutil.which(name):
            return name
    raise PreprocessError("no C compiler (cc, gcc or clang) on PATH; install gcc")


def preprocess(path: Path, include_dirs: Sequence[Path] = (),
               defines: Sequence[str] = ()) -> Preprocessed:
    cmd = [compiler(), "-E", "-std=gnu11"]
    cmd += [f"-I{d}" for d in include_dirs]
    cmd += [f"-D{d}" for d in defines]
    cmd.append(str(path))
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as exc:
        raise PreprocessError(f"{path}: cc -E timed out after {TIMEOUT_S} s") from exc
    if done.returncode != 0:
        first = next((ln for ln in done.stderr.decode(errors="replace").splitlines()
                      if "error" in ln), done.stderr.decode(errors="replace").strip())
        raise PreprocessError(f"{path}: cc -E failed: {first[:300]}; check the -I/-D flags")
    return split_markers(done.stdout, str(path))


def split_markers(raw: bytes, main_file: str) -> Preprocessed:
    rows = raw.split(b"\n")
    origins: list[tuple[str, int]] = []
    kept: list[bytes] = []
    current, line = main_file, 1
    for row in rows:
        m = _MARKER.match(row)
        if m:
            current = m.group(2).decode(errors="replace")
            line = int(m.group(1))
            origins.append((current, 0))
            kept.append(b"")
            continue
        origins.append((current, line))
        kept.append(row)
        line += 1
    return Preprocessed(b"\n".join(kept), tuple(origins), main_file)
