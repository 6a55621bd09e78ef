"""The `fuzzed` level with the real gcc and rustc.

fuzz_cases/units.c and helpers.c are the C original of a tiny target; good.rs is a
faithful translation, bad.rs one with a deliberate bug per function. pointers.c (lists,
trees, a constructor, a destructor) has pointers_good.rs and pointers_bad.rs the same way.
Each test fuzzes a few functions with a small budget; the cdylibs are built once per
module.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from refactor.verify.fuzz import FuzzVerdict, fuzz_functions
from refactor.verify.fuzz.model import Signature
from refactor.verify.fuzz.signatures import STATIC, read_signatures

pytestmark = pytest.mark.skipif(
    shutil.which("gcc") is None or shutil.which("rustc") is None,
    reason="the fuzz tests need gcc and rustc on PATH")

CASES = Path(__file__).parent / "fuzz_cases"
C_FILES = [CASES / "units.c", CASES / "helpers.c"]
POINTER_FILES = [CASES / "pointers.c"]
EXAMPLES = 25


def _cdylib(source: Path, out_dir: Path) -> Path:
    out = out_dir / f"lib{source.stem}.so"
    proc = subprocess.run(
        ["rustc", "--edition", "2021", "--crate-type", "cdylib", "--crate-name", source.stem,
         "-C", "debug-assertions=on", "-A", "warnings", "-o", str(out), str(source)],
        capture_output=True, text=True, timeout=180, check=False)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="module")
def cdylibs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("cdylibs")
    return {name: _cdylib(CASES / f"{name}.rs", root)
            for name in ("good", "bad", "pointers_good", "pointers_bad")}


def _fuzz(cdylib: Path, work: Path, *functions: str, c_files: list[Path] = C_FILES,
          **kwargs: object) -> dict[str, FuzzVerdict]:
    verdicts = fuzz_functions(c_files, [CASES], ["FUZZ_TEST=1"], cdylib, list(functions),
                              work, max_examples=EXAMPLES, **kwargs)  # type: ignore[arg-type]
    assert set(verdicts) == set(functions)
    for verdict in verdicts.values():
        assert verdict.isolation in ("bwrap", "rlimits")
        if verdict.counterexample is not None:
            json.dumps(verdict.counterexample, allow_nan=False)  # strict JSON
    return verdicts


def test_signatures_roles_and_reasons() -> None:
    sigs: dict[str, Signature] = read_signatures(C_FILES, [CASES])[0]
    assert [(p.name, p.role) for p in sigs["sum"].params] == [
        ("buf", "buffer"), ("len", "length")]
    assert [(p.name, p.role) for p in sigs["copy_str"].params] == [
        ("dst", "buffer"), ("n", "length"), ("src", "string")]
    assert [(p.role, p.type.kind) for p in sigs["swap_point"].params] == [("pointee", "struct")]
    assert sigs["helper"].problem == STATIC
    hinted = read_signatures(C_FILES, [CASES], {"copy_str": {"dst": "array:4", "src": "cstring"},
                                               "diff": {"*": "skip"}})[0]
    assert [p.role for p in hinted["copy_str"].params] == ["array", "value", "string"]
    assert hinted["diff"].problem == "skipped by the target's hints"


def test_correct_translation_agrees(cdylibs: dict[str, Path], tmp_path: Path) -> None:
    names = ("sum", "diff", "copy_str", "half", "manhattan", "swap_point", "halve",
             "uses_helper")
    verdicts = _fuzz(cdylibs["good"], tmp_path, *names)
    for name in names:
        assert verdicts[name].status == "agree", verdicts[name].detail
        assert EXAMPLES // 2 <= verdicts[name].cases <= EXAMPLES  # repeats run once
        assert verdicts[name].counterexample is None


def test_rerun_gives_the_same_verdicts(cdylibs: dict[str, Path], tmp_path: Path) -> None:
    first = _fuzz(cdylibs["bad"], tmp_path / "1", "diff", "sum")
    again = _fuzz(cdylibs["bad"], tmp_path / "2", "diff", "sum")
    for name in first:
        assert (first[name].cases, first[name].counterexample) == (
            again[name].cases, again[name].counterexample)


def test_bugs_are_caught_and_shrunk(cdylibs: dict[str, Path], tmp_path: Path) -> None:
    verdicts = _fuzz(cdylibs["bad"], tmp_path, "sum", "diff", "copy_str")
    for verdict in verdicts.values():
        assert verdict.status == "disagree", verdict.detail
        assert verdict.counterexample is not None
    # off-by-one over a pointer + length buffer: one element is the minimal failing length
    off = verdicts["sum"].counterexample
    assert off is not None and off["inputs"]["len"] == 1 and len(off["inputs"]["buf"]) == 1
    assert off["difference"]["what"] == "return value"
    assert verdicts["sum"].detail.startswith("sum(buf=[")
    # wrong sign: the smallest operands
    sign = verdicts["diff"].counterexample
    assert sign is not None and sorted(map(abs, sign["inputs"].values())) == [0, 1]
    assert sign["difference"]["c"] == -sign["difference"]["rust"]
    # missing NUL terminator: a one-byte destination and an empty source
    nul = verdicts["copy_str"].counterexample
    assert nul is not None and nul["inputs"]["n"] == 1 and nul["inputs"]["src"] == ""
    assert nul["difference"] == {"what": "buffer dst after the call", "c": [0],
                                 "rust": nul["inputs"]["dst"]}


def test_crashes_and_hangs(cdylibs: dict[str, Path], tmp_path: Path) -> None:
    both = _fuzz(cdylibs["good"], tmp_path / "good", "crash_neg", "spin", case_timeout=0.3)
    assert both["crash_neg"].status == "agree", both["crash_neg"].detail  # SIGSEGV vs panic
    assert both["spin"].status == "agree", both["spin"].detail
    assert "both sides hang" in both["spin"].detail
    one = _fuzz(cdylibs["bad"], tmp_path / "bad", "half")["half"]
    assert one.status == "disagree" and one.counterexample is not None
    assert one.counterexample["inputs"] == {"x": -1}
    assert one.counterexample["c"]["kind"] == "ok"
    assert one.counterexample["rust"]["kind"] == "crash"
    assert "panicked: negative input" in one.detail


def test_cross_file_callee_resolves_to_the_c_original(cdylibs: dict[str, Path],
                                                      tmp_path: Path) -> None:
    # good.rs declares `triple` extern "C" and does not define it: only helpers.c does
    verdict = _fuzz(cdylibs["good"], tmp_path, "apply")["apply"]
    assert verdict.status == "agree", verdict.detail
    assert verdict.cases >= EXAMPLES // 2


def test_globals_are_compared_in_each_sides_library(cdylibs: dict[str, Path],
                                                    tmp_path: Path) -> None:
    touched = {"tick": ["counter", "untouched"]}
    good = _fuzz(cdylibs["good"], tmp_path / "good", "tick", globals=touched)["tick"]
    assert good.status == "agree", good.detail
    assert "global untouched not compared (Rust side: untouched is not exported" in good.detail
    bad = _fuzz(cdylibs["bad"], tmp_path / "bad", "tick", globals=touched)["tick"]
    assert bad.status == "disagree" and bad.counterexample is not None
    assert bad.counterexample["difference"]["what"] == "global counter after the call"
    assert bad.counterexample["inputs"] == {"by": 0}


def test_unsupported_functions_say_why(cdylibs: dict[str, Path], tmp_path: Path) -> None:
    verdicts = _fuzz(cdylibs["good"], tmp_path, "helper", "nowhere", "diff",
                     "crash_neg", hints={"diff": {"*": "skip"}, "crash_neg": {"x": "skip"}})
    for verdict in verdicts.values():
        assert verdict.status == "unsupported" and verdict.cases == 0
    assert verdicts["helper"].detail == f"helper: {STATIC}"
    assert "not defined in any of the C files" in verdicts["nowhere"].detail
    assert verdicts["diff"].detail == "diff: skipped by the target's hints"
    assert "parameter x" in verdicts["crash_neg"].detail
    missing = _fuzz(cdylibs["bad"], tmp_path / "bad", "manhattan")["manhattan"]
    assert missing.status == "unsupported"
    assert "not exported by the Rust cdylib libbad.so" in missing.detail


def test_c_that_does_not_compile_is_an_error(cdylibs: dict[str, Path], tmp_path: Path) -> None:
    verdicts = fuzz_functions([*C_FILES, CASES / "broken.c"], [CASES], [], cdylibs["good"],
                              ["sum", "broken"], tmp_path)
    for verdict in verdicts.values():
        assert verdict.status == "error"
        assert "broken.c:2" in verdict.detail and "error" in verdict.detail


# ------------------------------------------------------------------ pointers in structures


def test_pointer_fields_are_modelled() -> None:
    sigs = read_signatures(POINTER_FILES, [CASES])[0]
    link = dict(sigs["list_len"].structs)["struct link"]
    assert [(n, t.kind) for n, t in link.fields] == [("value", "scalar"), ("next", "pointer")]
    assert link.fields[1][1].element is not None and link.fields[1][1].element.tag == \
        "struct link"  # self-reference by tag: a finite type
    entry = dict(sigs["entry_new"].structs)["struct entry"]
    assert [(n, t.kind) for n, t in entry.fields] == [
        ("next", "pointer"), ("prev", "pointer"), ("key", "string"), ("count", "scalar"),
        ("weight", "pointer"), ("compare", "opaque"), ("user", "opaque")]
    returns = sigs["entry_new"].returns
    assert not isinstance(returns, str) and returns is not None and returns.kind == "pointer"
    assert sigs["number_int"].problem == \
        "parameter n has type union number *: unions are not generated"
    holder = sigs["holder_a"].params[0].type
    assert [(n, t.kind) for n, t in holder.fields] == [("n", "scalar"), ("inner", "struct")]
    assert [t.kind for _, t in holder.fields[1][1].fields] == ["scalar", "string"]


def test_pointer_graphs_agree(cdylibs: dict[str, Path], tmp_path: Path) -> None:
    names = ("list_len", "tree_sum", "entry_new", "entry_free", "entry_weight")
    verdicts = _fuzz(cdylibs["pointers_good"], tmp_path, *names, c_files=POINTER_FILES)
    for name in names:
        assert verdicts[name].status == "agree", verdicts[name].detail
        assert verdicts[name].cases >= EXAMPLES // 2


def test_pointer_bugs_are_caught_and_shrunk(cdylibs: dict[str, Path], tmp_path: Path) -> None:
    names = ("list_len", "tree_sum", "entry_new", "entry_free", "entry_weight", "number_int")
    verdicts = _fuzz(cdylibs["pointers_bad"], tmp_path, *names, c_files=POINTER_FILES)
    found = {name: verdicts[name].counterexample for name in names[:-1]}
    for name, counterexample in found.items():
        assert verdicts[name].status == "disagree", verdicts[name].detail
        assert counterexample is not None
    # the last node is not counted: one node is the smallest list that shows it
    assert found["list_len"]["inputs"] == {"head": {"value": 0, "next": None}}  # type: ignore[index]
    assert found["list_len"]["difference"] == {"what": "return value", "c": 1, "rust": 0}  # type: ignore[index]
    # the right subtree is forgotten: a root with only a right child
    tree = found["tree_sum"]["inputs"]["t"]  # type: ignore[index]
    assert tree["left"] is None and tree["right"] is not None
    # the key is not copied: the entry's key is the argument itself, not a new string
    new = found["entry_new"]["difference"]  # type: ignore[index]
    assert new["what"] == "return value"
    assert new["c"]["value"]["key"] == {"#": 2, "string": ""}
    assert new["rust"]["value"]["key"] == {"same as": 0}  # block 0: the argument key
    assert new["c"]["value"]["prev"] == new["rust"]["value"]["prev"] == {"same as": 1}
    # the entry is not freed: the C side frees its argument, the Rust side leaks it
    freed = found["entry_free"]["difference"]  # type: ignore[index]
    assert freed == {"what": "whether e is freed by the call", "c": True, "rust": False}
    # a pointer to a scalar inside a structure is generated and followed
    weight = found["entry_weight"]["inputs"]["e"]  # type: ignore[index]
    assert weight["weight"] == 0 and weight["next"] is None
    assert verdicts["number_int"].status == "unsupported"
    assert "unions are not generated" in verdicts["number_int"].detail
