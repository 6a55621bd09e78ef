//! Fields: typed views `(offset, Pic)` on a byte region (a record or WORKING-STORAGE).
//!
//! Storage is byte-exact, so REDEFINES, group moves and file records work unchanged:
//! working storage is one `Vec<u8>` (or several regions), and every item is a
//! `const Field` giving its offset and [`Pic`]. All accessors take the region as a slice.

use super::codec::{decode, encode};
use super::decimal::{pow10, Decimal, Round};
use super::edit::{de_edit_dc, edit_alnum, edit_numeric, edited_digits, is_negative_edited};
use super::pic::{Category, Pic, SignPos, Usage};

/// An elementary item (or group) at `off` in a region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    pub off: usize,
    pub pic: Pic,
}

/// Outcome of a store: `true` when a SIZE ERROR condition occurred (for a store with
/// `size_check` the receiver was then left unchanged).
pub type SizeError = bool;

impl Field {
    pub const fn new(off: usize, pic: Pic) -> Field {
        Field { off, pic }
    }

    /// The same item `delta` bytes further (OCCURS element: `delta = (i - 1) * stride`).
    pub const fn at(&self, delta: usize) -> Field {
        Field {
            off: self.off + delta,
            pic: self.pic,
        }
    }

    /// OCCURS element with 1-based `index` and element size `stride`. An index out of
    /// the table reads the storage around it, as cobc does without subscript checking
    /// (kept within the region's start).
    pub fn occurs(&self, index: i64, stride: usize) -> Field {
        let off = self.off as i64 + (index - 1) * stride as i64;
        Field { off: off.max(0) as usize, pic: self.pic }
    }

    /// The item with `len` bytes: a group holding an OCCURS DEPENDING ON table, at the
    /// table's current size.
    pub const fn with_len(&self, len: usize) -> Field {
        let mut pic = self.pic;
        pic.len = len;
        Field { off: self.off, pic }
    }

    /// Reference modification `item(start:len)` (1-based), an alphanumeric view. Out of
    /// the item it reads the storage around it, as cobc does without -debug (records are
    /// laid out with cobc's zero padding between them, `FieldTable` in emit_data.py).
    pub fn refmod(&self, start: i64, len: Option<i64>) -> Field {
        let len = len.unwrap_or(self.pic.len as i64 + 1 - start).max(0);
        let off = (self.off as i64 + start - 1).max(0);
        Field {
            off: off as usize,
            pic: Pic::alnum(len as usize),
        }
    }

