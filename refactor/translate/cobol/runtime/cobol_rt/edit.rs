//! PICTURE editing: numeric-edited and alphanumeric-edited moves, and de-editing.
//!
//! Implements the COBOL rules as GnuCOBOL 3.1.2 applies them (`cob_move_display_to_edited`):
//! `9`; zero suppression with `Z` and `*`; fixed and floating `+`, `-` and `$`; `CR`,
//! `DB`; insertion `B`, `0`, `/`, `,`; the decimal point `.` (or implied `V`); BLANK WHEN
//! ZERO; DECIMAL-POINT IS COMMA (`dc`: `,` is the point, `.` an insertion). Other currency
//! signs are not supported.

use super::decimal::{Decimal, Round};
use super::pic::expand;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sym {
    Nine,
    /// Z or * digit position (suppressible).
    Zed(u8),
    /// Floating-string digit position (`+`, `-`, `$` after the first).
    Float,
    /// First symbol of a floating string: holds only the sign/currency.
    FloatHead,
    Insert(u8),
    Point,
    ImpliedPoint,
    FixedSign(u8),
    Currency,
    Cr,
    Db,
}

struct Parsed {
    syms: Vec<Sym>,
    float_char: u8,
    int_digits: u32,
    frac_digits: u32,
}

fn parse(edit: &str, dc: bool) -> Parsed {
    let pic: Vec<u8> = expand(edit)
        .iter()
        .map(|c| c.to_ascii_uppercase())
        .collect();
    // a floating string is two or more of + - $ (the same one) in digit-leading position
    let float_char = [b'+', b'-', b'$']
        .into_iter()
        .find(|&f| pic.iter().filter(|&&c| c == f).count() >= 2)
        .unwrap_or(0);
    let mut syms = Vec::new();
    let mut seen_float = false;
    let mut i = 0;
    while i < pic.len() {
        let c = pic[i];
        let s = match c {
            b'9' => Sym::Nine,
            b'Z' | b'*' => Sym::Zed(c),
            b'.' | b',' if (c == b',') == dc => Sym::Point,
            b'V' => Sym::ImpliedPoint,
            b'B' | b'0' | b'/' | b',' => Sym::Insert(c),
            b'C' if pic.get(i + 1) == Some(&b'R') => {
                i += 1;
                Sym::Cr
            }
            b'D' if pic.get(i + 1) == Some(&b'B') => {
                i += 1;
                Sym::Db
            }
            _ if c == float_char => {
                if seen_float {
                    Sym::Float
                } else {
                    seen_float = true;
                    Sym::FloatHead
                }
            }
            b'+' | b'-' => Sym::FixedSign(c),
            b'$' => Sym::Currency,
            b'P' => {
                i += 1;
                continue;
            }
            _ => Sym::Insert(c),
        };
        syms.push(s);
        i += 1;
    }
    let mut int_digits = 0;
    let mut frac_digits = 0;
    let mut after = false;
    for s in &syms {
        match s {
            Sym::Point | Sym::ImpliedPoint => after = true,
            Sym::Nine | Sym::Zed(_) | Sym::Float => {
                if after {
                    frac_digits += 1
                } else {
                    int_digits += 1
                }
            }
            _ => {}
        }
    }
    Parsed {
        syms,
        float_char,
        int_digits,
        frac_digits,
    }
}

fn is_digit(s: &Sym) -> bool {
    matches!(s, Sym::Nine | Sym::Zed(_) | Sym::Float)
}

/// Digit positions (integer, fraction) of a numeric-edited picture.
pub fn edited_digits(edit: &str, dc: bool) -> (u32, u32) {
    let p = parse(edit, dc);
    (p.int_digits, p.frac_digits)
}

