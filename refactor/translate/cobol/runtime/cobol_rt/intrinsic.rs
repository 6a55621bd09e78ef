//! Intrinsic functions that need more than a `Decimal` operation: NUMVAL and NUMVAL-C
//! (with their TEST- forms), MOD and REM.

use super::decimal::Decimal;

/// The numeric value of `text` as NUMVAL (no `currency`) or NUMVAL-C (`currency`: the
/// currency string, thousands separators allowed) read it: spaces, a leading or trailing
/// sign (`+`, `-`, `CR`, `DB`), digits with one decimal point (`,` with DECIMAL-POINT IS
/// COMMA). Zero when the text is not such a number (as GnuCOBOL returns it).
pub fn numval(text: &[u8], dc: bool, currency: Option<&[u8]>) -> Decimal {
    match scan(text, dc, currency) {
        Ok(d) => d,
        Err(_) => Decimal::ZERO,
    }
}

/// TEST-NUMVAL / TEST-NUMVAL-C: 0 when NUMVAL would accept `text`, else the 1-based
/// position of the first character it does not (length + 1 for a missing part).
pub fn test_numval(text: &[u8], dc: bool, currency: Option<&[u8]>) -> Decimal {
    match scan(text, dc, currency) {
        Ok(_) => Decimal::ZERO,
        Err(pos) => Decimal::int(pos as i64 + 1),
    }
}

fn scan(text: &[u8], dc: bool, currency: Option<&[u8]>) -> Result<Decimal, usize> {
    let (point, group) = if dc { (b',', b'.') } else { (b'.', b',') };
    let upper: Vec<u8> = text.to_ascii_uppercase();
    let n = upper.len();
    let mut i = 0;
    let skip = |i: &mut usize| while *i < n && upper[*i] == b' ' { *i += 1 };
    let mut neg = false;
    let mut signed = false;
    skip(&mut i);
    let take_currency = |i: &mut usize| {
        if let Some(c) = currency {
            if !c.is_empty() && upper[*i..].starts_with(&c.to_ascii_uppercase()) {
                *i += c.len();
                return true;
            }
        }
        false
    };
    if i < n && (upper[i] == b'+' || upper[i] == b'-') {
        neg = upper[i] == b'-';
        signed = true;
        i += 1;
        skip(&mut i);
    }
    if take_currency(&mut i) {
        skip(&mut i);
    }
    if !signed && i < n && (upper[i] == b'+' || upper[i] == b'-') {
        neg = upper[i] == b'-';
        signed = true;
        i += 1;
        skip(&mut i);
    }
    let mut v: i128 = 0;
    let mut scale = 0;
    let mut digits = 0;
    let mut frac = false;
    while i < n {
        let c = upper[i];
        if c.is_ascii_digit() {
            v = v * 10 + (c - b'0') as i128;
            digits += 1;
            if frac {
                scale += 1;
            }
        } else if c == point && !frac {
            frac = true;
        } else if c == group && currency.is_some() && !frac {
        } else {
            break;
        }
        i += 1;
    }
    if digits == 0 {
        return Err(i);
    }
    skip(&mut i);
    if !signed && i < n {
        if upper[i] == b'+' || upper[i] == b'-' {
            neg = upper[i] == b'-';
            i += 1;
        } else if upper[i] == b'C' || upper[i] == b'D' {
            let second = if upper[i] == b'C' { b'R' } else { b'B' };
            if upper.get(i + 1) != Some(&second) {
                return Err(i + 1);
            }
            neg = true;
            i += 2;
        }
        skip(&mut i);
    }
    if i < n {
        return Err(i);
    }
    let d = Decimal::new(v, scale);
    Ok(if neg { d.neg() } else { d })
}

/// FUNCTION MOD: `a - b * floor(a / b)`; zero when `b` is zero.
pub fn modulo(a: Decimal, b: Decimal) -> Decimal {
    if b.is_zero() {
        return Decimal::ZERO;
    }
    let (_, r) = a.div_rem(b, 0);
    if !r.is_zero() && (r.is_negative() != b.is_negative()) { r.add(b) } else { r }
}

/// FUNCTION REM: `a - b * trunc(a / b)`; zero when `b` is zero.
pub fn remainder(a: Decimal, b: Decimal) -> Decimal {
    if b.is_zero() {
        return Decimal::ZERO;
    }
    a.div_rem(b, 0).1
}
