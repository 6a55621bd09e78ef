//! Translated from decls.c by refactor (rules backend).
#![allow(non_camel_case_types, non_snake_case, non_upper_case_globals, unused, dead_code, unused_mut, unused_assignments, unused_parens, unused_unsafe, unused_labels, unreachable_code, unreachable_patterns, static_mut_refs, improper_ctypes, improper_ctypes_definitions, unpredictable_function_pointer_comparisons)]

use std::ffi::c_void;

#[derive(Copy, Clone)]
#[repr(C)]
pub struct config {
    pub name: *const i8,
    pub level: i32,
    pub flags: [i32; 3],
}
const _: () = assert!(::std::mem::size_of::<config>() == 24 && ::std::mem::align_of::<config>() == 8);

#[no_mangle]
pub static mut g_counter: i32 = 5i32;

static mut s_hidden: i32 = 0i32;

static mut defaults: config = config { name: ((b"default\x00".as_ptr() as *mut i8) as *const i8), level: 3i32, flags: [0i32, 0i32, 7i32] };

static table: [i32; 4] = [0i32, 10i32, 0i32, 40i32];

static mut words: [*const i8; 3] = [((b"zero\x00".as_ptr() as *mut i8) as *const i8), ((b"one\x00".as_ptr() as *mut i8) as *const i8), ((b"two\x00".as_ptr() as *mut i8) as *const i8)];

#[no_mangle]
pub unsafe extern "C" fn decl_next() -> i32 {
    static mut calls: i32 = 0i32;
    calls = calls.wrapping_add(1i32);
    return calls.wrapping_add(g_counter);
}

#[no_mangle]
pub unsafe extern "C" fn decl_hidden(mut v: i32) -> i32 {
    s_hidden = s_hidden.wrapping_add((v & 255i32));
    return s_hidden;
}

#[no_mangle]
pub unsafe extern "C" fn decl_defaults() -> i32 {
    return defaults.level.wrapping_mul(100i32).wrapping_add(defaults.flags[2i32 as usize]).wrapping_add(defaults.flags[0i32 as usize]);
}

#[no_mangle]
pub extern "C" fn decl_table(mut i: i32) -> i32 {
    return (if ((i >= 0i32) && (i < 4i32)) { table[i as usize] } else { (-1i32) });
}

#[no_mangle]
pub unsafe extern "C" fn decl_word(mut i: i32) -> *const i8 {
    return (if ((i >= 0i32) && (i < 3i32)) { words[i as usize] } else { ((b"?\x00".as_ptr() as *mut i8) as *const i8) });
}

#[no_mangle]
pub unsafe extern "C" fn decl_config_name() -> *const i8 {
    return defaults.name;
}

#[no_mangle]
pub extern "C" fn decl_locals(mut v: i32) -> i32 {
    let mut a: i32 = (v & 255i32);
    let mut b: i32 = 2i32;
    let mut c: i32 = 0i32;
    let mut local: config = config { name: ((b"x\x00".as_ptr() as *mut i8) as *const i8), level: 0i32, flags: [1i32, 2i32, 0i32] };
    c = a.wrapping_mul(b);
    {
        let mut a: i32 = 1000i32;
        c = c.wrapping_add(a);
    }
    return c.wrapping_add(local.flags[1i32 as usize]).wrapping_add(local.level);
}

#[no_mangle]
pub extern "C" fn decl_compound_literal(mut v: i32) -> i32 {
    let mut c: config = config { name: ((b"c\x00".as_ptr() as *mut i8) as *const i8), level: (v & 7i32), flags: [0i32, 1i32, 2i32] };
    return c.level.wrapping_add(c.flags[2i32 as usize]);
}

#[derive(Copy, Clone)]
#[repr(C)]
pub struct op_entry {
    pub code: i32,
    pub r#fn: Option<unsafe extern "C" fn(i32) -> i32>,
    pub weights: [i32; 2],
}
const _: () = assert!(::std::mem::size_of::<op_entry>() == 24 && ::std::mem::align_of::<op_entry>() == 8);

extern "C" fn twice(mut x: i32) -> i32 {
    return ((x as u32).wrapping_mul(2u32) as i32);
}

static op_table: [op_entry; 2] = [op_entry { code: 1i32, r#fn: Some(twice as unsafe extern "C" fn(i32) -> i32), weights: [3i32, 4i32] }, op_entry { code: 2i32, r#fn: None, weights: [5i32, 6i32] }];

#[no_mangle]
pub extern "C" fn decl_table_sum(mut n: i32) -> i32 {
    let mut s: i32 = 0i32;
    let mut k: i32 = 0i32;
    {
        k = 0i32;
        'l1: while (k < (n & 3i32)) {
            s = s.wrapping_add(table[k as usize]);
            k = k.wrapping_add(1i32);
        }
    }
    return s;
}

#[no_mangle]
pub unsafe extern "C" fn decl_const_table(mut i: i32) -> i32 {
    let mut e: *const op_entry = (&raw const op_table[(i & 1i32) as usize]);
    let mut w: *const i32 = ((&raw const op_table[(i & 1i32) as usize].weights) as *const i32);
    let mut code: *const i32 = (&raw const op_table[1i32 as usize].code);
    let mut first: *const i32 = ((&raw const table) as *const i32);
    return (if (*e).r#fn.is_some() { ((*e).r#fn.expect("non-null function pointer"))((i & 65535i32)) } else { (*e).code }).wrapping_add((*w.wrapping_offset(1))).wrapping_add((*code)).wrapping_add((*first.wrapping_offset(3)));
}

#[no_mangle]
pub extern "C" fn decl_shadow(mut g_counter__: i32, mut g_counter_: i32) -> i32 {
    let mut table_: i32 = (g_counter__ & 255i32);
    return table_.wrapping_mul(3i32).wrapping_add((g_counter_ & 255i32));
}
