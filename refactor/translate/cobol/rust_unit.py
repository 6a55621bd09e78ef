"""A run unit of COBOL programs as one Rust binary on the `cobol_rt` runtime.

Each program becomes a module holding a `Program` struct (its storage and its paragraphs
as methods, emit.py); a program CALLs another through `call(args)`, which copies the USING
arguments into its LINKAGE records and back out (BY REFERENCE arguments are then copied
into the caller's storage); the first program is the main one. STOP RUN ends the process
from any program, GOBACK returns to the caller.
"""

from __future__ import annotations

from collections.abc import Sequence

from refactor.translate.cobol.emit import Emitter, FileInfo
from refactor.translate.cobol.emit_data import (
    RETURN_CODE,
    FieldTable,
    Unsupported,
    index_records,
    initial_values,
    pic_of,
    return_code_record,
    rust_str,
)
from refactor.translate.cobol.operands import Literal, Ref
from refactor.translate.cobol.procedure import Call
from refactor.translate.cobol.program import Program
from refactor.translate.cobol.statement_tree import walk

__all__ = ["Unsupported", "emit_program"]


def emit_program(program: Program, callees: Sequence[Program] = ()) -> str:
    """The Rust source of `program` (and of the subprograms it CALLs, compiled into the
    same executable as cobc does with several sources) as one binary on `cobol_rt`;
    raises Unsupported naming the first construct this cut cannot translate."""
    units = [program, *callees]
    for unit in list(units):
        names = [p.name.upper() for p in [unit, *unit.more]]
        twice = next((n for n in names if names.count(n) > 1), None)
        if twice is not None:  # nested programs of one name: which one a CALL means
            raise Unsupported(f"two programs named {twice} in one source")  # is scoped
    for unit in list(units):  # the other programs of each source (nested or not)
        for other in unit.more:
            if all(other.name.upper() != u.name.upper() for u in units):
                units.append(other)
    shared = next((n for u in units for n in u.shared), None)
    if shared is not None and len(units) > 1:
        raise Unsupported(f"GLOBAL or EXTERNAL item {shared} shared between programs")
    # (the sequential-file helper is in FILES_RS, formatted into the template below)
    idents = {u.name.upper(): f"prog_{i}" for i, u in enumerate(units)}
    cycle = _call_cycle(units)
    if cycle is not None:  # cobc has one instance per program: a cycle is recursion
        raise Unsupported(f"recursive CALL of {cycle}")
    modules = [_module(u, idents[u.name.upper()], idents, main=(u is program))
               for u in units]
    return f"""//! {program.name}, translated from COBOL by refactor (rules backend, first cut).
#![allow(unused, non_snake_case, non_camel_case_types, unreachable_code, unused_labels,
         clippy::all)]
mod cobol_rt;
use cobol_rt::*;

enum Flow {{ Next, GoTo(usize), Stop(i32) }}

/// NUMERIC class test of DISPLAY bytes; `sign`: 0 unsigned, 1 trailing overpunch,
/// 2 leading overpunch, 3 leading separate, 4 trailing separate.
fn class_numeric(b: &[u8], sign: u8) -> bool {{
    let (body, ok) = match sign {{
        3 => (b.get(1..).unwrap_or(&[]), matches!(b.first(), Some(b'+' | b'-'))),
        4 => (&b[..b.len().saturating_sub(1)], matches!(b.last(), Some(b'+' | b'-'))),
        _ => (b, true),
    }};
    let punched = |i: usize, c: &u8| (sign == 1 && i + 1 == body.len()
        || sign == 2 && i == 0) && (b'p'..=b'y').contains(c);
    ok && !body.is_empty()
        && body.iter().enumerate().all(|(i, c)| c.is_ascii_digit() || punched(i, c))
}}

/// ACCEPT from standard input: one line without its newline, None at end of input.
fn accept_line() -> Option<Vec<u8>> {{
    use std::io::BufRead;
    let mut line = Vec::new();
    match std::io::stdin().lock().read_until(b'\\n', &mut line) {{
        Ok(0) | Err(_) => None,
        Ok(_) => {{
            while line.last() == Some(&b'\\n') || line.last() == Some(&b'\\r') {{ line.pop(); }}
            Some(line)
        }}
    }}
}}

{FILES_RS}

/// A failed file operation on a file without FILE STATUS: libcob's message, exit 1.
fn file_error(status: &[u8], file: &str) -> ! {{
    eprintln!("libcob: error: status {{}} for file {{}}", String::from_utf8_lossy(status), file);
    stop_run(1)
}}

/// STOP RUN: the whole run unit ends, whichever program says it.
fn stop_run(code: i32) -> ! {{
    use std::io::Write;
    let _ = std::io::stdout().flush();
    std::process::exit(code)
}}

{chr(10).join(modules)}

fn main() {{
    let mut program = prog_0::Program::new();
    let code = program.call(&mut []);
    stop_run(code);
}}
"""


