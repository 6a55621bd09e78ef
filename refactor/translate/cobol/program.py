"""One COBOL source text as typed data for translation: programs, files, data, procedure.

The source is normalized (`refactor.scan.cobol.source`: fixed format, COPY expanded) and
parsed by tree-sitter for its structure: programs, SELECT entries, FDs and data
description entries (read by `data.py`). The PROCEDURE DIVISION is read from its tokens
(`procedure.py`, `statements.py`). Every line number is a line of the original source.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import tree_sitter

from refactor.scan.cobol.source import Copybooks, normalize
from refactor.scan.cobol.units import _parser
from refactor.translate.cobol.data import DataError, Item, build_records, parse_entry
from refactor.translate.cobol.directives import apply_directives
from refactor.translate.cobol.expressions import Cursor
from refactor.translate.cobol.procedure import (
    CallArg,
    Paragraph,
    ProcedureDivision,
    Ref,
    Section,
    Sentence,
    Statement,
    Unsupported,
)
from refactor.translate.cobol.statement_tree import walk
from refactor.translate.cobol.statements import Parser
from refactor.translate.cobol.tokens import VERBS, Malformed, Token, tokenize


@dataclass(frozen=True)
class ParseProblem:
    """The source (or a program in it) cannot be read as a whole."""

    reason: str
    line: int


@dataclass(frozen=True)
class FileControl:
    """A SELECT entry with its FD."""

    name: str
    assign: str  # the literal's text, or the data name holding the path
    assign_is_literal: bool
    organization: str  # LINE SEQUENTIAL, SEQUENTIAL, RELATIVE, INDEXED
    status: str | None
    records: list[Item] = field(default_factory=list)
    line: int = 0
    optional: bool = False  # SELECT OPTIONAL: a missing file opens (status 05)


@dataclass
class Program:
    name: str
    line: int
    files: list[FileControl]
    working_storage: list[Item]
    local_storage: list[Item]
    linkage: list[Item]
    procedure: ProcedureDivision
    decimal_comma: bool = False
    # Further programs in the same source (nested or consecutive), on the first only.
    more: list[Program] = field(default_factory=list)
    refused: str | None = None  # a compiler directive this cut does not translate
    # PROGRAM-ID ... IS INITIAL / COMMON / RECURSIVE, as written
    attributes: frozenset[str] = frozenset()
    shared: list[str] = field(default_factory=list)  # its GLOBAL / EXTERNAL data and files

    def unsupported(self) -> list[Unsupported]:
        return [s for p in self.procedure.paragraphs for s in walk(p.statements)
                if isinstance(s, Unsupported)]

    def condition_names(self) -> frozenset[str]:
        items = [*self.working_storage, *self.local_storage, *self.linkage,
                 *(r for f in self.files for r in f.records)]
        return _condition_names(items)


def _condition_names(records: list[Item]) -> frozenset[str]:
    return frozenset(c.name for r in records for i in r.walk() for c in i.conditions)


def parse_program(source: str, copybooks: Copybooks | None = None) -> Program | ParseProblem:
    """The first program of `source`, with any others in `more`."""
    directed = apply_directives(source)
    if directed.free is None:
        norm = normalize(source, copybooks)
    else:
        norm = normalize(directed.text, copybooks, free=directed.free)
    tree = _parser().parse(norm.text.encode("utf-8"))
    rows = norm.text.split("\n")
    text = source if directed.free is None else directed.text
    original = text.replace("\r\n", "\n").split("\n")

    def line_of(row: int) -> int:
        return norm.line_map[min(row, len(norm.line_map) - 1)] if norm.line_map else 1

    programs: list[Program] = []
    nodes = _programs(tree.root_node)
    for i, node in enumerate(nodes):
        end_row = nodes[i + 1].start_point[0] - 1 if i + 1 < len(nodes) else len(rows) - 1
        result = _program(node, end_row, rows, original, norm.free_format, line_of)
        if isinstance(result, ParseProblem):
            return result
        programs.append(result)
    if not programs:
        error = _first_error(tree.root_node)
        return ParseProblem("no COBOL program could be parsed",
                            line_of(error.start_point[0]) if error else 1)
    first = programs[0]
    first.more = programs[1:]
    for program in programs:
        program.refused = directed.refused
    return first


def _programs(root: tree_sitter.Node) -> list[tree_sitter.Node]:
    found: list[tree_sitter.Node] = []
    for child in root.children:
        if child.type == "program_definition":
            found.append(child)
            found.extend(_programs(child))
    return found


def _first_error(node: tree_sitter.Node) -> tree_sitter.Node | None:
    if node.type == "ERROR" or node.is_missing:
        return node
    for child in node.children:
        found = _first_error(child)
        if found is not None:
            return found
    return None


def _text(node: tree_sitter.Node) -> str:
    return node.text.decode("utf-8", "replace")


def _descendants(node: tree_sitter.Node, kind: str) -> list[tree_sitter.Node]:
    out: list[tree_sitter.Node] = []
    for child in node.children:
        if child.type == kind:
            out.append(child)
        elif child.type != "program_definition":
            out.extend(_descendants(child, kind))
    return out


def _program(node: tree_sitter.Node, end_row: int, rows: list[str], original: list[str],
             free: bool, line_of: Callable[[int], int]) -> Program | ParseProblem:
    """One program; its PROCEDURE DIVISION runs to `end_row` (where the next program
    starts). The grammar's errors there do not matter (the division is read from its
    tokens); an error before it does, for the data would be incomplete."""
    line = line_of(node.start_point[0])
    names = _descendants(node, "program_name")
    name = _text(names[0]).strip().strip("\"'").upper() if names else ""
    start_row = _procedure_row(node, rows, end_row)
    error = _first_error(node)
    if error is not None and (start_row is None or error.start_point[0] < start_row):
        return ParseProblem(f"program {name or '?'}: the grammar cannot read the text at "
                            f"line {line_of(error.start_point[0])}; check the data and "
                            "environment divisions there", line_of(error.start_point[0]))
    decimal_comma = any(re.search(r"DECIMAL-POINT\s+IS\s+COMMA", _text(n), re.I)
                        for n in _descendants(node, "environment_division"))
    sections: dict[str, list[Item]] = {}
    files: list[FileControl] = []
    shared_files: list[str] = []
    try:
        for kind in ("working_storage_section", "local_storage_section", "linkage_section"):
            entries = [parse_entry(_text(d), line_of(d.start_point[0]), decimal_comma)
                       for s in _descendants(node, kind)
                       for d in _descendants(s, "data_description")]
            sections[kind] = build_records(entries)
        selects = {f.name: f for f in (_select(s, original, free, line_of)
                                       for s in _descendants(node, "select_statement"))}
        for fd in _descendants(node, "file_description"):
            header = re.match(r"\s*[FS]D\s+([\w-]+)", _text(fd), re.I)
            fd_word = header.group(1).upper() if header else ""
            entries = [parse_entry(_text(d), line_of(d.start_point[0]), decimal_comma)
                       for d in _descendants(fd, "data_description")]
            if re.search(r"\b(GLOBAL|EXTERNAL)\b", _text(fd).split(".")[0], re.I):
                shared_files.append(fd_word)
            control = selects.get(fd_word)
            if control is None:
                return ParseProblem(f"program {name}: FD {fd_word} has no SELECT",
                                    line_of(fd.start_point[0]))
            selects[fd_word] = replace(control, records=build_records(entries))
        files = list(selects.values())
    except DataError as exc:
        return ParseProblem(f"program {name}: {exc}", line)
    condition_names = _condition_names([r for records in sections.values() for r in records]
                                       + [r for f in files for r in f.records])
    if start_row is not None:
        span = [(rows[r], line_of(r)) for r in range(start_row, end_row + 1)]
        procedure = parse_procedure(tokenize(span, decimal_comma), condition_names,
                                    line_of(start_row))
    else:
        procedure = ProcedureDivision((), None, (), line)
    program = Program(name, line, files, sections["working_storage_section"],
                      sections["local_storage_section"], sections["linkage_section"],
                      procedure, decimal_comma)
    program.shared = shared_files + [
        i.name for records in sections.values() for r in records for i in r.walk() if i.shared]
    header = _ATTRIBUTES.search(" ".join(rows[node.start_point[0]:node.start_point[0] + 5]))
    if header:
        program.attributes = frozenset(header.group(1).upper().split()) - {"IS", "PROGRAM"}
    return program


_ATTRIBUTES = re.compile(r"PROGRAM-ID\.?\s+[\w\"'-]+\s+((?:(?:IS|PROGRAM|INITIAL|COMMON|"
                         r"RECURSIVE)\b\s*)+)", re.I)


_PROCEDURE = re.compile(r"^.{7}\s*PROCEDURE\s+DIVISION\b", re.I)


def _procedure_row(node: tree_sitter.Node, rows: list[str], end_row: int) -> int | None:
    """The row of `PROCEDURE DIVISION`: the grammar's node, or the text when an error
    hid it."""
    for child in node.children:
        if child.type == "procedure_division":
            return child.start_point[0]
    return next((r for r in range(node.start_point[0], min(end_row + 1, len(rows)))
                 if _PROCEDURE.match(rows[r]) and rows[r][6:7] not in ("*", "/")), None)


_SELECT = re.compile(r"SELECT\s+(?:OPTIONAL\s+)?([\w-]+)\s+ASSIGN\s+(?:TO\s+)?"
                     r"(?:(?:DISK|EXTERNAL|DYNAMIC)\s+)?(\"[^\"]*\"|'[^']*'|[\w-]+)", re.I)
_ORGANIZATION = re.compile(r"ORGANIZATION\s+(?:IS\s+)?(LINE\s+SEQUENTIAL|RECORD\s+"
                           r"SEQUENTIAL|SEQUENTIAL|RELATIVE|INDEXED)|\b(LINE\s+SEQUENTIAL)",
                           re.I)
_STATUS = re.compile(r"\bSTATUS\s+(?:IS\s+)?([\w-]+)", re.I)


def _select(node: tree_sitter.Node, original: list[str], free: bool,
            line_of: Callable[[int], int]) -> FileControl:
    """A SELECT entry, read from the original lines (the normalized text has LINE
    SEQUENTIAL blanked for the grammar)."""
    first, last = line_of(node.start_point[0]), line_of(node.end_point[0])
    lines = original[first - 1:last]
    code = " ".join(line if free else line[7:72] for line in lines)
    code = code[max(0, code.upper().find("SELECT")):]
    end = re.search(r"\.(?=\s|$)", code)  # the entry's period (not one in a literal)
    code = code if end is None else code[:end.end()]
    select = _SELECT.search(code)
    name = select.group(1).upper() if select else ""
    target = select.group(2) if select else ""
    literal = target[:1] in "\"'" and target != ""
    organization = _ORGANIZATION.search(code)
    org = " ".join((organization.group(1) or organization.group(2)).upper().split()) \
        if organization else "SEQUENTIAL"
    status = _STATUS.search(code)
    return FileControl(name, target.strip("\"'") if literal else target.upper(), literal,
                       "SEQUENTIAL" if org == "RECORD SEQUENTIAL" else org,
                       status.group(1).upper() if status else None, [], first,
                       bool(re.match(r"SELECT\s+OPTIONAL\b", code, re.I)))


# ---------------------------------------------------------------- the division's structure


def parse_procedure(tokens: list[Token], condition_names: frozenset[str] = frozenset(),
                    line: int = 0) -> ProcedureDivision:
    """Sections, paragraphs and sentences from the tokens of `PROCEDURE DIVISION ...`."""
    cursor = Cursor(tokens, condition_names)
    parser = Parser(cursor)
    using, returning = _header(cursor)
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    section = ("", line)
    paragraph = ("", line)

    def close_paragraph() -> None:
        if sentences or paragraph[0]:
            paragraphs.append(Paragraph(paragraph[0], tuple(sentences), paragraph[1]))
        sentences.clear()

    def close_section() -> None:
        close_paragraph()
        if paragraphs or section[0]:
            sections.append(Section(section[0], tuple(paragraphs), section[1]))
        paragraphs.clear()

    while cursor.peek() is not None:
        tok = cursor.peek()
        assert tok is not None
        if cursor.at("END") and cursor.word(1) == "PROGRAM":
            break
        if tok.kind in ("word", "num") and cursor.word(1) == "SECTION":
            close_section()
            section = (tok.text, tok.line)
            paragraph = ("", tok.line)
            cursor.pos += 2
            while cursor.peek() is not None and cursor.peek().kind != "period":  # type: ignore[union-attr]
                cursor.take()  # a segment number
            cursor.pos += 1
            continue
        nxt = cursor.peek(1)
        if tok.kind in ("word", "num") and nxt is not None and nxt.kind == "period" \
                and tok.text not in VERBS and tok.text != "DECLARATIVES":
            close_paragraph()
            paragraph = (tok.text, tok.line)
            cursor.pos += 2
            continue
        sentences.append(_sentence(cursor, parser))
    close_section()
    return ProcedureDivision(using, returning, tuple(sections), line)


def _sentence(cursor: Cursor, parser: Parser) -> Sentence:
    statements: list[Statement] = []
    first = cursor.peek()
    assert first is not None
    while True:
        statements.extend(parser.block())
        tok = cursor.peek()
        if tok is None:
            break
        if tok.kind == "period":
            cursor.take()
            break
        start = cursor.pos  # not a statement: keep it, up to the next statement
        cursor.take()
        while not cursor.at_end_of_clause():
            cursor.take()
        text = " ".join(t.text for t in cursor.tokens[start:cursor.pos])
        statements.append(Unsupported(tok.text, text, tok.line))
    return Sentence(tuple(statements), first.line)


def _header(cursor: Cursor) -> tuple[tuple[CallArg, ...], Ref | None]:
    """`PROCEDURE DIVISION [USING [BY REFERENCE|VALUE] a ...] [RETURNING r].`"""
    cursor.accept("PROCEDURE")
    cursor.accept("DIVISION")
    using: list[CallArg] = []
    returning = None
    try:
        if cursor.accept("USING", "CHAINING"):
            mode = "REFERENCE"
            while cursor.peek() is not None and cursor.peek().kind == "word" \
                    and not cursor.at("RETURNING"):  # type: ignore[union-attr]
                if cursor.accept("BY"):
                    mode = cursor.expect("REFERENCE", "VALUE", "CONTENT")
                    continue
                using.append(CallArg(mode, cursor.ref()))  # type: ignore[arg-type]
        if cursor.accept("RETURNING"):
            returning = cursor.ref()
    except Malformed:
        pass
    while cursor.peek() is not None and cursor.peek().kind != "period":  # type: ignore[union-attr]
        cursor.take()
    cursor.accept_period()
    return tuple(using), returning
