//! A hand-written Rust translation of textstats/src/util.c for the verify tests. The
//! tests replace a marked line to make one function wrong in a known way.
use std::os::raw::{c_char, c_int, c_long, c_uchar};

#[no_mangle]
pub unsafe extern "C" fn sum_bytes(p: *const c_uchar, n: usize) -> c_long {
    let mut s: c_long = 0;
    let end = n; // MUTATE:off-by-one
    for i in 0..end {
        s = s.wrapping_add(*p.add(i) as c_long);
    }
    s
}

#[no_mangle]
pub extern "C" fn negate_if(v: c_long, flag: c_int) -> c_long {
    if flag != 0 { v.wrapping_neg() } else { v } // MUTATE:wrong-sign
}

#[no_mangle]
pub unsafe extern "C" fn copy_upper(dst: *mut c_char, src: *const c_char, cap: usize) -> usize {
    if cap == 0 {
        return 0;
    }
    let mut i = 0usize;
    while *src.add(i) != 0 && i + 1 < cap {
        let c = *src.add(i) as u8;
        *dst.add(i) = (if c.is_ascii_lowercase() { c - 32 } else { c }) as c_char;
        i += 1;
    }
    *dst.add(i) = 0; // MUTATE:missing-nul
    i
}

#[no_mangle]
pub extern "C" fn never_called(x: c_int) -> c_int {
    x.wrapping_mul(3)
}
