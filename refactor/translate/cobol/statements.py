"""Statement parsers: one function per COBOL verb, over a `Cursor` of tokens.

A statement list (`Parser.block`) runs while the next word starts a statement; it ends at
a period, a scope terminator (END-IF ...), ELSE, WHEN or a phrase of an enclosing
statement (NOT ON SIZE ERROR, AT END, ...), which its owner then reads. A period thus
closes every open scope, and each END-x closes the innermost statement it names.
"""

from __future__ import annotations

from collections.abc import Callable

from refactor.translate.cobol import operands as ops
from refactor.translate.cobol import procedure as proc
from refactor.translate.cobol.control import CONTROL_PARSERS
from refactor.translate.cobol.expressions import Cursor
from refactor.translate.cobol.strings import STRING_PARSERS
from refactor.translate.cobol.tokens import FIGURATIVES, TERMINATORS, VERBS, Malformed, Token

# Reserved words that end an operand list (never data names).
KEYWORDS = frozenset("""
    ADVANCING AFTER ALSO AND AT BEFORE BY CONTENT CORR CORRESPONDING COUNT DATA DEFAULT
    DELIMITED DELIMITER DEPENDING DOWN END EQUAL ERROR EXCEPTION FILLER FOR FROM GIVING
    INITIAL INTO INVALID IS KEY LINE LINES NO NOT ON OR OTHER OVERFLOW PAGE POINTER
    REFERENCE REMAINDER REPLACING RETURNING ROUNDED SIZE TALLYING THAN THEN THROUGH THRU
    TIMES TO UNTIL UP UPON USING VALUE VARYING WITH
""".split())  # noqa: SIM905


class Parser:
    """Statement lists and the operand lists statements share, over one `Cursor`."""

    def __init__(self, cursor: Cursor):
        self.c = cursor

    # -- lists
    def block(self) -> proc.Block:
        out: list[proc.Statement] = []
        while True:
            word = self.c.word()
            if word == "NEXT" and self.c.word(1) == "SENTENCE":
                out.append(proc.NextSentence(self.c.take().line))
                self.c.take()
            elif word in _PARSERS or (word in VERBS and word not in _STOPS
                                      and word not in TERMINATORS):
                out.append(self.statement())
            else:
                return tuple(out)

    def statement(self) -> proc.Statement:
        start = self.c.pos
        first = self.c.take()
        parse = _PARSERS.get(first.text)
        if parse is not None:
            try:
                return parse(self, first.line)
            except (Malformed, IndexError, ValueError):
                self.c.pos = start + 1
        while not self.c.at_end_of_clause():
            self.c.take()
        return proc.Unsupported(first.text, _text(self.c.tokens[start:self.c.pos]), first.line)

    def operands(self) -> tuple[ops.Expr, ...]:
        out: list[ops.Expr] = []
        while self.at_operand():
            out.append(self.c.operand())
        return tuple(out)

    def refs(self) -> tuple[ops.Ref, ...]:
        out: list[ops.Ref] = []
        while self.at_operand() and not self.c.at("ALL"):
            out.append(self.c.ref())
        if not out:
            raise Malformed("expected a data name")
        return tuple(out)

    def at_operand(self) -> bool:
        return self.c.at_operand() and self.c.word() not in KEYWORDS

    def rounding(self) -> tuple[bool, str | None]:
        """An optional `ROUNDED [MODE [IS] name]` phrase: (rounded, mode)."""
        rounded = bool(self.c.accept("ROUNDED"))
        mode = None
        if rounded and self.c.accept("MODE"):
            self.c.accept("IS")
            mode = self.c.name()
        return rounded, mode

    def targets(self) -> tuple[proc.Target, ...]:
        out: list[proc.Target] = []
        while self.at_operand():
            ref = self.c.ref()
            out.append(proc.Target(ref, *self.rounding()))
        if not out:
            raise Malformed("expected a receiving item")
        return tuple(out)

    def phrase(self, *words: str, negated: bool = False) -> proc.Block | None:
        """`[NOT] [ON|AT] words block`, read when present."""
        n = 0
        if negated:
            if self.c.word() != "NOT":
                return None
            n = 1
        if self.c.word(n) in ("ON", "AT"):
            n += 1
        for i, word in enumerate(words):
            if self.c.word(n + i) != word:
                return None
        self.c.pos += n + len(words)
        return self.block()

    def size(self, verb: str) -> proc.SizePhrases:
        on_error = self.phrase("SIZE", "ERROR")
        not_on_error = self.phrase("SIZE", "ERROR", negated=True)
        self.c.accept(f"END-{verb}")
        return proc.SizePhrases(on_error, not_on_error)

    def proc_name(self) -> proc.ProcName:
        name = self.c.name()
        section = self.c.name() if self.c.accept("IN", "OF") else None
        return proc.ProcName(name, section)


