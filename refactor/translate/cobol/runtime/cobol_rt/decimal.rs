//! Fixed-point decimal arithmetic on `i128` (38 significant digits).
//!
//! A [`Decimal`] is `v * 10^-scale`. Arithmetic keeps full precision while it fits in 38
//! digits (GnuCOBOL uses GMP with up to 38 digits, `COB_MAX_DIGITS`); when an exact
//! result would not fit, low-order fraction digits are dropped (truncated) first, and a
//! result whose integer part alone does not fit becomes [`Decimal::NAN`], which every
//! store treats as a SIZE ERROR (receiver unchanged), as GnuCOBOL does with its
//! `COB_DECIMAL_NAN` (also used for division by zero).
//!
//! Scales follow GnuCOBOL's `cob_decimal` while they fit: a sum has the larger scale, a
//! product the sum of the scales (ROUNDED MODE PROHIBITED depends on them).
//!
//! Division follows GnuCOBOL 3.1.2 `cob_decimal_div`: the dividend is shifted left by
//! `38 + max(0, -(s1 - s2))` digits and the quotient is truncated toward zero, so the
//! intermediate quotient carries at least 38 fraction digits. Here the quotient carries
//! as many of those digits as fit in `i128` (at least 38 - integer digits); ROUNDED then
//! works on those digits, which gives the same stored result except when the quotient's
//! first non-zero discarded digit lies beyond the 38th digit.

use std::cmp::Ordering;
use std::fmt;

/// `10^n` for `n <= 38`.
pub fn pow10(n: u32) -> i128 {
    10i128.pow(n)
}

/// Number of decimal digits of `|v|` (0 has 0 digits).
pub fn digit_count(v: i128) -> u32 {
    let mut u = v.unsigned_abs();
    let mut n = 0;
    while u > 0 {
        u /= 10;
        n += 1;
    }
    n
}

/// ROUNDED phrase of an arithmetic statement. `Truncate` means "no ROUNDED phrase".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Round {
    /// No ROUNDED phrase: excess fraction digits are dropped.
    Truncate,
    /// `ROUNDED` alone and `ROUNDED MODE NEAREST-AWAY-FROM-ZERO` (GnuCOBOL's default).
    NearestAwayFromZero,
    AwayFromZero,
    NearestEven,
    NearestTowardZero,
    TowardGreater,
    TowardLesser,
    /// `ROUNDED MODE TRUNCATION` (same digits as no ROUNDED).
    Truncation,
    /// `ROUNDED MODE PROHIBITED`: as GnuCOBOL 3.1.2, a SIZE ERROR whenever the value has
    /// more decimal places than the receiver; the truncated value is stored anyway.
    Prohibited,
}

/// A scaled decimal: the value is `v * 10^-scale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal {
    pub v: i128,
    pub scale: i32,
}

const NAN_SCALE: i32 = i32::MIN;

impl Decimal {
    pub const ZERO: Decimal = Decimal { v: 0, scale: 0 };
    /// Overflowed or undefined result (division by zero): stores report SIZE ERROR.
    pub const NAN: Decimal = Decimal {
        v: 0,
        scale: NAN_SCALE,
    };

    pub const fn new(v: i128, scale: i32) -> Decimal {
        Decimal { v, scale }
    }

    pub const fn int(v: i64) -> Decimal {
        Decimal {
            v: v as i128,
            scale: 0,
        }
    }

    /// Parse a numeric literal such as `-12.50`, `+3`, `.5` (for generated literals).
    pub fn lit(s: &str) -> Decimal {
        let mut v: i128 = 0;
        let mut scale = 0;
        let mut neg = false;
        let mut frac = false;
        for c in s.bytes() {
            match c {
                b'-' => neg = true,
                b'.' => frac = true,
                b'0'..=b'9' => {
                    v = v * 10 + (c - b'0') as i128;
                    if frac {
                        scale += 1;
                    }
                }
                _ => {}
            }
        }
        Decimal {
            v: if neg { -v } else { v },
            scale,
        }
    }

    pub fn is_nan(&self) -> bool {
        self.scale == NAN_SCALE
    }
    pub fn is_zero(&self) -> bool {
        !self.is_nan() && self.v == 0
    }
    pub fn is_negative(&self) -> bool {
        !self.is_nan() && self.v < 0
    }

    /// Drop trailing fraction zeros (keeps the value; frees room for later operations).
    pub fn normalize(self) -> Decimal {
        let mut d = self;
        if d.is_nan() {
            return d;
        }
        while d.scale > 0 && d.v % 10 == 0 {
            d.v /= 10;
            d.scale -= 1;
        }
        if d.v == 0 {
            d.scale = 0;
        }
        d
    }

