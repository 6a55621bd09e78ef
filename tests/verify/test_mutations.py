"""The same deliberately wrong Rust bodies are caught at both differential levels.

textstats_rs is a hand-written translation of textstats/src/util.c; each mutation breaks
one function (an off-by-one, a wrong sign, a missing NUL). `fuzzed` must find a shrunk
counterexample for it, and `tested` must name it by bisection among the substituted units.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from refactor.model.target import load_target
from refactor.verify.fuzz import fuzz_functions
from refactor.verify.tested import ProgramUnit, verify_program
from tests.verify.conftest import MUTATIONS, textstats_crate, textstats_source

FUNCTIONS = ["sum_bytes", "negate_if", "copy_upper", "never_called"]


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_wrong_body_is_caught_at_fuzzed_and_at_tested(tmp_path: Path, mutation: str) -> None:
    guilty = MUTATIONS[mutation][0]
    toml = textstats_source(tmp_path)
    crate = textstats_crate(tmp_path / "crate", mutation)
    src = tmp_path / "textstats" / "src"
    assert crate.cdylib is not None
    fuzzed = fuzz_functions([src / "util.c"], [src], [], crate.cdylib, FUNCTIONS,
                            tmp_path / "fuzz", max_examples=60)
    assert fuzzed[guilty].status == "disagree", fuzzed[guilty].detail
    assert fuzzed[guilty].counterexample is not None
    assert {fuzzed[f].status for f in FUNCTIONS if f != guilty} == {"agree"}

    units = [ProgramUnit(i, "src/util.c", name, False) for i, name in enumerate(FUNCTIONS)]
    tested = verify_program(load_target(toml), tmp_path / "work", crate.staticlib, units)
    failed = [units[uid].name for uid, v in tested.verdicts.items() if v.status == "fail"]
    assert failed == [guilty]
