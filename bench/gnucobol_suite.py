"""GnuCOBOL's own test suite as a public COBOL code base: programs, build, workloads.

The Debian source package `gnucobol3` (fetched at run time by `bench.corpus`, never
committed) holds GnuCOBOL's autotest suite: in `tests/testsuite.src/run_*.at` every test
writes its programs with `AT_DATA`, compiles them with `$COMPILE` (`cobc -x`) and runs the
executable with `$COBCRUN_DIRECT ./prog`. Those programs were written by GnuCOBOL's
maintainers to exercise the compiler's runtime behaviour, so they are a hard, honest
sample of real COBOL semantics.

This module turns the tests that are a plain "compile one program, run it" into one
refactor target: each test's program under `t/<suite>/<nnn>/`, its build command in the
target's `[build]` (our pinned dialect flags, not the suite's `-debug -Wall`), one workload
per test running the executable with the test's arguments. The comparison is ours, Rust
against the cobc-built original, not the suite's expected output.

Programs are renamed mechanically so one target can hold them all: every PROGRAM-ID (and
its END PROGRAM and CALL literals) gets the test's prefix, because the suite names almost
every program `prog` and a code base's program names must be unique to link. Tests that
need more than this (extra data files, environment variables, other compile flags, C
code, several compile steps, input on stdin) are left out, and counted by reason.

    python -m bench.gnucobol_suite [--out DIR] [--limit N]   # writes the target, prints counts
    python -m bench.gnucobol_suite --run [--limit N]        # and runs `refactor run` on it

`--run` prints the share of programs and of code lines secured, and the reasons of the
rest grouped by construct (from report.json), as the README quotes them.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import cache_dir, fetch_debian_source

PACKAGE = "gnucobol3"
SUITES = ("run_fundamental", "run_misc", "run_functions", "run_extensions", "run_file",
          "run_initialize", "run_refmod", "run_subscripts", "run_returncode", "run_accept",
          "data_binary", "data_display", "data_packed")
FLAGS = "-x -std=default"
_QUADRIGRAPHS = {"@<:@": "[", "@:>@": "]", "@S|@": "$", "@%:@": "#", "@&t@": "", "@{:@": "(",
                 "@:}@": ")"}
_MACRO = re.compile(r"\b(AT_SETUP|AT_DATA|AT_CHECK|AT_CLEANUP|AT_SKIP_IF|AT_XFAIL_IF|"
                    r"AT_CAPTURE_FILE)\b")
_COMPILE = re.compile(r"^\$COMPILE\s+([\w.-]+\.cob)$")
_RUN = re.compile(r"^\$COBCRUN_DIRECT\s+\./([\w-]+)((?:\s+[\w.-]+)*)$")
_PROGRAM_ID = re.compile(r"(PROGRAM-ID\s*\.\s*)([\"']?)([A-Za-z0-9][\w-]*)\2", re.IGNORECASE)


@dataclass
class Test:
    suite: str
    number: int
    title: str
    files: dict[str, str] = field(default_factory=dict)
    checks: list[list[str]] = field(default_factory=list)  # AT_CHECK arguments
    skipped: bool = False


@dataclass
class Program:
    tag: str  # e.g. "fund-012"
    title: str
    source: str  # path inside the target's source dir
    text: str
    args: list[str]
    status: int


def _arguments(text: str, start: int) -> tuple[list[str], int]:
    """The m4 arguments of a macro call whose `(` is at `start`, unquoted one level."""
    args: list[str] = []
    depth = 0
    current: list[str] = []
    i = start + 1
    while i < len(text):
        ch = text[i]
        if ch == "[":
            if depth:
                current.append(ch)
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth:
                current.append(ch)
        elif depth == 0 and ch in ",)":
            args.append("".join(current))
            current = []
            if ch == ")":
                return [_unquote(a) for a in args], i + 1
            while i + 1 < len(text) and text[i + 1] in " \t\n":
                i += 1
        elif depth or ch not in " \t\n":
            current.append(ch)
        i += 1
    return [_unquote(a) for a in args], i


def _unquote(arg: str) -> str:
    for quad, char in _QUADRIGRAPHS.items():
        arg = arg.replace(quad, char)
    return arg


def parse_suite(text: str, suite: str) -> list[Test]:
    tests: list[Test] = []
    current: Test | None = None
    pos = 0
    while (match := _MACRO.search(text, pos)) is not None:
        name = match.group(1)
        line_start = text.rfind("\n", 0, match.start()) + 1
        if text[line_start:match.start()].lstrip().startswith(("#", "dnl")):
            pos = match.end()
            continue
        if match.end() >= len(text) or text[match.end()] != "(":
            if name == "AT_CLEANUP" and current is not None:
                tests.append(current)
                current = None
            pos = match.end()
            continue
        args, pos = _arguments(text, match.end())
        if name == "AT_SETUP":
            current = Test(suite, len(tests) + 1, args[0] if args else "")
        elif current is None:
            continue
        elif name == "AT_DATA" and len(args) >= 2:
            current.files[args[0]] = args[1].removeprefix("\n")
        elif name == "AT_CHECK":
            current.checks.append(args)
        elif name in ("AT_SKIP_IF", "AT_XFAIL_IF"):
            current.skipped = True
        elif name == "AT_CLEANUP":
            tests.append(current)
            current = None
    return tests


def _prefixed(text: str, tag: str) -> str | None:
    """The program text with every PROGRAM-ID (and END PROGRAM / CALL literal naming it)
    prefixed by `tag`; None when a name would pass COBOL's 31 characters."""
    names = {m.group(3) for m in _PROGRAM_ID.finditer(text)}
    if not names or any(len(tag) + 1 + len(n) > 31 for n in names):
        return None
    for name in sorted(names, key=len, reverse=True):
        new = f"{tag}-{name}"
        quoted = re.escape(name)
        text = re.sub(rf"(PROGRAM-ID\s*\.\s*[\"']?){quoted}\b", rf"\g<1>{new}", text,
                      flags=re.IGNORECASE)
        text = re.sub(rf"(END\s+PROGRAM\s+[\"']?){quoted}\b", rf"\g<1>{new}", text,
                      flags=re.IGNORECASE)
        text = re.sub(rf"(CALL\s+)([\"']){quoted}\2", rf"\g<1>\g<2>{new}\g<2>", text,
                      flags=re.IGNORECASE)
    return text


