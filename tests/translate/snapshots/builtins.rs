//! Translated from builtins.c by refactor (rules backend).
#![allow(non_camel_case_types, non_snake_case, non_upper_case_globals, unused, dead_code, unused_mut, unused_assignments, unused_parens, unused_unsafe, unused_labels, unreachable_code, unreachable_patterns, static_mut_refs, improper_ctypes, improper_ctypes_definitions, unpredictable_function_pointer_comparisons)]

use std::ffi::c_void;

#[no_mangle]
pub extern "C" fn bi_classify(mut d: f64) -> i32 {
    if ((d.is_nan() as i32) != 0) {
        return 2i32;
    }
    if (({ let __x1 = d; if !__x1.is_infinite() { 0i32 } else if __x1.is_sign_negative() { -1i32 } else { 1i32 } }) != 0) {
        return ({ let __x2 = d; if !__x2.is_infinite() { 0i32 } else if __x2.is_sign_negative() { -1i32 } else { 1i32 } }).wrapping_mul(3i32);
    }
    return ((d == 0.0f64) as i32);
}

#[no_mangle]
pub extern "C" fn bi_classify_f(mut f: f32) -> i32 {
    return (f.is_nan() as i32).wrapping_mul(10i32).wrapping_add(({ let __x1 = f; if !__x1.is_infinite() { 0i32 } else if __x1.is_sign_negative() { -1i32 } else { 1i32 } })).wrapping_add(({ let __x2 = (-f); if !__x2.is_infinite() { 0i32 } else if __x2.is_sign_negative() { -1i32 } else { 1i32 } }).wrapping_mul(100i32));
}

#[no_mangle]
pub extern "C" fn bi_nan_unless(mut d: f64, mut keep: i32) -> f64 {
    let mut n: f64 = (if (keep != 0) { d } else { (f32::from_bits(0x7fc00000u32) as f64) });
    return (if ((n.is_nan() as i32) != 0) { (-1.0f64) } else { n });
}

#[no_mangle]
pub extern "C" fn bi_inf_f(mut neg: i32) -> f32 {
    return (if (neg != 0) { (-f32::INFINITY) } else { f32::INFINITY });
}

#[no_mangle]
pub extern "C" fn bi_huge(mut x: i32) -> f64 {
    return (if (x > 0i32) { f64::INFINITY } else { (if (x < 0i32) { (-f64::INFINITY) } else { 1.7976931348623157e+308f64 }) });
}

#[no_mangle]
pub extern "C" fn bi_close(mut a: f64, mut b: f64) -> i32 {
    let mut max: f64 = (if (a.abs() > b.abs()) { a.abs() } else { b.abs() });
    return (((a - b).abs() <= (max * 2.220446049250313e-16f64)) as i32);
}

#[no_mangle]
pub extern "C" fn bi_eps_f() -> f64 {
    return ((1.1920928955078125e-07f32 as f64) + 2.2250738585072014e-308f64);
}

#[no_mangle]
pub extern "C" fn bi_rounding(mut x: f64, mut which: i32) -> f64 {
    's1: {
        'k5: {
            'k4: {
                'k3: {
                    'k2: {
                        match (which & 3i32) {
                            0i32 => break 'k2,
                            1i32 => break 'k3,
                            2i32 => break 'k4,
                            _ => break 'k5,
                        }
                    }
                    return x.floor();
                }
                return x.ceil();
            }
            return x.trunc();
        }
        return x.abs();
    }
    return 0.0f64;
}

#[no_mangle]
pub extern "C" fn bi_rounding_f(mut x: f32, mut which: i32) -> f32 {
    return (if (which > 0i32) { (x.floor() + x.ceil()) } else { (x.trunc() - x.abs()) });
}
