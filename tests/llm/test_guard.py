"""Untrusted model output: reading the answer's Rust block, then screening it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from refactor.translate.c import translate_file
from refactor.translate.llm.answer import Answer, extract_rust
from refactor.translate.llm.guard import screen
from refactor.translate.llm.model import Rejection

SHIM = """#[no_mangle]
pub extern "C" fn scale(x: i32) -> i32 {
    scale_safe(x)
}

fn scale_safe(x: i32) -> i32 {
    x.wrapping_mul(2)
}
"""

# ---------------------------------------------------------------- answer extraction


def _rust(answer: str, name: str = "scale", kind: str = "function") -> str:
    result = extract_rust(answer, name, kind)
    assert isinstance(result, Answer), result
    return result.rust


def _refused(answer: str, name: str = "scale") -> Rejection:
    result = extract_rust(answer, name)
    assert isinstance(result, Rejection), result
    return result


@pytest.mark.parametrize("tag", ["rust", "rs", "", "Rust", "rust,ignore"])
def test_one_block_is_taken_whatever_its_rust_tag(tag: str) -> None:
    assert _rust(f"Here it is:\n```{tag}\n{SHIM}```\nDone.") == SHIM


def test_crlf_and_tilde_fences_are_read() -> None:
    answer = f"~~~rust\r\n{SHIM.replace(chr(10), chr(13) + chr(10))}~~~\r\n"
    assert _rust(answer) == SHIM


def test_blocks_in_other_languages_are_ignored() -> None:
    answer = f"```toml\n[dependencies]\nlibc = \"0.2\"\n```\n```rust\n{SHIM}```\n"
    assert _rust(answer) == SHIM


def test_of_several_blocks_the_one_defining_the_unit_is_taken() -> None:
    answer = f"```rust\nlet y = scale(2);\n```\nThe unit:\n```rust\n{SHIM}```\n"
    result = extract_rust(answer, "scale")
    assert isinstance(result, Answer) and result.rust == SHIM
    assert result.notes == ["2 rust blocks (lines 1, 5); took block 2, the one defining `scale`"]


def test_type_units_are_found_by_their_definition() -> None:
    answer = "```rust\nfn helper() {}\n```\n```rust\n#[repr(C)]\npub struct Point { x: i32 }\n```"
    assert _rust(answer, "Point", "type") == "#[repr(C)]\npub struct Point { x: i32 }\n"


def test_no_rust_block_is_rejected() -> None:
    rejection = _refused("I cannot do that.\n```c\nint x;\n```")
    assert rejection.reason == ("the answer for function `scale` has no ```rust code block "
                                "(found only c blocks); exactly one is expected")


def test_several_blocks_none_defining_the_unit_are_rejected() -> None:
    rejection = _refused("```rust\nfn a() {}\n```\n```rust\nfn b() {}\n```")
    assert "has 2 rust blocks (lines 1, 4) and none defines `extern \"C\" fn scale`" \
        in rejection.reason


def test_several_blocks_defining_the_unit_are_rejected() -> None:
    rejection = _refused(f"```rust\n{SHIM}```\nor\n```rust\n{SHIM}```")
    assert "has 2 rust blocks defining `extern \"C\" fn scale`" in rejection.reason


def test_a_truncated_answer_is_rejected() -> None:
    rejection = _refused("```rust\n#[no_mangle]\npub extern \"C\" fn scale(x: i32")
    assert "ends inside the ```rust block opened on line 1 (truncated?" in rejection.reason


# ---------------------------------------------------------------- screening

HOSTILE = {
    "build.rs": ("// build.rs\nfn main() { println!(\"cargo:rustc-link-lib=evil\"); }\n",
                 "line 1: a second file `build.rs`"),
    "dependency": ("[dependencies]\nlibc = \"0.2\"\n", "line 1: Cargo manifest section "
                   "`[dependencies]`"),
    "extern crate": ("extern crate libc;\n", "line 1: `extern crate libc`"),
    "use of a crate": ("use libc::c_int;\n", "line 1: `use libc::c_int` (crate `libc`"),
    "include_str": ("const KEY: &str = include_str!(\"/etc/passwd\");\n",
                    "line 1: `include_str!` (reads a file at build time)"),
    "include in a macro argument": ("fn f() { println!(\"{}\", include!(\"x.rs\")); }\n",
                                    "line 1: `include!`"),
    "env": ("const HOME: &str = env!(\"HOME\");\n", "line 1: `env!`"),
    "asm": ("fn f() { unsafe { core::arch::asm!(\"nop\"); } }\n", "line 1: `asm!`"),
    "global_asm": ("std::arch::global_asm!(\".globl x\");\n", "line 1: `global_asm!`"),
    "naked": ("#[naked]\nextern \"C\" fn f() {}\n", "line 1: `#[naked]`"),
    "process": ("fn f() { std::process::Command::new(\"sh\").status().unwrap(); }\n",
                "line 1: `std::process::Command::new` (starting processes) but the C unit uses "
                "none of execl"),
    "process via use": ("use std::process::Command;\nfn f() { Command::new(\"sh\"); }\n",
                        "line 2: `std::process::Command::new` (starting processes)"),
    "process via an alias": ("use std as s;\nfn f() { s::process::Command::new(\"sh\"); }\n",
                             "line 2: `std::process::Command::new`"),
    "process in a use group": ("use std::{io, process::{self, Command}};\n",
                               "line 1: `std::process::Command` (starting processes)"),
    "process in a macro body": ("macro_rules! m { () => { std::process::Command::new(\"sh\") "
                                "} }\n", "line 1: `std::process::Command::new`"),
    "network": ("use std::net::TcpStream;\n", "line 1: `std::net::TcpStream` (network access) "
                "but the C unit uses none of accept, bind, connect"),
    "files": ("fn f() { let _ = std::fs::File::open(\"/etc/shadow\"); }\n",
              "line 1: `std::fs::File::open` (file system access) but the C unit uses none "
              "of access, chmod, creat"),
    "environment": ("fn f() -> String { std::env::var(\"HOME\").unwrap() }\n",
                    "line 1: `std::env::var` (environment variables)"),
    "glob import of std": ("use std::*;\n", "line 1: glob import `std::*`"),
    "extra no_mangle": (SHIM + "#[no_mangle]\npub extern \"C\" fn free(p: *mut u8) {}\n",
                        "line 9: `#[no_mangle]` on fn `free`: only the unit's own `scale`"),
    "unsafe(no_mangle)": ("#[unsafe(no_mangle)]\npub extern \"C\" fn other() {}\n",
                          "line 1: `#[no_mangle]` on fn `other`"),
    "export_name": ("#[export_name = \"malloc\"]\nfn m() {}\n", "line 1: `#[export_name]`"),
    "proc-macro attribute": ("#[tokio::main]\nfn run() {}\n",
                             "line 1: `#[tokio::main]` is not a built-in attribute"),
    "proc_macro": ("#[proc_macro]\npub fn m(t: TokenStream) -> TokenStream { t }\n",
                   "line 1: `#[proc_macro]` (procedural macro)"),
    "derive of a crate": ("#[derive(Clone, serde::Serialize)]\nstruct S;\n",
                          "line 1: `#[derive(serde::Serialize)]` is not a std derive"),
    "link": ("#[link(name = \"evil\")]\nextern \"C\" {}\n", "line 1: `#[link]`"),
    "link_name": ("extern \"C\" {\n    #[link_name = \"system\"]\n    fn scale_helper();\n}\n",
                  "line 2: `#[link_name]`"),
    "undeclared extern": ("extern \"C\" {\n    fn system(cmd: *const i8) -> i32;\n}\n",
                          "line 2: extern block declares function `system`, which the C unit "
                          "does not use"),
    "mod file": ("mod secrets;\n", "line 1: `mod secrets;` loads another file"),
    "path attribute": ("#[path = \"/etc/passwd\"]\nmod p;\n", "line 1: `#[path]`"),
    "a path built from a macro variable": (
        "macro_rules! m { ($a:ident) => { std::$a::Command::new(\"sh\") } }\nm!(process);\n",
        "line 1: a path or macro name built from the macro variable `$a`"),
    "a macro name from a macro variable": (
        "macro_rules! m { ($a:ident) => { $a!(\"/etc/passwd\") } }\nm!(include_str);\n",
        "line 1: a path or macro name built from the macro variable `$a`"),
    "process inside a syntax error": ("fn f( { std::process::Command::new(\"sh\") }\n",
                                      "line 1: `std::process::Command::new`"),
    "unsafe impl Send": ("struct S(*mut u8);\nunsafe impl Send for S {}\n",
                         "line 2: `unsafe impl Send`"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_answers_are_rejected_naming_the_construct_and_line(name: str) -> None:
    rust, expected = HOSTILE[name]
    rejection = screen(rust, "scale", {"strlen"})
    assert rejection is not None, name
    assert any(e.startswith(expected) for e in rejection.evidence), rejection.evidence
    assert rejection.reason.startswith("the answer for `scale` was rejected before compiling: ")


BENIGN = {
    "the rules translator's shape": SHIM,
    "words in strings and comments": SHIM + """
