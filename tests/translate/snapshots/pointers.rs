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

unsafe extern "C" fn set_flag(flag: *mut i32, v: i32) {
    set_flag_safe(flag.as_mut(), v)
}

fn set_flag_safe(mut flag: Option<&mut i32>, mut v: i32) {
    (*flag.as_deref_mut().expect("non-null pointer")) = (v & 7i32);
}

unsafe extern "C" fn read_flag(flag: *const i32) -> i32 {
    read_flag_safe(flag.as_ref())
}

fn read_flag_safe(mut flag: Option<&i32>) -> i32 {
    return (if flag.is_some() { (*flag.expect("non-null pointer")).wrapping_mul(10i32) } else { (-1i32) });
}

#[no_mangle]
pub unsafe extern "C" fn ptr_lifted_chain(out: *mut i32, v: i32) {
    ptr_lifted_chain_safe(out.as_mut(), v)
}

fn ptr_lifted_chain_safe(mut out: Option<&mut i32>, mut v: i32) {
    if out.is_none() {
        return;
    }
    set_flag_safe(out.as_deref_mut(), v);
    (*out.as_deref_mut().expect("non-null pointer")) = (*out.as_deref_mut().expect("non-null pointer")).wrapping_add(read_flag_safe(out.as_deref()));
}

#[no_mangle]
pub unsafe extern "C" fn ptr_lifted_read(r#in: *const i32) -> i32 {
    ptr_lifted_read_safe(r#in.as_ref())
}

fn ptr_lifted_read_safe(mut r#in: Option<&i32>) -> i32 {
    return read_flag_safe(r#in).wrapping_add(read_flag_safe(r#in));
}

unsafe extern "C" fn sum_of(v: *const i32, n: u64) -> i32 {
    sum_of_safe(if v.is_null() { &[] } else { ::std::slice::from_raw_parts(v, n as usize) }, n)
}

fn sum_of_safe(mut v: &[i32], mut n: u64) -> i32 {
    let mut s: i32 = 0i32;
    let mut i: u64 = 0u64;
    {
        i = 0u64;
        'l1: while (i < n) {
            s = s.wrapping_add((v[i as usize] & 65535i32));
            i = i.wrapping_add(1u64);
        }
    }
    return s;
}

unsafe extern "C" fn scale_all(v: *mut i32, n: u64, k: i32) {
    scale_all_safe(if v.is_null() { &mut [] } else { ::std::slice::from_raw_parts_mut(v, n as usize) }, n, k)
}

fn scale_all_safe(mut v: &mut [i32], mut n: u64, mut k: i32) {
    let mut i: u64 = 0u64;
    {
        i = 0u64;
        'l1: while (i < n) {
            v[i as usize] = (v[i as usize] & 65535i32).wrapping_mul((k & 7i32));
            i = i.wrapping_add(1u64);
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn ptr_lifted_slices(v: *mut i32, n: u64, k: i32) -> i32 {
    ptr_lifted_slices_safe(if v.is_null() { &mut [] } else { ::std::slice::from_raw_parts_mut(v, n as usize) }, n, k)
}

fn ptr_lifted_slices_safe(mut v: &mut [i32], mut n: u64, mut k: i32) -> i32 {
    let mut i: u64 = 0u64;
    {
        i = 0u64;
        'l1: while (i < n) {
            v[i as usize] = (v[i as usize] & 1048575i32);
            i = i.wrapping_add(1u64);
        }
    }
    scale_all_safe(&mut *v, n, k);
    return sum_of_safe(&*v, n);
}
