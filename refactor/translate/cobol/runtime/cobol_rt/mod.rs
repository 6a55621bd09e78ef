//! `cobol_rt`: the runtime of COBOL programs translated to Rust (std only).
//!
//! Copy this directory into a crate as `src/cobol_rt/` and declare `mod cobol_rt;`.
//! Semantics follow GnuCOBOL 3.1.2 with `-std=default` (ASCII, `binary-truncate: yes`,
//! `binary-size: 1-2-4-8`, `pretty-display: yes`).
//!
//! How generated code uses it:
//!
//! ```ignore
//! use crate::cobol_rt::*;
//! // WORKING-STORAGE as one byte region, items as const views on it
//! const WS_LEN: usize = 12;
//! const AMOUNT: Field = Field::new(0, Pic::num(5, 2, true));        // PIC S9(3)V99
//! const TOTAL: Field = Field::new(5, Pic::comp3(7, 2, true));        // PIC S9(5)V99 COMP-3
//! const OUT: Field = Field::new(9, Pic::alnum(3));                   // PIC X(3)
//! struct Ws { mem: Vec<u8> }
//! // MOVE AMOUNT TO OUT:    let v = AMOUNT.value(&m); OUT.move_value(&mut m, &v);
//! // MOVE 3.06 TO AMOUNT:   AMOUNT.move_value(&mut m, &Value::num_lit("3.06"));
//! // MOVE SPACES TO OUT:    OUT.move_value(&mut m, &Value::Fig(Fig::Space));
//! // group moves:           let v = GRP1.raw(&m); GRP2.move_value(&mut m, &v);
//! // ADD AMOUNT TO TOTAL ROUNDED ON SIZE ERROR ...:
//! //     let r = TOTAL.get(&m).add(AMOUNT.get(&m));
//! //     if TOTAL.store(&mut m, r, Round::NearestAwayFromZero, true) { /* SIZE ERROR */ }
//! // DIVIDE: a.div(b) is NaN on a zero divisor; store() then reports a size error.
//! // DISPLAY AMOUNT " " OUT: display_line(&[&AMOUNT.display(&m), b" ", &OUT.display(&m)]);
//! // IF AMOUNT > 0:         compare(&AMOUNT.value(&m), &Value::num_lit("0")).is_gt()
//! // 88 OK VALUE 1 3 THRU 5: cond88(&F.value(&m), &[Value::num_lit("1")],
//! //                                &[(Value::num_lit("3"), Value::num_lit("5"))])
//! ```

#![allow(dead_code, unused_imports)]

pub mod decimal;
pub mod edit;
pub mod field;
pub mod pic;
pub mod strings;
pub mod value;

pub use decimal::{Decimal, Round};
pub use field::{initialize_all, Field, SizeError};
pub use pic::{Category, Pic, SignPos, Usage};
pub use strings::{
    inspect_convert, inspect_replace, inspect_tally, string_into, unstring, Delim, Pattern, StrSrc,
};
pub use value::{cmp_alnum, compare, cond88, Fig, Value};

use std::io::Write;

/// DISPLAY ... (with advancing): the parts concatenated, then a newline, on stdout.
pub fn display_line(parts: &[&[u8]]) {
    let mut out = std::io::stdout().lock();
    for p in parts {
        let _ = out.write_all(p);
    }
    let _ = out.write_all(b"\n");
}

/// DISPLAY ... WITH NO ADVANCING.
pub fn display_no_advancing(parts: &[&[u8]]) {
    let mut out = std::io::stdout().lock();
    for p in parts {
        let _ = out.write_all(p);
    }
    let _ = out.flush();
}

/// DISPLAY ... UPON SYSERR.
pub fn display_err(parts: &[&[u8]]) {
    let mut out = std::io::stderr().lock();
    for p in parts {
        let _ = out.write_all(p);
    }
    let _ = out.write_all(b"\n");
}
