//! Translated from conversions.c by refactor (rules backend).
#![allow(non_camel_case_types, non_snake_case, non_upper_case_globals, unused, dead_code, unused_mut, unused_assignments, unused_parens, unused_unsafe, unused_labels, unreachable_code, unreachable_patterns, static_mut_refs, improper_ctypes, improper_ctypes_definitions, unpredictable_function_pointer_comparisons)]

use std::ffi::c_void;

#[no_mangle]
pub extern "C" fn conv_trunc(mut v: i64) -> i32 {
    return ((v & 4294967295i64) as i32);
}

#[no_mangle]
pub extern "C" fn conv_to_uchar(mut v: i32) -> u8 {
    return (v as u8);
}

#[no_mangle]
pub extern "C" fn conv_to_schar(mut v: u32) -> i8 {
    return ((v & 255u32) as i8);
}

#[no_mangle]
pub extern "C" fn conv_sign_extend(mut v: i32) -> i64 {
    return (v as i64);
}

#[no_mangle]
pub extern "C" fn conv_zero_extend(mut v: u32) -> u64 {
    return (v as u64);
}

#[no_mangle]
pub extern "C" fn conv_neg_to_unsigned(mut v: i32) -> u32 {
    return (v as u32);
}

#[no_mangle]
pub extern "C" fn conv_bool(mut v: i32) -> i32 {
    let mut b: bool = ((v != 0));
    return (b as i32).wrapping_add(((((v & 2i32) != 0)) as i32));
}

#[no_mangle]
pub extern "C" fn conv_int_to_double(mut v: i32) -> f64 {
    return (v.wrapping_div(2i32) as f64);
}

#[no_mangle]
pub extern "C" fn conv_div_double(mut v: i32) -> f64 {
    return ((v as f64) / 2.0f64);
}

#[no_mangle]
pub extern "C" fn conv_double_to_int(mut d: f64) -> i32 {
    if !((d > (-1000000.0f64)) && (d < 1000000.0f64)) {
        return 0i32;
    }
    return { let __f: f64 = (d) as f64; if __f > -2147483649.0 && __f < 2147483648.0 { __f as i32 } else { i32::MIN } };
}

#[no_mangle]
pub extern "C" fn conv_narrow(mut d: f64) -> f32 {
    return (d as f32);
}

#[no_mangle]
pub extern "C" fn conv_u16(mut v: u32) -> u16 {
    return (v.wrapping_mul(3u32) as u16);
}

#[no_mangle]
pub extern "C" fn conv_mix(mut a: i32, mut b: u32) -> i64 {
    return (a as i64).wrapping_mul((b as i64));
}

#[no_mangle]
pub extern "C" fn conv_char_arith(mut c: i8) -> i32 {
    return (c as i32).wrapping_add(1i32);
}

#[no_mangle]
pub extern "C" fn conv_ptr_to_bool(mut s: *const i8) -> i32 {
    return (if !s.is_null() { 1i32 } else { 0i32 });
}

#[no_mangle]
pub extern "C" fn conv_f_to_schar(mut d: f64) -> i8 {
    return ({ let __f: f64 = (d) as f64; if __f > -2147483649.0 && __f < 2147483648.0 { __f as i32 } else { i32::MIN } } as i8);
}

#[no_mangle]
pub extern "C" fn conv_f_to_ushort(mut d: f64) -> u16 {
    return ({ let __f: f64 = (d) as f64; if __f > -2147483649.0 && __f < 2147483648.0 { __f as i32 } else { i32::MIN } } as u16);
}

#[no_mangle]
pub extern "C" fn conv_f_to_int_raw(mut d: f64) -> i32 {
    return { let __f: f64 = (d) as f64; if __f > -2147483649.0 && __f < 2147483648.0 { __f as i32 } else { i32::MIN } };
}

#[no_mangle]
pub extern "C" fn conv_f_to_uint(mut d: f64) -> u32 {
    return ({ let __f: f64 = (d) as f64; if __f >= -9223372036854775808.0 && __f < 9223372036854775808.0 { __f as i64 } else { i64::MIN } } as u32);
}

#[no_mangle]
pub extern "C" fn conv_f_to_long(mut f: f32) -> i64 {
    return { let __f: f64 = (f) as f64; if __f >= -9223372036854775808.0 && __f < 9223372036854775808.0 { __f as i64 } else { i64::MIN } };
}

#[no_mangle]
pub extern "C" fn conv_f_to_ulong(mut d: f64) -> u64 {
    return { let __g: f64 = (d) as f64; if !(__g >= 9223372036854775808.0) { ({ let __f: f64 = (__g) as f64; if __f >= -9223372036854775808.0 && __f < 9223372036854775808.0 { __f as i64 } else { i64::MIN } } as u64) } else { ({ let __f: f64 = (__g - 9223372036854775808.0) as f64; if __f >= -9223372036854775808.0 && __f < 9223372036854775808.0 { __f as i64 } else { i64::MIN } } as u64) ^ 0x8000000000000000u64 } };
}
