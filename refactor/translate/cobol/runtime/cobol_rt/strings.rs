//! Basic STRING, UNSTRING and INSPECT on byte slices.
//!
//! Covered: STRING ... DELIMITED BY SIZE / literal ... INTO ... WITH POINTER (overflow
//! reported); UNSTRING ... DELIMITED BY [ALL] literal [OR ...] INTO ... (COUNT IN,
//! TALLYING, POINTER); INSPECT TALLYING FOR CHARACTERS / ALL / LEADING; INSPECT
//! REPLACING CHARACTERS / ALL / LEADING / FIRST; INSPECT CONVERTING. Not covered:
//! BEFORE/AFTER INITIAL phrases, DELIMITER IN.

/// One STRING source: its bytes and its delimiter (`None` = DELIMITED BY SIZE).
pub struct StrSrc<'a> {
    pub data: &'a [u8],
    pub delim: Option<&'a [u8]>,
}

/// STRING: append the sources to `dst` starting at the 1-based `*ptr`. Returns `true` on
/// OVERFLOW (pointer out of range or not all data fitted); `dst` beyond the written part
/// is unchanged, as COBOL requires.
pub fn string_into(dst: &mut [u8], srcs: &[StrSrc], ptr: &mut usize) -> bool {
    if *ptr < 1 || *ptr > dst.len() {
        return true;
    }
    for s in srcs {
        let part = match s.delim {
            Some(d) if !d.is_empty() => match find(s.data, d) {
                Some(i) => &s.data[..i],
                None => s.data,
            },
            _ => s.data,
        };
        for &c in part {
            if *ptr > dst.len() {
                return true;
            }
            dst[*ptr - 1] = c;
            *ptr += 1;
        }
    }
    false
}

fn find(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() || n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| &h[i..i + n.len()] == n)
}

/// One UNSTRING delimiter.
pub struct Delim<'a> {
    pub text: &'a [u8],
    pub all: bool,
}

/// UNSTRING `src` from the 1-based `*ptr`: returns the pieces (one per receiver, at most
/// `max_fields`) and advances `*ptr`; `*tally` counts receivers filled; the returned flag
/// is OVERFLOW (data left over). Move each piece with `Value::Alnum` and keep its length
/// for COUNT IN.
pub fn unstring(
    src: &[u8],
    delims: &[Delim],
    max_fields: usize,
    ptr: &mut usize,
    tally: &mut usize,
) -> (Vec<Vec<u8>>, bool) {
    let mut out = Vec::new();
    let mut i = ptr.saturating_sub(1);
    if *ptr < 1 || i >= src.len() {
        return (out, true);
    }
    while out.len() < max_fields && i < src.len() {
        let mut hit: Option<(usize, usize)> = None; // (start, end of delimiter run)
        'scan: for j in i..src.len() {
            for d in delims {
                let n = d.text.len();
                if n > 0 && j + n <= src.len() && &src[j..j + n] == d.text {
                    let mut e = j + n;
                    while d.all && e + n <= src.len() && &src[e..e + n] == d.text {
                        e += n;
                    }
                    hit = Some((j, e));
                    break 'scan;
                }
            }
        }
        match hit {
            Some((s, e)) => {
                out.push(src[i..s].to_vec());
                i = e;
            }
            None => {
                out.push(src[i..].to_vec());
                i = src.len();
            }
        }
        *tally += 1;
    }
    *ptr = i + 1;
    (out, i < src.len())
}

/// What an INSPECT clause looks for.
pub enum Pattern<'a> {
    Characters,
    All(&'a [u8]),
    Leading(&'a [u8]),
    First(&'a [u8]),
}

/// INSPECT ... TALLYING FOR `pat`: the count to add to the tally item.
pub fn inspect_tally(data: &[u8], pat: &Pattern) -> usize {
    match pat {
        Pattern::Characters => data.len(),
        Pattern::All(t) => matches(data, t, false, false).len(),
        Pattern::Leading(t) => matches(data, t, true, false).len(),
        Pattern::First(t) => matches(data, t, false, true).len(),
    }
}

fn matches(data: &[u8], t: &[u8], leading: bool, first: bool) -> Vec<usize> {
    let mut at = Vec::new();
    let n = t.len();
    if n == 0 {
        return at;
    }
    let mut i = 0;
    while i + n <= data.len() {
        if &data[i..i + n] == t {
            at.push(i);
            if first {
                break;
            }
            i += n;
        } else if leading {
            break;
        } else {
            i += 1;
        }
    }
    at
}

/// INSPECT ... REPLACING `pat` BY `by` (same length as the pattern; one byte for
/// CHARACTERS).
pub fn inspect_replace(data: &mut [u8], pat: &Pattern, by: &[u8]) {
    let (t, leading, first): (&[u8], bool, bool) = match pat {
        Pattern::Characters => {
            data.iter_mut().for_each(|c| *c = by[0]);
            return;
        }
        Pattern::All(t) => (t, false, false),
        Pattern::Leading(t) => (t, true, false),
        Pattern::First(t) => (t, false, true),
    };
    for i in matches(data, t, leading, first) {
        data[i..i + t.len()].copy_from_slice(&by[..t.len()]);
    }
}

/// INSPECT ... CONVERTING `from` TO `to`.
pub fn inspect_convert(data: &mut [u8], from: &[u8], to: &[u8]) {
    for c in data.iter_mut() {
        if let Some(k) = from.iter().position(|f| f == c) {
            *c = to[k.min(to.len() - 1)];
        }
    }
}