    /// Value at `scale` if exactly representable without overflow, else the truncated value
    /// when `scale < self.scale`; `None` when scaling up overflows.
    pub fn at_scale(self, scale: i32) -> Option<i128> {
        if scale >= self.scale {
            let k = (scale - self.scale) as u32;
            if k > 38 {
                return if self.v == 0 { Some(0) } else { None };
            }
            self.v.checked_mul(pow10(k))
        } else {
            let k = (self.scale - scale) as u32;
            if k > 38 {
                return Some(0);
            }
            Some(self.v / pow10(k))
        }
    }

    /// Round (or truncate) to `scale` fraction digits; the flag is true when digits were lost.
    pub fn round_to(self, scale: i32, mode: Round) -> (Decimal, bool) {
        if self.is_nan() {
            return (self, false);
        }
        if scale >= self.scale {
            return match self.at_scale(scale) {
                Some(v) => (Decimal { v, scale }, false),
                None => (Decimal::NAN, false),
            };
        }
        let k = (self.scale - scale) as u32;
        let (q, r, p) = if k > 38 {
            (0i128, self.v, None)
        } else {
            let p = pow10(k);
            (self.v / p, self.v % p, Some(p.unsigned_abs()))
        };
        if r == 0 {
            return (Decimal { v: q, scale }, false);
        }
        let s: i128 = if self.v < 0 { -1 } else { 1 };
        let twice = r.unsigned_abs().checked_mul(2);
        // cmp of 2|r| against p: Less / Equal / Greater
        let half = match (p, twice) {
            (Some(p), Some(t)) => t.cmp(&p),
            (Some(_), None) => Ordering::Greater,
            (None, _) => Ordering::Less,
        };
        let up = match mode {
            Round::Truncate | Round::Truncation | Round::Prohibited => false,
            Round::AwayFromZero => true,
            Round::NearestAwayFromZero => half != Ordering::Less,
            Round::NearestTowardZero => half == Ordering::Greater,
            Round::NearestEven => {
                half == Ordering::Greater || (half == Ordering::Equal && q % 2 != 0)
            }
            Round::TowardGreater => s > 0,
            Round::TowardLesser => s < 0,
        };
        (
            Decimal {
                v: if up { q + s } else { q },
                scale,
            },
            true,
        )
    }

    pub fn neg(self) -> Decimal {
        if self.is_nan() {
            return self;
        }
        Decimal {
            v: -self.v,
            scale: self.scale,
        }
    }

    pub fn abs(self) -> Decimal {
        if self.v < 0 {
            self.neg()
        } else {
            self
        }
    }

    /// Both operands at one common scale: the larger one (as GnuCOBOL's `align_decimal`)
    /// when that fits, else the largest that does.
    fn align(self, o: Decimal) -> Option<(i128, i128, i32)> {
        let s = self.scale.max(o.scale);
        if let (Some(x), Some(y)) = (self.at_scale(s), o.at_scale(s)) {
            if x.checked_add(y).is_some() && x.checked_sub(y).is_some() {
                return Some((x, y, s));
            }
        }
        let (a, b) = (self.normalize(), o.normalize());
        let hi = a.scale.max(b.scale);
        let lo = a.scale.min(b.scale);
        let mut s = hi;
        while s >= lo.min(0) - 1 {
            if let (Some(x), Some(y)) = (a.at_scale(s), b.at_scale(s)) {
                if x.checked_add(y).is_some() && x.checked_sub(y).is_some() {
                    return Some((x, y, s));
                }
            }
            s -= 1;
        }
        None
    }

    pub fn add(self, o: Decimal) -> Decimal {
        if self.is_nan() || o.is_nan() {
            return Decimal::NAN;
        }
        match self.align(o) {
            Some((x, y, s)) => Decimal { v: x + y, scale: s },
            None => Decimal::NAN,
        }
    }

    pub fn sub(self, o: Decimal) -> Decimal {
        self.add(o.neg())
    }

    pub fn mul(self, o: Decimal) -> Decimal {
        if self.is_nan() || o.is_nan() {
            return Decimal::NAN;
        }
        if let Some(v) = self.v.checked_mul(o.v) {
            return Decimal {
                v,
                scale: self.scale + o.scale,
            };
        }
        let (mut a, mut b) = (self.normalize(), o.normalize());
        loop {
            if let Some(v) = a.v.checked_mul(b.v) {
                return Decimal {
                    v,
                    scale: a.scale + b.scale,
                };
            }
            // drop one fraction digit from the operand with the larger scale
            if a.scale >= b.scale && a.scale > 0 {
                a = Decimal {
                    v: a.v / 10,
                    scale: a.scale - 1,
                };
            } else if b.scale > 0 {
                b = Decimal {
                    v: b.v / 10,
                    scale: b.scale - 1,
                };
            } else {
                return Decimal::NAN;
            }
        }
    }

