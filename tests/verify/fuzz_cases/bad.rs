// Deliberately wrong translations of units.c: each must be caught.
#![allow(non_upper_case_globals)]
use std::os::raw::c_char;

#[no_mangle] pub static mut counter: i32 = 0;

// off by one: skips the first element
#[no_mangle] pub unsafe extern "C" fn sum(buf: *const i32, len: usize) -> i64 {
    let mut s: i64 = 0;
    for i in 1..len { s = s.wrapping_add(*buf.add(i) as i64); }
    s
}
// wrong sign
#[no_mangle] pub extern "C" fn diff(a: i32, b: i32) -> i32 { b.wrapping_sub(a) }
// forgets the NUL terminator
#[no_mangle] pub unsafe extern "C" fn copy_str(dst: *mut c_char, n: usize, src: *const c_char) -> usize {
    let mut i = 0usize;
    if n == 0 { return 0; }
    while i + 1 < n && *src.add(i) != 0 { *dst.add(i) = *src.add(i); i += 1; }
    i
}
// crashes where C does not
#[no_mangle] pub extern "C" fn half(x: i32) -> i32 {
    if x < 0 { panic!("negative input") }
    x / 2
}
// the global is updated wrongly
#[no_mangle] pub unsafe extern "C" fn tick(by: i32) { counter = counter.wrapping_add(by).wrapping_add(1); }
