"""A repository's `compile_commands.json`: how each C file is really compiled.

The preprocessor must see what the build sees (include directories, defines); when the
repository has a compilation database (CMake's, Bear's, meson's), each file's own flags
are used, and the target's TOML settings fill in for files the database does not list.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import NamedTuple

LOCATIONS = ("compile_commands.json", "build/compile_commands.json")
_INCLUDE_FLAGS = ("-I", "-isystem", "-iquote", "-idirafter")


class Flags(NamedTuple):
    include_dirs: tuple[Path, ...]
    defines: tuple[str, ...]


class CompileCommands(NamedTuple):
    path: Path | None  # the database read, if any
    files: dict[Path, Flags]  # absolute, resolved source path -> its flags
    problem: str | None  # why the database could not be used


def load(root: Path) -> CompileCommands:
    """Read the compilation database at the root of the repository (or under build/)."""
    for name in LOCATIONS:
        path = root / name
        if path.is_file():
            break
    else:
        return CompileCommands(None, {}, None)
    try:
        entries = json.loads(path.read_text("utf-8"))
        if not isinstance(entries, list):
            raise ValueError("expected a list of entries")
        files = {}
        for entry in entries:
            directory = Path(entry["directory"])
            args = entry.get("arguments") or shlex.split(entry["command"])
            source = (directory / entry["file"]).resolve()
            files[source] = parse_flags(args, directory)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return CompileCommands(path, {}, f"{path}: not a usable compilation database "
                               f"({exc}); the target's include_dirs and defines are used")
    return CompileCommands(path, files, None)


def parse_flags(args: list[str], directory: Path) -> Flags:
    """Include directories (relative to `directory`) and -D defines of one command."""
    includes: list[Path] = []
    defines: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        value: str | None = None
        for flag in (*_INCLUDE_FLAGS, "-D"):
            if arg == flag and i + 1 < len(args):
                value, i = args[i + 1], i + 1
            elif arg.startswith(flag) and len(arg) > len(flag):
                value = arg[len(flag):]
            else:
                continue
            if flag == "-D":
                defines.append(value)
            else:
                includes.append((directory / value).resolve())
            break
        i += 1
    return Flags(tuple(includes), tuple(defines))
