"""Operands, arithmetic expressions and conditions of COBOL statements, as typed data.

References carry qualification, subscripts and reference modification
(`A IN B (I, J) (2:3)`); expressions keep COBOL precedence (`**` right-associative, unary
minus binding tighter than `**` as in GnuCOBOL); conditions have abbreviated combined
relations (`A = 1 OR 2`) already expanded to full relations, and NOT before a relational
operator folded into the operator (`A NOT < B` is `A >= B`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal as Lit

# ---------------------------------------------------------------- operands and expressions


@dataclass(frozen=True)
class Ref:
    """A data reference: `name IN q1 IN q2 (subscripts) (start:length)`."""

    name: str
    qualifiers: tuple[str, ...] = ()
    subscripts: tuple[Expr, ...] = ()
    refmod: tuple[Expr, Expr | None] | None = None


@dataclass(frozen=True)
class Literal:
    """A literal as written: numeric text (`-17`, `1000.00`) or the characters of an
    alphanumeric literal (quotes removed, doubled quotes undone); `all` for ALL "x"."""

    value: str
    kind: Lit["numeric", "alphanumeric", "hex", "national"]
    all: bool = False


@dataclass(frozen=True)
class Figurative:
    """ZERO, SPACE, HIGH-VALUE, LOW-VALUE, QUOTE or NULL (plural forms folded)."""

    name: str
    all: bool = False


@dataclass(frozen=True)
class FunctionCall:
    """FUNCTION name (args) [ (start:length) ]; TRIM's LEADING/TRAILING is an argument
    `Literal(word, 'alphanumeric')` marked by `keyword`."""

    name: str
    args: tuple[Expr, ...] = ()
    keyword: str | None = None
    refmod: tuple[Expr, Expr | None] | None = None


@dataclass(frozen=True)
class Unary:
    op: Lit["-", "+"]
    operand: Expr


@dataclass(frozen=True)
class Binary:
    op: Lit["+", "-", "*", "/", "**"]
    left: Expr
    right: Expr


Expr = Ref | Literal | Figurative | FunctionCall | Unary | Binary

# ---------------------------------------------------------------- conditions

RelOp = Lit["=", "<>", "<", ">", "<=", ">="]


@dataclass(frozen=True)
class Relation:
    left: Expr
    op: RelOp
    right: Expr


@dataclass(frozen=True)
class ClassTest:
    """`x IS [NOT] NUMERIC | ALPHABETIC | ALPHABETIC-LOWER | ALPHABETIC-UPPER`."""

    operand: Expr
    class_name: str
    negated: bool = False


@dataclass(frozen=True)
class SignTest:
    """`x IS [NOT] POSITIVE | NEGATIVE | ZERO`."""

    operand: Expr
    sign: Lit["POSITIVE", "NEGATIVE", "ZERO"]
    negated: bool = False


@dataclass(frozen=True)
class ConditionName:
    """A level-88 condition-name reference (possibly qualified / subscripted)."""

    ref: Ref


@dataclass(frozen=True)
class Not:
    operand: Condition


@dataclass(frozen=True)
class And:
    left: Condition
    right: Condition


@dataclass(frozen=True)
class Or:
    left: Condition
    right: Condition


Condition = Relation | ClassTest | SignTest | ConditionName | Not | And | Or
CONDITION_TYPES = (Relation, ClassTest, SignTest, ConditionName, Not, And, Or)
