"""A COBOL program as a Rust program on the `cobol_rt` runtime (first cut).

WORKING-STORAGE becomes one byte region (`mem`), every data item a `Field` view in a table
(`self.f[k]`); paragraphs become methods returning a `Flow`, run by `run_range`, which
follows COBOL's fall-through, PERFORM ranges and GO TO (a jump leaves the method and the
range runner continues there); each sentence is a labelled block so NEXT SENTENCE can
leave it. A statement this cut does not translate makes the whole program unsupported,
with the statement and its line named: half a program is never emitted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from refactor.translate.cobol import procedure as P
from refactor.translate.cobol.data import Item
from refactor.translate.cobol.emit_data import (
    RETURN_CODE,
    ROUNDING,
    FieldTable,
    Unsupported,
    rust_str,
    values88,
)
from refactor.translate.cobol.emit_initialize import InitializeMixin
from refactor.translate.cobol.emit_strings import StringsMixin
from refactor.translate.cobol.emit_tables import TablesMixin
from refactor.translate.cobol.operands import Literal, Ref
from refactor.translate.cobol.program import Program

__all__ = ["Emitter", "Unsupported"]


@dataclass(frozen=True)
class FileInfo:
    """A SELECT with its FD, as the generated program sees it."""

    index: int  # in the program's `files`
    record: int  # field slot of its (first) record
    size: int  # record length in bytes
    status: Ref | None  # FILE STATUS item
    assign: Ref | None = None  # the item holding the path, when not a literal
    name: str = ""  # the file name, for libcob's error message


@dataclass
class Emitter(StringsMixin, TablesMixin, InitializeMixin):
    program: Program
    fields: FieldTable
    paragraphs: list[P.Paragraph]
    para_index: dict[str, int]
    sections: dict[str, tuple[int, int]]
    label: int = 0
    loops: list[tuple[str, str]] = field(default_factory=list)  # inline PERFORM labels
    qualified: dict[tuple[str, str], int] = field(default_factory=dict)  # (section, para)
    owner: list[str] = field(default_factory=list)  # paragraph -> its section
    current_section: str = ""
    idents: dict[str, str] = field(default_factory=dict)  # PROGRAM-ID -> Rust module
    files: dict[str, FileInfo] = field(default_factory=dict)  # FD name -> its file
    called: list[str] = field(default_factory=list)  # modules this program CALLs
    decimal_comma: bool = False  # DECIMAL-POINT IS COMMA
    main: bool = False  # the run unit's main program (EXIT PROGRAM does nothing there)

    # ---------------------------------------------------------------- operands
    # ---------------------------------------------------------------- statements

    def block(self, statements: tuple[object, ...] | list[object] | None) -> list[str]:
        out: list[str] = []
        for s in statements or ():
            out.extend(self.statement(s))
        return out

    def statement(self, s: object) -> list[str]:
        method = getattr(self, f"s_{type(s).__name__}", None)
        if method is None:
            line = getattr(s, "line", "?")
            raise Unsupported(f"{type(s).__name__.upper()} at line {line}")
        return method(s)

    def s_Move(self, s: P.Move) -> list[str]:
        if s.corresponding:
            return self.move_corresponding(s)
        out = []
        for target in s.targets:
            item = self.fields.item(target)
            if item.category == "numeric" and self._alphanumeric_item(s.source):
                # a data item, not a literal: the run-time rule (digits only)
                out.append(f"{{ let v = {self.field(s.source)}.bytes(&self.mem).to_vec(); "  # type: ignore[arg-type]
                           f"{self.field(target)}.move_text(&mut self.mem, &v); }}")
                continue
            out.append(f"{{ let v = {self.value(s.source, raw=item.is_group)}; "
                       f"{self.field(target)}.move_value(&mut self.mem, &v); }}")
        return out

    def _alphanumeric_item(self, e: object) -> bool:
        """A data item (or reference modification) that is not numeric or numeric-edited."""
        if not isinstance(e, Ref):
            return False
        return e.refmod is not None or self.fields.item(e).category not in (
            "numeric", "numeric-edited")

    def move_corresponding(self, s: P.Move) -> list[str]:
        """MOVE CORRESPONDING: members with the same name (below groups of the same name),
        FILLER, REDEFINES and tables left out, as the standard says."""
        if not isinstance(s.source, Ref) or any(t.subscripts for t in s.targets) \
                or s.source.subscripts:
            raise Unsupported(f"MOVE CORRESPONDING of subscripted items at line {s.line}")
        source = self.fields.item(s.source)
        out: list[str] = []
        for target in s.targets:
            dest = self.fields.item(target)
            for a, b in _corresponding(source, dest):
                ka, kb = self.fields.index[id(a)], self.fields.index[id(b)]
                method = "raw" if a.is_group or b.is_group else "value"
                out.append(f"{{ let v = self.f[{ka}].{method}(&self.mem); "
                           f"self.f[{kb}].move_value(&mut self.mem, &v); }}")
        return out

    def s_Display(self, s: P.Display) -> list[str]:
        if s.upon not in (None, "CONSOLE", "SYSOUT", "SYSERR"):
            raise Unsupported(f"DISPLAY UPON {s.upon} at line {s.line}")
        fn = ("display_err" if s.upon == "SYSERR" else
              "display_no_advancing" if s.no_advancing else "display_line")
        parts = ", ".join(self.display_part(e) for e in s.items)
        return [f"{fn}(&[{parts}]);"]

    def _store(self, stores: list[tuple[P.Target, str]], size: P.SizePhrases) -> list[str]:
        """Store each result in its receiver; the SIZE ERROR phrases run once, after all."""
        check = "true" if size.on_error or size.not_on_error else "false"
        out = ["let mut size_error = false;"]
        for t, result in stores:
            mode = "Truncate" if not t.rounded else ROUNDING.get(t.mode, "NearestAwayFromZero")
            out.append(f"{{ let r: Decimal = {result}; size_error |= {self.field(t.ref)}"
                       f".store(&mut self.mem, r, Round::{mode}, {check}); }}")
        out += self.phrases("size_error", size.on_error, size.not_on_error)
        return ["{", *out, "let _ = size_error;", "}"]

    def _sum(self, operands: tuple[object, ...]) -> str:
        total = self.num(operands[0])
        for o in operands[1:]:
            total = f"({total}).add({self.num(o)})"
        return total

    def s_Add(self, s: P.Add) -> list[str]:
        if s.corresponding:
            raise Unsupported(f"ADD CORRESPONDING at line {s.line}")
        if s.giving:
            return self._store([(t, self._sum(s.operands)) for t in s.giving], s.size)
        return self._store([(t, f"({self.num(t.ref)}).add({self._sum(s.operands)})")
                            for t in s.to], s.size)

    def s_Subtract(self, s: P.Subtract) -> list[str]:
        if s.corresponding:
            raise Unsupported(f"SUBTRACT CORRESPONDING at line {s.line}")
        if s.giving:
            assert s.minuend is not None
            result = f"({self.num(s.minuend)}).sub({self._sum(s.operands)})"
            return self._store([(t, result) for t in s.giving], s.size)
        return self._store([(t, f"({self.num(t.ref)}).sub({self._sum(s.operands)})")
                            for t in s.from_], s.size)

    def s_Multiply(self, s: P.Multiply) -> list[str]:
        if s.giving:
            assert s.second is not None
            result = f"({self.num(s.operand)}).mul({self.num(s.second)})"
            return self._store([(t, result) for t in s.giving], s.size)
        return self._store([(t, f"({self.num(s.operand)}).mul({self.num(t.ref)})")
                            for t in s.by], s.size)

    def s_Divide(self, s: P.Divide) -> list[str]:
        if s.remainder is not None:
            if len(s.giving) != 1 or s.second is None:
                raise Unsupported(f"DIVIDE ... REMAINDER without one GIVING at line {s.line}")
            a, b = (s.second, s.operand) if s.form == "INTO" else (s.operand, s.second)
            quotient = s.giving[0]
            scale = self.scale(quotient.ref)
            stores = self._store([(quotient, "q"), (P.Target(s.remainder), "rem")], s.size)
            return ["{", f"let (q, rem) = ({self.num(a)}).div_rem({self.num(b)}, {scale});",
                    *stores, "}"]
        if s.giving:
            assert s.second is not None
            a, b = (s.second, s.operand) if s.form == "INTO" else (s.operand, s.second)
            return self._store([(t, f"({self.num(a)}).div({self.num(b)})")
                                for t in s.giving], s.size)
        return self._store([(t, f"({self.num(t.ref)}).div({self.num(s.operand)})")
                            for t in s.others], s.size)

    def s_Compute(self, s: P.Compute) -> list[str]:
        result = self.num(s.expr)
        return self._store([(t, result) for t in s.targets], s.size)

    def s_If(self, s: P.If) -> list[str]:
        out = [f"if {self.cond(s.condition)} {{", *self.block(s.then), "}"]
        if s.else_:
            out[-1:] = ["} else {", *self.block(s.else_), "}"]
        return out

    def s_Evaluate(self, s: P.Evaluate) -> list[str]:
        out: list[str] = []
        for n, when in enumerate(s.whens):
            test = " || ".join(
                "(" + " && ".join(self.matches(subject, obj)
                                  for subject, obj in zip(s.subjects, phrase, strict=True))
                + ")" for phrase in when.phrases)
            out += [f"{'} else ' if n else ''}if {test} {{", *self.block(when.statements)]
        if s.other is not None:
            out += ["} else {" if out else "{", *self.block(s.other)]
        return [*out, "}"] if out else []

    def s_Accept(self, s: P.Accept) -> list[str]:
        if s.source is not None:
            raise Unsupported(f"ACCEPT FROM {s.source} at line {s.line}")
        item = self.fields.item(s.target)
        # At the end of input GnuCOBOL stores an empty line: spaces, or zero.
        value = ("Value::Num(Decimal::lit(match String::from_utf8_lossy(&line).trim() "
                 "{ \"\" => \"0\", t => t }), 0)"
                 if item.category == "numeric" else "Value::Alnum(line)")  # as NUMVAL
        return [f"{{ let line = accept_line().unwrap_or_default(); {self.field(s.target)}"
                f".move_value(&mut self.mem, &{value}); }}"]

    def file(self, name: str, line: int) -> FileInfo:
        info = self.files.get(name.upper())
        if info is None:
            raise Unsupported(f"file {name} has no SELECT (line {line})")
        return info

    def _status(self, info: FileInfo, status: str, at_end: bool = False) -> list[str]:
        """Store the operation's status in the FILE STATUS item; without one, a failed
        operation ends the run as libcob does (`at_end`: an AT END phrase takes 1x)."""
        if info.status is None:
            handled = f" && {status}[0] != b'1'" if at_end else ""
            return [f"if {status}[0] > b'0'{handled} {{ file_error({status}, "
                    f"{rust_str(info.name)}); }}"]
        return [f"{{ let v = Value::Alnum({status}.to_vec()); "
                f"{self.field(info.status)}.move_value(&mut self.mem, &v); }}"]

    def s_Open(self, s: P.Open) -> list[str]:
        out = []
        for mode, name in s.files:
            info = self.file(name, s.line)
            if mode == "I-O":
                raise Unsupported(f"OPEN I-O at line {s.line}")
            path = ([f"self.files[{info.index}].path = String::from_utf8_lossy("
                     f"{self.field(info.assign)}.bytes(&self.mem)).trim().to_string();"]
                    if info.assign is not None else [])
            out += ["{", *path,
                    f"let st = self.files[{info.index}].open({_rust_mode(mode)});",
                    *self._status(info, "st"), "}"]
        return out

    def s_Close(self, s: P.Close) -> list[str]:
        out = []
        for name in s.files:
            info = self.file(name, s.line)
            out += ["{", f"let st = self.files[{info.index}].close();",
                    *self._status(info, "st"), "}"]
        return out

    def s_Read(self, s: P.Read) -> list[str]:
        if s.invalid_key or s.not_invalid_key:
            raise Unsupported(f"READ ... INVALID KEY at line {s.line}")
        info = self.file(s.file, s.line)
        record = f"self.f[{info.record}]"
        out = ["{", f"let (st, data) = self.files[{info.index}].read({info.size});",
               *self._status(info, "st", at_end=bool(s.at_end or s.not_at_end)),
               "let at_end = data.is_none();",
               f"if let Some(d) = data {{ {record}.bytes_mut(&mut self.mem)"
               ".copy_from_slice(&d); }"]
        if s.into is not None:
            out.append(f"if !at_end {{ let v = {record}.raw(&self.mem); "
                       f"{self.field(s.into)}.move_value(&mut self.mem, &v); }}")
        out += self.phrases("at_end", s.at_end, s.not_at_end)
        return [*out, "}"]

    def s_Write(self, s: P.Write) -> list[str]:
        if s.advancing is not None or s.invalid_key or s.not_invalid_key:
            raise Unsupported(f"WRITE with ADVANCING or INVALID KEY at line {s.line}")
        name = next((n for n, f in self.files.items()
                     if self.fields.resolve(s.record) == f.record), None)
        if name is None:
            raise Unsupported(f"WRITE of {s.record.name}, not a file's record (line {s.line})")
        info = self.files[name]
        record = self.field(s.record)
        out = ["{"]
        if s.from_ is not None:
            out.append(f"let v = {self.value(s.from_)}; {record}.move_value(&mut self.mem, &v);")
        out += [f"let data = {record}.bytes(&self.mem).to_vec();",
                f"let st = self.files[{info.index}].write(&data);", *self._status(info, "st"),
                "}"]
        return out

    def s_Continue(self, s: P.Continue) -> list[str]:
        return []

    def s_NextSentence(self, s: P.NextSentence) -> list[str]:
        return [f"break '{self.sentence_label};"]

    def s_StopRun(self, s: P.StopRun) -> list[str]:
        if s.returning is not None and not self._numeric(s.returning):
            raise Unsupported(f"STOP RUN with a non-numeric status at line {s.line}")
        code = (f"({self.num(s.returning)}).to_i64() as i32" if s.returning is not None
                else {"": "self.return_code()", "NORMAL": "0", "ERROR": "1"}[s.status])
        return [f"stop_run({code});"]

    def _numeric(self, e: object) -> bool:
        """A numeric literal or a numeric data item."""
        if isinstance(e, Literal):
            return e.kind == "numeric"
        return isinstance(e, Ref) and e.refmod is None \
            and self.fields.item(e).category == "numeric"

    def s_GoBack(self, s: P.GoBack) -> list[str]:
        code = (f"({self.num(s.returning)}).to_i64() as i32" if s.returning is not None
                else "self.return_code()")
        return [f"return Flow::Stop({code});"]

    def s_Call(self, s: P.Call) -> list[str]:
        if not isinstance(s.program, Literal) or s.program.kind != "alphanumeric":
            raise Unsupported(f"CALL of a program named at run time at line {s.line}")
        ident = self.idents.get(s.program.value.upper())
        if ident is None:
            raise Unsupported(f"CALL of {s.program.value}, not among the sources "
                              f"(line {s.line})")
        if s.returning is not None or s.on_exception or s.not_on_exception:
            raise Unsupported(f"CALL with RETURNING or ON EXCEPTION at line {s.line}")
        if ident not in self.called:
            self.called.append(ident)
        args, back = [], []
        for i, arg in enumerate(s.using):
            if arg.mode == "VALUE" or arg.value is None:
                raise Unsupported(f"CALL ... BY {arg.mode} at line {s.line}")
            args.append(self.bytes_of(arg.value))
            if arg.mode == "REFERENCE" and isinstance(arg.value, Ref):
                back.append(f"{self.field(arg.value)}.bytes_mut(&mut self.mem)"
                            f".copy_from_slice(&args[{i}]);")
        rc = self.fields.slots[self.fields.by_name[RETURN_CODE][0]]
        return ["{", f"let mut args: Vec<Vec<u8>> = vec![{', '.join(args)}];",
                f"let rc = super::{ident}::call_instance(&mut args);", *back,
                f"self.f[{self.fields.index[id(rc.item)]}].store(&mut self.mem, "
                "Decimal::lit(&rc.to_string()), Round::Truncate, false);", "}"]

    def s_Exit(self, s: P.Exit) -> list[str]:
        if s.what == "":
            return []
        if s.what == "PARAGRAPH":
            return ["return Flow::Next;"]
        if s.what == "PROGRAM":  # GOBACK when called, nothing in the main program
            return [] if self.main else ["return Flow::Stop(self.return_code());"]
        if s.what in ("PERFORM", "PERFORM CYCLE") and self.loops:
            loop, body = self.loops[-1]
            return [f"break '{loop if s.what == 'PERFORM' else body};"]
        raise Unsupported(f"EXIT {s.what} at line {s.line}")

    def s_GoTo(self, s: P.GoTo) -> list[str]:
        if s.depending is None:
            return [f"return Flow::GoTo({self.proc(s.targets[0])[0]});"]
        arms = [f"{i + 1} => return Flow::GoTo({self.proc(t)[0]})," for i, t in
                enumerate(s.targets)]
        return [f"match ({self.num(s.depending)}).to_i64() {{", *arms, "_ => {}", "}"]

    def s_SetCondition(self, s: P.SetCondition) -> list[str]:
        if not s.value:
            raise Unsupported(f"SET ... TO FALSE at line {s.line}")
        out = []
        for ref in s.names:
            owner, cond = self._condition(ref)
            singles, ranges = values88(cond.value or "", self.decimal_comma)
            first = singles[0] if singles else ranges[0][0]
            target = Ref(owner.name, ref.qualifiers, ref.subscripts)
            out.append(f"{{ let v = {first}; {self.field(target)}.move_value("
                       "&mut self.mem, &v); }")
        return out

    def proc(self, name: P.ProcName) -> tuple[int, int]:
        key = name.name.upper()
        section = (name.section or self.current_section).upper()
        if (section, key) in self.qualified:  # a paragraph of that (or this) section
            i = self.qualified[(section, key)]
            return i, i
        if key in self.para_index:
            i = self.para_index[key]
            return i, i
        if key in self.sections:
            return self.sections[key]
        raise Unsupported(f"procedure {name.name} not found")

    def s_Perform(self, s: P.Perform) -> list[str]:
        self.label += 1
        loop, inner = f"p{self.label}", f"c{self.label}"
        if s.procedure is not None:
            start = self.proc(s.procedure)[0]
            end = self.proc(s.thru or s.procedure)[1]
            body = [f"if let Flow::Stop(c) = self.run_range({start}, {end}) "
                    "{ return Flow::Stop(c); }"]
        else:
            self.loops.append((loop, inner))
            try:
                body = self.block(s.body)
            finally:
                self.loops.pop()
        body = [f"'{inner}: {{", *body, "}"]  # EXIT PERFORM CYCLE leaves this block
        if s.varying:
            return self._varying(list(s.varying), body, loop)
        if s.times is not None:
            return [f"'{loop}: for _ in 0..({self.num(s.times)}).to_i64().max(0) {{",
                    *body, "}"]
        if s.until is not None:
            if s.test_after:
                return [f"'{loop}: loop {{", *body, f"if {self.cond(s.until)} {{ break; }}",
                        "}"]
            return [f"'{loop}: while !({self.cond(s.until)}) {{", *body, "}"]
        return [f"'{loop}: loop {{", *body, "break;", "}"]

    def _varying(self, levels: list[P.Varying], body: list[str], loop: str) -> list[str]:
        def setv(v: P.Varying, what: str) -> str:
            return (f"{{ let r = {what}; {self.field(v.var)}.store(&mut self.mem, r, "
                    "Round::Truncate, false); }")

        inner = body
        for i, v in reversed(list(enumerate(levels))):
            step = setv(v, f"({self.num(v.var)}).add({self.num(v.by)})")
            reset = [setv(levels[i + 1], self.num(levels[i + 1].start))] \
                if i + 1 < len(levels) else []
            label = f"'{loop}: " if i == 0 else ""
            inner = [f"{label}while !({self.cond(v.until)}) {{", *inner, step, *reset, "}"]
        return [setv(v, self.num(v.start)) for v in levels] + inner

    # ---------------------------------------------------------------- program

    sentence_label: str = "s0"

    def paragraph(self, index: int, para: P.Paragraph) -> list[str]:
        self.current_section = self.owner[index]
        out = [f"fn p{index}(&mut self) -> Flow {{"]
        for n, sentence in enumerate(para.sentences):
            self.sentence_label = f"s{n}"
            out += [f"'s{n}: {{", *self.block(sentence.statements), "}"]
        out += ["Flow::Next", "}"]
        return out


def _corresponding(a: Item, b: Item) -> list[tuple[Item, Item]]:
    pairs = []
    mine = {c.name: c for c in b.children
            if c.name != "FILLER" and not c.redefines and c.occurs == 1}
    for child in a.children:
        other = mine.get(child.name)
        if other is None or child.name == "FILLER" or child.redefines or child.occurs > 1:
            continue
        if child.children and other.children:
            pairs += _corresponding(child, other)
        elif not child.children or not other.children:
            pairs.append((child, other))
    return pairs


def _rust_mode(mode: str) -> str:
    return {"INPUT": "OpenMode::Input", "OUTPUT": "OpenMode::Output",
            "EXTEND": "OpenMode::Extend"}[mode]
