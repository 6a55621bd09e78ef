"""Real libraries as complete targets: source from the Debian corpus cache, with their own
build and their own test programs as workloads, so all three verification levels run.

    toml = zlib_target(work)   # work/zlib (a copy of the source) and work/zlib.toml

The workload inputs are generated here (deterministic text and bytes), never copied from
anywhere; the source is fetched by `bench/corpus.py` into the git-ignored cache.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from bench.corpus import fetch_debian_source

_WORDS = ("lines", "of", "code", "secured", "legacy", "memory", "safe", "rust", "unit",
          "ledger", "verify", "workload", "deflate", "inflate", "checksum", "window")

ZLIB_TOML = """\
name = "zlib"
language = "c"
source = "zlib"
description = "zlib (Debian source), its own build; example and minigzip as workloads"
include_dirs = ["."]
defines = ["Z_HAVE_UNISTD_H"]
exclude = {exclude}

[build]
commands = ["./configure --static", "make libz.a example minigzip"]
timeout = 600

[[workloads]]
name = "example"
command = ["./example"]
timeout = 120

[[workloads]]
name = "compress-text"
command = ["./minigzip", "-c", "inputs/text.txt"]
timeout = 120

[[workloads]]
name = "compress-binary-best"
command = ["./minigzip", "-9", "-c", "inputs/binary.bin"]
timeout = 120

[[workloads]]
name = "compress-huffman-only"
command = ["./minigzip", "-h", "-c", "inputs/text.txt"]
timeout = 120

[[workloads]]
name = "roundtrip-fast"
command = ["sh", "-c", "./minigzip -1 -c inputs/text.txt > t.gz && ./minigzip -d -c t.gz"]
timeout = 120

[[workloads]]
name = "decompress-corrupt"
command = ["sh", "-c",
           "./minigzip -c inputs/binary.bin | head -c 3000 > c.gz; ./minigzip -d -c c.gz"]
expected_status = 1
timeout = 120
"""

_ZLIB_EXCLUDE = ["contrib/**", "examples/**", "test/**", "amiga/**", "msdos/**",
                 "nintendods/**", "old/**", "os400/**", "qnx/**", "watcom/**", "win32/**",
                 "debian/**", "doc/**"]


def _inputs(directory: Path) -> None:
    rng = random.Random(20301231)
    directory.mkdir(parents=True, exist_ok=True)
    words = [rng.choice(_WORDS) for _ in range(40_000)]
    lines = [" ".join(words[i:i + 12]) for i in range(0, len(words), 12)]
    (directory / "text.txt").write_text("\n".join(lines) + "\n", "utf-8")
    # Compressible and incompressible stretches alternate.
    chunks = [bytes(rng.randrange(256) for _ in range(2048)) if i % 3 == 0
              else bytes([i % 251]) * 4096 for i in range(40)]
    (directory / "binary.bin").write_bytes(b"".join(chunks))


def zlib_target(work: Path) -> Path:
    """A copy of zlib's source under `work` with its target TOML; returns the TOML."""
    source = fetch_debian_source("zlib")
    dest = work / "zlib"
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(source, dest, symlinks=True)
    _inputs(dest / "inputs")
    toml = work / "zlib.toml"
    toml.write_text(ZLIB_TOML.format(exclude=repr(_ZLIB_EXCLUDE).replace("'", '"')), "utf-8")
    return toml


REAL_TARGETS = {"zlib": zlib_target}
