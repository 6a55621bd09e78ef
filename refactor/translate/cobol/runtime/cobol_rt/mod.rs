//! `cobol_rt`: the runtime of COBOL programs translated to Rust (std only, no `unsafe`).
//!
//! Copy this directory into a crate as `src/cobol_rt/` and declare `mod cobol_rt;`.
//! Semantics follow GnuCOBOL 3.1.2 with `cobc -std=default` (ASCII, `binary-truncate:
//! yes`, `binary-size: 1-2-4-8`, pretty DISPLAY), checked differentially against it by
//! `tests/cobol/runtime/`.
//!
//! # Model
//! * Storage is bytes: WORKING-STORAGE (or a file record) is one `Vec<u8>`; every item
//!   is a `const` [`Field`] = offset + [`Pic`]. REDEFINES are two fields on the same
//!   offset; OCCURS elements are [`Field::occurs`]; reference modification is
//!   [`Field::refmod`]. Groups are `Pic::group(len)`.
//! * Numbers are [`Decimal`] (`i128` value + scale, 38 digits). Operations never panic:
//!   overflow beyond 38 digits and division by zero give [`Decimal::NAN`], which every
//!   store reports as a SIZE ERROR with the receiver unchanged.
//! * MOVE reads the sender into a [`Value`] first ([`Field::value`], or [`Field::raw`]
//!   when sender or receiver is a group; literals with [`Value::num_lit`],
//!   [`Value::text`], figurative constants with [`Value::Fig`]) and then calls
//!   [`Field::move_value`] on the receiver, which applies the receiving category's rules.
//! * Arithmetic statements compute a [`Decimal`] with `add`/`sub`/`mul`/`div`/`pow`
//!   (DIVIDE ... REMAINDER: [`Decimal::div_rem`]) and store it with
//!   [`Field::store`]`(mem, value, Round::…, on_size_error_present) -> bool` (true: SIZE
//!   ERROR; run the ON SIZE ERROR branch, else NOT ON SIZE ERROR).
//! * DISPLAY: [`Field::display`] gives the bytes GnuCOBOL prints for the item;
//!   [`display_line`] writes the parts and a newline.
//! * Conditions: [`compare`] (numeric by value, otherwise alphanumeric with space padding),
//!   [`cond88`] for level-88 names; INITIALIZE: [`Field::initialize`], [`initialize_all`].
//! * STRING / UNSTRING / INSPECT: [`string_into`], [`unstring`], [`Inspector`] (one
//!   TALLYING or REPLACING pass with BEFORE/AFTER INITIAL; shortcuts [`inspect_tally`],
//!   [`inspect_replace`], [`inspect_convert`]).
//! * DECIMAL-POINT IS COMMA: [`Pic::decimal_comma`] on every item of the program.
//! * Alphanumeric data moved to a numeric item at run time (a data item, an UNSTRING
//!   piece) takes digits only: [`Field::move_text`]; literals use [`Field::move_value`].
//!
//! # GnuCOBOL 3.1.2 behaviours reproduced (beyond the standard rules)
//! * DISPLAY of numeric items: sign first (`-001.50`, `+005`) unless SIGN SEPARATE
//!   TRAILING (`1.50-`); COMP-5 prints the digits of its byte size (`-00012` for
//!   `S9(4) COMP-5`); unsigned items with trailing `P`s or BLANK WHEN ZERO get one extra
//!   digit place (`999PP` holding 876 prints `876000`).
//! * MOVE keeps the sender's sign when truncation leaves zero (negative zero `0p`).
//! * Alphanumeric to numeric DISPLAY MOVE aligns on a `.` in the sender and copies the
//!   bytes as they are (`"12.5"` into `9(3)V9` is `012.5`).
//! * Editing: a trailing `+`/`-` and each leading sign/currency symbol also look at the
//!   digit just outside the picture's digits (see `edit::edit_numeric`); de-editing
//!   treats `-` and `CR` (not `DB`) as negative.
//! * ROUNDED MODE PROHIBITED raises SIZE ERROR whenever the value has more decimal
//!   places than the receiver, and stores the truncated value anyway.
//! * COMP-5 overflow is checked against its byte size and wraps modulo 2^bits.
//!
//! # Example of generated code
//!
//! ```ignore
//! use crate::cobol_rt::*;
//! const AMOUNT: Field = Field::new(0, Pic::num(5, 2, true));        // PIC S9(3)V99
//! const TOTAL: Field = Field::new(5, Pic::comp3(7, 2, true));        // PIC S9(5)V99 COMP-3
//! const OUT: Field = Field::new(9, Pic::num_edited(10, "ZZ,ZZ9.99-")); // edited
//! // MOVE AMOUNT TO OUT:    let v = AMOUNT.value(&m); OUT.move_value(&mut m, &v);
//! // MOVE 3.06 TO AMOUNT:   AMOUNT.move_value(&mut m, &Value::num_lit("3.06"));
//! // MOVE SPACES TO OUT:    OUT.move_value(&mut m, &Value::Fig(Fig::Space));
//! // group moves:           let v = GRP1.raw(&m); GRP2.move_value(&mut m, &v);
//! // ADD AMOUNT TO TOTAL ROUNDED ON SIZE ERROR ...:
//! //     let r = TOTAL.get(&m).add(AMOUNT.get(&m));
//! //     if TOTAL.store(&mut m, r, Round::NearestAwayFromZero, true) { /* SIZE ERROR */ }
//! // DISPLAY AMOUNT " " OUT: display_line(&[&AMOUNT.display(&m), b" ", &OUT.display(&m)]);
//! // IF AMOUNT > 0:         compare(&AMOUNT.value(&m), &Value::num_lit("0")).is_gt()
//! // 88 OK VALUE 1 3 THRU 5: cond88(&F.value(&m), &[Value::num_lit("1")],
//! //                                &[(Value::num_lit("3"), Value::num_lit("5"))])
//! ```

#![allow(dead_code, unused_imports)]

pub mod codec;
pub mod decimal;
pub mod edit;
pub mod field;
pub mod intrinsic;
pub mod pic;
pub mod strings;
pub mod text;
pub mod value;

pub use decimal::{Decimal, Round};
pub use field::{initialize_all, Field, SizeError};
pub use pic::{Category, Pic, SignPos, Usage};
pub use strings::{
    inspect_convert, inspect_replace, inspect_tally, string_into, unstring, Delim, Inspector,
    Pattern, Piece, StrSrc,
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
