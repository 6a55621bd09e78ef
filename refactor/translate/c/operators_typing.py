"""Typing of operators, calls and conditionals (C11 6.5), plus constant folding (6.6)."""

from __future__ import annotations

from tree_sitter import Node

from refactor.translate.c import members_typing  # noqa: F401  (registers its handlers)
from refactor.translate.c.builtins import assert_fail_call, exact_math_call, type_builtin
from refactor.translate.c.ctypes_model import (
    INT,
    PTRDIFF_T,
    Array,
    CType,
    Float,
    Func,
    Int,
    IntKind,
    Pointer,
    Record,
    Void,
    decay_param,
    is_arith,
    is_integer,
    is_scalar,
    promote,
    unqual,
    usual_arithmetic,
    wrap_int,
)
from refactor.translate.c.symbols import Unsupported, text
from refactor.translate.c.typing import (
    CastKind,
    Env,
    Expr,
    arith,
    cast,
    convert,
    deref,
    explicit_cast,
    is_null_const,
    register,
    rvalue,
    type_expr,
    typedef_in_parens,
)

_ARITH = {"*", "/", "%", "&", "|", "^"}
_COMPARE = {"<", ">", "<=", ">=", "==", "!="}


def _child(node: Node, name: str) -> Node:
    child = node.child_by_field_name(name)
    if child is None:
        raise Unsupported(f"{node.type} without {name} at line {node.start_point.row + 1}")
    return child


def _op(node: Node) -> str:
    return text(_child(node, "operator"))


def pointer_add(ptr: Expr, i: Expr, op: str, row: int) -> Expr:
    assert isinstance(ptr.ty, Pointer)
    if isinstance(ptr.ty.pointee, Func):
        raise Unsupported(f"arithmetic on a function pointer at line {row + 1}")
    i = cast(rvalue(i), PTRDIFF_T)
    return Expr("ptradd", unqual(ptr.ty), (ptr, i), op, row=row)


def binary(op: str, a: Expr, b: Expr, row: int) -> Expr:
    a, b = rvalue(a), rvalue(b)
    if op in ("&&", "||"):
        if not (is_scalar(a.ty) and is_scalar(b.ty)):
            raise Unsupported(f"{op} on non-scalar operands at line {row + 1}")
        return Expr("logic", INT, (a, b), op, row=row)
    if op in ("+", "-") and isinstance(a.ty, Pointer) and is_integer(b.ty):
        return pointer_add(a, b, op, row)
    if op == "+" and is_integer(a.ty) and isinstance(b.ty, Pointer):
        return pointer_add(b, a, op, row)
    if op == "-" and isinstance(a.ty, Pointer) and isinstance(b.ty, Pointer):
        return Expr("ptrdiff", PTRDIFF_T, (a, b), row=row)
    if op in ("<<", ">>"):
        if not (is_integer(a.ty) and is_integer(b.ty)):
            raise Unsupported(f"shift of non-integers at line {row + 1}")
        left = cast(a, promote(a.ty))
        return Expr("binop", left.ty, (left, cast(b, promote(b.ty))), op, row=row)
    if op in _COMPARE and (isinstance(a.ty, Pointer) or isinstance(b.ty, Pointer)):
        if not isinstance(a.ty, Pointer) or is_null_const(a):
            a = cast(a, b.ty)
        elif not isinstance(b.ty, Pointer) or is_null_const(b):
            b = cast(b, a.ty)
        return Expr("ptrcmp", INT, (a, b), op, row=row)
    la, lb, common = arith(a, b)
    if op in _COMPARE:
        return Expr("binop", INT, (la, lb), op, row=row)
    if op in _ARITH | {"+", "-"}:
        if op in ("%", "&", "|", "^") and isinstance(common, Float):
            raise Unsupported(f"{op} on floating operands at line {row + 1}")
        return Expr("binop", common, (la, lb), op, row=row)
    raise Unsupported(f"operator {op} at line {row + 1}")


