"""Operands and conditions of COBOL statements as Rust expressions on `cobol_rt`:
numbers as `Decimal`, MOVE senders and comparison operands as `Value`, text as bytes."""

from __future__ import annotations

from refactor.translate.cobol import procedure as P
from refactor.translate.cobol.data import Item
from refactor.translate.cobol.emit_data import (
    FIGURATIVE,
    RELATION_TESTS,
    FieldTable,
    Unsupported,
    hex_bytes,
    literal_bytes,
    rust_bytes,
    rust_str,
    values88,
)
from refactor.translate.cobol.emit_functions import folded_min_max, function
from refactor.translate.cobol.operands import (
    And,
    Binary,
    ClassTest,
    ConditionName,
    Figurative,
    FunctionCall,
    Literal,
    Not,
    Or,
    Ref,
    Relation,
    SignTest,
    Unary,
)


class OperandsMixin:
    """The operand side of the emitter (`fields` is the program's field table)."""

    fields: FieldTable
    decimal_comma: bool  # DECIMAL-POINT IS COMMA

    def field(self, ref: Ref) -> str:
        k = self.fields.resolve(ref)
        slot = self.fields.slots[k]
        occurs = [p for p in [*slot.parents, slot.item] if p.occurs > 1]
        subs = list(ref.subscripts)
        if len(subs) != len(occurs) and (subs or occurs):
            raise Unsupported(f"{ref.name}: {len(subs)} subscripts for {len(occurs)} "
                              "OCCURS levels")
        base = f"self.f[{k}]"
        for table, sub in zip(occurs, subs, strict=True):
            base += f".occurs(({self.num(sub)}).to_i64(), {table.size})"
        current = self.current_size(slot.item)
        if current is not None:
            base += f".with_len({current})"
        if ref.refmod is not None:
            start, length = ref.refmod
            size = "None" if length is None else f"Some(({self.num(length)}).to_i64())"
            base += f".refmod(({self.num(start)}).to_i64(), {size})"
        return base

    def current_size(self, item: Item) -> str | None:
        """The byte size of a group holding an OCCURS DEPENDING ON table, as a Rust
        expression on the DEPENDING ON item's value (kept within the table's bounds);
        None for an item of fixed size."""
        tables = [d for d in item.walk()[1:] if d.depending_on]
        if not tables:
            return None
        table = tables[0]
        if len(tables) > 1 or any(d.depending_on for d in table.walk()[1:]):
            raise Unsupported(f"{item.name}: several OCCURS DEPENDING ON tables")
        count = self.num(Ref(table.depending_on))  # type: ignore[arg-type]
        fixed = item.size - table.occurs * table.size
        return (f"{fixed} + ({count}).to_i64().clamp(0, {table.occurs}) as usize"
                f" * {table.size}")

    def length(self, ref: Ref) -> int | None:
        """The byte length of `ref`; None when it varies (OCCURS DEPENDING ON)."""
        item = self.fields.item(ref)
        if ref.refmod is not None:
            raise Unsupported(f"LENGTH of a reference modification of {ref.name}")
        return None if self.current_size(item) is not None else item.size

    def scale(self, ref: Ref) -> int:
        item = self.fields.item(ref)
        return item.picture.scale if item.picture else 0

    def is_numeric(self, e: object) -> bool:
        if isinstance(e, Literal):
            return e.kind == "numeric" and not e.all
        if isinstance(e, Ref):
            if e.refmod is not None:
                return False
            item = self.fields.item(e)
            return item.category in ("numeric",)
        if isinstance(e, Figurative):
            return e.name in ("ZERO", "ZEROS", "ZEROES")
        return isinstance(e, Binary | Unary)

    def num(self, e: object) -> str:
        """A Rust `Decimal` expression."""
        if isinstance(e, Literal) and e.kind == "numeric":
            return f"Decimal::lit({rust_str(e.value)})"
        if isinstance(e, Ref):
            return f"{self.field(e)}.get(&self.mem)"
        if isinstance(e, Figurative) and e.name.startswith("ZERO"):
            return "Decimal::ZERO"
        if isinstance(e, FunctionCall):
            kind, code = self.function(e)
            if kind != "num":
                raise Unsupported(f"FUNCTION {e.name} where a number is needed")
            return code
        if isinstance(e, Unary):
            inner = self.num(e.operand)
            return f"({inner}).neg()" if e.op == "-" else inner
        if isinstance(e, Binary):
            op = {"+": "add", "-": "sub", "*": "mul", "/": "div", "**": "pow"}[e.op]
            return f"({self.num(e.left)}).{op}({self.num(e.right)})"
        raise Unsupported(f"numeric operand {e}")

    def value(self, e: object, raw: bool = False) -> str:
        """A Rust `Value` expression (a MOVE sender or comparison operand)."""
        if isinstance(e, Literal):
            if e.all:
                unit = literal_bytes(e)
                return f"Value::Fig(Fig::All({unit}.to_vec()))"
            if e.kind == "numeric":
                return f"Value::num_lit({rust_str(e.value)})"
            if e.kind == "alphanumeric":
                return f"Value::text({rust_str(e.value)})"
            if e.kind == "hex":
                return f"Value::Alnum({hex_bytes(e.value)}.to_vec())"
        if isinstance(e, Figurative):
            if e.name not in FIGURATIVE:
                raise Unsupported(f"figurative constant {e.name}")
            return f"Value::Fig(Fig::{FIGURATIVE[e.name]})"
        if isinstance(e, Ref):
            item = self.fields.item(e)
            method = "raw" if raw or item.is_group else "value"
            return f"{self.field(e)}.{method}(&self.mem)"
        if isinstance(e, Binary | Unary):
            return f"Value::Num({self.num(e)}, 0)"
        if isinstance(e, FunctionCall):
            kind, code = self.function(e)
            return f"Value::Num({code}, 0)" if kind == "num" else f"Value::Alnum({code})"
        raise Unsupported(f"operand {type(e).__name__}")

    def display_part(self, e: object) -> str:
        if isinstance(e, FunctionCall) and (folded := folded_min_max(e)) is not None:
            e = folded
        if isinstance(e, FunctionCall):
            if e.name in ("LENGTH", "LENGTH-OF") and len(e.args) == 1 \
                    and isinstance(e.args[0], Ref):
                size = self.length(e.args[0])
                if size is not None:
                    return f'&b"{size}"[..]'  # cobc folds it: no leading zeros
                if e.name == "LENGTH-OF":  # the special register: a signed binary item
                    current = f"{self.field(e.args[0])}.pic.len"
                    return f"&format!(\"+{{:09}}\", {current}).into_bytes()[..]"
            kind, code = self.function(e)
            if kind == "num":  # an integer function's value: nine digits, as cobc shows it
                return f"&format!(\"{{:09}}\", ({code}).to_i64()).into_bytes()[..]"
            return f"&{code}[..]"
        if isinstance(e, Literal) and e.kind == "hex" and not e.all:
            return f"&{hex_bytes(e.value)}[..]"
        if isinstance(e, Literal) and not e.all:
            text = e.value
            if e.kind == "numeric" and self.decimal_comma:
                text = text.replace(".", ",")
            return f"&{rust_bytes(text)}[..]"
        if isinstance(e, Figurative) and e.name in FIGURATIVE:
            return f"&Fig::{FIGURATIVE[e.name]}.repeat(1)[..]"
        if isinstance(e, Ref):
            return f"&{self.field(e)}.display(&self.mem)[..]"
        raise Unsupported(f"DISPLAY of {type(e).__name__}")

    # ---------------------------------------------------------------- conditions

    def cond(self, c: object) -> str:
        if isinstance(c, And):
            return f"({self.cond(c.left)} && {self.cond(c.right)})"
        if isinstance(c, Or):
            return f"({self.cond(c.left)} || {self.cond(c.right)})"
        if isinstance(c, Not):
            return f"!({self.cond(c.operand)})"
        if isinstance(c, Relation):
            test = RELATION_TESTS[c.op]
            if self.is_numeric(c.left) and self.is_numeric(c.right):
                return f"({self.num(c.left)}).cmp_value(&{self.num(c.right)}).{test}()"
            return f"compare(&{self.value(c.left)}, &{self.value(c.right)}).{test}()"
        if isinstance(c, SignTest):
            n = self.num(c.operand)
            test = {"POSITIVE": f"(!{n}.is_negative() && !{n}.is_zero())",
                    "NEGATIVE": f"{n}.is_negative()", "ZERO": f"{n}.is_zero()"}[c.sign]
            return f"!{test}" if c.negated else test
        if isinstance(c, ConditionName):
            return self.cond88(c.ref)
        if isinstance(c, ClassTest):
            test = self.class_test(c)
            return f"!{test}" if c.negated else test
        raise Unsupported(f"condition {type(c).__name__}")

    def class_test(self, c: ClassTest) -> str:
        if not isinstance(c.operand, Ref):
            raise Unsupported(f"class condition on {type(c.operand).__name__}")
        kind = c.class_name.upper()
        item = self.fields.item(c.operand)
        signed = bool(item.picture and item.picture.signed and item.category == "numeric"
                      and c.operand.refmod is None)
        bytes_ = f"{self.field(c.operand)}.bytes(&self.mem)"
        if kind == "NUMERIC":
            if item.usage == "packed" and c.operand.refmod is None:
                return f"codec::packed_valid({bytes_}, {'true' if signed else 'false'})"
            if item.usage != "display":
                return "true"  # binary items hold numbers by construction
            mode = 0
            if signed:
                mode = ({"leading": 3, "trailing": 4}[item.sign_separate]
                        if item.sign_separate else 2 if item.sign_leading else 1)
            return f"class_numeric({bytes_}, {mode})"
        if kind in ("ALPHABETIC", "ALPHABETIC-UPPER", "ALPHABETIC-LOWER"):
            test = {"ALPHABETIC": "b.is_ascii_alphabetic()",
                    "ALPHABETIC-UPPER": "b.is_ascii_uppercase()",
                    "ALPHABETIC-LOWER": "b.is_ascii_lowercase()"}[kind]
            return f"{bytes_}.iter().all(|b| *b == b' ' || {test})"
        raise Unsupported(f"class condition {kind}")

    def cond88(self, ref: Ref) -> str:
        owner, cond = self._condition(ref)
        singles, ranges = values88(cond.value or "", self.decimal_comma)
        owner_ref = Ref(owner.name, ref.qualifiers, ref.subscripts)
        return (f"cond88(&{self.value(owner_ref)}, &[{', '.join(singles)}], "
                f"&[{', '.join(f'({a}, {b})' for a, b in ranges)}])")

    def _condition(self, ref: Ref) -> tuple[Item, Item]:
        for slot in self.fields.slots:
            for cond in slot.item.conditions:
                if cond.name == ref.name.upper():
                    return slot.item, cond
        raise Unsupported(f"condition name {ref.name}")

    # ---------------------------------------------------------------- statements


    def function(self, e: FunctionCall) -> tuple[str, str]:
        """An intrinsic function: ("num", Decimal expr) or ("text", Vec<u8> expr)."""
        return function(self, e)

    def bytes_of(self, e: object) -> str:
        """A Rust `Vec<u8>` of an alphanumeric operand (literal, figurative, item)."""
        if isinstance(e, FunctionCall):
            kind, code = self.function(e)
            if kind == "text":
                return code
        if isinstance(e, Literal):  # ALL "x": one "x" (INSPECT repeats it as needed)
            return f"{literal_bytes(e)}.to_vec()"
        if isinstance(e, Figurative) and e.name in FIGURATIVE:
            return f"Fig::{FIGURATIVE[e.name]}.repeat(1)"
        if isinstance(e, Ref):
            return f"{self.field(e)}.bytes(&self.mem).to_vec()"
        raise Unsupported(f"operand {type(e).__name__} in STRING")


    def matches(self, subject: object, obj: object) -> str:
        """Whether one WHEN object selects one EVALUATE subject."""
        if isinstance(obj, P.AnyObject):
            return "true"
        if isinstance(subject, bool):
            if isinstance(obj, P.ConditionObject):
                test = self.cond(obj.condition)
            elif isinstance(obj, P.BoolObject):
                return "true" if obj.value == subject else "false"
            elif isinstance(obj, P.ValueObject) and isinstance(obj.value, Ref):
                test = self.cond88(obj.value)  # a condition name read as a value
            else:
                raise Unsupported(f"WHEN object {type(obj).__name__} for TRUE/FALSE")
            return test if subject else f"!({test})"
        if isinstance(obj, P.BoolObject):
            test = self.cond(subject)
            return test if obj.value else f"!({test})"
        if not isinstance(obj, P.ValueObject):
            raise Unsupported(f"WHEN object {type(obj).__name__}")
        if obj.high is None:
            test = self.cond(Relation(subject, "=", obj.value))  # type: ignore[arg-type]
        else:
            test = (f"({self.cond(Relation(subject, '>=', obj.value))} && "  # type: ignore[arg-type]
                    f"{self.cond(Relation(subject, '<=', obj.high))})")  # type: ignore[arg-type]
        return f"!{test}" if obj.negated else test

