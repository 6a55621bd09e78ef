"""The differential case list for the COBOL runtime (see cobol_cases.py)."""

from __future__ import annotations

import itertools
import random

from .cobol_cases import ROUND_MODES, Case, Group, Item

_ids = itertools.count()


def _item(spec: str) -> Item:
    return Item(f"I{next(_ids)}", spec)


def _move_show(spec: str, value: str) -> Case:
    r = _item(spec)
    return Case([r], [("move", value, r.name), ("show", r.name)])


NUMERIC_RECEIVERS = [
    "S9(3)V99", "9(3)V99", "S9(5)", "999V9", "S9(3) LEADING", "S9(3)V9 LEADING SEPARATE",
    "S9(3)V9 SEPARATE", "S9(4) COMP", "9(4) COMP", "S9(2) COMP", "S9(9) COMP",
    "S9(18) COMP", "S9V9(4) COMP", "S9(4) COMP-5", "9(4) COMP-5", "S9(9) COMP-5",
    "S9(5)V99 COMP-3", "9(4) COMP-3", "S9(6) COMP-3", "S9(3)V9 COMP-3", "999PP", "SVPP9",
]
NUMERIC_VALUES = ["-1.5", "12.34", "0", "-987654.321", "5", "3.06", "0.0007"]

EDIT_PICTURES = [
    "ZZZ9.99", "ZZZ9.99-", "-ZZZ9.99", "+ZZZ9.99", "ZZZ9.99+", "$ZZZ9.99", "$$$$9.99",
    "$$,$$9.99", "----9.99", "++++9.99", "***9.99", "$***9.99", "ZZ,ZZ9.99CR",
    "ZZ,ZZ9.99DB", "99/99/99", "999B999", "9990", "ZZZZ", "ZZZ.ZZ", "Z,ZZZ,ZZ9",
    "-(5)9", "+(4).99", "****.**", "--,---.99", "99.99", "Z9.9", "9(3).9(2)-",
    "ZZZBZZ9", "$$$.99", "-ZZ9", "ZZZZ.ZZ-", "**,**9.99",
]
EDIT_VALUES = ["0", "1.5", "-1.5", "1234.567", "-98765.43", "0.05", "-0.004", "7"]

ALNUM_RECEIVERS = ["X(5)", "X(5) JUST", "A(4)"]
ALNUM_SENDERS = ['"AB"', '"ABCDEFGH"', "SPACE", "ZERO", "QUOTE", "ALL AB", "LOW-VALUE",
                 "HIGH-VALUE"]


def move_cases() -> list[Case]:
    cases = [_move_show(r, v) for r in NUMERIC_RECEIVERS for v in NUMERIC_VALUES]
    cases += [_move_show(r, v) for r in ALNUM_RECEIVERS for v in ALNUM_SENDERS
              if not (r.startswith("A") and v == "ZERO")]
    cases += [_move_show(r, "ZERO") for r in ("S9(3)V99", "9(4) COMP", "S9(5) COMP-3")]
    # numeric items to alphanumeric, alphanumeric literals to numeric
    for src_spec, val in [("S9(3)", "-12"), ("9(5)", "42"), ("S9(4) COMP", "-12"),
                          ("S9(5) COMP-3", "345")]:
        s, r = _item(src_spec), _item("X(7)")
        cases.append(Case([s, r], [("move", val, s.name), ("move", s.name, r.name),
                                   ("show", r.name)]))
    cases.append(_move_show("X(6)", "-125"))
    for spec, val in [("9(3)V9", '"12.5"'), ("9(5)", '"123"'), ("9(4)", '"12345678"'),
                      ("S9(3)V99", '"7"'), ("9(4) COMP", '"1234"'), ("9(5) COMP-3", '"321"')]:
        cases.append(_move_show(spec, val))
    # numeric-edited, then de-edited back
    for pic in EDIT_PICTURES:
        for v in EDIT_VALUES:
            e, back = _item(pic), _item("S9(6)V99")
            cases.append(Case([e, back], [("move", v, e.name), ("show", e.name),
                                          ("move", e.name, back.name), ("show", back.name)]))
    for spec in ("ZZZ9.99 BWZ", "9(3)V99 BWZ"):
        cases += [_move_show(spec, v) for v in ("0", "1.5")]
    # numeric to numeric item moves (alignment and truncation)
    for s_spec, val, r_spec in [("S9(5)V9(3)", "-12345.678", "999V9"),
                                ("S9(5)V9(3)", "-12345.678", "S9(2)V9(4) COMP-3"),
                                ("S9(4) COMP", "-1234", "S9(3)V9"),
                                ("9(4) COMP-5", "9999", "S9(2) COMP")]:
        s, r = _item(s_spec), _item(r_spec)
        cases.append(Case([s, r], [("move", val, s.name), ("move", s.name, r.name),
                                   ("show", r.name)]))
    return cases


