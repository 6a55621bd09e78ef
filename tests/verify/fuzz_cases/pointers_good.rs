// Faithful translations of pointers.c.
use std::os::raw::{c_char, c_int, c_long, c_void};

extern "C" {
    fn calloc(n: usize, size: usize) -> *mut c_void;
    fn free(p: *mut c_void);
    fn strdup(s: *const c_char) -> *mut c_char;
}

#[repr(C)] pub struct Link { value: c_int, next: *mut Link }
#[repr(C)] pub struct Tree { value: c_int, left: *mut Tree, right: *mut Tree }
#[repr(C)] pub struct Entry {
    next: *mut Entry, prev: *mut Entry, key: *mut c_char, count: c_int, weight: *mut c_int,
    compare: Option<extern "C" fn(c_int, c_int) -> c_int>, user: *mut c_void,
}

#[no_mangle] pub unsafe extern "C" fn list_len(mut head: *const Link) -> c_int {
    let mut n = 0;
    while !head.is_null() { n += 1; head = (*head).next; }
    n
}
#[no_mangle] pub unsafe extern "C" fn tree_sum(t: *const Tree) -> c_long {
    if t.is_null() { return 0; }
    (*t).value as c_long + tree_sum((*t).left) + tree_sum((*t).right)
}
#[no_mangle] pub unsafe extern "C" fn entry_new(key: *const c_char, value: c_int) -> *mut Entry {
    let e = calloc(1, std::mem::size_of::<Entry>()) as *mut Entry;
    if e.is_null() { return e; }
    (*e).key = strdup(key);
    (*e).count = value;
    (*e).prev = e;
    e
}
#[no_mangle] pub unsafe extern "C" fn entry_free(mut e: *mut Entry) {
    while !e.is_null() {
        let next = (*e).next;
        free((*e).key as *mut c_void);
        free((*e).weight as *mut c_void);
        free(e as *mut c_void);
        e = next;
    }
}
#[no_mangle] pub unsafe extern "C" fn entry_weight(e: *const Entry) -> c_int {
    if !e.is_null() && !(*e).weight.is_null() { *(*e).weight } else { -1 }
}
