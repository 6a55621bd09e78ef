"""Real-world C fetched from Debian source packages (slow: run with `make test-all`)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from bench.corpus import CorpusError, fetch_debian_source

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("package", ["zlib", "cjson", "libyaml"])
def test_real_library_scans_and_counts_like_cloc(package: str, tmp_path: Path, cli) -> None:
    if shutil.which("cloc") is None:
        pytest.skip("cloc is not installed (make setup)")
    try:
        root = fetch_debian_source(package)
    except CorpusError as exc:
        pytest.skip(f"cannot fetch {package}: {exc}")
    result = cli("scan", root, "--json", "--ledger", tmp_path / "l.db")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    cloc = json.loads(subprocess.run(
        ["cloc", "--quiet", "--json", "--skip-uniqueness", "--include-lang=C,C/C++ Header",
         str(root)], capture_output=True, text=True, check=True).stdout)
    c_loc = sum(f["loc"] for f in data["files"] if f["language"] == "c")
    assert abs(c_loc - cloc["SUM"]["code"]) <= 0.01 * cloc["SUM"]["code"]
    functions = [u for u in data["units"] if u["kind"] == "function"]
    assert len(functions) > 50
    broken = [u for u in functions if u["reason"]]
    assert len(broken) <= 0.05 * len(functions), broken[:5]


def test_definitions_inside_an_error_region_are_kept(tmp_path: Path, cli) -> None:
    """zlib's K&R definitions and OF() prototypes throw tree-sitter's error recovery into
    one ERROR node covering most of deflate.c; the functions it kept whole are units."""
    try:
        root = fetch_debian_source("zlib")
    except CorpusError as exc:
        pytest.skip(f"cannot fetch zlib: {exc}")
    result = cli("scan", root, "--json", "--ledger", tmp_path / "l.db")
    assert result.code == 0, result.stderr
    names = {u["name"] for u in json.loads(result.stdout)["units"]
             if u["path"] == "deflate.c" and u["kind"] == "function"}
    assert {"deflate", "deflateEnd", "deflateCopy", "deflate_slow"} <= names