// Not a build.rs; no [dependencies]; never std::process::Command or std::fs::File.
/* extern crate libc; include_str!("x"); asm!("nop"); #[no_mangle] */
/// Doc: uses std::net::TcpStream? No.
fn talk() -> &'static str {
    "extern crate x; use libc; std::process::Command::new(\\"sh\\"); include!(\\"a\\")"
}
fn raw() -> &'static str { r#"[dependencies] #[tokio::main] std::env::var"# }
""",
    "transmute and std imports": """use std::ffi::{c_char, CStr};
use std::mem::transmute;
use core::ptr;
use std::collections::HashMap as Map;
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[repr(C)]
pub struct P { x: i32 }
fn f(x: u32) -> f32 { unsafe { transmute::<u32, f32>(x) } }
#[inline]
#[allow(clippy::needless_return)]
fn g() -> Map<i32, i32> { let _ = ptr::null::<u8>(); Map::new() }
const _: () = assert!(std::mem::size_of::<P>() == 4);
""",
    "local modules": """mod util { pub fn twice(x: i32) -> i32 { x * 2 } }
use util::twice;
use self::util as u;
fn f() -> i32 { twice(1) + u::twice(2) }
""",
    "a declared callee": 'extern "C" {\n    pub fn strlen(s: *const i8) -> u64;\n}\n',
    "unsafe inner attribute": "#![allow(non_snake_case, unused)]\n" + SHIM,
}


@pytest.mark.parametrize("name", sorted(BENIGN))
def test_benign_answers_are_accepted(name: str) -> None:
    assert screen(BENIGN[name], "scale", {"strlen"}) is None


def test_files_are_allowed_when_the_c_unit_opens_files() -> None:
    rust = "use std::fs::File;\nuse std::io::Read;\nfn f() { let _ = File::open(\"x\"); }\n"
    assert screen(rust, "scale", {"fopen", "fclose"}) is None
    assert screen(rust, "scale", {"fclose"}) is not None


def test_each_facility_needs_its_own_c_counterpart() -> None:
    exit_only = "fn f() -> ! { std::process::exit(1) }\n"
    assert screen(exit_only, "scale", {"exit"}) is None
    spawn = "fn f() { std::process::Command::new(\"ls\"); }\n"
    assert screen(spawn, "scale", {"exit"}) is not None
    assert screen(spawn, "scale", {"system"}) is None
    assert screen("use std::net::TcpStream;\n", "scale", {"socket", "connect"}) is None
    args = "fn f() { let _ = std::env::args(); }\n"
    assert screen(args, "main", set()) is None
    assert screen(args, "scale", set()) is not None
    assert screen("fn f() { let _ = std::env::var(\"X\"); }\n", "scale", {"getenv"}) is None


def test_extern_declarations_follow_the_allowed_set() -> None:
    rust = 'extern "C" {\n    fn kv_hash(p: *const u8) -> u32;\n    static mut g: i32;\n}\n'
    assert screen(rust, "scale", set(), allowed_externs={"kv_hash", "g"}) is None
    rejection = screen(rust, "scale", {"kv_hash", "g"}, allowed_externs={"kv_hash"})
    assert rejection is not None
    assert rejection.evidence == ["line 3: extern block declares static `g`, which the C unit "
                                  "does not use"]


def test_a_global_unit_may_export_its_static() -> None:
    rust = "#[no_mangle]\npub static mut counter: i32 = 0;\n"
    assert screen(rust, "counter", set()) is None
    assert screen(rust, "other", set()) is not None


def test_every_finding_is_listed() -> None:
    rejection = screen("extern crate a;\nuse std::net::UdpSocket;\nconst X: &str = env!(\"X\");\n",
                       "scale", set())
    assert rejection is not None
    assert [e.split(":")[0] for e in rejection.evidence] == ["line 1", "line 2", "line 3"]
    assert rejection.reason.endswith("(and 2 more)")


def test_every_unit_the_rules_translator_writes_for_kvstore_passes() -> None:
    kvstore = Path(__file__).resolve().parents[2] / "targets" / "kvstore"
    checked = 0
    for source in sorted((kvstore / "src").glob("*.c")):
        module = translate_file(source, [kvstore / "include"])
        block = module.rust.split('extern "C" {', 1)[1] if 'extern "C" {' in module.rust else ""
        c_uses = set(re.findall(r"pub (?:fn|static mut) (\w+)", block.split("\n}", 1)[0]))
        for unit in module.units:
            if unit.status == "translated":
                assert screen(unit.rust, unit.name, c_uses) is None, (source.name, unit.name)
                checked += 1
    assert checked > 20