_STOPS = frozenset({"ELSE", "WHEN"})


def _text(tokens: list[Token]) -> str:
    return " ".join(f'"{t.text}"' if t.kind in ("str", "hex", "nat") else t.text
                    for t in tokens)


# ---------------------------------------------------------------- data movement and I/O


def _move(p: Parser, line: int) -> proc.Move:
    corr = bool(p.c.accept("CORR", "CORRESPONDING"))
    source = p.c.operand()
    p.c.expect("TO")
    return proc.Move(source, p.refs(), corr, line)


def _display(p: Parser, line: int) -> proc.Display:
    items = p.operands()
    upon = None
    no_advancing = False
    while True:
        if p.c.accept("UPON"):
            upon = p.c.name()
        elif p.c.at("WITH", "NO"):
            p.c.accept("WITH")
            p.c.expect("NO")
            p.c.expect("ADVANCING")
            no_advancing = True
        else:
            break
    p.c.accept("END-DISPLAY")
    return proc.Display(items, upon, no_advancing, line)


def _accept(p: Parser, line: int) -> proc.Accept:
    target = p.c.ref()
    source = None
    if p.c.accept("FROM"):
        source = p.c.name()
        while p.c.at("YYYYMMDD", "YYYYDDD"):
            source += " " + p.c.take().text
        tok = p.c.peek()
        if source in ("ENVIRONMENT", "ARGUMENT-VALUE") and tok is not None and tok.kind == "str":
            source += " " + p.c.take().text
    p.c.accept("END-ACCEPT")
    return proc.Accept(target, source, line)


def _initialize(p: Parser, line: int) -> proc.Initialize:
    targets: list[ops.Ref] = []
    while p.at_operand() and not p.c.at("ALL") and p.c.word(1) != "TO":
        targets.append(p.c.ref())
    with_filler = default = False
    to_value: list[str] = []
    replacing: list[tuple[str, ops.Expr]] = []
    while not p.c.at_end_of_clause():
        if p.c.accept("WITH"):
            p.c.expect("FILLER")
            with_filler = True
        elif p.c.at("FILLER"):
            p.c.take()
            with_filler = True
        elif p.c.at("TO") and p.c.word(1) == "DEFAULT":
            p.c.pos += 2
            default = True
        elif p.c.word(1) == "TO" and p.c.word(2) == "VALUE":
            to_value.append(p.c.take().text)
            p.c.pos += 2
        elif p.c.accept("THEN"):
            continue
        elif p.c.accept("REPLACING"):
            while p.c.word() in _CATEGORIES:
                category = p.c.take().text
                p.c.accept("DATA")
                p.c.expect("BY")
                replacing.append((category, p.c.operand()))
        else:
            raise Malformed("INITIALIZE: unknown phrase")
    return proc.Initialize(tuple(targets), tuple(replacing), with_filler, tuple(to_value),
                           line, default)


_CATEGORIES = frozenset({"ALPHABETIC", "ALPHANUMERIC", "NUMERIC", "ALPHANUMERIC-EDITED",
                         "NUMERIC-EDITED", "NATIONAL", "NATIONAL-EDITED"})


