// Faithful translations of units.c.
#![allow(non_upper_case_globals)]
use std::os::raw::c_char;

#[repr(C)]
pub struct Point { x: i32, y: i32 }

#[no_mangle] pub static mut counter: i32 = 0;

extern "C" { fn triple(x: i32) -> i32; }

#[no_mangle] pub unsafe extern "C" fn sum(buf: *const i32, len: usize) -> i64 {
    let mut s: i64 = 0;
    for i in 0..len { s = s.wrapping_add(*buf.add(i) as i64); }
    s
}
#[no_mangle] pub extern "C" fn diff(a: i32, b: i32) -> i32 { a.wrapping_sub(b) }
#[no_mangle] pub unsafe extern "C" fn copy_str(dst: *mut c_char, n: usize, src: *const c_char) -> usize {
    let mut i = 0usize;
    if n == 0 { return 0; }
    while i + 1 < n && *src.add(i) != 0 { *dst.add(i) = *src.add(i); i += 1; }
    *dst.add(i) = 0;
    i
}
#[no_mangle] pub extern "C" fn crash_neg(x: i32) -> i32 {
    if x < 0 { panic!("negative input") }
    x / 2
}
#[no_mangle] pub extern "C" fn half(x: i32) -> i32 { x / 2 }
#[no_mangle] pub extern "C" fn apply(x: i32) -> i32 { unsafe { triple(x) }.wrapping_add(1) }
#[no_mangle] pub unsafe extern "C" fn tick(by: i32) { counter = counter.wrapping_add(by); }
#[no_mangle] pub extern "C" fn manhattan(p: Point) -> i32 {
    p.x.wrapping_abs().wrapping_add(p.y.wrapping_abs())
}
#[no_mangle] pub unsafe extern "C" fn swap_point(p: *mut Point) {
    let t = (*p).x; (*p).x = (*p).y; (*p).y = t;
}
#[no_mangle] pub extern "C" fn halve(x: f64) -> f64 { x / 2.0 }
#[no_mangle] pub extern "C" fn uses_helper(x: i32) -> i32 { x }
#[no_mangle] pub extern "C" fn spin(x: i32) -> i32 {
    let go = std::hint::black_box(true);
    while x > 1000 && go {}
    x
}