def arithmetic_cases() -> list[Case]:
    cases = []
    values = ["2.5", "-2.5", "3.5", "-3.5", "2.4", "-2.4", "2.6", "-2.6", "2.51", "-0.5"]
    for mode in ROUND_MODES:
        for v in values:
            a, r = _item("S9V99"), _item("S99")
            cases.append(Case([a, r], [("move", "11", r.name), ("move", v, a.name),
                                       ("compute", r.name, mode, a.name, True),
                                       ("show", r.name)]))
    for mode in ("", "ROUNDED", "NEAREST-EVEN", "TOWARD-LESSER"):
        for x, y, rs in [("1", "3", "S9(3)V9(6)"), ("2", "3", "S9V9(4)"),
                         ("-10", "7", "S9(3)V9(5)"), ("1", "6", "S9V9"),
                         ("12345.67", "0.03", "S9(6)V99 COMP-3"), ("5", "8", "S9V99 COMP")]:
            a, b, r = _item("S9(7)V99"), _item("S9(7)V99"), _item(rs)
            cases.append(Case([a, b, r], [("move", x, a.name), ("move", y, b.name),
                                          ("compute", r.name, mode, ("/", a.name, b.name),
                                           False), ("show", r.name)]))
    # size error: receiver unchanged with ON SIZE ERROR, truncated without
    for rs, x, y, op in [("99", "99", "5", "+"), ("9(4) COMP", "9999", "1", "+"),
                         ("9(4) COMP-5", "9999", "1", "+"), ("9(4) COMP-5", "65535", "1", "+"),
                         ("S9(3) COMP-3", "999", "1", "+"), ("S99V9", "10", "0", "/"),
                         ("S99", "-60", "50", "-"), ("S9(3)V9", "123.45", "9", "*")]:
        for se in (True, False):
            a, b, r = _item("S9(7)V99"), _item("S9(7)V99"), _item(rs)
            cases.append(Case([a, b, r], [("move", "11", r.name), ("move", x, a.name),
                                          ("move", y, b.name),
                                          ("compute", r.name, "", (op, a.name, b.name), se),
                                          ("show", r.name)]))
    # 31-digit arithmetic
    a, b, r = _item("S9(16)"), _item("S9(15)"), _item("S9(31)")
    q, s = _item("S9(20)V9(11)"), _item("S9(31)")
    cases.append(Case([a, b, r, q, s], [
        ("move", "1234567890123456", a.name), ("move", "-987654321098765", b.name),
        ("compute", r.name, "", ("*", a.name, b.name), True), ("show", r.name),
        ("compute", q.name, "ROUNDED", ("/", a.name, "13"), True), ("show", q.name),
        ("move", "9999999999999999999999999999999", s.name),
        ("compute", s.name, "", ("+", s.name, "1"), True), ("show", s.name),
        ("compute", s.name, "", ("+", s.name, "1"), False), ("show", s.name),
        ("compute", r.name, "", ("-", ("*", r.name, "3"), ("**", a.name, "2")), False),
        ("show", r.name),
    ]))
    # compound expressions and precedence of intermediate truncation
    x, y, z = _item("S9(3)V9(2)"), _item("S9(3)V9(2)"), _item("S9(5)V9(4)")
    cases.append(Case([x, y, z], [
        ("move", "10", x.name), ("move", "3", y.name),
        ("compute", z.name, "", ("*", ("/", x.name, y.name), y.name), False), ("show", z.name),
        ("compute", z.name, "ROUNDED", ("*", ("/", x.name, y.name), y.name), False),
        ("show", z.name),
        ("compute", z.name, "", ("**", x.name, "3"), False), ("show", z.name),
        ("compute", z.name, "ROUNDED", ("**", y.name, "-2"), False), ("show", z.name),
    ]))
    return cases


