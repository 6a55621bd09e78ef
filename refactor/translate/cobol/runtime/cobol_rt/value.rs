//! MOVE senders, figurative constants, comparisons and level-88 tests.

use std::cmp::Ordering;

use super::decimal::Decimal;

/// Figurative constants (ALL literal included).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fig {
    Zero,
    Space,
    HighValue,
    LowValue,
    Quote,
    /// `ALL "literal"`.
    All(Vec<u8>),
}

impl Fig {
    /// The constant repeated to `len` bytes.
    pub fn repeat(&self, len: usize) -> Vec<u8> {
        let unit: &[u8] = match self {
            Fig::Zero => b"0",
            Fig::Space => b" ",
            Fig::HighValue => &[0xFF],
            Fig::LowValue => &[0x00],
            Fig::Quote => b"\"",
            Fig::All(v) if v.is_empty() => b" ",
            Fig::All(v) => v,
        };
        unit.iter().copied().cycle().take(len).collect()
    }
}

/// A MOVE sender or comparison operand, read out of storage (or a literal) first, so
/// that sender and receiver may share one region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A numeric item or literal, with its digit count (0: as many as the value has),
    /// used when it is moved to or compared with an alphanumeric item.
    Num(Decimal, u32),
    /// Bytes of a numeric-edited item (de-edited when moved to a numeric item).
    Edited(Vec<u8>),
    /// Alphanumeric, alphabetic, alphanumeric-edited or group bytes, or a literal.
    Alnum(Vec<u8>),
    Fig(Fig),
}

impl Value {
    /// A numeric literal as written: `Value::num_lit("-12.50")`.
    pub fn num_lit(s: &str) -> Value {
        let digits = s.bytes().filter(u8::is_ascii_digit).count() as u32;
        Value::Num(Decimal::lit(s), digits)
    }

    /// An alphanumeric literal.
    pub fn text(s: &str) -> Value {
        Value::Alnum(s.as_bytes().to_vec())
    }

    /// The sender as alphanumeric bytes: a number gives its unsigned digits (fraction
    /// digits included, no point), as GnuCOBOL moves numeric DISPLAY to alphanumeric.
    pub fn alnum_bytes(&self) -> Vec<u8> {
        match self {
            Value::Num(d, digits) => {
                let mag = if d.is_nan() { 0 } else { d.v.unsigned_abs() };
                let s = mag.to_string();
                let mut s = if (*digits as usize) > s.len() {
                    format!("{s:0>w$}", w = *digits as usize)
                } else {
                    s
                };
                if d.scale < 0 {
                    s.push_str(&"0".repeat((-d.scale) as usize));
                }
                s.into_bytes()
            }
            Value::Edited(b) | Value::Alnum(b) => b.clone(),
            Value::Fig(f) => f.repeat(1),
        }
    }

    /// Numeric value of the operand (alphanumeric: its digits as an unsigned integer).
    pub fn num(&self) -> Decimal {
        match self {
            Value::Num(d, _) => *d,
            Value::Edited(b) => super::edit::de_edit(b),
            Value::Alnum(b) => Decimal::new(
                b.iter()
                    .filter(|c| c.is_ascii_digit())
                    .fold(0i128, |a, &c| {
                        a.wrapping_mul(10).wrapping_add((c - b'0') as i128)
                    }),
                0,
            ),
            Value::Fig(_) => Decimal::ZERO,
        }
    }
}

/// Compare two operands as COBOL does: numeric with numeric (and ZERO) by value;
/// otherwise as alphanumeric (numbers as their unsigned digits, figurative constants
/// repeated to the other operand's length, the shorter side padded with spaces).
pub fn compare(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Num(x, _), Value::Num(y, _)) => x.cmp_value(y),
        (Value::Num(x, _), Value::Fig(Fig::Zero)) => x.cmp_value(&Decimal::ZERO),
        (Value::Fig(Fig::Zero), Value::Num(y, _)) => Decimal::ZERO.cmp_value(y),
        (Value::Fig(f), _) => {
            let other = b.alnum_bytes();
            cmp_alnum(&f.repeat(other.len().max(1)), &other)
        }
        (_, Value::Fig(f)) => {
            let this = a.alnum_bytes();
            cmp_alnum(&this, &f.repeat(this.len().max(1)))
        }
        _ => cmp_alnum(&a.alnum_bytes(), &b.alnum_bytes()),
    }
}

/// Alphanumeric comparison, shorter operand padded with spaces (native ASCII order).
pub fn cmp_alnum(a: &[u8], b: &[u8]) -> Ordering {
    let n = a.len().max(b.len());
    for i in 0..n {
        let x = *a.get(i).unwrap_or(&b' ');
        let y = *b.get(i).unwrap_or(&b' ');
        if x != y {
            return x.cmp(&y);
        }
    }
    Ordering::Equal
}

/// Level-88 test: is `v` one of the `values` or inside one of the `ranges` (THRU)?
pub fn cond88(v: &Value, values: &[Value], ranges: &[(Value, Value)]) -> bool {
    values.iter().any(|x| compare(v, x) == Ordering::Equal)
        || ranges
            .iter()
            .any(|(lo, hi)| compare(v, lo) != Ordering::Less && compare(v, hi) != Ordering::Greater)
}
