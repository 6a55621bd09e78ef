"""The `tested` level on real builds: gcc, make, cargo, objcopy, gcov, bubblewrap."""

from __future__ import annotations

from pathlib import Path

import pytest

from refactor.model.target import load_target
from refactor.verify.tested import ProgramUnit, verify_program
from tests.verify.conftest import MUTATIONS, textstats_crate, textstats_source

UNITS = [ProgramUnit(i, "src/util.c", name, False) for i, name in
         enumerate(["sum_bytes", "negate_if", "copy_upper", "never_called"], start=1)]


def _statuses(result) -> dict[str, str]:  # type: ignore[no-untyped-def]
    names = {u.unit_id: u.name for u in UNITS}
    return {names[uid]: v.status for uid, v in result.verdicts.items()}


def test_correct_translation_is_tested_and_an_unreached_unit_is_not(tmp_path: Path) -> None:
    target = load_target(textstats_source(tmp_path))
    crate = textstats_crate(tmp_path / "crate")
    result = verify_program(target, tmp_path / "work", crate.staticlib, UNITS)
    assert result.problems == []
    assert _statuses(result) == {"sum_bytes": "pass", "negate_if": "pass",
                                 "copy_upper": "pass", "never_called": "not-executed"}
    assert "no workload executed it" in result.verdicts[4].detail
    assert result.isolation in ("bwrap", "rlimits")


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_a_wrong_body_is_caught_and_bisection_names_it(tmp_path: Path, mutation: str) -> None:
    guilty, _, _ = MUTATIONS[mutation]
    target = load_target(textstats_source(tmp_path))
    crate = textstats_crate(tmp_path / "crate", mutation)
    result = verify_program(target, tmp_path / "work", crate.staticlib, UNITS)
    statuses = _statuses(result)
    assert statuses.pop(guilty) == "fail"
    assert set(statuses.values()) <= {"pass", "not-executed"}
    verdict = next(v for v in result.verdicts.values() if v.status == "fail")
    assert "workload lines: stdout: line" in verdict.detail  # the first difference, shown


def test_static_function_counts_only_when_all_its_referrers_are_substituted(
        tmp_path: Path) -> None:
    target = load_target(textstats_source(tmp_path))
    crate = textstats_crate(tmp_path / "crate")
    units = [*UNITS,
             ProgramUnit(10, "src/util.c", "sum_bytes", True, frozenset({1})),
             ProgramUnit(11, "src/util.c", "negate_if", True, frozenset({1, 20})),
             ProgramUnit(12, "src/util.c", "copy_upper", True, frozenset({21})),
             # 20: a table no one substituted refers to; 21: one only unit 1 refers to
             ProgramUnit(20, "src/util.c", "table", True, frozenset(), verdict=False),
             ProgramUnit(21, "src/util.c", "table2", True, frozenset({1}), verdict=False)]
    result = verify_program(target, tmp_path / "work", crate.staticlib, units)
    assert result.verdicts[10].status == "pass"  # its only referrer (unit 1) is Rust
    assert result.verdicts[11].status == "not-substituted"  # referrer 20 stays C
    assert result.verdicts[12].status == "pass"  # through table2, whose referrer is Rust
    assert 20 not in result.verdicts and 21 not in result.verdicts


def test_a_target_without_workloads_says_so(tmp_path: Path) -> None:
    target = load_target(textstats_source(tmp_path)).model_copy(update={"workloads": []})
    result = verify_program(target, tmp_path / "work", None, UNITS)
    assert {v.status for v in result.verdicts.values()} == {"not-run"}
    assert "has no workloads" in result.verdicts[1].detail


def test_a_failing_build_is_reported_not_raised(tmp_path: Path) -> None:
    toml = textstats_source(tmp_path)
    (tmp_path / "textstats" / "src" / "util.c").write_text("int broken(", "utf-8")
    result = verify_program(load_target(toml), tmp_path / "work", None, UNITS)
    assert {v.status for v in result.verdicts.values()} == {"not-run"}
    assert "build command 'make' failed" in result.problems[0]


def test_bisection_names_the_guilty_unit_among_the_whole_demo(tmp_path: Path, cli) -> None:
    """The translated kvstore with one function made wrong (the minus sign of a negative
    number printed as a plus): all 70 functions substituted, one named."""
    from refactor.ledger import Ledger
    from refactor.verify.builds import build_crate
    from tests.conftest import REPO

    toml, ledger = REPO / "targets" / "kvstore.toml", tmp_path / "l.db"
    assert cli("scan", toml, "--ledger", ledger).code == 0
    assert cli("translate", toml, "--ledger", ledger).code == 0
    crate = tmp_path / "rust" / "kvstore"
    module = crate / "src" / "src_strutil.rs"
    text = module.read_text()
    wrong = "        (*{  let __t3: *mut i8 = p.wrapping_offset(-1); p = __t3; __t3 }) = 45i8;"
    assert wrong in text, "the translation of kv_format_int64 changed; update this mutation"
    module.write_text(text.replace(wrong, wrong.replace("45i8", "43i8")))
    built = build_crate(crate, [], clippy=False)
    assert built.ok and built.staticlib is not None
    with Ledger(ledger) as led:
        tid = led.targets()[0][0]
        statics = led.static_units(tid)
        units = [ProgramUnit(u.id, u.path, u.name, u.id in statics)
                 for u in led.units(tid) if u.kind == "function"]
    result = verify_program(load_target(toml), tmp_path / "work", built.staticlib, units)
    names = {u.unit_id: u.name for u in units}
    failed = [names[uid] for uid, v in result.verdicts.items() if v.status == "fail"]
    assert failed == ["kv_format_int64"]
    passed = [uid for uid, v in result.verdicts.items() if v.status == "pass"]
    assert len(passed) >= 40  # the rest, substituted together, still agree
    detail = result.verdicts[next(u.unit_id for u in units
                                  if u.name == "kv_format_int64")].detail
    assert "expected" in detail and "+" in detail