def _binary(node: Node, env: Env) -> Expr:
    named = typedef_in_parens(_child(node, "left"), env)
    op = _op(node)
    if named is not None and op in ("-", "+", "*", "&"):
        # `(T)-x`, `(T)*p`, `(T)&x`: a cast of a unary expression
        right = type_expr(_child(node, "right"), env)
        row = node.start_point.row
        if op == "*":
            operand = deref(rvalue(right), row)
        elif op == "&":
            operand = Expr("addr", Pointer(right.ty), (right,), row=row)
        else:
            r = rvalue(right)
            r = cast(r, promote(r.ty))
            operand = Expr("neg" if op == "-" else "plus", r.ty, (r,), row=row)
        return explicit_cast(named, operand, row)
    a = type_expr(_child(node, "left"), env)
    b = type_expr(_child(node, "right"), env)
    return binary(_op(node), a, b, node.start_point.row)


def _unary(node: Node, env: Env) -> Expr:
    op = _op(node)
    row = node.start_point.row
    e = rvalue(type_expr(_child(node, "argument"), env))
    if op == "!":
        if not is_scalar(e.ty):
            raise Unsupported(f"! on a non-scalar at line {row + 1}")
        return Expr("not", INT, (e,), row=row)
    if not is_arith(e.ty) or (op == "~" and isinstance(e.ty, Float)):
        raise Unsupported(f"unary {op} on a non-arithmetic operand at line {row + 1}")
    e = cast(e, promote(e.ty))
    return Expr({"-": "neg", "+": "plus", "~": "bitnot"}[op], e.ty, (e,), row=row)


def _pointer(node: Node, env: Env) -> Expr:
    op = _op(node)
    row = node.start_point.row
    e = type_expr(_child(node, "argument"), env)
    if op == "*":
        return deref(rvalue(e), row)
    if isinstance(e.ty, Func):
        return rvalue(e)
    if not e.lvalue:
        raise Unsupported(f"address of a non-lvalue at line {row + 1}")
    return Expr("addr", Pointer(e.ty), (e,), row=row)


def _assign(node: Node, env: Env) -> Expr:
    row = node.start_point.row
    lhs = type_expr(_child(node, "left"), env)
    rhs = rvalue(type_expr(_child(node, "right"), env))
    op = _op(node)
    if not lhs.lvalue or isinstance(lhs.ty, Array):
        raise Unsupported(f"assignment to a non-lvalue at line {row + 1}")
    if op == "=":
        return Expr("assign", unqual(lhs.ty), (lhs, convert(rhs, lhs.ty)), row=row)
    bop = op[:-1]
    if isinstance(lhs.ty, Pointer):
        if bop not in ("+", "-"):
            raise Unsupported(f"{op} on a pointer at line {row + 1}")
        step = cast(rvalue(rhs), PTRDIFF_T)
        return Expr("compound", unqual(lhs.ty), (lhs, step), (bop, lhs.ty), row=row)
    if bop in ("<<", ">>"):
        comp = promote(lhs.ty)
        rhs = cast(rhs, promote(rhs.ty))
    else:
        if not (is_arith(lhs.ty) and is_arith(rhs.ty)):
            raise Unsupported(f"{op} on non-arithmetic operands at line {row + 1}")
        comp = usual_arithmetic(lhs.ty, rhs.ty)
        rhs = cast(rhs, comp)
    return Expr("compound", unqual(lhs.ty), (lhs, rhs), (bop, comp), row=row)


def _update(node: Node, env: Env) -> Expr:
    row = node.start_point.row
    arg = type_expr(_child(node, "argument"), env)
    op = _op(node)
    prefix = node.children[0].type in ("++", "--")
    if not arg.lvalue or not is_scalar(arg.ty):
        raise Unsupported(f"{op} on a non-scalar lvalue at line {row + 1}")
    kind = ("pre" if prefix else "post") + ("inc" if op == "++" else "dec")
    return Expr(kind, unqual(arg.ty), (arg,), row=row)