    /// Quotient truncated toward zero with (up to) 38 extra fraction digits, as GnuCOBOL;
    /// division by zero gives [`Decimal::NAN`].
    pub fn div(self, o: Decimal) -> Decimal {
        if self.is_nan() || o.is_nan() || o.v == 0 {
            return Decimal::NAN;
        }
        if self.v == 0 {
            return Decimal::ZERO;
        }
        let (a, mut b) = (self.normalize(), o.normalize());
        // keep the running remainder * 10 within u128
        while b.v.unsigned_abs() > pow10(37) as u128 {
            b = Decimal {
                v: b.v / 10,
                scale: b.scale - 1,
            };
        }
        let neg = (a.v < 0) != (b.v < 0);
        let (n, d) = (a.v.unsigned_abs(), b.v.unsigned_abs());
        let base = a.scale - b.scale;
        let limit = 38 + if base < 0 { -base } else { 0 };
        let mut q = n / d;
        let mut r = n % d;
        let mut extra = 0;
        let max = i128::MAX as u128;
        while extra < limit {
            let Some(q10) = q.checked_mul(10) else { break };
            let digit = (r * 10) / d;
            if q10 + digit > max {
                break;
            }
            q = q10 + digit;
            r = (r * 10) % d;
            extra += 1;
        }
        if q > max {
            return Decimal::NAN;
        }
        let v = q as i128;
        Decimal {
            v: if neg { -v } else { v },
            scale: base + extra,
        }
    }

    /// DIVIDE ... GIVING q REMAINDER r (GnuCOBOL `cob_div_quotient`): returns the quotient
    /// (store it with the statement's ROUNDED mode) and the remainder, computed as
    /// `self - trunc(quotient, q_scale) * o` where `q_scale` is the quotient item's scale.
    pub fn div_rem(self, o: Decimal, q_scale: i32) -> (Decimal, Decimal) {
        let q = self.div(o);
        if q.is_nan() {
            return (Decimal::NAN, Decimal::NAN);
        }
        let (t, _) = q.round_to(q_scale, Round::Truncate);
        (q, self.sub(t.mul(o)))
    }

    /// `self ** e`: exact for integer exponents (negative ones divide), else through f64.
    pub fn pow(self, e: Decimal) -> Decimal {
        if self.is_nan() || e.is_nan() {
            return Decimal::NAN;
        }
        let e = e.normalize();
        if e.scale <= 0 {
            if let Some(n) = e.at_scale(0) {
                let mut r = Decimal::int(1);
                for _ in 0..n.unsigned_abs().min(4096) {
                    r = r.mul(self);
                    if r.is_nan() {
                        return r;
                    }
                }
                return if n < 0 { Decimal::int(1).div(r) } else { r };
            }
        }
        Decimal::from_f64(self.to_f64().powf(e.to_f64()))
    }

    pub fn to_f64(self) -> f64 {
        self.v as f64 / 10f64.powi(self.scale)
    }

    pub fn from_f64(x: f64) -> Decimal {
        if !x.is_finite() {
            return Decimal::NAN;
        }
        Decimal::lit(&format!("{x:.17}")).normalize()
    }

    /// Compare by value (NaN compares as zero).
    pub fn cmp_value(&self, o: &Decimal) -> Ordering {
        let z = |d: &Decimal| if d.is_nan() { Decimal::ZERO } else { *d };
        let (a, b) = (z(self).normalize(), z(o).normalize());
        match a.align(b) {
            Some((x, y, _)) => x.cmp(&y),
            None => a
                .to_f64()
                .partial_cmp(&b.to_f64())
                .unwrap_or(Ordering::Equal),
        }
    }

    /// Integer part (truncated toward zero), e.g. for subscripts and loop counters.
    pub fn to_i64(self) -> i64 {
        self.at_scale(0).unwrap_or(0) as i64
    }
}

impl fmt::Display for Decimal {
    /// Plain decimal text: `-12.50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_nan() {
            return write!(f, "NaN");
        }
        let digits = self.v.unsigned_abs().to_string();
        let sign = if self.v < 0 { "-" } else { "" };
        if self.scale <= 0 {
            let zeros = "0".repeat((-self.scale) as usize);
            return write!(f, "{sign}{digits}{zeros}");
        }
        let s = self.scale as usize;
        let padded = format!("{digits:0>w$}", w = s + 1);
        let (i, fr) = padded.split_at(padded.len() - s);
        write!(f, "{sign}{i}.{fr}")
    }
}
