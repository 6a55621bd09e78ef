"""Shared pieces of the verify tests: the textstats program and its Rust translation."""

from __future__ import annotations

import shutil
from pathlib import Path

from refactor.verify.builds import CrateBuild, build_crate

PROGRAMS = Path(__file__).parent / "programs"
TEXTSTATS_RS = PROGRAMS / "textstats_rs" / "lib.rs"

# Each mutation breaks one function of textstats_rs in a way its callers can see.
MUTATIONS = {
    "off-by-one": ("sum_bytes", "let end = n; // MUTATE:off-by-one",
                   "let end = n.saturating_sub(1);"),
    "wrong-sign": ("negate_if", "if flag != 0 { v.wrapping_neg() } else { v } // MUTATE:wrong-sign",
                   "if flag != 0 { v } else { v.wrapping_neg() }"),
    "missing-nul": ("copy_upper", "*dst.add(i) = 0; // MUTATE:missing-nul", "// no NUL"),
}


def textstats_crate(where: Path, mutation: str | None = None) -> CrateBuild:
    """Build the Rust translation of textstats (broken by `mutation`) in `where`."""
    source = TEXTSTATS_RS.read_text("utf-8")
    if mutation is not None:
        _, before, after = MUTATIONS[mutation]
        assert before in source, f"mutation {mutation} no longer applies to {TEXTSTATS_RS}"
        source = source.replace(before, after)
    (where / "src").mkdir(parents=True, exist_ok=True)
    (where / "Cargo.toml").write_text(
        '[package]\nname = "textstats"\nversion = "0.1.0"\nedition = "2021"\n\n'
        '[lib]\ncrate-type = ["staticlib", "cdylib"]\n\n[workspace]\n', "utf-8")
    (where / "src" / "lib.rs").write_text(source, "utf-8")
    built = build_crate(where, [], clippy=False)
    assert built.ok and built.staticlib and built.cdylib, built.problems
    return built


def textstats_source(where: Path) -> Path:
    """A copy of the textstats program and its TOML; returns the TOML."""
    shutil.copytree(PROGRAMS / "textstats", where / "textstats")
    shutil.copyfile(PROGRAMS / "textstats.toml", where / "textstats.toml")
    return where / "textstats.toml"
