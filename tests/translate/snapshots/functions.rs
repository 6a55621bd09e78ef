//! Translated from functions.c by refactor (rules backend).
#![allow(non_camel_case_types, non_snake_case, non_upper_case_globals, unused, dead_code, unused_mut, unused_assignments, unused_parens, unused_unsafe, unused_labels, unreachable_code, unreachable_patterns, static_mut_refs, improper_ctypes, improper_ctypes_definitions, unpredictable_function_pointer_comparisons)]

use std::ffi::c_void;

#[derive(Copy, Clone)]
#[repr(C)]
pub struct anon_struct_33_13 {
    pub op: i8,
    pub r#fn: Option<unsafe extern "C" fn(i32, i32) -> i32>,
}
const _: () = assert!(::std::mem::size_of::<anon_struct_33_13>() == 16 && ::std::mem::align_of::<anon_struct_33_13>() == 8);

pub type binop = Option<unsafe extern "C" fn(i32, i32) -> i32>;

extern "C" fn add(mut a: i32, mut b: i32) -> i32 {
    return ((a as u32).wrapping_add((b as u32)) as i32);
}

extern "C" fn sub(mut a: i32, mut b: i32) -> i32 {
    return ((a as u32).wrapping_sub((b as u32)) as i32);
}

extern "C" fn max(mut a: i32, mut b: i32) -> i32 {
    return (if (a > b) { a } else { b });
}

static ops: [anon_struct_33_13; 3] = [anon_struct_33_13 { op: 43i8, r#fn: Some(add as unsafe extern "C" fn(i32, i32) -> i32) }, anon_struct_33_13 { op: 45i8, r#fn: Some(sub as unsafe extern "C" fn(i32, i32) -> i32) }, anon_struct_33_13 { op: 109i8, r#fn: Some(max as unsafe extern "C" fn(i32, i32) -> i32) }];

#[no_mangle]
pub unsafe extern "C" fn fn_apply(mut op: i8, mut a: i32, mut b: i32) -> i32 {
    let mut i: u64 = 0u64;
    {
        i = 0u64;
        'l1: while (i < 48u64.wrapping_div(16u64)) {
            if ((ops[i as usize].op as i32) == (op as i32)) {
                return (ops[i as usize].r#fn.expect("non-null function pointer"))(a, b);
            }
            i = i.wrapping_add(1u64);
        }
    }
    return 0i32;
}

#[no_mangle]
pub unsafe extern "C" fn fn_fold(mut v: *const i32, mut n: u64, mut use_max: i32) -> i32 {
    let mut f: Option<unsafe extern "C" fn(i32, i32) -> i32> = (if (use_max != 0) { Some(max as unsafe extern "C" fn(i32, i32) -> i32) } else { Some(add as unsafe extern "C" fn(i32, i32) -> i32) });
    let mut acc: i32 = 0i32;
    let mut i: u64 = 0u64;
    {
        i = 0u64;
        'l1: while (i < n) {
            acc = (f.expect("non-null function pointer"))(acc, (*v.wrapping_offset(((i as i64) as isize))));
            i = i.wrapping_add(1u64);
        }
    }
    return acc;
}

#[no_mangle]
pub extern "C" fn fn_fib(mut n: u32) -> u32 {
    if (n > 40u32) {
        return 0u32;
    }
    return (if (n < 2u32) { n } else { fn_fib(n.wrapping_sub(1u32)).wrapping_add(fn_fib(n.wrapping_sub(2u32))) });
}

#[no_mangle]
pub unsafe extern "C" fn fn_has_callback(mut which: i32) -> i32 {
    let mut f: Option<unsafe extern "C" fn(i32, i32) -> i32> = None;
    if (which > 0i32) {
        f = Some(sub as unsafe extern "C" fn(i32, i32) -> i32);
    }
    return (if f.is_some() { (f.expect("non-null function pointer"))(10i32, 3i32) } else { (-1i32) });
}

unsafe extern "C" fn count(c: *mut i32) {
    count_safe(c.as_mut())
}

fn count_safe(mut c: Option<&mut i32>) {
    (*c.as_deref_mut().expect("non-null pointer")) = (*c.as_deref_mut().expect("non-null pointer")).wrapping_add(1i32);
}

#[no_mangle]
pub unsafe extern "C" fn fn_void_calls(mut n: i32) -> i32 {
    let mut c: i32 = 0i32;
    let mut i: i32 = 0i32;
    {
        i = 0i32;
        'l1: while (i < (n & 15i32)) {
            count((&raw mut c));
            i = i.wrapping_add(1i32);
        }
    }
    return c;
}

#[no_mangle]
pub extern "C" fn fn_pure(mut a: i32, mut b: i32) -> i32 {
    return max((a & 65535i32), (b & 65535i32)).wrapping_mul(2i32);
}

unsafe extern "C" fn kr_adler(adler: u64, buf: *const u8, len: u64) -> u64 {
    kr_adler_safe(adler, if buf.is_null() { &[] } else { ::std::slice::from_raw_parts(buf, len as usize) }, len)
}

fn kr_adler_safe(mut adler: u64, mut buf: &[u8], mut len: u64) -> u64 {
    let mut a: u64 = (adler & 65535u64);
    let mut b: u64 = (adler.wrapping_shr(16i32 as u32) & 65535u64);
    let mut i: u64 = 0u64;
    {
        i = 0u64;
        'l1: while (i < len) {
            a = a.wrapping_add((buf[i as usize] as u64)).wrapping_rem(65521u64);
            b = b.wrapping_add(a).wrapping_rem(65521u64);
            i = i.wrapping_add(1u64);
        }
    }
    return (b.wrapping_shl(16i32 as u32) | a);
}

unsafe extern "C" fn kr_scale(mut x: i32, mut k: i64, mut p: *const i8) -> i32 {
    return ((x as i64).wrapping_mul(k) as i32).wrapping_add((if (!p.is_null() && ((*p) != 0)) { ((*p.wrapping_offset(0)) as i32) } else { 0i32 }));
}

#[no_mangle]
pub unsafe extern "C" fn fn_kr_adler(buf: *const u8, len: u64) -> u64 {
    fn_kr_adler_safe(if buf.is_null() { &[] } else { ::std::slice::from_raw_parts(buf, len as usize) }, len)
}

fn fn_kr_adler_safe(mut buf: &[u8], mut len: u64) -> u64 {
    return kr_adler_safe(1u64, buf, len);
}

#[no_mangle]
pub unsafe extern "C" fn fn_kr_scale(mut x: i32, mut s: *const i8) -> i32 {
    let mut h: i16 = (x as i16);
    return kr_scale(x, 3i64, s).wrapping_add(kr_scale((h as i32), (x as i64), ((b"k\x00".as_ptr() as *mut i8) as *const i8)));
}

extern "C" fn kr_pick(mut words: *const i8, mut n: u64, mut which: i32) -> *const i8 {
    return (if ((which >= 0i32) && ((which as u64) < n)) { words.wrapping_offset(((which as i64) as isize)) } else { ::std::ptr::null() });
}

#[no_mangle]
pub unsafe extern "C" fn fn_kr_pick(mut s: *const i8, mut n: u64, mut which: i32) -> i32 {
    let mut p: *const i8 = kr_pick(s, n, which);
    return (if !p.is_null() { ((*p) as i32) } else { (-1i32) });
}