/// Edit `d` (truncated to the picture's digits) into `len` bytes per PICTURE `edit`.
pub fn edit_numeric(d: Decimal, edit: &str, len: usize, blank_zero: bool, dc: bool) -> Vec<u8> {
    let p = parse(edit, dc);
    let (t, _) = d.round_to(p.frac_digits as i32, Round::Truncate);
    let modulus = super::decimal::pow10(p.int_digits + p.frac_digits);
    let mag = if t.is_nan() {
        0
    } else {
        t.v.unsigned_abs() % modulus as u128
    };
    let n = (p.int_digits + p.frac_digits) as usize;
    let digits: Vec<u8> = format!("{mag:0>n$}").into_bytes();
    let digits = &digits[digits.len() - n..];
    // Zero-ness is that of the edited digits, except that GnuCOBOL's trailing `+`/`-`
    // also looks at the sender's next digit (the one after the last digit position), so
    // -0.004 in `ZZ9.99-` edits as `  0.00-` but in `-ZZ9.99` as `    0.00`.
    let trailing_sign = p
        .syms
        .iter()
        .skip_while(|s| !is_digit(s))
        .any(|s| matches!(s, Sym::FixedSign(_)));
    let next_digit = if t.is_nan() || d.scale <= p.frac_digits as i32 {
        0
    } else {
        let k = (d.scale - p.frac_digits as i32 - 1) as u32;
        if k > 38 {
            0
        } else {
            (d.v.unsigned_abs() / super::decimal::pow10(k) as u128) % 10
        }
    };
    // Likewise each leading sign or currency symbol stands on a digit place above the
    // picture's digits: a non-zero digit there (a high-order digit being truncated)
    // turns zero suppression off, so 10000.003 in `+ZZZ9.99` edits as `+0000.00`.
    let lead = p
        .syms
        .iter()
        .take_while(|s| !is_digit(s) && !matches!(s, Sym::Point | Sym::ImpliedPoint))
        .filter(|s| matches!(s, Sym::FixedSign(_) | Sym::Currency | Sym::FloatHead))
        .count() as u32;
    let high = !t.is_nan() && lead > 0 && {
        let int_part = t.v.unsigned_abs() / super::decimal::pow10(p.frac_digits) as u128;
        let above = int_part / super::decimal::pow10(p.int_digits.min(38)) as u128;
        above % super::decimal::pow10(lead.min(38)) as u128 != 0
    };
    let is_zero = mag == 0 && !(trailing_sign && next_digit != 0) && !high;
    let neg = d.is_negative() && !is_zero;
    let mut out = vec![
        b' ';
        p.syms.len()
            + p.syms
                .iter()
                .filter(|s| matches!(s, Sym::Cr | Sym::Db))
                .count()
    ];
    let mut pad = b' ';
    let mut suppress = !high;
    let mut di = 0;
    let mut pos = 0;
    let mut float_slot: Option<usize> = None;
    let mut point_at: Option<usize> = None;
    let sign_char = |c: u8| match c {
        b'+' => {
            if neg {
                b'-'
            } else {
                b'+'
            }
        }
        b'-' => {
            if neg {
                b'-'
            } else {
                b' '
            }
        }
        _ => b'$',
    };
    for s in &p.syms {
        match *s {
            Sym::Nine => {
                if suppress {
                    if let Some(f) = float_slot.take() {
                        out[f] = sign_char(p.float_char);
                    }
                }
                suppress = false;
                out[pos] = digits[di];
                di += 1;
            }
            Sym::Zed(_) | Sym::Float => {
                if let Sym::Zed(c) = *s {
                    pad = if c == b'*' { b'*' } else { b' ' };
                }
                let dch = digits[di];
                di += 1;
                if suppress && dch == b'0' {
                    out[pos] = pad;
                    if *s == Sym::Float {
                        float_slot = Some(pos);
                    }
                } else {
                    if suppress {
                        if let Some(f) = float_slot.take() {
                            out[f] = sign_char(p.float_char);
                        }
                    }
                    suppress = false;
                    out[pos] = dch;
                }
            }
            Sym::FloatHead => {
                if suppress {
                    out[pos] = b' ';
                    float_slot = Some(pos);
                } else {
                    out[pos] = sign_char(p.float_char);
                }
            }
            Sym::Insert(c) => {
                out[pos] = if suppress {
                    if float_slot.is_some() {
                        float_slot = Some(pos);
                    }
                    pad
                } else if c == b'B' {
                    b' '
                } else {
                    c
                };
            }
            Sym::Point | Sym::ImpliedPoint => {
                if suppress && !is_zero {
                    if let Some(f) = float_slot.take() {
                        out[f] = sign_char(p.float_char);
                    }
                    suppress = false;
                }
                if *s == Sym::Point {
                    out[pos] = if dc { b',' } else { b'.' };
                    point_at = Some(pos);
                } else {
                    pos = pos.wrapping_sub(1);
                }
            }
            Sym::FixedSign(c) => out[pos] = sign_char(c),
            Sym::Currency => out[pos] = b'$',
            Sym::Cr | Sym::Db => {
                let txt: &[u8] = if *s == Sym::Cr { b"CR" } else { b"DB" };
                if neg {
                    out[pos..pos + 2].copy_from_slice(txt);
                }
                pos += 1;
            }
        }
        pos = pos.wrapping_add(1);
    }
    out.truncate(pos);
    if is_zero && (blank_zero || suppress) {
        if pad == b'*' && !blank_zero {
            for (i, b) in out.iter_mut().enumerate() {
                if Some(i) != point_at {
                    *b = b'*';
                }
            }
        } else {
            out.iter_mut().for_each(|b| *b = b' ');
        }
    }
    out.resize(len, b' ');
    out
}

/// De-edit the bytes of a numeric-edited item (digits, `.` for the point, `-`/`CR` for a
/// negative sign) back to a number.
pub fn de_edit(data: &[u8]) -> Decimal {
    de_edit_dc(data, false)
}

/// [`de_edit`] with the decimal point `,` when `dc` (DECIMAL-POINT IS COMMA).
pub fn de_edit_dc(data: &[u8], dc: bool) -> Decimal {
    let point = if dc { b',' } else { b'.' };
    let mut v: i128 = 0;
    let mut scale = 0;
    let mut frac = false;
    let mut neg = false;
    for &c in data {
        match c {
            b'0'..=b'9' => {
                v = v.saturating_mul(10).saturating_add((c - b'0') as i128);
                if frac {
                    scale += 1;
                }
            }
            c if c == point => frac = true,
            // GnuCOBOL 3.1.2 de-edits `-` and `CR` as negative, but not `DB`
            b'-' | b'C' => neg = true,
            _ => {}
        }
    }
    Decimal::new(if neg { -v } else { v }, scale)
}

/// Alphanumeric editing: `X`/`A`/`9` take the next source byte, `B` inserts a space,
/// `0` and `/` insert themselves.
pub fn edit_alnum(src: &[u8], edit: &str, len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len);
    let mut it = src.iter();
    for c in expand(edit) {
        match c.to_ascii_uppercase() {
            b'X' | b'A' | b'9' => out.push(*it.next().unwrap_or(&b' ')),
            b'B' => out.push(b' '),
            other => out.push(other),
        }
    }
    out.resize(len, b' ');
    out
}

/// Whether edited bytes carry a negative sign (`-`, `CR`).
pub fn is_negative_edited(b: &[u8]) -> bool {
    b.iter().any(|&c| c == b'-' || c == b'C')
}
