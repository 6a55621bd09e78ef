//! Translated from statements.c by refactor (rules backend).
#![allow(non_camel_case_types, non_snake_case, non_upper_case_globals, unused, dead_code, unused_mut, unused_assignments, unused_parens, unused_unsafe, unused_labels, unreachable_code, unreachable_patterns, static_mut_refs, improper_ctypes, improper_ctypes_definitions, unpredictable_function_pointer_comparisons)]

use std::ffi::c_void;

/// glibc's `assert` failure (message, then abort), callable without `unsafe`: every
/// string argument is a NUL-terminated byte string.
fn __c_assert_fail(assertion: &[u8], file: &[u8], line: u32, function: &[u8]) {
    assert!(assertion.ends_with(b"\0") && file.ends_with(b"\0") && function.ends_with(b"\0"));
    unsafe {
        __assert_fail(assertion.as_ptr() as *const i8, file.as_ptr() as *const i8, line,
                      function.as_ptr() as *const i8)
    }
}

extern "C" {
    pub fn __assert_fail(a0: *const i8, a1: *const i8, a2: u32, a3: *const i8);
    pub fn free(a0: *mut c_void);
    pub fn malloc(a0: u64) -> *mut c_void;
}

#[no_mangle]
pub extern "C" fn stmt_classify(mut v: i32) -> i32 {
    if (v < 0i32) {
        return (-1i32);
    } else if (v == 0i32) {
        return 0i32;
    } else if (v < 100i32) {
        return 1i32;
    }
    return 2i32;
}

#[no_mangle]
pub extern "C" fn stmt_switch(mut v: i32) -> i32 {
    let mut acc: i32 = 0i32;
    's1: {
        'k7: {
            'k6: {
                'k5: {
                    'k4: {
                        'k3: {
                            'k2: {
                                match v {
                                    0i32 => break 'k2,
                                    1i32 => break 'k3,
                                    2i32 => break 'k4,
                                    3i32 => break 'k5,
                                    (-1i32) => break 'k7,
                                    _ => break 'k6,
                                }
                            }
                            acc = acc.wrapping_add(1i32);
                        }
                    }
                    acc = acc.wrapping_add(10i32);
                    break 's1;
                }
                acc = 300i32;
            }
            acc = acc.wrapping_add(1000i32);
            break 's1;
        }
        return (-5i32);
    }
    return acc;
}

#[no_mangle]
pub extern "C" fn stmt_loops(mut n: i32) -> i32 {
    let mut i: i32 = 0i32;
    let mut sum: i32 = 0i32;
    if ((n < 0i32) || (n > 1000i32)) {
        return 0i32;
    }
    {
        i = 0i32;
        'l1: while (i < n) {
            'c2: {
                if (i.wrapping_rem(3i32) == 0i32) {
                    break 'c2;
                }
                if (i > 50i32) {
                    break 'l1;
                }
                sum = sum.wrapping_add(i);
            }
            i = i.wrapping_add(1i32);
        }
    }
    'l3: while (n > 10i32) {
        n = n.wrapping_div(2i32);
    }
    'l4: loop {
        'c5: {
            sum = sum.wrapping_add(1i32);
            if (sum.wrapping_rem(7i32) == 0i32) {
                break 'c5;
            }
            sum = sum.wrapping_add(2i32);
        }
        if !(sum.wrapping_rem(5i32) != 0i32) {
            break 'l4;
        }
    }
    return sum.wrapping_add(n);
}

#[no_mangle]
pub extern "C" fn stmt_nested_break(mut n: i32) -> i32 {
    let mut i: i32 = 0i32;
    let mut j: i32 = 0i32;
    let mut found: i32 = (-1i32);
    {
        i = 0i32;
        'l1: while ((i < 10i32) && (found < 0i32)) {
            {
                j = 0i32;
                'l2: while (j < 10i32) {
                    if (i.wrapping_mul(j) == (n & 63i32)) {
                        found = i.wrapping_mul(100i32).wrapping_add(j);
                        break 'l2;
                    }
                    j = j.wrapping_add(1i32);
                }
            }
            i = i.wrapping_add(1i32);
        }
    }
    return found;
}

