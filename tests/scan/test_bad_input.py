"""Bad input scans to completion: every problem named, good files fully scanned, exit 0."""

from __future__ import annotations

import json
import os
from pathlib import Path

from refactor.model import Skip
from refactor.scan.files import BatchResult, CopybookIndex, scan_batch
from refactor.scan.pool import Task, scan_files
from refactor.scan.walk import Candidate
from tests.conftest import write_tree

GOOD_C = """
    #include <string.h>
    struct pair { int a; int b; };
    int add(struct pair p) { return p.a + p.b; }
    int twice(int x) { return add((struct pair){x, x}); }
    """
GOOD_COBOL = """
           IDENTIFICATION DIVISION.
           PROGRAM-ID. GOODPROG.
           PROCEDURE DIVISION.
           MAIN-PARA.
               PERFORM SUB-PARA.
               STOP RUN.
           SUB-PARA.
               DISPLAY "OK".
    """

HUGE_FUNCTIONS = 550_000


def huge_c(functions: int) -> bytes:
    """About 20 MB of generated C for 550,000 functions."""
    return b"".join(f"int generated_{i}(void) {{ return {i}; }}\n".encode()
                    for i in range(functions))


def make_bad_repo(root: Path) -> Path:
    write_tree(root, {
        "good.c": GOOD_C,
        "good.cbl": GOOD_COBOL,
        "x.c": bytes(range(256)) * 64,  # binary content behind a .c name
        "nul.c": b"int a;\n" * 2000 + b"int b\0;\n",  # text with a NUL far from the start
        "latin1.c": b"/* caf\xe9 */\nint cafe(void) { return '\xe9'; }\n",
        "generated/huge.c": huge_c(HUGE_FUNCTIONS),
        "broken.c": "int ok(void) { return 1; }\nint bad(void) { return 1 +; }\n",
        # unterminated literals (apostrophes in #error text, in #if 0 prose) must not make
        # a regular expression backtrack exponentially
        "prose.c": "#if 0\nit's " + "a" * 60 + "\n#endif\n#error don't \"" + "b" * 60
                   + "\nint after(void) { return 0; }\n",
        "empty.c": b"",
        # last line shorter than 7 columns and no newline: hangs the raw grammar
        "short.cbl": GOOD_COBOL.replace("    ", "", 1) + "  AB",
    })
    (root / "short.cbl").write_bytes((root / "short.cbl").read_bytes().rstrip(b"\n"))
    os.symlink("loop2.c", root / "loop1.c")
    os.symlink("loop1.c", root / "loop2.c")
    outside = root.parent / "outside.c"
    outside.write_text("int secret(void) { return 42; }\n")
    os.symlink(outside, root / "escape.c")
    os.symlink("..", root / "parent_dir")
    return root


def test_bad_inputs_are_named_and_good_files_scanned(tmp_path: Path, cli) -> None:
    repo = make_bad_repo(tmp_path / "repo")
    result = cli("scan", repo, "--json", "--ledger", tmp_path / "ledger.db")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    skipped = {s["path"]: s["reason"] for s in data["skipped"]}
    assert "binary file" in skipped["x.c"]
    assert "NUL byte at line 2001" in skipped["nul.c"]
    assert "empty file" in skipped["empty.c"]
    assert "symlink loop" in skipped["loop1.c"] and "symlink loop" in skipped["loop2.c"]
    assert "outside the repository" in skipped["escape.c"]
    assert "outside the repository" in skipped["parent_dir"]
    units = {(u["path"], u["name"]): u for u in data["units"]}
    assert {("good.c", "add"), ("good.c", "twice"), ("good.c", "struct pair")} <= set(units)
    assert {("good.cbl", "GOODPROG"), ("good.cbl", "GOODPROG.SUB-PARA")} <= set(units)
    assert ("short.cbl", "GOODPROG.SUB-PARA") in units
    assert units[("broken.c", "ok")]["reason"] is None
    assert "parse error" in units[("broken.c", "bad")]["reason"]
    assert ("latin1.c", "cafe") in units
    assert ("prose.c", "after") in units
    # 20 MB of generated C is within the default limit (32 MB): scanned, all of it
    generated = [u for u in data["units"] if u["path"] == "generated/huge.c"]
    assert len(generated) == HUGE_FUNCTIONS
    warnings = {(w["path"], w["line"]) for w in data["warnings"]}
    assert ("latin1.c", 1) in warnings
    assert not any("secret" in u["name"] for u in data["units"])


def test_files_over_the_size_limit_are_skipped(tmp_path: Path, cli) -> None:
    repo = tmp_path / "repo"
    write_tree(repo, {"huge.c": huge_c(HUGE_FUNCTIONS), "small.c": GOOD_C})
    assert (repo / "huge.c").stat().st_size > 20_000_000
    result = cli("scan", repo, "--json", "--max-file-size", "16",
                 "--ledger", tmp_path / "l.db")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    (skip,) = data["skipped"]
    assert skip["path"] == "huge.c" and "over the 16 MB limit" in skip["reason"]
    assert {u["name"] for u in data["units"]} == {"add", "twice", "struct pair"}


def test_missing_path_is_one_sentence_and_status_1(tmp_path: Path, cli) -> None:
    result = cli("scan", tmp_path / "nope", "--ledger", tmp_path / "l.db")
    assert result.code == 1
    assert "no such file or directory" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_corrupt_ledger_is_one_sentence_and_status_1(tmp_path: Path, cli) -> None:
    repo = write_tree(tmp_path / "repo", {"good.c": GOOD_C})
    ledger = tmp_path / "ledger.db"
    ledger.write_bytes(b"this is not a database at all" * 100)
    for command in (("scan", repo), ("plan",), ("status",)):
        result = cli(*command, "--ledger", ledger)
        assert result.code == 1, command
        assert "corrupt or not a database" in result.stderr
        assert "Traceback" not in result.stderr + result.stdout
    assert ledger.read_bytes().startswith(b"this is not a database")  # left untouched


def hanging_worker(root: str, tasks: list[Task], max_bytes: int, shard_dir: str,
                   copybooks: CopybookIndex | None) -> BatchResult:
    """Parse with the raw COBOL grammar, without our normalisation: loops forever."""
    from tree_sitter_language_pack import get_parser

    for cand, _ in tasks:
        data = Path(root, cand.rel).read_bytes()
        if data.endswith(b"AB"):
            get_parser("cobol").parse(data)
    return scan_batch(root, tasks, max_bytes, shard_dir, copybooks)


def test_watchdog_stops_a_hanging_parser_and_keeps_the_rest(tmp_path: Path) -> None:
    write_tree(tmp_path, {"hang.cbl": GOOD_COBOL + "AB", "fine.cbl": GOOD_COBOL})
    (tmp_path / "hang.cbl").write_bytes((tmp_path / "hang.cbl").read_bytes().rstrip(b"\n"))
    tasks: list[Task] = [
        (Candidate(p.name, "cobol", p.stat().st_size, 0), None) for p in sorted(tmp_path.iterdir())
    ]
    shards = tmp_path / "shards"
    shards.mkdir()
    batches = list(scan_files(str(tmp_path), tasks, 10**6, str(shards), {}, workers=2,
                              worker=hanging_worker, file_timeout=2.0))
    skips = {s.path: s for b in batches for s in b.others if isinstance(s, Skip)}
    scanned = {p for b in batches for p in b.scanned}
    assert set(skips) == {"hang.cbl"}
    assert "did not finish within" in skips["hang.cbl"].reason
    assert scanned == {"fine.cbl"}
