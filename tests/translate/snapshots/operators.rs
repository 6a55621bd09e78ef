//! Translated from operators.c by refactor (rules backend).
#![allow(non_camel_case_types, non_snake_case, non_upper_case_globals, unused, dead_code, unused_mut, unused_assignments, unused_parens, unused_unsafe, unused_labels, unreachable_code, unreachable_patterns, static_mut_refs, improper_ctypes, improper_ctypes_definitions, unpredictable_function_pointer_comparisons)]

use std::ffi::c_void;

#[no_mangle]
pub extern "C" fn op_uadd(mut a: u32, mut b: u32) -> u32 {
    return a.wrapping_add(b);
}

#[no_mangle]
pub extern "C" fn op_umul(mut a: u32, mut b: u32) -> u32 {
    return a.wrapping_mul(b);
}

#[no_mangle]
pub extern "C" fn op_usub(mut a: u32, mut b: u32) -> u32 {
    return a.wrapping_sub(b);
}

#[no_mangle]
pub extern "C" fn op_uchar_wrap(mut a: u8) -> u8 {
    a = ((a as i32).wrapping_add(200i32) as u8);
    return a;
}

#[no_mangle]
pub extern "C" fn op_sadd_checked(mut a: i32, mut b: i32) -> i32 {
    if (((b > 0i32) && (a > 2147483647i32.wrapping_sub(b))) || ((b < 0i32) && (a < (-2147483647i32).wrapping_sub(1i32).wrapping_sub(b)))) {
        return 0i32;
    }
    return a.wrapping_add(b);
}

#[no_mangle]
pub extern "C" fn op_div(mut a: i32, mut b: i32) -> i32 {
    if ((b == 0i32) || ((a == (-2147483647i32).wrapping_sub(1i32)) && (b == (-1i32)))) {
        return 0i32;
    }
    return a.wrapping_div(b);
}

#[no_mangle]
pub extern "C" fn op_mod(mut a: i32, mut b: i32) -> i32 {
    if ((b == 0i32) || ((a == (-2147483647i32).wrapping_sub(1i32)) && (b == (-1i32)))) {
        return 0i32;
    }
    return a.wrapping_rem(b);
}

#[no_mangle]
pub extern "C" fn op_udiv(mut a: u32, mut b: u32) -> u32 {
    return (if (b != 0) { a.wrapping_div(b).wrapping_rem(1000u32) } else { 0u32 });
}

#[no_mangle]
pub extern "C" fn op_shl(mut a: u32, mut n: i32) -> u32 {
    return (if ((n >= 0i32) && (n < 32i32)) { a.wrapping_shl(n as u32) } else { 0u32 });
}

#[no_mangle]
pub extern "C" fn op_shr_signed(mut a: i32, mut n: i32) -> i32 {
    return (if ((n >= 0i32) && (n < 32i32)) { a.wrapping_shr(n as u32) } else { 0i32 });
}

#[no_mangle]
pub extern "C" fn op_bits(mut a: u32, mut b: u32) -> u32 {
    return ((a & b) | (a ^ (!b)));
}

#[no_mangle]
pub extern "C" fn op_compare(mut a: i32, mut b: i32) -> i32 {
    return ((a < b) as i32).wrapping_add(((a <= b) as i32).wrapping_mul(2i32)).wrapping_add(((a == b) as i32).wrapping_mul(4i32)).wrapping_add(((a != b) as i32).wrapping_mul(8i32));
}

#[no_mangle]
pub extern "C" fn op_mixed_compare(mut a: i32, mut b: u32) -> i32 {
    return (((a as u32) < b) as i32);
}

#[no_mangle]
pub extern "C" fn op_logic(mut a: i32, mut b: i32) -> i32 {
    return (((a != 0) && (b != 0)) as i32).wrapping_add((((a != 0) || (b != 0)) as i32).wrapping_mul(2i32)).wrapping_add((!(a != 0) as i32).wrapping_mul(4i32));
}

static mut calls: i32 = 0i32;

unsafe extern "C" fn bump() -> i32 {
    calls = calls.wrapping_add(1i32);
    return 1i32;
}

#[no_mangle]
pub unsafe extern "C" fn op_short_circuit(mut a: i32) -> i32 {
    calls = 0i32;
    if ((a != 0) && (bump() != 0)) {
        calls = calls.wrapping_add(10i32);
    }
    if ((a != 0) || (bump() != 0)) {
        calls = calls.wrapping_add(100i32);
    }
    return calls;
}

#[no_mangle]
pub extern "C" fn op_promote(mut a: i16, mut b: u8) -> i64 {
    return ((a as i32).wrapping_mul((b as i32)) as i64);
}

#[no_mangle]
pub extern "C" fn op_long_wrap(mut a: u64) -> u64 {
    return a.wrapping_mul(3u64).wrapping_add(1u64);
}

#[no_mangle]
pub extern "C" fn op_neg(mut a: i32) -> i32 {
    return (if (a == (-2147483647i32).wrapping_sub(1i32)) { 0i32 } else { a.wrapping_neg() });
}

#[no_mangle]
pub extern "C" fn op_compound(mut a: i32) -> i32 {
    let mut u: u32 = (a as u32);
    u = u.wrapping_mul(3u32);
    u = u.wrapping_sub(7u32);
    u = u.wrapping_shl(1i32 as u32);
    u = (u ^ 85u32);
    u = u.wrapping_rem(1000u32);
    return (u as i32);
}

#[no_mangle]
pub extern "C" fn op_incdec(mut a: i32) -> i32 {
    let mut x: i32 = (a & 255i32);
    let mut y: i32 = {  let __t1: i32 = x; x = __t1.wrapping_add(1i32); __t1 };
    let mut z: i32 = {  let __t2: i32 = x.wrapping_add(1i32); x = __t2; __t2 };
    x = x.wrapping_sub(1i32);
    return x.wrapping_add(y).wrapping_add({  let __t3: i32 = z; z = __t3.wrapping_sub(1i32); __t3 });
}

#[no_mangle]
pub extern "C" fn op_float(mut a: f64, mut b: f64) -> f64 {
    return (((a * 2.0f64) + (b / 4.0f64)) - 1.0f64);
}

#[no_mangle]
pub extern "C" fn op_ternary(mut a: i32) -> i32 {
    return (if (a > 0i32) { 1i32 } else { (if (a < 0i32) { (-1i32) } else { 0i32 }) });
}

#[no_mangle]
pub extern "C" fn op_comma(mut a: i32) -> i32 {
    let mut b: i32 = { a = (a & 7i32); a.wrapping_add(1i32) };
    return b;
}
