"""Prompt rendering: every task renders with sample values, versions follow the templates."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest

from refactor.translate.llm.context import UnitContext, UnitRef, build_context
from refactor.translate.llm.prompts import (
    PromptSet,
    default_directory,
    estimate_tokens,
    render,
)

RUST_ADD = """#[no_mangle]
pub extern "C" fn add(a: i32, b: i32) -> i32 {
    add_safe(a, b)
}

fn add_safe(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}
"""
RUST_POINT = """#[derive(Copy, Clone)]
#[repr(C)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}
"""


def _function(draft: str | None = None) -> UnitContext:
    return build_context(
        UnitRef("src/geo.c", "function", "norm1", 10, 12),
        "int norm1(struct Point *p) {\n    return add(ABS(p->x), ABS(p->y));\n}",
        macros={"ABS": "#define ABS(v) ((v) < 0 ? -(v) : (v))"},
        preprocessed="int norm1(struct Point *p) {\n    return add(((p->x) < 0 ? -(p->x) "
                     ": (p->x)), ((p->y) < 0 ? -(p->y) : (p->y)));\n}",
        callees={"add": RUST_ADD}, types={"Point": RUST_POINT},
        globals_={"calls": "static int calls = 0;"}, draft=draft,
        shim_signature='pub unsafe extern "C" fn norm1(p: *mut Point) -> i32')


def _user(task: str, **values: object) -> str:
    rendered = render(task, **values)
    assert [m.role for m in rendered.messages] == ["system", "user"]
    assert rendered.template == task
    assert len(rendered.version) == 12
    assert rendered.tokens_estimate == sum(estimate_tokens(m.content) for m in rendered.messages)
    assert "exactly one fenced code block" in rendered.messages[0].content
    return rendered.messages[1].content


def test_translate_c_function_shows_the_unit_its_context_and_the_rules() -> None:
    user = _user("translate_c_function", unit=_function())
    assert "Translate the C function `norm1`" in user
    assert "from src/geo.c, lines 10-12" in user
    assert "return add(ABS(p->x), ABS(p->y));" in user
    assert "#define ABS(v)" in user
    assert "after the preprocessor" in user
    assert 'pub extern "C" fn add(a: i32, b: i32) -> i32;' in user
    assert "pub struct Point {" in user and "#[repr(C)]" in user
    assert "static int calls;" in user
    assert 'pub unsafe extern "C" fn norm1(p: *mut Point) -> i32' in user
    assert "fn norm1_safe" in user
    assert "must not use std::fs" in user
    assert "deterministic translator" not in user  # no draft outside hybrid mode


def test_hybrid_puts_the_rules_draft_in_a_rust_block() -> None:
    draft = 'pub unsafe extern "C" fn norm1(p: *mut Point) -> i32 { 0 }'
    user = _user("translate_c_function", unit=_function(draft))
    assert f"```rust\n{draft}\n```" in user
    assert "deterministic translator" in user


def test_translate_c_type_keeps_the_layout() -> None:
    unit = build_context(UnitRef("src/geo.h", "type", "Point", 1, 4),
                         "struct Point { int x; int y; };")
    user = _user("translate_c_type", unit=unit)
    assert "Translate the C type `Point`" in user
    assert "#[repr(C)]" in user
    assert "struct Point { int x; int y; };" in user
    assert "norm1" not in user and "_safe" not in user


def test_translate_cobol_program_describes_the_rust_shape() -> None:
    unit = build_context(UnitRef("src/payrun.cbl", "program", "PAYRUN", 1, 40, "cobol"),
                         "IDENTIFICATION DIVISION.\nPROGRAM-ID. PAYRUN.",
                         copybooks={"EMPREC": "01 EMP-REC.\n   05 EMP-ID PIC 9(6)."})
    user = _user("translate_cobol_program", unit=unit)
    assert "```cobol\nIDENTIFICATION DIVISION." in user
    assert "the `main.rs` of one Rust binary" in user and "never floating point" in user
    assert "mod cobol_rt;" in user and "run in place of" not in user  # no draft: plain std ok
    assert "`std::process::exit` is allowed" in user and "no std::fs" in user
    assert "COPY books it includes:\n```cobol\n01 EMP-REC.\n   05 EMP-ID PIC 9(6).\n```" in user
    assert "extern \"C\"" not in user


def test_repair_compile_lists_the_diagnostics() -> None:
    user = _user("repair_compile", unit=_function(), rust=RUST_ADD,
                 diagnostics=["error[E0308]: mismatched types\n --> src/geo.rs:3:5\n",
                              "error: aborting"])
    assert "2 messages" in user
    assert "```text\nerror[E0308]: mismatched types\n --> src/geo.rs:3:5\n```" in user
    assert f"```rust\n{RUST_ADD}" in user


def test_repair_counterexample_shows_inputs_and_both_results() -> None:
    user = _user("repair_counterexample", unit=_function(), rust=RUST_ADD,
                 inputs={"p": "&Point { x: -2147483648, y: 1 }"},
                 c_result="-2147483647", rust_result="panic: attempt to negate with overflow")
    assert "- `p` = &Point { x: -2147483648, y: 1 }" in user
    assert "- original result: -2147483647" in user
    assert "- your result: panic: attempt to negate with overflow" in user


def test_a_missing_value_is_an_error_naming_it() -> None:
    with pytest.raises(jinja2.UndefinedError, match="diagnostics"):
        render("repair_compile", unit=_function(), rust=RUST_ADD)
    with pytest.raises(jinja2.UndefinedError, match="unit"):
        render("translate_c_function")


def test_unknown_tasks_and_partials_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown prompt task 'translate_java'"):
        render("translate_java", unit=_function())
    with pytest.raises(ValueError, match="unknown prompt task '_context'"):
        render("_context", unit=_function())


def test_tasks_and_used_templates() -> None:
    prompts = PromptSet(default_directory())
    assert prompts.tasks() == ["repair_compile", "repair_counterexample",
                               "translate_c_function", "translate_c_type",
                               "translate_cobol_program"]
    assert prompts.used_templates("translate_c_function") == {
        "translate_c_function.j2", "system.j2", "_answer_format.j2", "_context.j2",
        "_constraints.j2"}


def _copy(tmp_path: Path) -> PromptSet:
    target = tmp_path / "prompts"
    shutil.copytree(default_directory(), target)
    return PromptSet(target)


def test_version_changes_when_a_partial_changes(tmp_path: Path) -> None:
    prompts = _copy(tmp_path)
    before = {task: prompts.version(task) for task in prompts.tasks()}
    assert before["translate_c_function"] == render("translate_c_function",
                                                    unit=_function()).version
    assert len(set(before.values())) == len(before)  # each task has its own version
    constraints = prompts.directory / "_constraints.j2"
    constraints.write_text(constraints.read_text() + "- One more rule.\n")
    after = {task: prompts.version(task) for task in prompts.tasks()}
    assert all(after[task] != before[task] for task in before)
    rendered = prompts.render("translate_c_type", unit=_function())
    assert "- One more rule." in rendered.messages[1].content


def test_version_ignores_templates_the_task_does_not_use(tmp_path: Path) -> None:
    prompts = _copy(tmp_path)
    before = prompts.version("translate_c_type")
    (prompts.directory / "repair_compile.j2").write_text("changed {{ unit.name }}")
    (prompts.directory / "_unused.j2").write_text("nobody includes me")
    assert prompts.version("translate_c_type") == before
    assert prompts.version("repair_compile") != before


def test_a_directory_without_templates_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"no system\.j2 in prompt directory"):
        PromptSet(tmp_path)
