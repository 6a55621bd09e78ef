"""Operands, arithmetic expressions and conditions read from tokens (`Cursor`).

A malformed construct raises `Malformed`, which the statement parser turns into an
`Unsupported` statement (it never leaves this package). Conditions follow COBOL
precedence (NOT, then AND, then OR); a relation's subject and operator carry over to the
abbreviated relations after it (`A = 1 OR 2`, `A > 1 AND < 5`, `A NOT = 1 AND 2`), and a
bare data name is a condition-name when the data division declares it as one or no
relation precedes it.
"""

from __future__ import annotations

from refactor.translate.cobol import operands as ops
from refactor.translate.cobol.tokens import FIGURATIVES, VERBS, Malformed, Token

_CLASSES = frozenset({"NUMERIC", "ALPHABETIC", "ALPHABETIC-LOWER", "ALPHABETIC-UPPER"})
_SIGNS = frozenset({"POSITIVE", "NEGATIVE", "ZERO"})
_NEGATE: dict[ops.RelOp, ops.RelOp] = {"=": "<>", "<>": "=", "<": ">=", ">=": "<", ">": "<=",
                               "<=": ">"}


class Cursor:
    """A position in a token list with COBOL operand, expression and condition parsers."""

    def __init__(self, tokens: list[Token], condition_names: frozenset[str] = frozenset()):
        self.tokens = tokens
        self.pos = 0
        self.condition_names = condition_names
        self._subject: tuple[ops.Expr, ops.RelOp] | None = None  # for abbreviated relations

    # -- tokens
    def peek(self, ahead: int = 0) -> Token | None:
        i = self.pos + ahead
        return self.tokens[i] if i < len(self.tokens) else None

    def word(self, ahead: int = 0) -> str:
        tok = self.peek(ahead)
        return tok.text if tok is not None and tok.kind == "word" else ""

    def at(self, *words: str) -> bool:
        return self.word() in words

    def take(self) -> Token:
        tok = self.peek()
        if tok is None:
            raise Malformed("unexpected end of the statement")
        self.pos += 1
        return tok

    def accept(self, *words: str) -> str | None:
        if self.word() in words:
            return self.take().text
        return None

    def expect(self, *words: str) -> str:
        got = self.accept(*words)
        if got is None:
            tok = self.peek()
            raise Malformed(f"expected {' or '.join(words)}, found "
                            f"{tok.text if tok else 'the end'}")
        return got

    def accept_period(self) -> bool:
        tok = self.peek()
        if tok is not None and tok.kind == "period":
            self.pos += 1
            return True
        return False

    def at_punct(self, text: str) -> bool:
        tok = self.peek()
        return tok is not None and tok.kind in ("punct", "op") and tok.text == text

    def expect_punct(self, text: str) -> None:
        if not self.at_punct(text):
            raise Malformed(f"expected {text!r}")
        self.pos += 1

    def at_end_of_clause(self) -> bool:
        """At a period, the end, or a word that starts a statement or scope keyword."""
        tok = self.peek()
        return tok is None or tok.kind == "period" or (tok.kind == "word" and (
            tok.text in VERBS))

    def at_operand(self) -> bool:
        tok = self.peek()
        if tok is None or tok.kind == "period":
            return False
        if tok.kind in ("num", "str", "hex", "nat"):
            return True
        if tok.kind == "punct":
            return tok.text == "("
        if tok.kind == "op":
            return tok.text in "+-"
        return tok.text not in VERBS

    # -- operands
    def name(self) -> str:
        tok = self.take()
        if tok.kind not in ("word", "num"):
            raise Malformed(f"expected a name, found {tok.text!r}")
        return tok.text

    def ref(self) -> ops.Ref:
        tok = self.peek()
        if tok is None or tok.kind != "word":
            raise Malformed(f"expected a data name, found {tok.text if tok else 'the end'}")
        name = self.name()
        qualifiers: list[str] = []
        while self.at("IN", "OF"):
            self.take()
            qualifiers.append(self.name())
        subscripts: tuple[ops.Expr, ...] = ()
        refmod = None
        if self.at_punct("("):
            subscripts, refmod = self._parens()
            if refmod is None and self.at_punct("("):
                _, refmod = self._parens()
                if refmod is None:
                    raise Malformed(f"{name}: two subscript lists")
        return ops.Ref(name, tuple(qualifiers), subscripts, refmod)

    def _parens(self) -> tuple[tuple[ops.Expr, ...], tuple[ops.Expr, ops.Expr | None] | None]:
        self.expect_punct("(")
        first = self.expr()
        if self.at_punct(":"):
            self.take()
            length = None if self.at_punct(")") else self.expr()
            self.expect_punct(")")
            return (), (first, length)
        items = [first]
        while not self.at_punct(")"):
            items.append(self.expr())
        self.expect_punct(")")
        return tuple(items), None

    def operand(self) -> ops.Expr:
        """A literal, figurative constant (ALL ...), function or data reference."""
        tok = self.peek()
        if tok is None:
            raise Malformed("expected an operand")
        if tok.kind == "num":
            self.take()
            return ops.Literal(tok.text, "numeric")
        if tok.kind in ("str", "hex", "nat"):
            self.take()
            kinds = {"str": "alphanumeric", "hex": "hex", "nat": "national"}
            return ops.Literal(tok.text, kinds[tok.kind])  # type: ignore[arg-type]
        if tok.kind != "word":
            raise Malformed(f"expected an operand, found {tok.text!r}")
        if tok.text == "ALL":
            self.take()
            inner = self.operand()
            if isinstance(inner, ops.Literal):
                return ops.Literal(inner.value, inner.kind, all=True)
            if isinstance(inner, ops.Figurative):
                return ops.Figurative(inner.name, all=True)
            raise Malformed("ALL before a data item")
        if tok.text in FIGURATIVES:
            self.take()
            return ops.Figurative(FIGURATIVES[tok.text])
        if tok.text == "FUNCTION":
            self.take()
            return self._function()
        if tok.text in ("LENGTH", "ADDRESS") and self.word(1) == "OF":
            self.take()
            self.take()
            return ops.FunctionCall(f"{tok.text}-OF", (self.ref(),))
        return self.ref()

    def _function(self) -> ops.FunctionCall:
        name = self.name()
        args: list[ops.Expr] = []
        keyword = None
        refmod = None
        if self.at_punct("("):
            self.take()
            while not self.at_punct(")"):
                if self.at("LEADING", "TRAILING") and args:
                    keyword = self.take().text
                    continue
                args.append(self.expr(signed_literals_split=False))
            self.take()
            if self.at_punct("(") and self.peek(1) is not None:
                _, refmod = self._parens()
        return ops.FunctionCall(name, tuple(args), keyword, refmod)

    # -- arithmetic: expr := term (+|- term)*; term := power (*|/ power)*;
    #    power := unary [** power] (right-associative); unary := (+|-) unary | atom
    def expr(self, signed_literals_split: bool = True) -> ops.Expr:
        """An arithmetic expression; `signed_literals_split`: `B -1` is `B - 1` (not so
        between function arguments, where `3 -14` is two arguments)."""
        left = self._term()
        while True:
            if self.at_punct("+") or self.at_punct("-"):
                op = self.take().text
                left = ops.Binary(op, left, self._term())  # type: ignore[arg-type]
                continue
            tok = self.peek()
            if tok is None or tok.kind != "num" or tok.text[0] not in "+-" \
                    or not signed_literals_split:
                return left
            # `B -1` after an operand: the tokenizer took the sign for the literal's.
            self.pos += 1
            right = ops.Literal(tok.text[1:], "numeric")
            left = ops.Binary(tok.text[0], left, right)  # type: ignore[arg-type]

    def _term(self) -> ops.Expr:
        left = self._power()
        while self.at_punct("*") or self.at_punct("/"):
            op = self.take().text
            left = ops.Binary(op, left, self._power())  # type: ignore[arg-type]
        return left

    def _power(self) -> ops.Expr:
        base = self._unary()
        if self.at_punct("**"):
            self.take()
            return ops.Binary("**", base, self._power())
        return base

    def _unary(self) -> ops.Expr:
        if self.at_punct("-") or self.at_punct("+"):
            op = self.take().text
            return ops.Unary(op, self._unary())  # type: ignore[arg-type]
        if self.at_punct("("):
            self.take()
            inner = self.expr()
            self.expect_punct(")")
            return inner
        return self.operand()

    # -- conditions: or := and (OR and)*; and := not (AND not)*; not := NOT not | primary
    def condition(self) -> ops.Condition:
        self._subject = None
        return self._or()

    def _or(self) -> ops.Condition:
        left = self._and()
        while self.accept("OR"):
            left = ops.Or(left, self._and())
        return left

    def _and(self) -> ops.Condition:
        left = self._not()
        while self.accept("AND"):
            left = ops.And(left, self._not())
        return left

    def _not(self) -> ops.Condition:
        if self.at("NOT") and self._relop_at(1) is None:
            self.take()
            return ops.Not(self._not())
        return self._primary()

    def _primary(self) -> ops.Condition:
        if self._subject is not None and self._relop_at(0) is not None:
            subject, _ = self._subject  # abbreviated: `... AND < 5`
            op = self._relop()
            return self._relation(subject, op)
        if self.at_punct("("):
            start = self.pos
            try:
                self.take()
                inner = self._or()
                self.expect_punct(")")
                if not self._continues_expression():
                    return inner
            except Malformed:
                pass
            self.pos = start
        left = self.expr()
        self.accept("IS")
        negated = False
        if self.at("NOT") and (self.word(1) in _CLASSES or self.word(1) in _SIGNS):
            self.take()
            negated = True
        if self.word() in _CLASSES:
            return ops.ClassTest(left, self.take().text, negated)
        if self.word() in _SIGNS:
            return ops.SignTest(left, self.take().text, negated)  # type: ignore[arg-type]
        if self._relop_at(0) is not None:
            return self._relation(left, self._relop())
        if isinstance(left, ops.Ref) and (left.name in self.condition_names
                                      or self._subject is None):
            return ops.ConditionName(left)
        if self._subject is not None:  # abbreviated: `A = 1 OR 2`
            subject, op = self._subject
            return ops.Relation(subject, op, left)
        raise Malformed("expected a condition")

    def _relation(self, left: ops.Expr, op: ops.RelOp) -> ops.Relation:
        right = self.expr()
        self._subject = (left, op)
        return ops.Relation(left, op, right)

    def _continues_expression(self) -> bool:
        tok = self.peek()
        return tok is not None and (tok.kind == "op" or self._relop_at(0) is not None
                                    or self.at("IS", "NUMERIC", "ALPHABETIC",
                                               "POSITIVE", "NEGATIVE", "ZERO"))

    def _relop_at(self, ahead: int) -> int | None:
        """Tokens in the relational operator starting `ahead` tokens on, or None."""
        n = ahead
        if self.word(n) == "IS":
            n += 1
        if self.word(n) == "NOT":
            n += 1
        tok = self.peek(n)
        if tok is None:
            return None
        if tok.kind == "op" and tok.text in ("=", "<", ">", "<=", ">=", "<>"):
            return n + 1 - ahead
        if tok.kind == "word" and tok.text in ("EQUAL", "EQUALS", "GREATER", "LESS"):
            return n + 1 - ahead
        return None

    def _relop(self) -> ops.RelOp:
        self.accept("IS")
        negated = bool(self.accept("NOT"))
        tok = self.take()
        op: ops.RelOp
        if tok.kind == "op":
            op = tok.text  # type: ignore[assignment]
            if op in ("<", ">") and self.at_punct("="):
                self.take()
                op = f"{op}="  # type: ignore[assignment]
        elif tok.text in ("EQUAL", "EQUALS"):
            self.accept("TO")
            op = "="
        else:
            self.accept("THAN")
            op = ">" if tok.text == "GREATER" else "<"
            if self.at("OR") and self.word(1) == "EQUAL":
                self.take()
                self.take()
                self.accept("TO")
                op = ">=" if op == ">" else "<="
        return _NEGATE[op] if negated else op