def compare_cases() -> list[Case]:
    cases = []
    for sa, va, sb, vb in [("S9(3)V99", "-1.5", "9(3) COMP", "1"),
                           ("S9(3)V99", "2", "S9(5) COMP-3", "2"),
                           ("X(5)", '"AB"', "X(2)", '"AB"'), ("X(3)", '"ABC"', "X(4)", '"ABD"'),
                           ("9(3)", "12", "X(3)", '"012"'), ("9(3)", "12", "X(3)", '"12 "')]:
        a, b = _item(sa), _item(sb)
        cases.append(Case([a, b], [("move", va, a.name), ("move", vb, b.name),
                                   ("cmp", a.name, b.name)]))
    a = _item("X(4)")
    cases.append(Case([a], [("move", '"  "', a.name), ("cmp", a.name, "SPACE"),
                            ("cmp", a.name, "HIGH-VALUE")]))
    for spec in ("S9(3)V99", "X(4)", "ZZ9.99", "S9(5) COMP-3"):
        i = _item(spec)
        cases.append(Case([i], [("move", "ALL 7" if "X" in spec else "12", i.name),
                                ("init", i.name), ("show", i.name)]))
    return cases



def group_cases() -> list[Case]:
    cases = []
    kids = [_item("X(3)"), _item("S9(3)"), _item("9(3) COMP-3")]
    g1 = Group(f"G{next(_ids)}", kids)
    g2 = Group(f"G{next(_ids)}", [_item("X(4)"), _item("9(4)")])
    x = _item("X(12)")
    cases.append(Case([g1, g2, x], [
        ("move", '"ABC"', kids[0].name), ("move", "-12", kids[1].name),
        ("move", "5", kids[2].name), ("show", g1.name),
        ("move", g1.name, g2.name), ("show", g2.name),
        ("move", g1.name, x.name), ("show", x.name),
        ("move", '"HELLO"', g2.name), ("show", g2.name),
        ("move", "ZERO", g2.name), ("show", g2.name),
        ("init", g1.name), ("show", g1.name),
        ("move", "ALL XY", g1.name), ("show", g1.name),
    ]))
    return cases


def cond88_cases() -> list[Case]:
    cases = []
    num = ('S9(2)', "VALUE 1 3 THRU 5 -7", '&[Value::num_lit("1"), Value::num_lit("-7")]',
           '&[(Value::num_lit("3"), Value::num_lit("5"))]')
    alnum = ('X(2)', 'VALUE "A" "C" THRU "E"', '&[Value::text("A")]',
             '&[(Value::text("C"), Value::text("E"))]')
    tests = [(num, v) for v in ("1", "2", "4", "5", "6", "-7", "7")]
    tests += [(alnum, v) for v in ('"A"', '"B"', '"D"', '"E"', '"EA"', '"A "')]
    for (spec, values, vals, ranges), v in tests:
        it = _item(spec)
        it.conds = [f"{it.name}-OK {values}"]
        f = f"F_{it.name}"
        cases.append(Case([it], [("move", v, it.name), ("raw", [
            f'           IF {it.name}-OK DISPLAY "{{n}} Y" ELSE DISPLAY "{{n}} N"',
            "           END-IF"], [
            f"display_line(&[if cond88(&{f}.value(&m), {vals}, {ranges}) "
            '{ b"{n} Y" } else { b"{n} N" }]);'])]))
    return cases


