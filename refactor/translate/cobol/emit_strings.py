"""STRING, UNSTRING and INSPECT as Rust on `cobol_rt` (`string_into`, `unstring`,
`Inspector`), with GnuCOBOL 3.1.2's semantics.

UNSTRING reads its source once, then each receiver in turn takes its piece (a run-time
MOVE of the characters as alphanumeric: `Field::move_text`), its DELIMITER IN (spaces,
or zero for a numeric item, at the end of the source) and its COUNT IN; receivers after
the source is used up are left as they are. INSPECT ... TALLYING ... REPLACING is two
passes, as cobc compiles it: each phrase's BEFORE / AFTER INITIAL operands are read just
before the phrase runs, and a counter is added to as soon as its phrase has run.
"""

from __future__ import annotations

from refactor.translate.cobol import procedure as P
from refactor.translate.cobol.emit_operands import OperandsMixin
from refactor.translate.cobol.operands import Figurative, Literal

_PATTERNS = {"ALL": "All", "LEADING": "Leading", "FIRST": "First", "TRAILING": "Trailing"}


class StringsMixin(OperandsMixin):
    """STRING, UNSTRING and INSPECT of the emitter (`block` comes from the emitter)."""

    def block(self, statements: tuple[object, ...] | list[object] | None) -> list[str]:
        raise NotImplementedError

    def phrases(self, flag: str, on: tuple[object, ...] | list[object] | None,
                not_on: tuple[object, ...] | list[object] | None) -> list[str]:
        """The [ON] x / NOT [ON] x phrases (SIZE ERROR, OVERFLOW, AT END, ...) on the
        Rust boolean `flag`."""
        return ([f"if {flag} {{", *self.block(on), "}"] if on else []) + (
            [f"if !{flag} {{", *self.block(not_on), "}"] if not_on else [])

    def s_String(self, s: P.String) -> list[str]:
        parts = []
        for n, src in enumerate(s.sources):
            delim = "None" if src.delimiter is None else f"Some(&d{n}[..])"
            parts.append(f"let a{n} = {self.bytes_of(src.value)};")
            if src.delimiter is not None:
                parts.append(f"let d{n} = {self.bytes_of(src.delimiter)};")
            parts.append(f"srcs.push(StrSrc {{ data: &a{n}[..], delim: {delim} }});")
        into = self.field(s.into)
        pointer = self.field(s.pointer) if s.pointer else None
        start = f"({pointer}.get(&self.mem)).to_i64().max(0) as usize" if pointer else "1"
        out = ["{", "let mut srcs = Vec::new();", *parts, f"let mut ptr: usize = {start};",
               f"let mut dst = {into}.bytes(&self.mem).to_vec();",
               "let overflow = string_into(&mut dst, &srcs, &mut ptr);",
               f"{into}.bytes_mut(&mut self.mem).copy_from_slice(&dst);"]
        if pointer:
            out.append(f"{pointer}.store(&mut self.mem, Decimal::lit(&ptr.to_string()), "
                       "Round::Truncate, false);")
        out += self.phrases("overflow", s.on_overflow, s.not_on_overflow)
        return [*out, "let _ = overflow;", "}"]

    def s_Unstring(self, s: P.Unstring) -> list[str]:
        out = ["{", f"let src = {self.bytes_of(s.source)};"]
        delims = []
        for n, d in enumerate(s.delimiters):
            out.append(f"let d{n} = {self.bytes_of(d.value)};")
            delims.append(f"Delim {{ text: &d{n}[..], all: {'true' if d.all else 'false'} }}")
        start = f"({self.num(s.pointer)}).to_i64()" if s.pointer else "1"
        sizes = ", ".join(f"{self.field(t.ref)}.pic.len" for t in s.into)
        out += [f"let mut ptr: i64 = {start};",
                f"let (pieces, overflow) = unstring(&src, &[{', '.join(delims)}], "
                f"&[{sizes}], &mut ptr);"]
        for n, target in enumerate(s.into):
            out += [f"if let Some(p) = pieces.get({n}) {{",
                    f"{self.field(target.ref)}.move_text(&mut self.mem, &p.data);"]
            if target.delimiter_in is not None:
                item = self.fields.item(target.delimiter_in)
                f = self.field(target.delimiter_in)
                none = "Fig::Zero" if item.category == "numeric" else "Fig::Space"
                out.append(f"match &p.delim {{ Some(d) => {f}.move_text(&mut self.mem, d), "
                           f"None => {f}.move_value(&mut self.mem, &Value::Fig({none})) }}")
            if target.count_in is not None:
                out.append(self._set_int(self.field(target.count_in), "p.data.len() as i64"))
            out.append("}")
        if s.pointer is not None:
            out.append(self._set_int(self.field(s.pointer), "ptr"))
        if s.tallying is not None:
            f = self.field(s.tallying)
            out.append(f"{{ let r = {f}.get(&self.mem).add(Decimal::int(pieces.len() as i64));"
                       f" {f}.store(&mut self.mem, r, Round::Truncate, false); }}")
        out += self.phrases("overflow", s.on_overflow, s.not_on_overflow)
        return [*out, "let _ = overflow;", "}"]

    @staticmethod
    def _set_int(field: str, value: str) -> str:
        return (f"{field}.store(&mut self.mem, Decimal::int({value}), Round::Truncate, "
                "false);")

    def s_Inspect(self, s: P.Inspect) -> list[str]:
        out = ["{", f"let f = {self.field(s.target)};"]
        if s.tallying:
            out += ["{", "let (data, _) = f.inspect_bytes(&self.mem);",
                    "let mut ins = Inspector::new(&data);"]
            for phrase in s.tallying:
                assert phrase.counter is not None
                counter = self.field(phrase.counter)
                out += ["{", *self._bounds(phrase.bounds), *self._pattern(phrase),
                        "let n = ins.tally(&pat);",
                        f"let r = {counter}.get(&self.mem).add(Decimal::int(n as i64));",
                        f"{counter}.store(&mut self.mem, r, Round::Truncate, false);", "}"]
            out.append("}")
        if s.replacing:
            out += ["{", "let (data, neg) = f.inspect_bytes(&self.mem);",
                    "let mut ins = Inspector::new(&data);"]
            for phrase in s.replacing:
                assert phrase.by is not None
                out += ["{", *self._bounds(phrase.bounds), *self._pattern(phrase),
                        f"let by = {self.bytes_of(phrase.by)};",
                        f"ins.replace(&pat, &by, {_repeats(phrase.by)});", "}"]
            out += ["let out = ins.finish();", "f.inspect_store(&mut self.mem, &out, neg);",
                    "}"]
        if s.converting is not None:
            source, to, bounds = s.converting
            out += ["{", "let (data, neg) = f.inspect_bytes(&self.mem);",
                    "let mut ins = Inspector::new(&data);",
                    *self._bounds(bounds), f"let from = {self.bytes_of(source)};",
                    f"let to = {self.bytes_of(to)};",
                    f"ins.convert(&from, &to, {_repeats(to)});", "let out = ins.finish();",
                    "f.inspect_store(&mut self.mem, &out, neg);", "}"]
        return [*out, "}"]

    def _bounds(self, bounds: tuple[P.Bound, ...]) -> list[str]:
        return [f"ins.{'before' if b.before else 'after'}(&{self.bytes_of(b.value)});"
                for b in bounds]

    def _pattern(self, phrase: P.InspectPhrase) -> list[str]:
        if phrase.kind == "CHARACTERS":
            return ["let pat = Pattern::Characters;"]
        return [f"let text = {self.bytes_of(phrase.value)};",
                f"let pat = Pattern::{_PATTERNS[phrase.kind]}(&text);"]


def _repeats(e: object) -> str:
    """Whether a replacing operand repeats to the pattern's size (figurative, ALL x)."""
    return "true" if isinstance(e, Figurative) or (isinstance(e, Literal) and e.all) \
        else "false"