    pub fn bytes<'a>(&self, mem: &'a [u8]) -> &'a [u8] {
        &mem[self.off..self.off + self.pic.len]
    }

    pub fn bytes_mut<'a>(&self, mem: &'a mut [u8]) -> &'a mut [u8] {
        &mut mem[self.off..self.off + self.pic.len]
    }

    /// Fill every byte (MOVE ALL / figurative constants to groups).
    pub fn fill(&self, mem: &mut [u8], byte: u8) {
        self.bytes_mut(mem).iter_mut().for_each(|b| *b = byte);
    }

    /// Numeric value: numeric items by usage, edited items de-edited, alphanumeric items
    /// read as an unsigned integer of their digits.
    pub fn get(&self, mem: &[u8]) -> Decimal {
        let b = self.bytes(mem);
        let p = &self.pic;
        match p.cat {
            Category::Numeric => Decimal::new(decode(b, p), p.scale),
            Category::NumericEdited => de_edit_dc(b, p.decimal_comma),
            _ => Decimal::new(digits_value(b), 0),
        }
    }

    /// Store a computed value (arithmetic statements and COMPUTE).
    ///
    /// Rounds per `round`, then checks the integer part against the PICTURE digits
    /// (COMP-5: against its byte size). On overflow: with `size_check` (ON SIZE ERROR
    /// present) the receiver is unchanged; without it the high-order digits are dropped
    /// (COMP-5 wraps modulo its byte size). NaN (division by zero) leaves the receiver
    /// unchanged in both cases. `Round::Prohibited` reports a size error whenever `d` has
    /// more decimal places than the receiver, and still stores the truncated value
    /// (GnuCOBOL 3.1.2). Returns whether a size error occurred.
    pub fn store(&self, mem: &mut [u8], d: Decimal, round: Round, size_check: bool) -> SizeError {
        let p = self.pic;
        if d.is_nan() {
            return true;
        }
        let (scale, digits) = match p.cat {
            Category::NumericEdited => {
                let (i, f) = edited_digits(p.edit, p.decimal_comma);
                (f as i32, i + f)
            }
            _ => (p.scale, p.digits),
        };
        let (r, lost) = d.round_to(scale, round);
        if r.is_nan() {
            return true;
        }
        // GnuCOBOL 3.1.2 raises the size error whenever the intermediate result has more
        // decimal places than the receiver (even if they are zeros: 2.00 into PIC 99),
        // and stores the truncated value all the same
        let _ = lost;
        let prohibited = round == Round::Prohibited && d.scale > scale;
        let over = if p.usage == Usage::Comp5 && p.cat == Category::Numeric {
            !fits_binary(r.v, p.len, p.signed)
        } else {
            digits < 39 && r.v.unsigned_abs() >= pow10(digits) as u128
        };
        if over && size_check {
            return true;
        }
        self.put(mem, r);
        over || prohibited
    }

    /// Store without rounding or size checking (MOVE of a numeric value).
    pub fn set(&self, mem: &mut [u8], d: Decimal) {
        self.store(mem, d, Round::Truncate, false);
    }

    /// Write `d` (truncated here to the item) into the bytes.
    fn put(&self, mem: &mut [u8], d: Decimal) {
        self.put_signed(mem, d, d.v < 0)
    }

    /// Like `put`, with the sign given apart: a MOVE keeps the sender's sign even when
    /// truncation leaves zero (GnuCOBOL then stores a negative zero, e.g. `0p`).
    pub(crate) fn put_signed(&self, mem: &mut [u8], d: Decimal, neg: bool) {
        let p = self.pic;
        match p.cat {
            Category::Numeric if p.blank_zero => {
                let (t, _) = d.round_to(p.scale, Round::Truncate);
                let m = t.v % pow10(p.digits.min(38));
                if m == 0 {
                    self.fill(mem, b' ');
                } else {
                    encode(self.bytes_mut(mem), &p, m, neg);
                }
            }
            Category::Numeric => {
                let (t, _) = d.round_to(p.scale, Round::Truncate);
                let v = if p.usage == Usage::Comp5 {
                    t.v
                } else {
                    t.v % pow10(p.digits.min(38))
                };
                encode(self.bytes_mut(mem), &p, v, neg && p.signed);
            }
            Category::NumericEdited => {
                let out = edit_numeric(d, p.edit, p.len, p.blank_zero, p.decimal_comma);
                self.bytes_mut(mem).copy_from_slice(&out);
            }
            _ => {
                let v = Value::Num(d, 0);
                self.move_value(mem, &v);
            }
        }
    }

    /// The item as a MOVE sender (read it before writing the receiver).
    pub fn value(&self, mem: &[u8]) -> Value {
        match self.pic.cat {
            Category::Numeric => Value::Num(self.get(mem), self.pic.digits),
            Category::NumericEdited => Value::Edited(self.bytes(mem).to_vec()),
            _ => Value::Alnum(self.bytes(mem).to_vec()),
        }
    }

    /// The raw bytes as an alphanumeric sender: use it when sender or receiver is a group.
    pub fn raw(&self, mem: &[u8]) -> Value {
        Value::Alnum(self.bytes(mem).to_vec())
    }

    /// MOVE `v` TO this item, with the category rules of the receiving item.
    pub fn move_value(&self, mem: &mut [u8], v: &Value) {
        let p = self.pic;
        match (p.cat, v) {
            (Category::Numeric | Category::NumericEdited, Value::Num(d, _)) => self.put(mem, *d),
            (Category::Numeric | Category::NumericEdited, Value::Edited(b)) => {
                let d = de_edit_dc(b, p.decimal_comma);
                self.put_signed(mem, d, d.v < 0 || is_negative_edited(b))
            }
            (Category::Numeric | Category::NumericEdited, Value::Fig(Fig::Zero)) => {
                self.put(mem, Decimal::ZERO)
            }
            (Category::Numeric, Value::Alnum(b)) => self.move_alnum_to_numeric(mem, b),
            (Category::NumericEdited, Value::Alnum(b)) => {
                let (i, f) = edited_digits(p.edit, p.decimal_comma);
                self.put(mem, alnum_to_decimal(b, i, f, p.point()))
            }
            (_, Value::Fig(f)) => {
                let out = f.repeat(p.len);
                self.bytes_mut(mem).copy_from_slice(&out);
            }
            (Category::AlphanumericEdited, _) => {
                let out = edit_alnum(&v.alnum_bytes(), p.edit, p.len);
                self.bytes_mut(mem).copy_from_slice(&out);
            }
            _ => {
                let src = v.alnum_bytes();
                let dst = self.bytes_mut(mem);
                justify(dst, &src, p.justified && p.cat != Category::Group);
            }
        }
    }

    /// GnuCOBOL's alphanumeric-to-DISPLAY move: the characters before the sender's
    /// first `.` are right-aligned on the integer digits, those after it left-aligned on
    /// the fraction; bytes are copied as they are (a non-digit stays a non-digit).
    fn move_alnum_to_numeric(&self, mem: &mut [u8], src: &[u8]) {
        let p = self.pic;
        if p.usage != Usage::Display
            || p.sign == SignPos::LeadingSeparate
            || p.sign == SignPos::TrailingSeparate
            || p.scale < 0
        {
            self.put(
                mem,
                alnum_to_decimal(src, p.digits - p.scale.max(0) as u32, p.scale as u32, p.point()),
            );
            return;
        }
        let int = (p.digits as i32 - p.scale) as usize;
        let mut buf = vec![b'0'; p.digits as usize];
        let (ip, fp) = split_point(src, p.point());
        let ip = &ip[ip.len().saturating_sub(int)..];
        buf[int - ip.len()..int].copy_from_slice(ip);
        for (i, &c) in fp.iter().take(p.scale as usize).enumerate() {
            buf[int + i] = c;
        }
        self.bytes_mut(mem).copy_from_slice(&buf);
    }

    /// DISPLAY text of the item (GnuCOBOL 3.1.2 rules): numeric DISPLAY, COMP, COMP-3 and
    /// COMP-5 items print a leading sign when signed (`+`/`-`; separate signs keep their
    /// side), every digit, and `.` when scaled; COMP-5 prints the digits its byte size can
    /// hold; everything else prints its bytes.
    pub fn display(&self, mem: &[u8]) -> Vec<u8> {
        let p = self.pic;
        if p.cat != Category::Numeric {
            return self.bytes(mem).to_vec();
        }
        let v = decode(self.bytes(mem), &p);
        if !p.signed && p.usage == Usage::Display && (p.blank_zero || p.scale < 0) {
            return display_quirk(v, &p);
        }
        let shown = if p.usage == Usage::Comp5 {
            binary_display_digits(p.len, p.signed)
        } else if p.scale < 0 {
            p.digits + (-p.scale) as u32
        } else {
            p.digits.max(p.scale as u32)
        };
        let mag = if p.scale < 0 {
            v.unsigned_abs() * pow10((-p.scale) as u32) as u128
        } else {
            v.unsigned_abs()
        };
        let n = shown as usize;
        let s = format!("{mag:0>n$}");
        let s = &s[s.len() - n..];
        // DISPLAY usage shows its digit bytes as stored (an INSPECT may have put spaces
        // there), except an overpunched sign digit
        let raw = raw_digits(self.bytes(mem), &p, s.as_bytes());
        let s = std::str::from_utf8(&raw).unwrap_or(s);
        let mut out = Vec::new();
        let sign = if v < 0 { b'-' } else { b'+' };
        let trailing = p.sign == SignPos::TrailingSeparate;
        if p.signed && !trailing {
            out.push(sign);
        }
        if p.scale > 0 {
            let k = n - p.scale as usize;
            out.extend_from_slice(&s.as_bytes()[..k]);
            out.push(p.point());
            out.extend_from_slice(&s.as_bytes()[k..]);
        } else {
            out.extend_from_slice(s.as_bytes());
            if p.scale < 0 {
                out.push(p.point());
            }
        }
        if p.signed && trailing {
            out.push(sign);
        }
        out
    }

    /// INITIALIZE (default REPLACING): numeric and numeric-edited items get zero,
    /// alphanumeric, alphabetic and alphanumeric-edited items spaces. Groups: call it on
    /// each elementary item (see [`initialize_all`]).
    pub fn initialize(&self, mem: &mut [u8]) {
        match self.pic.cat {
            Category::Numeric | Category::NumericEdited => self.put(mem, Decimal::ZERO),
            _ => self.fill(mem, b' '),
        }
    }
}