def _call_cycle(units: Sequence[Program]) -> str | None:
    """A program that CALLs itself, directly or through others of `units`."""
    names = {u.name.upper() for u in units}
    calls = {u.name.upper(): {s.program.value.upper()
                              for para in u.procedure.paragraphs
                              for s in walk(para.statements)
                              if isinstance(s, Call) and isinstance(s.program, Literal)
                              and s.program.value.upper() in names}
             for u in units}
    for start in calls:
        seen: set[str] = set()
        todo = list(calls[start])
        while todo:
            name = todo.pop()
            if name == start:
                return start
            if name not in seen:
                seen.add(name)
                todo.extend(calls.get(name, ()))
    return None


def _module(program: Program, ident: str, idents: dict[str, str], main: bool) -> str:
    """One program as `mod ident { pub struct Program ... }`."""
    if program.refused:
        raise Unsupported(program.refused)
    if program.local_storage:
        raise Unsupported(f"LOCAL-STORAGE (line {program.line})")
    fields = FieldTable()
    for record in [*program.working_storage, return_code_record(), *program.linkage]:
        fields.add_record(record)
    files, opened = _files(program, fields)
    records = [*program.working_storage, *program.linkage,
               *(r for f in program.files for r in f.records)]
    for record in index_records(records):
        fields.add_record(record)
    params = []  # (offset, size) of each USING parameter's linkage record
    for arg in program.procedure.using:
        if not isinstance(arg.value, Ref):
            raise Unsupported(f"PROCEDURE DIVISION USING {arg.mode} (line {program.line})")
        slot = fields.slots[fields.resolve(arg.value)]
        params.append((slot.base + slot.item.offset, slot.item.size))
    paragraphs = program.procedure.paragraphs
    index = {p.name.upper(): i for i, p in enumerate(paragraphs) if p.name}
    sections: dict[str, tuple[int, int]] = {}
    qualified: dict[tuple[str, str], int] = {}
    owner: list[str] = []
    position = 0
    for section in program.procedure.sections:
        if section.name and section.paragraphs:
            sections[section.name.upper()] = (position, position + len(section.paragraphs) - 1)
        for offset, para in enumerate(section.paragraphs):
            qualified[(section.name.upper(), para.name.upper())] = position + offset
            owner.append(section.name)
        position += len(section.paragraphs)
    em = Emitter(program, fields, paragraphs, index, sections, qualified=qualified,
                  owner=owner, idents=idents, files=files,
                  decimal_comma=program.decimal_comma, main=main)
    methods = [line for i, p in enumerate(paragraphs) for line in em.paragraph(i, p)]
    table = ",\n".join(f"        Field::new({s.base + s.item.offset}, "
                        f"{pic_of(s.item, program.decimal_comma)})" for s in fields.slots)
    init = initial_values(fields, program.decimal_comma)
    spans = ", ".join(f"({a}, {b})" for a, b in fields.spans)
    # IS INITIAL: in its initial state each time it is called
    reset = "        self.init();\n" if "INITIAL" in program.attributes else ""
    rc = fields.by_name[RETURN_CODE][0]
    count = len(paragraphs)
    dispatch = "\n".join(f"            {i} => self.p{i}()," for i in range(count))
    copy_in = "\n".join(
        f"        if let Some(a) = args.get({i}) {{ let n = a.len().min({size}); "
        f"self.mem[{off}..{off} + n].copy_from_slice(&a[..n]); }}"
        for i, (off, size) in enumerate(params))
    copy_out = "\n".join(
        f"        if let Some(a) = args.get_mut({i}) {{ let n = a.len().min({size}); "
        f"a[..n].copy_from_slice(&self.mem[{off}..{off} + n]); }}"
        for i, (off, size) in enumerate(params))
    return f"""/// {program.name}
mod {ident} {{
use super::*;

pub struct Program {{
    mem: Vec<u8>,
    f: Vec<Field>,
    files: Vec<SeqFile>,
}}

thread_local! {{
    /// The run unit's one instance of this program, as in cobc (None before its first
    /// CALL, and while it runs: a call cycle is refused at translation).
    static INSTANCE: std::cell::RefCell<Option<Box<Program>>> =
        const {{ std::cell::RefCell::new(None) }};
}}

/// CALL: run the run unit's instance (made on the first CALL) with `args`.
pub fn call_instance(args: &mut [Vec<u8>]) -> i32 {{
    let mut p = INSTANCE.with(|c| c.borrow_mut().take())
        .unwrap_or_else(|| Box::new(Program::new()));
    let code = p.call(args);
    INSTANCE.with(|c| *c.borrow_mut() = Some(p));
    code
}}

impl Program {{
    pub fn new() -> Program {{
        let f = vec![
{table}
        ];
        let files = vec![{opened}];
        let mut p = Program {{ mem: vec![0; {fields.region}], f, files }};
        p.init();
        p
    }}

    /// Storage as the program starts: records of spaces, then their initial values.
    fn init(&mut self) {{
        self.mem.fill(0);
        for (a, b) in [{spans}] {{ self.mem[a..b].fill(b' '); }}
{init}
    }}

    fn return_code(&self) -> i32 {{
        self.f[{rc}].get(&self.mem).to_i64() as i32
    }}

    /// Run the program with its USING arguments (copied in, and back out: BY REFERENCE
    /// is the caller's business); the RETURN-CODE it leaves.
    pub fn call(&mut self, args: &mut [Vec<u8>]) -> i32 {{
{reset}{copy_in}
        let code = match self.run_range(0, {max(count - 1, 0)}) {{
            Flow::Stop(code) => code,
            _ => self.return_code(),
        }};
{copy_out}
        code
    }}

    fn para(&mut self, p: usize) -> Flow {{
        match p {{
{dispatch}
            _ => Flow::Stop(self.return_code()),
        }}
    }}

    /// Paragraphs `start` to `end` in source order: fall-through, GO TO and GOBACK.
    fn run_range(&mut self, start: usize, end: usize) -> Flow {{
        let mut p = start;
        loop {{
            match self.para(p) {{
                Flow::Next => {{
                    if p == end || p + 1 >= {count} {{
                        return if p + 1 >= {count} && p != end {{
                            Flow::Stop(self.return_code())
                        }} else {{ Flow::Next }};
                    }}
                    p += 1;
                }}
                Flow::GoTo(q) => p = q,
                Flow::Stop(code) => return Flow::Stop(code),
            }}
        }}
    }}

{chr(10).join("    " + line for line in methods)}
}}
}}
"""


