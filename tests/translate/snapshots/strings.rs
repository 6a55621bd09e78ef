//! Translated from strings.c by refactor (rules backend).
#![allow(non_camel_case_types, non_snake_case, non_upper_case_globals, unused, dead_code, unused_mut, unused_assignments, unused_parens, unused_unsafe, unused_labels, unreachable_code, unreachable_patterns, static_mut_refs, improper_ctypes, improper_ctypes_definitions, unpredictable_function_pointer_comparisons)]

use std::ffi::c_void;

extern "C" {
    pub fn memcpy(a0: *mut c_void, a1: *const c_void, a2: u64) -> *mut c_void;
    pub fn memset(a0: *mut c_void, a1: i32, a2: u64) -> *mut c_void;
    pub fn snprintf(a0: *mut i8, a1: u64, a2: *const i8, ...) -> i32;
    pub fn strchr(a0: *const i8, a1: i32) -> *mut i8;
    pub fn strcmp(a0: *const i8, a1: *const i8) -> i32;
    pub fn strlen(a0: *const i8) -> u64;
}

#[no_mangle]
pub unsafe extern "C" fn str_length(mut s: *const i8) -> u64 {
    return (if !s.is_null() { strlen(s) } else { 0u64 });
}

#[no_mangle]
pub unsafe extern "C" fn str_compare(mut a: *const i8, mut b: *const i8) -> i32 {
    let mut c: i32 = 0i32;
    if (a.is_null() || b.is_null()) {
        return 0i32;
    }
    c = strcmp(a, b);
    return ((c > 0i32) as i32).wrapping_sub(((c < 0i32) as i32));
}

#[no_mangle]
pub unsafe extern "C" fn str_format(mut v: i32, mut buf: *mut i8, mut n: u64) -> i32 {
    return snprintf(buf, n, ((b"v=%d hex=%x str=%s\x00".as_ptr() as *mut i8) as *const i8), v, (v as u32), (if (v < 0i32) { (b"neg\x00".as_ptr() as *mut i8) } else { (b"pos\x00".as_ptr() as *mut i8) }));
}

#[no_mangle]
pub unsafe extern "C" fn str_copy(mut dst: *mut i8, mut n: u64, mut src: *const i8) -> u64 {
    let mut len: u64 = 0u64;
    if ((dst.is_null() || src.is_null()) || (n == 0u64)) {
        return 0u64;
    }
    len = strlen(src);
    if (len >= n) {
        len = n.wrapping_sub(1u64);
    }
    memcpy((dst as *mut c_void), (src as *const c_void), len);
    (*dst.wrapping_offset(((len as i64) as isize))) = 0i8;
    return len;
}

#[no_mangle]
pub unsafe extern "C" fn str_count_char(mut s: *const i8, mut c: i32) -> i32 {
    let mut count: i32 = 0i32;
    if s.is_null() {
        return 0i32;
    }
    'l1: while (!{ let __v1: *const i8 = (strchr(s, c) as *const i8); s = __v1; __v1 }.is_null() && (((*s) as i32) != 0i32)) {
        count = count.wrapping_add(1i32);
        s = s.wrapping_offset(1);
    }
    return count;
}

#[no_mangle]
pub unsafe extern "C" fn str_clear(mut buf: *mut u8, mut n: u64) -> u64 {
    memset((buf as *mut c_void), 42i32, n);
    return n;
}

#[no_mangle]
pub unsafe extern "C" fn str_double(mut d: f64, mut buf: *mut i8, mut n: u64) -> i32 {
    return snprintf(buf, n, ((b"%.3f\x00".as_ptr() as *mut i8) as *const i8), d);
}

#[no_mangle]
pub unsafe extern "C" fn str_func_name() -> u64 {
    return strlen((b"str_func_name\x00".as_ptr() as *const i8));
}
