//! Items seen as text at run time: GnuCOBOL's MOVE of alphanumeric data (not a literal)
//! to a numeric item ([`Field::move_text`]), and the bytes INSPECT works on
//! ([`Field::inspect_bytes`], [`Field::inspect_store`]).

use super::decimal::{Decimal, Round};
use super::field::{Field, Value};
use super::pic::{Category, SignPos, Usage};

impl Field {
    /// The bytes INSPECT works on, and whether the item is negative: a signed numeric
    /// DISPLAY item without its separate sign and with its overpunched digit plain, as
    /// GnuCOBOL's `cob_inspect_init` does; other items as they are.
    pub fn inspect_bytes(&self, mem: &[u8]) -> (Vec<u8>, bool) {
        let p = self.pic;
        let b = self.bytes(mem);
        if p.cat != Category::Numeric || p.usage != Usage::Display || !p.signed {
            return (b.to_vec(), false);
        }
        let mut neg = false;
        let mut body = match p.sign {
            SignPos::LeadingSeparate => b[1..].to_vec(),
            SignPos::TrailingSeparate => b[..b.len() - 1].to_vec(),
            _ => b.to_vec(),
        };
        let at = match p.sign {
            SignPos::Trailing => body.len().checked_sub(1),
            SignPos::Leading => Some(0),
            _ => None,
        };
        if let Some(i) = at.filter(|&i| i < body.len()) {
            if (b'p'..=b'y').contains(&body[i]) {
                body[i] -= 0x40;
                neg = true;
            }
        }
        (body, neg)
    }

    /// Put back what [`Field::inspect_bytes`] gave (after INSPECT changed it): the
    /// overpunched sign is applied again.
    pub fn inspect_store(&self, mem: &mut [u8], data: &[u8], neg: bool) {
        let p = self.pic;
        let b = self.bytes_mut(mem);
        if p.cat != Category::Numeric || p.usage != Usage::Display || !p.signed {
            b.copy_from_slice(data);
            return;
        }
        let (lo, at) = match p.sign {
            SignPos::LeadingSeparate => (1, None),
            SignPos::TrailingSeparate => (0, None),
            SignPos::Trailing => (0, Some(data.len().saturating_sub(1))),
            SignPos::Leading => (0, Some(0)),
        };
        b[lo..lo + data.len()].copy_from_slice(data);
        if let Some(i) = at.filter(|&i| neg && i < data.len()) {
            if b[lo + i].is_ascii_digit() {
                b[lo + i] += 0x40;
            }
        }
    }

    /// MOVE of alphanumeric bytes computed at run time (an UNSTRING piece) as GnuCOBOL's
    /// `cob_move` does it; unlike a literal sender ([`Field::move_value`]), a numeric
    /// receiver takes only digits (`cob_move_alphanum_to_display`): spaces around are
    /// ignored, a leading `+`/`-` is the sign, the digits before the decimal point are
    /// right-aligned on the integer places, the others fill the fraction, and spaces and
    /// the digit separator are skipped; another character, or a second decimal point,
    /// met before the receiver's digits are filled makes the value zero. Binary and
    /// packed receivers go through a wide DISPLAY item, then truncate.
    pub fn move_text(&self, mem: &mut [u8], src: &[u8]) {
        let p = self.pic;
        if p.cat != Category::Numeric || p.scale < 0 || p.scale as u32 > p.digits.min(30) {
            return self.move_value(mem, &Value::Alnum(src.to_vec()));
        }
        let (point, sep) = if p.decimal_comma { (b',', b'.') } else { (b'.', b',') };
        let start = src.iter().position(|&c| c != b' ').unwrap_or(src.len());
        let end = src.iter().rposition(|&c| c != b' ').map_or(start, |e| e + 1);
        let s = &src[start..end.max(start)];
        let mut i = 0;
        let mut neg = false;
        if matches!(s.first(), Some(b'+' | b'-')) {
            neg = s[0] == b'-';
            i = 1;
        }
        let count = s[i..]
            .iter()
            .take_while(|&&c| c != point)
            .filter(|c| c.is_ascii_digit())
            .count();
        let int = (p.digits as i32 - p.scale) as usize;
        let scale = p.scale as usize;
        let (int, frac) = if p.usage == Usage::Display {
            (int, scale)
        } else {
            let wide = int.max(19).min(38 - scale); // the wide intermediate item
            (wide, scale.max((38 - wide).min(19)))
        };
        let mut buf = vec![b'0'; int + frac];
        let mut o = 0;
        if count < int {
            o = int - count;
        } else {
            for _ in int..count {
                while i < s.len() {
                    i += 1;
                    if s[i - 1].is_ascii_digit() {
                        break;
                    }
                }
            }
        }
        let mut points = 0;
        while i < s.len() && o < buf.len() {
            let c = s[i];
            if c.is_ascii_digit() {
                buf[o] = c;
                o += 1;
            } else if c == point {
                points += 1;
                if points > 1 {
                    buf.fill(b'0');
                    break;
                }
            } else if !(c.is_ascii_whitespace() || c == sep) {
                buf.fill(b'0');
                break;
            }
            i += 1;
        }
        let v = buf.iter().fold(0i128, |a, &c| a * 10 + (c - b'0') as i128);
        let v = if neg { -v } else { v };
        let (d, _) = Decimal::new(v, frac as i32).round_to(p.scale, Round::Truncate);
        self.put_signed(mem, d, neg);
    }
}