def _files(program: Program, fields: FieldTable) -> tuple[dict[str, FileInfo], str]:
    """The program's files for the emitter, and the Rust that creates them."""
    infos: dict[str, FileInfo] = {}
    made = []
    for k, fc in enumerate(program.files):
        if fc.organization not in ("LINE SEQUENTIAL", "SEQUENTIAL"):
            raise Unsupported(f"{fc.organization} file {fc.name} (line {fc.line})")
        if not fc.records:
            raise Unsupported(f"file {fc.name} has no record (line {fc.line})")
        first = fc.records[0]
        fields.add_record(first)
        for record in fc.records[1:]:  # the records of one FD share its record area
            fields.add_record(record, over=first.name)
        slot = fields.by_name[first.name][0]
        status = Ref(fc.status) if fc.status else None
        size = max(r.size for r in fc.records)
        assign = None if fc.assign_is_literal else Ref(fc.assign)
        infos[fc.name.upper()] = FileInfo(k, slot, size, status, assign, fc.name.upper())
        line = "true" if fc.organization == "LINE SEQUENTIAL" else "false"
        path = rust_str(fc.assign) if fc.assign_is_literal else '""'
        optional = "true" if fc.optional else "false"
        made.append(f"SeqFile::new({path}, {line}, {optional})")
    return infos, ", ".join(made)