def string_cases() -> list[Case]:
    cases = []
    pats = [("ALL", '"A"', 'Pattern::All(b"A")'), ("LEADING", '"A"', 'Pattern::Leading(b"A")'),
            ("ALL", '"AB"', 'Pattern::All(b"AB")'), ("CHARACTERS", "", "Pattern::Characters")]
    for kind, lit, rpat in pats:
        s, t = _item("X(16)"), _item("9(3)")
        cases.append(Case([s, t], [("move", '"AABAXAB CAB  A"', s.name), ("move", "0", t.name), (
            "raw", [f"           INSPECT {s.name} TALLYING {t.name} FOR {kind} {lit}"],
            [f"{{ let c = inspect_tally(F_{s.name}.bytes(&m), &{rpat}); "
             f"let v = F_{t.name}.get(&m).add(Decimal::int(c as i64)); "
             f"F_{t.name}.store(&mut m, v, Round::Truncate, false); }}"]), ("show", t.name)]))
    reps = [("ALL", '"A"', '"Z"', 'Pattern::All(b"A")', 'b"Z"'),
            ("LEADING", '"A"', '"Z"', 'Pattern::Leading(b"A")', 'b"Z"'),
            ("FIRST", '"AB"', '"YZ"', 'Pattern::First(b"AB")', 'b"YZ"'),
            ("CHARACTERS", "", '"*"', "Pattern::Characters", 'b"*"')]
    for kind, lit, by, rpat, rby in reps:
        s = _item("X(16)")
        cases.append(Case([s], [("move", '"AABAXAB CAB  A"', s.name), (
            "raw", [f"           INSPECT {s.name} REPLACING {kind} {lit} BY {by}"],
            [f"inspect_replace(F_{s.name}.bytes_mut(&mut m), &{rpat}, {rby});"]),
            ("show", s.name)]))
    s = _item("X(16)")
    cases.append(Case([s], [("move", '"AABAXAB CAB  A"', s.name), (
        "raw", [f'           INSPECT {s.name} CONVERTING "ABC" TO "xyz"'],
        [f'inspect_convert(F_{s.name}.bytes_mut(&mut m), b"ABC", b"xyz");']),
        ("show", s.name)]))
    for tlen in ("X(12)", "X(6)"):
        a, b, t, p = _item("X(8)"), _item("X(4)"), _item(tlen), _item("9(2)")
        cases.append(Case([a, b, t, p], [
            ("move", '"HI THERE"', a.name), ("move", '"1234"', b.name),
            ("move", "ALL .", t.name), ("move", "2", p.name),
            ("raw", [f"           STRING {a.name} DELIMITED BY SPACE",
                     f"             {b.name} DELIMITED BY SIZE",
                     f"             INTO {t.name} WITH POINTER {p.name}",
                     '             ON OVERFLOW DISPLAY "{n} OVF"', "           END-STRING"],
             [f"{{ let a = F_{a.name}.bytes(&m).to_vec(); let b = F_{b.name}.bytes(&m).to_vec(); "
              f"let mut p = F_{p.name}.get(&m).to_i64() as usize; "
              f"let o = string_into(F_{t.name}.bytes_mut(&mut m), &[StrSrc {{ data: &a, "
              'delim: Some(b" ") }, StrSrc { data: &b, delim: None }], &mut p); '
              f"F_{p.name}.set(&mut m, Decimal::int(p as i64)); "
              'if o { display_line(&[b"{n} OVF"]); } }']),
            ("show", t.name), ("show", p.name)]))
    src, u1, u2, u3, t = _item("X(16)"), _item("X(3)"), _item("9(4)"), _item("X(4)"), _item("99")
    cases.append(Case([src, u1, u2, u3, t], [
        ("move", '"ABCD,12  EF,GH"', src.name), ("move", "0", t.name),
        ("raw", [f'           UNSTRING {src.name} DELIMITED BY "," OR ALL " "',
                 f"             INTO {u1.name} {u2.name} {u3.name} TALLYING IN {t.name}"],
         [f"{{ let s = F_{src.name}.bytes(&m).to_vec(); "
          "let mut p = 1i64; let (parts, _) = unstring(&s, &[Delim { text: b\",\", all: false }, "
          f"Delim {{ text: b\" \", all: true }}], &[3, 4, 4], &mut p); let n = parts.len(); "
          f"for (f, v) in [F_{u1.name}, F_{u2.name}, F_{u3.name}].iter().zip(parts) "
          "{ f.move_value(&mut m, &Value::Alnum(v.data)); } "
          f"let v = F_{t.name}.get(&m).add(Decimal::int(n as i64)); "
          f"F_{t.name}.set(&mut m, v); }}"]),
        ("show", u1.name), ("show", u2.name), ("show", u3.name), ("show", t.name)]))
    return cases + inspector_cases() + unstring_cases()


