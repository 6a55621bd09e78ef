"""Statement parsers for control flow: IF, EVALUATE, PERFORM, GO TO, EXIT, STOP RUN,
GOBACK, CONTINUE, SET and SEARCH (`statements.Parser` dispatches to them).

IF's branches and EVALUATE's WHEN lists are statement lists that end at ELSE / WHEN /
END-x or at a period, so a period closes every IF still open; several WHEN phrases before
one statement list share it; `A = 1 OR 2` in a condition is expanded by the cursor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from refactor.translate.cobol import operands as ops
from refactor.translate.cobol import procedure as proc
from refactor.translate.cobol.tokens import Malformed

if TYPE_CHECKING:
    from refactor.translate.cobol.statements import Parser


def _if(p: Parser, line: int) -> proc.If:
    condition = p.c.condition()
    p.c.accept("THEN")
    then = p.block()
    else_ = p.block() if p.c.accept("ELSE") else None
    p.c.accept("END-IF")
    return proc.If(condition, then, else_, line)


def _evaluate(p: Parser, line: int) -> proc.Evaluate:
    subjects = [_subject(p)]
    while p.c.accept("ALSO"):
        subjects.append(_subject(p))
    whens: list[proc.When] = []
    other = None
    while p.c.at("WHEN"):
        when_line = p.c.take().line
        if p.c.accept("OTHER"):
            other = p.block()
            break
        phrases = [_when_phrase(p, subjects)]
        while p.c.at("WHEN") and p.c.word(1) != "OTHER":
            p.c.take()
            phrases.append(_when_phrase(p, subjects))
        whens.append(proc.When(tuple(phrases), p.block(), when_line))
    p.c.accept("END-EVALUATE")
    return proc.Evaluate(tuple(subjects), tuple(whens), other, line)


def _subject(p: Parser) -> proc.Subject:
    if p.c.at("TRUE", "FALSE") and p.c.word(1) != "IN":
        return p.c.take().text == "TRUE"
    start = p.c.pos
    expr = p.c.expr()
    if p.c.at("IS", "NOT", "AND", "OR", "NUMERIC", "ALPHABETIC", "POSITIVE", "NEGATIVE") \
            or p.c._relop_at(0) is not None or (
            isinstance(expr, ops.Ref) and expr.name in p.c.condition_names):
        p.c.pos = start
        return p.c.condition()
    return expr


def _when_phrase(p: Parser, subjects: list[proc.Subject]) -> tuple[proc.WhenObject, ...]:
    objects = [_when_object(p, subjects[0])]
    for subject in subjects[1:]:
        p.c.expect("ALSO")
        objects.append(_when_object(p, subject))
    return tuple(objects)


def _when_object(p: Parser, subject: proc.Subject) -> proc.WhenObject:
    if p.c.accept("ANY"):
        return proc.AnyObject()
    if p.c.at("TRUE", "FALSE"):
        return proc.BoolObject(p.c.take().text == "TRUE")
    if isinstance(subject, (bool, *ops.CONDITION_TYPES)):
        return proc.ConditionObject(p.c.condition())
    negated = bool(p.c.accept("NOT"))
    value = p.c.expr()
    high = p.c.expr() if p.c.accept("THRU", "THROUGH") else None
    return proc.ValueObject(value, high, negated)


def _perform(p: Parser, line: int) -> proc.Perform:
    procedure = thru = None
    second = p.c.word(1)
    if p.at_operand() and p.c.peek().kind == "word" and second != "TIMES" \
            and p.c.word() not in ("VARYING", "WITH", "TEST", "UNTIL"):  # type: ignore[union-attr]
        procedure = p.proc_name()
        if p.c.accept("THRU", "THROUGH"):
            thru = p.proc_name()
    times = until = None
    test_after = False
    varying: list[proc.Varying] = []
    if p.c.word(1) == "TIMES" and p.at_operand():
        times = p.c.operand()
        p.c.expect("TIMES")
    else:
        if p.c.accept("WITH"):
            p.c.expect("TEST")
            test_after = p.c.expect("BEFORE", "AFTER") == "AFTER"
        elif p.c.accept("TEST"):
            test_after = p.c.expect("BEFORE", "AFTER") == "AFTER"
        if p.c.accept("UNTIL"):
            until = p.c.condition()
        elif p.c.accept("VARYING"):
            varying.append(_varying(p))
            while p.c.accept("AFTER"):
                varying.append(_varying(p))
    body = None
    if procedure is None:
        body = p.block()
        p.c.expect("END-PERFORM")
    return proc.Perform(procedure, thru, times, until, test_after, tuple(varying), body, line)


def _varying(p: Parser) -> proc.Varying:
    var = p.c.ref()
    p.c.expect("FROM")
    start = p.c.expr()
    p.c.expect("BY")
    by = p.c.expr()
    p.c.expect("UNTIL")
    return proc.Varying(var, start, by, p.c.condition())


def _goto(p: Parser, line: int) -> proc.GoTo:
    p.c.accept("TO")
    targets: list[proc.ProcName] = []
    while p.at_operand():
        targets.append(p.proc_name())
    depending = None
    if p.c.accept("DEPENDING"):
        p.c.accept("ON")
        depending = p.c.ref()
    return proc.GoTo(tuple(targets), depending, line)


def _exit(p: Parser, line: int) -> proc.Exit:
    what = p.c.accept("PARAGRAPH", "SECTION", "PROGRAM", "PERFORM") or ""
    if what == "PERFORM" and p.c.accept("CYCLE"):
        what = "PERFORM CYCLE"
    return proc.Exit(what, line)  # type: ignore[arg-type]


def _stop(p: Parser, line: int) -> proc.StopRun:
    p.c.expect("RUN")
    returning = None
    if p.c.accept("RETURNING", "GIVING"):
        returning = p.c.expr()
        return proc.StopRun(returning, line)
    if (p.c.at("WITH") and p.c.word(1) in ("NORMAL", "ERROR")) \
            or p.c.at("NORMAL", "ERROR"):
        p.c.accept("WITH")
        status = p.c.take().text
        p.c.accept("STATUS")
        if p.at_operand():
            returning = p.c.expr()
        return proc.StopRun(returning, line, status)  # type: ignore[arg-type]
    return proc.StopRun(returning, line)


def _goback(p: Parser, line: int) -> proc.GoBack:
    returning = p.c.expr() if p.c.accept("RETURNING", "GIVING") else None
    return proc.GoBack(returning, line)


def _set(p: Parser, line: int) -> proc.SetCondition | proc.SetIndex:
    targets = p.refs()
    if p.c.accept("UP", "DOWN") is not None:
        op = p.c.tokens[p.c.pos - 1].text
        p.c.expect("BY")
        return proc.SetIndex(targets, op, p.c.expr(), line)  # type: ignore[arg-type]
    p.c.expect("TO")
    if p.c.at("TRUE", "FALSE"):
        return proc.SetCondition(targets, p.c.take().text == "TRUE", line)
    if p.c.at("ON", "OFF", "ADDRESS", "NULL", "ENTRY"):
        raise Malformed("SET TO ON/OFF/ADDRESS")
    return proc.SetIndex(targets, "TO", p.c.expr(), line)


def _search(p: Parser, line: int) -> proc.Search:
    all_ = bool(p.c.accept("ALL"))
    table = p.c.ref()
    varying = p.c.ref() if p.c.accept("VARYING") else None
    at_end = p.phrase("END")
    whens: list[tuple[ops.Condition, proc.Block]] = []
    while p.c.accept("WHEN"):
        condition = p.c.condition()
        whens.append((condition, p.block()))
    p.c.accept("END-SEARCH")
    return proc.Search(table, all_, varying, at_end, tuple(whens), line)


def _sort(p: Parser, line: int) -> proc.TableSort:
    """SORT of a table (a file SORT, with USING / GIVING or procedures, is Malformed)."""
    table = p.c.ref()
    keys: list[tuple[bool, ops.Ref | None]] = []
    while True:
        p.c.accept("ON")
        direction = p.c.accept("ASCENDING", "DESCENDING")
        if direction is None:
            break
        p.c.accept("KEY")
        p.c.accept("IS")
        names = []
        while p.at_operand() and not p.c.at("ON", "ASCENDING", "DESCENDING", "WITH",
                                             "DUPLICATES", "COLLATING", "SEQUENCE",
                                             "INPUT", "OUTPUT", "USING", "GIVING"):
            names.append(p.c.ref())
        ascending = direction == "ASCENDING"
        keys += [(ascending, n) for n in names] or [(ascending, None)]
    if not keys or not p.c.at_end_of_clause():
        raise Malformed("SORT of a file, or without a KEY phrase")
    return proc.TableSort(table, tuple(keys), line)


def _continue(p: Parser, line: int) -> proc.Continue:
    return proc.Continue(line)


CONTROL_PARSERS = {
    "IF": _if, "EVALUATE": _evaluate, "PERFORM": _perform, "GO": _goto, "EXIT": _exit,
    "CONTINUE": _continue, "STOP": _stop, "GOBACK": _goback, "SET": _set, "SEARCH": _search,
    "SORT": _sort,
}