FILES_RS = """/// A SEQUENTIAL or LINE SEQUENTIAL file, with GnuCOBOL's status codes.
#[derive(Clone, Copy)]
enum OpenMode { Input, Output, Extend }

struct SeqFile {
    path: String,
    line: bool,
    optional: bool,
    absent: bool,  // an OPTIONAL file opened for input that does not exist
    reader: Option<std::io::BufReader<std::fs::File>>,
    writer: Option<std::io::BufWriter<std::fs::File>>,
}

impl SeqFile {
    fn new(path: &str, line: bool, optional: bool) -> SeqFile {
        SeqFile { path: path.to_string(), line, optional, absent: false, reader: None,
                  writer: None }
    }

    /// OPEN: 00, or 05 for a missing OPTIONAL file (INPUT reads nothing from it, EXTEND
    /// creates it), 35 for a missing file otherwise, 41 when already open.
    fn open(&mut self, mode: OpenMode) -> &'static [u8] {
        use std::fs::OpenOptions;
        if self.reader.is_some() || self.writer.is_some() || self.absent {
            return b"41";
        }
        let exists = std::path::Path::new(&self.path).exists();
        match mode {
            OpenMode::Input => match std::fs::File::open(&self.path) {
                Ok(f) => { self.reader = Some(std::io::BufReader::new(f)); b"00" }
                Err(_) if self.optional && !exists => { self.absent = true; b"05" }
                Err(_) => b"35",
            },
            OpenMode::Extend if !exists && !self.optional => b"35",
            OpenMode::Output | OpenMode::Extend => {
                let mut o = OpenOptions::new();
                o.create(true);
                if matches!(mode, OpenMode::Extend) {
                    o.append(true);
                } else {
                    o.write(true).truncate(true);
                }
                match o.open(&self.path) {
                    Ok(f) => {
                        self.writer = Some(std::io::BufWriter::new(f));
                        if matches!(mode, OpenMode::Extend) && !exists { b"05" } else { b"00" }
                    }
                    Err(_) => b"37",
                }
            }
        }
    }

    fn close(&mut self) -> &'static [u8] {
        use std::io::Write;
        if let Some(mut w) = self.writer.take() { let _ = w.flush(); return b"00"; }
        if self.reader.take().is_some() { return b"00"; }
        if std::mem::replace(&mut self.absent, false) { return b"00"; }
        b"42"
    }

    /// The next record, padded with spaces to `len`; None at the end (status 10).
    fn read(&mut self, len: usize) -> (&'static [u8], Option<Vec<u8>>) {
        use std::io::{BufRead, Read};
        if self.absent { return (b"10", None); }
        let Some(r) = self.reader.as_mut() else { return (b"47", None) };
        let mut data = Vec::new();
        if self.line {
            match r.read_until(b'\\n', &mut data) {
                Ok(0) | Err(_) => return (b"10", None),
                Ok(_) => {
                    while matches!(data.last(), Some(b'\\n' | b'\\r')) {
                        data.pop();
                    }
                }
            }
        } else {
            data.resize(len, b' ');
            if r.read_exact(&mut data).is_err() { return (b"10", None); }
        }
        data.resize(len, b' ');
        (b"00", Some(data))
    }

    /// LINE SEQUENTIAL writes the record without trailing spaces and a newline.
    fn write(&mut self, data: &[u8]) -> &'static [u8] {
        use std::io::Write;
        let Some(w) = self.writer.as_mut() else { return b"48" };
        let body = if self.line {
            let end = data.iter().rposition(|b| *b != b' ').map_or(0, |i| i + 1);
            &data[..end]
        } else { data };
        let ok = w.write_all(body).is_ok() && (!self.line || w.write_all(b"\\n").is_ok());
        if ok { b"00" } else { b"30" }
    }
}"""
