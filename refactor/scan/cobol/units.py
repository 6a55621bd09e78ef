"""Split one COBOL file into programs, sections, paragraphs (sub-units) or a copybook.

The grammar's tree is flat: section and paragraph headers are siblings of the statements
that follow them, so spans are rebuilt here from the order of headers. A paragraph runs
from its header to the line before the next header (or the end of its program).
Names are upper-cased (COBOL is case-insensitive) and qualified by their program:
`PAYRUN.MAIN-PARA`, so PERFORM / GO TO targets resolve within the program.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from functools import cache
from pathlib import PurePosixPath

import tree_sitter
from tree_sitter_language_pack import get_language, get_parser

from refactor.model import FileUnits, Reference, RefKind, UnitRecord, Warning_, group_refs
from refactor.scan._queries import load_query
from refactor.scan.cobol import unsupported
from refactor.scan.cobol.source import Copybooks, decode, normalize
from refactor.scan.loc import cobol_line_flags, prefix_counts, span_loc

COPYBOOK_SUFFIXES = frozenset({".cpy", ".copy"})
_COPY = re.compile(r"\bCOPY\s+[\"']?([A-Za-z0-9][\w-]*)", re.IGNORECASE)
_PROGRAM_ID = re.compile(r"PROGRAM-ID\.?\s+[\"']?([A-Za-z0-9][\w-]*)", re.IGNORECASE)


@cache
def _parser() -> tree_sitter.Parser:
    return get_parser("cobol")


@cache
def _query() -> tree_sitter.Query:
    return load_query("refactor.scan.cobol", "structure", get_language("cobol"))


def _digest(text: str) -> str:
    return hashlib.blake2b(" ".join(text.split()).encode(), digest_size=12).hexdigest()


def _word(node: tree_sitter.Node) -> str:
    text = node.text.decode("utf-8", "replace").strip().strip("\"'")
    return text.split()[0].rstrip(".").upper() if text.split() else ""


def extract(data: bytes, path: str, copybooks: Copybooks | None = None) -> FileUnits:
    """Parse one COBOL source or copybook and return its units, code lines and warnings.

    `copybooks` reads a copybook by name, for COPY statements to be expanded before the
    grammar sees them (it cannot read an FD or LINKAGE SECTION made of a COPY).
    """
    text, bad_line = decode(data)
    flags = cobol_line_flags(text)
    prefix = prefix_counts(flags)
    warnings: list[Warning_] = []
    if bad_line is not None:
        warnings.append(Warning_(path, bad_line, "bytes that are not UTF-8 (read as Latin-1)"))
    original = text.replace("\r\n", "\n").split("\n")
    last_line = max(1, len(flags))

    def copies_in(first: int, last: int) -> list[tuple[RefKind, str]]:
        """COPY statements on the code lines (not comments) of lines first..last; they are
        expanded before parsing, so the tree does not show them."""
        return [("copy", n.upper()) for i, line in enumerate(original[first - 1:last], first)
                if i <= len(flags) and flags[i - 1] for n in _COPY.findall(line)]

    if PurePosixPath(path).suffix.lower() in COPYBOOK_SUFFIXES:
        refs = group_refs(copies_in(1, last_line))
        name = PurePosixPath(path).stem.upper()
        unit = UnitRecord("copybook", name, 1, last_line, sum(flags), _digest(text),
                          _digest(text), refs)
        return FileUnits((unit,), sum(flags), tuple(warnings))

    norm = normalize(text, copybooks)
    tree = _parser().parse(norm.text.encode("utf-8"))
    caps = tree_sitter.QueryCursor(_query()).captures(tree.root_node)

    def orig_line(row: int) -> int:
        return norm.line_map[min(row, len(norm.line_map) - 1)] if norm.line_map else 1

    def span_text(first: int, last: int) -> str:
        return "\n".join(original[first - 1 : last])

    errors = sorted(orig_line(n.start_point[0]) for n in caps.get("error", ()))
    programs = sorted(caps.get("definition.program", ()), key=lambda n: n.start_byte)
    program_starts = [p.start_byte for p in programs]
    names: dict[int, str] = {}
    for n in sorted(caps.get("name.program", ()), key=lambda n: n.start_byte):
        i = bisect.bisect_right(program_starts, n.start_byte) - 1
        if i >= 0:
            names.setdefault(programs[i].id, _word(n))
    units: list[UnitRecord] = []
    if not programs:
        match = _PROGRAM_ID.search(text)
        name = match.group(1).upper() if match else PurePosixPath(path).stem.upper()
        reason = "no COBOL program could be parsed" + (
            f" (first error at line {errors[0]})" if errors else "")
        refs = group_refs(copies_in(1, last_line))
        units.append(UnitRecord("program", name, 1, last_line, sum(flags), _digest(text),
                                _digest(text), refs, reason=reason))
        return FileUnits(tuple(units), sum(flags), tuple(warnings))

    headers = sorted(
        [(n.start_byte, "section", n) for n in caps.get("definition.section", ())]
        + [(n.start_byte, "paragraph", n) for n in caps.get("definition.paragraph", ())],
        key=lambda h: h[0],
    )
    refs_by_pos = sorted(
        (n.start_byte, kind, _word(n))
        for kind in ("perform", "goto", "call", "copy")
        for n in caps.get(f"name.reference.{kind}", ())
    )
    ref_pos = [r[0] for r in refs_by_pos]

    def pairs_in(start: int, end: int, program: str,
                 kinds: tuple[str, ...] = ("perform", "goto", "call", "copy"),
                 ) -> list[tuple[RefKind, str]]:
        lo, hi = bisect.bisect_left(ref_pos, start), bisect.bisect_left(ref_pos, end)
        return [(kind, f"{program}.{word}" if kind in ("perform", "goto") else word)  # type: ignore[misc]
                for _, kind, word in refs_by_pos[lo:hi] if word and kind in kinds]

    def refs_in(start: int, end: int, program: str) -> tuple[Reference, ...]:
        return group_refs(pairs_in(start, end, program))

    def error_in(first: int, last: int) -> str | None:
        """Why the lines first..last cannot be translated: a construct cut out before
        parsing (EXEC SQL, SCREEN SECTION, ...) or a parse error."""
        cut = next(((line, what) for line, what in norm.unsupported
                    if first <= line <= last), None)
        if cut is not None:
            return unsupported.reason(cut[1], cut[0])
        i = bisect.bisect_left(errors, first)
        return f"parse error at line {errors[i]}" if i < len(errors) and errors[i] <= last \
            else None

    seen: dict[str, int] = {}
    for p_index, prog_node in enumerate(programs):
        program = names.get(prog_node.id) or PurePosixPath(path).stem.upper()
        seen[program] = seen.get(program, 0) + 1
        if seen[program] > 1:
            program = f"{program}~{seen[program]}"
        # A program owns the lines up to the next program, unparsed trailing text included.
        first = orig_line(prog_node.start_point[0])
        last = orig_line(programs[p_index + 1].start_point[0]) - 1 \
            if p_index + 1 < len(programs) else last_line
        last = max(first, last)
        body = span_text(first, last)
        prog_refs = group_refs([*pairs_in(prog_node.start_byte, prog_node.end_byte, program,
                                          ("call",)), *copies_in(first, last)])
        units.append(UnitRecord("program", program, first, last,
                                span_loc(prefix, first, last), _digest(body), _digest(body),
                                prog_refs, reason=error_in(first, last)))
        inside = [h for h in headers if prog_node.start_byte <= h[0] < prog_node.end_byte]
        section: str | None = None
        for i, (start, kind, node) in enumerate(inside):
            end = inside[i + 1][0] if i + 1 < len(inside) else prog_node.end_byte
            word = _word(node)
            h_first = orig_line(node.start_point[0])
            h_last = orig_line(inside[i + 1][2].start_point[0]) - 1 if i + 1 < len(inside) \
                else last
            h_last = max(h_first, h_last)
            if kind == "section":
                section = word
                # A section spans its paragraphs: up to the next section header.
                nxt = next((h for h in inside[i + 1 :] if h[1] == "section"), None)
                end = nxt[0] if nxt else prog_node.end_byte
                h_last = max(h_first, orig_line(nxt[2].start_point[0]) - 1) if nxt else last
            qual = f"{program}.{word}"
            seen[qual] = seen.get(qual, 0) + 1
            if seen[qual] > 1:
                qual = f"{qual}~{seen[qual]}"
            text_span = span_text(h_first, h_last)
            units.append(UnitRecord(
                kind, qual, h_first, h_last, span_loc(prefix, h_first, h_last),
                _digest(text_span), _digest(text_span), refs_in(start, end, program),
                parent=f"{program}.{section}" if kind == "paragraph" and section else program,
                reason=error_in(h_first, h_last),
            ))
    return FileUnits(tuple(units), sum(flags), tuple(warnings))
