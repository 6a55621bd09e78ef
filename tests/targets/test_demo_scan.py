"""The bundled demo targets scan completely: every function, program and paragraph."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from tests.conftest import REPO


def scan(cli, target: str, ledger: Path) -> dict:
    result = cli("scan", REPO / "targets" / f"{target}.toml", "--json", "--ledger", ledger)
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


def test_kvstore_units_match_the_compiler_symbols(tmp_path: Path, cli) -> None:
    """Every function gcc compiles is a unit (nm on the objects is the reference)."""
    data = scan(cli, "kvstore", tmp_path / "l.db")
    src = REPO / "targets" / "kvstore"
    defined: set[str] = set()
    for c_file in sorted((src / "src").glob("*.c")):
        obj = tmp_path / (c_file.stem + ".o")
        subprocess.run(["gcc", "-std=c99", "-c", "-I", str(src / "include"), str(c_file),
                        "-o", str(obj)], check=True)
        nm = subprocess.run(["nm", str(obj)], capture_output=True, text=True, check=True)
        defined |= {line.split()[-1] for line in nm.stdout.splitlines()
                    if re.search(r" [Tt] ", line)}
    functions = {u["name"] for u in data["units"] if u["kind"] == "function"}
    assert functions == defined
    assert all(u["reason"] is None for u in data["units"]), \
        [u for u in data["units"] if u["reason"]]
    kinds = {u["kind"] for u in data["units"]}
    assert kinds == {"function", "type", "global", "macro"}


def test_kvstore_dependency_graph(tmp_path: Path, cli) -> None:
    ledger = tmp_path / "l.db"
    scan(cli, "kvstore", ledger)
    result = cli("plan", "--ledger", ledger, "--json")
    (plan,) = json.loads(result.stdout)
    position = {name: w for w, wave in enumerate(plan["waves"]) for comp in wave
                for name in comp}
    assert position["main"] == max(position.values())  # the CLI entry point comes last
    # callees first: hash_key calls kv_fnv1a, kv_crc32 calls kv_crc32_update, and the
    # store functions use the kv_store type
    assert position["kv_fnv1a"] < position["hash_key"] < position["kv_store_put"]
    assert position["kv_crc32_update"] < position["kv_crc32"]
    assert position["kv_store"] < position["kv_store_create"]


def test_payroll_programs_paragraphs_and_copybooks(tmp_path: Path, cli) -> None:
    data = scan(cli, "payroll", tmp_path / "l.db")
    by_kind: dict[str, set[str]] = {}
    for u in data["units"]:
        by_kind.setdefault(u["kind"], set()).add(u["name"])
    assert by_kind["program"] == {"PAYRUN", "TAXCALC", "LEDGER"}
    # copybooks are expanded before parsing, so FD and LINKAGE SECTION COPYs parse
    assert [u for u in data["units"] if u["reason"]] == []
    assert by_kind["copybook"] == {"EMPREC", "TAXLINK", "TXNREC"}
    source = "".join(p.read_text() for p in (REPO / "targets/payroll/src").glob("*.cbl"))
    headers = re.findall(r"^[ \d]{6}\s?([0-9A-Z][0-9A-Z-]*)\.\s*$|^\s*([0-9A-Z][0-9A-Z-]*)\.\s*$",
                         source, re.MULTILINE)
    assert len(by_kind["paragraph"]) >= 30
    assert len(headers) >= len(by_kind["paragraph"])
