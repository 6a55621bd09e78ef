"""Context assembly: signatures extracted from Rust, budget dropping in a fixed order."""

from __future__ import annotations

from refactor.translate.llm.context import (
    DROP_ORDER,
    UnitRef,
    build_context,
    fit_budget,
    rust_fn_signature,
    rust_type_definition,
)

MODULE = """use std::ffi::c_void;

#[no_mangle]
pub unsafe extern "C" fn sum(p: *mut P) -> i32 {
    sum_safe(p.as_mut())
}

fn sum_safe(p: Option<&mut P>) -> i32 {
    0
}

#[derive(Copy, Clone)]
#[repr(C)]
pub struct P {
    pub x: i32,
    pub y: i32,
}

impl P {
    fn area(&self) -> i32 { self.x * self.y }
}

pub type Handle = *mut P;

extern "C" {
    pub fn strlen(s: *const i8) -> u64;
}
"""
UNIT = UnitRef("src/p.c", "function", "use_p", 20, 22)
SOURCE = "int use_p(struct P *p) { return sum(p) + strlen(NAME); }"


def test_function_signatures_prefer_the_extern_c_function() -> None:
    assert rust_fn_signature(MODULE, "sum") == 'pub unsafe extern "C" fn sum(p: *mut P) -> i32;'
    assert rust_fn_signature(MODULE, "sum_safe") == "fn sum_safe(p: Option<&mut P>) -> i32;"
    assert rust_fn_signature(MODULE, "strlen") == "pub fn strlen(s: *const i8) -> u64;"
    assert rust_fn_signature(MODULE, "missing") is None


def test_type_definitions_keep_their_attributes_and_leave_impls_out() -> None:
    struct = rust_type_definition(MODULE, "P")
    assert struct is not None
    assert struct.startswith("#[derive(Copy, Clone)]\n#[repr(C)]\npub struct P {")
    assert struct.endswith("pub y: i32,\n}")
    assert "area" not in struct
    assert rust_type_definition(MODULE, "Handle") == "pub type Handle = *mut P;"
    assert rust_type_definition(MODULE, "sum") is None


def _full(**extra: object) -> dict[str, object]:
    values: dict[str, object] = {
        "macros": {"NAME": '#define NAME "p"'},
        "preprocessed": 'int use_p(struct P *p) { return sum(p) + strlen("p"); }',
        "callees": {"sum": MODULE, "strlen": MODULE},
        "types": {"P": MODULE, "Handle": MODULE},
        "globals_": {"g_count": "pub static mut g_count: [u64; 4] = [0; 4];"},
    }
    values.update(extra)
    return values


def test_build_context_assembles_everything_within_an_ample_budget() -> None:
    context = build_context(UNIT, SOURCE, budget_tokens=10_000, c_facilities=["fopen", "fopen"],
                            **_full())  # type: ignore[arg-type]
    assert context.fits and context.dropped == ()
    assert [c.name for c in context.callees] == ["sum", "strlen"]
    assert [t.name for t in context.types] == ["P", "Handle"]
    assert context.globals[0].text == "pub static mut g_count: [u64; 4];"
    assert context.preprocessed is not None
    assert context.constraints.c_facilities == ("fopen",)


def test_the_preprocessed_form_is_kept_only_when_it_differs() -> None:
    context = build_context(UNIT, SOURCE, preprocessed="int use_p(struct P *p)  {\n return "
                            "sum(p) + strlen(NAME); }")
    assert context.preprocessed is None


def test_the_shim_signature_comes_from_the_draft() -> None:
    draft = '#[no_mangle]\npub extern "C" fn use_p(p: *mut P) -> i32 { use_p_safe(p) }'
    context = build_context(UNIT, SOURCE, draft=draft)
    assert context.constraints.shim_signature == 'pub extern "C" fn use_p(p: *mut P) -> i32;'
    assert context.draft == draft


def test_callees_without_a_signature_are_recorded() -> None:
    context = build_context(UNIT, SOURCE, callees={"ghost": "fn other() {}"})
    assert context.callees == ()
    assert context.dropped == ("callee ghost (no `fn ghost` in its Rust)",)


def test_dropping_follows_the_fixed_order_and_never_touches_the_unit() -> None:
    full = build_context(UNIT, SOURCE, **_full())  # type: ignore[arg-type]
    assert DROP_ORDER == ("preprocessed", "types", "callees", "globals", "macros", "copybooks")
    steps = []
    for budget in range(full.tokens_estimate(), 0, -1):
        fitted = fit_budget(full, budget)
        if not steps or fitted.dropped != steps[-1]:
            steps.append(fitted.dropped)
        assert fitted.source == SOURCE
    assert steps[-1] == ("preprocessed", "type Handle", "type P", "callee strlen",
                         "callee sum", "global g_count", "macro NAME")
    assert [s[-1] for s in steps[1:]] == list(steps[-1])  # one item more at each step


def test_a_small_overrun_drops_only_the_preprocessed_form() -> None:
    full = build_context(UNIT, SOURCE, **_full())  # type: ignore[arg-type]
    fitted = fit_budget(full, full.tokens_estimate() - 1)
    assert fitted.dropped == ("preprocessed",) and fitted.fits
    assert fitted.types == full.types and fitted.callees == full.callees


def test_a_unit_larger_than_the_budget_is_kept_and_flagged() -> None:
    draft = 'pub extern "C" fn use_p() -> i32 { 0 }'
    fitted = build_context(UNIT, SOURCE * 20, draft=draft, budget_tokens=10,
                           **_full())  # type: ignore[arg-type]
    assert not fitted.fits
    assert fitted.source == SOURCE * 20 and fitted.draft == draft
    assert fitted.types == fitted.callees == fitted.globals == fitted.macros == ()
    assert fitted.preprocessed is None
