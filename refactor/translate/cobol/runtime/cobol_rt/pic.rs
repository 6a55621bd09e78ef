//! Data descriptions: what a field's bytes mean ([`Pic`]).
//!
//! Generated code describes each elementary item with a `const` [`Pic`] built from the
//! const constructors ([`Pic::num`], [`Pic::comp`], [`Pic::alnum`], [`Pic::num_edited`],
//! ...) and the builder methods ([`Pic::sign_leading`], [`Pic::sign_separate`],
//! [`Pic::justified`], [`Pic::blank_when_zero`]), or at run time with [`Pic::parse`].
//!
//! Digits and scale: `digits` counts the stored digit positions (the `9`s) and `scale`
//! the implied decimal places, so the value is `stored_integer * 10^-scale`. `P`
//! scaling maps onto that: `999PP` is digits 3, scale -2; `VPP9` is digits 1, scale 3.

/// Class/category of an elementary item (groups are [`Category::Group`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Alphanumeric,
    Alphabetic,
    Numeric,
    NumericEdited,
    AlphanumericEdited,
    Group,
}

/// USAGE of a numeric item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Usage {
    /// Zoned decimal, one ASCII digit per byte.
    Display,
    /// COMP / COMP-4 / BINARY: big-endian two's complement, values truncated to the
    /// PICTURE digits (GnuCOBOL `binary-truncate: yes`, sizes `binary-size: 1-2-4-8`).
    Binary,
    /// COMP-5: native (little-endian) binary, limited only by its byte size.
    Comp5,
    /// COMP-3 / PACKED-DECIMAL: two digits per byte, sign nibble C (+), D (-), F (unsigned).
    Packed,
}

/// Where a DISPLAY numeric item keeps its sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignPos {
    /// Default: overpunch in the last digit (`-12` in `S999` is `01r`).
    Trailing,
    /// SIGN LEADING: overpunch in the first digit.
    Leading,
    /// SIGN TRAILING SEPARATE: an extra `+`/`-` byte at the end.
    TrailingSeparate,
    /// SIGN LEADING SEPARATE: an extra `+`/`-` byte in front.
    LeadingSeparate,
}

/// The full description of an elementary item (or a group's length).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pic {
    pub cat: Category,
    pub usage: Usage,
    /// Size in bytes.
    pub len: usize,
    /// Stored digit positions (numeric) / digit positions of an edited picture.
    pub digits: u32,
    /// Implied decimal places (negative with trailing `P`s).
    pub scale: i32,
    pub signed: bool,
    pub sign: SignPos,
    /// JUSTIFIED RIGHT.
    pub justified: bool,
    /// BLANK WHEN ZERO.
    pub blank_zero: bool,
    /// The editing PICTURE (`ZZ,ZZ9.99-`, repeat counts allowed) of edited items.
    pub edit: &'static str,
    /// DECIMAL-POINT IS COMMA: `,` is the decimal point (in editing, DISPLAY and
    /// alphanumeric senders) and `.` an insertion character.
    pub decimal_comma: bool,
}

/// Bytes used by a COMP / COMP-5 item of `digits` digits (`binary-size: 1-2-4-8`).
pub const fn binary_len(digits: u32) -> usize {
    match digits {
        0..=2 => 1,
        3..=4 => 2,
        5..=9 => 4,
        10..=18 => 8,
        _ => 16,
    }
}