def select(test: Test, tag: str) -> Program | str:
    """The test as one program with its workload, or why it is left out."""
    if test.skipped:
        return "skipped or expected to fail by the suite"
    sources = [name for name in test.files if name.endswith(".cob")]
    others = [name for name in test.files if not name.endswith(".cob")]
    if others:
        return "needs data files or copybooks"
    if len(sources) != 1:
        return "more than one source file"
    compiles = [c for c in test.checks if c and c[0].startswith("$COMPILE")]
    runs = [c for c in test.checks if c and c[0].startswith("$COBCRUN_DIRECT")]
    if len(test.checks) != 2 or len(compiles) != 1 or len(runs) != 1:
        return "several compile or run steps"
    compiled = _COMPILE.match(compiles[0][0].strip())
    if compiled is None or compiled.group(1) != sources[0]:
        return "compiled with other flags or tools"
    ran = _RUN.match(runs[0][0].strip())
    if ran is None or ran.group(1) != sources[0].removesuffix(".cob"):
        return "run with environment, input or another program"
    if len(compiles[0]) > 1 and compiles[0][1] not in ("", "0"):
        return "does not compile"
    text = _prefixed(test.files[sources[0]], tag)
    if text is None:
        return "program name too long to prefix"
    if not _compiles(text):
        return "cobc rejects it with our flags"
    status = runs[0][1] if len(runs[0]) > 1 and runs[0][1].isdigit() else "0"
    return Program(tag, test.title, f"t/{tag}/{sources[0]}", text,
                   shlex.split(ran.group(2)), int(status))


def _compiles(text: str) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "prog.cob"
        path.write_text(text, "utf-8")
        done = subprocess.run(["cobc", "-fsyntax-only", *FLAGS.split()[1:], str(path)],
                              capture_output=True, timeout=60, check=False)
        return done.returncode == 0