def inspector_cases() -> list[Case]:
    """INSPECT with several phrases and BEFORE / AFTER INITIAL (`Inspector`)."""
    cases = []
    tallies = [('FOR ALL "BA" {b} FOR ALL "AB"', ['ins.tally(&Pattern::All(b"BA"))',
                                                  'ins.tally(&Pattern::All(b"AB"))']),
               ('FOR LEADING "A" {b} FOR ALL "A" AFTER INITIAL "X"',
                ['ins.tally(&Pattern::Leading(b"A"))',
                 '{ ins.after(b"X"); ins.tally(&Pattern::All(b"A")) }']),
               ('FOR CHARACTERS BEFORE INITIAL " " {b} FOR TRAILING SPACE',
                ['{ ins.before(b" "); ins.tally(&Pattern::Characters) }',
                 'ins.tally(&Pattern::Trailing(b" "))'])]
    for phrases, rust in tallies:
        s, a, b = _item("X(16)"), _item("99"), _item("99")
        cases.append(Case([s, a, b], [
            ("move", '"AABAXAB CAB  "', s.name), ("move", "0", a.name), ("move", "0", b.name),
            ("raw", [f"           INSPECT {s.name} TALLYING {a.name}",
                     "             " + phrases.format(b=b.name)],
             [f"{{ let mut ins = Inspector::new(F_{s.name}.bytes(&m)); "
              f"let x = {rust[0]}; let y = {rust[1]}; "
              f"F_{a.name}.set(&mut m, Decimal::int(x as i64)); "
              f"F_{b.name}.set(&mut m, Decimal::int(y as i64)); }}"]),
            ("show", a.name), ("show", b.name)]))
    replaces = [('ALL "A" BY "z" AFTER INITIAL "X" FIRST "B" BY "y"',
                 'ins.after(b"X"); ins.replace(&Pattern::All(b"A"), b"z", false); '
                 'ins.replace(&Pattern::First(b"B"), b"y", false);'),
                ('CHARACTERS BY "#" BEFORE INITIAL "C" AFTER INITIAL "B"',
                 'ins.before(b"C"); ins.after(b"B"); '
                 'ins.replace(&Pattern::Characters, b"#", false);'),
                ('ALL SPACES BY ZERO LEADING "AA" BY "--"',
                 'ins.replace(&Pattern::All(b" "), b"0", true); '
                 'ins.replace(&Pattern::Leading(b"AA"), b"--", false);')]
    for phrases, rust in replaces:
        s = _item("X(16)")
        cases.append(Case([s], [
            ("move", '"AABAXAB CAB  "', s.name),
            ("raw", [f"           INSPECT {s.name} REPLACING", f"             {phrases}"],
             [f"{{ let mut ins = Inspector::new(F_{s.name}.bytes(&m)); {rust} "
              f"let out = ins.finish(); F_{s.name}.bytes_mut(&mut m).copy_from_slice(&out); }}"]),
            ("show", s.name)]))
    return cases


def unstring_cases() -> list[Case]:
    """UNSTRING with DELIMITER IN, COUNT IN and POINTER (`unstring`)."""
    cases = []
    for text, start in (('"AB----12/X"', "1"), ('"/7--"', "1"), ('"XYZ"', "3"), ('"Q"', "0")):
        src, a, b, d, c, p = (_item("X(12)"), _item("X(3)"), _item("9(3)"), _item("XX"),
                              _item("99"), _item("99"))
        rust = (f"{{ let s = F_{src.name}.bytes(&m).to_vec(); "
                f"let mut ptr = F_{p.name}.get(&m).to_i64(); "
                "let (parts, o) = unstring(&s, &[Delim { text: b\"--\", all: true }, "
                "Delim { text: b\"/\", all: false }], &[3, 3], &mut ptr); "
                f"if let Some(x) = parts.first() {{ F_{a.name}.move_text(&mut m, &x.data); "
                f"match &x.delim {{ Some(t) => F_{d.name}.move_text(&mut m, t), "
                f"None => F_{d.name}.move_value(&mut m, &Value::Fig(Fig::Space)) }} "
                f"F_{c.name}.set(&mut m, Decimal::int(x.data.len() as i64)); }} "
                f"if let Some(x) = parts.get(1) {{ F_{b.name}.move_text(&mut m, &x.data); }} "
                f"F_{p.name}.set(&mut m, Decimal::int(ptr)); "
                'if o { display_line(&[b"{n} OVF"]); } }')
        cases.append(Case([src, a, b, d, c, p], [
            ("move", text, src.name), ("move", start, p.name), ("move", "ALL *", a.name),
            ("move", "999", b.name), ("move", "ALL *", d.name), ("move", "0", c.name),
            ("raw", [f'           UNSTRING {src.name} DELIMITED BY ALL "--" OR "/"',
                     f"             INTO {a.name} DELIMITER IN {d.name} COUNT IN {c.name}",
                     f"                  {b.name} WITH POINTER {p.name}",
                     '             ON OVERFLOW DISPLAY "{n} OVF"', "           END-UNSTRING"],
             [rust]),
            ("show", a.name), ("show", b.name), ("show", d.name), ("show", c.name),
            ("show", p.name)]))
    return cases