def _call(node: Node, env: Env) -> Expr:
    row = node.start_point.row
    fnode = _child(node, "function")
    args = [c for c in _child(node, "arguments").named_children if c.type != "comment"]
    named = typedef_in_parens(fnode, env)
    if named is not None and len(args) == 1:        # `(T)(x)`
        return explicit_cast(named, type_expr(args[0], env), row)
    if fnode.type == "identifier" and text(fnode).startswith("__builtin_"):
        return type_builtin(text(fnode), args, env, row)
    callee = type_expr(fnode, env)
    if callee.op != "func":
        callee = rvalue(callee)
    fty = callee.ty.pointee if isinstance(callee.ty, Pointer) else callee.ty
    if not isinstance(fty, Func):
        raise Unsupported(f"call of a non-function at line {row + 1}")
    if not fty.prototyped and len(args) != len(fty.params):
        raise Unsupported(f"call to {text(fnode)} without a prototype at line {row + 1}")
    if len(args) < len(fty.params) or (len(args) > len(fty.params) and not fty.variadic):
        raise Unsupported(f"call with {len(args)} arguments at line {row + 1}")
    typed: list[Expr] = []
    for i, a in enumerate(args):
        e = rvalue(type_expr(a, env))
        if i < len(fty.params) and not fty.prototyped:
            typed.append(_old_style_argument(e, decay_param(fty.params[i]), row))
        elif i < len(fty.params):
            typed.append(convert(e, decay_param(fty.params[i])))
        elif isinstance(e.ty, Float):
            typed.append(cast(e, Float(8)))          # default argument promotions
        elif isinstance(e.ty, Int):
            typed.append(cast(e, promote(e.ty)))
        elif isinstance(e.ty, Pointer):
            typed.append(e)
        else:
            raise Unsupported(f"variadic argument of aggregate type at line {row + 1}")
    if callee.op == "func":
        declared = env.syms.functions.get(str(callee.val))
        special = exact_math_call(str(callee.val), fty, declared, typed) or \
            assert_fail_call(str(callee.val), declared, typed)
        if special is not None:
            return special
    return Expr("call", fty.ret, (callee, *typed), row=row)


def _old_style_argument(e: Expr, param: CType, row: int) -> Expr:
    """C11 6.5.2.2p6: an argument to a function defined without a prototype is passed
    default-promoted; exact only when that is the parameter's type (else undefined)."""
    if isinstance(e.ty, Float) and e.ty.size == 4:
        e = cast(e, Float(8))
    elif isinstance(e.ty, Int):
        e = cast(e, promote(e.ty))
    same = (isinstance(e.ty, Int) and isinstance(param, Int) and e.ty.kind is param.kind) \
        or (isinstance(e.ty, Pointer) and isinstance(param, Pointer)) \
        or unqual(e.ty) == unqual(param)
    if not same:
        raise Unsupported(f"argument whose promoted type is not its parameter's, in a call"
                          f" without a prototype at line {row + 1}")
    return convert(e, param)


def _conditional(node: Node, env: Env) -> Expr:
    row = node.start_point.row
    c = rvalue(type_expr(_child(node, "condition"), env))
    a = rvalue(type_expr(_child(node, "consequence"), env))
    b = rvalue(type_expr(_child(node, "alternative"), env))
    if is_arith(a.ty) and is_arith(b.ty):
        common = usual_arithmetic(a.ty, b.ty)
    elif isinstance(a.ty, Pointer) and is_null_const(b):
        common = unqual(a.ty)
    elif isinstance(b.ty, Pointer) and is_null_const(a):
        common = unqual(b.ty)
    elif isinstance(a.ty, Pointer) and isinstance(b.ty, Pointer):
        pa, pb = a.ty.pointee, b.ty.pointee
        const = pa.const or pb.const
        target = pa if not isinstance(pa, Void) else pb
        if isinstance(pa, Void) or isinstance(pb, Void):
            target = Void()
        common = Pointer(type(target)(**{**target.__dict__, "const": const}))
    elif isinstance(a.ty, Void) and isinstance(b.ty, Void):
        common = a.ty
    elif isinstance(a.ty, Record) and isinstance(b.ty, Record) and a.ty.key == b.ty.key:
        common = unqual(a.ty)
    else:
        raise Unsupported(f"conditional operator operands at line {row + 1}")
    return Expr("cond", common, (c, cast(a, common), cast(b, common)), row=row)


