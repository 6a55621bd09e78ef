//! STRING, UNSTRING and INSPECT on byte slices, as GnuCOBOL 3.1.2 runs them.
//!
//! STRING ... DELIMITED BY SIZE / operand ... INTO ... WITH POINTER ([`string_into`]);
//! UNSTRING ... DELIMITED BY [ALL] x [OR ...] INTO ... (DELIMITER IN, COUNT IN, POINTER,
//! TALLYING, OVERFLOW: [`unstring`]); INSPECT TALLYING / REPLACING (CHARACTERS, ALL,
//! LEADING, FIRST, TRAILING) and CONVERTING with BEFORE / AFTER INITIAL ([`Inspector`]).

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

/// One UNSTRING delimiter: its bytes, and ALL (a run of it counts as one).
pub struct Delim<'a> {
    pub text: &'a [u8],
    pub all: bool,
}

/// What UNSTRING gives one receiver: the characters up to the delimiter, and the
/// delimiter found (`None` at the end of the source: DELIMITER IN gets spaces).
pub struct Piece {
    pub data: Vec<u8>,
    pub delim: Option<Vec<u8>>,
}

/// UNSTRING `src` from the 1-based `*ptr` into receivers of the byte sizes `sizes`
/// (GnuCOBOL's `cob_unstring_*`): at each position the delimiters are tried in order,
/// the first that matches ends the piece (with ALL, its repetitions are skipped); without
/// delimiters each receiver takes as many characters as it holds. Receivers after the
/// source is used up get no piece (they stay unchanged). Returns the pieces (their count
/// is the TALLYING increment, each length the COUNT IN) and OVERFLOW: the pointer was out
/// of range or characters are left over. `*ptr` becomes the position after the last
/// character examined.
pub fn unstring(src: &[u8], delims: &[Delim], sizes: &[usize], ptr: &mut i64) -> (Vec<Piece>, bool) {
    let mut out = Vec::new();
    if *ptr < 1 || *ptr > src.len() as i64 {
        return (out, true);
    }
    let mut i = (*ptr - 1) as usize;
    for &size in sizes {
        if i >= src.len() {
            break;
        }
        if delims.is_empty() {
            let n = size.min(src.len() - i);
            out.push(Piece { data: src[i..i + n].to_vec(), delim: None });
            i += n;
            continue;
        }
        let mut hit: Option<(usize, usize, usize)> = None; // (start, resume, delimiter)
        'scan: for j in i..src.len() {
            for (k, d) in delims.iter().enumerate() {
                let n = d.text.len();
                if j + n <= src.len() && &src[j..j + n] == d.text {
                    let mut e = j + n;
                    while d.all && n > 0 && e + n <= src.len() && &src[e..e + n] == d.text {
                        e += n;
                    }
                    hit = Some((j, e, k));
                    break 'scan;
                }
            }
        }
        match hit {
            Some((s, e, k)) => {
                out.push(Piece { data: src[i..s].to_vec(), delim: Some(delims[k].text.to_vec()) });
                i = e;
            }
            None => {
                out.push(Piece { data: src[i..].to_vec(), delim: None });
                i = src.len();
            }
        }
    }
    *ptr = i as i64 + 1;
    (out, i < src.len())
}

