//! Translated from structs.c by refactor (rules backend).
#![allow(non_camel_case_types, non_snake_case, non_upper_case_globals, unused, dead_code, unused_mut, unused_assignments, unused_parens, unused_unsafe, unused_labels, unreachable_code, unreachable_patterns, static_mut_refs, improper_ctypes, improper_ctypes_definitions, unpredictable_function_pointer_comparisons)]

use std::ffi::c_void;

pub type color = u32;

pub const RED: i32 = 0;

pub const GREEN: i32 = 5;

pub const BLUE: i32 = 6;

pub type shape_kind = u32;

pub const SHAPE_CIRCLE: i32 = 1;

pub const SHAPE_RECT: i32 = 2;

#[derive(Copy, Clone)]
#[repr(C)]
pub struct point {
    pub x: i32,
    pub y: i32,
}
const _: () = assert!(::std::mem::size_of::<point>() == 8 && ::std::mem::align_of::<point>() == 4);

#[derive(Copy, Clone)]
#[repr(C)]
pub struct shape {
    pub kind: shape_kind,
    pub origin: point,
    pub u: shape_u,
}
const _: () = assert!(::std::mem::size_of::<shape>() == 20 && ::std::mem::align_of::<shape>() == 4);

#[derive(Copy, Clone)]
#[repr(C)]
pub union shape_u {
    pub radius: i32,
    pub size: shape_u_size,
}
const _: () = assert!(::std::mem::size_of::<shape_u>() == 8 && ::std::mem::align_of::<shape_u>() == 4);

#[derive(Copy, Clone)]
#[repr(C)]
pub struct shape_u_size {
    pub w: i32,
    pub h: i32,
}
const _: () = assert!(::std::mem::size_of::<shape_u_size>() == 8 && ::std::mem::align_of::<shape_u_size>() == 4);

#[derive(Copy, Clone)]
#[repr(C)]
pub struct tagged {
    pub tag: i8,
    pub value: f64,
    pub small: i16,
}
const _: () = assert!(::std::mem::size_of::<tagged>() == 24 && ::std::mem::align_of::<tagged>() == 8);

#[derive(Copy, Clone)]
#[repr(C)]
pub union pun {
    pub word: u32,
    pub bytes: [u8; 4],
}
const _: () = assert!(::std::mem::size_of::<pun>() == 4 && ::std::mem::align_of::<pun>() == 4);

#[derive(Copy, Clone)]
#[repr(C)]
pub struct node {
    pub value: i32,
    pub next: *mut node,
}
const _: () = assert!(::std::mem::size_of::<node>() == 16 && ::std::mem::align_of::<node>() == 8);

#[no_mangle]
pub extern "C" fn st_color(mut c: i32) -> i32 {
    return (if (c == GREEN) { BLUE } else { RED });
}

#[no_mangle]
pub unsafe extern "C" fn st_area(mut s: *const shape) -> i64 {
    if s.is_null() {
        return (-1i64);
    }
    if (((*s).kind as u32) == (SHAPE_CIRCLE as u32)) {
        return 3i64.wrapping_mul(((*s).u.radius as i64)).wrapping_mul(((*s).u.radius as i64));
    }
    return ((*s).u.size.w as i64).wrapping_mul(((*s).u.size.h as i64));
}

#[no_mangle]
pub unsafe extern "C" fn st_init_shape(mut s: *mut shape, mut w: i32, mut h: i32) -> i32 {
    let mut o: point = point { x: 1i32, y: 2i32 };
    (*s).kind = (SHAPE_RECT as shape_kind);
    (*s).origin = o;
    (*s).u.size.w = (w & 4095i32);
    (*s).u.size.h = (h & 4095i32);
    return (*s).origin.x.wrapping_add((*s).origin.y);
}

#[no_mangle]
pub extern "C" fn st_sizeof_tagged() -> u64 {
    return 24u64;
}

#[no_mangle]
pub extern "C" fn st_sizeof_shape() -> u64 {
    return 20u64;
}

#[no_mangle]
pub unsafe extern "C" fn st_low_byte(mut w: u32) -> u32 {
    let mut p: pun = pun { word: 0u32 };
    p.word = w;
    return (p.bytes[0i32 as usize] as u32);
}

#[no_mangle]
pub unsafe extern "C" fn st_list_sum(mut n: i32) -> i32 {
    let mut nodes: [node; 4] = [node { value: 0i32, next: ::std::ptr::null_mut() }; 4];
    let mut head: *mut node = ::std::ptr::null_mut();
    let mut i: i32 = 0i32;
    let mut sum: i32 = 0i32;
    {
        i = 0i32;
        'l1: while (i < 4i32) {
            nodes[i as usize].value = (n & 255i32).wrapping_add(i);
            nodes[i as usize].next = head;
            head = (&raw mut nodes[i as usize]);
            i = i.wrapping_add(1i32);
        }
    }
    'l2: while !head.is_null() {
        sum = sum.wrapping_add((*head).value);
        head = (*head).next;
    }
    return sum;
}

#[no_mangle]
pub extern "C" fn st_copy(mut v: i32) -> i32 {
    let mut a: point = point { x: (v & 65535i32), y: 7i32 };
    let mut b: point = point { x: 0i32, y: 0i32 };
    b = a;
    b.x = b.x.wrapping_add(1i32);
    return a.x.wrapping_mul(10i32).wrapping_add(b.x).wrapping_sub(b.y);
}

#[no_mangle]
pub unsafe extern "C" fn st_point_sum(p: *const point) -> i32 {
    st_point_sum_safe(p.as_ref())
}

fn st_point_sum_safe(mut p: Option<&point>) -> i32 {
    if !p.is_some() {
        return (-1i32);
    }
    return ((*p.expect("non-null pointer")).x & 65535i32).wrapping_add(((*p.expect("non-null pointer")).y & 65535i32));
}
