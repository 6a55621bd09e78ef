"""`refactor translate-file FILE.c -o OUT.rs`: one C file to one self-contained Rust module."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from refactor.cli._common import abort, err_console


def translate_file(
    file: Annotated[Path, typer.Argument(help="The C source file to translate.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Where to write the Rust module.")],
    include: Annotated[list[Path] | None, typer.Option(
        "-I", "--include", help="Include directory for the preprocessor; repeatable.")] = None,
    define: Annotated[list[str] | None, typer.Option(
        "-D", "--define", help="NAME or NAME=VALUE for the preprocessor; repeatable.")] = None,
) -> None:
    """Translate FILE.c with the offline rules backend; untranslatable functions are listed
    on stderr with the reason and left out of the module."""
    from refactor.translate.c import translate_file as translate

    if not file.exists():
        abort(f"{file}: no such file; pass the path of a C source file")
    if not file.is_file():
        abort(f"{file}: not a regular file; pass the path of a C source file")
    result = translate(file, include or [], define or [])
    if result.problems:
        abort("; ".join(result.problems))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(result.rust, encoding="utf-8")
    except OSError as exc:
        abort(f"{out}: cannot write the module ({exc.strerror}); choose another -o path")
    functions = [u for u in result.units if u.kind == "function"]
    done = sum(u.status == "translated" for u in functions)
    for u in result.units:
        if u.status == "skipped":
            err_console.print(f"skipped {u.kind} {u.name} ({file}:{u.start_line}): {u.reason}",
                              highlight=False, soft_wrap=True)
    err_console.print(f"wrote {out}: {done}/{len(functions)} functions translated",
                      highlight=False)