impl Pic {
    const fn base(cat: Category, len: usize) -> Pic {
        Pic {
            cat,
            usage: Usage::Display,
            len,
            digits: 0,
            scale: 0,
            signed: false,
            sign: SignPos::Trailing,
            justified: false,
            blank_zero: false,
            edit: "",
            decimal_comma: false,
        }
    }
    /// `PIC X(len)`.
    pub const fn alnum(len: usize) -> Pic {
        Pic::base(Category::Alphanumeric, len)
    }
    /// `PIC A(len)`.
    pub const fn alpha(len: usize) -> Pic {
        Pic::base(Category::Alphabetic, len)
    }
    /// A group item of `len` bytes (moves are byte copies).
    pub const fn group(len: usize) -> Pic {
        Pic::base(Category::Group, len)
    }
    const fn numeric(usage: Usage, len: usize, digits: u32, scale: i32, signed: bool) -> Pic {
        let mut p = Pic::base(Category::Numeric, len);
        p.usage = usage;
        p.digits = digits;
        p.scale = scale;
        p.signed = signed;
        p
    }
    /// DISPLAY numeric: `S9(3)V99` is `num(5, 2, true)`.
    pub const fn num(digits: u32, scale: i32, signed: bool) -> Pic {
        Pic::numeric(Usage::Display, digits as usize, digits, scale, signed)
    }
    /// COMP / BINARY / COMP-4.
    pub const fn comp(digits: u32, scale: i32, signed: bool) -> Pic {
        Pic::numeric(Usage::Binary, binary_len(digits), digits, scale, signed)
    }
    /// COMP-5.
    pub const fn comp5(digits: u32, scale: i32, signed: bool) -> Pic {
        Pic::numeric(Usage::Comp5, binary_len(digits), digits, scale, signed)
    }
    /// COMP-3 / PACKED-DECIMAL.
    pub const fn comp3(digits: u32, scale: i32, signed: bool) -> Pic {
        Pic::numeric(
            Usage::Packed,
            digits as usize / 2 + 1,
            digits,
            scale,
            signed,
        )
    }
    /// Numeric-edited item of `len` bytes with PICTURE `edit` (e.g. `"ZZ,ZZ9.99-"`).
    pub const fn num_edited(len: usize, edit: &'static str) -> Pic {
        let mut p = Pic::base(Category::NumericEdited, len);
        p.edit = edit;
        p
    }
    /// Alphanumeric-edited item (`XXBXX`, `99/99/99` with X or A).
    pub const fn alnum_edited(len: usize, edit: &'static str) -> Pic {
        let mut p = Pic::base(Category::AlphanumericEdited, len);
        p.edit = edit;
        p
    }
    /// SIGN LEADING (overpunch on the first digit).
    pub const fn sign_leading(mut self) -> Pic {
        self.sign = match self.sign {
            SignPos::TrailingSeparate | SignPos::LeadingSeparate => SignPos::LeadingSeparate,
            _ => SignPos::Leading,
        };
        self
    }
    /// SIGN ... SEPARATE: call after [`Pic::sign_leading`] if both apply; adds one byte.
    pub const fn sign_separate(mut self) -> Pic {
        self.sign = match self.sign {
            SignPos::Leading | SignPos::LeadingSeparate => SignPos::LeadingSeparate,
            _ => SignPos::TrailingSeparate,
        };
        self.len = self.digits as usize + 1;
        self
    }
    /// JUSTIFIED RIGHT.
    pub const fn justified(mut self) -> Pic {
        self.justified = true;
        self
    }
    /// BLANK WHEN ZERO (a numeric DISPLAY item with it behaves as numeric-edited).
    pub const fn blank_when_zero(mut self) -> Pic {
        self.blank_zero = true;
        self
    }

    /// DECIMAL-POINT IS COMMA in the program that declares the item.
    pub const fn decimal_comma(mut self) -> Pic {
        self.decimal_comma = true;
        self
    }

    /// The decimal point character of the item's program.
    pub const fn point(&self) -> u8 {
        if self.decimal_comma {
            b','
        } else {
            b'.'
        }
    }

    pub fn is_numeric(&self) -> bool {
        self.cat == Category::Numeric
    }

    /// Build a `Pic` from a PICTURE string at run time: `S9(5)V99`, `X(10)`, `ZZ9.99-`,
    /// `999PP`; `usage` applies to numeric pictures.
    pub fn parse(picture: &'static str, usage: Usage) -> Pic {
        let exp = expand(picture);
        let up: Vec<u8> = exp.iter().map(|c| c.to_ascii_uppercase()).collect();
        let only = |set: &[u8]| up.iter().all(|c| set.contains(c));
        if only(b"9SVP") {
            let signed = up.contains(&b'S');
            let digits = up.iter().filter(|&&c| c == b'9').count() as u32;
            let ps = up.iter().filter(|&&c| c == b'P').count() as i32;
            let vpos = up.iter().position(|&c| c == b'V');
            let first9 = up.iter().position(|&c| c == b'9').unwrap_or(0);
            let scale = match vpos {
                Some(v) => up[v + 1..]
                    .iter()
                    .filter(|&&c| c == b'9' || c == b'P')
                    .count() as i32,
                None if ps > 0 && up.iter().position(|&c| c == b'P').unwrap_or(0) < first9 => {
                    digits as i32 + ps
                }
                None => -ps,
            };
            return match usage {
                Usage::Display => Pic::num(digits, scale, signed),
                Usage::Binary => Pic::comp(digits, scale, signed),
                Usage::Comp5 => Pic::comp5(digits, scale, signed),
                Usage::Packed => Pic::comp3(digits, scale, signed),
            };
        }
        let len = up.iter().filter(|&&c| c != b'V' && c != b'P').count();
        if only(b"X") {
            return Pic::alnum(len);
        }
        if only(b"A") {
            return Pic::alpha(len);
        }
        if up.iter().any(|&c| c == b'X' || c == b'A') {
            return Pic::alnum_edited(len, picture);
        }
        Pic::num_edited(len, picture)
    }
}

/// Expand repeat counts: `Z(3)9.9(2)` -> `ZZZ9.99`.
pub fn expand(picture: &str) -> Vec<u8> {
    let b = picture.as_bytes();
    let mut out: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'(' {
            let close = b[i..]
                .iter()
                .position(|&c| c == b')')
                .map_or(b.len(), |p| p + i);
            let n: usize = std::str::from_utf8(&b[i + 1..close])
                .ok()
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(1);
            if let Some(&last) = out.last() {
                for _ in 1..n {
                    out.push(last);
                }
            }
            i = close + 1;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}