/// INITIALIZE a group: every listed elementary item (generated code leaves out FILLERs).
pub fn initialize_all(mem: &mut [u8], fields: &[Field]) {
    fields.iter().for_each(|f| f.initialize(mem));
}

fn split_point(src: &[u8], point: u8) -> (&[u8], &[u8]) {
    match src.iter().position(|&c| c == point) {
        Some(i) => (&src[..i], &src[i + 1..]),
        None => (src, &[]),
    }
}

/// Alphanumeric sender as a number: digits only, aligned on a `.` if present.
fn alnum_to_decimal(src: &[u8], int: u32, frac: u32, point: u8) -> Decimal {
    let (ip, fp) = split_point(src, point);
    let iv = digits_value(&ip[ip.len().saturating_sub(int as usize)..]);
    let fv = digits_value(&fp[..fp.len().min(frac as usize)]);
    let fl = fp.len().min(frac as usize) as u32;
    Decimal::new(iv * pow10(fl) + fv, fl as i32)
}

fn digits_value(b: &[u8]) -> i128 {
    b.iter().fold(0i128, |acc, &c| {
        let d = if c.is_ascii_digit() {
            (c - b'0') as i128
        } else {
            0
        };
        acc.wrapping_mul(10).wrapping_add(d)
    })
}

