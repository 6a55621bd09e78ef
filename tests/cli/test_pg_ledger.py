"""`--ledger postgresql://...` on the real CLI: `refactor run` of the kvstore demo target on a
PostgreSQL ledger reports what the same run on SQLite reports."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from refactor.ledger import Ledger
from tests.conftest import REPO, write_tree

pytestmark = pytest.mark.xdist_group("postgresql")
KVSTORE = REPO / "targets" / "kvstore.toml"


def _outcomes(report: dict) -> dict[tuple[str, str, str], tuple[object, ...]]:  # type: ignore[type-arg]
    return {(u["path"], u["kind"], u["name"]): (u["level"], u["secured"], u["state"], u["loc"],
                                                u["unsafe_lines"], u["attempts"])
            for u in report["units"]}


def test_refactor_run_on_postgresql_reports_what_sqlite_reports(tmp_path: Path, pg_url: str,
                                                                  cli) -> None:  # type: ignore[no-untyped-def]
    reports = {}
    for name, ledger, report in (
            ("sqlite", tmp_path / "sqlite" / "ledger.db", tmp_path / "sqlite" / "report.json"),
            ("postgresql", pg_url, tmp_path / "postgresql" / ".refactor" / "report.json")):
        cwd = tmp_path / name
        cwd.mkdir()
        result = cli("run", KVSTORE, "--ledger", ledger, "--fuzz-examples", "20", cwd=cwd)
        assert result.code == 0, result.stderr
        assert f"report: {report}" in result.stdout.replace("\n", "")
        reports[name] = json.loads(report.read_text())
    sqlite, postgresql = reports["sqlite"], reports["postgresql"]
    assert sqlite["totals"]["units"] > 50 and sqlite["totals"]["loc_secured"] > 0
    assert postgresql["totals"] == sqlite["totals"]
    assert _outcomes(postgresql) == _outcomes(sqlite)
    assert postgresql["targets"][0]["ledger"] == pg_url
    # Beside a PostgreSQL ledger means .refactor/ in the directory the command ran in.
    assert (tmp_path / "postgresql" / ".refactor" / "rust" / "kvstore" / "Cargo.toml").is_file()

    status = cli("status", "--ledger", pg_url, cwd=tmp_path)
    assert status.code == 0, status.stderr
    assert "kvstore" in status.stdout
    out = tmp_path / "report"
    again = cli("report", "--ledger", pg_url, "--out", out, cwd=tmp_path)
    assert again.code == 0, again.stderr
    assert json.loads((out / "report.json").read_text())["totals"] == sqlite["totals"]


def test_cli_refusals_on_postgresql(tmp_path: Path, pg_url: str, pg_server, cli) -> None:  # type: ignore[no-untyped-def]
    src = write_tree(tmp_path / "src", {"a.c": "int one(void) { return 1; }\n"})
    empty = pg_server.database()
    try:
        missing = cli("status", "--ledger", empty, cwd=tmp_path)
        assert missing.code == 1
        assert f"no ledger at {empty}; run `refactor scan` first" in missing.stderr
    finally:
        pg_server.drop(empty)
    with Ledger(pg_url, "run"):
        refused = cli("scan", src, "--ledger", pg_url, cwd=tmp_path)
        assert refused.code == 1
        assert f"is in use by `refactor run` (pid {os.getpid()}, since" in refused.stderr
    scanned = cli("scan", src, "--ledger", pg_url, "--json", cwd=tmp_path)
    assert scanned.code == 0, scanned.stderr
    assert [u["name"] for u in json.loads(scanned.stdout)["units"]] == ["one"]
    no_server = cli("status", "--ledger", "postgresql://postgres@127.0.0.1:9/none",
                    cwd=tmp_path)
    assert no_server.code == 1
    assert "cannot connect to the PostgreSQL ledger postgresql://postgres@127.0.0.1:9/none" \
        in no_server.stderr


def test_without_psycopg_the_cli_says_what_to_install(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    hidden = write_tree(tmp_path / "hide", {"psycopg/__init__.py":
                                            "raise ImportError('psycopg hidden by the test')\n"})
    path = os.pathsep.join([str(hidden), os.environ.get("PYTHONPATH", "")])
    result = cli("status", "--ledger", "postgresql://me@127.0.0.1:9/db", cwd=tmp_path,
                 env={"PYTHONPATH": path})
    assert result.code == 1
    assert "pip install 'refactor[postgres]'" in result.stderr
