"""The program model: every corpus program and the payroll demo parse with no unsupported
statement, and the rebuilt scopes, operands and conditions are the ones COBOL means."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from refactor.scan.cobol.source import normalize
from refactor.translate.cobol import operands as ops
from refactor.translate.cobol import procedure as proc
from refactor.translate.cobol.program import (
    ParseProblem,
    Program,
    parse_procedure,
    parse_program,
)
from refactor.translate.cobol.statement_tree import walk
from refactor.translate.cobol.tokens import tokenize

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent / "corpus"
PAYROLL = ROOT / "targets" / "payroll"


def _corpus(name: str) -> Program:
    result = parse_program((CORPUS / f"{name}.cob").read_text())
    assert isinstance(result, Program), result
    return result


def _snippet(body: str, data: str = "") -> Program:
    """A fixed-format program around `body` (statements, indented from column 12)."""
    lines = ["       IDENTIFICATION DIVISION.", "       PROGRAM-ID. SNIP.",
             "       DATA DIVISION.", "       WORKING-STORAGE SECTION."]
    lines += ["       " + line for line in textwrap.dedent(data).strip("\n").splitlines()]
    lines += ["       PROCEDURE DIVISION.", "       MAIN-PARA."]
    lines += ["           " + line for line in textwrap.dedent(body).strip("\n").splitlines()]
    result = parse_program("\n".join(lines) + "\n")
    assert isinstance(result, Program), result
    return result


def _para(program: Program, name: str) -> proc.Paragraph:
    return next(p for p in program.procedure.paragraphs if p.name == name)


def _r(name: str, *subscripts: ops.Expr) -> ops.Ref:
    return ops.Ref(name, (), subscripts)


def _n(text: str) -> ops.Literal:
    return ops.Literal(text, "numeric")


def _a(text: str) -> ops.Literal:
    return ops.Literal(text, "alphanumeric")


def _statements(program: Program) -> list[proc.Statement]:
    return [s for p in program.procedure.paragraphs for s in walk(p.statements)]


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.cob")), ids=lambda p: p.stem)
def test_corpus_program_parses_without_unsupported(path: Path) -> None:
    result = parse_program(path.read_text())
    assert isinstance(result, Program), result
    assert result.name == path.stem.upper().replace("_", "-")
    table = [(u.line, u.kind, u.text) for u in result.unsupported()]
    assert table == []
    assert _statements(result)


def _payroll_copybook(name: str) -> str | None:
    for path in (PAYROLL / "copy").iterdir():
        if path.stem.upper() == name.upper():
            return path.read_text()
    return None


@pytest.mark.parametrize("name", ["payrun", "taxcalc", "ledger"])
def test_payroll_sources_parse_without_unsupported(name: str) -> None:
    result = parse_program((PAYROLL / "src" / f"{name}.cbl").read_text(), _payroll_copybook)
    assert isinstance(result, Program), result
    assert result.name == name.upper()
    assert [(u.line, u.kind, u.text) for u in result.unsupported()] == []
    if name == "payrun":
        files = {f.name: f for f in result.files}
        assert files["RPT-FILE"].assign == "report.txt" and files["RPT-FILE"].assign_is_literal
        assert files["EMP-FILE"].assign == "WS-EMP-PATH"
        assert files["EMP-FILE"].organization == "LINE SEQUENTIAL"
        assert files["EMP-FILE"].status == "WS-EMP-STATUS"
        assert [r.name for r in files["EMP-FILE"].records] == ["EMP-RECORD"]  # from EMPREC
        assert [s.name for s in result.procedure.sections][:2] == ["0000-MAINLINE",
                                                                   "1000-SETUP"]
    if name == "taxcalc":
        assert [r.name for r in result.linkage] == ["TAX-PARMS"]
        assert result.procedure.using == (proc.CallArg("REFERENCE", _r("TAX-PARMS")),)


def test_if_scopes_closed_by_end_if_and_by_period() -> None:
    program = _corpus("cf_if_nesting")
    first, second, third = _para(program, "PERIOD-PARA").sentences
    # IF B = 0  IF N > 2 ... ELSE ...  ELSE ... .   -- one period closes both IFs
    divide, outer = first.statements
    assert isinstance(divide, proc.Divide) and isinstance(outer, proc.If)
    assert outer.line == 40
    inner = outer.then[0]
    assert isinstance(inner, proc.If) and len(outer.then) == 1
    assert [s.line for s in inner.then] == [42] and [s.line for s in inner.else_ or ()] == [44]
    assert [s.line for s in outer.else_ or ()] == [46]
    # DISPLAY ... IF N = 3 DISPLAY DISPLAY.  -- both DISPLAYs belong to the IF
    display, if_three = second.statements
    assert isinstance(display, proc.Display)
    assert isinstance(if_three, proc.If) and [s.line for s in if_three.then] == [48, 49]
    assert if_three.else_ is None
    assert [type(s) for s in third.statements] == [proc.Add]
    # END-IF closes only its own IF; NEXT SENTENCE inside ELSE IF ... END-IF
    main = _para(program, "MAIN-PARA")
    loop = main.sentences[0].statements[0]
    assert isinstance(loop, proc.Perform) and loop.body is not None
    if_even = loop.body[1]
    assert isinstance(if_even, proc.If)
    assert [type(s) for s in if_even.then] == [proc.If, proc.Display]
    assert [type(s) for s in loop.body] == [proc.Divide, proc.If, proc.Display]
    big = main.sentences[0].statements[3]
    assert isinstance(big, proc.If) and big.else_ is not None
    assert isinstance(big.else_[0], proc.If)
    assert big.else_[0].then == (proc.NextSentence(32),)
    assert len(main.sentences) == 2 and main.sentences[1].line == 36


def test_paragraph_statements_and_lines() -> None:
    program = _corpus("cf_if_nesting")
    main = _para(program, "MAIN-PARA")
    assert main.line == 12
    assert [(type(s).__name__, s.line) for s in main.statements] == [
        ("Perform", 13), ("Move", 27), ("Perform", 28), ("If", 29), ("Display", 35),
        ("Display", 36), ("StopRun", 37)]
    move = main.statements[1]
    assert move == proc.Move(_n("1"), (_r("WS-N"),), False, 27)


def test_evaluate_also_thru_and_shared_whens() -> None:
    evaluate = next(s for s in _statements(_corpus("cf_evaluate"))
                    if isinstance(s, proc.Evaluate))
    assert evaluate.subjects == (_r("WS-AGE"), _r("WS-KIND"))
    child, teen, adult, _, _ = evaluate.whens
    assert child.phrases == ((proc.ValueObject(_n("0"), _n("12")), proc.AnyObject()),)
    assert teen.phrases == (
        (proc.ValueObject(_n("13"), _n("19")), proc.ValueObject(_a("A"))),
        (proc.ValueObject(_n("13"), _n("19")), proc.ValueObject(_a("C"))))
    assert len(teen.statements) == 1
    assert adult.phrases[0][1] == proc.ValueObject(_a("B"), negated=True)
    assert evaluate.other is not None and len(evaluate.other) == 1


def test_evaluate_true_and_condition_subjects() -> None:
    evaluates = [s for s in _statements(_corpus("cf_evaluate_true"))
                 if isinstance(s, proc.Evaluate)]
    assert evaluates[0].subjects == (True,)
    assert evaluates[0].whens[0].phrases == ((proc.ConditionObject(
        ops.Relation(_r("WS-N"), "<", _n("0"))),),)
    mixed = evaluates[2]
    assert mixed.subjects == (True, _r("WS-N"))
    assert mixed.whens[0].phrases[0] == (
        proc.ConditionObject(ops.ConditionName(_r("T-OPEN"))),
        proc.ValueObject(_n("1"), _n("5")))
    conditions = evaluates[3]
    assert conditions.subjects == (ops.Relation(_r("WS-N"), ">", _n("5")),
                                   ops.ConditionName(_r("T-OPEN")))
    assert conditions.whens[0].phrases == ((proc.BoolObject(False), proc.AnyObject()),)


def test_perform_varying_after_and_loop_forms() -> None:
    performs = [s for s in _statements(_corpus("cf_perform_varying"))
                if isinstance(s, proc.Perform)]
    show = performs[0]
    assert show.procedure == proc.ProcName("SHOW-PAIR") and show.body is None
    assert show.varying == (
        proc.Varying(_r("WS-I"), _n("1"), _n("1"), ops.Relation(_r("WS-I"), ">", _n("3"))),
        proc.Varying(_r("WS-J"), _n("1"), _n("2"), ops.Relation(_r("WS-J"), ">", _n("4"))))
    down = performs[1]
    assert down.procedure is None and down.varying[0].by == _n("-3")
    assert down.body is not None and isinstance(down.body[0], proc.Add)
    loops = [s for s in _statements(_corpus("cf_perform_times_until"))
             if isinstance(s, proc.Perform)]
    assert loops[0].times == _r("WS-COUNT") and loops[0].procedure == proc.ProcName("BUMP")
    assert [p.test_after for p in loops[2:]] == [False, True, False, True]
    thru = next(s for s in _statements(_corpus("cf_perform_thru"))
                if isinstance(s, proc.Perform) and s.thru is not None)
    assert (thru.procedure, thru.thru) == (proc.ProcName("PARA-A"), proc.ProcName("PARA-C"))
    sections = [s for s in _statements(_corpus("cf_sections")) if isinstance(s, proc.Perform)]
    assert sections[1].procedure == proc.ProcName("STEP", "REPORT-SECTION")


def test_exit_perform_and_goto_depending() -> None:
    exits = [s for s in _statements(_corpus("cf_inline_perform")) if isinstance(s, proc.Exit)]
    assert [e.what for e in exits] == ["PERFORM", "PERFORM CYCLE"]
    goto = next(s for s in _statements(_corpus("cf_goto_depending"))
                if isinstance(s, proc.GoTo) and s.depending)
    assert [t.name for t in goto.targets] == ["ONE-PARA", "TWO-PARA", "THREE-PARA"]
    assert goto.depending == _r("WS-K")


def test_abbreviated_conditions_are_expanded() -> None:
    ifs = [s.condition for s in _statements(_corpus("cf_abbrev_cond"))
           if isinstance(s, proc.If)]
    a = _r("WS-A")
    assert ifs[0] == ops.Or(ops.Or(ops.Relation(a, "=", _n("1")), ops.Relation(a, "=", _n("2"))),
                            ops.Relation(a, "=", _n("5")))
    assert ifs[1] == ops.And(ops.Relation(a, ">", _n("1")), ops.Relation(a, "<", _n("5")))
    assert ifs[2] == ops.And(ops.Relation(a, "<>", _n("1")), ops.Relation(a, "<>", _n("2")))
    b = _r("WS-B")
    # AND binds tighter than OR; parentheses and NOT on a parenthesised condition
    assert ifs[3] == ops.Or(ops.Relation(a, "=", _n("0")), ops.And(
        ops.Relation(a, "=", _n("6")), ops.Relation(b, "=", _n("4"))))
    assert ifs[4] == ops.And(ops.Or(ops.Relation(a, "=", _n("0")), ops.Relation(a, "=", _n("6"))),
                             ops.Relation(b, "=", _n("4")))
    assert ifs[5] == ops.Not(ops.Or(ops.Relation(a, "<", _n("2")), ops.Relation(a, ">", _n("4"))))
    assert ifs[6] == ops.Or(ops.And(ops.Relation(b, "=", _n("3")), ops.Relation(a, "=", _n("7"))),
                            ops.Relation(a, "=", _n("8")))


def test_class_sign_and_condition_name_tests() -> None:
    program = _snippet("""
        IF X IS NOT NUMERIC AND N IS POSITIVE
           OR N NOT ZERO OR FLAG-ON
            CONTINUE
        END-IF
        IF N GREATER THAN OR EQUAL TO 3
           AND N IS NOT LESS THAN 9 CONTINUE.
    """, """
        01  X  PIC X.
        01  N  PIC S9.
        01  F  PIC X.
            88  FLAG-ON VALUE "Y".
    """)
    first, second = [s for s in _statements(program) if isinstance(s, proc.If)]
    n = _r("N")
    assert first.condition == ops.Or(ops.Or(
        ops.And(ops.ClassTest(_r("X"), "NUMERIC", True), ops.SignTest(n, "POSITIVE")),
        ops.SignTest(n, "ZERO", True)), ops.ConditionName(_r("FLAG-ON")))
    assert second.condition == ops.And(ops.Relation(n, ">=", _n("3")),
                                       ops.Relation(n, ">=", _n("9")))


def test_power_is_right_associative_and_unary_minus_binds_tighter() -> None:
    computes = [s.expr for s in _statements(_corpus("ar_compute"))
                if isinstance(s, proc.Compute)]
    a, b, c = _r("WS-A"), _r("WS-B"), _r("WS-C")
    assert computes[0] == ops.Binary("+", a, ops.Binary("*", b, c))
    assert computes[2] == ops.Binary("**", a, ops.Binary("**", b, _n("2")))
    assert computes[4] == ops.Binary("**", ops.Unary("-", a), _n("2"))
    assert computes[5] == ops.Binary("/", ops.Binary("/", _n("100"), c), a)
    assert computes[7] == ops.Binary("**", _n("2"), _n("-2"))
    program = _snippet("COMPUTE R = - (A + 1) ** 2 - -B.")
    compute = program.procedure.paragraphs[0].statements[0]
    assert isinstance(compute, proc.Compute)
    assert compute.expr == ops.Binary(
        "-", ops.Binary("**", ops.Unary("-", ops.Binary("+", _r("A"), _n("1"))), _n("2")),
        ops.Unary("-", _r("B")))


def test_references_qualified_subscripted_and_reference_modified() -> None:
    program = _snippet("""
        MOVE X OF G (I, J + 1) (2:L) TO Y IN H (3) Z
        MOVE ALL "*" TO Z
        MOVE FUNCTION TRIM(S TRAILING) TO Z.
    """)
    first, second, third = program.procedure.paragraphs[0].statements
    assert first == proc.Move(
        ops.Ref("X", ("G",), (_r("I"), ops.Binary("+", _r("J"), _n("1"))), (_n("2"), _r("L"))),
        (ops.Ref("Y", ("H",), (_n("3"),)), _r("Z")), False, 7)
    assert isinstance(second, proc.Move)
    assert second.source == ops.Literal("*", "alphanumeric", all=True)
    assert isinstance(third, proc.Move)
    assert third.source == ops.FunctionCall("TRIM", (_r("S"),), "TRAILING")


def test_string_and_unstring_operands() -> None:
    strings = [s for s in _statements(_corpus("st_string")) if isinstance(s, proc.String)]
    assert strings[0].sources == (
        proc.StringSource(_r("WS-FIRST"), ops.Figurative("SPACE")),
        proc.StringSource(_a(" "), None),
        proc.StringSource(_r("WS-LAST"), ops.Figurative("SPACE")))
    assert strings[0].into == _r("WS-OUT") and strings[0].pointer is None
    assert strings[2].pointer == _r("WS-PTR")
    assert strings[4].on_overflow is not None and strings[4].not_on_overflow is not None
    unstring = next(s for s in _statements(_corpus("st_unstring"))
                    if isinstance(s, proc.Unstring))
    assert unstring.source == _r("WS-IN")
    assert unstring.delimiters == (proc.Delimiter(_a(",")), proc.Delimiter(_a(";"), True),
                                   proc.Delimiter(ops.Figurative("SPACE"), True))
    assert unstring.into == (
        proc.UnstringTarget(_r("WS-F1"), _r("WS-D1"), _r("WS-C1")),
        proc.UnstringTarget(_r("WS-F2"), _r("WS-D2"), _r("WS-C2")),
        proc.UnstringTarget(_r("WS-F3"), None, _r("WS-C3")))
    assert (unstring.pointer, unstring.tallying) == (_r("WS-PTR"), _r("WS-TALLY"))


def test_inspect_phrases() -> None:
    inspects = [s for s in _statements(_corpus("st_inspect")) if isinstance(s, proc.Inspect)]
    assert inspects[3].tallying == (
        proc.InspectPhrase("ALL", _a("A"), None, (), _r("WS-N1")),
        proc.InspectPhrase("ALL", _a("B"), None, (proc.Bound(False, _a(" ")),), _r("WS-N2")))
    assert [p.value for p in inspects[4].tallying] == [_a("AB"), _a("A")]
    assert inspects[8].replacing == (
        proc.InspectPhrase("CHARACTERS", None, _a("#"), (proc.Bound(False, _a(" ")),)),)
    assert inspects[10].converting == (_a(","), _a("-"), (proc.Bound(True, _a("C")),))


def test_arithmetic_forms_and_size_error_phrases() -> None:
    statements = _statements(_corpus("ar_size_error"))
    add = statements[0]
    assert isinstance(add, proc.Add)
    assert add.to == (proc.Target(_r("WS-A")),)
    assert add.size.on_error is not None and add.size.not_on_error is not None
    divide = next(s for s in statements if isinstance(s, proc.Divide))
    assert (divide.operand, divide.form, divide.second) == (_r("WS-B"), "BY", _r("WS-Z"))
    assert divide.size.not_on_error is None
    program = _snippet("""
        DIVIDE 10 BY 4 GIVING Q ROUNDED MODE IS NEAREST-EVEN
            REMAINDER R
        MULTIPLY 3 BY A B ROUNDED
        SUBTRACT 1 2 FROM C GIVING D
        ADD CORR G1 TO G2
        ADD 1 TO 5 GIVING E ROUNDED.
    """)
    divide, multiply, subtract, add, giving = program.procedure.paragraphs[0].statements
    assert isinstance(divide, proc.Divide)
    assert divide.giving == (proc.Target(_r("Q"), True, "NEAREST-EVEN"),)
    assert divide.remainder == _r("R")
    assert isinstance(multiply, proc.Multiply)
    assert multiply.by == (proc.Target(_r("A")), proc.Target(_r("B"), True))
    assert isinstance(subtract, proc.Subtract)
    assert subtract.operands == (_n("1"), _n("2")) and subtract.giving == (
        proc.Target(_r("D")),)
    assert subtract.minuend == _r("C") and subtract.from_ == ()
    assert isinstance(add, proc.Add) and add.corresponding
    assert add.to == (proc.Target(_r("G2")),)
    assert giving == proc.Add((_n("1"), _n("5")), (), (proc.Target(_r("E"), True),), False,
                              proc.SizePhrases(), 12)


def test_file_io_call_and_search_statements() -> None:
    program = _snippet("""
        READ F INTO W AT END MOVE 1 TO E
            NOT AT END ADD 1 TO C END-READ
        WRITE R FROM W AFTER ADVANCING 2 LINES
        WRITE R BEFORE PAGE
        CALL "SUB" USING BY CONTENT A B BY VALUE N RETURNING X
            ON EXCEPTION DISPLAY "NO SUB"
        END-CALL
        SEARCH ALL T AT END DISPLAY "NONE"
            WHEN K (IX) = 5 DISPLAY "FOUND"
        END-SEARCH
        SET IX UP BY 1
        SET FLAG-ON TO TRUE
        GOBACK.
    """)
    read, write, page, call, search, up, flag, goback = \
        program.procedure.paragraphs[0].statements
    assert isinstance(read, proc.Read) and read.into == _r("W")
    assert read.at_end is not None and isinstance(read.at_end[0], proc.Move)
    assert read.not_at_end is not None and isinstance(read.not_at_end[0], proc.Add)
    assert isinstance(write, proc.Write) and write.advancing == ("AFTER", _n("2"))
    assert isinstance(page, proc.Write) and page.advancing == ("BEFORE", "PAGE")
    assert isinstance(call, proc.Call) and call.program == _a("SUB")
    assert call.using == (proc.CallArg("CONTENT", _r("A")), proc.CallArg("CONTENT", _r("B")),
                          proc.CallArg("VALUE", _r("N")))
    assert call.returning == _r("X") and call.on_exception is not None
    assert isinstance(search, proc.Search) and search.all and search.at_end is not None
    assert search.whens[0][0] == ops.Relation(_r("K", _r("IX")), "=", _n("5"))
    assert up == proc.SetIndex((_r("IX"),), "UP", _n("1"), 17)
    assert flag == proc.SetCondition((_r("FLAG-ON"),), True, 18)
    assert goback == proc.GoBack(None, 19)


def test_unknown_or_malformed_statements_become_unsupported() -> None:
    program = _snippet("""
        ALTER P1 TO PROCEED TO P2
        MOVE TO
        DISPLAY "STILL READ".
    """)
    statements = program.procedure.paragraphs[0].statements
    assert [(type(s).__name__, s.line) for s in statements] == [
        ("Unsupported", 7), ("Unsupported", 8), ("Display", 9)]
    assert statements[0] == proc.Unsupported("ALTER", "ALTER P1 TO PROCEED TO P2", 7)
    assert [u.kind for u in program.unsupported()] == ["ALTER", "MOVE"]


def test_sections_nested_programs_and_continued_literals() -> None:
    source = "\n".join([
        "       IDENTIFICATION DIVISION.",
        "       PROGRAM-ID. OUTER.",
        "       PROCEDURE DIVISION.",
        "       FIRST-SECTION SECTION.",
        "       STEP-A.",
        '           DISPLAY "A LITERAL CONTINUED ACROSS',
        '      -    " LINES" STOP RUN.',
        "       IDENTIFICATION DIVISION.",
        "       PROGRAM-ID. INNER.",
        "       PROCEDURE DIVISION.",
        "           GOBACK.",
        "       END PROGRAM INNER.",
        "       END PROGRAM OUTER.",
    ]) + "\n"
    result = parse_program(source)
    assert isinstance(result, Program)
    section = result.procedure.sections[0]
    assert (section.name, section.line, section.paragraphs[0].name) == (
        "FIRST-SECTION", 4, "STEP-A")
    display = section.paragraphs[0].statements[0]
    assert isinstance(display, proc.Display) and display.line == 6
    assert display.items == (_a("A LITERAL CONTINUED ACROSS".ljust(52) + " LINES"),)
    assert [p.name for p in result.more] == ["INNER"]
    assert result.more[0].procedure.paragraphs[0].statements == (proc.GoBack(None, 11),)


def test_text_without_a_program_is_a_parse_problem() -> None:
    result = parse_program("this is not COBOL\n")
    assert isinstance(result, ParseProblem)
    assert result.line >= 1 and "program" in result.reason


def test_sign_glued_to_a_number_after_an_operand_is_an_operator() -> None:
    program = _snippet("""
        COMPUTE R = B -1
        ACCEPT D FROM DATE YYYYMMDD
        MOVE -1 TO R.
    """)
    compute, accept, move = program.procedure.paragraphs[0].statements
    assert isinstance(compute, proc.Compute)
    assert compute.expr == ops.Binary("-", _r("B"), _n("1"))
    assert accept == proc.Accept(_r("D"), "DATE YYYYMMDD", 8)
    assert isinstance(move, proc.Move) and move.source == _n("-1")


def test_damaged_statement_lists_never_raise() -> None:
    source = (PAYROLL / "src" / "payrun.cbl").read_text()
    norm = normalize(source, _payroll_copybook)
    rows = norm.text.split("\n")
    start = next(i for i, row in enumerate(rows) if row[7:].strip().startswith("PROCEDURE"))
    tokens = tokenize([(rows[i], i + 1) for i in range(start, len(rows))])
    for step in (3, 7, 11):
        damaged = [t for i, t in enumerate(tokens) if i % step != 1]
        division = parse_procedure(damaged)
        assert isinstance(division, proc.ProcedureDivision)
        assert any(isinstance(s, proc.Unsupported) for p in division.paragraphs
                   for s in walk(p.statements))


def test_initialize_phrases() -> None:
    program = _snippet("""
        INITIALIZE A B WITH FILLER ALL TO VALUE
            THEN REPLACING NUMERIC DATA BY 5 ALPHANUMERIC BY "*"
            THEN TO DEFAULT
        INITIALIZE C.
    """, "01 A PIC X.\n01 B PIC 9.\n01 C PIC X.")
    full, plain = program.procedure.paragraphs[0].statements
    assert full == proc.Initialize((_r("A"), _r("B")), (("NUMERIC", _n("5")),
                                   ("ALPHANUMERIC", _a("*"))), True, ("ALL",), 10, True)
    assert plain == proc.Initialize((_r("C"),), (), False, (), 13, False)


def test_table_phrases_of_a_data_entry() -> None:
    program = _snippet("CONTINUE.", """
        01 T.
           05 E OCCURS 4 ASCENDING KEY IS K1 K2 DESCENDING K3
                INDEXED BY I1 I2.
              10 K1 PIC X.
              10 K2 PIC X.
              10 K3 PIC X.
    """)
    entry = program.working_storage[0].children[0]
    assert entry.keys == ((True, "K1"), (True, "K2"), (False, "K3"))
    assert entry.indexed_by == ("I1", "I2")


# ---------------------------------------------------------------- compiler directives

_VARIABLE = (
    "       >>SOURCE FORMAT VARIABLE\n"
    "000010 IDENTIFICATION DIVISION.\n"
    "000020 PROGRAM-ID. WIDE.\n"
    "000030 PROCEDURE DIVISION.\n"
    "000040" + " " * 70 + 'DISPLAY "past column 72"\n'
    "000050     STOP RUN.\n")


def test_variable_format_reads_code_past_column_72() -> None:
    program = parse_program(_VARIABLE)
    assert isinstance(program, Program) and program.refused is None
    display = program.procedure.paragraphs[0].statements[0]
    assert isinstance(display, proc.Display)
    assert display.items == (ops.Literal("past column 72", "alphanumeric"),)


def test_directive_that_turns_checking_on_is_refused() -> None:
    source = _VARIABLE.replace(">>SOURCE FORMAT VARIABLE",
                               ">>TURN EC-BOUND-SUBSCRIPT CHECKING ON")
    program = parse_program(source)
    assert isinstance(program, Program)
    assert program.refused is not None and ">>TURN" in program.refused


def test_directive_if_drops_lines_of_the_false_branch() -> None:
    source = textwrap.dedent("""\
               IDENTIFICATION DIVISION.
               PROGRAM-ID. CHOOSE.
               PROCEDURE DIVISION.
               >>IF UNSET-NAME DEFINED
                   DISPLAY "no"
               >>ELSE
                   DISPLAY "yes"
               >>END-IF
                   STOP RUN.
        """)
    source = "\n".join(" " * 7 + line if line else line for line in source.split("\n"))
    program = parse_program(source)
    assert isinstance(program, Program) and program.refused is None
    shown = [s for s in program.procedure.paragraphs[0].statements
             if isinstance(s, proc.Display)]
    assert [s.items for s in shown] == [(ops.Literal("yes", "alphanumeric"),)]


def test_stop_run_with_normal_or_error_status() -> None:
    program = _snippet("""
        IF N = 1 STOP RUN WITH ERROR STATUS END-IF
        IF N = 2 STOP RUN NORMAL END-IF
        IF N = 3 STOP RUN WITH NORMAL STATUS N END-IF
        STOP RUN RETURNING 4.
    """, "01 N PIC 9.")
    stops = [s for s in walk(program.procedure.paragraphs[0].statements)
             if isinstance(s, proc.StopRun)]
    assert [(s.status, s.returning) for s in stops] == [
        ("ERROR", None), ("NORMAL", None), ("NORMAL", _r("N")), ("", _n("4"))]


def test_ampersand_joins_alphanumeric_literals() -> None:
    program = _snippet("""
        MOVE "AB" & 'C'
            & "D" TO T.
    """, "01 T PIC X(4).")
    (move,) = program.procedure.paragraphs[0].statements
    assert move == proc.Move(_a("ABCD"), (_r("T"),), False, 8)
