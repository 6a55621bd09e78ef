//! Translated from literals.c by refactor (rules backend).
#![allow(non_camel_case_types, non_snake_case, non_upper_case_globals, unused, dead_code, unused_mut, unused_assignments, unused_parens, unused_unsafe, unused_labels, unreachable_code, unreachable_patterns, static_mut_refs, improper_ctypes, improper_ctypes_definitions, unpredictable_function_pointer_comparisons)]

use std::ffi::c_void;

#[no_mangle]
pub extern "C" fn lit_int() -> i32 {
    return 123i32.wrapping_add(31i32).wrapping_add(15i32).wrapping_add(5i32);
}

#[no_mangle]
pub extern "C" fn lit_big() -> u32 {
    return 4000000000u32;
}

#[no_mangle]
pub extern "C" fn lit_long() -> i64 {
    return 9000000000i64;
}

#[no_mangle]
pub extern "C" fn lit_ull() -> u64 {
    return 18446744073709551615u64;
}

#[no_mangle]
pub extern "C" fn lit_neg() -> i32 {
    return (-2147483647i32).wrapping_sub(1i32);
}

#[no_mangle]
pub extern "C" fn lit_hex_wrap() -> u32 {
    return 4294967295u32.wrapping_add(2u32);
}

#[no_mangle]
pub extern "C" fn lit_double() -> f64 {
    return (1500.0f64 + 0.25f64);
}

#[no_mangle]
pub extern "C" fn lit_float() -> f32 {
    return 2.5f32;
}

#[no_mangle]
pub extern "C" fn lit_char() -> i32 {
    return 65i32.wrapping_add(10i32).wrapping_add(0i32).wrapping_add(127i32);
}

#[no_mangle]
pub extern "C" fn lit_char_signed() -> i32 {
    return (-1i32);
}

#[no_mangle]
pub extern "C" fn lit_string_len() -> i32 {
    return 10i32;
}

#[no_mangle]
pub unsafe extern "C" fn lit_string_at(mut i: i32) -> i32 {
    let mut s: *const i8 = ((b"hi\x09there\x0a!\x00".as_ptr() as *mut i8) as *const i8);
    if ((i < 0i32) || (i > 10i32)) {
        return (-1i32);
    }
    return ((*s.wrapping_offset(((i as i64) as isize))) as i32);
}

#[no_mangle]
pub extern "C" fn lit_answer() -> i32 {
    return 42i32;
}

#[no_mangle]
pub extern "C" fn lit_float_once() -> f32 {
    return 1.0000001192092896f32;
}

#[no_mangle]
pub extern "C" fn lit_long_double() -> f64 {
    return 1.0f64;
}

pub const ANSWER: i32 = 42i32;

pub const BIG: u32 = 4000000000u32;

pub const NEG_HEX: u32 = 4294967295u32;

pub const RATIO: f64 = 0.25f64;

pub const GREETING: &[u8; 10] = b"hi\x09there\x0a\x00";
