//! Translated from pointers.c by refactor (rules backend).
#![allow(non_camel_case_types, non_snake_case, non_upper_case_globals, unused, dead_code, unused_mut, unused_assignments, unused_parens, unused_unsafe, unused_labels, unreachable_code, unreachable_patterns, static_mut_refs, improper_ctypes, improper_ctypes_definitions, unpredictable_function_pointer_comparisons)]

use std::ffi::c_void;

#[no_mangle]
pub unsafe extern "C" fn ptr_sum(mut v: *const i32, mut n: u64) -> i32 {
    let mut end: *const i32 = v.wrapping_offset(((n as i64) as isize));
    let mut acc: u32 = 0u32;
    'l1: while (v < end) {
        acc = acc.wrapping_add(((*{  let __t1: *const i32 = v; v = __t1.wrapping_offset(1); __t1 }) as u32));
    }
    return (acc as i32);
}

#[no_mangle]
pub unsafe extern "C" fn ptr_swap(mut a: *mut i32, mut b: *mut i32) {
    let mut t: i32 = (*a);
    (*a) = (*b);
    (*b) = t;
}

#[no_mangle]
pub unsafe extern "C" fn ptr_distance(mut s: *const i8) -> i64 {
    let mut p: *const i8 = s;
    if s.is_null() {
        return (-1i64);
    }
    'l1: while ((*p) != 0) {
        p = p.wrapping_offset(1);
    }
    return ((p as isize).wrapping_sub(s as isize) as i64);
}

#[no_mangle]
pub unsafe extern "C" fn ptr_reverse(mut v: *mut i32, mut n: u64) {
    let mut lo: *mut i32 = v;
    let mut hi: *mut i32 = v.wrapping_offset(((n as i64) as isize));
    if (n == 0u64) {
        return;
    }
    {
        hi = hi.wrapping_offset(-1);
        'l1: while (lo < hi) {
            let mut t: i32 = (*lo);
            (*lo) = (*hi);
            (*hi) = t;
            lo = lo.wrapping_offset(1); hi = hi.wrapping_offset(-1);
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn ptr_out(mut a: i32, mut out: *mut i32) -> i32 {
    let mut p: *mut i32 = (&raw mut a);
    (*p) = (*p).wrapping_mul(2i32);
    if !out.is_null() {
        (*out) = a;
    }
    return ((a > 0i32) as i32);
}

unsafe extern "C" fn set_via(pp: *mut *mut i32, target: *mut i32) {
    set_via_safe(pp.as_mut(), target)
}

fn set_via_safe(mut pp: Option<&mut *mut i32>, mut target: *mut i32) {
    (*pp.as_deref_mut().expect("non-null pointer")) = target;
}

#[no_mangle]
pub unsafe extern "C" fn ptr_double_indirection(mut v: i32) -> i32 {
    let mut x: i32 = v;
    let mut p: *mut i32 = ::std::ptr::null_mut();
    set_via((&raw mut p), (&raw mut x));
    (*p) = (*p).wrapping_add(1i32);
    return x.wrapping_sub(v);
}

#[no_mangle]
pub unsafe extern "C" fn ptr_last(v: *const i32, n: u64) -> i32 {
    ptr_last_safe(if v.is_null() { &[] } else { ::std::slice::from_raw_parts(v, n as usize) }, n)
}

fn ptr_last_safe(mut v: &[i32], mut n: u64) -> i32 {
    return (if (n != 0) { v[n.wrapping_sub(1u64) as usize] } else { 0i32 });
}

#[no_mangle]
pub unsafe extern "C" fn ptr_div_out(a: i32, b: i32, quot: *mut i32) -> i32 {
    ptr_div_out_safe(a, b, quot.as_mut())
}

fn ptr_div_out_safe(mut a: i32, mut b: i32, mut quot: Option<&mut i32>) -> i32 {
    if ((b == 0i32) || ((b == (-1i32)) && (a < (-2147483647i32)))) {
        return 0i32;
    }
    if quot.is_some() {
        (*quot.as_deref_mut().expect("non-null pointer")) = a.wrapping_div(b);
    }
    return 1i32;
}
