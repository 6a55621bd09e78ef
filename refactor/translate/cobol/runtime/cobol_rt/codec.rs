//! Byte encodings of numeric items: zoned DISPLAY (overpunch or separate sign), COMP
//! (big-endian), COMP-5 (native little-endian) and COMP-3 (packed, sign nibble).

use super::pic::{Pic, SignPos, Usage};

/// The stored integer of a numeric item (DISPLAY, COMP, COMP-5, COMP-3).
pub fn decode(b: &[u8], p: &Pic) -> i128 {
    match p.usage {
        Usage::Display => {
            let (digits, neg) = match p.sign {
                SignPos::LeadingSeparate => (&b[1..], b[0] == b'-'),
                SignPos::TrailingSeparate => (&b[..b.len() - 1], b[b.len() - 1] == b'-'),
                _ => (b, false),
            };
            let over_at = match p.sign {
                SignPos::Trailing if p.signed => Some(digits.len().saturating_sub(1)),
                SignPos::Leading if p.signed => Some(0),
                _ => None,
            };
            let mut v: i128 = 0;
            let mut neg = neg;
            for (i, &c) in digits.iter().enumerate() {
                let d = if Some(i) == over_at {
                    let (d, n) = unpunch(c);
                    neg |= n;
                    d
                } else {
                    (c & 0x0F) as i128 % 10
                };
                v = v * 10 + d;
            }
            if neg {
                -v
            } else {
                v
            }
        }
        Usage::Binary | Usage::Comp5 => {
            let mut u: u128 = 0;
            let it: Box<dyn Iterator<Item = &u8>> = if p.usage == Usage::Binary {
                Box::new(b.iter())
            } else {
                Box::new(b.iter().rev())
            };
            for &x in it {
                u = (u << 8) | x as u128;
            }
            let bits = (b.len() * 8) as u32;
            if p.signed && bits < 128 && u >> (bits - 1) & 1 == 1 {
                (u as i128) - (1i128 << bits)
            } else {
                u as i128
            }
        }
        Usage::Packed => {
            let mut v: i128 = 0;
            let n = b.len() * 2 - 1;
            for i in 0..n {
                let nib = if i % 2 == 0 {
                    b[i / 2] >> 4
                } else {
                    b[i / 2] & 0x0F
                };
                v = v * 10 + (nib % 10) as i128;
            }
            let s = b[b.len() - 1] & 0x0F;
            if s == 0x0D || s == 0x0B {
                -v
            } else {
                v
            }
        }
    }
}

/// Overpunched digit: `0`-`9` positive, `p`-`y` negative (GnuCOBOL ASCII), and the
/// EBCDIC-style `{A-I` positive / `}J-R` negative.
fn unpunch(c: u8) -> (i128, bool) {
    match c {
        b'0'..=b'9' => ((c - b'0') as i128, false),
        b'p'..=b'y' => ((c - b'p') as i128, true),
        b'{' => (0, false),
        b'A'..=b'I' => ((c - b'A' + 1) as i128, false),
        b'}' => (0, true),
        b'J'..=b'R' => ((c - b'J' + 1) as i128, true),
        _ => ((c & 0x0F) as i128 % 10, false),
    }
}

/// Write stored integer `v` (already truncated to the item) into its bytes; `neg` is the
/// sign to store (it may be set with `v == 0`: negative zero).
pub fn encode(b: &mut [u8], p: &Pic, v: i128, neg: bool) {
    let neg = neg && p.signed;
    let v = if neg { -(v.abs()) } else { v.abs() };
    match p.usage {
        Usage::Display => {
            let (lo, hi) = match p.sign {
                SignPos::LeadingSeparate => (1, b.len()),
                SignPos::TrailingSeparate => (0, b.len() - 1),
                _ => (0, b.len()),
            };
            let n = hi - lo;
            let s = format!("{:0>n$}", v.unsigned_abs());
            b[lo..hi].copy_from_slice(&s.as_bytes()[s.len() - n..]);
            match p.sign {
                SignPos::LeadingSeparate => b[0] = if neg { b'-' } else { b'+' },
                SignPos::TrailingSeparate => b[hi] = if neg { b'-' } else { b'+' },
                SignPos::Trailing if neg => b[hi - 1] += 0x40,
                SignPos::Leading if neg => b[0] += 0x40,
                _ => {}
            }
        }
        Usage::Binary | Usage::Comp5 => {
            let bytes = v.to_be_bytes();
            let n = b.len();
            b.copy_from_slice(&bytes[16 - n..]);
            if p.usage == Usage::Comp5 {
                b.reverse();
            }
        }
        Usage::Packed => {
            let n = b.len() * 2 - 1;
            let s = format!("{:0>n$}", v.unsigned_abs());
            let d = &s.as_bytes()[s.len() - n..];
            let sign = if !p.signed {
                0x0F
            } else if neg {
                0x0D
            } else {
                0x0C
            };
            for (i, byte) in b.iter_mut().enumerate() {
                let hi = d[2 * i] - b'0';
                let lo = if 2 * i + 1 < n {
                    d[2 * i + 1] - b'0'
                } else {
                    sign
                };
                *byte = (hi << 4) | lo;
            }
        }
    }
}

/// NUMERIC class test of packed-decimal bytes: digit nibbles 0-9, and a sign nibble C or
/// D for a signed item, F for an unsigned one (as GnuCOBOL tests it).
pub fn packed_valid(b: &[u8], signed: bool) -> bool {
    let Some((last, body)) = b.split_last() else { return false };
    let sign = last & 0x0F;
    let sign_ok = if signed { sign == 0x0C || sign == 0x0D } else { sign == 0x0F };
    sign_ok && last >> 4 <= 9 && body.iter().all(|x| x >> 4 <= 9 && x & 0x0F <= 9)
}
