"""What the translator cannot handle skips that unit only, with the construct and line;
bad input never crashes; the `translate-file` command follows the DESIGN contract."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from refactor.cli import translate_file as translate_file_cmd
from refactor.translate.c import translate_file
from tests.translate.rustc import compile_module, needs_rustc

MIXED = textwrap.dedent("""\
    struct flags {
        unsigned ready : 1;
        unsigned mode : 3;
    };

    int bits(struct flags *f)
    {
        return f->mode;
    }

    int into_loop(int n)
    {
        if (n)
            goto mid;
    top:
        n++;
    mid:
        n++;
        if (n < 5)
            goto top;
        return n;
    }

    static int helper(struct flags *f) { return f->ready; }
    int uses_helper(struct flags *f) { return helper(f); }

    int fine(int a, int b)
    {
        return a > b ? a - b : b - a;
    }
    """)


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)
    return path


def test_unsupported_constructs_skip_only_their_function(tmp_path: Path) -> None:
    result = translate_file(write(tmp_path, "mixed.c", MIXED))
    units = {u.name: u for u in result.units}
    assert units["bits"].status == "skipped"
    assert units["bits"].reason == "unsupported: bit-field member mode at line 8"
    assert units["bits"].rust == ""
    # a jump into the middle of the loop that `goto top` forms
    assert units["into_loop"].reason is not None
    assert "goto mid at line 14" in units["into_loop"].reason
    assert units["uses_helper"].reason == (
        "unsupported: uses helper, which was not translated")
    assert units["fine"].status == "translated"
    assert "fn fine(" in result.rust and "fn bits(" not in result.rust


@needs_rustc
def test_module_with_skipped_functions_still_builds(tmp_path: Path) -> None:
    out = write(tmp_path, "mixed.rs", translate_file(write(tmp_path, "mixed.c", MIXED)).rust)
    assert compile_module(out, tmp_path) == ""


def test_preprocessor_failure_is_a_file_problem(tmp_path: Path) -> None:
    src = write(tmp_path, "broken.c", '#include "missing.h"\nint f(void) { return 1; }\n')
    result = translate_file(src)
    assert result.units == () and result.rust == ""
    assert len(result.problems) == 1
    assert str(src) in result.problems[0] and "missing.h" in result.problems[0]


def test_missing_file(tmp_path: Path) -> None:
    result = translate_file(tmp_path / "nope.c")
    assert result.problems == (f"{tmp_path / 'nope.c'}: no such file",)


@pytest.mark.parametrize("content", [
    b"int f(void) { return 1 +; }\nint g(void) { return 2; }\n",
    b"\xff\xfe garbage \x00\x01 int x = ;\n",
    b"int h(int x) { return x ? : 3; }\n",
    b"#define E ((\nint k(void) { return 4; }\n",
])
def test_bad_input_never_crashes(tmp_path: Path, content: bytes) -> None:
    result = translate_file(write(tmp_path, "bad.c", content))
    assert isinstance(result.rust, str)
    for unit in result.units:
        assert (unit.status == "translated") == (unit.reason is None)


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("translate-file")(translate_file_cmd.translate_file)
    app.command("other")(lambda: None)
    return app


def test_cli_writes_module_and_lists_skipped(tmp_path: Path) -> None:
    src = write(tmp_path, "mixed.c", MIXED)
    out = tmp_path / "out" / "mixed.rs"
    result = CliRunner().invoke(_app(), ["translate-file", str(src), "-o", str(out),
                                         "-I", str(tmp_path), "-D", "UNUSED=1"])
    assert result.exit_code == 0, result.output
    assert out.read_text() == translate_file(src, [tmp_path], ["UNUSED=1"]).rust
    assert "skipped function bits" in result.output
    assert "bit-field member mode at line 8" in result.output


def test_cli_missing_file_is_one_sentence(tmp_path: Path) -> None:
    from refactor.cli._common import Abort
    result = CliRunner().invoke(_app(), ["translate-file", str(tmp_path / "nope.c"),
                                         "-o", str(tmp_path / "x.rs")])
    assert isinstance(result.exception, Abort)
    assert str(result.exception) == (
        f"{tmp_path / 'nope.c'}: no such file; pass the path of a C source file")
    assert not (tmp_path / "x.rs").exists()


@needs_rustc
def test_rust_that_rustc_rejects_skips_that_unit(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from refactor.translate.c import functions

    real = functions.render_function

    def broken(result: functions.FunctionResult, is_unsafe: bool) -> str:
        text = real(result, is_unsafe)
        return text.replace("return", "return undefined_name +") if result.name == "ok1" \
            else text

    monkeypatch.setattr(functions, "render_function", broken)
    src = write(tmp_path, "two.c", "int ok1(int a) { return a + 1; }\n"
                                   "int ok2(int a) { return ok1(a) * 2; }\n")
    result = translate_file(src)
    units = {u.name: u for u in result.units}
    assert units["ok1"].status == "skipped"
    assert units["ok1"].reason is not None and "E0425" in units["ok1"].reason
    assert units["ok2"].status == "translated"
    assert "pub fn ok1(a0: i32) -> i32;" in result.rust      # now called through C
    out = write(tmp_path, "two.rs", result.rust)
    assert compile_module(out, tmp_path) == ""


def test_refactor_translate_file_command(cli, tmp_path: Path) -> None:
    """The real console entry point, as CI would call it."""
    src = write(tmp_path, "mixed.c", MIXED)
    out = tmp_path / "mixed.rs"
    result = cli("translate-file", src, "-o", out)
    assert result.code == 0, result.stderr
    assert out.read_text() == translate_file(src).rust
    assert "skipped function bits" in result.stderr
    missing = cli("translate-file", tmp_path / "none.c", "-o", out)
    assert missing.code == 1
    assert "none.c: no such file" in missing.stderr and "Traceback" not in missing.stderr


OLD_STYLE = textwrap.dedent("""\
    int narrow(c) char c; { return c; }
    int proto(int a, int b);
    int proto(a, b) long a; int b; { return (int)a + b; }
    static long wide(x) long x; { return x; }
    int short_arg(int v) { return (int)wide(v); }
    int long_arg(long v) { return (int)wide(v); }
    int implicit_int(a, b) int b; { return a - b; }
    """)


def test_old_style_definitions_only_where_promotions_are_exact(tmp_path: Path) -> None:
    units = {u.name: u for u in translate_file(write(tmp_path, "kr.c", OLD_STYLE)).units}
    reasons = {name: u.reason or "" for name, u in units.items()}
    # the caller passes an int, which the function would read as a char
    assert "old-style parameter c of narrow" in reasons["narrow"]
    assert "does not match its prototype" in reasons["proto"]
    # an int passed where the definition reads a long, with no prototype to convert it
    assert "without a prototype at line 5" in reasons["short_arg"]
    assert units["long_arg"].status == "translated"
    assert units["implicit_int"].status == "translated"


def test_statement_expression_with_a_value_is_skipped(tmp_path: Path) -> None:
    src = "int sq(int x) { return ({ int y = x; y + y; }); }\n" \
          "int ok(int x) { ({ if (x) x++; }); return x; }\n"
    units = {u.name: u for u in translate_file(write(tmp_path, "se.c", src)).units}
    assert units["sq"].reason == (
        "unsupported: statement expression with a value (GNU) at line 1")
    assert units["ok"].status == "translated"


def test_old_style_definition_returning_a_pointer(tmp_path: Path) -> None:
    src = ("int before = 1;\n"
           "char *pick(buf, len)\n"
           "    char *buf;\n"
           "    int len;\n"
           "{\n"
           "    return len > 0 ? buf : 0;\n"
           "}\n"
           "int after(int x) { return x; }\n"
           "char * const *pp(a) char * const *a; { return a; }\n")  # an ERROR node
    result = translate_file(write(tmp_path, "krp.c", src))
    units = [(u.kind, u.name, u.start_line, u.end_line, u.status) for u in result.units]
    # tree-sitter-c reads `char *buf;` and `int len;` as file-scope declarations unless
    # the return type's `*` is blanked out for the parse (and restored in the type)
    assert units == [("global", "before", 1, 1, "translated"),
                     ("function", "pick", 2, 7, "translated"),
                     ("function", "after", 8, 8, "translated"),
                     ("function", "pp", 9, 9, "translated")]
    assert "static mut buf" not in result.rust and "static mut len" not in result.rust
    assert "fn pick(mut buf: *mut i8, mut len: i32) -> *mut i8 {" in result.rust
    assert "fn pp(mut a: *const *mut i8) -> *const *mut i8 {" in result.rust
    assert "static mut a" not in result.rust


def test_misparsed_pieces_that_cannot_be_repaired_declare_nothing(tmp_path: Path) -> None:
    from refactor.scan.c._parser import parser
    from refactor.translate.c.toplevel import misparsed_old_style
    src = b"int g;\nchar *pick(buf, n) char *buf; int n; { return buf; }\n"
    root = parser().parse(src).root_node
    found = misparsed_old_style(root)
    assert sorted(found.values()) == ["pick", "pick", "pick"]    # head, n, body
    assert [n.type for n in root.named_children if n.id not in found] == ["declaration"]