def _open(p: Parser, line: int) -> proc.Open:
    files: list[tuple[str, str]] = []
    while p.c.at("INPUT", "OUTPUT", "I-O", "EXTEND"):
        mode = p.c.take().text
        while p.at_operand():
            files.append((mode, p.c.name()))
    if not files:
        raise Malformed("OPEN without files")
    return proc.Open(tuple(files), line)  # type: ignore[arg-type]


def _close(p: Parser, line: int) -> proc.Close:
    names: list[str] = []
    while p.at_operand():
        names.append(p.c.name())
        if p.c.accept("WITH"):
            p.c.expect("LOCK", "NO")
            p.c.accept("REWIND")
    return proc.Close(tuple(names), line)


def _read(p: Parser, line: int) -> proc.Read:
    file = p.c.name()
    p.c.accept("NEXT", "PREVIOUS")
    p.c.accept("RECORD")
    into = p.c.ref() if p.c.accept("INTO") else None
    at_end = p.phrase("END")
    not_at_end = p.phrase("END", negated=True)
    invalid, not_invalid = _invalid_key(p)
    p.c.accept("END-READ")
    return proc.Read(file, into, at_end, not_at_end, invalid, not_invalid, line)


def _invalid_key(p: Parser) -> tuple[proc.Block | None, proc.Block | None]:
    invalid = not_invalid = None
    if p.c.at("INVALID"):
        p.c.take()
        p.c.accept("KEY")
        invalid = p.block()
    if p.c.at("NOT") and p.c.word(1) == "INVALID":
        p.c.pos += 2
        p.c.accept("KEY")
        not_invalid = p.block()
    return invalid, not_invalid


def _write(p: Parser, line: int) -> proc.Write:
    record = p.c.ref()
    from_ = p.c.operand() if p.c.accept("FROM") else None
    advancing = None
    if p.c.at("BEFORE", "AFTER"):
        when = p.c.take().text
        p.c.accept("ADVANCING")
        if p.c.accept("PAGE"):
            advancing = (when, "PAGE")
        else:
            advancing = (when, p.c.operand())
            p.c.accept("LINE", "LINES")
    invalid, not_invalid = _invalid_key(p)
    p.c.accept("END-WRITE")
    return proc.Write(record, from_, advancing, invalid, not_invalid, line)  # type: ignore[arg-type]


def _rewrite(p: Parser, line: int) -> proc.Rewrite:
    record = p.c.ref()
    from_ = p.c.operand() if p.c.accept("FROM") else None
    invalid, not_invalid = _invalid_key(p)
    p.c.accept("END-REWRITE")
    return proc.Rewrite(record, from_, invalid, not_invalid, line)


# ---------------------------------------------------------------- arithmetic


def _add(p: Parser, line: int) -> proc.Add:
    corr = bool(p.c.accept("CORR", "CORRESPONDING"))
    operands = p.operands()
    items = _items(p) if p.c.accept("TO") else []
    if p.c.accept("GIVING"):  # ADD a TO b GIVING c: c = a + b
        operands += tuple(expr for expr, _, _ in items)
        return proc.Add(operands, (), p.targets(), corr, p.size("ADD"), line)
    if not items:
        raise Malformed("ADD without TO or GIVING")
    return proc.Add(operands, _as_targets(items), (), corr, p.size("ADD"), line)


def _subtract(p: Parser, line: int) -> proc.Subtract:
    corr = bool(p.c.accept("CORR", "CORRESPONDING"))
    operands = p.operands()
    p.c.expect("FROM")
    items = _items(p)
    if p.c.accept("GIVING"):  # SUBTRACT a FROM b GIVING c: c = b - a
        if len(items) != 1:
            raise Malformed("SUBTRACT ... GIVING needs one minuend")
        return proc.Subtract(operands, (), items[0][0], p.targets(), corr,
                             p.size("SUBTRACT"), line)
    return proc.Subtract(operands, _as_targets(items), None, (), corr, p.size("SUBTRACT"),
                         line)


