"""Unsafe lines are measured from the Rust itself (DESIGN.md's definition)."""

from __future__ import annotations

import textwrap

import pytest

from refactor.translate.unsafe_lines import count_unsafe_lines

CASES = {
    "safe function": ("""
        pub extern "C" fn twice(x: i32) -> i32 {
            // unsafe in a comment is not unsafe
            let s = "unsafe { }";
            x.wrapping_mul(2)
        }""", 0),
    "unsafe fn body": ("""
        pub unsafe extern "C" fn first(p: *const i32) -> i32 {
            let v = *p;
            let w = *p.add(1);
            v.wrapping_add(w)
        }""", 3),
    "unsafe block in a safe fn": ("""
        fn get() -> i32 {
            let a = 1;
            let b = unsafe { COUNTER };
            a + b
        }""", 1),
    "shim and safe inner function": ("""
        #[no_mangle]
        pub unsafe extern "C" fn sum(p: *const u8, n: u64) -> u64 {
            sum_safe(if p.is_null() { &[] } else { ::std::slice::from_raw_parts(p, n as usize) }, n)
        }
        fn sum_safe(p: &[u8], n: u64) -> u64 {
            p.iter().map(|&b| b as u64).sum::<u64>().wrapping_add(n)
        }""", 0),
    "a wrapper calling something else is not a shim": ("""
        pub unsafe extern "C" fn sum(p: *const u8, n: u64) -> u64 {
            other(p, n)
        }""", 1),
    "static mut": ("""
        static mut COUNTER: i32 = 0;
        static LIMIT: i32 = 10;""", 1),
    "nested blocks count once": ("""
        pub unsafe fn f(p: *mut i32) {
            unsafe {
                *p = 1;
            }
        }""", 3),
}


@pytest.mark.parametrize("name", CASES)
def test_unsafe_lines(name: str) -> None:
    code, expected = CASES[name]
    assert count_unsafe_lines(textwrap.dedent(code)) == expected
