"""Baseline for the scan benchmark: a bare, single-process tree-sitter parse.

Walks a directory, reads every ``.c`` and ``.h`` file (symlinks skipped) and
hands the bytes to ``parser.parse`` - nothing else: no queries, no tree walk,
no hashing, no output per file.  Whatever the real scanner costs on top of
this is its own overhead.

Usage::

    python -m bench.baseline_parse [ROOT]   # default ROOT: the cached Linux tree
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TypedDict

import tree_sitter
import tree_sitter_c

__all__ = ["ParseStats", "bare_parse", "main"]

SUFFIXES = (".c", ".h")


class ParseStats(TypedDict):
    files: int
    bytes: int
    seconds: float


def bare_parse(root: Path) -> ParseStats:
    """Parse every ``.c``/``.h`` file under ``root``; return counts and wall seconds.

    The wall time covers the walk, the reads and the parses (parser creation
    excluded).  Symlinked files and directories are not followed.
    """
    parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_c.language()))
    files = 0
    total = 0
    start = time.perf_counter()
    for dirpath, _dirnames, filenames in os.walk(root, followlinks=False):
        for filename in filenames:
            if not filename.endswith(SUFFIXES):
                continue
            path = os.path.join(dirpath, filename)
            if os.path.islink(path):
                continue
            with open(path, "rb") as fh:
                data = fh.read()
            parser.parse(data)
            files += 1
            total += len(data)
    seconds = time.perf_counter() - start
    return {"files": files, "bytes": total, "seconds": seconds}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m bench.baseline_parse",
        description="Bare single-process tree-sitter parse of all .c/.h files.",
    )
    ap.add_argument(
        "root",
        nargs="?",
        type=Path,
        help="directory to parse (default: the cached Linux kernel tree, fetched if needed)",
    )
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)

    root: Path = args.root
    if root is None:
        from bench.corpus import fetch_linux_source

        root = fetch_linux_source()
    if not root.is_dir():
        ap.error(f"not a directory: {root}")

    stats = bare_parse(root)
    if args.json:
        print(json.dumps({"root": str(root), **stats}))
    else:
        print(f"root:    {root}")
        print(f"files:   {stats['files']}")
        print(f"bytes:   {stats['bytes']}")
        print(f"seconds: {stats['seconds']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