def _comma(node: Node, env: Env) -> Expr:
    a = type_expr(_child(node, "left"), env)
    b = rvalue(type_expr(_child(node, "right"), env))
    return Expr("comma", b.ty, (a, b), row=node.start_point.row)


for _kind, _fn in (("binary_expression", _binary), ("unary_expression", _unary),
                   ("pointer_expression", _pointer), ("assignment_expression", _assign),
                   ("update_expression", _update), ("call_expression", _call),
                   ("conditional_expression", _conditional),
                   ("comma_expression", _comma)):
    register(_kind, _fn)


def fold(e: Expr, env: Env) -> int | None:
    """The value of an integer constant expression, or None (C11 6.6)."""
    if e.op == "int":
        return int(e.val)  # type: ignore[call-overload]
    if e.op == "enumconst":
        return env.syms.enum_consts[str(e.val)]
    if e.op in ("cast", "implicit") and isinstance(e.ty, Int):
        inner = fold(e.args[0], env)
        return None if inner is None else wrap_int(inner, e.ty.kind)
    if e.op in ("neg", "plus", "bitnot", "not"):
        v = fold(e.args[0], env)
        if v is None:
            return None
        out = {"neg": -v, "plus": v, "bitnot": ~v, "not": int(v == 0)}[e.op]
        return wrap_int(out, e.ty.kind) if isinstance(e.ty, Int) else None
    if e.op == "cond":
        c = fold(e.args[0], env)
        return None if c is None else fold(e.args[1 if c else 2], env)
    if e.op in ("binop", "logic") and isinstance(e.ty, Int):
        a, b = fold(e.args[0], env), fold(e.args[1], env)
        if a is None or b is None:
            return None
        return _fold_binop(str(e.val), a, b, e)
    return None


def _fold_binop(op: str, a: int, b: int, e: Expr) -> int | None:
    assert isinstance(e.ty, Int)
    if op in ("/", "%") and b == 0:
        return None
    if op == "/":
        q = abs(a) // abs(b)
        value = q if (a >= 0) == (b >= 0) else -q
    elif op == "%":
        q = abs(a) // abs(b)
        value = a - b * (q if (a >= 0) == (b >= 0) else -q)
    else:
        table = {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b,
                 "<<": lambda: a << (b & 63), ">>": lambda: a >> (b & 63),
                 "&": lambda: a & b, "|": lambda: a | b, "^": lambda: a ^ b,
                 "<": lambda: int(a < b), ">": lambda: int(a > b),
                 "<=": lambda: int(a <= b), ">=": lambda: int(a >= b),
                 "==": lambda: int(a == b), "!=": lambda: int(a != b),
                 "&&": lambda: int(bool(a) and bool(b)),
                 "||": lambda: int(bool(a) or bool(b))}
        value = table[op]()
    return wrap_int(value, e.ty.kind)


def const_eval(node: Node, syms: object) -> int:
    from refactor.translate.c.symbols import Symbols
    assert isinstance(syms, Symbols)
    value = fold(type_expr(node, Env(syms)), Env(syms))
    if value is None:
        raise Unsupported(f"non-constant expression at line {node.start_point.row + 1}")
    return value


__all__ = ["CastKind", "IntKind", "binary", "const_eval", "fold", "pointer_add"]