_SHORT = {"run_fundamental": "fund", "run_misc": "misc", "run_functions": "func",
          "run_extensions": "ext", "run_file": "file", "run_initialize": "init",
          "run_refmod": "refm", "run_subscripts": "subs", "run_returncode": "rc",
          "run_accept": "acc", "data_binary": "bin", "data_display": "disp",
          "data_packed": "pack"}


def programs(source_root: Path, limit: int | None = None) -> tuple[list[Program], Counter[str]]:
    """The suite's selectable programs (in suite order) and the count of left-out reasons."""
    chosen: list[Program] = []
    left: Counter[str] = Counter()
    for suite in SUITES:
        path = source_root / "tests" / "testsuite.src" / f"{suite}.at"
        for test in parse_suite(path.read_text("utf-8", errors="replace"), suite):
            picked = select(test, f"{_SHORT[suite]}{test.number:03d}")
            if isinstance(picked, str):
                left[picked] += 1
            elif limit is None or len(chosen) < limit:
                chosen.append(picked)
    return chosen, left


def write_target(out: Path, chosen: list[Program]) -> Path:
    """The target directory (source, TOML) for `chosen`; returns the TOML's path."""
    source = out / "gnucobol-suite"
    for program in chosen:
        path = source / program.source
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(program.text, "utf-8")
    lines = ['name = "gnucobol-suite"', 'language = "cobol"', 'source = "gnucobol-suite"',
             'description = "GnuCOBOL 3.1.2 test-suite programs (Debian source gnucobol3)"',
             "", "[build]", "commands = [", '  "mkdir -p bin",']
    lines += [f'  "cobc {FLAGS} -o bin/{p.tag} {p.source}",' for p in chosen]
    lines += ["]", f"timeout = {max(120, 2 * len(chosen))}", ""]
    for p in chosen:
        command = ", ".join(f'"{w}"' for w in [f"bin/{p.tag}", *p.args])
        lines += ["[[workloads]]", f'name = "{p.tag}"', f"command = [{command}]",
                  f"expected_status = {p.status}", "timeout = 30", ""]
    toml = out / "gnucobol-suite.toml"
    toml.write_text("\n".join(lines))
    return toml


@dataclass
class Measured:
    programs: int
    secured: int
    loc: int
    loc_secured: int
    reasons: Counter[str]
    seconds: float


def measure(toml: Path, out: Path) -> Measured:
    """`refactor run` on the target; the programs' shares from its report.json."""
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "refactor", "run", str(toml), "--ledger",
                           str(out / "ledger.db"), "--report-dir", str(out)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"refactor run failed ({done.returncode}): {done.stderr[-2000:]}")
    report = json.loads((out / "report.json").read_text())
    units = [u for u in report["units"] if u["kind"] == "program"]
    reasons: Counter[str] = Counter()
    for unit in units:
        if not unit["secured"]:
            why = unit["reason"] or f"reached {unit['level']} only"
            reasons[why.split(" at line")[0].split(" (line")[0].split(": cannot be read")[0]
                    [:90]] += 1
    secured = [u for u in units if u["secured"]]
    return Measured(len(units), len(secured), sum(u["loc"] for u in units),
                    sum(u["loc"] for u in secured), reasons, time.monotonic() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=cache_dir() / "targets")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--run", action="store_true", help="run `refactor run` and measure")
    args = parser.parse_args(argv)
    root = fetch_debian_source(PACKAGE)
    chosen, left = programs(root, args.limit)
    toml = write_target(args.out, chosen)
    print(f"{len(chosen)} programs selected from {PACKAGE}'s test suite -> {toml}")
    for reason, count in left.most_common():
        print(f"  left out: {count:4d} {reason}")
    if args.run:
        m = measure(toml, args.out / "out")
        print(f"refactor run: {m.secured} of {m.programs} programs secured "
              f"({100 * m.secured / max(1, m.programs):.1f}%), {m.loc_secured:,} of "
              f"{m.loc:,} code lines ({100 * m.loc_secured / max(1, m.loc):.1f}%), "
              f"{m.seconds:.0f} s")
        for reason, count in m.reasons.most_common(25):
            print(f"  not secured: {count:4d} {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