def divide_cases() -> list[Case]:
    cases = []
    for a_v, b_v, rounded in [("17.5", "4", False), ("-19", "4", True), ("-19", "4", False),
                              ("100", "7", False), ("1", "0", False)]:
        a, b, q, r = _item("S9(3)V9"), _item("S9(3)"), _item("S99"), _item("S9V99")
        rnd = " ROUNDED" if rounded else ""
        mode = "Round::NearestAwayFromZero" if rounded else "Round::Truncate"
        cases.append(Case([a, b, q, r], [
            ("move", a_v, a.name), ("move", b_v, b.name), ("move", "11", q.name),
            ("move", "1", r.name),
            ("raw", [f"           DIVIDE {a.name} BY {b.name} GIVING {q.name}{rnd}",
                     f"             REMAINDER {r.name}"],
             [f"{{ let (q, r) = F_{a.name}.get(&m).div_rem(F_{b.name}.get(&m), "
              f"F_{q.name}.pic.scale); F_{q.name}.store(&mut m, q, {mode}, false); "
              f"F_{r.name}.store(&mut m, r, Round::Truncate, false); }}"]),
            ("show", q.name), ("show", r.name)]))
    a, r = _item("S9(18)"), _item("S9(36)")
    cases.append(Case([a, r], [("move", "-999999999999999999", a.name),
                               ("compute", r.name, "", ("*", a.name, a.name), True),
                               ("show", r.name)]))
    return cases


def random_cases(seed: int = 1234, count: int = 160) -> list[Case]:
    """Seeded random COMPUTEs and edits: operands, receivers and modes drawn from tables."""
    rng = random.Random(seed)
    pics = ["S9(3)V99", "S9(5)", "S9V9(4)", "S9(7)V9(3) COMP-3", "S9(4) COMP", "9(3)V9",
            "S9(9)V99", "S9(2)V9(6)"]
    receivers = ["S9(3)V9", "S9(5)V99 COMP-3", "9(4)", "S9(6)V9(4)", "S9(4) COMP", "S99V99",
                 "ZZ,ZZ9.99-", "S9(8) COMP-5"]

    def lit(spec: str) -> str:
        neg = "-" if spec.startswith("S") and rng.random() < 0.4 else ""
        return f"{neg}{rng.randint(0, 99999)}.{rng.randint(0, 9999):04d}"

    cases = []
    for _ in range(count):
        a, b, c = (_item(rng.choice(pics)) for _ in range(3))
        r = _item(rng.choice(receivers))
        op1, op2 = rng.choice("+-*/"), rng.choice("+-*/")
        expr = (op2, (op1, a.name, b.name), c.name)
        mode = rng.choice(list(ROUND_MODES))
        se = rng.random() < 0.5
        cases.append(Case([a, b, c, r], [
            ("move", lit(a.spec), a.name), ("move", lit(b.spec), b.name),
            ("move", lit(c.spec), c.name), ("move", "1", r.name),
            ("compute", r.name, mode, expr, se), ("show", r.name)]))
    return cases



def random_edit_cases(seed: int = 4321, per_picture: int = 4) -> list[Case]:
    """Seeded random values, including truncated high- and low-order digits, per picture."""
    rng = random.Random(seed)
    extra = ["ZZZ9.99 BWZ", "-9(4)", "+9(3).99", "$9(4).99", "ZZ.ZZ", "99B99B99", "Z(4)9CR",
             "*(5).99CR"]
    cases = []
    for pic in EDIT_PICTURES + extra:
        for _ in range(per_picture):
            sc = rng.choice([0, 1, 2, 3, 5])
            mag = rng.choice([0, 1, 9, 99, 12345, 10**7 + 3, 5, 10**5])
            sign = "-" if rng.random() < 0.5 else ""
            cases.append(_move_show(pic, f"{sign}{mag // 10**sc}.{mag % 10**sc:0{max(sc, 1)}d}"))
    return cases


def all_cases() -> list[Case]:
    return (move_cases() + arithmetic_cases() + compare_cases() + group_cases()
            + cond88_cases() + string_cases() + divide_cases() + random_cases()
            + random_edit_cases())