/// Left-justify (or right-justify) `src` into `dst`, space padded, truncated.
pub fn justify(dst: &mut [u8], src: &[u8], right: bool) {
    let n = dst.len();
    if right {
        let take = src.len().min(n);
        dst[..n - take].iter_mut().for_each(|b| *b = b' ');
        dst[n - take..].copy_from_slice(&src[src.len() - take..]);
    } else {
        let take = src.len().min(n);
        dst[..take].copy_from_slice(&src[..take]);
        dst[take..].iter_mut().for_each(|b| *b = b' ');
    }
}

/// GnuCOBOL 3.1.2 shows unsigned DISPLAY items with BLANK WHEN ZERO or trailing `P`s
/// with one extra digit place: `9(3)V99 BWZ` 1.5 as `001500`, `999PP` 876 as `876000`.
fn display_quirk(v: i128, p: &Pic) -> Vec<u8> {
    let n = p.digits as usize;
    let digits = format!("{:0>n$}", v.unsigned_abs());
    let extra = if p.scale < 0 {
        (1 - p.scale) as usize
    } else {
        (p.scale != 0) as usize
    };
    if p.blank_zero && v == 0 {
        return vec![b' '; n + extra];
    }
    let mut out = digits.into_bytes();
    out.resize(out.len() + extra, b'0');
    out
}

/// The digits DISPLAY shows for item bytes `b`: for a DISPLAY item with every digit
/// stored, the stored bytes (overpunched sign digit from `decoded`); else `decoded`.
fn raw_digits(b: &[u8], p: &Pic, decoded: &[u8]) -> Vec<u8> {
    if p.usage != Usage::Display || p.scale < 0 || p.scale as u32 > p.digits {
        return decoded.to_vec();
    }
    let body = match p.sign {
        SignPos::LeadingSeparate => &b[1..],
        SignPos::TrailingSeparate => &b[..b.len() - 1],
        _ => b,
    };
    if body.len() != decoded.len() {
        return decoded.to_vec();
    }
    let punched = match p.sign {
        SignPos::Trailing if p.signed => Some(body.len() - 1),
        SignPos::Leading if p.signed => Some(0),
        _ => None,
    };
    body.iter()
        .zip(decoded)
        .enumerate()
        .map(|(i, (&r, &d))| if Some(i) == punched || !r.is_ascii() { d } else { r })
        .collect()
}

fn binary_display_digits(len: usize, signed: bool) -> u32 {
    match (len, signed) {
        (1, _) => 3,
        (2, _) => 5,
        (4, _) => 10,
        (8, true) => 19,
        (8, false) => 20,
        _ => 39,
    }
}

fn fits_binary(v: i128, len: usize, signed: bool) -> bool {
    let bits = (len * 8) as u32;
    if bits >= 128 {
        return true;
    }
    if signed {
        let lim = 1i128 << (bits - 1);
        v >= -lim && v < lim
    } else {
        v >= 0 && v < (1i128 << bits)
    }
}

pub use super::value::{Fig, Value};
