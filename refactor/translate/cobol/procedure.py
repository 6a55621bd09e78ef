"""The PROCEDURE DIVISION as typed data: sections, paragraphs, sentences, statements.

tree-sitter's COBOL grammar gives statements, scope terminators and conditional phrases
(ON SIZE ERROR, AT END, WHEN, ELSE) as one flat list, and splits some statements wrongly
(`EXIT PERFORM` becomes EXIT and an inline PERFORM). The division is therefore read from
its tokens (`tokens.py`) by a recursive-descent parser (`statements.py`, `control.py`,
`strings.py`; operands and conditions in `expressions.py`):
nested statement lists end at their scope terminator, at a phrase of an enclosing
statement, or at a period, which closes every open scope. Every statement keeps its
original source line; a statement this model does not know becomes `Unsupported`.

Operands, expressions and conditions are in `operands.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal as Lit

from refactor.translate.cobol.operands import Condition, Expr, Ref

# ---------------------------------------------------------------- statements


@dataclass(frozen=True)
class Target:
    """A receiving item of an arithmetic statement, with its ROUNDED [MODE]."""

    ref: Ref
    rounded: bool = False
    mode: str | None = None  # NEAREST-EVEN, TRUNCATION, ... (None: default rounding)


Block = tuple["Statement", ...]


@dataclass(frozen=True)
class ProcName:
    """A paragraph or section name in PERFORM / GO TO, `name IN section`."""

    name: str
    section: str | None = None


@dataclass(frozen=True)
class Move:
    source: Expr
    targets: tuple[Ref, ...]
    corresponding: bool
    line: int


@dataclass(frozen=True)
class Display:
    items: tuple[Expr, ...]
    upon: str | None
    no_advancing: bool
    line: int


@dataclass(frozen=True)
class Accept:
    target: Ref
    source: str | None  # DATE, DAY, TIME, ... or None for stdin
    line: int


@dataclass(frozen=True)
class SizePhrases:
    on_error: Block | None = None
    not_on_error: Block | None = None


@dataclass(frozen=True)
class Add:
    """ADD a b TO x y: x = x + a + b, y = y + a + b; ADD a TO b GIVING c (or ADD a b
    GIVING c): c = a + b, the TO operand being one of `operands`."""

    operands: tuple[Expr, ...]
    to: tuple[Target, ...]  # receivers (no GIVING)
    giving: tuple[Target, ...]
    corresponding: bool
    size: SizePhrases
    line: int


@dataclass(frozen=True)
class Subtract:
    """SUBTRACT a b FROM x y: x = x - (a + b), ...; SUBTRACT a FROM m GIVING c: c = m - a."""

    operands: tuple[Expr, ...]
    from_: tuple[Target, ...]  # receivers (no GIVING)
    minuend: Expr | None  # with GIVING
    giving: tuple[Target, ...]
    corresponding: bool
    size: SizePhrases
    line: int


@dataclass(frozen=True)
class Multiply:
    """MULTIPLY a BY b c: b = b * a, c = c * a; MULTIPLY a BY x GIVING c: c = a * x."""

    operand: Expr
    by: tuple[Target, ...]  # receivers (no GIVING)
    second: Expr | None  # the BY operand with GIVING
    giving: tuple[Target, ...]
    size: SizePhrases
    line: int


@dataclass(frozen=True)
class Divide:
    """DIVIDE a INTO b c: b = b / a, c = c / a; DIVIDE a INTO x GIVING c: c = x / a;
    DIVIDE a BY x GIVING c: c = a / x."""

    operand: Expr
    form: Lit["INTO", "BY"]
    others: tuple[Target, ...]  # receivers (no GIVING)
    second: Expr | None  # the INTO / BY operand with GIVING
    giving: tuple[Target, ...]
    remainder: Ref | None
    size: SizePhrases
    line: int


@dataclass(frozen=True)
class Compute:
    targets: tuple[Target, ...]
    expr: Expr
    size: SizePhrases
    line: int


@dataclass(frozen=True)
class If:
    condition: Condition
    then: Block
    else_: Block | None
    line: int


@dataclass(frozen=True)
class AnyObject:
    """WHEN ANY."""


@dataclass(frozen=True)
class BoolObject:
    """WHEN TRUE / WHEN FALSE (against a condition or EVALUATE TRUE/FALSE subject)."""

    value: bool


@dataclass(frozen=True)
class ValueObject:
    """WHEN [NOT] value [THRU high]."""

    value: Expr
    high: Expr | None = None
    negated: bool = False


@dataclass(frozen=True)
class ConditionObject:
    """A condition as a WHEN object (subject TRUE or FALSE)."""

    condition: Condition


WhenObject = AnyObject | BoolObject | ValueObject | ConditionObject
Subject = Expr | Condition | bool  # bool: EVALUATE TRUE / FALSE


@dataclass(frozen=True)
class When:
    """One or more WHEN phrases sharing statements; each phrase has one object per
    subject (ALSO)."""

    phrases: tuple[tuple[WhenObject, ...], ...]
    statements: Block
    line: int


@dataclass(frozen=True)
class Evaluate:
    subjects: tuple[Subject, ...]
    whens: tuple[When, ...]
    other: Block | None
    line: int


@dataclass(frozen=True)
class Varying:
    var: Ref
    start: Expr
    by: Expr
    until: Condition


@dataclass(frozen=True)
class Perform:
    """Out-of-line (`procedure` set, `body` None) or inline (`body` set)."""

    procedure: ProcName | None
    thru: ProcName | None
    times: Expr | None
    until: Condition | None
    test_after: bool
    varying: tuple[Varying, ...]  # VARYING then each AFTER; `until` is None then
    body: Block | None
    line: int


@dataclass(frozen=True)
class GoTo:
    targets: tuple[ProcName, ...]
    depending: Ref | None
    line: int


@dataclass(frozen=True)
class Exit:
    """EXIT (no-op), EXIT PARAGRAPH / SECTION / PROGRAM, EXIT PERFORM [CYCLE]."""

    what: Lit["", "PARAGRAPH", "SECTION", "PROGRAM", "PERFORM", "PERFORM CYCLE"]
    line: int


@dataclass(frozen=True)
class Continue:
    line: int


@dataclass(frozen=True)
class NextSentence:
    line: int


@dataclass(frozen=True)
class StopRun:
    """STOP RUN [RETURNING x]; STOP RUN [WITH] NORMAL|ERROR [STATUS] [x] (`status`)."""

    returning: Expr | None
    line: int
    status: Lit["", "NORMAL", "ERROR"] = ""


@dataclass(frozen=True)
class GoBack:
    returning: Expr | None
    line: int


@dataclass(frozen=True)
class SetCondition:
    names: tuple[Ref, ...]
    value: bool
    line: int


@dataclass(frozen=True)
class SetIndex:
    """SET a b TO x / SET a UP BY x / SET a DOWN BY x."""

    targets: tuple[Ref, ...]
    op: Lit["TO", "UP", "DOWN"]
    value: Expr
    line: int


@dataclass(frozen=True)
class Initialize:
    """INITIALIZE x [WITH FILLER] [ALL | category TO VALUE] [THEN REPLACING category
    [DATA] BY value ...] [THEN TO DEFAULT]; without VALUE and REPLACING it is TO DEFAULT."""

    targets: tuple[Ref, ...]
    replacing: tuple[tuple[str, Expr], ...]  # (category, value)
    with_filler: bool
    to_value: tuple[str, ...]  # categories (or ALL) set to their VALUE clauses
    line: int
    default: bool = False  # THEN TO DEFAULT


@dataclass(frozen=True)
class StringSource:
    value: Expr
    delimiter: Expr | None  # None: DELIMITED BY SIZE


@dataclass(frozen=True)
class String:
    sources: tuple[StringSource, ...]
    into: Ref
    pointer: Ref | None
    on_overflow: Block | None
    not_on_overflow: Block | None
    line: int


@dataclass(frozen=True)
class Delimiter:
    value: Expr
    all: bool = False


@dataclass(frozen=True)
class UnstringTarget:
    ref: Ref
    delimiter_in: Ref | None = None
    count_in: Ref | None = None


@dataclass(frozen=True)
class Unstring:
    source: Ref
    delimiters: tuple[Delimiter, ...]
    into: tuple[UnstringTarget, ...]
    pointer: Ref | None
    tallying: Ref | None
    on_overflow: Block | None
    not_on_overflow: Block | None
    line: int


@dataclass(frozen=True)
class Bound:
    """BEFORE / AFTER INITIAL value, limiting an INSPECT phrase."""

    before: bool
    value: Expr


@dataclass(frozen=True)
class InspectPhrase:
    """TALLYING: `counter FOR kind value`; REPLACING: `kind value BY replacement`."""

    kind: Lit["ALL", "LEADING", "FIRST", "CHARACTERS", "TRAILING"]
    value: Expr | None  # None for CHARACTERS
    by: Expr | None
    bounds: tuple[Bound, ...]
    counter: Ref | None = None


@dataclass(frozen=True)
class Inspect:
    target: Ref
    tallying: tuple[InspectPhrase, ...]
    replacing: tuple[InspectPhrase, ...]
    converting: tuple[Expr, Expr, tuple[Bound, ...]] | None
    line: int


@dataclass(frozen=True)
class Search:
    table: Ref
    all: bool
    varying: Ref | None
    at_end: Block | None
    whens: tuple[tuple[Condition, Block], ...]
    line: int


@dataclass(frozen=True)
class CallArg:
    mode: Lit["REFERENCE", "CONTENT", "VALUE"]
    value: Expr | None  # None for OMITTED


@dataclass(frozen=True)
class Call:
    program: Expr
    using: tuple[CallArg, ...]
    returning: Ref | None
    on_exception: Block | None
    not_on_exception: Block | None
    line: int


@dataclass(frozen=True)
class Open:
    files: tuple[tuple[Lit["INPUT", "OUTPUT", "I-O", "EXTEND"], str], ...]
    line: int


@dataclass(frozen=True)
class Close:
    files: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Read:
    file: str
    into: Ref | None
    at_end: Block | None
    not_at_end: Block | None
    invalid_key: Block | None
    not_invalid_key: Block | None
    line: int


@dataclass(frozen=True)
class Write:
    record: Ref
    from_: Expr | None
    advancing: tuple[Lit["BEFORE", "AFTER"], Expr | Lit["PAGE"]] | None
    invalid_key: Block | None
    not_invalid_key: Block | None
    line: int


@dataclass(frozen=True)
class Rewrite:
    record: Ref
    from_: Expr | None
    invalid_key: Block | None
    not_invalid_key: Block | None
    line: int


@dataclass(frozen=True)
class TableSort:
    """SORT table ASCENDING|DESCENDING [KEY] keys ...: (ascending, key) pairs, key None
    for a KEY phrase naming no item (the whole element is the key)."""

    table: Ref
    keys: tuple[tuple[bool, Ref | None], ...]
    line: int


@dataclass(frozen=True)
class Unsupported:
    """A statement this model does not read; `kind` is its verb."""

    kind: str
    text: str
    line: int


Statement = (Move | Display | Accept | Add | Subtract | Multiply | Divide | Compute | If |
             Evaluate | Perform | GoTo | Exit | Continue | NextSentence | StopRun |
             GoBack | SetCondition | SetIndex | Initialize | String | Unstring | Inspect |
             Search | Call | Open | Close | Read | Write | Rewrite | TableSort | Unsupported)

# ---------------------------------------------------------------- structure


@dataclass(frozen=True)
class Sentence:
    """Statements up to a period (NEXT SENTENCE continues after it)."""

    statements: Block
    line: int


@dataclass(frozen=True)
class Paragraph:
    name: str  # "" for statements before the first paragraph of a section / division
    sentences: tuple[Sentence, ...]
    line: int

    @property
    def statements(self) -> Block:
        return tuple(s for sentence in self.sentences for s in sentence.statements)


@dataclass(frozen=True)
class Section:
    name: str  # "" when the division has no sections
    paragraphs: tuple[Paragraph, ...]
    line: int


@dataclass(frozen=True)
class ProcedureDivision:
    using: tuple[CallArg, ...]
    returning: Ref | None
    sections: tuple[Section, ...]
    line: int

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for section in self.sections for p in section.paragraphs)