/// What an INSPECT TALLYING / REPLACING phrase looks for.
pub enum Pattern<'a> {
    Characters,
    All(&'a [u8]),
    Leading(&'a [u8]),
    First(&'a [u8]),
    Trailing(&'a [u8]),
}

/// A character's state in an INSPECT pass.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Free,
    Counted,
    By(u8),
}

/// One INSPECT TALLYING or REPLACING pass, as GnuCOBOL 3.1.2 runs it (`cob_inspect_*`):
/// the phrases are applied one after the other, each over the whole region its BEFORE /
/// AFTER INITIAL phrases leave ([`Inspector::before`], [`Inspector::after`], called
/// first), and a character a phrase has counted or replaced is not seen by the later
/// phrases. Replacements are written by [`Inspector::finish`].
pub struct Inspector {
    data: Vec<u8>,
    mark: Vec<Mark>,
    start: usize,
    end: usize,
}

impl Inspector {
    pub fn new(data: &[u8]) -> Inspector {
        Inspector { data: data.to_vec(), mark: vec![Mark::Free; data.len()], start: 0, end: data.len() }
    }

    /// BEFORE INITIAL `s`: the region ends at the first `s` in it (if there is one).
    pub fn before(&mut self, s: &[u8]) {
        if let Some(p) = self.find(s) {
            self.end = p;
        }
    }

    /// AFTER INITIAL `s`: the region starts after the first `s` in it (empty if none).
    pub fn after(&mut self, s: &[u8]) {
        match self.find(s) {
            Some(p) => self.start = p + s.len(),
            None => self.start = self.end,
        }
    }

    fn find(&self, s: &[u8]) -> Option<usize> {
        let n = s.len();
        if n == 0 || self.end < self.start + n {
            return None;
        }
        (self.start..=self.end - n).find(|&p| &self.data[p..p + n] == s)
    }

    /// TALLYING: how many times `pat` occurs (CHARACTERS: characters) in the region.
    pub fn tally(&mut self, pat: &Pattern) -> usize {
        self.apply(pat, None)
    }

    /// REPLACING `pat` BY `by` in the region; `by` is repeated to the pattern's length
    /// when `repeat` (a figurative constant or ALL literal), and a `by` of another
    /// length replaces nothing (GnuCOBOL's EC-RANGE-INSPECT-SIZE).
    pub fn replace(&mut self, pat: &Pattern, by: &[u8], repeat: bool) {
        let n = match pat {
            Pattern::Characters => 1,
            Pattern::All(t) | Pattern::Leading(t) | Pattern::First(t) | Pattern::Trailing(t) => t.len(),
        };
        let by: Vec<u8> = if repeat && !by.is_empty() {
            by.iter().copied().cycle().take(n).collect()
        } else {
            by.to_vec()
        };
        let ok = match pat {
            Pattern::Characters => !by.is_empty(),
            _ => by.len() == n,
        };
        if ok {
            self.apply(pat, Some(&by));
        } else {
            self.reset();
        }
    }

    fn reset(&mut self) {
        self.start = 0;
        self.end = self.data.len();
    }

    fn free(&self, at: usize, n: usize) -> bool {
        self.mark[at..at + n].iter().all(|m| *m == Mark::Free)
    }

    fn take(&mut self, at: usize, n: usize, by: Option<&[u8]>) {
        for k in 0..n {
            self.mark[at + k] = by.map_or(Mark::Counted, |b| Mark::By(b[k % b.len()]));
        }
    }

    fn apply(&mut self, pat: &Pattern, by: Option<&[u8]>) -> usize {
        let (start, end) = (self.start, self.end.max(self.start));
        let mut count = 0;
        match pat {
            Pattern::Characters => {
                for i in start..end {
                    if self.mark[i] == Mark::Free {
                        self.take(i, 1, by);
                        count += 1;
                    }
                }
            }
            Pattern::Trailing(t) => {
                let n = t.len();
                let mut i = end as i64 - n as i64;
                while n > 0 && i >= start as i64 {
                    let at = i as usize;
                    if &self.data[at..at + n] != *t || !self.free(at, n) {
                        break;
                    }
                    self.take(at, n, by);
                    count += 1;
                    i -= n as i64;
                }
            }
            Pattern::All(t) | Pattern::Leading(t) | Pattern::First(t) => {
                let n = t.len();
                let leading = matches!(pat, Pattern::Leading(_));
                let first = matches!(pat, Pattern::First(_));
                let mut i = start;
                while n > 0 && i + n <= end {
                    if &self.data[i..i + n] == *t && self.free(i, n) {
                        self.take(i, n, by);
                        count += 1;
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
            }
        }
        self.reset();
        count
    }

    /// CONVERTING `from` TO `to` in the region (a character takes the replacement of its
    /// first occurrence in `from`; `to` is repeated when `repeat`, and one of another
    /// length converts nothing).
    pub fn convert(&mut self, from: &[u8], to: &[u8], repeat: bool) {
        let to: Vec<u8> = if repeat && !to.is_empty() {
            to.iter().copied().cycle().take(from.len()).collect()
        } else {
            to.to_vec()
        };
        if to.len() == from.len() {
            for i in self.start..self.end.max(self.start) {
                if let Some(k) = from.iter().position(|f| *f == self.data[i]) {
                    self.data[i] = to[k];
                }
            }
        }
        self.reset();
    }

    /// The data with the replacements made.
    pub fn finish(self) -> Vec<u8> {
        self.data
            .iter()
            .zip(&self.mark)
            .map(|(d, m)| match m {
                Mark::By(b) => *b,
                _ => *d,
            })
            .collect()
    }
}

/// INSPECT ... TALLYING FOR `pat` (one phrase, no BEFORE/AFTER): the count.
pub fn inspect_tally(data: &[u8], pat: &Pattern) -> usize {
    Inspector::new(data).tally(pat)
}

/// INSPECT ... REPLACING `pat` BY `by` (one phrase, no BEFORE/AFTER).
pub fn inspect_replace(data: &mut [u8], pat: &Pattern, by: &[u8]) {
    let mut ins = Inspector::new(data);
    ins.replace(pat, by, false);
    data.copy_from_slice(&ins.finish());
}

/// INSPECT ... CONVERTING `from` TO `to` (no BEFORE/AFTER).
pub fn inspect_convert(data: &mut [u8], from: &[u8], to: &[u8]) {
    let mut ins = Inspector::new(data);
    ins.convert(from, to, false);
    data.copy_from_slice(&ins.finish());
}