#[no_mangle]
pub unsafe extern "C" fn stmt_goto_cleanup(mut n: i32) -> i32 {
    let mut status: i32 = 0i32;
    let mut a: *mut i32 = ::std::ptr::null_mut();
    let mut b: *mut i32 = ::std::ptr::null_mut();
    'g_fail_3: {
        'g_fail_a_2: {
            'g_done_1: {
                status = (-1i32);
                a = (malloc(16u64.wrapping_mul(4u64)) as *mut i32);
                if a.is_null() {
                    break 'g_fail_3;
                }
                b = (malloc(16u64.wrapping_mul(4u64)) as *mut i32);
                if b.is_null() {
                    break 'g_fail_a_2;
                }
                if (n < 0i32) {
                    status = (-2i32);
                    break 'g_done_1;
                }
                (*a.wrapping_offset(0)) = (n & 255i32);
                (*b.wrapping_offset(0)) = (*a.wrapping_offset(0)).wrapping_mul(2i32);
                status = (*a.wrapping_offset(0)).wrapping_add((*b.wrapping_offset(0)));
            }
            free((b as *mut c_void));
        }
        free((a as *mut c_void));
    }
    return status;
}

#[no_mangle]
pub extern "C" fn stmt_switch_in_loop(mut n: i32) -> i32 {
    let mut i: i32 = 0i32;
    let mut out: i32 = 0i32;
    {
        i = 0i32;
        'l1: while (i < 6i32) {
            'c2: {
                's3: {
                    'k6: {
                        'k5: {
                            'k4: {
                                match (i.wrapping_add(n) & 3i32) {
                                    0i32 => break 'k4,
                                    1i32 => break 'k5,
                                    _ => break 'k6,
                                }
                            }
                            break 'c2;
                        }
                        out = out.wrapping_add(1i32);
                        break 's3;
                    }
                    out = out.wrapping_add(5i32);
                }
                out = out.wrapping_mul(2i32);
            }
            i = i.wrapping_add(1i32);
        }
    }
    return out;
}

#[no_mangle]
pub extern "C" fn stmt_goto_retry(mut n: i32) -> i32 {
    let mut tries: i32 = 0i32;
    let mut acc: i32 = 0i32;
    'g_out_2: {
        'g_again_1: {
            tries = 0i32;
            acc = 0i32;
            if (n < 0i32) {
                break 'g_again_1;
            }
            acc = (n & 255i32);
        }
        'b_again_3: loop {
            tries = tries.wrapping_add(1i32);
            acc = acc.wrapping_add(tries);
            if (tries < 3i32) {
                continue 'b_again_3;
            }
            if (acc > 200i32) {
                break 'g_out_2;
            }
            acc = acc.wrapping_mul(2i32);
            break 'b_again_3;
        }
    }
    return acc.wrapping_add(tries.wrapping_mul(1000i32));
}

#[no_mangle]
pub extern "C" fn stmt_switch_decl(mut v: i32) -> i32 {
    let mut x: i32 = 0i32;
    's1: {
        'k4: {
            'k3: {
                'k2: {
                    match (v & 3i32) {
                        0i32 => break 'k2,
                        1i32 => break 'k3,
                        _ => break 'k4,
                    }
                }
                v = 1i32;
                x = 5i32;
                v = v.wrapping_add(x);
            }
            x = 7i32;
            v = v.wrapping_add(x);
            break 's1;
        }
        v = (-1i32);
    }
    return v;
}

#[no_mangle]
pub extern "C" fn stmt_assert(mut a: i32, mut b: i32) -> i32 {
    {
        if (b != 0i32) {
        } else {
            __c_assert_fail(b"b != 0\x00", b"statements.c\x00", 167u32, b"stmt_assert\x00");
        }
    }
    {
        if ((a > (-1000i32)) && !(b"a is not too small\x00".as_ptr() as *mut i8).is_null()) {
        } else {
            __c_assert_fail(b"a > -1000 && \"a is not too small\"\x00", b"statements.c\x00", 168u32, b"stmt_assert\x00");
        }
    }
    return a.wrapping_div((b | 1i32));
}

#[no_mangle]
pub extern "C" fn stmt_gnu_block(mut n: i32) -> i32 {
    let mut s: i32 = 0i32;
    let mut k: i32 = (n & 1023i32);
    'l1: while (1i32 != 0) {
        {
            if (k <= 0i32) {
                break 'l1;
            }
            if ((k & 1i32) != 0) {
                s = s.wrapping_add(k);
            }
        }
        k = k.wrapping_sub(1i32);
    }
    return s;
}

#[no_mangle]
pub unsafe extern "C" fn stmt_assert_out(out: *mut i32, v: i32) {
    stmt_assert_out_safe(out.as_mut(), v)
}

fn stmt_assert_out_safe(mut out: Option<&mut i32>, mut v: i32) {
    {
        if out.is_some() {
        } else {
            __c_assert_fail(b"out != NULL\x00", b"statements.c\x00", 187u32, b"stmt_assert_out\x00");
        }
    }
    (*out.as_deref_mut().expect("non-null pointer")) = (v & 255i32);
}
