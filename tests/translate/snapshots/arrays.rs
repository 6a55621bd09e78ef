//! Translated from arrays.c by refactor (rules backend).
#![allow(non_camel_case_types, non_snake_case, non_upper_case_globals, unused, dead_code, unused_mut, unused_assignments, unused_parens, unused_unsafe, unused_labels, unreachable_code, unreachable_patterns, static_mut_refs, improper_ctypes, improper_ctypes_definitions, unpredictable_function_pointer_comparisons)]

use std::ffi::c_void;

static primes: [i32; 6] = [2i32, 3i32, 5i32, 7i32, 11i32, 13i32];

#[no_mangle]
pub extern "C" fn arr_prime(mut i: i32) -> i32 {
    if ((i < 0i32) || ((i as u64) >= 24u64.wrapping_div(4u64))) {
        return (-1i32);
    }
    return primes[i as usize];
}

#[no_mangle]
pub extern "C" fn arr_local(mut k: i32) -> i32 {
    let mut a: [i32; 8] = [0i32; 8];
    let mut i: i32 = 0i32;
    let mut sum: u32 = 0u32;
    {
        i = 0i32;
        'l1: while (i < 8i32) {
            a[i as usize] = i.wrapping_mul((k & 15i32));
            i = i.wrapping_add(1i32);
        }
    }
    {
        i = 0i32;
        'l2: while (i < 8i32) {
            sum = sum.wrapping_add((a[i as usize] as u32));
            i = i.wrapping_add(1i32);
        }
    }
    return (sum as i32);
}

#[no_mangle]
pub extern "C" fn arr_matrix(mut r: i32, mut c: i32) -> i32 {
    let mut m: [[i32; 4]; 3] = [[0i32; 4]; 3];
    let mut i: i32 = 0i32;
    let mut j: i32 = 0i32;
    {
        i = 0i32;
        'l1: while (i < 3i32) {
            {
                j = 0i32;
                'l2: while (j < 4i32) {
                    m[i as usize][j as usize] = i.wrapping_mul(10i32).wrapping_add(j);
                    j = j.wrapping_add(1i32);
                }
            }
            i = i.wrapping_add(1i32);
        }
    }
    if ((((r < 0i32) || (r >= 3i32)) || (c < 0i32)) || (c >= 4i32)) {
        return (-1i32);
    }
    return m[r as usize][c as usize];
}

#[no_mangle]
pub unsafe extern "C" fn arr_fill(buf: *mut u8, n: u64, v: u8) {
    arr_fill_safe(if buf.is_null() { &mut [] } else { ::std::slice::from_raw_parts_mut(buf, n as usize) }, n, v)
}

fn arr_fill_safe(mut buf: &mut [u8], mut n: u64, mut v: u8) {
    let mut i: u64 = 0u64;
    {
        i = 0u64;
        'l1: while (i < n) {
            buf[i as usize] = ((v as u64).wrapping_add(i) as u8);
            i = i.wrapping_add(1u64);
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn arr_max(v: *const i32, n: u64) -> i32 {
    arr_max_safe(if v.is_null() { &[] } else { ::std::slice::from_raw_parts(v, n as usize) }, n)
}

fn arr_max_safe(mut v: &[i32], mut n: u64) -> i32 {
    let mut best: i32 = 0i32;
    let mut i: u64 = 0u64;
    {
        i = 0u64;
        'l1: while (i < n) {
            if ((i == 0u64) || (v[i as usize] > best)) {
                best = v[i as usize];
            }
            i = i.wrapping_add(1u64);
        }
    }
    return best;
}

#[no_mangle]
pub unsafe extern "C" fn arr_counter() -> i32 {
    static mut history: [i32; 4] = [0i32; 4];
    static mut next: i32 = 0i32;
    history[next.wrapping_rem(4i32) as usize] = history[next.wrapping_rem(4i32) as usize].wrapping_add(1i32);
    next = next.wrapping_add(1i32);
    return history[0i32 as usize].wrapping_add(history[1i32 as usize].wrapping_mul(10i32)).wrapping_add(history[2i32 as usize].wrapping_mul(100i32)).wrapping_add(history[3i32 as usize].wrapping_mul(1000i32));
}

#[no_mangle]
pub extern "C" fn arr_partial_init(mut i: i32) -> i32 {
    let mut a: [i32; 6] = [1i32, 2i32, 0i32, 0i32, 9i32, 0i32];
    return (if ((i >= 0i32) && (i < 6i32)) { a[i as usize] } else { (-1i32) });
}