def _items(p: Parser) -> list[tuple[ops.Expr, bool, str | None]]:
    """Operands that are receivers unless GIVING follows: (value, rounded, mode)."""
    out: list[tuple[ops.Expr, bool, str | None]] = []
    while p.at_operand():
        value = p.c.operand()
        out.append((value, *p.rounding()))
    if not out:
        raise Malformed("expected an operand")
    return out


def _as_targets(items: list[tuple[ops.Expr, bool, str | None]]) -> tuple[proc.Target, ...]:
    targets: list[proc.Target] = []
    for value, rounded, mode in items:
        if not isinstance(value, ops.Ref):
            raise Malformed("a literal cannot receive a result")
        targets.append(proc.Target(value, rounded, mode))
    return tuple(targets)


def _multiply(p: Parser, line: int) -> proc.Multiply:
    operand = p.c.operand()
    p.c.expect("BY")
    items = _items(p)
    if p.c.accept("GIVING"):
        if len(items) != 1:
            raise Malformed("MULTIPLY ... GIVING needs one BY operand")
        return proc.Multiply(operand, (), items[0][0], p.targets(), p.size("MULTIPLY"), line)
    return proc.Multiply(operand, _as_targets(items), None, (), p.size("MULTIPLY"), line)


def _divide(p: Parser, line: int) -> proc.Divide:
    operand = p.c.operand()
    form = p.c.expect("INTO", "BY")
    items = _items(p)
    if p.c.accept("GIVING"):
        if len(items) != 1:
            raise Malformed("DIVIDE ... GIVING needs one INTO / BY operand")
        giving = p.targets()
        remainder = p.c.ref() if p.c.accept("REMAINDER") else None
        return proc.Divide(operand, form, (), items[0][0], giving,  # type: ignore[arg-type]
                           remainder, p.size("DIVIDE"), line)
    if form != "INTO":
        raise Malformed("DIVIDE BY needs GIVING")
    return proc.Divide(operand, "INTO", _as_targets(items), None, (), None,
                       p.size("DIVIDE"), line)


def _compute(p: Parser, line: int) -> proc.Compute:
    targets = p.targets()
    if not p.c.accept("EQUAL"):
        p.c.expect_punct("=")
    return proc.Compute(targets, p.c.expr(), p.size("COMPUTE"), line)


# ---------------------------------------------------------------- CALL


def _call(p: Parser, line: int) -> proc.Call:
    program = p.c.operand()
    using: list[proc.CallArg] = []
    if p.c.accept("USING"):
        mode = "REFERENCE"
        while True:
            if p.c.accept("BY"):
                mode = p.c.expect("REFERENCE", "CONTENT", "VALUE")
            elif p.c.at("REFERENCE", "CONTENT", "VALUE"):
                mode = p.c.take().text
            if p.c.accept("OMITTED"):
                using.append(proc.CallArg(mode, None))  # type: ignore[arg-type]
            elif p.at_operand() or p.c.at(*FIGURATIVES):
                using.append(proc.CallArg(mode, p.c.operand()))  # type: ignore[arg-type]
            elif not p.c.at("BY", "REFERENCE", "CONTENT", "VALUE"):
                break
    returning = p.c.ref() if p.c.accept("RETURNING", "GIVING") else None
    on_exception = p.phrase("EXCEPTION") or p.phrase("OVERFLOW")
    not_on_exception = p.phrase("EXCEPTION", negated=True) or \
        p.phrase("OVERFLOW", negated=True)
    p.c.accept("END-CALL")
    return proc.Call(program, tuple(using), returning, on_exception, not_on_exception, line)


_PARSERS: dict[str, Callable[[Parser, int], proc.Statement]] = {
    "MOVE": _move, "DISPLAY": _display, "ACCEPT": _accept, "ADD": _add, "SUBTRACT": _subtract,
    "MULTIPLY": _multiply, "DIVIDE": _divide, "COMPUTE": _compute, "INITIALIZE": _initialize,
    "CALL": _call, "OPEN": _open, "CLOSE": _close, "READ": _read, "WRITE": _write,
    "REWRITE": _rewrite,
    **CONTROL_PARSERS, **STRING_PARSERS,
}
